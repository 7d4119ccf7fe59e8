//! Stage 8 — the summary: the serde type that the app renders, the CLI prints and the
//! browser downloads. Its JSON is a public contract, documented field by field in
//! `docs/summary.md` and `docs/summary.schema.json`; bump [`SCHEMA_VERSION`] when the
//! meaning of a field changes.

use crate::findings::{Finding, Severity};
use crate::meta::issuer::Level;
use crate::meta::Script;
use crate::metrics::number::Approx;
use crate::sections::{PartId, Status};
use serde::{Deserialize, Serialize, Serializer};

/// The version of the JSON contract.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub schema_version: u32,
    pub source: Source,
    pub meta: MetaJson,
    pub outline: Vec<OutlineNode>,
    pub sections: Vec<SectionJson>,
    pub metrics: Vec<MetricJson>,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The file name (no directory), or null for pasted text.
    pub name: Option<String>,
    pub bytes: usize,
    pub chars: usize,
    /// What the file was: `text`, `docx` or `html` (the text analysed is what was read
    /// from it; spans point into that text).
    pub format: String,
    pub encoding: String,
    pub undecodable_bytes: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetaJson {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub level: Level,
    pub report_year: Option<i32>,
    pub publish_date: Option<String>,
    pub signed_date: Option<String>,
    pub doc_number: Option<String>,
    pub recipients: Vec<String>,
    pub signatories: Vec<String>,
    pub script: Script,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutlineNode {
    pub level: u8,
    pub marker: String,
    pub number: u32,
    pub title: String,
    pub line: usize,
    pub span: [usize; 2],
    pub children: Vec<OutlineNode>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionJson {
    pub id: PartId,
    pub name: String,
    pub status: Status,
    pub heading: Option<String>,
    pub line: Option<usize>,
    /// The part: from its heading to the next heading of the same or a higher level.
    pub span: Option<[usize; 2]>,
    /// The heading alone.
    pub heading_span: Option<[usize; 2]>,
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricJson {
    /// The number; integral values are written without a fraction (`30000`, not `30000.0`).
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub approx: Approx,
    pub unit: String,
    pub what: Option<String>,
    pub text: String,
    pub line: usize,
    pub span: [usize; 2],
    /// The required part the figure is in, or null (introduction, topical sections).
    pub section: Option<PartId>,
    /// The innermost heading the figure is under (marker and title), or null.
    pub heading: Option<String>,
}

/// Integral values as integers; others as JSON numbers; non-finite (impossible from the
/// grammar, but never panic) as null.
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if let Some(i) = as_integer(*v) {
        s.serialize_i64(i)
    } else if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}

/// `v` as an integer when it is one that a double holds exactly (the JSON and the CSV
/// write such values without a fraction).
pub fn as_integer(v: f64) -> Option<i64> {
    (v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15).then_some(v as i64)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub chars: usize,
    pub lines: usize,
    /// Lines of prose (a report's paragraphs).
    pub paragraphs: usize,
    /// Lines of web-page furniture, shown greyed and not analysed.
    pub chrome_lines: usize,
    /// `key: value` metadata lines.
    pub meta_lines: usize,
    pub headings: usize,
    pub metrics: usize,
    /// Figures per 1,000 characters of prose.
    pub metrics_per_1000_chars: f64,
    pub parts_present: usize,
    pub parts_partial: usize,
    pub parts_missing: usize,
    /// Whether the parts present follow the rule's order.
    pub parts_in_order: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// The worst severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).min()
    }

    /// The compact JSON, one line: what the CLI prints and the browser downloads (each
    /// followed by a newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
