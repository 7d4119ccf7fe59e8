//! Browser tests (wasm-bindgen-test in headless Chromium): the main components mounted with
//! a small summary, their DOM asserted.
//!
//!     CHROMEDRIVER=/usr/bin/chromedriver cargo test -p report-lens --target wasm32-unknown-unknown
#![cfg(target_arch = "wasm32")]

use report_lens::components::{
    checklist::{Checklist, ChecklistProps},
    compare_view::{CompareView, CompareViewProps},
    findings_list::{FindingsList, FindingsListProps},
    header_card::{HeaderCard, HeaderCardProps},
    input_panel::{InputPanel, InputPanelProps},
    metrics_table::{MetricsTable, MetricsTableProps},
    tables_view::{TablesView, TablesViewProps},
    text_view::{TextView, TextViewProps},
    undo_bar::{UndoBar, UndoBarProps},
};
use report_lens::i18n::Lang;
use report_lens::services::storage;
use report_lens::state::{
    CellAt, CompareFilter, CompareSort, Jump, JumpTarget, MetricFilter, MetricSort, Report, SavedView, Undoable, View,
};
use report_lens::App;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

const REPORT: &str = "某某镇2024年法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n全年开展法治讲座12场，发放资料3000余份。<script>alert(1)</script>\n二、存在问题\n人员不足。\n";

fn report() -> Rc<Report> {
    Rc::new(Report::analyze(1, Some("a.txt".into()), REPORT.as_bytes().to_vec()).unwrap())
}

