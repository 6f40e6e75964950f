//! Hostile and mistaken scenario files: each is refused with a message that names the field and says, in
//! words, what was expected; none is read as something else.

use backfire_engine::wire;

/// (input, the path or words the message must contain)
const BAD: &[(&str, &str)] = &[
    ("[]", "must be a JSON object"),
    (r#"[1,"positional",[],5,3]"#, "must be a JSON object"),
    ("42", "must be a JSON object"),
    (r#""a scenario""#, "must be a JSON object"),
    ("null", "must be a JSON object"),
    (r#"{"circles":[[]]}"#, "circles[0]"),
    (r#"{"circles":{}}"#, "circles"),
    (r#"{"circles":[{"tips":[]}]}"#, "circles[0].tips"),
    (r#"{"population":[]}"#, "population"),
    (r#"{"population":{"credit":[640,60]}}"#, "population.credit"),
    (r#"{"days":"abc"}"#, "days"),
    (r#"{"days":-1}"#, "days"),
    (r#"{"days":1.5}"#, "days"),
    (r#"{"seed":true}"#, "seed"),
    (r#"{"population":{"female_percent":300}}"#, "population.female_percent"),
    (r#"{"population":{"n_users":"many"}}"#, "population.n_users"),
    (r#"{"circles":[{"tips":{"max_fen":"abc"}}]}"#, "circles[0].tips.max_fen"),
    (r#"{"circles":[{"tips":{"enabled":"yes"}}]}"#, "circles[0].tips.enabled"),
    (r#"{"circles":[{"ranking":"loudest"}]}"#, "circles[0].ranking"),
    (r#"{"circles":[{"ranking":5}]}"#, "circles[0].ranking"),
    (
        r#"{"circles":[{"join":{"allow":[{"conditions":[{"actor_gender":"female","actor_identity":"student"}]}]}}]}"#,
        "circles[0].join.allow[0].conditions[0]",
    ),
    (
        r#"{"circles":[{"join":{"allow":[{"conditions":["actor_gender"]}]}}]}"#,
        "circles[0].join.allow[0].conditions[0]",
    ),
    (
        r#"{"circles":[{"join":{"allow":[{"conditions":[{"actor_gender":"robot"}]}]}}]}"#,
        "circles[0].join.allow[0].conditions[0]",
    ),
    (
        r#"{"circles":[{"join":{"allow":[{"conditions":[{"actor_credit_at_least":"high"}]}]}}]}"#,
        "circles[0].join.allow[0].conditions[0]",
    ),
    (r#"{"circles":[{"join":{"allow":{}}}]}"#, "circles[0].join.allow"),
    (
        r#"{"circles":[{"moderation":{"classifier":[]}}]}"#,
        "circles[0].moderation.classifier",
    ),
    (r#"{"notes":"one note"}"#, "notes"),
    (r#"{"notes":[1]}"#, "notes[0]"),
    (
        r#"{"platform":{"bans":{"return_after_ban":"sometimes"}}}"#,
        "platform.bans.return_after_ban",
    ),
    (r#"{"dayz":3}"#, "dayz"),
    (r#"{"days":3"#, "not valid JSON"),
];

/// Words that belong to Rust, not to a designer.
const RUST_WORDS: &[&str] = &[
    "u8", "u16", "u32", "u64", "i32", "usize", "struct", "sequence", "variant", "Vec", "Option", "newtype",
];

#[test]
fn every_bad_input_names_its_field_in_words() {
    for (input, must) in BAD {
        let message = match wire::scenario_from_json(input) {
            Ok(_) => panic!("accepted {input}"),
            Err(e) => e.message,
        };
        assert!(message.contains(must), "{input}: message `{message}` lacks `{must}`");
        for word in RUST_WORDS {
            let rusty = message
                .split(|c: char| !c.is_alphanumeric())
                .any(|token| token == *word);
            assert!(!rusty, "{input}: message `{message}` says `{word}`");
        }
    }
    assert!(BAD.len() >= 30);
}

#[test]
fn lists_past_their_limits_are_refused_before_decoding() {
    let circles = format!(r#"{{"circles":[{}]}}"#, ["{}"; 80_000].join(","));
    let message = wire::scenario_from_json(&circles)
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert_eq!(message, "circles: at most 20 allowed, got 80000");
    let long_name = format!(r#"{{"name":"{}"}}"#, "x".repeat(100_000));
    let message = wire::scenario_from_json(&long_name)
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert!(message.starts_with("name: a name may be at most"), "{message}");
    let clauses = format!(r#"{{"circles":[{{"join":{{"allow":[{}]}}}}]}}"#, ["{}"; 9].join(","));
    let message = wire::scenario_from_json(&clauses)
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert_eq!(message, "circles[0].join.allow: at most 8 allowed, got 9");
}

#[test]
fn good_files_still_read() {
    let s = wire::scenario_from_json(r#"{"version":1,"days":3,"notes":["a"],"circles":[{"name":"A"}]}"#).unwrap();
    assert_eq!((s.days, s.notes.len(), s.circles.len()), (3, 1, 1));
}

/// Every numeric setting at its edges and past them, and at the extremes of its JSON type: decoding either
/// refuses with the setting's path, or validation does, or the run (bounded) completes. No sum wraps.
#[test]
fn every_setting_at_its_extremes_is_refused_by_path_or_runs() {
    use backfire_engine::settings::{Place, SETTINGS};
    use backfire_engine::{presets, run, validate, Severity};
    let base = serde_json::to_value(presets::by_id("alipay-circles-2016").unwrap().scenario).unwrap();
    for row in SETTINGS.iter() {
        let path = row.path(0);
        for value in [
            0_u64,
            1,
            u64::from(row.min),
            u64::from(row.max),
            u64::from(row.max) + 1,
            255,
            256,
            65_535,
            65_536,
            u64::from(u32::MAX),
            u64::from(u32::MAX) + 1,
        ] {
            let mut v = base.clone();
            let mut node = match row.place {
                Place::Scenario => &mut v,
                Place::Circle => &mut v["circles"][0],
            };
            let keys: Vec<&str> = row.field.split('.').collect();
            for k in &keys[..keys.len() - 1] {
                node = &mut node[*k];
            }
            node[keys[keys.len() - 1]] = serde_json::json!(value);
            let text = v.to_string();
            let s = match wire::scenario_from_json(&text) {
                Ok(s) => s,
                Err(e) => {
                    assert!(e.message.starts_with(&path), "{path} = {value}: {}", e.message);
                    continue;
                }
            };
            let errors: Vec<_> = validate(&s)
                .into_iter()
                .filter(|i| i.severity == Severity::Error)
                .collect();
            if value > u64::from(row.max) || value < u64::from(row.min) {
                assert!(
                    errors.iter().any(|i| i.path == path),
                    "{path} = {value} passed validation"
                );
            }
            if errors.is_empty() {
                let mut small = s.clone();
                small.population.n_users = small.population.n_users.min(1_000);
                small.days = small.days.min(2);
                let report = run(&small);
                assert_eq!(report.hours_done, small.days * 24, "{path} = {value}");
            }
        }
    }
}
