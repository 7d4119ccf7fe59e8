//! The reducer's behaviour, natively (no DOM): loading, refusing, undo, routes, sorting.

use super::*;

const REPORT: &str = "某镇2024年法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n开展讲座12场，发放资料3000余份。\n二、存在的不足和原因\n由于人员少，受众人数仅800人。\n";

fn loaded(state: Rc<AppState>, text: &str, mode: LoadMode) -> Rc<AppState> {
    let report = Report::analyze(0, Some("a.txt".into()), text.as_bytes().to_vec()).unwrap();
    state.reduce(Action::Loaded(report, mode))
}

#[test]
fn pasting_replaces_the_previous_report() {
    let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
    let s = loaded(s, "一、存在问题\n", LoadMode::Replace);
    assert_eq!(s.reports.len(), 1);
    assert_eq!(s.current, Some(0));
    assert_eq!(s.current_report().unwrap().summary.metrics.len(), 0);
    assert_eq!(s.reports[0].id, 1, "ids keep increasing");
}

#[test]
fn adding_keeps_the_others_and_shows_the_new_one() {
    let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Add);
    let s = loaded(s, REPORT, LoadMode::Add);
    assert_eq!(s.reports.len(), 2);
    assert_eq!(s.current, Some(1));
}

#[test]
fn a_kind_chosen_by_hand_replaces_the_report_in_place() {
    let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Add);
    let s = loaded(s, "一、存在问题\n", LoadMode::Add);
    let first = s.reports[0].clone();
    assert_eq!(first.summary.kind_basis, report_core::kinds::KindBasis::Recognised);
    let again = Report::analyze_as(
        first.id,
        first.name.clone(),
        first.bytes.to_vec(),
        &Reading { kind: Some(report_core::kinds::KindId::RuleOfLaw), ..Reading::default() },
    )
    .unwrap();
    let s = s.reduce(Action::Reanalysed(again));
    assert_eq!((s.reports.len(), s.current), (2, Some(1)), "the others and the view stay");
    assert_eq!(s.reports[0].id, first.id);
    assert_eq!(s.reports[0].summary.kind_basis, report_core::kinds::KindBasis::Chosen);
}

#[test]
fn a_refused_file_keeps_the_analysis_and_says_why() {
    let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let error = Report::analyze(0, Some("x.png".into()), png).unwrap_err();
    assert_eq!(error.kind, report_core::input::InputKind::Png);
    let failure = Failure::NotAReport { name: Some("x.png".into()), error };
    let s = s.reduce(Action::Busy).reduce(Action::Refused(failure.clone()));
    assert!(!s.busy);
    assert_eq!(s.reports.len(), 1);
    assert_eq!(s.current_report().unwrap().summary.metrics.len(), 3);
    assert_eq!(s.notices, [Notice::Refused { failures: vec![failure.clone()], kept: true }]);
    // On an empty page there was nothing to keep.
    let s0 = Rc::new(AppState::default()).reduce(Action::Busy).reduce(Action::Refused(failure.clone()));
    assert_eq!(s0.notices, [Notice::Refused { failures: vec![failure], kept: false }]);
    let s = s.reduce(Action::Dismiss(0));
    assert!(s.notices.is_empty());
}

#[test]
fn metrics_sort_and_filter() {
    let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
    let values =
        |s: &AppState| s.visible_metrics().iter().map(|&i| s.current_report().unwrap().summary.metrics[i].value).collect::<Vec<_>>();
    assert_eq!(values(&s), [12.0, 3000.0, 800.0]);
    let s = s.reduce(Action::SortMetrics(MetricColumn::Value));
    assert_eq!(values(&s), [12.0, 800.0, 3000.0]);
    let s = s.reduce(Action::SortMetrics(MetricColumn::Value));
    assert_eq!(values(&s), [3000.0, 800.0, 12.0]);
    let s = s.reduce(Action::FilterMetrics(MetricFilter::Part(PartId::Shortcomings)));
    assert_eq!(values(&s), [800.0]);
    let s = s.reduce(Action::FilterMetrics(MetricFilter::NoPart));
    assert!(values(&s).is_empty());
}