fn root() -> web_sys::Element {
    // The whole page is tested where no worker file is served: its requests are answered in
    // the page, by the worker's own answer.
    report_lens::services::analysis_worker::answer_in_page(report_lens::analysis::worker::answer_in_page);
    let document = gloo_utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

/// Waits (up to 2 s) until `selector` matches under `root`: for what is drawn a frame or
/// more after the first drawing (the comparison's charts).
async fn drawn(root: &web_sys::Element, selector: &str) {
    for _ in 0..100 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        settle().await;
    }
    panic!("{selector} was never drawn");
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn checklist_shows_five_parts_and_a_missing_part_unmistakably() {
    let root = root();
    let jumped = Rc::new(RefCell::new(None));
    let j = jumped.clone();
    let props = ChecklistProps {
        lang: Lang::Zh,
        summary: report().summary.clone(),
        onjump: Callback::from(move |line| *j.borrow_mut() = Some(line)),
    };
    Renderer::<Checklist>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(root.query_selector_all("li.part").unwrap().length(), 5);
    let missing = root.query_selector("li[data-part=first_responsible]").unwrap().unwrap();
    assert!(missing.class_name().contains("part-missing"));
    let text = missing.text_content().unwrap();
    assert!(text.contains("✖") && text.contains("缺失"), "{text}");
    let partial = root.query_selector("li[data-part=shortcomings]").unwrap().unwrap();
    assert_eq!(partial.get_attribute("data-status").as_deref(), Some("partial"));
    // Clicking a part jumps to its heading's line.
    let button: web_sys::HtmlElement = root.query_selector("li[data-part=measures] button").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    assert_eq!(*jumped.borrow(), Some(2));
}

#[wasm_bindgen_test]
async fn header_card_shows_meta_and_the_compliance_badge() {
    let root = root();
    let chosen = Rc::new(RefCell::new(None));
    let c = chosen.clone();
    let corrected = Rc::new(RefCell::new(None));
    let jumped = Rc::new(RefCell::new(None));
    let (k, j) = (corrected.clone(), jumped.clone());
    let props = HeaderCardProps {
        lang: Lang::Zh,
        summary: report().summary.clone(),
        onkind: Callback::from(move |k| *c.borrow_mut() = Some(k)),
        oncorrect: Callback::from(move |x| *k.borrow_mut() = Some(x)),
        onjump: Callback::from(move |line| *j.borrow_mut() = Some(line)),
    };
    Renderer::<HeaderCard>::with_root_and_props(root.clone(), props).render();
    settle().await;
    // The kind, how it was decided, and a choice of kinds.
    let basis = root.query_selector(".kind-basis").unwrap().unwrap();
    assert_eq!(basis.get_attribute("data-basis").as_deref(), Some("recognised"));
    let select: web_sys::HtmlSelectElement = root.query_selector("[data-testid=kind-select]").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(select.value(), "rule_of_law");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    assert_eq!(*chosen.borrow(), Some(report_core::kinds::KindId::RuleOfLaw));
    let badge = root.query_selector("[data-testid=badge]").unwrap().unwrap();
    assert_eq!(badge.text_content().unwrap(), "必备部分 2/5");
    assert!(badge.class_name().contains("sev-error"));
    let dd = texts(&root, "dd");
    assert!(dd.iter().any(|d| d.starts_with("某某镇")), "{dd:?}");
    assert!(dd.iter().any(|d| d.starts_with("2024")), "{dd:?}");
    // The issuer says where it was read, and shows that line when clicked.
    let issuer: web_sys::HtmlElement = root.query_selector("[data-testid=evidence-issuer]").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(issuer.get_attribute("data-source").as_deref(), Some("title"));
    assert_eq!(issuer.get_attribute("title").as_deref(), Some("读自标题，第 1 行（点击在原文中定位）"));
    issuer.click();
    assert_eq!(*jumped.borrow(), Some(1));
    // Correcting it hands every correction on: the issuer typed, nothing else.
    let edit: web_sys::HtmlElement = root.query_selector("[data-testid=correct-issuer]").unwrap().unwrap().dyn_into().unwrap();
    edit.click();
    settle().await;
    let value: web_sys::HtmlInputElement = root.query_selector("[data-testid=correct-issuer-value]").unwrap().unwrap().dyn_into().unwrap();
    value.set_value("  某某县某某镇人民政府 ");
    let save: web_sys::HtmlElement = root.query_selector("[data-testid=correct-issuer-save]").unwrap().unwrap().dyn_into().unwrap();
    save.click();
    settle().await;
    let expected = report_core::frame::Corrections { issuer: Some("某某县某某镇人民政府".into()), ..Default::default() };
    assert_eq!(*corrected.borrow(), Some(expected));
    assert!(root.query_selector("[data-testid=correct-issuer-value]").unwrap().is_none(), "the editor closes");
}

#[wasm_bindgen_test]
async fn findings_are_worded_in_the_ui_language() {
    for (lang, expected) in
        [(Lang::Zh, "缺少必备部分“第一责任人履职情况”"), (Lang::En, "Required part missing: “First-responsible duties”")]
    {
        let root = root();
        let props = FindingsListProps { lang, summary: report().summary.clone(), onjump: Callback::noop(), onjumpcell: Callback::noop() };
        Renderer::<FindingsList>::with_root_and_props(root.clone(), props).render();
        settle().await;
        let messages = texts(&root, ".finding .message");
        assert!(messages.iter().any(|m| m.starts_with(expected)), "{messages:?}");
        if lang == Lang::En {
            // The English UI words every finding in English: no Han character in a message
            // except inside quotation marks (part names are English too, so none at all here).
            let han = messages.iter().flat_map(|m| m.chars()).filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            assert_eq!(han, 0, "{messages:?}");
        }
    }
}

#[wasm_bindgen_test]
async fn metrics_table_lists_rows_and_reports_sorting_and_jumps() {
    let root = root();
    let sorted = Rc::new(RefCell::new(Vec::new()));
    let jumped = Rc::new(RefCell::new(Vec::new()));
    let (s, j) = (sorted.clone(), jumped.clone());
    let r = report();
    let props = MetricsTableProps {
        lang: Lang::En,
        summary: r.summary.clone(),
        rows: vec![1, 0],
        sort: MetricSort::default(),
        filter: MetricFilter::All,
        onsort: Callback::from(move |c| s.borrow_mut().push(c)),
        onfilter: Callback::noop(),
        onjump: Callback::from(move |i| j.borrow_mut().push(i)),
    };
    Renderer::<MetricsTable>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let values = texts(&root, "tbody td.num");
    assert_eq!(values, ["3000", "12"]);
    assert_eq!(texts(&root, "[data-testid=metric-count]"), ["2"]);
    let header: web_sys::HtmlElement = root.query_selector("th button").unwrap().unwrap().dyn_into().unwrap();
    header.click();
    assert_eq!(sorted.borrow().len(), 1);
    let row: web_sys::HtmlElement = root.query_selector("tr.metric-row").unwrap().unwrap().dyn_into().unwrap();
    row.click();
    assert_eq!(*jumped.borrow(), [1]);
}

#[wasm_bindgen_test]
async fn text_view_marks_headings_and_figures_and_keeps_user_text_as_text() {
    let root = root();
    Renderer::<TextView>::with_root_and_props(root.clone(), TextViewProps { lang: Lang::Zh, report: report(), jump: None }).render();
    settle().await;
    assert_eq!(root.query_selector_all(".tl").unwrap().length(), 5);
    assert_eq!(texts(&root, ".hd-1"), ["一、2024年度推进法治政府建设的主要举措和成效", "二、存在问题"]);
    let metric = root.query_selector("#M1").unwrap().unwrap();
    assert_eq!(metric.text_content().unwrap(), "发放资料3000余份");
    assert!(metric.get_attribute("data-tip").unwrap().contains("3000"));
    // The hostile text is a text node, not an element.
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.text_content().unwrap().contains("<script>alert(1)</script>"));
}

