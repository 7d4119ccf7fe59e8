//! Stage 1 — bytes to text.
//!
//! Reports arrive as UTF-8 (with or without a BOM), UTF-16 (with a BOM, sometimes without),
//! GB18030/GBK from older Windows editors, and Big5 from Taiwan/Hong Kong sources. We detect
//! which one and decode it as the WHATWG Encoding Standard says (the browsers' behaviour;
//! tests check every decoder against Mozilla's `encoding_rs`). Invalid bytes never abort:
//! each malformed sequence becomes U+FFFD and its bytes are counted in
//! [`Decoded::undecodable_bytes`].
//!
//! The GB18030 and Big5 index tables ([`tables`]) are ~100 KB: compiled in natively, fetched
//! on demand by the web app. Without them those two encodings are not candidates.
//!
//! Detection, in order: a BOM decides; else valid UTF-8 wins (it is almost never valid by
//! accident); else each candidate (GB18030, Big5, UTF-16LE/BE, lossy UTF-8) decodes a sample
//! and the one whose text looks most like Chinese prose — fewest errors, most of the most
//! frequent Han characters — is used for the whole input.
//!
//! ```
//! use report_core::decode::{decode, Encoding};
//! let (gbk, _, _) = encoding_rs::GBK.encode("法治政府建设情况报告，共发放资料2000余份。");
//! let d = decode(&gbk);
//! assert_eq!(d.encoding, Encoding::Gb18030);
//! assert_eq!(d.text, "法治政府建设情况报告，共发放资料2000余份。");
//! assert_eq!(d.undecodable_bytes, 0);
//! ```

pub mod big5;
pub mod gb18030;
pub mod tables;

use serde::Serialize;
use std::sync::OnceLock;

/// The encodings Report Lens reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Encoding {
    /// UTF-8 (with or without a BOM).
    #[serde(rename = "UTF-8")]
    Utf8,
    /// UTF-16, little endian.
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    /// UTF-16, big endian.
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312.
    #[serde(rename = "GB18030")]
    Gb18030,
    /// Big5 (Traditional Chinese).
    #[serde(rename = "Big5")]
    Big5,
}

crate::names::read_by_name!(Encoding { Utf8 => "UTF-8", Utf16Le => "UTF-16LE", Utf16Be => "UTF-16BE", Gb18030 => "GB18030", Big5 => "Big5" });

/// The decoded text and what decoding found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed, malformed sequences replaced by U+FFFD.
    pub text: String,
    /// The encoding it was read as.
    pub encoding: Encoding,
    /// Whether the input started with a byte order mark.
    pub had_bom: bool,
    /// How many input bytes belonged to malformed sequences.
    pub undecodable_bytes: usize,
}

/// How many bytes the detector looks at when the encoding is not obvious.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Decodes `bytes`, detecting the encoding. Never fails.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = sniff_bom(bytes) {
        let (text, undecodable_bytes) = decode_counting(encoding, &bytes[bom_len..]).unwrap_or_default();
        return Decoded { text, encoding, had_bom: true, undecodable_bytes };
    }
    if let Some(text) = valid_utf8(bytes) {
        return Decoded { text: text.to_owned(), encoding: Encoding::Utf8, had_bom: false, undecodable_bytes: 0 };
    }
    let encoding = detect(bytes);
    let (text, undecodable_bytes) = decode_counting(encoding, bytes).unwrap_or_else(|| utf8_lossy(bytes));
    Decoded { text, encoding, had_bom: false, undecodable_bytes }
}

/// Decodes `bytes` in `encoding` (a page's declared charset); a BOM still wins.
pub fn decode_as(bytes: &[u8], encoding: Encoding) -> Decoded {
    if sniff_bom(bytes).is_some() {
        return decode(bytes);
    }
    match decode_counting(encoding, bytes) {
        Some((text, undecodable_bytes)) => Decoded { text, encoding, had_bom: false, undecodable_bytes },
        None => decode(bytes),
    }
}

/// Whether decoding `bytes` needs the GB18030/Big5 tables that are not installed yet (the
/// web app then fetches them first).
pub fn needs_tables(bytes: &[u8]) -> bool {
    !tables::installed() && sniff_bom(bytes).is_none() && valid_utf8(bytes).is_none()
}

/// `bytes` as text if they are valid UTF-8 — most files are, and this check runs over the
/// whole file before anything else (natively with SIMD, see Cargo.toml).
pub(crate) fn valid_utf8(bytes: &[u8]) -> Option<&str> {
    #[cfg(not(target_arch = "wasm32"))]
    return simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(target_arch = "wasm32")]
    return std::str::from_utf8(bytes).ok();
}

fn sniff_bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((Encoding::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, 2)),
        _ => None,
    }
}

