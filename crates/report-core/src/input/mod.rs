//! Stage 0 — what kind of file was given, and its text. Plain text goes on to `decode`;
//! Word files ([`docx`]) and saved web pages ([`html`]) are read for their text; images,
//! PDFs, legacy Office files, other zips, executables and empty files are refused with a
//! reason, so that the app and the CLI say clearly what they cannot read.
//!
//! ```
//! use report_core::input::{sniff, InputKind};
//! assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), InputKind::Png);
//! assert_eq!(sniff("一、主要举措".as_bytes()), InputKind::Text);
//! assert_eq!(sniff(b"   \n"), InputKind::Empty);
//! ```

pub(crate) mod docx;
mod error;
pub(crate) mod html;
pub(crate) mod stream;
pub mod table;
pub(crate) mod xml;
pub(crate) mod zip;

use crate::decode::Encoding;
pub use error::{InputError, ZipError};
use serde::Serialize;

/// What kind of file the text was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text (or a paste).
    Text,
    /// A Word document.
    Docx,
    /// A saved web page.
    Html,
}

crate::names::read_by_name!(Format { Text => "text", Docx => "docx", Html => "html" });

/// What kind of file an input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Text in a supported encoding.
    Text,
    /// Nothing but white space.
    Empty,
    /// A PNG image (a scan or a screenshot).
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A PDF.
    Pdf,
    /// A zip archive that is not a Word document.
    Zip,
    /// A Word document (.docx).
    Docx,
    /// A saved web page.
    Html,
    /// A legacy Office file (.doc, .xls): OLE compound document.
    OleDocument,
    /// Anything else that is not text.
    Binary,
}

crate::names::read_by_name!(InputKind { Text => "text", Empty => "empty", Png => "png", Jpeg => "jpeg", Gif => "gif", Pdf => "pdf", Zip => "zip", Docx => "docx", Html => "html", OleDocument => "ole_document", Binary => "binary" });

impl InputKind {
    /// A short English name of the kind, for messages.
    pub fn name(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Empty => "empty file",
            InputKind::Png => "PNG image",
            InputKind::Jpeg => "JPEG image",
            InputKind::Gif => "GIF image",
            InputKind::Pdf => "PDF",
            InputKind::Zip => "zip archive",
            InputKind::Docx => "Word document",
            InputKind::Html => "web page",
            InputKind::OleDocument => "legacy Office document (.doc/.xls)",
            InputKind::Binary => "binary file",
        }
    }
}

/// Whether reading `bytes` needs the GB18030/Big5 tables that are not installed yet (the
/// web app fetches them first): legacy-encoded text, or a page declaring such a charset.
pub fn needs_tables(bytes: &[u8]) -> bool {
    if crate::decode::tables::installed() {
        return false;
    }
    if html::looks_like_html(bytes) {
        return matches!(html::declared_encoding(bytes), Some(crate::decode::Encoding::Gb18030 | crate::decode::Encoding::Big5))
            || crate::decode::needs_tables(bytes);
    }
    !matches!(bytes, [b'P', b'K', ..]) && crate::decode::needs_tables(bytes)
}

/// The text read from an input, and what the input was.
pub(crate) struct Extracted {
    pub text: String,
    /// The real tables of a Word document or a saved page (none for text).
    pub tables: Vec<table::Table>,
    pub format: Format,
    pub encoding: Encoding,
    pub undecodable_bytes: usize,
}

/// Reads the text of any input a reviewer may give, or says why it cannot be read. `name`
/// also tells a `.html` file without a doctype.
pub(crate) fn extract(bytes: &[u8], name: Option<&str>) -> Result<Extracted, InputError> {
    let mut kind = sniff(bytes);
    let html_name = name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        n.ends_with(".html") || n.ends_with(".htm")
    });
    if kind == InputKind::Text && html_name {
        kind = InputKind::Html;
    }
    match kind {
        InputKind::Text => Ok(extract_text(bytes)),
        InputKind::Html => {
            let (text, tables, encoding, undecodable_bytes) = html::extract_with_tables(bytes);
            Ok(Extracted { text, tables, format: Format::Html, encoding, undecodable_bytes })
        }
        InputKind::Docx => match docx::extract_with_tables(bytes) {
            Ok((text, _)) if text.trim().is_empty() => Err(InputError { kind: InputKind::Empty, detail: None }),
            Ok((text, tables)) => Ok(Extracted { text, tables, format: Format::Docx, encoding: Encoding::Utf8, undecodable_bytes: 0 }),
            Err(detail) => Err(InputError { kind, detail: Some(detail) }),
        },
        other => Err(InputError { kind: other, detail: None }),
    }
}

