//! The JSON wire format for scenarios (`"version": 1`), shared by the app, share links and the CLI.

use serde::Deserialize;

use crate::scenario::{Scenario, SCENARIO_VERSION};

/// Why a scenario's JSON could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError {
    /// What is wrong, lowercase, user input in backticks.
    pub message: String,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WireError {}

/// Just the version, read first so a future file gets a clear message instead of "unknown field".
#[derive(Deserialize)]
struct VersionOnly {
    #[serde(default)]
    version: Option<serde_json::Value>,
}

/// Reads a scenario from JSON; missing fields take their defaults and unknown fields are refused.
pub fn scenario_from_json(text: &str) -> Result<Scenario, WireError> {
    if let Ok(v) = serde_json::from_str::<VersionOnly>(text) {
        match v.version {
            None => {}
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(SCENARIO_VERSION)) => {}
            Some(other) => {
                return Err(WireError {
                    message: format!("unsupported version `{other}`: this build reads version {SCENARIO_VERSION}"),
                })
            }
        }
    }
    serde_json::from_str(text).map_err(|e| WireError { message: e.to_string() })
}

/// Writes a scenario as pretty JSON.
pub fn scenario_to_json(s: &Scenario) -> String {
    // Serializing plain structs with string keys cannot fail; fall back to an empty object all the same.
    serde_json::to_string_pretty(s).unwrap_or_else(|_| String::from("{}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let s = Scenario::default();
        assert_eq!(scenario_from_json(&scenario_to_json(&s)), Ok(s));
    }

    #[test]
    fn missing_fields_default() {
        let s = scenario_from_json(r#"{"version": 1, "days": 3}"#);
        assert_eq!(s.map(|s| s.days), Ok(3));
    }

    #[test]
    fn unknown_fields_are_named() {
        let e = scenario_from_json(r#"{"version": 1, "dayz": 3}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(e.contains("unknown field `dayz`"), "{e}");
    }

    #[test]
    fn future_versions_are_refused_clearly() {
        let e = scenario_from_json(r#"{"version": 2}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert_eq!(e, "unsupported version `2`: this build reads version 1");
    }
}
