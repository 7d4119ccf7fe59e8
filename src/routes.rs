//! The app's addresses: every view has one, in the URL's hash, so that Back and Forward move
//! between the comparison and the reports inside the app, and a reload comes back to the
//! same view. Parsed and printed here without the DOM (`hooks/history.rs` reads and writes
//! the address):
//!
//!   `#/compare?level=township&missing=other&sort=year-desc`  the comparison, filtered and sorted
//!   `#/report/3`                                            the third report of the session
//!   (no hash)                                               nothing loaded yet
//!
//! Reports are numbered from 1 in the session's order (the comparison's first column
//! unsorted), as the reader counts them; an address that names no report shows what there is.

use crate::state::{CompareColumn, CompareFilter, CompareSort};
use report_core::frame::Level;
use report_core::kinds::PartId;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// Nothing to show yet.
    #[default]
    Home,
    Compare {
        filter: CompareFilter,
        sort: CompareSort,
    },
    /// The `n`th report (from 1).
    Report(usize),
}

const COLUMNS: [(CompareColumn, &str); 18] = [
    (CompareColumn::Report, "report"),
    (CompareColumn::Issuer, "issuer"),
    (CompareColumn::Level, "level"),
    (CompareColumn::Year, "year"),
    (CompareColumn::Published, "published"),
    (CompareColumn::Parts, "parts"),
    (CompareColumn::Metrics, "metrics"),
    (CompareColumn::Density, "density"),
    (CompareColumn::Errors, "errors"),
    (CompareColumn::Warnings, "warnings"),
    (CompareColumn::Infos, "infos"),
    (CompareColumn::NewApplications, "new_applications"),
    (CompareColumn::CarriedOver, "carried_over"),
    (CompareColumn::Granted, "granted"),
    (CompareColumn::Refused, "refused"),
    (CompareColumn::ReviewTotal, "review_total"),
    (CompareColumn::LitigationTotal, "litigation_total"),
    (CompareColumn::Mismatches, "table_mismatches"),
];

/// A level is named as the JSON names it (`township`).
fn level_slug(level: Level) -> &'static str {
    level.as_str()
}

/// A part's column is named by the part's id (`measures`, `first_responsible` …).
fn column_slug(column: CompareColumn) -> &'static str {
    match column {
        CompareColumn::Part(p) => p.as_str(),
        c => COLUMNS.iter().find(|(k, _)| *k == c).map_or("report", |(_, s)| s),
    }
}

fn column_of(slug: &str) -> Option<CompareColumn> {
    COLUMNS.iter().find(|(_, s)| *s == slug).map(|(c, _)| *c).or_else(|| PartId::from_id(slug).map(CompareColumn::Part))
}

