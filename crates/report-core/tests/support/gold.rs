//! Scoring `analyze_input` against a corpus of reports with hand-made gold files
//! (`NNN_*.txt` + `NNN_*.gold.json`, both formats of ../shared/corpus/README.md: whole
//! reports in `seeds/`, openings in `dev/`). Loading refuses an incomplete corpus instead of
//! scoring what is left. Shared by `tests/corpus.rs` (the gate), `tests/schema.rs`,
//! `tests/gates.rs` (the loader's own tests) and `examples/eval.rs` (any corpus directory).

use report_core::sections::Status;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Where the seed corpus lives: `$REPORT_LENS_CORPUS`, else `../shared/corpus/seeds` next
/// to the workspace.
pub fn default_corpus() -> PathBuf {
    std::env::var_os("REPORT_LENS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds"))
}

/// Where the development openings live: `$REPORT_LENS_DEV_CORPUS`, else
/// `../shared/corpus/dev` next to the workspace.
#[allow(dead_code)]
pub fn dev_corpus() -> PathBuf {
    std::env::var_os("REPORT_LENS_DEV_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev"))
}

/// How many reports the seed corpus holds; the gates refuse to pass on fewer (or more).
#[allow(dead_code)]
pub const SEEDS: usize = 5;
/// How many openings `dev/` holds.
#[allow(dead_code)]
pub const DEV: usize = 20;

/// [`load`], and exactly `count` reports: a gate refuses to pass on fewer (or more) than the
/// corpus it was written for.
#[allow(dead_code)]
pub fn load_exactly(dir: &Path, count: usize) -> Vec<(PathBuf, Value)> {
    let pairs = load(dir);
    assert_eq!(pairs.len(), count, "corpus {}: {} report(s), the gate expects exactly {count}", dir.display(), pairs.len());
    pairs
}

/// The `(text, gold)` pairs of a corpus directory, sorted by name; panics with every problem
/// [`try_load`] finds.
pub fn load(dir: &Path) -> Vec<(PathBuf, Value)> {
    try_load(dir).unwrap_or_else(|e| panic!("{e}"))
}

/// The `(text, gold)` pairs of a corpus directory, sorted by name, or every problem found:
/// the directory cannot be read; a gold file cannot be read, is not JSON or not in either
/// gold format (see [`check_gold`]); a gold file without its `.txt`; a `.txt` without its
/// `.gold.json`. Other files (SOURCES.tsv, README.md) are ignored. Nothing is dropped
/// silently: a gate run on this sees every report of the directory or fails.
pub fn try_load(dir: &Path) -> Result<Vec<(PathBuf, Value)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read the corpus directory {}: {e}", dir.display()))?;
    let mut golds = Vec::new();
    let mut texts = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                let path = e.path();
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if name.ends_with(".gold.json") {
                    golds.push(path);
                } else if name.ends_with(".txt") {
                    texts.push(path);
                }
            }
            Err(e) => problems.push(format!("cannot list {}: {e}", dir.display())),
        }
    }
    let mut pairs = Vec::new();
    for gold in &golds {
        let name = gold.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text_name = name.trim_end_matches(".gold.json").to_string() + ".txt";
        let text = gold.with_file_name(&text_name);
        if !text.is_file() {
            problems.push(format!("{}: its text {text_name} is missing", gold.display()));
            continue;
        }
        let value = match std::fs::read_to_string(gold) {
            Err(e) => Err(format!("cannot be read: {e}")),
            Ok(s) => serde_json::from_str::<Value>(&s).map_err(|e| format!("is not JSON: {e}")),
        }
        .and_then(|v| check_gold(&v, &text_name).map(|_| v));
        match value {
            Ok(v) => pairs.push((text, v)),
            Err(e) => problems.push(format!("{} {e}", gold.display())),
        }
    }
    for text in &texts {
        let name = text.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if !text.with_file_name(name.trim_end_matches(".txt").to_string() + ".gold.json").is_file() {
            problems.push(format!("{}: no gold file {}", text.display(), name.replace(".txt", ".gold.json")));
        }
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(format!("corpus {}: {} problem(s):\n  {}", dir.display(), problems.len(), problems.join("\n  ")));
    }
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(pairs)
}

