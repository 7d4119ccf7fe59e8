//! Spreadsheet exports: the metrics of one or more summaries as CSV (RFC 4180, UTF-8 with
//! a BOM so that Excel reads the Chinese correctly).
//!
//! Cells are guarded against formula injection: a cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return is prefixed with `'`, as OWASP recommends, so a
//! spreadsheet shows it as text instead of running it.
//!
//! ```
//! let s = report_core::analyze_text("一、主要举措和成效\n发放资料3000余份。", Some("a.txt"));
//! let csv = report_core::export::metrics_csv(&[&s]);
//! assert!(csv.lines().nth(1).unwrap().starts_with("a.txt,2,measures,"));
//! ```

use crate::Summary;

/// The CSV header of [`metrics_csv`].
pub const METRICS_HEADER: &[&str] = &["report", "line", "section", "heading", "what", "value", "approx", "unit", "text"];

/// The same header in Chinese, for a spreadsheet user ([`Wording::Chinese`]).
pub const METRICS_HEADER_ZH: &[&str] = &["报告", "行", "所在部分", "所在标题", "统计对象", "数值", "精确程度", "单位", "原文"];

/// How the cells of a CSV are worded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Wording {
    /// Column names and values as the JSON's ids (`measures`, `at_least`, `township`): for
    /// scripts. What `report-cli` writes.
    #[default]
    Codes,
    /// Chinese column names and values (`主要举措和成效`, `以上`, `乡镇（街道）`): for a reader
    /// of a Chinese spreadsheet.
    Chinese,
}

impl Wording {
    /// An enum's cell: its id, or its Chinese name.
    pub(crate) fn cell(self, code: &str, zh: &str) -> String {
        match self {
            Wording::Codes => code.to_string(),
            Wording::Chinese => zh.to_string(),
        }
    }
}

/// The metrics of `summaries`, one row each, with the report's file name (or issuer) first.
pub fn metrics_csv(summaries: &[&Summary]) -> String {
    metrics_csv_worded(summaries, Wording::Codes)
}

/// [`metrics_csv`] with its header and values worded as asked.
pub fn metrics_csv_worded(summaries: &[&Summary], wording: Wording) -> String {
    let zh = crate::messages::Lang::Zh;
    let mut out = String::from("\u{FEFF}");
    let header = if wording == Wording::Chinese { METRICS_HEADER_ZH } else { METRICS_HEADER };
    write_row(&mut out, header.iter().map(|s| s.to_string()));
    for s in summaries {
        let report = report_label(s);
        for m in &s.metrics {
            write_row(
                &mut out,
                [
                    report.clone(),
                    m.line.to_string(),
                    m.section.map(|p| wording.cell(p.as_str(), crate::messages::part_name(p, zh))).unwrap_or_default(),
                    m.heading.clone().unwrap_or_default(),
                    m.what.clone().unwrap_or_default(),
                    format_number(m.value),
                    wording.cell(m.approx.as_str(), crate::messages::approx_name(m.approx, zh)),
                    m.unit.clone(),
                    m.text.clone(),
                ],
            );
        }
    }
    out
}

/// The CSV header of [`tables_csv`].
pub const TABLES_HEADER: &[&str] = &["report", "table", "row", "column", "value", "read", "form", "line"];

/// Every standard table of every summary in long form — one row per cell: report, table,
/// row, column, value (empty when the cell is empty, unreadable or missing), how the cell was
/// read (`number`, `none_mark`, `empty`, `text`, `missing`), the form (`2019`, `2021`) and the
/// cell's line. Rows the report lacks have no cells; the ids are those of `forms`.
///
/// ```
/// let s = report_core::analyze_text("某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", Some("a.txt"));
/// let csv = report_core::export::tables_csv(&[&s]);
/// assert!(csv.contains("a.txt,review_litigation,review,total,1,number,2021,"));
/// ```
pub fn tables_csv(summaries: &[&Summary]) -> String {
    let mut out = String::from("\u{FEFF}");
    write_row(&mut out, TABLES_HEADER.iter().map(|s| s.to_string()));
    for s in summaries {
        let report = report_label(s);
        for t in &s.tables {
            let form = t.form.as_str();
            for r in &t.rows {
                for c in &r.cells {
                    let read = c.read.as_str();
                    write_row(
                        &mut out,
                        [
                            report.clone(),
                            t.id.as_str().to_string(),
                            r.id.clone(),
                            c.column.clone(),
                            c.value.map(format_number).unwrap_or_default(),
                            read.to_string(),
                            form.to_string(),
                            c.line.map(|l| l.to_string()).unwrap_or_default(),
                        ],
                    );
                }
            }
        }
    }
    out
}

/// How a report is named in exports: its file name, else its issuer and year.
pub fn report_label(s: &Summary) -> String {
    s.source.name.clone().unwrap_or_else(|| {
        let issuer = s.meta.issuer.clone().unwrap_or_else(|| "报告".to_string());
        match s.meta.report_year {
            Some(y) => format!("{issuer}-{y}"),
            None => issuer,
        }
    })
}

/// A number as the JSON writes it (no `.0` on integers).
pub fn format_number(v: f64) -> String {
    match crate::numerals::as_integer(v) {
        Some(i) => i.to_string(),
        None => format!("{v}"),
    }
}

/// Appends one CSV row.
pub fn write_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let mut first = true;
    for cell in cells {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&csv_cell(&cell));
    }
    out.push_str("\r\n");
}

/// One cell: guarded against formulas, quoted when needed.
pub fn csv_cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_injection_is_defused() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("宣传资料"), "宣传资料");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
    }

    #[test]
    fn chinese_wording_names_columns_and_values_for_a_reader() {
        let s = crate::analyze_text("一、主要举措和成效\n发放资料3000余份。", Some("a.txt"));
        let codes = metrics_csv_worded(&[&s], Wording::Codes);
        let chinese = metrics_csv_worded(&[&s], Wording::Chinese);
        assert_eq!(codes, metrics_csv(&[&s]), "codes are the default");
        let rows: Vec<&str> = chinese.trim_start_matches('\u{FEFF}').lines().collect();
        assert_eq!(rows[0], "报告,行,所在部分,所在标题,统计对象,数值,精确程度,单位,原文");
        assert!(rows[1].starts_with("a.txt,2,主要举措和成效,"), "{}", rows[1]);
        assert!(rows[1].contains(",3000,以上,份,"), "{}", rows[1]);
    }

    #[test]
    fn numbers_as_in_json() {
        assert_eq!(format_number(30000.0), "30000");
        assert_eq!(format_number(1.2), "1.2");
    }
}