#[test]
fn jumps_count_up_so_the_same_target_scrolls_again() {
    let s = Rc::new(AppState::default()).reduce(Action::Jump(JumpTarget::Line(3))).reduce(Action::Jump(JumpTarget::Line(3)));
    assert_eq!(s.jump, Some(Jump { target: JumpTarget::Line(3), seq: 2 }));
}

fn batch(texts: &[&str]) -> Rc<AppState> {
    let mut s = Rc::new(AppState::default()).reduce(Action::BatchStart(texts.len()));
    for (i, t) in texts.iter().enumerate() {
        let report = Report::analyze(0, Some(format!("{i}.txt")), t.as_bytes().to_vec()).unwrap();
        let mode = if i == 0 { LoadMode::Replace } else { LoadMode::Add };
        assert!(s.batch.is_some() || texts.len() == 1);
        s = s.reduce(Action::Loaded(report, mode));
    }
    s
}

#[test]
fn a_batch_counts_progress_and_ends_in_the_comparison() {
    let s = Rc::new(AppState::default()).reduce(Action::BatchStart(3));
    assert_eq!(s.batch, Some(Batch { done: 0, total: 3 }));
    let r = |t: &str| Report::analyze(0, None, t.as_bytes().to_vec()).unwrap();
    let s = s.reduce(Action::Loaded(r(REPORT), LoadMode::Replace));
    assert_eq!(s.batch, Some(Batch { done: 1, total: 3 }));
    let s = s.reduce(Action::Refused(Failure::ReadFailed { name: Some("x".into()), error: "gone".into() }));
    assert!(s.notices.is_empty(), "told when the batch ends");
    let s = s.reduce(Action::Loaded(r("一、存在问题\n"), LoadMode::Add));
    assert_eq!(s.batch, None);
    assert!(!s.busy);
    assert_eq!(s.view, View::Compare);
    assert_eq!(s.current, Some(0), "the batch does not move the current report");
    let failures = vec![Failure::ReadFailed { name: Some("x".into()), error: "gone".into() }];
    assert_eq!(s.notices, [Notice::Refused { failures, kept: false }], "nothing was shown before");
}

#[test]
fn the_failures_of_a_batch_are_one_notice_that_says_whether_the_reports_were_kept() {
    let failure = |n: &str| Failure::TooLarge { name: Some(n.into()), megabytes: 30, limit_megabytes: 24 };
    let shown = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
    // All refused: the report shown stays.
    let s = shown.clone().reduce(Action::BatchStart(2)).reduce(Action::Refused(failure("a"))).reduce(Action::Refused(failure("b")));
    assert_eq!(s.notices, [Notice::Refused { failures: vec![failure("a"), failure("b")], kept: true }]);
    // One of them replaced it: the notice must not say it was kept.
    let s = shown.reduce(Action::BatchStart(2)).reduce(Action::Refused(failure("a")));
    let s = loaded(s, REPORT, LoadMode::Replace);
    assert_eq!(s.notices, [Notice::Refused { failures: vec![failure("a")], kept: false }]);
}

#[test]
fn comparison_sorts_filters_selects_and_removes() {
    let s = batch(&[
        REPORT,
        "某局2024年法治政府建设情况报告\n一、存在问题\n",
        "一、主要举措和成效\n二、存在的不足和原因\n三、主要负责人履职情况\n",
    ]);
    assert_eq!(s.visible_rows(), [0, 1, 2]);
    let s = s.reduce(Action::SortCompare(CompareColumn::Parts));
    assert_eq!(s.visible_rows(), [1, 0, 2]);
    let s = s.reduce(Action::SortCompare(CompareColumn::Parts));
    assert_eq!(s.visible_rows(), [2, 0, 1]);
    let s = s.reduce(Action::FilterCompare(CompareFilter { level: None, missing: Some(PartId::FirstResponsible) }));
    assert_eq!(s.visible_rows(), [0, 1]);
    let s = s.reduce(Action::FilterCompare(CompareFilter { level: Some(Level::Department), missing: None }));
    assert_eq!(s.visible_rows(), [1]);
    let s = s.reduce(Action::Select(2));
    assert_eq!((s.current, s.view), (Some(2), View::Report));
    let s = s.reduce(Action::ShowCompare).reduce(Action::Remove(0));
    assert_eq!((s.reports.len(), s.current), (2, Some(1)));
    let s = s.reduce(Action::ClearAll);
    assert!(s.reports.is_empty() && s.current.is_none());
}

