//! The headings as a tree; click to jump. Headings with a numbering problem (a finding on
//! their line) are marked.

use crate::display::shown;
use crate::i18n::{texts, Lang};
use crate::report::SharedSummary;
use report_core::summary::OutlineNode;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlineTreeProps {
    pub lang: Lang,
    pub summary: SharedSummary,
    pub onjump: Callback<usize>,
}

/// Headings shown before "show all" (a megabyte of text can hold thousands; the first
/// drawing of a report is the page's longest task).
const FIRST: usize = 100;

#[component]
pub fn OutlineTree(props: &OutlineTreeProps) -> Html {
    let t = texts(props.lang);
    let show_all = use_state(|| false);
    let problems: Vec<usize> =
        props.summary.findings.iter().filter(|f| f.code.as_str().starts_with("numbering_")).filter_map(|f| f.line).collect();
    let mut budget = if *show_all { usize::MAX } else { FIRST };
    fn node(n: &OutlineNode, problems: &[usize], onjump: &Callback<usize>, lang: Lang, budget: &mut usize) -> Html {
        if *budget == 0 {
            return Html::default();
        }
        *budget -= 1;
        let line = n.line;
        let problem = problems.contains(&line);
        let cb = onjump.clone();
        html! {
            <li class={classes!("node", format!("lv{}", n.level), problem.then_some("numbering-problem"))}>
                <button type="button" onclick={Callback::from(move |_| cb.emit(line))} title={problem.then(|| texts(lang).numbering_problem)}>
                    <span class="marker">{ shown(&n.marker).into_owned() }</span>
                    <span class="title">{ shown(&n.title).into_owned() }</span>
                    if problem { <span class="problem" aria-label={texts(lang).numbering_problem}>{ " ⚠" }</span> }
                </button>
                if !n.children.is_empty() {
                    <ul>{ for n.children.iter().map(|c| node(c, problems, onjump, lang, budget)) }</ul>
                }
            </li>
        }
    }
    let total = props.summary.stats.headings;
    html! {
        <section class="outline" aria-label={t.outline}>
            <h3>{ t.outline }</h3>
            if props.summary.outline.is_empty() {
                <p class="none">{ t.no_headings }</p>
            }
            <ul class="tree">{ for props.summary.outline.iter().map(|n| node(n, &problems, &props.onjump, props.lang, &mut budget)) }</ul>
            if total > FIRST && !*show_all {
                <button type="button" class="show-all" onclick={ let s = show_all.clone(); Callback::from(move |_| s.set(true)) }>
                    { crate::i18n::fill(t.show_all_rows, &[&total.to_string()]) }
                </button>
            }
        </section>
    }
}
