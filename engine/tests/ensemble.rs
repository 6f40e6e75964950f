//! Ensemble tests: seeds, summaries over runs, and comparisons on shared seeds.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::ensemble::{compare, run_ensemble, scenarios, seeds, summarize};
use backfire_engine::presets;
use backfire_engine::sweep::cell_summary;
use backfire_engine::{run, PatternId, Report, Scenario};

fn small() -> Scenario {
    let mut s = presets::by_id("alipay-circles-2016").expect("preset").scenario;
    s.population.n_users = 1_000;
    s.days = 2;
    s
}

#[test]
fn seeds_start_at_the_base_are_distinct_and_stable() {
    let a = seeds(2016, 50);
    assert_eq!(a.len(), 50);
    assert_eq!(a[0], 2016);
    let mut sorted = a.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), 50);
    assert_eq!(a, seeds(2016, 50));
    assert_eq!(
        seeds(2016, 3),
        a[..3].to_vec(),
        "more runs extend the list, never reshuffle it"
    );
    assert!(seeds(7, 0).is_empty());
    assert_ne!(seeds(1, 5), seeds(2, 5));
    assert!(scenarios(&small(), 4)
        .iter()
        .zip(seeds(2016, 4))
        .all(|(s, k)| s.seed == k));
}

#[test]
fn one_run_is_its_own_mean_min_and_max() {
    let r = run(&small());
    let e = summarize(std::slice::from_ref(&r));
    assert_eq!(e.runs, 1);
    for (p, rp) in e.patterns.iter().zip(&r.patterns) {
        assert_eq!(p.id, rp.id);
        assert_eq!(
            (p.severity.mean, p.severity.min, p.severity.max),
            (f64::from(rp.severity), u64::from(rp.severity), u64::from(rp.severity))
        );
        assert_eq!(
            (p.incidents.mean, p.incidents.min, p.incidents.max),
            (rp.incidents as f64, rp.incidents, rp.incidents)
        );
        assert_eq!(p.hourly.len(), rp.hourly.len());
        for (band, &h) in p.hourly.iter().zip(&rp.hourly) {
            assert_eq!(
                (band.mean, band.min, band.max),
                (f64::from(h), u64::from(h), u64::from(h))
            );
        }
    }
    let eng = r.health.engagement;
    assert_eq!(
        (
            e.honest_engagement.mean,
            e.honest_engagement.min,
            e.honest_engagement.max
        ),
        (eng as f64, eng, eng)
    );
    assert_eq!(e, run_ensemble(&small(), 1));
}

#[test]
fn summaries_do_not_depend_on_run_order() {
    let reports: Vec<Report> = scenarios(&small(), 3).iter().map(run).collect();
    let forward = summarize(&reports);
    let mut rev = reports.clone();
    rev.reverse();
    assert_eq!(forward, summarize(&rev));
    rev.rotate_left(1);
    assert_eq!(forward, summarize(&rev));
    for p in &forward.patterns {
        assert!(p.severity.min as f64 <= p.severity.mean && p.severity.mean <= p.severity.max as f64);
        for band in &p.hourly {
            assert!(band.min as f64 <= band.mean && band.mean <= band.max as f64);
        }
    }
    // Cell summaries give the same figures, without hourly bands.
    let cells: Vec<_> = reports.iter().map(cell_summary).collect();
    let from_cells = summarize(&cells);
    assert_eq!(from_cells.honest_engagement, forward.honest_engagement);
    for (a, b) in from_cells.patterns.iter().zip(&forward.patterns) {
        assert_eq!((a.severity, a.incidents), (b.severity, b.incidents));
        assert!(a.hourly.is_empty());
    }
}

