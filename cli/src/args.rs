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
    /// Search the adversary side for the worst cases within a budget of abusive accounts (MAP-Elites).
    Redteam(SearchArgs),
    /// Search lever combinations and settings for the Pareto frontier of harm against honest cost.
    Frontier(FrontierArgs),
    /// Screen the model's assumptions for the ones the verdict rests on (Morris elementary effects).
    Robustness(RobustnessArgs),
    /// Measure simulation speed on a few population sizes, then each search's.
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

/// The options every search shares.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// A preset id, a scenario file, `-` for standard input, or a share link.
    pub source: String,
    /// Runs the search may make (for `robustness`: Morris trajectories).
    #[arg(long, value_name = "N")]
    pub budget: Option<u32>,
    /// Print the result as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Seeds each candidate runs on.
    #[arg(long, value_name = "N")]
    pub seeds: Option<u32>,
    /// Most users per run (default 10,000).
    #[arg(long, value_name = "N")]
    pub users: Option<u32>,
    /// Most days per run (default 7).
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
    /// Threads that run the batches (default: every core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Red team only: most abusive accounts, in ‰ of all accounts (default: the scenario's own share, or 30).
    #[arg(long, value_name = "PERMILLE")]
    pub abusive: Option<u32>,
    /// Red team only: the strategies the adversary may use (comma-separated archetype ids; default every abusive one).
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub strategies: Vec<String>,
}

/// The options of `backfire frontier`.
#[derive(Debug, clap::Args)]
pub struct FrontierArgs {
    /// What every search takes.
    #[command(flatten)]
    pub search: SearchArgs,
    /// Minimise this pattern's harm instead of overall prevalence (e.g. `solicitation`).
    #[arg(long, value_name = "ID")]
    pub pattern: Option<String>,
    /// Judge every fix against the red team's worst case (a red team of the same budget runs first).
    #[arg(long)]
    pub robust: bool,
}

/// The options of `backfire robustness`.
#[derive(Debug, clap::Args)]
pub struct RobustnessArgs {
    /// What every search takes.
    #[command(flatten)]
    pub search: SearchArgs,
    /// A pinned baseline (preset id, file or link) to screen the comparison with; a comparison link's `b=` is read too.
    #[arg(long, value_name = "SOURCE")]
    pub baseline: Option<String>,
    /// Screen each assumption over its whole bounds instead of ÷2 to ×2 its value.
    #[arg(long)]
    pub bounds: bool,
    /// Screen only these assumptions (comma-separated fields).
    #[arg(long, value_name = "FIELDS", value_delimiter = ',')]
    pub only: Vec<String>,
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

    #[test]
    fn search_flags_parse() {
        let cli = Cli::try_parse_from([
            "backfire",
            "frontier",
            "x",
            "--budget",
            "40",
            "--pattern",
            "scam",
            "--json",
        ]);
        let Ok(Cli {
            command: Command::Frontier(a),
        }) = cli
        else {
            unreachable!("`frontier` parses: {cli:?}");
        };
        assert_eq!(
            (
                a.search.source.as_str(),
                a.search.budget,
                a.search.json,
                a.pattern.as_deref()
            ),
            ("x", Some(40), true, Some("scam"))
        );
    }
}
