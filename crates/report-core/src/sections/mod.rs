//! Stage 6 — the five parts the rule requires (《法治政府建设与责任落实督察工作规定》,
//! 2019, art. 25): which heading names each, whether it names all the rule asks for, and
//! whether the parts come in the rule's order.
//!
//! A part is `present` when a heading names it, `partial` when a heading names it but
//! misses an element the rule asks for (problems without causes, a plan for the wrong
//! year, measures without results), and `missing` when no heading names it — related
//! sentences elsewhere do not make a part, but are pointed out (see `findings`).
//!
//! Candidates are the outline's top-level headings, or the children of a top-level heading
//! when they name parts (a `第一部分 工作情况` or `一、法治政府建设情况` holding
//! `（一）主要举措` … `（四）下一步打算`); then short unnumbered lines that name a part.
//!
//! ```
//! use report_core::{document::Document, meta::Meta, outline::Outline, sections::{Sections, Status}};
//! let doc = Document::new("一、2024年主要举措和成效\n二、存在问题\n三、2025年工作打算\n");
//! let outline = Outline::build(&doc);
//! let s = Sections::find(&doc, &outline, &Meta::read(&doc, &outline));
//! let statuses: Vec<_> = s.parts.iter().map(|p| p.status).collect();
//! assert_eq!(statuses, [Status::Present, Status::Partial, Status::Missing, Status::Present, Status::Missing]);
//! ```

use crate::chars::WordMap;
use crate::document::Document;
use crate::lines::LineKind;
use crate::meta::Meta;
use crate::outline::Outline;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The five parts, in the rule's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum PartId {
    Measures,
    Shortcomings,
    FirstResponsible,
    NextYearPlan,
    Other,
}

impl PartId {
    pub const ALL: [PartId; 5] = [PartId::Measures, PartId::Shortcomings, PartId::FirstResponsible, PartId::NextYearPlan, PartId::Other];

    /// The stable id used in the JSON summary.
    pub fn id(self) -> &'static str {
        match self {
            PartId::Measures => "measures",
            PartId::Shortcomings => "shortcomings",
            PartId::FirstResponsible => "first_responsible",
            PartId::NextYearPlan => "next_year_plan",
            PartId::Other => "other",
        }
    }

    /// The part's name as the rule words it.
    pub fn name(self) -> &'static str {
        match self {
            PartId::Measures => "上一年度推进法治政府建设的主要举措和成效",
            PartId::Shortcomings => "上一年度推进法治政府建设存在的不足和原因",
            PartId::FirstResponsible => "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
            PartId::NextYearPlan => "下一年度推进法治政府建设的主要安排",
            PartId::Other => "其他需要报告的情况",
        }
    }

    /// A short name for messages.
    pub fn short_name(self) -> &'static str {
        match self {
            PartId::Measures => "主要举措和成效",
            PartId::Shortcomings => "存在的不足和原因",
            PartId::FirstResponsible => "第一责任人履职情况",
            PartId::NextYearPlan => "下一年度主要安排",
            PartId::Other => "其他需要报告的情况",
        }
    }

    /// Words a heading uses to name the part (folded). Synonyms real reports use; the
    /// generic `法治政府建设情况` is not among them (a whole report is one).
    fn keywords(self) -> &'static [&'static str] {
        match self {
            PartId::Measures => &[
                "主要举措",
                "举措和成效",
                "举措及成效",
                "措施和成效",
                "措施及成效",
                "做法和成效",
                "做法及成效",
                "主要做法",
                "主要成效",
                "工作成效",
                "取得的成效",
                "主要成绩",
                "取得的成绩",
                "工作成绩",
                "主要工作",
                "工作开展情况",
                "工作情况",
                "工作完成情况",
                "工作进展",
                "履职情况和成效",
                "基本情况",
                "总体情况",
                "推进情况",
                "建设情况",
                "进展情况",
                "主要措施",
                "工作举措",
                "工作回顾",
                "回顾",
                "工作亮点",
            ],
            PartId::Shortcomings => &[
                "不足",
                "存在问题",
                "存在的问题",
                "主要问题",
                "困难和问题",
                "问题和困难",
                "问题与不足",
                "短板",
                "薄弱环节",
                "差距",
                "困难",
                "薄弱",
            ],
            PartId::FirstResponsible => &["第一责任人", "主要负责人", "党政负责人", "主要领导", "一把手", "履行推进法治建设"],
            PartId::NextYearPlan => &[
                "下一年度",
                "下一年",
                "下一步",
                "下年度",
                "明年",
                "工作打算",
                "工作安排",
                "工作计划",
                "主要安排",
                "工作思路",
                "工作设想",
                "工作重点",
                "努力方向",
                "下步打算",
                "下步工作",
                "下一阶段",
                "下阶段",
                "今后工作",
                "打算",
                "展望",
            ],
            PartId::Other => &["其他需要报告", "其他情况", "其他事项", "需要报告的其他", "其它需要报告", "其它情况"],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Present,
    Partial,
    Missing,
}

impl Status {
    /// The name used in the JSON summary and the CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Present => "present",
            Status::Partial => "partial",
            Status::Missing => "missing",
        }
    }
}

