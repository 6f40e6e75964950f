//! The command line's grammar, declared with clap's derive: subcommands, flags, help and usage errors.

use clap::{Parser, Subcommand};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "backfire",
    version = backfire_engine::ENGINE_VERSION,
    about = "Backfire: simulate how platform rules get abused, from the command line",
    subcommand_required = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the presets: id and one sentence each.
    Presets,
    /// Print a scenario as JSON, or with `--summary` its rules in plain language.
    Show {
        /// A preset id, a scenario file, `-` for standard input, or a share link.
        source: String,
        /// Print the rules in plain language instead of JSON.
        #[arg(long)]
        summary: bool,
    },
    /// List the model's assumptions: field, default, bounds, meaning and source.
    Assumptions,
    /// Run a scenario and print what happened: a table, or the report as JSON.
    Run(RunArgs),
    /// Measure simulation speed on a few population sizes.
    Bench {
        /// Skip the largest populations.
        #[arg(long)]
        quick: bool,
    },
}

/// The options of `backfire run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// A preset id, a scenario file, `-` for standard input, or a share link.
    pub source: String,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Run for this many days instead of the scenario's.
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
    /// Simulate this many users instead of the scenario's.
    #[arg(long, value_name = "N")]
    pub users: Option<u32>,
    /// Use this seed instead of the scenario's.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn run_flags_parse_in_any_order() {
        let cli = Cli::try_parse_from([
            "backfire",
            "run",
            "--days",
            "2",
            "open-community",
            "--json",
            "--seed",
            "9",
        ]);
        let Ok(Cli {
            command: Command::Run(a),
        }) = cli
        else {
            unreachable!("`run` parses: {cli:?}");
        };
        assert_eq!(
            (a.source.as_str(), a.json, a.days, a.users, a.seed),
            ("open-community", true, Some(2), None, Some(9))
        );
    }
}
