//! Stage 6 — the parts a report's kind requires (for the 法治政府建设年度报告, the five of
//! 《法治政府建设与责任落实督察工作规定》, 2019, art. 25): which heading names each, whether
//! it names all the rule asks for, and whether the parts come in the rule's order. The parts,
//! their heading words and their elements are data of the [`ReportKind`].
//!
//! A part is `present` when a heading names it, `partial` when a heading names it but
//! misses an element the rule asks for (problems without causes, a plan for the wrong
//! year, measures without results), and `missing` when no heading names it — related
//! sentences elsewhere do not make a part, but are pointed out (see `findings`).
//!
//! Candidates are the outline's top-level headings, or the children of a top-level heading
//! when they name parts (a `第一部分 工作情况` or `一、法治政府建设情况` holding
//! `（一）主要举措` … `（四）下一步打算`); then short unnumbered lines that name a part.

use crate::document::Document;
use crate::frame::Frame;
pub use crate::kinds::PartialReason;
use crate::kinds::{PartId, PartSpec, PartYear, ReportKind};
use crate::lines::LineKind;
use crate::outline::Outline;
use serde::{Deserialize, Serialize};

/// Whether a heading names a required part, and how completely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A heading names the part and all it asks for.
    Present,
    /// A heading names the part but misses an element (see `reason`).
    Partial,
    /// No heading names the part.
    Missing,
}

crate::names::read_by_name!(Status { Present => "present", Partial => "partial", Missing => "missing" });

/// One required part and the evidence for its status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Part {
    /// The part's stable id.
    pub id: PartId,
    /// The part's name as the rule words it.
    pub name: String,
    /// Whether a heading names it.
    pub status: Status,
    /// The heading that names the part, as printed (marker and title).
    pub heading: Option<String>,
    /// The heading's line (1-based).
    pub line: Option<usize>,
    /// The part: from its heading to the next heading of the same or a higher level, as
    /// `[start, end)` in chars.
    pub span: Option<(usize, usize)>,
    /// The heading alone.
    pub heading_span: Option<(usize, usize)>,
    /// Why `partial`.
    pub reason: Option<PartialReason>,
}

/// The required parts of a report, found.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Sections {
    /// One per part the kind requires, in the rule's order.
    pub parts: Vec<Part>,
    /// Whether the parts that are present follow the rule's order.
    pub in_order: bool,
}

/// A heading or unnumbered line that may name parts.
struct Candidate {
    heading: String,
    title_folded: String,
    line: usize,
    heading_span: (usize, usize),
    span: (usize, usize),
}

/// Unnumbered lines longer than this are prose.
const MAX_UNNUMBERED_HEADING: usize = 30;

