//! The standard tables of a report (政府信息公开工作年度报告: 主动公开, 申请, 复议诉讼), each
//! drawn on its form's grid: the form's rows and columns with their labels (the table names
//! in the UI language, the labels as the form prints them — the core words no other), the
//! numbers right-aligned. What a cell says is told apart: a number (0 included), a none mark
//! (`/`, `无`: read as 0), a blank (absent, counted as 0 by the checks), text that is not a
//! number, a cell the row lacks. A cell that fails the form's arithmetic is marked by colour,
//! an icon and words, with the finding's message; a finding's jump (`JumpTarget::Cell`)
//! scrolls to its cell and focuses it, and every cell read jumps to its line of the text.

use crate::display::shown;
use crate::i18n::{fill, texts, Lang, Texts};
use crate::report::SharedSummary;
use crate::state::{CellAt, Jump, JumpTarget};
use report_core::export::format_number;
use report_core::forms::{ColumnSpec, TableId, APPLICANT_COLUMNS, APPLICANT_ORGANISATIONS_ZH};
use report_core::grids::{CellRead, GridCell, GridRow, StandardTable};
use report_core::messages::{finding_message, table_name};
use report_core::Summary;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TablesViewProps {
    pub lang: Lang,
    pub summary: SharedSummary,
    /// The latest jump: one to a cell scrolls to it.
    pub jump: Option<Jump>,
    /// A line of the text to scroll to.
    pub onjump: Callback<usize>,
}

/// The element id of a cell: `cell-applications-granted-total`.
pub fn cell_dom_id(table: TableId, row: &str, column: &str) -> String {
    format!("cell-{}-{row}-{column}", table.as_str())
}

/// The messages of the findings that name each failing cell.
fn failures(summary: &Summary, lang: Lang) -> Vec<(CellAt, String)> {
    summary.findings.iter().filter_map(|f| CellAt::of_finding(summary, f).map(|at| (at, finding_message(f, lang.core())))).collect()
}

#[component]
pub fn TablesView(props: &TablesViewProps) -> Html {
    let t = texts(props.lang);
    let summary = props.summary.clone();
    {
        let summary = summary.clone();
        use_effect_with(props.jump, move |jump| {
            if let Some(Jump { target: JumpTarget::Cell(at), .. }) = *jump {
                focus_cell(&summary, at);
            }
        });
    }
    let failed = failures(&summary, props.lang);
    html! {
        <section class="tables-view" aria-label={t.tables} data-testid="tables">
            <h3>{ t.tables }</h3>
            <p class="tables-legend">
                <span><span class="mark-empty">{ t.mark_empty }</span>{ " " }{ t.cell_empty }</span>
                <span><span class="mark-none">{ "/" }</span>{ " " }{ t.cell_none }</span>
                <span><span class="mark-bad" aria-hidden="true">{ "✖" }</span>{ " " }{ t.cell_bad }</span>
            </p>
            { for summary.tables.iter().enumerate().map(|(i, table)| render_table(props, t, i, table, &failed)) }
        </section>
    }
}

