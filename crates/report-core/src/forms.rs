//! The standard tables of a kind's national form, as data: every table's rows and columns
//! with their stable ids, the words their labels use, and the arithmetic the form states.
//! Nothing else names a form's labels; the `grids` stage reads tables by these, the
//! findings check these rules, the summary writes these ids.
//!
//! The 政府信息公开工作年度报告 has two forms: 国办公开办函〔2019〕60号 (report years
//! 2019–2020) and the revised form of 国办公开办函〔2021〕30号 (2021 onwards). Both have three
//! standard tables with numbers: part 二 (主动公开), part 三 (收到和处理申请) and part 四
//! (行政复议、行政诉讼). Their ids:
//!
//! | table | rows | columns |
//! |---|---|---|
//! | `proactive` (2021) | `regulations` 规章, `normative_documents` 行政规范性文件 | `issued` 本年制发件数, `repealed` 本年废止件数, `in_force` 现行有效件数 |
//! | | `licensing` 行政许可, `penalties` 行政处罚, `enforcement` 行政强制 | `decisions` 本年处理决定数量 |
//! | | `fees` 行政事业性收费 | `amount` 本年收费金额（万元） |
//! | `proactive` (2019) | `regulations` 规章, `normative_documents` 规范性文件 | `made` 本年新制作数量, `published` 本年新公开数量, `published_total` 对外公开总数量 |
//! | | `licensing` 行政许可, `other_services` 其他对外管理服务事项, `penalties` 行政处罚, `enforcement` 行政强制 | `items_last_year` 上一年项目数量, `items_change` 本年增/减, `decisions` 处理决定数量 |
//! | | `fees` 行政事业性收费 | `items_last_year`, `items_change` |
//! | | `procurement` 政府集中采购 | `procurement_items` 采购项目数量, `procurement_amount` 采购总金额 |
//! | `applications` (both) | see [`APPLICATION_ROWS_2021`] | `natural_persons` 自然人, `businesses` 商业企业, `research` 科研机构, `public_interest` 社会公益组织, `legal_services` 法律服务机构, `other_orgs` 其他, `total` 总计 |
//! | `review_litigation` (both) | `review` 行政复议, `litigation_direct` 未经复议直接起诉, `litigation_after_review` 复议后起诉 | `upheld` 结果维持, `corrected` 结果纠正, `other` 其他结果, `pending` 尚未审结, `total` 总计 |

use crate::kinds::PartId;
use serde::Serialize;

/// The form a report's tables follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum FormId {
    /// 国办公开办函〔2019〕60号 (report years 2019–2020).
    #[serde(rename = "2019")]
    Form2019,
    /// 国办公开办函〔2021〕30号 (report years 2021 onwards).
    #[serde(rename = "2021")]
    Form2021,
}

crate::names::read_by_name!(FormId { Form2019 => "2019", Form2021 => "2021" });

/// The standard tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// Part 二: 主动公开政府信息情况.
    Proactive,
    /// Part 三: 收到和处理政府信息公开申请情况.
    Applications,
    /// Part 四: 政府信息公开行政复议、行政诉讼情况.
    ReviewLitigation,
}

crate::names::read_by_name!(TableId { Proactive => "proactive", Applications => "applications", ReviewLitigation => "review_litigation" });

/// A column of a standard table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The stable id.
    pub id: &'static str,
    /// The label as the form prints it.
    pub label_zh: &'static str,
}

/// A row of a standard table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowSpec {
    /// The stable id.
    pub id: &'static str,
    /// The label as the form prints it.
    pub label_zh: &'static str,
    /// A row label (folded, spaces and its number removed) naming one of these is this row.
    pub words: &'static [&'static str],
    /// Only a label that is exactly one of `words` names the row (`3.其他`).
    pub exact: bool,
    /// The group row this row is an item of (`refused` for `1.属于国家秘密`).
    pub group: Option<&'static str>,
    /// The row's columns, in the form's order.
    pub columns: &'static [ColumnSpec],
}

