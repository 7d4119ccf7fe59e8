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
mod evidence;
pub(crate) mod issuer;

pub use crate::levels::Level;
pub use date::Date;
pub use evidence::{CorrectedField, Correction, Corrections, Evidence, FieldSource, Origin};

use crate::chars::is_han;
use crate::document::Document;
use crate::lines::{LineKind, MetaField};
use crate::markers::heading_title;
use crate::normalize::{count_scripts, fold_str, ScriptVote};
use date::{find_date, parse_date};
use issuer::{bare_level, bare_reference, city_level_cue, level_of, looks_like_org, lowest_unit, subject_of, BareReference};
use serde::{Deserialize, Serialize};

/// The script a report is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// 简体.
    Simplified,
    /// 繁體.
    Traditional,
}

crate::names::read_by_name!(Script { Simplified => "simplified", Traditional => "traditional" });

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
    /// Where each field was read (line and kind of place).
    #[serde(default)]
    pub evidence: Evidence,
    /// The fields the caller corrected, each with the value read (empty without
    /// corrections).
    #[serde(default)]
    pub corrected: Vec<Correction>,
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
    ///
    /// `names_only_a_plan` tells a heading that names only the next year's plan (the
    /// kinds' vocabulary, given by the caller: the frame is read before the kind).
    pub fn read(doc: &Document, names_only_a_plan: fn(&str) -> bool) -> Frame {
        let fields = Fields::of(doc);
        let first_heading = doc.lines.iter().find(|l| l.kind == LineKind::Text && l.marker.is_some()).map_or(usize::MAX, |l| l.number);
        let header = header_lines(doc, first_heading);
        let (title_lines, recipients_line) = title_and_addressee(doc, &header);
        // An author line under the title (`关于…的报告` / `某某区教育局`).
        let author_line = title_lines.last().and_then(|&last| {
            header.iter().copied().find(|&n| n > last && n <= last + 2 && is_title_like(doc, n) && all_orgs(&line_folded(doc, n)))
        });
        let (signature_lines, signatories, signature_date) = signature_block(doc, first_heading);
        let mut evidence = Evidence::default();

        // The title: its lines, the report named in 《》 on one of them (`某卫〔2024〕3号《…》`),
        // a title run into the body on a page without line breaks, or the metadata's 标题.
        let mut title_span = title_lines.first().map(|&a| {
            let (s, e) = (doc.lines[a - 1].start, doc.lines[*title_lines.last().unwrap_or(&a) - 1].end);
            doc.trim(s, e)
        });
        let mut title_lines = title_lines;
        // A report named in 《》 on a title line is the title (`某卫〔2024〕3号《…的报告》`);
        // a line repeating the line above is said once.
        if let Some((n, span)) =
            title_lines.iter().find_map(|&n| quoted_title(doc, doc.lines[n - 1].start, doc.lines[n - 1].end).map(|span| (n, span)))
        {
            title_lines = vec![n];
            title_span = Some(span);
        }
        title_lines.dedup_by(|b, a| line_folded(doc, *a) == line_folded(doc, *b));
        let mut title = title_span.map(|_| {
            if title_lines.len() == 1 {
                let (s, e) = title_span.unwrap_or_default();
                doc.original_str(s, e).trim().to_string()
            } else {
                title_lines
                    .iter()
                    .map(|&n| {
                        let l = &doc.lines[n - 1];
                        doc.original_str(l.start, l.end).trim().to_string()
                    })
                    .collect::<String>()
            }
        });
        if title.is_some() {
            evidence.title = Origin::at(FieldSource::Title, title_lines[0]);
        } else if let Some((n, s, e)) = run_in_title(doc, first_heading) {
            title_span = Some((s, e));
            title = Some(doc.original_str(s, e).trim().to_string());
            evidence.title = Origin::at(FieldSource::Title, n);
        } else if let Some((s, e, n)) = fields.get(MetaField::Title) {
            title = Some(doc.original_str(s, e).trim().to_string());
            evidence.title = Origin::at(FieldSource::Metadata, n);
        }
        let title_line = evidence.title.and_then(|o| o.line);
        let title_folded = title.as_deref().map(fold_str);

        let recipients = recipients_line.map(|n| split_orgs(doc, n)).unwrap_or_default();

        // The issuer: the title, the author line under it, the metadata, the signature, the
        // body's opening, the place the body names most often.
        let meta_org = |field| fields.get(field).map(|(s, e, n)| (clean_org(&doc.folded_str(s, e)), n)).filter(|(s, _)| looks_like_org(s));
        let issuer_read: Option<(String, FieldSource, usize)> = title_folded
            .as_deref()
            .and_then(|t| issuer_from_title(t).or_else(|| issuer_from_title(&unspace_numbers(t))))
            .zip(title_line)
            .map(|(s, n)| (s, FieldSource::Title, n))
            .or_else(|| author_line.map(|n| (line_folded(doc, n), FieldSource::Title, n)))
            .or_else(|| meta_org(MetaField::Issuer).map(|(s, n)| (s, FieldSource::Metadata, n)))
            .or_else(|| meta_org(MetaField::Source).map(|(s, n)| (s, FieldSource::Metadata, n)))
            .or_else(|| {
                preferred_signatory(&signatories).zip(signature_lines.first().copied()).map(|(s, n)| (s, FieldSource::Signature, n))
            })
            .or_else(|| issuer_from_opening(doc).map(|(s, n)| (s, FieldSource::Body, n)))
            .or_else(|| issuer_from_body(doc).map(|(s, n)| (s, FieldSource::Body, n)))
            .or_else(|| {
                let title = title_folded.as_deref().and_then(bare_reference).zip(title_line).map(|(r, n)| (r, FieldSource::Title, n));
                issuer_of_bare_reference(doc, title.or_else(|| bare_reference_of_opening(doc).map(|(r, n)| (r, FieldSource::Body, n)))?)
            })
            .or_else(|| issuer_of_self_reference(doc).map(|(s, n)| (s, FieldSource::Body, n)));
        let issuer = issuer_read.as_ref().map(|(s, _, _)| lowest_unit(s));
        let mut level = issuer.as_deref().map_or(Level::Unknown, |name| level_in_text(name, doc));
        if let Some((_, source, n)) = issuer_read {
            evidence.issuer = Origin::at(source, n);
            if level != Level::Unknown {
                evidence.level = evidence.issuer;
            }
        } else if let Some((l, source, n)) = title_folded
            .as_deref()
            .and_then(|t| bare_level(t).zip(title_line))
            .map(|(l, n)| (l, FieldSource::Title, n))
            .or_else(|| bare_reference_of_opening(doc).map(|(r, n)| (r.level, FieldSource::Body, n)))
        {
            // No name, but a bare reference (`省人民政府关于…`, `2024年，市政府坚持…`).
            level = if l == Level::City { city_level_cue(&opening_text(doc)) } else { l };
            if level != Level::Unknown {
                evidence.level = Origin::at(source, n);
            }
        } else if let Some((l, n)) = level_from_self_reference(doc) {
            // No name, but the body speaks of itself (`我县`).
            level = l;
            evidence.level = Origin::at(FieldSource::Body, n);
        }

        // Dates: the signature's is the signing; the publication is the metadata's
        // 发布日期, a date under the title, the 成文日期, else the signature's.
        let date_of = |field| fields.get(field).and_then(|(s, e, n)| find_date(&doc.folded[s..e]).map(|(d, _, _)| (d, n)));
        let signature = signature_date.or_else(|| cover_letter_signature(doc, first_heading));
        let meta_signed = date_of(MetaField::SignedDate);
        let signed = signature.map(|(d, n)| (d, FieldSource::Signature, n)).or(meta_signed.map(|(d, n)| (d, FieldSource::Metadata, n)));
        let published = date_of(MetaField::PublishDate)
            .map(|(d, n)| (d, if title_line.is_some_and(|t| n == t + 1) { FieldSource::Byline } else { FieldSource::Metadata }, n))
            .or_else(|| title_line.and_then(|t| byline_date(doc, t)).map(|(d, n)| (d, FieldSource::Byline, n)))
            .or(meta_signed.map(|(d, n)| (d, FieldSource::Metadata, n)))
            .or(signature.map(|(d, n)| (d, FieldSource::Signature, n)));
        let publish_date = published.map(|(d, _, _)| d);
        let signed_date = signed.map(|(d, _, _)| d);
        evidence.publish_date = published.and_then(|(_, s, n)| Origin::at(s, n));
        evidence.signed_date = signed.and_then(|(_, s, n)| Origin::at(s, n));

        // The year reported on: the title's, the body opening's, the top-level headings',
        // a year in the opening paragraphs, else the year before the publication.
        let year_read: Option<(i32, FieldSource, usize)> = title_folded
            .as_deref()
            .and_then(first_year)
            .zip(title_line)
            .map(|(y, n)| (y, FieldSource::Title, n))
            .or_else(|| opening_year(doc).map(|(y, n)| (y, FieldSource::Body, n)))
            .or_else(|| {
                top_level_titles(doc)
                    .into_iter()
                    .filter_map(|(t, n)| heading_report_year(&t, names_only_a_plan).map(|y| (y, n)))
                    .min()
                    .map(|(y, n)| (y, FieldSource::Heading, n))
            })
            .or_else(|| first_body_year(doc).map(|(y, n)| (y, FieldSource::Body, n)))
            .or_else(|| published.or(signed).map(|(d, s, n)| (d.year - 1, s, n)));
        let report_year = year_read.map(|(y, _, _)| y);
        evidence.report_year = year_read.and_then(|(_, s, n)| Origin::at(s, n));

        let doc_number_read = fields
            .get(MetaField::DocNumber)
            .map(|(s, e, n)| (doc.original_str(s, e).trim().to_string(), n))
            .filter(|(s, _)| !s.is_empty() && s != "无" && !s.ends_with(':'))
            .map(|(s, n)| (s, FieldSource::Metadata, n))
            .or_else(|| find_doc_number(doc, &header).map(|(s, n)| (s, FieldSource::Title, n)));
        let doc_number = doc_number_read.as_ref().map(|(s, _, _)| s.clone());
        evidence.doc_number = doc_number_read.and_then(|(_, s, n)| Origin::at(s, n));

        let mut frame_lines: Vec<usize> = title_lines.clone();
        // Portals often repeat the title above the text.
        let title_texts: Vec<String> = title_lines.iter().map(|&n| line_folded(doc, n)).collect();
        let repeated = |n: usize| {
            let l = line_folded(doc, n);
            title_texts.contains(&l) || title_folded.as_deref().is_some_and(|t| l == t || (l.contains('《') && l.contains(t)))
        };
        frame_lines.extend(header.iter().copied().filter(|&n| repeated(n)));
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
                evidence,
                corrected: Vec::new(),
            },
            title_span,
            frame_lines,
            body_end,
        }
    }
}

