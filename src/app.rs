use crate::state::{Action, AppState};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(Action::SetText(area.value()));
        })
    };
    let chars = state.text.chars().count();
    html! {
        <main class="app">
            <h1>{ "Report Lens" }</h1>
            <textarea class="paste" aria-label="报告全文" placeholder="在此粘贴报告全文" {oninput} />
            <p class="ack" data-testid="ack">
                { if chars == 0 { "尚未输入报告".to_string() } else { format!("已接收 {chars} 字") } }
            </p>
        </main>
    }
}
