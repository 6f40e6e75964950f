//! Ensemble tests: seeds, summaries over runs, and comparisons on shared seeds.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::ensemble::{compare, run_ensemble, scenarios, seeds, summarize};
use backfire_engine::presets;
use backfire_engine::sweep::cell_summary;
use backfire_engine::{run, Report, Scenario};

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