/// Plain text in any supported encoding.
pub(crate) fn extract_text(bytes: &[u8]) -> Extracted {
    let decoded = crate::decode::decode(bytes);
    Extracted {
        text: decoded.text,
        tables: Vec::new(),
        format: Format::Text,
        encoding: decoded.encoding,
        undecodable_bytes: decoded.undecodable_bytes,
    }
}

/// Bytes the sniffer looks at.
const SAMPLE: usize = 8 * 1024;

/// Tells what `bytes` are.
pub fn sniff(bytes: &[u8]) -> InputKind {
    match bytes {
        [0x89, b'P', b'N', b'G', ..] => return InputKind::Png,
        [0xFF, 0xD8, 0xFF, ..] => return InputKind::Jpeg,
        [b'G', b'I', b'F', b'8', ..] => return InputKind::Gif,
        [b'%', b'P', b'D', b'F', ..] => return InputKind::Pdf,
        [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] => {
            let is_docx = zip::Archive::open(bytes).is_ok_and(|a| a.contains("word/document.xml"));
            return if is_docx { InputKind::Docx } else { InputKind::Zip };
        }
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => return InputKind::OleDocument,
        _ => {}
    }
    if html::looks_like_html(bytes) {
        return InputKind::Html;
    }
    let mut end = bytes.len().min(SAMPLE);
    // Do not cut a multi-byte sequence in two at the sample's end.
    while end < bytes.len() && end > 0 && (bytes[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    let decoded = crate::decode::decode(&bytes[..end]);
    let mut chars = 0usize;
    let mut bad = 0usize;
    let mut visible = 0usize;
    for c in decoded.text.chars() {
        chars += 1;
        match c {
            '\t' | '\n' | '\r' | '\u{c}' => {}
            '\u{0}'..='\u{1F}' | '\u{7F}' | '\u{FFFD}' => bad += 1,
            c if c.is_whitespace() || c == crate::normalize::IGNORABLE => {}
            _ => visible += 1,
        }
    }
    if visible == 0 && bad == 0 {
        return InputKind::Empty;
    }
    // A few stray control bytes happen in real text; a tenth of them is not text.
    if bad * 10 > chars {
        return InputKind::Binary;
    }
    InputKind::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers() {
        assert_eq!(sniff(b"%PDF-1.7\n"), InputKind::Pdf);
        assert_eq!(sniff(b"PK\x03\x04rest"), InputKind::Zip);
        assert_eq!(sniff(b"<!DOCTYPE html><html><body>x</body></html>"), InputKind::Html);
        assert_eq!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), InputKind::OleDocument);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), InputKind::Jpeg);
        assert_eq!(sniff(b"GIF89a"), InputKind::Gif);
    }

    #[test]
    fn text_in_any_encoding_is_text() {
        let text = "一、2024年度推进法治政府建设的主要举措和成效\n发放资料3000余份。\n";
        assert_eq!(sniff(text.as_bytes()), InputKind::Text);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(sniff(&gbk), InputKind::Text);
        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(sniff(&utf16), InputKind::Text);
    }

    fn document_xml(paragraphs: &[&str]) -> String {
        let body: String = paragraphs.iter().map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>")).collect();
        format!("<?xml version=\"1.0\"?><w:document><w:body>{body}</w:body></w:document>")
    }

    #[test]
    fn word_documents_are_read_and_damaged_ones_refused() {
        use zip::tests::stored_zip;
        let xml = document_xml(&["某镇2024年法治政府建设情况报告", "一、主要举措和成效", "全年发放资料3000余份。", "二、存在的不足和原因"]);
        let good = stored_zip(&[("word/document.xml", xml.as_bytes())]);
        assert_eq!(sniff(&good), InputKind::Docx);
        let a = crate::analyze_input(&good, Some("report.docx")).unwrap();
        assert_eq!(a.summary.source.format, Format::Docx);
        assert_eq!(a.summary.metrics.len(), 1);
        assert_eq!(a.summary.sections[1].status, crate::sections::Status::Present);

        let refused = |bytes: &[u8]| crate::analyze_input(bytes, Some("x.docx")).err().map(|e| e.kind);
        assert_eq!(refused(&stored_zip(&[("readme.txt", b"hello")])), Some(InputKind::Zip));
        assert!(matches!(refused(&good[..good.len() / 2]), Some(InputKind::Zip | InputKind::Docx | InputKind::Binary)));
        assert_eq!(refused(&stored_zip(&[("word/document.xml", document_xml(&[]).as_bytes())])), Some(InputKind::Empty));
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(sniff(b""), InputKind::Empty);
        assert_eq!(sniff("  \n\u{3000}\r\n".as_bytes()), InputKind::Empty);
        let binary: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
        assert_eq!(sniff(&binary), InputKind::Binary);
        assert_eq!(sniff(&[0u8; 100]), InputKind::Binary);
    }
}
