//! The GB18030 and Big5 decoders against Mozilla's `encoding_rs` (the reference): the
//! committed tables are what the generator builds, and on valid text, on arbitrary bytes
//! and on every two-byte pair both decoders give the same text and count the same
//! malformed bytes.

#[path = "support/legacy.rs"]
mod legacy;

use proptest::prelude::*;
use report_core::decode::{big5, gb18030, tables};

fn reference(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 4 + 16);
    let mut errors = 0;
    let mut input = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut out, true);
        input = &input[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => return (out, errors),
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                errors += bad as usize;
                out.push('\u{FFFD}');
            }
            encoding_rs::DecoderResult::OutputFull => out.reserve(input.len() * 4 + 16),
        }
    }
}

fn ours(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> (String, usize) {
    let t = tables::get().expect("tables are embedded in tests");
    if encoding == encoding_rs::BIG5 {
        big5::decode(t, bytes)
    } else {
        gb18030::decode(t, bytes)
    }
}

#[test]
fn the_committed_tables_are_what_the_generator_builds() {
    let committed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/legacy-encodings.bin")).unwrap();
    assert!(
        committed == legacy::build().to_bytes(),
        "data/legacy-encodings.bin is stale: run `cargo run -p report-core --example gen_legacy_tables`"
    );
}

#[test]
fn every_two_byte_pair_decodes_as_the_reference_does() {
    for encoding in [encoding_rs::GB18030, encoding_rs::BIG5] {
        for lead in 0x80..=0xFFu8 {
            for trail in 0..=0xFFu8 {
                let bytes = [lead, trail];
                assert_eq!(ours(encoding, &bytes), reference(encoding, &bytes), "{} {bytes:02X?}", encoding.name());
            }
        }
    }
}

#[test]
fn four_byte_gb18030_sequences_decode_as_the_reference_does() {
    for (b1, b3) in [(0x81, 0x81), (0x82, 0xA0), (0x84, 0x31), (0x84, 0x32), (0x90, 0x81), (0xE3, 0x32), (0xFE, 0xFE), (0x8F, 0x39)] {
        for b2 in 0x2F..=0x3Au8 {
            for b4 in 0x2F..=0x3Au8 {
                let bytes = [b1, b2, b3, b4, b'x'];
                assert_eq!(ours(encoding_rs::GB18030, &bytes), reference(encoding_rs::GB18030, &bytes), "{bytes:02X?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_decode_as_the_reference_does(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        for encoding in [encoding_rs::GB18030, encoding_rs::BIG5] {
            prop_assert_eq!(ours(encoding, &bytes), reference(encoding, &bytes));
        }
    }

    #[test]
    fn legacy_looking_bytes_decode_as_the_reference_does(bytes in prop::collection::vec(prop_oneof![0x80..=0xFFu8, 0x30..=0x39u8, 0x40..=0x7Eu8], 0..64)) {
        for encoding in [encoding_rs::GB18030, encoding_rs::BIG5] {
            prop_assert_eq!(ours(encoding, &bytes), reference(encoding, &bytes));
        }
    }

    #[test]
    fn encoded_text_round_trips(text in "[\\u{4E00}-\\u{9FFF}a-z0-9，。、“”\\n]{0,80}") {
        for encoding in [encoding_rs::GB18030, encoding_rs::BIG5] {
            let (bytes, _, _) = encoding.encode(&text);
            prop_assert_eq!(ours(encoding, &bytes), reference(encoding, &bytes));
        }
    }
}
