//! Stage 7 — findings: what a reviewer should look at, each with a severity, a stable
//! code (scripts may rely on it), a message in Chinese and the line it concerns.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `no_text` | error | no prose at all |
//! | `part_missing` | error | no heading names a required part |
//! | `published_late` | error | published (or signed) after 1 April of the year after the report year |
//! | `part_partial` | warning | a heading names the part but misses an element (reason given) |
//! | `parts_out_of_order` | warning | the present parts do not follow the rule's order |
//! | `numbering_start` / `numbering_gap` / `numbering_duplicate` / `numbering_order` | warning | heading numbers do not run 1, 2, 3… |
//! | `no_figures_in_results` | warning | the measures part holds no figure |
//! | `no_causes_in_shortcomings` | warning | the shortcomings part gives no cause |
//! | `undecodable_bytes` | warning | bytes that could not be decoded |
//! | `part_mentioned_elsewhere` | info | a missing part is touched on in the text (line given) |
//! | `no_figures` | info | the report holds no figure at all |
//! | `publish_date_unknown` | info | no publication date found: the deadline cannot be checked |
//! | `report_year_unknown` | info | the year reported on could not be found |

use crate::document::Document;
use crate::lines::LineKind;
use crate::meta::Meta;
use crate::metrics::Metric;
use crate::outline::{IssueKind, Outline};
use crate::sections::{PartId, Sections, Status};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub line: Option<usize>,
}

impl Finding {
    fn new(severity: Severity, code: &str, message: String, line: Option<usize>) -> Finding {
        Finding { severity, code: code.to_string(), message, line }
    }
}

/// Everything the findings are drawn from.
pub struct Inputs<'a> {
    pub doc: &'a Document,
    pub outline: &'a Outline,
    pub meta: &'a Meta,
    pub sections: &'a Sections,
    pub metrics: &'a [Metric],
    pub metric_parts: &'a [Option<PartId>],
    pub undecodable_bytes: usize,
    pub encoding: &'a str,
}

pub fn find(x: &Inputs) -> Vec<Finding> {
    let mut out = Vec::new();
    if !x.doc.lines.iter().any(|l| l.kind == LineKind::Text) {
        out.push(Finding::new(Severity::Error, "no_text", "没有找到报告正文。".into(), None));
    }
    if x.undecodable_bytes > 0 {
        out.push(Finding::new(
            Severity::Warning,
            "undecodable_bytes",
            format!("有{}个字节无法按{}解码，已替换为“�”。", x.undecodable_bytes, x.encoding),
            None,
        ));
    }
    parts(x, &mut out);
    deadline(x, &mut out);
    numbering(x, &mut out);
    figures(x, &mut out);
    causes(x, &mut out);
    if x.meta.report_year.is_none() {
        out.push(Finding::new(Severity::Info, "report_year_unknown", "未能确定报告所述年度。".into(), None));
    }
    out.sort_by_key(|f| (f.severity, f.line.unwrap_or(0)));
    out
}

fn parts(x: &Inputs, out: &mut Vec<Finding>) {
    for part in &x.sections.parts {
        match part.status {
            Status::Missing => {
                out.push(Finding::new(
                    Severity::Error,
                    "part_missing",
                    format!("缺少必备部分“{}”：没有标题写明这一部分。", part.id.short_name()),
                    None,
                ));
                if let Some(line) = mentioned_at(x, part.id) {
                    out.push(Finding::new(
                        Severity::Info,
                        "part_mentioned_elsewhere",
                        format!("“{}”未单列成部分，但第{}行提及相关内容。", part.id.short_name(), line),
                        Some(line),
                    ));
                }
            }
            Status::Partial => out.push(Finding::new(
                Severity::Warning,
                "part_partial",
                format!("“{}”不完整：{}。", part.id.short_name(), part.reason.as_deref().unwrap_or("缺少规定的要素")),
                part.line,
            )),
            Status::Present => {}
        }
    }
    if !x.sections.in_order {
        let mut present: Vec<(usize, PartId)> = x.sections.parts.iter().filter_map(|p| p.line.map(|l| (l, p.id))).collect();
        present.sort();
        let order: Vec<&str> = present.iter().map(|(_, id)| id.short_name()).collect();
        let first_out = present.windows(2).find(|w| w[0].1 > w[1].1).map(|w| w[0].0);
        out.push(Finding::new(
            Severity::Warning,
            "parts_out_of_order",
            format!("必备部分的顺序与规定不一致：报告中依次为{}。", order.join("、")),
            first_out,
        ));
    }
}

