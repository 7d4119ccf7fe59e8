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
use lexicon::{adverbial_len, determiner_len, opens_predicate, trailing_len, verb_len};
pub use number::Approx;
use number::{approx_after, arabic_at, chinese_at, joins_number, number_starts, prefix_before, suffix_at, Number};
use serde::{Deserialize, Serialize};
use unit::{match_unit, UnitClass};

/// One figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Metric {
    /// The number; integral values are written without a fraction (`30000`, not `30000.0`).
    #[serde(serialize_with = "crate::summary::write_number")]
    pub value: f64,
    /// How exact the figure claims to be (`30000余份` is at least 30000).
    pub approx: Approx,
    /// The unit as printed, with any 万/亿 (`万元`, `人次`, `%`).
    pub unit: String,
    /// What is counted (`宣传资料`), as printed, quotation marks removed.
    pub what: Option<String>,
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
    let mut out = Vec::new();
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
    let mut clause_floor = start; // where the current clause may start (after the last metric)
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
            } else if let Some(m) = read_figure(doc, line, start, end, clause_floor, &n, &quoted) {
                clause_floor = m.span.1;
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
    clause_floor: usize,
    n: &Number,
    quoted: &[(usize, usize)],
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
    let clause_start = clause_start(f, line_start.max(clause_floor), start, quoted);
    let found = find_what(doc, clause_start, start, figure_end, end, unit_class);
    let span = (found.text_start.min(n.start), found.text_end.max(figure_end));
    Some(Metric {
        value: n.value,
        approx,
        unit,
        what: found.what,
        text: doc.original_str(span.0, span.1),
        line,
        span,
        section: None,
        heading: None,
    })
}

struct FoundWhat {
    what: Option<String>,
    text_start: usize,
    text_end: usize,
}

/// Finds what a figure counts: the noun phrase after a classifier that modifies it
/// (`聘请62名社区网格员`), else the object before the number (`发放宣传资料3000份`), else
/// the verb (`调处21件`), else the unit itself when it is a noun (`划分46网格`).
fn find_what(doc: &Document, clause_start: usize, number_start: usize, figure_end: usize, line_end: usize, class: UnitClass) -> FoundWhat {
    let f = &doc.folded;
    if class == UnitClass::Classifier {
        if let Some(np_end) = noun_phrase_after(f, figure_end, line_end) {
            let text_start = (clause_start..number_start).find(|&p| verb_at(f, p, number_start).is_some()).unwrap_or(number_start);
            return FoundWhat { what: clean(doc, figure_end, np_end), text_start, text_end: np_end };
        }
    }
    let before = &f[clause_start..number_start];
    // Drop the clause's opening adverbials (今年 全镇 共 …) and years (2024年).
    let mut lead = 0;
    loop {
        let rest = &before[lead..];
        let verb_here = verb_at(f, clause_start + lead, number_start).unwrap_or(0);
        if let Some(n) = adverbial_len(f, clause_start + lead, number_start).filter(|&n| n >= verb_here) {
            lead += n;
        } else if let Some(n) = year_prefix(rest) {
            lead += n;
        } else if rest.first().is_some_and(|&c| c == ' ' || c == ',') {
            lead += 1;
        } else {
            break;
        }
    }
    let clause = clause_start + lead;
    // The object of the clause's predicate: after the last verb that opens one. Rates and
    // percentages keep their verb (调处成功率).
    let mut object_start = clause;
    let mut verb_start = None;
    if class != UnitClass::Percent {
        let mut bare_verb = None;
        for p in (clause..number_start).rev() {
            if let Some(len) = verb_at(f, p, number_start) {
                if !opens_predicate(&f[clause..p]) {
                    continue;
                }
                if p + len < number_start {
                    object_start = p + len;
                    verb_start = Some(p);
                    break;
                }
                bare_verb.get_or_insert(p); // `调处21件`, `划分46网格`: no object in between
            }
        }
        if let (None, Some(v)) = (verb_start, bare_verb) {
            let found = FoundWhat { what: clean(doc, v, number_start), text_start: v, text_end: figure_end };
            return if class == UnitClass::Noun { found.with_unit(doc, figure_end, number_start) } else { found };
        }
    }
    // Copulas and totals before the number (达, 合计) are not part of what is counted.
    let mut object_end = number_start;
    while let Some(n) = trailing_len(&f[object_start..object_end]) {
        if object_end - n <= object_start {
            break;
        }
        object_end -= n;
    }
    let number_start_for_what = object_end;
    // Determiners (各类) are not part of what is counted.
    while let Some(n) = determiner_len(f, object_start, number_start_for_what) {
        if object_start + n >= number_start_for_what {
            break;
        }
        object_start += n;
    }
    // Long clauses: keep the end, which names the thing.
    if number_start_for_what - object_start > MAX_WHAT {
        object_start = number_start_for_what - MAX_WHAT;
    }
    let what = clean(doc, object_start, number_start_for_what);
    let text_start = verb_start.unwrap_or(object_start);
    match what {
        Some(w) => FoundWhat { what: Some(w), text_start, text_end: figure_end },
        None if class == UnitClass::Noun => {
            FoundWhat { what: None, text_start, text_end: figure_end }.with_unit(doc, figure_end, number_start)
        }
        None => FoundWhat { what: None, text_start, text_end: figure_end },
    }
}

