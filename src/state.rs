//! The app's state and the actions that change it (`impl Reducible`). No DOM code here:
//! everything is unit-tested natively. Analysis happens before an action is dispatched
//! ([`Report::analyze`] is pure too), so that the browser can paint a "busy" state between
//! the input arriving and the heavy work.

use crate::i18n::Lang;
use crate::text_model::TextModel;
use report_core::sections::PartId;
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
}

impl Report {
    /// Analyses `bytes` (text, .docx or a saved web page); refuses what is not a report
    /// (images, PDFs, .doc, other zips, empty files) with the reason.
    pub fn analyze(id: u64, name: Option<String>, bytes: Vec<u8>) -> Result<Report, InputError> {
        let analysis = report_core::analyze_input(&bytes, name.as_deref())?;
        let model = TextModel::build(&analysis.text, &analysis.lines, &analysis.summary);
        Ok(Report { id, name, bytes: bytes.into(), text: analysis.text.into(), summary: Rc::new(analysis.summary), model: Rc::new(model) })
    }

    /// The name downloads are given: `古镛镇人民政府-2024-summary.json`.
    pub fn export_name(&self, extension: &str) -> String {
        let meta = &self.summary.meta;
        let stem = match (&meta.issuer, meta.report_year) {
            (Some(issuer), Some(year)) => format!("{issuer}-{year}"),
            (Some(issuer), None) => issuer.clone(),
            (None, _) => {
                self.name.as_deref().and_then(|n| n.rsplit_once('.').map(|(s, _)| s.to_string())).unwrap_or_else(|| "report".into())
            }
        };
        let safe: String = stem
            .chars()
            .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { '_' } else { c })
            .collect();
        format!("{safe}-summary.{extension}")
    }
}

/// Something the user should read: an input that was refused, a report not kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Not a report (image, PDF, .doc, empty, a damaged .docx): nothing changed.
    NotAReport { name: String, error: InputError },
    /// The browser could not read the file.
    ReadFailed { name: String, error: String },
    /// Larger than the browser can comfortably handle.
    TooLarge { name: String, megabytes: u64, limit_megabytes: u64 },
    /// Too large for the browser's storage: lost on reload.
    NotKept { kilobytes: u64 },
}

impl Notice {
    pub fn is_error(&self) -> bool {
        !matches!(self, Notice::NotKept { .. })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricColumn {
    Value,
    Approx,
    Unit,
    What,
    Part,
    Line,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MetricSort {
    pub column: MetricColumn,
    pub ascending: bool,
}

impl Default for MetricSort {
    fn default() -> Self {
        MetricSort { column: MetricColumn::Line, ascending: true }
    }
}

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

/// How a new report joins the ones already there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMode {
    /// Pasting or opening replaces the current report.
    Replace,
    /// Added beside the others (several files at once, "add to comparison").
    Add,
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
}

#[derive(Debug)]
pub enum Action {
    /// Input arrived and is being analysed.
    Busy,
    Loaded(Report, LoadMode),
    Refused(Notice),
    /// Informational notice (does not end a busy state).
    Note(Notice),
    Dismiss(usize),
    SetLang(Lang),
    SortMetrics(MetricColumn),
    FilterMetrics(MetricFilter),
    Jump(JumpTarget),
    /// Reports read back from storage after a reload.
    Restore(Vec<Report>, Option<usize>),
}

impl AppState {
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
        let sort = self.metric_sort;
        rows.sort_by(|&a, &b| {
            let (x, y) = (&metrics[a], &metrics[b]);
            let order = match sort.column {
                MetricColumn::Value => x.value.total_cmp(&y.value),
                MetricColumn::Approx => (x.approx as u8).cmp(&(y.approx as u8)),
                MetricColumn::Unit => x.unit.cmp(&y.unit),
                MetricColumn::What => x.what.cmp(&y.what),
                MetricColumn::Part => x.section.map(|p| p as u8).unwrap_or(9).cmp(&y.section.map(|p| p as u8).unwrap_or(9)),
                MetricColumn::Line => x.line.cmp(&y.line),
            };
            let order = order.then(x.span[0].cmp(&y.span[0]));
            if sort.ascending {
                order
            } else {
                order.reverse()
            }
        });
        rows
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
                next.busy = false;
                next.metric_filter = MetricFilter::All;
                next.jump = None;
                match mode {
                    LoadMode::Replace => {
                        next.reports = vec![Rc::new(report)];
                        next.current = Some(0);
                    }
                    LoadMode::Add => {
                        next.reports.push(Rc::new(report));
                        next.current = Some(next.reports.len() - 1);
                    }
                }
                next.notices.retain(Notice::is_error);
            }
            Action::Refused(notice) => {
                next.busy = false;
                next.notices.push(notice);
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
            Action::SortMetrics(column) => {
                next.metric_sort = if next.metric_sort.column == column {
                    MetricSort { column, ascending: !next.metric_sort.ascending }
                } else {
                    MetricSort { column, ascending: true }
                };
            }
            Action::FilterMetrics(filter) => next.metric_filter = filter,
            Action::Jump(target) => {
                let seq = next.jump.map_or(1, |j| j.seq + 1);
                next.jump = Some(Jump { target, seq });
            }
            Action::Restore(reports, current) => {
                let n = reports.len();
                next.reports = reports
                    .into_iter()
                    .map(|mut r| {
                        r.id = next.next_id;
                        next.next_id += 1;
                        Rc::new(r)
                    })
                    .collect();
                next.current = current.filter(|&c| c < n).or(if n > 0 { Some(0) } else { None });
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
    fn a_refused_file_keeps_the_analysis_and_says_why() {
        let s = loaded(Rc::new(AppState::default()), REPORT, LoadMode::Replace);
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let error = Report::analyze(0, Some("x.png".into()), png).unwrap_err();
        assert_eq!(error.kind, report_core::input::InputKind::Png);
        let s = s.reduce(Action::Busy).reduce(Action::Refused(Notice::NotAReport { name: "x.png".into(), error }));
        assert!(!s.busy);
        assert_eq!(s.reports.len(), 1);
        assert_eq!(s.current_report().unwrap().summary.metrics.len(), 3);
        assert_eq!(s.notices.len(), 1);
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

    #[test]
    fn export_names_come_from_issuer_and_year() {
        let r = Report::analyze(0, Some("x.txt".into()), REPORT.as_bytes().to_vec()).unwrap();
        assert_eq!(r.export_name("json"), "某镇-2024-summary.json");
        let r = Report::analyze(0, Some("notes/a b.txt".into()), "一、存在问题\n".as_bytes().to_vec()).unwrap();
        assert_eq!(r.export_name("csv"), "notes_a b-summary.csv");
    }
}
