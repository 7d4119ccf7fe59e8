//! Stage 6b — the standard tables, read onto the form's grid: which of the text's tables is
//! which standard table ([`crate::forms`]), which of its cells is which row and column, and
//! what each cell says.
//!
//! Rows are found by their labels, not by their place: a label cell names a row when it
//! holds one of the row's words (after its number, `（三）`, `1.`, is removed); rows are read
//! in the form's order, an item (`1.属于国家秘密`) only under its group, and the first row
//! read must be one of the form's first rows (so that the header's `总计` or `其他` is not
//! taken for a row). A row's values are the value cells that follow its label, as many as
//! the form gives it columns, in the form's column order; cells after them (the padding
//! that copies add, `|||`) are not values. When rows are known (Word, pages, `|` and tab
//! rows), a row's values end with its row; copies with one cell per line rely on the labels
//! alone. The form's version (2019 or 2021) is told by column labels only one version prints
//! (`本年制发件数` or `本年新制作数量`, the items of （六）), else by the report year.
//!
//! What a cell says ([`CellRead`]): a number; `/`, `—`, `-` or `无`, read as **zero** (the
//! report says there were none); an empty cell, **absent** (`value: null`; the checks count
//! it as zero, as the form's own sums do when a report leaves zeros blank); other text,
//! unreadable; and a cell the row lacks, missing.

use crate::document::Document;
use crate::forms::{self, FormId, Reading, RowSpec, TableId, TableSpec};
use crate::input::table::{Layout, Table};
use crate::normalize::fold_str;
use crate::numerals::write_number;
use crate::tables::{line_at, Tables};
use serde::{Deserialize, Serialize};

/// What a cell says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CellRead {
    /// A number.
    Number,
    /// `/`, `—`, `-`, `无`: none, read as 0.
    NoneMark,
    /// Nothing: absent (`value` null), counted as 0 by the checks.
    Empty,
    /// Text that is not a number: unreadable (`value` null, left out of the checks).
    Text,
    /// The row has no cell for this column (`value` null, left out of the checks).
    Missing,
}

crate::names::read_by_name!(CellRead { Number => "number", NoneMark => "none_mark", Empty => "empty", Text => "text", Missing => "missing" });

/// One cell of a standard table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridCell {
    /// The column's stable id (see `forms`).
    pub column: String,
    /// The number it says: the number, 0 for a none mark, null when empty, unreadable or
    /// missing.
    #[serde(serialize_with = "write_optional_number")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<f64>"))]
    pub value: Option<f64>,
    /// How it was read.
    pub read: CellRead,
    /// The cell's text as printed.
    pub text: String,
    /// Its line (1-based); null when missing.
    pub line: Option<usize>,
    /// Its text, `[start, end)` in chars; null when missing.
    pub span: Option<(usize, usize)>,
}

/// One row of a standard table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GridRow {
    /// The row's stable id (see `forms`).
    pub id: String,
    /// The group row it is an item of.
    pub group: Option<String>,
    /// Whether a label naming the row was found.
    pub found: bool,
    /// The label as printed.
    pub label: Option<String>,
    /// The label's line (1-based).
    pub line: Option<usize>,
    /// The row's cells in the form's column order; empty when the row was not found, and
    /// for a group whose items carry its numbers (the 2021 form's （三）…（六）).
    pub cells: Vec<GridCell>,
}

/// A standard table as read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StandardTable {
    /// The table's stable id.
    pub id: TableId,
    /// The form version read.
    pub form: FormId,
    /// Whether the table was found.
    pub found: bool,
    /// Its first line (1-based).
    pub line: Option<usize>,
    /// Every row of the form, in the form's order.
    pub rows: Vec<GridRow>,
}

impl StandardTable {
    /// Row `id`.
    pub fn row(&self, id: &str) -> Option<&GridRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The spec this table was read by.
    pub fn spec(&self) -> &'static TableSpec {
        forms::spec(self.id, self.form)
    }
}

impl GridRow {
    /// The cell of column `id`.
    pub fn cell(&self, id: &str) -> Option<&GridCell> {
        self.cells.iter().find(|c| c.column == id)
    }
}

/// Writes an optional number as the summary writes numbers (integers without a fraction).
pub(crate) fn write_optional_number<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => write_number(v, s),
        None => s.serialize_none(),
    }
}

/// A cell of the text's tables, folded and classified.
struct Token {
    /// Which table, and which row of it (rows of [`Layout::CellPerLine`] are lines).
    table: usize,
    row: usize,
    rows_known: bool,
    /// Folded text without spaces.
    key: String,
    text: String,
    read: CellRead,
    value: Option<f64>,
    start: usize,
    end: usize,
}

/// Reads the standard tables of every form the kind has, from the text's tables.
pub(crate) fn read(doc: &Document, tables: &Tables, report_year: Option<i32>) -> Vec<StandardTable> {
    let tokens = tokens(&tables.tables);
    let form = form_of(&tokens, report_year);
    forms::tables_of(form).map(|spec| read_table(doc, spec, &tokens)).collect()
}