/// The `key: value` entries of the metadata lines (parsed by the lines stage), in order:
/// field, value range, line.
struct Fields(Vec<(MetaField, usize, usize, usize)>);

impl Fields {
    fn of(doc: &Document) -> Fields {
        Fields(doc.lines.iter().flat_map(|l| l.entries.iter().map(|e| (e.field, e.start, e.end, l.number))).collect())
    }

    /// The first non-empty value of `field` and its line.
    fn get(&self, field: MetaField) -> Option<(usize, usize, usize)> {
        self.0.iter().find(|(f, s, e, _)| *f == field && e > s).map(|&(_, s, e, n)| (s, e, n))
    }
}

/// A metadata value as an organ name: cell bars and bullets off.
fn clean_org(value: &str) -> String {
    value.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '•' | '·')).to_string()
}

/// The report named in 《》 on a title line (`某卫〔2024〕3号《…的报告》`): its span.
fn quoted_title(doc: &Document, s: usize, e: usize) -> Option<(usize, usize)> {
    let f = &doc.folded[s..e];
    let open = f.iter().position(|&c| c == '《')?;
    let close = open + f[open..].iter().position(|&c| c == '》')?;
    let inner = doc.folded_str(s + open + 1, s + close);
    (names_report(&inner) && close > open + 1).then_some((s + open + 1, s + close))
}