#[test]
fn reports_without_issuer_year_date_or_level_stay_last_in_both_directions() {
    let s = batch(&[
        "某镇2024年法治政府建设情况报告\n发布时间:2025-01-20\n一、存在问题\n",
        "某局2024年法治政府建设情况报告\n一、存在问题\n",
        "一、主要举措和成效\n二、存在的不足和原因\n",
        "某县2023年法治政府建设情况报告\n发布时间:2024-03-01\n一、存在问题\n",
    ]);
    let rows = |s: &AppState| s.visible_rows().into_iter().map(|i| s.reports[i].comparison_row.clone()).collect::<Vec<_>>();
    assert_eq!(rows(&s)[2].issuer, None, "row 2 has nothing to sort by");
    assert_eq!(rows(&s)[2].level, Level::Unknown);
    assert_eq!(rows(&s)[1].publish_date, None);
    for (column, ascending, descending) in [
        // 县 < 局 < 镇 in code points.
        (CompareColumn::Issuer, [3, 1, 0, 2], [0, 1, 3, 2]),
        // Ties (0 and 1 in 2024) turn with the direction; the row without a year does not.
        (CompareColumn::Year, [3, 0, 1, 2], [1, 0, 3, 2]),
        (CompareColumn::Level, [0, 3, 1, 2], [1, 3, 0, 2]),
        (CompareColumn::Published, [3, 0, 1, 2], [0, 3, 2, 1]),
    ] {
        let s = s.clone().reduce(Action::SortCompare(column));
        assert_eq!(s.visible_rows(), ascending, "{column:?} ascending");
        let s = s.reduce(Action::SortCompare(column));
        assert_eq!(s.visible_rows(), descending, "{column:?} descending");
    }
}

#[test]
fn figures_outside_the_parts_stay_last_in_both_directions() {
    let text = "某镇2024年法治政府建设情况报告\n全年办理案件50件。\n一、2024年度推进法治政府建设的主要举措和成效\n开展讲座12场。\n二、存在的不足和原因\n受众人数仅800人。\n";
    let s = loaded(Rc::new(AppState::default()), text, LoadMode::Replace);
    let values =
        |s: &AppState| s.visible_metrics().iter().map(|&i| s.current_report().unwrap().summary.metrics[i].value).collect::<Vec<_>>();
    assert_eq!(values(&s), [50.0, 12.0, 800.0], "in the order of the text");
    let s = s.reduce(Action::SortMetrics(MetricColumn::Part));
    assert_eq!(values(&s), [12.0, 800.0, 50.0]);
    let s = s.reduce(Action::SortMetrics(MetricColumn::Part));
    assert_eq!(values(&s), [800.0, 12.0, 50.0]);
}

#[test]
fn the_paste_box_analyses_only_what_can_be_a_report() {
    assert_eq!(Draft::of(""), Draft::Empty);
    assert_eq!(Draft::of(" \n\t "), Draft::Empty);
    assert_eq!(Draft::of("x"), Draft::TooShort { chars: 1 });
    // Blanks do not count: three short headings on three lines are still too short.
    assert_eq!(Draft::of("一、存在问题\n 二、不足和原因\n三、安排 "), Draft::TooShort { chars: 17 });
    assert_eq!(Draft::of(&"字".repeat(MIN_REPORT_CHARS - 1)), Draft::TooShort { chars: MIN_REPORT_CHARS - 1 });
    assert_eq!(Draft::of(&"字".repeat(MIN_REPORT_CHARS)), Draft::Ready);
    assert_eq!(Draft::of(REPORT), Draft::Ready);
}

fn ids(s: &AppState) -> Vec<u64> {
    s.reports.iter().map(|r| r.id).collect()
}

