//! Long tables drawn only where the reader looks: of a table's rows, those in its scrolling
//! box and a margin around them are drawn, and two spacer rows stand in for the rest, so a
//! report's 20,000 figures cost what 80 cost. Short tables are drawn whole (they print
//! whole, and the browser's find-in-page sees every row).
//!
//! Rows must be of one height (the table's CSS keeps them on one line); it is measured on
//! the rows drawn, not assumed.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Tables with at most this many rows are drawn whole.
pub const DRAWN_WHOLE: usize = 300;
/// Rows drawn beyond each edge of the box, so a quick scroll does not show the spacers.
const MARGIN: usize = 30;
/// Until a row is measured.
const ROW_PX_GUESS: f64 = 30.0;
/// Until the box is measured.
const VIEWPORT_PX_GUESS: f64 = 600.0;

/// Which rows to draw: `start..end` of `total`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub total: usize,
}

impl Window {
    /// The rows to draw for a box scrolled to `scroll_top` showing `viewport` pixels of
    /// rows `row_px` high (the header above the rows is part of the margin).
    pub fn of(total: usize, scroll_top: f64, viewport: f64, row_px: f64) -> Window {
        if total <= DRAWN_WHOLE {
            return Window { start: 0, end: total, total };
        }
        let row_px = if row_px >= 1.0 { row_px } else { ROW_PX_GUESS };
        let first = (scroll_top.max(0.0) / row_px) as usize;
        let shown = (viewport.max(0.0) / row_px).ceil() as usize + 1;
        let start = first.saturating_sub(MARGIN).min(total);
        let end = (first + shown + MARGIN).min(total);
        Window { start, end, total }
    }

    /// Whether rows are left out (spacers are drawn).
    pub fn is_partial(&self) -> bool {
        self.start > 0 || self.end < self.total
    }
}

/// The window of a table's rows, and what to attach: `scroller` on the scrolling box,
/// `onscroll` on it too, `before`/`after` on a cell of the spacer rows drawn before and
/// after the window (their heights are set here, through the CSSOM: the CSP forbids style
/// attributes).
pub struct RowWindow {
    pub window: Window,
    pub scroller: NodeRef,
    pub onscroll: Callback<Event>,
    pub before: NodeRef,
    pub after: NodeRef,
}

#[hook]
pub fn use_row_window(total: usize) -> RowWindow {
    let scroller = use_node_ref();
    let (before, after) = (use_node_ref(), use_node_ref());
    // (scroll top, viewport height) of the box, as last seen.
    let view = use_state(|| (0.0, VIEWPORT_PX_GUESS));
    let row_px = use_mut_ref(|| ROW_PX_GUESS);
    let window = Window::of(total, view.0, view.1, *row_px.borrow());

    let onscroll = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let seen = (f64::from(el.scroll_top()), f64::from(el.client_height()));
            if seen != *view {
                view.set(seen);
            }
        })
    };
    {
        // The box's real height, once it is drawn.
        let (scroller, view) = (scroller.clone(), view.clone());
        use_effect_with((), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let seen = (f64::from(el.scroll_top()), f64::from(el.client_height()));
                if seen != *view && seen.1 > 0.0 {
                    view.set(seen);
                }
            }
        });
    }
    {
        let (before, after, row_px) = (before.clone(), after.clone(), row_px.clone());
        use_effect_with(window, move |window| {
            // Measure a drawn row (the first after the spacer) for the next windows.
            let row = before.cast::<web_sys::Element>().and_then(|cell| cell.parent_element()).and_then(|tr| tr.next_element_sibling());
            if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
                let height = f64::from(row.offset_height());
                if height >= 1.0 {
                    *row_px.borrow_mut() = height;
                }
            }
            let px = *row_px.borrow();
            for (cell, rows) in [(&before, window.start), (&after, window.total - window.end)] {
                if let Some(cell) = cell.cast::<web_sys::HtmlElement>() {
                    let _ = cell.style().set_property("height", &format!("{}px", rows as f64 * px));
                }
            }
        });
    }
    RowWindow { window, scroller, onscroll, before, after }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tables_are_drawn_whole() {
        assert_eq!(Window::of(DRAWN_WHOLE, 5000.0, 600.0, 30.0), Window { start: 0, end: DRAWN_WHOLE, total: DRAWN_WHOLE });
        assert!(!Window::of(12, 0.0, 600.0, 30.0).is_partial());
    }

    #[test]
    fn a_long_table_draws_what_the_box_shows_and_a_margin() {
        let top = Window::of(20_000, 0.0, 600.0, 30.0);
        assert_eq!((top.start, top.end), (0, 21 + MARGIN));
        let middle = Window::of(20_000, 300_000.0, 600.0, 30.0);
        assert_eq!((middle.start, middle.end), (10_000 - MARGIN, 10_021 + MARGIN));
        let bottom = Window::of(20_000, 600_000.0, 600.0, 30.0);
        assert_eq!((bottom.start, bottom.end), (20_000 - MARGIN, 20_000));
        assert!(middle.is_partial());
        // A row height not measured yet falls back to the guess.
        assert_eq!(Window::of(20_000, 3000.0, 600.0, 0.0).start, 100 - MARGIN);
    }
}