/// A title run into the body on a page with no line breaks: the first prose line starts
/// with a title (no sentence punctuation before `报告`) and its body follows.
fn run_in_title(doc: &Document, first_heading: usize) -> Option<(usize, usize, usize)> {
    let line = doc.text_lines().find(|l| l.number < first_heading || first_heading == usize::MAX)?;
    if !is_prose(doc, line.number) {
        return None;
    }
    let (s, e) = doc.trim(line.start, line.end);
    let f = &doc.folded[s..e];
    let limit = f.len().min(SHORT_LINE + 10);
    let at = f[..limit].windows(2).position(|w| w == ['报', '告'])? + 2;
    if f[..at].iter().any(|c| matches!(c, ',' | '。' | ':' | ';' | '!' | '?')) {
        return None;
    }
    // The body follows: a space, a year, or the next sentence.
    let next = f.get(at).copied()?;
    if !(crate::chars::is_space(next) || next.is_ascii_digit() || is_han(next)) {
        return None;
    }
    Some((line.number, s, s + at))
}

/// The date on the line right under the title (`2025-03-06 09:30`), alone or nearly.
fn byline_date(doc: &Document, title_line: usize) -> Option<(Date, usize)> {
    let line = doc.lines[title_line..].iter().find(|l| l.kind != LineKind::Blank)?;
    if line.kind != LineKind::Text || line.number > title_line + 2 {
        return None;
    }
    let (s, e) = doc.trim(line.start, line.end);
    let (d, len) = parse_date(&doc.folded[s..e])?;
    // Only a time may follow.
    doc.folded[s + len..e].iter().all(|c| c.is_ascii_digit() || matches!(c, ':' | ' ' | '\u{3000}')).then_some((d, line.number))
}

