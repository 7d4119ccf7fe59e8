//! Stage 7 — metrics: every quantitative result a report claims, with the required part
//! and the heading it is under.
//!
//! A metric is a number with a counting unit (`发放宣传资料30000余份`, `受教育群众约9000人次`,
//! `调处成功率100%`, `申报民主法治示范村两村`, `投入1.2万元`). The scanner walks the prose
//! lines; for each number it reads the figure's grammar ([`number`], [`unit`]), rejects
//! what is not a result, and finds *what* is counted from the clause around it ([`lexicon`]).
//!
//! Never metrics, by rule rather than by list:
//! - numbers inside quotation marks or book-title marks (`“12345”`, `“四个意识”`,
//!   `《实施纲要（2021—2025年）》`): names and slogans;
//! - numbers joined to letters, dashes, slashes, colons or `·` (`sm0990-2025`, `2025-02-07`,
//!   `3·15`, `16:33`) and ordinals after `第`;
//! - numbers without a unit, or with a calendar word (`2024年`, `3月`, `5号`, `二十届`);
//! - Chinese numerals that modify the noun after them (`四个意识`, `两级法律顾问`,
//!   `一支队伍`, `三项制度`) or sit in a numbered slogan (`三会一课`, `一村一警`): a count
//!   written in words is a result only at the end of its clause (`示范村两村。`).

mod label;
pub(crate) mod lexicon;
pub(crate) mod number;
pub(crate) mod unit;

use crate::chars::is_han;
use crate::document::Document;
use crate::frame::Frame;
use crate::kinds::PartId;
use crate::lines::LineKind;
use crate::outline::Outline;
use crate::sections::Sections;
use label::{is_sentence_end, Figure, Sentence};
pub use number::Approx;
use number::{approx_after, arabic_at, chinese_at, joins_number, number_starts, prefix_before, suffix_at, Number};
use serde::{Deserialize, Serialize};
use unit::{match_unit, UnitClass};

/// One figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Metric {
    /// The number; integral values are written without a fraction (`30000`, not `30000.0`).
    #[serde(serialize_with = "crate::numerals::write_number")]
    pub value: f64,
    /// How exact the figure claims to be (`30000余份` is at least 30000).
    pub approx: Approx,
    /// The unit as printed, with any 万/亿 (`万元`, `人次`, `%`).
    pub unit: String,
    /// What is counted (`宣传资料`), in the report's words, quotation marks removed: the
    /// shortest phrase of the figure's sentence that names it, joined from its pieces when
    /// the clause alone has only a verb or a suffix (`市级取消21项` after `精简审批事项` →
    /// `市级取消审批事项`). Null only in summaries of schema versions before 3.
    pub what: Option<String>,
    /// The clause's verb: what was done to or with what is counted (`发放`, `取消`, `召开`,
    /// `下沉`), as printed, or null when the clause has none (`合格率98%`).
    #[serde(default)]
    pub action: Option<String>,
    /// The span's text as printed (`发放宣传资料30000余份`).
    pub text: String,
    /// The line (1-based).
    pub line: usize,
    /// `[start, end)` in chars of the original text.
    pub span: (usize, usize),
    /// The required part the figure is in, or null (introduction, topical sections).
    pub section: Option<PartId>,
    /// The innermost heading the figure is under (marker and title), or null.
    pub heading: Option<String>,
}

/// The key two labels are compared by: script and width folded (`宣傳資料` = `宣传资料`),
/// without quotation marks, brackets, punctuation or spaces. Used to group figures that
/// count the same thing and to score labels against an annotator's.
pub fn label_key(what: &str) -> String {
    crate::normalize::fold_str(what).chars().filter(|&c| is_han(c) || c.is_ascii_alphanumeric()).collect()
}

/// A range of one line to scan: (line number, start, end).
type ScanRange = (usize, usize, usize);

/// The figures of the body: its prose lines, without the frame (title, addressee,
/// signature) and without heading markers; each placed in its part and under its heading.
pub(crate) fn extract(doc: &Document, frame: &Frame, outline: &Outline, sections: &Sections) -> Vec<Metric> {
    let mut out = scan(doc, &prose_ranges(doc, outline, frame));
    // Figures come in runs under one heading: its text is read once per run, not once per
    // figure (a large report has tens of thousands of figures).
    let mut last: Option<(usize, String)> = None;
    for m in &mut out {
        m.section = sections.part_at(m.span.0);
        m.heading = outline.innermost_at(m.span.0).map(|i| match &last {
            Some((j, text)) if *j == i => text.clone(),
            _ => {
                let text = doc.original_str(outline.headings[i].span.0, outline.headings[i].span.1);
                last = Some((i, text.clone()));
                text
            }
        });
    }
    out
}

