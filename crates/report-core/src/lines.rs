//! Stage 3 — lines, and what kind each one is.
//!
//! A report's paragraphs are its lines (Chinese reports put one paragraph on one line), so
//! this stage splits on `\n`, `\r\n` and `\r` and classifies each line:
//!
//! - [`LineKind::Blank`] — only spaces;
//! - [`LineKind::Meta`] — a `key: value` metadata line of a government portal
//!   (`索引号:`, `发文字号:`, `发布日期:` …); kept for the `meta` stage, not analysed as prose;
//! - [`LineKind::Chrome`] — web-page furniture copied with the text (breadcrumbs,
//!   `字体：大 中 小`, `打印本页`, `扫一扫在手机上查看当前页面`, share buttons): kept
//!   and shown greyed, excluded from analysis;
//! - [`LineKind::Text`] — everything else.
//!
//! ```
//! use report_core::lines::LineKind;
//! let a = report_core::analyze_full("首页 > 政务公开 > 法治政府\r\n\r\n发布时间：2025-03-01\n一、主要举措和成效\n".as_bytes(), None);
//! let kinds: Vec<_> = a.lines.iter().map(|l| l.kind).collect();
//! assert_eq!(kinds, [LineKind::Chrome, LineKind::Blank, LineKind::Meta, LineKind::Text]);
//! ```

mod meta;
mod page;

use crate::chars::{is_space, BmpSet};
use crate::markers::{parse_marker, Marker};
use meta::meta_entries;
pub(crate) use meta::{MetaEntry, MetaField};
use serde::Serialize;
use std::sync::OnceLock;

/// One line of the text and its tokens. Offsets are char indices into the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// First char of the line.
    pub start: usize,
    /// One past the last char, line terminator excluded.
    pub end: usize,
    /// What the line is.
    pub kind: LineKind,
    /// The heading marker the line starts with (prose lines only).
    pub(crate) marker: Option<Marker>,
    /// The `key: value` entries of a metadata line, parsed once here for the frame.
    pub(crate) entries: Vec<MetaEntry>,
}

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Only spaces.
    Blank,
    /// Prose (or a heading): analysed.
    Text,
    /// A `key: value` metadata line of a government portal.
    Meta,
    /// Web-page furniture: shown greyed, not analysed.
    Chrome,
}

/// Splits the folded text into lines and classifies them.
#[cfg(test)]
pub(crate) fn split_lines(folded: &[char]) -> Vec<Line> {
    let breaks: Vec<u32> = (0..folded.len()).filter(|&k| crate::normalize::is_line_break(folded[k])).map(|k| k as u32).collect();
    split_lines_at(folded, &breaks)
}

/// [`split_lines`] given where the line terminators are (see
/// `normalize::FoldedText::line_breaks`): `\r\n` counts as one.
pub(crate) fn split_lines_at(folded: &[char], breaks: &[u32]) -> Vec<Line> {
    let mut lines = Vec::with_capacity(breaks.len() + 1);
    // The short lines' text without spaces, for `classify`: one buffer for all lines.
    let mut compact = String::new();
    let mut start = 0;
    for end in breaks.iter().map(|&b| b as usize) {
        if end < start {
            continue; // the `\n` of a `\r\n`
        }
        lines.push(make_line(folded, lines.len() + 1, start, end, &mut compact));
        let crlf = folded[end] == '\r' && folded.get(end + 1) == Some(&'\n');
        start = end + if crlf { 2 } else { 1 };
    }
    if start < folded.len() || lines.is_empty() {
        lines.push(make_line(folded, lines.len() + 1, start, folded.len(), &mut compact));
    }
    meta::join_values(folded, &mut lines);
    lines
}

fn make_line(folded: &[char], number: usize, start: usize, end: usize, compact: &mut String) -> Line {
    let kind = classify(&folded[start..end], compact);
    let marker = if kind == LineKind::Text { parse_marker(folded, start, end) } else { None };
    let entries = if kind == LineKind::Meta { meta_entries(folded, start, end) } else { Vec::new() };
    Line { number, start, end, kind, marker, entries }
}

/// Lines longer than this are prose, whatever words they contain.
const FURNITURE_MAX_CHARS: usize = 60;

/// What `line` is; `compact` is a scratch buffer.
fn classify(line: &[char], compact: &mut String) -> LineKind {
    if line.iter().all(|&c| is_space(c)) {
        return LineKind::Blank;
    }
    if line.len() > FURNITURE_MAX_CHARS * 2 {
        return LineKind::Text;
    }
    // The compact text is built only for a line that may be metadata (it has a colon) or
    // furniture (it is short): building it for every line of prose cost more than the
    // tests themselves.
    let has_colon = line.contains(&':');
    let short = line.iter().filter(|c| !is_space(**c)).count() <= FURNITURE_MAX_CHARS;
    if !has_colon && !short {
        return LineKind::Text;
    }
    compact.clear();
    compact.extend(line.iter().filter(|c| !is_space(**c)));
    if meta::is_meta_line(compact) {
        return LineKind::Meta;
    }
    if short && (is_chrome(compact) || page::is_chrome(compact)) {
        return LineKind::Chrome;
    }
    LineKind::Text
}

