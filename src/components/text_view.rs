//! The original text with its structure drawn on it: headings by level, every figure (hover
//! or focus shows what was read), the span of each required part, page chrome greyed.
//!
//! Long texts are drawn in a window of lines that grows as the reader scrolls (and moves to
//! wherever a jump points), so a megabyte never becomes one huge DOM update. User text is
//! only ever inserted as text nodes.

use crate::display::shown;
use crate::i18n::{approx_name, texts, Lang};
use crate::state::{Jump, JumpTarget, Report};
use crate::text_model::{segments, LineView, Segment};
use report_core::export::format_number;
use report_core::lines::LineKind;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub lang: Lang,
    pub report: Rc<Report>,
    pub jump: Option<Jump>,
}

/// Lines drawn at first and added to the window at a time (more than a screen; the first
/// drawing of a report is the page's longest task).
const CHUNK: usize = 100;
/// The window never holds more lines than this; the far side is dropped as it grows.
const MAX_WINDOW: usize = 2400;

#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    let t = texts(props.lang);
    let report = &props.report;
    let total = report.model.len();
    let window = use_state(|| (0, CHUNK.min(total)));
    let pending = use_mut_ref(|| None::<Jump>);

    {
        let (window, pending, report) = (window.clone(), pending.clone(), report.clone());
        use_effect_with(props.jump, move |jump| {
            // A jump to a table's cell is the tables view's.
            if let Some(jump) = jump.filter(|j| !matches!(j.target, JumpTarget::Cell(_))) {
                let index = target_line(&report, jump.target).saturating_sub(1);
                let (start, end) = *window;
                if index < start || index >= end {
                    *pending.borrow_mut() = Some(jump);
                    window.set(around(index, total));
                } else {
                    scroll_to(jump.target, &report);
                }
            }
        });
    }
    {
        let (pending, report) = (pending.clone(), report.clone());
        use_effect_with(*window, move |_| {
            if let Some(jump) = pending.borrow_mut().take() {
                scroll_to(jump.target, &report);
            }
        });
    }

    let (start, end) = *window;
    // Line numbers are a CSS counter (fewer nodes than a number per line), starting at the
    // window's first line. Set through the CSSOM: the CSP forbids style attributes.
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with(start, move |&start| {
            if let Some(el) = scroller.cast::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("counter-reset", &format!("ln {start}"));
            }
        });
    }
    let onearlier = {
        let window = window.clone();
        Callback::from(move |_| {
            let (s, e) = *window;
            let s = s.saturating_sub(CHUNK);
            window.set((s, e.min(s + MAX_WINDOW)));
        })
    };
    let onlater = {
        let window = window.clone();
        Callback::from(move |_| window.set(extend_down(*window, total)))
    };
    let onscroll = {
        let window = window.clone();
        Callback::from(move |e: Event| {
            let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let near_bottom = el.scroll_top() + el.client_height() + 600 >= el.scroll_height();
            if near_bottom && window.1 < total {
                window.set(extend_down(*window, total));
            }
        })
    };

    let onmouseover = Callback::from(|e: MouseEvent| place_tip(e.target()));
    let onfocusin = Callback::from(|e: FocusEvent| place_tip(e.target()));

    html! {
        <section class="text-view" aria-label={t.text}>
            <h3>{ t.text }</h3>
            <div class="text-scroll" ref={scroller} {onscroll} {onmouseover} {onfocusin} data-testid="text-view">
                if start > 0 {
                    <button type="button" class="more" onclick={onearlier}>{ format!("{} ({})", t.show_earlier, start) }</button>
                }
                { for (start..end).map(|i| render_line(props.lang, report, &report.model.line(i))) }
                if end < total {
                    <button type="button" class="more" onclick={onlater}>{ format!("{} ({})", t.show_later, total - end) }</button>
                }
            </div>
        </section>
    }
}

/// Room a figure's tooltip takes above or below it: one line of 0.8rem text, its padding
/// and the gap, with a little to spare.
const TIP_HEIGHT_PX: i32 = 30;

