//! The grammar of a figure around its number:
//!
//! ```text
//! figure  := prefix? number approx? multiplier? approx? unit suffix?
//! prefix  := 约 | 近 | 大约 | 将近 | 超过 | 逾 | 不少于 | 不到 | 不足 | …
//! number  := digits (',' ddd)* ('.' digits)?  |  chinese-numeral  |  百分之 number
//! approx  := 余 | 多 | 来
//! multiplier := 万 | 亿 | 千万          (Arabic numbers only: 1.2万元)
//! suffix  := 以上 | 以下 | 以内 | 左右 | 上下 | 之多 | 有余
//! ```
//!
//! This module reads the number and its approximation words; [`super::unit`] the unit.

use crate::chars::{starts_with_at, BmpSet};
use crate::document::Document;
use crate::normalize::IGNORABLE;
use crate::numerals::{is_numeral_char, parse_chinese};
use serde::Serialize;
use std::sync::OnceLock;

/// How exact a figure claims to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// As printed.
    Exact,
    /// 余 多 以上 超过 逾 不少于
    AtLeast,
    /// 约 近 左右 上下 来
    About,
    /// 不到 不足 以下 以内 不超过
    AtMost,
}

crate::names::read_by_name!(Approx { Exact => "exact", AtLeast => "at_least", About => "about", AtMost => "at_most" });

/// A number as read from the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Written with Chinese numerals (`两`, `二十`) rather than digits.
    pub chinese: bool,
    /// Written `百分之…`: a percentage without a `%` sign.
    pub percent_words: bool,
    pub start: usize,
    pub end: usize,
}

/// Reads an Arabic number at `at` (digits, thousands separators, decimals; zero-width
/// characters inside are skipped). The caller checks what precedes it. The original text
/// tells a half-width thousands separator (`1,234`) from a full-width clause comma (`300，500`).
pub fn arabic_at(doc: &Document, at: usize, end: usize) -> Option<Number> {
    let folded = &doc.folded;
    let digit = |k: usize| k < end && folded[k].is_ascii_digit();
    if !digit(at) {
        return None;
    }
    let mut text = String::new();
    let mut k = at;
    loop {
        while k < end && (folded[k].is_ascii_digit() || (folded[k] == IGNORABLE && digit(k + 1))) {
            if folded[k] != IGNORABLE {
                text.push(folded[k]);
            }
            k += 1;
        }
        // `1,234`: a comma followed by exactly three digits.
        if k < end && folded[k] == ',' && doc.original_at(k) == ',' && (1..=3).all(|d| digit(k + d)) && !digit(k + 4) {
            k += 1;
            continue;
        }
        break;
    }
    if k < end && folded[k] == '.' && digit(k + 1) {
        text.push('.');
        k += 1;
        while digit(k) {
            text.push(folded[k]);
            k += 1;
        }
    }
    let value = decimal_value(&text)?;
    Some(Number { value, chinese: false, percent_words: false, start: at, end: k })
}

/// The value of `digits[.digits]`, correctly rounded for up to 15 significant digits
/// (an integer divided by a power of ten, both exact), computed by hand rather than with
/// `str::parse::<f64>` to keep the float parser's tables out of the web app. Longer
/// numbers (30-digit oddities) are approximated.
pub(crate) fn decimal_value(text: &str) -> Option<f64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digit = |b: u8| (b - b'0') as u64;
    if int.len() + frac.len() <= 15 {
        let n = int.bytes().chain(frac.bytes()).fold(0u64, |n, b| n * 10 + digit(b));
        return Some(n as f64 / 10f64.powi(frac.len() as i32));
    }
    let whole = int.bytes().fold(0f64, |v, b| v * 10.0 + digit(b) as f64);
    let frac = &frac[..frac.len().min(15)];
    let part = frac.bytes().fold(0u64, |n, b| n * 10 + digit(b)) as f64 / 10f64.powi(frac.len() as i32);
    Some(whole + part)
}

/// Reads a Chinese numeral at `at`, or `百分之` + a number.
pub fn chinese_at(doc: &Document, at: usize, end: usize) -> Option<Number> {
    let folded = &doc.folded;
    if starts_with_at(folded, at, end, "百分之百") {
        return Some(Number { value: 100.0, chinese: true, percent_words: true, start: at, end: at + 4 });
    }
    if starts_with_at(folded, at, end, "百分之") {
        let from = at + 3;
        let n = arabic_at(doc, from, end).or_else(|| chinese_at(doc, from, end))?;
        return Some(Number { percent_words: true, start: at, ..n });
    }
    let window_end = end.min(at + 16);
    let (value, used) = parse_chinese(&folded[at..window_end])?;
    Some(Number { value, chinese: true, percent_words: false, start: at, end: at + used })
}

/// Whether `c` may continue or precede a number so that a number next to it is part of a
/// longer token (a date, a code, a decimal, a time).
pub fn joins_number(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':' | '·' | '•' | '_' | '#' | '—' | '–' | '~' | '～' | '@' | '&' | '=' | '+')
}

