//! A minimal zip reader for .docx files: the central directory, stored and deflated
//! entries. Every offset is checked (a damaged or hostile file gives an error, never a
//! panic) and inflating is bounded (a zip bomb stops at the limit).

use crate::input::ZipError;

pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

struct Entry {
    name: String,
    method: u16,
    compressed: usize,
    local_offset: usize,
}

const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        // The end-of-central-directory record is in the last 22 + 65535 bytes.
        let search_from = bytes.len().saturating_sub(22 + 65535);
        let eocd = (search_from..bytes.len().saturating_sub(21)).rev().find(|&i| u32_at(bytes, i) == Some(EOCD)).ok_or(ZipError::NotZip)?;
        let count = u16_at(bytes, eocd + 10).ok_or(ZipError::Truncated)? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or(ZipError::Truncated)? as usize;
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if u32_at(bytes, at) != Some(CENTRAL) {
                return Err(ZipError::DamagedDirectory);
            }
            let field = |off: usize| u16_at(bytes, at + off).ok_or(ZipError::Truncated);
            let method = field(10)?;
            let compressed = u32_at(bytes, at + 20).ok_or(ZipError::Truncated)? as usize;
            let name_len = field(28)? as usize;
            let extra_len = field(30)? as usize;
            let comment_len = field(32)? as usize;
            let local_offset = u32_at(bytes, at + 42).ok_or(ZipError::Truncated)? as usize;
            let name_bytes = bytes.get(at + 46..at + 46 + name_len).ok_or(ZipError::Truncated)?;
            entries.push(Entry { name: String::from_utf8_lossy(name_bytes).into_owned(), method, compressed, local_offset });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// The entry `name`, inflated; at most `limit` bytes.
    pub fn read(&self, name: &str, limit: usize) -> Result<Vec<u8>, ZipError> {
        let e = self.entries.iter().find(|e| e.name == name).ok_or_else(|| ZipError::Missing(name.to_string()))?;
        let b = self.bytes;
        if u32_at(b, e.local_offset) != Some(LOCAL) {
            return Err(ZipError::DamagedHeader(name.to_string()));
        }
        let name_len = u16_at(b, e.local_offset + 26).ok_or(ZipError::Truncated)? as usize;
        let extra_len = u16_at(b, e.local_offset + 28).ok_or(ZipError::Truncated)? as usize;
        let start = e.local_offset + 30 + name_len + extra_len;
        let data = b
            .get(start..start.checked_add(e.compressed).ok_or_else(|| ZipError::DamagedData(name.to_string()))?)
            .ok_or_else(|| ZipError::DamagedData(name.to_string()))?;
        match e.method {
            0 if data.len() <= limit => Ok(data.to_vec()),
            0 => Err(ZipError::TooLarge { name: name.to_string(), limit }),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|err| match err.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge { name: name.to_string(), limit },
                _ => ZipError::DamagedData(name.to_string()),
            }),
            m => Err(ZipError::UnsupportedMethod { name: name.to_string(), method: m }),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Builds a zip of stored entries (what tests need; real files are deflated).
    pub(crate) fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in files {
            let offset = out.len() as u32;
            out.extend_from_slice(&LOCAL.to_le_bytes());
            out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            central.extend_from_slice(&CENTRAL.to_le_bytes());
            central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(name.len() as u16).to_le_bytes());
            central.extend_from_slice(&[0; 12]);
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let central_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(&EOCD.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&central_offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn reads_stored_entries_and_refuses_damage() {
        let zip = stored_zip(&[("a.txt", b"hello"), ("word/document.xml", b"<w:document/>")]);
        let archive = Archive::open(&zip).unwrap();
        assert!(archive.contains("word/document.xml"));
        assert_eq!(archive.read("a.txt", 100).unwrap(), b"hello");
        assert!(archive.read("a.txt", 3).is_err());
        assert!(archive.read("nope", 100).is_err());
        for cut in [10, zip.len() / 2, zip.len() - 5] {
            let _ = Archive::open(&zip[..cut]).map(|a| a.read("a.txt", 100));
        }
        assert!(Archive::open(b"PK\x03\x04 not really").is_err());
    }

    #[test]
    fn inflating_is_bounded() {
        let big = vec![b'a'; 1 << 20];
        let deflated = miniz_oxide::deflate::compress_to_vec(&big, 6);
        let mut zip = stored_zip(&[("x", &deflated)]);
        // Mark the entry as deflated (method 8) in the local and central headers.
        zip[8] = 8;
        let central = zip.windows(4).position(|w| w == CENTRAL.to_le_bytes()).unwrap();
        zip[central + 10] = 8;
        let archive = Archive::open(&zip).unwrap();
        assert_eq!(archive.read("x", 2 << 20).unwrap().len(), 1 << 20);
        assert!(matches!(archive.read("x", 1000).unwrap_err(), ZipError::TooLarge { limit: 1000, .. }));
    }
}
