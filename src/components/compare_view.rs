//! The reviewer's comparison: one table per kind of report, one row per report. For the
//! rule-of-law reports: who, level, year, publication (late ones marked), the five parts as
//! status icons, figures and their density, findings; for the 政府信息公开 reports: who and
//! when, their parts, the key figures of their standard tables (新收, 结转, 予以公开, 不予公开,
//! 复议, 诉讼) and the failed checks. Sortable by every column, filterable by level and by
//! missing part; a row opens the report. Exports of the whole comparison, and every report's
//! standard tables in long form (the researcher's dataset).

use crate::components::compare_chart::CompareChart;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::sort_header::sort_header;
use crate::display::shown;
use crate::hooks::page::after_paint;
use crate::hooks::row_window::{Window, Windowing, ROW_PX_GUESS, VIEWPORT_PX_GUESS};
use crate::hooks::{spacer, use_drawn_after_paint, use_row_window, RowWindow};
use crate::i18n::{fill, level_name, part_name, status_name, texts, Lang};
use crate::services::download::download;
use crate::state::{comparison_export, CompareColumn, CompareFilter, CompareSort, Report};
use report_core::compare::{DisclosureRow, COMPARED_PARTS};
use report_core::export::format_number;
use report_core::frame::{CorrectedField, Level};
use report_core::kinds::{KindId, PartId, ReportKind};
use report_core::messages::kind_name;
use report_core::sections::Status;
use report_core::Summary;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub reports: Vec<Rc<Report>>,
    /// Indices into `reports`, filtered and sorted.
    pub rows: Vec<usize>,
    pub sort: CompareSort,
    pub filter: CompareFilter,
    pub onsort: Callback<CompareColumn>,
    pub onfilter: Callback<CompareFilter>,
    /// Open report `i`.
    pub onselect: Callback<usize>,
    pub onremove: Callback<usize>,
    /// Clear all, once the reader has confirmed it.
    pub onclear: Callback<()>,
    /// The report the reader came back from: the table scrolls back to where it was and
    /// that report's row gets the focus.
    #[prop_or_default]
    pub return_to: Option<u64>,
    /// Where the page and the table were scrolled, kept while the comparison is away.
    #[prop_or_default]
    pub scroll_memory: ScrollMemory,
}

/// The page's and the table's scroll positions of the last comparison shown. Owned by the
/// root, as the comparison is drawn anew each time it is shown.
#[derive(Clone, Default)]
pub struct ScrollMemory(Rc<Cell<Option<Scroll>>>);

#[derive(Clone, Copy)]
struct Scroll {
    page_y: f64,
    table_top: i32,
    table_left: i32,
}

/// One memory is equal only to itself.
impl PartialEq for ScrollMemory {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The comparison's rows are drawn where the reader looks once there are more than a
/// screenful or two (a row of it is some 35 elements: 200 reports' rows in one drawing, or
/// laid out again on a sort, held the page); a reviewer prints it whole.
const COMPARISON: Windowing = Windowing { drawn_whole: 60, margin: 12, whole_in_print: true };
/// Columns of the rule-of-law table: who and when, the parts, parts present, figures,
/// density, errors, warnings, notes, and the remove button.
const RULE_OF_LAW_COLUMNS: usize = 5 + COMPARED_PARTS.len() + 7;
/// Columns of the 政府信息公开 table: who and when, parts present, six key figures, the
/// failed checks, errors, warnings, notes, and the remove button.
const DISCLOSURE_COLUMNS: usize = 5 + 1 + 6 + 1 + 3 + 1;

/// The download of the 政府信息公开 reports' comparison table.
pub const DISCLOSURE_TABLE_CSV: &str = "report-lens-disclosure-table.csv";
/// The download of every standard table's cells in long form.
pub const TABLES_CSV: &str = "report-lens-standard-tables.csv";

pub fn status_icon(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Present => ("✔", "st-present"),
        Status::Partial => ("⚠", "st-partial"),
        Status::Missing => ("✖", "st-missing"),
    }
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;

