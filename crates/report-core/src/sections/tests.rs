//! Part detection on our own fixtures, one family of report layout per test.

use super::*;

fn find(text: &str) -> Sections {
    let doc = Document::new(text);
    let frame = Frame::read(&doc, crate::kinds::ReportKind::names_only_a_plan);
    let outline = Outline::build(&doc, frame.body_end, &[]);
    Sections::find(&doc, &outline, &frame, ReportKind::default_kind(), &[])
}

fn named_parts(title: &str) -> Vec<PartId> {
    ReportKind::default_kind().parts_named(title)
}

fn parts(text: &str) -> (Vec<(PartId, Status, Option<usize>)>, bool) {
    let s = find(text);
    (s.parts.iter().map(|p| (p.id, p.status, p.line)).collect(), s.in_order)
}

fn statuses(text: &str) -> Vec<Status> {
    parts(text).0.into_iter().map(|p| p.1).collect()
}

use Status::{Missing as M, Partial as Pa, Present as P};

#[test]
fn the_rules_five_parts() {
    let text = "某县2024年度法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n……。\n二、2024年度推进法治政府建设存在的不足和原因\n……。\n三、2024年度党政主要负责人履行推进法治建设第一责任人职责的有关情况\n……。\n四、2025年度推进法治政府建设的主要安排\n……。\n五、其他需要报告的情况\n无。";
    let (p, in_order) = parts(text);
    assert_eq!(p.iter().map(|x| x.1).collect::<Vec<_>>(), [P, P, P, P, P]);
    assert_eq!(p.iter().map(|x| x.2.unwrap()).collect::<Vec<_>>(), [2, 4, 6, 8, 10]);
    assert!(in_order);
}

#[test]
fn synonyms_and_partial_parts() {
    let text = "一、2024年工作情况\n二、存在的问题\n三、下一步工作打算\n";
    assert_eq!(statuses(text), [P, Pa, M, P, M]);
}

#[test]
fn plan_for_the_wrong_year_is_partial() {
    let text = "关于2024年度法治政府建设情况的报告\n一、2024年主要做法和成效\n二、2024年工作计划\n";
    let s = find(text);
    let plan = s.part(PartId::NextYearPlan).unwrap();
    assert_eq!(plan.status, Pa);
    assert_eq!(plan.reason, Some(PartialReason::WrongYear { found: 2024, expected: 2025 }));
}

#[test]
fn topical_report_without_a_measures_heading_and_out_of_order() {
    let text = "某乡2024年度法治政府建设工作报告\n一、落实党政主要负责人履行推进法治建设第一责任人职责方面\n……。\n二、依法行政方面\n……。\n三、普法宣传方面\n……。\n四、2024年度存在的不足和原因\n……。\n五、2025年工作安排\n……。";
    let (p, in_order) = parts(text);
    assert_eq!(p.iter().map(|x| x.1).collect::<Vec<_>>(), [M, P, P, P, M]);
    assert!(!in_order);
}

#[test]
fn report_starting_at_the_second_level_has_no_measures_heading() {
    let text = "2023年以来，我镇……。\n（一）深入学习贯彻有关精神\n……。\n（二）有关推动落实的具体举措\n……。\n二、存在问题\n……。\n三、下一步打算\n……。";
    assert_eq!(statuses(text), [M, Pa, M, P, M]);
}

#[test]
fn parts_under_a_generic_first_level_heading() {
    let text = "一、法治政府建设情况\n（一）主要举措和成效\n……。\n（二）存在的不足和原因\n……。\n（三）主要负责人履职情况\n……。\n二、2025年工作安排\n……。";
    assert_eq!(statuses(text), [P, P, P, P, M]);
}

#[test]
fn unnumbered_part_headings() {
    let text = "关于2024年法治政府建设情况的报告\n现将2024年法治政府建设工作情况报告如下：\n主要举措和成效\n……。\n存在的不足和原因\n……。\n下一步工作打算\n……。";
    let (p, _) = parts(text);
    assert_eq!(p.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(), [(P, Some(3)), (P, Some(5)), (M, None), (P, Some(7)), (M, None)]);
}

#[test]
fn combined_heading_names_two_parts() {
    let text = "一、2024年主要举措和成效\n二、存在的不足、原因及下一步打算\n";
    assert_eq!(statuses(text), [P, P, M, P, M]);
}

#[test]
fn a_title_naming_work_is_not_a_part_heading() {
    let text = "某镇2024年法治政府建设工作情况\n\n2024年，我镇……。\n一、存在的不足和原因\n";
    assert_eq!(statuses(text), [M, P, M, M, M]);
}

#[test]
fn a_heading_about_next_years_work_is_the_plan() {
    let text = "关于2024年度法治政府建设情况的报告\n一、2024年法治政府建设基本情况\n……。\n二、存在的困难和问题\n……。\n三、2025年重点工作\n……。\n四、其他\n无。";
    assert_eq!(statuses(text), [P, Pa, M, P, P]);
}

#[test]
fn plan_words_win_over_measures_words() {
    assert_eq!(named_parts("下一步工作举措"), [PartId::NextYearPlan]);
    assert_eq!(named_parts("主要工作举措"), [PartId::Measures]);
}

#[test]
fn sub_headings_that_repeat_their_parts_word_stay_content() {
    let text = "一、主要举措和成效\n……。\n二、存在的不足和原因\n（一）部分干部法治意识不足，原因是学习不够。\n（二）队伍力量不足。\n三、下一步打算\n";
    let (p, _) = parts(text);
    assert_eq!(p[1], (PartId::Shortcomings, P, Some(3)));
}

#[test]
fn more_words_for_results_and_plans() {
    assert_eq!(named_parts("2024年度工作回顾"), [PartId::Measures]);
    assert_eq!(named_parts("今后工作安排"), [PartId::NextYearPlan]);
    assert_eq!(named_parts("下一阶段工作重点"), [PartId::NextYearPlan]);
}