impl FoundWhat {
    /// For a noun unit, the unit names what is counted (`46网格` → 网格).
    fn with_unit(self, doc: &Document, figure_end: usize, number_start: usize) -> FoundWhat {
        let f = &doc.folded;
        let unit_start = (number_start..figure_end)
            .find(|&p| match_unit(f, p, figure_end).is_some_and(|(len, c)| c == UnitClass::Noun && p + len == figure_end));
        FoundWhat { what: unit_start.and_then(|p| clean(doc, p, figure_end)), ..self }
    }
}

/// The noun phrase a classifier modifies, if the classifier is followed by one: up to the
/// clause end, `的`, a function word or a verb; at most 12 chars.
fn noun_phrase_after(f: &[char], from: usize, end: usize) -> Option<usize> {
    const FUNCTION: &str = "的地得以等和及与并在对为给向到至于从把被将也都就还又而或即既次余多其";
    let first = *f.get(from).filter(|_| from < end)?;
    if !is_han(first) || FUNCTION.contains(first) || verb_at(f, from, end).is_some() {
        return None;
    }
    let mut k = from;
    let mut depth = 0i32;
    while k < end && k - from < 12 {
        let c = f[k];
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            '“' | '”' | '"' => {}
            c if depth == 0 && (is_clause_end(c) || c == '的' || c == '等') => break,
            c if depth == 0 && !is_han(c) && !c.is_ascii_alphanumeric() => break,
            _ if depth == 0 && k > from && (verb_at(f, k, end).is_some() || adverb_at(f, k, end)) => break,
            _ => {}
        }
        k += 1;
    }
    (k > from).then_some(k)
}

/// An adverb that ends a noun phrase (`68所学校全部配备…`, `12个村均建成…`).
fn adverb_at(f: &[char], k: usize, end: usize) -> bool {
    ["全部", "全都", "均", "都", "已经", "已", "共", "累计", "分别", "各自", "正在", "将"]
        .iter()
        .any(|w| crate::chars::starts_with_at(f, k, end, w))
}

/// The length of an action verb at `p`, unless a nominal suffix makes it part of a noun
/// (`调解员`, `培训费`, `审查表`).
fn verb_at(f: &[char], p: usize, end: usize) -> Option<usize> {
    const NOMINAL_SUFFIX: &str = "员者师会组队站室所处机书费案件点单表册卡证部台率款物";
    let len = verb_len(f, p, end)?;
    match f.get(p + len) {
        Some(&c) if p + len < end && NOMINAL_SUFFIX.contains(c) => None,
        _ => Some(len),
    }
}

/// `2024年`, `2024年度`, `2024年以来` at the start of a clause.
fn year_prefix(chars: &[char]) -> Option<usize> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || chars.get(4) != Some(&'年') {
        return None;
    }
    let mut n = 5;
    if chars.get(5) == Some(&'度') {
        n += 1;
    }
    Some(n)
}

/// The original text of `start..end` without quotation marks and surrounding spaces.
fn clean(doc: &Document, start: usize, end: usize) -> Option<String> {
    let s: String = doc
        .original_chars(start, end)
        .zip(&doc.folded[start..end])
        .filter(|(_, &f)| !matches!(f, '“' | '”' | '"' | '‘' | '’' | '「' | '」' | '『' | '』' | crate::normalize::IGNORABLE))
        .map(|(o, _)| o)
        .collect();
    let s = s.trim().trim_matches(|c: char| c == ',' || c == '，' || c == '、').to_string();
    (!s.is_empty()).then_some(s)
}

/// Where the clause holding `at` starts: after the nearest clause punctuation that is not
/// inside quotation marks.
fn clause_start(f: &[char], floor: usize, at: usize, quoted: &[(usize, usize)]) -> usize {
    let mut p = at;
    while p > floor {
        let c = f[p - 1];
        if is_clause_break(c) && !quoted.iter().any(|&(a, b)| a < p - 1 && p - 1 < b) {
            break;
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
