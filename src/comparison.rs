//! A comparison on the worker pool: the pinned baseline and the variant on the same seeds, folded into
//! ensembles and seed-by-seed changes. Compare and the deck's before/after slide both start it here.

use crate::components::line_chart::Series;
use crate::pool::{BatchProgress, Pool};
use crate::protocol::{Job, JobResult};
use backfire_engine::ensemble::{self, Ensemble, Measure, PairedChange};
use backfire_engine::{timeline, PatternId, Report, Scenario};
use std::rc::Rc;

/// Both sides of a finished comparison.
#[derive(Clone, PartialEq)]
pub struct Outcome {
    /// The baseline over the seeds.
    pub baseline: Ensemble,
    /// The variant over the same seeds.
    pub variant: Ensemble,
    /// Each pattern's severity and incidents, changed seed by seed and judged against the seeds' noise.
    pub patterns: Vec<(PatternId, PairedChange, PairedChange)>,
    /// The measures beyond severity (money, prevalence, exclusion, wrongly sanctioned, engagement, tips).
    pub measures: Vec<(Measure, PairedChange)>,
    /// Both sides cut at the hours of a timeline (the variant's, or the baseline's if only it has one).
    pub stretches: Vec<timeline::StretchComparison>,
}

impl Outcome {
    /// One measure's change, if the comparison has it.
    pub fn measure(&self, m: Measure) -> Option<&PairedChange> {
        self.measures.iter().find(|(k, _)| *k == m).map(|(_, c)| c)
    }
}

/// Runs `baseline` and `variant` on `runs` shared seeds across the pool's workers.
pub fn submit(
    pool: &Pool,
    baseline: &Scenario,
    variant: &Scenario,
    runs: u32,
    on_progress: impl Fn(BatchProgress) + 'static,
    on_done: impl Fn(Result<Outcome, String>) + 'static,
) {
    // Both sides run on the baseline's seeds, so a difference is the rules', not the dice's.
    let seeds = ensemble::seeds(baseline.seed, runs);
    let mut jobs = Vec::with_capacity(seeds.len() * 2);
    for seed in &seeds {
        for side in [baseline, variant] {
            jobs.push(Job::Report(Box::new(Scenario {
                seed: *seed,
                ..side.clone()
            })));
        }
    }
    // The timeline both sides are cut at: the variant's, or the baseline's when only it has one.
    let timed = if variant.interventions.is_empty() {
        baseline.clone()
    } else {
        variant.clone()
    };
    on_progress(BatchProgress {
        done: 0,
        total: jobs.len(),
    });
    pool.submit(jobs, on_progress, move |batch| {
        let results = match batch {
            Ok(results) => results,
            Err(message) => return on_done(Err(message)),
        };
        let mut base: Vec<Report> = Vec::new();
        let mut var: Vec<Report> = Vec::new();
        for (i, r) in results.into_iter().enumerate() {
            if let JobResult::Report(r) = r {
                if i % 2 == 0 {
                    base.push(*r)
                } else {
                    var.push(*r)
                }
            }
        }
        on_done(Ok(Outcome {
            baseline: ensemble::summarize(&base),
            variant: ensemble::summarize(&var),
            patterns: ensemble::pattern_changes(&base, &var),
            measures: ensemble::measure_changes(&base, &var),
            stretches: timeline::compare_stretches(&timed, &base, &var),
        }))
    });
}

/// One side's hourly line of `pattern`: the mean over the seeds, with the lowest–highest band when there are several.
pub fn pattern_series(e: &Ensemble, pattern: PatternId, label: &str, color: &str, dashed: bool) -> Option<Series> {
    let p = e.patterns.iter().find(|p| p.id == pattern)?;
    let values = p.hourly.iter().map(|s| s.mean).collect();
    let band = (e.runs > 1).then(|| {
        Rc::new((
            p.hourly.iter().map(|s| s.min as f64).collect(),
            p.hourly.iter().map(|s| s.max as f64).collect(),
        ))
    });
    Some(Series {
        label: label.to_string().into(),
        color: color.to_string().into(),
        values,
        band,
        dashed,
    })
}