/// The first prose line outside any part heading that touches on `id`.
fn mentioned_at(x: &Inputs, id: PartId) -> Option<usize> {
    let words: &[&str] = match id {
        PartId::Measures => &["主要举措", "工作成效", "取得成效", "主要做法"],
        PartId::Shortcomings => &["不足", "存在问题", "存在的问题", "短板", "差距"],
        PartId::FirstResponsible => &["第一责任人", "主要负责人"],
        PartId::NextYearPlan => &["下一步", "下一年度", "明年", "工作打算"],
        PartId::Other => &["其他需要报告"],
    };
    let heading_lines: Vec<usize> = x.sections.parts.iter().filter_map(|p| p.line).collect();
    x.doc
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Text && !heading_lines.contains(&l.number) && !x.meta.frame_lines.contains(&l.number))
        .find(|l| {
            let text = x.doc.folded_str(l.start, l.end);
            words.iter().any(|w| text.contains(w))
        })
        .map(|l| l.number)
}

fn deadline(x: &Inputs, out: &mut Vec<Finding>) {
    let Some(year) = x.meta.report_year else {
        return;
    };
    let deadline = crate::meta::date::Date { year: year + 1, month: 4, day: 1 };
    match (x.meta.publish_date, x.meta.signed_date) {
        (Some(p), _) if p > deadline => out.push(Finding::new(
            Severity::Error,
            "published_late",
            format!("发布日期{p}晚于规定期限{deadline}（应于{}年4月1日前公开）。", year + 1),
            None,
        )),
        (None, Some(s)) if s > deadline => out.push(Finding::new(
            Severity::Error,
            "published_late",
            format!("落款日期{s}已晚于规定期限{deadline}，公开不会早于落款（应于{}年4月1日前公开）。", year + 1),
            None,
        )),
        (None, _) => {
            out.push(Finding::new(Severity::Info, "publish_date_unknown", "未找到发布日期，无法核对“4月1日前公开”的要求。".into(), None))
        }
        _ => {}
    }
}

fn numbering(x: &Inputs, out: &mut Vec<Finding>) {
    for issue in &x.outline.issues {
        let h = &x.outline.headings[issue.heading];
        let (code, message) = match issue.kind {
            IssueKind::Start => ("numbering_start", format!("“{}”是这一级的第一个标题，编号应从{}开始。", h.marker, issue.expected)),
            IssueKind::Gap => ("numbering_gap", format!("标题编号跳号：“{}”之前缺少第{}项。", h.marker, issue.expected)),
            IssueKind::Duplicate => ("numbering_duplicate", format!("标题编号重复：“{}”出现了两次。", h.marker)),
            IssueKind::Order => ("numbering_order", format!("标题编号倒序：“{}”出现在更大的编号之后。", h.marker)),
        };
        out.push(Finding::new(Severity::Warning, code, message, Some(h.line)));
    }
}

fn figures(x: &Inputs, out: &mut Vec<Finding>) {
    let measures = x.sections.part(PartId::Measures);
    if measures.status != Status::Missing && !x.metric_parts.contains(&Some(PartId::Measures)) {
        out.push(Finding::new(Severity::Warning, "no_figures_in_results", "“主要举措和成效”部分没有任何量化数据。".into(), measures.line));
    } else if x.metrics.is_empty() && x.doc.lines.iter().any(|l| l.kind == LineKind::Text) {
        out.push(Finding::new(Severity::Info, "no_figures", "全文没有任何量化数据。".into(), None));
    }
}

fn causes(x: &Inputs, out: &mut Vec<Finding>) {
    let part = x.sections.part(PartId::Shortcomings);
    let Some((s, e)) = part.span else { return };
    const CAUSAL: &[&str] = &[
        "原因",
        "由于",
        "因为",
        "导致",
        "造成",
        "在于",
        "源于",
        "缘于",
        "归因",
        "根源",
        "成因",
        "受限于",
        "以致",
        "致使",
        "影响了",
        "所致",
    ];
    let text = x.doc.folded_str(s, e);
    if !CAUSAL.iter().any(|w| text.contains(w)) {
        out.push(Finding::new(
            Severity::Warning,
            "no_causes_in_shortcomings",
            "“存在的不足和原因”部分只列问题，没有分析原因。".into(),
            part.line,
        ));
    }
}
