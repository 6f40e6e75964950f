//! The JSON wire format for scenarios (`"version": 2`, and version 1 read as made under model 1), shared by the
//! app, share links and the CLI.

use serde_json::Value;

use crate::limits;
use crate::report::MODEL_VERSION;
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

/// Reads a scenario from JSON; see [`read_scenario`] (this drops which model the scenario was made under).
pub fn scenario_from_json(text: &str) -> Result<Scenario, WireError> {
    read_scenario(text).map(|d| d.scenario)
}

/// A scenario as read, with the model it was made under.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The scenario, brought to this build's version (fields kept, assumptions it did not have at their defaults).
    pub scenario: Scenario,
    /// The model the text was made under: 1 for a `"version": 1` scenario, else [`MODEL_VERSION`].
    pub made_under_model: u32,
}

impl Decoded {
    /// What to tell the reader when the text was made under an older model, e.g. for `what` = "link":
    /// "this link was made under model 1; its numbers now come from model 2".
    pub fn notice(&self, what: &str) -> Option<String> {
        self.notice_in(crate::lang::Lang::En, what)
    }

    /// The same notice in `lang`, `what` being "link" or "file": "这个链接是在模型 1 下制作的；其中的数字现在来自模型 2".
    pub fn notice_in(&self, lang: crate::lang::Lang, what: &str) -> Option<String> {
        let made = self.made_under_model;
        (made != MODEL_VERSION).then(|| match lang {
            crate::lang::Lang::En => {
                format!("this {what} was made under model {made}; its numbers now come from model {MODEL_VERSION}")
            }
            crate::lang::Lang::Zh => {
                let what = match what {
                    "link" => "链接",
                    "file" => "文件",
                    other => other,
                };
                format!("这个{what}是在模型 {made} 下制作的；其中的数字现在来自模型 {MODEL_VERSION}")
            }
        })
    }
}

/// Reads a scenario from JSON; missing fields take their defaults, unknown fields are refused, and every
/// problem names the field's path and what was expected in words.
///
/// The text is read as plain JSON first and its shape checked (an object where an object belongs, lists
/// only where lists belong, and no list or text longer than [`crate::limits`] allows) before the typed
/// decode builds anything from it. A `"version": 1` scenario (made under model 1, before assumptions were
/// part of the scenario) reads with every field kept and the assumptions at their defaults; it comes out at
/// this build's version, and [`Decoded::made_under_model`] says it was made under model 1.
pub fn read_scenario(text: &str) -> Result<Decoded, WireError> {
    if text.len() > limits::SCENARIO_BYTES_MAX {
        return Err(WireError {
            message: format!(
                "the scenario is {} KiB; the most this build reads is {} KiB",
                text.len().div_ceil(1024),
                limits::SCENARIO_BYTES_MAX / 1024
            ),
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| WireError {
        message: format!(
            "not valid JSON (line {}, column {}): {}",
            e.line(),
            e.column(),
            syntax_words(&e)
        ),
    })?;
    let Value::Object(top) = &value else {
        return Err(WireError {
            message: format!("a scenario must be a JSON object `{{…}}`, got {}", kind_of(&value)),
        });
    };
    let made_under_model = match top.get("version") {
        None => MODEL_VERSION,
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(SCENARIO_VERSION)) => MODEL_VERSION,
        Some(Value::Number(n)) if n.as_u64() == Some(1) => 1,
        Some(other) => {
            return Err(WireError {
                message: format!("unsupported version `{other}`: this build reads versions 1 to {SCENARIO_VERSION}"),
            })
        }
    };
    check_shape(&value, &mut String::new())?;
    let mut scenario: Scenario = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let what = in_words(&e.into_inner().to_string());
        WireError {
            message: if path == "." { what } else { format!("{path}: {what}") },
        }
    })?;
    // The one upgrade from version 1: the version itself (version 1 had no assumptions; they read as defaults).
    scenario.version = SCENARIO_VERSION;
    Ok(Decoded {
        scenario,
        made_under_model,
    })
}

/// What kind of JSON value this is, in words.
fn kind_of(v: &Value) -> String {
    match v {
        Value::Null => String::from("null"),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::String(t) => format!("the text `{}`", shorten(t)),
        Value::Array(_) => String::from("a list `[…]`"),
        Value::Object(_) => String::from("an object `{…}`"),
    }
}

fn shorten(t: &str) -> String {
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_owned()
    }
}

/// The lists a scenario has, with their longest allowed length and whether their items are objects.
fn list_field(key: &str) -> Option<(usize, bool)> {
    match key {
        "circles" => Some((limits::CIRCLES_MAX, true)),
        "allow" => Some((limits::CLAUSES_MAX, true)),
        "conditions" => Some((limits::CONDITIONS_MAX, true)),
        "notes" => Some((limits::NOTES_MAX, false)),
        "interventions" => Some((crate::scenario::INTERVENTIONS_MAX, true)),
        _ => None,
    }
}