    let onlevel = {
        let (cb, filter) = (props.onfilter.clone(), props.filter);
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let level = Level::ALL.iter().copied().find(|l| level_name(Lang::En, *l) == v);
            cb.emit(CompareFilter { level, ..filter });
        })
    };
    let onmissing = {
        let (cb, filter) = (props.onfilter.clone(), props.filter);
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let part = PartId::from_id(&v);
            cb.emit(CompareFilter { missing: part, ..filter });
        })
    };

    let wording = props.lang.csv_wording();
    // The kinds in the comparison, in the order of their tables.
    let mut kinds: Vec<KindId> = props.reports.iter().map(|r| r.summary.kind).collect();
    kinds.sort_by_key(|&k| crate::state::kind_rank(k));
    kinds.dedup();
    let ondownloadcsv = {
        // The rule-of-law table: the reports of the other kinds have tables of their own.
        let reports: Vec<Rc<Report>> = props.reports.iter().filter(|r| r.summary.kind != KindId::Disclosure).cloned().collect();
        Callback::from(move |_| {
            let s: Vec<&Summary> = reports.iter().map(|r| &*r.summary).collect();
            let csv = report_core::compare::table_csv_worded(&s, wording);
            let _ = download(comparison_export::TABLE_CSV, "text/csv;charset=utf-8", csv.as_bytes());
        })
    };
    let ondownloadjson = {
        let reports = props.reports.clone();
        Callback::from(move |_| {
            let s: Vec<&Summary> = reports.iter().map(|r| &*r.summary).collect();
            let jsons: Vec<String> = reports.iter().map(|r| r.json.to_text()).collect();
            let json = report_core::compare::comparison_json_of(&s, &jsons) + "\n";
            let _ = download(comparison_export::JSON, "application/json", json.as_bytes());
        })
    };
    let ondownloadmetrics = {
        let reports = props.reports.clone();
        Callback::from(move |_| {
            let s: Vec<&Summary> = reports.iter().map(|r| &*r.summary).collect();
            let csv = report_core::export::metrics_csv_worded(&s, wording);
            let _ = download(comparison_export::ALL_FIGURES_CSV, "text/csv;charset=utf-8", csv.as_bytes());
        })
    };
    let ondownloaddisclosure = {
        let reports = props.reports.clone();
        Callback::from(move |_| {
            let s: Vec<&Summary> = reports.iter().map(|r| &*r.summary).collect();
            let csv = report_core::compare::disclosure_table_csv(&s);
            let _ = download(DISCLOSURE_TABLE_CSV, "text/csv;charset=utf-8", csv.as_bytes());
        })
    };
    let ondownloadtables = {
        let reports = props.reports.clone();
        Callback::from(move |_| {
            let s: Vec<&Summary> = reports.iter().map(|r| &*r.summary).collect();
            let csv = report_core::export::tables_csv(&s);
            let _ = download(TABLES_CSV, "text/csv;charset=utf-8", csv.as_bytes());
        })
    };
    let has_tables = props.reports.iter().any(|r| !r.summary.tables.is_empty());
    // "Clear all" asks first; it can be undone, but a whole comparison should not go on one click.
    let confirming = use_state(|| false);
    let onclearclick = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let onconfirmclear = {
        let (confirming, cb) = (confirming.clone(), props.onclear.clone());
        Callback::from(move |()| {
            confirming.set(false);
            cb.emit(());
        })
    };
    let oncancelclear = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(false))
    };
    // The rows in the order drawn: each kind's table after the other, in one scrolling box.
    let rows_of = |kind: KindId| -> Vec<usize> { props.rows.iter().copied().filter(|&i| props.reports[i].summary.kind == kind).collect() };
    let tables: Vec<(KindId, Vec<usize>)> = kinds.iter().map(|&k| (k, rows_of(k))).collect();
    let total: usize = tables.iter().map(|(_, rows)| rows.len()).sum();
    // Coming back from a report the box opens where it was, or at that report's row if
    // that would not show it (the reader went on to other reports).
    let first_top = *use_state(|| {
        let saved = props.scroll_memory.0.get().map_or(0.0, |s| f64::from(s.table_top));
        let mut order = tables.iter().flat_map(|(_, rows)| rows.iter().map(|&i| props.reports[i].id));
        match props.return_to.and_then(|id| order.position(|r| r == id)) {
            Some(row) if !COMPARISON.window(total, saved, VIEWPORT_PX_GUESS, ROW_PX_GUESS).contains(row) => Windowing::top_showing(row),
            Some(_) => saved,
            None => 0.0,
        }
    });
    let RowWindow { window, scroller, onscroll, row_px } = use_row_window(total, COMPARISON, first_top);
    // The charts once the table is painted (for 200 reports they are thousands of shapes).
    let charts_drawn = use_drawn_after_paint(true);
    {
        let (table_scroll, memory, return_to) = (scroller.clone(), props.scroll_memory.clone(), props.return_to);
        use_effect_with((), move |_| {
            let window = gloo_utils::window();
            let table = table_scroll.cast::<web_sys::Element>();
            if return_to.is_none() {
                // A comparison shown afresh (a new batch, an undo): the old position is stale.
                memory.0.set(None);
            }
            if let (Some(id), Some(table)) = (return_to, &table) {
                // No position remembered: the comparison was never scrolled.
                if let Some(saved) = memory.0.get() {
                    window.scroll_to_with_x_and_y(0.0, saved.page_y);
                    table.set_scroll_left(saved.table_left);
                }
                table.set_scroll_top(first_top as i32);
                // The focus once the rows are measured and drawn again for the box's real
                // size (a row moved in the table loses the focus).
                let table = table.clone();
                after_paint(move || {
                    if let Some(button) = table
                        .query_selector(&format!("tr[data-id=\"{id}\"] button.open-report"))
                        .ok()
                        .flatten()
                        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = button.focus_with_options(&options);
                        // Only if the row is out of sight (the reader went on to other reports).
                        let into_view = web_sys::ScrollIntoViewOptions::new();
                        into_view.set_block(web_sys::ScrollLogicalPosition::Nearest);
                        button.scroll_into_view_with_scroll_into_view_options(&into_view);
                    }
                });
            }
            // Scrolling of the page or of the table (scroll events do not bubble; capturing
            // on the window sees both), remembered as it happens: by the time the comparison
            // is gone the page may already have scrolled elsewhere.
            let onscroll = Closure::<dyn Fn()>::new(move || {
                let window = gloo_utils::window();
                let (table_top, table_left) = table.as_ref().map_or((0, 0), |t| (t.scroll_top(), t.scroll_left()));
                memory.0.set(Some(Scroll { page_y: window.scroll_y().unwrap_or_default(), table_top, table_left }));
            });
            let _ = window.add_event_listener_with_callback_and_bool("scroll", onscroll.as_ref().unchecked_ref(), true);
            move || {
                let _ = window.remove_event_listener_with_callback_and_bool("scroll", onscroll.as_ref().unchecked_ref(), true);
            }
        });
    }
    let level_value = props.filter.level.map_or("", |l| level_name(Lang::En, l));
    let missing_value = props.filter.missing.map_or("", |p| p.as_str());
    let several_kinds = kinds.len() > 1;
    let rule_of_law_rows: Vec<usize> =
        tables.iter().find(|(kind, _)| *kind == KindId::RuleOfLaw).map(|(_, rows)| rows.clone()).unwrap_or_default();

    html! {
        <section class="compare" aria-label={t.compare} data-testid="compare">
            <div class="compare-head">
                <h2>{ fill(t.compare_tab, &[&props.reports.len().to_string()]) }</h2>
                <div class="export-bar" role="group" aria-label={t.export}>
                    if kinds.iter().any(|&k| k != KindId::Disclosure) {
                        <button type="button" onclick={ondownloadcsv} data-testid="download-table-csv">{ t.download_table_csv }</button>
                    }
                    if kinds.contains(&KindId::Disclosure) {
                        <button type="button" onclick={ondownloaddisclosure} data-testid="download-disclosure-table-csv">{ t.download_disclosure_table_csv }</button>
                    }
                    if has_tables {
                        <button type="button" onclick={ondownloadtables} data-testid="download-tables-csv">{ t.download_tables_csv }</button>
                    }
                    <button type="button" onclick={ondownloadjson} data-testid="download-comparison-json">{ t.download_comparison_json }</button>
                    <button type="button" onclick={ondownloadmetrics} data-testid="download-all-metrics">{ t.download_all_metrics }</button>
                    <button type="button" onclick={onclearclick} data-testid="clear-all">{ t.clear_all }</button>
                </div>
            </div>
            if *confirming {
                <ConfirmDialog message={fill(t.confirm_clear, &[&props.reports.len().to_string()])} confirm={t.clear_all} cancel={t.cancel}
                    onconfirm={onconfirmclear} oncancel={oncancelclear} />
            }
            <div class="compare-filters">
                <label>{ t.filter_level }
                    <select onchange={onlevel} data-testid="filter-level">
                        <option value="" selected={level_value.is_empty()}>{ t.any }</option>
                        { for Level::ALL.iter().map(|l| html! { <option value={level_name(Lang::En, *l)} selected={level_value == level_name(Lang::En, *l)}>{ level_name(lang, *l) }</option> }) }
                    </select>
                </label>
                <label>{ t.filter_missing }
                    <select onchange={onmissing} data-testid="filter-missing">
                        <option value="" selected={missing_value.is_empty()}>{ t.any }</option>
                        { for kinds.iter().map(|&k| {
                            let options: Html = ReportKind::get(k).parts.iter().map(|p| html! {
                                <option value={p.id.as_str()} selected={missing_value == p.id.as_str()}>{ part_name(lang, p.id) }</option>
                            }).collect();
                            if several_kinds { html! { <optgroup label={kind_name(k, lang.core())}>{ options }</optgroup> } } else { options }
                        }) }
                    </select>
                </label>
                <span class="count" data-testid="row-count">{ fill(t.shown_rows, &[&props.rows.len().to_string(), &props.reports.len().to_string()]) }</span>
            </div>
            <div class={classes!("table-scroll", window.is_partial().then_some("windowed"))} ref={scroller} {onscroll} data-testid="compare-scroll">
                { for tables.iter().scan(0, |offset, (kind, rows)| {
                    let share = Share::of(&window, offset, rows, row_px);
                    let of_kind = props.reports.iter().filter(|r| r.summary.kind == *kind).count();
                    let caption = several_kinds.then(|| fill(t.kind_count, &[kind_name(*kind, lang.core()), &format!("{} / {of_kind}", rows.len())]));
                    Some(match kind {
                        KindId::Disclosure => disclosure_table(props, share, caption),
                        _ => rule_of_law_table(props, share, caption),
                    })
                }) }
            </div>
            if !rule_of_law_rows.is_empty() && charts_drawn {
                <CompareChart {lang} reports={props.reports.clone()} rows={rule_of_law_rows} />
            }
        </section>
    }
}

