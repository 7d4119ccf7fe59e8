//! The UI's words in Chinese (the default) and English. Findings and part names come from
//! the core in Chinese; here are the labels around them.

use report_core::findings::Severity;
use report_core::frame::Level;
use report_core::kinds::PartId;
use report_core::metrics::Approx;
use report_core::sections::Status;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// How CSV downloads are worded: Chinese column names and values for a reader of a
    /// Chinese spreadsheet; in English, the JSON's codes (what scripts and the CLI use).
    pub fn csv_wording(self) -> report_core::export::Wording {
        match self {
            Lang::Zh => report_core::export::Wording::Chinese,
            Lang::En => report_core::export::Wording::Codes,
        }
    }

    /// The same language for the core's messages (findings, reasons, part names).
    pub fn core(self) -> report_core::messages::Lang {
        match self {
            Lang::Zh => report_core::messages::Lang::Zh,
            Lang::En => report_core::messages::Lang::En,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// Every fixed string of the UI.
pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub switch_language: &'static str,
    pub input_region: &'static str,
    pub paste_label: &'static str,
    pub paste_placeholder: &'static str,
    pub open_files: &'static str,
    pub analyse: &'static str,
    pub analyse_title: &'static str,
    pub too_short: &'static str,
    pub drop_here: &'static str,
    pub privacy: &'static str,
    pub analysing: &'static str,
    pub empty_state: &'static str,
    pub dismiss: &'static str,
    pub title: &'static str,
    pub no_title: &'static str,
    pub issuer: &'static str,
    pub level: &'static str,
    pub report_year: &'static str,
    pub doc_number: &'static str,
    pub published: &'static str,
    pub signed: &'static str,
    pub encoding: &'static str,
    pub required_parts: &'static str,
    pub checklist: &'static str,
    pub outline: &'static str,
    pub no_headings: &'static str,
    pub text: &'static str,
    pub metrics: &'static str,
    pub no_metrics: &'static str,
    pub findings: &'static str,
    pub no_findings: &'static str,
    pub export: &'static str,
    pub download_json: &'static str,
    pub download_csv: &'static str,
    pub copy_json: &'static str,
    pub copied: &'static str,
    pub print: &'static str,
    pub col_value: &'static str,
    pub col_approx: &'static str,
    pub col_unit: &'static str,
    pub col_what: &'static str,
    pub col_part: &'static str,
    pub col_line: &'static str,
    pub filter_part: &'static str,
    pub all_parts: &'static str,
    pub outside_parts: &'static str,
    pub line: &'static str,
    pub show_earlier: &'static str,
    pub show_later: &'static str,
    pub show_all_rows: &'static str,
    pub show_more_findings: &'static str,
    pub numbering_problem: &'static str,
    pub reason: &'static str,
    pub report_kind: &'static str,
    pub kind_recognised: &'static str,
    pub kind_assumed: &'static str,
    pub kind_chosen: &'static str,
    pub not_stored: &'static str,
    pub not_stored_full: &'static str,
    pub previous_kept: &'static str,
    pub nothing_kept: &'static str,
    pub storage_cleared: &'static str,
    pub clear_stored: &'static str,
    pub clear_stored_title: &'static str,
    pub unknown: &'static str,
    pub in_order: &'static str,
    pub out_of_order: &'static str,
    pub fail_empty: &'static str,
    pub fail_image: &'static str,
    pub fail_pdf: &'static str,
    pub fail_legacy: &'static str,
    pub fail_sheet: &'static str,
    pub fail_zip: &'static str,
    pub fail_damaged: &'static str,
    pub fail_other: &'static str,
    pub kept: &'static str,
    pub failures_head: &'static str,
    pub zip_not_docx: &'static str,
    pub zip_truncated: &'static str,
    pub zip_damaged: &'static str,
    pub zip_no_text: &'static str,
    pub zip_missing: &'static str,
    pub zip_too_large: &'static str,
    pub zip_method: &'static str,
    pub read_failed: &'static str,
    pub analysis_failed: &'static str,
    pub stop_batch: &'static str,
    pub too_large: &'static str,
    pub pasted_text: &'static str,
    pub compare: &'static str,
    pub compare_tab: &'static str,
    pub back_to_compare: &'static str,
    pub previous_report: &'static str,
    pub previous_title: &'static str,
    pub next_report: &'static str,
    pub next_title: &'static str,
    pub place: &'static str,
    pub add_mode: &'static str,
    pub progress: &'static str,
    pub col_report: &'static str,
    pub col_issuer: &'static str,
    pub col_level: &'static str,
    pub col_year: &'static str,
    pub col_published: &'static str,
    pub col_parts: &'static str,
    pub col_metrics: &'static str,
    pub col_density: &'static str,
    pub col_errors: &'static str,
    pub col_warnings: &'static str,
    pub col_infos: &'static str,
    pub late: &'static str,
    pub filter_level: &'static str,
    pub filter_missing: &'static str,
    pub any: &'static str,
    pub remove: &'static str,
    pub clear_all: &'static str,
    pub confirm_clear: &'static str,
    pub cancel: &'static str,
    pub undo_replaced: &'static str,
    pub undo_removed: &'static str,
    pub undo_cleared: &'static str,
    pub download_table_csv: &'static str,
    pub download_comparison_json: &'static str,
    pub download_all_metrics: &'static str,
    pub chart_parts: &'static str,
    pub chart_kind: &'static str,
    pub kind: &'static str,
    pub no_kind_figures: &'static str,
    pub shown_rows: &'static str,
    pub tables: &'static str,
    pub table_form: &'static str,
    pub table_not_found: &'static str,
    pub table_item: &'static str,
    pub row_not_found: &'static str,
    pub cell_empty: &'static str,
    pub cell_none: &'static str,
    pub cell_text: &'static str,
    pub cell_missing: &'static str,
    pub cell_bad: &'static str,
    pub mark_empty: &'static str,
    pub mark_missing: &'static str,
    pub jump_cell: &'static str,
    pub col_new_applications: &'static str,
    pub col_carried_over: &'static str,
    pub col_granted: &'static str,
    pub col_refused: &'static str,
    pub col_review_total: &'static str,
    pub col_litigation_total: &'static str,
    pub col_mismatches: &'static str,
    pub download_disclosure_table_csv: &'static str,
    pub download_tables_csv: &'static str,
    pub kind_count: &'static str,
    pub download_report_tables_csv: &'static str,
}

pub static ZH: Texts = Texts {
    app_title: "Report Lens",
    tagline: "法治政府建设、政府信息公开年度报告审阅：结构、量化数据、必备部分与标准表格",
    switch_language: "English",
    input_region: "输入报告",
    paste_label: "报告全文",
    paste_placeholder: "在此粘贴报告全文（Ctrl+V），或把 .txt、.docx、网页文件拖到页面任意位置；输入的文字按“分析”或 Ctrl+Enter 后才分析",
    open_files: "打开文件…",
    analyse: "分析",
    analyse_title: "分析框中的文本（Ctrl+Enter）；粘贴整篇报告会立即分析",
    too_short: "至少 {} 个字才能作为报告分析（现有 {} 个）",
    drop_here: "松开鼠标以分析文件",
    privacy: "全部分析在本机浏览器内完成，文本不会上传。",
    analysing: "正在分析…",
    empty_state: "粘贴或打开一份报告，即可看到它的结构、量化数据和缺少的必备部分。",
    dismiss: "关闭",
    title: "标题",
    no_title: "（无标题）",
    issuer: "报告单位",
    level: "层级",
    report_year: "报告年度",
    doc_number: "文号",
    published: "发布日期",
    signed: "落款日期",
    encoding: "格式",
    required_parts: "必备部分",
    checklist: "必备部分检查",
    outline: "提纲",
    no_headings: "没有编号标题。",
    text: "原文",
    metrics: "量化数据",
    no_metrics: "没有找到量化数据。",
    findings: "审阅意见",
    no_findings: "没有发现问题。",
    export: "导出",
    download_json: "下载 JSON",
    download_csv: "下载 CSV",
    copy_json: "复制 JSON",
    copied: "已复制",
    print: "打印",
    col_value: "数值",
    col_approx: "精度",
    col_unit: "单位",
    col_what: "统计对象",
    col_part: "所在部分",
    col_line: "行",
    filter_part: "按部分筛选",
    all_parts: "全部",
    outside_parts: "不在必备部分内",
    line: "第{}行",
    show_earlier: "显示前面的内容",
    show_later: "显示后面的内容",
    show_all_rows: "显示全部 {} 行",
    show_more_findings: "再显示 {} 条（还有 {} 条）",
    numbering_problem: "编号有误",
    reason: "原因：",
    report_kind: "报告类型",
    kind_recognised: "据标题识别",
    kind_assumed: "标题未写明，按默认类型分析",
    kind_chosen: "已手动选择",
    not_stored: "浏览器未能保存当前的报告（{} KB）。",
    not_stored_full: "浏览器的存储空间已满，当前的报告（{} KB）未能保存。",
    previous_kept: "之前保存的 {} 份报告仍完整保留，刷新页面后恢复的是它们。",
    nothing_kept: "刷新页面后不会保留。",
    storage_cleared: "已清除本机保存的数据：刷新页面后，当前的报告不会恢复。之后打开或粘贴的报告会重新保存。",
    clear_stored: "清除已存数据",
    clear_stored_title: "删除本浏览器为本页保存的报告、视图和语言设置",
    unknown: "未知",
    in_order: "顺序符合规定",
    out_of_order: "顺序与规定不一致",
    fail_empty: "“{}”是空的，没有可分析的文字。",
    fail_image: "“{}”是图片（{}），多为扫描件，其中的文字无法读取：请找报告的文字版（.docx、.txt 或网页），或先做文字识别（OCR）。",
    fail_pdf: "“{}”是 PDF，无法直接分析：请在 PDF 阅读器中全选并复制文字，粘贴到上面的框中；或找报告的 .docx 或网页版本。",
    fail_legacy: "“{}”是旧版 Word/Excel 文件（.doc/.xls）：请在 Word 或 WPS 中另存为 .docx 后再打开。",
    fail_sheet: "“{}”是 Excel 表格，不是报告：请打开报告本身（.docx、.txt 或网页）。",
    fail_zip: "“{}”是压缩包：请先解压，再打开其中的报告文件。",
    fail_damaged: "“{}”无法读取（{}）：请在 Word 或 WPS 中打开，重新另存为 .docx 后再打开。",
    fail_other: "“{}”不是文字文件，无法分析：请打开报告的 .docx、.txt 或网页文件。",
    kept: "当前分析保持不变。",
    failures_head: "{} 个文件无法分析：",
    zip_not_docx: "不是有效的 .docx 文件",
    zip_truncated: "文件不完整",
    zip_damaged: "内容已损坏",
    zip_no_text: "其中没有 Word 正文",
    zip_missing: "缺少必要的部分",
    zip_too_large: "解压后过大",
    zip_method: "使用了不支持的压缩方式",
    read_failed: "浏览器无法读取“{}”（{}）：请重新选择这个文件。",
    analysis_failed: "“{}”的分析中断了（{}）：请再试一次；若仍失败，请用命令行工具分析这个文件。",
    stop_batch: "停止",
    too_large: "“{}”太大（{} MB），超过浏览器可处理的 {} MB 上限：请拆分后分别打开，或只粘贴报告正文。",
    pasted_text: "粘贴的文本",
    compare: "对比",
    compare_tab: "对比（{} 份）",
    back_to_compare: "← 返回对比",
    previous_report: "‹ 上一份",
    previous_title: "对比表中的上一份报告（快捷键 [）",
    next_report: "下一份 ›",
    next_title: "对比表中的下一份报告（快捷键 ]）",
    place: "第 {} / {} 份",
    add_mode: "加入对比（不替换当前报告）",
    progress: "正在分析 {} / {}",
    col_report: "报告",
    col_issuer: "报告单位",
    col_level: "层级",
    col_year: "年度",
    col_published: "发布日期",
    col_parts: "必备部分",
    col_metrics: "数据",
    col_density: "每千字",
    col_errors: "错误",
    col_warnings: "警告",
    col_infos: "提示",
    late: "逾期",
    filter_level: "层级",
    filter_missing: "缺少部分",
    any: "不限",
    remove: "移除",
    clear_all: "清空全部",
    confirm_clear: "清空全部 {} 份报告？清空后可以撤销。",
    cancel: "取消",
    undo_replaced: "撤销替换（恢复之前的 {} 份报告）",
    undo_removed: "撤销移除“{}”",
    undo_cleared: "撤销清空（恢复 {} 份报告）",
    download_table_csv: "下载对比表 CSV",
    download_comparison_json: "下载对比 JSON",
    download_all_metrics: "下载全部数据 CSV",
    chart_parts: "必备部分与数据密度",
    chart_kind: "按类别比较数据",
    kind: "类别",
    no_kind_figures: "没有这一类的数据。",
    shown_rows: "显示 {} / {} 份",
    tables: "标准表格",
    table_form: "{} 年版格式",
    table_not_found: "报告中没有找到这张表。",
    table_item: "项目",
    row_not_found: "未找到这一行",
    cell_empty: "空白：未填写，核对时按 0 计",
    cell_none: "写明为无，按 0 计",
    cell_text: "不是数字，不参与核对",
    cell_missing: "这一行缺少这一格",
    cell_bad: "核对不符",
    mark_empty: "空",
    mark_missing: "缺",
    jump_cell: "查看单元格",
    col_new_applications: "新收申请",
    col_carried_over: "上年结转",
    col_granted: "予以公开",
    col_refused: "不予公开",
    col_review_total: "行政复议",
    col_litigation_total: "行政诉讼",
    col_mismatches: "核对不符",
    download_disclosure_table_csv: "下载信息公开对比表 CSV",
    download_tables_csv: "下载全部标准表格 CSV（长表）",
    kind_count: "{}（{} 份）",
    download_report_tables_csv: "下载表格 CSV",
};

pub static EN: Texts = Texts {
    app_title: "Report Lens",
    tagline: "Reviewing annual rule-of-law and government information disclosure reports: structure, figures, required parts, standard tables",
    switch_language: "中文",
    input_region: "Input",
    paste_label: "Report text",
    paste_placeholder: "Paste the whole report here (Ctrl+V), or drop .txt, .docx or saved web pages anywhere on the page; typed text is analysed with Analyse or Ctrl+Enter",
    open_files: "Open files…",
    analyse: "Analyse",
    analyse_title: "Analyse the text in the box (Ctrl+Enter); pasting a whole report analyses it at once",
    too_short: "A report needs at least {} characters to be analysed ({} so far)",
    drop_here: "Drop to analyse",
    privacy: "Everything runs in this browser; the text is never uploaded.",
    analysing: "Analysing…",
    empty_state: "Paste or open a report to see its structure, its figures and the required parts it lacks.",
    dismiss: "Dismiss",
    title: "Title",
    no_title: "(no title)",
    issuer: "Issuer",
    level: "Level",
    report_year: "Report year",
    doc_number: "Document no.",
    published: "Published",
    signed: "Signed",
    encoding: "Format",
    required_parts: "Required parts",
    checklist: "Required parts",
    outline: "Outline",
    no_headings: "No numbered headings.",
    text: "Text",
    metrics: "Figures",
    no_metrics: "No figures found.",
    findings: "Findings",
    no_findings: "Nothing to report.",
    export: "Export",
    download_json: "Download JSON",
    download_csv: "Download CSV",
    copy_json: "Copy JSON",
    copied: "Copied",
    print: "Print",
    col_value: "Value",
    col_approx: "Approx.",
    col_unit: "Unit",
    col_what: "What",
    col_part: "Part",
    col_line: "Line",
    filter_part: "Filter by part",
    all_parts: "All",
    outside_parts: "Outside the required parts",
    line: "line {}",
    show_earlier: "Show earlier text",
    show_later: "Show later text",
    show_all_rows: "Show all {} rows",
    show_more_findings: "Show {} more ({} left)",
    numbering_problem: "numbering problem",
    reason: "Reason: ",
    report_kind: "Kind of report",
    kind_recognised: "recognised from the title",
    kind_assumed: "not named by the title; the default kind was applied",
    kind_chosen: "chosen by hand",
    not_stored: "The browser could not save the current reports ({} KB).",
    not_stored_full: "The browser's storage is full: the current reports ({} KB) could not be saved.",
    previous_kept: "The session saved before ({} reports) is kept whole: a reload brings it back.",
    nothing_kept: "They will not be kept across a reload.",
    storage_cleared: "Stored data cleared: the current reports will not come back after a reload. Reports opened or pasted from now on are saved again.",
    clear_stored: "Clear stored data",
    clear_stored_title: "Delete the reports, view and language this browser keeps for this page",
    unknown: "unknown",
    in_order: "in the rule's order",
    out_of_order: "not in the rule's order",
    fail_empty: "“{}” is empty: there is no text to analyse.",
    fail_image: "“{}” is an image ({}), most likely a scan, and its text cannot be read: find the report as text (.docx, .txt or a web page), or run text recognition (OCR) on it first.",
    fail_pdf: "“{}” is a PDF, which cannot be analysed directly: select all its text in a PDF reader, copy it and paste it into the box above, or find the report as .docx or a web page.",
    fail_legacy: "“{}” is a legacy Word/Excel file (.doc/.xls): save it as .docx in Word or WPS, then open that.",
    fail_sheet: "“{}” is an Excel workbook, not a report: open the report itself (.docx, .txt or a web page).",
    fail_zip: "“{}” is a zip archive: unpack it, then open the report inside.",
    fail_damaged: "“{}” cannot be read ({}): open it in Word or WPS, save it again as .docx, then open that.",
    fail_other: "“{}” is not a text file and cannot be analysed: open the report's .docx, .txt or web page file.",
    kept: "The current analysis is kept.",
    failures_head: "{} files could not be analysed:",
    zip_not_docx: "not a valid .docx file",
    zip_truncated: "the file is cut short",
    zip_damaged: "its contents are damaged",
    zip_no_text: "it holds no Word text",
    zip_missing: "a required part is missing",
    zip_too_large: "it unpacks too large",
    zip_method: "it uses an unsupported compression",
    read_failed: "The browser could not read “{}” ({}): choose the file again.",
    analysis_failed: "The analysis of “{}” broke off ({}): try again; if it fails again, analyse the file with the command-line tool.",
    stop_batch: "Stop",
    too_large: "“{}” is too large ({} MB; the browser's limit is {} MB): split it, or paste only the report's text.",
    pasted_text: "pasted text",
    compare: "Comparison",
    compare_tab: "Comparison ({} reports)",
    back_to_compare: "← Back to the comparison",
    previous_report: "‹ Previous",
    previous_title: "The previous report of the comparison (key [)",
    next_report: "Next ›",
    next_title: "The next report of the comparison (key ])",
    place: "{} of {}",
    add_mode: "Add to the comparison (keep the current reports)",
    progress: "Analysing {} / {}",
    col_report: "Report",
    col_issuer: "Issuer",
    col_level: "Level",
    col_year: "Year",
    col_published: "Published",
    col_parts: "Parts",
    col_metrics: "Figures",
    col_density: "Per 1,000 chars",
    col_errors: "Errors",
    col_warnings: "Warnings",
    col_infos: "Notes",
    late: "late",
    filter_level: "Level",
    filter_missing: "Missing part",
    any: "any",
    remove: "Remove",
    clear_all: "Clear all",
    confirm_clear: "Clear all {} reports? You can undo this.",
    cancel: "Cancel",
    undo_replaced: "Undo the replacement (bring back the {} earlier report(s))",
    undo_removed: "Undo removing “{}”",
    undo_cleared: "Undo clearing all (bring back {} reports)",
    download_table_csv: "Download table CSV",
    download_comparison_json: "Download comparison JSON",
    download_all_metrics: "Download all figures CSV",
    chart_parts: "Required parts and density of figures",
    chart_kind: "Figures of one kind, side by side",
    kind: "Kind",
    no_kind_figures: "No figure of this kind.",
    shown_rows: "{} of {} shown",
    tables: "Standard tables",
    table_form: "{} form",
    table_not_found: "This table was not found in the report.",
    table_item: "Item",
    row_not_found: "row not found",
    cell_empty: "blank: not filled in, counted as 0 by the checks",
    cell_none: "marked as none, read as 0",
    cell_text: "not a number, left out of the checks",
    cell_missing: "the row lacks this cell",
    cell_bad: "fails a check",
    mark_empty: "blank",
    mark_missing: "none",
    jump_cell: "show the cell",
    col_new_applications: "New",
    col_carried_over: "Carried over",
    col_granted: "Granted",
    col_refused: "Refused",
    col_review_total: "Reviews",
    col_litigation_total: "Lawsuits",
    col_mismatches: "Failed checks",
    download_disclosure_table_csv: "Download the disclosure table CSV",
    download_tables_csv: "Download all standard tables CSV (long form)",
    kind_count: "{} ({} reports)",
    download_report_tables_csv: "Download tables CSV",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Fills the `{}` placeholders of `template` in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// A required part's short name, from the kind that defines it.
pub fn part_name(lang: Lang, id: PartId) -> &'static str {
    report_core::messages::part_name(id, lang.core())
}

/// A part's status, worded by the core (the CSV exports use the same words).
pub fn status_name(lang: Lang, status: Status) -> &'static str {
    report_core::messages::status_name(status, lang.core())
}

