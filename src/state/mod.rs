//! The app's state and the actions that change it (`impl Reducible`). No DOM code here:
//! everything is unit-tested natively. Analysis happens before an action is dispatched (in
//! the analysis worker, see `hooks::analysis_queue`; [`Report::analyze`] is the same work,
//! pure, for tests), so the reducer only files results.

use crate::i18n::Lang;
use crate::routes::Route;
use crate::table_sort::{ColumnOrder, TableSort};
use report_core::compare::{DisclosureRow, Row};
use report_core::findings::{Finding, FindingCode};
use report_core::frame::Level;
use report_core::kinds::{KindId, PartId};
use report_core::metrics::Metric;
use report_core::sections::Status;
use report_core::{InputError, Summary};
use std::rc::Rc;
use yew::Reducible;

pub use crate::report::{comparison_export, Reading, Report};
pub use saved::SavedView;

mod saved;

/// An input that was not analysed, and why. `name` is the file's; none for pasted text
/// (worded in the UI's language when shown).
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// Not a report (image, PDF, .doc, empty, a damaged .docx).
    NotAReport { name: Option<String>, error: InputError },
    /// The browser could not read the file.
    ReadFailed { name: Option<String>, error: String },
    /// The analysis broke off (the worker failed); the input itself may be fine.
    AnalysisFailed { name: Option<String>, error: String },
    /// Larger than the browser can comfortably handle.
    TooLarge { name: Option<String>, megabytes: u64, limit_megabytes: u64 },
}

/// Something the user should read: inputs that were refused, a report not kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Inputs not analysed: one, or all those of one batch together. `kept`: the reports
    /// shown before are still shown (nothing replaced them), so the notice can say so.
    Refused { failures: Vec<Failure>, kept: bool },
    /// The session (`kilobytes` of inputs) could not be stored: lost on reload. `full`: the
    /// browser's quota is reached; `previous`: the reports of the session stored before,
    /// which stays stored whole (none when nothing was stored).
    NotKept { kilobytes: u64, full: bool, previous: Option<usize> },
    /// The stored data were deleted: the reports shown are no longer kept.
    StorageCleared,
}

impl Notice {
    pub fn is_error(&self) -> bool {
        !matches!(self, Notice::NotKept { .. } | Notice::StorageCleared)
    }
}

/// Fewer non-blank characters than this are not analysed from the paste box: a stray
/// keystroke, a word or a copied table cell, not a report. The shortest real report is
/// longer: its title alone (`某镇2024年法治政府建设情况报告`) has 18, and a report has at
/// least a heading or a sentence beside it.
pub const MIN_REPORT_CHARS: usize = 20;

/// What the paste box holds, as far as analysing it goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Draft {
    #[default]
    Empty,
    /// Too short to be a report: `chars` non-blank characters of the [`MIN_REPORT_CHARS`].
    TooShort { chars: usize },
    /// Long enough to be analysed on its own (a paste of it is analysed at once).
    Ready,
}

impl Draft {
    /// Counts no further than the threshold, so a megabyte costs no more than a word.
    pub fn of(text: &str) -> Draft {
        match text.chars().filter(|c| !c.is_whitespace()).take(MIN_REPORT_CHARS).count() {
            0 => Draft::Empty,
            chars if chars < MIN_REPORT_CHARS => Draft::TooShort { chars },
            _ => Draft::Ready,
        }
    }
}

/// Columns of the figures table; the figures start in the order of the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MetricColumn {
    Value,
    Approx,
    Unit,
    What,
    Part,
    #[default]
    Line,
}

pub type MetricSort = TableSort<MetricColumn>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MetricFilter {
    #[default]
    All,
    Part(PartId),
    /// Figures outside the five parts (introduction, topical sections).
    NoPart,
}

/// Where the text view (or, for a cell, the tables view) should scroll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpTarget {
    Line(usize),
    Metric(usize),
    /// A cell of the report's standard tables.
    Cell(CellAt),
}