#[test]
fn replacing_removing_and_clearing_are_undone_in_reverse_order() {
    let s = batch(&[REPORT, "某局2024年法治政府建设情况报告\n一、存在问题\n", "一、主要举措和成效\n"]);
    assert_eq!((ids(&s), s.view, s.last_undoable()), (vec![0, 1, 2], View::Compare, None));
    let s = s.reduce(Action::Select(2)).reduce(Action::ShowCompare);
    let s = s.reduce(Action::Remove(1));
    assert_eq!(s.last_undoable(), Some(&Undoable::Removed { name: "1.txt".into() }));
    let s = s.reduce(Action::ClearAll);
    assert_eq!(s.last_undoable(), Some(&Undoable::Cleared { count: 2 }));
    let s = loaded(s, REPORT, LoadMode::Replace);
    assert_eq!(s.undo.len(), 2, "replacing nothing is not a step");
    let s = loaded(s, REPORT, LoadMode::Replace);
    assert_eq!(s.last_undoable(), Some(&Undoable::Replaced { count: 1 }));

    let s = s.reduce(Action::Undo);
    assert_eq!((ids(&s), s.current, s.view), (vec![3], Some(0), View::Report));
    let s = s.reduce(Action::Undo);
    assert_eq!((ids(&s), s.current, s.view), (vec![0, 2], Some(1), View::Compare), "the comparison, as before clearing");
    let s = s.reduce(Action::Undo);
    assert_eq!((ids(&s), s.current, s.view), (vec![0, 1, 2], Some(2), View::Compare));
    assert!(s.undo.is_empty());
    assert_eq!(s.clone().reduce(Action::Undo), s, "nothing left to undo");
    let s = loaded(s, REPORT, LoadMode::Add);
    assert_eq!(s.reports.last().unwrap().id, 5, "ids stay unique after an undo");
}

#[test]
fn a_batch_replacing_ten_reports_is_one_step() {
    let ten = batch(&[REPORT; 10]);
    let mut s = ten.clone().reduce(Action::BatchStart(2));
    s = loaded(s, REPORT, LoadMode::Replace);
    assert_eq!(s.clone().reduce(Action::Undo).reports.len(), 1, "not during the batch");
    s = loaded(s, REPORT, LoadMode::Add);
    assert_eq!((s.reports.len(), s.undo.len()), (2, 1));
    let s = s.reduce(Action::Undo);
    assert_eq!((ids(&s), s.view), (ids(&ten), View::Compare));
}

#[test]
fn the_undo_stack_keeps_the_latest_steps() {
    let mut s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
    for _ in 0..UNDO_DEPTH + 5 {
        s = loaded(s, REPORT, LoadMode::Replace);
    }
    assert_eq!(s.undo.len(), UNDO_DEPTH);
    for _ in 0..UNDO_DEPTH {
        s = s.reduce(Action::Undo);
    }
    assert_eq!(ids(&s), [5], "the oldest five steps were forgotten");
    assert_eq!(s.last_undoable(), None);
}

#[test]
fn the_route_names_what_is_shown_and_navigating_shows_it() {
    let s = Rc::new(AppState::default());
    assert_eq!(s.route(), Route::Home);
    let s = batch(&[REPORT, "某局2024年法治政府建设情况报告\n一、存在问题\n", "一、主要举措和成效\n"]);
    let compare = |filter, sort| Route::Compare { filter, sort };
    assert_eq!(s.route(), compare(CompareFilter::default(), CompareSort::default()));
    let s = s.reduce(Action::Select(1));
    assert_eq!(s.route(), Route::Report(2));

    let filter = CompareFilter { level: Some(Level::Department), missing: None };
    let sort = CompareSort { column: CompareColumn::Year, ascending: false };
    let s = s.reduce(Action::Navigate(compare(filter, sort)));
    assert_eq!((s.view, s.compare_filter, s.compare_sort, s.return_to), (View::Compare, filter, sort, Some(1)));
    assert_eq!(s.route(), compare(filter, sort));
    let s = s.reduce(Action::Navigate(Route::Report(3)));
    assert_eq!((s.view, s.current, s.route()), (View::Report, Some(2), Route::Report(3)));
    // An address that names no report leaves the view as it is.
    let s = s.reduce(Action::Navigate(Route::Report(9))).reduce(Action::Navigate(Route::Home));
    assert_eq!((s.route(), s.navigations), (Route::Report(3), 4));
}