fn tokens(tables: &[Table]) -> Vec<Token> {
    let mut out = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        for c in &table.cells {
            let key: String = fold_str(&c.text).chars().filter(|c| !c.is_whitespace()).collect();
            let (read, value) = classify(&key);
            out.push(Token {
                table: t,
                row: c.row,
                rows_known: table.layout != Layout::CellPerLine,
                key,
                text: c.text.clone(),
                read,
                value,
                start: c.start,
                end: c.end,
            });
        }
    }
    out
}

/// What a cell's folded text says.
fn classify(key: &str) -> (CellRead, Option<f64>) {
    if key.is_empty() {
        return (CellRead::Empty, None);
    }
    if matches!(key, "/" | "-" | "—" | "——" | "--" | "无" | "\\" | "／") {
        return (CellRead::NoneMark, Some(0.0));
    }
    // A count may carry its unit (`3件`); thousands separators are allowed.
    let number = key.trim_end_matches(['件', '个', '项', '条', '次', '起', '人']).trim_end_matches("万元").replace(',', "");
    let unsigned = number.strip_prefix(['+', '-']).unwrap_or(&number);
    let numeric = !unsigned.is_empty()
        && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && unsigned.chars().next().is_some_and(|c| c.is_ascii_digit())
        && unsigned.matches('.').count() <= 1;
    // By hand, not `str::parse::<f64>`: the float parser's tables stay out of the web app.
    let value = numeric.then(|| crate::metrics::number::decimal_value(unsigned)).flatten();
    match value.map(|v| if number.starts_with('-') { -v } else { v }) {
        Some(v) => (CellRead::Number, Some(v)),
        None => (CellRead::Text, None),
    }
}

/// The form version the cells' labels tell, else the report year's.
fn form_of(tokens: &[Token], report_year: Option<i32>) -> FormId {
    let count = |form: FormId| {
        forms::tables_of(form).flat_map(|t| t.form_words.iter()).filter(|w| tokens.iter().any(|k| k.key.contains(*w))).count()
    };
    match (count(FormId::Form2019), count(FormId::Form2021)) {
        (a, b) if a > b => FormId::Form2019,
        (a, b) if b > a => FormId::Form2021,
        _ => forms::form_for_year(report_year),
    }
}

/// A label without its leading number (`（三）`, `1.`, `一、`, `(1)`).
fn without_number(key: &str) -> &str {
    let k = key.trim_start_matches(['(', '（']);
    let k = k.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    k.trim_start_matches([')', '）', '、', '.', '．', ':', '：'])
}

fn names(spec: &RowSpec, label: &str) -> bool {
    if spec.exact {
        spec.words.contains(&label)
    } else {
        spec.words.iter().any(|w| label.contains(w))
    }
}

/// How many of the form's first rows may be the first one read (a report may leave out
/// the first, not more).
const FIRST_ROWS: usize = 2;

fn read_table(doc: &Document, spec: &'static TableSpec, tokens: &[Token]) -> StandardTable {
    // The tables holding one of its anchors, from the first anchor on.
    let first = tokens.iter().position(|t| t.read == CellRead::Text && spec.anchors.iter().any(|a| t.key.contains(a)));
    let mut table = StandardTable {
        id: spec.id,
        form: spec.form,
        found: false,
        line: None,
        rows: spec
            .rows
            .iter()
            .map(|r| GridRow {
                id: r.id.into(),
                group: r.group.map(str::to_string),
                found: false,
                label: None,
                line: None,
                cells: Vec::new(),
            })
            .collect(),
    };
    let Some(first) = first else { return table };
    let anchored: Vec<usize> =
        tokens.iter().filter(|t| t.read == CellRead::Text && spec.anchors.iter().any(|a| t.key.contains(a))).map(|t| t.table).collect();
    let scope: Vec<&Token> = tokens[first..].iter().filter(|t| anchored.contains(&t.table)).collect();
    table.line = line_at(doc, tokens[first].start);
    match spec.reading {
        Reading::LabelledRows => read_labelled(doc, spec, &scope, &mut table),
        Reading::OneRunAfterHeader => read_run(doc, spec, &scope, &mut table),
    }
    table.found = table.rows.iter().any(|r| r.found);
    // A group whose items were read carries no numbers of its own in the form.
    table
}

fn cell_of(doc: &Document, column: &str, t: &Token) -> GridCell {
    GridCell {
        column: column.into(),
        value: t.value,
        read: t.read,
        text: t.text.clone(),
        line: line_at(doc, t.start),
        span: Some((t.start, t.end)),
    }
}

fn missing_cell(column: &str) -> GridCell {
    GridCell { column: column.into(), value: None, read: CellRead::Missing, text: String::new(), line: None, span: None }
}

