//! Findings in words, in Chinese or English: the one place where a [`Finding`]'s code and
//! arguments become a sentence. The summary itself carries no sentences, so the app shows
//! every finding in its UI language and the CLI in the one asked for.
//!
//! ```
//! use report_core::messages::{finding_message, Lang};
//! let s = report_core::analyze_text("一、主要举措和成效\n发放资料3000余份。", None);
//! let missing = s.findings.iter().find(|f| f.code.as_str() == "part_missing").unwrap();
//! assert_eq!(finding_message(missing, Lang::Zh), "缺少必备部分“存在的不足和原因”：没有标题写明这一部分。");
//! assert_eq!(finding_message(missing, Lang::En), "Required part missing: “Shortcomings and causes” — no heading names it.");
//! ```

use crate::findings::{DateKind, Finding, FindingCode};
use crate::forms::{self, FormId, TableId};
use crate::frame::Level;
use crate::kinds::{Deadline, KindId, PartId, ReportKind};
use crate::metrics::Approx;
use crate::sections::{PartialReason, Status};

/// A language of the messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// 简体中文.
    #[default]
    Zh,
    /// English.
    En,
}

/// A part's short name in `lang`.
pub fn part_name(part: PartId, lang: Lang) -> &'static str {
    let spec = part.spec();
    match lang {
        Lang::Zh => spec.short_zh,
        Lang::En => spec.short_en,
    }
}

/// How exact a figure claims to be, in `lang`.
pub fn approx_name(approx: Approx, lang: Lang) -> &'static str {
    match (approx, lang) {
        (Approx::Exact, Lang::Zh) => "确数",
        (Approx::AtLeast, Lang::Zh) => "以上",
        (Approx::About, Lang::Zh) => "约数",
        (Approx::AtMost, Lang::Zh) => "以下",
        (Approx::Exact, Lang::En) => "exact",
        (Approx::AtLeast, Lang::En) => "at least",
        (Approx::About, Lang::En) => "about",
        (Approx::AtMost, Lang::En) => "at most",
    }
}

/// An issuer's level in `lang`.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Township, Lang::Zh) => "乡镇（街道）",
        (Level::County, Lang::Zh) => "县（区）",
        (Level::City, Lang::Zh) => "市",
        (Level::Province, Lang::Zh) => "省",
        (Level::Department, Lang::Zh) => "部门",
        (Level::Unknown, Lang::Zh) => "未知",
        (Level::Township, Lang::En) => "township",
        (Level::County, Lang::En) => "county",
        (Level::City, Lang::En) => "city",
        (Level::Province, Lang::En) => "province",
        (Level::Department, Lang::En) => "department",
        (Level::Unknown, Lang::En) => "unknown",
    }
}

/// A part's status in `lang`.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Present, Lang::Zh) => "已具备",
        (Status::Partial, Lang::Zh) => "不完整",
        (Status::Missing, Lang::Zh) => "缺失",
        (Status::Present, Lang::En) => "present",
        (Status::Partial, Lang::En) => "partial",
        (Status::Missing, Lang::En) => "missing",
    }
}

/// The name of a kind of report in `lang`.
pub fn kind_name(kind: KindId, lang: Lang) -> &'static str {
    let kind = ReportKind::get(kind);
    match lang {
        Lang::Zh => kind.name_zh,
        Lang::En => kind.name_en,
    }
}

/// Why a part is partial, in `lang`.
pub fn reason_message(reason: PartialReason, lang: Lang) -> String {
    match (reason, lang) {
        (PartialReason::ProblemsWithoutCauses, Lang::Zh) => "标题只写问题或不足，未写原因".into(),
        (PartialReason::ProblemsWithoutCauses, Lang::En) => "the heading names problems but not their causes".into(),
        (PartialReason::MeasuresWithoutResults, Lang::Zh) => "标题只写举措，未写成效".into(),
        (PartialReason::MeasuresWithoutResults, Lang::En) => "the heading names measures but not their results".into(),
        (PartialReason::WrongYear { found, expected }, Lang::Zh) => format!("标题所写年份为{found}年，应为{expected}年"),
        (PartialReason::WrongYear { found, expected }, Lang::En) => format!("the heading names {found}; it should name {expected}"),
    }
}