/// Picks the candidate whose decoded sample looks most like Chinese prose.
fn detect(bytes: &[u8]) -> Encoding {
    let mut end = bytes.len().min(SAMPLE_BYTES);
    // Cut the sample at a line break so that no candidate is penalised for a
    // multi-byte sequence split at the sample's end.
    if end < bytes.len() {
        if let Some(nl) = bytes[..end].iter().rposition(|&b| b == b'\n') {
            end = nl + 1;
        }
    }
    let sample = &bytes[..end];
    let candidates = [Encoding::Utf8, Encoding::Gb18030, Encoding::Big5, Encoding::Utf16Le, Encoding::Utf16Be];
    let mut best = (i64::MIN, Encoding::Gb18030);
    for encoding in candidates {
        let Some((text, errors)) = decode_counting(encoding, sample) else { continue };
        let score = plausibility(&text) - 40 * errors as i64;
        if score > best.0 {
            best = (score, encoding);
        }
    }
    best.1
}

/// A score of how much `text` looks like a Chinese report: frequent Han characters (in
/// either script) and ordinary punctuation count for it, control characters, private-use
/// and rare characters against it.
fn plausibility(text: &str) -> i64 {
    let mut score = 0i64;
    for c in text.chars() {
        score += match c {
            '\n' | '\r' | '\t' | ' ' => 1,
            '\u{0}'..='\u{1F}' | '\u{7F}' => -8,
            '!'..='~' => 1,
            '\u{FFFD}' => -10,
            '\u{E000}'..='\u{F8FF}' => -8,
            c if is_frequent_han(c) => 4,
            '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' => 2,
            '\u{4E00}'..='\u{9FFF}' => 0,
            _ => -2,
        };
    }
    score
}

/// The most frequent characters of Chinese government prose, Simplified and Traditional.
/// A wrong decoding produces Han characters too, but rarely these.
const FREQUENT: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严乡镇村依宣纠纷矛盾执举措";
const FREQUENT_TRADITIONAL: &str = "這個國們來時會發對說過經產種後動當點從業應開還與關樣間現實體機學長頭問題黨員位總統導領區強決戰處隊給門規熱鄉鎮縣執舉幹設務農鎮傳報導義變條結數無將權證單風場帶車東萬達積議聲歲論運華";

fn is_frequent_han(c: char) -> bool {
    static SORTED: OnceLock<Vec<char>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut v: Vec<char> = FREQUENT.chars().chain(FREQUENT_TRADITIONAL.chars()).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    sorted.binary_search(&c).is_ok()
}

/// Decodes without BOM handling, replacing each malformed sequence with U+FFFD and
/// counting the bytes that were malformed. `None` for GB18030/Big5 without their tables.
fn decode_counting(encoding: Encoding, bytes: &[u8]) -> Option<(String, usize)> {
    Some(match encoding {
        Encoding::Utf8 => utf8_lossy(bytes),
        Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes),
        Encoding::Utf16Be => utf16(bytes, u16::from_be_bytes),
        Encoding::Gb18030 => gb18030::decode(tables::get()?, bytes),
        Encoding::Big5 => big5::decode(tables::get()?, bytes),
    })
}

/// UTF-8, each maximal invalid subsequence replaced by one U+FFFD (as the standard says).
fn utf8_lossy(mut bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut errors = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return (out, errors);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[..valid]).unwrap_or_default());
                out.push('\u{FFFD}');
                let bad = e.error_len().unwrap_or(bytes.len() - valid);
                errors += bad;
                bytes = &bytes[valid + bad..];
            }
        }
    }
}

