//! What the reader should know: inputs that were refused (one notice for all the failures of
//! one batch, a line per file), sessions that could not be stored, stored data cleared. Worded here, in the UI's
//! language only, with advice that fits the case; "the current analysis is kept" only
//! when it was.

use crate::i18n::{fill, texts, Lang};
use crate::state::{Failure, Notice};
use report_core::input::InputKind;
use report_core::ZipError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub notices: Vec<Notice>,
    pub ondismiss: Callback<usize>,
}

/// Why a damaged .docx cannot be read, in a few words.
fn zip_problem(lang: Lang, error: &ZipError) -> &'static str {
    let t = texts(lang);
    match error {
        ZipError::NotZip => t.zip_not_docx,
        ZipError::Truncated => t.zip_truncated,
        ZipError::DamagedDirectory | ZipError::DamagedHeader(_) | ZipError::DamagedData(_) => t.zip_damaged,
        ZipError::NotWordDocument => t.zip_no_text,
        ZipError::Missing(_) => t.zip_missing,
        ZipError::TooLarge { .. } => t.zip_too_large,
        ZipError::UnsupportedMethod { .. } => t.zip_method,
    }
}

/// One input that was not analysed: what it is, and what to do instead.
pub fn failure_text(lang: Lang, failure: &Failure) -> String {
    let t = texts(lang);
    let named = |name: &Option<String>| name.clone().unwrap_or_else(|| t.pasted_text.to_string());
    match failure {
        Failure::NotAReport { name, error } => {
            let shown = named(name);
            // Workbooks and Word documents are zips too (a damaged one may not look like
            // a Word document any more): their names tell them apart.
            let named_as = |extension: &str| name.as_deref().is_some_and(|n| n.to_ascii_lowercase().ends_with(extension));
            let (workbook, document) = (named_as(".xlsx"), named_as(".docx") || error.kind == InputKind::Docx);
            let damaged = |detail: &Option<ZipError>| {
                fill(t.fail_damaged, &[&shown, detail.as_ref().map_or(t.zip_damaged, |d| zip_problem(lang, d))])
            };
            match (error.kind, &error.detail) {
                (InputKind::Empty, _) => fill(t.fail_empty, &[&shown]),
                (InputKind::Png | InputKind::Jpeg | InputKind::Gif, _) => {
                    let format = match error.kind {
                        InputKind::Png => "PNG",
                        InputKind::Jpeg => "JPEG",
                        _ => "GIF",
                    };
                    fill(t.fail_image, &[&shown, format])
                }
                (InputKind::Pdf, _) => fill(t.fail_pdf, &[&shown]),
                (InputKind::OleDocument, _) => fill(t.fail_legacy, &[&shown]),
                (InputKind::Zip | InputKind::Docx, _) if workbook => fill(t.fail_sheet, &[&shown]),
                (InputKind::Zip | InputKind::Docx, detail) if document => damaged(detail),
                (InputKind::Zip, _) => fill(t.fail_zip, &[&shown]),
                (_, detail @ Some(_)) => damaged(detail),
                _ => fill(t.fail_other, &[&shown]),
            }
        }
        Failure::ReadFailed { name, error } => fill(t.read_failed, &[&named(name), error]),
        Failure::AnalysisFailed { name, error } => fill(t.analysis_failed, &[&named(name), error]),
        Failure::TooLarge { name, megabytes, limit_megabytes } => {
            fill(t.too_large, &[&named(name), &megabytes.to_string(), &limit_megabytes.to_string()])
        }
    }
}

