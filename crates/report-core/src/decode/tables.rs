//! The index tables of the legacy encodings (GB18030 and Big5, as the WHATWG Encoding
//! Standard defines them), in a compact binary file: `data/legacy-encodings.bin`.
//!
//! Natively the file is compiled in (feature `embedded-tables`, on by default). The web app
//! leaves it out of its first load and fetches it only when a GBK or Big5 file arrives,
//! then hands it to [`install`]: ~100 KB that most reviewers, pasting text, never load.
//!
//! Format (little endian): `RLENC1`, then four sections, each a `u32` count and its entries:
//! GB18030 two-byte index (`u16` code points, 0 = none); GB18030 four-byte ranges
//! (`u32` pointer, `u32` code point); Big5 index (`u16`, 0 = none, `0xFFFF` = beyond the BMP);
//! Big5 code points beyond the BMP (`u32` pointer, `u32` code point).
//! `examples/gen_legacy_tables.rs` writes the file from `encoding_rs`, the reference.

use std::fmt;
use std::sync::OnceLock;

/// The first bytes of a table file.
pub const MAGIC: &[u8; 6] = b"RLENC1";

#[derive(Debug, PartialEq, Eq)]
/// The index tables of GB18030 and Big5.
pub struct Tables {
    /// GB18030 two-byte index: code points by pointer (0 = none).
    pub gb18030: Vec<u16>,
    /// Sorted by pointer.
    pub gb18030_ranges: Vec<(u32, u32)>,
    /// Big5 index: code points by pointer (0 = none, `0xFFFF` = beyond the BMP).
    pub big5: Vec<u16>,
    /// Sorted by pointer.
    pub big5_astral: Vec<(u32, u32)>,
}

/// Number of GB18030 two-byte pointers: leads 0x81–0xFE × 190 trails.
pub const GB18030_POINTERS: usize = 126 * 190;
/// Number of Big5 pointers: leads 0x81–0xFE × 157 trails.
pub const BIG5_POINTERS: usize = 126 * 157;

static TABLES: OnceLock<Tables> = OnceLock::new();

#[cfg(feature = "embedded-tables")]
static EMBEDDED: &[u8] = include_bytes!("../../data/legacy-encodings.bin");

/// The tables, if installed (natively: always, from the embedded file).
pub fn get() -> Option<&'static Tables> {
    #[cfg(feature = "embedded-tables")]
    {
        Some(TABLES.get_or_init(|| parse(EMBEDDED).expect("the embedded legacy-encodings.bin is valid")))
    }
    #[cfg(not(feature = "embedded-tables"))]
    {
        TABLES.get()
    }
}

/// Whether GB18030 and Big5 can be decoded now.
pub fn installed() -> bool {
    get().is_some()
}

/// Installs tables read from `legacy-encodings.bin` (the web app does this on demand).
pub fn install(bytes: &[u8]) -> Result<(), TablesError> {
    let tables = parse(bytes)?;
    let _ = TABLES.set(tables);
    Ok(())
}

/// Reads a table file.
pub fn parse(bytes: &[u8]) -> Result<Tables, TablesError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(TablesError::NotATableFile);
    }
    let gb18030 = r.u16s()?;
    let gb18030_ranges = r.pairs()?;
    let big5 = r.u16s()?;
    let big5_astral = r.pairs()?;
    if gb18030.len() != GB18030_POINTERS || big5.len() != BIG5_POINTERS || r.at != bytes.len() {
        return Err(TablesError::WrongShape);
    }
    Ok(Tables { gb18030, gb18030_ranges, big5, big5_astral })
}

impl Tables {
    /// Writes the table file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let count = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
        count(&mut out, self.gb18030.len());
        self.gb18030.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
        count(&mut out, self.gb18030_ranges.len());
        self.gb18030_ranges.iter().for_each(|(p, c)| out.extend([p.to_le_bytes(), c.to_le_bytes()].concat()));
        count(&mut out, self.big5.len());
        self.big5.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
        count(&mut out, self.big5_astral.len());
        self.big5_astral.iter().for_each(|(p, c)| out.extend([p.to_le_bytes(), c.to_le_bytes()].concat()));
        out
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], TablesError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(TablesError::Truncated)?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, TablesError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u16s(&mut self) -> Result<Vec<u16>, TablesError> {
        let n = self.u32()? as usize;
        let b = self.take(n.checked_mul(2).ok_or(TablesError::Truncated)?)?;
        Ok(b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect())
    }
    fn pairs(&mut self) -> Result<Vec<(u32, u32)>, TablesError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| Ok((self.u32()?, self.u32()?))).collect()
    }
}

/// Why a legacy-encodings table file (`legacy-encodings.bin`) was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TablesError {
    /// It does not start with the file's magic bytes.
    NotATableFile,
    /// It ends too early.
    Truncated,
    /// Its tables have the wrong sizes.
    WrongShape,
}

impl fmt::Display for TablesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TablesError::NotATableFile => "not a legacy-encodings table file",
            TablesError::Truncated => "legacy-encodings table file is truncated",
            TablesError::WrongShape => "legacy-encodings table file has the wrong shape",
        })
    }
}

impl std::error::Error for TablesError {}
