//! Stage 4 — the frame around the report's body: title, issuer, level, report year, dates,
//! 文号, addressees, signatories, script; which lines are frame (title block, addressee,
//! signature) rather than body; and where the body ends (the signature's start).
//!
//! It reads the lines and their tokens only (metadata entries, heading markers): the outline
//! is built after it, over the body it delimits.
//!
//! Sources, most reliable first: a portal's `key: value` header (`发布机构`, `公文生成日期`,
//! `文号`), the title block (the short lines before the body, up to three of them), the
//! addressee line (`中共某县委员会，某县人民政府：`), the signature block at the end (organ
//! names, then a date), the top-level headings and the first paragraph.

pub(crate) mod date;
pub(crate) mod issuer;

pub use date::Date;
pub use issuer::Level;

use crate::chars::is_han;
use crate::document::Document;
use crate::kinds::ReportKind;
use crate::lines::{LineKind, MetaField};
use crate::markers::heading_title;
use crate::normalize::{count_scripts, fold_str, ScriptVote};
use date::{find_date, parse_date};
use issuer::{level_of, looks_like_org, lowest_unit};
use serde::{Deserialize, Serialize};

/// The script a report is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// 简体.
    Simplified,
    /// 繁體.
    Traditional,
}

/// What the frame says about the report: the summary's `meta`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meta {
    /// The report's title as printed (lines of a title block joined), or null.
    pub title: Option<String>,
    /// The issuing organ, as its lowest unit (`某某镇人民政府`), folded to Simplified.
    pub issuer: Option<String>,
    /// The issuer's level of government.
    pub level: Level,
    /// The year reported on.
    pub report_year: Option<i32>,
    /// When the report was published (a portal's 发布日期), `YYYY-MM-DD`.
    pub publish_date: Option<Date>,
    /// The date under the signature (or a portal's 成文日期), `YYYY-MM-DD`.
    pub signed_date: Option<Date>,
    /// The 发文字号 (`某委〔2025〕5号`).
    pub doc_number: Option<String>,
    /// The addressees (`中共某县委员会`, `某县人民政府`).
    pub recipients: Vec<String>,
    /// The organs that sign the report.
    pub signatories: Vec<String>,
    /// Simplified or Traditional.
    pub script: Script,
}

/// The frame and the evidence later stages need: which lines are frame and where the
/// body ends.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Frame {
    /// What the frame says.
    pub meta: Meta,
    /// The title's span (chars), if it was read from lines of the text.
    pub title_span: Option<(usize, usize)>,
    /// Lines (1-based) of the frame: title block, addressee, signature and its date.
    /// They are not analysed as prose.
    pub frame_lines: Vec<usize>,
    /// Where the body ends: the start of the signature block, or the end of the text.
    pub body_end: usize,
}

/// Lines longer than this are prose, not a title or a signature.
const SHORT_LINE: usize = 60;

