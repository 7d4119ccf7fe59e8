//! Many reports side by side: one row per report (who, level, year, publication, the five
//! parts, figures, findings), figures grouped by what they count, and the exports the
//! comparison view and `report-cli compare` share — so both write the same bytes.
//!
//! ```
//! let a = report_core::analyze_text("某镇2024年法治政府建设情况报告\n一、主要举措和成效\n发放资料3000余份。", Some("a.txt"));
//! let row = report_core::compare::Row::of(&a);
//! assert_eq!((row.issuer.as_deref(), row.parts_present, row.metrics), (Some("某镇"), 1, 1));
//! ```

use crate::export::{format_number, report_label, write_row, Wording};
use crate::findings::FindingCode;
use crate::forms::TableId;
use crate::frame::{Date, Level};
use crate::grids::CellRead;
use crate::kinds::{KindId, PartId, ReportKind};
use crate::sections::Status;
use crate::Summary;
use serde::{Deserialize, Serialize};

/// The parts the table has a column for, in column order.
pub const COMPARED_PARTS: [PartId; 5] =
    [PartId::Measures, PartId::Shortcomings, PartId::FirstResponsible, PartId::NextYearPlan, PartId::Other];

/// One report in the comparison table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The file name, or issuer-year for pasted text.
    pub report: String,
    /// The issuer (`meta.issuer`).
    pub issuer: Option<String>,
    /// The issuer's level.
    pub level: Level,
    /// The year reported on.
    pub report_year: Option<i32>,
    /// The publication date.
    pub publish_date: Option<Date>,
    /// Published (or signed) after the deadline of the rule in force for the report year;
    /// null when no date, no year or no rule is known.
    pub published_late: Option<bool>,
    /// The status of part `measures`.
    pub measures: Status,
    /// The status of part `shortcomings`.
    pub shortcomings: Status,
    /// The status of part `first_responsible`.
    pub first_responsible: Status,
    /// The status of part `next_year_plan`.
    pub next_year_plan: Status,
    /// The status of part `other`.
    pub other: Status,
    /// Parts present or partial (0–5).
    pub parts_present: usize,
    /// Whether the present parts follow the rule's order.
    pub parts_in_order: bool,
    /// Figures found.
    pub metrics: usize,
    /// Figures per 1,000 chars of prose.
    pub metrics_per_1000_chars: f64,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Row {
    /// The row of one summary.
    pub fn of(s: &Summary) -> Row {
        let status = |id: PartId| s.part(id).map_or(Status::Missing, |p| p.status);
        let late = s.findings.iter().any(|f| matches!(f.code, FindingCode::PublishedLate { .. }));
        let dated = s.meta.publish_date.is_some() || s.meta.signed_date.is_some();
        // Known only when a deadline rule applies to the report year.
        let ruled = s.meta.report_year.and_then(|y| ReportKind::get(s.kind).deadline_for_level(y, s.meta.level)).is_some();
        Row {
            report: report_label(s),
            issuer: s.meta.issuer.clone(),
            level: s.meta.level,
            report_year: s.meta.report_year,
            publish_date: s.meta.publish_date,
            published_late: (late || (dated && ruled)).then_some(late),
            measures: status(PartId::Measures),
            shortcomings: status(PartId::Shortcomings),
            first_responsible: status(PartId::FirstResponsible),
            next_year_plan: status(PartId::NextYearPlan),
            other: status(PartId::Other),
            parts_present: s.stats.parts_present + s.stats.parts_partial,
            parts_in_order: s.stats.parts_in_order,
            metrics: s.stats.metrics,
            metrics_per_1000_chars: s.stats.metrics_per_1000_chars,
            errors: s.stats.errors,
            warnings: s.stats.warnings,
            infos: s.stats.infos,
        }
    }

    /// The status of part `id`.
    pub fn status(&self, id: PartId) -> Status {
        match id {
            PartId::Measures => self.measures,
            PartId::Shortcomings => self.shortcomings,
            PartId::FirstResponsible => self.first_responsible,
            PartId::NextYearPlan => self.next_year_plan,
            PartId::Other => self.other,
            // Parts of other kinds have no column (yet): not shown as present.
            PartId::Overview
            | PartId::Proactive
            | PartId::Applications
            | PartId::ReviewLitigation
            | PartId::ProblemsImprovements
            | PartId::OtherMatters => Status::Missing,
        }
    }
}