impl Sections {
    /// Finds the parts `kind` requires. The report year checks the years headings name;
    /// the frame lines (title, signature) are never part headings; parts end where the
    /// signature starts.
    ///
    /// `table_lines` (sorted) are table rows, never part headings.
    pub fn find(doc: &Document, outline: &Outline, frame: &Frame, kind: &ReportKind, table_lines: &[usize]) -> Sections {
        let (report_year, body_end) = (frame.meta.report_year, frame.body_end);
        let finder = Finder { kind, report_year };
        let mut found: Vec<Option<(Candidate, Option<PartialReason>)>> = kind.parts.iter().map(|_| None).collect();
        let to_candidate = |i: usize| {
            let h = &outline.headings[i];
            Candidate {
                heading: doc.original_str(h.span.0, h.span.1),
                title_folded: h.title_folded.clone(),
                line: h.line,
                heading_span: h.span,
                span: (h.span.0, h.extent.1.min(body_end).max(h.span.1)),
            }
        };
        // A top-level heading whose children name parts is a container (`第一部分
        // 工作情况` › `一、主要做法和成效`, `二、存在问题` …): its children are the
        // candidates, and it keeps only the parts none of them names.
        // The parts each heading names, once (roots and their children are all that is asked).
        let mut named: Vec<Option<Vec<PartId>>> = vec![None; outline.headings.len()];
        let mut names = |i: usize| named[i].get_or_insert_with(|| finder.parts_named(&outline.headings[i].title_folded)).clone();
        for r in outline.roots().collect::<Vec<_>>() {
            let own = names(r);
            let children: Vec<(usize, Vec<PartId>)> = outline.children(r).map(|c| (c, names(c))).filter(|(_, p)| !p.is_empty()).collect();
            // Children that only repeat the root's part (`六、存在的不足和原因` ›
            // `（一）意识不足`) are its content; a root is a container only when its children
            // name other parts too.
            let container = children.iter().any(|(_, p)| p.iter().any(|id| !own.contains(id)));
            if !container {
                finder.assign_only(&mut found, || to_candidate(r), &own);
                continue;
            }
            let child_parts: Vec<PartId> = children.iter().flat_map(|(_, p)| p.iter().copied()).collect();
            for (c, parts) in &children {
                finder.assign_only(&mut found, || to_candidate(*c), parts);
            }
            let own_parts: Vec<PartId> = own.into_iter().filter(|id| !child_parts.contains(id)).collect();
            finder.assign_only(&mut found, || to_candidate(r), &own_parts);
        }
        if found.iter().any(Option::is_none) {
            for c in unnumbered_headings(doc, outline, frame, kind, table_lines) {
                let ids = finder.parts_named(&c.title_folded);
                finder.assign_only(&mut found, || c, &ids);
            }
        }

        let parts: Vec<Part> = kind
            .parts
            .iter()
            .zip(found)
            .map(|(spec, f)| {
                let (status, evidence, reason) = match f {
                    Some((c, reason)) => (if reason.is_some() { Status::Partial } else { Status::Present }, Some(c), reason),
                    None => (Status::Missing, None, None),
                };
                Part {
                    id: spec.id,
                    name: spec.name_zh.to_string(),
                    status,
                    heading: evidence.as_ref().map(|c| c.heading.clone()),
                    line: evidence.as_ref().map(|c| c.line),
                    span: evidence.as_ref().map(|c| c.span),
                    heading_span: evidence.as_ref().map(|c| c.heading_span),
                    reason,
                }
            })
            .collect();
        let lines: Vec<usize> = parts.iter().filter_map(|p| p.line).collect();
        let in_order = lines.windows(2).all(|w| w[0] <= w[1]);
        Sections { parts, in_order }
    }

    /// The part `id`, if the kind requires it.
    pub fn part(&self, id: PartId) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    /// The part whose span contains `pos`, if any (the innermost when parts nest).
    pub fn part_at(&self, pos: usize) -> Option<PartId> {
        self.parts.iter().filter(|p| p.span.is_some_and(|(s, e)| s <= pos && pos < e)).max_by_key(|p| p.span.map(|s| s.0)).map(|p| p.id)
    }
}

/// Reads part headings for one kind and report year.
struct Finder<'a> {
    kind: &'a ReportKind,
    report_year: Option<i32>,
}

