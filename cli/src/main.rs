//! The `backfire` command line: list presets, show or run scenarios and share links, search them, benchmark.

mod args;
mod search;
mod source;
mod table;

#[path = "../../engine/benches/measure.rs"]
mod measure;

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;

use args::Command;
use backfire_engine::{assumptions, presets, validate, wire, words, Scenario, Severity};

fn main() -> ExitCode {
    // Usage errors (exit 2), `--help` and `--version` (exit 0) are clap's to print.
    let cli = args::Cli::parse();
    match dispatch(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(1)
        }
    }
}

/// Bad input (a file, link or scenario), reported as `error: …` with exit code 1.
pub struct CliError {
    /// What went wrong, lowercase, user input in backticks.
    pub message: String,
}

impl CliError {
    /// Bad input (file, link, scenario).
    pub fn input(message: String) -> Self {
        CliError { message }
    }
}

/// Writes to standard output; a closed or full output is an error with a message, not a panic
/// (`println!` panics when stdout is gone).
fn out(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(write_error)
}

fn write_error(e: std::io::Error) -> CliError {
    CliError::input(format!("cannot write to standard output: {e}"))
}

fn dispatch(command: Command) -> Result<(), CliError> {
    match command {
        Command::Presets => {
            for p in presets::all() {
                out(&format!("{:<26} {}\n", p.id, p.sentence))?;
            }
            Ok(())
        }
        Command::Show { source, summary } => {
            let scenario = source::load(&source)?;
            if summary {
                out(&summary_text(&scenario))?;
            } else {
                out(&format!("{}\n", wire::scenario_to_json(&scenario)))?;
            }
            Ok(())
        }
        Command::Assumptions => out(&assumptions_text()),
        Command::Run(opts) => run(opts),
        Command::Redteam(a) => out(&search::redteam(&a)?),
        Command::Frontier(a) => out(&search::frontier(&a)?),
        Command::Robustness(a) => out(&search::robustness(&a)?),
        Command::Bench { quick } => {
            let mut stdout = std::io::stdout();
            measure::write_table(if quick { 100_000 } else { u32::MAX }, &mut stdout)
                .and_then(|()| search::bench_rows(&mut stdout))
                .map_err(write_error)
        }
    }
}

/// The assumptions catalogue as a table: field, default, bounds, then the meaning and source indented below.
fn assumptions_text() -> String {
    let mut out = format!(
        "model {}: {} assumptions (set them in a scenario's `assumptions` block)\n\n",
        backfire_engine::MODEL_VERSION,
        assumptions::ASSUMPTIONS.len()
    );
    for row in assumptions::ASSUMPTIONS {
        out.push_str(&format!(
            "{:<32} {:>16}   ({})\n    {}\n    source: {}\n",
            row.field,
            row.show(row.default),
            row.bounds_text(),
            row.meaning,
            row.source
        ));
    }
    out
}

/// The rules in plain language: a heading per circle and for the platform, one rule per line.
fn summary_text(scenario: &Scenario) -> String {
    let mut out = String::new();
    for section in words::rules_summary(backfire_engine::lang::Lang::En, scenario) {
        out.push_str(&section.title);
        out.push('\n');
        for line in &section.lines {
            out.push_str("  - ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn run(opts: args::RunArgs) -> Result<(), CliError> {
    let mut scenario = source::load(&opts.source)?;
    if let Some(d) = opts.days {
        scenario.days = d;
    }
    if let Some(u) = opts.users {
        scenario.population.n_users = u;
    }
    if let Some(s) = opts.seed {
        scenario.seed = s;
    }
    let scenario = checked(scenario)?;
    let report = backfire_engine::run(&scenario);
    if opts.json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::input(format!("cannot write the report: {e}")))?;
        out(&format!("{text}\n"))?;
    } else {
        out(&table::render(&report, &scenario))?;
    }
    Ok(())
}

/// The scenario if it validates: warnings go to standard error, errors end the command.
pub fn checked(scenario: Scenario) -> Result<Scenario, CliError> {
    let issues = validate(&scenario);
    for i in issues.iter().filter(|i| i.severity == Severity::Warning) {
        eprintln!("warning: {}: {}", i.path, i.message);
    }
    let errors: Vec<_> = issues.iter().filter(|i| i.severity == Severity::Error).collect();
    if !errors.is_empty() {
        for i in &errors {
            eprintln!("error: {}: {}", i.path, i.message);
        }
        return Err(CliError::input(format!(
            "the scenario has {} error{}",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(scenario)
}