/// A signature under a cover letter before the report proper (`某某局` / `2024年3月8日`):
/// a date line right after a line of organ names, before the first heading.
fn cover_letter_signature(doc: &Document, first_heading: usize) -> Option<(Date, usize)> {
    let text: Vec<&crate::lines::Line> =
        doc.lines.iter().filter(|l| l.kind == LineKind::Text && (first_heading == usize::MAX || l.number < first_heading)).collect();
    text.windows(2).find_map(|w| {
        let (s, e) = doc.trim(w[1].start, w[1].end);
        let (d, len) = parse_date(&doc.folded[s..e])?;
        (len == e - s && all_orgs(&line_folded(doc, w[0].number)) && !is_prose(doc, w[0].number)).then_some((d, w[1].number))
    })
}

/// The titles (folded) of the top-level headings of the whole text: the marked prose lines
/// that no earlier marked line outranks.
fn top_level_titles(doc: &Document) -> Vec<(String, usize)> {
    let mut highest = u8::MAX;
    let mut out = Vec::new();
    for line in doc.lines.iter().filter(|l| l.kind == LineKind::Text) {
        let Some(m) = &line.marker else { continue };
        let level = m.kind.level();
        if level <= highest {
            highest = level;
            let (s, e) = heading_title(&doc.folded, m.end, line.end);
            out.push((doc.folded_str(s, e), line.number));
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
            // A title line that names its own issuer (`某县2024年…报告`) is the whole title:
            // a line above it (a site's name, an issuer printed twice) is not part of it.
            let whole = issuer_from_title(&unspace_numbers(&line_folded(doc, g[last]))).is_some();
            let from = if whole { last } else { (last + 1).saturating_sub(3) };
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
fn signature_block(doc: &Document, first_heading_line: usize) -> (Vec<usize>, Vec<String>, Option<(Date, usize)>) {
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
                date = Some((d, line.number));
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
            // Not a year of a period (`2023—2027年`, `2021年至2025年`): a plan's, not the
            // report's.
            let dash = |c: char| matches!(c, '—' | '-' | '–' | '~' | '至' | '到' | '－');
            let ends_period = i > 0 && dash(chars[i - 1].1);
            let starts_period = chars.get(i + 5).is_some_and(|&(_, c)| dash(c));
            if !ends_period && !starts_period {
                out.push(chars[i].0);
            }
        }
    }
    out
}

/// The first plausible year (`2024年`) in `s`.
fn first_year(s: &str) -> Option<i32> {
    // `2022 年` on pages that space out numbers.
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.as_str();
    year_positions(s).into_iter().filter_map(|b| s[b..b + 4].parse::<i32>().ok()).find(|y| (1990..=2100).contains(y))
}

/// The report year a top-level heading implies: the year it names, or the year before for
/// the next year's plan (`四、2025年工作安排` in a report on 2024).
fn heading_report_year(title: &str, names_only_a_plan: fn(&str) -> bool) -> Option<i32> {
    let year = first_year(title)?;
    Some(if names_only_a_plan(title) { year - 1 } else { year })
}

fn line_folded(doc: &Document, n: usize) -> String {
    let l = &doc.lines[n - 1];
    doc.folded_str(l.start, l.end).trim().to_string()
}

/// The year named first in the opening paragraphs (`2023年以来，…`).
fn first_body_year(doc: &Document) -> Option<(i32, usize)> {
    doc.text_lines()
        .filter(|l| is_prose(doc, l.number))
        .take(3)
        .find_map(|l| first_year(&doc.folded_str(l.start, l.end)).map(|y| (y, l.number)))
}

/// The year a body opens on (`2023年，…`, `2023年以来`, `2023年度`), or the year of the
/// report it announces (`现将…2023年法治政府建设情况报告如下`), in the first paragraphs.
fn opening_year(doc: &Document) -> Option<(i32, usize)> {
    for line in doc.text_lines().filter(|l| is_prose(doc, l.number)).take(2) {
        let (s, e) = doc.trim(line.start, line.end);
        let f = doc.folded_str(s, e);
        let f = f.trim_start_matches(|c: char| !c.is_ascii_digit() && !is_han(c));
        if let Some(y) = year_positions(f).first().filter(|&&b| b == 0).and_then(|_| f[..4].parse::<i32>().ok()) {
            if (1990..=2100).contains(&y) {
                return Some((y, line.number));
            }
        }
        if let Some(at) = f.find("现将") {
            let rest = &f[at..];
            let end = rest.find("如下").unwrap_or(rest.len());
            if let Some(y) = first_year(&rest[..end]) {
                return Some((y, line.number));
            }
        }
    }
    None
}

/// A 文号 (`将镛委〔2025〕5号`) in the header lines.
fn find_doc_number(doc: &Document, header: &[usize]) -> Option<(String, usize)> {
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
            return Some((doc.original_str(l.start + start, l.start + i + 7 + digits), n));
        }
    }
    None
}

