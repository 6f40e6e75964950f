//! Share links: a scenario packed into a URL fragment as `s=1.<base64url(raw deflate(json))>`.
//!
//! The `1` is the link format's version; the JSON inside carries its own `version`, so old links keep decoding.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::scenario::Scenario;
use crate::wire;

/// Most bytes a link may expand to; a hostile link cannot make the app allocate more.
pub const MAX_DECODED_BYTES: usize = 256 * 1024;
/// The link format version this build writes.
pub const LINK_VERSION: u32 = 1;

/// Why a share link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError {
    /// What is wrong, lowercase, user input in backticks.
    pub message: String,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LinkError {}

fn err(message: String) -> LinkError {
    LinkError { message }
}

/// Removes from `value` every object field equal to the same field of `default`, recursing into objects
/// and into the `circles` list (each circle against a default circle).
fn prune(value: &mut serde_json::Value, default: &serde_json::Value) {
    use serde_json::Value;
    let (Value::Object(map), Value::Object(defaults)) = (value, default) else {
        return;
    };
    let circle_default = serde_json::to_value(crate::scenario::Circle::default()).unwrap_or(Value::Null);
    map.retain(|key, v| key == "version" || defaults.get(key) != Some(v));
    for (key, v) in map.iter_mut() {
        match (key.as_str(), v) {
            ("circles", Value::Array(items)) => items.iter_mut().for_each(|c| prune(c, &circle_default)),
            // An intervention's rules are pruned as the launch's are: its circles against a default circle,
            // its platform against the default platform.
            ("interventions", Value::Array(items)) => {
                let platform_default = defaults.get("platform").cloned().unwrap_or(Value::Null);
                for item in items.iter_mut().filter_map(Value::as_object_mut) {
                    if let Some(Value::Array(circles)) = item.get_mut("circles") {
                        circles.iter_mut().for_each(|c| prune(c, &circle_default));
                    }
                    if let Some(p) = item.get_mut("platform") {
                        prune(p, &platform_default);
                    }
                }
            }
            (_, v @ Value::Object(_)) => {
                if let Some(d) = defaults.get(key) {
                    prune(v, d);
                }
            }
            _ => {}
        }
    }
}

/// The scenario's JSON with every field left at its default dropped: links carry only what the designer
/// set, which keeps them short enough for chat tools (missing fields read back as their defaults).
fn compact_json(s: &Scenario) -> String {
    let (Ok(mut value), Ok(default)) = (serde_json::to_value(s), serde_json::to_value(Scenario::default())) else {
        return serde_json::to_string(s).unwrap_or_else(|_| String::from("{}"));
    };
    prune(&mut value, &default);
    serde_json::to_string(&value).unwrap_or_default()
}

/// The JSON a link of `s` carries: the compact form, or the full one if pruning ever lost something (a
/// default that differs between a container and its field type); an error if neither opens to `s`.
fn link_json(s: &Scenario) -> Result<String, LinkError> {
    let too_large = |json: &str| {
        err(format!(
            "the scenario is {} KiB as JSON; a link holds at most {} KiB",
            json.len().div_ceil(1024),
            MAX_DECODED_BYTES / 1024
        ))
    };
    let compact = compact_json(s);
    if compact.len() > MAX_DECODED_BYTES {
        return Err(too_large(&compact));
    }
    // INVARIANT: every link written opens to the scenario it was made from. Reading the JSON back with the
    // decoder's own reader is the honest check (any bound `decode` enforces, now or later, is enforced here
    // too); the rest of `decode` (base64, inflate under the size cap just checked) is lossless.
    let mut why = None;
    for json in [compact, serde_json::to_string(s).unwrap_or_else(|_| String::from("{}"))] {
        if json.len() > MAX_DECODED_BYTES {
            return Err(too_large(&json));
        }
        match wire::scenario_from_json(&json) {
            Ok(back) if back == *s => return Ok(json),
            Ok(_) => why.get_or_insert_with(|| String::from("a link of this scenario would open to different rules")),
            Err(e) => {
                why.get_or_insert_with(|| format!("a link of this scenario would not open: bad scenario in link: {e}"))
            }
        };
    }
    Err(err(why.unwrap_or_default()))
}

/// The fragment payload for a scenario (put it after `#`), or why no link of it would open.
///
/// A link is only written if [`decode`] reads it back to this very scenario: one whose JSON expands past
/// [`MAX_DECODED_BYTES`], or that breaks a bound of [`crate::limits`], is refused with the reason, so
/// the app never offers a link that cannot be opened (such a scenario travels as a file instead).
pub fn encode(s: &Scenario) -> Result<String, LinkError> {
    // A list past its bound is refused by `decode` whatever its size: say so before serialising it.
    if s.circles.len() > crate::limits::CIRCLES_MAX {
        return Err(err(format!(
            "the scenario has {} circles; a link holds at most {}",
            s.circles.len(),
            crate::limits::CIRCLES_MAX
        )));
    }
    let json = link_json(s)?;
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    Ok(format!("s={LINK_VERSION}.{}", URL_SAFE_NO_PAD.encode(packed)))
}