/// The CSV header of [`table_csv`].
pub const TABLE_HEADER: &[&str] = &[
    "report",
    "issuer",
    "level",
    "report_year",
    "publish_date",
    "published_late",
    "measures",
    "shortcomings",
    "first_responsible",
    "next_year_plan",
    "other",
    "parts_present",
    "parts_in_order",
    "metrics",
    "metrics_per_1000_chars",
    "errors",
    "warnings",
    "infos",
];

/// The same header in Chinese ([`Wording::Chinese`]).
pub const TABLE_HEADER_ZH: &[&str] = &[
    "报告",
    "报告单位",
    "层级",
    "报告年度",
    "发布日期",
    "逾期公开",
    "主要举措和成效",
    "存在的不足和原因",
    "第一责任人履职情况",
    "下一年度主要安排",
    "其他需要报告的情况",
    "具备的必备部分",
    "顺序符合规定",
    "量化数据",
    "每千字量化数据",
    "错误",
    "警告",
    "提示",
];

/// The comparison table as CSV, one row per report (UTF-8 with a BOM, formula-safe).
pub fn table_csv(summaries: &[&Summary]) -> String {
    table_csv_worded(summaries, Wording::Codes)
}

/// [`table_csv`] with its header and values worded as asked.
pub fn table_csv_worded(summaries: &[&Summary], wording: Wording) -> String {
    let zh = crate::messages::Lang::Zh;
    let mut out = String::from("\u{FEFF}");
    let header = if wording == Wording::Chinese { TABLE_HEADER_ZH } else { TABLE_HEADER };
    write_row(&mut out, header.iter().map(|s| s.to_string()));
    let yes_no = |b: bool| wording.cell(if b { "true" } else { "false" }, if b { "是" } else { "否" });
    let status = |st: Status| wording.cell(st.as_str(), crate::messages::status_name(st, zh));
    for s in summaries {
        let r = Row::of(s);
        let opt = |v: Option<String>| v.unwrap_or_default();
        write_row(
            &mut out,
            [
                r.report.clone(),
                opt(r.issuer.clone()),
                wording.cell(r.level.as_str(), crate::messages::level_name(r.level, zh)),
                opt(r.report_year.map(|y| y.to_string())),
                opt(r.publish_date.map(|d| d.to_string())),
                opt(r.published_late.map(yes_no)),
                status(r.measures),
                status(r.shortcomings),
                status(r.first_responsible),
                status(r.next_year_plan),
                status(r.other),
                r.parts_present.to_string(),
                yes_no(r.parts_in_order),
                r.metrics.to_string(),
                format_number(r.metrics_per_1000_chars),
                r.errors.to_string(),
                r.warnings.to_string(),
                r.infos.to_string(),
            ],
        );
    }
    out
}

/// The comparison as JSON: `{"schema_version":3,"table":[rows…],"disclosure_table":[rows…],
/// "reports":[summaries…]}` — `table` has every report (the rule-of-law columns),
/// `disclosure_table` the 政府信息公开 reports with their key table figures.
pub fn comparison_json(summaries: &[&Summary]) -> String {
    let jsons: Vec<String> = summaries.iter().map(|s| s.to_json()).collect();
    comparison_json_of(summaries, &jsons)
}

/// [`comparison_json`] for summaries whose JSON is at hand (`jsons[i]` is
/// `summaries[i].to_json()`): it is written into the comparison as it is. The web app keeps
/// each summary's JSON as the analysis worker wrote it, so its page needs no serialiser
/// for summaries.
pub fn comparison_json_of<S: AsRef<str>>(summaries: &[&Summary], jsons: &[S]) -> String {
    #[derive(Serialize)]
    struct Comparison {
        schema_version: u32,
        table: Vec<Row>,
        disclosure_table: Vec<DisclosureRow>,
    }
    let c = Comparison {
        schema_version: crate::SCHEMA_VERSION,
        table: summaries.iter().map(|s| Row::of(s)).collect(),
        disclosure_table: if cfg!(feature = "disclosure") {
            summaries.iter().filter(|s| s.kind == KindId::Disclosure).map(|s| DisclosureRow::of(s)).collect()
        } else {
            Vec::new()
        },
    };
    // `reports` comes last: the object's closing brace gives way to it.
    let mut out = serde_json::to_string(&c).unwrap_or_default();
    out.pop();
    out.push_str(",\"reports\":[");
    for (i, json) in jsons.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(json.as_ref());
    }
    out.push_str("]}");
    out
}

