//! # report-core
//!
//! The analysis behind Report Lens: reads an annual 法治政府建设年度报告 and finds its
//! structure, the figures it claims and which of the five parts the rule requires are
//! missing. Pure Rust, no web dependencies: the browser app and the CLI call the same
//! [`analyze`] and print the same [`Summary`].
//!
//! The pipeline, one module per stage, each testable alone:
//!
//! ```text
//! bytes ─ decode ─ normalize ─ lines ─ outline ─┬─ meta ────┐
//!                                               ├─ sections ├─ findings ─ summary
//!                                               └─ metrics ─┘
//! ```
//!
//! Every position in the output is a char index into the decoded text (the text the user
//! sees); normalisation is for matching only.
//!
//! ```
//! let report = "某某镇2024年法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n全年开展法治讲座12场，发放资料3000余份。\n二、存在的不足和原因\n……。";
//! let summary = report_core::analyze_text(report, Some("report.txt"));
//! assert_eq!(summary.meta.issuer.as_deref(), Some("某某镇"));
//! assert_eq!(summary.metrics.len(), 2);
//! assert_eq!(summary.sections[0].status, report_core::sections::Status::Present);
//! assert_eq!(summary.sections[2].status, report_core::sections::Status::Missing);
//! ```

pub mod chars;
pub mod compare;
pub mod decode;
pub mod document;
pub mod export;
pub mod findings;
pub mod input;
pub mod lines;
pub mod meta;
pub mod metrics;
pub mod normalize;
pub mod numerals;
pub mod outline;
pub mod sections;
pub mod summary;

pub use summary::{Summary, SCHEMA_VERSION};

use document::Document;
use lines::LineKind;
use meta::Meta;
use outline::Outline;
use sections::{PartId, Sections};
use summary::{MetaJson, MetricJson, OutlineNode, SectionJson, Source, Stats};

/// Builds the lookup tables the stages share (character folding, word lists) now rather
/// than during the first analysis. Optional: everything works without it.
pub fn warm_up() {
    let _ = analyze_text("一、主要举措和成效\n发放资料3000余份。\n二、存在的不足和原因\n", None);
}

/// Analyses a report given as bytes in any supported encoding. `name` is the file name
/// (no directory) or `None` for pasted text.
pub fn analyze(bytes: &[u8], name: Option<&str>) -> Summary {
    analyze_full(bytes, name).summary
}

/// Analyses text that is already decoded (a paste). Its source is reported as UTF-8.
pub fn analyze_text(text: &str, name: Option<&str>) -> Summary {
    let source = Source {
        name: name.map(str::to_string),
        bytes: text.len(),
        chars: 0,
        format: "text".into(),
        encoding: "UTF-8".into(),
        undecodable_bytes: 0,
    };
    analyze_decoded(text, source).0
}

/// The summary together with what a viewer of the text needs: the decoded text and its
/// lines with their kinds (prose, metadata, page chrome).
pub struct Analysis {
    pub summary: Summary,
    pub text: String,
    pub lines: Vec<lines::Line>,
}

/// Like [`analyze`], keeping the decoded text and its lines.
pub fn analyze_full(bytes: &[u8], name: Option<&str>) -> Analysis {
    let decoded = decode::decode(bytes);
    analyze_extracted(decoded.text, bytes.len(), name, "text", decoded.encoding.name(), decoded.undecodable_bytes)
}

/// Why an input could not be analysed.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub kind: input::InputKind,
    /// What was wrong inside a file of a readable kind (a damaged .docx).
    pub detail: Option<String>,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.detail {
            Some(d) => write!(f, "{}: {d}", self.kind.name()),
            None => write!(f, "{} (save it as .docx or .txt)", self.kind.name()),
        }
    }
}

/// The front door: any file a reviewer may give — text in any supported encoding, a Word
/// document, a saved web page — or the reason it cannot be read (images, PDF, .doc, other
/// zips, empty files). `name` also tells a `.html` file without a doctype.
pub fn analyze_input(bytes: &[u8], name: Option<&str>) -> Result<Analysis, InputError> {
    use input::InputKind;
    let mut kind = input::sniff(bytes);
    let html_name = name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        n.ends_with(".html") || n.ends_with(".htm")
    });
    if kind == InputKind::Text && html_name {
        kind = InputKind::Html;
    }
    match kind {
        InputKind::Text => Ok(analyze_full(bytes, name)),
        InputKind::Html => {
            let (text, encoding, undecodable) = input::html::extract(bytes);
            Ok(analyze_extracted(text, bytes.len(), name, "html", encoding.name(), undecodable))
        }
        InputKind::Docx => match input::docx::extract(bytes) {
            Ok(text) if text.trim().is_empty() => Err(InputError { kind: InputKind::Empty, detail: None }),
            Ok(text) => Ok(analyze_extracted(text, bytes.len(), name, "docx", "UTF-8", 0)),
            Err(detail) => Err(InputError { kind, detail: Some(detail) }),
        },
        other => Err(InputError { kind: other, detail: None }),
    }
}

