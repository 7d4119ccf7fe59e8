//! Our own fixture reports (tests/fixtures/*.txt, written for this project), each pinning
//! the whole summary as an insta snapshot. Review every snapshot change
//! (`cargo insta review`): it is a change of the public JSON.
//!
//! The same texts re-encoded (GBK, Big5, UTF-16 with and without BOM, CRLF and CR line
//! endings) must give the same analysis: the bytes are generated here, not stored.

use report_core::messages::{finding_message, Lang};
use report_core::{analyze, Summary};
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

fn snapshot(name: &str) {
    let text = fixture(name);
    let summary = analyze(text.as_bytes(), Some(name));
    insta::assert_json_snapshot!(name, summary);
    // The findings as each front end words them, so that a change of wording is reviewed
    // like a change of the JSON.
    let messages: Vec<String> = summary
        .findings
        .iter()
        .flat_map(|f| [Lang::Zh, Lang::En].map(|lang| format!("{:?} {}", f.severity, finding_message(f, lang))))
        .collect();
    insta::assert_debug_snapshot!(format!("{name}.messages"), messages);
}

#[test]
fn township_full() {
    snapshot("township_full.txt");
}

#[test]
fn traditional_topical() {
    snapshot("traditional_topical.txt");
}

#[test]
fn no_title_second_level() {
    snapshot("no_title_second_level.txt");
}

#[test]
fn variants() {
    snapshot("variants.txt");
}

#[test]
fn department_figures() {
    snapshot("department_figures.txt");
}

/// Everything but `source`, which describes the bytes.
fn analysis(s: &Summary) -> serde_json::Value {
    let mut v = serde_json::to_value(s).unwrap();
    v.as_object_mut().unwrap().remove("source");
    v
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut out: Vec<u8> = if bom {
        if little_endian {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        }
    } else {
        Vec::new()
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if little_endian { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn every_encoding_gives_the_same_analysis() {
    for name in ["township_full.txt", "no_title_second_level.txt", "department_figures.txt"] {
        let text = fixture(name);
        let reference = analysis(&analyze(text.as_bytes(), Some(name)));
        let (gbk, _, lossy) = encoding_rs::GBK.encode(&text);
        assert!(!lossy);
        let mut bom_utf8 = vec![0xEF, 0xBB, 0xBF];
        bom_utf8.extend_from_slice(text.as_bytes());
        let variants: Vec<(&str, Vec<u8>)> = vec![
            ("GB18030", gbk.into_owned()),
            ("UTF-16LE", utf16(&text, true, true)),
            ("UTF-16BE", utf16(&text, false, true)),
            ("UTF-16LE", utf16(&text, true, false)),
            ("UTF-8", bom_utf8),
        ];
        for (encoding, bytes) in variants {
            let s = analyze(&bytes, Some(name));
            assert_eq!(s.source.encoding.as_str(), encoding, "{name}");
            assert_eq!(s.source.undecodable_bytes, 0);
            assert_eq!(analysis(&s), reference, "{name} as {encoding}");
        }
    }
}

#[test]
fn big5_traditional_gives_the_same_analysis() {
    let text = fixture("traditional_topical.txt");
    let reference = analysis(&analyze(text.as_bytes(), None));
    let (big5, _, lossy) = encoding_rs::BIG5.encode(&text);
    assert!(!lossy);
    let s = analyze(&big5, None);
    assert_eq!(s.source.encoding, report_core::decode::Encoding::Big5);
    assert_eq!(analysis(&s), reference);
}

#[test]
fn line_endings_do_not_change_the_analysis_only_offsets() {
    let text = fixture("township_full.txt");
    let lf = analyze(text.as_bytes(), None);
    for ending in ["\r\n", "\r"] {
        let other = text.replace('\n', ending);
        let s = analyze(other.as_bytes(), None);
        assert_eq!(
            s.sections.iter().map(|p| (p.status, p.line)).collect::<Vec<_>>(),
            lf.sections.iter().map(|p| (p.status, p.line)).collect::<Vec<_>>()
        );
        assert_eq!(
            s.metrics.iter().map(|m| (m.value, m.line, &m.text)).collect::<Vec<_>>(),
            lf.metrics.iter().map(|m| (m.value, m.line, &m.text)).collect::<Vec<_>>()
        );
        assert_eq!(s.meta, lf.meta);
        // Spans point at the same text in the CRLF version.
        let chars: Vec<char> = other.chars().collect();
        for m in &s.metrics {
            assert_eq!(chars[m.span.0..m.span.1].iter().collect::<String>(), m.text);
        }
    }
}
