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
//! | `table_missing` | error | `table` | a standard table of the kind's form is not in the text |
//! | `table_incomplete` | warning | `table`, `missing_rows`, `short_rows` | rows of the form not found, or found with fewer cells than the form has |
//! | `table_empty` | warning | `table` | every cell of the table is empty |
//! | `table_sum_mismatch` | error | `table`, `rule`, `row`, `column`, `expected`, `found` | the form's arithmetic fails at this cell (line of the cell) |
//! | `title_year_mismatch` | warning | `title_year`, `publish_year` | the title names a year the report cannot be on, given when it was published (a report on year Y is published in Y+1) |

use crate::decode::Encoding;
use crate::document::Document;
use crate::forms::{Rule, TableId};
use crate::frame::date::Date;
use crate::frame::Frame;
use crate::frame::Level;
use crate::grids::{CellRead, GridCell, StandardTable};
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// The publication date.
    Published,
    /// The signature date (no publication date was found; publication cannot be earlier).
    Signed,
}

crate::names::read_by_name!(DateKind { Published => "published", Signed => "signed" });

/// What was found, with its arguments. The JSON writes the variant as `code` and its
/// fields as `args`.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// A standard table of the form is not in the text.
    TableMissing {
        /// The table.
        table: TableId,
    },
    /// Rows of the form not found, or found with fewer cells than the form gives them.
    TableIncomplete {
        /// The table.
        table: TableId,
        /// Rows not found (ids, form order).
        missing_rows: Vec<String>,
        /// Rows found with cells missing (ids).
        short_rows: Vec<String>,
    },
    /// Every cell of the table is empty.
    TableEmpty {
        /// The table.
        table: TableId,
    },
    /// The form's arithmetic fails at a cell.
    TableSumMismatch {
        /// The table.
        table: TableId,
        /// The rule (`column_balance`: 一+二 = 三（七）+四; `column_total`: （七）总计 = the sum of
        /// （一）…（六）; `row_total`: 总计 = the sum of the columns before it).
        rule: String,
        /// The row of the cell that fails (for `column_balance`, `total`).
        row: String,
        /// The column of the cell that fails.
        column: String,
        /// What the rule makes it: the sum of the parts (for `column_balance`, 一+二).
        expected: f64,
        /// What the report says (for `column_balance`, 三（七）+四).
        found: f64,
    },
    /// The title's year is not the year before publication.
    TitleYearMismatch {
        /// The year the title names.
        title_year: i32,
        /// The year of publication.
        publish_year: i32,
    },
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
            FindingCode::TableMissing { .. } => "table_missing",
            FindingCode::TableIncomplete { .. } => "table_incomplete",
            FindingCode::TableEmpty { .. } => "table_empty",
            FindingCode::TableSumMismatch { .. } => "table_sum_mismatch",
            FindingCode::TitleYearMismatch { .. } => "title_year_mismatch",
        }
    }
}

// Deserialize is written out in `wire` (see there why).
/// One finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Reading findings back from their JSON (the web app's page does, from its analysis
/// worker). serde's derived reading of `#[serde(flatten)]` and of an adjacently tagged enum
/// buffers every field into an intermediate tree, and a derived reading of the enum writes a
/// reader per variant (30 KB of the page's wasm). Here a finding's `args` are read by one
/// reader of every argument any finding has ([`Args`]), and `code` picks the variant that
/// takes them.
mod wire {
    use super::*;
    use serde::de::value::StrDeserializer;
    use serde::de::{self, Deserializer, MapAccess, Visitor};
    use serde::Deserialize;
    use std::fmt;

