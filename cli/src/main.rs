//! The `backfire` command line: list presets, show or run scenarios and share links, benchmark.

mod args;
mod source;
mod table;

#[allow(dead_code)]
#[path = "../../engine/benches/measure.rs"]
mod measure;

use std::process::ExitCode;

use backfire_engine::{presets, validate, wire, Severity};

const USAGE: &str = "usage:
  backfire presets
  backfire show <preset>
  backfire run <preset-id | file.json | - | share-link> [--json] [--days N] [--users N] [--seed N]
  backfire bench [--quick]";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            if e.usage {
                eprintln!("{USAGE}");
            }
            ExitCode::from(e.code)
        }
    }
}

/// A failure to report: message, exit code, and whether to show usage.
pub struct CliError {
    /// What went wrong, lowercase, user input in backticks.
    pub message: String,
    /// Exit code: 2 for bad usage, 1 for bad input.
    pub code: u8,
    /// Whether to print the usage after the message.
    pub usage: bool,
}

impl CliError {
    /// Bad command-line usage.
    pub fn usage(message: String) -> Self {
        CliError {
            message,
            code: 2,
            usage: true,
        }
    }

    /// Bad input (file, link, scenario).
    pub fn input(message: String) -> Self {
        CliError {
            message,
            code: 1,
            usage: false,
        }
    }
}

fn dispatch(argv: &[String]) -> Result<(), CliError> {
    let Some(cmd) = argv.first() else {
        return Err(CliError::usage(String::from("missing command")));
    };
    let rest = argv.get(1..).unwrap_or_default();
    match cmd.as_str() {
        "presets" => {
            args::no_more(rest)?;
            for p in presets::all() {
                println!("{:<26} {}", p.id, p.sentence);
            }
            Ok(())
        }
        "show" => {
            let [id] = rest else {
                return Err(CliError::usage(String::from("`show` takes one preset id")));
            };
            let p = presets::by_id(id).ok_or_else(|| {
                CliError::input(format!("unknown preset `{id}`: run `backfire presets` for the list"))
            })?;
            println!("{}", wire::scenario_to_json(&p.scenario));
            Ok(())
        }
        "run" => run(rest),
        "bench" => {
            let quick = rest.iter().any(|a| a == "--quick");
            if let Some(bad) = rest.iter().find(|a| *a != "--quick") {
                return Err(CliError::usage(format!("unexpected argument `{bad}`")));
            }
            measure::print_table(if quick { 100_000 } else { u32::MAX });
            Ok(())
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        "--version" | "-V" => {
            println!("backfire {}", backfire_engine::ENGINE_VERSION);
            Ok(())
        }
        other => Err(CliError::usage(format!("unknown command `{other}`"))),
    }
}

fn run(rest: &[String]) -> Result<(), CliError> {
    let opts = args::RunArgs::parse(rest)?;
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
    let report = backfire_engine::run(&scenario);
    if opts.json {
        let text = serde_json::to_string_pretty(&report)
            .map_err(|e| CliError::input(format!("cannot write the report: {e}")))?;
        println!("{text}");
    } else {
        print!("{}", table::render(&report));
    }
    Ok(())
}
