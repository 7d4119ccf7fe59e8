//! Stage 2 — fold the text for matching (never for display).
//!
//! Every character maps to exactly one character, so a position in the normalised text is
//! the same position in the original: spans computed on the folded text point into the
//! text the user sees. What folding does:
//!
//! - full-width ASCII (`０-９ Ａ-Ｚ （ ） ： ，`) → half-width; the ideographic space and
//!   no-break space → `' '`; tab → `' '`;
//! - Traditional → Simplified characters (OpenCC's character table, see `t2s_table.rs`);
//! - zero-width characters (ZWSP, ZWJ, ZWNJ, word joiner, BOM, soft hyphen) →
//!   [`IGNORABLE`], which the scanners skip, so `1\u{200B}234` still reads as 1234.
//!
//! Line endings are left alone: the `lines` stage treats `\r\n`, `\r` and `\n` alike.
//!
//! For example `（一）２０２４年發放資料３０００余份` folds to `(一)2024年发放资料3000余份`.

mod t2s_table;

use crate::chars::BmpSet;
use std::sync::OnceLock;
use t2s_table::T2S;

/// What zero-width characters fold to: scanners treat it as absent.
pub const IGNORABLE: char = '\u{200B}';

/// The first and last code points of the direct lookup table (CJK Extension A + Unified
/// Ideographs and the compatibility block), which covers all of [`T2S`]'s keys but a few.
const TABLE_FIRST: u32 = 0x3400;
const TABLE_LAST: u32 = 0xFAFF;

/// The tables folding reads, built once from the sorted pair list. Most chars of a report
/// are only looked up in the two 8 KB bit sets, which stay in the fastest cache; the
/// 100 KB table of Simplified forms is read for Traditional characters only.
struct Tables {
    /// The Traditional characters of the table range: those with a different Simplified form.
    traditional: BmpSet,
    /// The Simplified forms of the table range that are not themselves Traditional: only
    /// Simplified text uses them.
    simplified_only: BmpSet,
    /// For each code point in the table range, its Simplified form (0 = unchanged).
    simplified: Vec<u16>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let size = (TABLE_LAST - TABLE_FIRST + 1) as usize;
        let mut simplified = vec![0u16; size];
        for &(t, s) in T2S.iter() {
            if let Some(i) = table_index(t as u32) {
                simplified[i] = s;
            }
        }
        let in_table = |c: char| table_index(c as u32).map(|i| simplified[i]);
        let traditional = BmpSet::of(|c| in_table(c).is_some_and(|s| s != 0));
        let mut is_simplified_form = vec![false; 0x10000];
        for &(_, s) in T2S.iter() {
            is_simplified_form[usize::from(s)] = true;
        }
        let simplified_only = BmpSet::of(|c| in_table(c) == Some(0) && is_simplified_form[c as usize]);
        Tables { traditional, simplified_only, simplified }
    })
}

fn table_index(cp: u32) -> Option<usize> {
    (TABLE_FIRST..=TABLE_LAST).contains(&cp).then(|| (cp - TABLE_FIRST) as usize)
}

/// Folds one character (see the module docs).
#[inline]
pub fn fold(c: char) -> char {
    fold_with(tables(), c, &mut ScriptVote::default())
}

/// How many chars are Traditional with a different Simplified form, and how many are
/// Simplified forms that Traditional text would not use (the frame's script vote).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScriptVote {
    pub traditional: usize,
    pub simplified_only: usize,
}

/// The text read once: its folded chars, the original chars where they differ, and the
/// script vote.
pub struct FoldedText {
    /// One folded char per char of the text.
    pub folded: Vec<char>,
    /// `(position, original char)` of every char that folding changed, by position.
    pub unfolded: Vec<(usize, char)>,
    pub vote: ScriptVote,
}

/// Decodes `text` into chars, folds each and counts the script vote, in one pass: the
/// stages that follow all index chars, and reading the 4-byte-per-char vector again for
/// each of these steps cost more than the steps themselves. Folding changes few chars of a
/// report (full-width punctuation, Traditional characters), so the original is kept as
/// the list of those rather than as a second vector of every char.
pub fn fold_text(text: &str) -> FoldedText {
    // Sized once: collecting would grow the vector from a quarter of the byte length,
    // copying it each time.
    let mut folded = Vec::with_capacity(text.chars().count());
    let mut unfolded = Vec::new();
    let mut vote = ScriptVote::default();
    let tables = tables();
    for (k, c) in text.chars().enumerate() {
        let f = fold_with(tables, c, &mut vote);
        folded.push(f);
        if f != c {
            unfolded.push((k, c));
        }
    }
    FoldedText { folded, unfolded, vote }
}

