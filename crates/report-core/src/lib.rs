//! # report-core
//!
//! The analysis behind Report Lens: reads a Chinese government annual report and finds its
//! frame (title, issuer, level, year, dates), its structure, the figures it claims and
//! which of the parts its rule requires are missing. Pure Rust, no web dependencies: the
//! browser app and the CLI call the same [`analyze`] and print the same [`Summary`].
//!
//! ## The pipeline
//!
//! One module per stage; each stage reads the output of the stages before it and nothing
//! later:
//!
//! ```text
//! bytes ─ input ─ decode ─ normalize ─ lines ─ tables ─ frame ─ kind ─ outline ─ sections ─ grids ─ metrics ─ findings ─ summary
//!                                        │                                                                │
//!                                  (markers: tokens)                                         (compare, export,
//!                                                                                              messages: readers
//!                                                                                              of the Summary)
//! ```
//!
//! - [`input`]: what a file is (text, .docx, saved page, or refused) and its text;
//! - [`decode`]: bytes to text (UTF-8/16, GB18030, Big5);
//! - `normalize`: the folded text used for matching (Traditional → Simplified, full-width →
//!   half-width), one char per original char;
//! - `lines`: the lines, what each is (prose, metadata, page chrome) and its tokens — the
//!   heading marker a prose line starts with, the entries of a metadata block in any of the
//!   layouts portals print (`key: value`, `[ key ] value`, `| key | value |`, a label and its
//!   value on two lines);
//! - `tables`: the tables as cells — a Word document's or a page's as the input read them
//!   (rows, columns, spans), and those pasted as text recovered from their rows (`|`, tabs,
//!   one cell per line);
//! - `frame`: title, issuer, level, year, dates — each with where it was read — the frame
//!   lines and where the body ends; a reviewer's corrections replace fields here
//!   ([`analyze_input_corrected`]);
//! - [`kinds`]: the report's kind (its parts, deadline and checks are data);
//! - `outline`: the headings of the body, as a tree, built once;
//! - `sections`: the parts the kind requires;
//! - [`grids`]: the kind's standard tables read onto its form's grid by their labels
//!   ([`forms`] holds the forms as data);
//! - `metrics`: the figures, each placed in its part and under its heading;
//! - `findings`: the kind's checks;
//! - [`summary`]: the public contract, assembled.
//!
//! Shared vocabulary sits below every stage: `chars` (word lookups), `numerals` (Chinese
//! numbers), `markers` (the heading tokenizer), `levels` (levels of government: the frame
//! reads them, the kinds' deadlines depend on them). No stage imports a later one: the frame
//! is handed the kinds' test for a next-year-plan heading by the pipeline. [`compare`], [`export`] and [`messages`]
//! read summaries; no stage reads them.
//!
//! Every position in the output is a char index into the decoded text (the text the user
//! sees); normalisation is for matching only.
//!
//! ```
//! use report_core::{analyze_text, kinds::PartId, sections::Status};
//! let report = "某某镇2024年法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n全年开展法治讲座12场，发放资料3000余份。\n二、存在的不足和原因\n……。";
//! let summary = analyze_text(report, Some("report.txt"));
//! assert_eq!(summary.meta.issuer.as_deref(), Some("某某镇"));
//! assert_eq!(summary.metrics.len(), 2);
//! assert_eq!(summary.part(PartId::Measures).unwrap().status, Status::Present);
//! assert_eq!(summary.part(PartId::FirstResponsible).unwrap().status, Status::Missing);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chars;
pub mod compare;
pub mod decode;
mod document;
pub mod export;
pub mod findings;
pub mod forms;
pub mod frame;
pub mod grids;
pub mod input;
pub mod kinds;
mod levels;
pub mod lines;
mod markers;
pub mod messages;
pub mod metrics;
mod names;
mod normalize;
mod numerals;
mod outline;
pub mod sections;
pub mod summary;
mod tables;

pub use decode::tables::TablesError;
pub use input::{InputError, ZipError};
pub use summary::{Summary, SCHEMA_VERSION};

use decode::Encoding;
use document::Document;
use frame::{Corrections, Frame};
use input::Extracted;
use kinds::{KindBasis, KindId, ReportKind};
use outline::Outline;
use sections::Sections;
use summary::{Format, Source};
use tables::Tables;

/// Builds the lookup tables the stages share (character folding, word lists) now rather
/// than during the first analysis. Optional: everything works without it.
pub fn warm_up() {
    let _ = analyze_text("一、主要举措和成效\n发放资料3000余份。\n二、存在的不足和原因\n", None);
}