/// Every figure of every prose line of `doc` (for tests of the grammar alone).
#[cfg(test)]
pub(crate) fn extract_all(doc: &Document) -> Vec<Metric> {
    let ranges: Vec<ScanRange> = doc.lines.iter().filter(|l| l.kind == LineKind::Text).map(|l| (l.number, l.start, l.end)).collect();
    scan(doc, &ranges)
}

/// Scans the given line ranges.
fn scan(doc: &Document, ranges: &[ScanRange]) -> Vec<Metric> {
    let mut out = Vec::new();
    for &(line, start, end) in ranges {
        scan_line(doc, line, start, end, &mut out);
    }
    out
}

/// The prose to scan: text lines of the body, without the frame lines and without heading
/// markers.
fn prose_ranges(doc: &Document, outline: &Outline, frame: &Frame) -> Vec<ScanRange> {
    let mut marker_end = outline.headings.iter().map(|h| (h.line, h.span.0 + h.marker.chars().count())).peekable();
    // At most one range per line, sized once (see `Outline::build`).
    let mut out = Vec::with_capacity(doc.lines.len());
    for l in doc.lines.iter().filter(|l| l.kind == LineKind::Text && l.start < frame.body_end && !frame.frame_lines.contains(&l.number)) {
        while marker_end.peek().is_some_and(|&(line, _)| line < l.number) {
            marker_end.next();
        }
        let start = match marker_end.peek() {
            Some(&(line, end)) if line == l.number => end,
            _ => l.start,
        };
        out.push((l.number, start, l.end));
    }
    out
}

/// Quotes longer than this are reported speech, not names: numbers inside still count.
const MAX_QUOTED_NAME: usize = 30;
/// Book titles can be long (`《…实施方案（2021—2025年）》`).
const MAX_BOOK_TITLE: usize = 80;
/// `what` is at most this many chars (the end of a long clause).
const MAX_WHAT: usize = 24;

fn scan_line(doc: &Document, line: usize, start: usize, end: usize, out: &mut Vec<Metric>) {
    let f = &doc.folded;
    // Few chars of prose can start a number: jump from one such char to the next rather
    // than asking every char, and look for quotation marks only on lines that have one.
    let number_starts = number_starts();
    let next_start = |from: usize| f.get(from..end)?.iter().position(|&c| number_starts.contains(c)).map(|k| from + k);
    let Some(mut i) = next_start(start) else { return };
    let quoted = quoted_ranges(f, start, end);
    let in_quotes = |pos: usize| quoted.iter().any(|&(a, b)| a < pos && pos < b);
    // Where the current clause may start (after the last metric), and what earlier figures
    // of the sentence leave for the labels of later ones.
    let mut sentence = Sentence::new(start);
    loop {
        let c = f[i];
        let number = if c.is_ascii_digit() {
            let n = arabic_at(doc, i, end);
            if prev_joins(f, start, i) || n.is_none() {
                i = skip_digits(f, i, end);
                None
            } else {
                n
            }
        } else if c == '一' && !f[i + 1..end].first().is_some_and(|&next| crate::numerals::is_numeral_char(next)) {
            // A lone `一` is the indefinite article (一支队伍, 进一步), never a figure (see
            // `read_figure`), and the commonest numeral char of prose: turned away here,
            // before it is parsed, it costs nothing.
            i += 1;
            None
        } else if prev_is_numeral_or_word(f, start, i) {
            i += 1;
            None
        } else {
            let n = chinese_at(doc, i, end);
            if n.is_none() {
                i += 1;
            }
            n
        };
        if let Some(n) = number {
            let next = n.end.max(i + 1);
            if in_quotes(n.start) {
                i = next;
            } else if let Some(m) = read_figure(doc, line, start, end, &n, &quoted, &mut sentence) {
                sentence.clause_floor = m.span.1;
                i = m.span.1.max(next);
                out.push(m);
            } else {
                i = next;
            }
        }
        match next_start(i) {
            Some(k) => i = k,
            None => break,
        }
    }
}