/// One of the five parts and the evidence for its status.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub id: PartId,
    pub status: Status,
    /// The heading that names the part, as printed (marker and title).
    pub heading: Option<String>,
    pub line: Option<usize>,
    /// The heading's span.
    pub heading_span: Option<(usize, usize)>,
    /// The part: from its heading to the next heading of the same or a higher level.
    pub span: Option<(usize, usize)>,
    /// Why `partial`.
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sections {
    /// Always five, in the rule's order.
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
    /// Finds the parts. The report year checks the years headings name; the frame lines
    /// (title, signature) are never part headings; parts end where the signature starts.
    pub fn find(doc: &Document, outline: &Outline, meta: &Meta) -> Sections {
        let (report_year, body_end) = (meta.report_year, meta.body_end);
        let mut found: Vec<Option<(Candidate, Option<String>)>> = (0..5).map(|_| None).collect();
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
        let mut names = |i: usize| named[i].get_or_insert_with(|| parts_named(&outline.headings[i].title_folded, report_year)).clone();
        for r in outline.roots().collect::<Vec<_>>() {
            let own = names(r);
            let children: Vec<(usize, Vec<PartId>)> = outline.children(r).map(|c| (c, names(c))).filter(|(_, p)| !p.is_empty()).collect();
            // Children that only repeat the root's part (`六、存在的不足和原因` ›
            // `（一）意识不足`) are its content; a root is a container only when its children
            // name other parts too.
            let container = children.iter().any(|(_, p)| p.iter().any(|id| !own.contains(id)));
            if !container {
                assign_only(&mut found, to_candidate(r), &names(r), report_year);
                continue;
            }
            let child_parts: Vec<PartId> = children.iter().flat_map(|(_, p)| p.iter().copied()).collect();
            for (c, parts) in &children {
                assign_only(&mut found, to_candidate(*c), parts, report_year);
            }
            let own_parts: Vec<PartId> = own.into_iter().filter(|id| !child_parts.contains(id)).collect();
            assign_only(&mut found, to_candidate(r), &own_parts, report_year);
        }
        if found.iter().any(Option::is_none) {
            for c in unnumbered_headings(doc, outline, &meta.frame_lines, body_end) {
                assign(&mut found, c, report_year);
            }
        }

        let parts: Vec<Part> = PartId::ALL
            .iter()
            .zip(found)
            .map(|(&id, f)| match f {
                Some((c, reason)) => Part {
                    id,
                    status: if reason.is_some() { Status::Partial } else { Status::Present },
                    heading: Some(c.heading),
                    line: Some(c.line),
                    heading_span: Some(c.heading_span),
                    span: Some(c.span),
                    reason,
                },
                None => Part { id, status: Status::Missing, heading: None, line: None, heading_span: None, span: None, reason: None },
            })
            .collect();
        let lines: Vec<usize> = parts.iter().filter_map(|p| p.line).collect();
        let in_order = lines.windows(2).all(|w| w[0] <= w[1]);
        Sections { parts, in_order }
    }

    pub fn part(&self, id: PartId) -> &Part {
        &self.parts[id as usize]
    }

    /// The part whose span contains `pos`, if any (the innermost when parts nest).
    pub fn part_at(&self, pos: usize) -> Option<PartId> {
        self.parts.iter().filter(|p| p.span.is_some_and(|(s, e)| s <= pos && pos < e)).max_by_key(|p| p.span.map(|s| s.0)).map(|p| p.id)
    }
}

/// Assigns the candidate to every part its title names that is not found yet (a heading
/// may name two: `存在的问题和下一步打算`).
fn assign(found: &mut [Option<(Candidate, Option<String>)>], c: Candidate, report_year: Option<i32>) {
    let ids = parts_named(&c.title_folded, report_year);
    assign_only(found, c, &ids, report_year);
}

/// Assigns the candidate to the parts `ids` that are not found yet.
fn assign_only(found: &mut [Option<(Candidate, Option<String>)>], c: Candidate, ids: &[PartId], report_year: Option<i32>) {
    for &id in ids {
        if found[id as usize].is_none() {
            let reason = partial_reason(id, &c.title_folded, report_year);
            found[id as usize] = Some((Candidate { heading: c.heading.clone(), title_folded: c.title_folded.clone(), ..c }, reason));
        }
    }
}