/// The arithmetic a form states, checked for every row or column it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// In every column: the sum of the `left` rows equals the sum of the `right` rows
    /// (`一 + 二 = 三（七）总计 + 四`).
    ColumnBalance {
        /// Rows added on the left.
        left: &'static [&'static str],
        /// Rows added on the right.
        right: &'static [&'static str],
    },
    /// In every column: row `total` equals the sum of rows `parts`; a part that is a group
    /// counts as the sum of its items when any item was read, else as its own row.
    ColumnTotal {
        /// The total row.
        total: &'static str,
        /// The rows it adds up.
        parts: &'static [&'static str],
    },
    /// In every row: column `total` equals the sum of columns `parts`.
    RowTotal {
        /// The total column.
        total: &'static str,
        /// The columns it adds up.
        parts: &'static [&'static str],
    },
}

impl Rule {
    /// The stable id used in findings.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::ColumnBalance { .. } => "column_balance",
            Rule::ColumnTotal { .. } => "column_total",
            Rule::RowTotal { .. } => "row_total",
        }
    }
}

/// How a table's values follow its labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Each row starts with its label and its values follow.
    LabelledRows,
    /// Header rows of labels, then one run of every row's values, row after row (part 四:
    /// three groups of five columns on one line).
    OneRunAfterHeader,
}

/// A standard table of one form.
#[derive(Debug, PartialEq, Eq)]
pub struct TableSpec {
    /// The stable id.
    pub id: TableId,
    /// The form.
    pub form: FormId,
    /// The part it belongs to.
    pub part: PartId,
    /// Its name.
    pub name_zh: &'static str,
    /// Its name in English.
    pub name_en: &'static str,
    /// Words of its header: a table showing one of them is this table (folded, no spaces).
    pub anchors: &'static [&'static str],
    /// Words only this form's version of the table uses (tell 2019 from 2021).
    pub form_words: &'static [&'static str],
    /// How values follow labels.
    pub reading: Reading,
    /// The rows, in the form's order.
    pub rows: &'static [RowSpec],
    /// The arithmetic the form states.
    pub rules: &'static [Rule],
}

impl TableSpec {
    /// Row `id`.
    pub fn row(&self, id: &str) -> Option<&'static RowSpec> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The items of group row `id`.
    pub fn items<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'static RowSpec> + 'a {
        self.rows.iter().filter(move |r| r.group == Some(id))
    }
}

const fn col(id: &'static str, label_zh: &'static str) -> ColumnSpec {
    ColumnSpec { id, label_zh }
}

const fn row(id: &'static str, label_zh: &'static str, words: &'static [&'static str], columns: &'static [ColumnSpec]) -> RowSpec {
    RowSpec { id, label_zh, words, exact: false, group: None, columns }
}

const fn item(
    id: &'static str,
    label_zh: &'static str,
    words: &'static [&'static str],
    group: &'static str,
    columns: &'static [ColumnSpec],
) -> RowSpec {
    RowSpec { id, label_zh, words, exact: false, group: Some(group), columns }
}

// Part 二, 2021.
const DOCS_2021: &[ColumnSpec] = &[col("issued", "本年制发件数"), col("repealed", "本年废止件数"), col("in_force", "现行有效件数")];
const DECISIONS_2021: &[ColumnSpec] = &[col("decisions", "本年处理决定数量")];
const FEES_2021: &[ColumnSpec] = &[col("amount", "本年收费金额（单位：万元）")];
// Part 二, 2019.
const DOCS_2019: &[ColumnSpec] =
    &[col("made", "本年新制作数量"), col("published", "本年新公开数量"), col("published_total", "对外公开总数量")];
const ITEMS_2019: &[ColumnSpec] =
    &[col("items_last_year", "上一年项目数量"), col("items_change", "本年增/减"), col("decisions", "处理决定数量")];
const FEES_2019: &[ColumnSpec] = &[col("items_last_year", "上一年项目数量"), col("items_change", "本年增/减")];
const PROCUREMENT_2019: &[ColumnSpec] = &[col("procurement_items", "采购项目数量"), col("procurement_amount", "采购总金额")];

/// The label over part 三's five columns of organisations (商业企业 … 其他), as the form's
/// second header row prints it.
pub const APPLICANT_ORGANISATIONS_ZH: &str = "法人或其他组织";