/// Whether `c` is a Chinese numeral that could start a number.
pub fn starts_chinese(c: char) -> bool {
    is_numeral_char(c) && c != '万' && c != '亿'
}

/// The chars a number may start with: ASCII digits and the Chinese numerals of
/// [`starts_chinese`] (`百` of `百分之` among them). The scanner jumps from one to the next.
pub fn number_starts() -> &'static BmpSet {
    static NUMBER_STARTS: OnceLock<BmpSet> = OnceLock::new();
    NUMBER_STARTS.get_or_init(|| BmpSet::of(|c| c.is_ascii_digit() || starts_chinese(c)))
}

/// Approximation words before a number (the longest match that ends at `at`): the word's
/// length and meaning.
pub fn prefix_before(folded: &[char], line_start: usize, at: usize) -> Option<(usize, Approx)> {
    const PREFIXES: &[(&str, Approx)] = &[
        ("不少于", Approx::AtLeast),
        ("不低于", Approx::AtLeast),
        ("不超过", Approx::AtMost),
        ("超过", Approx::AtLeast),
        ("至少", Approx::AtLeast),
        ("不到", Approx::AtMost),
        ("不足", Approx::AtMost),
        ("少于", Approx::AtMost),
        ("低于", Approx::AtMost),
        ("大约", Approx::About),
        ("将近", Approx::About),
        ("接近", Approx::About),
        ("约", Approx::About),
        ("近", Approx::About),
        ("逾", Approx::AtLeast),
        ("超", Approx::AtLeast),
    ];
    PREFIXES.iter().find_map(|&(word, approx)| {
        let n = word.chars().count();
        (at >= line_start + n && folded[at - n..at].iter().copied().eq(word.chars())).then_some((n, approx))
    })
}

/// `余` `多` `来` right after a number: its meaning.
pub fn approx_after(c: char, chinese: bool) -> Option<Approx> {
    match c {
        '余' | '多' => Some(Approx::AtLeast),
        '来' if chinese => Some(Approx::About),
        _ => None,
    }
}

/// Words after the unit: the longest match at `at`.
pub fn suffix_at(folded: &[char], at: usize, end: usize) -> Option<(usize, Approx)> {
    const SUFFIXES: &[(&str, Approx)] = &[
        ("以上", Approx::AtLeast),
        ("之多", Approx::AtLeast),
        ("有余", Approx::AtLeast),
        ("以下", Approx::AtMost),
        ("以内", Approx::AtMost),
        ("左右", Approx::About),
        ("上下", Approx::About),
    ];
    SUFFIXES.iter().find_map(|&(word, approx)| starts_with_at(folded, at, end, word).then_some((2, approx)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().map(crate::normalize::fold).collect()
    }

    fn arabic(s: &str) -> Option<Number> {
        let doc = Document::new(s);
        arabic_at(&doc, 0, doc.char_count())
    }

    fn chinese(s: &str) -> Option<Number> {
        let doc = Document::new(s);
        chinese_at(&doc, 0, doc.char_count())
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(arabic("30000余份").map(|n| (n.value, n.end)), Some((30000.0, 5)));
        assert_eq!(arabic("1,234人").map(|n| (n.value, n.end)), Some((1234.0, 5)));
        assert_eq!(arabic("1.2万元").map(|n| (n.value, n.end)), Some((1.2, 3)));
        assert_eq!(arabic("0.05万元").map(|n| n.value), Some(0.05));
        assert_eq!(arabic("98.6%").map(|n| n.value), Some(98.6));
        for s in ["4.69", "2.696", "1.507", "386.5", "0.001", "123456789012.345"] {
            assert_eq!(decimal_value(s), s.parse().ok(), "{s}");
        }
        assert_eq!(arabic("１２３件").map(|n| n.value), Some(123.0));
        assert_eq!(arabic("1\u{200B}234件").map(|n| (n.value, n.end)), Some((1234.0, 5)));
        assert_eq!(arabic("12,34人").map(|n| n.value), Some(12.0));
        assert_eq!(arabic("300，500人").map(|n| n.value), Some(300.0));
    }

    #[test]
    fn chinese_numbers_and_percent_words() {
        assert_eq!(chinese("两村").map(|n| (n.value, n.chinese)), Some((2.0, true)));
        let n = chinese("百分之九十五").unwrap();
        assert_eq!((n.value, n.percent_words, n.end), (95.0, true, 6));
        assert_eq!(chinese("百分之百").map(|n| (n.value, n.end)), Some((100.0, 4)));
        assert_eq!(chinese("百分之100").map(|n| n.value), Some(100.0));
    }

    #[test]
    fn approximation_words() {
        let c = chars("受教育群众约9000人次");
        assert_eq!(prefix_before(&c, 0, 6), Some((1, Approx::About)));
        let c = chars("超过500人");
        assert_eq!(prefix_before(&c, 0, 2), Some((2, Approx::AtLeast)));
        let c = chars("2人以上");
        assert_eq!(suffix_at(&c, 2, c.len()), Some((2, Approx::AtLeast)));
        assert_eq!(approx_after('余', false), Some(Approx::AtLeast));
        assert_eq!(approx_after('来', false), None);
    }
}
