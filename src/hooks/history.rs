//! The address bar and the app's views kept in step (see `routes.rs` for the addresses):
//! moving to another view makes a step in the browser's history, Back and Forward show the
//! view of their step, and the address the page was loaded with is shown once the session
//! is restored. Also the keys `[` and `]` for the previous and next report.

use crate::hooks::page::after_paint;
use crate::routes::Route;
use crate::state::{Action, AppState, Step};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The route of the address bar.
fn address() -> Route {
    Route::parse(&gloo_utils::window().location().hash().unwrap_or_default())
}

/// Puts `hash` in the address bar, as a new step of history or in place of the current one.
fn write_address(hash: &str, new_step: bool) {
    let window = gloo_utils::window();
    let Ok(history) = window.history() else { return };
    // No hash at all (not an empty `#`) for the empty page.
    let url = if hash.is_empty() {
        let location = window.location();
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
    } else {
        hash.to_string()
    };
    let _ = if new_step {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Keeps the address and the state in step.
#[hook]
pub fn use_history(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    // Counts every change the address may have to follow (Back, Forward, each run of the
    // effect below): a write waiting for the paint is made only if nothing came after it.
    let changes = use_memo((), |_| Rc::new(Cell::new(0u64)));
    // After the restore of the session has started (`use_persistence` comes first), so that
    // the address waits for it; then every Back and Forward.
    let counted = (*changes).clone();
    use_effect_with((), move |_| {
        let changes = counted;
        let window = gloo_utils::window();
        // The views are drawn anew: the comparison puts back its own scroll position.
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        dispatch.dispatch(Action::Navigate(address()));
        let onpopstate = Closure::<dyn Fn()>::new(move || {
            changes.set(changes.get() + 1);
            dispatch.dispatch(Action::Navigate(address()));
        });
        let _ = window.add_event_listener_with_callback("popstate", onpopstate.as_ref().unchecked_ref());
        move || {
            let _ = window.remove_event_listener_with_callback("popstate", onpopstate.as_ref().unchecked_ref());
        }
    });

    let route = state.route();
    // While a session is restored or a batch analysed, the view is not yet the one to name.
    let settled = state.pending_route.is_none() && state.batch.is_none();
    let seen_navigations = use_mut_ref(|| 0u64);
    use_effect_with((route, settled, state.navigations), move |&(route, settled, navigations)| {
        changes.set(changes.get() + 1);
        let from_address = std::mem::replace(&mut *seen_navigations.borrow_mut(), navigations) != navigations;
        // Until the address has been read, it is the one to keep.
        if navigations == 0 || !settled {
            return;
        }
        let wanted = route.to_hash();
        if gloo_utils::window().location().hash().unwrap_or_default() == wanted {
            return;
        }
        // An address that named nothing to show, or a refined filter or sort, is corrected
        // in place; the first report of an empty page too (Back from it would show nothing).
        let new_step = move || {
            let shown = address();
            !from_address && shown != Route::Home && !route.same_page(&shown)
        };
        // A report newly opened is shown from its top, in its first frame.
        if new_step() && matches!(route, Route::Report(_)) {
            gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        // Once the view is painted: the browser saves the scroll position with the step,
        // which lays out the page first — in the drawing's own task, that was a second
        // layout of everything just drawn (40 ms after a 200-report comparison).
        let (changes, seen) = (changes.clone(), changes.get());
        after_paint(move || {
            // Back or Forward meanwhile: that address is the one to keep; another view
            // meanwhile: its own write is the one to make.
            if changes.get() != seen || gloo_utils::window().location().hash().unwrap_or_default() == wanted {
                return;
            }
            write_address(&wanted, new_step());
        });
    });
}

/// `[` and `]` show the previous and the next report of the comparison (the reducer decides
/// whether there is one), except while the reader types in a field.
#[hook]
pub fn use_step_keys(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let document = gloo_utils::document();
        let onkeydown = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() || e.is_composing() || e.default_prevented() {
                return;
            }
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable());
            let step = match e.key().as_str() {
                "[" => Step::Previous,
                "]" => Step::Next,
                _ => return,
            };
            if !typing {
                dispatch.dispatch(Action::Step(step));
            }
        });
        let _ = document.add_event_listener_with_callback("keydown", onkeydown.as_ref().unchecked_ref());
        move || {
            let _ = document.remove_event_listener_with_callback("keydown", onkeydown.as_ref().unchecked_ref());
        }
    });
}
