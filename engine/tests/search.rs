//! The searches: the red team finds worse adversaries than a scenario's own and the one evasion path that pays,
//! the fix frontier reaches the fix preset's trade-off, the robustness screen tells an assumption that matters
//! from one that cannot, and every search gives the same result however its batches are run.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::search::frontier::{harm_of, honest_cost, run_frontier, FrontierOptions};
use backfire_engine::search::redteam::{run_redteam, run_redteam_with, Adversary, RedTeamOptions};
use backfire_engine::search::robustness::{run_robustness, RobustnessOptions};
use backfire_engine::search::{Evaluation, Tally};
use backfire_engine::{
    presets, run, Archetype, Condition, Identity, PatternId, Report, Rule, Scenario, VerificationLevel,
};

fn preset(id: &str) -> Scenario {
    presets::by_id(id).expect("preset").scenario
}

/// Small runs keep these tests to seconds in a debug build; the searches' defaults are ten times larger.
fn small(users: u32) -> Evaluation {
    Evaluation {
        seeds: 1,
        users: Some(users),
        days: Some(7),
    }
}

#[test]
fn the_red_team_finds_the_launch_worse_than_its_own_population() {
    let launch = preset("alipay-circles-2016");
    let r = run_redteam(
        &launch,
        &RedTeamOptions {
            runs: 40,
            evaluation: small(2_000),
            ..RedTeamOptions::default()
        },
    );
    let own = r.own.as_ref().expect("the own adversary is judged first");
    assert_eq!(
        own.scenario, launch,
        "same budget: the own adversary is the launch itself"
    );
    let worst = r.worst.first().expect("an atlas");
    assert!(
        worst.prevalence_per_10k >= own.prevalence_per_10k,
        "{} < {}",
        worst.prevalence_per_10k,
        own.prevalence_per_10k
    );
    assert_eq!(worst.adversary.total_permille(), r.budget_permille);
    assert!(
        r.worst.len() >= 4,
        "an atlas of different cases, not one: {}",
        r.worst.len()
    );
    assert!(worst.opened_by.is_some(), "the rule that let it through is named");
}

/// One circle where only overseas users may post and identity is self-declared: the only abuse that reaches the
/// feed is a post under a faked identity, so the worst adversary must fake one.
fn only_faking_pays() -> Scenario {
    let mut s = Scenario {
        name: String::from("only a faked identity posts"),
        seed: 7,
        ..Scenario::default()
    };
    let mix = &mut s.population.identity_mix;
    (mix.student, mix.white_collar, mix.overseas, mix.other) = (30, 40, 2, 28);
    let a = &mut s.population.archetypes;
    for k in [
        Archetype::IdentityFaker,
        Archetype::ScoreFarmer,
        Archetype::Harasser,
        Archetype::SybilRing,
    ] {
        a.set(k, 0);
    }
    a.set(Archetype::GenerousTipper, 100);
    s.platform.verification.gender = VerificationLevel::RealNameBound;
    s.platform.verification.identity = VerificationLevel::SelfDeclared;
    let c = s.circles.first_mut().expect("one circle");
    c.rules.post = Rule::when(vec![Condition::ActorIdentity(Identity::Overseas)]);
    c.tips.max_fen = 20_000;
    c.tips.praise_leads_to_tip = true;
    // No ordinary user turns seller: what reaches the feed is the adversary's.
    s.assumptions.open_to_selling_permille = 0;
    s
}

#[test]
fn the_red_team_finds_the_one_evasion_path_that_pays() {
    let r = run_redteam(
        &only_faking_pays(),
        &RedTeamOptions {
            runs: 40,
            evaluation: small(3_000),
            ..RedTeamOptions::default()
        },
    );
    let worst = r.worst.first().expect("an atlas");
    assert!(
        worst.cell.ends_with("fake identity"),
        "{}: {}",
        worst.cell,
        worst.sentence
    );
    assert_eq!(worst.top_pattern, Some(PatternId::IdentityFraud));
}

#[test]
fn the_frontier_reaches_the_fix_preset_s_trade_off() {
    let launch = preset("alipay-circles-2016");
    let eval = small(2_000);
    let r = run_frontier(
        &launch,
        &FrontierOptions {
            runs: 160,
            evaluation: eval.clone(),
            ..FrontierOptions::default()
        },
    );
    let on = |s: &Scenario| -> Vec<Report> { eval.runs_of(s).iter().map(run).collect() };
    let launch_runs = on(&launch);
    let fix_runs = on(&preset("alipay-circles-2016-fix"));
    let harm = harm_of(&fix_runs, None);
    let cost = honest_cost(&Tally::of(&launch_runs), &Tally::of(&fix_runs));
    let input = r.input.as_ref().expect("the input's point");
    assert_eq!(input.harm, harm_of(&launch_runs, None));
    assert!(harm < input.harm, "the fix cuts harm: {harm} vs {}", input.harm);
    assert!(
        r.covers(harm, cost),
        "fix at ({harm:.1}, {cost:.1}); frontier {:?}",
        r.frontier.iter().map(|p| (p.harm, p.honest_cost)).collect::<Vec<_>>()
    );
    for w in r.frontier.windows(2) {
        let [a, b] = w else { continue };
        assert!(
            a.harm < b.harm && a.honest_cost > b.honest_cost,
            "sorted and non-dominated"
        );
    }
}