/// Part 三's columns (both forms).
pub const APPLICANT_COLUMNS: &[ColumnSpec] = &[
    col("natural_persons", "自然人"),
    col("businesses", "商业企业"),
    col("research", "科研机构"),
    col("public_interest", "社会公益组织"),
    col("legal_services", "法律服务机构"),
    col("other_orgs", "其他"),
    col("total", "总计"),
];
const A: &[ColumnSpec] = APPLICANT_COLUMNS;

/// Part 三's rows, 2021 form (the 2019 form has `other_handling` without items).
pub const APPLICATION_ROWS_2021: &[RowSpec] = &[
    row("new", "一、本年新收政府信息公开申请数量", &["本年新收"], A),
    row("carried_over", "二、上年结转政府信息公开申请数量", &["上年结转"], A),
    row("granted", "（一）予以公开", &["予以公开"], A),
    row("partly_granted", "（二）部分公开", &["部分公开"], A),
    row("refused", "（三）不予公开", &["不予公开"], A),
    item("refused_state_secret", "1.属于国家秘密", &["国家秘密"], "refused", A),
    item("refused_prohibited_by_law", "2.其他法律行政法规禁止公开", &["法律行政法规禁止", "法规禁止公开"], "refused", A),
    item("refused_security_stability", "3.危及“三安全一稳定”", &["三安全一稳定", "危及"], "refused", A),
    item("refused_third_party", "4.保护第三方合法权益", &["第三方"], "refused", A),
    item("refused_internal_affairs", "5.属于三类内部事务信息", &["内部事务"], "refused", A),
    item("refused_process_info", "6.属于四类过程性信息", &["过程性"], "refused", A),
    item("refused_enforcement_files", "7.属于行政执法案卷", &["执法案卷"], "refused", A),
    item("refused_inquiry", "8.属于行政查询事项", &["行政查询", "查询事项"], "refused", A),
    row("unavailable", "（四）无法提供", &["无法提供"], A),
    item("unavailable_not_held", "1.本机关不掌握相关政府信息", &["不掌握"], "unavailable", A),
    item("unavailable_needs_creation", "2.没有现成信息需要另行制作", &["另行制作", "没有现成"], "unavailable", A),
    item("unavailable_unclear", "3.补正后申请内容仍不明确", &["仍不明确", "补正后"], "unavailable", A),
    row("not_processed", "（五）不予处理", &["不予处理"], A),
    item("not_processed_petition", "1.信访举报投诉类申请", &["信访", "举报投诉"], "not_processed", A),
    item("not_processed_repeated", "2.重复申请", &["重复申请"], "not_processed", A),
    item("not_processed_publication", "3.要求提供公开出版物", &["公开出版物"], "not_processed", A),
    item("not_processed_mass", "4.无正当理由大量反复申请", &["大量反复"], "not_processed", A),
    item("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", &["重新出具", "确认或"], "not_processed", A),
    row("other_handling", "（六）其他处理", &["其他处理", "其它处理"], A),
    item("other_handling_no_correction", "1.申请人无正当理由逾期不补正…", &["逾期不补正"], "other_handling", A),
    item("other_handling_no_fee", "2.申请人逾期未按收费通知要求缴纳费用…", &["缴纳费用", "收费通知"], "other_handling", A),
    RowSpec {
        id: "other_handling_other",
        label_zh: "3.其他",
        words: &["其他", "其它"],
        exact: true,
        group: Some("other_handling"),
        columns: A,
    },
    row("total", "（七）总计", &["总计"], A),
    row("carried_forward", "四、结转下年度继续办理", &["结转下年度", "继续办理"], A),
];

/// The arithmetic of part 三 (both forms).
const APPLICATION_RULES: &[Rule] = &[
    Rule::ColumnBalance { left: &["new", "carried_over"], right: &["total", "carried_forward"] },
    Rule::ColumnTotal {
        total: "total",
        parts: &["granted", "partly_granted", "refused", "unavailable", "not_processed", "other_handling"],
    },
    Rule::RowTotal {
        total: "total",
        parts: &["natural_persons", "businesses", "research", "public_interest", "legal_services", "other_orgs"],
    },
];

const R: &[ColumnSpec] =
    &[col("upheld", "结果维持"), col("corrected", "结果纠正"), col("other", "其他结果"), col("pending", "尚未审结"), col("total", "总计")];