#[wasm_bindgen_test]
async fn compare_view_lists_reports_with_their_parts_and_charts() {
    let root = root();
    let second = Rc::new(
        Report::analyze(
            2,
            Some("b.txt".into()),
            "某局2024年法治政府建设情况报告\n一、主要举措和成效\n二、存在的不足和原因\n三、主要负责人履职情况\n".as_bytes().to_vec(),
        )
        .unwrap(),
    );
    let opened = Rc::new(RefCell::new(None));
    let o = opened.clone();
    let props = CompareViewProps {
        lang: Lang::Zh,
        reports: vec![report(), second],
        rows: vec![1, 0],
        sort: CompareSort::default(),
        filter: CompareFilter::default(),
        onsort: Callback::noop(),
        onfilter: Callback::noop(),
        onselect: Callback::from(move |i| *o.borrow_mut() = Some(i)),
        onremove: Callback::noop(),
        onclear: Callback::noop(),
        return_to: None,
        scroll_memory: Default::default(),
    };
    Renderer::<CompareView>::with_root_and_props(root.clone(), props).render();
    drawn(&root, "[data-testid=chart-parts]").await;
    assert_eq!(texts(&root, "tr.compare-row th"), ["b.txt", "a.txt"]);
    let cell = root.query_selector("tr.compare-row td[data-part=first_responsible]").unwrap().unwrap();
    assert_eq!(cell.get_attribute("data-status").as_deref(), Some("present"));
    assert_eq!(root.query_selector_all("[data-testid=chart-parts] rect").unwrap().length(), 4);
    let open: web_sys::HtmlElement = root.query_selector("button.open-report").unwrap().unwrap().dyn_into().unwrap();
    open.click();
    assert_eq!(*opened.borrow(), Some(1));
}

