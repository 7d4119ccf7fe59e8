//! Charts of the comparison, drawn as SVG by the app (no chart library): per report the
//! required parts present (0–5) and the density of figures; and for one topic (普法宣传,
//! 矛盾纠纷 …) its kinds of figure — the same thing counted the same way in the same unit
//! (`compare::figure_kinds`) — each with a bar per report that has one. Unlike things are
//! never added up: a bar is one report's figures of one kind, drawn as one segment per
//! figure, and says which figures make it (`1200 + 300 = 1500`, and their text and lines on hover).

use crate::display::shown;
use crate::hooks::{use_drawn_after_paint, use_drawn_in_parts};
use crate::i18n::{texts, Lang};
use crate::state::Report;
use report_core::compare::{figure_kinds, FigureKind, MetricKind, Row};
use report_core::export::format_number;
use report_core::Summary;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareChartProps {
    pub lang: Lang,
    pub reports: Vec<Rc<Report>>,
    /// The rows shown (and their order).
    pub rows: Vec<usize>,
}

const BAR_HEIGHT: f64 = 16.0;
const GAP: f64 = 6.0;
const LABEL_WIDTH: f64 = 170.0;
const PLOT_WIDTH: f64 = 240.0;
/// Kinds of figure drawn at most for one topic (those most reports share come first).
const MAX_KINDS: usize = 6;
/// The height of a kind's caption line.
const KIND_CAPTION: f64 = 18.0;
/// Bars of the first chart drawn per task.
const BARS_PER_TASK: usize = 50;

fn kind_name(lang: Lang, k: MetricKind) -> &'static str {
    match lang {
        Lang::Zh => k.name_zh(),
        Lang::En => k.name_en(),
    }
}

/// How a report is named in the charts: its issuer (what a reviewer knows it by), else
/// its file name.
fn label(r: &Row) -> &str {
    r.issuer.as_deref().unwrap_or(&r.report)
}

/// A label cut to fit the chart's label column.
fn short(label: &str) -> String {
    let s = shown(label);
    if s.chars().count() > 12 {
        s.chars().take(11).chain(std::iter::once('…')).collect()
    } else {
        s.into_owned()
    }
}

#[component]
pub fn CompareChart(props: &CompareChartProps) -> Html {
    let t = texts(props.lang);
    let kind = use_state(|| MetricKind::LawPublicity);
    // For a batch of 200 reports each chart is a thousand shapes or more: the first chart's
    // bars are drawn a part per task, and the second chart after them.
    let n = props.rows.len();
    let bars_drawn = use_drawn_in_parts(n, BARS_PER_TASK);
    let both_drawn = use_drawn_after_paint(bars_drawn == n);
    let summaries: Vec<&Summary> = props.rows.iter().map(|&i| &*props.reports[i].summary).collect();
    let rows: Vec<&Row> = props.rows.iter().map(|&i| &props.reports[i].comparison_row).collect();
    let height = (n as f64 * (BAR_HEIGHT + GAP) + 24.0).max(40.0);

    // Chart 1: parts present (of 5) and figures per 1,000 chars, two bars per report.
    let max_density = rows.iter().map(|r| r.metrics_per_1000_chars).fold(0.0f64, f64::max).max(1.0);
    let x2 = LABEL_WIDTH + PLOT_WIDTH + 30.0;
    let width = x2 + PLOT_WIDTH + 60.0;
    let parts_chart = html! {
        <svg class="chart" role="img" aria-label={t.chart_parts} viewBox={format!("0 0 {width} {height}")} data-testid="chart-parts">
            <text x={LABEL_WIDTH.to_string()} y="12" class="axis">{ t.col_parts }{ " (0–5)" }</text>
            <text x={x2.to_string()} y="12" class="axis">{ t.col_density }</text>
            { for rows.iter().take(bars_drawn).enumerate().map(|(k, r)| {
                let y = 20.0 + k as f64 * (BAR_HEIGHT + GAP);
                let w1 = PLOT_WIDTH * r.parts_present as f64 / 5.0;
                let w2 = PLOT_WIDTH * r.metrics_per_1000_chars / max_density;
                html! {
                    <g>
                        <text x={(LABEL_WIDTH - 6.0).to_string()} y={(y + 12.0).to_string()} class="label" text-anchor="end">{ short(label(r)) }</text>
                        <rect x={LABEL_WIDTH.to_string()} y={y.to_string()} width={w1.to_string()} height={BAR_HEIGHT.to_string()} class={format!("bar parts-{}", r.parts_present)} />
                        <text x={(LABEL_WIDTH + w1 + 4.0).to_string()} y={(y + 12.0).to_string()} class="value">{ format!("{}/5", r.parts_present) }</text>
                        <rect x={x2.to_string()} y={y.to_string()} width={w2.to_string()} height={BAR_HEIGHT.to_string()} class="bar density" />
                        <text x={(x2 + w2 + 4.0).to_string()} y={(y + 12.0).to_string()} class="value">{ format_number(r.metrics_per_1000_chars) }</text>
                    </g>
                }
            }) }
        </svg>
    };

    // Chart 2: one topic's kinds of figure, a bar per report that has one.
    let kinds = if both_drawn { figure_kinds(&summaries, *kind) } else { Vec::new() };
    let shown_kinds = &kinds[..kinds.len().min(MAX_KINDS)];
    let height2 = shown_kinds.iter().map(|k| KIND_CAPTION + k.reports() as f64 * (BAR_HEIGHT + GAP)).sum::<f64>() + 8.0;
    let width2 = LABEL_WIDTH + PLOT_WIDTH + 150.0;
    let onkind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(k) = MetricKind::ALL.iter().copied().find(|k| k.name_en() == v) {
                kind.set(k);
            }
        })
    };
    let kind_chart = if !both_drawn {
        Html::default()
    } else if kinds.is_empty() {
        html! { <p class="none">{ t.no_kind_figures }</p> }
    } else {
        let mut y = 0.0;
        let groups: Vec<Html> = shown_kinds.iter().map(|k| kind_group(k, &rows, &mut y)).collect();
        html! {
            <svg class="chart" role="img" aria-label={kind_name(props.lang, *kind)} viewBox={format!("0 0 {width2} {height2}")} data-testid="chart-kind">
                { for groups }
            </svg>
        }
    };
    html! {
        <div class="charts">
            <figure>
                <figcaption>{ t.chart_parts }</figcaption>
                <div class="chart-scroll">{ parts_chart }</div>
            </figure>
            <figure>
                <figcaption>
                    { t.chart_kind }
                    <label class="kind-select">{ t.kind }
                        <select onchange={onkind} data-testid="chart-kind-select">
                            { for MetricKind::ALL.iter().map(|k| html! { <option value={k.name_en()} selected={*k == *kind}>{ kind_name(props.lang, *k) }</option> }) }
                        </select>
                    </label>
                </figcaption>
                <div class="chart-scroll">{ kind_chart }</div>
            </figure>
        </div>
    }
}

