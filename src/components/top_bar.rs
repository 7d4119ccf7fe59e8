use crate::i18n::{texts, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub lang: Lang,
    pub onswitchlang: Callback<Lang>,
    /// "Clear stored data": the browser forgets the session kept for this page.
    pub onclearstored: Callback<()>,
}

#[component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let t = texts(props.lang);
    let onclick = {
        let (lang, cb) = (props.lang, props.onswitchlang.clone());
        Callback::from(move |_| cb.emit(lang.other()))
    };
    html! {
        <header class="top-bar">
            <div class="brand">
                <h1>{ t.app_title }</h1>
                <p class="tagline">{ t.tagline }</p>
            </div>
            <button class="clear-stored" type="button" title={t.clear_stored_title} data-testid="clear-stored"
                onclick={props.onclearstored.reform(|_| ())}>{ t.clear_stored }</button>
            <button class="lang-switch" type="button" lang={props.lang.other().code()} {onclick}>{ t.switch_language }</button>
        </header>
    }
}
