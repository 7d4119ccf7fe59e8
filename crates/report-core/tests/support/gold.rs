//! Scoring `analyze` against a corpus of reports with hand-made gold files
//! (`NNN_*.txt` + `NNN_*.gold.json`, format in ../shared/corpus/README.md).
//! Shared by `tests/corpus.rs` (the gate) and `examples/eval.rs` (any corpus directory).

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

/// The `(text, gold)` pairs of a corpus directory, sorted by name.
pub fn load(dir: &Path) -> Vec<(PathBuf, Value)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut pairs: Vec<(PathBuf, Value)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .filter_map(|gold| {
            let text = PathBuf::from(gold.to_string_lossy().replace(".gold.json", ".txt"));
            let value = serde_json::from_str(&std::fs::read_to_string(&gold).ok()?).ok()?;
            text.exists().then_some((text, value))
        })
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

#[derive(Default, Debug)]
pub struct Score {
    pub reports: usize,
    pub parts_total: usize,
    pub parts_right: usize,
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

    pub fn report(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push_str(&format!(
            "\n\nreports {}\nparts      {}/{} right\norder      {}/{} right\nlevel-1    {}/{} outlines right\nmeta       {}/{} fields right\nmetrics    gold {} found {} (neutral {}) matched {}\n           precision {:.3}  recall {:.3}  approx {:.3}\n",
            self.reports,
            self.parts_right,
            self.parts_total,
            self.order_right,
            self.reports,
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
        let bytes = std::fs::read(path).unwrap_or_default();
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        let s = report_core::analyze(&bytes, name.as_deref());
        let json: Value = serde_json::from_str(&s.to_json()).unwrap_or(Value::Null);
        let label = name.unwrap_or_default();
        sc.reports += 1;

        // Parts.
        for (k, id) in PARTS.iter().enumerate() {
            let want = gold["required"][id].as_bool().unwrap_or(false);
            let got = s.sections[k].status != Status::Missing;
            sc.parts_total += 1;
            if want == got {
                sc.parts_right += 1;
            } else {
                sc.lines.push(format!("{label}: part {id}: gold {want}, found {:?}", s.sections[k].status));
            }
        }
        if gold["order_ok"].as_bool() == Some(s.stats.parts_in_order) {
            sc.order_right += 1;
        } else {
            sc.lines.push(format!("{label}: order: gold {}, found {}", gold["order_ok"], s.stats.parts_in_order));
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
        for field in ["issuer", "level", "report_year", "publish_date", "doc_number", "script"] {
            sc.meta_total += 1;
            if gold["meta"][field] == json["meta"][field] {
                sc.meta_right += 1;
            } else {
                sc.lines.push(format!("{label}: meta.{field}: gold {}, found {}", gold["meta"][field], json["meta"][field]));
            }
        }

        // Metrics: value + unit, as multisets.
        let gold_metrics: Vec<(f64, String, String)> = gold["metrics"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|m| {
                        (
                            m["value"].as_f64().unwrap_or(f64::NAN),
                            m["unit"].as_str().unwrap_or("").to_string(),
                            m["approx"].as_str().unwrap_or("").to_string(),
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