#[test]
fn the_screen_ranks_an_assumption_that_matters_above_one_that_cannot() {
    // No harassers: where a harasser aims cannot change anything; how often solicitors post moves solicitation.
    let mut s = preset("alipay-circles-2016");
    s.population.archetypes.set(Archetype::Harasser, 0);
    s.population.archetypes.set(Archetype::BanEvader, 0);
    let r = run_robustness(
        &s,
        None,
        &RobustnessOptions {
            trajectories: 4,
            fields: vec![
                String::from("harasser_women_percent"),
                String::from("solicit_post_permille"),
            ],
            evaluation: small(2_000),
            ..RobustnessOptions::default()
        },
    );
    let mu = |field: &str| r.effects.iter().find(|e| e.field == field).expect(field).mu_star;
    assert_eq!(
        r.effects.first().map(|e| e.field.as_str()),
        Some("solicit_post_permille")
    );
    assert!(mu("solicit_post_permille") > 0.0);
    assert_eq!(mu("harasser_women_percent"), 0.0, "{:?}", r.effects);
    assert_eq!(r.provenance.runs_done, 1 + 4 * 3);
}

#[test]
fn a_search_gives_the_same_result_however_its_batches_run() {
    let launch = preset("alipay-circles-2016");
    let options = RedTeamOptions {
        runs: 12,
        evaluation: small(500),
        ..RedTeamOptions::default()
    };
    let once = serde_json::to_string(&run_redteam(&launch, &options)).expect("json");
    // Run each batch backwards, as a pool whose workers finish in any order might, and put it back in order.
    let mut backwards = |scenarios: &[Scenario]| -> Vec<Report> {
        let mut reports: Vec<(usize, Report)> = scenarios.iter().enumerate().rev().map(|(i, s)| (i, run(s))).collect();
        reports.sort_by_key(|(i, _)| *i);
        reports.into_iter().map(|(_, r)| r).collect()
    };
    let twice = serde_json::to_string(&run_redteam_with(&launch, &options, &mut backwards)).expect("json");
    assert_eq!(once, twice);
    let frontier = FrontierOptions {
        runs: 12,
        evaluation: small(500),
        ..FrontierOptions::default()
    };
    assert_eq!(
        serde_json::to_string(&run_frontier(&launch, &frontier)).expect("json"),
        serde_json::to_string(&run_frontier(&launch, &frontier)).expect("json")
    );
    let screen = RobustnessOptions {
        trajectories: 1,
        fields: vec![String::from("solicit_post_permille"), String::from("contact_value_fen")],
        evaluation: small(500),
        ..RobustnessOptions::default()
    };
    assert_eq!(
        serde_json::to_string(&run_robustness(&launch, None, &screen)).expect("json"),
        serde_json::to_string(&run_robustness(&launch, None, &screen)).expect("json")
    );
}

#[test]
fn a_search_state_survives_a_trip_through_json_between_batches() {
    // The browser keeps a search's state between worker messages as JSON: a search cut after its first batch,
    // written and read back, must end where one left alone ends.
    use backfire_engine::search::frontier::Frontier;
    use backfire_engine::search::redteam::RedTeam;
    use backfire_engine::search::robustness::Robustness;
    use backfire_engine::search::Search;
    let launch = preset("alipay-circles-2016");
    let options = FrontierOptions {
        runs: 24,
        evaluation: small(500),
        ..FrontierOptions::default()
    };
    let mut cut = Frontier::new(&launch, &options);
    let first = cut.propose().expect("a first batch");
    let reports: Vec<Report> = first.scenarios.iter().map(run).collect();
    cut.fold(first, &reports);
    let text = serde_json::to_string(&cut).expect("json");
    let mut resumed: Frontier = serde_json::from_str(&text).expect("reads back");
    assert_eq!(resumed, cut);
    while let Some(batch) = resumed.propose() {
        let reports: Vec<Report> = batch.scenarios.iter().map(run).collect();
        resumed.fold(batch, &reports);
    }
    assert_eq!(resumed.result(), run_frontier(&launch, &options));
    let mut red = RedTeam::new(
        &launch,
        &RedTeamOptions {
            runs: 8,
            evaluation: small(500),
            ..RedTeamOptions::default()
        },
    );
    let first = red.propose().expect("a first batch");
    let reports: Vec<Report> = first.scenarios.iter().map(run).collect();
    red.fold(first, &reports);
    let back: RedTeam = serde_json::from_str(&serde_json::to_string(&red).expect("json")).expect("reads back");
    assert_eq!(back, red);
    let mut screen = Robustness::new(
        &launch,
        Some(&preset("alipay-circles-2016-fix")),
        &RobustnessOptions {
            evaluation: small(500),
            ..RobustnessOptions::default()
        },
    );
    let first = screen.propose().expect("a first batch");
    let reports: Vec<Report> = first.scenarios.iter().map(run).collect();
    screen.fold(first, &reports);
    let back: Robustness = serde_json::from_str(&serde_json::to_string(&screen).expect("json")).expect("reads back");
    assert_eq!(back, screen);
}

#[test]
fn a_robust_frontier_judges_every_fix_against_the_adversary_given() {
    let launch = preset("alipay-circles-2016");
    let worst = run_redteam(
        &launch,
        &RedTeamOptions {
            runs: 12,
            evaluation: small(500),
            ..RedTeamOptions::default()
        },
    );
    let adversary = worst.worst.first().expect("a worst case").adversary.clone();
    assert_ne!(
        adversary,
        Adversary::of(&launch),
        "the worst case is not the launch's own"
    );
    let options = FrontierOptions {
        runs: 4,
        adversary: Some(adversary.clone()),
        evaluation: small(500),
        ..FrontierOptions::default()
    };
    let r = run_frontier(&launch, &options);
    let input = r.input.as_ref().expect("the input's point");
    // The input's point is the worst case's harm, but its scenario stays the input.
    let eval = small(500);
    let against: Vec<Report> = eval.runs_of(&adversary.apply(&launch)).iter().map(run).collect();
    assert_eq!(input.harm, harm_of(&against, None));
    assert_eq!(input.scenario, launch);
    assert_eq!(r.adversary, Some(adversary));
}
