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

/// A change between a baseline and a variant run on the same seeds, judged against the seeds' own noise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairedChange {
    /// Mean of the baseline's values.
    pub baseline: f64,
    /// Mean of the variant's values.
    pub variant: f64,
    /// Mean of the per-seed differences (variant − baseline).
    pub change: f64,
    /// Half the width of the 95 % interval of `change` (Student's t on the paired differences); `None` with
    /// fewer than two seeds, when noise cannot be told.
    pub half_width: Option<f64>,
}

impl PairedChange {
    /// The change seed by seed: pairs `baseline[i]` with `variant[i]` (the same seed), so the dice both sides
    /// share cancel out and what is left is the rules' difference and the noise between seeds.
    pub fn of(baseline: &[f64], variant: &[f64]) -> PairedChange {
        let n = baseline.len().min(variant.len());
        let mean = |v: &[f64]| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        let diffs: Vec<f64> = baseline.iter().zip(variant).map(|(b, v)| v - b).collect();
        let change = mean(&diffs);
        let half_width = (n >= 2).then(|| {
            let var = diffs.iter().map(|d| (d - change).powi(2)).sum::<f64>() / (n - 1) as f64;
            t_975(n - 1) * (var / n as f64).sqrt()
        });
        PairedChange {
            baseline: mean(baseline.get(..n).unwrap_or_default()),
            variant: mean(variant.get(..n).unwrap_or_default()),
            change,
            half_width,
        }
    }

    /// Whether the change is beyond the seeds' noise: its 95 % interval leaves out zero. A change that is
    /// exactly zero on every seed is not one; with one seed nothing is beyond noise.
    pub fn beyond_noise(&self) -> bool {
        self.half_width
            .is_some_and(|w| self.change.abs() > w && self.change != 0.0)
    }
}

/// Student's t for a two-sided 95 % interval with `df` degrees of freedom (1.96 past 30).
fn t_975(df: usize) -> f64 {
    const T: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];
    df.checked_sub(1).and_then(|i| T.get(i)).copied().unwrap_or(1.96)
}

/// What a comparison measures beyond each pattern's severity, in each measure's own units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Incidents of every abuse pattern (exclusion aside).
    AbuseIncidents,
    /// Money moved by abuse (every pattern's money), in fen.
    AbuseMoneyFen,
    /// Solicitation's share of honest views, per 10,000.
    SolicitationPrevalence,
    /// Times an honest user wanted to act and a rule refused them.
    Exclusion,
    /// Honest users sanctioned by mistake.
    WronglySanctioned,
    /// Honest engagement on genuine posts (posts and interactions).
    HonestEngagement,
    /// All money tipped, in fen.
    TippedFen,
}

impl Measure {
    /// Every measure, in the order a comparison lists them.
    pub const ALL: [Measure; 7] = [
        Measure::AbuseIncidents,
        Measure::AbuseMoneyFen,
        Measure::SolicitationPrevalence,
        Measure::Exclusion,
        Measure::WronglySanctioned,
        Measure::HonestEngagement,
        Measure::TippedFen,
    ];

    /// The measure's value in one report.
    pub fn of(self, r: &Report) -> f64 {
        let abuse = || r.patterns.iter().filter(|p| p.id != PatternId::Exclusion);
        match self {
            Measure::AbuseIncidents => abuse().map(|p| p.incidents as f64).sum(),
            Measure::AbuseMoneyFen => abuse().map(|p| p.fen_involved as f64).sum(),
            Measure::SolicitationPrevalence => {
                Report::pattern(r, PatternId::Solicitation).map_or(0.0, |p| f64::from(p.prevalence_per_10k))
            }
            Measure::Exclusion => Report::pattern(r, PatternId::Exclusion).map_or(0.0, |p| p.incidents as f64),
            Measure::WronglySanctioned => f64::from(r.health.honest_wrongly_sanctioned),
            Measure::HonestEngagement => r.health.engagement as f64,
            Measure::TippedFen => r.money.tipped_fen as f64,
        }
    }

    /// Whether more of it is better for the people on the platform (engagement), worse (harm), or neither
    /// (tips: honest thanks and the market alike).
    pub fn more_is_better(self) -> Option<bool> {
        match self {
            Measure::HonestEngagement => Some(true),
            Measure::TippedFen => None,
            _ => Some(false),
        }
    }
}

/// Every measure's paired change between two sides' reports on the same seeds (in seed order on both sides).
pub fn measure_changes(baseline: &[Report], variant: &[Report]) -> Vec<(Measure, PairedChange)> {
    Measure::ALL
        .iter()
        .map(|&m| {
            let side = |rs: &[Report]| rs.iter().map(|r| m.of(r)).collect::<Vec<f64>>();
            (m, PairedChange::of(&side(baseline), &side(variant)))
        })
        .collect()
}

/// Each pattern's paired change of severity and of incidents.
pub fn pattern_changes(baseline: &[Report], variant: &[Report]) -> Vec<(PatternId, PairedChange, PairedChange)> {
    PatternId::ALL
        .iter()
        .map(|&id| {
            let side =
                |rs: &[Report], f: fn(&Report, PatternId) -> f64| rs.iter().map(|r| f(r, id)).collect::<Vec<f64>>();
            let severity = |r: &Report, id| Report::pattern(r, id).map_or(0.0, |p| f64::from(p.severity));
            let incidents = |r: &Report, id| Report::pattern(r, id).map_or(0.0, |p| p.incidents as f64);
            (
                id,
                PairedChange::of(&side(baseline, severity), &side(variant, severity)),
                PairedChange::of(&side(baseline, incidents), &side(variant, incidents)),
            )
        })
        .collect()
}
