//! The app's state and the actions that change it (`impl Reducible`). No DOM code here:
//! everything is unit-tested natively. Analysis happens before an action is dispatched
//! ([`Report::analyze`] is pure too), so that the browser can paint a "busy" state between
//! the input arriving and the heavy work.

use crate::i18n::Lang;
use crate::routes::Route;
use crate::table_sort::{ColumnOrder, TableSort};
use crate::text_model::TextModel;
use report_core::compare::Row;
use report_core::frame::Level;
use report_core::kinds::{KindId, PartId};
use report_core::metrics::Metric;
use report_core::sections::Status;
use report_core::InputError;
use report_core::Summary;
use std::rc::Rc;
use yew::Reducible;

/// One analysed report.
#[derive(Debug, PartialEq)]
pub struct Report {
    /// Unique within a session (keys of lists).
    pub id: u64,
    /// The file name, or none for pasted text.
    pub name: Option<String>,
    /// The input as given: kept to store it across a reload and to make the download equal
    /// to `report-cli analyze` of the same file.
    pub bytes: Rc<[u8]>,
    /// The decoded text, as displayed.
    pub text: Rc<str>,
    pub summary: Rc<Summary>,
    pub model: Rc<TextModel>,
    /// The report's line in the comparison (table, charts, sorting): made once here, as the
    /// summary never changes, rather than on every drawing of the comparison.
    pub comparison_row: Row,
}

impl Report {
    /// Analyses `bytes` (text, .docx or a saved web page); refuses what is not a report
    /// (images, PDFs, .doc, other zips, empty files) with the reason.
    pub fn analyze(id: u64, name: Option<String>, bytes: Vec<u8>) -> Result<Report, InputError> {
        Report::analyze_as(id, name, bytes, None)
    }

    /// [`Report::analyze`], reading the report as `kind` when one is chosen by hand.
    pub fn analyze_as(id: u64, name: Option<String>, bytes: Vec<u8>, kind: Option<KindId>) -> Result<Report, InputError> {
        let analysis = report_core::analyze_input_with(&bytes, name.as_deref(), report_core::Options { kind })?;
        let model = TextModel::build(&analysis.text, &analysis.lines, &analysis.summary);
        let comparison_row = Row::of(&analysis.summary);
        Ok(Report {
            id,
            name,
            bytes: bytes.into(),
            text: analysis.text.into(),
            summary: Rc::new(analysis.summary),
            model: Rc::new(model),
            comparison_row,
        })
    }

    /// The name of the report's JSON summary: `古镛镇人民政府-2024-summary.json`.
    pub fn summary_json_name(&self) -> String {
        format!("{}-summary.json", self.export_stem())
    }

    /// The name of the report's figures as CSV: `古镛镇人民政府-2024-figures.csv`. Not
    /// `-summary`: the reviewer filing both must tell them apart by name.
    pub fn figures_csv_name(&self) -> String {
        format!("{}-figures.csv", self.export_stem())
    }

    /// Issuer and year (or the file's name) with the characters file systems refuse replaced.
    fn export_stem(&self) -> String {
        let meta = &self.summary.meta;
        let stem = match (&meta.issuer, meta.report_year) {
            (Some(issuer), Some(year)) => format!("{issuer}-{year}"),
            (Some(issuer), None) => issuer.clone(),
            (None, _) => {
                self.name.as_deref().and_then(|n| n.rsplit_once('.').map(|(s, _)| s.to_string())).unwrap_or_else(|| "report".into())
            }
        };
        stem.chars()
            .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { '_' } else { c })
            .collect()
    }
}

/// The names of the comparison's downloads, each saying what the file holds.
pub mod comparison_export {
    /// The comparison table as CSV: one row per report, the columns shown.
    pub const TABLE_CSV: &str = "report-lens-comparison-table.csv";
    /// The comparison as JSON: every report's row.
    pub const JSON: &str = "report-lens-comparison.json";
    /// The figures of every report in the comparison, as CSV.
    pub const ALL_FIGURES_CSV: &str = "report-lens-all-figures.csv";
}