#[test]
fn the_address_on_load_waits_for_the_restored_session() {
    let s = Rc::new(AppState::default()).reduce(Action::BatchStart(3)).reduce(Action::Navigate(Route::Report(2)));
    assert_eq!((s.pending_route, s.navigations), (Some(Route::Report(2)), 0));
    let r = |t: &str| Report::analyze(0, None, t.as_bytes().to_vec()).unwrap();
    let s = s.reduce(Action::Loaded(r(REPORT), LoadMode::Replace)).reduce(Action::Loaded(r(REPORT), LoadMode::Add));
    assert_eq!(s.pending_route, Some(Route::Report(2)));
    let s = s.reduce(Action::Loaded(r(REPORT), LoadMode::Add));
    assert_eq!((s.pending_route, s.navigations, s.route()), (None, 1, Route::Report(2)));
    // With nothing to restore, the address is shown at once (here: nothing).
    let s = Rc::new(AppState::default()).reduce(Action::Navigate(Route::Report(2)));
    assert_eq!((s.pending_route, s.navigations, s.route()), (None, 1, Route::Home));
}

#[test]
fn a_stored_session_read_later_still_makes_the_address_wait_and_brings_its_view_back() {
    let r = |t: &str| Report::analyze(0, None, t.as_bytes().to_vec()).unwrap();
    let saved = SavedView {
        current: Some(1),
        view: View::Report,
        metric_sort: MetricSort { column: MetricColumn::Value, ascending: false },
        metric_filter: MetricFilter::NoPart,
        compare_sort: CompareSort { column: CompareColumn::Year, ascending: false },
        ..SavedView::default()
    };
    let restore = |address: Route| {
        // The address is read while the stored session is still being read.
        let s = Rc::new(AppState::default()).reduce(Action::Restoring).reduce(Action::Navigate(address));
        assert_eq!(s.pending_route, Some(address));
        let s = s.reduce(Action::BatchStart(2)).reduce(Action::Restored(Some(saved)));
        assert_eq!((s.metric_sort, s.compare_sort), (saved.metric_sort, saved.compare_sort), "the sorts at once");
        let s = s.reduce(Action::Loaded(r(REPORT), LoadMode::Replace));
        assert_eq!(s.saved_view, Some(saved), "until every report is in");
        s.reduce(Action::Loaded(r(REPORT), LoadMode::Add))
    };
    // No address: the view that was left, the figures' filter with its report.
    let s = restore(Route::Home);
    assert_eq!((s.view, s.current, s.metric_filter, s.saved_view), (View::Report, Some(1), MetricFilter::NoPart, None));
    assert_eq!((s.navigations, s.route()), (1, Route::Report(2)), "the address then names it");
    // An address names what to show; the filter belonged to another report.
    let s = restore(Route::Report(1));
    assert_eq!((s.view, s.current, s.metric_filter), (View::Report, Some(0), MetricFilter::All));
    let s = restore(Route::Compare { filter: CompareFilter::default(), sort: CompareSort::default() });
    assert_eq!((s.view, s.compare_sort), (View::Compare, CompareSort::default()));
    // Nothing stored: the address is shown as soon as that is known.
    let s = Rc::new(AppState::default()).reduce(Action::Restoring).reduce(Action::Navigate(Route::Report(2)));
    let s = s.reduce(Action::Restored(None));
    assert_eq!((s.pending_route, s.navigations, s.restoring), (None, 1, false));
}

