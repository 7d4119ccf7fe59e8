//! Inputs as they really come, and worse: every category generated here (no stored blobs).
//! Nothing panics, nothing runs away, and what cannot be read says why.

use report_core::decode::Encoding;
use report_core::input::InputKind;
use report_core::summary::Format;
use report_core::{analyze, analyze_input};

fn refused(bytes: &[u8], name: &str) -> InputKind {
    analyze_input(bytes, Some(name)).err().unwrap_or_else(|| panic!("{name} was accepted")).kind
}

#[test]
fn files_that_are_not_reports_are_refused_with_their_kind() {
    assert_eq!(refused(b"", "empty.txt"), InputKind::Empty);
    assert_eq!(refused(" \r\n\u{3000}\n".as_bytes(), "blank.txt"), InputKind::Empty);
    assert_eq!(refused(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", "scan.png"), InputKind::Png);
    assert_eq!(refused(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F'], "photo.jpg"), InputKind::Jpeg);
    assert_eq!(refused(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "report.pdf"), InputKind::Pdf);
    assert_eq!(refused(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "report.doc"), InputKind::OleDocument);
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    assert_eq!(refused(&noise, "noise.bin"), InputKind::Binary);
    let elf = [&[0x7Fu8, b'E', b'L', b'F', 2, 1, 1, 0][..], &[0u8; 200]].concat();
    assert_eq!(refused(&elf, "a.out"), InputKind::Binary);
}

#[test]
fn web_pages_in_their_declared_charset() {
    let page = "<html><head><meta charset=\"gb2312\"><title>某镇2024年法治政府建设情况报告</title><script>var x='<p>1000份</p>'</script></head><body><nav>首页</nav><p>一、主要举措和成效</p><p>发放资料3000余份。</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(page);
    let a = analyze_input(&gbk, Some("report.html")).unwrap();
    assert_eq!((a.summary.source.format, a.summary.source.encoding), (Format::Html, Encoding::Gb18030));
    assert_eq!(a.summary.metrics.len(), 1, "the script's 1000份 is not read");
    assert_eq!(a.summary.meta.title.as_deref(), Some("某镇2024年法治政府建设情况报告"));
    // A .htm named file without a doctype is still a page.
    let bare = analyze_input("<p>一、主要举措</p><p>培训3次</p>".as_bytes(), Some("saved.htm")).unwrap();
    assert_eq!(bare.summary.source.format, Format::Html);
    assert_eq!(bare.text, "一、主要举措\n培训3次\n");
}

#[test]
fn text_oddities_are_read() {
    // BOMs, mixed line endings, NUL bytes, zero-width characters inside numbers, full-width digits.
    let text = "\u{FEFF}一、主要举措和成效\r\n发放资料1\u{200B}234份，\r受理纠纷５６起。\n\0开展培训3次\u{0}。\n";
    let s = analyze(text.as_bytes(), None);
    let values: Vec<f64> = s.metrics.iter().map(|m| m.value).collect();
    assert_eq!(values, [1234.0, 56.0, 3.0]);
    assert_eq!(s.stats.lines, 4);
    assert_eq!(s.outline.len(), 1);
}

#[test]
fn hostile_text_stays_text() {
    let text = "一、主要举措<script>alert(1)</script>\n<img src=x onerror=alert(1)>发放资料30份。\n\u{202E}打开资料5份\u{202C}\n=HYPERLINK(\"http://x\")共3次\n";
    let s = analyze(text.as_bytes(), Some("<b>.txt"));
    let json = s.to_json();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back["outline"][0]["title"], "主要举措<script>alert(1)</script>");
    let csv = report_core::export::metrics_csv(&[&s]);
    assert!(!csv.lines().any(|l| l.split(',').any(|cell| cell.starts_with('='))), "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
}

#[test]
fn pathological_sizes_are_bounded() {
    // One 4 MB line without a break. No wall-clock bound here (shared machines make timed
    // tests flaky): quadratic work on this line would not finish, and speed is measured by
    // `scripts/bench_ratio.sh` and the criterion bench.
    let long_line = "发放资料3000份，".repeat(400_000);
    let s = analyze(long_line.as_bytes(), None);
    assert_eq!(s.stats.lines, 1);
    assert_eq!(s.metrics.len(), 400_000);

    // 20,000 headings and deep numbering at every level.
    let mut many = String::new();
    for i in 0..20_000 {
        many.push_str(["一、甲\n", "（一）乙\n", "1.丙\n", "（1）丁\n", "①戊\n"][i % 5]);
    }
    let s = analyze(many.as_bytes(), None);
    assert_eq!(s.stats.headings, 20_000);

    // 5,000 levels of nesting in a page, and numbers with 30 digits.
    let deep = format!("<html><body>{}一、主要举措 培训3次{}</body></html>", "<div>".repeat(5000), "</div>".repeat(5000));
    let s = analyze_input(deep.as_bytes(), Some("deep.html")).unwrap().summary;
    assert_eq!(s.metrics.len(), 1);
    let huge = analyze("发放资料123456789012345678901234567890份。".as_bytes(), None);
    assert_eq!(huge.metrics.len(), 1);
    assert!(huge.metrics[0].value > 1e29);
    assert!(serde_json::from_str::<serde_json::Value>(&huge.to_json()).is_ok());
}
