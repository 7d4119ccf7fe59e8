//! Who reports, on what year, when, and the compliance badge ("必备部分 4/5") coloured by
//! the worst finding.
//!
//! Each field of the frame says on hover where it was read (the title, the page's metadata
//! block, the signature …, and the line) and shows that line when clicked. Issuer, level,
//! report year and publication date can be corrected by the reviewer: the report is then
//! analysed again with the correction (its findings and its comparison row follow), the
//! field is marked corrected with the value the analysis read, and the correction can be
//! undone.

use crate::display::shown;
use crate::i18n::{byte_size, fill, level_name, texts, Lang, Texts};
use crate::report::SharedSummary;
use report_core::findings::Severity;
use report_core::frame::{CorrectedField, Corrections, Date, FieldSource, Level, Origin};
use report_core::kinds::{KindBasis, KindId};
use report_core::messages::kind_name;
use report_core::sections::Status;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderCardProps {
    pub lang: Lang,
    pub summary: SharedSummary,
    /// The reviewer chose another kind of report for this one.
    pub onkind: Callback<KindId>,
    /// The reviewer corrected the frame (or undid a correction): every correction now.
    pub oncorrect: Callback<Corrections>,
    /// Show this line (1-based) of the text: where a field was read.
    pub onjump: Callback<usize>,
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

/// How the header names the file's format.
fn format_name(format: report_core::summary::Format) -> &'static str {
    match format {
        report_core::summary::Format::Text => "TEXT",
        report_core::summary::Format::Docx => "DOCX",
        report_core::summary::Format::Html => "HTML",
    }
}

/// How a place of the text is named in "read from …".
fn source_name(t: &Texts, source: FieldSource) -> &'static str {
    match source {
        FieldSource::Title => t.source_title,
        FieldSource::Metadata => t.source_metadata,
        FieldSource::Byline => t.source_byline,
        FieldSource::Signature => t.source_signature,
        FieldSource::Body => t.source_body,
        FieldSource::Heading => t.source_heading,
        FieldSource::Correction => t.source_correction,
    }
}

/// `corrections` with `field` set from what the reviewer typed or chose, or why the value
/// is not one.
fn corrected(t: &Texts, mut corrections: Corrections, field: CorrectedField, value: &str) -> Result<Corrections, &'static str> {
    let value = value.trim();
    match field {
        CorrectedField::Issuer if value.is_empty() => return Err(t.bad_issuer),
        CorrectedField::Issuer => corrections.issuer = Some(value.to_string()),
        CorrectedField::Level => corrections.level = Some(Level::from_name(value).ok_or(t.bad_level)?),
        CorrectedField::ReportYear => {
            let year = value.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)).ok_or(t.bad_year)?;
            corrections.report_year = Some(year);
        }
        CorrectedField::PublishDate => corrections.publish_date = Some(value.parse::<Date>().map_err(|_| t.bad_date)?),
    }
    Ok(corrections)
}

/// `corrections` without the correction of `field`.
fn uncorrected(mut corrections: Corrections, field: CorrectedField) -> Corrections {
    match field {
        CorrectedField::Issuer => corrections.issuer = None,
        CorrectedField::Level => corrections.level = None,
        CorrectedField::ReportYear => corrections.report_year = None,
        CorrectedField::PublishDate => corrections.publish_date = None,
    }
    corrections
}

/// A value the analysis read before it was corrected, as the header shows values.
fn read_value(lang: Lang, field: CorrectedField, read: &serde_json::Value) -> String {
    match (field, read) {
        (_, serde_json::Value::Null) => "—".into(),
        (CorrectedField::Level, serde_json::Value::String(l)) => Level::from_name(l).map_or(l.clone(), |l| level_name(lang, l).into()),
        (_, serde_json::Value::String(s)) => shown(s).into_owned(),
        // A year. (No `Value` is written as JSON here: that would bring a serialiser.)
        (_, serde_json::Value::Number(n)) => n.to_string(),
        (_, _) => "—".into(),
    }
}

/// The value of a field, saying on hover where it was read and showing that line on click.
fn evidence(t: &Texts, id: &'static str, value: String, origin: Option<Origin>, onjump: &Callback<usize>) -> Html {
    match origin {
        Some(Origin { source, line: Some(line) }) => {
            let tip = fill(t.read_at, &[source_name(t, source), &line.to_string()]);
            let onclick = {
                let onjump = onjump.clone();
                Callback::from(move |_: MouseEvent| onjump.emit(line))
            };
            html! {
                <button type="button" class="evidence" title={tip.clone()} aria-label={format!("{value} · {tip}")}
                    data-testid={format!("evidence-{id}")} data-source={source.as_str()} data-line={line.to_string()} {onclick}>
                    { value }
                </button>
            }
        }
        Some(Origin { source, line: None }) => html! {
            <span class="evidence" title={source_name(t, source)} data-testid={format!("evidence-{id}")} data-source={source.as_str()}>{ value }</span>
        },
        None => html! { <span class="evidence none" title={t.not_found} data-testid={format!("evidence-{id}")}>{ value }</span> },
    }
}

