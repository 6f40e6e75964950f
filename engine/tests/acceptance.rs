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

/// Means over `seeds` of `f` on the report of `s`.
fn mean_over(s: &Scenario, seeds: std::ops::RangeInclusive<u64>, f: impl Fn(&Report) -> f64) -> f64 {
    let n = (seeds.end() - seeds.start() + 1) as f64;
    seeds.map(|k| f(&run(&seeded(s, k)))).sum::<f64>() / n
}

/// The mean of a measure over reports already run.
fn mean(rs: &[Report], f: &dyn Fn(&Report) -> f64) -> f64 {
    rs.iter().map(f).sum::<f64>() / rs.len() as f64
}

fn launch() -> Scenario {
    presets::by_id("alipay-circles-2016").expect("preset exists").scenario
}

fn edited(mut s: Scenario, f: impl Fn(&mut backfire_engine::Circle)) -> Scenario {
    s.circles.iter_mut().for_each(f);
    s
}

fn solicit_fen(r: &Report) -> f64 {
    solicitation(r).fen_involved as f64
}

#[test]
fn open_community_shows_clearly_less_solicitation_than_the_launch() {
    let open = presets::by_id("open-community").unwrap().scenario;
    let (l, o) = (launch(), open);
    let prev = |r: &Report| f64::from(solicitation(r).prevalence_per_10k);
    let sev = |r: &Report| f64::from(solicitation(r).severity);
    let (pl, po) = (mean_over(&l, 1..=3, prev), mean_over(&o, 1..=3, prev));
    assert!(po * 3.0 < pl, "prevalence open {po} vs launch {pl}");
    let (ml, mo) = (mean_over(&l, 1..=3, solicit_fen), mean_over(&o, 1..=3, solicit_fen));
    assert!(mo * 5.0 < ml, "money open {mo} vs launch {ml}");
    let (sl, so) = (mean_over(&l, 1..=3, sev), mean_over(&o, 1..=3, sev));
    assert!(so + 10.0 <= sl, "severity open {so} vs launch {sl}");
}

#[test]
fn lever_the_praise_to_tip_page_pays_for_solicitation() {
    let tips_off = edited(launch(), |c| c.tips.enabled = false);
    let capped = edited(launch(), |c| c.tips.max_fen = 500);
    let (base, off, small) = (
        mean_over(&launch(), 1..=3, solicit_fen),
        mean_over(&tips_off, 1..=3, solicit_fen),
        mean_over(&capped, 1..=3, solicit_fen),
    );
    assert_eq!(off, 0.0);
    assert!(small * 3.0 < base, "money ¥200 page {base} vs capped at ¥5 {small}");
    let prev = |r: &Report| f64::from(solicitation(r).prevalence_per_10k);
    assert!(mean_over(&tips_off, 1..=3, prev) < 0.6 * mean_over(&launch(), 1..=3, prev));
}

#[test]
fn lever_the_750_comment_gate_pushes_the_market_onto_the_tip_page() {
    // Men who may not comment praise, and praise opens the tip page; where they may comment, some of the
    // market moves off-platform for free instead.
    let no_gate = edited(launch(), |c| {
        c.rules.comment.allow = vec![backfire_engine::Clause { conditions: vec![] }];
    });
    let (gated, open) = (
        mean_over(&launch(), 1..=5, solicit_fen),
        mean_over(&no_gate, 1..=5, solicit_fen),
    );
    assert!(gated > open, "tip-page money with the gate {gated} vs without {open}");
    let excl = |r: &Report| r.pattern(PatternId::Exclusion).unwrap().people_harmed as f64;
    assert!(mean_over(&no_gate, 1..=3, excl) < mean_over(&launch(), 1..=3, excl));
}

#[test]
fn lever_women_only_posting_opens_gender_fraud_and_exclusion() {
    // Alipay's gender came from the real-name ID; where gender is self-declared, a women-only rule invites men
    // to claim to be women.
    let mut women_only = launch();
    women_only.platform.verification.gender = backfire_engine::VerificationLevel::SelfDeclared;
    let open_posting = edited(women_only.clone(), |c| {
        c.rules.post.allow = vec![backfire_engine::Clause { conditions: vec![] }];
    });
    // Identity fraud that a gendered post rule let through: faked gender.
    let gender_fraud = |r: &Report| {
        r.pattern(PatternId::IdentityFraud)
            .unwrap()
            .opened_by
            .iter()
            .filter(|o| o.rule.contains("post") && o.rule.contains("female"))
            .map(|o| o.incidents as f64)
            .sum::<f64>()
    };
    assert!(mean_over(&women_only, 1..=3, gender_fraud) > 0.0);
    assert_eq!(mean_over(&open_posting, 1..=3, gender_fraud), 0.0);
    let excl = |r: &Report| r.pattern(PatternId::Exclusion).unwrap().incidents as f64;
    assert!(mean_over(&open_posting, 1..=3, excl) < 0.7 * mean_over(&women_only, 1..=3, excl));
}