impl Frame {
    /// Reads the frame of `doc`.
    pub fn read(doc: &Document) -> Frame {
        let fields = Fields::of(doc);
        let first_heading = doc.lines.iter().find(|l| l.kind == LineKind::Text && l.marker.is_some()).map_or(usize::MAX, |l| l.number);
        let header = header_lines(doc, first_heading);
        let (title_lines, recipients_line) = title_and_addressee(doc, &header);
        // An author line under the title (`关于…的报告` / `某某区教育局`).
        let author_line = title_lines.last().and_then(|&last| {
            header.iter().copied().find(|&n| n > last && n <= last + 2 && is_title_like(doc, n) && all_orgs(&line_folded(doc, n)))
        });
        let (signature_lines, signatories, signature_date) = signature_block(doc, first_heading);

        let title_span = title_lines.first().map(|&a| (doc.lines[a - 1].start, doc.lines[*title_lines.last().unwrap_or(&a) - 1].end));
        let title = if title_lines.is_empty() {
            fields.get(MetaField::Title).map(|(s, e)| doc.original_str(s, e).trim().to_string())
        } else {
            Some(
                title_lines
                    .iter()
                    .map(|&n| {
                        let l = &doc.lines[n - 1];
                        doc.original_str(l.start, l.end).trim().to_string()
                    })
                    .collect::<String>(),
            )
        };
        let title_folded = title.as_deref().map(fold_str);

        let recipients = recipients_line.map(|n| split_orgs(doc, n)).unwrap_or_default();

        let issuer_raw = fields
            .get(MetaField::Issuer)
            .map(|(s, e)| doc.folded_str(s, e).trim().to_string())
            .filter(|s| looks_like_org(s))
            .or_else(|| title_folded.as_deref().and_then(issuer_from_title))
            .or_else(|| author_line.map(|n| line_folded(doc, n)))
            .or_else(|| preferred_signatory(&signatories))
            .or_else(|| fields.get(MetaField::Source).map(|(s, e)| doc.folded_str(s, e).trim().to_string()).filter(|s| looks_like_org(s)))
            .or_else(|| issuer_from_body(doc));
        let issuer = issuer_raw.map(|s| lowest_unit(&s));
        let level = issuer.as_deref().map_or(Level::Unknown, level_of);

        let publish_date = fields.get(MetaField::PublishDate).and_then(|(s, e)| find_date(&doc.folded[s..e]).map(|(d, _, _)| d));
        let signed_date =
            fields.get(MetaField::SignedDate).and_then(|(s, e)| find_date(&doc.folded[s..e]).map(|(d, _, _)| d)).or(signature_date);

        let report_year = title_folded
            .as_deref()
            .and_then(first_year)
            .or_else(|| top_level_titles(doc).iter().filter_map(|t| heading_report_year(t)).min())
            .or_else(|| first_body_year(doc))
            .or_else(|| publish_date.or(signed_date).map(|d| d.year - 1));

        let doc_number = fields
            .get(MetaField::DocNumber)
            .map(|(s, e)| doc.original_str(s, e).trim().to_string())
            .filter(|s| !s.is_empty() && s != "无")
            .or_else(|| find_doc_number(doc, &header));

        let mut frame_lines: Vec<usize> = title_lines.clone();
        // Portals often repeat the title above the text.
        let title_texts: Vec<String> = title_lines.iter().map(|&n| line_folded(doc, n)).collect();
        frame_lines.extend(header.iter().copied().filter(|&n| title_texts.contains(&line_folded(doc, n))));
        frame_lines.extend(recipients_line);
        frame_lines.extend(author_line);
        frame_lines.extend(signature_lines.iter().copied());
        frame_lines.sort_unstable();
        frame_lines.dedup();
        let body_end = signature_lines.first().map_or(doc.char_count(), |&n| doc.lines[n - 1].start);

        Frame {
            meta: Meta {
                title,
                issuer,
                level,
                report_year,
                publish_date,
                signed_date,
                doc_number,
                recipients,
                signatories,
                script: script_of_vote(doc.script_vote),
            },
            title_span,
            frame_lines,
            body_end,
        }
    }
}

/// The `key: value` entries of the metadata lines (parsed by the lines stage), in order.
struct Fields(Vec<(MetaField, usize, usize)>);

impl Fields {
    fn of(doc: &Document) -> Fields {
        Fields(doc.lines.iter().flat_map(|l| l.entries.iter().map(|e| (e.field, e.start, e.end))).collect())
    }

    /// The first non-empty value of `field`.
    fn get(&self, field: MetaField) -> Option<(usize, usize)> {
        self.0.iter().find(|(f, s, e)| *f == field && e > s).map(|&(_, s, e)| (s, e))
    }
}

/// The titles (folded) of the top-level headings of the whole text: the marked prose lines
/// that no earlier marked line outranks.
fn top_level_titles(doc: &Document) -> Vec<String> {
    let mut highest = u8::MAX;
    let mut out = Vec::new();
    for line in doc.lines.iter().filter(|l| l.kind == LineKind::Text) {
        let Some(m) = &line.marker else { continue };
        let level = m.kind.level();
        if level <= highest {
            highest = level;
            let (s, e) = heading_title(&doc.folded, m.end, line.end);
            out.push(doc.folded_str(s, e));
        }
    }
    out
}

/// Text lines before the first heading and before the first long paragraph.
fn header_lines(doc: &Document, first_heading_line: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for line in &doc.lines {
        if line.number >= first_heading_line {
            break;
        }
        if line.kind != LineKind::Text {
            continue;
        }
        if is_prose(doc, line.number) {
            break;
        }
        out.push(line.number);
    }
    out
}

/// A paragraph of the body: long, or a full sentence.
fn is_prose(doc: &Document, n: usize) -> bool {
    let l = &doc.lines[n - 1];
    let (s, e) = doc.trim(l.start, l.end);
    e - s > SHORT_LINE || doc.folded[s..e].contains(&'。')
}

fn is_title_like(doc: &Document, n: usize) -> bool {
    let l = &doc.lines[n - 1];
    let (s, e) = doc.trim(l.start, l.end);
    e > s && e - s <= SHORT_LINE && !doc.folded[s..e].contains(&'。') && !matches!(doc.folded[e - 1], ':')
}