#[test]
fn a_comparison_runs_both_sides_on_the_same_seeds() {
    let base = small();
    let mut variant = small();
    variant.seed = 99; // ignored: the variant runs on the baseline's seeds
    let c = compare(&base, &variant, 3);
    assert_eq!(c.seeds, seeds(base.seed, 3));
    assert_eq!(c.baseline, c.variant);
    let mut tips_off = small();
    for circle in &mut tips_off.circles {
        circle.tips.enabled = false;
    }
    let c = compare(&base, &tips_off, 2);
    assert_eq!(c.variant.tipped_fen.max, 0);
    assert!(c.baseline.tipped_fen.min > 0);
}

#[test]
fn a_paired_change_is_beyond_noise_only_when_its_interval_leaves_out_zero() {
    use backfire_engine::ensemble::PairedChange;
    let same = PairedChange::of(&[3.0, 5.0, 4.0], &[3.0, 5.0, 4.0]);
    assert_eq!(same.change, 0.0);
    assert!(!same.beyond_noise());
    // Seeds differ a lot, but the variant is 10 higher on every one: pairing sees through the seeds' spread.
    let shifted = PairedChange::of(&[100.0, 300.0, 200.0, 50.0], &[111.0, 309.0, 210.0, 60.0]);
    assert!(shifted.beyond_noise(), "{shifted:?}");
    // Up on some seeds and down on others: within noise.
    let mixed = PairedChange::of(&[10.0, 20.0, 30.0, 40.0], &[14.0, 15.0, 35.0, 37.0]);
    assert!(!mixed.beyond_noise(), "{mixed:?}");
    // One seed cannot tell noise.
    let one = PairedChange::of(&[1.0], &[9.0]);
    assert_eq!(one.half_width, None);
    assert!(!one.beyond_noise());
}

#[test]
fn a_change_that_does_nothing_is_within_noise_and_the_fix_is_not() {
    use backfire_engine::ensemble::{measure_changes, pattern_changes, scenarios, Measure};
    let small = |id: &str| {
        let mut s = presets::by_id(id).expect("preset").scenario;
        s.population.n_users = 2_000;
        s.days = 3;
        s
    };
    let launch = small("alipay-circles-2016");
    let runs = |s: &Scenario, seeds_from: &Scenario| -> Vec<Report> {
        scenarios(seeds_from, 8)
            .iter()
            .map(|x| {
                run(&Scenario {
                    seed: x.seed,
                    ..s.clone()
                })
            })
            .collect()
    };
    // A renamed scenario runs the same rules on the same seeds: nothing moves at all.
    let renamed = Scenario {
        name: String::from("renamed"),
        ..launch.clone()
    };
    let (a, b) = (runs(&launch, &launch), runs(&renamed, &launch));
    assert!(measure_changes(&a, &b).iter().all(|(_, c)| !c.beyond_noise()));
    // A different seed family is pure noise: different dice, same rules. At most one measure in seven may
    // cross a 95 % line by chance; most do not.
    let other_seeds = Scenario {
        seed: 99,
        ..launch.clone()
    };
    let c = runs(&launch, &other_seeds);
    let flagged = measure_changes(&a, &c).iter().filter(|(_, x)| x.beyond_noise()).count();
    assert!(
        flagged <= 1,
        "{flagged} measures flagged between two seed families of the same rules"
    );
    // The fix really changes solicitation and abuse money.
    let fix = runs(&small("alipay-circles-2016-fix"), &launch);
    let m = measure_changes(&a, &fix);
    for want in [
        Measure::AbuseIncidents,
        Measure::AbuseMoneyFen,
        Measure::SolicitationPrevalence,
    ] {
        let (_, change) = m.iter().find(|(k, _)| *k == want).expect("measure");
        assert!(change.beyond_noise() && change.change < 0.0, "{want:?}: {change:?}");
    }
    let solicitation = pattern_changes(&a, &fix)
        .into_iter()
        .find(|(id, ..)| *id == PatternId::Solicitation)
        .expect("solicitation");
    assert!(solicitation.1.beyond_noise() && solicitation.2.beyond_noise());
}
