//! One analysed report: the input as given, its summary and text, and what the views
//! derive from it once (the text model, the comparison row); and the names of downloads.

pub use crate::analysis::protocol::{Reading, SummaryJson};
use crate::text_model::{line_spans, TextModel};
use report_core::compare::Row;
use report_core::InputError;
use report_core::Summary;
use std::rc::Rc;

/// One analysed report. Equal to another when it is the same analysis (same id, same
/// summary): a report never changes once made, and comparing texts of 24 MB on every
/// drawing would hold the page.
#[derive(Debug)]
pub struct Report {
    /// Unique within a session (keys of lists).
    pub id: u64,
    /// The file name, or none for pasted text.
    pub name: Option<String>,
    /// The input as given: kept to store it across a reload and to make the download equal
    /// to `report-cli analyze` of the same file.
    pub bytes: Rc<[u8]>,
    /// The decoded text, as displayed.
    pub text: Rc<str>,
    pub summary: SharedSummary,
    /// The summary's JSON as the analysis wrote it: what the downloads give, byte for byte
    /// `report-cli analyze` of the same file.
    pub json: SummaryJson,
    pub model: Rc<TextModel>,
    /// The report's line in the comparison (table, charts, sorting): made once here, as the
    /// summary never changes, rather than on every drawing of the comparison.
    pub comparison_row: Row,
}

/// A report's summary as the views share it: equal to another only when it is the same one.
/// A summary never changes once made, and comparing two by value (every figure's text) on
/// every drawing of every view that shows it held the page: a report drawn in stages is
/// drawn three times, and a huge one has 188,000 figures.
#[derive(Clone, Debug)]
pub struct SharedSummary(Rc<Summary>);

impl PartialEq for SharedSummary {
    fn eq(&self, other: &SharedSummary) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedSummary {
    type Target = Summary;
    fn deref(&self) -> &Summary {
        &self.0
    }
}

impl PartialEq for Report {
    fn eq(&self, other: &Report) -> bool {
        self.id == other.id && self.summary == other.summary
    }
}

impl Report {
    /// Analyses `bytes` (text, .docx or a saved web page); refuses what is not a report
    /// (images, PDFs, .doc, other zips, empty files) with the reason.
    pub fn analyze(id: u64, name: Option<String>, bytes: Vec<u8>) -> Result<Report, InputError> {
        Report::analyze_as(id, name, bytes, &Reading::default())
    }

    /// [`Report::analyze`], reading the report as `reading` says (a kind chosen by hand,
    /// the frame's corrections). In the page this work is the analysis worker's
    /// (`crate::analysis`); here it is for tests and native use.
    pub fn analyze_as(id: u64, name: Option<String>, bytes: Vec<u8>, reading: &Reading) -> Result<Report, InputError> {
        let options = report_core::Options { kind: reading.kind };
        let analysis = report_core::analyze_input_corrected(&bytes, name.as_deref(), options, &reading.corrections)?;
        let json = SummaryJson::Text(analysis.summary.to_json().into());
        let model = TextModel::build(&line_spans(&analysis.text, &analysis.lines), &analysis.summary);
        let row = Row::of(&analysis.summary);
        Ok(Report::of(id, name, bytes.into(), analysis.summary, json, analysis.text, model, row))
    }

    /// The report of an analysis: its summary and text as the worker sends them, and the
    /// views made of them (the page makes each in a task of its own: for a huge report
    /// each takes a while).
    #[allow(clippy::too_many_arguments)]
    pub fn of(
        id: u64,
        name: Option<String>,
        bytes: Rc<[u8]>,
        summary: Summary,
        json: SummaryJson,
        text: String,
        model: TextModel,
        comparison_row: Row,
    ) -> Report {
        Report { id, name, bytes, text: text.into(), summary: SharedSummary(Rc::new(summary)), json, model: Rc::new(model), comparison_row }
    }

    /// How the reviewer asked for this report to be read (kind chosen, corrections): what
    /// a new analysis of its input must be told to read it the same way.
    pub fn reading(&self) -> Reading {
        Reading::of(&self.summary)
    }

    /// The name of the report's JSON summary: `古镛镇人民政府-2024-summary.json`.
    pub fn summary_json_name(&self) -> String {
        format!("{}-summary.json", self.export_stem())
    }

    /// The name of the report's figures as CSV: `古镛镇人民政府-2024-figures.csv`. Not
    /// `-summary`: the reviewer filing both must tell them apart by name.
    pub fn figures_csv_name(&self) -> String {
        format!("{}-figures.csv", self.export_stem())
    }

    /// Issuer and year (or the file's name) with the characters file systems refuse replaced.
    fn export_stem(&self) -> String {
        let meta = &self.summary.meta;
        let stem = match (&meta.issuer, meta.report_year) {
            (Some(issuer), Some(year)) => format!("{issuer}-{year}"),
            (Some(issuer), None) => issuer.clone(),
            (None, _) => {
                self.name.as_deref().and_then(|n| n.rsplit_once('.').map(|(s, _)| s.to_string())).unwrap_or_else(|| "report".into())
            }
        };
        stem.chars()
            .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { '_' } else { c })
            .collect()
    }
}

/// The names of the comparison's downloads, each saying what the file holds.
pub mod comparison_export {
    /// The comparison table as CSV: one row per report, the columns shown.
    pub const TABLE_CSV: &str = "report-lens-comparison-table.csv";
    /// The comparison as JSON: every report's row.
    pub const JSON: &str = "report-lens-comparison.json";
    /// The figures of every report in the comparison, as CSV.
    pub const ALL_FIGURES_CSV: &str = "report-lens-all-figures.csv";
}
