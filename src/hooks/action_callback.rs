//! One way to turn a child's event into an action, for every callback of the root.

use crate::state::{Action, AppState};
use yew::prelude::*;

/// A callback that dispatches the action `action` makes of its payload:
/// `use_action_callback(&dispatch, Action::Select)` for a `Callback<usize>`.
///
/// `action` is a plain function, so it cannot capture a value that would go stale; the
/// callback is therefore made once and kept, and a child whose other props are unchanged
/// is not drawn again.
#[hook]
pub fn use_action_callback<T: 'static>(dispatch: &UseReducerDispatcher<AppState>, action: fn(T) -> Action) -> Callback<T> {
    use_callback(dispatch.clone(), move |payload, dispatch| dispatch.dispatch(action(payload)))
}