/// A cell of a summary's standard tables: indices into `summary.tables`, that table's rows
/// and that row's cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellAt {
    pub table: usize,
    pub row: usize,
    pub cell: usize,
}

impl CellAt {
    /// The cell a finding names (a failed check of the form's arithmetic), if it was read.
    pub fn of_finding(summary: &Summary, finding: &Finding) -> Option<CellAt> {
        let FindingCode::TableSumMismatch { table, row, column, .. } = &finding.code else { return None };
        let t = summary.tables.iter().position(|x| x.id == *table)?;
        let r = summary.tables[t].rows.iter().position(|x| x.id == *row)?;
        let c = summary.tables[t].rows[r].cells.iter().position(|x| x.column == *column)?;
        Some(CellAt { table: t, row: r, cell: c })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Jump {
    pub target: JumpTarget,
    /// Increases with every jump, so that jumping twice to one place scrolls twice.
    pub seq: u64,
}

/// Which view is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// One report in full.
    #[default]
    Report,
    /// All reports side by side.
    Compare,
}

/// Columns of the comparison table; the reports start in the order of their names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareColumn {
    #[default]
    Report,
    Issuer,
    Level,
    Year,
    Published,
    Part(PartId),
    Parts,
    Metrics,
    Density,
    Errors,
    Warnings,
    Infos,
    /// The 政府信息公开 reports' key table figures (`compare::DisclosureRow`).
    NewApplications,
    CarriedOver,
    Granted,
    Refused,
    ReviewTotal,
    LitigationTotal,
    Mismatches,
}

pub type CompareSort = TableSort<CompareColumn>;

/// Which reports the comparison shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompareFilter {
    pub level: Option<Level>,
    /// Only reports of a kind with this part where it is missing.
    pub missing: Option<PartId>,
}

/// A batch of inputs being analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Batch {
    pub done: usize,
    pub total: usize,
}

/// How a new report joins the ones already there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMode {
    /// Pasting or opening replaces the current report.
    Replace,
    /// Added beside the others (several files at once, "add to comparison").
    Add,
    /// Added, and shown even during a batch (the report that was shown before a reload).
    AddShown,
}

/// How many destructive actions can be undone, the oldest forgotten first. Each step holds
/// only shared pointers to reports, but a replaced report stays in memory while a step
/// holds it.
pub const UNDO_DEPTH: usize = 10;

/// An action that put reports away, named on the Undo button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undoable {
    /// New input replaced `count` reports.
    Replaced { count: usize },
    /// One report removed from the comparison (its name as the comparison shows it).
    Removed { name: String },
    /// "Clear all" put `count` reports away.
    Cleared { count: usize },
}

/// The reports as they were before a destructive action, and which one was shown.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoStep {
    pub undoes: Undoable,
    reports: Vec<Rc<Report>>,
    current: Option<usize>,
    view: View,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub reports: Vec<Rc<Report>>,
    /// Index into `reports` of the report shown.
    pub current: Option<usize>,
    pub next_id: u64,
    pub busy: bool,
    pub notices: Vec<Notice>,
    pub lang: Lang,
    pub metric_sort: MetricSort,
    pub metric_filter: MetricFilter,
    pub jump: Option<Jump>,
    pub view: View,
    pub compare_sort: CompareSort,
    pub compare_filter: CompareFilter,
    /// Set while several inputs are analysed one by one.
    pub batch: Option<Batch>,
    /// Pastes and drops are added to the comparison instead of replacing.
    pub add_mode: bool,
    /// What "Undo" brings back, the latest last (at most [`UNDO_DEPTH`]).
    pub undo: Vec<UndoStep>,
    /// An address to show once the analysis under way ends (the one the page was loaded
    /// with waits for the session to be restored).
    pub pending_route: Option<Route>,
    /// Counts the addresses shown (Back, Forward, the address on load), so that the
    /// address is then corrected in place rather than made a new step of history.
    pub navigations: u64,
    /// The report the reader came back from to the comparison: its row gets the focus.
    pub return_to: Option<u64>,
    /// The failures of the batch under way, told in one notice when it ends.
    pub batch_failures: Vec<Failure>,
    /// Whether the reports shown when the batch began are still shown.
    pub batch_kept: bool,
    /// The stored session is being read: the address the page was loaded with waits.
    pub restoring: bool,
    /// The view of the session being restored, shown once its reports are in.
    pub saved_view: Option<SavedView>,
}

