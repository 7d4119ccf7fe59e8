//! `report-cli`: the native front end of Report Lens. A thin layer over `report-core`:
//! it reads files, calls the same `analyze` as the browser and prints the same JSON.
//!
//! ```text
//! report-cli analyze FILE|DIR|- ...  [--pretty] [--format json|csv]
//! report-cli compare FILE|DIR|- ...  [--format csv|json]
//! ```
//!
//! Exit codes: 0 all inputs analysed; 1 some input could not be read (the others are
//! still printed); 2 bad usage.

mod inputs;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "report-cli", version, about = "Analyse 法治政府建设年度报告 files: structure, figures, missing parts → JSON")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print one JSON summary per report (JSON Lines, in input order), or the metrics as CSV.
    Analyze {
        /// Files to read; a directory is searched recursively for supported files; `-` reads stdin.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Indent the JSON (only with a single report).
        #[arg(long)]
        pretty: bool,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Print the comparison table: one row per report (CSV), or the table and every summary (JSON).
    Compare {
        /// Files to read; a directory is searched recursively for supported files; `-` reads stdin.
        #[arg(required = true)]
        inputs: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze { inputs, pretty, format } => analyze(&inputs, pretty, format),
        Command::Compare { inputs, format } => compare(&inputs, format),
    }
}

/// Reads and analyses every input in order; failures are reported on stderr, one line each.
fn summaries(args: &[String]) -> (Vec<report_core::Summary>, bool) {
    let (files, mut failed) = inputs::expand(args);
    let mut out = Vec::new();
    for input in &files {
        match input.read().map_err(|e| e.to_string()).and_then(|bytes| {
            report_core::analyze_input(&bytes, input.name().as_deref()).map_err(|e| format!("cannot read it as a report: {e}"))
        }) {
            Ok(analysis) => out.push(analysis.summary),
            Err(e) => {
                eprintln!("report-cli: {}: {e}", input.display());
                failed = true;
            }
        }
    }
    (out, failed)
}

fn compare(args: &[String], format: Format) -> ExitCode {
    let (summaries, failed) = summaries(args);
    let refs: Vec<&report_core::Summary> = summaries.iter().collect();
    let text = match format {
        Format::Csv => report_core::compare::table_csv(&refs),
        Format::Json => report_core::compare::comparison_json(&refs) + "\n",
    };
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn analyze(args: &[String], pretty: bool, format: Format) -> ExitCode {
    let (summaries, failed) = summaries(args);
    if pretty && (summaries.len() != 1 || format != Format::Json) {
        eprintln!("report-cli: --pretty needs exactly one report and JSON output");
        return ExitCode::from(2);
    }
    let mut text = String::new();
    match format {
        Format::Json => {
            for s in &summaries {
                text.push_str(&if pretty { s.to_json_pretty() } else { s.to_json() });
                text.push('\n');
            }
        }
        Format::Csv => text = report_core::export::metrics_csv(&summaries.iter().collect::<Vec<_>>()),
    }
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
