//! `report-cli`: the native front end of Report Lens. A thin layer over `report-core`:
//! it reads files, calls the same `analyze` as the browser and prints the same JSON.
//!
//! ```text
//! report-cli analyze FILE|DIR|- ...  [--pretty] [--format json|csv|findings|tables-csv] [--lang zh|en] [--kind KIND]
//! report-cli compare FILE|DIR|- ...  [--format csv|json] [--kind KIND]
//! ```
//!
//! `--format findings` prints each finding as a line `FILE:LINE: SEVERITY: message`, worded
//! by `report_core::messages` in the language asked for (the JSON itself carries codes and
//! arguments, not sentences).
//!
//! Exit codes: 0 all inputs analysed; 1 some input could not be read (the others are
//! still printed); 2 bad usage.

mod inputs;

/// jemalloc, configured (in .cargo/config.toml) to back its memory with transparent huge
/// pages: analysing a 20 MB report touches ≈ 110 MB, and with the system allocator's 4 KB
/// pages the page faults alone cost a sixth of the run; and with no separate arena for
/// blocks over 8 MB, so that freed large blocks are reused rather than handed back to the
/// system and zeroed again when next taken. The browser build is not affected.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use clap::{Parser, Subcommand, ValueEnum};
use report_core::kinds::KindId;
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "report-cli",
    version,
    about = "Analyse 法治政府建设年度报告 and 政府信息公开工作年度报告 files: structure, figures, tables, missing parts → JSON"
)]
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
        /// json: the summaries; csv: every figure; findings: one line per finding, worded;
        /// tables-csv: every cell of the standard tables in long form (report, table, row,
        /// column, value, read, form, line).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The language of `--format findings`.
        #[arg(long, value_enum, default_value_t = Lang::Zh)]
        lang: Lang,
        /// Read every report as this kind instead of recognising it.
        #[arg(long, value_enum)]
        kind: Option<Kind>,
    },
    /// Print the comparison table: one row per report (CSV), or the table and every summary (JSON).
    Compare {
        /// Files to read; a directory is searched recursively for supported files; `-` reads stdin.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// csv: the table; json: the table and every summary.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// Read every report as this kind instead of recognising it.
        #[arg(long, value_enum)]
        kind: Option<Kind>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Csv,
    Findings,
    TablesCsv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    Zh,
    En,
}

/// The report kinds, by their JSON ids.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Kind {
    RuleOfLaw,
    GovInfoDisclosure,
}

impl Kind {
    fn id(self) -> report_core::kinds::KindId {
        match self {
            Kind::RuleOfLaw => report_core::kinds::KindId::RuleOfLaw,
            Kind::GovInfoDisclosure => report_core::kinds::KindId::Disclosure,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze { inputs, pretty, format, lang, kind } => analyze(&inputs, pretty, format, lang, kind),
        Command::Compare { inputs, format, kind } => compare(&inputs, format, kind),
    }
}

/// Reads and analyses every input in order; failures are reported on stderr, one line each.
fn summaries(args: &[String], kind: Option<Kind>) -> (Vec<report_core::Summary>, bool) {
    let options = report_core::Options { kind: kind.map(Kind::id) };
    let (files, mut failed) = inputs::expand(args);
    let mut out = Vec::new();
    for input in &files {
        match input
            .analyze(options)
            .map_err(|e| e.to_string())
            .and_then(|analysed| analysed.map_err(|e| format!("cannot read it as a report: {e}")))
        {
            Ok(summary) => out.push(summary),
            Err(e) => {
                eprintln!("report-cli: {}: {e}", input.display());
                failed = true;
            }
        }
    }
    (out, failed)
}

fn compare(args: &[String], format: Format, kind: Option<Kind>) -> ExitCode {
    if matches!(format, Format::Findings | Format::TablesCsv) {
        eprintln!("report-cli: compare prints csv or json");
        return ExitCode::from(2);
    }
    let (summaries, failed) = summaries(args, kind);
    let refs: Vec<&report_core::Summary> = summaries.iter().collect();
    let text = match format {
        // One table per kind, each with its own columns: the rule-of-law table of the other
        // reports, then (after an empty line, when there are both) the 政府信息公开 table.
        Format::Csv => {
            let disclosure: Vec<&report_core::Summary> = refs.iter().copied().filter(|s| s.kind == KindId::Disclosure).collect();
            let others: Vec<&report_core::Summary> = refs.iter().copied().filter(|s| s.kind != KindId::Disclosure).collect();
            match (others.is_empty(), disclosure.is_empty()) {
                (_, true) => report_core::compare::table_csv(&refs),
                (true, false) => report_core::compare::disclosure_table_csv(&disclosure),
                (false, false) => {
                    eprintln!("report-cli: reports of two kinds: one table per kind, separated by an empty line");
                    report_core::compare::table_csv(&others)
                        + "\r\n"
                        + report_core::compare::disclosure_table_csv(&disclosure).trim_start_matches('\u{FEFF}')
                }
            }
        }
        Format::Json | Format::Findings | Format::TablesCsv => report_core::compare::comparison_json(&refs) + "\n",
    };
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn analyze(args: &[String], pretty: bool, format: Format, lang: Lang, kind: Option<Kind>) -> ExitCode {
    let (summaries, failed) = summaries(args, kind);
    if pretty && (summaries.len() != 1 || format != Format::Json) {
        eprintln!("report-cli: --pretty needs exactly one report and JSON output");
        return ExitCode::from(2);
    }
    // Straight into stdout through one buffer: the JSON of a 20 MB report is ≈ 11 MB, and
    // building it as a string first would cost as much again in copies and page faults.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = write_analyses(&mut out, &summaries, pretty, format, lang).and_then(|()| out.flush());
    // The process ends right after this: freeing every string of every summary one by one
    // (tens of thousands for a large report) would only make the exit slower, and the
    // system takes the memory back at once.
    std::mem::forget(summaries);
    if written.is_err() || failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints the summaries in `format`.
fn write_analyses(
    out: &mut impl Write,
    summaries: &[report_core::Summary],
    pretty: bool,
    format: Format,
    lang: Lang,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            for s in summaries {
                if pretty {
                    serde_json::to_writer_pretty(&mut *out, s)?;
                } else {
                    serde_json::to_writer(&mut *out, s)?;
                }
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => out.write_all(report_core::export::metrics_csv(&summaries.iter().collect::<Vec<_>>()).as_bytes())?,
        Format::TablesCsv => out.write_all(report_core::export::tables_csv(&summaries.iter().collect::<Vec<_>>()).as_bytes())?,
        Format::Findings => {
            let lang = match lang {
                Lang::Zh => report_core::messages::Lang::Zh,
                Lang::En => report_core::messages::Lang::En,
            };
            for s in summaries {
                let report = report_core::export::report_label(s);
                for f in &s.findings {
                    let line = f.line.map(|l| format!(":{l}")).unwrap_or_default();
                    let message = report_core::messages::finding_message(f, lang);
                    writeln!(out, "{report}{line}: {}: {message}", f.severity.as_str())?;
                }
            }
        }
    }
    Ok(())
}