/// Before a figure's tooltip opens (pointer or focus on it): it opens above the figure when
/// there is no room for it below in the scroll box's visible part (a figure on the last
/// lines in view, the last line of the text), else below; and it ends at the figure's right
/// edge when the figure is in the right half of the box, so that it does not run past it.
fn place_tip(target: Option<web_sys::EventTarget>) {
    let Some(mark) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    if !mark.has_attribute("data-tip") {
        return;
    }
    let Some(scroller) = mark.closest(".text-scroll").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    // The figure's place in the scrolled text: offsets summed up to the scroll box, which
    // is positioned (app.css), so it ends the chain of offset parents.
    let (mut top, mut left) = (0, 0);
    let mut element = Some(mark.clone());
    while let Some(e) = element.filter(|e| *e != scroller) {
        top += e.offset_top();
        left += e.offset_left();
        element = e.offset_parent().and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok());
    }
    let visible_bottom = scroller.scroll_top() + scroller.client_height();
    let above = top + mark.offset_height() + TIP_HEIGHT_PX > visible_bottom && top - TIP_HEIGHT_PX >= scroller.scroll_top();
    let classes = mark.class_list();
    let _ = classes.toggle_with_force("tip-above", above);
    let _ = classes.toggle_with_force("tip-end", left - scroller.scroll_left() > scroller.client_width() / 2);
}

/// A window of lines centred on `index`.
fn around(index: usize, total: usize) -> (usize, usize) {
    let start = index.saturating_sub(CHUNK / 2);
    (start, (start + CHUNK).min(total))
}

fn extend_down((start, end): (usize, usize), total: usize) -> (usize, usize) {
    let end = (end + CHUNK).min(total);
    (start.max(end.saturating_sub(MAX_WINDOW)), end)
}

/// The 1-based line a jump points at.
fn target_line(report: &Report, target: JumpTarget) -> usize {
    match target {
        JumpTarget::Line(n) => n,
        JumpTarget::Metric(i) => report.summary.metrics.get(i).map_or(1, |m| m.line),
        JumpTarget::Cell(at) => {
            let cell = report.summary.tables.get(at.table).and_then(|t| t.rows.get(at.row)).and_then(|r| r.cells.get(at.cell));
            cell.and_then(|c| c.line).unwrap_or(1)
        }
    }
}

/// Scrolls the target into the middle of the view, focuses it and flashes it.
fn scroll_to(target: JumpTarget, report: &Report) {
    let document = gloo_utils::document();
    let id = match target {
        JumpTarget::Metric(i) => format!("M{i}"),
        JumpTarget::Line(_) | JumpTarget::Cell(_) => format!("L{}", target_line(report, target)),
    };
    let element = document.get_element_by_id(&id).or_else(|| document.get_element_by_id(&format!("L{}", target_line(report, target))));
    let Some(element) = element else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    // Lines take focus only when jumped to (a tabindex on every line costs drawing time).
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let _ = element.class_list().remove_1("flash");
    let _ = element.class_list().add_1("flash");
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

fn render_line(lang: Lang, report: &Report, line: &LineView) -> Html {
    let text = &report.text[line.bytes.0..line.bytes.1];
    let kind = match line.kind {
        LineKind::Blank => "blank",
        LineKind::Text => "prose",
        LineKind::Meta => "meta",
        LineKind::Chrome => "chrome",
    };
    let part = line.part.map(|p| format!("in-{}", p.as_str()));
    html! {
        <div class={classes!("tl", kind, part)} id={format!("L{}", line.number)}>
            <span class="tx">{ for segments(text, &line.marks).into_iter().map(|s| render_segment(lang, report, s)) }</span>
        </div>
    }
}

fn render_segment(lang: Lang, report: &Report, s: Segment) -> Html {
    let inner = match s.metric {
        Some(i) => {
            let m = &report.summary.metrics[i];
            let tip =
                format!("{} · {} · {} · {}", format_number(m.value), approx_name(lang, m.approx), m.unit, m.what.as_deref().unwrap_or("—"));
            if s.metric_start {
                html! { <mark class="metric" id={format!("M{i}")} tabindex="0" data-tip={tip.clone()} aria-label={tip}>{ shown(s.text).into_owned() }</mark> }
            } else {
                html! { <mark class="metric">{ shown(s.text).into_owned() }</mark> }
            }
        }
        None => html! { { shown(s.text).into_owned() } },
    };
    match s.heading {
        Some(level) => html! { <span class={classes!("hd", format!("hd-{level}"))}>{ inner }</span> },
        None => inner,
    }
}