/// Reads a scenario from a whole URL, `#s=1.…` or `s=1.…`; validation is separate.
pub fn decode(text: &str) -> Result<Scenario, LinkError> {
    decode_with_notice(text).map(|d| d.scenario)
}

/// Reads a link as [`decode`] does, keeping which model it was made under: a link made under model 1 opens
/// (fields kept, assumptions at their defaults), and [`wire::Decoded::notice`] with `"link"` gives the words
/// to show: "this link was made under model 1; its numbers now come from model 2".
pub fn decode_with_notice(text: &str) -> Result<wire::Decoded, LinkError> {
    let text = text.trim();
    let fragment = match text.split_once('#') {
        Some((_, f)) => f,
        None => text,
    };
    let Some(param) = fragment.split('&').find_map(|p| p.strip_prefix("s=")) else {
        return Err(err(format!(
            "not a backfire link: expected `s=1.…` in the fragment, found `{}`",
            shorten(fragment)
        )));
    };
    let Some((version, payload)) = param.split_once('.') else {
        return Err(err(String::from(
            "not a backfire link: the `s=` value has no version (`s=1.…`)",
        )));
    };
    match version.parse::<u32>() {
        Ok(LINK_VERSION) => {}
        Ok(v) => {
            return Err(err(format!(
                "unsupported link version `{v}`: this build reads version {LINK_VERSION}"
            )))
        }
        Err(_) => return Err(err(format!("not a backfire link: bad version `{}`", shorten(version)))),
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|e| err(format!("bad base64 in link: {e}")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DECODED_BYTES).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            err(format!(
                "link too large: the scenario expands past {} KiB",
                MAX_DECODED_BYTES / 1024
            ))
        } else {
            err(String::from(
                "corrupt or truncated link: the compressed data does not inflate",
            ))
        }
    })?;
    let json = String::from_utf8(json).map_err(|_| err(String::from("corrupt link: the data is not text")))?;
    wire::read_scenario(&json).map_err(|e| err(format!("bad scenario in link: {e}")))
}

/// The fragment payload of a comparison: the variant as `s=` (so [`decode`] and the CLI read it like any
/// link), the pinned baseline as `b=`, and the seeds per side as `runs=`; refused as [`encode`] refuses
/// either side (a refused baseline's reason starts with `baseline: `).
pub fn encode_comparison(baseline: &Scenario, variant: &Scenario, runs: u32) -> Result<String, LinkError> {
    let b = encode(baseline).map_err(|e| err(format!("baseline: {}", e.message)))?;
    Ok(format!(
        "{}&b={}&runs={runs}",
        encode(variant)?,
        b.strip_prefix("s=").unwrap_or(&b)
    ))
}

/// The baseline and seeds of a comparison link, or `None` for a plain link.
pub fn decode_baseline(text: &str) -> Result<Option<(Scenario, u32)>, LinkError> {
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    let Some(b) = fragment.split('&').find_map(|p| p.strip_prefix("b=")) else {
        return Ok(None);
    };
    let baseline = decode(&format!("s={b}")).map_err(|e| err(format!("baseline: {}", e.message)))?;
    let runs = match fragment.split('&').find_map(|p| p.strip_prefix("runs=")) {
        None => 1,
        Some(r) => match r.parse::<u32>() {
            Ok(n @ 1..=50) => n,
            _ => return Err(err(format!("bad `runs` in link: `{}` (expected 1 to 50)", shorten(r)))),
        },
    };
    Ok(Some((baseline, runs)))
}

