//! Stage 8 — findings: what a reviewer should look at. Each finding has a severity, a
//! stable code with structured arguments (scripts may rely on both), and the line it
//! concerns. The checks a report gets are its kind's [`Check`]s; the words of a message
//! are not here: each front end renders a finding in its language ([`crate::messages`]).
//!
//! | code | severity | arguments | when |
//! |---|---|---|---|
//! | `no_text` | error | — | no prose at all |
//! | `part_missing` | error | `part` | no heading names a required part |
//! | `published_late` | error | `date`, `date_kind`, `deadline`, `rule` | published (or, when no publication date is known, signed) after the deadline of the rule in force for the report year |
//! | `published_after_unbound_deadline` | info | `date`, `date_kind`, `deadline`, `rule` | the same for an issuer the rule does not name (a township before 2019) |
//! | `part_partial` | warning | `part`, `reason` | a heading names the part but misses an element |
//! | `parts_out_of_order` | warning | `order` | the present parts do not follow the rule's order |
//! | `numbering_start` / `numbering_gap` / `numbering_duplicate` / `numbering_order` | warning | `marker`, `expected`, `found` | heading numbers do not run 1, 2, 3… |
//! | `no_figures_in_results` | warning | `part` | the results part (the kind's `FiguresIn` check) holds no figure |
//! | `no_causes_in_shortcomings` | warning | `part` | the shortcomings part (the kind's `CausesIn` check) gives no cause |
//! | `undecodable_bytes` | warning | `bytes`, `encoding` | bytes that could not be decoded |
//! | `part_mentioned_elsewhere` | info | `part` | a missing part is touched on in the text (line given) |
//! | `no_figures` | info | — | the report holds no figure at all |
//! | `publish_date_unknown` | info | `deadline_month`, `deadline_day`, `rule` | no publication date found: the deadline cannot be checked |
//! | `report_year_unknown` | info | — | the year reported on could not be found |

use crate::decode::Encoding;
use crate::document::Document;
use crate::frame::date::Date;
use crate::frame::Frame;
use crate::frame::Level;
use crate::kinds::{Check, PartId, ReportKind, RuleId};
use crate::lines::LineKind;
use crate::metrics::Metric;
use crate::outline::{IssueKind, Outline};
use crate::sections::{PartialReason, Sections, Status};
use serde::{Deserialize, Serialize};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The report does not meet the rule.
    Error,
    /// Worth a reviewer's look.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// The name used in the JSON summary.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which date a late publication was judged by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// The publication date.
    Published,
    /// The signature date (no publication date was found; publication cannot be earlier).
    Signed,
}

/// What was found, with its arguments. The JSON writes the variant as `code` and its
/// fields as `args`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", content = "args", rename_all = "snake_case")]
pub enum FindingCode {
    /// No prose at all.
    NoText,
    /// Bytes that could not be decoded were replaced by U+FFFD.
    UndecodableBytes {
        /// How many bytes.
        bytes: usize,
        /// The encoding the text was read as.
        encoding: Encoding,
    },
    /// No heading names a required part.
    PartMissing {
        /// The part.
        part: PartId,
    },
    /// A missing part is touched on in the text (the finding's line).
    PartMentionedElsewhere {
        /// The part.
        part: PartId,
    },
    /// A heading names the part but misses an element.
    PartPartial {
        /// The part.
        part: PartId,
        /// What is missing.
        reason: PartialReason,
    },
    /// The present parts do not follow the rule's order.
    PartsOutOfOrder {
        /// The present parts in the order the report has them.
        order: Vec<PartId>,
    },
    /// Published after the deadline of the rule in force for the report year.
    PublishedLate {
        /// The date judged.
        date: Date,
        /// Which date that is.
        date_kind: DateKind,
        /// The last day of publication the rule allows.
        deadline: Date,
        /// The rule applied.
        rule: RuleId,
    },
    /// Published after a deadline that the rule in force did not set for this issuer (a
    /// township under a rule that names only county-and-above governments): a note.
    PublishedAfterUnboundDeadline {
        /// The date judged.
        date: Date,
        /// Which date that is.
        date_kind: DateKind,
        /// The deadline the rule sets for the levels it names.
        deadline: Date,
        /// The rule.
        rule: RuleId,
    },
    /// No publication date: the deadline cannot be checked.
    PublishDateUnknown {
        /// The deadline's month (of the year after the report year).
        deadline_month: u32,
        /// The deadline's day.
        deadline_day: u32,
        /// The rule that sets it.
        rule: RuleId,
    },
    /// The first heading of a group is not number 1.
    NumberingStart {
        /// The heading's marker as printed.
        marker: String,
        /// The number expected.
        expected: u32,
        /// The number printed.
        found: u32,
    },
    /// A number was skipped.
    NumberingGap {
        /// The heading's marker as printed.
        marker: String,
        /// The number expected.
        expected: u32,
        /// The number printed.
        found: u32,
    },
    /// The same number twice.
    NumberingDuplicate {
        /// The heading's marker as printed.
        marker: String,
        /// The number expected.
        expected: u32,
        /// The number printed.
        found: u32,
    },
    /// A number smaller than the one before.
    NumberingOrder {
        /// The heading's marker as printed.
        marker: String,
        /// The number expected.
        expected: u32,
        /// The number printed.
        found: u32,
    },
    /// The part holds no figure.
    NoFiguresInResults {
        /// The part.
        part: PartId,
    },
    /// The report holds no figure at all.
    NoFigures,
    /// The part lists problems without analysing causes.
    NoCausesInShortcomings {
        /// The part.
        part: PartId,
    },
    /// The year reported on could not be found.
    ReportYearUnknown,
}