/// The header cell of a sortable column.
fn head(props: &CompareViewProps, column: CompareColumn, label: &str) -> Html {
    sort_header(label.to_string(), column, props.sort, &props.onsort)
}

/// The first cell (opens the report) and the columns every kind's table has first: issuer,
/// level, year, publication.
fn who_and_when(props: &RowProps, published_late: Option<bool>) -> Html {
    let t = texts(props.lang);
    let r = &props.report.comparison_row;
    let onopen = {
        let (cb, i) = (props.onselect.clone(), props.index);
        Callback::from(move |_| cb.emit(i))
    };
    // A value the reviewer corrected is marked so (the header card tells what was read).
    let corrected = &props.report.summary.meta.corrected;
    let mark = |field: CorrectedField| {
        corrected.iter().any(|c| c.field == field).then(|| html! { <span class="corrected-cell" title={t.corrected}>{ " ✎" }</span> })
    };
    html! {
        <>
            <th scope="row"><button type="button" class="open-report" onclick={onopen}>{ shown(&r.report).into_owned() }</button></th>
            <td data-col="issuer">{ shown(r.issuer.as_deref().unwrap_or("—")).into_owned() }{ mark(CorrectedField::Issuer) }</td>
            <td data-col="level">{ level_name(props.lang, r.level) }{ mark(CorrectedField::Level) }</td>
            <td class="num" data-col="year">{ r.report_year.map_or("—".into(), |y| y.to_string()) }{ mark(CorrectedField::ReportYear) }</td>
            <td class={classes!(published_late.unwrap_or(false).then_some("late"))} data-col="published">
                { r.publish_date.map_or_else(|| "—".into(), |d| d.to_string()) }{ mark(CorrectedField::PublishDate) }
                if published_late == Some(true) { <span class="late-mark">{ format!(" ⚠ {}", t.late) }</span> }
            </td>
        </>
    }
}

