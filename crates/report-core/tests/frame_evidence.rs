//! Where each frame field was read (`meta.evidence`), and a reviewer's corrections of the
//! frame (`analyze_input_corrected`): used by the checks and the comparison, listed with the
//! value read. Texts of our own.

use report_core::compare::Row;
use report_core::frame::{CorrectedField, Corrections, Date, FieldSource, Level, Origin};
use report_core::{analyze_input_corrected, analyze_text, Options};

const BODY: &str = "一、主要举措和成效\n（一）加强组织领导。全年召开专题会议6次。\n二、存在的不足和原因\n基层力量薄弱，原因是培训不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n四、2025年度推进法治政府建设的主要安排\n继续推进。\n";

fn at(source: FieldSource, line: usize) -> Option<Origin> {
    Some(Origin { source, line: Some(line) })
}

#[test]
fn each_field_says_where_it_was_read() {
    let text = format!(
        "首页 > 政务公开\n[ 发文字号 ] 青政发〔2025〕2号 [ 成文日期 ] 2025-03-02\n[ 发布日期 ] 2025-03-05\n青禾县2024年法治政府建设情况报告\n{BODY}青禾县人民政府\n2025年3月1日\n"
    );
    let m = analyze_text(&text, None).meta;
    let e = &m.evidence;
    assert_eq!(e.title, at(FieldSource::Title, 4));
    assert_eq!(e.issuer, at(FieldSource::Title, 4));
    assert_eq!(e.level, at(FieldSource::Title, 4));
    assert_eq!(e.report_year, at(FieldSource::Title, 4));
    assert_eq!(e.publish_date, at(FieldSource::Metadata, 3));
    assert_eq!(e.doc_number, at(FieldSource::Metadata, 2));
    let last = text.lines().count();
    assert_eq!(e.signed_date, at(FieldSource::Signature, last));
    assert!(m.corrected.is_empty());
}

#[test]
fn evidence_of_the_body_the_byline_and_the_signature() {
    let m =
        analyze_text(&format!("关于法治政府建设情况的报告\n2025-02-11 10:00\n2024年，东岭街道坚持依法行政，取得新成效。\n{BODY}"), None)
            .meta;
    assert_eq!(m.issuer.as_deref(), Some("东岭街道"));
    assert_eq!(m.evidence.issuer, at(FieldSource::Body, 3));
    assert_eq!(m.evidence.report_year, at(FieldSource::Body, 3));
    assert_eq!(m.evidence.publish_date, at(FieldSource::Byline, 2));
    assert_eq!(m.evidence.title, at(FieldSource::Title, 1));

    let signed = analyze_text(&format!("关于2024年度法治政府建设情况的报告\n{BODY}青禾县司法局\n2025年3月12日\n"), None).meta;
    let n = 1 + BODY.lines().count();
    assert_eq!(signed.evidence.issuer, at(FieldSource::Signature, n + 1));
    assert_eq!(signed.evidence.publish_date, at(FieldSource::Signature, n + 2));
}

#[test]
fn a_missing_field_has_no_evidence() {
    let m = analyze_text(BODY, None).meta;
    assert_eq!((m.title.as_deref(), m.evidence.title), (None, None));
    assert_eq!((m.publish_date, m.evidence.publish_date), (None, None));
    assert_eq!((m.doc_number.as_deref(), m.evidence.doc_number), (None, None));
}

fn late_report() -> String {
    format!("发布日期:2025-05-20\n青禾县2024年法治政府建设情况报告\n{BODY}")
}

fn codes(s: &report_core::Summary) -> Vec<&'static str> {
    s.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn corrections_replace_what_was_read_and_the_checks_use_them() {
    let text = late_report();
    let read = analyze_text(&text, None);
    assert!(codes(&read).contains(&"published_late"), "{:?}", codes(&read));

    let corrections = Corrections {
        issuer: Some("青禾县人民政府".into()),
        level: Some(Level::County),
        report_year: Some(2024),
        publish_date: Some("2025-03-20".parse::<Date>().unwrap()),
    };
    let a = analyze_input_corrected(text.as_bytes(), None, Options::default(), &corrections).unwrap();
    let m = &a.summary.meta;
    assert_eq!(m.issuer.as_deref(), Some("青禾县人民政府"));
    assert_eq!(m.publish_date.map(|d| d.to_string()).as_deref(), Some("2025-03-20"));
    assert!(!codes(&a.summary).contains(&"published_late"), "{:?}", codes(&a.summary));
    let by_caller = Some(Origin { source: FieldSource::Correction, line: None });
    assert_eq!((m.evidence.issuer, m.evidence.publish_date), (by_caller, by_caller));

    let fields: Vec<CorrectedField> = m.corrected.iter().map(|c| c.field).collect();
    assert_eq!(fields, [CorrectedField::Issuer, CorrectedField::Level, CorrectedField::ReportYear, CorrectedField::PublishDate]);
    let reads: Vec<String> = m.corrected.iter().map(|c| c.read.to_string()).collect();
    assert_eq!(reads, ["\"青禾县\"", "\"county\"", "2024", "\"2025-05-20\""]);
    assert_eq!(m.corrected[3].read_at, Some(Origin { source: FieldSource::Metadata, line: Some(1) }));

    // The comparison row reads the corrected values.
    let row = Row::of(&a.summary);
    assert_eq!(row.issuer.as_deref(), Some("青禾县人民政府"));
    assert_eq!(row.published_late, Some(false));

    // The JSON says it.
    let json: serde_json::Value = serde_json::from_str(&a.summary.to_json()).unwrap();
    assert_eq!(json["meta"]["corrected"][0]["field"], "issuer");
    assert_eq!(json["meta"]["corrected"][0]["read"], "青禾县");
    assert_eq!(json["meta"]["evidence"]["publish_date"]["source"], "correction");
}

#[test]
fn a_corrected_year_moves_the_deadline() {
    // Read as a report on 2024 published in May 2025: late. As a report on 2025 its
    // deadline is in 2026: not late.
    let text = late_report();
    let corrections = Corrections { report_year: Some(2025), ..Corrections::default() };
    let a = analyze_input_corrected(text.as_bytes(), None, Options::default(), &corrections).unwrap();
    assert_eq!(a.summary.meta.report_year, Some(2025));
    assert!(!codes(&a.summary).contains(&"published_late"), "{:?}", codes(&a.summary));
    assert_eq!(a.summary.meta.corrected.len(), 1);
    assert_eq!(a.summary.meta.corrected[0].read, serde_json::json!(2024));
}

#[test]
fn a_corrected_date_where_none_was_read_makes_the_deadline_checkable() {
    let text = format!("青禾县2024年法治政府建设情况报告\n{BODY}");
    let read = analyze_text(&text, None);
    assert!(codes(&read).contains(&"publish_date_unknown"));
    let corrections = Corrections { publish_date: Some("2025-06-01".parse().unwrap()), ..Corrections::default() };
    let a = analyze_input_corrected(text.as_bytes(), None, Options::default(), &corrections).unwrap();
    assert!(codes(&a.summary).contains(&"published_late"), "{:?}", codes(&a.summary));
    assert_eq!(a.summary.meta.corrected[0].read, serde_json::Value::Null);
    assert_eq!(a.summary.meta.corrected[0].read_at, None);
}

#[test]
fn no_corrections_change_nothing() {
    let text = late_report();
    let plain = analyze_text(&text, None);
    let none = analyze_input_corrected(text.as_bytes(), None, Options::default(), &Corrections::default()).unwrap();
    assert_eq!(plain.meta, none.summary.meta);
    assert_eq!(plain.findings, none.summary.findings);
}