/// One 政府信息公开工作年度报告 in the comparison: who, when, its parts, and the key figures
/// of its standard tables (null when the table or cell was not read; empty cells count 0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisclosureRow {
    /// The file name, or issuer-year for pasted text.
    pub report: String,
    /// The issuer.
    pub issuer: Option<String>,
    /// The issuer's level.
    pub level: Level,
    /// The year reported on.
    pub report_year: Option<i32>,
    /// The publication date.
    pub publish_date: Option<Date>,
    /// Published after the deadline for the issuer's level (null when unknown).
    pub published_late: Option<bool>,
    /// Parts present or partial (0–6).
    pub parts_present: usize,
    /// 本年新收申请 (总计 column).
    #[serde(serialize_with = "crate::grids::write_optional_number")]
    pub new_applications: Option<f64>,
    /// 上年结转 (总计).
    #[serde(serialize_with = "crate::grids::write_optional_number")]
    pub carried_over: Option<f64>,
    /// 予以公开 (总计).
    #[serde(serialize_with = "crate::grids::write_optional_number")]
    pub granted: Option<f64>,
    /// 不予公开 (总计: the sum of its items, or its own row).
    #[serde(serialize_with = "crate::grids::write_optional_number")]
    pub refused: Option<f64>,
    /// 行政复议 总计.
    #[serde(serialize_with = "crate::grids::write_optional_number")]
    pub review_total: Option<f64>,
    /// 行政诉讼 总计 (未经复议直接起诉 + 复议后起诉).
    #[serde(serialize_with = "crate::grids::write_optional_number")]
    pub litigation_total: Option<f64>,
    /// Failed table checks (`table_sum_mismatch` findings).
    pub table_mismatches: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl DisclosureRow {
    /// The row of one summary.
    pub fn of(s: &Summary) -> DisclosureRow {
        let r = Row::of(s);
        let table = |id: TableId| s.tables.iter().find(|t| t.id == id && t.found);
        let cell = |id: TableId, row: &str, column: &str| {
            let c = table(id)?.row(row)?.cell(column)?;
            match c.read {
                CellRead::Empty => Some(0.0),
                _ => c.value,
            }
        };
        // A group's figure: its items' sum when they were read, else its own cell.
        let group = |row: &str| {
            let t = table(TableId::Applications)?;
            let items: Vec<_> = t.rows.iter().filter(|x| x.group.as_deref() == Some(row) && x.found).collect();
            if items.is_empty() {
                return cell(TableId::Applications, row, "total");
            }
            items.iter().map(|x| x.cell("total").and_then(|c| if c.read == CellRead::Empty { Some(0.0) } else { c.value })).sum()
        };
        let litigation = match (
            cell(TableId::ReviewLitigation, "litigation_direct", "total"),
            cell(TableId::ReviewLitigation, "litigation_after_review", "total"),
        ) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        DisclosureRow {
            report: r.report,
            issuer: r.issuer,
            level: r.level,
            report_year: r.report_year,
            publish_date: r.publish_date,
            published_late: r.published_late,
            parts_present: r.parts_present,
            new_applications: cell(TableId::Applications, "new", "total"),
            carried_over: cell(TableId::Applications, "carried_over", "total"),
            granted: cell(TableId::Applications, "granted", "total"),
            refused: group("refused"),
            review_total: cell(TableId::ReviewLitigation, "review", "total"),
            litigation_total: litigation,
            table_mismatches: s.findings.iter().filter(|f| matches!(f.code, FindingCode::TableSumMismatch { .. })).count(),
            errors: r.errors,
            warnings: r.warnings,
            infos: r.infos,
        }
    }
}

/// The CSV header of [`disclosure_table_csv`].
pub const DISCLOSURE_TABLE_HEADER: &[&str] = &[
    "report",
    "issuer",
    "level",
    "report_year",
    "publish_date",
    "published_late",
    "parts_present",
    "new_applications",
    "carried_over",
    "granted",
    "refused",
    "review_total",
    "litigation_total",
    "table_mismatches",
    "errors",
    "warnings",
    "infos",
];

