//! Where a scenario comes from: a preset id, a file, standard input, or a share link.

use std::io::Read;

use backfire_engine::{link, presets, wire, Scenario};

use crate::CliError;

/// Loads the scenario named by `source`.
pub fn load(source: &str) -> Result<Scenario, CliError> {
    if let Some(p) = presets::by_id(source) {
        return Ok(p.scenario);
    }
    if source == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::input(format!("cannot read standard input: {e}")))?;
        return parse_text(&text, "standard input");
    }
    let path = std::path::Path::new(source);
    if path.is_file() {
        let bytes = std::fs::read(path).map_err(|e| CliError::input(format!("cannot read `{source}`: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|_| CliError::input(format!("`{source}` is not UTF-8 text")))?;
        return parse_text(&text, source);
    }
    if source.contains("s=") || source.contains('#') {
        return from_link(source);
    }
    Err(CliError::input(format!(
        "`{source}` is not a preset, a file or a share link: run `backfire presets` for the presets"
    )))
}

/// Reads scenario JSON, or a share link pasted into a file or standard input.
fn parse_text(text: &str, what: &str) -> Result<Scenario, CliError> {
    let trimmed = text.trim();
    if !trimmed.starts_with('{') && (trimmed.contains("s=") || trimmed.contains('#')) {
        return from_link(trimmed);
    }
    let read = wire::read_scenario(text).map_err(|e| CliError::input(format!("in {what}: {e}")))?;
    Ok(noticed(read, "scenario"))
}

/// Reads a share link, saying on standard error when it was made under an older model.
fn from_link(text: &str) -> Result<Scenario, CliError> {
    let read = link::decode_with_notice(text).map_err(|e| CliError::input(e.message))?;
    Ok(noticed(read, "link"))
}

/// The scenario read, after printing its notice (made under an older model) on standard error.
fn noticed(read: wire::Decoded, what: &str) -> Scenario {
    if let Some(notice) = read.notice(what) {
        eprintln!("note: {notice}");
    }
    read.scenario
}
