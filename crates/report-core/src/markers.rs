//! The heading tokenizer: recognises a numbering marker at the start of a line, and where
//! the heading's title ends. The lines stage runs it once per prose line; the frame and the
//! outline read its tokens.
//!
//! GB/T 9704 numbers headings `一、` › `（一）` › `1.` › `（1）`; real reports add
//! half-width `(一)`, a missing opening bracket `一)`, `1、`, `1)`, circled `①`,
//! parenthesised `⑴` and chapters `第一章` / `第一部分`. The tokenizer reads the folded text
//! (full-width brackets are already half-width) and knows nothing of the tree.
//!
//! `(一) 加强组织领导。全年…` gives a `CnParen` marker numbered 1 over chars 0..3 and the
//! title `加强组织领导`.

use crate::chars::starts_with_at;
use crate::numerals::{digit, parse_chinese};

/// The numbering styles, from the outermost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkerKind {
    /// `第一章`, `第一部分`, `第一篇`
    Chapter,
    /// `一、` `一.`
    CnComma,
    /// `（一）` `(一)` `一)`
    CnParen,
    /// `1.` `1、` `1．` `⒈`
    ArabicDot,
    /// `（1）` `(1)` `1)` `⑴`
    ArabicParen,
    /// `①`
    Circled,
}

impl MarkerKind {
    /// The heading level the style stands for: 1 for `一、` as in GB/T 9704, 0 for chapters.
    pub fn level(self) -> u8 {
        match self {
            MarkerKind::Chapter => 0,
            MarkerKind::CnComma => 1,
            MarkerKind::CnParen => 2,
            MarkerKind::ArabicDot => 3,
            MarkerKind::ArabicParen => 4,
            MarkerKind::Circled => 5,
        }
    }
}

/// A marker found at the start of a line. Offsets are char indices into the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub number: u32,
    /// Where the marker starts (after leading spaces).
    pub start: usize,
    /// One past the marker's last char.
    pub end: usize,
}

/// Titles longer than this are cut (a "title" that long is a paragraph with a marker).
const MAX_TITLE_CHARS: usize = 120;

