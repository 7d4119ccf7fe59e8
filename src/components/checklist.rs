//! The five required parts with their status. A missing part is unmistakable: red, an
//! icon and the word, not colour alone. Clicking a part scrolls the text to its heading.

use crate::display::shown;
use crate::i18n::{part_name, status_name, texts, Lang};
use crate::report::SharedSummary;
use report_core::sections::Status;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub lang: Lang,
    pub summary: SharedSummary,
    /// A line to scroll to.
    pub onjump: Callback<usize>,
}

#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let t = texts(props.lang);
    let in_order = props.summary.stats.parts_in_order;
    html! {
        <section class="checklist" aria-label={t.checklist}>
            <h3>{ t.checklist }</h3>
            <ol class="parts">
                { for props.summary.sections.iter().map(|part| {
                    let (icon, class) = match part.status {
                        Status::Present => ("✔", "part-present"),
                        Status::Partial => ("⚠", "part-partial"),
                        Status::Missing => ("✖", "part-missing"),
                    };
                    let status = status_name(props.lang, part.status);
                    let body = html! {
                        <>
                            <span class="part-icon" aria-hidden="true">{ icon }</span>
                            <span class="part-name">{ part_name(props.lang, part.id) }</span>
                            <span class="part-status">{ status }</span>
                            if let Some(heading) = &part.heading { <span class="part-heading">{ shown(heading).into_owned() }</span> }
                            if let Some(reason) = &part.reason { <span class="part-reason">{ format!("{}{}", t.reason, report_core::messages::reason_message(*reason, props.lang.core())) }</span> }
                        </>
                    };
                    html! {
                        <li class={classes!("part", class)} data-part={part.id.as_str()} data-status={status_name(Lang::En, part.status)}>
                            if let Some(line) = part.line {
                                <button type="button" class="part-jump" onclick={ let cb = props.onjump.clone(); Callback::from(move |_| cb.emit(line)) }>{ body }</button>
                            } else {
                                <div class="part-static">{ body }</div>
                            }
                        </li>
                    }
                }) }
            </ol>
            <p class={classes!("order", if in_order { "order-ok" } else { "order-bad" })}>
                { if in_order { t.in_order } else { t.out_of_order } }
            </p>
        </section>
    }
}
