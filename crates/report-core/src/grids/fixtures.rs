//! 政府信息公开工作年度报告 written for these tests — every number our own — in every layout
//! the tables arrive in: a Word document with merged cells (built here from XML), a saved page
//! with `rowspan`/`colspan`, `|` rows (with merged cells as empty cells and a header split over
//! two lines), markdown-like rows padded with empty cells, tab rows, and one cell per line.
//! Both forms (2019, 2021); consistent tables, and tables with inconsistencies planted one at
//! a time, each expected to fire its own check and nothing else.

use crate::findings::{Finding, FindingCode, Severity};
use crate::forms::{FormId, TableId};
use crate::grids::{CellRead, StandardTable};
use crate::input::zip::tests::stored_zip;
use crate::kinds::{KindId, PartId};
use crate::sections::Status;
use crate::Summary;

/// A cell of a table as a page writes it: text, `colspan`, `rowspan`.
#[derive(Clone, Debug)]
struct C {
    text: String,
    colspan: usize,
    rowspan: usize,
}

fn c(text: &str) -> C {
    C { text: text.into(), colspan: 1, rowspan: 1 }
}

fn span(text: &str, colspan: usize, rowspan: usize) -> C {
    C { text: text.into(), colspan, rowspan }
}

type Grid = Vec<Vec<C>>;