/// Previous or next, in the comparison's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
}

#[derive(Debug)]
pub enum Action {
    /// Input arrived and is being analysed.
    Busy,
    Loaded(Report, LoadMode),
    Refused(Failure),
    /// Informational notice (does not end a busy state).
    Note(Notice),
    Dismiss(usize),
    SetLang(Lang),
    SortMetrics(MetricColumn),
    FilterMetrics(MetricFilter),
    Jump(JumpTarget),
    /// `total` inputs are about to be analysed (the first replaces, the others are added).
    BatchStart(usize),
    /// Show report `i` in full.
    Select(usize),
    ShowCompare,
    Remove(usize),
    ClearAll,
    SortCompare(CompareColumn),
    FilterCompare(CompareFilter),
    SetAddMode(bool),
    /// A report analysed again (as another kind): it replaces the report with its id.
    Reanalysed(Report),
    /// Brings back the reports as they were before the latest destructive action.
    Undo,
    /// The analysis under way was stopped (by the reader, or because a new input replaces
    /// everything): what was analysed stays, the batch ends.
    Stopped,
    /// Show what an address names (Back, Forward, the address on load).
    Navigate(Route),
    /// The previous or next report of the comparison, in its order.
    Step(Step),
    /// The stored session is being read (the page was just loaded).
    Restoring,
    /// It was read: its reports (if any) are being analysed again, and this is its view.
    Restored(Option<SavedView>),
}