/// The folded text, one char per original char.
#[cfg(test)]
pub fn normalize(original: &[char]) -> Vec<char> {
    let tables = tables();
    original.iter().map(|&c| fold_with(tables, c, &mut ScriptVote::default())).collect()
}

/// The script vote of `original` (see [`ScriptVote`]).
pub fn count_scripts(original: &[char]) -> ScriptVote {
    let tables = tables();
    let mut vote = ScriptVote::default();
    for &c in original {
        fold_with(tables, c, &mut vote);
    }
    vote
}

/// Folds `c` and counts it in `vote`. Always inlined: as a call, it cost the fold pass a
/// third more.
#[inline(always)]
fn fold_with(tables: &Tables, c: char, vote: &mut ScriptVote) -> char {
    vote.simplified_only += usize::from(tables.simplified_only.contains(c));
    let cp = c as u32;
    if tables.traditional.contains(c) {
        vote.traditional += 1;
        return char::from_u32(u32::from(tables.simplified[(cp - TABLE_FIRST) as usize])).unwrap_or(c);
    }
    // Other Han characters, most of a report, stay as they are (no rule below touches
    // that range).
    if (TABLE_FIRST..=TABLE_LAST).contains(&cp) {
        return c;
    }
    match cp {
        0..=0x7F => {
            if c == '\t' {
                ' '
            } else {
                c
            }
        }
        0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0).unwrap_or(c),
        0x3000 | 0xA0 | 0x2002..=0x200A | 0x202F | 0x205F => ' ',
        0x200B..=0x200D | 0x2060 | 0xFEFF | 0xAD => IGNORABLE,
        0xFF61 => '。',
        0xFF64 => '、',
        0xFFE5 => '¥',
        _ => c,
    }
}

/// Folds a string (for comparing names and keywords).
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold).filter(|&c| c != IGNORABLE).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_and_script_char_by_char() {
        let folded: String = "（一）２０２４年發放資料３０００余份".chars().map(fold).collect();
        assert_eq!(folded, "(一)2024年发放资料3000余份");
    }

    #[test]
    fn the_table_is_sorted_and_one_to_one() {
        assert!(T2S.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(T2S.iter().all(|&(t, s)| t != s));
    }

    #[test]
    fn full_width_and_spaces_fold_to_ascii() {
        let folded: String = "ＡＢＣ　１２３％（一）：，；".chars().map(fold).collect();
        assert_eq!(folded, "ABC 123%(一):,;");
        assert_eq!(fold('\u{A0}'), ' ');
        assert_eq!(fold('\t'), ' ');
    }

    #[test]
    fn traditional_folds_to_simplified_and_simplified_is_untouched() {
        let folded: String = "小龍門鄉法治政府建設情況報告".chars().map(fold).collect();
        assert_eq!(folded, "小龙门乡法治政府建设情况报告");
        let simplified = "小龙门乡法治政府建设情况报告";
        assert_eq!(simplified.chars().map(fold).collect::<String>(), simplified);
    }

    #[test]
    fn zero_width_characters_become_ignorable() {
        for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}'] {
            assert_eq!(fold(c), IGNORABLE);
        }
        assert_eq!(fold_str("1\u{200B}234"), "1234");
    }

    #[test]
    fn fold_text_reads_chars_folds_and_votes_in_one_pass() {
        let read = fold_text("鄉乡發a\u{200C}，");
        assert_eq!(read.folded, ['乡', '乡', '发', 'a', IGNORABLE, ',']);
        assert_eq!(read.unfolded, [(0, '鄉'), (2, '發'), (4, '\u{200C}'), (5, '，')]);
        assert_eq!(read.vote, ScriptVote { traditional: 2, simplified_only: 1 });
    }

    #[test]
    fn normalize_keeps_length_and_line_endings() {
        let original: Vec<char> = "一、\r\n（一）\r二".chars().collect();
        let folded = normalize(&original);
        assert_eq!(folded.len(), original.len());
        assert_eq!(folded.iter().collect::<String>(), "一、\r\n(一)\r二");
    }

    #[test]
    fn script_classes() {
        let vote = |chars: &[char]| {
            let v = count_scripts(chars);
            (v.traditional, v.simplified_only)
        };
        assert_eq!(vote(&['鄉']), (1, 0));
        assert_eq!(vote(&['乡']), (0, 1));
        assert_eq!(vote(&['法', 'a']), (0, 0));
    }
}