/// The last cell: removes the report from the comparison.
fn remove_cell(props: &RowProps) -> Html {
    let t = texts(props.lang);
    let r = &props.report.comparison_row;
    let onremove = {
        let (cb, i) = (props.onremove.clone(), props.index);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            cb.emit(i)
        })
    };
    html! { <td><button type="button" class="remove" aria-label={format!("{} {}", t.remove, r.report)} onclick={onremove}>{ "×" }</button></td> }
}

fn common_heads(props: &CompareViewProps) -> Html {
    let t = texts(props.lang);
    html! {
        <>
            { head(props, CompareColumn::Report, t.col_report) }
            { head(props, CompareColumn::Issuer, t.col_issuer) }
            { head(props, CompareColumn::Level, t.col_level) }
            { head(props, CompareColumn::Year, t.col_year) }
            { head(props, CompareColumn::Published, t.col_published) }
        </>
    }
}

/// A table's share of the window: its rows drawn, and how many are left out before and
/// after them.
struct Share<'a> {
    before: usize,
    rows: &'a [usize],
    after: usize,
    row_px: f64,
}

impl<'a> Share<'a> {
    /// The share of the table of `rows`, which follow `offset` rows of the tables before it
    /// (advanced past them).
    fn of(window: &Window, offset: &mut usize, rows: &'a [usize], row_px: f64) -> Share<'a> {
        let (before, drawn, after) = window.share(*offset, rows.len());
        *offset += rows.len();
        Share { before, rows: &rows[drawn], after, row_px }
    }
}

/// The rule-of-law reports' table.
fn rule_of_law_table(props: &CompareViewProps, share: Share, caption: Option<String>) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    html! {
        <table class="compare-table" data-kind={KindId::RuleOfLaw.as_str()}>
            if let Some(caption) = caption { <caption>{ caption }</caption> }
            <thead><tr>
                { common_heads(props) }
                { for COMPARED_PARTS.iter().map(|p| head(props, CompareColumn::Part(*p), part_name(lang, *p))) }
                { head(props, CompareColumn::Parts, t.col_parts) }
                { head(props, CompareColumn::Metrics, t.col_metrics) }
                { head(props, CompareColumn::Density, t.col_density) }
                { head(props, CompareColumn::Errors, t.col_errors) }
                { head(props, CompareColumn::Warnings, t.col_warnings) }
                { head(props, CompareColumn::Infos, t.col_infos) }
                <th scope="col"><span class="visually-hidden">{ t.remove }</span></th>
            </tr></thead>
            <tbody>
                { spacer(share.before, RULE_OF_LAW_COLUMNS, share.row_px) }
                { for share.rows.iter().map(|&i| html! { <RuleOfLawRow key={props.reports[i].id} ..row_props(props, i) /> }) }
                { spacer(share.after, RULE_OF_LAW_COLUMNS, share.row_px) }
            </tbody>
        </table>
    }
}

