//! The figures: sortable by every column, filterable by part; a row (or its line button)
//! jumps to the figure in the text. A long list is drawn where the reader looks
//! (`hooks::row_window`): 20,000 figures scroll like 80.

use crate::components::sort_header::sort_header;
use crate::display::shown;
use crate::hooks::row_window::FIGURES;
use crate::hooks::{spacer, use_row_window, RowWindow};
use crate::i18n::{approx_name, part_name, texts, Lang};
use crate::report::SharedSummary;
use crate::state::{MetricColumn, MetricFilter, MetricSort};
use report_core::export::format_number;
use report_core::kinds::PartId;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetricsTableProps {
    pub lang: Lang,
    pub summary: SharedSummary,
    /// Indices into `summary.metrics`, already filtered and sorted.
    pub rows: Vec<usize>,
    pub sort: MetricSort,
    pub filter: MetricFilter,
    pub onsort: Callback<MetricColumn>,
    pub onfilter: Callback<MetricFilter>,
    /// Jump to the figure with this index.
    pub onjump: Callback<usize>,
}

#[component]
pub fn MetricsTable(props: &MetricsTableProps) -> Html {
    let t = texts(props.lang);
    let RowWindow { window, scroller, onscroll, row_px } = use_row_window(props.rows.len(), FIGURES, 0.0);
    let metrics = &props.summary.metrics;
    let header = |column: MetricColumn, label: &'static str| sort_header(label.to_string(), column, props.sort, &props.onsort);
    let onchange = {
        let cb = props.onfilter.clone();
        let parts: Vec<PartId> = props.summary.sections.iter().map(|p| p.id).collect();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let filter = match select.value().as_str() {
                "all" => MetricFilter::All,
                "none" => MetricFilter::NoPart,
                id => parts.iter().copied().find(|p| p.as_str() == id).map_or(MetricFilter::All, MetricFilter::Part),
            };
            cb.emit(filter);
        })
    };
    let selected = match props.filter {
        MetricFilter::All => "all".to_string(),
        MetricFilter::NoPart => "none".to_string(),
        MetricFilter::Part(p) => p.as_str().to_string(),
    };
    html! {
        <section class="metrics" aria-label={t.metrics}>
            <div class="metrics-head">
                <h3>{ t.metrics }<span class="count" data-testid="metric-count">{ props.rows.len() }</span></h3>
                <label class="filter">
                    { t.filter_part }
                    <select {onchange} value={selected.clone()}>
                        <option value="all" selected={selected == "all"}>{ t.all_parts }</option>
                        { for props.summary.sections.iter().map(|p| html! { <option value={p.id.as_str()} selected={selected == p.id.as_str()}>{ part_name(props.lang, p.id) }</option> }) }
                        <option value="none" selected={selected == "none"}>{ t.outside_parts }</option>
                    </select>
                </label>
            </div>
            if metrics.is_empty() {
                <p class="none">{ t.no_metrics }</p>
            } else {
                <div class={classes!("table-scroll", "metrics-scroll", window.is_partial().then_some("windowed"))} ref={scroller} {onscroll} data-testid="metrics-scroll">
                <table>
                    <thead><tr>
                        { header(MetricColumn::Value, t.col_value) }
                        { header(MetricColumn::Approx, t.col_approx) }
                        { header(MetricColumn::Unit, t.col_unit) }
                        { header(MetricColumn::What, t.col_what) }
                        { header(MetricColumn::Part, t.col_part) }
                        { header(MetricColumn::Line, t.col_line) }
                    </tr></thead>
                    <tbody>
                        { spacer(window.start, 6, row_px) }
                        { for props.rows[window.start..window.end].iter().map(|&i| {
                            let m = &metrics[i];
                            let cb = props.onjump.clone();
                            let onclick = Callback::from(move |_| cb.emit(i));
                            html! {
                                <tr key={i} class="metric-row" data-metric={i.to_string()} onclick={onclick.clone()} title={shown(&m.text).into_owned()}>
                                    <td class="num">{ format_number(m.value) }</td>
                                    <td>{ approx_name(props.lang, m.approx) }</td>
                                    <td>{ shown(&m.unit).into_owned() }</td>
                                    <td>{ shown(m.what.as_deref().unwrap_or_default()).into_owned() }</td>
                                    <td>{ m.section.map(|p| part_name(props.lang, p)).unwrap_or("—") }</td>
                                    <td><button type="button" class="line-link" {onclick}>{ m.line }</button></td>
                                </tr>
                            }
                        }) }
                        { spacer(window.total - window.end, 6, row_px) }
                    </tbody>
                </table>
                </div>
            }
        </section>
    }
}
