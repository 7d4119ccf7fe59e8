//! What every summary must satisfy, whatever the input: spans inside the text, the outline
//! well nested, the JSON round-trips. Used by the property tests, the fuzz crashers and the
//! fuzz targets (fuzz/fuzz_targets/*.rs include this file), so that all three check the same.

use report_core::summary::OutlineNode;
use report_core::{Analysis, Summary};

pub fn check(s: &Summary) {
    let chars = s.source.chars;
    let within = |(start, end): (usize, usize)| start <= end && end <= chars;
    for m in &s.metrics {
        assert!(within(m.span), "metric span {:?} outside 0..{chars}", m.span);
        assert!(m.line >= 1 && m.line <= s.stats.lines);
        assert!(m.value.is_finite());
    }
    for p in &s.sections {
        for span in [p.span, p.heading_span].into_iter().flatten() {
            assert!(within(span), "section span {span:?} outside 0..{chars}");
        }
    }
    assert_eq!(s.sections.len(), report_core::kinds::ReportKind::get(s.kind).parts.len(), "one entry per part the kind requires");
    fn nested(nodes: &[OutlineNode], parent: Option<&OutlineNode>, chars: usize, last_start: &mut usize) {
        for n in nodes {
            assert!(n.span.0 <= n.span.1 && n.span.1 <= chars);
            assert!(n.span.0 >= *last_start, "outline out of text order");
            *last_start = n.span.0;
            if let Some(p) = parent {
                assert!(n.level > p.level, "child level {} under {}", n.level, p.level);
                assert!(n.line > p.line);
            }
            nested(&n.children, Some(n), chars, last_start);
        }
    }
    nested(&s.outline, None, chars, &mut 0);
    let json = s.to_json();
    let back: Summary = serde_json::from_str(&json).expect("the JSON parses back");
    assert_eq!(&back, s, "the JSON round-trips");
}

/// [`check`], and that the spans count in the text `analyze_input` returns.
#[allow(dead_code)]
pub fn check_analysis(a: &Analysis) {
    assert_eq!(a.summary.source.chars, a.text.chars().count(), "source.chars is the length of the text read");
    check(&a.summary);
}

/// What `decode` must satisfy, whatever the bytes: a BOM decides and is removed; valid
/// UTF-8 is kept as it is; the text is what the WHATWG decoder of the chosen encoding
/// (`encoding_rs`, the reference the module follows) reads, and errors are counted exactly
/// when it finds some; decoding the result again changes nothing.
#[allow(dead_code)]
pub fn check_decode(bytes: &[u8]) {
    use report_core::decode::{decode, Encoding};
    let d = decode(bytes);
    assert!(d.undecodable_bytes <= bytes.len(), "{} undecodable of {} bytes", d.undecodable_bytes, bytes.len());
    let (bom, reference): (&[u8], &'static encoding_rs::Encoding) = match d.encoding {
        Encoding::Utf8 => (b"\xEF\xBB\xBF", encoding_rs::UTF_8),
        Encoding::Utf16Le => (b"\xFF\xFE", encoding_rs::UTF_16LE),
        Encoding::Utf16Be => (b"\xFE\xFF", encoding_rs::UTF_16BE),
        Encoding::Gb18030 => (b"", encoding_rs::GB18030),
        Encoding::Big5 => (b"", encoding_rs::BIG5),
    };
    assert_eq!(d.had_bom, !bom.is_empty() && bytes.starts_with(bom), "had_bom for {:?}", d.encoding);
    let body = if d.had_bom { &bytes[bom.len()..] } else { bytes };
    if let (false, Ok(text)) = (d.had_bom, std::str::from_utf8(bytes)) {
        assert_eq!((d.encoding, d.text.as_str(), d.undecodable_bytes), (Encoding::Utf8, text, 0), "valid UTF-8 is kept");
    }
    let (text, had_errors) = reference.decode_without_bom_handling(body);
    assert_eq!(d.text, text, "{:?} as encoding_rs decodes it", d.encoding);
    assert_eq!(d.undecodable_bytes > 0, had_errors, "{:?}: {} undecodable bytes", d.encoding, d.undecodable_bytes);
    if !d.text.starts_with('\u{FEFF}') {
        assert_eq!(decode(d.text.as_bytes()).text, d.text, "decoding is idempotent");
    }
}