impl AppState {
    /// Remembers the reports before `undoes` puts some of them away.
    fn remember(&mut self, undoes: Undoable) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(UndoStep { undoes, reports: self.reports.clone(), current: self.current, view: self.view });
    }

    /// The address of what is shown.
    pub fn route(&self) -> Route {
        match self.current {
            _ if self.reports.is_empty() => Route::Home,
            _ if self.view == View::Compare && self.reports.len() > 1 => {
                Route::Compare { filter: self.compare_filter, sort: self.compare_sort }
            }
            Some(i) => Route::Report(i + 1),
            None => Route::Home,
        }
    }

    /// The comparison, its row of the report shown getting the focus.
    fn show_compare(&mut self) {
        if self.view == View::Report {
            self.return_to = self.current_report().map(|r| r.id);
        }
        self.view = View::Compare;
    }

    fn select(&mut self, i: usize) {
        if i < self.reports.len() {
            self.current = Some(i);
            self.view = View::Report;
            self.jump = None;
            self.metric_filter = MetricFilter::All;
        }
    }

    /// Shows what `route` names, as far as there is something to show.
    fn navigate(&mut self, route: Route) {
        self.navigations += 1;
        match route {
            Route::Home => {}
            Route::Compare { filter, sort } => {
                self.compare_filter = filter;
                self.compare_sort = sort;
                if self.reports.len() > 1 {
                    self.show_compare();
                }
            }
            Route::Report(n) => self.select(n - 1),
        }
    }

    /// The reports before and after the one shown, in the comparison's order (filtered
    /// and sorted as chosen); none for a report the filter hides.
    pub fn neighbours(&self) -> (Option<usize>, Option<usize>) {
        let rows = self.visible_rows();
        match rows.iter().position(|&i| Some(i) == self.current) {
            Some(at) => (at.checked_sub(1).map(|p| rows[p]), rows.get(at + 1).copied()),
            None => (None, None),
        }
    }

    /// Where the report shown stands in the comparison's order: (its place from 1, rows).
    pub fn place_in_comparison(&self) -> Option<(usize, usize)> {
        let rows = self.visible_rows();
        rows.iter().position(|&i| Some(i) == self.current).map(|at| (at + 1, rows.len()))
    }

    /// What the Undo button would undo.
    pub fn last_undoable(&self) -> Option<&Undoable> {
        self.undo.last().map(|step| &step.undoes)
    }

    /// One more input of the batch is done (analysed or refused); the last one ends the
    /// batch and, when there are several reports, shows the comparison.
    fn count_done(&mut self) {
        match &mut self.batch {
            Some(b) => {
                b.done += 1;
                if b.done >= b.total {
                    self.batch = None;
                    self.busy = false;
                    if !self.batch_failures.is_empty() {
                        let failures = std::mem::take(&mut self.batch_failures);
                        self.notices.push(Notice::Refused { failures, kept: self.batch_kept });
                    }
                    if self.reports.len() > 1 {
                        self.view = View::Compare;
                        self.return_to = None;
                    }
                }
            }
            None => self.busy = false,
        }
    }

    /// Indices of the reports in the comparison, filtered and sorted as chosen: the reports
    /// of each kind together (one table per kind, in the order of [`KindId::EVERY`]), each
    /// kind's in the order chosen.
    pub fn visible_rows(&self) -> Vec<usize> {
        let row = |i: usize| &self.reports[i].comparison_row;
        let f = self.compare_filter;
        let mut shown: Vec<usize> = (0..self.reports.len())
            .filter(|&i| f.level.is_none_or(|l| row(i).level == l))
            .filter(|&i| f.missing.is_none_or(|p| self.reports[i].summary.part(p).is_some_and(|x| x.status == Status::Missing)))
            .collect();
        // The key table figures, made once for the reports that have them.
        let disclosure: Vec<Option<DisclosureRow>> =
            self.reports.iter().map(|r| (r.summary.kind == KindId::Disclosure).then(|| DisclosureRow::of(&r.summary))).collect();
        let rank = |i: usize| kind_rank(self.reports[i].summary.kind);
        self.compare_sort.sort_rows(
            &mut shown,
            // Kinds apart in either direction (a presence order is never reversed).
            |column, a, b| match rank(a).cmp(&rank(b)) {
                std::cmp::Ordering::Equal => compare_rows(column, (row(a), disclosure[a].as_ref()), (row(b), disclosure[b].as_ref())),
                kinds => ColumnOrder::Presence(kinds),
            },
            |a, b| a.cmp(&b),
        );
        shown
    }

    pub fn current_report(&self) -> Option<&Rc<Report>> {
        self.current.and_then(|i| self.reports.get(i))
    }

    /// Indices of the current report's figures, filtered and sorted as chosen.
    pub fn visible_metrics(&self) -> Vec<usize> {
        let Some(report) = self.current_report() else { return Vec::new() };
        let metrics = &report.summary.metrics;
        let mut rows: Vec<usize> = (0..metrics.len())
            .filter(|&i| match self.metric_filter {
                MetricFilter::All => true,
                MetricFilter::Part(p) => metrics[i].section == Some(p),
                MetricFilter::NoPart => metrics[i].section.is_none(),
            })
            .collect();
        self.metric_sort.sort_rows(
            &mut rows,
            |column, a, b| compare_metrics(column, &metrics[a], &metrics[b]),
            |a, b| metrics[a].span.0.cmp(&metrics[b].span.0),
        );
        rows
    }
}

/// Where a kind's table comes in the comparison.
pub fn kind_rank(kind: KindId) -> usize {
    KindId::EVERY.iter().position(|&k| k == kind).unwrap_or(usize::MAX)
}

/// Two optional figures, a missing one last in both directions.
fn figure_order(x: Option<f64>, y: Option<f64>) -> ColumnOrder {
    match (x, y) {
        (Some(a), Some(b)) => a.total_cmp(&b).into(),
        (a, b) => ColumnOrder::Presence(b.is_some().cmp(&a.is_some())),
    }
}

