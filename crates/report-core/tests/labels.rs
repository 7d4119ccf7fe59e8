//! Properties of what each figure counts (`what`), whatever the text: on sentences built
//! from our own clauses in random orders and joints, and on the corpus texts read at test
//! time (never copied into the project). For every figure:
//! - the label is never empty;
//! - it is made of pieces of the figure's own sentence (a completed label joins a few);
//! - it never crosses a sentence end;
//! - it never starts with a conjunction or a particle (`和`, `的`, `等`, `及`, `与`);
//! - it never starts or ends inside brackets, book titles or quotation marks: every mark it
//!   holds is closed in it.

#[path = "support/ci.rs"]
mod ci;
#[path = "support/gold.rs"]
#[allow(dead_code)]
mod gold;

use proptest::prelude::*;

/// Marks `clean` removes from a label (quotation marks and zero-width chars).
fn is_dropped(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '「' | '」' | '『' | '』' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '\n' | '\r' | '｡')
}

/// The words a label may start with although their first char is a conjunction.
const WORDS_NOT_CONJUNCTIONS: [&str; 10] = ["和解", "和谐", "和美", "和睦", "及格", "及早", "与会", "并购", "并联", "以及"];

/// Every problem with the labels of `text`'s figures.
fn label_problems(text: &str) -> Vec<String> {
    let summary = report_core::analyze_text(text, Some("t.txt"));
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for m in &summary.metrics {
        let what = m.what.clone().unwrap_or_default();
        let at = format!("{}{} «{}» what «{what}»", m.value, m.unit, m.text);
        if what.trim().is_empty() {
            out.push(format!("{at}: empty label"));
            continue;
        }
        if what.chars().any(is_sentence_end) {
            out.push(format!("{at}: crosses a sentence end"));
        }
        let first: String = what.chars().take(2).collect();
        let c0 = what.chars().next().unwrap_or(' ');
        if "的等之或而".contains(c0) || ("和与及并".contains(c0) && !WORDS_NOT_CONJUNCTIONS.contains(&first.as_str())) {
            out.push(format!("{at}: starts with a particle or conjunction"));
        }
        // Full- and half-width brackets are one kind (the text is read width-folded).
        for (open, close) in [("(（", ")）"), ("《", "》"), ("【", "】"), ("[", "]"), ("〈", "〉")] {
            let mut depth = 0i32;
            for c in what.chars() {
                if open.contains(c) {
                    depth += 1;
                } else if close.contains(c) {
                    depth -= 1;
                    if depth < 0 {
                        break;
                    }
                }
            }
            if depth != 0 {
                out.push(format!("{at}: {open}{close} not closed inside the label"));
            }
        }
        // The figure's sentence, as the label is read from it (quotation marks removed).
        let (mut a, mut b) = (m.span.0.min(chars.len()), m.span.1.min(chars.len()));
        while a > 0 && !is_sentence_end(chars[a - 1]) {
            a -= 1;
        }
        while b < chars.len() && !is_sentence_end(chars[b]) {
            b += 1;
        }
        let sentence: String = chars[a..b].iter().filter(|&&c| !is_dropped(c)).collect();
        match pieces(&what, &sentence) {
            Some(n) if n <= 5 => {}
            Some(n) => out.push(format!("{at}: joined from {n} pieces of its sentence")),
            None => out.push(format!("{at}: not from its sentence «{sentence}»")),
        }
    }
    out
}

/// How many pieces of `sentence` `label` is made of (each the longest that fits), or None
/// if a char of it is not in the sentence.
fn pieces(label: &str, sentence: &str) -> Option<usize> {
    let label: Vec<char> = label.chars().collect();
    let mut k = 0;
    let mut n = 0;
    while k < label.len() {
        let mut len = 0;
        while k + len < label.len() && sentence.contains(&label[k..=k + len].iter().collect::<String>()) {
            len += 1;
        }
        if len == 0 {
            if label[k].is_whitespace() {
                k += 1;
                continue;
            }
            return None;
        }
        k += len;
        n += 1;
    }
    Some(n)
}

/// Clauses of our own, in the style of the reports, and the joints between them.
fn clause() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "精简审批事项",
        "市级取消21项",
        "下放9项",
        "全年部署36项重点任务",
        "召开专题推进会6次",
        "组织执法人员培训3次",
        "参训干部到课率和结业率均达100%",
        "执法案卷评查合格率98%",
        "合格率98%",
        "行政复议纠错率、调解率分别为12%和35%",
        "乡村“法律明白人”培养覆盖率达95%",
        "组织学习《宪法》《民法典》《行政处罚法》等国家法律法规20余次",
        "向企业发出法律风险提示函12份和送达律师回函30份",
        "全面推行政法部门“五员”100%下沉",
        "召开常务会议(含党委会、党组会)12次",
        "全镇划分为东区、西区2个区",
        "领导干部学法频次达到每月1次",
        "全年2次组织召开专题会议",
        "完成318名党政主要负责人述法(其中15名进行现场述法)",
        "对18个乡、镇(街道)和9个县直部门(单位)开展督查",
        "发放宣传资料30000余份、宣传小礼品600余份",
        "较上年提高5个百分点",
        "由90%提升至98%",
        "全年达6次",
        "和",
        "等",
        "的",
        "均",
        "分别为",
        "其中",
        "用于普法宣传",
        "（",
        "）",
        "(",
        ")",
        "《",
        "》",
        "“",
        "”",
        "、",
        "，",
        "。",
        "；",
        "：",
        "\n",
        "3次",
        "12件",
        "1.2万元",
        "两个",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn labels_of_generated_sentences(parts in prop::collection::vec(clause(), 1..24)) {
        let text = format!("某县2024年法治政府建设情况报告\n一、主要举措和成效\n{}。\n", parts.concat());
        let problems = label_problems(&text);
        prop_assert!(problems.is_empty(), "{text}\n{}", problems.join("\n"));
    }
}

#[test]
fn labels_of_every_corpus_text() {
    let root = gold::default_corpus();
    let Some(seeds) = ci::require_corpus(&root) else { return };
    let mut problems = Vec::new();
    let mut figures = 0;
    for dir in [seeds.clone(), seeds.with_file_name("dev"), seeds.with_file_name("disclosure")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "txt") {
                let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                figures += report_core::analyze_text(&text, None).metrics.len();
                problems.extend(label_problems(&text).into_iter().map(|p| format!("{}: {p}", path.display())));
            }
        }
    }
    assert!(figures > 0, "no figure in the corpus");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