/// The two gold formats of ../shared/corpus/README.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldKind {
    /// `seeds/`: a whole report; `required` (all five parts) and `order_ok`.
    Report,
    /// `dev/`: an opening; `truncated: true`, `visible_required` (visible parts only, each
    /// `true`) and `meta.title`.
    Opening,
}

/// Checks that a gold value is complete and well-typed in one of the two formats (a typo'd
/// or missing key would otherwise score as `false`/`null`), and that its `file` names
/// `text_name`.
pub fn check_gold(g: &Value, text_name: &str) -> Result<GoldKind, String> {
    fn want(ok: bool, what: &str) -> Result<(), String> {
        if ok {
            Ok(())
        } else {
            Err(format!("is not valid gold: {what}"))
        }
    }
    let opt_str = |v: &Value| v.is_null() || v.is_string();
    want(g.is_object(), "not an object")?;
    want(g["file"].as_str() == Some(text_name), &format!("`file` is {}, not {text_name:?}", g["file"]))?;
    let meta = &g["meta"];
    want(meta.is_object(), "no `meta` object")?;
    want(matches!(meta["level"].as_str(), Some("township" | "county" | "city" | "province" | "department" | "unknown")), "`meta.level`")?;
    want(meta["report_year"].is_u64(), "`meta.report_year` is not an integer")?;
    want(matches!(meta["script"].as_str(), Some("simplified" | "traditional")), "`meta.script`")?;
    for field in ["issuer", "publish_date", "doc_number"] {
        want(meta.get(field).is_some_and(opt_str), &format!("`meta.{field}` is not a string or null"))?;
    }
    want(
        meta["publish_date"].as_str().is_none_or(|d| {
            d.len() == 10 && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        }),
        "`meta.publish_date` is not YYYY-MM-DD",
    )?;
    want(g["level1"].as_array().is_some_and(|a| a.iter().all(Value::is_string)), "`level1` is not a list of strings")?;
    let metrics = g["metrics"].as_array().ok_or("is not valid gold: no `metrics` list")?;
    for (k, m) in metrics.iter().enumerate() {
        want(
            m["value"].is_number()
                && m["unit"].is_string()
                && m["what"].is_string()
                && m["text"].is_string()
                && matches!(m["approx"].as_str(), Some("exact" | "at_least" | "about" | "at_most")),
            &format!("`metrics[{k}]` needs value, unit, approx (exact|at_least|about|at_most), what, text"),
        )?;
    }
    let neutral = g["neutral"].as_array().ok_or("is not valid gold: no `neutral` list")?;
    for (k, m) in neutral.iter().enumerate() {
        want(m["value"].is_number() && m["unit"].is_string(), &format!("`neutral[{k}]` needs value and unit"))?;
    }
    if g.get("truncated").is_some() {
        want(g["truncated"] == Value::Bool(true), "`truncated` is not true")?;
        want(g.get("required").is_none() && g.get("order_ok").is_none(), "an opening has `required` or `order_ok`")?;
        want(meta.get("title").is_some_and(opt_str), "`meta.title` is not a string or null")?;
        let visible = g["visible_required"].as_object().ok_or("is not valid gold: no `visible_required` object")?;
        for (k, v) in visible {
            want(PARTS.contains(&k.as_str()) && v == &Value::Bool(true), &format!("`visible_required.{k}` must be a part and true"))?;
        }
        Ok(GoldKind::Opening)
    } else {
        let required = g["required"].as_object().ok_or("is not valid gold: no `required` object (nor `truncated`)")?;
        want(
            required.len() == PARTS.len() && PARTS.iter().all(|p| required.get(*p).is_some_and(Value::is_boolean)),
            "`required` must give true/false for exactly the five parts",
        )?;
        want(g["order_ok"].is_boolean(), "`order_ok` is not true/false")?;
        Ok(GoldKind::Report)
    }
}