    /// Every argument of every finding, by the name it has in `args`. A name that two
    /// variants give different types is read as the wider one: `rule` (a rule's id, or a
    /// table's arithmetic rule), `expected` and `found` (a heading's number, or a sum).
    #[derive(Default, Deserialize)]
    struct Args {
        bytes: Option<usize>,
        encoding: Option<Encoding>,
        part: Option<PartId>,
        reason: Option<PartialReason>,
        order: Option<Vec<PartId>>,
        date: Option<Date>,
        date_kind: Option<DateKind>,
        deadline: Option<Date>,
        rule: Option<String>,
        deadline_month: Option<u32>,
        deadline_day: Option<u32>,
        marker: Option<String>,
        expected: Option<f64>,
        found: Option<f64>,
        table: Option<TableId>,
        missing_rows: Option<Vec<String>>,
        short_rows: Option<Vec<String>>,
        row: Option<String>,
        column: Option<String>,
        title_year: Option<i32>,
        publish_year: Option<i32>,
    }

    fn need<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
        value.ok_or_else(|| E::missing_field(name))
    }

    fn rule_id<E: de::Error>(rule: Option<String>) -> Result<RuleId, E> {
        let rule = need(rule, "rule")?;
        RuleId::deserialize(StrDeserializer::<E>::new(&rule))
    }

    /// A heading's number (read as a number of any kind).
    fn ordinal<E: de::Error>(value: Option<f64>, name: &'static str) -> Result<u32, E> {
        let value = need(value, name)?;
        if value >= 0.0 && value <= f64::from(u32::MAX) && value.fract() == 0.0 {
            Ok(value as u32)
        } else {
            Err(E::custom(format!("{name}: not a heading's number: {value}")))
        }
    }

    /// The finding `code` with the arguments `a`.
    fn code_of<E: de::Error>(code: &str, a: Args) -> Result<FindingCode, E> {
        let numbering = |a: Args| -> Result<(String, u32, u32), E> {
            Ok((need(a.marker, "marker")?, ordinal(a.expected, "expected")?, ordinal(a.found, "found")?))
        };
        Ok(match code {
            "no_text" => FindingCode::NoText,
            "undecodable_bytes" => {
                FindingCode::UndecodableBytes { bytes: need(a.bytes, "bytes")?, encoding: need(a.encoding, "encoding")? }
            }
            "part_missing" => FindingCode::PartMissing { part: need(a.part, "part")? },
            "part_mentioned_elsewhere" => FindingCode::PartMentionedElsewhere { part: need(a.part, "part")? },
            "part_partial" => FindingCode::PartPartial { part: need(a.part, "part")?, reason: need(a.reason, "reason")? },
            "parts_out_of_order" => FindingCode::PartsOutOfOrder { order: need(a.order, "order")? },
            "published_late" => FindingCode::PublishedLate {
                date: need(a.date, "date")?,
                date_kind: need(a.date_kind, "date_kind")?,
                deadline: need(a.deadline, "deadline")?,
                rule: rule_id(a.rule)?,
            },
            "published_after_unbound_deadline" => FindingCode::PublishedAfterUnboundDeadline {
                date: need(a.date, "date")?,
                date_kind: need(a.date_kind, "date_kind")?,
                deadline: need(a.deadline, "deadline")?,
                rule: rule_id(a.rule)?,
            },
            "publish_date_unknown" => FindingCode::PublishDateUnknown {
                deadline_month: need(a.deadline_month, "deadline_month")?,
                deadline_day: need(a.deadline_day, "deadline_day")?,
                rule: rule_id(a.rule)?,
            },
            "numbering_start" => {
                let (marker, expected, found) = numbering(a)?;
                FindingCode::NumberingStart { marker, expected, found }
            }
            "numbering_gap" => {
                let (marker, expected, found) = numbering(a)?;
                FindingCode::NumberingGap { marker, expected, found }
            }
            "numbering_duplicate" => {
                let (marker, expected, found) = numbering(a)?;
                FindingCode::NumberingDuplicate { marker, expected, found }
            }
            "numbering_order" => {
                let (marker, expected, found) = numbering(a)?;
                FindingCode::NumberingOrder { marker, expected, found }
            }
            "no_figures_in_results" => FindingCode::NoFiguresInResults { part: need(a.part, "part")? },
            "no_figures" => FindingCode::NoFigures,
            "no_causes_in_shortcomings" => FindingCode::NoCausesInShortcomings { part: need(a.part, "part")? },
            "report_year_unknown" => FindingCode::ReportYearUnknown,
            "table_missing" => FindingCode::TableMissing { table: need(a.table, "table")? },
            "table_incomplete" => FindingCode::TableIncomplete {
                table: need(a.table, "table")?,
                missing_rows: need(a.missing_rows, "missing_rows")?,
                short_rows: need(a.short_rows, "short_rows")?,
            },
            "table_empty" => FindingCode::TableEmpty { table: need(a.table, "table")? },
            "table_sum_mismatch" => FindingCode::TableSumMismatch {
                table: need(a.table, "table")?,
                rule: need(a.rule, "rule")?,
                row: need(a.row, "row")?,
                column: need(a.column, "column")?,
                expected: need(a.expected, "expected")?,
                found: need(a.found, "found")?,
            },
            "title_year_mismatch" => FindingCode::TitleYearMismatch {
                title_year: need(a.title_year, "title_year")?,
                publish_year: need(a.publish_year, "publish_year")?,
            },
            other => return Err(E::unknown_variant(other, &[])),
        })
    }

    impl<'de> Deserialize<'de> for Finding {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
            deserializer.deserialize_map(FindingVisitor)
        }
    }

    struct FindingVisitor;

    impl<'de> Visitor<'de> for FindingVisitor {
        type Value = Finding;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a finding")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Finding, A::Error> {
            let (mut severity, mut line, mut code, mut args) = (None, None, None::<String>, None);
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "severity" => severity = Some(map.next_value()?),
                    "line" => line = Some(map.next_value()?),
                    "code" => code = Some(map.next_value()?),
                    "args" => args = Some(map.next_value::<Args>()?),
                    _ => {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
            }
            // A variant without fields has no args.
            let code = code_of(&code.ok_or_else(|| de::Error::missing_field("code"))?, args.unwrap_or_default())?;
            Ok(Finding { severity: severity.ok_or_else(|| de::Error::missing_field("severity"))?, code, line: line.unwrap_or(None) })
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// One finding of every code, with arguments of every kind.
        fn one_of_every_code() -> Vec<FindingCode> {
            let date = Date::new(2025, 4, 2).unwrap();
            let rule = RuleId::SupervisionRegulations2019;
            let numbering = |n: u32| (String::from("（三）"), n, n + 1);
            let (marker, expected, found) = numbering(3);
            vec![
                FindingCode::NoText,
                FindingCode::UndecodableBytes { bytes: 7, encoding: Encoding::Gb18030 },
                FindingCode::PartMissing { part: PartId::Shortcomings },
                FindingCode::PartMentionedElsewhere { part: PartId::FirstResponsible },
                FindingCode::PartPartial { part: PartId::Shortcomings, reason: PartialReason::WrongYear { found: 2023, expected: 2024 } },
                FindingCode::PartsOutOfOrder { order: vec![PartId::Measures, PartId::NextYearPlan, PartId::Shortcomings] },
                FindingCode::PublishedLate { date, date_kind: DateKind::Published, deadline: date, rule },
                FindingCode::PublishedAfterUnboundDeadline {
                    date,
                    date_kind: DateKind::Signed,
                    deadline: date,
                    rule: RuleId::DisclosureRegulations2019Governments,
                },
                FindingCode::PublishDateUnknown { deadline_month: 4, deadline_day: 1, rule },
                FindingCode::NumberingStart { marker: marker.clone(), expected, found },
                FindingCode::NumberingGap { marker: marker.clone(), expected: 4, found: 6 },
                FindingCode::NumberingDuplicate { marker: marker.clone(), expected: 2, found: 1 },
                FindingCode::NumberingOrder { marker, expected: 5, found: 2 },
                FindingCode::NoFiguresInResults { part: PartId::Measures },
                FindingCode::NoFigures,
                FindingCode::NoCausesInShortcomings { part: PartId::Shortcomings },
                FindingCode::ReportYearUnknown,
                FindingCode::TableMissing { table: TableId::Applications },
                FindingCode::TableIncomplete {
                    table: TableId::Applications,
                    missing_rows: vec!["r1".into()],
                    short_rows: vec!["r2".into(), "r3".into()],
                },
                FindingCode::TableEmpty { table: TableId::Proactive },
                FindingCode::TableSumMismatch {
                    table: TableId::Applications,
                    rule: "column_total".into(),
                    row: "total".into(),
                    column: "natural".into(),
                    expected: 12.5,
                    found: 3.0,
                },
                FindingCode::TitleYearMismatch { title_year: 2023, publish_year: 2025 },
            ]
        }

        #[test]
        fn every_finding_reads_back_what_is_written() {
            let codes = one_of_every_code();
            // Every code is here once (the list of codes is `as_str`'s exhaustive match).
            let mut names: Vec<&str> = codes.iter().map(FindingCode::as_str).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), codes.len());
            assert_eq!(codes.len(), 22, "a new code needs its reading in `code_of` and a sample here");
            for (i, code) in codes.into_iter().enumerate() {
                let finding = Finding { severity: Severity::Warning, code, line: (i % 2 == 0).then_some(i) };
                let json = serde_json::to_string(&finding).unwrap();
                let back: Finding = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
                assert_eq!(back, finding, "{json}");
            }
        }

        #[test]
        fn a_finding_missing_an_argument_or_of_no_known_code_is_refused() {
            assert!(serde_json::from_str::<Finding>(r#"{"severity":"error","code":"part_missing","args":{},"line":null}"#).is_err());
            assert!(serde_json::from_str::<Finding>(r#"{"severity":"error","code":"no_such_code","line":null}"#).is_err());
            assert!(serde_json::from_str::<Finding>(
                r#"{"severity":"error","code":"numbering_gap","args":{"marker":"一","expected":1.5,"found":2},"line":3}"#
            )
            .is_err());
            let read: Finding = serde_json::from_str(r#"{"severity":"info","code":"no_figures","line":null}"#).unwrap();
            assert_eq!(read.code, FindingCode::NoFigures);
        }
    }
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
    pub grids: &'a [StandardTable],
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
            Check::Tables if cfg!(feature = "disclosure") => tables(x.grids, &mut out),
            Check::TitleYear if cfg!(feature = "disclosure") => title_year(x, &mut out),
            Check::Tables | Check::TitleYear => {}
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
        // A publication date read from the signature is the signing date.
        (Some(p), _) if p > deadline => out.push(late(
            p,
            match x.frame.meta.evidence.publish_date.map(|o| o.source) {
                Some(crate::frame::FieldSource::Signature) => DateKind::Signed,
                _ => DateKind::Published,
            },
        )),
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

/// A report on year Y is published in Y+1: a title naming the publication year (or a year
/// further off) names the wrong year.
fn title_year(x: &Inputs, out: &mut Vec<Finding>) {
    let (Some(title), Some(published)) = (x.frame.meta.title.as_deref(), x.frame.meta.publish_date) else { return };
    let Some(title_year) = first_year(title) else { return };
    if published.year != title_year + 1 {
        out.push(Finding::new(Severity::Warning, FindingCode::TitleYearMismatch { title_year, publish_year: published.year }, None));
    }
}

/// The first `YYYY年` of a text (a plausible report year).
fn first_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits = &chars[i..i + 4];
        let ok = (i == 0 || !chars[i - 1].is_ascii_digit()) && digits.iter().all(char::is_ascii_digit) && chars[i + 4] == '年';
        ok.then(|| digits.iter().fold(0, |y, d| y * 10 + d.to_digit(10).unwrap_or(0) as i32)).filter(|y| (1990..=2100).contains(y))
    })
}

/// A cell's number for the checks: empty counts as 0; unreadable or missing is unknown.
fn number(c: &GridCell) -> Option<f64> {
    match c.read {
        CellRead::Number | CellRead::NoneMark => c.value,
        CellRead::Empty => Some(0.0),
        CellRead::Text | CellRead::Missing => None,
    }
}

/// Whether two sums agree (amounts may have decimals).
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn tables(grids: &[StandardTable], out: &mut Vec<Finding>) {
    for t in grids {
        if !t.found {
            out.push(Finding::new(Severity::Error, FindingCode::TableMissing { table: t.id }, None));
            continue;
        }
        let spec = t.spec();
        // A group row's items stand for it; a group whose items were read needs no cells.
        let read_items = |g: &str| t.rows.iter().any(|r| r.group.as_deref() == Some(g) && r.found);
        let missing_rows: Vec<String> = t
            .rows
            .iter()
            .filter(|r| !r.found)
            .filter(|r| {
                let is_group_with_items = spec.items(&r.id).next().is_some() && read_items(&r.id);
                !is_group_with_items
            })
            .map(|r| r.id.clone())
            .collect();
        let short_rows: Vec<String> =
            t.rows.iter().filter(|r| r.found && r.cells.iter().any(|c| c.read == CellRead::Missing)).map(|r| r.id.clone()).collect();
        if !missing_rows.is_empty() || !short_rows.is_empty() {
            out.push(Finding::new(Severity::Warning, FindingCode::TableIncomplete { table: t.id, missing_rows, short_rows }, t.line));
        }
        let cells = || t.rows.iter().flat_map(|r| r.cells.iter());
        if cells().next().is_some() && cells().all(|c| c.read == CellRead::Empty) {
            out.push(Finding::new(Severity::Warning, FindingCode::TableEmpty { table: t.id }, t.line));
            continue;
        }
        for rule in spec.rules {
            sums(t, *rule, out);
        }
    }
}

/// The value of row `id` in column `column` for the sums: a group's items' sum when any
/// item was read, else its own cell. `None` when unknown; the flag says whether any cell
/// involved was filled in (not empty).
fn row_value(t: &StandardTable, id: &str, column: &str) -> Option<(f64, bool)> {
    let items: Vec<_> = t.rows.iter().filter(|r| r.group.as_deref() == Some(id) && r.found).collect();
    if !items.is_empty() {
        let mut sum = 0.0;
        let mut filled = false;
        for r in items {
            let c = r.cell(column)?;
            sum += number(c)?;
            filled |= c.read != CellRead::Empty;
        }
        return Some((sum, filled));
    }
    let row = t.row(id).filter(|r| r.found)?;
    let c = row.cell(column)?;
    Some((number(c)?, c.read != CellRead::Empty))
}

fn sum_rows(t: &StandardTable, ids: &[&str], column: &str) -> Option<(f64, bool)> {
    ids.iter().try_fold((0.0, false), |(s, f), id| row_value(t, id, column).map(|(v, g)| (s + v, f || g)))
}

fn sums(t: &StandardTable, rule: Rule, out: &mut Vec<Finding>) {
    let mut mismatch = |row: &str, column: &str, expected: f64, found: f64, line: Option<usize>| {
        let code = FindingCode::TableSumMismatch {
            table: t.id,
            rule: rule.as_str().into(),
            row: row.into(),
            column: column.into(),
            expected,
            found,
        };
        out.push(Finding::new(Severity::Error, code, line));
    };
    let line_of = |row: &str, column: &str| t.row(row).and_then(|r| r.cell(column)).and_then(|c| c.line);
    match rule {
        Rule::ColumnBalance { left, right } => {
            let Some(total) = t.spec().row(right[0]) else { return };
            for c in total.columns {
                let (Some((l, lf)), Some((r, rf))) = (sum_rows(t, left, c.id), sum_rows(t, right, c.id)) else { continue };
                if (lf || rf) && !same(l, r) {
                    mismatch(right[0], c.id, l, r, line_of(right[0], c.id));
                }
            }
        }
        Rule::ColumnTotal { total, parts } => {
            let Some(spec_row) = t.spec().row(total) else { return };
            for c in spec_row.columns {
                let (Some((found, ff)), Some((expected, ef))) = (row_value(t, total, c.id), sum_rows(t, parts, c.id)) else { continue };
                if (ff || ef) && !same(found, expected) {
                    mismatch(total, c.id, expected, found, line_of(total, c.id));
                }
            }
        }
        Rule::RowTotal { total, parts } => {
            for row in t.rows.iter().filter(|r| r.found && !r.cells.is_empty()) {
                let Some(found_cell) = row.cell(total) else { continue };
                let Some(found) = number(found_cell) else { continue };
                let mut expected = 0.0;
                let mut filled = found_cell.read != CellRead::Empty;
                let mut known = true;
                for p in parts {
                    match row.cell(p).and_then(|c| number(c).map(|v| (v, c.read != CellRead::Empty))) {
                        Some((v, f)) => {
                            expected += v;
                            filled |= f;
                        }
                        None => known = false,
                    }
                }
                if known && filled && !same(found, expected) {
                    mismatch(&row.id, total, expected, found, found_cell.line);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {

    /// Findings read back from their JSON (by hand, see `wire`) are the findings written:
    /// fields of every shape, a variant without fields, a nested tagged enum, a null line.
    #[test]
    fn findings_read_back_from_their_json_are_the_same() {
        use super::*;
        use crate::frame::Date;
        use crate::kinds::{PartialReason, RuleId};
        let date = |month, day| Date { year: 2025, month, day };
        let findings = vec![
            Finding::new(Severity::Info, FindingCode::NoText, None),
            Finding::new(Severity::Warning, FindingCode::UndecodableBytes { bytes: 3, encoding: Encoding::Gb18030 }, Some(2)),
            Finding::new(Severity::Error, FindingCode::PartMissing { part: PartId::Other }, None),
            Finding::new(
                Severity::Warning,
                FindingCode::PartPartial { part: PartId::Measures, reason: PartialReason::WrongYear { found: 2023, expected: 2024 } },
                Some(7),
            ),
            Finding::new(Severity::Warning, FindingCode::PartsOutOfOrder { order: vec![PartId::Other, PartId::Measures] }, None),
            Finding::new(
                Severity::Error,
                FindingCode::PublishedLate {
                    date: date(4, 9),
                    date_kind: DateKind::Signed,
                    deadline: date(4, 1),
                    rule: RuleId::SupervisionRegulations2019,
                },
                Some(40),
            ),
            Finding::new(Severity::Info, FindingCode::NumberingGap { marker: "（三）".into(), expected: 2, found: 3 }, Some(9)),
            Finding::new(
                Severity::Error,
                FindingCode::TableSumMismatch {
                    table: TableId::Applications,
                    rule: "row_total".into(),
                    row: "new".into(),
                    column: "total".into(),
                    expected: 12.5,
                    found: 1e21,
                },
                Some(12),
            ),
            Finding::new(Severity::Info, FindingCode::ReportYearUnknown, None),
        ];
        let json = serde_json::to_string(&findings).unwrap();
        let read: Vec<Finding> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, findings);
        // The args are read whatever their place (JSON objects have no order).
        let args_first: Finding =
            serde_json::from_str(r#"{"severity":"info","args":{"part":"other"},"code":"part_missing","line":null}"#).unwrap();
        assert_eq!(args_first.code, FindingCode::PartMissing { part: PartId::Other });
    }
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

#[cfg(all(test, feature = "disclosure"))]
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
