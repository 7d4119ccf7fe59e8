//! `report-cli`: the native front end of Report Lens. A thin layer over `report-core`:
//! it reads files, calls the same `analyze` as the browser and prints the same JSON.
//!
//! ```text
//! report-cli analyze FILE|DIR|- ...  [--pretty] [--format json|csv]
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
    }
}

fn analyze(args: &[String], pretty: bool, format: Format) -> ExitCode {
    let (files, mut failed) = inputs::expand(args);
    if pretty && (files.len() != 1 || format != Format::Json) {
        eprintln!("report-cli: --pretty needs exactly one report and JSON output");
        return ExitCode::from(2);
    }
    let mut out = std::io::stdout().lock();
    let mut summaries = Vec::new();
    for input in &files {
        let bytes = match input.read() {
            Ok(b) => b,
            Err(e) => {
                eprintln!("report-cli: {}: {e}", input.display());
                failed = true;
                continue;
            }
        };
        let summary = match report_core::analyze_input(&bytes, input.name().as_deref()) {
            Ok(analysis) => analysis.summary,
            Err(e) => {
                eprintln!("report-cli: {}: cannot read it as a report: {e}", input.display());
                failed = true;
                continue;
            }
        };
        match format {
            Format::Json => {
                let json = if pretty { summary.to_json_pretty() } else { summary.to_json() };
                if writeln!(out, "{json}").is_err() {
                    return ExitCode::from(1);
                }
            }
            Format::Csv => summaries.push(summary),
        }
    }
    if format == Format::Csv {
        let refs: Vec<&report_core::Summary> = summaries.iter().collect();
        if out.write_all(report_core::export::metrics_csv(&refs).as_bytes()).is_err() {
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