impl Finder<'_> {
    /// Assigns the candidate to the parts `ids` that are not found yet (a heading may name
    /// two: `存在的问题和下一步打算`).
    /// Gives `candidate` every part of `ids` that no heading has yet. It is made only then:
    /// most headings name no part, and their strings are not needed.
    fn assign_only(&self, found: &mut [Option<(Candidate, Option<PartialReason>)>], candidate: impl FnOnce() -> Candidate, ids: &[PartId]) {
        let open = |id: PartId| self.kind.parts.iter().position(|p| p.id == id).is_some_and(|k| found[k].is_none());
        if !ids.iter().any(|&id| open(id)) {
            return;
        }
        let c = candidate();
        for &id in ids {
            let Some(k) = self.kind.parts.iter().position(|p| p.id == id) else { continue };
            if found[k].is_none() {
                let reason = self.partial_reason(&self.kind.parts[k], &c.title_folded);
                found[k] = Some((Candidate { heading: c.heading.clone(), title_folded: c.title_folded.clone(), ..c }, reason));
            }
        }
    }

    /// The parts a heading names, given the report year: a heading about work in the year
    /// after the report year (`四、2025年重点工作`) is the plan.
    fn parts_named(&self, title: &str) -> Vec<PartId> {
        let mut ids = self.kind.parts_named(title);
        let next_year = self.report_year.is_some_and(|y| heading_year(title) == Some(y + 1));
        if !next_year {
            return ids;
        }
        let about_work = ["工作", "安排", "计划", "打算", "思路", "重点", "要点", "举措", "措施", "方向", "目标", "任务"]
            .iter()
            .any(|w| title.contains(w));
        if !about_work {
            return ids;
        }
        let Some(plan) = self.kind.parts.iter().find(|p| p.next_year_work) else { return ids };
        let excluded = ids.iter().filter_map(|&id| self.kind.part(id)).any(|p| p.excludes.contains(&plan.id));
        if !ids.contains(&plan.id) && !excluded {
            ids.retain(|id| !plan.excludes.contains(id));
            ids.push(plan.id);
            self.kind.in_rule_order(&mut ids);
        }
        ids
    }

    /// Why a heading only partly names its part: an element the rule asks for is not
    /// named, or the heading names the wrong year.
    fn partial_reason(&self, spec: &PartSpec, title: &str) -> Option<PartialReason> {
        for element in spec.elements {
            let applies = element.when.is_empty() || element.when.iter().any(|w| title.contains(w));
            if applies && !element.words.iter().any(|w| title.contains(w)) {
                return Some(element.missing);
            }
        }
        let expected = match spec.year {
            PartYear::ReportYear => self.report_year?,
            PartYear::NextYear => self.report_year? + 1,
            PartYear::Any => return None,
        };
        let found = heading_year(title)?;
        (found != expected).then_some(PartialReason::WrongYear { found, expected })
    }
}

/// The year a heading names (`2025年`).
fn heading_year(title: &str) -> Option<i32> {
    // On bytes: digits are ASCII, and no byte of a multi-byte char is an ASCII digit, so
    // this finds the same `YYYY年` as a scan of the chars.
    let b = title.as_bytes();
    (0..b.len()).find_map(|i| {
        let digits = b.get(i..i + 4)?;
        let ok = (i == 0 || !b[i - 1].is_ascii_digit()) && digits.iter().all(u8::is_ascii_digit) && b[i + 4..].starts_with("年".as_bytes());
        ok.then(|| digits.iter().fold(0, |year, d| year * 10 + i32::from(d - b'0')))
    })
}

/// Short unnumbered lines that name a part (reports whose part headings carry no number).
fn unnumbered_headings(doc: &Document, outline: &Outline, frame: &Frame, kind: &ReportKind, table_lines: &[usize]) -> Vec<Candidate> {
    let body_end = frame.body_end;
    let numbered: Vec<usize> = outline.headings.iter().map(|h| h.line).collect();
    let mut out: Vec<Candidate> = Vec::new();
    let eligible = |n: usize| !numbered.contains(&n) && !frame.frame_lines.contains(&n) && table_lines.binary_search(&n).is_err();
    for line in doc.lines.iter().filter(|l| l.kind == LineKind::Text && l.start < body_end && eligible(l.number)) {
        let (s, e) = doc.trim(line.start, line.end);
        let folded = doc.folded_str(s, e);
        let n = folded.chars().count();
        let ends_sentence = folded.ends_with(['。', ';', ',', '、']);
        // `现将2024年工作情况报告如下：` introduces the report; it is not a heading.
        let introduces = folded.contains("如下") || folded.starts_with("现将");
        if n == 0 || n > MAX_UNNUMBERED_HEADING || ends_sentence || introduces || kind.parts_named(&folded).is_empty() {
            continue;
        }
        let title_end = if folded.ends_with(':') { e - 1 } else { e };
        out.push(Candidate {
            heading: doc.original_str(s, title_end),
            title_folded: doc.folded_str(s, title_end),
            line: line.number,
            heading_span: (s, title_end),
            span: (s, 0),
        });
    }
    // Each runs to the next one (or the next numbered top-level heading, or the body end).
    let starts: Vec<usize> = out.iter().map(|c| c.span.0).chain(outline.roots().map(|i| outline.headings[i].span.0)).collect();
    for c in &mut out {
        c.span.1 = starts.iter().copied().filter(|&s| s > c.span.0).min().unwrap_or(body_end).min(body_end).max(c.heading_span.1);
    }
    out
}

#[cfg(test)]
mod tests;
