//! Why an input cannot be analysed, and what is damaged inside a zip (a Word file). Both
//! implement [`std::error::Error`]; front ends choose their own words from the variants.

use super::InputKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why an input could not be analysed. Serde: the web app's analysis worker sends it to
/// the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// What the input was.
    pub kind: InputKind,
    /// What was wrong inside a file of a readable kind (a damaged .docx).
    pub detail: Option<ZipError>,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.detail {
            Some(d) => write!(f, "{}: {d}", self.kind.name()),
            None => write!(f, "{} (save it as .docx or .txt)", self.kind.name()),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.detail.as_ref().map(|d| d as &(dyn std::error::Error + 'static))
    }
}

/// What is wrong with a zip archive (a .docx is one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ZipError {
    /// No end-of-central-directory record: not a zip file.
    NotZip,
    /// The archive ends inside a record.
    Truncated,
    /// The central directory does not hold the records it announces.
    DamagedDirectory,
    /// A zip without `word/document.xml`.
    NotWordDocument,
    /// A named entry is not in the archive.
    Missing(String),
    /// An entry's local header is damaged.
    DamagedHeader(String),
    /// An entry's compressed data is damaged or truncated.
    DamagedData(String),
    /// An entry inflates beyond the limit (a zip bomb stops here).
    TooLarge {
        /// The entry.
        name: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// An entry uses a compression method other than stored or deflate.
    UnsupportedMethod {
        /// The entry.
        name: String,
        /// The method number.
        method: u16,
    },
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZipError::NotZip => f.write_str("not a zip file (no central directory)"),
            ZipError::Truncated => f.write_str("truncated zip"),
            ZipError::DamagedDirectory => f.write_str("damaged zip central directory"),
            ZipError::NotWordDocument => f.write_str("a zip file that is not a Word document (no word/document.xml)"),
            ZipError::Missing(name) => write!(f, "{name} is missing"),
            ZipError::DamagedHeader(name) => write!(f, "{name}: damaged local header"),
            ZipError::DamagedData(name) => write!(f, "{name}: damaged or truncated compressed data"),
            ZipError::TooLarge { name, limit } => write!(f, "{name}: larger than {limit} bytes"),
            ZipError::UnsupportedMethod { name, method } => write!(f, "{name}: unsupported compression method {method}"),
        }
    }
}

impl std::error::Error for ZipError {}
