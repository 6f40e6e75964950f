//! Hand-rolled argument parsing for `backfire run` (a few flags do not need a parser crate).

use crate::CliError;

/// The options of `backfire run`.
pub struct RunArgs {
    /// Preset id, file path, `-`, or share link.
    pub source: String,
    /// Print the report as JSON.
    pub json: bool,
    /// Override the number of days.
    pub days: Option<u32>,
    /// Override the number of users.
    pub users: Option<u32>,
    /// Override the seed.
    pub seed: Option<u64>,
}

impl RunArgs {
    /// Parses the arguments after `run`.
    pub fn parse(rest: &[String]) -> Result<RunArgs, CliError> {
        let mut source = None;
        let mut out = RunArgs {
            source: String::new(),
            json: false,
            days: None,
            users: None,
            seed: None,
        };
        let mut it = rest.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--json" => out.json = true,
                "--days" => out.days = Some(number(a, it.next())?),
                "--users" => out.users = Some(number(a, it.next())?),
                "--seed" => out.seed = Some(number(a, it.next())?),
                flag if flag.starts_with("--") => {
                    return Err(CliError::usage(format!("unknown option `{flag}`")));
                }
                value => {
                    if source.is_some() {
                        return Err(CliError::usage(format!("unexpected argument `{value}`")));
                    }
                    source = Some(value.to_string());
                }
            }
        }
        out.source = source
            .ok_or_else(|| CliError::usage(String::from("`run` needs a preset id, a file, `-` or a share link")))?;
        Ok(out)
    }
}

fn number<T: std::str::FromStr>(flag: &str, value: Option<&String>) -> Result<T, CliError> {
    let Some(v) = value else {
        return Err(CliError::usage(format!("`{flag}` needs a number")));
    };
    v.parse()
        .map_err(|_| CliError::usage(format!("`{flag}` needs a whole number, not `{v}`")))
}

/// Refuses any leftover arguments.
pub fn no_more(rest: &[String]) -> Result<(), CliError> {
    match rest.first() {
        Some(a) => Err(CliError::usage(format!("unexpected argument `{a}`"))),
        None => Ok(()),
    }
}
