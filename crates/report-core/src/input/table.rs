//! Tables as tables: the cells of a Word table (`w:tbl`, with `w:gridSpan` and `w:vMerge`) or
//! of a page's `<table>` (with `colspan` and `rowspan`), each with its grid row and column,
//! its spans and where its text stands in the text analysed. The text itself still has each
//! table row on one line (cells separated by a tab): the reader sees the same text, and a
//! later stage maps these cells onto a form's grid. Tables pasted as text are recovered into
//! the same model by the `tables` stage.

/// How a table reached the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A real table of a Word document or a saved page: rows, columns and spans are known.
    Grid,
    /// Pasted rows with `|` between cells (`a | b |`, `| a | b |`, runs of empty `|||`).
    Pipes,
    /// Pasted rows with tabs between cells (copied from Word or a spreadsheet).
    Tabs,
    /// One cell per line (`a |`, a lone `|` for an empty cell): rows are not known.
    CellPerLine,
}

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Grid row (0-based; for [`Layout::CellPerLine`] the line within the table).
    pub row: usize,
    /// Grid column (0-based), counting the columns earlier cells span.
    pub col: usize,
    /// Rows it spans (1 unless merged down).
    pub row_span: usize,
    /// Columns it spans (1 unless merged across).
    pub col_span: usize,
    /// Its text, trimmed (paragraphs joined by a space).
    pub text: String,
    /// Where its text starts in the text analysed (chars); an empty cell sits where its row
    /// (or the cell before it) is.
    pub start: usize,
    /// Where its text ends (chars).
    pub end: usize,
}

/// A table: its cells, row by row and left to right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// How it reached the analysis.
    pub layout: Layout,
    /// The cells, row by row, left to right; a merged cell appears once, in its first row.
    pub cells: Vec<Cell>,
}

impl Table {
    /// Whether the rows of the cells are the table's rows.
    pub fn rows_known(&self) -> bool {
        self.layout != Layout::CellPerLine
    }
}

/// A cell as a reader of markup sees it, before it is placed in the text: its text and spans
/// (`v_merge_continue`: a Word cell that continues the merged cell above it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RawCell {
    pub text: String,
    pub col_span: usize,
    pub row_span: usize,
    pub v_merge_continue: bool,
}

/// Places raw rows on the grid (spans, merges) and finds each cell's text in `text`, in
/// order: the readers write each table row as one line of the text, so every cell's text
/// is found after the one before it.
pub(crate) fn place(rows: Vec<Vec<RawCell>>, text: &str, from_byte: &mut usize) -> Table {
    let mut cells: Vec<Cell> = Vec::new();
    // For each grid column, the rows a cell above still covers (HTML rowspan).
    let mut covered: Vec<usize> = Vec::new();
    // For each grid column, the index in `cells` of the cell that a Word vMerge continues.
    let mut merge_owner: Vec<Option<usize>> = Vec::new();
    let mut char_at = CharIndex::new(text);
    for (r, row) in rows.into_iter().enumerate() {
        let mut col = 0;
        let mut last_end = char_at.chars_at(*from_byte);
        for raw in row {
            while covered.get(col).is_some_and(|&n| n > 0) {
                col += 1;
            }
            let span = raw.col_span.max(1);
            if raw.v_merge_continue {
                if let Some(Some(owner)) = merge_owner.get(col) {
                    cells[*owner].row_span += 1;
                }
                col += span;
                continue;
            }
            let trimmed = raw.text.trim();
            let (start, end) = match (!trimmed.is_empty()).then(|| find_cell(text, *from_byte, trimmed)).flatten() {
                Some(at) => {
                    let b = at;
                    *from_byte = b + trimmed.len();
                    (char_at.chars_at(b), char_at.chars_at(*from_byte))
                }
                None => (last_end, last_end),
            };
            last_end = end;
            if merge_owner.len() < col + span {
                merge_owner.resize(col + span, None);
            }
            for slot in &mut merge_owner[col..col + span] {
                *slot = Some(cells.len());
            }
            let row_span = raw.row_span.max(1);
            if row_span > 1 {
                if covered.len() < col + span {
                    covered.resize(col + span, 0);
                }
                for slot in &mut covered[col..col + span] {
                    *slot = row_span;
                }
            }
            cells.push(Cell { row: r, col, row_span, col_span: span, text: trimmed.to_string(), start, end });
            col += span;
        }
        for n in &mut covered {
            *n = n.saturating_sub(1);
        }
    }
    Table { layout: Layout::Grid, cells }
}

/// Where a cell's text stands in `text` from byte `from`: a whole cell of a row line (after
/// a line start or a tab, before a tab or a line end), not the same words inside a
/// paragraph (`行政复议` in the heading above its table).
fn find_cell(text: &str, from: usize, cell: &str) -> Option<usize> {
    let mut at = from;
    while let Some(k) = text[at..].find(cell) {
        let b = at + k;
        // Spaces a page leaves around a cell's text do not matter.
        let pad = |c: &char| *c == ' ' || *c == '\u{A0}';
        let before = text[..b].chars().rev().find(|c| !pad(c));
        let after = text[b + cell.len()..].chars().find(|c| !pad(c));
        let starts = before.is_none_or(|c| c == '\n' || c == '\t');
        let ends = after.is_none_or(|c| c == '\n' || c == '\t' || c == '\r');
        if starts && ends {
            return Some(b);
        }
        at = b + cell.len();
    }
    None
}

/// Byte offsets to char offsets, forward only (cells are found in order).
struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        CharIndex { text, byte: 0, chars: 0 }
    }

    fn chars_at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str, col_span: usize, row_span: usize, cont: bool) -> RawCell {
        RawCell { text: text.into(), col_span, row_span, v_merge_continue: cont }
    }

    #[test]
    fn spans_and_merges_take_their_grid_columns() {
        let text = "甲\t乙\n丙\t7\n8\n";
        let rows = vec![
            vec![raw("甲", 2, 1, false), raw("乙", 1, 1, false)],
            vec![raw("丙", 1, 2, false), raw("", 1, 1, false), raw("7", 1, 1, false)],
            vec![raw("", 1, 1, true), raw("8", 1, 1, false)],
        ];
        let t = place(rows, text, &mut 0);
        let cells: Vec<(usize, usize, usize, usize, &str, usize)> =
            t.cells.iter().map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.as_str(), c.start)).collect();
        // 丙 spans two rows by rowspan; row 2's first raw cell is a Word continuation
        // (ignored), and the covered column is skipped.
        assert_eq!(cells[0], (0, 0, 1, 2, "甲", 0));
        assert_eq!(cells[1], (0, 2, 1, 1, "乙", 2));
        assert_eq!(cells[2], (1, 0, 2, 1, "丙", 4));
        assert_eq!(cells[3].1, 1);
        assert_eq!(cells[4], (1, 2, 1, 1, "7", 6));
        assert_eq!(cells.len(), 6);
        assert_eq!((cells[5].1, cells[5].4, cells[5].5), (2, "8", 8));
    }
}