/// What the caller may decide instead of the analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Read the report as this kind, whatever its title says.
    pub kind: Option<KindId>,
}

/// Analyses a report given as bytes of text in any supported encoding. `name` is the file
/// name (no directory) or `None` for pasted text.
pub fn analyze(bytes: &[u8], name: Option<&str>) -> Summary {
    run(input::extract_text(bytes), bytes.len(), name, Options::default(), &Corrections::default()).summary
}

/// Analyses text that is already decoded (a paste). Its source is reported as UTF-8.
pub fn analyze_text(text: &str, name: Option<&str>) -> Summary {
    let extracted =
        Extracted { text: text.to_string(), tables: Vec::new(), format: Format::Text, encoding: Encoding::Utf8, undecodable_bytes: 0 };
    run(extracted, text.len(), name, Options::default(), &Corrections::default()).summary
}

/// The summary together with what a viewer of the text needs: the decoded text and its
/// lines with their kinds (prose, metadata, page chrome).
pub struct Analysis {
    /// The summary.
    pub summary: Summary,
    /// The text analysed (every span points into it).
    pub text: String,
    /// Its lines.
    pub lines: Vec<lines::Line>,
    /// Its tables as cells (a Word document's or a page's, and those recovered from pasted
    /// rows), for a kind with standard tables (none for the others).
    pub tables: Vec<input::table::Table>,
}

/// Like [`analyze`], keeping the decoded text and its lines.
pub fn analyze_full(bytes: &[u8], name: Option<&str>) -> Analysis {
    run(input::extract_text(bytes), bytes.len(), name, Options::default(), &Corrections::default())
}

/// The front door: any file a reviewer may give — text in any supported encoding, a Word
/// document, a saved web page — or the reason it cannot be read (images, PDF, .doc, other
/// zips, empty files). `name` also tells a `.html` file without a doctype.
pub fn analyze_input(bytes: &[u8], name: Option<&str>) -> Result<Analysis, InputError> {
    analyze_input_with(bytes, name, Options::default())
}

/// [`analyze_input`] with the caller's choices (a kind chosen by hand).
pub fn analyze_input_with(bytes: &[u8], name: Option<&str>, options: Options) -> Result<Analysis, InputError> {
    Ok(run(input::extract(bytes, name)?, bytes.len(), name, options, &Corrections::default()))
}

/// [`analyze_input_with`] with a reviewer's corrections of the frame (issuer, level, report
/// year, publication date): they replace what was read right after the frame, so the
/// kind's checks (the deadline) and the comparison use them, and `meta.corrected` says
/// which fields were corrected and what was read (see docs/summary.md).
pub fn analyze_input_corrected(
    bytes: &[u8],
    name: Option<&str>,
    options: Options,
    corrections: &Corrections,
) -> Result<Analysis, InputError> {
    Ok(run(input::extract(bytes, name)?, bytes.len(), name, options, corrections))
}

/// [`analyze_input_with`] for a file read from `reader` to its end (`size_hint`: its length
/// if known, else 0). Plain UTF-8 text, most reports, is checked as it is read, so the
/// file's bytes are never held whole beside their text (a 20 MB file costs 20 MB less);
/// every other input is read whole and analysed exactly as [`analyze_input_with`] does.
pub fn analyze_reader_with(
    reader: &mut impl std::io::Read,
    size_hint: usize,
    name: Option<&str>,
    options: Options,
) -> std::io::Result<Result<Analysis, InputError>> {
    let read = input::stream::extract_from(reader, size_hint, name)?;
    Ok(read.extracted.map(|extracted| run(extracted, read.bytes, name, options, &Corrections::default())))
}

/// [`analyze_reader_with`] for a caller that wants the summary only (the CLI): plain UTF-8
/// text is folded chunk by chunk as it is read and never held whole, and any other input's
/// decoded text is freed as soon as it is folded — a 20 MB report's text is 20 MB that the
/// system would otherwise zero for it, and one pass over it fewer.
pub fn summarize_reader_with(
    reader: &mut impl std::io::Read,
    size_hint: usize,
    name: Option<&str>,
    options: Options,
) -> std::io::Result<Result<Summary, InputError>> {
    Ok(match input::stream::fold_from(reader, size_hint, name)? {
        input::stream::Folded::Text { folded, bytes } => {
            let none =
                Extracted { text: String::new(), tables: Vec::new(), format: Format::Text, encoding: Encoding::Utf8, undecodable_bytes: 0 };
            Ok(analyse(Document::from_folded(folded), none, bytes, name, options, &Corrections::default()).summary)
        }
        input::stream::Folded::Other(read) => {
            read.extracted.map(|extracted| run_with(extracted, read.bytes, name, options, &Corrections::default(), KeepText::No).summary)
        }
    })
}