#[wasm_bindgen_test]
async fn the_kind_chart_never_adds_unlike_figures() {
    // 宣传资料 and 宣传小礼品 are both counted in 份: two kinds, never one bar of 30600.
    let root = root();
    let a = "甲镇2024年法治政府建设情况报告\n一、主要举措和成效\n发放宣传资料30000余份、宣传小礼品600余份。\n";
    let b = "乙乡2024年法治政府建设情况报告\n一、主要举措和成效\n发放宣传资料1200份，发放宣传资料300份。\n";
    let reports: Vec<Rc<Report>> = [a, b]
        .iter()
        .enumerate()
        .map(|(k, t)| Rc::new(Report::analyze(k as u64 + 1, Some(format!("{k}.txt")), t.as_bytes().to_vec()).unwrap()))
        .collect();
    let props = CompareViewProps {
        lang: Lang::Zh,
        reports,
        rows: vec![0, 1],
        sort: CompareSort::default(),
        filter: CompareFilter::default(),
        onsort: Callback::noop(),
        onfilter: Callback::noop(),
        onselect: Callback::noop(),
        onremove: Callback::noop(),
        onclear: Callback::noop(),
        return_to: None,
        scroll_memory: Default::default(),
    };
    Renderer::<CompareView>::with_root_and_props(root.clone(), props).render();
    drawn(&root, "[data-testid=chart-kind]").await;
    assert_eq!(texts(&root, "[data-testid=kind-group] > text.axis"), ["宣传资料（份） · 发放", "宣传小礼品（份）"]);
    // A bar per report that has the kind; the second report's two figures make one bar of
    // two segments, and the bar says so.
    assert_eq!(texts(&root, "[data-testid=kind-bar] text.value"), ["30000", "1200 + 300 = 1500", "600"]);
    let figures: Vec<String> = {
        let bars = root.query_selector_all("[data-testid=kind-bar]").unwrap();
        (0..bars.length())
            .map(|i| bars.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().get_attribute("data-figures").unwrap())
            .collect()
    };
    assert_eq!(figures, ["1", "2", "1"]);
    // One rectangle per figure.
    let second = root.query_selector_all("[data-testid=kind-bar] path").unwrap().item(1).unwrap().dyn_into::<web_sys::Element>().unwrap();
    assert_eq!(second.get_attribute("d").unwrap().matches('M').count(), 2);
    assert!(!root.text_content().unwrap_or_default().contains("30600"));
    let title = texts(&root, "[data-testid=kind-bar] title");
    assert!(title[1].contains("发放宣传资料1200份") && title[1].contains("发放宣传资料300份"), "{title:?}");
}

/// The session stored now, read by a page of its own.
async fn stored() -> Option<storage::Session> {
    storage::Store::default().load().await.expect("IndexedDB answers")
}

#[wasm_bindgen_test]
async fn the_stored_session_comes_back_and_stays_stored_while_it_is_analysed_again() {
    // Large enough that the restore takes many browser tasks, past the first save's delay.
    let large: Rc<[u8]> = REPORT.repeat(1000).into_bytes().into();
    let input = |name: Option<&str>, bytes: &Rc<[u8]>| storage::Input {
        name: name.map(str::to_string),
        bytes: bytes.clone(),
        reading: Default::default(),
    };
    let inputs = [input(Some("a.txt"), &large), input(Some("b.txt"), &large), input(None, &REPORT.as_bytes().into())];
    let view = SavedView { current: Some(1), view: View::Compare, ..SavedView::default() };
    storage::Store::default().save(&inputs, view).await.expect("stored");
    let first = stored().await.expect("a session");
    assert_eq!(first.bytes.len(), 3);
    assert_eq!(first.bytes[0], first.bytes[1], "the same bytes twice");
    let root = root();
    let app = Renderer::<App>::with_root(root.clone()).render();

    // Until the comparison of all three is drawn, a reload would restore the same three.
    let mut ticks = 0;
    while root.query_selector_all("tr.compare-row").unwrap().length() < 3 {
        assert_eq!(stored().await.map(|s| s.record), Some(first.record.clone()), "after {ticks} ticks");
        assert!(ticks < 600, "the comparison of all three within 30 s");
        gloo_timers::future::TimeoutFuture::new(50).await;
        ticks += 1;
    }
    gloo_timers::future::TimeoutFuture::new(200).await;
    let again = stored().await.expect("a session");
    let names: Vec<_> = again.record.inputs.iter().map(|i| i.name.as_deref()).collect();
    assert_eq!(names, [Some("a.txt"), Some("b.txt"), None]);
    assert_eq!(again.record.view.current, Some(1), "the report shown before is the one shown again");
    assert_eq!(again.record.view.view, View::Compare);

    app.destroy();
    storage::Store::default().clear().await.expect("cleared");
    assert!(stored().await.is_none());
}

#[wasm_bindgen_test]
async fn the_language_chosen_comes_back_after_a_reload() {
    storage::save_lang(Lang::En);
    assert_eq!(storage::load_lang(), Some(Lang::En));
    let root = root();
    let app = Renderer::<App>::with_root(root.clone()).render();
    gloo_timers::future::TimeoutFuture::new(50).await;
    let html = gloo_utils::document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"), "drawn in English from the start");
    let switch = root.query_selector("button.lang-switch").unwrap().expect("the language switch");
    assert_eq!(switch.get_attribute("lang").as_deref(), Some("zh-CN"), "the switch offers the other language");
    app.destroy();
    // The other tests start in the default language.
    storage::save_lang(Lang::Zh);
}