fn part_cell(lang: Lang, part: PartId, status: Status) -> Html {
    let (icon, class) = status_icon(status);
    html! {
        <td class={classes!("part-cell", class)} data-part={part.as_str()} data-status={status_name(Lang::En, status)} title={status_name(lang, status)}>
            <span aria-hidden="true">{ icon }</span><span class="visually-hidden">{ status_name(lang, status) }</span>
        </td>
    }
}

/// The 政府信息公开 reports' table: their parts and the key figures of their standard tables.
fn disclosure_table(props: &CompareViewProps, share: Share, caption: Option<String>) -> Html {
    let t = texts(props.lang);
    html! {
        <table class="compare-table disclosure-table" data-kind={KindId::Disclosure.as_str()}>
            if let Some(caption) = caption { <caption>{ caption }</caption> }
            <thead><tr>
                { common_heads(props) }
                { head(props, CompareColumn::Parts, t.col_parts) }
                { head(props, CompareColumn::NewApplications, t.col_new_applications) }
                { head(props, CompareColumn::CarriedOver, t.col_carried_over) }
                { head(props, CompareColumn::Granted, t.col_granted) }
                { head(props, CompareColumn::Refused, t.col_refused) }
                { head(props, CompareColumn::ReviewTotal, t.col_review_total) }
                { head(props, CompareColumn::LitigationTotal, t.col_litigation_total) }
                { head(props, CompareColumn::Mismatches, t.col_mismatches) }
                { head(props, CompareColumn::Errors, t.col_errors) }
                { head(props, CompareColumn::Warnings, t.col_warnings) }
                { head(props, CompareColumn::Infos, t.col_infos) }
                <th scope="col"><span class="visually-hidden">{ t.remove }</span></th>
            </tr></thead>
            <tbody>
                { spacer(share.before, DISCLOSURE_COLUMNS, share.row_px) }
                { for share.rows.iter().map(|&i| html! { <DisclosureTableRow key={props.reports[i].id} ..row_props(props, i) /> }) }
                { spacer(share.after, DISCLOSURE_COLUMNS, share.row_px) }
            </tbody>
        </table>
    }
}

