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
        return link::decode(source).map_err(|e| CliError::input(e.message));
    }
    Err(CliError::input(format!(
        "`{source}` is not a preset, a file or a share link: run `backfire presets` for the presets"
    )))
}

/// Reads scenario JSON, or a share link pasted into a file or standard input.
fn parse_text(text: &str, what: &str) -> Result<Scenario, CliError> {
    let trimmed = text.trim();
    if !trimmed.starts_with('{') && (trimmed.contains("s=") || trimmed.contains('#')) {
        return link::decode(trimmed).map_err(|e| CliError::input(e.message));
    }
    wire::scenario_from_json(text).map_err(|e| CliError::input(format!("in {what}: {e}")))
}
