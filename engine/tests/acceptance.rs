//! The acceptance criteria for the 2016 presets, run from their rules alone.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::{presets, run, Level, PatternId, Report, Scenario, Simulation};

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

// ---- Model 2: outcomes from the rules, not from the assumed population (several seeds each) ----

fn solicitation(r: &backfire_engine::Report) -> &backfire_engine::PatternReport {
    r.pattern(PatternId::Solicitation).expect("every pattern is reported")
}

fn seeded(s: &Scenario, seed: u64) -> Scenario {
    let mut s = s.clone();
    s.seed = seed;
    s
}

fn no_professional_abusers(s: &mut Scenario) {
    let a = &mut s.population.archetypes;
    a.solicitor = 0;
    a.identity_faker = 0;
    a.scammer = 0;
    a.score_farmer = 0;
    a.harasser = 0;
    a.sybil_ring = 0;
    a.launderer = 0;
    a.ban_evader = 0;
}

#[test]
fn the_launch_turns_ordinary_users_into_a_solicitation_market_within_a_day() {
    let launch = presets::by_id("alipay-circles-2016").unwrap().scenario;
    for seed in 1..=3 {
        let r = run(&seeded(&launch, seed));
        let sol = solicitation(&r);
        let top = r.patterns.iter().max_by_key(|p| p.severity).unwrap();
        assert_eq!(top.id, PatternId::Solicitation, "seed {seed}");
        assert!(sol.level >= Level::High, "seed {seed}: {:?}", sol.level);
        let first_day: u32 = sol.hourly.iter().take(24).sum();
        assert!(first_day > 0, "seed {seed}: nothing in the first 24 hours");
        assert!(
            3 * sol.incidents_by_converts >= sol.incidents,
            "seed {seed}: {} of {} incidents by users ordinary at hour 0",
            sol.incidents_by_converts,
            sol.incidents
        );
    }
}

#[test]
fn the_launch_rules_create_the_market_without_professional_abusers() {
    let mut s = presets::by_id("alipay-circles-2016").unwrap().scenario;
    no_professional_abusers(&mut s);
    let mut open = presets::by_id("open-community").unwrap().scenario;
    no_professional_abusers(&mut open);
    for seed in 1..=3 {
        let r = run(&seeded(&s, seed));
        assert!(
            solicitation(&r).level >= Level::Medium,
            "seed {seed}: {:?}",
            solicitation(&r).level
        );
        assert_eq!(solicitation(&r).incidents_by_converts, solicitation(&r).incidents);
        // The same people under open rules with small tips and no praise funnel build far less of it.
        let o = run(&seeded(&open, seed));
        assert!(
            4 * solicitation(&o).prevalence_per_10k < solicitation(&r).prevalence_per_10k,
            "seed {seed}: open {} vs launch {}",
            solicitation(&o).prevalence_per_10k,
            solicitation(&r).prevalence_per_10k
        );
    }
}

#[test]
fn the_fix_cuts_solicitation_prevalence_and_keeps_honest_engagement() {
    let launch = presets::by_id("alipay-circles-2016").unwrap().scenario;
    let fix = presets::by_id("alipay-circles-2016-fix").unwrap().scenario;
    for seed in 1..=3 {
        let (l, f) = (run(&seeded(&launch, seed)), run(&seeded(&fix, seed)));
        let (pl, pf) = (solicitation(&l).prevalence_per_10k, solicitation(&f).prevalence_per_10k);
        assert!(10 * pf <= 3 * pl, "seed {seed}: prevalence {pl} → {pf}");
        assert!(5 * f.health.engagement >= 4 * l.health.engagement, "seed {seed}");
    }
}
