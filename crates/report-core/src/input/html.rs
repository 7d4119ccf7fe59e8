//! Saved web pages (.html/.htm): the text of the page with its structure kept as lines —
//! `<p>`, `<div>`, `<br>`, list items, headings and table rows end lines, table cells are
//! separated by a tab — and what is not the report dropped: scripts, styles, navigation,
//! page header and footer, forms. Page furniture that remains (breadcrumbs, `打印本页`) is
//! recognised later by the `lines` stage. The charset declared in `<meta>` decides the
//! encoding; without one, the bytes are detected like a text file.

use super::table::{place, RawCell, Table};
use super::xml::{attr, Token, Tokenizer};
use crate::decode::{self, Encoding};

/// The page's text, the encoding used and the number of undecodable bytes.
#[cfg(test)]
pub fn extract(bytes: &[u8]) -> (String, Encoding, usize) {
    let (text, _, encoding, undecodable) = extract_with_tables(bytes);
    (text, encoding, undecodable)
}

/// [`extract`], with the page's tables as tables (those holding no other table: layout
/// tables that wrap a whole page are not the report's tables).
pub(crate) fn extract_with_tables(bytes: &[u8]) -> (String, Vec<Table>, Encoding, usize) {
    let declared = declared_encoding(bytes);
    let decoded = match declared {
        Some(e) => decode::decode_as(bytes, e),
        None => decode::decode(bytes),
    };
    let mut raw = Vec::new();
    let text = text_of(&decoded.text, &mut raw);
    let mut from = 0;
    let tables =
        if cfg!(feature = "disclosure") { raw.into_iter().map(|rows| place(rows, &text, &mut from)).collect() } else { Vec::new() };
    (text, tables, decoded.encoding, decoded.undecodable_bytes)
}

/// A `<table>` being read: its rows, the cell open in it, and whether it holds a table.
#[derive(Default)]
struct OpenTable {
    rows: Vec<Vec<RawCell>>,
    cell: Option<RawCell>,
    nested: bool,
}

impl OpenTable {
    fn close_cell(&mut self) {
        if let Some(mut c) = self.cell.take() {
            c.text = c.text.trim().to_string();
            match self.rows.last_mut() {
                Some(row) => row.push(c),
                None => self.rows.push(vec![c]),
            }
        }
    }
}

/// Whether `bytes` look like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let s = String::from_utf8_lossy(&lower);
    let t = s.trim_start_matches(['\u{FEFF}', ' ', '\n', '\r', '\t']);
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.starts_with("<head")
        || (t.starts_with('<') && (s.contains("<body") || s.contains("<meta")))
}

/// The encoding a page declares: `<meta charset=…>` or `<meta http-equiv … content="…;
/// charset=…">` within its first 4 KB.
pub fn declared_encoding(bytes: &[u8]) -> Option<Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset")?;
    let rest = head[at + 7..].trim_start().strip_prefix('=')?.trim_start().trim_start_matches(['"', '\'']);
    let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    match label.as_str() {
        "utf-8" | "utf8" => Some(Encoding::Utf8),
        "gbk" | "gb2312" | "gb18030" | "x-gbk" | "gb_2312-80" | "chinese" | "csgb2312" | "iso-ir-58" => Some(Encoding::Gb18030),
        "big5" | "big5-hkscs" | "x-x-big5" | "cn-big5" | "csbig5" => Some(Encoding::Big5),
        "utf-16le" | "utf-16" => Some(Encoding::Utf16Le),
        "utf-16be" => Some(Encoding::Utf16Be),
        _ => None,
    }
}

/// Elements whose whole content is not the report.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "select", "button", "iframe", "svg",
    "object", "map",
];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "center",
    "title",
    "caption",
    "figure",
    "figcaption",
];