/// Two comparison rows on one column, ascending. A value the table draws as "—" (no issuer,
/// year or date; an unknown level; a table figure not read) comes after every known one in
/// both directions: the reviewer sorts to see the earliest or the latest, not the reports
/// that say nothing. The key table figures order the 政府信息公开 reports (`d`), and leave
/// the others as they are.
fn compare_rows(column: CompareColumn, (x, dx): (&Row, Option<&DisclosureRow>), (y, dy): (&Row, Option<&DisclosureRow>)) -> ColumnOrder {
    let figure = |f: fn(&DisclosureRow) -> Option<f64>| match (dx, dy) {
        (Some(a), Some(b)) => figure_order(f(a), f(b)),
        _ => std::cmp::Ordering::Equal.into(),
    };
    let known_level = |r: &Row| (r.level != Level::Unknown).then_some(r.level as u8);
    match column {
        CompareColumn::Report => x.report.cmp(&y.report).into(),
        CompareColumn::Issuer => ColumnOrder::absent_last(x.issuer.as_ref(), y.issuer.as_ref()),
        CompareColumn::Level => ColumnOrder::absent_last(known_level(x), known_level(y)),
        CompareColumn::Year => ColumnOrder::absent_last(x.report_year, y.report_year),
        CompareColumn::Published => ColumnOrder::absent_last(x.publish_date, y.publish_date),
        CompareColumn::Part(p) => (x.status(p) as u8).cmp(&(y.status(p) as u8)).into(),
        CompareColumn::Parts => x.parts_present.cmp(&y.parts_present).into(),
        CompareColumn::Metrics => x.metrics.cmp(&y.metrics).into(),
        CompareColumn::Density => x.metrics_per_1000_chars.total_cmp(&y.metrics_per_1000_chars).into(),
        CompareColumn::Errors => x.errors.cmp(&y.errors).into(),
        CompareColumn::Warnings => x.warnings.cmp(&y.warnings).into(),
        CompareColumn::Infos => x.infos.cmp(&y.infos).into(),
        CompareColumn::NewApplications => figure(|d| d.new_applications),
        CompareColumn::CarriedOver => figure(|d| d.carried_over),
        CompareColumn::Granted => figure(|d| d.granted),
        CompareColumn::Refused => figure(|d| d.refused),
        CompareColumn::ReviewTotal => figure(|d| d.review_total),
        CompareColumn::LitigationTotal => figure(|d| d.litigation_total),
        CompareColumn::Mismatches => figure(|d| Some(d.table_mismatches as f64)),
    }
}