#[derive(Properties, PartialEq)]
struct CorrectableProps {
    lang: Lang,
    field: CorrectedField,
    label: &'static str,
    /// The value as shown.
    value: String,
    /// The value as the editor starts with it (`YYYY-MM-DD`, the level's id …).
    raw: String,
    origin: Option<Origin>,
    /// The value the analysis read, when the reviewer corrected it.
    read: Option<serde_json::Value>,
    corrections: Corrections,
    oncorrect: Callback<Corrections>,
    onjump: Callback<usize>,
}

/// One correctable field: its value (with its evidence), a button to correct it, the
/// editor while correcting, and the mark and undo of a correction.
#[component]
fn Correctable(props: &CorrectableProps) -> Html {
    let t = texts(props.lang);
    let editing = use_state_eq(|| false);
    let error = use_state_eq(|| None::<&'static str>);
    let input = use_node_ref();
    let id = props.field.as_str();
    let save = {
        let (editing, error, input, props_corrections, oncorrect, field) =
            (editing.clone(), error.clone(), input.clone(), props.corrections.clone(), props.oncorrect.clone(), props.field);
        move || {
            let value = match (input.cast::<HtmlInputElement>(), input.cast::<HtmlSelectElement>()) {
                (Some(i), _) => i.value(),
                (None, Some(s)) => s.value(),
                (None, None) => return,
            };
            match corrected(t, props_corrections.clone(), field, &value) {
                Ok(corrections) => {
                    editing.set(false);
                    error.set(None);
                    oncorrect.emit(corrections);
                }
                Err(why) => error.set(Some(why)),
            }
        }
    };
    let onsubmit = {
        let save = save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save();
        })
    };
    let oncancel = {
        let (editing, error) = (editing.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            editing.set(false);
            error.set(None);
        })
    };
    let onkeydown = {
        let (editing, error) = (editing.clone(), error.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                editing.set(false);
                error.set(None);
            }
        })
    };
    let onedit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    {
        // The editor takes the focus when it opens.
        let input = input.clone();
        use_effect_with(*editing, move |&open| {
            if open {
                if let Some(element) = input.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let onundo = {
        let (corrections, oncorrect, field) = (props.corrections.clone(), props.oncorrect.clone(), props.field);
        Callback::from(move |_: MouseEvent| oncorrect.emit(uncorrected(corrections.clone(), field)))
    };
    let label = fill(t.correct_field, &[props.label]);
    let editor = match props.field {
        CorrectedField::Level => html! {
            <select ref={input.clone()} aria-label={label.clone()} data-testid={format!("correct-{id}-value")}>
                { for Level::ALL.iter().map(|&l| html! { <option value={l.as_str()} selected={l.as_str() == props.raw}>{ level_name(props.lang, l) }</option> }) }
            </select>
        },
        CorrectedField::Issuer => html! {
            <input ref={input.clone()} type="text" value={props.raw.clone()} aria-label={label.clone()} data-testid={format!("correct-{id}-value")} />
        },
        CorrectedField::ReportYear => html! {
            <input ref={input.clone()} type="number" min="1900" max="2200" value={props.raw.clone()} aria-label={label.clone()}
                data-testid={format!("correct-{id}-value")} />
        },
        CorrectedField::PublishDate => html! {
            <input ref={input.clone()} type="date" value={props.raw.clone()} aria-label={label.clone()} data-testid={format!("correct-{id}-value")} />
        },
    };
    html! {
        <div class={classes!("field", "correctable", props.read.is_some().then_some("is-corrected"))} data-field={id}>
            <dt>{ props.label }</dt>
            <dd>
                if *editing {
                    <form class="correct-form" novalidate=true {onsubmit} onkeydown={onkeydown}>
                        { editor }
                        <button type="submit" data-testid={format!("correct-{id}-save")}>{ t.save }</button>
                        <button type="button" onclick={oncancel}>{ t.cancel }</button>
                        if let Some(why) = *error {
                            <span class="correct-error" role="alert">{ why }</span>
                        }
                    </form>
                } else {
                    { evidence(t, id, props.value.clone(), props.origin, &props.onjump) }
                    if let Some(read) = &props.read {
                        <span class="corrected-mark" data-testid={format!("corrected-{id}")}
                            title={fill(t.corrected_read, &[&read_value(props.lang, props.field, read)])}>{ t.corrected }</span>
                        <button type="button" class="undo-correction" data-testid={format!("undo-{id}")} title={t.undo_correction}
                            aria-label={format!("{} · {}", t.undo_correction, props.label)} onclick={onundo}>{ "↺" }</button>
                    }
                    <button type="button" class="correct" data-testid={format!("correct-{id}")} title={label.clone()} aria-label={label} onclick={onedit}>{ "✎" }</button>
                }
            </dd>
        </div>
    }
}

#[component]
pub fn HeaderCard(props: &HeaderCardProps) -> Html {
    let t = texts(props.lang);
    let s = &props.summary;
    let m = &s.meta;
    let e = &m.evidence;
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
    let corrections = crate::state::Reading::of(s).corrections;
    let read = |field: CorrectedField| m.corrected.iter().find(|c| c.field == field).map(|c| c.read.clone());
    let correctable = |field: CorrectedField, label: &'static str, value: String, raw: String, origin: Option<Origin>| {
        html! {
            <Correctable lang={props.lang} {field} {label} {value} {raw} {origin} read={read(field)} corrections={corrections.clone()}
                oncorrect={props.oncorrect.clone()} onjump={props.onjump.clone()} />
        }
    };
    let field = |id: &'static str, label: &'static str, value: String, origin: Option<Origin>| {
        html! { <div class="field" data-field={id}><dt>{ label }</dt><dd>{ evidence(t, id, value, origin, &props.onjump) }</dd></div> }
    };
    let title = m.title.as_deref().map_or_else(|| t.no_title.to_string(), |title| shown(title).into_owned());
    html! {
        <section class="header-card" aria-label={t.title}>
            <div class="header-top">
                <h2 class="report-title">
                    if let Some(Origin { line: Some(line), source }) = e.title {
                        <button type="button" class="evidence title-evidence" data-testid="evidence-title"
                            title={fill(t.read_at, &[source_name(t, source), &line.to_string()])}
                            onclick={ let cb = props.onjump.clone(); Callback::from(move |_| cb.emit(line)) }>{ title }</button>
                    } else {
                        { title }
                    }
                </h2>
                <span class={classes!("badge", severity_class(s.worst()))} data-testid="badge">
                    { format!("{} {}/{}", t.required_parts, present, s.sections.len()) }
                </span>
            </div>
            <dl class="meta-grid">
                { correctable(CorrectedField::Issuer, t.issuer, m.issuer.as_deref().map_or_else(dash, |i| shown(i).into_owned()),
                    m.issuer.clone().unwrap_or_default(), e.issuer) }
                { correctable(CorrectedField::Level, t.level, level_name(props.lang, m.level).to_string(), m.level.as_str().to_string(), e.level) }
                { correctable(CorrectedField::ReportYear, t.report_year, m.report_year.map_or_else(dash, |y| y.to_string()),
                    m.report_year.map(|y| y.to_string()).unwrap_or_default(), e.report_year) }
                { field("doc_number", t.doc_number, m.doc_number.as_deref().map_or_else(dash, |d| shown(d).into_owned()), e.doc_number) }
                { correctable(CorrectedField::PublishDate, t.published, m.publish_date.map_or_else(dash, |d| d.to_string()),
                    m.publish_date.map(|d| d.to_string()).unwrap_or_default(), e.publish_date) }
                { field("signed_date", t.signed, m.signed_date.map_or_else(dash, |d| d.to_string()), e.signed_date) }
                <div class="field kind-field">
                    <dt>{ t.report_kind }</dt>
                    <dd>
                        <select class="kind-select" aria-label={t.report_kind} data-testid="kind-select" onchange={onkind}>
                            { for KindId::ALL.iter().map(|&k| html! {
                                <option value={k.as_str()} selected={k == s.kind}>{ kind_name(k, props.lang.core()) }</option>
                            }) }
                        </select>
                        <span class="kind-basis" data-basis={s.kind_basis.as_str()}>{ basis_name(t, s.kind_basis) }</span>
                    </dd>
                </div>
                <div class="field">
                    <dt>{ t.encoding }</dt>
                    <dd>{ format!("{} · {} · {}", format_name(s.source.format), s.source.encoding.as_str(), byte_size(props.lang, s.source.bytes as u64)) }</dd>
                </div>
            </dl>
        </section>
    }
}