fn text_of(html: &str, tables: &mut Vec<Vec<Vec<RawCell>>>) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut open: Vec<OpenTable> = Vec::new();
    let mut skip: Vec<String> = Vec::new(); // open skipped elements
    let mut pre = 0usize;
    let mut title_done = false;
    let mut in_title = false;
    let mut title = String::new();
    for token in Tokenizer::html(html) {
        match token {
            Token::Start { name, attrs, self_closing } => {
                let name = name.to_ascii_lowercase();
                if name == "title" && !title_done {
                    in_title = true;
                }
                if name == "body" {
                    // `<head>` is often left open: the body closes it.
                    skip.retain(|s| s != "head");
                }
                if SKIPPED.contains(&name.as_str()) && !self_closing {
                    skip.push(name.clone());
                    continue;
                }
                // Elements marked hidden, or navigation by their role or their class or id
                // (`<div class="nav">`, `<ul id="topmenu">`), are not the report.
                let navigation = attr(attrs, "role").is_some_and(|r| r == "navigation")
                    || ["class", "id"].iter().any(|a| attr(attrs, a).is_some_and(|v| names_navigation(&v)));
                if !self_closing && (attr(attrs, "hidden").is_some() || navigation) && !is_void(&name) {
                    skip.push(name.clone());
                    continue;
                }
                if name == "pre" {
                    pre += 1;
                }
                match name.as_str() {
                    "table" if !self_closing => {
                        if let Some(outer) = open.last_mut() {
                            outer.nested = true;
                        }
                        open.push(OpenTable::default());
                    }
                    "tr" => {
                        if let Some(t) = open.last_mut() {
                            t.close_cell();
                            t.rows.push(Vec::new());
                        }
                    }
                    "td" | "th" => {
                        if let Some(t) = open.last_mut() {
                            t.close_cell();
                            let span = |a: &str| attr(attrs, a).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 64);
                            t.cell = Some(RawCell {
                                text: String::new(),
                                col_span: span("colspan"),
                                row_span: span("rowspan"),
                                v_merge_continue: false,
                            });
                        }
                    }
                    _ => {}
                }
                if BLOCKS.contains(&name.as_str()) {
                    new_line(&mut out);
                } else if (name == "td" || name == "th") && !out.ends_with('\n') && !out.is_empty() {
                    out.push('\t');
                }
            }
            Token::End { name } => {
                let name = name.to_ascii_lowercase();
                if let Some(k) = skip.iter().rposition(|s| *s == name) {
                    skip.truncate(k);
                    continue;
                }
                if name == "title" && in_title {
                    in_title = false;
                    title_done = true;
                    push_collapsed(&mut out, without_site_name(&title));
                    new_line(&mut out);
                }
                if name == "pre" {
                    pre = pre.saturating_sub(1);
                }
                match name.as_str() {
                    "td" | "th" => {
                        if let Some(t) = open.last_mut() {
                            t.close_cell();
                        }
                    }
                    "table" => {
                        if let Some(mut t) = open.pop() {
                            t.close_cell();
                            t.rows.retain(|r| !r.is_empty());
                            if !t.nested && !t.rows.is_empty() {
                                tables.push(t.rows);
                            }
                        }
                    }
                    _ => {}
                }
                if BLOCKS.contains(&name.as_str()) {
                    new_line(&mut out);
                }
            }
            Token::Text(t) => {
                // The <title> in <head> is kept: it is usually the report's title.
                let title_in_head = in_title && skip.iter().all(|s| s == "head");
                if title_in_head {
                    title.push_str(&t);
                    continue;
                }
                if !skip.is_empty() {
                    continue;
                }
                if pre > 0 {
                    out.push_str(&t);
                } else {
                    push_collapsed(&mut out, &t);
                }
                if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                    push_collapsed(&mut cell.text, &t);
                }
            }
        }
    }
    // Tidy: trim each line, drop runs of blank lines.
    let mut tidy = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\u{A0}');
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        tidy.push_str(line);
        tidy.push('\n');
    }
    tidy.trim_start_matches('\n').to_string()
}

/// Whether a class or id names navigation: one of its words (split at anything not a
/// letter or digit) begins or ends with `nav` or `menu` (`nav`, `main-nav`, `navbar`,
/// `topmenu`), which `unavailable` does not.
fn names_navigation(value: &str) -> bool {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .map(str::to_ascii_lowercase)
        .any(|w| ["nav", "menu"].iter().any(|k| w.starts_with(k) || w.ends_with(k)))
}

/// A page's `<title>` without the site name sites append (`…情况报告_南宫市人民政府`,
/// `…报告 - 政务公开 - 某县人民政府门户网站`, `…报告|某区`): the segments after the last one
/// that names a report are cut, when a segment before them does. A title naming no report is
/// kept whole.
fn without_site_name(title: &str) -> &str {
    const SEPARATORS: &[&str] = &["_", "|", "｜", " - ", " – ", " — ", "－", "——", "--"];
    let title = title.trim();
    let mut end = title.len();
    loop {
        let head = &title[..end];
        let Some((at, sep)) = SEPARATORS.iter().filter_map(|s| head.rfind(s).map(|i| (i, s.len()))).max_by_key(|&(i, _)| i) else {
            break;
        };
        let (left, right) = (&head[..at], &head[at + sep..]);
        if right.contains("报告") || !left.contains("报告") {
            break;
        }
        end = left.trim_end().len();
    }
    &title[..end]
}

