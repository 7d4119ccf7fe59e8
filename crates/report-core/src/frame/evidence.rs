//! Where each frame field was read, and the reviewer's corrections of the frame.
//!
//! Every field of `meta` that the frame read carries its origin in `meta.evidence`: the
//! line (1-based) and the kind of place it was read from. A caller may correct issuer,
//! level, report year and publication date ([`Corrections`]); the corrections replace what
//! was read before any later stage runs, and `meta.corrected` keeps what was read.

use super::{Date, Level, Meta};
use serde::{Deserialize, Serialize};

/// The kind of place a frame field was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldSource {
    /// The title block (and the author line under it).
    Title,
    /// A portal's metadata block (`发布机构`, `发布日期` …).
    Metadata,
    /// A line directly under the title (`2025-03-06 09:30`, `来源:… 发布时间:…`).
    Byline,
    /// A signature block (organ names, then a date), at the end or under a cover letter.
    Signature,
    /// The body: its opening paragraph or the place it names most often.
    Body,
    /// A top-level heading (`一、2024年度推进法治政府建设的主要举措`).
    Heading,
    /// The caller's correction.
    Correction,
}

crate::names::read_by_name!(FieldSource { Title => "title", Metadata => "metadata", Byline => "byline", Signature => "signature", Body => "body", Heading => "heading", Correction => "correction" });

/// Where one field was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Origin {
    /// The kind of place.
    pub source: FieldSource,
    /// The line (1-based) it was read on; null for a correction.
    pub line: Option<usize>,
}

impl Origin {
    pub(crate) fn at(source: FieldSource, line: usize) -> Option<Origin> {
        Some(Origin { source, line: Some(line) })
    }
}

/// Where each frame field was read: null for a field that was not found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// Of `title`.
    pub title: Option<Origin>,
    /// Of `issuer`.
    pub issuer: Option<Origin>,
    /// Of `level` (the issuer's, since the level is read from its name).
    pub level: Option<Origin>,
    /// Of `report_year`.
    pub report_year: Option<Origin>,
    /// Of `publish_date`.
    pub publish_date: Option<Origin>,
    /// Of `signed_date`.
    pub signed_date: Option<Origin>,
    /// Of `doc_number`.
    pub doc_number: Option<Origin>,
}

/// What a reviewer corrected in the frame: each `Some` replaces what was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Corrections {
    /// The issuing organ.
    pub issuer: Option<String>,
    /// Its level of government.
    pub level: Option<Level>,
    /// The year reported on.
    pub report_year: Option<i32>,
    /// When the report was published.
    pub publish_date: Option<Date>,
}

impl Corrections {
    /// Whether nothing is corrected.
    pub fn is_empty(&self) -> bool {
        *self == Corrections::default()
    }
}

/// A field the caller corrected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CorrectedField {
    /// `meta.issuer`.
    Issuer,
    /// `meta.level`.
    Level,
    /// `meta.report_year`.
    ReportYear,
    /// `meta.publish_date`.
    PublishDate,
}

crate::names::read_by_name!(CorrectedField { Issuer => "issuer", Level => "level", ReportYear => "report_year", PublishDate => "publish_date" });

/// One corrected field and the value the analysis had read for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Correction {
    /// The field.
    pub field: CorrectedField,
    /// The value read, written as the field itself is (a string, an integer for the year,
    /// or null when nothing was read).
    pub read: serde_json::Value,
    /// Where it was read (null when nothing was read).
    pub read_at: Option<Origin>,
}

impl Meta {
    /// Replaces the fields `corrections` gives, noting in `corrected` what was read and in
    /// `evidence` that the value is the caller's.
    pub(crate) fn correct(&mut self, corrections: &Corrections) {
        let by_caller = Some(Origin { source: FieldSource::Correction, line: None });
        if let Some(issuer) = &corrections.issuer {
            self.corrected.push(Correction {
                field: CorrectedField::Issuer,
                read: serde_json::json!(self.issuer),
                read_at: self.evidence.issuer,
            });
            self.issuer = Some(issuer.clone());
            self.evidence.issuer = by_caller;
        }
        if let Some(level) = corrections.level {
            self.corrected.push(Correction {
                field: CorrectedField::Level,
                read: serde_json::json!(self.level),
                read_at: self.evidence.level,
            });
            self.level = level;
            self.evidence.level = by_caller;
        }
        if let Some(year) = corrections.report_year {
            self.corrected.push(Correction {
                field: CorrectedField::ReportYear,
                read: serde_json::json!(self.report_year),
                read_at: self.evidence.report_year,
            });
            self.report_year = Some(year);
            self.evidence.report_year = by_caller;
        }
        if let Some(date) = corrections.publish_date {
            self.corrected.push(Correction {
                field: CorrectedField::PublishDate,
                read: serde_json::json!(self.publish_date),
                read_at: self.evidence.publish_date,
            });
            self.publish_date = Some(date);
            self.evidence.publish_date = by_caller;
        }
    }
}
