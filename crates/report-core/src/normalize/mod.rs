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

use std::sync::OnceLock;
use t2s_table::T2S;

/// What zero-width characters fold to: scanners treat it as absent.
pub const IGNORABLE: char = '\u{200B}';

/// The first and last code points of the direct lookup table (CJK Extension A + Unified
/// Ideographs and the compatibility block), which covers all of [`T2S`]'s keys but a few.
const TABLE_FIRST: u32 = 0x3400;
const TABLE_LAST: u32 = 0xFAFF;

/// What folding does with a char of the BMP, one byte each (see [`Tables::class`]).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
enum Class {
    /// Stays as it is and says nothing of the script: most Han characters and ASCII.
    Keep,
    /// Stays as it is; a Simplified form that Traditional text would not use.
    SimplifiedOnly,
    /// A Traditional character with a different Simplified form.
    Traditional,
    /// Width, spaces, zero-width characters and the like: see [`fold_other`].
    Other,
}

/// The tables folding reads, built once from the sorted pair list.
struct Tables {
    /// The class of every BMP char (64 KB): one load tells most chars of a report that
    /// nothing is to be done. Two bit-set tests and a range test per char, as before,
    /// cost the fold pass a third more.
    class: Box<[Class; 0x10000]>,
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
        let mut is_simplified_form = vec![false; 0x10000];
        for &(_, s) in T2S.iter() {
            is_simplified_form[usize::from(s)] = true;
        }
        let mut class = Box::new([Class::Keep; 0x10000]);
        for (cp, class) in class.iter_mut().enumerate() {
            let Some(c) = char::from_u32(cp as u32) else { continue };
            *class = match table_index(cp as u32).map(|i| simplified[i]) {
                Some(0) if is_simplified_form[cp] => Class::SimplifiedOnly,
                Some(0) => Class::Keep,
                Some(_) => Class::Traditional,
                None if fold_other(c) != c => Class::Other,
                None => Class::Keep,
            };
        }
        Tables { class, simplified }
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
    pub unfolded: Vec<(u32, char)>,
    pub vote: ScriptVote,
    /// Where the line terminators are (`\n`, `\r`, U+2028, U+2029), by position: noted
    /// while the chars go by, so that the lines stage need not search them again.
    pub line_breaks: Vec<u32>,
}

/// Whether `c` ends a line (`\r\n` is two of them; the lines stage pairs them).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Decodes `text` into chars, folds each and counts the script vote, in one pass: the
/// stages that follow all index chars, and reading the 4-byte-per-char vector again for
/// each of these steps cost more than the steps themselves. Folding changes few chars of a
/// report (full-width punctuation, Traditional characters), so the original is kept as
/// the list of those rather than as a second vector of every char.
pub fn fold_text(text: &str) -> FoldedText {
    // Sized once: collecting would grow the vector from a quarter of the byte length,
    // copying it each time.
    let mut folder = Folder::with_capacity(text.chars().count());
    folder.push_str(text);
    folder.finish()
}

/// [`fold_text`] piece by piece: a file read in chunks is folded as it is read, so that a
/// caller who needs only the analysis never holds the file's whole text beside its folded
/// chars (a 20 MB report's text is 20 MB, and one pass over it fewer).
pub struct Folder {
    tables: &'static Tables,
    out: FoldedText,
}

impl Folder {
    /// A folder with room for `chars` chars (more may be pushed).
    pub fn with_capacity(chars: usize) -> Folder {
        let out =
            FoldedText { folded: Vec::with_capacity(chars), unfolded: Vec::new(), vote: ScriptVote::default(), line_breaks: Vec::new() };
        Folder { tables: tables(), out }
    }

    /// Folds the chars of `text` after those pushed before.
    pub fn push_str(&mut self, text: &str) {
        let tables = self.tables;
        let FoldedText { folded, unfolded, vote, line_breaks } = &mut self.out;
        // The vote in a local, so that the loop keeps it in registers.
        let mut v = *vote;
        for c in text.chars() {
            let f = fold_with(tables, c, &mut v);
            if f != c {
                unfolded.push((position(folded.len()), c));
            }
            // One comparison for the chars of prose (all above U+001F but two rare ones).
            if ((c as u32) < 0x20 || (c as u32 | 1) == 0x2029) && is_line_break(c) {
                line_breaks.push(position(folded.len()));
            }
            folded.push(f);
        }
        *vote = v;
    }

    /// The original text of the chars pushed so far (the folded chars with the changed
    /// ones put back): for a reader that finds, late, that its input is not UTF-8 after all
    /// and must read it again whole.
    pub fn original(&self) -> String {
        let mut changed = self.out.unfolded.iter().peekable();
        let mut text = String::with_capacity(self.out.folded.len());
        for (k, &c) in self.out.folded.iter().enumerate() {
            match changed.next_if(|&&(p, _)| p as usize == k) {
                Some(&(_, original)) => text.push(original),
                None => text.push(c),
            }
        }
        text
    }

    /// The folded text.
    pub fn finish(self) -> FoldedText {
        self.out
    }
}

/// A char position as stored in [`FoldedText::unfolded`].
fn position(k: usize) -> u32 {
    u32::try_from(k).expect("a text has fewer than 4 Gi chars")
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
    let cp = c as u32;
    // Beyond the BMP nothing folds.
    let Some(&class) = tables.class.get(cp as usize) else { return c };
    // Counted without a branch: Simplified-only forms are a good part of Simplified text,
    // mixed with the rest, and a branch on them is mispredicted often enough to cost this
    // pass a third.
    vote.simplified_only += usize::from(class == Class::SimplifiedOnly);
    if class < Class::Traditional {
        return c;
    }
    if class == Class::Traditional {
        vote.traditional += 1;
        return char::from_u32(u32::from(tables.simplified[(cp - TABLE_FIRST) as usize])).unwrap_or(c);
    }
    fold_other(c)
}

/// Folds a char outside the Traditional table: width, spaces, zero-width characters.
fn fold_other(c: char) -> char {
    let cp = c as u32;
    match cp {
        0x09 => ' ',
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
    fn folding_piece_by_piece_is_folding_the_whole() {
        let text = "鄉乡發a\u{200C}，\r\n（一）２０２４年\u{2028}報告";
        let whole = fold_text(text);
        for cut in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
            let mut folder = Folder::with_capacity(1);
            folder.push_str(&text[..cut]);
            assert_eq!(folder.original(), &text[..cut]);
            folder.push_str(&text[cut..]);
            assert_eq!(folder.original(), text);
            let read = folder.finish();
            assert_eq!(
                (read.folded, read.unfolded, read.vote, read.line_breaks),
                (whole.folded.clone(), whole.unfolded.clone(), whole.vote, whole.line_breaks.clone())
            );
        }
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