/// Two figures on one column, ascending. Figures outside the five parts ("—") and figures
/// that do not say what they count come after the others in both directions.
fn compare_metrics(column: MetricColumn, x: &Metric, y: &Metric) -> ColumnOrder {
    match column {
        MetricColumn::Value => x.value.total_cmp(&y.value).into(),
        MetricColumn::Approx => (x.approx as u8).cmp(&(y.approx as u8)).into(),
        MetricColumn::Unit => x.unit.cmp(&y.unit).into(),
        MetricColumn::What => ColumnOrder::absent_last(x.what.as_ref(), y.what.as_ref()),
        MetricColumn::Part => ColumnOrder::absent_last(x.section.map(|p| p as u8), y.section.map(|p| p as u8)),
        MetricColumn::Line => x.line.cmp(&y.line).into(),
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Busy => next.busy = true,
            Action::Stopped => {
                next.busy = false;
                next.batch = None;
                if !next.batch_failures.is_empty() {
                    let failures = std::mem::take(&mut next.batch_failures);
                    next.notices.push(Notice::Refused { failures, kept: next.batch_kept });
                }
            }
            Action::Loaded(mut report, mode) => {
                report.id = next.next_id;
                next.next_id += 1;
                next.metric_filter = MetricFilter::All;
                next.jump = None;
                let in_batch = next.batch.is_some();
                match mode {
                    LoadMode::Replace => {
                        if !next.reports.is_empty() {
                            next.remember(Undoable::Replaced { count: next.reports.len() });
                        }
                        next.batch_kept = false;
                        next.reports = vec![Rc::new(report)];
                        next.current = Some(0);
                        next.view = View::Report;
                    }
                    LoadMode::Add | LoadMode::AddShown => {
                        next.reports.push(Rc::new(report));
                        // During a batch the view stays put (drawing it for every file would
                        // slow the batch down); a single addition is shown at once.
                        if !in_batch || next.current.is_none() || mode == LoadMode::AddShown {
                            next.current = Some(next.reports.len() - 1);
                        }
                    }
                }
                next.notices.retain(Notice::is_error);
                next.count_done();
            }
            Action::Reanalysed(report) => {
                next.busy = next.batch.is_some();
                if let Some(slot) = next.reports.iter_mut().find(|r| r.id == report.id) {
                    *slot = Rc::new(report);
                    next.metric_filter = MetricFilter::All;
                    next.jump = None;
                }
            }
            Action::Refused(failure) => {
                if next.batch.is_some() {
                    next.batch_failures.push(failure);
                } else {
                    let kept = !next.reports.is_empty();
                    next.notices.push(Notice::Refused { failures: vec![failure], kept });
                }
                next.count_done();
            }
            Action::Note(notice) => {
                if !next.notices.contains(&notice) {
                    next.notices.push(notice);
                }
            }
            Action::Dismiss(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SortMetrics(column) => next.metric_sort = next.metric_sort.toggled(column),
            Action::FilterMetrics(filter) => next.metric_filter = filter,
            Action::Jump(target) => {
                let seq = next.jump.map_or(1, |j| j.seq + 1);
                next.jump = Some(Jump { target, seq });
            }
            Action::BatchStart(total) => {
                next.busy = true;
                next.batch_failures.clear();
                next.batch_kept = !next.reports.is_empty();
                next.batch = (total > 1).then_some(Batch { done: 0, total });
            }
            Action::Select(i) => next.select(i),
            Action::ShowCompare => next.show_compare(),
            Action::Remove(i) => {
                if i < next.reports.len() {
                    next.remember(Undoable::Removed { name: next.reports[i].comparison_row.report.clone() });
                    next.reports.remove(i);
                    next.current = match next.current {
                        _ if next.reports.is_empty() => None,
                        Some(c) if c > i => Some(c - 1),
                        Some(c) => Some(c.min(next.reports.len() - 1)),
                        None => None,
                    };
                    if next.reports.len() < 2 {
                        next.view = View::Report;
                    }
                }
            }
            Action::ClearAll => {
                if !next.reports.is_empty() {
                    next.remember(Undoable::Cleared { count: next.reports.len() });
                }
                next.reports.clear();
                next.current = None;
                next.view = View::Report;
                next.jump = None;
            }
            Action::SortCompare(column) => next.compare_sort = next.compare_sort.toggled(column),
            Action::FilterCompare(filter) => next.compare_filter = filter,
            Action::SetAddMode(on) => next.add_mode = on,
            // Not while a batch is being analysed: its next report would land in the
            // session brought back.
            Action::Undo if next.batch.is_none() => {
                if let Some(step) = next.undo.pop() {
                    next.reports = step.reports;
                    next.current = step.current;
                    next.view = step.view;
                    next.return_to = None;
                    next.jump = None;
                    next.metric_filter = MetricFilter::All;
                }
            }
            Action::Undo => {}
            Action::Navigate(route) if next.busy || next.restoring => next.pending_route = Some(route),
            Action::Navigate(route) => next.navigate(route),
            Action::Step(step) if next.view == View::Report && next.batch.is_none() => {
                let (previous, following) = next.neighbours();
                if let Some(i) = if step == Step::Previous { previous } else { following } {
                    next.select(i);
                }
            }
            Action::Step(_) => {}
            Action::Restoring => next.restoring = true,
            Action::Restored(saved) => {
                next.restoring = false;
                if let Some(saved) = &saved {
                    next.take_saved_tables(saved);
                }
                next.saved_view = saved;
            }
        }
        if !next.busy && !next.restoring {
            let route = next.pending_route.take();
            match next.saved_view.take() {
                Some(saved) => next.show_saved(saved, route),
                None => {
                    if let Some(route) = route {
                        next.navigate(route);
                    }
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