/// A heading's title: from after the marker (spaces skipped) to the first sentence end or colon.
pub(crate) fn heading_title(folded: &[char], from: usize, line_end: usize) -> (usize, usize) {
    let mut start = from;
    while start < line_end && crate::chars::is_space(folded[start]) {
        start += 1;
    }
    let mut end = start;
    while end < line_end && end - start < MAX_TITLE_CHARS {
        match folded[end] {
            '。' | '!' | '?' | ';' | ':' | '…' => break,
            _ => end += 1,
        }
    }
    while end > start && crate::chars::is_space(folded[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// Largest number a marker may carry: more is a figure (`2024.`), not a heading.
const MAX_NUMBER: u32 = 200;

/// Recognises a marker at the start of `folded[line_start..line_end]`.
pub fn parse_marker(folded: &[char], line_start: usize, line_end: usize) -> Option<Marker> {
    let line = &folded[..line_end.min(folded.len())];
    let mut i = line_start;
    while i < line.len() && is_lead_space(line[i]) {
        i += 1;
    }
    let start = i;
    let c = *line.get(i)?;
    let at = |k: usize| line.get(k).copied();

    // ①..⑳, ⑴..⒇, ⒈..⒛
    match c as u32 {
        0x2460..=0x2473 => return Some(marker(MarkerKind::Circled, c as u32 - 0x2460 + 1, start, i + 1)),
        0x2474..=0x2487 => return Some(marker(MarkerKind::ArabicParen, c as u32 - 0x2474 + 1, start, i + 1)),
        0x2488..=0x249B => return Some(marker(MarkerKind::ArabicDot, c as u32 - 0x2488 + 1, start, i + 1)),
        _ => {}
    }

    if c == '第' {
        let ((_, number), len) = number_at(line, i + 1)?;
        let j = i + 1 + len;
        return ["部分", "章", "篇"]
            .into_iter()
            .find(|word| starts_with_at(line, j, line.len(), word))
            .map(|word| marker(MarkerKind::Chapter, number, start, j + word.chars().count()));
    }

    if c == '(' || c == '〔' {
        let close = if c == '(' { ')' } else { '〕' };
        let (n, len) = number_at(line, i + 1)?;
        let j = i + 1 + len;
        if at(j) != Some(close) {
            return None;
        }
        let kind = if n.0 { MarkerKind::CnParen } else { MarkerKind::ArabicParen };
        return Some(marker(kind, n.1, start, j + 1));
    }

    let (n, len) = number_at(line, i)?;
    let j = i + len;
    let (is_chinese, number) = n;
    match at(j)? {
        '、' => Some(marker(if is_chinese { MarkerKind::CnComma } else { MarkerKind::ArabicDot }, number, start, j + 1)),
        ')' => Some(marker(if is_chinese { MarkerKind::CnParen } else { MarkerKind::ArabicParen }, number, start, j + 1)),
        '.' => {
            // `1.5万元` is a figure, `2024.3` a date: a dot heading is not followed by a digit.
            if at(j + 1).is_some_and(|d| d.is_ascii_digit()) {
                return None;
            }
            Some(marker(if is_chinese { MarkerKind::CnComma } else { MarkerKind::ArabicDot }, number, start, j + 1))
        }
        _ => None,
    }
}

fn marker(kind: MarkerKind, number: u32, start: usize, end: usize) -> Marker {
    Marker { kind, number, start, end }
}

fn is_lead_space(c: char) -> bool {
    crate::chars::is_space(c)
}

/// A heading number at `at`: Arabic digits (1–3 of them) or a Chinese numeral. Returns
/// (is_chinese, value) and the chars used.
fn number_at(line: &[char], at: usize) -> Option<((bool, u32), usize)> {
    let first = *line.get(at)?;
    if first.is_ascii_digit() {
        let len = line[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len > 3 {
            return None;
        }
        let value: u32 = line[at..at + len].iter().fold(0, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
        return (1..=MAX_NUMBER).contains(&value).then_some(((false, value), len));
    }
    if digit(first).is_none() && first != '十' {
        return None;
    }
    let end = (at + 6).min(line.len());
    let (value, len) = parse_chinese(&line[at..end])?;
    let value = value as u32;
    ((1..=MAX_NUMBER).contains(&value)).then_some(((true, value), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(MarkerKind, u32, String)> {
        let chars: Vec<char> = s.chars().map(crate::normalize::fold).collect();
        parse_marker(&chars, 0, chars.len()).map(|m| (m.kind, m.number, chars[m.start..m.end].iter().collect()))
    }

    #[test]
    fn gb_t_9704_levels() {
        assert_eq!(parse("一、主要举措"), Some((MarkerKind::CnComma, 1, "一、".into())));
        assert_eq!(parse("（二）组织领导"), Some((MarkerKind::CnParen, 2, "(二)".into())));
        assert_eq!(parse("3.强化督查"), Some((MarkerKind::ArabicDot, 3, "3.".into())));
        assert_eq!(parse("（4）开展培训"), Some((MarkerKind::ArabicParen, 4, "(4)".into())));
    }

    #[test]
    fn variants_real_reports_use() {
        assert_eq!(parse("(十二) 其他"), Some((MarkerKind::CnParen, 12, "(十二)".into())));
        assert_eq!(parse("三)下一步"), Some((MarkerKind::CnParen, 3, "三)".into())));
        assert_eq!(parse("1、加强学习"), Some((MarkerKind::ArabicDot, 1, "1、".into())));
        assert_eq!(parse("１．加强学习"), Some((MarkerKind::ArabicDot, 1, "1.".into())));
        assert_eq!(parse("2)完善制度"), Some((MarkerKind::ArabicParen, 2, "2)".into())));
        assert_eq!(parse("②完善制度"), Some((MarkerKind::Circled, 2, "②".into())));
        assert_eq!(parse("⑶完善制度"), Some((MarkerKind::ArabicParen, 3, "⑶".into())));
        assert_eq!(parse("第二部分 存在问题"), Some((MarkerKind::Chapter, 2, "第二部分".into())));
        assert_eq!(parse("第三章"), Some((MarkerKind::Chapter, 3, "第三章".into())));
        assert_eq!(parse("　　二十、其他"), Some((MarkerKind::CnComma, 20, "二十、".into())));
    }

    #[test]
    fn not_markers() {
        for s in [
            "一是加强学习",
            "2024年，我镇",
            "1.5万元",
            "2024.3.1",
            "1家律所",
            "第一责任人",
            "一方面",
            "(2021—2025年)",
            "12345热线",
            "",
            "十四五规划",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
