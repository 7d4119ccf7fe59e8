//! A question before a destructive action, in the page (not `window.confirm`, which blocks
//! the page and cannot be styled or tested): a modal `<dialog>`, so the browser keeps the
//! keyboard inside it, Escape cancels, and focus returns where it was on closing.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    pub message: String,
    /// The label of the button that goes ahead (names the action: "清空全部").
    pub confirm: AttrValue,
    pub cancel: AttrValue,
    pub onconfirm: Callback<()>,
    /// Cancelled with its button or with Escape.
    pub oncancel: Callback<()>,
}

/// Drawn open; the parent draws it only while it asks.
#[component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let dialog = use_node_ref();
    // Whether the dialog closes because the reader went ahead (else it was cancelled).
    let confirmed = use_mut_ref(|| false);
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        });
    }
    let close = |dialog: &NodeRef| {
        if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
            d.close();
        }
    };
    let onconfirmclick = {
        let (dialog, confirmed) = (dialog.clone(), confirmed.clone());
        Callback::from(move |_: MouseEvent| {
            *confirmed.borrow_mut() = true;
            close(&dialog);
        })
    };
    let oncancelclick = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| close(&dialog))
    };
    // Every way out ends here, once the browser has closed the dialog and given focus back.
    let onclose = {
        let (onconfirm, oncancel) = (props.onconfirm.clone(), props.oncancel.clone());
        Callback::from(move |e: Event| {
            if e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDialogElement>().ok()).is_none() {
                return;
            }
            if std::mem::take(&mut *confirmed.borrow_mut()) {
                onconfirm.emit(());
            } else {
                oncancel.emit(());
            }
        })
    };
    html! {
        <dialog ref={dialog} class="confirm-dialog" aria-labelledby="confirm-message" {onclose} data-testid="confirm-dialog">
            <p id="confirm-message">{ props.message.clone() }</p>
            <div class="confirm-actions">
                // The safe choice has the focus: Enter right away keeps everything.
                <button type="button" class="cancel" autofocus=true onclick={oncancelclick} data-testid="confirm-cancel">{ props.cancel.clone() }</button>
                <button type="button" class="danger" onclick={onconfirmclick} data-testid="confirm-ok">{ props.confirm.clone() }</button>
            </div>
        </dialog>
    }
}