#[wasm_bindgen_test]
async fn the_paste_box_analyses_only_on_demand_and_only_a_report() {
    let root = root();
    let analysed = Rc::new(RefCell::new(Vec::<String>::new()));
    let a = analysed.clone();
    let props = InputPanelProps {
        lang: Lang::Zh,
        busy: false,
        batch: None,
        add_mode: false,
        onaddmode: Callback::noop(),
        onanalyse: Callback::from(move |text| a.borrow_mut().push(text)),
        onopen: Callback::noop(),
        onstop: Callback::noop(),
    };
    Renderer::<InputPanel>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let area: web_sys::HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    let button: web_sys::HtmlButtonElement = root.query_selector("[data-testid=analyse]").unwrap().unwrap().dyn_into().unwrap();
    let type_in = |text: &str| {
        area.set_value(text);
        area.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    };
    let ctrl_enter = || {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_ctrl_key(true);
        init.set_bubbles(true);
        area.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    };

    // Typing never analyses; too short a text says why and is not analysed on demand either.
    type_in("x");
    settle().await;
    assert!(button.disabled());
    assert_eq!(texts(&root, "[data-testid=analyse-hint]"), ["至少 20 个字才能作为报告分析（现有 1 个）"]);
    ctrl_enter();
    button.click();
    assert!(analysed.borrow().is_empty());

    // A report: analysed with Ctrl+Enter, and the box empties.
    type_in(REPORT);
    settle().await;
    assert!(!button.disabled());
    assert!(analysed.borrow().is_empty(), "typing alone analyses nothing");
    ctrl_enter();
    assert_eq!(*analysed.borrow(), [REPORT]);
    assert_eq!(area.value(), "");
}

#[wasm_bindgen_test]
async fn the_undo_bar_names_what_it_undoes() {
    let root = root();
    let undone = Rc::new(RefCell::new(0));
    let u = undone.clone();
    let props = UndoBarProps {
        lang: Lang::En,
        last: Some(Undoable::Removed { name: "a.txt".into() }),
        onundo: Callback::from(move |()| *u.borrow_mut() += 1),
    };
    Renderer::<UndoBar>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(texts(&root, "[data-testid=undo]"), ["Undo removing “a.txt”"]);
    let button: web_sys::HtmlElement = root.query_selector("[data-testid=undo]").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    assert_eq!(*undone.borrow(), 1);

    let empty = self::root();
    Renderer::<UndoBar>::with_root_and_props(empty.clone(), UndoBarProps { lang: Lang::Zh, last: None, onundo: Callback::noop() }).render();
    settle().await;
    assert!(empty.query_selector("[data-testid=undo]").unwrap().is_none());
}

/// A 政府信息公开 report of our own: part 四's table, its 复议 row with a number, a blank, a
/// none mark and a zero, and a total (2) that is not their sum (1).
const DISCLOSURE: &str = "青禾县司法局2023年政府信息公开工作年度报告\n一、总体情况\n本年度公开信息200条。\n\
    四、政府信息公开行政复议、行政诉讼情况\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n\
    1 |  | / | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";

