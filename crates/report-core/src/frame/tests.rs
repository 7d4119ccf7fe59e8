//! Metadata on our own fixtures: each test a header or signature family.

use super::*;

fn frame(text: &str) -> Frame {
    Frame::read(&Document::new(text), crate::kinds::ReportKind::names_only_a_plan)
}

fn meta(text: &str) -> Meta {
    frame(text).meta
}

#[test]
fn portal_header_block() {
    let m = meta("- 索 引 号: ab0011-2200-2025-00007\n- 备注/文号: 某政〔2025〕12号\n- 发布机构: 某某县人民政府\n- 公文生成日期: 2025-03-05\n某某市人民政府：\n2024年，我县坚持……。\n一、2024年度推进法治政府建设的主要举措和成效\n");
    assert_eq!(m.issuer.as_deref(), Some("某某县人民政府"));
    assert_eq!(m.level, Level::County);
    assert_eq!(m.doc_number.as_deref(), Some("某政〔2025〕12号"));
    assert_eq!(m.publish_date.map(|d| d.to_string()).as_deref(), Some("2025-03-05"));
    assert_eq!(m.recipients, ["某某市人民政府"]);
    assert_eq!(m.report_year, Some(2024));
    assert_eq!(m.title, None);
}

#[test]
fn two_entries_on_one_metadata_line() {
    let m = meta("某某乡2024年法治政府建设情况报告\n\n發布時間:2025-04-11 16:33 信息來源:某某縣某某鄉\n\n2024年，某某乡……。");
    assert_eq!(m.publish_date.map(|d| d.to_string()).as_deref(), Some("2025-04-11"));
    assert_eq!(m.issuer.as_deref(), Some("某某乡"));
    assert_eq!(m.level, Level::Township);
    assert_eq!(m.title.as_deref(), Some("某某乡2024年法治政府建设情况报告"));
}

#[test]
fn title_over_two_lines_and_issuer_from_it() {
    let f = frame(" 某某市某某乡人民政府\n关于2024年度法治政府建设情况报告\n\n2024年，在市委、市政府的正确领导下……。\n");
    let m = &f.meta;
    assert_eq!(m.title.as_deref(), Some("某某市某某乡人民政府关于2024年度法治政府建设情况报告"));
    assert_eq!(m.issuer.as_deref(), Some("某某乡人民政府"));
    assert_eq!(m.report_year, Some(2024));
    assert_eq!(f.frame_lines, [1, 2]);
}

#[test]
fn title_split_by_a_blank_line_before_guanyu() {
    let m = meta("某某区司法局\n\n关于2023年度法治政府建设工作情况的报告\n\n2023年，我局……。");
    assert_eq!(m.title.as_deref(), Some("某某区司法局关于2023年度法治政府建设工作情况的报告"));
    assert_eq!(m.issuer.as_deref(), Some("某某区司法局"));
    assert_eq!(m.level, Level::Department);
}

#[test]
fn joint_signature_and_written_date() {
    let text = "一、主要举措和成效\n……。\n五、其他需要报告的情况\n无。\n中共某某县某某镇委员会 某某县某某镇人民政府\n二〇二五年三月十日\n扫一扫在手机上查看当前页面\n";
    let f = frame(text);
    let m = &f.meta;
    assert_eq!(m.signatories, ["中共某某县某某镇委员会", "某某县某某镇人民政府"]);
    assert_eq!(m.issuer.as_deref(), Some("某某镇人民政府"));
    assert_eq!(m.signed_date.map(|d| d.to_string()).as_deref(), Some("2025-03-10"));
    assert_eq!(f.frame_lines, [5, 6]);
    let doc = Document::new(text);
    assert_eq!(f.body_end, doc.lines[4].start);
}

#[test]
fn no_title_issuer_from_the_body() {
    let m = meta(
        "2023年以来，我镇坚持……。结合青石镇实际，开展工作。\n青石镇开展了法律进乡村活动。落实平安青石建设，推进依法治镇工作，全镇……。\n",
    );
    assert_eq!(m.issuer.as_deref(), Some("青石镇"));
    assert_eq!(m.report_year, Some(2023));
    assert_eq!(m.title, None);
}

#[test]
fn report_year_from_headings_when_the_title_has_none() {
    let m = meta("关于法治政府建设情况的报告\n前言……。\n一、2024年度推进法治政府建设的主要举措和成效\n四、2025年度工作安排\n");
    assert_eq!(m.report_year, Some(2024));
}

#[test]
fn script_detection() {
    assert_eq!(meta("法治政府建設情況報告，鄉鎮執法").script, Script::Traditional);
    assert_eq!(meta("法治政府建设情况报告，乡镇执法").script, Script::Simplified);
}

#[test]
fn joint_title_names_the_government() {
    let m = meta("中共某某县委 某某县人民政府关于2023年度法治政府建设情况的报告\n2023年，我县……。");
    assert_eq!(m.issuer.as_deref(), Some("某某县人民政府"));
    assert_eq!(m.level, Level::County);
}

#[test]
fn author_line_under_the_title() {
    let f = frame("关于2024年度法治政府建设工作情况的报告\n某某区教育局\n一、2024年法治政府建设推进情况。（一）加强组织领导。\n");
    let m = &f.meta;
    assert_eq!(m.title.as_deref(), Some("关于2024年度法治政府建设工作情况的报告"));
    assert_eq!(m.issuer.as_deref(), Some("某某区教育局"));
    assert_eq!(m.level, Level::Department);
    assert_eq!(f.frame_lines, [1, 2]);
}
