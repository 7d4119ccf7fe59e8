//! Who reports, on what year, when, and the compliance badge ("必备部分 4/5") coloured by
//! the worst finding.

use crate::display::shown;
use crate::i18n::{byte_size, level_name, texts, Lang};
use report_core::findings::Severity;
use report_core::kinds::{KindBasis, KindId};
use report_core::messages::kind_name;
use report_core::sections::Status;
use report_core::Summary;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderCardProps {
    pub lang: Lang,
    pub summary: Rc<Summary>,
    /// The reviewer chose another kind of report for this one.
    pub onkind: Callback<KindId>,
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

/// How the kind was decided, in the UI language.
fn basis_name(t: &crate::i18n::Texts, basis: KindBasis) -> &'static str {
    match basis {
        KindBasis::Recognised => t.kind_recognised,
        KindBasis::Assumed => t.kind_assumed,
        KindBasis::Chosen => t.kind_chosen,
    }
}

/// The basis as the JSON names it (for tests and styles).
fn basis_id(basis: KindBasis) -> &'static str {
    match basis {
        KindBasis::Recognised => "recognised",
        KindBasis::Assumed => "assumed",
        KindBasis::Chosen => "chosen",
    }
}

/// How the header names the file's format.
fn format_name(format: report_core::summary::Format) -> &'static str {
    match format {
        report_core::summary::Format::Text => "TEXT",
        report_core::summary::Format::Docx => "DOCX",
        report_core::summary::Format::Html => "HTML",
    }
}

#[component]
pub fn HeaderCard(props: &HeaderCardProps) -> Html {
    let t = texts(props.lang);
    let s = &props.summary;
    let m = &s.meta;
    let present = s.sections.iter().filter(|p| p.status != Status::Missing).count();
    let dash = || "—".to_string();
    let onkind = {
        let cb = props.onkind.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(&kind) = KindId::ALL.iter().find(|k| k.as_str() == select.value()) {
                cb.emit(kind);
            }
        })
    };
    let field = |label: &'static str, value: String| html! { <div class="field"><dt>{ label }</dt><dd>{ value }</dd></div> };
    html! {
        <section class="header-card" aria-label={t.title}>
            <div class="header-top">
                <h2 class="report-title">{ m.title.as_deref().map_or_else(|| t.no_title.to_string(), |title| shown(title).into_owned()) }</h2>
                <span class={classes!("badge", severity_class(s.worst()))} data-testid="badge">
                    { format!("{} {}/{}", t.required_parts, present, s.sections.len()) }
                </span>
            </div>
            <dl class="meta-grid">
                { field(t.issuer, m.issuer.as_deref().map_or_else(dash, |i| shown(i).into_owned())) }
                { field(t.level, level_name(props.lang, m.level).to_string()) }
                { field(t.report_year, m.report_year.map_or_else(dash, |y| y.to_string())) }
                { field(t.doc_number, m.doc_number.as_deref().map_or_else(dash, |d| shown(d).into_owned())) }
                { field(t.published, m.publish_date.map_or_else(dash, |d| d.to_string())) }
                { field(t.signed, m.signed_date.map_or_else(dash, |d| d.to_string())) }
                <div class="field kind-field">
                    <dt>{ t.report_kind }</dt>
                    <dd>
                        <select class="kind-select" aria-label={t.report_kind} data-testid="kind-select" onchange={onkind}>
                            { for KindId::ALL.iter().map(|&k| html! {
                                <option value={k.as_str()} selected={k == s.kind}>{ kind_name(k, props.lang.core()) }</option>
                            }) }
                        </select>
                        <span class="kind-basis" data-basis={basis_id(s.kind_basis)}>{ basis_name(t, s.kind_basis) }</span>
                    </dd>
                </div>
                { field(t.encoding, format!("{} · {} · {}", format_name(s.source.format), s.source.encoding.name(), byte_size(props.lang, s.source.bytes as u64))) }
            </dl>
        </section>
    }
}
