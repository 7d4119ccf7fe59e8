//! The CLI as a user runs it: files, stdin, directories, errors and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const REPORT_A: &str = "某某镇2024年法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n全年开展法治讲座12场，发放资料3000余份。\n二、存在的不足和原因\n由于人员不足，……。\n";
const REPORT_B: &str = "某某乡2024年度法治政府建设工作报告\n一、主要举措和成效\n受理矛盾纠纷45起。\n";

fn cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-cli"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("report-cli runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("report-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn json_lines_in_input_order_equal_to_the_library_output() {
    let dir = temp_dir("order");
    std::fs::write(dir.join("b.txt"), REPORT_B).unwrap();
    std::fs::write(dir.join("a.txt"), REPORT_A).unwrap();
    let out = cli(&["analyze", dir.join("b.txt").to_str().unwrap(), dir.join("a.txt").to_str().unwrap()], None);
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs.iter().map(|d| d["source"]["name"].as_str().unwrap()).collect::<Vec<_>>(), ["b.txt", "a.txt"]);
    // Byte for byte what the library (and so the browser) produces.
    let expected = format!(
        "{}\n{}\n",
        report_core::analyze(REPORT_B.as_bytes(), Some("b.txt")).to_json(),
        report_core::analyze(REPORT_A.as_bytes(), Some("a.txt")).to_json()
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn stdin_has_no_name() {
    let out = cli(&["analyze", "-"], Some(REPORT_A.as_bytes()));
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["source"]["name"].is_null());
    assert_eq!(docs[0]["metrics"].as_array().unwrap().len(), 2);
}

