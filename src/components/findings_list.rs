use crate::components::header_card::severity_class;
use crate::display::shown;
use crate::i18n::{fill, severity_name, texts, Lang};
use crate::report::SharedSummary;
use crate::state::CellAt;
use report_core::findings::Severity;
use report_core::messages::finding_message;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    pub lang: Lang,
    pub summary: SharedSummary,
    pub onjump: Callback<usize>,
    /// Show a cell of the standard tables (a finding on the form's arithmetic names one).
    #[prop_or_default]
    pub onjumpcell: Callback<CellAt>,
}

/// Findings drawn at first, and added by each "more": a hundred fill the column, and the
/// first drawing of a report is the page's longest task.
const FIRST: usize = 100;

#[component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let t = texts(props.lang);
    let findings = &props.summary.findings;
    // A report of many thousand findings (a huge concatenation) draws them a page at a time.
    let shown_count = use_state(|| FIRST);
    let total = findings.len();
    html! {
        <section class="findings" aria-label={t.findings}>
            <h3>{ t.findings }</h3>
            if findings.is_empty() {
                <p class="none">{ t.no_findings }</p>
            }
            <ul>
                { for findings.iter().take(*shown_count).map(|f| {
                    let icon = match f.severity { Severity::Error => "✖", Severity::Warning => "⚠", Severity::Info => "ℹ" };
                    html! {
                        <li class={classes!("finding", severity_class(Some(f.severity)))} data-code={f.code.as_str()}>
                            <span class="sev" aria-hidden="true">{ icon }</span>
                            <span class="sev-name">{ severity_name(props.lang, f.severity) }</span>
                            <span class="message">{ shown(&finding_message(f, props.lang.core())).into_owned() }</span>
                            <span class="finding-links">
                                if let Some(at) = CellAt::of_finding(&props.summary, f) {
                                    <button type="button" class="line-link cell-jump" onclick={ let cb = props.onjumpcell.clone(); Callback::from(move |_| cb.emit(at)) }>
                                        { t.jump_cell }
                                    </button>
                                }
                                if let Some(line) = f.line {
                                    <button type="button" class="line-link" onclick={ let cb = props.onjump.clone(); Callback::from(move |_| cb.emit(line)) }>
                                        { fill(t.line, &[&line.to_string()]) }
                                    </button>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if total > *shown_count {
                <button type="button" class="show-all" data-testid="more-findings"
                    onclick={ let s = shown_count.clone(); Callback::from(move |_| s.set(*s + FIRST)) }>
                    { fill(t.show_more_findings, &[&FIRST.min(total - *shown_count).to_string(), &(total - *shown_count).to_string()]) }
                </button>
            }
        </section>
    }
}