/// An input that was not analysed, and why. `name` is the file's; none for pasted text
/// (worded in the UI's language when shown).
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// Not a report (image, PDF, .doc, empty, a damaged .docx).
    NotAReport { name: Option<String>, error: InputError },
    /// The browser could not read the file.
    ReadFailed { name: Option<String>, error: String },
    /// Larger than the browser can comfortably handle.
    TooLarge { name: Option<String>, megabytes: u64, limit_megabytes: u64 },
}

/// Something the user should read: inputs that were refused, a report not kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Inputs not analysed: one, or all those of one batch together. `kept`: the reports
    /// shown before are still shown (nothing replaced them), so the notice can say so.
    Refused { failures: Vec<Failure>, kept: bool },
    /// Too large for the browser's storage: lost on reload.
    NotKept { kilobytes: u64 },
}

impl Notice {
    pub fn is_error(&self) -> bool {
        !matches!(self, Notice::NotKept { .. })
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

/// Where the text view should scroll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpTarget {
    Line(usize),
    Metric(usize),
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
}

pub type CompareSort = TableSort<CompareColumn>;

/// Which reports the comparison shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompareFilter {
    pub level: Option<Level>,
    /// Only reports where this part is missing.
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
    /// Show what an address names (Back, Forward, the address on load).
    Navigate(Route),
    /// The previous or next report of the comparison, in its order.
    Step(Step),
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