impl Route {
    /// The route of `hash` (`location.hash`, with or without its `#`). Unknown addresses are
    /// [`Route::Home`]; unknown or malformed parameters are left at their defaults.
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        match path.trim_end_matches('/') {
            "/compare" => {
                let mut filter = CompareFilter::default();
                let mut sort = CompareSort::default();
                for (key, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
                    match key {
                        "level" => filter.level = Level::from_name(value),
                        "missing" => filter.missing = PartId::from_id(value),
                        "sort" => {
                            let parsed = value.rsplit_once('-').and_then(|(column, direction)| {
                                let ascending = match direction {
                                    "asc" => true,
                                    "desc" => false,
                                    _ => return None,
                                };
                                Some(CompareSort { column: column_of(column)?, ascending })
                            });
                            sort = parsed.unwrap_or_default();
                        }
                        _ => {}
                    }
                }
                Route::Compare { filter, sort }
            }
            p => match p.strip_prefix("/report/").and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n >= 1 => Route::Report(n),
                _ => Route::Home,
            },
        }
    }

    /// The hash of this route, `#` included; empty for [`Route::Home`]. Defaults are left
    /// out, parameters come in one order, so one view has one address.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Report(n) => format!("#/report/{n}"),
            Route::Compare { filter, sort } => {
                let mut query = Vec::new();
                if let Some(level) = filter.level {
                    query.push(format!("level={}", level_slug(level)));
                }
                if let Some(part) = filter.missing {
                    query.push(format!("missing={}", part.as_str()));
                }
                if *sort != CompareSort::default() {
                    query.push(format!("sort={}-{}", column_slug(sort.column), if sort.ascending { "asc" } else { "desc" }));
                }
                if query.is_empty() {
                    "#/compare".into()
                } else {
                    format!("#/compare?{}", query.join("&"))
                }
            }
        }
    }

    /// Whether two routes show the same page (another filter or sort is the same page):
    /// moving to another page makes a step in the browser's history, refining one does not.
    pub fn same_page(&self, other: &Route) -> bool {
        match (self, other) {
            (Route::Compare { .. }, Route::Compare { .. }) => true,
            (a, b) => a == b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::kinds::PartId;

    #[test]
    fn the_comparison_with_filter_and_sort_round_trips() {
        let route = Route::Compare {
            filter: CompareFilter { level: Some(Level::Township), missing: Some(PartId::Other) },
            sort: CompareSort { column: CompareColumn::Year, ascending: false },
        };
        assert_eq!(route.to_hash(), "#/compare?level=township&missing=other&sort=year-desc");
        assert_eq!(Route::parse("#/compare?level=township&missing=other&sort=year-desc"), route);
        assert_eq!(Route::parse("/compare?sort=year-desc&missing=other&level=township"), route, "any order, # or not");
        let parts = Route::Compare {
            filter: CompareFilter::default(),
            sort: CompareSort { column: CompareColumn::Part(PartId::FirstResponsible), ascending: true },
        };
        assert_eq!(parts.to_hash(), "#/compare?sort=first_responsible-asc");
        assert_eq!(Route::parse(&parts.to_hash()), parts);
        // The other kind's parts and key table figures have addresses too.
        let disclosure = Route::Compare {
            filter: CompareFilter { level: None, missing: Some(PartId::ReviewLitigation) },
            sort: CompareSort { column: CompareColumn::NewApplications, ascending: false },
        };
        assert_eq!(disclosure.to_hash(), "#/compare?missing=review_litigation&sort=new_applications-desc");
        assert_eq!(Route::parse(&disclosure.to_hash()), disclosure);
        for (column, _) in COLUMNS {
            let route = Route::Compare { filter: CompareFilter::default(), sort: CompareSort { column, ascending: false } };
            assert_eq!(Route::parse(&route.to_hash()), route, "{column:?}");
        }
    }

    #[test]
    fn defaults_are_left_out_of_the_address() {
        let plain = Route::Compare { filter: CompareFilter::default(), sort: CompareSort::default() };
        assert_eq!(plain.to_hash(), "#/compare");
        assert_eq!(Route::parse("#/compare?sort=report-asc"), plain);
        assert_eq!(Route::parse("#/compare/"), plain);
    }

    #[test]
    fn reports_are_numbered_from_one() {
        assert_eq!(Route::Report(3).to_hash(), "#/report/3");
        assert_eq!(Route::parse("#/report/3"), Route::Report(3));
        assert_eq!(Route::parse("#/report/0"), Route::Home);
        assert_eq!(Route::parse("#/report/x"), Route::Home);
    }

    #[test]
    fn anything_else_is_home_and_bad_parameters_are_ignored() {
        assert_eq!(Route::Home.to_hash(), "");
        for hash in ["", "#", "#/", "#/nowhere", "#L12"] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash}");
        }
        let plain = Route::Compare { filter: CompareFilter::default(), sort: CompareSort::default() };
        assert_eq!(Route::parse("#/compare?level=galaxy&missing=&sort=year-sideways&x=1&junk"), plain);
        assert_eq!(Route::parse("#/compare?sort=nothing-desc"), plain);
    }

    #[test]
    fn only_another_page_is_a_step_in_history() {
        let a = Route::Compare { filter: CompareFilter::default(), sort: CompareSort::default() };
        let b = Route::Compare { filter: CompareFilter { level: Some(Level::City), missing: None }, sort: CompareSort::default() };
        assert!(a.same_page(&b));
        assert!(!a.same_page(&Route::Report(1)));
        assert!(!Route::Report(1).same_page(&Route::Report(2)));
        assert!(Route::Report(2).same_page(&Route::Report(2)));
    }
}