/// The finding as a sentence in `lang`.
pub fn finding_message(f: &Finding, lang: Lang) -> String {
    let part = |p: PartId| part_name(p, lang);
    let zh = lang == Lang::Zh;
    match &f.code {
        FindingCode::NoText if zh => "没有找到报告正文。".into(),
        FindingCode::NoText => "No report text was found.".into(),
        FindingCode::UndecodableBytes { bytes, encoding } if zh => {
            format!("有{bytes}个字节无法按{}解码，已替换为“�”。", encoding.as_str())
        }
        FindingCode::UndecodableBytes { bytes, encoding } => {
            format!("{bytes} bytes could not be decoded as {} and were replaced by “�”.", encoding.as_str())
        }
        FindingCode::PartMissing { part: p } if zh => format!("缺少必备部分“{}”：没有标题写明这一部分。", part(*p)),
        FindingCode::PartMissing { part: p } => format!("Required part missing: “{}” — no heading names it.", part(*p)),
        FindingCode::PartMentionedElsewhere { part: p } if zh => match f.line {
            Some(line) => format!("“{}”未单列成部分，但第{line}行提及相关内容。", part(*p)),
            None => format!("“{}”未单列成部分，但正文提及相关内容。", part(*p)),
        },
        FindingCode::PartMentionedElsewhere { part: p } => match f.line {
            Some(line) => format!("“{}” is not a part of its own, but line {line} touches on it.", part(*p)),
            None => format!("“{}” is not a part of its own, but the text touches on it.", part(*p)),
        },
        FindingCode::PartPartial { part: p, reason } if zh => format!("“{}”不完整：{}。", part(*p), reason_message(*reason, lang)),
        FindingCode::PartPartial { part: p, reason } => format!("“{}” is incomplete: {}.", part(*p), reason_message(*reason, lang)),
        FindingCode::PartsOutOfOrder { order } if zh => {
            format!("必备部分的顺序与规定不一致：报告中依次为{}。", order.iter().map(|p| part(*p)).collect::<Vec<_>>().join("、"))
        }
        FindingCode::PartsOutOfOrder { order } => format!(
            "The required parts are not in the rule's order: the report has {}.",
            order.iter().map(|p| format!("“{}”", part(*p))).collect::<Vec<_>>().join(", ")
        ),
        FindingCode::PublishedLate { date, date_kind: DateKind::Published, deadline, rule } if zh => {
            format!("发布日期{date}晚于规定期限{deadline}（{}：应于{}月{}日前公开）。", Deadline::get(*rule).rule_zh, deadline.month, deadline.day)
        }
        FindingCode::PublishedLate { date, date_kind: DateKind::Signed, deadline, rule } if zh => format!(
            "落款日期{date}已晚于规定期限{deadline}，公开不会早于落款（{}：应于{}月{}日前公开）。",
            Deadline::get(*rule).rule_zh,
            deadline.month,
            deadline.day
        ),
        FindingCode::PublishedLate { date, date_kind: DateKind::Published, deadline, rule } => {
            format!("Published on {date}, after the deadline of {deadline} ({}).", Deadline::get(*rule).rule_en)
        }
        FindingCode::PublishedLate { date, date_kind: DateKind::Signed, deadline, rule } => format!(
            "Signed on {date}, after the deadline of {deadline}; it cannot have been published earlier ({}).",
            Deadline::get(*rule).rule_en
        ),
        FindingCode::PublishedAfterUnboundDeadline { date, date_kind, deadline, rule } if zh => format!(
            "{}{date}晚于{}为县级以上政府及其部门规定的期限{deadline}；该文件未对乡镇（街道）作出要求，仅作提示。",
            if *date_kind == DateKind::Published { "发布日期" } else { "落款日期" },
            Deadline::get(*rule).rule_zh
        ),
        FindingCode::PublishedAfterUnboundDeadline { date, date_kind, deadline, rule } => format!(
            "{} on {date}, after {deadline}, the deadline the {} sets for county-and-above governments and their departments; it does not name townships, so this is a note only.",
            if *date_kind == DateKind::Published { "Published" } else { "Signed" },
            Deadline::get(*rule).rule_en
        ),
        FindingCode::PublishDateUnknown { deadline_month, deadline_day, rule } if zh => {
            format!("未找到发布日期，无法核对{}“{deadline_month}月{deadline_day}日前公开”的要求。", Deadline::get(*rule).rule_zh)
        }
        FindingCode::PublishDateUnknown { deadline_month, deadline_day, rule } => format!(
            "No publication date was found: the {} deadline of the {} cannot be checked.",
            english_day(*deadline_month, *deadline_day),
            Deadline::get(*rule).rule_en
        ),
        FindingCode::NumberingStart { marker, expected, .. } if zh => format!("“{marker}”是这一级的第一个标题，编号应从{expected}开始。"),
        FindingCode::NumberingStart { marker, expected, .. } => {
            format!("“{marker}” is the first heading of its level; numbering should start at {expected}.")
        }
        FindingCode::NumberingGap { marker, expected, .. } if zh => format!("标题编号跳号：“{marker}”之前缺少第{expected}项。"),
        FindingCode::NumberingGap { marker, expected, .. } => {
            format!("Heading numbers skip: number {expected} is missing before “{marker}”.")
        }
        FindingCode::NumberingDuplicate { marker, .. } if zh => format!("标题编号重复：“{marker}”出现了两次。"),
        FindingCode::NumberingDuplicate { marker, .. } => format!("Heading number repeated: “{marker}” appears twice."),
        FindingCode::NumberingOrder { marker, .. } if zh => format!("标题编号倒序：“{marker}”出现在更大的编号之后。"),
        FindingCode::NumberingOrder { marker, .. } => format!("Heading numbers go backwards: “{marker}” comes after a larger number."),
        FindingCode::NoFiguresInResults { part: p } if zh => format!("“{}”部分没有任何量化数据。", part(*p)),
        FindingCode::NoFiguresInResults { part: p } => format!("The part “{}” holds no figure at all.", part(*p)),
        FindingCode::NoFigures if zh => "全文没有任何量化数据。".into(),
        FindingCode::NoFigures => "The report holds no figure at all.".into(),
        FindingCode::NoCausesInShortcomings { part: p } if zh => format!("“{}”部分只列问题，没有分析原因。", part(*p)),
        FindingCode::NoCausesInShortcomings { part: p } => {
            format!("The part “{}” lists problems without analysing their causes.", part(*p))
        }
        FindingCode::ReportYearUnknown if zh => "未能确定报告所述年度。".into(),
        FindingCode::ReportYearUnknown => "The year the report covers could not be determined.".into(),
        // Built without the kind that has these findings, they cannot occur: their code
        // stands for them, and their wording stays out of the web app.
        FindingCode::TableMissing { .. }
        | FindingCode::TableIncomplete { .. }
        | FindingCode::TableEmpty { .. }
        | FindingCode::TableSumMismatch { .. }
        | FindingCode::TitleYearMismatch { .. }
            if !cfg!(feature = "disclosure") =>
        {
            f.code.as_str().to_string()
        }
        FindingCode::TableMissing { table } if zh => format!("缺少标准表格“{}”。", table_name(*table, lang)),
        FindingCode::TableMissing { table } => format!("The standard table “{}” is missing.", table_name(*table, lang)),
        FindingCode::TableIncomplete { table, missing_rows, short_rows } if zh => {
            let mut parts = Vec::new();
            if !missing_rows.is_empty() {
                parts.push(format!("缺少{}行（{}）", missing_rows.len(), row_list(*table, missing_rows, lang)));
            }
            if !short_rows.is_empty() {
                parts.push(format!("{}行单元格不全（{}）", short_rows.len(), row_list(*table, short_rows, lang)));
            }
            format!("标准表格“{}”不完整：{}。", table_name(*table, lang), parts.join("；"))
        }
        FindingCode::TableIncomplete { table, missing_rows, short_rows } => {
            let mut parts = Vec::new();
            if !missing_rows.is_empty() {
                parts.push(format!("{} rows missing ({})", missing_rows.len(), row_list(*table, missing_rows, lang)));
            }
            if !short_rows.is_empty() {
                parts.push(format!("{} rows lack cells ({})", short_rows.len(), row_list(*table, short_rows, lang)));
            }
            format!("The standard table “{}” is incomplete: {}.", table_name(*table, lang), parts.join("; "))
        }
        FindingCode::TableEmpty { table } if zh => format!("标准表格“{}”的单元格全部为空。", table_name(*table, lang)),
        FindingCode::TableEmpty { table } => format!("Every cell of the standard table “{}” is empty.", table_name(*table, lang)),
        FindingCode::TableSumMismatch { table, rule, row, column, expected, found } if zh => {
            let (r, c) = (forms::row_label(*table, row), forms::column_label(*table, column));
            let (e, f) = (format_value(*expected), format_value(*found));
            match rule.as_str() {
                "column_balance" => format!("“{}”表“{c}”列：第一项加第二项之和为{e}，第三项（七）总计加第四项之和为{f}，两者应相等。", table_name(*table, lang)),
                "column_total" => format!("“{}”表“{c}”列：“{r}”填报{f}，而（一）至（六）合计为{e}。", table_name(*table, lang)),
                _ => format!("“{}”表“{r}”行：“{c}”填报{f}，而各列合计为{e}。", table_name(*table, lang)),
            }
        }
        // Rows and columns by the form's own labels, as the tables show them in either language.
        FindingCode::TableSumMismatch { table, rule, row, column, expected, found } => {
            let (r, c) = (forms::row_label(*table, row), forms::column_label(*table, column));
            let (e, f) = (format_value(*expected), format_value(*found));
            match rule.as_str() {
                "column_balance" => format!("Table “{}”, column “{c}”: items 1 + 2 make {e}, but 3 (total) + 4 make {f}; the form says they are equal.", table_name(*table, lang)),
                "column_total" => format!("Table “{}”, column “{c}”: the row “{r}” says {f}, but (1)–(6) add up to {e}.", table_name(*table, lang)),
                _ => format!("Table “{}”, row “{r}”: the column “{c}” says {f}, but the columns it totals add up to {e}.", table_name(*table, lang)),
            }
        }
        FindingCode::TitleYearMismatch { title_year, publish_year } if zh => {
            format!("标题写的是{title_year}年，但报告发布于{publish_year}年：年度报告应报告上一年度（应为{}年）。", publish_year - 1)
        }
        FindingCode::TitleYearMismatch { title_year, publish_year } => format!(
            "The title names {title_year}, but the report was published in {publish_year}: an annual report covers the year before ({}).",
            publish_year - 1
        ),
    }
}

/// A standard table's name in `lang`.
pub fn table_name(table: TableId, lang: Lang) -> &'static str {
    let spec = forms::spec(table, FormId::Form2021);
    match lang {
        Lang::Zh => spec.name_zh,
        Lang::En => spec.name_en,
    }
}

/// Rows named for a message by the form's labels (quoted in English), at most three, then “…”.
fn row_list(table: TableId, rows: &[String], lang: Lang) -> String {
    let names: Vec<String> = rows
        .iter()
        .take(3)
        .map(|r| if lang == Lang::Zh { forms::row_label(table, r).to_string() } else { format!("“{}”", forms::row_label(table, r)) })
        .collect();
    let more = if rows.len() > 3 { "…" } else { "" };
    format!("{}{more}", names.join(if lang == Lang::Zh { "、" } else { ", " }))
}

/// A table value as the report would print it (integers without a fraction).
fn format_value(v: f64) -> String {
    match crate::numerals::as_integer(v) {
        Some(i) => i.to_string(),
        None => format!("{v}"),
    }
}

fn english_day(month: u32, day: u32) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    format!("{day} {}", MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("?"))
}