#[test]
fn previous_and_next_follow_the_comparison_as_sorted_and_filtered() {
    let s = batch(&[
        REPORT,
        "某局2024年法治政府建设情况报告\n一、存在问题\n",
        "一、主要举措和成效\n二、存在的不足和原因\n三、主要负责人履职情况\n",
    ]);
    // Sorted by parts, descending: 2, 0, 1.
    let s = s.reduce(Action::SortCompare(CompareColumn::Parts)).reduce(Action::SortCompare(CompareColumn::Parts));
    let s = s.reduce(Action::Select(2));
    assert_eq!(s.neighbours(), (None, Some(0)));
    let s = s.reduce(Action::Step(Step::Previous));
    assert_eq!(s.current, Some(2), "nothing before the first");
    let s = s.reduce(Action::Step(Step::Next));
    assert_eq!(s.current, Some(0));
    let s = s.reduce(Action::Step(Step::Next));
    assert_eq!((s.current, s.neighbours(), s.place_in_comparison()), (Some(1), (Some(0), None), Some((3, 3))));
    let s = s.reduce(Action::ShowCompare);
    assert_eq!(s.return_to, Some(s.reports[1].id));
    assert_eq!(s.clone().reduce(Action::Step(Step::Previous)).current, Some(1), "not from the comparison");
    // A report the filter hides has no neighbours.
    let s = s.reduce(Action::FilterCompare(CompareFilter { level: Some(Level::Township), missing: None })).reduce(Action::Select(1));
    assert_eq!((s.neighbours(), s.place_in_comparison()), ((None, None), None));
}

#[test]
fn export_names_come_from_issuer_and_year_and_say_what_is_inside() {
    let r = Report::analyze(0, Some("x.txt".into()), REPORT.as_bytes().to_vec()).unwrap();
    assert_eq!(r.summary_json_name(), "某镇-2024-summary.json");
    assert_eq!(r.figures_csv_name(), "某镇-2024-figures.csv");
    let r = Report::analyze(0, Some("notes/a b.txt".into()), "一、存在问题\n".as_bytes().to_vec()).unwrap();
    assert_eq!(r.figures_csv_name(), "notes_a b-figures.csv");
    let r = Report::analyze(0, None, "一、存在问题\n".as_bytes().to_vec()).unwrap();
    assert_eq!(r.summary_json_name(), "report-summary.json");
    // The comparison's three downloads: different names, none taken for a report's.
    use comparison_export::*;
    assert_eq!(
        [TABLE_CSV, JSON, ALL_FIGURES_CSV],
        ["report-lens-comparison-table.csv", "report-lens-comparison.json", "report-lens-all-figures.csv"]
    );
}

/// A 政府信息公开 report of our own: part 四's table only, its 复议 row `a` results making
/// `total` (three rows of five: 复议, 直接起诉, 复议后起诉).
fn disclosure(issuer: &str, review: [u32; 5], litigation: u32) -> String {
    let [a, b, c, d, total] = review;
    format!(
        "{issuer}2023年政府信息公开工作年度报告\n一、总体情况\n本年度公开信息200条。\n四、政府信息公开行政复议、行政诉讼情况\n\
         结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n\
         {a} | {b} | {c} | {d} | {total} | {litigation} | 0 | 0 | 0 | {litigation} | 0 | 0 | 0 | 0 | 0 |\n"
    )
}

#[test]
fn a_failed_check_names_its_cell() {
    let s = batch(&[&disclosure("青禾县司法局", [1, 0, 0, 0, 2], 0)]);
    let summary = &s.reports[0].summary;
    let finding = summary.findings.iter().find(|f| f.code.as_str() == "table_sum_mismatch").expect("the planted total");
    let at = CellAt::of_finding(summary, finding).expect("its cell was read");
    let table = &summary.tables[at.table];
    let (row, cell) = (&table.rows[at.row], &table.rows[at.row].cells[at.cell]);
    assert_eq!((table.id.as_str(), row.id.as_str(), cell.column.as_str(), cell.value), ("review_litigation", "review", "total", Some(2.0)));
    // Other findings name no cell.
    assert!(summary.findings.iter().filter(|f| f.code.as_str() != "table_sum_mismatch").all(|f| CellAt::of_finding(summary, f).is_none()));
    let s = s.reduce(Action::Jump(JumpTarget::Cell(at)));
    assert_eq!(s.jump.map(|j| j.target), Some(JumpTarget::Cell(at)));
}