/// The numbers of one report's tables (strings: a cell may be `/` or blank).
#[derive(Clone)]
struct Numbers {
    form: FormId,
    /// Part 二: row label → its values.
    proactive: Vec<(&'static str, Vec<String>)>,
    /// Part 三: row id → its seven values.
    applications: Vec<(&'static str, [String; 7])>,
    /// Part 四: the fifteen values.
    review: [String; 15],
}

fn s7(v: [i32; 7]) -> [String; 7] {
    v.map(|n| n.to_string())
}

fn row7(n: [i32; 6]) -> [String; 7] {
    s7([n[0], n[1], n[2], n[3], n[4], n[5], n.iter().sum()])
}

/// Consistent numbers (our own) for `form`.
fn consistent(form: FormId) -> Numbers {
    let strs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let proactive = match form {
        FormId::Form2021 => vec![
            ("规章", strs(&["1", "0", "12"])),
            ("行政规范性文件", strs(&["4", "2", "37"])),
            ("行政许可", strs(&["156"])),
            ("行政处罚", strs(&["48"])),
            ("行政强制", strs(&["3"])),
            ("行政事业性收费", strs(&["12.5"])),
        ],
        FormId::Form2019 => vec![
            ("规章", strs(&["1", "1", "12"])),
            ("规范性文件", strs(&["4", "4", "37"])),
            ("行政许可", strs(&["20", "+2", "156"])),
            ("其他对外管理服务事项", strs(&["5", "-1", "30"])),
            ("行政处罚", strs(&["10", "0", "48"])),
            ("行政强制", strs(&["3", "1", "3"])),
            ("行政事业性收费", strs(&["2", "0"])),
            ("政府集中采购", strs(&["7", "86.3"])),
        ],
    };
    let mut applications = vec![
        ("new", row7([20, 5, 1, 0, 2, 1])),
        ("carried_over", row7([3, 1, 0, 0, 0, 0])),
        ("granted", row7([10, 2, 0, 0, 1, 0])),
        ("partly_granted", row7([2, 1, 0, 0, 0, 0])),
        ("refused_state_secret", row7([1, 0, 0, 0, 0, 0])),
        ("refused_prohibited_by_law", row7([0; 6])),
        ("refused_security_stability", row7([0; 6])),
        ("refused_third_party", row7([1, 1, 0, 0, 0, 0])),
        ("refused_internal_affairs", row7([0; 6])),
        ("refused_process_info", row7([1, 0, 0, 0, 0, 0])),
        ("refused_enforcement_files", row7([0; 6])),
        ("refused_inquiry", row7([0; 6])),
        ("unavailable_not_held", row7([3, 1, 0, 0, 0, 1])),
        ("unavailable_needs_creation", row7([1, 0, 0, 0, 0, 0])),
        ("unavailable_unclear", row7([0; 6])),
        ("not_processed_petition", row7([1, 0, 0, 0, 0, 0])),
        ("not_processed_repeated", row7([1, 0, 0, 0, 0, 0])),
        ("not_processed_publication", row7([0; 6])),
        ("not_processed_mass", row7([0; 6])),
        ("not_processed_confirmation", row7([0; 6])),
    ];
    match form {
        FormId::Form2021 => applications.extend([
            ("other_handling_no_correction", row7([1, 0, 0, 0, 0, 0])),
            ("other_handling_no_fee", row7([0; 6])),
            ("other_handling_other", row7([0; 6])),
        ]),
        FormId::Form2019 => applications.push(("other_handling", row7([1, 0, 0, 0, 0, 0]))),
    }
    applications.push(("total", row7([22, 5, 0, 0, 1, 1])));
    applications.push(("carried_forward", row7([1, 1, 1, 0, 1, 0])));
    let review = [2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1].map(|n| n.to_string());
    Numbers { form, proactive, applications, review }
}

impl Numbers {
    fn set(&mut self, row: &str, column: usize, value: &str) -> &mut Self {
        let r = self.applications.iter_mut().find(|(id, _)| *id == row).expect("a row of the fixture");
        r.1[column] = value.to_string();
        self
    }
}

fn application_label(form: FormId, id: &str) -> &'static str {
    let rows = match form {
        FormId::Form2021 => crate::forms::APPLICATION_ROWS_2021,
        FormId::Form2019 => crate::forms::APPLICATION_ROWS_2019,
    };
    match id {
        // The form's full wording of the (六) items, as reports print it.
        "other_handling_no_correction" => "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other_handling_no_fee" => "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "partly_granted" => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _ => rows.iter().find(|r| r.id == id).map(|r| r.label_zh).expect("a row of the form"),
    }
}

fn proactive_grid(n: &Numbers) -> Grid {
    let mut g: Grid = Vec::new();
    let v = |label: &str| n.proactive.iter().find(|(l, _)| *l == label).map(|(_, v)| v.clone()).unwrap_or_default();
    let block = |g: &mut Grid, item: &str, header: &[&str], rows: &[&str]| {
        g.push(vec![span(&format!("第二十条第（{item}）项"), 4, 1)]);
        let mut h = vec![c("信息内容")];
        if header.len() == 1 {
            h.push(span(header[0], 3, 1));
        } else {
            h.extend(header.iter().map(|t| c(t)));
            while h.len() < 4 {
                h.push(c(""));
            }
        }
        g.push(h);
        for r in rows {
            let values = v(r);
            let mut row = vec![c(r)];
            if values.len() == 1 {
                row.push(span(&values[0], 3, 1));
            } else {
                row.extend(values.iter().map(|t| c(t)));
                while row.len() < 4 {
                    row.push(c(""));
                }
            }
            g.push(row);
        }
    };
    match n.form {
        FormId::Form2021 => {
            block(&mut g, "一", &["本年制发件数", "本年废止件数", "现行有效件数"], &["规章", "行政规范性文件"]);
            block(&mut g, "五", &["本年处理决定数量"], &["行政许可"]);
            block(&mut g, "六", &["本年处理决定数量"], &["行政处罚", "行政强制"]);
            block(&mut g, "八", &["本年收费金额（单位：万元）"], &["行政事业性收费"]);
        }
        FormId::Form2019 => {
            block(&mut g, "一", &["本年新制作数量", "本年新公开数量", "对外公开总数量"], &["规章", "规范性文件"]);
            block(&mut g, "五", &["上一年项目数量", "本年增/减", "处理决定数量"], &["行政许可", "其他对外管理服务事项"]);
            block(&mut g, "六", &["上一年项目数量", "本年增/减", "处理决定数量"], &["行政处罚", "行政强制"]);
            block(&mut g, "八", &["上一年项目数量", "本年增/减"], &["行政事业性收费"]);
            block(&mut g, "九", &["采购项目数量", "采购总金额"], &["政府集中采购"]);
        }
    }
    g
}

fn applications_grid(n: &Numbers) -> Grid {
    let mut g: Grid = vec![
        vec![span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), span("申请人情况", 7, 1)],
        vec![span("自然人", 1, 2), span("法人或其他组织", 5, 1), span("总计", 1, 2)],
        vec![c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
    ];
    let values = |id: &str| n.applications.iter().find(|(r, _)| *r == id).map(|(_, v)| v.clone());
    let results = n.applications.iter().filter(|(id, _)| !matches!(*id, "new" | "carried_over" | "carried_forward")).count();
    let groups: &[(&str, &str, usize)] = &[
        ("refused", "（三）不予公开", 8),
        ("unavailable", "（四）无法提供", 3),
        ("not_processed", "（五）不予处理", 5),
        ("other_handling", "（六）其他处理", 3),
    ];
    let mut first_result = true;
    for (id, _) in &n.applications {
        let mut row: Vec<C> = Vec::new();
        let label = application_label(n.form, id);
        match *id {
            "new" | "carried_over" | "carried_forward" => row.push(span(label, 3, 1)),
            _ => {
                if first_result {
                    row.push(span("三、本年度办理结果", 1, results));
                    first_result = false;
                }
                let group = groups.iter().find(|(g, _, _)| id.starts_with(g) && *id != *g);
                match group {
                    Some((g, glabel, count)) => {
                        if id.ends_with(first_item(g)) {
                            row.push(span(glabel, 1, *count));
                        }
                        row.push(c(label));
                    }
                    None => row.push(span(label, 2, 1)),
                }
            }
        }
        row.extend(values(id).unwrap().iter().map(|v| c(v)));
        g.push(row);
    }
    g
}

/// The id suffix of a group's first item.
fn first_item(group: &str) -> &'static str {
    match group {
        "refused" => "state_secret",
        "unavailable" => "not_held",
        "not_processed" => "petition",
        _ => "no_correction",
    }
}