const REVIEW_ROWS: &[RowSpec] = &[
    row("review", "行政复议", &["行政复议"], R),
    row("litigation_direct", "行政诉讼：未经复议直接起诉", &["未经复议"], R),
    row("litigation_after_review", "行政诉讼：复议后起诉", &["复议后起诉"], R),
];

const REVIEW_RULES: &[Rule] = &[Rule::RowTotal { total: "total", parts: &["upheld", "corrected", "other", "pending"] }];

const APPLICATION_ANCHORS: &[&str] = &["本年新收", "申请人情况", "上年结转"];
const REVIEW_ANCHORS: &[&str] = &["结果维持", "尚未审结", "未经复议"];
const PROACTIVE_ANCHORS: &[&str] = &["第二十条", "信息内容", "行政规范性文件", "规范性文件"];

/// Every standard table of every form.
pub static TABLES: &[TableSpec] = &[
    TableSpec {
        id: TableId::Proactive,
        form: FormId::Form2021,
        part: PartId::Proactive,
        name_zh: "主动公开政府信息情况",
        name_en: "Information published proactively",
        anchors: PROACTIVE_ANCHORS,
        form_words: &["本年制发件数", "现行有效件数", "本年废止件数", "本年收费金额"],
        reading: Reading::LabelledRows,
        rows: &[
            row("regulations", "规章", &["规章"], DOCS_2021),
            row("normative_documents", "行政规范性文件", &["规范性文件"], DOCS_2021),
            row("licensing", "行政许可", &["行政许可"], DECISIONS_2021),
            row("penalties", "行政处罚", &["行政处罚"], DECISIONS_2021),
            row("enforcement", "行政强制", &["行政强制"], DECISIONS_2021),
            row("fees", "行政事业性收费", &["行政事业性收费", "事业性收费"], FEES_2021),
        ],
        rules: &[],
    },
    TableSpec {
        id: TableId::Proactive,
        form: FormId::Form2019,
        part: PartId::Proactive,
        name_zh: "主动公开政府信息情况",
        name_en: "Information published proactively",
        anchors: PROACTIVE_ANCHORS,
        form_words: &["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购"],
        reading: Reading::LabelledRows,
        rows: &[
            row("regulations", "规章", &["规章"], DOCS_2019),
            row("normative_documents", "规范性文件", &["规范性文件"], DOCS_2019),
            row("licensing", "行政许可", &["行政许可"], ITEMS_2019),
            row("other_services", "其他对外管理服务事项", &["对外管理服务"], ITEMS_2019),
            row("penalties", "行政处罚", &["行政处罚"], ITEMS_2019),
            row("enforcement", "行政强制", &["行政强制"], ITEMS_2019),
            row("fees", "行政事业性收费", &["行政事业性收费", "事业性收费"], FEES_2019),
            row("procurement", "政府集中采购", &["集中采购"], PROCUREMENT_2019),
        ],
        rules: &[],
    },
    TableSpec {
        id: TableId::Applications,
        form: FormId::Form2021,
        part: PartId::Applications,
        name_zh: "收到和处理政府信息公开申请情况",
        name_en: "Applications received and handled",
        anchors: APPLICATION_ANCHORS,
        form_words: &["逾期不补正", "缴纳费用", "收费通知"],
        reading: Reading::LabelledRows,
        rows: APPLICATION_ROWS_2021,
        rules: APPLICATION_RULES,
    },
    TableSpec {
        id: TableId::Applications,
        form: FormId::Form2019,
        part: PartId::Applications,
        name_zh: "收到和处理政府信息公开申请情况",
        name_en: "Applications received and handled",
        anchors: APPLICATION_ANCHORS,
        form_words: &[],
        reading: Reading::LabelledRows,
        rows: APPLICATION_ROWS_2019,
        rules: APPLICATION_RULES,
    },
    TableSpec {
        id: TableId::ReviewLitigation,
        form: FormId::Form2021,
        part: PartId::ReviewLitigation,
        name_zh: "政府信息公开行政复议、行政诉讼情况",
        name_en: "Administrative reconsideration and litigation",
        anchors: REVIEW_ANCHORS,
        form_words: &[],
        reading: Reading::OneRunAfterHeader,
        rows: REVIEW_ROWS,
        rules: REVIEW_RULES,
    },
    TableSpec {
        id: TableId::ReviewLitigation,
        form: FormId::Form2019,
        part: PartId::ReviewLitigation,
        name_zh: "政府信息公开行政复议、行政诉讼情况",
        name_en: "Administrative reconsideration and litigation",
        anchors: REVIEW_ANCHORS,
        form_words: &[],
        reading: Reading::OneRunAfterHeader,
        rows: REVIEW_ROWS,
        rules: REVIEW_RULES,
    },
];