impl FindingCode {
    /// The stable code (`part_missing`).
    pub fn as_str(&self) -> &'static str {
        match self {
            FindingCode::NoText => "no_text",
            FindingCode::UndecodableBytes { .. } => "undecodable_bytes",
            FindingCode::PartMissing { .. } => "part_missing",
            FindingCode::PartMentionedElsewhere { .. } => "part_mentioned_elsewhere",
            FindingCode::PartPartial { .. } => "part_partial",
            FindingCode::PartsOutOfOrder { .. } => "parts_out_of_order",
            FindingCode::PublishedLate { .. } => "published_late",
            FindingCode::PublishedAfterUnboundDeadline { .. } => "published_after_unbound_deadline",
            FindingCode::PublishDateUnknown { .. } => "publish_date_unknown",
            FindingCode::NumberingStart { .. } => "numbering_start",
            FindingCode::NumberingGap { .. } => "numbering_gap",
            FindingCode::NumberingDuplicate { .. } => "numbering_duplicate",
            FindingCode::NumberingOrder { .. } => "numbering_order",
            FindingCode::NoFiguresInResults { .. } => "no_figures_in_results",
            FindingCode::NoFigures => "no_figures",
            FindingCode::NoCausesInShortcomings { .. } => "no_causes_in_shortcomings",
            FindingCode::ReportYearUnknown => "report_year_unknown",
        }
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// What was found (`code`) and its arguments (`args`).
    #[serde(flatten)]
    pub code: FindingCode,
    /// The line it concerns (1-based), or null for the whole report.
    pub line: Option<usize>,
}

impl Finding {
    fn new(severity: Severity, code: FindingCode, line: Option<usize>) -> Finding {
        Finding { severity, code, line }
    }
}

/// Everything the findings are drawn from: the earlier stages' output.
pub(crate) struct Inputs<'a> {
    pub doc: &'a Document,
    pub kind: &'a ReportKind,
    pub frame: &'a Frame,
    pub outline: &'a Outline,
    pub sections: &'a Sections,
    pub metrics: &'a [Metric],
    pub undecodable_bytes: usize,
    pub encoding: Encoding,
}

/// Runs the kind's checks.
pub(crate) fn find(x: &Inputs) -> Vec<Finding> {
    let mut out = Vec::new();
    if !x.doc.lines.iter().any(|l| l.kind == LineKind::Text) {
        out.push(Finding::new(Severity::Error, FindingCode::NoText, None));
    }
    if x.undecodable_bytes > 0 {
        out.push(Finding::new(Severity::Warning, FindingCode::UndecodableBytes { bytes: x.undecodable_bytes, encoding: x.encoding }, None));
    }
    for check in x.kind.checks {
        match *check {
            Check::RequiredParts => parts(x, &mut out),
            Check::PartOrder => order(x, &mut out),
            Check::Deadline => deadline(x, &mut out),
            Check::Numbering => numbering(x, &mut out),
            Check::FiguresIn(part) => figures(x, part, &mut out),
            Check::CausesIn(part, words) => causes(x, part, words, &mut out),
            Check::ReportYear => {
                if x.frame.meta.report_year.is_none() {
                    out.push(Finding::new(Severity::Info, FindingCode::ReportYearUnknown, None));
                }
            }
        }
    }
    out.sort_by_key(|f| (f.severity, f.line.unwrap_or(0)));
    out
}

fn parts(x: &Inputs, out: &mut Vec<Finding>) {
    for part in &x.sections.parts {
        match part.status {
            Status::Missing => {
                out.push(Finding::new(Severity::Error, FindingCode::PartMissing { part: part.id }, None));
                if let Some(line) = mentioned_at(x, part.id) {
                    out.push(Finding::new(Severity::Info, FindingCode::PartMentionedElsewhere { part: part.id }, Some(line)));
                }
            }
            Status::Partial => {
                let reason = part.reason.unwrap_or(PartialReason::ProblemsWithoutCauses);
                out.push(Finding::new(Severity::Warning, FindingCode::PartPartial { part: part.id, reason }, part.line))
            }
            Status::Present => {}
        }
    }
}