#[test]
fn a_directory_is_searched_recursively_in_name_order() {
    let dir = temp_dir("dir");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/2.txt"), REPORT_B).unwrap();
    std::fs::write(dir.join("1.txt"), REPORT_A).unwrap();
    std::fs::write(dir.join("notes.md"), "not a report").unwrap();
    let out = cli(&["analyze", dir.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let names: Vec<String> = lines(&out).iter().map(|d| d["source"]["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, ["1.txt", "2.txt"]);
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_still_analysed() {
    let dir = temp_dir("missing");
    std::fs::write(dir.join("a.txt"), REPORT_A).unwrap();
    let missing = dir.join("missing.txt");
    let out = cli(&["analyze", missing.to_str().unwrap(), dir.join("a.txt").to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("missing.txt"), "{err}");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(cli(&[], None).status.code(), Some(2));
    assert_eq!(cli(&["analyze"], None).status.code(), Some(2));
    assert_eq!(cli(&["analyze", "--format", "xml", "a.txt"], None).status.code(), Some(2));
    assert_eq!(cli(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn pretty_prints_one_indented_summary() {
    let out = cli(&["analyze", "--pretty", "-"], Some(REPORT_A.as_bytes()));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("{{\n  \"schema_version\": {},", report_core::SCHEMA_VERSION)));
    let dir = temp_dir("pretty");
    std::fs::write(dir.join("a.txt"), REPORT_A).unwrap();
    let two = cli(&["analyze", "--pretty", dir.join("a.txt").to_str().unwrap(), dir.join("a.txt").to_str().unwrap()], None);
    assert_eq!(two.status.code(), Some(2));
}

#[test]
fn csv_of_the_metrics() {
    let out = cli(&["analyze", "--format", "csv", "-"], Some(REPORT_A.as_bytes()));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(rows[0], "report,line,section,heading,what,value,approx,unit,text");
    assert_eq!(rows.len(), 3);
    assert!(rows[2].contains(",3000,at_least,份,"), "{}", rows[2]);
}

#[test]
fn findings_worded_in_the_language_asked_for() {
    let zh = cli(&["analyze", "--format", "findings", "-"], Some(REPORT_B.as_bytes()));
    assert!(zh.status.success());
    let zh = String::from_utf8(zh.stdout).unwrap();
    // Pasted text has no name: the report is labelled by issuer and year.
    assert!(zh.lines().any(|l| l == "某某乡-2024: error: 缺少必备部分“存在的不足和原因”：没有标题写明这一部分。"), "{zh}");
    let en = cli(&["analyze", "--format", "findings", "--lang", "en", "-"], Some(REPORT_B.as_bytes()));
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.lines().any(|l| l == "某某乡-2024: error: Required part missing: “Shortcomings and causes” — no heading names it."), "{en}");
    // As many lines as the JSON has findings, the same in both languages.
    let json = cli(&["analyze", "-"], Some(REPORT_B.as_bytes()));
    let findings = lines(&json)[0]["findings"].as_array().unwrap().len();
    assert_eq!((zh.lines().count(), en.lines().count()), (findings, findings));
}

#[test]
fn a_kind_chosen_by_hand_is_said_in_the_json() {
    let out = cli(&["analyze", "--kind", "rule-of-law", "-"], Some(REPORT_B.as_bytes()));
    let summary = &lines(&out)[0];
    assert_eq!((summary["kind"].as_str(), summary["kind_basis"].as_str()), (Some("rule_of_law"), Some("chosen")));
    let out = cli(&["analyze", "-"], Some(REPORT_B.as_bytes()));
    assert_eq!(lines(&out)[0]["kind_basis"].as_str(), Some("recognised"));
}

#[test]
fn a_file_that_is_not_text_is_refused_with_one_line() {
    let dir = temp_dir("binary");
    std::fs::write(dir.join("a.txt"), REPORT_A).unwrap();
    std::fs::write(dir.join("picture.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = cli(&["analyze", dir.join("picture.txt").to_str().unwrap(), dir.join("a.txt").to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("PNG image"), "{err}");
}

#[test]
fn compare_prints_one_row_per_report() {
    let dir = temp_dir("compare");
    std::fs::write(dir.join("a.txt"), REPORT_A).unwrap();
    std::fs::write(dir.join("b.txt"), REPORT_B).unwrap();
    let out = cli(&["compare", dir.to_str().unwrap()], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].starts_with("report,issuer,level,"));
    assert!(rows[1].starts_with("a.txt,某某镇,township,2024,"), "{}", rows[1]);
    let out = cli(&["compare", "--format", "json", dir.to_str().unwrap()], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["table"].as_array().unwrap().len(), 2);
    assert_eq!(json["reports"][0]["schema_version"], report_core::SCHEMA_VERSION);
    assert_eq!(json["schema_version"], report_core::SCHEMA_VERSION);
}

#[test]
fn a_path_through_a_file_and_a_missing_directory_give_one_line_each() {
    let dir = temp_dir("paths");
    std::fs::write(dir.join("a.txt"), REPORT_A).unwrap();
    let through_file = dir.join("a.txt").join("child.txt");
    let missing_dir = dir.join("no-such-dir");
    let out = cli(&["analyze", through_file.to_str().unwrap(), missing_dir.to_str().unwrap(), dir.join("a.txt").to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.lines().all(|l| l.starts_with("report-cli: ")), "{err}");
}

/// A 政府信息公开 report of our own, its part 四 table as `|` rows.
const DISCLOSURE: &str = "某某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n本年主动公开信息40条。\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n1 | 1 | 0 | 0 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |\n";

#[test]
fn tables_csv_and_the_kind_flag() {
    let out = cli(&["analyze", "--format", "tables-csv", "-"], Some(DISCLOSURE.as_bytes()));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(rows[0], "report,table,row,column,value,read,form,line");
    assert_eq!(rows.len(), 1 + 15, "one line per cell of the table read");
    assert!(rows.contains(&"某某县统计局-2023,review_litigation,review,total,3,number,2021,8"), "{rows:?}");
    // The JSON says the kind and the planted mismatch (1 + 1 + 0 + 0 ≠ 3).
    let json = &lines(&cli(&["analyze", "-"], Some(DISCLOSURE.as_bytes())))[0];
    assert_eq!(json["kind"], "gov_info_disclosure");
    assert!(json["findings"].as_array().unwrap().iter().any(|f| f["code"] == "table_sum_mismatch" && f["args"]["row"] == "review"));
    // Chosen by hand, the rule-of-law kind reads no tables.
    let json = &lines(&cli(&["analyze", "--kind", "rule-of-law", "-"], Some(DISCLOSURE.as_bytes())))[0];
    assert_eq!((json["kind"].as_str(), json["tables"].as_array().map(Vec::len)), (Some("rule_of_law"), Some(0)));
}

#[test]
fn compare_writes_one_table_per_kind() {
    let dir = temp_dir("kinds");
    std::fs::write(dir.join("a.txt"), REPORT_A).unwrap();
    std::fs::write(dir.join("d.txt"), DISCLOSURE).unwrap();
    let out = cli(&["compare", dir.join("a.txt").to_str().unwrap(), dir.join("d.txt").to_str().unwrap()], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let tables: Vec<&str> = text.split("\r\n\r\n").collect();
    assert_eq!(tables.len(), 2, "{text}");
    assert!(tables[0].contains("a.txt,") && !tables[0].contains("d.txt"));
    assert!(tables[1].contains("new_applications") && tables[1].contains("\r\nd.txt,"));
}