    /// Indices of the reports in the comparison, filtered and sorted as chosen.
    pub fn visible_rows(&self) -> Vec<usize> {
        let row = |i: usize| &self.reports[i].comparison_row;
        let f = self.compare_filter;
        let mut shown: Vec<usize> = (0..self.reports.len())
            .filter(|&i| f.level.is_none_or(|l| row(i).level == l))
            .filter(|&i| f.missing.is_none_or(|p| row(i).status(p) == Status::Missing))
            .collect();
        self.compare_sort.sort_rows(&mut shown, |column, a, b| compare_rows(column, row(a), row(b)), |a, b| a.cmp(&b));
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

/// Two comparison rows on one column, ascending. A value the table draws as "—" (no issuer,
/// year or date; an unknown level) comes after every known one in both directions: the
/// reviewer sorts to see the earliest or the latest, not the reports that say nothing.
fn compare_rows(column: CompareColumn, x: &Row, y: &Row) -> ColumnOrder {
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
            Action::Navigate(route) if next.busy => next.pending_route = Some(route),
            Action::Navigate(route) => next.navigate(route),
            Action::Step(step) if next.view == View::Report && next.batch.is_none() => {
                let (previous, following) = next.neighbours();
                if let Some(i) = if step == Step::Previous { previous } else { following } {
                    next.select(i);
                }
            }
            Action::Step(_) => {}
        }
        if !next.busy {
            if let Some(route) = next.pending_route.take() {
                next.navigate(route);
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "某镇2024年法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n开展讲座12场，发放资料3000余份。\n二、存在的不足和原因\n由于人员少，受众人数仅800人。\n";

    fn loaded(state: Rc<AppState>, text: &str, mode: LoadMode) -> Rc<AppState> {
        let report = Report::analyze(0, Some("a.txt".into()), text.as_bytes().to_vec()).unwrap();
        state.reduce(Action::Loaded(report, mode))
    }

    #[test]
    fn pasting_replaces_the_previous_report() {
        let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
        let s = loaded(s, "一、存在问题\n", LoadMode::Replace);
        assert_eq!(s.reports.len(), 1);
        assert_eq!(s.current, Some(0));
        assert_eq!(s.current_report().unwrap().summary.metrics.len(), 0);
        assert_eq!(s.reports[0].id, 1, "ids keep increasing");
    }

    #[test]
    fn adding_keeps_the_others_and_shows_the_new_one() {
        let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Add);
        let s = loaded(s, REPORT, LoadMode::Add);
        assert_eq!(s.reports.len(), 2);
        assert_eq!(s.current, Some(1));
    }

    #[test]
    fn a_kind_chosen_by_hand_replaces_the_report_in_place() {
        let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Add);
        let s = loaded(s, "一、存在问题\n", LoadMode::Add);
        let first = s.reports[0].clone();
        assert_eq!(first.summary.kind_basis, report_core::kinds::KindBasis::Recognised);
        let again = Report::analyze_as(first.id, first.name.clone(), first.bytes.to_vec(), Some(KindId::RuleOfLaw)).unwrap();
        let s = s.reduce(Action::Reanalysed(again));
        assert_eq!((s.reports.len(), s.current), (2, Some(1)), "the others and the view stay");
        assert_eq!(s.reports[0].id, first.id);
        assert_eq!(s.reports[0].summary.kind_basis, report_core::kinds::KindBasis::Chosen);
    }

    #[test]
    fn a_refused_file_keeps_the_analysis_and_says_why() {
        let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let error = Report::analyze(0, Some("x.png".into()), png).unwrap_err();
        assert_eq!(error.kind, report_core::input::InputKind::Png);
        let failure = Failure::NotAReport { name: Some("x.png".into()), error };
        let s = s.reduce(Action::Busy).reduce(Action::Refused(failure.clone()));
        assert!(!s.busy);
        assert_eq!(s.reports.len(), 1);
        assert_eq!(s.current_report().unwrap().summary.metrics.len(), 3);
        assert_eq!(s.notices, [Notice::Refused { failures: vec![failure.clone()], kept: true }]);
        // On an empty page there was nothing to keep.
        let s0 = Rc::new(AppState::default()).reduce(Action::Busy).reduce(Action::Refused(failure.clone()));
        assert_eq!(s0.notices, [Notice::Refused { failures: vec![failure], kept: false }]);
        let s = s.reduce(Action::Dismiss(0));
        assert!(s.notices.is_empty());
    }

    #[test]
    fn metrics_sort_and_filter() {
        let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
        let values =
            |s: &AppState| s.visible_metrics().iter().map(|&i| s.current_report().unwrap().summary.metrics[i].value).collect::<Vec<_>>();
        assert_eq!(values(&s), [12.0, 3000.0, 800.0]);
        let s = s.reduce(Action::SortMetrics(MetricColumn::Value));
        assert_eq!(values(&s), [12.0, 800.0, 3000.0]);
        let s = s.reduce(Action::SortMetrics(MetricColumn::Value));
        assert_eq!(values(&s), [3000.0, 800.0, 12.0]);
        let s = s.reduce(Action::FilterMetrics(MetricFilter::Part(PartId::Shortcomings)));
        assert_eq!(values(&s), [800.0]);
        let s = s.reduce(Action::FilterMetrics(MetricFilter::NoPart));
        assert!(values(&s).is_empty());
    }

    #[test]
    fn jumps_count_up_so_the_same_target_scrolls_again() {
        let s = Rc::new(AppState::default()).reduce(Action::Jump(JumpTarget::Line(3))).reduce(Action::Jump(JumpTarget::Line(3)));
        assert_eq!(s.jump, Some(Jump { target: JumpTarget::Line(3), seq: 2 }));
    }

    fn batch(texts: &[&str]) -> Rc<AppState> {
        let mut s = Rc::new(AppState::default()).reduce(Action::BatchStart(texts.len()));
        for (i, t) in texts.iter().enumerate() {
            let report = Report::analyze(0, Some(format!("{i}.txt")), t.as_bytes().to_vec()).unwrap();
            let mode = if i == 0 { LoadMode::Replace } else { LoadMode::Add };
            assert!(s.batch.is_some() || texts.len() == 1);
            s = s.reduce(Action::Loaded(report, mode));
        }
        s
    }

    #[test]
    fn a_batch_counts_progress_and_ends_in_the_comparison() {
        let s = Rc::new(AppState::default()).reduce(Action::BatchStart(3));
        assert_eq!(s.batch, Some(Batch { done: 0, total: 3 }));
        let r = |t: &str| Report::analyze(0, None, t.as_bytes().to_vec()).unwrap();
        let s = s.reduce(Action::Loaded(r(REPORT), LoadMode::Replace));
        assert_eq!(s.batch, Some(Batch { done: 1, total: 3 }));
        let s = s.reduce(Action::Refused(Failure::ReadFailed { name: Some("x".into()), error: "gone".into() }));
        assert!(s.notices.is_empty(), "told when the batch ends");
        let s = s.reduce(Action::Loaded(r("一、存在问题\n"), LoadMode::Add));
        assert_eq!(s.batch, None);
        assert!(!s.busy);
        assert_eq!(s.view, View::Compare);
        assert_eq!(s.current, Some(0), "the batch does not move the current report");
        let failures = vec![Failure::ReadFailed { name: Some("x".into()), error: "gone".into() }];
        assert_eq!(s.notices, [Notice::Refused { failures, kept: false }], "nothing was shown before");
    }

    #[test]
    fn the_failures_of_a_batch_are_one_notice_that_says_whether_the_reports_were_kept() {
        let failure = |n: &str| Failure::TooLarge { name: Some(n.into()), megabytes: 30, limit_megabytes: 24 };
        let shown = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
        // All refused: the report shown stays.
        let s = shown.clone().reduce(Action::BatchStart(2)).reduce(Action::Refused(failure("a"))).reduce(Action::Refused(failure("b")));
        assert_eq!(s.notices, [Notice::Refused { failures: vec![failure("a"), failure("b")], kept: true }]);
        // One of them replaced it: the notice must not say it was kept.
        let s = shown.reduce(Action::BatchStart(2)).reduce(Action::Refused(failure("a")));
        let s = loaded(s, REPORT, LoadMode::Replace);
        assert_eq!(s.notices, [Notice::Refused { failures: vec![failure("a")], kept: false }]);
    }

    #[test]
    fn comparison_sorts_filters_selects_and_removes() {
        let s = batch(&[
            REPORT,
            "某局2024年法治政府建设情况报告\n一、存在问题\n",
            "一、主要举措和成效\n二、存在的不足和原因\n三、主要负责人履职情况\n",
        ]);
        assert_eq!(s.visible_rows(), [0, 1, 2]);
        let s = s.reduce(Action::SortCompare(CompareColumn::Parts));
        assert_eq!(s.visible_rows(), [1, 0, 2]);
        let s = s.reduce(Action::SortCompare(CompareColumn::Parts));
        assert_eq!(s.visible_rows(), [2, 0, 1]);
        let s = s.reduce(Action::FilterCompare(CompareFilter { level: None, missing: Some(PartId::FirstResponsible) }));
        assert_eq!(s.visible_rows(), [0, 1]);
        let s = s.reduce(Action::FilterCompare(CompareFilter { level: Some(Level::Department), missing: None }));
        assert_eq!(s.visible_rows(), [1]);
        let s = s.reduce(Action::Select(2));
        assert_eq!((s.current, s.view), (Some(2), View::Report));
        let s = s.reduce(Action::ShowCompare).reduce(Action::Remove(0));
        assert_eq!((s.reports.len(), s.current), (2, Some(1)));
        let s = s.reduce(Action::ClearAll);
        assert!(s.reports.is_empty() && s.current.is_none());
    }

    #[test]
    fn reports_without_issuer_year_date_or_level_stay_last_in_both_directions() {
        let s = batch(&[
            "某镇2024年法治政府建设情况报告\n发布时间:2025-01-20\n一、存在问题\n",
            "某局2024年法治政府建设情况报告\n一、存在问题\n",
            "一、主要举措和成效\n二、存在的不足和原因\n",
            "某县2023年法治政府建设情况报告\n发布时间:2024-03-01\n一、存在问题\n",
        ]);
        let rows = |s: &AppState| s.visible_rows().into_iter().map(|i| s.reports[i].comparison_row.clone()).collect::<Vec<_>>();
        assert_eq!(rows(&s)[2].issuer, None, "row 2 has nothing to sort by");
        assert_eq!(rows(&s)[2].level, Level::Unknown);
        assert_eq!(rows(&s)[1].publish_date, None);
        for (column, ascending, descending) in [
            // 县 < 局 < 镇 in code points.
            (CompareColumn::Issuer, [3, 1, 0, 2], [0, 1, 3, 2]),
            // Ties (0 and 1 in 2024) turn with the direction; the row without a year does not.
            (CompareColumn::Year, [3, 0, 1, 2], [1, 0, 3, 2]),
            (CompareColumn::Level, [0, 3, 1, 2], [1, 3, 0, 2]),
            (CompareColumn::Published, [3, 0, 1, 2], [0, 3, 2, 1]),
        ] {
            let s = s.clone().reduce(Action::SortCompare(column));
            assert_eq!(s.visible_rows(), ascending, "{column:?} ascending");
            let s = s.reduce(Action::SortCompare(column));
            assert_eq!(s.visible_rows(), descending, "{column:?} descending");
        }
    }

    #[test]
    fn figures_outside_the_parts_stay_last_in_both_directions() {
        let text = "某镇2024年法治政府建设情况报告\n全年办理案件50件。\n一、2024年度推进法治政府建设的主要举措和成效\n开展讲座12场。\n二、存在的不足和原因\n受众人数仅800人。\n";
        let s = loaded(Rc::new(AppState::default()), text, LoadMode::Replace);
        let values =
            |s: &AppState| s.visible_metrics().iter().map(|&i| s.current_report().unwrap().summary.metrics[i].value).collect::<Vec<_>>();
        assert_eq!(values(&s), [50.0, 12.0, 800.0], "in the order of the text");
        let s = s.reduce(Action::SortMetrics(MetricColumn::Part));
        assert_eq!(values(&s), [12.0, 800.0, 50.0]);
        let s = s.reduce(Action::SortMetrics(MetricColumn::Part));
        assert_eq!(values(&s), [800.0, 12.0, 50.0]);
    }

    #[test]
    fn the_paste_box_analyses_only_what_can_be_a_report() {
        assert_eq!(Draft::of(""), Draft::Empty);
        assert_eq!(Draft::of(" \n\t "), Draft::Empty);
        assert_eq!(Draft::of("x"), Draft::TooShort { chars: 1 });
        // Blanks do not count: three short headings on three lines are still too short.
        assert_eq!(Draft::of("一、存在问题\n 二、不足和原因\n三、安排 "), Draft::TooShort { chars: 17 });
        assert_eq!(Draft::of(&"字".repeat(MIN_REPORT_CHARS - 1)), Draft::TooShort { chars: MIN_REPORT_CHARS - 1 });
        assert_eq!(Draft::of(&"字".repeat(MIN_REPORT_CHARS)), Draft::Ready);
        assert_eq!(Draft::of(REPORT), Draft::Ready);
    }

    fn ids(s: &AppState) -> Vec<u64> {
        s.reports.iter().map(|r| r.id).collect()
    }

    #[test]
    fn replacing_removing_and_clearing_are_undone_in_reverse_order() {
        let s = batch(&[REPORT, "某局2024年法治政府建设情况报告\n一、存在问题\n", "一、主要举措和成效\n"]);
        assert_eq!((ids(&s), s.view, s.last_undoable()), (vec![0, 1, 2], View::Compare, None));
        let s = s.reduce(Action::Select(2)).reduce(Action::ShowCompare);
        let s = s.reduce(Action::Remove(1));
        assert_eq!(s.last_undoable(), Some(&Undoable::Removed { name: "1.txt".into() }));
        let s = s.reduce(Action::ClearAll);
        assert_eq!(s.last_undoable(), Some(&Undoable::Cleared { count: 2 }));
        let s = loaded(s, REPORT, LoadMode::Replace);
        assert_eq!(s.undo.len(), 2, "replacing nothing is not a step");
        let s = loaded(s, REPORT, LoadMode::Replace);
        assert_eq!(s.last_undoable(), Some(&Undoable::Replaced { count: 1 }));

        let s = s.reduce(Action::Undo);
        assert_eq!((ids(&s), s.current, s.view), (vec![3], Some(0), View::Report));
        let s = s.reduce(Action::Undo);
        assert_eq!((ids(&s), s.current, s.view), (vec![0, 2], Some(1), View::Compare), "the comparison, as before clearing");
        let s = s.reduce(Action::Undo);
        assert_eq!((ids(&s), s.current, s.view), (vec![0, 1, 2], Some(2), View::Compare));
        assert!(s.undo.is_empty());
        assert_eq!(s.clone().reduce(Action::Undo), s, "nothing left to undo");
        let s = loaded(s, REPORT, LoadMode::Add);
        assert_eq!(s.reports.last().unwrap().id, 5, "ids stay unique after an undo");
    }

    #[test]
    fn a_batch_replacing_ten_reports_is_one_step() {
        let ten = batch(&[REPORT; 10]);
        let mut s = ten.clone().reduce(Action::BatchStart(2));
        s = loaded(s, REPORT, LoadMode::Replace);
        assert_eq!(s.clone().reduce(Action::Undo).reports.len(), 1, "not during the batch");
        s = loaded(s, REPORT, LoadMode::Add);
        assert_eq!((s.reports.len(), s.undo.len()), (2, 1));
        let s = s.reduce(Action::Undo);
        assert_eq!((ids(&s), s.view), (ids(&ten), View::Compare));
    }

    #[test]
    fn the_undo_stack_keeps_the_latest_steps() {
        let mut s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
        for _ in 0..UNDO_DEPTH + 5 {
            s = loaded(s, REPORT, LoadMode::Replace);
        }
        assert_eq!(s.undo.len(), UNDO_DEPTH);
        for _ in 0..UNDO_DEPTH {
            s = s.reduce(Action::Undo);
        }
        assert_eq!(ids(&s), [5], "the oldest five steps were forgotten");
        assert_eq!(s.last_undoable(), None);
    }

    #[test]
    fn the_route_names_what_is_shown_and_navigating_shows_it() {
        let s = Rc::new(AppState::default());
        assert_eq!(s.route(), Route::Home);
        let s = batch(&[REPORT, "某局2024年法治政府建设情况报告\n一、存在问题\n", "一、主要举措和成效\n"]);
        let compare = |filter, sort| Route::Compare { filter, sort };
        assert_eq!(s.route(), compare(CompareFilter::default(), CompareSort::default()));
        let s = s.reduce(Action::Select(1));
        assert_eq!(s.route(), Route::Report(2));

        let filter = CompareFilter { level: Some(Level::Department), missing: None };
        let sort = CompareSort { column: CompareColumn::Year, ascending: false };
        let s = s.reduce(Action::Navigate(compare(filter, sort)));
        assert_eq!((s.view, s.compare_filter, s.compare_sort, s.return_to), (View::Compare, filter, sort, Some(1)));
        assert_eq!(s.route(), compare(filter, sort));
        let s = s.reduce(Action::Navigate(Route::Report(3)));
        assert_eq!((s.view, s.current, s.route()), (View::Report, Some(2), Route::Report(3)));
        // An address that names no report leaves the view as it is.
        let s = s.reduce(Action::Navigate(Route::Report(9))).reduce(Action::Navigate(Route::Home));
        assert_eq!((s.route(), s.navigations), (Route::Report(3), 4));
    }

    #[test]
    fn the_address_on_load_waits_for_the_restored_session() {
        let s = Rc::new(AppState::default()).reduce(Action::BatchStart(3)).reduce(Action::Navigate(Route::Report(2)));
        assert_eq!((s.pending_route, s.navigations), (Some(Route::Report(2)), 0));
        let r = |t: &str| Report::analyze(0, None, t.as_bytes().to_vec()).unwrap();
        let s = s.reduce(Action::Loaded(r(REPORT), LoadMode::Replace)).reduce(Action::Loaded(r(REPORT), LoadMode::Add));
        assert_eq!(s.pending_route, Some(Route::Report(2)));
        let s = s.reduce(Action::Loaded(r(REPORT), LoadMode::Add));
        assert_eq!((s.pending_route, s.navigations, s.route()), (None, 1, Route::Report(2)));
        // With nothing to restore, the address is shown at once (here: nothing).
        let s = Rc::new(AppState::default()).reduce(Action::Navigate(Route::Report(2)));
        assert_eq!((s.pending_route, s.navigations, s.route()), (None, 1, Route::Home));
    }

    #[test]
    fn previous_and_next_follow_the_comparison_as_sorted_and_filtered() {
        let s = batch(&[
            REPORT,
            "某局2024年法治政府建设情况报告\n一、存在问题\n",
            "一、主要举措和成效\n二、存在的不足和原因\n三、主要负责人履职情况\n",
        ]);
        // Sorted by parts, descending: 2, 0, 1.
        let s = s.reduce(Action::SortCompare(CompareColumn::Parts)).reduce(Action::SortCompare(CompareColumn::Parts));
        let s = s.reduce(Action::Select(2));
        assert_eq!(s.neighbours(), (None, Some(0)));
        let s = s.reduce(Action::Step(Step::Previous));
        assert_eq!(s.current, Some(2), "nothing before the first");
        let s = s.reduce(Action::Step(Step::Next));
        assert_eq!(s.current, Some(0));
        let s = s.reduce(Action::Step(Step::Next));
        assert_eq!((s.current, s.neighbours(), s.place_in_comparison()), (Some(1), (Some(0), None), Some((3, 3))));
        let s = s.reduce(Action::ShowCompare);
        assert_eq!(s.return_to, Some(s.reports[1].id));
        assert_eq!(s.clone().reduce(Action::Step(Step::Previous)).current, Some(1), "not from the comparison");
        // A report the filter hides has no neighbours.
        let s = s.reduce(Action::FilterCompare(CompareFilter { level: Some(Level::Township), missing: None })).reduce(Action::Select(1));
        assert_eq!((s.neighbours(), s.place_in_comparison()), ((None, None), None));
    }

    #[test]
    fn export_names_come_from_issuer_and_year_and_say_what_is_inside() {
        let r = Report::analyze(0, Some("x.txt".into()), REPORT.as_bytes().to_vec()).unwrap();
        assert_eq!(r.summary_json_name(), "某镇-2024-summary.json");
        assert_eq!(r.figures_csv_name(), "某镇-2024-figures.csv");
        let r = Report::analyze(0, Some("notes/a b.txt".into()), "一、存在问题\n".as_bytes().to_vec()).unwrap();
        assert_eq!(r.figures_csv_name(), "notes_a b-figures.csv");
        let r = Report::analyze(0, None, "一、存在问题\n".as_bytes().to_vec()).unwrap();
        assert_eq!(r.summary_json_name(), "report-summary.json");
        // The comparison's three downloads: different names, none taken for a report's.
        use comparison_export::*;
        assert_eq!(
            [TABLE_CSV, JSON, ALL_FIGURES_CSV],
            ["report-lens-comparison-table.csv", "report-lens-comparison.json", "report-lens-all-figures.csv"]
        );
    }
}