fn analyze_extracted(text: String, bytes: usize, name: Option<&str>, format: &str, encoding: &str, undecodable_bytes: usize) -> Analysis {
    let source = Source {
        name: name.map(str::to_string),
        bytes,
        chars: 0,
        format: format.to_string(),
        encoding: encoding.to_string(),
        undecodable_bytes,
    };
    let (summary, lines) = analyze_decoded(&text, source);
    Analysis { summary, text, lines }
}

fn analyze_decoded(text: &str, mut source: Source) -> (Summary, Vec<lines::Line>) {
    let doc = Document::new(text);
    source.chars = doc.original.len();
    let first_pass = Outline::build(&doc);
    let meta = Meta::read(&doc, &first_pass);
    // Headings end where the signature starts.
    let outline = if meta.body_end < doc.original.len() { Outline::build_until(&doc, meta.body_end) } else { first_pass };
    let sections = Sections::find(&doc, &outline, &meta);
    let metrics = metrics::extract(&doc, &prose_ranges(&doc, &outline, &meta));
    let metric_parts: Vec<Option<PartId>> = metrics.iter().map(|m| sections.part_at(m.span.0)).collect();
    let findings = findings::find(&findings::Inputs {
        doc: &doc,
        outline: &outline,
        meta: &meta,
        sections: &sections,
        metrics: &metrics,
        metric_parts: &metric_parts,
        undecodable_bytes: source.undecodable_bytes,
        encoding: &source.encoding,
    });

    let stats = stats(&doc, &outline, &sections, &metrics, &findings);
    let summary = Summary {
        schema_version: SCHEMA_VERSION,
        source,
        meta: meta_json(&meta),
        outline: outline_json(&outline),
        sections: sections
            .parts
            .iter()
            .map(|p| SectionJson {
                id: p.id,
                name: p.id.name().to_string(),
                status: p.status,
                heading: p.heading.clone(),
                line: p.line,
                span: p.span.map(|(s, e)| [s, e]),
                heading_span: p.heading_span.map(|(s, e)| [s, e]),
                reason: p.reason.clone(),
            })
            .collect(),
        metrics: metrics
            .iter()
            .zip(&metric_parts)
            .map(|(m, &part)| MetricJson {
                value: m.value,
                approx: m.approx,
                unit: m.unit.clone(),
                what: m.what.clone(),
                text: m.text.clone(),
                line: m.line,
                span: [m.span.0, m.span.1],
                section: part,
                heading: outline.innermost_at(m.span.0).map(|i| doc.original_str(outline.headings[i].span.0, outline.headings[i].span.1)),
            })
            .collect(),
        findings,
        stats,
    };
    (summary, doc.lines)
}

/// The prose to scan for figures: text lines of the body, without the frame (title,
/// addressee, signature) and without heading markers.
fn prose_ranges(doc: &Document, outline: &Outline, meta: &Meta) -> Vec<metrics::ScanRange> {
    let mut marker_end = outline.headings.iter().map(|h| (h.line, h.span.0 + h.marker.chars().count())).peekable();
    let mut out = Vec::new();
    for l in doc.lines.iter().filter(|l| l.kind == LineKind::Text && l.start < meta.body_end && !meta.frame_lines.contains(&l.number)) {
        while marker_end.peek().is_some_and(|&(line, _)| line < l.number) {
            marker_end.next();
        }
        let start = match marker_end.peek() {
            Some(&(line, end)) if line == l.number => end,
            _ => l.start,
        };
        out.push((l.number, start, l.end));
    }
    out
}

fn meta_json(m: &Meta) -> MetaJson {
    MetaJson {
        title: m.title.clone(),
        issuer: m.issuer.clone(),
        level: m.level,
        report_year: m.report_year,
        publish_date: m.publish_date.map(|d| d.to_string()),
        signed_date: m.signed_date.map(|d| d.to_string()),
        doc_number: m.doc_number.clone(),
        recipients: m.recipients.clone(),
        signatories: m.signatories.clone(),
        script: m.script,
    }
}

/// The flat heading list as a tree (depth is bounded by the six marker levels).
fn outline_json(outline: &Outline) -> Vec<OutlineNode> {
    fn node(outline: &Outline, i: usize) -> OutlineNode {
        let h = &outline.headings[i];
        OutlineNode {
            level: h.level,
            marker: h.marker.clone(),
            number: h.number,
            title: h.title.clone(),
            line: h.line,
            span: [h.span.0, h.span.1],
            children: outline.children(i).map(|c| node(outline, c)).collect(),
        }
    }
    outline.roots().map(|r| node(outline, r)).collect()
}

fn stats(doc: &Document, outline: &Outline, sections: &Sections, metrics: &[metrics::Metric], findings: &[findings::Finding]) -> Stats {
    use findings::Severity;
    use sections::Status;
    let count_lines = |k: LineKind| doc.lines.iter().filter(|l| l.kind == k).count();
    let prose_chars: usize = doc.lines.iter().filter(|l| l.kind == LineKind::Text).map(|l| l.end - l.start).sum();
    let per_1000 = if prose_chars == 0 { 0.0 } else { (metrics.len() as f64 * 1000.0 / prose_chars as f64 * 100.0).round() / 100.0 };
    let parts = |s: Status| sections.parts.iter().filter(|p| p.status == s).count();
    let severity = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    Stats {
        chars: doc.original.len(),
        lines: doc.lines.len(),
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