/// What a row of the comparison is drawn from. A row is a component of its own, so that a
/// row whose report has not changed is not drawn again when the window of rows moves.
#[derive(Properties, PartialEq)]
struct RowProps {
    lang: Lang,
    /// The report's index in the comparison's `reports` (what the callbacks are given).
    index: usize,
    report: Rc<Report>,
    onselect: Callback<usize>,
    onremove: Callback<usize>,
}

fn row_props(props: &CompareViewProps, index: usize) -> RowProps {
    RowProps {
        lang: props.lang,
        index,
        report: props.reports[index].clone(),
        onselect: props.onselect.clone(),
        onremove: props.onremove.clone(),
    }
}

#[component]
fn RuleOfLawRow(props: &RowProps) -> Html {
    let (lang, report) = (props.lang, &props.report);
    let r = &report.comparison_row;
    html! {
        <tr class="compare-row" data-report={r.report.clone()} data-id={report.id.to_string()}>
            { who_and_when(props, r.published_late) }
            { for COMPARED_PARTS.iter().map(|p| part_cell(lang, *p, r.status(*p))) }
            <td class="num">{ format!("{}/5", r.parts_present) }</td>
            <td class="num">{ r.metrics }</td>
            <td class="num">{ format_number(r.metrics_per_1000_chars) }</td>
            <td class="num">{ r.errors }</td>
            <td class="num">{ r.warnings }</td>
            <td class="num">{ r.infos }</td>
            { remove_cell(props) }
        </tr>
    }
}

#[component]
fn DisclosureTableRow(props: &RowProps) -> Html {
    let report = &props.report;
    let parts = ReportKind::get(KindId::Disclosure).parts.len();
    let figure = |v: Option<f64>, key: &'static str| {
        html! { <td class="num" data-key={key}>{ v.map_or_else(|| "—".to_string(), format_number) }</td> }
    };
    let d = DisclosureRow::of(&report.summary);
    html! {
        <tr class="compare-row" data-report={d.report.clone()} data-id={report.id.to_string()}>
            { who_and_when(props, d.published_late) }
            <td class="num" data-key="parts_present">{ format!("{}/{parts}", d.parts_present) }</td>
            { figure(d.new_applications, "new_applications") }
            { figure(d.carried_over, "carried_over") }
            { figure(d.granted, "granted") }
            { figure(d.refused, "refused") }
            { figure(d.review_total, "review_total") }
            { figure(d.litigation_total, "litigation_total") }
            <td class={classes!("num", (d.table_mismatches > 0).then_some("mismatches"))} data-key="table_mismatches">
                if d.table_mismatches > 0 { <span aria-hidden="true">{ "✖ " }</span> }
                { d.table_mismatches }
            </td>
            <td class="num">{ d.errors }</td>
            <td class="num">{ d.warnings }</td>
            <td class="num">{ d.infos }</td>
            { remove_cell(props) }
        </tr>
    }
}