/// Reads the figure around number `n`, or `None` when it is not a result.
fn read_figure(
    doc: &Document,
    line: usize,
    line_start: usize,
    end: usize,
    n: &Number,
    quoted: &[(usize, usize)],
    sentence: &mut Sentence,
) -> Option<Metric> {
    let f = &doc.folded;
    let at = |k: usize| (k < end).then(|| f[k]);

    // What comes right after the number decides whether it is part of a longer token.
    if let Some(c) = at(n.end) {
        if !n.chinese && joins_number(c) {
            return None; // a date, a code, a time, a range
        }
        if n.chinese && crate::numerals::is_numeral_char(c) {
            return None; // 十四五
        }
    }
    if n.start > line_start && f[n.start - 1] == '第' {
        return None; // ordinal
    }
    // A bracketed year: 〔2025〕, [2025], (2025).
    if !n.chinese && n.end - n.start == 4 && n.start > line_start && matches!(f[n.start - 1], '〔' | '[' | '【' | '(') {
        return None;
    }
    // Slogans: a Chinese numeral right after another (三会一课, 一村一警, 两学一做).
    if n.chinese && !n.percent_words {
        let from = n.start.saturating_sub(3).max(line_start);
        if f[from..n.start].iter().any(|&c| crate::numerals::digit(c).is_some()) {
            return None;
        }
        // `一` alone is the indefinite article in prose (一支队伍, 一项工程).
        if n.value == 1.0 && n.end - n.start == 1 {
            return None;
        }
    }

    let mut k = n.end;
    skip_spaces(f, &mut k, end);
    let mut approx = Approx::Exact;
    if let Some(a) = at(k).and_then(|c| approx_after(c, n.chinese)) {
        approx = a;
        k += 1;
    }
    let mut unit = String::new();
    let unit_start;
    if n.percent_words {
        unit_start = k;
        unit.push('%');
    } else {
        let mult_start = k;
        if !n.chinese {
            while let Some(c @ ('万' | '亿' | '千')) = at(k) {
                if c == '千' && at(k + 1) != Some('万') {
                    break;
                }
                k += 1;
            }
            if let Some(a) = at(k).and_then(|c| approx_after(c, false)).filter(|_| k > mult_start) {
                approx = a;
                k += 1;
            }
        }
        let (len, class) = match_unit(f, k, end)?;
        if n.chinese && class == UnitClass::Percent {
            return None;
        }
        // 千 as a multiplier only in 千万; `3千米` is kilometres.
        unit = doc.original_str(mult_start, k).chars().filter(|c| matches!(c, '万' | '亿' | '千' | '萬' | '億')).collect::<String>();
        unit.push_str(&doc.original_str(k, k + len));
        unit_start = k;
        k += len;
    }
    let unit_class = if unit.ends_with('%') || unit.ends_with('‰') || unit.ends_with("百分点") {
        UnitClass::Percent
    } else {
        match_unit(f, unit_start, end).map_or(UnitClass::Classifier, |(_, c)| c)
    };
    if let Some((len, a)) = suffix_at(f, k, end) {
        approx = a;
        k += len;
    }
    let figure_end = k;

    // A count written in words is a result only at the end of its clause.
    let clause_ends_here = at(figure_end).is_none_or(is_clause_end);
    if n.chinese && !n.percent_words && !clause_ends_here {
        return None;
    }

    let mut start = n.start;
    if let Some((len, a)) = prefix_before(f, line_start, n.start) {
        if approx == Approx::Exact {
            approx = a;
        }
        start -= len;
    }
    let floor = line_start.max(sentence.clause_floor);
    sentence.enter(f, floor, start);
    let figure = Figure {
        floor,
        clause_start: clause_start(f, floor, start, quoted),
        number_start: start,
        figure_end,
        line_end: end,
        class: unit_class,
        people: matches!(unit.as_str(), "名" | "位" | "人" | "人次"),
        quoted,
    };
    let found = label::label(doc, sentence, &figure);
    let span = (found.text_start.min(n.start), found.text_end.max(figure_end));
    Some(Metric {
        value: n.value,
        approx,
        unit,
        what: found.what,
        action: found.action,
        text: doc.original_str(span.0, span.1),
        line,
        span,
        section: None,
        heading: None,
    })
}