/// Web-page furniture: short lines made of the words sites put around an article.
fn is_chrome(compact: &str) -> bool {
    const PHRASES: &[&str] = &[
        "扫一扫在手机上查看当前页面",
        "扫一扫在手机打开当前页",
        "在手机上查看",
        "打印本页",
        "关闭本页",
        "关闭窗口",
        "打印此页",
        "返回顶部",
        "我要纠错",
        "分享到",
        "收藏本页",
        "加入收藏",
        "当前位置",
        "您现在的位置",
        "您当前的位置",
        "您的位置",
        "网站地图",
        "版权所有",
        "主办单位",
        "承办单位",
        "ICP备",
        "公网安备",
        "网站标识码",
        "技术支持",
        "上一篇",
        "下一篇",
        "相关链接",
        "相关阅读",
        "微信扫一扫",
        "手机扫一扫",
    ];
    // One pass over the line trying at each char only the phrases that start with it (a
    // bit set tells the chars that start none): most short lines are headings, and a
    // substring search per phrase cost more than the rest of this stage.
    static BY_FIRST_CHAR: OnceLock<(BmpSet, Vec<(char, &str)>)> = OnceLock::new();
    let (first_chars, by_first_char) = BY_FIRST_CHAR.get_or_init(|| {
        let mut v: Vec<(char, &str)> = PHRASES.iter().filter_map(|p| Some((p.chars().next()?, *p))).collect();
        v.sort_unstable();
        (BmpSet::of_chars(v.iter().map(|e| e.0)), v)
    });
    let has_phrase = compact.char_indices().any(|(at, c)| {
        if !first_chars.contains(c) {
            return false;
        }
        let from = by_first_char.partition_point(|e| e.0 < c);
        by_first_char[from..].iter().take_while(|e| e.0 == c).any(|e| compact[at..].starts_with(e.1))
    });
    if has_phrase {
        return true;
    }
    // `字体：大 中 小`, `【字号：大 中 小】`
    if compact.contains('大') && compact.contains('小') && (compact.contains("字体") || compact.contains("字号")) {
        return true;
    }
    // Breadcrumbs: `首页 > 政务公开 > …`
    if compact.starts_with("首页") && compact.contains(['>', '»', '›', '→']) {
        return true;
    }
    // Bare buttons: `【打印】【关闭】`, `打印 | 关闭`
    let buttons = ["打印", "关闭", "收藏", "分享", "返回", "纠错", "【", "】", "[", "]", "|", "/"];
    if !compact.chars().next().is_none_or(|first| buttons.iter().any(|b| b.starts_with(first))) {
        return false;
    }
    let mut rest = compact;
    'strip: while !rest.is_empty() {
        for b in buttons {
            if let Some(r) = rest.strip_prefix(b) {
                rest = r;
                continue 'strip;
            }
        }
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        let folded: Vec<char> = text.chars().map(crate::normalize::fold).collect();
        split_lines(&folded).iter().map(|l| l.kind).collect()
    }

    #[test]
    fn splits_on_every_line_ending() {
        let folded: Vec<char> = "a\r\nb\rc\nd".chars().collect();
        let lines = split_lines(&folded);
        let spans: Vec<_> = lines.iter().map(|l| (l.number, l.start, l.end)).collect();
        assert_eq!(spans, [(1, 0, 1), (2, 3, 4), (3, 5, 6), (4, 7, 8)]);
    }

    #[test]
    fn trailing_newline_gives_no_extra_line_and_empty_text_one_line() {
        let folded: Vec<char> = "a\n".chars().collect();
        assert_eq!(split_lines(&folded).len(), 1);
        assert_eq!(split_lines(&[]).len(), 1);
    }

    #[test]
    fn metadata_lines() {
        assert_eq!(
            kinds("- 索 引 号: sm0-2025-00003\n- 备注/文号: 某委〔2025〕5号\n发布时间:2025-04-11 16:33 信息来源:某县某乡\n成文日期：2025年2月7日"),
            [LineKind::Meta; 4]
        );
    }

    #[test]
    fn page_chrome() {
        for line in [
            "扫一扫在手机上查看当前页面",
            "【字体：大 中 小】",
            "首页 > 政务公开 > 法治政府建设",
            "【打印】【关闭】",
            "打印本页 关闭窗口",
            "分享到：微信 微博",
        ] {
            assert_eq!(kinds(line), [LineKind::Chrome], "{line}");
        }
    }

    #[test]
    fn prose_that_mentions_chrome_words_stays_text() {
        let prose = "镇党委定期对全镇法治建设工作专题部署，及时研究解决推进过程中的难点、问题，同时将依法治理工作纳入各村党支部书记年终述职考评重要内容，严格考核奖惩，切实把法治建设的各项要求体现到业务工作中，扫一扫在手机上查看当前页面的做法也很方便。";
        assert_eq!(kinds(prose), [LineKind::Text]);
        assert_eq!(kinds("一、主要举措"), [LineKind::Text]);
        assert_eq!(kinds("来源于群众的意见"), [LineKind::Text]);
    }
}