/// The title block (up to three consecutive short lines, one of which names a report) and
/// the addressee line.
fn title_and_addressee(doc: &Document, header: &[usize]) -> (Vec<usize>, Option<usize>) {
    let mut addressee = None;
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &n in header {
        let l = &doc.lines[n - 1];
        let (s, e) = doc.trim(l.start, l.end);
        if e > s && doc.folded[e - 1] == ':' {
            if addressee.is_none() && all_orgs(&doc.folded_str(s, e - 1)) {
                addressee = Some(n);
            }
            continue;
        }
        if !is_title_like(doc, n) {
            continue;
        }
        // A title continues on the next line, or after a blank line when that line
        // starts with 关于 (`某某镇人民政府` / `关于…的报告`).
        let continues = |p: usize| {
            n == p + 1 || (doc.lines[p..n - 1].iter().all(|l| l.kind == LineKind::Blank) && doc.folded_str(s, e).starts_with("关于"))
        };
        match groups.last_mut() {
            Some(g) if g.last().is_some_and(|&p| continues(p)) => g.push(n),
            _ => groups.push(vec![n]),
        }
    }
    let title = groups
        .into_iter()
        .find_map(|g| {
            let last = g.iter().rposition(|&n| names_report(&doc.folded_str(doc.lines[n - 1].start, doc.lines[n - 1].end)))?;
            let from = (last + 1).saturating_sub(3);
            Some(g[from..=last].to_vec())
        })
        .unwrap_or_default();
    (title, addressee)
}

/// Whether a line (folded) names the report: the words a title of this genre uses.
fn names_report(line: &str) -> bool {
    ["报告", "情况", "总结", "工作要点", "述职"].iter().any(|w| line.contains(w))
}

/// Whether `text` (folded) is a list of organisations: `中共某县委员会，某县人民政府`.
fn all_orgs(text: &str) -> bool {
    let parts: Vec<&str> = text.split([',', '、', ' ', ';']).map(str::trim).filter(|p| !p.is_empty()).collect();
    !parts.is_empty() && parts.iter().all(|p| looks_like_org(p) || is_short_org(p))
}

/// Short forms of organs: 县委, 县政府, 区委办, 市人大.
fn is_short_org(p: &str) -> bool {
    let n = p.chars().count();
    (2..=8).contains(&n) && ["委", "政府", "人大", "政协", "办", "局"].iter().any(|s| p.ends_with(s))
}

fn split_orgs(doc: &Document, n: usize) -> Vec<String> {
    let l = &doc.lines[n - 1];
    let (s, mut e) = doc.trim(l.start, l.end);
    if e > s && matches!(doc.folded[e - 1], ':') {
        e -= 1;
    }
    split_at_separators(doc, s, e)
}

fn split_at_separators(doc: &Document, s: usize, e: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = s;
    for p in s..=e {
        if p == e || matches!(doc.folded[p], ',' | '、' | ' ' | ';') {
            let part = doc.original_str(start, p).trim().to_string();
            if !part.is_empty() {
                out.push(part);
            }
            start = p + 1;
        }
    }
    out
}

/// The signature block: from the end, skipping blank lines and page chrome, date lines and
/// lines of organ names. Returns its lines, the signatories and the date.
fn signature_block(doc: &Document, first_heading_line: usize) -> (Vec<usize>, Vec<String>, Option<Date>) {
    let mut lines = Vec::new();
    let mut signatories = Vec::new();
    let mut date = None;
    for line in doc.lines.iter().rev() {
        if line.number <= first_heading_line && first_heading_line != usize::MAX {
            break;
        }
        match line.kind {
            LineKind::Blank | LineKind::Chrome => continue,
            LineKind::Meta => break,
            LineKind::Text => {}
        }
        let (s, e) = doc.trim(line.start, line.end);
        if e - s > SHORT_LINE || lines.len() >= 4 {
            break;
        }
        let chars = &doc.folded[s..e];
        if let Some((d, len)) = parse_date(chars) {
            if len == chars.len() && date.is_none() {
                date = Some(d);
                lines.push(line.number);
                continue;
            }
        }
        let folded = doc.folded_str(s, e);
        if all_orgs(&folded) && !folded.contains(':') && !folded.contains('。') {
            let mut names = split_at_separators(doc, s, e);
            names.append(&mut signatories);
            signatories = names;
            lines.push(line.number);
            continue;
        }
        break;
    }
    lines.reverse();
    (lines, signatories, date)
}

/// Of joint signatories (Party committee and government), the government reports.
fn preferred_signatory(signatories: &[String]) -> Option<String> {
    let folded: Vec<String> = signatories.iter().map(|s| fold_str(s)).collect();
    folded.iter().find(|s| s.ends_with("政府") || s.ends_with("办事处")).or(folded.last()).cloned()
}

/// The issuer named at the start of a title: before `关于`, a year or `法治政府`.
fn issuer_from_title(title: &str) -> Option<String> {
    let cut = ["关于", "法治政府", "法治建设", "依法行政"]
        .iter()
        .filter_map(|w| title.find(w))
        .chain(year_positions(title).into_iter().next())
        .min()?;
    let name = title[..cut].trim();
    // Joint titles (`中共某县委 某县人民政府关于…`): the government reports.
    let parts: Vec<&str> = name.split([' ', '、']).filter(|p| !p.is_empty()).collect();
    let name = parts.iter().find(|p| p.ends_with("政府")).or(parts.last()).copied().unwrap_or(name);
    looks_like_org(name).then(|| name.to_string())
}

