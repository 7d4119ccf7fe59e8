//! Exports of the current report: the JSON summary (byte for byte what `report-cli
//! analyze` prints for the same file), the figures as CSV, its standard tables in long form
//! (when its kind has them: what `report-cli analyze --format tables-csv` prints), the JSON
//! to the clipboard, and printing (the print stylesheet makes a one-report summary).

use crate::i18n::{texts, Lang};
use crate::services::download::{copy_text, download};
use crate::state::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub lang: Lang,
    pub report: Rc<Report>,
}

/// The JSON file: the summary and a newline, as one line of the CLI's JSON Lines.
pub fn summary_json(report: &Report) -> String {
    let mut json = report.json.to_text();
    json.push('\n');
    json
}

/// The name of the report's standard tables as CSV: `青禾县司法局-2023-tables.csv`, beside
/// its `-summary.json` and `-figures.csv`.
pub fn tables_csv_name(report: &Report) -> String {
    let json = report.summary_json_name();
    format!("{}-tables.csv", json.strip_suffix("-summary.json").unwrap_or(&json))
}

#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let t = texts(props.lang);
    let copied = use_state(|| false);
    let report = props.report.clone();
    let ondownloadjson = {
        let report = report.clone();
        Callback::from(move |_| {
            let _ = download(&report.summary_json_name(), "application/json", summary_json(&report).as_bytes());
        })
    };
    let wording = props.lang.csv_wording();
    let ondownloadcsv = {
        let report = report.clone();
        Callback::from(move |_| {
            let csv = report_core::export::metrics_csv_worded(&[&report.summary], wording);
            let _ = download(&report.figures_csv_name(), "text/csv;charset=utf-8", csv.as_bytes());
        })
    };
    let ondownloadtables = {
        let report = report.clone();
        Callback::from(move |_| {
            let csv = report_core::export::tables_csv(&[&report.summary]);
            let _ = download(&tables_csv_name(&report), "text/csv;charset=utf-8", csv.as_bytes());
        })
    };
    let oncopy = {
        let (report, copied) = (report.clone(), copied.clone());
        Callback::from(move |_| {
            if copy_text(&report.json.to_text()).is_ok() {
                copied.set(true);
            }
        })
    };
    let onprint = Callback::from(|_| {
        let _ = gloo_utils::window().print();
    });
    html! {
        <div class="export-bar" role="group" aria-label={t.export}>
            <button type="button" onclick={ondownloadjson} data-testid="download-json">{ t.download_json }</button>
            <button type="button" onclick={ondownloadcsv} data-testid="download-csv">{ t.download_csv }</button>
            if !props.report.summary.tables.is_empty() {
                <button type="button" onclick={ondownloadtables} data-testid="download-report-tables-csv">{ t.download_report_tables_csv }</button>
            }
            <button type="button" onclick={oncopy}>{ if *copied { t.copied } else { t.copy_json } }</button>
            <button type="button" onclick={onprint}>{ t.print }</button>
        </div>
    }
}
