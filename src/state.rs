//! The app's state and the actions that change it. No DOM code here: it is unit-tested
//! natively.

use std::rc::Rc;
use yew::Reducible;

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    /// The report text as it was pasted or read.
    pub text: String,
}

/// What the user (or the browser on their behalf) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// New text arrived (paste, typing, a file); it replaces the previous report.
    SetText(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetText(text) => Rc::new(AppState { text }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_text_replaces_the_previous_text() {
        let state = Rc::new(AppState::default());
        let state = state.reduce(Action::SetText("一、".into()));
        let state = state.reduce(Action::SetText("二、".into()));
        assert_eq!(state.text, "二、");
    }
}