/// One kind of figure: a caption (what, action, unit) and a bar per report that has it, one
/// segment per figure; `y` advances past it.
fn kind_group(k: &FigureKind, rows: &[&Row], y: &mut f64) -> Html {
    let max = (0..rows.len()).filter_map(|r| k.total(r)).fold(0.0f64, f64::max).max(f64::MIN_POSITIVE);
    let caption_y = *y + 13.0;
    *y += KIND_CAPTION;
    let mut caption = format!("{}（{}）", shown(&k.what), k.unit);
    if let Some(a) = &k.action {
        caption.push_str(" · ");
        caption.push_str(a);
    }
    let mut bars = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let members = &k.members[r];
        if members.is_empty() {
            continue;
        }
        let top = *y;
        *y += BAR_HEIGHT + GAP;
        // One rectangle per figure, side by side in one path; the value says `a + b = c`
        // and the title lists the figures as printed.
        let (mut x, mut d, mut value, mut title) = (LABEL_WIDTH, String::new(), String::new(), format!("{}:", label(row)));
        for (i, m) in members.iter().enumerate() {
            let w = PLOT_WIDTH * m.value.max(0.0) / max;
            d.push_str(&format!("M{x} {top}h{w}v{BAR_HEIGHT}h-{w}z"));
            x += w;
            if i > 0 {
                value.push_str(" + ");
            }
            value.push_str(&format_number(m.value));
            title.push_str(&format!(" {}（{}）", shown(&m.text), m.line));
        }
        if members.len() > 1 {
            value.push_str(" = ");
            value.push_str(&format_number(k.total(r).unwrap_or(0.0)));
        }
        bars.push(html! {
            <g class="kind-bar" data-testid="kind-bar" data-figures={members.len().to_string()}>
                <title>{ title }</title>
                <text x={(LABEL_WIDTH - 6.0).to_string()} y={(top + 12.0).to_string()} class="label" text-anchor="end">{ short(label(row)) }</text>
                <path d={d} class="bar kind" />
                <text x={(x + 4.0).to_string()} y={(top + 12.0).to_string()} class="value">{ value }</text>
            </g>
        });
    }
    html! {
        <g class="kind" data-testid="kind-group">
            <text x="0" y={caption_y.to_string()} class="axis">{ caption }</text>
            { for bars }
        </g>
    }
}