fn shorten(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_all_forms() -> Result<(), LinkError> {
        let s = Scenario::default();
        let payload = encode(&s)?;
        assert!(payload.starts_with("s=1."));
        assert_eq!(decode(&payload).as_ref(), Ok(&s));
        assert_eq!(decode(&format!("#{payload}")).as_ref(), Ok(&s));
        assert_eq!(
            decode(&format!("https://example.org/backfire/#{payload}")).as_ref(),
            Ok(&s)
        );
        Ok(())
    }

    #[test]
    fn links_carry_only_what_differs_from_the_defaults() -> Result<(), LinkError> {
        for p in crate::presets::all() {
            let payload = encode(&p.scenario)?;
            assert_eq!(decode(&payload).as_ref(), Ok(&p.scenario), "{}", p.id);
            let full = serde_json::to_string(&p.scenario).unwrap_or_default();
            assert!(compact_json(&p.scenario).len() < full.len(), "{} did not shrink", p.id);
        }
        assert_eq!(compact_json(&Scenario::default()), r#"{"version":2}"#);
        Ok(())
    }

    #[test]
    fn comparison_links_hold_both_sides() -> Result<(), LinkError> {
        let base = Scenario {
            name: String::from("base"),
            ..Scenario::default()
        };
        let variant = Scenario {
            name: String::from("variant"),
            seed: 9,
            ..Scenario::default()
        };
        let payload = encode_comparison(&base, &variant, 7)?;
        assert_eq!(decode(&payload).as_ref(), Ok(&variant));
        assert_eq!(
            decode_baseline(&format!("https://x.org/#{payload}")),
            Ok(Some((base, 7)))
        );
        assert_eq!(decode_baseline(&encode(&variant)?), Ok(None));
        let bad_runs = payload.replace("runs=7", "runs=500");
        assert!(decode_baseline(&bad_runs)
            .err()
            .map(|e| e.message)
            .unwrap_or_default()
            .contains("bad `runs`"));
        let bad_base = format!("{}&b=1.@@@", encode(&variant)?);
        assert!(decode_baseline(&bad_base)
            .err()
            .map(|e| e.message)
            .unwrap_or_default()
            .starts_with("baseline: bad base64"));
        Ok(())
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let msg = |t: &str| decode(t).err().map(|e| e.message).unwrap_or_default();
        assert!(msg("https://example.org/").starts_with("not a backfire link"));
        assert!(msg("s=2.abc").starts_with("unsupported link version `2`"));
        assert!(msg("s=1.!!!").starts_with("bad base64"));
        assert!(msg("s=1.AAAA").starts_with("corrupt or truncated"));
        let big = "{\"name\":\"".to_string() + &"x".repeat(300_000) + "\"}";
        let packed = miniz_oxide::deflate::compress_to_vec(big.as_bytes(), 9);
        assert!(msg(&format!("s=1.{}", URL_SAFE_NO_PAD.encode(packed))).starts_with("link too large"));
        let bad = miniz_oxide::deflate::compress_to_vec(b"{\"nope\":1}", 9);
        assert!(msg(&format!("s=1.{}", URL_SAFE_NO_PAD.encode(bad))).contains("unknown field `nope`"));
    }

    /// A scenario within every list bound whose compact JSON is past the link cap: every rule of 20
    /// circles full of clauses full of conditions (notes alone, 40 × 1,000 characters, stay under it).
    fn too_large() -> Scenario {
        use crate::scenario::{Circle, Clause, Condition, Rule};
        let full = |seed: u32| Rule {
            allow: (0..crate::limits::CLAUSES_MAX as u32)
                .map(|c| Clause {
                    conditions: (0..crate::limits::CONDITIONS_MAX as u32)
                        .map(|k| Condition::ActorAccountAgeAtLeastDays(seed * 100 + c * 10 + k))
                        .collect(),
                })
                .collect(),
        };
        let circles = (0..crate::limits::CIRCLES_MAX as u32)
            .map(|i| {
                let mut c = Circle {
                    name: format!("circle {i}"),
                    join: full(i),
                    ..Circle::default()
                };
                c.rules.post = full(i + 1);
                c.rules.comment = full(i + 2);
                c.rules.praise = full(i + 3);
                c.rules.tip = full(i + 4);
                c.rules.message = full(i + 5);
                c
            })
            .collect();
        Scenario {
            circles,
            ..Scenario::default()
        }
    }

    #[test]
    fn a_scenario_too_large_for_a_link_is_refused_with_the_reason() {
        let s = too_large();
        assert!(crate::wire::scenario_to_json(&s).len() < crate::limits::SCENARIO_BYTES_MAX);
        let why = encode(&s).err().map(|e| e.message).unwrap_or_default();
        assert!(why.contains("KiB as JSON; a link holds at most 256 KiB"), "{why}");
        let base = Scenario::default();
        let why = encode_comparison(&s, &base, 1)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(why.starts_with("baseline: the scenario is"), "{why}");
        assert!(encode_comparison(&base, &s, 1).is_err());
    }

    #[test]
    fn a_scenario_past_a_list_bound_is_refused_before_any_work() {
        let mut s = Scenario {
            circles: vec![crate::scenario::Circle::default(); 80_000],
            ..Scenario::default()
        };
        let why = encode(&s).err().map(|e| e.message).unwrap_or_default();
        assert_eq!(why, "the scenario has 80000 circles; a link holds at most 20");
        s.circles.truncate(2);
        s.name = "x".repeat(crate::limits::NAME_CHARS_MAX + 1);
        let why = encode(&s).err().map(|e| e.message).unwrap_or_default();
        assert!(why.starts_with("a link of this scenario would not open: "), "{why}");
    }
}