/// Scrolls the cell into the middle of the view, focuses it and flashes it.
fn focus_cell(summary: &Summary, at: CellAt) {
    let Some(table) = summary.tables.get(at.table) else { return };
    let Some(row) = table.rows.get(at.row) else { return };
    let Some(cell) = row.cells.get(at.cell) else { return };
    let Some(element) = gloo_utils::document().get_element_by_id(&cell_dom_id(table.id, &row.id, &cell.column)) else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = element.class_list().remove_1("flash");
    let _ = element.class_list().add_1("flash");
    // The cell's button when it has one (a cell read from a line), else the cell itself.
    let target = element.query_selector("button").ok().flatten().unwrap_or(element);
    if !target.has_attribute("tabindex") && target.tag_name() != "BUTTON" {
        let _ = target.set_attribute("tabindex", "-1");
    }
    if let Some(html) = target.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

fn render_table(props: &TablesViewProps, t: &Texts, index: usize, table: &StandardTable, failed: &[(CellAt, String)]) -> Html {
    let name = table_name(table.id, props.lang.core());
    let heading = html! {
        <h4>
            { name }
            <span class="table-form">{ fill(t.table_form, &[table.form.as_str()]) }</span>
            if let Some(line) = table.line.filter(|_| table.found) {
                <button type="button" class="line-link" onclick={ let cb = props.onjump.clone(); Callback::from(move |_| cb.emit(line)) }>
                    { fill(t.line, &[&line.to_string()]) }
                </button>
            }
        </h4>
    };
    if !table.found {
        return html! {
            <div class="std-table" data-table={table.id.as_str()} data-found="false">
                { heading }
                <p class="table-missing">{ "✖ " }{ t.table_not_found }</p>
            </div>
        };
    }
    let spec = table.spec();
    let width = spec.rows.iter().map(|r| r.columns.len()).max().unwrap_or(0);
    let mut body: Vec<Html> = Vec::new();
    let mut columns: Option<&[ColumnSpec]> = None;
    for (r, row) in table.rows.iter().enumerate() {
        let Some(row_spec) = spec.row(&row.id) else { continue };
        if columns != Some(row_spec.columns) {
            columns = Some(row_spec.columns);
            body.push(header_rows(t, row_spec.columns, width));
        }
        let has_items = spec.items(&row.id).next().is_some();
        let label = html! {
            <th scope="row" class={classes!("row-label", row.group.is_some().then_some("item"))} title={row.label.as_deref().map(|l| shown(l).into_owned())}>
                { row_spec.label_zh }
            </th>
        };
        if row.cells.is_empty() && has_items {
            // A group whose items carry its numbers (the 2021 form's （三）…（六）).
            body.push(html! { <tr class="group-row" data-row={row.id.clone()}><th scope="rowgroup" colspan={(width + 1).to_string()}>{ row_spec.label_zh }</th></tr> });
            continue;
        }
        if !row.found {
            body.push(html! {
                <tr class="row-missing" data-row={row.id.clone()}>
                    { label }
                    <td colspan={width.to_string()}>{ "✖ " }{ t.row_not_found }</td>
                </tr>
            });
            continue;
        }
        let cells = row.cells.iter().enumerate().map(|(c, cell)| {
            let at = CellAt { table: index, row: r, cell: c };
            let messages: Vec<&str> = failed.iter().filter(|(x, _)| *x == at).map(|(_, m)| m.as_str()).collect();
            render_cell(props, t, table.id, row, cell, &messages)
        });
        let pad = width.saturating_sub(row.cells.len());
        body.push(html! {
            <tr data-row={row.id.clone()}>
                { label }
                { for cells }
                if pad > 0 { <td class="pad" colspan={pad.to_string()}></td> }
            </tr>
        });
    }
    html! {
        <div class="std-table" data-table={table.id.as_str()} data-found="true">
            { heading }
            <div class="std-table-scroll">
                <table class="grid" data-form={table.form.as_str()}>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </div>
    }
}

/// The column labels above a run of rows with these columns. Part 三's applicant columns
/// have the form's two header rows (自然人 | 法人或其他组织: five | 总计).
fn header_rows(t: &Texts, columns: &[ColumnSpec], width: usize) -> Html {
    let pad = width.saturating_sub(columns.len());
    let pad = html! { if pad > 0 { <td class="pad" colspan={pad.to_string()}></td> } };
    if columns == APPLICANT_COLUMNS {
        let (first, rest) = columns.split_first().expect("applicant columns");
        let (last, orgs) = rest.split_last().expect("applicant columns");
        return html! {
            <>
                <tr class="col-head">
                    <td class="corner" rowspan="2">{ t.table_item }</td>
                    <th scope="col" rowspan="2">{ first.label_zh }</th>
                    <th scope="colgroup" colspan={orgs.len().to_string()}>{ APPLICANT_ORGANISATIONS_ZH }</th>
                    <th scope="col" rowspan="2">{ last.label_zh }</th>
                </tr>
                <tr class="col-head">{ for orgs.iter().map(|c| html! { <th scope="col">{ c.label_zh }</th> }) }</tr>
            </>
        };
    }
    html! {
        <tr class="col-head">
            <td class="corner">{ t.table_item }</td>
            { for columns.iter().map(|c| html! { <th scope="col">{ c.label_zh }</th> }) }
            { pad }
        </tr>
    }
}

fn render_cell(props: &TablesViewProps, t: &Texts, table: TableId, row: &GridRow, cell: &GridCell, failed: &[&str]) -> Html {
    let (text, class, note): (String, &str, Option<&str>) = match cell.read {
        CellRead::Number => (cell.value.map(format_number).unwrap_or_default(), "cell-number", None),
        CellRead::NoneMark => (shown(&cell.text).into_owned(), "cell-none", Some(t.cell_none)),
        CellRead::Empty => (String::new(), "cell-empty", Some(t.cell_empty)),
        CellRead::Text => (shown(&cell.text).into_owned(), "cell-text", Some(t.cell_text)),
        CellRead::Missing => (String::new(), "cell-missing", Some(t.cell_missing)),
    };
    let bad = !failed.is_empty();
    let mut title: Vec<String> = failed.iter().map(|m| m.to_string()).collect();
    title.extend(note.map(str::to_string));
    if let Some(line) = cell.line {
        title.push(fill(t.line, &[&line.to_string()]));
    }
    let content = html! {
        <>
            if bad { <span class="mark-bad" aria-hidden="true">{ "✖" }</span> }
            if cell.read == CellRead::Empty { <span class="mark-empty" aria-hidden="true">{ t.mark_empty }</span> }
            if cell.read == CellRead::Missing { <span class="mark-missing" aria-hidden="true">{ t.mark_missing }</span> }
            <span class="value">{ text }</span>
            // What a reader of the screen hears beside the number: how it was read, whether it fails.
            if let Some(note) = note { <span class="visually-hidden">{ format!("（{note}）") }</span> }
            if bad { <span class="visually-hidden">{ format!("（{}：{}）", t.cell_bad, failed.join("；")) }</span> }
        </>
    };
    html! {
        <td id={cell_dom_id(table, &row.id, &cell.column)} class={classes!("cell", class, bad.then_some("cell-bad"))}
            data-column={cell.column.clone()} data-read={cell.read.as_str()} data-bad={bad.then_some("true")} title={title.join("\n")}>
            if let Some(line) = cell.line {
                <button type="button" class="cell-link" onclick={ let cb = props.onjump.clone(); Callback::from(move |_| cb.emit(line)) }>{ content }</button>
            } else {
                { content }
            }
        </td>
    }
}