#[test]
fn lever_permanent_real_name_bans_cut_ban_evasion_and_repeat_solicitation() {
    let with_bans = |kind: backfire_engine::BanReturn| {
        let mut s = edited(launch(), |c| {
            c.moderation.sanction = backfire_engine::SanctionKind::Ban;
            c.moderation.reviews_per_day_per_10k_users = 200;
            c.moderation.review_delay_hours = 2;
        });
        s.platform.bans.return_after_ban = kind;
        s
    };
    let (free, bound) = (
        with_bans(backfire_engine::BanReturn::Free),
        with_bans(backfire_engine::BanReturn::RealNameBound),
    );
    let evasion = |r: &Report| r.pattern(PatternId::BanEvasion).unwrap().incidents as f64;
    let (ef, eb) = (mean_over(&free, 1..=3, evasion), mean_over(&bound, 1..=3, evasion));
    assert!(eb * 2.0 < ef, "ban evasion free {ef} vs real-name {eb}");
    // Bans remove accounts, not the market: where new sellers take banned ones' places (the default), real-name
    // bans leave solicitation about where it was; where nobody takes their places, they cut it too.
    let sol = |r: &Report| solicitation(r).incidents as f64;
    let (sf, sb) = (mean_over(&free, 1..=3, sol), mean_over(&bound, 1..=3, sol));
    assert!((sb / sf - 1.0).abs() < 0.1, "solicitation free {sf} vs real-name {sb}");
    let no_newcomers = |mut s: Scenario| {
        s.assumptions.abuser_newcomer_percent = 0;
        s
    };
    let (sf0, sb0) = (
        mean_over(&no_newcomers(free), 1..=3, sol),
        mean_over(&no_newcomers(bound), 1..=3, sol),
    );
    assert!(
        sb0 < 0.8 * sf0,
        "without newcomers: solicitation free {sf0} vs real-name {sb0}"
    );
}

#[test]
fn lever_fast_takedown_cuts_prevalence() {
    let delay = |hours: u32| {
        edited(launch(), move |c| {
            c.moderation.review_delay_hours = hours;
            c.moderation.reviews_per_day_per_10k_users = 500;
            c.moderation.classifier.enabled = true;
        })
    };
    let prev = |r: &Report| f64::from(solicitation(r).prevalence_per_10k);
    let (fast, slow) = (mean_over(&delay(1), 1..=3, prev), mean_over(&delay(48), 1..=3, prev));
    assert!(fast * 2.0 < slow, "prevalence 1 h {fast} vs 48 h {slow}");
}

#[test]
fn per_capita_rates_and_prevalence_hold_from_10k_to_100k_users() {
    for id in ["alipay-circles-2016", "open-community"] {
        let s = presets::by_id(id).unwrap().scenario;
        let mut big = s.clone();
        big.population.n_users = 100_000;
        // Means over many seeds: a pattern with few actors (a hundred scammers at 10,000 users) varies by a
        // tenth from seed to seed at the small size.
        let (small_runs, big_runs): (Vec<Report>, Vec<Report>) = (
            (1..=12).map(|k| run(&seeded(&s, k))).collect(),
            (1..=4).map(|k| run(&seeded(&big, k))).collect(),
        );
        let per_user = |p: PatternId| move |r: &Report| r.pattern(p).unwrap().incidents as f64 / f64::from(r.n_users);
        for p in [
            PatternId::Solicitation,
            PatternId::Scam,
            PatternId::Harassment,
            PatternId::Exclusion,
        ] {
            let (a, b) = (mean(&small_runs, &per_user(p)), mean(&big_runs, &per_user(p)));
            if a > 0.01 {
                assert!(
                    (b / a - 1.0).abs() <= 0.1,
                    "{id} {p:?} per user {a} at 10k vs {b} at 100k"
                );
            }
        }
        let prev = |r: &Report| f64::from(solicitation(r).prevalence_per_10k);
        let (a, b) = (mean(&small_runs, &prev), mean(&big_runs, &prev));
        assert!((b / a - 1.0).abs() <= 0.1, "{id} prevalence {a} at 10k vs {b} at 100k");
        let eng = |r: &Report| r.health.engagement as f64 / f64::from(r.n_users);
        let (a, b) = (mean(&small_runs, &eng), mean(&big_runs, &eng));
        assert!(
            (b / a - 1.0).abs() <= 0.1,
            "{id} engagement per user {a} at 10k vs {b} at 100k"
        );
    }
}

/// One figure read from a report.
type Measure = fn(&Report) -> f64;

#[test]
fn per_day_rates_and_prevalence_hold_from_7_to_30_days_in_the_launch() {
    // The market forms within the first day and then holds; honest users who leave are replaced by newcomers;
    // bad experiences fade. So a month reads the same per day as a week (MODEL.md lists what still drifts:
    // one-time investments and the stock of banned accounts).
    let s = launch();
    let mut month = s.clone();
    month.days = 30;
    let (week_runs, month_runs): (Vec<Report>, Vec<Report>) = (
        (1..=3).map(|k| run(&seeded(&s, k))).collect(),
        (1..=3).map(|k| run(&seeded(&month, k))).collect(),
    );
    let per_day = |f: Measure| move |r: &Report| f(r) / f64::from(r.total_hours / 24);
    let measures: [(&str, Measure); 5] = [
        ("solicitation", |r| solicitation(r).incidents as f64),
        ("harassment", |r| {
            r.pattern(PatternId::Harassment).unwrap().incidents as f64
        }),
        ("exclusion", |r| {
            r.pattern(PatternId::Exclusion).unwrap().incidents as f64
        }),
        ("honest engagement", |r| r.health.engagement as f64),
        ("money tipped", |r| r.money.tipped_fen as f64),
    ];
    for (name, f) in measures {
        let (a, b) = (mean(&week_runs, &per_day(f)), mean(&month_runs, &per_day(f)));
        assert!(
            (b / a - 1.0).abs() <= 0.1,
            "{name} per day: {a} over 7 days vs {b} over 30"
        );
    }
    let prev = |r: &Report| f64::from(solicitation(r).prevalence_per_10k);
    let (a, b) = (mean(&week_runs, &prev), mean(&month_runs, &prev));
    assert!((b / a - 1.0).abs() <= 0.1, "prevalence {a} over 7 days vs {b} over 30");
}
