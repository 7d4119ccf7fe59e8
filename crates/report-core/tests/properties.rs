//! No input makes `analyze` panic, and its output always holds together: spans inside the
//! text, the outline well nested, the JSON round-trips. Inputs: arbitrary bytes, arbitrary
//! strings, and strings drawn from the pieces reports are made of (markers, numerals,
//! units, quotes, line breaks), which reach the deeper paths of every stage. And `decode`
//! of such text in every encoding agrees with the reference decoder (`check_decode`).

#[path = "support/check.rs"]
mod support;

use proptest::prelude::*;
use support::check;

/// Pieces of reports, to build texts that exercise every stage.
fn report_piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "一、",
        "二、",
        "（一）",
        "(二)",
        "三)",
        "1.",
        "2、",
        "（3）",
        "①",
        "第一部分",
        "\n",
        "\r\n",
        "\r",
        " ",
        "　",
        "。",
        "，",
        "、",
        "：",
        ":",
        "“",
        "”",
        "《",
        "》",
        "2024年",
        "2025-04-01",
        "3·15",
        "〔2025〕5号",
        "30000",
        "1,234",
        "1.2",
        "两",
        "二十",
        "十",
        "百分之",
        "余",
        "约",
        "以上",
        "份",
        "人次",
        "万元",
        "%",
        "个",
        "村",
        "次",
        "发放",
        "宣传资料",
        "开展",
        "存在的不足和原因",
        "主要举措和成效",
        "第一责任人",
        "下一步打算",
        "其他需要报告的情况",
        "发布时间:",
        "索引号:",
        "中共某县委员会",
        "某镇人民政府",
        "扫一扫在手机上查看当前页面",
        "\u{200B}",
        "\u{FEFF}",
        "\u{202E}",
        "<script>",
        "鄉鎮",
        "１２３",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&report_core::analyze(&bytes, Some("x.txt")));
    }

    // Found tests/crashers/decode-utf16-lead-surrogate-then-odd-byte-at-end.bin.
    #[test]
    fn decode_agrees_with_the_reference(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        support::check_decode(&bytes);
    }

    // Arbitrary bytes seldom make UTF-16 with surrogates; these do: code units drawn from
    // the surrogate ranges as often as not, either byte order, with or without a BOM, and
    // sometimes one odd byte at the end.
    #[test]
    fn decode_of_utf16_with_stray_surrogates(
        units in prop::collection::vec(prop_oneof![0xD800u16..0xDC00, 0xDC00u16..0xE000, any::<u16>(), 0x4E00u16..0xA000], 0..64),
        little_endian in any::<bool>(),
        bom in any::<bool>(),
        odd in prop::option::of(any::<u8>()),
    ) {
        let mut bytes: Vec<u8> = match (bom, little_endian) {
            (false, _) => vec![],
            (true, true) => vec![0xFF, 0xFE],
            (true, false) => vec![0xFE, 0xFF],
        };
        for unit in units {
            bytes.extend_from_slice(&if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        bytes.extend(odd);
        support::check_decode(&bytes);
    }

    #[test]
    fn decode_of_report_text_in_every_encoding(pieces in prop::collection::vec(report_piece(), 0..100), cut in 0usize..64) {
        let text: String = pieces.concat();
        for encoding in [encoding_rs::GB18030, encoding_rs::BIG5, encoding_rs::UTF_16LE, encoding_rs::UTF_16BE, encoding_rs::UTF_8] {
            let bytes = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                // encoding_rs encodes only to UTF-8, GB18030 and Big5 (and friends).
                let units = text.encode_utf16();
                if encoding == encoding_rs::UTF_16LE { units.flat_map(u16::to_le_bytes).collect() } else { units.flat_map(u16::to_be_bytes).collect::<Vec<u8>>() }
            } else {
                encoding.encode(&text).0.into_owned()
            };
            support::check_decode(&bytes);
            support::check_decode(&bytes[..bytes.len().saturating_sub(cut)]);
        }
    }

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&report_core::analyze_text(&text, None));
    }

    #[test]
    fn report_like_strings(pieces in prop::collection::vec(report_piece(), 0..300)) {
        let text: String = pieces.concat();
        check(&report_core::analyze_text(&text, None));
        check(&report_core::analyze(text.as_bytes(), None));
    }
}