/// A session that could not be stored: why, and what a reload brings back.
pub fn not_kept_text(lang: Lang, kilobytes: u64, full: bool, previous: Option<usize>) -> String {
    let t = texts(lang);
    let why = fill(if full { t.not_stored_full } else { t.not_stored }, &[&kilobytes.to_string()]);
    let after = match previous {
        Some(n) => fill(t.previous_kept, &[&n.to_string()]),
        None => t.nothing_kept.to_string(),
    };
    let gap = if lang == Lang::En { " " } else { "" };
    format!("{why}{gap}{after}")
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    html! {
        <div class="notices" aria-live="polite">
            { for props.notices.iter().enumerate().map(|(i, n)| {
                let ondismiss = props.ondismiss.clone();
                let class = if n.is_error() { "notice notice-error" } else { "notice notice-note" };
                let body = match n {
                    Notice::Refused { failures, kept } if failures.len() == 1 => {
                        // Chinese sentences follow each other without a space.
                        let gap = if lang == Lang::En { " " } else { "" };
                        html! {
                            <span class="notice-text">{ failure_text(lang, &failures[0]) }if *kept { { gap }{ t.kept } }</span>
                        }
                    }
                    Notice::Refused { failures, kept } => html! {
                        <div class="notice-text">
                            <p class="notice-head">{ fill(t.failures_head, &[&failures.len().to_string()]) }</p>
                            <ul class="failure-list">
                                { for failures.iter().map(|f| html! { <li>{ failure_text(lang, f) }</li> }) }
                            </ul>
                            if *kept { <p class="notice-kept">{ t.kept }</p> }
                        </div>
                    },
                    Notice::NotKept { kilobytes, full, previous } => html! { <span class="notice-text">{ not_kept_text(lang, *kilobytes, *full, *previous) }</span> },
                    Notice::StorageCleared => html! { <span class="notice-text">{ t.storage_cleared }</span> },
                };
                html! {
                    <div {class} role={if n.is_error() { "alert" } else { "status" }}>
                        <span class="notice-icon" aria-hidden="true">{ if n.is_error() { "✖" } else { "ℹ" } }</span>
                        { body }
                        <button type="button" class="dismiss" aria-label={t.dismiss} onclick={Callback::from(move |_| ondismiss.emit(i))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::InputError;

    fn refused(name: &str, bytes: &[u8]) -> Failure {
        let error = crate::state::Report::analyze(0, Some(name.into()), bytes.to_vec()).unwrap_err();
        Failure::NotAReport { name: Some(name.into()), error }
    }

    #[test]
    fn each_kind_of_file_gets_its_own_advice_in_the_ui_language() {
        let cases: [(&str, &[u8], &str, &str); 6] = [
            ("empty.txt", b"", "是空的", "is empty"),
            ("scan.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "OCR", "OCR"),
            ("report.pdf", b"%PDF-1.7\n1 0 obj", "复制", "copy it"),
            ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", "另存为 .docx", "save it as .docx"),
            ("noise.bin", &[0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8], "不是文字文件", "not a text file"),
            ("x.txt", b"   \n ", "是空的", "is empty"),
        ];
        for (name, bytes, zh, en) in cases {
            let failure = refused(name, bytes);
            let (z, e) = (failure_text(Lang::Zh, &failure), failure_text(Lang::En, &failure));
            assert!(z.contains(name) && z.contains(zh), "{z}");
            assert!(e.contains(name) && e.contains(en), "{e}");
            assert!(!e.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "English only: {e}");
        }
    }

    #[test]
    fn a_session_not_stored_says_why_and_what_a_reload_brings_back() {
        assert_eq!(
            not_kept_text(Lang::Zh, 20480, true, Some(3)),
            "浏览器的存储空间已满，当前的报告（20480 KB）未能保存。之前保存的 3 份报告仍完整保留，刷新页面后恢复的是它们。"
        );
        assert_eq!(
            not_kept_text(Lang::En, 12, false, None),
            "The browser could not save the current reports (12 KB). They will not be kept across a reload."
        );
    }

    #[test]
    fn workbooks_damaged_documents_and_pasted_text_are_named_for_what_they_are() {
        let zip = InputError { kind: InputKind::Zip, detail: None };
        let sheet = Failure::NotAReport { name: Some("表.xlsx".into()), error: zip.clone() };
        assert!(failure_text(Lang::Zh, &sheet).contains("Excel 表格"));
        let archive = Failure::NotAReport { name: Some("a.zip".into()), error: zip.clone() };
        assert!(failure_text(Lang::En, &archive).contains("unpack it"));
        let cut = Failure::NotAReport { name: Some("c.docx".into()), error: zip };
        assert!(failure_text(Lang::En, &cut).starts_with("“c.docx” cannot be read (its contents are damaged)"));
        let broken = Failure::NotAReport {
            name: Some("b.docx".into()),
            error: InputError { kind: InputKind::Docx, detail: Some(ZipError::Truncated) },
        };
        assert_eq!(failure_text(Lang::Zh, &broken), "“b.docx”无法读取（文件不完整）：请在 Word 或 WPS 中打开，重新另存为 .docx 后再打开。");
        let pasted = Failure::TooLarge { name: None, megabytes: 30, limit_megabytes: 24 };
        assert!(failure_text(Lang::Zh, &pasted).starts_with("“粘贴的文本”太大"));
        assert!(failure_text(Lang::En, &pasted).starts_with("“pasted text” is too large"));
    }
}