/// Refuses lists where objects belong, objects that are lists, and lists or texts past their limits.
fn check_shape(v: &Value, path: &mut String) -> Result<(), WireError> {
    let fail = |path: &str, message: String| WireError {
        message: format!("{}: {message}", if path.is_empty() { "scenario" } else { path }),
    };
    let Value::Object(map) = v else {
        return Ok(());
    };
    for (key, field) in map {
        let len = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        match (list_field(key), field) {
            (Some((max, objects)), Value::Array(items)) => {
                if items.len() > max {
                    return Err(fail(path, format!("at most {max} allowed, got {}", items.len())));
                }
                for (i, item) in items.iter().enumerate() {
                    let item_len = path.len();
                    path.push_str(&format!("[{i}]"));
                    match item {
                        Value::Object(_) if objects => check_shape(item, path)?,
                        Value::String(t) if !objects => {
                            if t.chars().count() > limits::NOTE_CHARS_MAX {
                                return Err(fail(
                                    path,
                                    format!("a note may be at most {} characters", limits::NOTE_CHARS_MAX),
                                ));
                            }
                        }
                        other => {
                            let want = if objects { "an object `{…}`" } else { "a text" };
                            return Err(fail(path, format!("expected {want}, got {}", kind_of(other))));
                        }
                    }
                    path.truncate(item_len);
                }
            }
            (Some(_), Value::Null) | (None, Value::Null) => {}
            (Some(_), other) => return Err(fail(path, format!("expected a list `[…]`, got {}", kind_of(other)))),
            (None, Value::Array(_)) => {
                return Err(fail(
                    path,
                    String::from("expected a single value or an object `{…}`, got a list `[…]`"),
                ))
            }
            (None, Value::String(t)) if key == "name" && t.chars().count() > limits::NAME_CHARS_MAX => {
                return Err(fail(
                    path,
                    format!("a name may be at most {} characters", limits::NAME_CHARS_MAX),
                ));
            }
            (None, Value::String(t)) if key == "label" && t.chars().count() > limits::NAME_CHARS_MAX => {
                return Err(fail(
                    path,
                    format!("a label may be at most {} characters", limits::NAME_CHARS_MAX),
                ));
            }
            (None, Value::String(t)) if key == "note" && t.chars().count() > limits::NOTE_CHARS_MAX => {
                return Err(fail(
                    path,
                    format!("a note may be at most {} characters", limits::NOTE_CHARS_MAX),
                ));
            }
            (None, Value::Object(_)) => check_shape(field, path)?,
            (None, _) => {}
        }
        path.truncate(len);
    }
    Ok(())
}

/// A JSON syntax error in words.
fn syntax_words(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json appends " at line L column C"; the caller says where.
    let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
    text.replace("EOF", "end of text")
}

/// Rewrites serde's words for Rust types into words for people (`expected u8` → a whole number 0–255).
fn in_words(message: &str) -> String {
    // "invalid type: X, expected Y" and "invalid value: X, expected Y" read better as "expected Y, got X".
    let reordered = ["invalid type: ", "invalid value: "].iter().find_map(|prefix| {
        let rest = message.strip_prefix(prefix)?;
        let (got, want) = rest.split_once(", expected ")?;
        Some(format!("expected {}, got {}", expected_words(want), got_words(got)))
    });
    if let Some(m) = reordered {
        return m;
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        return format!("wrong number of items: {rest}");
    }
    message.replace("unknown variant", "unknown choice")
}

/// What serde expected, in words.
fn expected_words(want: &str) -> String {
    let want = want.trim();
    let words = match want {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" => "a whole number from 0 to 18446744073709551615",
        "i32" => "a whole number",
        "a boolean" => "`true` or `false`",
        "a string" => "a text in quotes",
        "a sequence" => "a list `[…]`",
        "string or map" => "one of the allowed names",
        "map with a single key" => "one condition per `{…}`, such as `{\"actor_gender\": \"female\"}`",
        "newtype variant" | "unit variant" | "struct variant" | "tuple variant" => "one of the allowed names",
        _ if want.starts_with("struct ") || want.starts_with("a map") => "an object `{…}`",
        _ if want.starts_with("enum ") => "one of the allowed names",
        _ => return want.to_owned(),
    };
    words.to_owned()
}

/// What serde got, in words.
fn got_words(got: &str) -> String {
    let got = got.trim();
    for (prefix, word) in [
        ("string ", ""),
        ("integer ", ""),
        ("floating point ", "the fraction "),
        ("boolean ", ""),
    ] {
        if let Some(v) = got.strip_prefix(prefix) {
            return format!("{word}{v}");
        }
    }
    match got {
        "map" => String::from("an object `{…}`"),
        "sequence" => String::from("a list `[…]`"),
        "unit" | "null" => String::from("null"),
        "unit variant" | "newtype variant" | "struct variant" | "tuple variant" => String::from("a name"),
        other => other.to_owned(),
    }
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
        let e = scenario_from_json(r#"{"version": 3}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert_eq!(e, "unsupported version `3`: this build reads versions 1 to 2");
    }

    #[test]
    fn version_1_reads_as_made_under_model_1() -> Result<(), WireError> {
        let old = read_scenario(r#"{"version": 1, "days": 3}"#)?;
        assert_eq!(old.scenario.version, SCENARIO_VERSION);
        assert_eq!(old.scenario.days, 3);
        assert!(old.scenario.assumptions.is_default());
        assert_eq!(
            old.notice("link").as_deref(),
            Some("this link was made under model 1; its numbers now come from model 2")
        );
        assert_eq!(
            old.notice_in(crate::lang::Lang::Zh, "file").as_deref(),
            Some("这个文件是在模型 1 下制作的；其中的数字现在来自模型 2")
        );
        let new = read_scenario(r#"{"version": 2, "assumptions": {"reroute_percent": 10}}"#)?;
        assert_eq!(new.notice("link"), None);
        assert_eq!(new.scenario.assumptions.reroute_percent, 10);
        Ok(())
    }

    #[test]
    fn unknown_assumptions_are_named() {
        let e = scenario_from_json(r#"{"version": 2, "assumptions": {"reroute": 10}}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(e.starts_with("assumptions.reroute: unknown field `reroute`"), "{e}");
    }
}