/// The body's name for itself when no title or signature gives it: with `我镇` in the
/// text, the `X镇` named most often (its stem counted wherever it appears).
fn issuer_from_body(doc: &Document) -> Option<(String, usize)> {
    let joined = body_text(doc).iter().collect::<String>();
    let suffix = ["街道", "镇", "乡", "县", "区"].into_iter().find(|s| joined.contains(&format!("我{s}")))?;
    let name = place_named_most(doc, &PlaceSearch { suffix, lens: &[2, 3], not_in_name: NOT_IN_TOWN, strict: false })?;
    let line = first_line_naming(doc, &name);
    Some((name, line))
}

/// The first line (1-based) whose text holds `name`.
fn first_line_naming(doc: &Document, name: &str) -> usize {
    doc.text_lines().find(|l| doc.folded_str(l.start, l.end).contains(name)).map_or(1, |l| l.number)
}

/// The text's opening (folded, its first 60,000 characters: where a report names itself),
/// without the characters normalisation ignores.
fn body_text(doc: &Document) -> Vec<char> {
    doc.text_lines()
        .flat_map(|l| doc.folded[l.start..l.end].iter().copied())
        .filter(|&c| c != crate::normalize::IGNORABLE)
        .take(60_000)
        .collect()
}

/// Characters no place name before `镇`/`乡`/`街道` holds (pronouns, prepositions, numbers,
/// other levels).
const NOT_IN_TOWN: &str = "我本该全各每乡城村集县区市省在和与对为将把于由从向到的了是等及不出入个两一二三四五六七八九十";
/// The same before `县`/`市`/`省` (`蒙城县`, `城关镇` hold `城`), and verbs that precede an
/// organ (`召开县委`, `提请县政府`).
const NOT_IN_PLACE: &str = "我本该全各每乡村县区市省在和与对为将把于由从向到的了是等及不出入个两一二三四五六七八九十召开请持提报送经会议";

/// How a place is looked for by [`place_named_most`].
struct PlaceSearch<'a> {
    suffix: &'a str,
    /// Stem lengths, in characters.
    lens: &'a [usize],
    not_in_name: &'a str,
    /// Occurrences before `委` (a Party committee: `召开县委…`) do not count, and the name
    /// must once stand after a boundary (a quote, a title mark, a comma, a line's start).
    strict: bool,
}