/// An issuer's level, worded by the core.
pub fn level_name(lang: Lang, level: Level) -> &'static str {
    report_core::messages::level_name(level, lang.core())
}

/// How exact a figure is, worded by the core.
pub fn approx_name(lang: Lang, approx: Approx) -> &'static str {
    report_core::messages::approx_name(approx, lang.core())
}

pub fn severity_name(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::Zh, Severity::Error) => "错误",
        (Lang::Zh, Severity::Warning) => "警告",
        (Lang::Zh, Severity::Info) => "提示",
        (Lang::En, Severity::Error) => "error",
        (Lang::En, Severity::Warning) => "warning",
        (Lang::En, Severity::Info) => "note",
    }
}

/// A file's size as a reader counts it: bytes under 1 KB (a pasted paragraph is not
/// "1 KB"), whole KB (rounded up) under 1 MiB, MB with one decimal above.
pub fn byte_size(lang: Lang, bytes: u64) -> String {
    const KIB: u64 = 1024;
    match bytes {
        b if b < KIB => match lang {
            Lang::Zh => format!("{b} 字节"),
            Lang::En => format!("{b} B"),
        },
        b if b < KIB * KIB => format!("{} KB", b.div_ceil(KIB)),
        b => format!("{:.1} MB", b as f64 / (KIB * KIB) as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_under_a_kilobyte_are_bytes_then_kilobytes_then_megabytes() {
        assert_eq!(byte_size(Lang::En, 0), "0 B");
        assert_eq!(byte_size(Lang::En, 312), "312 B");
        assert_eq!(byte_size(Lang::Zh, 312), "312 字节");
        assert_eq!(byte_size(Lang::En, 1023), "1023 B");
        assert_eq!(byte_size(Lang::Zh, 1024), "1 KB");
        assert_eq!(byte_size(Lang::En, 1025), "2 KB", "rounded up, as before");
        assert_eq!(byte_size(Lang::En, 1024 * 1024 - 1), "1024 KB");
        assert_eq!(byte_size(Lang::En, 1024 * 1024), "1.0 MB");
        assert_eq!(byte_size(Lang::Zh, 5 * 1024 * 1024 / 2), "2.5 MB");
    }

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(fill("第{}行", &["12"]), "第12行");
        assert_eq!(fill("{} of {}", &["a", "b"]), "a of b");
        assert_eq!(fill("{} {}", &["a"]), "a ");
    }
}
