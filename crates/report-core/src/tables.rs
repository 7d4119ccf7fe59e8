//! Stage 3b — tables: the tables of the text, as cells (a tokenizer of table rows, next to
//! `lines`). A Word document's or a saved page's tables come from the input as they are
//! (grid rows and columns, spans); tables pasted as text are recovered from their lines in
//! every way they arrive flattened:
//!
//! - rows with `|` between cells, with or without a leading `|` (`a | b |`, `| a | b |`),
//!   runs of empty cells (`|||`) and markdown separator rows (`|---|---|`);
//! - rows with tabs between cells (copied from Word or a spreadsheet);
//! - one cell per line, each ending with `|` (a lone `|` is an empty cell): the rows are
//!   lost, and the form's row labels later tell where each row starts.
//!
//! Which table is which, and which cell is which of a form's cells, is decided later, by
//! labels (`forms`, `grids`); this stage only says where the cells are.
//!
//! Tables are looked for in reports of a kind that has standard tables (政府信息公开工作年度报告):
//!
//! ```
//! let text = "某局2024年政府信息公开工作年度报告\n说明\n规章 | 2 | 0 | 5 |\n行政许可 | 7 |\n";
//! let a = report_core::analyze_full(text.as_bytes(), None);
//! assert_eq!(a.tables.len(), 1);
//! let cells: Vec<&str> = a.tables[0].cells.iter().map(|c| c.text.as_str()).collect();
//! assert_eq!(cells, ["规章", "2", "0", "5", "行政许可", "7"]);
//! ```

use crate::document::Document;
use crate::input::table::{Cell, Layout, Table};
use crate::lines::LineKind;

/// The tables of a text and the lines they take.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tables {
    /// The tables, in text order.
    pub tables: Vec<Table>,
    /// The lines (1-based) any table takes, sorted.
    pub lines: Vec<usize>,
}

impl Tables {
    /// The input's tables (a Word document's, a saved page's), and the tables recovered
    /// from the lines they do not take.
    pub fn find(doc: &Document, given: Vec<Table>) -> Tables {
        let mut lines: Vec<usize> = Vec::new();
        for t in &given {
            for c in &t.cells {
                if let Some(n) = line_at(doc, c.start) {
                    lines.push(n);
                }
            }
        }
        lines.sort_unstable();
        lines.dedup();
        let mut tables = given;
        let mut run: Vec<usize> = Vec::new(); // indices into doc.lines
        let flush = |run: &mut Vec<usize>, tables: &mut Vec<Table>, lines: &mut Vec<usize>| {
            // A lone line with a bar is prose or page furniture, not a table.
            if run.len() >= 2 {
                if let Some(t) = recover(doc, run) {
                    lines.extend(run.iter().map(|&i| doc.lines[i].number));
                    tables.push(t);
                }
            }
            run.clear();
        };
        for (i, line) in doc.lines.iter().enumerate() {
            let taken = lines.binary_search(&line.number).is_ok();
            // Page furniture is recognised by having no words: a row of empty cells or of
            // numbers (`|`, `0 |`) looks the same, and is a table row when it has a bar.
            let cells_only =
                || doc.folded[line.start..line.end].iter().all(|&c| CELL_CHARS.contains(c) || c.is_ascii_digit() || c.is_whitespace());
            let row_kind = line.kind == LineKind::Text || (line.kind == LineKind::Chrome && cells_only());
            if !taken && row_kind && separator(doc, line.start, line.end).is_some() {
                run.push(i);
            } else if line.kind == LineKind::Blank && !run.is_empty() {
                // Blank lines inside a pasted table do not end it; a line of tabs alone is a
                // row of empty cells.
                if (line.start..line.end).any(|k| is_sep(doc, k, '\t')) {
                    run.push(i);
                }
            } else {
                flush(&mut run, &mut tables, &mut lines);
            }
        }
        flush(&mut run, &mut tables, &mut lines);
        tables.sort_by_key(|t| t.cells.first().map_or(0, |c| c.start));
        lines.sort_unstable();
        lines.dedup();
        Tables { tables, lines }
    }
}

/// Chars of a row of numbers or empty cells (besides digits and spaces).
const CELL_CHARS: &str = "|\t/\\-—.,+无";

/// The line (1-based) that holds char `pos`.
pub(crate) fn line_at(doc: &Document, pos: usize) -> Option<usize> {
    let k = doc.lines.partition_point(|l| l.start <= pos);
    k.checked_sub(1).map(|k| doc.lines[k].number)
}

/// The cell separator a line uses, if any: `|` first (a tab inside a `|` row is space).
fn separator(doc: &Document, start: usize, end: usize) -> Option<char> {
    let chars = &doc.folded[start..end];
    if chars.contains(&'|') {
        Some('|')
    } else if (start..end).any(|k| is_sep(doc, k, '\t')) && chars.iter().any(|c| !c.is_whitespace()) {
        Some('\t')
    } else {
        None
    }
}

