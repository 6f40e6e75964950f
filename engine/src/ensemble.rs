//! Ensembles: one scenario run on several seeds, summarised as a mean and a spread per figure, so a real difference can be told from noise.
//!
//! A comparison runs its baseline and its variant on the same seeds (see [`compare`]).
//! Sums are kept in integers and divided once, so a summary does not depend on the order of its runs.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::report::{PatternId, Report};
use crate::scenario::Scenario;
use crate::sim::run;
use crate::sweep::CellSummary;

/// The seeds of an ensemble of `runs` runs: the first is `base` itself (so one run is the plain run),
/// the rest follow from it by SplitMix64; all distinct, and the same for the same `base` everywhere.
pub fn seeds(base: u64, runs: u32) -> Vec<u64> {
    let mut out = Vec::with_capacity(runs as usize);
    let mut seen = BTreeSet::new();
    let mut state = base;
    if runs > 0 {
        out.push(base);
        seen.insert(base);
    }
    while out.len() < runs as usize {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        if seen.insert(z) {
            out.push(z);
        }
    }
    out
}

/// The scenario once per seed, seeds from [`seeds`]`(s.seed, runs)`.
pub fn scenarios(s: &Scenario, runs: u32) -> Vec<Scenario> {
    seeds(s.seed, runs)
        .into_iter()
        .map(|seed| Scenario { seed, ..s.clone() })
        .collect()
}

/// Mean, lowest and highest of one figure over the runs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Spread {
    /// Mean over the runs.
    pub mean: f64,
    /// Lowest value.
    pub min: u64,
    /// Highest value.
    pub max: u64,
}

impl Spread {
    /// The spread of some values (all zero when there are none).
    pub fn of(values: &[u64]) -> Spread {
        let (Some(min), Some(max)) = (values.iter().min(), values.iter().max()) else {
            return Spread::default();
        };
        let sum: u128 = values.iter().map(|v| u128::from(*v)).sum();
        Spread {
            mean: sum as f64 / values.len() as f64,
            min: *min,
            max: *max,
        }
    }
}

/// One pattern over the runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PatternSpread {
    /// Which pattern.
    pub id: PatternId,
    /// Severity over the runs.
    pub severity: Spread,
    /// Incidents over the runs.
    pub incidents: Spread,
    /// Incidents per hour over the runs, one entry per hour every run reached (empty for summaries without hours).
    pub hourly: Vec<Spread>,
}

/// A scenario over several runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ensemble {
    /// Runs summarised.
    pub runs: u32,
    /// One entry per pattern, in [`PatternId::ALL`] order.
    pub patterns: Vec<PatternSpread>,
    /// Honest engagement over the runs.
    pub honest_engagement: Spread,
    /// Money tipped over the runs, in fen.
    pub tipped_fen: Spread,
    /// Platform fee revenue over the runs, in fen.
    pub fee_fen: Spread,
}

/// A run as an ensemble sees it; implemented for full reports and for sweep cell summaries (which have no hourly series).
pub trait Sample {
    /// Severity and incidents of one pattern (zero when the pattern is missing).
    fn pattern(&self, id: PatternId) -> (u8, u64);
    /// Incidents per hour of one pattern, when the sample has them.
    fn hourly(&self, id: PatternId) -> Option<&[u32]>;
    /// Honest engagement.
    fn honest_engagement(&self) -> u64;
    /// Money tipped, in fen.
    fn tipped_fen(&self) -> u64;
    /// Platform fee revenue, in fen.
    fn fee_fen(&self) -> u64;
}

impl Sample for Report {
    fn pattern(&self, id: PatternId) -> (u8, u64) {
        Report::pattern(self, id).map_or((0, 0), |p| (p.severity, p.incidents))
    }
    fn hourly(&self, id: PatternId) -> Option<&[u32]> {
        Report::pattern(self, id).map(|p| p.hourly.as_slice())
    }
    fn honest_engagement(&self) -> u64 {
        self.health.engagement
    }
    fn tipped_fen(&self) -> u64 {
        self.money.tipped_fen
    }
    fn fee_fen(&self) -> u64 {
        self.money.fee_fen
    }
}

impl Sample for CellSummary {
    fn pattern(&self, id: PatternId) -> (u8, u64) {
        self.patterns
            .iter()
            .find(|p| p.id == id)
            .map_or((0, 0), |p| (p.severity, p.incidents))
    }
    fn hourly(&self, _id: PatternId) -> Option<&[u32]> {
        None
    }
    fn honest_engagement(&self) -> u64 {
        self.honest_engagement
    }
    fn tipped_fen(&self) -> u64 {
        self.tipped_fen
    }
    fn fee_fen(&self) -> u64 {
        self.fee_fen
    }
}

/// Summarises runs of one scenario: per pattern the spread of severity and incidents and an hourly band,
/// and the spread of honest engagement, tips and fees.
///
/// The result does not depend on the order of `samples`. Hourly bands cover the hours every run
/// reached, and are empty if any sample has no hourly series.
pub fn summarize<S: Sample>(samples: &[S]) -> Ensemble {
    let patterns = PatternId::ALL
        .iter()
        .map(|&id| {
            let severity: Vec<u64> = samples.iter().map(|s| u64::from(s.pattern(id).0)).collect();
            let incidents: Vec<u64> = samples.iter().map(|s| s.pattern(id).1).collect();
            PatternSpread {
                id,
                severity: Spread::of(&severity),
                incidents: Spread::of(&incidents),
                hourly: hourly_band(samples, id),
            }
        })
        .collect();
    let figure = |f: fn(&S) -> u64| Spread::of(&samples.iter().map(f).collect::<Vec<u64>>());
    Ensemble {
        runs: samples.len() as u32,
        patterns,
        honest_engagement: figure(S::honest_engagement),
        tipped_fen: figure(S::tipped_fen),
        fee_fen: figure(S::fee_fen),
    }
}

fn hourly_band<S: Sample>(samples: &[S], id: PatternId) -> Vec<Spread> {
    let series: Option<Vec<&[u32]>> = samples.iter().map(|s| s.hourly(id)).collect();
    let Some(series) = series else {
        return Vec::new();
    };
    let hours = series.iter().map(|h| h.len()).min().unwrap_or(0);
    (0..hours)
        .map(|hour| {
            let values: Vec<u64> = series
                .iter()
                .map(|h| h.get(hour).copied().map_or(0, u64::from))
                .collect();
            Spread::of(&values)
        })
        .collect()
}

/// Runs a scenario on [`seeds`]`(s.seed, runs)` and summarises the reports.
pub fn run_ensemble(s: &Scenario, runs: u32) -> Ensemble {
    let reports: Vec<Report> = scenarios(s, runs).iter().map(run).collect();
    summarize(&reports)
}

/// A baseline and a variant, both run on the same seeds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The seeds both ran on: [`seeds`]`(baseline.seed, runs)`.
    pub seeds: Vec<u64>,
    /// The baseline over those seeds.
    pub baseline: Ensemble,
    /// The variant over the same seeds (its own seed is ignored).
    pub variant: Ensemble,
}

/// Runs a baseline and a variant on the baseline's seeds, so their difference is the rules' and not the dice's.
pub fn compare(baseline: &Scenario, variant: &Scenario, runs: u32) -> Comparison {
    let seeds = seeds(baseline.seed, runs);
    let on = |s: &Scenario| -> Vec<Report> { seeds.iter().map(|&seed| run(&Scenario { seed, ..s.clone() })).collect() };
    Comparison {
        baseline: summarize(&on(baseline)),
        variant: summarize(&on(variant)),
        seeds,
    }
}