/// The place ending in the search's suffix that the text names most often, at least twice:
/// ranked by how often the full name appears, then its stem alone (平安长塘), then length.
fn place_named_most(doc: &Document, search: &PlaceSearch) -> Option<String> {
    let text = body_text(doc);
    let suffix: Vec<char> = search.suffix.chars().collect();
    // Each candidate name: how often it appears, and whether once after a boundary.
    let mut found: Vec<(String, usize, bool)> = Vec::new();
    for i in 0..text.len() {
        if !text[i..].starts_with(&suffix) || (search.strict && text.get(i + suffix.len()) == Some(&'委')) {
            continue;
        }
        for &len in search.lens {
            if i < len {
                continue;
            }
            let stem = &text[i - len..i];
            if stem.iter().any(|c| search.not_in_name.contains(*c) || !is_han(*c)) || stem.last() == Some(&'治') {
                continue;
            }
            let name: String = stem.iter().chain(&suffix).collect();
            let bounded = i == len || !is_han(text[i - len - 1]);
            match found.iter_mut().find(|(n, ..)| *n == name) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 |= bounded;
                }
                None => found.push((name, 1, bounded)),
            }
        }
    }
    let joined: String = text.iter().collect();
    found
        .into_iter()
        .filter(|(_, count, bounded)| *count >= 2 && (*bounded || !search.strict))
        .map(|(name, count, _)| {
            let stem = &name[..name.len() - search.suffix.len()];
            ((count, joined.matches(stem).count(), stem.chars().count()), name)
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, name)| name)
}

/// The issuer's level: from its name, and for a bare city (`云河市`, which may be a
/// prefecture or a county-level city) from what the text says of it, else unknown.
fn level_in_text(name: &str, doc: &Document) -> Level {
    let level = level_of(name);
    let mut core = name;
    for organ in ["人民政府", "政府", "党委", "委员会"] {
        core = core.strip_suffix(organ).unwrap_or(core);
    }
    if level != Level::City || !core.ends_with('市') {
        return level;
    }
    city_level_cue(&opening_text(doc))
}

/// The text's first prose (folded), enough to read cues from.
fn opening_text(doc: &Document) -> String {
    let mut text = String::new();
    for line in doc.text_lines() {
        text.push_str(&doc.folded_str(line.start, line.end));
        if text.len() > 60_000 {
            break;
        }
    }
    text
}

/// A bare reference (`省人民政府关于…`, `2023年以来，县司法局在…`) qualified by the place of
/// its level that the text names most often (`蒙城县` → `蒙城县司法局`). A department is
/// named in full; a government by the title in full (`湖北省人民政府`), by the body as the
/// place (`市政府坚持…` → `鄂尔多斯市`: the body speaks of the place, as `全市`). None when the
/// text names no such place twice.
fn issuer_of_bare_reference(
    doc: &Document,
    (reference, source, line): (BareReference, FieldSource, usize),
) -> Option<(String, FieldSource, usize)> {
    let suffix = reference.place.to_string();
    let place = place_named_most(doc, &PlaceSearch { suffix: &suffix, lens: &[2, 3, 4], not_in_name: NOT_IN_PLACE, strict: true })?;
    let name = if reference.is_government() && source == FieldSource::Body { place } else { format!("{place}{}", reference.organ) };
    Some((name, source, line))
}

/// The bare reference opening the body (`2024年，市政府坚持…`), if its first clause is one.
fn bare_reference_of_opening(doc: &Document) -> Option<(BareReference, usize)> {
    let line = doc.text_lines().find(|l| is_prose(doc, l.number))?;
    let f = doc.folded_str(line.start, line.end);
    for clause in f.split([',', '。', ';', ':', '!', '?']).take(6) {
        let c = strip_year_opener(clause.trim());
        if c.is_empty() || ["在", "根据", "按照", "为", "随着", "自", "今年", "本年", "全年", "近年"].iter().any(|w| c.starts_with(w))
        {
            continue;
        }
        let c = ANNOUNCE.iter().find_map(|w| c.strip_prefix(w)).unwrap_or(c);
        return bare_reference(c).map(|r| (r, line.number));
    }
    None
}

/// The issuer the body's opening names: `现将某县2023年…报告如下`, or the subject of a
/// clause of the first paragraphs (`2023年，东岭街道坚持…`, `在…领导下，某区坚持…`).
fn issuer_from_opening(doc: &Document) -> Option<(String, usize)> {
    for line in doc.text_lines().filter(|l| is_prose(doc, l.number)).take(2) {
        let f = doc.folded_str(line.start, line.end);
        // `现将…`, `现公布…`, `现呈送…`: what follows names the report and its organ.
        let announce = ANNOUNCE.iter().find_map(|w| f.find(w).map(|at| at + w.len()));
        if let Some(from) = announce {
            let rest = &f[from..];
            let cut = ["本", "我", "法治", "关于", "有关", "工作", "年度"]
                .iter()
                .filter_map(|w| rest.find(w))
                .chain(year_positions(rest).into_iter().next())
                .min()
                .unwrap_or(0);
            let name = rest[..cut].trim();
            if subject_of(name).is_some_and(|s| s == name) {
                return Some((name.to_string(), line.number));
            }
        }
        // The subject is the first clause's, after the year and the circumstances that
        // open a sentence (`在…领导下`, `根据…`).
        for clause in f.split([',', '。', ';', ':', '!', '?']).take(6) {
            let c = strip_year_opener(clause.trim());
            if c.is_empty()
                || ["在", "根据", "按照", "为", "随着", "自", "今年", "本年", "全年", "近年", "近年来"].iter().any(|w| c.starts_with(w))
            {
                continue;
            }
            if let Some(name) = subject_of(c) {
                return Some((name, line.number));
            }
            break;
        }
    }
    None
}

