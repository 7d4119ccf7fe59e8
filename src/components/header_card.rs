//! Who reports, on what year, when, and the compliance badge ("必备部分 4/5") coloured by
//! the worst finding.

use crate::display::shown;
use crate::i18n::{level_name, texts, Lang};
use report_core::findings::Severity;
use report_core::sections::Status;
use report_core::Summary;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderCardProps {
    pub lang: Lang,
    pub summary: Rc<Summary>,
}

/// The CSS class of a severity (also used for the badge).
pub fn severity_class(severity: Option<Severity>) -> &'static str {
    match severity {
        Some(Severity::Error) => "sev-error",
        Some(Severity::Warning) => "sev-warning",
        Some(Severity::Info) => "sev-info",
        None => "sev-ok",
    }
}

#[component]
pub fn HeaderCard(props: &HeaderCardProps) -> Html {
    let t = texts(props.lang);
    let s = &props.summary;
    let m = &s.meta;
    let present = s.sections.iter().filter(|p| p.status != Status::Missing).count();
    let dash = || "—".to_string();
    let field = |label: &'static str, value: String| html! { <div class="field"><dt>{ label }</dt><dd>{ value }</dd></div> };
    html! {
        <section class="header-card" aria-label={t.title}>
            <div class="header-top">
                <h2 class="report-title">{ m.title.as_deref().map_or_else(|| t.no_title.to_string(), |title| shown(title).into_owned()) }</h2>
                <span class={classes!("badge", severity_class(s.worst()))} data-testid="badge">
                    { format!("{} {}/5", t.required_parts, present) }
                </span>
            </div>
            <dl class="meta-grid">
                { field(t.issuer, m.issuer.as_deref().map_or_else(dash, |i| shown(i).into_owned())) }
                { field(t.level, level_name(props.lang, m.level).to_string()) }
                { field(t.report_year, m.report_year.map_or_else(dash, |y| y.to_string())) }
                { field(t.doc_number, m.doc_number.as_deref().map_or_else(dash, |d| shown(d).into_owned())) }
                { field(t.published, m.publish_date.clone().unwrap_or_else(dash)) }
                { field(t.signed, m.signed_date.clone().unwrap_or_else(dash)) }
                { field(t.encoding, format!("{} · {} · {} KB", s.source.format.to_uppercase(), s.source.encoding, s.source.bytes.div_ceil(1024))) }
            </dl>
        </section>
    }
}