/// Whether char `k` separates cells: folding makes a tab a space, so tabs are seen in the
/// original text.
fn is_sep(doc: &Document, k: usize, sep: char) -> bool {
    match sep {
        '\t' => doc.folded[k] == ' ' && doc.original_at(k) == '\t',
        _ => doc.folded[k] == sep,
    }
}

/// The pieces of a line between separators, as trimmed `(start, end)` char ranges.
fn pieces(doc: &Document, start: usize, end: usize, sep: char) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    for k in start..=end {
        if k == end || is_sep(doc, k, sep) {
            out.push(doc.trim(from, k));
            from = k + 1;
        }
    }
    out
}

/// A run of table lines as one table.
fn recover(doc: &Document, run: &[usize]) -> Option<Table> {
    let rows: Vec<usize> = run.to_vec();
    let sep = if rows.iter().any(|&i| separator(doc, doc.lines[i].start, doc.lines[i].end) == Some('|')) { '|' } else { '\t' };
    let trimmed = |i: usize| doc.trim(doc.lines[i].start, doc.lines[i].end);
    let starts_with_sep = rows.iter().filter(|&&i| {
        let (s, e) = trimmed(i);
        s < e && doc.folded[s] == sep
    });
    let leading = sep == '|' && starts_with_sep.count() * 10 >= rows.len() * 6;
    let mut per_line: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    for &i in &rows {
        // A tab row keeps its leading and trailing tabs: they are empty cells.
        let (s, e) = if sep == '\t' { (doc.lines[i].start, doc.lines[i].end) } else { trimmed(i) };
        let mut p = pieces(doc, s, e, sep);
        if sep == '|' && s < e && doc.folded[e - 1] == '|' && p.len() > 1 {
            p.pop();
        }
        if leading && s < e && doc.folded[s] == '|' && p.len() > 1 {
            p.remove(0);
        }
        // Markdown's separator row.
        let rule = p.iter().all(|&(a, b)| doc.folded[a..b].iter().all(|c| matches!(c, '-' | ':' | ' '))) && p.iter().any(|&(a, b)| b > a);
        if !rule {
            per_line.push((i, p));
        }
    }
    let filled = |p: &[(usize, usize)]| p.iter().filter(|(a, b)| b > a).count();
    let one_per_line = per_line.iter().filter(|(_, p)| filled(p) <= 1).count() * 10 >= per_line.len() * 7;
    let layout = match (sep, one_per_line) {
        ('|', true) => Layout::CellPerLine,
        ('|', false) => Layout::Pipes,
        _ => Layout::Tabs,
    };
    let mut cells = Vec::new();
    for (row, (_, p)) in per_line.iter().enumerate() {
        for (col, &(a, b)) in p.iter().enumerate() {
            cells.push(Cell { row, col, row_span: 1, col_span: 1, text: doc.original_str(a, b), start: a, end: b });
        }
    }
    (!cells.is_empty()).then_some(Table { layout, cells })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Vec<(Layout, Vec<Vec<String>>)> {
        let doc = Document::new(text);
        Tables::find(&doc, Vec::new())
            .tables
            .into_iter()
            .map(|t| {
                let mut rows: Vec<Vec<String>> = Vec::new();
                for c in &t.cells {
                    if rows.len() <= c.row {
                        rows.resize(c.row + 1, Vec::new());
                    }
                    rows[c.row].push(c.text.clone());
                }
                (t.layout, rows)
            })
            .collect()
    }

    #[test]
    fn bar_rows_keep_their_empty_cells() {
        let t = tables("正文。\n甲 | 1 | | 3 |\n| 乙 | | 4 |\n正文。");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0, Layout::Pipes);
        assert_eq!(t[0].1, [vec!["甲", "1", "", "3"], vec!["", "乙", "", "4"]]);
    }

    #[test]
    fn markdown_rows_drop_the_leading_bar_and_the_rule() {
        let t = tables("| 甲 | 1 | 2 |\n|---|---|---|\n| 乙 | 3 | |||\n");
        assert_eq!(t[0].1, [vec!["甲", "1", "2"], vec!["乙", "3", "", "", ""]]);
    }

    #[test]
    fn tab_rows_and_one_cell_per_line() {
        let t = tables("甲\t1\t\t2\n乙\t3\t4\t5\n");
        assert_eq!((t[0].0, t[0].1[0].len()), (Layout::Tabs, 4));
        let t = tables("甲 |\n1 |\n|\n乙 |\n||\n");
        assert_eq!(t[0].0, Layout::CellPerLine);
        let cells: Vec<String> = t[0].1.concat();
        assert_eq!(cells, ["甲", "1", "", "乙", "", ""]);
    }

    #[test]
    fn a_single_bar_line_is_not_a_table() {
        assert!(tables("首页 | 政务公开\n正文。").is_empty());
    }
}
