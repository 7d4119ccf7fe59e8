//! Long tables drawn only where the reader looks: of a table's rows, those in its scrolling
//! box and a margin around them are drawn, and spacer rows stand in for the rest, so a
//! report's 20,000 figures cost what 80 cost. Short tables are drawn whole (they print
//! whole, and the browser's find-in-page sees every row); a table that must print whole
//! however long ([`Windowing::whole_in_print`]) is drawn whole while the page prints.
//!
//! Rows must be of one height (the table's CSS keeps them on one line); it is measured on
//! the rows drawn, not assumed. One scrolling box may hold several tables, one after the
//! other: the window is over their rows in that order, and each table draws its share of
//! it between spacers of its own ([`spacer`]).

use crate::hooks::page::at_next_frame;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How a kind of table is windowed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Windowing {
    /// Tables with at most this many rows are drawn whole.
    pub drawn_whole: usize,
    /// Rows drawn beyond each edge of the box, so a quick scroll does not show the spacers.
    pub margin: usize,
    /// Drawn whole while the page prints.
    pub whole_in_print: bool,
}

/// The figures table: a report's figures, 20,000 in a huge one. Printed as far as drawn
/// (all of them would hold the page for seconds).
pub const FIGURES: Windowing = Windowing { drawn_whole: 300, margin: 30, whole_in_print: false };

/// Until a row is measured.
pub const ROW_PX_GUESS: f64 = 30.0;
/// Until the box is measured.
pub const VIEWPORT_PX_GUESS: f64 = 600.0;

/// Which rows to draw: `start..end` of `total`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub total: usize,
}

impl Window {
    /// Every row of `total`.
    pub fn whole(total: usize) -> Window {
        Window { start: 0, end: total, total }
    }

    /// The part of the window in the rows `offset..offset + rows` (a table's rows when the
    /// box holds several tables): (rows before it, the rows drawn as indices from the
    /// table's first, rows after it).
    pub fn share(&self, offset: usize, rows: usize) -> (usize, std::ops::Range<usize>, usize) {
        let start = self.start.clamp(offset, offset + rows) - offset;
        let end = self.end.clamp(offset, offset + rows) - offset;
        (start, start..end, rows - end)
    }

    /// Whether row `row` is drawn.
    pub fn contains(&self, row: usize) -> bool {
        (self.start..self.end).contains(&row)
    }

    /// Whether rows are left out (spacers are drawn).
    pub fn is_partial(&self) -> bool {
        self.start > 0 || self.end < self.total
    }
}

impl Windowing {
    /// The rows to draw for a box scrolled to `scroll_top` showing `viewport` pixels of
    /// rows `row_px` high (the header above the rows is part of the margin).
    pub fn window(self, total: usize, scroll_top: f64, viewport: f64, row_px: f64) -> Window {
        if total <= self.drawn_whole {
            return Window::whole(total);
        }
        let margin = self.margin;
        let row_px = if row_px >= 1.0 { row_px } else { ROW_PX_GUESS };
        let first = (scroll_top.max(0.0) / row_px) as usize;
        let shown = (viewport.max(0.0) / row_px).ceil() as usize + 1;
        let start = first.saturating_sub(margin).min(total);
        let end = (first + shown + margin).min(total);
        Window { start, end, total }
    }

    /// The scroll position at which `row` is about a third down a box of the guessed
    /// height: where to open a box that must show that row.
    pub fn top_showing(row: usize) -> f64 {
        (row as f64 * ROW_PX_GUESS - VIEWPORT_PX_GUESS / 3.0).max(0.0)
    }
}

/// A row standing in for `rows` rows of `row_px` not drawn, `columns` wide (nothing for
/// none). Its height is the cell's `height` attribute, given as it is drawn: the CSP forbids
/// style attributes, and a height set through the CSSOM after the drawing would come after
/// the layout, which meanwhile pulls the box's scroll position up to the shorter table.
pub fn spacer(rows: usize, columns: usize, row_px: f64) -> Html {
    if rows == 0 {
        return Html::default();
    }
    let height = (rows as f64 * row_px).round() as u64;
    html! { <tr class="spacer" aria-hidden="true"><td colspan={columns.to_string()} height={height.to_string()}></td></tr> }
}

/// The window of a table's rows, and what to attach: `scroller` on the scrolling box,
/// `onscroll` on it too; the rows left out are drawn as [`spacer`]s.
pub struct RowWindow {
    pub window: Window,
    pub scroller: NodeRef,
    pub onscroll: Callback<Event>,
    /// The height of a row, as measured (or guessed until then): for the spacers.
    pub row_px: f64,
}