/// The parts a heading title (folded) names.
pub fn named_parts(title: &str) -> Vec<PartId> {
    static KEYWORDS: OnceLock<WordMap<PartId>> = OnceLock::new();
    let keywords = KEYWORDS.get_or_init(|| WordMap::new(PartId::ALL.iter().flat_map(|&id| id.keywords().iter().map(move |&k| (k, id)))));
    let t: Vec<char> = title.chars().filter(|c| !c.is_whitespace()).collect();
    let mut ids: Vec<PartId> = Vec::new();
    for at in 0..t.len() {
        // Every keyword starting here, not only the longest: 下一年度工作安排 names the plan twice.
        if let Some((_, id)) = keywords.longest_at(&t, at, t.len()) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids.sort();
    // A bare `其他` / `其它` heading is the last part.
    if t.len() <= 6 && (t.starts_with(&['其', '他']) || t.starts_with(&['其', '它'])) && !ids.contains(&PartId::Other) {
        ids.push(PartId::Other);
    }
    // Plans describe measures to come (`下一步工作举措`): a plan heading is not results.
    if ids.contains(&PartId::NextYearPlan) {
        ids.retain(|&id| id != PartId::Measures);
    }
    // `其他需要报告的情况` is only the last part, though it contains 报告/情况.
    if ids.contains(&PartId::Other) {
        ids.retain(|&id| id == PartId::Other);
    }
    // `履行第一责任人职责…的有关情况` contains no plan or results words; a heading about the
    // responsible person that also says 工作情况 is still only that part.
    if ids.contains(&PartId::FirstResponsible) {
        ids.retain(|&id| id != PartId::Measures);
    }
    ids
}

/// The parts a heading names, given the report year: a heading about work in the year
/// after the report year (`四、2025年重点工作`) is the plan.
pub fn parts_named(title: &str, report_year: Option<i32>) -> Vec<PartId> {
    let mut ids = named_parts(title);
    let next_year = report_year.is_some_and(|y| heading_year(title) == Some(y + 1));
    let about_work =
        ["工作", "安排", "计划", "打算", "思路", "重点", "要点", "举措", "措施", "方向", "目标", "任务"].iter().any(|w| title.contains(w));
    if next_year && about_work && !ids.contains(&PartId::NextYearPlan) && !ids.contains(&PartId::Other) {
        ids.retain(|&id| id != PartId::Measures);
        ids.push(PartId::NextYearPlan);
        ids.sort();
    }
    ids
}

/// Why a heading only partly names its part (the elements the rule asks for).
fn partial_reason(id: PartId, title: &str, report_year: Option<i32>) -> Option<String> {
    match id {
        PartId::Shortcomings if !["原因", "成因", "根源", "分析"].iter().any(|w| title.contains(w)) => {
            Some("标题只写问题或不足，未写原因".to_string())
        }
        PartId::Measures
            if ["举措", "措施", "做法"].iter().any(|w| title.contains(w))
                && !["成效", "成绩", "成果", "效果", "成就", "进展", "情况"].iter().any(|w| title.contains(w)) =>
        {
            Some("标题只写举措，未写成效".to_string())
        }
        PartId::NextYearPlan => {
            let year = heading_year(title)?;
            let expected = report_year? + 1;
            (year != expected).then(|| format!("标题所写年份为{year}年，下一年度应为{expected}年"))
        }
        PartId::Measures | PartId::Shortcomings | PartId::FirstResponsible => {
            let year = heading_year(title)?;
            let expected = report_year?;
            (year != expected).then(|| format!("标题所写年份为{year}年，报告年度为{expected}年"))
        }
        _ => None,
    }
}

/// The year a heading names (`2025年`).
fn heading_year(title: &str) -> Option<i32> {
    let chars: Vec<char> = title.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let ok = (i == 0 || !chars[i - 1].is_ascii_digit()) && chars[i..i + 4].iter().all(|c| c.is_ascii_digit()) && chars[i + 4] == '年';
        ok.then(|| chars[i..i + 4].iter().collect::<String>().parse().ok()).flatten()
    })
}

/// Short unnumbered lines that name a part (reports whose part headings carry no number).
fn unnumbered_headings(doc: &Document, outline: &Outline, frame_lines: &[usize], body_end: usize) -> Vec<Candidate> {
    let numbered: Vec<usize> = outline.headings.iter().map(|h| h.line).collect();
    let mut out: Vec<Candidate> = Vec::new();
    let eligible = |n: usize| !numbered.contains(&n) && !frame_lines.contains(&n);
    for line in doc.lines.iter().filter(|l| l.kind == LineKind::Text && l.start < body_end && eligible(l.number)) {
        let (s, e) = doc.trim(line.start, line.end);
        let folded = doc.folded_str(s, e);
        let n = folded.chars().count();
        let ends_sentence = folded.ends_with(['。', ';', ',', '、']);
        // `现将2024年工作情况报告如下：` introduces the report; it is not a heading.
        let introduces = folded.contains("如下") || folded.starts_with("现将");
        if n == 0 || n > MAX_UNNUMBERED_HEADING || ends_sentence || introduces || named_parts(&folded).is_empty() {
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
