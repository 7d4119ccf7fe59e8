//! The summary: the serde type that the app renders, the CLI prints and the browser
//! downloads, and its assembly from the stages' output. Its JSON is a public contract,
//! documented field by field in `docs/summary.md`; `docs/summary.schema.json` is generated
//! from these types (a test fails when it differs). Bump [`SCHEMA_VERSION`] when the meaning
//! of a field changes.
//!
//! The stages' own types are the contract (serde on the domain types): [`Meta`], [`Part`],
//! [`Metric`], [`Finding`]. Only the outline has a view of its own, [`OutlineNode`]: the
//! outline stage keeps a flat list, the JSON a tree.

use crate::decode::Encoding;
use crate::findings::{Finding, Severity};
use crate::frame::Meta;
use crate::grids::StandardTable;
pub use crate::input::Format;
use crate::kinds::{KindBasis, KindId};
use crate::lines::{Line, LineKind};
use crate::metrics::Metric;
use crate::outline::Outline;
use crate::sections::{Part, Sections, Status};
use serde::{Deserialize, Serialize};

/// The version of the JSON contract.
///
/// 2: `kind`, `kind_basis`; findings carry `code` + `args` instead of a Chinese `message`;
/// `sections[].reason` is a typed object; dates and enums are unchanged.
///
/// 3: a second kind, `gov_info_disclosure`, with its six part ids, deadline rules and
/// `tables`; `metrics[].action` and labels by the grammar of the clause.
pub const SCHEMA_VERSION: u32 = 4;

/// Everything Report Lens reads from one report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// The version of this contract ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// What was read.
    pub source: Source,
    /// The kind of report the rules were taken from.
    pub kind: KindId,
    /// How the kind was decided.
    pub kind_basis: KindBasis,
    /// The frame: title, issuer, level, year, dates.
    pub meta: Meta,
    /// The headings, as a tree.
    pub outline: Vec<OutlineNode>,
    /// The parts the kind requires, in the rule's order.
    pub sections: Vec<Part>,
    /// Every figure, in text order.
    pub metrics: Vec<Metric>,
    /// The kind's standard tables as read onto its form's grid (empty for kinds without
    /// them).
    #[cfg_attr(not(feature = "disclosure"), serde(serialize_with = "empty_list"))]
    pub tables: Vec<StandardTable>,
    /// What a reviewer should look at, most severe first.
    pub findings: Vec<Finding>,
    /// Counts.
    pub stats: Stats,
}

/// What was read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    /// The file name (no directory), or null for pasted text.
    pub name: Option<String>,
    /// The input's size in bytes.
    pub bytes: usize,
    /// The text's length in chars (every span counts in these).
    pub chars: usize,
    /// What the file was (the text analysed is what was read from it; spans point into
    /// that text).
    pub format: Format,
    /// The encoding the text was read as.
    pub encoding: Encoding,
    /// Bytes that belonged to malformed sequences (each replaced by U+FFFD).
    pub undecodable_bytes: usize,
}

/// A heading and the headings under it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutlineNode {
    /// 0 for chapters (`第一部分`), 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`, 5 for `①`.
    pub level: u8,
    /// The marker as printed.
    pub marker: String,
    /// The number the marker carries.
    pub number: u32,
    /// The title as printed: the first sentence after the marker.
    pub title: String,
    /// The line (1-based).
    pub line: usize,
    /// Marker start to title end, in chars.
    pub span: (usize, usize),
    /// The headings under it.
    pub children: Vec<OutlineNode>,
}

impl OutlineNode {
    /// The flat heading list as a tree (depth is bounded by the six marker levels).
    fn tree(outline: Outline) -> Vec<OutlineNode> {
        outline.into_tree(|h, children| OutlineNode {
            level: h.level,
            marker: h.marker,
            number: h.number,
            title: h.title,
            line: h.line,
            span: h.span,
            children,
        })
    }
}

/// Counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stats {
    /// Chars of text.
    pub chars: usize,
    /// Lines of text.
    pub lines: usize,
    /// Lines of prose (a report's paragraphs).
    pub paragraphs: usize,
    /// Lines of web-page furniture, shown greyed and not analysed.
    pub chrome_lines: usize,
    /// `key: value` metadata lines.
    pub meta_lines: usize,
    /// Headings in the outline.
    pub headings: usize,
    /// Figures.
    pub metrics: usize,
    /// Figures per 1,000 characters of prose.
    pub metrics_per_1000_chars: f64,
    /// Required parts present.
    pub parts_present: usize,
    /// Required parts present but incomplete.
    pub parts_partial: usize,
    /// Required parts missing.
    pub parts_missing: usize,
    /// Whether the parts present follow the rule's order.
    pub parts_in_order: bool,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

/// The stages' output, assembled into a [`Summary`].
pub(crate) struct Parts<'a> {
    pub source: Source,
    pub kind: KindId,
    pub kind_basis: KindBasis,
    /// The text's lines and its length in chars (the stats count them).
    pub lines: &'a [Line],
    pub chars: usize,
    pub meta: Meta,
    pub outline: Outline,
    pub sections: Sections,
    pub metrics: Vec<Metric>,
    pub tables: Vec<StandardTable>,
    pub findings: Vec<Finding>,
}

impl Summary {
    /// Assembles the summary.
    pub(crate) fn build(p: Parts) -> Summary {
        let stats = Stats::of(p.lines, p.chars, &p.outline, &p.sections, &p.metrics, &p.findings);
        Summary {
            schema_version: SCHEMA_VERSION,
            source: p.source,
            kind: p.kind,
            kind_basis: p.kind_basis,
            meta: p.meta,
            outline: OutlineNode::tree(p.outline),
            sections: p.sections.parts,
            metrics: p.metrics,
            tables: p.tables,
            findings: p.findings,
            stats,
        }
    }
}

impl Stats {
    fn of(lines: &[Line], chars: usize, outline: &Outline, sections: &Sections, metrics: &[Metric], findings: &[Finding]) -> Stats {
        let count_lines = |k: LineKind| lines.iter().filter(|l| l.kind == k).count();
        let prose_chars: usize = lines.iter().filter(|l| l.kind == LineKind::Text).map(|l| l.end - l.start).sum();
        let per_1000 = if prose_chars == 0 { 0.0 } else { (metrics.len() as f64 * 1000.0 / prose_chars as f64 * 100.0).round() / 100.0 };
        let parts = |s: Status| sections.parts.iter().filter(|p| p.status == s).count();
        let severity = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        Stats {
            chars,
            lines: lines.len(),
            paragraphs: count_lines(LineKind::Text),
            chrome_lines: count_lines(LineKind::Chrome),
            meta_lines: count_lines(LineKind::Meta),
            headings: outline.headings.len(),
            metrics: metrics.len(),
            metrics_per_1000_chars: per_1000,
            parts_present: parts(Status::Present),
            parts_partial: parts(Status::Partial),
            parts_missing: parts(Status::Missing),
            parts_in_order: sections.in_order,
            errors: severity(Severity::Error),
            warnings: severity(Severity::Warning),
            infos: severity(Severity::Info),
        }
    }
}

/// An empty JSON list: built without the kind that has tables, `tables` is always empty,
/// and writing it so keeps the tables' serialisation out of the web app.
#[cfg(not(feature = "disclosure"))]
fn empty_list<S: serde::Serializer>(_: &[StandardTable], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    s.serialize_seq(Some(0))?.end()
}

pub use crate::numerals::as_integer;

impl Summary {
    /// The part `id`, if the report's kind requires it.
    pub fn part(&self, id: crate::kinds::PartId) -> Option<&Part> {
        self.sections.iter().find(|p| p.id == id)
    }

    /// The worst severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).min()
    }

    /// The compact JSON, one line: what the CLI prints and the browser downloads (each
    /// followed by a newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The indented JSON (`report-cli analyze --pretty`).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
