//! The reviewer's comparison: one row per report — who, level, year, publication (late
//! ones marked), the five parts as status icons, figures and their density, findings —
//! sortable by every column, filterable by level and by missing part; a row opens the
//! report. Exports of the whole comparison.

use crate::components::compare_chart::CompareChart;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::sort_header::sort_header;
use crate::display::shown;
use crate::i18n::{fill, level_name, part_name, status_name, texts, Lang};
use crate::services::download::download;
use crate::state::{comparison_export, CompareColumn, CompareFilter, CompareSort, Report};
use report_core::compare::COMPARED_PARTS;
use report_core::export::format_number;
use report_core::frame::Level;
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

const LEVELS: [Level; 6] = [Level::Township, Level::County, Level::City, Level::Province, Level::Department, Level::Unknown];

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
    let header = |column: CompareColumn, label: String| sort_header(label, column, props.sort, &props.onsort);

    let onlevel = {
        let (cb, filter) = (props.onfilter.clone(), props.filter);
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let level = LEVELS.iter().copied().find(|l| level_name(Lang::En, *l) == v);
            cb.emit(CompareFilter { level, ..filter });
        })
    };
    let onmissing = {
        let (cb, filter) = (props.onfilter.clone(), props.filter);
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            cb.emit(CompareFilter { missing: COMPARED_PARTS.iter().copied().find(|p| p.as_str() == v), ..filter });
        })
    };

    let wording = props.lang.csv_wording();
    let ondownloadcsv = {
        let reports = props.reports.clone();
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
            let _ = download(comparison_export::JSON, "application/json", (report_core::compare::comparison_json(&s) + "\n").as_bytes());
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
    let table_scroll = use_node_ref();
    {
        let (table_scroll, memory, return_to) = (table_scroll.clone(), props.scroll_memory.clone(), props.return_to);
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
                    table.set_scroll_top(saved.table_top);
                    table.set_scroll_left(saved.table_left);
                }
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

    html! {
        <section class="compare" aria-label={t.compare} data-testid="compare">
            <div class="compare-head">
                <h2>{ fill(t.compare_tab, &[&props.reports.len().to_string()]) }</h2>
                <div class="export-bar" role="group" aria-label={t.export}>
                    <button type="button" onclick={ondownloadcsv} data-testid="download-table-csv">{ t.download_table_csv }</button>
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
                        { for LEVELS.iter().map(|l| html! { <option value={level_name(Lang::En, *l)} selected={level_value == level_name(Lang::En, *l)}>{ level_name(lang, *l) }</option> }) }
                    </select>
                </label>
                <label>{ t.filter_missing }
                    <select onchange={onmissing} data-testid="filter-missing">
                        <option value="" selected={missing_value.is_empty()}>{ t.any }</option>
                        { for COMPARED_PARTS.iter().map(|p| html! { <option value={p.as_str()} selected={missing_value == p.as_str()}>{ part_name(lang, *p) }</option> }) }
                    </select>
                </label>
                <span class="count" data-testid="row-count">{ fill(t.shown_rows, &[&props.rows.len().to_string(), &props.reports.len().to_string()]) }</span>
            </div>
            <div class="table-scroll" ref={table_scroll}>
                <table class="compare-table">
                    <thead><tr>
                        { header(CompareColumn::Report, t.col_report.into()) }
                        { header(CompareColumn::Issuer, t.col_issuer.into()) }
                        { header(CompareColumn::Level, t.col_level.into()) }
                        { header(CompareColumn::Year, t.col_year.into()) }
                        { header(CompareColumn::Published, t.col_published.into()) }
                        { for COMPARED_PARTS.iter().map(|p| header(CompareColumn::Part(*p), part_name(lang, *p).into())) }
                        { header(CompareColumn::Parts, t.col_parts.into()) }
                        { header(CompareColumn::Metrics, t.col_metrics.into()) }
                        { header(CompareColumn::Density, t.col_density.into()) }
                        { header(CompareColumn::Errors, t.col_errors.into()) }
                        { header(CompareColumn::Warnings, t.col_warnings.into()) }
                        { header(CompareColumn::Infos, t.col_infos.into()) }
                        <th scope="col"><span class="visually-hidden">{ t.remove }</span></th>
                    </tr></thead>
                    <tbody>
                        { for props.rows.iter().map(|&i| {
                            let r = &props.reports[i].comparison_row;
                            let onopen = { let cb = props.onselect.clone(); Callback::from(move |_| cb.emit(i)) };
                            let onremove = { let cb = props.onremove.clone(); Callback::from(move |e: MouseEvent| { e.stop_propagation(); cb.emit(i) }) };
                            html! {
                                <tr key={props.reports[i].id} class="compare-row" data-report={r.report.clone()} data-id={props.reports[i].id.to_string()}>
                                    <th scope="row"><button type="button" class="open-report" onclick={onopen}>{ shown(&r.report).into_owned() }</button></th>
                                    <td>{ shown(r.issuer.as_deref().unwrap_or("—")).into_owned() }</td>
                                    <td>{ level_name(lang, r.level) }</td>
                                    <td class="num">{ r.report_year.map_or("—".into(), |y| y.to_string()) }</td>
                                    <td class={classes!(r.published_late.unwrap_or(false).then_some("late"))}>
                                        { r.publish_date.map_or_else(|| "—".into(), |d| d.to_string()) }
                                        if r.published_late == Some(true) { <span class="late-mark">{ format!(" ⚠ {}", t.late) }</span> }
                                    </td>
                                    { for COMPARED_PARTS.iter().map(|p| {
                                        let st = r.status(*p);
                                        let (icon, class) = status_icon(st);
                                        html! { <td class={classes!("part-cell", class)} data-part={p.as_str()} data-status={status_name(Lang::En, st)} title={status_name(lang, st)}>
                                            <span aria-hidden="true">{ icon }</span><span class="visually-hidden">{ status_name(lang, st) }</span>
                                        </td> }
                                    }) }
                                    <td class="num">{ format!("{}/5", r.parts_present) }</td>
                                    <td class="num">{ r.metrics }</td>
                                    <td class="num">{ format_number(r.metrics_per_1000_chars) }</td>
                                    <td class="num">{ r.errors }</td>
                                    <td class="num">{ r.warnings }</td>
                                    <td class="num">{ r.infos }</td>
                                    <td><button type="button" class="remove" aria-label={format!("{} {}", t.remove, r.report)} onclick={onremove}>{ "×" }</button></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <CompareChart {lang} reports={props.reports.clone()} rows={props.rows.clone()} />
        </section>
    }
}