/// `2022 年` → `2022年`: spaces around numbers, as some pages print them, removed.
fn unspace_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let near_digit = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(|c| c.is_ascii_digit());
        if c.is_whitespace() && (near_digit(i.checked_sub(1)) || near_digit(Some(i + 1))) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The level a body names itself by when it gives no name: `我县` (county), `我镇`,
/// `我乡` (township), `我局`, `我委` (department) — the most frequent; `我区` is a county
/// unless the text is an autonomous region's, `我市` as the text tells of a city. Without
/// any `我X`, the government's `全X` (`全县`, `全市`) tells it the same way.
fn level_from_self_reference(doc: &Document) -> Option<(Level, usize)> {
    self_reference(doc, '我').or_else(|| self_reference(doc, '全'))
}

fn self_reference(doc: &Document, pronoun: char) -> Option<(Level, usize)> {
    let (unit, line, autonomous) = self_unit(doc, pronoun)?;
    let level = match unit {
        '县' => Level::County,
        '区' if !autonomous => Level::County,
        '镇' | '乡' => Level::Township,
        '局' | '委' | '厅' | '部' | '办' => Level::Department,
        '市' => level_in_text("某市", doc),
        _ => Level::Unknown,
    };
    (level != Level::Unknown).then_some((level, line))
}

/// The unit a body calls itself by most often after `pronoun` (`我县`, `全市` → `县`,
/// `市`), the line it first does, and whether the text is an autonomous region's.
fn self_unit(doc: &Document, pronoun: char) -> Option<(char, usize, bool)> {
    let mut counts: Vec<(char, usize, usize)> = Vec::new();
    let mut autonomous = false;
    for line in doc.text_lines() {
        let f = &doc.folded[line.start..line.end];
        autonomous |= f.windows(3).any(|w| w == ['自', '治', '区']);
        for w in f.windows(2) {
            let units = if pronoun == '我' { "县区镇乡市局委厅部办" } else { "县区镇乡市" };
            if w[0] != pronoun || !units.contains(w[1]) {
                continue;
            }
            match counts.iter_mut().find(|e| e.0 == w[1]) {
                Some(e) => e.1 += 1,
                None => counts.push((w[1], 1, line.number)),
            }
        }
    }
    let &(unit, _, line) = counts.iter().max_by_key(|e| e.1)?;
    Some((unit, line, autonomous))
}

/// The place a body speaks of by `我X` or `全X` only (`全市法治政府督察`), named elsewhere in
/// the text (`《鄂尔多斯市…方案》`): that place, on the line it is first named.
fn issuer_of_self_reference(doc: &Document) -> Option<(String, usize)> {
    let (unit, _, _) = self_unit(doc, '我').or_else(|| self_unit(doc, '全'))?;
    if !"县区市".contains(unit) {
        return None;
    }
    let suffix = unit.to_string();
    let name = place_named_most(doc, &PlaceSearch { suffix: &suffix, lens: &[2, 3, 4], not_in_name: NOT_IN_PLACE, strict: true })?;
    let line = first_line_naming(doc, &name);
    Some((name, line))
}

/// The words announcing the report in its opening (`现将…报告如下`, `现公布…`).
const ANNOUNCE: &[&str] = &["现将", "现公布", "现呈送", "现报送", "现发布", "现就"];

/// A clause without the year it opens with (`2023年以来`, `2023年度`).
fn strip_year_opener(clause: &str) -> &str {
    let mut c = clause;
    if year_positions(c).first() == Some(&0) {
        c = &c[4 + '年'.len_utf8()..];
        for w in ["以来", "度", "全年", "上半年", "是"] {
            if let Some(r) = c.strip_prefix(w) {
                c = r;
                break;
            }
        }
    }
    c.trim()
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
