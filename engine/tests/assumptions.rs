//! The assumptions block: every catalogue row validates and runs at its bounds and is refused past them,
//! every row moves some report (no dead field), defaults are left out of saved scenarios, and MODEL.md's
//! table agrees with the catalogue.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::assumptions::{Assumption, Assumptions, ASSUMPTIONS};
use backfire_engine::{link, presets, run, validate, wire, Report, Scenario, Severity};

/// The report's numbers as JSON, without the example sentences (which name users, not amounts).
fn numbers(r: &Report) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap();
    if let Some(patterns) = v.get_mut("patterns").and_then(|p| p.as_array_mut()) {
        for p in patterns {
            if let Some(p) = p.as_object_mut() {
                p.remove("exemplars");
            }
        }
    }
    v
}

/// The errors validation finds at the row's path.
fn errors_at(s: &Scenario, row: &Assumption) -> Vec<String> {
    validate(s)
        .into_iter()
        .filter(|i| i.severity == Severity::Error && i.path == row.path())
        .map(|i| i.message)
        .collect()
}

/// Sets a row's value without clamping, by way of the wire format (the only way a scenario gets one).
fn with_raw(row: &Assumption, v: u32) -> Scenario {
    let json = format!(
        r#"{{"version": 2, "days": 1, "population": {{"n_users": 300}}, "assumptions": {{"{}": {v}}}}}"#,
        row.field
    );
    wire::scenario_from_json(&json).unwrap()
}

#[test]
fn every_assumption_at_its_bounds_validates_and_runs_and_past_them_is_refused() {
    assert!(ASSUMPTIONS.len() >= 20, "the catalogue has {} rows", ASSUMPTIONS.len());
    for row in ASSUMPTIONS {
        for edge in [row.min, row.max] {
            let s = with_raw(row, edge);
            assert_eq!(row.get(&s.assumptions), edge, "{}", row.field);
            assert!(errors_at(&s, row).is_empty(), "{} = {edge} must be accepted", row.field);
            let r = run(&s);
            assert_eq!(r.hours_done, 24, "{} = {edge} must run", row.field);
        }
        let mut past = vec![row.max.saturating_add(1)];
        if row.min > 0 {
            past.push(row.min - 1);
        }
        for v in past {
            let s = with_raw(row, v);
            let errors = errors_at(&s, row);
            assert_eq!(errors, vec![row.out_of_range(v)], "{} = {v} must be refused", row.field);
            // A scenario past the bounds still runs (clamped), as every setting does.
            assert_eq!(run(&s).hours_done, 24);
        }
    }
}

#[test]
fn the_message_names_the_field_in_the_settings_words() {
    let row = backfire_engine::assumptions::by_field("convert_per_visit_permille").unwrap();
    let s = with_raw(row, 1001);
    let issues: Vec<_> = validate(&s)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .collect();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "assumptions.convert_per_visit_permille");
    assert_eq!(
        issues[0].message,
        "start soliciting once it pays (per visit) must be 0% to 100%, not 100.1%"
    );
}

/// Every assumption changes some report number for some scenario: moved to its minimum or its maximum, the
/// preset its row names reports something else, at 3,000 users for 3 days or, for a mechanism that needs
/// longer to show (a ban evader must first be banned), 5,000 users for 7 days. An assumption that moves
/// nothing is a bug.
#[test]
fn every_assumption_moves_some_report() {
    let mut dead = Vec::new();
    let mut base_cache: Vec<((&str, u32, u32), serde_json::Value)> = Vec::new();
    for row in ASSUMPTIONS {
        let moved = [(3_000, 3), (5_000, 7)].into_iter().any(|(users, days)| {
            let sized = || {
                let mut s = presets::by_id(row.preset).unwrap().scenario;
                s.population.n_users = users;
                s.days = days;
                s
            };
            let key = (row.preset, users, days);
            let base = match base_cache.iter().find(|(k, _)| *k == key) {
                Some((_, b)) => b.clone(),
                None => {
                    let b = numbers(&run(&sized()));
                    base_cache.push((key, b.clone()));
                    b
                }
            };
            [row.max, row.min].into_iter().filter(|&v| v != row.default).any(|v| {
                let mut s = sized();
                row.set(&mut s.assumptions, v);
                numbers(&run(&s)) != base
            })
        });
        if !moved {
            dead.push(row.field);
        }
    }
    assert!(dead.is_empty(), "assumptions that move no report: {dead:?}");
}

#[test]
fn defaults_are_left_out_of_saved_scenarios_and_links() {
    let s = Scenario::default();
    let json = wire::scenario_to_json(&s);
    assert!(!json.contains("assumptions"), "{json}");
    assert_eq!(wire::scenario_from_json(&json).unwrap(), s);
    let mut changed = s.clone();
    changed.assumptions.reroute_percent = 10;
    let json = wire::scenario_to_json(&changed);
    assert!(
        json.contains("\"assumptions\": {\n    \"reroute_percent\": 10\n  }"),
        "{json}"
    );
    assert_eq!(wire::scenario_from_json(&json).unwrap(), changed);
    let payload = link::encode(&changed).unwrap();
    assert_eq!(link::decode(&payload).unwrap(), changed);
    let again: Assumptions = serde_json::from_str("{}").unwrap();
    assert!(again.is_default());
}

/// MODEL.md's assumptions table lists every catalogue row with its default, so the model card cannot drift.
#[test]
fn model_md_lists_every_assumption_with_its_default() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../MODEL.md");
    let text = std::fs::read_to_string(path).unwrap();
    let mut missing = Vec::new();
    for row in ASSUMPTIONS {
        let key = format!("| `{}` |", row.field);
        let line = text.lines().find(|l| l.starts_with(&key));
        let ok = line.is_some_and(|l| l.contains(&format!("| {} |", row.show(row.default))));
        if !ok {
            missing.push(format!("{key} {} | …", row.show(row.default)));
        }
    }
    assert!(missing.is_empty(), "MODEL.md lacks or misstates: {missing:#?}");
}