#[wasm_bindgen_test]
async fn tables_view_draws_the_grid_tells_blank_from_zero_and_marks_the_failing_cell() {
    let report = Rc::new(Report::analyze(1, Some("d.txt".into()), DISCLOSURE.as_bytes().to_vec()).unwrap());
    let summary = report.summary.clone();
    let finding = summary.findings.iter().find(|f| f.code.as_str() == "table_sum_mismatch").expect("the planted total");
    let at = CellAt::of_finding(&summary, finding).unwrap();
    let root = root();
    let jumped = Rc::new(RefCell::new(None));
    let j = jumped.clone();
    let props = TablesViewProps {
        lang: Lang::Zh,
        summary: summary.clone(),
        jump: Some(Jump { target: JumpTarget::Cell(at), seq: 1 }),
        onjump: Callback::from(move |line| *j.borrow_mut() = Some(line)),
    };
    Renderer::<TablesView>::with_root_and_props(root.clone(), props).render();
    settle().await;
    // The form's three tables; the two the report lacks say so.
    assert_eq!(root.query_selector_all(".std-table").unwrap().length(), 3);
    assert_eq!(root.query_selector_all(".std-table[data-found=false] .table-missing").unwrap().length(), 2);
    let review = root.query_selector(".std-table[data-table=review_litigation] table").unwrap().expect("part 四 drawn");
    // Its rows by the form's labels, its columns by the form's headers.
    let rows = texts(&review, "tr[data-row] .row-label");
    assert_eq!(rows, ["行政复议", "行政诉讼：未经复议直接起诉", "行政诉讼：复议后起诉"]);
    assert_eq!(texts(&review, ".col-head th"), ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]);
    // A number, a blank, a none mark and a zero are four different things.
    // (How it was read, the value shown, the cell's whole text.)
    let read = |column: &str| {
        let cell = review.query_selector(&format!("tr[data-row=review] td[data-column={column}]")).unwrap().unwrap();
        let value = cell.query_selector(".value").unwrap().unwrap().text_content().unwrap();
        (cell.get_attribute("data-read").unwrap(), value, cell.text_content().unwrap())
    };
    assert_eq!(read("upheld").0, "number");
    let blank = read("corrected");
    assert_eq!((blank.0.as_str(), blank.1.as_str()), ("empty", ""), "{blank:?}");
    assert!(blank.2.contains('空') && blank.2.contains("未填写"), "{blank:?}");
    let none = read("other");
    assert_eq!((none.0.as_str(), none.1.as_str()), ("none_mark", "/"), "{none:?}");
    assert!(none.2.contains("写明为无"), "{none:?}");
    let zero = read("pending");
    assert_eq!((zero.0.as_str(), zero.1.as_str(), zero.2.as_str()), ("number", "0", "0"));
    // The failing cell: colour (class), an icon and words; no other cell is marked.
    let bad = gloo_utils::document().get_element_by_id("cell-review_litigation-review-total").unwrap();
    assert!(bad.class_name().contains("cell-bad"));
    let text = bad.text_content().unwrap();
    assert!(text.contains('✖') && text.contains("核对不符") && text.contains('2'), "{text}");
    assert_eq!(root.query_selector_all("[data-bad=true]").unwrap().length(), 1);
    // The finding's jump focused it; clicking it jumps to the line it was read from.
    settle().await;
    let active = gloo_utils::document().active_element().unwrap();
    assert!(bad.contains(Some(&active)), "the failing cell has the focus");
    let button: web_sys::HtmlElement = bad.query_selector("button").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    let line = summary.tables[at.table].rows[at.row].cells[at.cell].line;
    assert!(line.is_some());
    assert_eq!(*jumped.borrow(), line);
}

/// A text read a piece per task comes out whole, also where a piece cuts a character; a
/// text that is not UTF-8 is refused, wherever its fault is.
#[wasm_bindgen_test]
fn a_text_read_in_pieces_is_the_text() {
    use report_lens::analysis::protocol::TextReading;
    let read = |bytes: &[u8], piece: u32| {
        let mut reading = TextReading::new(js_sys::Uint8Array::from(bytes), piece);
        let mut steps = 0;
        loop {
            steps += 1;
            if reading.step()? {
                return Ok::<_, String>((reading.finish(), steps));
            }
        }
    };
    let text = "青禾县2024年报告：发放资料3000余份 — ok";
    for piece in 1..=8 {
        let (read, steps) = read(text.as_bytes(), piece).unwrap();
        assert_eq!(read, text, "pieces of {piece} bytes");
        assert_eq!(steps, text.len().div_ceil(piece as usize), "pieces of {piece} bytes");
    }
    assert_eq!(read(b"", 4).unwrap().0, "");
    let mut broken = text.as_bytes().to_vec();
    broken[4] = 0xff;
    for piece in [1, 3, 64] {
        assert_eq!(read(&broken, piece).unwrap_err(), "the text is not UTF-8 at byte 3", "pieces of {piece} bytes");
    }
    // A character cut at the very end is not one.
    assert_eq!(read(&text.as_bytes()[..2], 1).unwrap_err(), "the text is not UTF-8 at byte 0");
}