fn review_grid(n: &Numbers) -> Grid {
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut row1 = heads.iter().map(|h| span(h, 1, 2)).collect::<Vec<_>>();
    row1.push(span("未经复议直接起诉", 5, 1));
    row1.push(span("复议后起诉", 5, 1));
    vec![
        vec![span("行政复议", 5, 1), span("行政诉讼", 10, 1)],
        row1,
        heads.iter().chain(heads.iter()).map(|h| c(h)).collect(),
        n.review.iter().map(|v| c(v)).collect(),
    ]
}

/// Each row with the cells a merged cell covers as empty cells (`""`), as a browser copies
/// a table; `pad` fills every row to the widest with empty cells (markdown-like copies).
fn expanded(g: &Grid, pad: bool) -> Vec<Vec<String>> {
    let mut covered: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for row in g {
        let mut cells = Vec::new();
        let mut col = 0;
        let mut it = row.iter();
        loop {
            if covered.get(col).is_some_and(|&n| n > 0) {
                cells.push(String::new());
                col += 1;
                continue;
            }
            let Some(cell) = it.next() else { break };
            cells.push(cell.text.clone());
            if covered.len() < col + cell.colspan {
                covered.resize(col + cell.colspan, 0);
            }
            if cell.rowspan > 1 {
                for n in &mut covered[col..col + cell.colspan] {
                    *n = cell.rowspan;
                }
            }
            col += cell.colspan;
        }
        for n in &mut covered {
            *n = n.saturating_sub(1);
        }
        out.push(cells);
    }
    if pad {
        let width = out.iter().map(Vec::len).max().unwrap_or(0);
        for r in &mut out {
            r.resize(width, String::new());
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Layout {
    Docx,
    Html,
    /// `a | b |`, merged cells as empty cells, the header's `商业企业` split over two lines.
    Pipes,
    /// `| a | b |`, rows padded with empty cells (`|||`).
    Markdown,
    Tabs,
    CellPerLine,
}

const LAYOUTS: [Layout; 6] = [Layout::Docx, Layout::Html, Layout::Pipes, Layout::Markdown, Layout::Tabs, Layout::CellPerLine];

fn text_table(g: &Grid, layout: Layout) -> String {
    let rows = expanded(g, layout == Layout::Markdown);
    let mut out = String::new();
    for r in rows {
        match layout {
            Layout::Pipes => {
                // A header cell of two lines in the page: its first line, then the second.
                if r.iter().any(|c| c == "商业企业") {
                    out.push_str("商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 |\n企业 | 机构 |\n");
                    continue;
                }
                out.push_str(&r.iter().map(|c| format!("{c} |")).collect::<Vec<_>>().join(" "));
            }
            Layout::Markdown => {
                out.push_str("| ");
                out.push_str(&r.join(" | "));
                out.push_str(" |");
            }
            Layout::Tabs => out.push_str(&r.join("\t")),
            Layout::CellPerLine => {
                for c in &r {
                    out.push_str(&if c.is_empty() { "|".to_string() } else { format!("{c} |") });
                    out.push('\n');
                }
                out.push_str("||");
            }
            Layout::Docx | Layout::Html => unreachable!(),
        }
        out.push('\n');
    }
    out
}

fn html_table(g: &Grid) -> String {
    let mut out = String::from("<table border=\"1\">");
    for row in g {
        out.push_str("<tr>");
        for c in row {
            let mut attrs = String::new();
            if c.colspan > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", c.colspan));
            }
            if c.rowspan > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", c.rowspan));
            }
            out.push_str(&format!("<td{attrs}><p>{}</p></td>", c.text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

fn docx_table(g: &Grid) -> String {
    // Word writes a cell merged down as a `restart` cell and a `continue` cell in every row
    // below it, at the same grid column.
    let mut continuing: Vec<(usize, usize, usize)> = Vec::new(); // (col, colspan, rows left)
    let mut out = String::from("<w:tbl>");
    for row in g {
        out.push_str("<w:tr>");
        let mut col = 0;
        let mut it = row.iter().peekable();
        loop {
            if let Some(k) = continuing.iter().position(|&(c, _, left)| c == col && left > 0) {
                let (_, span, _) = continuing[k];
                continuing[k].2 -= 1;
                let grid = if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() };
                out.push_str(&format!("<w:tc><w:tcPr>{grid}<w:vMerge/></w:tcPr><w:p/></w:tc>"));
                col += span;
                continue;
            }
            let Some(c) = it.next() else { break };
            let mut pr = String::new();
            if c.colspan > 1 {
                pr.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", c.colspan));
            }
            if c.rowspan > 1 {
                pr.push_str("<w:vMerge w:val=\"restart\"/>");
                continuing.push((col, c.colspan, c.rowspan - 1));
            }
            out.push_str(&format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>", c.text));
            col += c.colspan;
        }
        continuing.retain(|&(_, _, left)| left > 0);
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// What a report is made of, before it is written in a layout.
struct Report {
    issuer: &'static str,
    year: i32,
    published: &'static str,
    numbers: Numbers,
    /// The parts' headings in order (a test may drop or swap them).
    parts: Vec<&'static str>,
    /// Leave a table out.
    without: Option<TableId>,
}

impl Report {
    fn new(form: FormId) -> Report {
        Report {
            issuer: "青禾县司法局",
            year: if form == FormId::Form2021 { 2023 } else { 2020 },
            published: if form == FormId::Form2021 { "2024-01-20" } else { "2021-01-25" },
            numbers: consistent(form),
            parts: vec![
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项",
            ],
            without: None,
        }
    }

    /// The paragraphs and tables in order: `Ok(paragraph)` or `Err(table)`.
    fn blocks(&self) -> Vec<Result<String, Grid>> {
        let mut out =
            vec![Ok(format!("{}{}年政府信息公开工作年度报告", self.issuer, self.year)), Ok(format!("发布日期：{}", self.published))];
        for heading in &self.parts {
            out.push(Ok(heading.to_string()));
            let table = match heading.chars().next() {
                Some('一') => {
                    out.push(Ok("本年度我局修订信息公开目录，在门户网站公开各类信息260条。".into()));
                    None
                }
                Some('二') => Some((TableId::Proactive, proactive_grid(&self.numbers))),
                Some('三') => Some((TableId::Applications, applications_grid(&self.numbers))),
                Some('四') => Some((TableId::ReviewLitigation, review_grid(&self.numbers))),
                Some('五') => {
                    out.push(Ok("栏目更新不够及时。下一步将完善审核机制。".into()));
                    None
                }
                _ => {
                    out.push(Ok("本年度未收取信息处理费。".into()));
                    None
                }
            };
            if let Some((id, grid)) = table {
                if self.without != Some(id) {
                    out.push(Err(grid));
                }
            }
        }
        out
    }

    fn bytes(&self, layout: Layout) -> (Vec<u8>, &'static str) {
        let blocks = self.blocks();
        match layout {
            Layout::Html => {
                let mut page = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
                for b in &blocks {
                    match b {
                        Ok(p) => page.push_str(&format!("<p>{p}</p>\n")),
                        Err(g) => page.push_str(&html_table(g)),
                    }
                }
                page.push_str("</body></html>");
                (page.into_bytes(), "report.html")
            }
            Layout::Docx => {
                let mut body = String::new();
                for b in &blocks {
                    match b {
                        Ok(p) => body.push_str(&format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>")),
                        Err(g) => body.push_str(&docx_table(g)),
                    }
                }
                let document =
                    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#);
                (stored_zip(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", document.as_bytes())]), "report.docx")
            }
            _ => {
                let mut text = String::new();
                for b in &blocks {
                    match b {
                        Ok(p) => {
                            text.push_str(p);
                            text.push('\n');
                        }
                        Err(g) => text.push_str(&text_table(g, layout)),
                    }
                }
                (text.into_bytes(), "report.txt")
            }
        }
    }

    fn analyze(&self, layout: Layout) -> Summary {
        let (bytes, name) = self.bytes(layout);
        crate::analyze_input(&bytes, Some(name)).expect("the fixture is readable").summary
    }
}

/// The table findings (and the other findings this kind adds), as codes with their key
/// arguments, to compare with what a planted inconsistency should fire.
fn table_findings(s: &Summary) -> Vec<String> {
    s.findings.iter().filter_map(describe).collect()
}

fn describe(f: &Finding) -> Option<String> {
    Some(match &f.code {
        FindingCode::TableSumMismatch { table, rule, row, column, .. } => format!("{} {rule} {row}/{column}", table.as_str()),
        FindingCode::TableMissing { table } => format!("table_missing {}", table.as_str()),
        FindingCode::TableIncomplete { table, missing_rows, short_rows } => {
            format!("table_incomplete {} {missing_rows:?} {short_rows:?}", table.as_str())
        }
        FindingCode::TableEmpty { table } => format!("table_empty {}", table.as_str()),
        FindingCode::TitleYearMismatch { title_year, publish_year } => format!("title_year_mismatch {title_year} {publish_year}"),
        FindingCode::PublishedLate { rule, .. } => format!("published_late {rule:?}"),
        FindingCode::PublishedAfterUnboundDeadline { rule, .. } => format!("published_after_unbound_deadline {rule:?}"),
        FindingCode::PartMissing { part } => format!("part_missing {}", part.as_str()),
        FindingCode::PartsOutOfOrder { .. } => "parts_out_of_order".into(),
        FindingCode::NumberingStart { .. }
        | FindingCode::NumberingGap { .. }
        | FindingCode::NumberingDuplicate { .. }
        | FindingCode::NumberingOrder { .. } => {
            format!("{} {:?}", f.code.as_str(), f.line)
        }
        _ => return None,
    })
}

/// A cell as (row, column, value, how read), for comparing layouts.
type CellKey = (String, String, Option<f64>, CellRead);

/// Every cell of `t`, for comparing layouts.
fn cells(t: &StandardTable) -> Vec<CellKey> {
    t.rows.iter().flat_map(|r| r.cells.iter().map(move |c| (r.id.clone(), c.column.clone(), c.value, c.read))).collect()
}

fn assert_reads_the_numbers(s: &Summary, n: &Numbers, layout: Layout) {
    let table = |id: TableId| s.tables.iter().find(|t| t.id == id).unwrap();
    // Part 三: every row of the fixture, cell for cell.
    let apps = table(TableId::Applications);
    assert_eq!(apps.form, n.form, "{layout:?}");
    for (id, values) in &n.applications {
        let row = apps.row(id).unwrap_or_else(|| panic!("{layout:?}: row {id}"));
        assert!(row.found, "{layout:?}: row {id} found");
        let read: Vec<Option<f64>> = row.cells.iter().map(|c| c.value).collect();
        let expected: Vec<Option<f64>> = values.iter().map(|v| v.parse::<f64>().ok()).collect();
        assert_eq!(read, expected, "{layout:?}: row {id}");
    }
    // Part 二: every row's values in order.
    let pro = table(TableId::Proactive);
    for (label, values) in &n.proactive {
        let row = pro.rows.iter().find(|r| r.label.as_deref() == Some(*label)).unwrap_or_else(|| panic!("{layout:?}: row {label}"));
        let read: Vec<Option<f64>> = row.cells.iter().map(|c| c.value).collect();
        let expected: Vec<Option<f64>> = values.iter().map(|v| v.parse::<f64>().ok()).collect();
        assert_eq!(read, expected, "{layout:?}: row {label}");
    }
    // Part 四: fifteen values in three rows of five.
    let rev = table(TableId::ReviewLitigation);
    let read: Vec<Option<f64>> = rev.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.value)).collect();
    let expected: Vec<Option<f64>> = n.review.iter().map(|v| v.parse::<f64>().ok()).collect();
    assert_eq!(read, expected, "{layout:?}: review");
}

#[test]
fn consistent_reports_are_read_cell_for_cell_in_every_layout_with_no_alarm() {
    for form in [FormId::Form2021, FormId::Form2019] {
        let report = Report::new(form);
        let mut first: Option<Vec<Vec<CellKey>>> = None;
        for layout in LAYOUTS {
            let s = report.analyze(layout);
            assert_eq!(s.kind, KindId::Disclosure, "{layout:?}");
            assert!(s.sections.iter().all(|p| p.status == Status::Present), "{form:?} {layout:?}: {:?}", s.sections);
            assert_reads_the_numbers(&s, &report.numbers, layout);
            assert_eq!(table_findings(&s), Vec::<String>::new(), "{form:?} {layout:?}: no alarm on a consistent report");
            // Every layout reads the same grid.
            let grids: Vec<_> = s.tables.iter().map(cells).collect();
            match &first {
                None => first = Some(grids),
                Some(f) => assert_eq!(&grids, f, "{form:?} {layout:?} reads as Docx does"),
            }
        }
    }
}

/// The planted inconsistency fires exactly `expected` in every layout.
fn fires(report: &Report, expected: &[&str]) {
    for layout in LAYOUTS {
        let s = report.analyze(layout);
        let mut got = table_findings(&s);
        got.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{layout:?}");
    }
}

#[test]
fn a_row_total_that_is_not_the_sum_of_its_columns() {
    // 予以公开 by 自然人 is 11, not 10, while the row's 总计 stays 13: the row fails, and so do
    // the 自然人 column's (七)总计 and, through it, the balance of that column.
    let mut r = Report::new(FormId::Form2021);
    r.numbers.set("granted", 0, "11");
    fires(&r, &["applications row_total granted/total", "applications column_total total/natural_persons"]);
}

#[test]
fn a_total_that_is_not_the_sum_of_one_to_six() {
    // An item raised in one column and in its row's 总计: the rows still add up, the (七)总计
    // no longer sums (一)…(六) in that column and in the 总计 column.
    let mut r = Report::new(FormId::Form2021);
    r.numbers.set("refused_third_party", 1, "2").set("refused_third_party", 6, "3");
    fires(&r, &["applications column_total total/businesses", "applications column_total total/total"]);
    // The 2019 form's (六) has no items: its own row counts.
    let mut r = Report::new(FormId::Form2019);
    r.numbers.set("other_handling", 0, "2").set("other_handling", 6, "2");
    fires(&r, &["applications column_total total/natural_persons", "applications column_total total/total"]);
}

#[test]
fn new_plus_carried_over_that_is_not_total_plus_carried_forward() {
    let mut r = Report::new(FormId::Form2021);
    r.numbers.set("carried_forward", 0, "2").set("carried_forward", 6, "5");
    fires(&r, &["applications column_balance total/natural_persons", "applications column_balance total/total"]);
}

#[test]
fn a_review_total_that_is_not_its_four_results() {
    let mut r = Report::new(FormId::Form2019);
    r.numbers.review[4] = "5".into();
    fires(&r, &["review_litigation row_total review/total"]);
    let mut r = Report::new(FormId::Form2021);
    r.numbers.review[14] = "2".into();
    fires(&r, &["review_litigation row_total litigation_after_review/total"]);
}

#[test]
fn the_finding_names_the_cell_and_its_line() {
    let mut r = Report::new(FormId::Form2021);
    r.numbers.set("granted", 0, "11");
    for layout in LAYOUTS {
        let (bytes, name) = r.bytes(layout);
        let a = crate::analyze_input(&bytes, Some(name)).unwrap();
        let f =
            a.summary.findings.iter().find(|f| matches!(&f.code, FindingCode::TableSumMismatch { row, .. } if row == "granted")).unwrap();
        assert_eq!(f.severity, Severity::Error);
        let FindingCode::TableSumMismatch { expected, found, .. } = &f.code else { unreachable!() };
        assert_eq!((*expected, *found), (14.0, 13.0), "{layout:?}");
        // The line is the row's 总计 cell's: it holds the number 13.
        let line = &a.lines[f.line.unwrap() - 1];
        let text: String = a.text.chars().skip(line.start).take(line.end - line.start).collect();
        assert!(text.contains("13"), "{layout:?}: line {:?} is {text:?}", f.line);
    }
}

#[test]
fn blanks_and_none_marks_are_zero_or_absent_and_do_not_alarm() {
    // Zeros left blank, and `/` for none, as reports often print them.
    let mut r = Report::new(FormId::Form2021);
    for (id, values) in r.numbers.applications.iter_mut() {
        if *id == "refused_inquiry" {
            *values = ["/", "/", "/", "/", "/", "/", "/"].map(String::from);
        } else {
            for v in values.iter_mut().take(6) {
                if v == "0" {
                    v.clear();
                }
            }
        }
    }
    for layout in LAYOUTS {
        let s = r.analyze(layout);
        assert_eq!(table_findings(&s), Vec::<String>::new(), "{layout:?}");
        let apps = s.tables.iter().find(|t| t.id == TableId::Applications).unwrap();
        let inquiry = apps.row("refused_inquiry").unwrap();
        assert!(inquiry.cells.iter().all(|c| c.read == CellRead::NoneMark && c.value == Some(0.0)), "{layout:?}");
        let new = apps.row("new").unwrap();
        assert_eq!(new.cell("public_interest").map(|c| (c.read, c.value)), Some((CellRead::Empty, None)), "{layout:?}");
    }
}

#[test]
fn a_table_left_out_or_left_empty() {
    let mut r = Report::new(FormId::Form2021);
    r.without = Some(TableId::ReviewLitigation);
    fires(&r, &["table_missing review_litigation"]);
    let mut r = Report::new(FormId::Form2021);
    r.numbers.review = std::array::from_fn(|_| String::new());
    // Every cell empty: said once; the empty cells make no sum fail.
    for layout in [Layout::Docx, Layout::Html, Layout::Pipes, Layout::Markdown, Layout::Tabs] {
        let got = table_findings(&r.analyze(layout));
        assert_eq!(got, ["table_empty review_litigation"], "{layout:?}");
    }
}

#[test]
fn a_table_with_rows_missing() {
    let mut r = Report::new(FormId::Form2021);
    r.numbers.applications.retain(|(id, _)| !id.starts_with("not_processed_"));
    // The (五) group goes with its items (the grid writes the group's first item's cell).
    for layout in LAYOUTS {
        let got = table_findings(&r.analyze(layout));
        assert_eq!(
            got,
            [
                r#"table_incomplete applications ["not_processed", "not_processed_petition", "not_processed_repeated", "not_processed_publication", "not_processed_mass", "not_processed_confirmation"] []"#
            ],
            "{layout:?}"
        );
    }
}

#[test]
fn missing_and_misordered_parts() {
    let mut r = Report::new(FormId::Form2021);
    r.parts.retain(|p| !p.starts_with('五'));
    let s = r.analyze(Layout::Pipes);
    assert_eq!(s.part(PartId::ProblemsImprovements).map(|p| p.status), Some(Status::Missing));
    assert!(table_findings(&s).contains(&"part_missing problems_improvements".to_string()));
    let mut r = Report::new(FormId::Form2021);
    r.parts.swap(4, 5);
    let got = table_findings(&r.analyze(Layout::Tabs));
    assert!(got.contains(&"parts_out_of_order".to_string()), "{got:?}");
    let got = table_findings(&Report::new(FormId::Form2021).analyze(Layout::Tabs));
    assert!(!got.iter().any(|f| f.starts_with("part")), "{got:?}");
}

#[test]
fn late_by_level_and_the_title_year() {
    let mut r = Report::new(FormId::Form2021);
    r.published = "2024-02-05";
    assert_eq!(table_findings(&r.analyze(Layout::Html)), ["published_late DisclosureRegulations2019Departments"]);
    r.issuer = "青禾县人民政府";
    assert_eq!(table_findings(&r.analyze(Layout::Html)), Vec::<String>::new(), "a county government has until 31 March");
    r.published = "2024-04-01";
    assert_eq!(table_findings(&r.analyze(Layout::Html)), ["published_late DisclosureRegulations2019Governments"]);
    // The title names the publication year (a report on 2023 titled 2024).
    let mut r = Report::new(FormId::Form2021);
    r.year = 2024;
    r.published = "2024-01-20";
    let got = table_findings(&r.analyze(Layout::Pipes));
    assert!(got.contains(&"title_year_mismatch 2024 2024".to_string()), "{got:?}");
}

#[test]
fn the_comparison_row_and_the_long_form_tables() {
    let mut r = Report::new(FormId::Form2021);
    r.numbers.set("granted", 0, "11");
    let s = r.analyze(Layout::Html);
    let row = crate::compare::DisclosureRow::of(&s);
    assert_eq!(
        (row.new_applications, row.carried_over, row.granted, row.refused, row.review_total, row.litigation_total),
        (Some(29.0), Some(4.0), Some(13.0), Some(4.0), Some(4.0), Some(2.0))
    );
    assert_eq!((row.table_mismatches, row.report.as_str()), (2, "report.html"));
    let csv = crate::export::tables_csv(&[&s]);
    let cells: usize = s.tables.iter().flat_map(|t| t.rows.iter()).map(|r| r.cells.len()).sum();
    assert_eq!(csv.lines().count(), cells + 1, "a header and one line per cell");
    assert!(csv.contains("\r\nreport.html,applications,new,total,29,number,2021,"), "{csv}");
    assert!(csv.contains("\r\nreport.html,proactive,fees,amount,12.5,number,2021,"));
    // A mixed batch: each kind in its own table.
    let rule_of_law = crate::analyze_text("某镇2024年法治政府建设情况报告\n一、主要举措和成效\n开展讲座3场。\n", Some("b.txt"));
    let json: serde_json::Value = serde_json::from_str(&crate::compare::comparison_json(&[&rule_of_law, &s])).unwrap();
    assert_eq!(json["table"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["disclosure_table"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["disclosure_table"][0]["new_applications"], 29);
    let table = crate::compare::disclosure_table_csv(&[&rule_of_law, &s]);
    assert_eq!(table.lines().count(), 2, "the rule-of-law report is not in the disclosure table");
}

/// The web app's end-to-end fixtures (`tests/e2e/fixtures/`), written from these reports so
/// that the app is tested on the layouts the core is: a Word file of the 2021 form with a
/// planted row-total error, blanks and none marks; and a pasted `|` copy of the 2019 form with
/// a planted review total. `UPDATE_E2E_FIXTURES=1 cargo test -p report-core e2e_fixtures`
/// writes them; otherwise the test fails when the committed files differ.
fn e2e_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let mut word = Report::new(FormId::Form2021);
    word.numbers.set("granted", 0, "11").set("new", 3, "");
    for v in word.numbers.applications.iter_mut().find(|(id, _)| *id == "refused_inquiry").unwrap().1.iter_mut() {
        *v = "/".into();
    }
    let mut pasted = Report::new(FormId::Form2019);
    pasted.issuer = "云河区人民政府";
    pasted.numbers.review[4] = "5".into();
    vec![("disclosure-2021-word.docx", word.bytes(Layout::Docx).0), ("disclosure-2019-pasted.txt", pasted.bytes(Layout::Pipes).0)]
}

#[test]
fn e2e_fixtures_are_these_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/fixtures");
    let update = std::env::var_os("UPDATE_E2E_FIXTURES").is_some();
    for (name, bytes) in e2e_fixtures() {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(committed == bytes, "{name} differs from its report: UPDATE_E2E_FIXTURES=1 cargo test -p report-core e2e_fixtures");
        // What the specs expect of them.
        let s = crate::analyze_input(&bytes, Some(name)).unwrap().summary;
        assert_eq!(s.kind, KindId::Disclosure, "{name}");
        let mut got = table_findings(&s);
        got.sort();
        let want: &[&str] = if name.ends_with(".docx") {
            &["applications column_total total/natural_persons", "applications row_total granted/total"]
        } else {
            &["review_litigation row_total review/total"]
        };
        assert_eq!(got, want, "{name}");
    }
}