/// Whether [`run_with`] returns the decoded text in its [`Analysis`] or frees it early.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeepText {
    Yes,
    /// The text is freed once folded; the analysis's `text` is empty and must not be
    /// returned to a caller.
    No,
}

/// The first [`kinds::OPENING_CHARS`] chars of the prose lines, folded, spaces removed: what
/// tells a report's kind when no title does.
fn opening(doc: &Document) -> String {
    let mut out = String::new();
    let mut n = 0;
    for line in doc.text_lines() {
        for &c in &doc.folded[line.start..line.end] {
            if !c.is_whitespace() && c != normalize::IGNORABLE {
                out.push(c);
                n += 1;
            }
        }
        if n >= kinds::OPENING_CHARS {
            break;
        }
    }
    out
}

/// The pipeline, one stage after another.
fn run(extracted: Extracted, bytes: usize, name: Option<&str>, options: Options, corrections: &Corrections) -> Analysis {
    run_with(extracted, bytes, name, options, corrections, KeepText::Yes)
}

/// [`run`], keeping the text or not (see [`KeepText`]).
fn run_with(
    extracted: Extracted,
    bytes: usize,
    name: Option<&str>,
    options: Options,
    corrections: &Corrections,
    keep: KeepText,
) -> Analysis {
    let doc = Document::new(&extracted.text);
    let mut extracted = extracted;
    // Every stage reads the document, none the text (the original chars are in it).
    if keep == KeepText::No {
        extracted.text = String::new();
    }
    analyse(doc, extracted, bytes, name, options, corrections)
}

/// The stages after the document: `extracted` gives what was read (its text is returned in
/// the analysis as it is, empty when the caller does not keep it).
fn analyse(doc: Document, extracted: Extracted, bytes: usize, name: Option<&str>, options: Options, corrections: &Corrections) -> Analysis {
    let Extracted { text, tables, format, encoding, undecodable_bytes } = extracted;
    let mut frame = Frame::read(&doc, ReportKind::names_only_a_plan);
    frame.meta.correct(corrections);
    let (kind, kind_basis) = match options.kind {
        Some(id) => (ReportKind::get(id), KindBasis::Chosen),
        None => match frame.meta.title.as_deref().map(normalize::fold_str).and_then(|t| ReportKind::named_by(&t)) {
            Some(kind) => (kind, KindBasis::Recognised),
            None => match ReportKind::named_by_text(&opening(&doc)) {
                Some(kind) => (kind, KindBasis::Recognised),
                None => (ReportKind::default_kind(), KindBasis::Assumed),
            },
        },
    };
    // Tables are read only for a kind that has them (see the `disclosure` feature): the
    // search for tables flattened into lines is not spent on the other kinds.
    let tables = if cfg!(feature = "disclosure") && kind.standard_tables { Tables::find(&doc, tables) } else { Tables::default() };
    // A kind whose tables are read as tables: their rows are neither headings nor parts.
    let table_lines: &[usize] = if kind.standard_tables { &tables.lines } else { &[] };
    let outline = Outline::build(&doc, frame.body_end, table_lines);
    let sections = Sections::find(&doc, &outline, &frame, kind, table_lines);
    let grids =
        if cfg!(feature = "disclosure") && kind.standard_tables { grids::read(&doc, &tables, frame.meta.report_year) } else { Vec::new() };
    let metrics = metrics::extract(&doc, &frame, &outline, &sections);
    let findings = findings::find(&findings::Inputs {
        doc: &doc,
        kind,
        frame: &frame,
        outline: &outline,
        sections: &sections,
        metrics: &metrics,
        grids: &grids,
        undecodable_bytes,
        encoding,
    });
    let source = Source { name: name.map(str::to_string), bytes, chars: doc.char_count(), format, encoding, undecodable_bytes };
    // The folded chars (4 bytes a char: 28 MB for a 20 MB report) are freed before the
    // summary is assembled, so that its tree reuses their memory rather than new memory.
    let chars = doc.char_count();
    let lines = doc.into_lines();
    let summary = Summary::build(summary::Parts {
        source,
        kind: kind.id,
        kind_basis,
        lines: &lines,
        chars,
        meta: frame.meta,
        outline,
        sections,
        metrics,
        tables: grids,
        findings,
    });
    Analysis { summary, text, lines, tables: tables.tables }
}