fn order(x: &Inputs, out: &mut Vec<Finding>) {
    if x.sections.in_order {
        return;
    }
    let mut present: Vec<(usize, PartId)> = x.sections.parts.iter().filter_map(|p| p.line.map(|l| (l, p.id))).collect();
    present.sort();
    let rank = |id: PartId| x.kind.parts.iter().position(|p| p.id == id);
    let first_out = present.windows(2).find(|w| rank(w[0].1) > rank(w[1].1)).map(|w| w[0].0);
    let order = present.into_iter().map(|(_, id)| id).collect();
    out.push(Finding::new(Severity::Warning, FindingCode::PartsOutOfOrder { order }, first_out));
}

/// The first prose line outside any part heading that touches on `id`.
fn mentioned_at(x: &Inputs, id: PartId) -> Option<usize> {
    let words = x.kind.part(id)?.mention_words;
    let heading_lines: Vec<usize> = x.sections.parts.iter().filter_map(|p| p.line).collect();
    x.doc
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Text && !heading_lines.contains(&l.number) && !x.frame.frame_lines.contains(&l.number))
        .find(|l| {
            let text = x.doc.folded_str(l.start, l.end);
            words.iter().any(|w| text.contains(w))
        })
        .map(|l| l.number)
}

fn deadline(x: &Inputs, out: &mut Vec<Finding>) {
    let Some(year) = x.frame.meta.report_year else {
        return;
    };
    // Reports on years before any rule have no deadline to check.
    let Some(rule) = x.kind.deadline_for_level(year, x.frame.meta.level) else { return };
    let deadline = Date { year: year + 1, month: rule.month, day: rule.day };
    let bound = rule.binds_townships || x.frame.meta.level != Level::Township;
    let late = |date: Date, date_kind: DateKind| match bound {
        true => Finding::new(Severity::Error, FindingCode::PublishedLate { date, date_kind, deadline, rule: rule.rule }, None),
        false => {
            Finding::new(Severity::Info, FindingCode::PublishedAfterUnboundDeadline { date, date_kind, deadline, rule: rule.rule }, None)
        }
    };
    match (x.frame.meta.publish_date, x.frame.meta.signed_date) {
        (Some(p), _) if p > deadline => out.push(late(p, DateKind::Published)),
        (None, Some(s)) if s > deadline => out.push(late(s, DateKind::Signed)),
        (None, _) => out.push(Finding::new(
            Severity::Info,
            FindingCode::PublishDateUnknown { deadline_month: rule.month, deadline_day: rule.day, rule: rule.rule },
            None,
        )),
        _ => {}
    }
}

fn numbering(x: &Inputs, out: &mut Vec<Finding>) {
    for issue in &x.outline.issues {
        let h = &x.outline.headings[issue.heading];
        let (marker, expected, found) = (h.marker.clone(), issue.expected, issue.found);
        let code = match issue.kind {
            IssueKind::Start => FindingCode::NumberingStart { marker, expected, found },
            IssueKind::Gap => FindingCode::NumberingGap { marker, expected, found },
            IssueKind::Duplicate => FindingCode::NumberingDuplicate { marker, expected, found },
            IssueKind::Order => FindingCode::NumberingOrder { marker, expected, found },
        };
        out.push(Finding::new(Severity::Warning, code, Some(h.line)));
    }
}

fn figures(x: &Inputs, id: PartId, out: &mut Vec<Finding>) {
    let Some(part) = x.sections.part(id) else { return };
    if part.status != Status::Missing && !x.metrics.iter().any(|m| m.section == Some(id)) {
        out.push(Finding::new(Severity::Warning, FindingCode::NoFiguresInResults { part: id }, part.line));
    } else if x.metrics.is_empty() && x.doc.lines.iter().any(|l| l.kind == LineKind::Text) {
        out.push(Finding::new(Severity::Info, FindingCode::NoFigures, None));
    }
}