/// The comparison of the 政府信息公开 reports among `summaries`, one row each (UTF-8 with a
/// BOM, formula-safe); other kinds are left out.
pub fn disclosure_table_csv(summaries: &[&Summary]) -> String {
    let mut out = String::from("\u{FEFF}");
    write_row(&mut out, DISCLOSURE_TABLE_HEADER.iter().map(|s| s.to_string()));
    let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
    for s in summaries.iter().filter(|s| s.kind == KindId::Disclosure) {
        let r = DisclosureRow::of(s);
        write_row(
            &mut out,
            [
                r.report.clone(),
                r.issuer.clone().unwrap_or_default(),
                r.level.as_str().to_string(),
                r.report_year.map(|y| y.to_string()).unwrap_or_default(),
                r.publish_date.map(|d| d.to_string()).unwrap_or_default(),
                r.published_late.map(|b| b.to_string()).unwrap_or_default(),
                r.parts_present.to_string(),
                num(r.new_applications),
                num(r.carried_over),
                num(r.granted),
                num(r.refused),
                num(r.review_total),
                num(r.litigation_total),
                r.table_mismatches.to_string(),
                r.errors.to_string(),
                r.warnings.to_string(),
                r.infos.to_string(),
            ],
        );
    }
    out
}

/// Kinds of figures, to compare like with like across reports. A figure's `what` decides
/// (first match wins, so the more specific kinds come first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// 行政复议与诉讼.
    ReviewLitigation,
    /// 信访投诉.
    Petitions,
    /// 矛盾纠纷.
    Disputes,
    /// 法律顾问与法律服务.
    LegalAdvisers,
    /// 学法培训.
    LawStudy,
    /// 普法宣传.
    LawPublicity,
    /// 行政执法.
    Enforcement,
    /// 政务公开.
    OpenGovernment,
    /// 合法性审查.
    LegalityReview,
}

impl MetricKind {
    /// Every kind, in the order charts offer them.
    pub const ALL: [MetricKind; 9] = [
        MetricKind::LawStudy,
        MetricKind::LawPublicity,
        MetricKind::Disputes,
        MetricKind::Petitions,
        MetricKind::LegalAdvisers,
        MetricKind::ReviewLitigation,
        MetricKind::Enforcement,
        MetricKind::OpenGovernment,
        MetricKind::LegalityReview,
    ];

    /// The kind's name in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            MetricKind::LawStudy => "学法培训",
            MetricKind::LawPublicity => "普法宣传",
            MetricKind::Disputes => "矛盾纠纷",
            MetricKind::Petitions => "信访投诉",
            MetricKind::LegalAdvisers => "法律顾问与法律服务",
            MetricKind::ReviewLitigation => "行政复议与诉讼",
            MetricKind::Enforcement => "行政执法",
            MetricKind::OpenGovernment => "政务公开",
            MetricKind::LegalityReview => "合法性审查",
        }
    }

    /// The kind's name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            MetricKind::LawStudy => "Law study and training",
            MetricKind::LawPublicity => "Legal publicity",
            MetricKind::Disputes => "Disputes",
            MetricKind::Petitions => "Petitions and complaints",
            MetricKind::LegalAdvisers => "Legal advisers and services",
            MetricKind::ReviewLitigation => "Administrative review and litigation",
            MetricKind::Enforcement => "Law enforcement",
            MetricKind::OpenGovernment => "Open government",
            MetricKind::LegalityReview => "Legality review",
        }
    }

    fn words(self) -> &'static [&'static str] {
        match self {
            MetricKind::ReviewLitigation => &["复议", "诉讼", "应诉", "出庭", "败诉"],
            MetricKind::Petitions => &["信访", "来访", "投诉", "举报", "12345", "热线", "接访"],
            MetricKind::Disputes => &["纠纷", "矛盾", "调解", "调处", "化解"],
            MetricKind::LegalAdvisers => &["法律顾问", "律师", "律所", "法律明白人", "法律援助", "法律服务", "公证", "法律咨询"],
            MetricKind::LawStudy => &["学法", "学习", "培训", "考试", "讲课", "中心组"],
            MetricKind::LawPublicity => &["宣传", "普法", "讲座", "资料", "横幅", "宣讲", "法治文化", "受教育", "海报", "展板"],
            MetricKind::Enforcement => &["执法", "检查", "处罚", "查处", "罚没", "案卷"],
            MetricKind::OpenGovernment => &["公开", "政务信息", "发布信息"],
            MetricKind::LegalityReview => &["规范性文件", "合法性", "审查", "审核", "备案", "决策"],
        }
    }

    /// The kind a figure's `what` (folded) belongs to, if any.
    pub fn of(what: &str) -> Option<MetricKind> {
        let order = [
            MetricKind::ReviewLitigation,
            MetricKind::Petitions,
            MetricKind::Disputes,
            MetricKind::LegalAdvisers,
            MetricKind::LawStudy,
            MetricKind::LawPublicity,
            MetricKind::Enforcement,
            MetricKind::OpenGovernment,
            MetricKind::LegalityReview,
        ];
        order.into_iter().find(|k| k.words().iter().any(|w| what.contains(w)))
    }
}

