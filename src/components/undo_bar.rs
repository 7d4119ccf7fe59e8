//! The way back from a destructive action: one button naming what it undoes (replacing
//! the reports shown, removing one, clearing all).

use crate::i18n::{fill, texts, Lang};
use crate::state::Undoable;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UndoBarProps {
    pub lang: Lang,
    /// The latest destructive action; none: nothing is drawn.
    pub last: Option<Undoable>,
    pub onundo: Callback<()>,
}

/// What the button says it undoes.
pub fn undo_label(lang: Lang, undoable: &Undoable) -> String {
    let t = texts(lang);
    match undoable {
        Undoable::Replaced { count } => fill(t.undo_replaced, &[&count.to_string()]),
        Undoable::Removed { name } => fill(t.undo_removed, &[name]),
        Undoable::Cleared { count } => fill(t.undo_cleared, &[&count.to_string()]),
    }
}

#[component]
pub fn UndoBar(props: &UndoBarProps) -> Html {
    let Some(last) = &props.last else { return html! {} };
    let onclick = {
        let cb = props.onundo.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <div class="undo-bar" role="status">
            <button type="button" class="undo" {onclick} data-testid="undo">{ undo_label(props.lang, last) }</button>
        </div>
    }
}
