//! How the view was left, kept with the stored session (`services::storage`) so that a
//! reload, or the app opened again without an address, shows what was shown: the report,
//! the comparison or a report, the filters and sorts of both tables, the language. Written
//! as lines of `key value` (no JSON parser in the app for this); what a line does not say,
//! or says in a way this version does not know, stays at its default.

use super::{AppState, CompareFilter, CompareSort, MetricColumn, MetricFilter, MetricSort, View};
use crate::i18n::Lang;
use crate::routes::Route;
use report_core::kinds::PartId;

/// The view of a stored session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SavedView {
    /// The report shown (an index into the session's reports).
    pub current: Option<usize>,
    pub view: View,
    pub lang: Lang,
    pub metric_sort: MetricSort,
    pub metric_filter: MetricFilter,
    pub compare_filter: CompareFilter,
    pub compare_sort: CompareSort,
}

const METRIC_COLUMNS: [(MetricColumn, &str); 6] = [
    (MetricColumn::Value, "value"),
    (MetricColumn::Approx, "approx"),
    (MetricColumn::Unit, "unit"),
    (MetricColumn::What, "what"),
    (MetricColumn::Part, "part"),
    (MetricColumn::Line, "line"),
];

impl SavedView {
    /// The view of `state`, as it would be stored.
    pub fn of(state: &AppState) -> SavedView {
        SavedView {
            current: state.current,
            view: state.view,
            lang: state.lang,
            metric_sort: state.metric_sort,
            metric_filter: state.metric_filter,
            compare_filter: state.compare_filter,
            compare_sort: state.compare_sort,
        }
    }

    /// The lines of this view (each ends with a newline).
    pub fn to_lines(&self) -> String {
        let column = METRIC_COLUMNS.iter().find(|(c, _)| *c == self.metric_sort.column).map_or("line", |(_, s)| s);
        let filter = match self.metric_filter {
            MetricFilter::All => "all".to_string(),
            MetricFilter::NoPart => "none".to_string(),
            MetricFilter::Part(p) => format!("part:{}", p.as_str()),
        };
        let compare = Route::Compare { filter: self.compare_filter, sort: self.compare_sort }.to_hash();
        format!(
            "current {}\nview {}\nlang {}\nmetric-sort {column}-{}\nmetric-filter {filter}\ncompare {compare}\n",
            self.current.map_or("-".to_string(), |c| c.to_string()),
            if self.view == View::Compare { "compare" } else { "report" },
            self.lang.code(),
            if self.metric_sort.ascending { "asc" } else { "desc" },
        )
    }

    /// Reads one `key value` line into this view; false for a key it does not know.
    pub fn read_line(&mut self, key: &str, value: &str) -> bool {
        match key {
            "current" => self.current = value.parse().ok(),
            "view" => self.view = if value == "compare" { View::Compare } else { View::Report },
            "lang" => self.lang = [Lang::Zh, Lang::En].into_iter().find(|l| l.code() == value).unwrap_or_default(),
            "metric-sort" => {
                self.metric_sort = value
                    .rsplit_once('-')
                    .and_then(|(column, direction)| {
                        let column = METRIC_COLUMNS.iter().find(|(_, s)| *s == column)?.0;
                        Some(MetricSort { column, ascending: direction != "desc" })
                    })
                    .unwrap_or_default()
            }
            "metric-filter" => {
                self.metric_filter = match value {
                    "none" => MetricFilter::NoPart,
                    v => v.strip_prefix("part:").and_then(PartId::from_id).map_or(MetricFilter::All, MetricFilter::Part),
                }
            }
            "compare" => {
                if let Route::Compare { filter, sort } = Route::parse(value) {
                    (self.compare_filter, self.compare_sort) = (filter, sort);
                }
            }
            _ => return false,
        }
        true
    }
}

impl AppState {
    /// The sorts and filters of a session being restored, at once: its reports come later.
    pub(super) fn take_saved_tables(&mut self, saved: &SavedView) {
        self.metric_sort = saved.metric_sort;
        self.compare_filter = saved.compare_filter;
        self.compare_sort = saved.compare_sort;
    }

    /// Once the restored reports are in: the address the page was loaded with, when it
    /// names a view, else the view that was left. The figures' filter comes back with the
    /// report it was set on.
    pub(super) fn show_saved(&mut self, saved: SavedView, route: Option<Route>) {
        let named = route.is_some_and(|r| r != Route::Home);
        // An address read, even an empty one, counts: the address then names the view.
        if let Some(route) = route {
            self.navigate(route);
        }
        if !named {
            if let Some(i) = saved.current {
                self.select(i);
            }
            if saved.view == View::Compare && self.reports.len() > 1 {
                self.show_compare();
            }
        }
        if self.current == saved.current && self.view == View::Report {
            self.metric_filter = saved.metric_filter;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::CompareColumn;
    use report_core::frame::Level;

    fn read(lines: &str) -> SavedView {
        let mut view = SavedView::default();
        for line in lines.lines() {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            view.read_line(key, value);
        }
        view
    }

    #[test]
    fn a_view_reads_back_from_its_lines() {
        let view = SavedView {
            current: Some(3),
            view: View::Compare,
            lang: Lang::En,
            metric_sort: MetricSort { column: MetricColumn::Value, ascending: false },
            metric_filter: MetricFilter::Part(PartId::Applications),
            compare_filter: CompareFilter { level: Some(Level::County), missing: Some(PartId::Other) },
            compare_sort: CompareSort { column: CompareColumn::Year, ascending: false },
        };
        assert_eq!(read(&view.to_lines()), view);
        let plain = SavedView { metric_filter: MetricFilter::NoPart, ..SavedView::default() };
        assert_eq!(read(&plain.to_lines()), plain);
        assert!(plain.to_lines().contains("current -\n"));
    }

    #[test]
    fn unknown_lines_and_values_leave_the_defaults() {
        let mut view = SavedView::default();
        assert!(!view.read_line("corrections", "x"));
        let view = read("current x\nlang fr\nmetric-sort colour-up\nmetric-filter part:nowhere\ncompare #/report/2\n");
        assert_eq!(view, SavedView::default());
    }
}
