//! The acceptance criteria for the 2016 presets, run from their rules alone.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::{presets, run, Level, PatternId, Report, Simulation};

fn preset_report(id: &str) -> Report {
    run(&presets::by_id(id).expect("preset exists").scenario)
}

#[test]
fn launch_shows_solicitation_on_top_at_high_or_critical_within_a_day() {
    let r = preset_report("alipay-circles-2016");
    let top = r.top_pattern().unwrap();
    assert_eq!(top.id, PatternId::Solicitation, "top pattern was {:?}", top.id);
    assert!(top.level >= Level::High, "level {:?}", top.level);
    assert!(top.first_hour.unwrap() < 24);
}

#[test]
fn launch_is_already_dominated_by_solicitation_after_24_hours() {
    let scenario = presets::by_id("alipay-circles-2016").unwrap().scenario;
    let mut sim = Simulation::new(&scenario).unwrap();
    sim.advance(24);
    let r = sim.report();
    assert_eq!(r.hours_done, 24);
    let top = r.top_pattern().unwrap();
    assert_eq!(top.id, PatternId::Solicitation);
    assert!(top.level >= Level::High);
}

#[test]
fn fix_cuts_solicitation_by_70_percent_and_keeps_80_percent_of_honest_engagement() {
    let before = preset_report("alipay-circles-2016");
    let after = preset_report("alipay-circles-2016-fix");
    let s0 = f64::from(before.pattern(PatternId::Solicitation).unwrap().severity);
    let s1 = f64::from(after.pattern(PatternId::Solicitation).unwrap().severity);
    assert!(s1 <= 0.3 * s0, "solicitation severity {s0} → {s1}");
    let e0 = before.health.engagement as f64;
    let e1 = after.health.engagement as f64;
    assert!(e1 >= 0.8 * e0, "honest engagement {e0} → {e1}");
}

#[test]
fn fix_holds_across_seeds() {
    for seed in [1_u64, 2, 3] {
        let mut a = presets::by_id("alipay-circles-2016").unwrap().scenario;
        let mut b = presets::by_id("alipay-circles-2016-fix").unwrap().scenario;
        a.seed = seed;
        b.seed = seed;
        let (ra, rb) = (run(&a), run(&b));
        let s0 = f64::from(ra.pattern(PatternId::Solicitation).unwrap().severity);
        let s1 = f64::from(rb.pattern(PatternId::Solicitation).unwrap().severity);
        assert!(s1 <= 0.3 * s0, "seed {seed}: {s0} → {s1}");
        assert!(
            rb.health.engagement as f64 >= 0.8 * ra.health.engagement as f64,
            "seed {seed}"
        );
    }
}

#[test]
fn every_preset_validates_without_errors() {
    for p in presets::all() {
        let errors: Vec<_> = backfire_engine::validate(&p.scenario)
            .into_iter()
            .filter(|i| i.severity == backfire_engine::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", p.id);
        assert!(!p.sentence.is_empty());
    }
}

#[test]
fn the_launch_preset_writes_its_assumptions_into_the_scenario() {
    let s = presets::by_id("alipay-circles-2016").unwrap().scenario;
    assert!(s.notes.iter().filter(|n| n.starts_with("assumption")).count() >= 5);
    let json = backfire_engine::wire::scenario_to_json(&s);
    assert!(json.contains("\"notes\""));
    assert!(json.contains("\"actor_gender\": \"female\""));
}