fn is_void(name: &str) -> bool {
    matches!(name, "br" | "img" | "hr" | "meta" | "link" | "input" | "area" | "base" | "col" | "embed" | "source" | "track" | "wbr")
}

fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// HTML white space: runs of ASCII space, tab and line break are one space.
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !(out.is_empty() || out.ends_with([' ', '\n', '\t'])) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>某镇2024年法治政府建设情况报告</title>
<style>p { color: red }</style><script>var a = "<p>不是正文</p>";</script></head>
<body><nav><a href="/">首页</a> &gt; <a>政务公开</a></nav><div class="crumb">首页 &gt; 政务公开 &gt; 法治政府</div>
<div id="zoom"><p>一、2024年度推进法治政府建设的主要举措和成效</p>
<p>全年开展法治宣传<b>12</b>场，<br>发放资料3000余份。</p>
<table><tr><td>受理矛盾纠纷</td><td>60起</td></tr></table></div>
<footer>版权所有：某镇人民政府</footer></body></html>"#;

    #[test]
    fn the_report_body_as_lines() {
        let (text, encoding, errors) = extract(PAGE.as_bytes());
        assert_eq!((encoding, errors), (Encoding::Utf8, 0));
        assert_eq!(
            text,
            "某镇2024年法治政府建设情况报告\n首页 > 政务公开 > 法治政府\n一、2024年度推进法治政府建设的主要举措和成效\n全年开展法治宣传12场，\n发放资料3000余份。\n受理矛盾纠纷\t60起\n"
        );
    }

    #[test]
    fn declared_charsets() {
        assert_eq!(declared_encoding(br#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#), Some(Encoding::Gb18030));
        assert_eq!(declared_encoding(b"<meta charset='BIG5'>"), Some(Encoding::Big5));
        assert_eq!(declared_encoding(b"<p>no charset</p>"), None);
        assert!(looks_like_html(b"\xEF\xBB\xBF<!DOCTYPE html><html>"));
        assert!(!looks_like_html("一、主要举措".as_bytes()));
    }

    #[test]
    fn gbk_page_decodes_by_its_declared_charset() {
        let page = PAGE.replace("utf-8", "gbk");
        let (gbk, _, _) = encoding_rs::GBK.encode(&page);
        let (text, encoding, _) = extract(&gbk);
        assert_eq!(encoding, Encoding::Gb18030);
        assert!(text.contains("发放资料3000余份。"));
    }

    #[test]
    fn the_site_name_after_a_title_is_cut() {
        assert_eq!(without_site_name("大村乡2024年法治政府建设情况报告_南宫市人民政府"), "大村乡2024年法治政府建设情况报告");
        assert_eq!(
            without_site_name("某县2023年度法治政府建设工作报告 - 政务公开 - 某县人民政府门户网站"),
            "某县2023年度法治政府建设工作报告"
        );
        assert_eq!(without_site_name("关于2024年法治政府建设情况的报告|某区"), "关于2024年法治政府建设情况的报告");
        // Nothing names a report, or the separator sits inside the report's own title: kept.
        assert_eq!(without_site_name("某县人民政府_首页"), "某县人民政府_首页");
        assert_eq!(without_site_name("年度报告_法治政府建设报告"), "年度报告_法治政府建设报告");
    }

    #[test]
    fn navigation_bars_by_class_or_id_are_left_out() {
        let page = "<html><head><title>某镇2024年法治政府建设情况报告_某县人民政府</title></head><body><div class=\"main-nav\"><a>首页</a><a>政务公开</a></div><ul id=\"topmenu\"><li>机构</li></ul><p class=\"unavailable\">一、主要举措和成效</p></body></html>";
        let text = text_of(page, &mut Vec::new());
        assert_eq!(text.lines().collect::<Vec<_>>(), ["某镇2024年法治政府建设情况报告", "一、主要举措和成效"], "{text}");
        assert!(names_navigation("navbar") && names_navigation("sub_menu") && !names_navigation("canvas unavailable"));
    }
}