/// One figure of a [`FigureKind`] in one report.
#[derive(Clone, Debug, PartialEq)]
pub struct KindMember {
    /// The number.
    pub value: f64,
    /// How exact it claims to be.
    pub approx: crate::metrics::Approx,
    /// The figure's text as printed (`发放宣传资料30000余份`).
    pub text: String,
    /// Its line (1-based).
    pub line: usize,
}

/// Figures that count the same thing the same way, across reports: the same `what`
/// (compared by [`crate::metrics::label_key`]: script, width and quotation marks aside), the
/// same `action` and the same unit. Only such figures may stand side by side or add up:
/// `宣传资料 30000份` and `宣传小礼品 600份` are two kinds, never one bar of 30600份.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureKind {
    /// What is counted, as printed in the first report that has it.
    pub what: String,
    /// The clause's verb, as printed in the first report that has it.
    pub action: Option<String>,
    /// The unit, as printed in the first report that has it.
    pub unit: String,
    /// For each report (in the order given), its figures of this kind, in text order; empty
    /// when it has none.
    pub members: Vec<Vec<KindMember>>,
}

impl FigureKind {
    /// A report's total of this kind: its figures added up (they count the same thing in the
    /// same unit), or None when it has none.
    pub fn total(&self, report: usize) -> Option<f64> {
        let m = self.members.get(report).filter(|m| !m.is_empty())?;
        Some(m.iter().map(|m| m.value).sum())
    }

    /// How many reports have a figure of this kind.
    pub fn reports(&self) -> usize {
        self.members.iter().filter(|m| !m.is_empty()).count()
    }
}

