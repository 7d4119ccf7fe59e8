//! Prints the tables Report Lens reads in files: the cells as recovered (layout, rows) and
//! the standard tables read onto the form's grid. `cargo run -p report-core --example
//! tables_dump -- FILE...`
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let name = std::path::Path::new(&path).file_name().and_then(|n| n.to_str()).map(str::to_string);
        let a = match report_core::analyze_input(&bytes, name.as_deref()) {
            Ok(a) => a,
            Err(e) => {
                println!("{path}: {e:?}");
                continue;
            }
        };
        println!("== {path}: kind {} ({:?})", a.summary.kind.as_str(), a.summary.kind_basis);
        for p in &a.summary.sections {
            println!("  part {:<22} {:<8} line {:?}", p.id.as_str(), p.status.as_str(), p.line);
        }
        for (i, t) in a.tables.iter().enumerate() {
            let rows = t.cells.iter().map(|c| c.row).max().map_or(0, |r| r + 1);
            println!("  text table {i}: {:?}, {} cells, {} rows", t.layout, t.cells.len(), rows);
        }
        for t in &a.summary.tables {
            let found = t.rows.iter().filter(|r| r.found).count();
            println!(
                "  standard table {} (form {:?}): found {}, {} of {} rows, line {:?}",
                t.id.as_str(),
                t.form,
                t.found,
                found,
                t.rows.len(),
                t.line
            );
            for r in t.rows.iter().filter(|r| r.found) {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .map(|c| match c.value {
                        Some(v) => format!("{v}"),
                        None => format!("{:?}", c.read).to_lowercase(),
                    })
                    .collect();
                println!("    {:<30} line {:?}: {}", r.id, r.line, cells.join(" "));
            }
        }
        for f in &a.summary.findings {
            println!(
                "  finding {:?} line {:?}: {}",
                f.severity,
                f.line,
                report_core::messages::finding_message(f, report_core::messages::Lang::Zh)
            );
        }
    }
}