/// Where the clause holding `at` starts: after the nearest clause punctuation that is not
/// inside quotation marks nor inside brackets closed before `at` (`召开常务会议(含党委会、
/// 党组会)12次` is one clause), or right after an opening bracket `at` is inside
/// (`(其中村级站点120个)`).
fn clause_start(f: &[char], floor: usize, at: usize, quoted: &[(usize, usize)]) -> usize {
    let mut p = at;
    let mut depth = 0u32;
    while p > floor {
        let c = f[p - 1];
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => break,
            '(' => depth -= 1,
            c if depth == 0 && is_clause_break(c) && !quoted.iter().any(|&(a, b)| a < p - 1 && p - 1 < b) => break,
            _ => {}
        }
        if depth > 0 && is_sentence_end(c) {
            break; // an unmatched `)` does not hide the end of a sentence
        }
        p -= 1;
    }
    p
}

/// Punctuation that separates clauses.
fn is_clause_break(c: char) -> bool {
    matches!(c, ',' | '。' | ';' | ':' | '!' | '?' | '、' | '…' | '\n' | '\r')
}

/// What may follow a figure that ends its clause: clause punctuation or a closing mark.
fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '。' | ';' | ':' | '!' | '?' | '、' | '…' | ')' | '”' | '"' | '’' | '】' | '〕' | '》' | '\n' | '\r')
}

fn skip_spaces(f: &[char], k: &mut usize, end: usize) {
    while *k < end && crate::chars::is_space(f[*k]) {
        *k += 1;
    }
}

fn skip_digits(f: &[char], mut i: usize, end: usize) -> usize {
    while i < end && (f[i].is_ascii_alphanumeric() || matches!(f[i], '.' | '-' | '/' | ':' | '·' | '_' | ',')) {
        i += 1;
    }
    i
}

/// Whether the char before an Arabic number makes it part of a longer token.
fn prev_joins(f: &[char], line_start: usize, at: usize) -> bool {
    let mut p = at;
    while p > line_start && f[p - 1] == crate::normalize::IGNORABLE {
        p -= 1;
    }
    p > line_start && joins_number(f[p - 1])
}

/// Whether the char before a Chinese numeral makes it part of a word (统一, 唯一, 其一,
/// 星期一, 数十) or of a longer numeral.
fn prev_is_numeral_or_word(f: &[char], line_start: usize, at: usize) -> bool {
    if at == line_start {
        return false;
    }
    let p = f[at - 1];
    crate::numerals::is_numeral_char(p) || p.is_ascii_digit() || "统唯同逐之其第初周期拜某几数每万千百十进单专看".contains(p)
}

/// Whether `c` opens a quotation or a book title (the marks [`quoted_ranges`] pairs). Exact,
/// and cheap for the Han characters that make up most of a line: a looser test (every
/// char up to U+300E) stopped at each digit, comma and full stop, and the mispredicted
/// branches cost the figures stage a tenth.
fn opens_quote(c: char) -> bool {
    let u = c as u32;
    // 〈 《 「 『 are U+3008, U+300A, U+300C, U+300E.
    ((0x3008..=0x300E).contains(&u) && u % 2 == 0) || matches!(c, '“' | '‘' | '"')
}

/// Ranges `(open, close)` of quotation and book-title marks on the line; short ones only
/// for quotes (see [`MAX_QUOTED_NAME`]).
fn quoted_ranges(f: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = start;
    while let Some(k) = f[i..end].iter().position(|&c| opens_quote(c)) {
        i += k;
        let (close, max) = match f[i] {
            '“' => ('”', MAX_QUOTED_NAME),
            '「' => ('」', MAX_QUOTED_NAME),
            '『' => ('』', MAX_QUOTED_NAME),
            '‘' => ('’', MAX_QUOTED_NAME),
            '"' => ('"', MAX_QUOTED_NAME),
            '《' => ('》', MAX_BOOK_TITLE),
            '〈' => ('〉', MAX_BOOK_TITLE),
            _ => {
                i += 1;
                continue;
            }
        };
        let limit = end.min(i + 1 + max + 1);
        match (i + 1..limit).find(|&k| f[k] == close) {
            Some(k) => {
                out.push((i, k));
                i = k + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests;