/// The window of `total` rows windowed as `windowing` says, in a box first scrolled to
/// `first_top` (the owner scrolls it there).
#[hook]
pub fn use_row_window(total: usize, windowing: Windowing, first_top: f64) -> RowWindow {
    let scroller = use_node_ref();
    // (scroll top, viewport height) of the box, as last seen.
    let view = use_mut_ref(|| (first_top, VIEWPORT_PX_GUESS));
    let row_px = use_mut_ref(|| ROW_PX_GUESS);
    // The window and row height of the last measure: the table is drawn again only when
    // they change (not on every scroll event, nor when the box turns out to be of another
    // height but the same rows show).
    let measured = use_state_eq(|| (windowing.window(total, first_top, VIEWPORT_PX_GUESS, ROW_PX_GUESS), ROW_PX_GUESS.to_bits()));
    let printing = use_state_eq(|| false);
    let px = *row_px.borrow();
    let (top, viewport) = *view.borrow();
    let window = if *printing { Window::whole(total) } else { windowing.window(total, top, viewport, px) };

    // Reads the box and a drawn row. Only where the page is laid out anyway: on a scroll,
    // and in the frame of the first drawing. Read in the drawing's own task, they would
    // force a layout of the whole page there, and the frame would lay it out again.
    let measure = {
        let (view, row_px, measured) = (view.clone(), row_px.clone(), measured.clone());
        Rc::new(move |el: &web_sys::Element| {
            let row = el.query_selector("tbody > tr:not(.spacer)").ok().flatten();
            if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
                let height = f64::from(row.offset_height());
                if height >= 1.0 {
                    *row_px.borrow_mut() = height;
                }
            }
            let (top, viewport) = (f64::from(el.scroll_top()), f64::from(el.client_height()));
            if viewport > 0.0 {
                *view.borrow_mut() = (top, viewport);
                let px = *row_px.borrow();
                measured.set((windowing.window(total, top, viewport, px), px.to_bits()));
            }
        })
    };
    let onscroll = {
        let measure = measure.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                measure(&el);
            }
        })
    };
    {
        // A table drawn whole has nothing to measure.
        let scroller = scroller.clone();
        use_effect_with(window.is_partial(), move |&partial| {
            if partial {
                at_next_frame(move || {
                    if let Some(el) = scroller.cast::<web_sys::Element>() {
                        measure(&el);
                    }
                });
            }
        });
    }
    {
        // Printed whole: drawn whole from before the page is laid out for print (the
        // drawing runs in the microtasks after the event) until after.
        let printing = printing.clone();
        use_effect_with(windowing.whole_in_print, move |&whole_in_print| {
            let listeners = whole_in_print.then(|| {
                let window = gloo_utils::window();
                let listen = |event: &'static str, whole: bool| {
                    let printing = printing.clone();
                    let listener = Closure::<dyn Fn()>::new(move || printing.set(whole));
                    let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                    (event, listener)
                };
                [listen("beforeprint", true), listen("afterprint", false)]
            });
            move || {
                for (event, listener) in listeners.iter().flatten() {
                    let _ = gloo_utils::window().remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    RowWindow { window, scroller, onscroll, row_px: px }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARGIN: usize = FIGURES.margin;

    #[test]
    fn short_tables_are_drawn_whole() {
        let whole = FIGURES.drawn_whole;
        assert_eq!(FIGURES.window(whole, 5000.0, 600.0, 30.0), Window { start: 0, end: whole, total: whole });
        assert!(!FIGURES.window(12, 0.0, 600.0, 30.0).is_partial());
    }

    #[test]
    fn a_long_table_draws_what_the_box_shows_and_a_margin() {
        let top = FIGURES.window(20_000, 0.0, 600.0, 30.0);
        assert_eq!((top.start, top.end), (0, 21 + MARGIN));
        let middle = FIGURES.window(20_000, 300_000.0, 600.0, 30.0);
        assert_eq!((middle.start, middle.end), (10_000 - MARGIN, 10_021 + MARGIN));
        let bottom = FIGURES.window(20_000, 600_000.0, 600.0, 30.0);
        assert_eq!((bottom.start, bottom.end), (20_000 - MARGIN, 20_000));
        assert!(middle.is_partial());
        // A row height not measured yet falls back to the guess.
        assert_eq!(FIGURES.window(20_000, 3000.0, 600.0, 0.0).start, 100 - MARGIN);
    }

    #[test]
    fn tables_in_one_box_draw_their_share_of_the_window() {
        // Rows 40..70 of a box holding a table of 50 rows, then one of 100.
        let window = Window { start: 40, end: 70, total: 150 };
        assert_eq!(window.share(0, 50), (40, 40..50, 0));
        assert_eq!(window.share(50, 100), (0, 0..20, 80));
        // A table wholly outside the window is all spacer.
        let later = Window { start: 90, end: 120, total: 150 };
        assert_eq!(later.share(0, 50), (50, 50..50, 0));
        assert_eq!(later.share(50, 100), (40, 40..70, 30));
    }

    #[test]
    fn a_box_opened_at_a_row_shows_it() {
        let top = Windowing::top_showing(150);
        let window = FIGURES.window(20_000, top, VIEWPORT_PX_GUESS, ROW_PX_GUESS);
        assert!(window.start <= 150 && 150 < window.end);
        assert_eq!(Windowing::top_showing(2), 0.0);
    }
}