fn read_labelled(doc: &Document, spec: &TableSpec, scope: &[&Token], table: &mut StandardTable) {
    // The row being read: its index in the form, and where its label's row is.
    let mut current: Option<(usize, usize, usize)> = None; // (row index, token table, token row)
    let mut last: Option<usize> = None;
    let finish = |table: &mut StandardTable, current: &Option<(usize, usize, usize)>| {
        if let Some((r, _, _)) = *current {
            let spec_row = &spec.rows[r];
            let row = &mut table.rows[r];
            let has_items = spec.items(spec_row.id).next().is_some();
            // A group's own row is filled in only when it has values.
            if has_items && row.cells.iter().all(|c| c.read == CellRead::Empty) {
                row.cells.clear();
            } else {
                while row.cells.len() < spec_row.columns.len() {
                    let id = spec_row.columns[row.cells.len()].id;
                    row.cells.push(missing_cell(id));
                }
            }
        }
    };
    for t in scope {
        if let Some((_, table_at, row_at)) = current {
            if t.rows_known && (t.table != table_at || t.row != row_at) {
                finish(table, &current);
                current = None;
            }
        }
        if t.read == CellRead::Text {
            let label = without_number(&t.key);
            let from = last.map_or(0, |l| l + 1);
            let to = if last.is_none() { FIRST_ROWS.min(spec.rows.len()) } else { spec.rows.len() };
            let found = (from..to).find(|&k| {
                let r = &spec.rows[k];
                let under_group = match (r.group, last) {
                    (None, _) => true,
                    (Some(g), Some(l)) => spec.rows[l].id == g || spec.rows[l].group == Some(g),
                    (Some(_), None) => false,
                };
                under_group && names(r, label)
            });
            if let Some(k) = found {
                finish(table, &current);
                current = Some((k, t.table, t.row));
                last = Some(k);
                let row = &mut table.rows[k];
                row.found = true;
                row.label = Some(t.text.clone());
                row.line = line_at(doc, t.start);
                continue;
            }
            // Text that names no row, in a known row after its label's values began: an
            // unreadable value (`见附件`); elsewhere a header or a group's heading cell.
            let collecting = current.is_some_and(|(r, _, _)| t.rows_known && !table.rows[r].cells.is_empty());
            if !collecting {
                continue;
            }
        }
        let Some((r, _, _)) = current else { continue };
        let columns = spec.rows[r].columns;
        let row = &mut table.rows[r];
        if row.cells.len() < columns.len() {
            row.cells.push(cell_of(doc, columns[row.cells.len()].id, t));
        }
    }
    finish(table, &current);
}

fn read_run(doc: &Document, spec: &TableSpec, scope: &[&Token], table: &mut StandardTable) {
    // The values follow the last label of the anchored table.
    let Some(first) = scope.first() else { return };
    let own: Vec<&&Token> = scope.iter().filter(|t| t.table == first.table).collect();
    let after = own.iter().rposition(|t| t.read == CellRead::Text).map_or(0, |k| k + 1);
    let mut values: Vec<&Token> = own[after..].iter().map(|t| **t).collect();
    let wanted: usize = spec.rows.iter().map(|r| r.columns.len()).sum();
    // Padding of empty cells copies add at the end, then at the start.
    while values.len() > wanted && values.last().is_some_and(|t| t.read == CellRead::Empty) {
        values.pop();
    }
    while values.len() > wanted && values.first().is_some_and(|t| t.read == CellRead::Empty) {
        values.remove(0);
    }
    if values.is_empty() {
        return;
    }
    let mut it = values.into_iter();
    for (k, r) in spec.rows.iter().enumerate() {
        let row = &mut table.rows[k];
        row.found = true;
        for c in r.columns {
            row.cells.push(match it.next() {
                Some(t) => cell_of(doc, c.id, t),
                None => missing_cell(c.id),
            });
        }
        row.line = row.cells.iter().find_map(|c| c.line);
    }
}

#[cfg(all(test, feature = "disclosure"))]
mod fixtures;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_say_numbers_none_or_nothing() {
        assert_eq!(classify("12"), (CellRead::Number, Some(12.0)));
        assert_eq!(classify("3件"), (CellRead::Number, Some(3.0)));
        assert_eq!(classify("1,234.5"), (CellRead::Number, Some(1234.5)));
        assert_eq!(classify("-2"), (CellRead::Number, Some(-2.0)));
        assert_eq!(classify("/"), (CellRead::NoneMark, Some(0.0)));
        assert_eq!(classify("无"), (CellRead::NoneMark, Some(0.0)));
        assert_eq!(classify(""), (CellRead::Empty, None));
        assert_eq!(classify("行政许可"), (CellRead::Text, None));
        assert_eq!(classify("1.属于国家秘密"), (CellRead::Text, None));
    }

    #[test]
    fn names_are_the_json_names() {
        for r in [CellRead::Number, CellRead::NoneMark, CellRead::Empty, CellRead::Text, CellRead::Missing] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
        for f in [FormId::Form2019, FormId::Form2021] {
            assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
        }
    }

    #[test]
    fn labels_lose_their_numbers() {
        assert_eq!(without_number("(三)不予公开"), "不予公开");
        assert_eq!(without_number("3.其他"), "其他");
        assert_eq!(without_number("一、本年新收政府信息公开申请数量"), "本年新收政府信息公开申请数量");
    }
}