#[derive(Default, Debug)]
pub struct Score {
    pub reports: usize,
    pub parts_total: usize,
    pub parts_right: usize,
    /// Reports whose gold gives `order_ok` (openings do not).
    pub order_total: usize,
    pub order_right: usize,
    pub level1_right: usize,
    pub meta_total: usize,
    pub meta_right: usize,
    pub gold_metrics: usize,
    pub found_metrics: usize,
    /// Found metrics that match a gold `neutral` entry: neither right nor wrong.
    pub neutral_found: usize,
    pub matched: usize,
    pub approx_right: usize,
    /// Reports whose gold has no metric but where metrics were found.
    pub metrics_where_none: usize,
    /// Matched figures whose found label is not empty.
    pub labels_given: usize,
    /// Matched figures whose label equals the annotator's `what` (compared by
    /// `report_core::metrics::label_key`).
    pub labels_exact: usize,
    /// Matched figures whose label and the annotator's contain one another (one is a part of
    /// the other: `宣传资料` in `发放的宣传资料`).
    pub labels_nested: usize,
    /// Sum over matched figures of the character overlap (F1 of the two labels' chars).
    pub label_overlap_sum: f64,
    /// Every matched figure's label beside the annotator's (for reading).
    pub label_lines: Vec<String>,
    pub lines: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found_metrics - self.neutral_found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold_metrics)
    }
    pub fn approx_accuracy(&self) -> f64 {
        ratio(self.approx_right, self.matched)
    }

    /// The mean character overlap of found and annotated labels over matched figures.
    pub fn label_overlap(&self) -> f64 {
        if self.matched == 0 {
            1.0
        } else {
            self.label_overlap_sum / self.matched as f64
        }
    }

    pub fn report(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push_str(&format!(
            "\n\nreports {}\nparts      {}/{} right\norder      {}/{} right\nlevel-1    {}/{} outlines right\nmeta       {}/{} fields right\nmetrics    gold {} found {} (neutral {}) matched {}\n           precision {:.3}  recall {:.3}  approx {:.3}\n",
            self.reports,
            self.parts_right,
            self.parts_total,
            self.order_right,
            self.order_total,
            self.level1_right,
            self.reports,
            self.meta_right,
            self.meta_total,
            self.gold_metrics,
            self.found_metrics,
            self.neutral_found,
            self.matched,
            self.precision(),
            self.recall(),
            self.approx_accuracy()
        ));
        s.push_str(&format!(
            "labels     given {}/{m}  exact {}/{m}  nested {}/{m}  char overlap {:.3}\n",
            self.labels_given,
            self.labels_exact,
            self.labels_nested,
            self.label_overlap(),
            m = self.matched
        ));
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

const PARTS: [&str; 5] = ["measures", "shortcomings", "first_responsible", "next_year_plan", "other"];

pub fn score(pairs: &[(PathBuf, Value)]) -> Score {
    let mut sc = Score::default();
    for (path, gold) in pairs {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        let s = report_core::analyze_input(&bytes, name.as_deref()).unwrap_or_else(|e| panic!("{}: refused: {e}", path.display())).summary;
        let json: Value = serde_json::from_str(&s.to_json()).unwrap_or(Value::Null);
        let label = name.unwrap_or_default();
        sc.reports += 1;

        // Parts: a report's gold says for each part; an opening's lists the visible ones.
        let required = gold.get("required").unwrap_or(&gold["visible_required"]);
        for (k, id) in PARTS.iter().enumerate() {
            let want = required[id].as_bool().unwrap_or(false);
            let got = s.sections[k].status != Status::Missing;
            sc.parts_total += 1;
            if want == got {
                sc.parts_right += 1;
            } else {
                sc.lines.push(format!("{label}: part {id}: gold {want}, found {:?}", s.sections[k].status));
            }
        }
        if let Some(order_ok) = gold["order_ok"].as_bool() {
            sc.order_total += 1;
            if order_ok == s.stats.parts_in_order {
                sc.order_right += 1;
            } else {
                sc.lines.push(format!("{label}: order: gold {order_ok}, found {}", s.stats.parts_in_order));
            }
        }

        // First-level outline.
        let want: Vec<String> =
            gold["level1"].as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect()).unwrap_or_default();
        let got: Vec<String> = level1(&s.outline);
        if want == got {
            sc.level1_right += 1;
        } else {
            sc.lines.push(format!("{label}: level1: gold {want:?}, found {got:?}"));
        }

        // Meta.
        let title = gold["meta"].get("title").map(|_| "title");
        for field in ["issuer", "level", "report_year", "publish_date", "doc_number", "script"].into_iter().chain(title) {
            sc.meta_total += 1;
            if gold["meta"][field] == json["meta"][field] {
                sc.meta_right += 1;
            } else {
                sc.lines.push(format!("{label}: meta.{field}: gold {}, found {}", gold["meta"][field], json["meta"][field]));
            }
        }

        // Metrics: value + unit, as multisets.
        let gold_metrics: Vec<(f64, String, String, String)> = gold["metrics"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|m| {
                        (
                            m["value"].as_f64().unwrap_or(f64::NAN),
                            m["unit"].as_str().unwrap_or("").to_string(),
                            m["approx"].as_str().unwrap_or("").to_string(),
                            m["what"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut neutral: Vec<(f64, String)> = gold["neutral"]
            .as_array()
            .map(|a| a.iter().map(|m| (m["value"].as_f64().unwrap_or(f64::NAN), m["unit"].as_str().unwrap_or("").to_string())).collect())
            .unwrap_or_default();
        let mut unmatched_gold = gold_metrics.clone();
        sc.gold_metrics += gold_metrics.len();
        sc.found_metrics += s.metrics.len();
        if gold_metrics.is_empty() && !s.metrics.is_empty() {
            sc.metrics_where_none += 1;
        }
        for m in &s.metrics {
            if let Some(k) = unmatched_gold.iter().position(|g| g.0 == m.value && g.1 == m.unit) {
                let g = unmatched_gold.remove(k);
                sc.matched += 1;
                sc.score_label(&label, &g.3, m.what.as_deref().unwrap_or(""));
                if g.2 == m.approx.as_str() {
                    sc.approx_right += 1;
                } else {
                    sc.lines.push(format!("{label}: approx of {} {}: gold {}, found {}", m.value, m.unit, g.2, m.approx.as_str()));
                }
            } else if let Some(k) = neutral.iter().position(|g| g.0 == m.value && g.1 == m.unit) {
                neutral.remove(k);
                sc.neutral_found += 1;
            } else {
                sc.lines.push(format!("{label}: extra metric: {} {} «{}» (line {})", m.value, m.unit, m.text, m.line));
            }
        }
        for g in unmatched_gold {
            sc.lines.push(format!("{label}: missed metric: {} {}", g.0, g.1));
        }
    }
    sc
}

impl Score {
    /// Scores one matched figure's label against the annotator's.
    fn score_label(&mut self, report: &str, gold: &str, found: &str) {
        let (g, f) = (report_core::metrics::label_key(gold), report_core::metrics::label_key(found));
        let mut verdict = "";
        if !f.is_empty() {
            self.labels_given += 1;
            if f == g {
                self.labels_exact += 1;
                verdict = "=";
            } else if g.contains(&f) || f.contains(&g) {
                verdict = "⊂";
            }
            if g.contains(&f) || f.contains(&g) {
                self.labels_nested += 1;
            }
        }
        self.label_overlap_sum += char_f1(&g, &f);
        self.label_lines.push(format!("{report}: label {verdict:1} gold «{gold}» found «{found}»"));
    }
}

/// The F1 of two strings' chars taken as multisets.
fn char_f1(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() { 1.0 } else { 0.0 };
    }
    let mut rest = b.clone();
    let mut common = 0;
    for c in &a {
        if let Some(k) = rest.iter().position(|x| x == c) {
            rest.swap_remove(k);
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The ordinals (`一`, `二` …) of the `一、`-level headings, in order.
fn level1(outline: &[report_core::summary::OutlineNode]) -> Vec<String> {
    fn walk(nodes: &[report_core::summary::OutlineNode], out: &mut Vec<String>) {
        for n in nodes {
            if n.level == 1 {
                out.push(n.marker.trim().trim_end_matches(['、', '.', '．', ')', '）']).trim_start_matches(['(', '（']).to_string());
            }
            walk(&n.children, out);
        }
    }
    let mut out = Vec::new();
    walk(outline, &mut out);
    out
}