/// UTF-16 in either byte order; an unpaired surrogate (2 bytes) or a trailing odd byte is
/// one U+FFFD — and so is an unpaired lead surrogate followed by a trailing odd byte (3
/// bytes): the standard's decoder reaches the end of input holding both a lead surrogate
/// and a lead byte, and that is a single error (`encoding_rs`: `Malformed(3, 0)`).
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, usize) {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len());
    let mut errors = 0;
    // Whether the last code unit read was a lead surrogate that found no trail surrogate.
    // `decode_utf16` reads the unit after an unpaired lead again, so this holds after the
    // loop only when the lead surrogate was the last whole code unit.
    let mut unpaired_lead = false;
    for r in char::decode_utf16(units) {
        unpaired_lead = false;
        match r {
            Ok(c) => out.push(c),
            Err(e) => {
                out.push('\u{FFFD}');
                errors += 2;
                unpaired_lead = (0xD800..=0xDBFF).contains(&e.unpaired_surrogate());
            }
        }
    }
    if bytes.len() % 2 == 1 {
        // The odd byte joins a pending lead surrogate's error; alone it is its own.
        if !unpaired_lead {
            out.push('\u{FFFD}');
        }
        errors += 1;
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "一、2024年度推进法治政府建设的主要举措和成效\n（一）加强组织领导。全年开展法治宣传10余次，发放宣传资料1200余份。\n";

    fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if little_endian { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for unit in text.encode_utf16() {
            let b = if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode(SAMPLE.as_bytes());
        assert_eq!((d.encoding, d.had_bom, d.undecodable_bytes), (Encoding::Utf8, false, 0));
        assert_eq!(d.text, SAMPLE);
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&with_bom);
        assert_eq!((d.encoding, d.had_bom), (Encoding::Utf8, true));
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        for le in [true, false] {
            let d = decode(&utf16(SAMPLE, le, true));
            assert_eq!(d.encoding, if le { Encoding::Utf16Le } else { Encoding::Utf16Be });
            assert_eq!(d.text, SAMPLE);
            assert_eq!(d.undecodable_bytes, 0);
        }
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        for le in [true, false] {
            let d = decode(&utf16(SAMPLE, le, false));
            assert_eq!(d.encoding, if le { Encoding::Utf16Le } else { Encoding::Utf16Be });
            assert_eq!(d.text, SAMPLE);
        }
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(SAMPLE);
        assert!(!unmappable);
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn big5_is_detected_for_traditional_text() {
        let traditional =
            "二、2024年度推進法治政府建設存在的不足和原因\n法治宣傳教育實效不高，農民法治意識有待提高。鄉鎮執法人員素質不高。\n";
        let (bytes, _, unmappable) = encoding_rs::BIG5.encode(traditional);
        assert!(!unmappable);
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Big5);
        assert_eq!(d.text, traditional);
    }

    #[test]
    fn invalid_bytes_are_counted_and_never_abort() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        bytes.push(0xC3); // a truncated two-byte sequence at the end
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.undecodable_bytes, 2);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
    }

    #[test]
    fn utf16_lead_surrogate_then_odd_byte_at_end_is_one_error() {
        // The standard's decoder reaches the end holding a lead surrogate and a lead byte:
        // one U+FFFD, as `encoding_rs` decodes it, for the 3 bytes of the sequence.
        for le in [true, false] {
            let lead: [u8; 2] = if le { 0xD820u16.to_le_bytes() } else { 0xD820u16.to_be_bytes() };
            for bom in [true, false] {
                let mut bytes = utf16(SAMPLE, le, bom);
                bytes.extend_from_slice(&lead);
                bytes.push(0x00);
                let encoding = if le { Encoding::Utf16Le } else { Encoding::Utf16Be };
                // Without a BOM, detection must still find UTF-16 (one error in a report).
                let d = decode(&bytes);
                let what = format!("{bytes:02X?}");
                assert_eq!((d.encoding, d.had_bom), (encoding, bom), "{what}");
                assert_eq!(d.text, format!("{SAMPLE}\u{FFFD}"), "{what}");
                assert_eq!(d.undecodable_bytes, 3, "{what}");
                let reference = if le { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
                let body = if bom { &bytes[2..] } else { &bytes[..] };
                let (text, had_errors) = reference.decode_without_bom_handling(body);
                assert_eq!((d.text.as_str(), true), (&*text, had_errors), "{what}");
            }
            // The fuzzer's minimised input (`FF FE 20 D8 00`) and its big-endian twin.
            let mut bare = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
            bare.extend_from_slice(&lead);
            bare.push(0x00);
            assert_eq!(with_bom(&bare), ("\u{FFFD}".to_string(), 3));
        }
        // Without the odd byte, or with a lone trail surrogate before it, nothing merges.
        assert_eq!(with_bom(&[0xFF, 0xFE, 0x20, 0xD8]), ("\u{FFFD}".to_string(), 2));
        assert_eq!(with_bom(&[0xFF, 0xFE, 0x20, 0xDC, 0x00]), ("\u{FFFD}\u{FFFD}".to_string(), 3));
        // An unpaired lead surrogate before the last whole unit stays its own error.
        assert_eq!(with_bom(&[0xFF, 0xFE, 0x20, 0xD8, 0x41, 0x00, 0x00]), ("\u{FFFD}A\u{FFFD}".to_string(), 3));
        assert_eq!(with_bom(&[0xFE, 0xFF, 0xD8, 0x20, 0xD8, 0x20, 0x00]), ("\u{FFFD}\u{FFFD}".to_string(), 5));
    }

    /// Decodes UTF-16 with a BOM, checks the text against `encoding_rs`, and returns the
    /// text and the undecodable bytes.
    fn with_bom(bytes: &[u8]) -> (String, usize) {
        let d = decode(bytes);
        let reference = match d.encoding {
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            other => panic!("{bytes:02X?} decoded as {other:?}"),
        };
        assert!(d.had_bom);
        let (text, had_errors) = reference.decode_without_bom_handling(&bytes[2..]);
        assert_eq!((d.text.as_str(), d.undecodable_bytes > 0), (&*text, had_errors), "{bytes:02X?}");
        (d.text, d.undecodable_bytes)
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert_eq!(decode(b"").text, "");
        assert_eq!(decode(&[0xFF]).text.chars().count(), 1);
        assert_eq!(decode(&[0xFE, 0xFF]).text, "");
    }
}