#[test]
fn the_comparison_keeps_each_kind_together_and_sorts_by_table_figures() {
    let s = batch(&[
        &disclosure("青禾县司法局", [3, 0, 0, 0, 3], 1),
        REPORT,
        &disclosure("云河区教育局", [1, 0, 0, 0, 1], 4),
        "某局2024年法治政府建设情况报告\n一、存在问题\n",
    ]);
    let kinds = |s: &AppState| s.visible_rows().iter().map(|&i| s.reports[i].summary.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&s), [KindId::RuleOfLaw, KindId::RuleOfLaw, KindId::Disclosure, KindId::Disclosure]);
    assert_eq!(s.visible_rows(), [1, 3, 0, 2]);
    // By the review total: the 政府信息公开 reports change places, the others keep theirs
    // and every kind stays in its table whichever way it is sorted.
    let s = s.reduce(Action::SortCompare(CompareColumn::ReviewTotal));
    assert_eq!(s.visible_rows(), [1, 3, 2, 0]);
    let s = s.reduce(Action::SortCompare(CompareColumn::ReviewTotal));
    assert_eq!(s.visible_rows(), [3, 1, 0, 2]);
    let s = s.reduce(Action::SortCompare(CompareColumn::LitigationTotal));
    assert_eq!(s.visible_rows(), [1, 3, 0, 2]);
    // Previous and next follow the tables: the last rule-of-law report, then the first of the other kind.
    let s = s.reduce(Action::Select(3));
    assert_eq!(s.neighbours(), (Some(1), Some(0)));
    // A part of one kind filters only the reports of that kind.
    let s = s.reduce(Action::ShowCompare).reduce(Action::FilterCompare(CompareFilter { level: None, missing: Some(PartId::Proactive) }));
    assert_eq!(s.visible_rows(), [0, 2]);
    let s = s.reduce(Action::FilterCompare(CompareFilter { level: None, missing: Some(PartId::FirstResponsible) }));
    assert_eq!(s.visible_rows(), [1, 3]);
}

/// A town's report whose page says it was published after the deadline (1 April).
const DATED: &str = "青禾县石桥乡2024年法治政府建设情况报告\n发布日期：2025-03-20\n一、2024年度推进法治政府建设的主要举措和成效\n开展讲座12场。\n二、存在的不足和原因\n人员少。\n";

#[test]
fn a_corrected_report_says_how_it_was_read_and_its_row_and_findings_follow() {
    use report_core::frame::Corrections;
    let read = Report::analyze(0, None, DATED.as_bytes().to_vec()).unwrap();
    assert_eq!(read.reading(), Reading::default(), "nothing chosen or corrected");
    assert_eq!(read.comparison_row.published_late, Some(false));
    let reading = Reading {
        kind: Some(report_core::kinds::KindId::RuleOfLaw),
        corrections: Corrections {
            issuer: Some("青禾县石桥乡人民政府".into()),
            level: Some(Level::Township),
            report_year: Some(2024),
            publish_date: "2025-04-08".parse().ok(),
        },
    };
    let corrected = Report::analyze_as(0, None, DATED.as_bytes().to_vec(), &reading).unwrap();
    // What a new analysis must be told to read it the same way: the kind and all four.
    assert_eq!(corrected.reading(), reading);
    let row = &corrected.comparison_row;
    assert_eq!(row.issuer.as_deref(), Some("青禾县石桥乡人民政府"));
    assert_eq!(row.level, Level::Township);
    assert_eq!(row.published_late, Some(true), "the corrected date is past 1 April");
    assert!(corrected.summary.findings.iter().any(|f| matches!(f.code, FindingCode::PublishedLate { .. })));
    // The JSON downloaded says what was corrected and what was read.
    let json = corrected.json.to_text();
    assert!(json.contains("\"corrected\""), "{json}");
    assert!(json.contains("\"read\": \"2025-03-20\"") || json.contains("\"read\":\"2025-03-20\""), "{json}");
    // Undoing one correction keeps the others.
    let fewer = Reading { corrections: Corrections { publish_date: None, ..reading.corrections.clone() }, ..reading.clone() };
    let undone = Report::analyze_as(0, None, DATED.as_bytes().to_vec(), &fewer).unwrap();
    assert_eq!(undone.reading(), fewer);
    assert_eq!(undone.comparison_row.published_late, Some(false));
}
