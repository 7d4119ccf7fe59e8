use crate::i18n::{fill, texts, Lang};
use crate::state::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub notices: Vec<Notice>,
    pub ondismiss: Callback<usize>,
}

pub fn notice_text(lang: Lang, notice: &Notice) -> String {
    let t = texts(lang);
    match notice {
        Notice::NotAReport { name, error } => fill(t.bad_file, &[name, &error.to_string()]),
        Notice::ReadFailed { name, error } => fill(t.read_failed, &[name, error]),
        Notice::TooLarge { name, megabytes, limit_megabytes } => {
            fill(t.too_large, &[name, &megabytes.to_string(), &limit_megabytes.to_string()])
        }
        Notice::NotKept { kilobytes } => fill(t.not_kept, &[&kilobytes.to_string()]),
    }
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let t = texts(props.lang);
    html! {
        <div class="notices" aria-live="polite">
            { for props.notices.iter().enumerate().map(|(i, n)| {
                let ondismiss = props.ondismiss.clone();
                let class = if n.is_error() { "notice notice-error" } else { "notice notice-note" };
                html! {
                    <div {class} role={if n.is_error() { "alert" } else { "status" }}>
                        <span class="notice-icon" aria-hidden="true">{ if n.is_error() { "✖" } else { "ℹ" } }</span>
                        <span class="notice-text">{ notice_text(props.lang, n) }</span>
                        <button type="button" class="dismiss" aria-label={t.dismiss} onclick={Callback::from(move |_| ondismiss.emit(i))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
