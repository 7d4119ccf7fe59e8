//! The root: the page's layout, and the wiring of the state (a reducer, `state.rs`) and the
//! behaviour (hooks, `hooks/`) to the components.

use crate::components::compare_view::ScrollMemory;
use crate::components::{
    checklist::Checklist, compare_view::CompareView, export_bar::ExportBar, findings_list::FindingsList, header_card::HeaderCard,
    input_panel::InputPanel, metrics_table::MetricsTable, notices::Notices, outline_tree::OutlineTree, tables_view::TablesView,
    text_view::TextView, top_bar::TopBar, undo_bar::UndoBar,
};
use crate::hooks::{
    use_action_callback, use_analysis_queue, use_document_lang, use_drawing_stages, use_drop_zone, use_history, use_persistence,
    use_render_mark, use_step_keys, Drawn, DropZone,
};
use crate::i18n::{fill, texts};
use crate::services::storage;
use crate::state::{Action, AppState, JumpTarget, LoadMode, Reading, Step, View};
use report_core::kinds::ReportKind;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    // The language of the last visit from the first drawing on: no flash of the other one.
    let state = use_reducer(|| AppState { lang: storage::load_lang().unwrap_or_default(), ..AppState::default() });
    let dispatch = state.dispatcher();
    let lang = state.lang;
    let t = texts(lang);

    let queue = use_analysis_queue(dispatch.clone());
    let onclearstored = use_persistence(&state, &queue);
    // After the persistence: the address the page was loaded with waits for the restore.
    use_history(&state);
    use_step_keys(dispatch.clone());
    let scroll_memory = (*use_memo((), |_| ScrollMemory::default())).clone();
    use_document_lang(lang);
    use_render_mark(state.current_report().map(|r| r.id));
    let drawn = use_drawing_stages(state.current_report().map(|r| r.id));

    // New input replaces the report shown, unless the reader asked to add it beside.
    let input_mode = if state.add_mode && !state.reports.is_empty() { LoadMode::Add } else { LoadMode::Replace };
    let onanalyse = {
        let queue = queue.clone();
        Callback::from(move |text: String| queue.paste(text, input_mode))
    };
    let onkind = {
        let queue = queue.clone();
        let shown = state.current_report().cloned();
        Callback::from(move |kind| {
            if let Some(report) = &shown {
                queue.reanalyse(report, Reading { kind: Some(kind), ..report.reading() });
            }
        })
    };
    // A correction of the frame (or its undoing) keeps the kind chosen.
    let oncorrect = {
        let queue = queue.clone();
        let shown = state.current_report().cloned();
        Callback::from(move |corrections| {
            if let Some(report) = &shown {
                queue.reanalyse(report, Reading { corrections, ..report.reading() });
            }
        })
    };
    let onstop = {
        let queue = queue.clone();
        Callback::from(move |()| queue.stop())
    };
    let onopen = Callback::from(move |files: Vec<web_sys::File>| queue.open(files, input_mode));
    let DropZone { dragging, ondragover, ondragleave, ondrop } = use_drop_zone(onopen.clone());

    let onswitchlang = use_action_callback(&dispatch, Action::SetLang);
    let onaddmode = use_action_callback(&dispatch, Action::SetAddMode);
    let ondismiss = use_action_callback(&dispatch, Action::Dismiss);
    let onjumpline = use_action_callback(&dispatch, |line| Action::Jump(JumpTarget::Line(line)));
    let onjumpmetric = use_action_callback(&dispatch, |i| Action::Jump(JumpTarget::Metric(i)));
    let onjumpcell = use_action_callback(&dispatch, |at| Action::Jump(JumpTarget::Cell(at)));
    let onsort = use_action_callback(&dispatch, Action::SortMetrics);
    let onfilter = use_action_callback(&dispatch, Action::FilterMetrics);
    let onshowcompare = use_action_callback(&dispatch, |_: MouseEvent| Action::ShowCompare);
    let onprevious = use_action_callback(&dispatch, |_: MouseEvent| Action::Step(Step::Previous));
    let onnext = use_action_callback(&dispatch, |_: MouseEvent| Action::Step(Step::Next));
    let onselect = use_action_callback(&dispatch, Action::Select);
    let onremove = use_action_callback(&dispatch, Action::Remove);
    let onclear = use_action_callback(&dispatch, |()| Action::ClearAll);
    let onundo = use_action_callback(&dispatch, |()| Action::Undo);
    let oncomparesort = use_action_callback(&dispatch, Action::SortCompare);
    let oncomparefilter = use_action_callback(&dispatch, Action::FilterCompare);
    let several = state.reports.len() > 1;
    let (previous, following) = state.neighbours();
    let place = match state.place_in_comparison() {
        Some((at, of)) => fill(t.place, &[&at.to_string(), &of.to_string()]),
        None => fill(t.compare_tab, &[&state.reports.len().to_string()]),
    };

    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <TopBar {lang} {onswitchlang} {onclearstored} />
            <InputPanel {lang} busy={state.busy} batch={state.batch} add_mode={state.add_mode} {onaddmode} {onanalyse} {onopen} {onstop} />
            if state.batch.is_none() {
                <UndoBar {lang} last={state.last_undoable().cloned()} {onundo} />
            }
            <Notices {lang} notices={state.notices.clone()} {ondismiss} />
            if several && state.view == View::Report {
                <nav class="view-nav" aria-label={t.compare}>
                    <button type="button" class="back" onclick={onshowcompare} data-testid="back-to-compare">{ t.back_to_compare }</button>
                    <button type="button" class="step" onclick={onprevious} disabled={previous.is_none()} title={t.previous_title}
                        aria-keyshortcuts="[" data-testid="previous-report">{ t.previous_report }</button>
                    <span class="nav-count" data-testid="place">{ place }</span>
                    <button type="button" class="step" onclick={onnext} disabled={following.is_none()} title={t.next_title}
                        aria-keyshortcuts="]" data-testid="next-report">{ t.next_report }</button>
                </nav>
            }
            if several && state.view == View::Compare && state.batch.is_none() {
                <CompareView {lang} reports={state.reports.clone()} rows={state.visible_rows()} sort={state.compare_sort}
                    filter={state.compare_filter} onsort={oncomparesort} onfilter={oncomparefilter} {onselect} {onremove} {onclear}
                    return_to={state.return_to} {scroll_memory} />
            } else if let Some(report) = state.current_report() {
                <main class="report" data-testid="report">
                    <div class="report-head">
                        <HeaderCard {lang} summary={report.summary.clone()} {onkind} {oncorrect} onjump={onjumpline.clone()} />
                        <ExportBar key={report.id} {lang} report={report.clone()} />
                    </div>
                    <div class="columns">
                        <aside class="side">
                            <Checklist {lang} summary={report.summary.clone()} onjump={onjumpline.clone()} />
                            <FindingsList {lang} summary={report.summary.clone()} onjump={onjumpline.clone()} {onjumpcell} />
                            if drawn >= Drawn::Everything {
                                <OutlineTree key={report.id} {lang} summary={report.summary.clone()} onjump={onjumpline.clone()} />
                            }
                        </aside>
                        // Keyed by the report, so another report starts them afresh (scroll
                        // position, "show all"); siblings need keys of their own.
                        <div class="main-column">
                            if drawn >= Drawn::Text {
                                <TextView key={format!("text-{}", report.id)} {lang} report={report.clone()} jump={state.jump} />
                            }
                            if drawn >= Drawn::Everything {
                                if ReportKind::get(report.summary.kind).standard_tables {
                                    <TablesView key={format!("tables-{}", report.id)} {lang} summary={report.summary.clone()} jump={state.jump} onjump={onjumpline} />
                                }
                                <MetricsTable key={format!("metrics-{}", report.id)} {lang} summary={report.summary.clone()} rows={state.visible_metrics()}
                                    sort={state.metric_sort} filter={state.metric_filter} {onsort} {onfilter} onjump={onjumpmetric} />
                            }
                        </div>
                    </div>
                </main>
            } else {
                <main class="empty-state"><p>{ t.empty_state }</p></main>
            }
            if dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ t.drop_here }</p></div>
            }
        </div>
    }
}