/// Byte offsets of `YYYY年` in `s`.
fn year_positions(s: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        if i + 4 < chars.len()
            && (i == 0 || !chars[i - 1].1.is_ascii_digit())
            && chars[i..i + 4].iter().all(|(_, c)| c.is_ascii_digit())
            && chars[i + 4].1 == '年'
        {
            out.push(chars[i].0);
        }
    }
    out
}

/// The first plausible year (`2024年`) in `s`.
fn first_year(s: &str) -> Option<i32> {
    year_positions(s).into_iter().filter_map(|b| s[b..b + 4].parse::<i32>().ok()).find(|y| (1990..=2100).contains(y))
}

/// The report year a top-level heading implies: the year it names, or the year before for
/// the next year's plan (`四、2025年工作安排` in a report on 2024).
fn heading_report_year(title: &str) -> Option<i32> {
    let year = first_year(title)?;
    Some(if ReportKind::names_only_a_plan(title) { year - 1 } else { year })
}

fn line_folded(doc: &Document, n: usize) -> String {
    let l = &doc.lines[n - 1];
    doc.folded_str(l.start, l.end).trim().to_string()
}

/// The year named first in the opening paragraphs (`2023年以来，…`).
fn first_body_year(doc: &Document) -> Option<i32> {
    doc.text_lines().filter(|l| is_prose(doc, l.number)).take(3).find_map(|l| first_year(&doc.folded_str(l.start, l.end)))
}

/// A 文号 (`将镛委〔2025〕5号`) in the header lines.
fn find_doc_number(doc: &Document, header: &[usize]) -> Option<String> {
    for &n in header {
        let l = &doc.lines[n - 1];
        let f = &doc.folded[l.start..l.end];
        for (i, &c) in f.iter().enumerate() {
            let close = match c {
                '〔' => '〕',
                '[' => ']',
                '【' => '】',
                _ => continue,
            };
            let year_ok = f.len() > i + 6 && f[i + 1..i + 5].iter().all(|c| c.is_ascii_digit()) && f[i + 5] == close;
            if !year_ok || i == 0 {
                continue;
            }
            let digits = f[i + 6..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 || f.get(i + 6 + digits) != Some(&'号') {
                continue;
            }
            let start = (0..i).rev().take_while(|&k| is_han(f[k])).last().unwrap_or(i);
            if start == i {
                continue;
            }
            return Some(doc.original_str(l.start + start, l.start + i + 7 + digits));
        }
    }
    None
}

/// The body's name for itself when no title or signature gives it: with `我镇` in the
/// text, the `X镇` named most often (its stem counted wherever it appears).
fn issuer_from_body(doc: &Document) -> Option<String> {
    let text: Vec<char> =
        doc.text_lines().flat_map(|l| doc.folded[l.start..l.end].iter().copied()).filter(|&c| c != crate::normalize::IGNORABLE).collect();
    let joined: String = text.iter().collect();
    let suffix = ["街道", "镇", "乡", "县", "区"].into_iter().find(|s| joined.contains(&format!("我{s}")))?;
    let suffix_chars: Vec<char> = suffix.chars().collect();
    const NOT_IN_NAME: &str = "我本该全各每乡城村集县区市省在和与对为将把于由从向到的了是等及不出入个两一二三四五六七八九十";
    // Ranked by how often the full name appears, then its stem alone (平安长塘), then length.
    let mut best: Option<((usize, usize, usize), String)> = None;
    for i in 0..text.len() {
        if !text[i..].starts_with(&suffix_chars) {
            continue;
        }
        for len in [2usize, 3] {
            if i < len {
                continue;
            }
            let stem = &text[i - len..i];
            if stem.iter().any(|c| NOT_IN_NAME.contains(*c) || !is_han(*c)) || stem.last() == Some(&'治') {
                continue;
            }
            let stem_s: String = stem.iter().collect();
            let name = format!("{stem_s}{suffix}");
            let rank = (joined.matches(&name).count(), joined.matches(&stem_s).count(), len);
            if rank.0 >= 2 && best.as_ref().is_none_or(|(r, _)| rank > *r) {
                best = Some((rank, name));
            }
        }
    }
    best.map(|(_, name)| name)
}

/// Traditional when Traditional-only characters outnumber Simplified-only ones.
pub fn script_of(original: &[char]) -> Script {
    script_of_vote(count_scripts(original))
}

/// [`script_of`] from the counts the document took while folding.
fn script_of_vote(vote: ScriptVote) -> Script {
    if vote.traditional > vote.simplified_only {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

#[cfg(test)]
mod tests;
