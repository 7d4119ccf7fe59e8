//! Reading a file as it arrives (the CLI): plain UTF-8 text — most reports — is checked
//! chunk by chunk and appended to the text the stages read, so that the file's bytes are
//! never held whole beside their text. Anything else (a Word file, a saved page, another
//! encoding, a byte-order mark, bytes that are not UTF-8) is read whole and goes through
//! [`extract`](super::extract) like any other input, with the same result.

use super::{extract, sniff, Extracted, Format, InputError, InputKind};
use crate::decode::{self, Encoding};
use crate::normalize::{FoldedText, Folder};
use std::io::{self, Read};

/// How many bytes are read at a time: the first chunk is also what the sniffer sees, and
/// it looks at no more than the first 8 KB.
const CHUNK: usize = 64 * 1024;

/// What was read from a reader: the text and how many bytes it had.
pub(crate) struct ReadInput {
    pub extracted: Result<Extracted, InputError>,
    pub bytes: usize,
}

/// Reads `reader` to its end and extracts its text. `size_hint` (the file's length, or 0)
/// sizes the text once.
pub(crate) fn extract_from(reader: &mut impl Read, size_hint: usize, name: Option<&str>) -> io::Result<ReadInput> {
    let mut first = Vec::with_capacity(CHUNK);
    fill(reader, &mut first)?;
    if !is_plain_utf8_text(&first, name) {
        return read_whole(reader, first, name);
    }
    let text = String::with_capacity(size_hint.max(first.len()));
    Ok(match read_plain(reader, first, text, name)? {
        Plain::Text(text) => {
            let bytes = text.len();
            let extracted = Extracted { text, tables: Vec::new(), format: Format::Text, encoding: Encoding::Utf8, undecodable_bytes: 0 };
            ReadInput { extracted: Ok(extracted), bytes }
        }
        Plain::Not(read) => read,
    })
}

/// What [`fold_from`] read: plain UTF-8 text, folded as it came (its bytes counted), or
/// any other input, extracted whole.
pub(crate) enum Folded {
    Text { folded: FoldedText, bytes: usize },
    Other(ReadInput),
}

/// [`extract_from`] for a caller that needs only the folded text (the analysis, not the
/// text itself): plain UTF-8 text is folded chunk by chunk as it is checked, and never held
/// whole (neither as bytes nor as text).
pub(crate) fn fold_from(reader: &mut impl Read, size_hint: usize, name: Option<&str>) -> io::Result<Folded> {
    let mut first = Vec::with_capacity(CHUNK);
    fill(reader, &mut first)?;
    if !is_plain_utf8_text(&first, name) {
        return read_whole(reader, first, name).map(Folded::Other);
    }
    // Room for a char per two bytes: Chinese text has about three bytes a char, and a
    // vector that must grow is copied whole; room never used is never touched.
    let folder = Folder::with_capacity(size_hint.max(first.len()) / 2 + 1);
    Ok(match read_plain(reader, first, SizedFolder { folder, bytes: 0 }, name)? {
        Plain::Text(sized) => Folded::Text { folded: sized.folder.finish(), bytes: sized.bytes },
        Plain::Not(read) => Folded::Other(read),
    })
}

/// Where plain UTF-8 text goes as it is checked: into a string, or into a folder.
trait TextSink {
    fn push_str(&mut self, text: &str);
    /// The bytes pushed so far (to read the input again whole when it turns out not to be
    /// UTF-8).
    fn into_bytes(self) -> Vec<u8>;
}

impl TextSink for String {
    fn push_str(&mut self, text: &str) {
        String::push_str(self, text);
    }
    fn into_bytes(self) -> Vec<u8> {
        String::into_bytes(self)
    }
}

/// A folder that counts the bytes it was given.
struct SizedFolder {
    folder: Folder,
    bytes: usize,
}

impl TextSink for SizedFolder {
    fn push_str(&mut self, text: &str) {
        self.bytes += text.len();
        self.folder.push_str(text);
    }
    fn into_bytes(self) -> Vec<u8> {
        self.folder.original().into_bytes()
    }
}

/// What [`read_plain`] found: all of it UTF-8, in the sink, or not, then read whole.
enum Plain<S> {
    Text(S),
    Not(ReadInput),
}

/// Checks `first` and the rest of `reader` as UTF-8 chunk by chunk into `sink`; on bytes
/// that are not UTF-8, reads the input whole and extracts it as [`extract`] does.
fn read_plain<S: TextSink>(reader: &mut impl Read, first: Vec<u8>, mut sink: S, name: Option<&str>) -> io::Result<Plain<S>> {
    // One buffer: what is read is appended after the bytes of the last char of the
    // previous chunk, which may continue in it (so that each byte is copied once, into the
    // sink, not first into a second buffer).
    let mut chunk = first;
    loop {
        let cut = char_boundary_before_end(&chunk);
        match decode::valid_utf8(&chunk[..cut]) {
            Some(valid) => sink.push_str(valid),
            None => return read_whole(reader, [sink.into_bytes(), chunk].concat(), name).map(Plain::Not),
        }
        chunk.drain(..cut);
        let carried = chunk.len();
        fill(reader, &mut chunk)?;
        if chunk.len() == carried {
            break; // the end of the input
        }
    }
    match decode::valid_utf8(&chunk) {
        Some(last) => sink.push_str(last),
        None => return read_whole(reader, [sink.into_bytes(), chunk].concat(), name).map(Plain::Not),
    }
    Ok(Plain::Text(sink))
}

/// Where the last char of `bytes` starts, if it is not ASCII (it may continue in the next
/// chunk; it is checked with that chunk or alone at the end): else the end.
fn char_boundary_before_end(bytes: &[u8]) -> usize {
    let mut cut = bytes.len();
    while cut > 0 && bytes.len() - cut < 4 && (0x80..0xC0).contains(&bytes[cut - 1]) {
        cut -= 1;
    }
    if cut > 0 && bytes[cut - 1] >= 0xC0 {
        cut -= 1;
    }
    cut
}

/// Whether an input starting with `first` is read as plain UTF-8 text without a BOM — the
/// only case [`extract`] decodes by copying the bytes as they are.
fn is_plain_utf8_text(first: &[u8], name: Option<&str>) -> bool {
    let html_name = name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        n.ends_with(".html") || n.ends_with(".htm")
    });
    let has_bom = matches!(first, [0xEF, 0xBB, 0xBF, ..] | [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]);
    !first.is_empty() && !html_name && !has_bom && sniff(first) == InputKind::Text
}

/// Reads the rest of `reader` after `read` and extracts the whole as [`extract`] does.
fn read_whole(reader: &mut impl Read, mut read: Vec<u8>, name: Option<&str>) -> io::Result<ReadInput> {
    reader.read_to_end(&mut read)?;
    let bytes = read.len();
    let extracted = extract(&read, name);
    Ok(ReadInput { extracted, bytes })
}

/// Reads into `buf` until it holds [`CHUNK`] bytes or the reader ends.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<()> {
    reader.by_ref().take((CHUNK - buf.len()) as u64).read_to_end(buf)?;
    Ok(())
}