/// Part 三's rows, 2019 form: as 2021, but `other_handling` has no items.
pub const APPLICATION_ROWS_2019: &[RowSpec] = &[
    APPLICATION_ROWS_2021[0],
    APPLICATION_ROWS_2021[1],
    APPLICATION_ROWS_2021[2],
    APPLICATION_ROWS_2021[3],
    APPLICATION_ROWS_2021[4],
    APPLICATION_ROWS_2021[5],
    APPLICATION_ROWS_2021[6],
    APPLICATION_ROWS_2021[7],
    APPLICATION_ROWS_2021[8],
    APPLICATION_ROWS_2021[9],
    APPLICATION_ROWS_2021[10],
    APPLICATION_ROWS_2021[11],
    APPLICATION_ROWS_2021[12],
    APPLICATION_ROWS_2021[13],
    APPLICATION_ROWS_2021[14],
    APPLICATION_ROWS_2021[15],
    APPLICATION_ROWS_2021[16],
    APPLICATION_ROWS_2021[17],
    APPLICATION_ROWS_2021[18],
    APPLICATION_ROWS_2021[19],
    APPLICATION_ROWS_2021[20],
    APPLICATION_ROWS_2021[21],
    APPLICATION_ROWS_2021[22],
    APPLICATION_ROWS_2021[23],
    APPLICATION_ROWS_2021[27],
    APPLICATION_ROWS_2021[28],
];

/// The label of row `row` of table `table` as the form prints it (the id when unknown).
pub fn row_label(table: TableId, row: &str) -> &str {
    TABLES.iter().filter(|t| t.id == table).flat_map(|t| t.rows.iter()).find(|r| r.id == row).map_or(row, |r| r.label_zh)
}

/// The label of column `column` of table `table` as the form prints it (the id when unknown).
pub fn column_label(table: TableId, column: &str) -> &str {
    TABLES
        .iter()
        .filter(|t| t.id == table)
        .flat_map(|t| t.rows.iter().flat_map(|r| r.columns.iter()))
        .find(|c| c.id == column)
        .map_or(column, |c| c.label_zh)
}

/// The standard tables of `form`, in the form's order.
pub fn tables_of(form: FormId) -> impl Iterator<Item = &'static TableSpec> {
    TABLES.iter().filter(move |t| t.form == form)
}

/// The spec of table `id` in `form`.
pub fn spec(id: TableId, form: FormId) -> &'static TableSpec {
    TABLES.iter().find(|t| t.id == id && t.form == form).expect("every table is in both forms (tested)")
}

/// The form a report year's tables follow when the tables do not tell.
pub fn form_for_year(report_year: Option<i32>) -> FormId {
    match report_year {
        Some(y) if y <= 2020 => FormId::Form2019,
        _ => FormId::Form2021,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_in_both_forms_with_unique_ids() {
        for form in [FormId::Form2019, FormId::Form2021] {
            for id in [TableId::Proactive, TableId::Applications, TableId::ReviewLitigation] {
                let t = spec(id, form);
                let mut ids: Vec<&str> = t.rows.iter().map(|r| r.id).collect();
                ids.sort_unstable();
                ids.dedup();
                assert_eq!(ids.len(), t.rows.len(), "{id:?} {form:?}: row ids unique");
                for r in t.rows {
                    assert!(r.group.is_none_or(|g| t.row(g).is_some()), "{}: its group is a row", r.id);
                }
            }
        }
        let rows_2019: Vec<&str> = APPLICATION_ROWS_2019.iter().map(|r| r.id).collect();
        assert!(rows_2019.contains(&"other_handling") && !rows_2019.contains(&"other_handling_other"));
        assert_eq!(rows_2019.last(), Some(&"carried_forward"));
        assert_eq!(rows_2019[rows_2019.len() - 2], "total");
    }
}