/// The kinds of figure of one topic (`kind`) across the reports, those most reports share
/// first (then the most figures, then the order of the first report).
pub fn figure_kinds(summaries: &[&Summary], kind: MetricKind) -> Vec<FigureKind> {
    let mut keys: Vec<(String, String, String)> = Vec::new();
    let mut out: Vec<FigureKind> = Vec::new();
    for (r, s) in summaries.iter().enumerate() {
        for m in &s.metrics {
            let Some(what) = m.what.as_deref() else { continue };
            let folded = crate::normalize::fold_str(what);
            if MetricKind::of(&folded) != Some(kind) {
                continue;
            }
            let key = (
                crate::metrics::label_key(what),
                m.action.as_deref().map(crate::metrics::label_key).unwrap_or_default(),
                crate::normalize::fold_str(&m.unit),
            );
            let k = match keys.iter().position(|k| *k == key) {
                Some(k) => k,
                None => {
                    keys.push(key);
                    out.push(FigureKind {
                        what: what.to_string(),
                        action: m.action.clone(),
                        unit: m.unit.clone(),
                        members: vec![Vec::new(); summaries.len()],
                    });
                    out.len() - 1
                }
            };
            out[k].members[r].push(KindMember { value: m.value, approx: m.approx, text: m.text.clone(), line: m.line });
        }
    }
    // Most reports first, then most figures, else the order of first appearance. An insertion
    // by hand: a library sort of this type weighs kilobytes of the app's first load.
    let rank = |k: &FigureKind| (k.reports(), k.members.iter().map(Vec::len).sum::<usize>());
    let mut ordered: Vec<FigureKind> = Vec::with_capacity(out.len());
    for k in out {
        let at = ordered.iter().position(|o| rank(o) < rank(&k)).unwrap_or(ordered.len());
        ordered.insert(at, k);
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str, name: &str) -> Summary {
        crate::analyze_text(text, Some(name))
    }

    #[test]
    fn rows_csv_and_json() {
        let a = report("某镇2024年法治政府建设情况报告\n发布时间:2025-04-20\n一、主要举措和成效\n发放资料3000余份，受理纠纷12起。\n二、存在的不足和原因\n", "a.txt");
        let b = report("某局2024年法治政府建设情况报告\n一、2025年工作计划\n", "b.txt");
        let rows: Vec<Row> = [&a, &b].iter().map(|s| Row::of(s)).collect();
        assert_eq!(rows[0].published_late, Some(true));
        assert_eq!(rows[1].published_late, None);
        assert_eq!((rows[0].parts_present, rows[1].parts_present), (2, 1));
        let csv = table_csv(&[&a, &b]);
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].split(',').count(), TABLE_HEADER.len());
        assert!(
            lines[1].starts_with("a.txt,某镇,township,2024,2025-04-20,true,present,present,missing,missing,missing,2,true,2,"),
            "{}",
            lines[1]
        );
        // For a reader of a Chinese spreadsheet: Chinese names of columns and values.
        let zh = table_csv_worded(&[&a, &b], Wording::Chinese);
        let zh_lines: Vec<&str> = zh.trim_start_matches('\u{FEFF}').lines().collect();
        assert_eq!(zh_lines[0].split(',').count(), TABLE_HEADER_ZH.len());
        assert!(zh_lines[0].starts_with("报告,报告单位,层级,报告年度,发布日期,逾期公开,主要举措和成效,"), "{}", zh_lines[0]);
        assert!(
            zh_lines[1].starts_with("a.txt,某镇,乡镇（街道）,2024,2025-04-20,是,已具备,已具备,缺失,缺失,缺失,2,是,2,"),
            "{}",
            zh_lines[1]
        );
        let json: serde_json::Value = serde_json::from_str(&comparison_json(&[&a, &b])).unwrap();
        assert_eq!(json["table"].as_array().unwrap().len(), 2);
        assert_eq!(json["reports"][1]["source"]["name"], "b.txt");
    }

    #[test]
    fn figures_grouped_by_kind() {
        assert_eq!(MetricKind::of("宣传资料"), Some(MetricKind::LawPublicity));
        assert_eq!(MetricKind::of("矛盾纠纷"), Some(MetricKind::Disputes));
        assert_eq!(MetricKind::of("行政复议案件"), Some(MetricKind::ReviewLitigation));
        assert_eq!(MetricKind::of("信访案件"), Some(MetricKind::Petitions));
        assert_eq!(MetricKind::of("党委中心组专题学习"), Some(MetricKind::LawStudy));
        assert_eq!(MetricKind::of("网格"), None);
    }

    #[test]
    fn unlike_figures_are_never_added_up() {
        // Two things counted in the same unit are two kinds, each with its own bar.
        let a = report("某镇2024年法治政府建设情况报告\n一、主要举措和成效\n发放宣传资料30000余份、宣传小礼品600余份。\n", "a.txt");
        let b = report("某乡2024年法治政府建设情况报告\n一、主要举措和成效\n全年发放宣传资料12000份。\n", "b.txt");
        let kinds = figure_kinds(&[&a, &b], MetricKind::LawPublicity);
        let shown: Vec<(&str, &str, Option<f64>, Option<f64>)> =
            kinds.iter().map(|k| (k.what.as_str(), k.unit.as_str(), k.total(0), k.total(1))).collect();
        assert_eq!(shown, [("宣传资料", "份", Some(30000.0), Some(12000.0)), ("宣传小礼品", "份", Some(600.0), None)]);
        assert!(kinds.iter().all(|k| k.total(0) != Some(30600.0)));
        assert_eq!(kinds[0].members[0][0].text, "发放宣传资料30000余份");
        assert_eq!((kinds[0].reports(), kinds[1].reports()), (2, 1));
    }

    #[test]
    fn a_kind_is_one_thing_one_action_one_unit() {
        // The same thing in another unit, or under another action, is another kind; the same
        // thing twice in one report adds up, and the bar keeps both figures.
        let a = report(
            "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n受理矛盾纠纷60起，化解矛盾纠纷58起。\n二、其他\n受理矛盾纠纷5起。发放資料300份，发放资料2万份。\n",
            "a.txt",
        );
        let disputes = figure_kinds(&[&a], MetricKind::Disputes);
        let shown: Vec<(&str, Option<&str>, Option<f64>, usize)> =
            disputes.iter().map(|k| (k.what.as_str(), k.action.as_deref(), k.total(0), k.members[0].len())).collect();
        assert_eq!(shown, [("矛盾纠纷", Some("受理"), Some(65.0), 2), ("矛盾纠纷", Some("化解"), Some(58.0), 1)]);
        let publicity = figure_kinds(&[&a], MetricKind::LawPublicity);
        let units: Vec<&str> = publicity.iter().map(|k| k.unit.as_str()).collect();
        assert_eq!(units, ["份", "万份"], "Traditional and Simplified spellings are one thing; 份 and 万份 are two units");
    }
}