fn causes(x: &Inputs, id: PartId, words: &[&str], out: &mut Vec<Finding>) {
    let Some(part) = x.sections.part(id) else { return };
    let Some((s, e)) = part.span else { return };
    let text = x.doc.folded_str(s, e);
    if !words.iter().any(|w| text.contains(w)) {
        out.push(Finding::new(Severity::Warning, FindingCode::NoCausesInShortcomings { part: id }, part.line));
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::{DateKind, FindingCode, Severity};
    use crate::frame::Date;
    use crate::kinds::RuleId;

    /// A report by `issuer` on `year`, published on `published`.
    fn deadline_findings(issuer: &str, year: i32, published: &str) -> Vec<(Severity, FindingCode)> {
        let text = format!("发布日期：{published}\n{issuer}{year}年法治政府建设情况报告\n一、{year}年主要举措和成效\n开展讲座3场。\n");
        let s = crate::analyze_text(&text, None);
        s.findings.into_iter().filter(|f| f.code.as_str().starts_with("publish")).map(|f| (f.severity, f.code)).collect()
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn from_2019_the_regulations_1_april_binds_every_level() {
        let late = FindingCode::PublishedLate {
            date: date("2025-04-08"),
            date_kind: DateKind::Published,
            deadline: date("2025-04-01"),
            rule: RuleId::SupervisionRegulations2019,
        };
        assert_eq!(deadline_findings("青禾镇", 2024, "2025-04-08"), [(Severity::Error, late.clone())]);
        assert_eq!(deadline_findings("青禾县", 2024, "2025-04-08").len(), 1);
        assert!(deadline_findings("青禾镇", 2024, "2025-03-31").is_empty());
        assert!(deadline_findings("青禾镇", 2019, "2020-04-01").is_empty(), "on the day is in time");
    }

    #[test]
    fn before_2019_the_outline_asks_the_first_quarter_of_county_and_above_only() {
        let rule = RuleId::ImplementationOutline2015;
        let (published, deadline) = (date("2018-04-10"), date("2018-03-31"));
        assert_eq!(
            deadline_findings("青禾县人民政府", 2017, "2018-04-10"),
            [(Severity::Error, FindingCode::PublishedLate { date: published, date_kind: DateKind::Published, deadline, rule })]
        );
        assert_eq!(
            deadline_findings("青禾县司法局", 2017, "2018-04-10"),
            [(Severity::Error, FindingCode::PublishedLate { date: published, date_kind: DateKind::Published, deadline, rule })]
        );
        // The outline does not name townships: a note, not a breach.
        assert_eq!(
            deadline_findings("青禾镇人民政府", 2017, "2018-04-10"),
            [(
                Severity::Info,
                FindingCode::PublishedAfterUnboundDeadline { date: published, date_kind: DateKind::Published, deadline, rule }
            )]
        );
        // 1 April was in time under the 2019 rule but not under the outline.
        assert_eq!(deadline_findings("青禾县人民政府", 2018, "2019-04-01").len(), 1);
        assert!(deadline_findings("青禾县人民政府", 2018, "2019-03-31").is_empty());
    }

    #[test]
    fn no_rule_before_2015_and_the_unknown_date_names_the_rule() {
        assert!(deadline_findings("青禾县人民政府", 2013, "2014-12-01").is_empty());
        let s = crate::analyze_text("青禾县2017年法治政府建设情况报告\n一、主要举措和成效\n开展讲座3场。\n", None);
        let unknown: Vec<&FindingCode> = s.findings.iter().map(|f| &f.code).filter(|c| c.as_str() == "publish_date_unknown").collect();
        assert_eq!(
            unknown,
            [&FindingCode::PublishDateUnknown { deadline_month: 3, deadline_day: 31, rule: RuleId::ImplementationOutline2015 }]
        );
    }
}

#[cfg(test)]
mod disclosure_deadline_tests {
    use crate::findings::{FindingCode, Severity};
    use crate::kinds::RuleId;

    /// The deadline findings of a disclosure report by `issuer` on 2023, published on `published`.
    fn findings(issuer: &str, published: &str) -> Vec<(Severity, &'static str, RuleId)> {
        let text = format!("发布日期：{published}\n{issuer}2023年政府信息公开工作年度报告\n一、总体情况\n本年主动公开信息20条。\n");
        let s = crate::analyze_text(&text, None);
        assert_eq!(s.kind, crate::kinds::KindId::Disclosure);
        s.findings
            .into_iter()
            .filter_map(|f| match f.code {
                FindingCode::PublishedLate { rule, .. } => Some((f.severity, "published_late", rule)),
                FindingCode::PublishedAfterUnboundDeadline { rule, .. } => Some((f.severity, "unbound", rule)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn departments_by_31_january_governments_by_31_march() {
        let dept = RuleId::DisclosureRegulations2019Departments;
        let gov = RuleId::DisclosureRegulations2019Governments;
        assert_eq!(findings("青禾县司法局", "2024-02-05"), [(Severity::Error, "published_late", dept)]);
        assert!(findings("青禾县司法局", "2024-01-31").is_empty(), "on the day is in time");
        assert!(findings("青禾县人民政府", "2024-03-20").is_empty());
        assert_eq!(findings("青禾县人民政府", "2024-04-02"), [(Severity::Error, "published_late", gov)]);
        // Townships are not named in 第四十九条: the departments' date, as a note.
        assert_eq!(findings("青禾镇人民政府", "2024-02-10"), [(Severity::Info, "unbound", dept)]);
    }
}
