//! Why on every core: an explanation as a batch of runs for the worker pool (the baseline and each lever on
//! each seed, as `explain_with` makes them), put back together with `explain::assemble`.
//!
//! One `Job::Explain` would run the whole explanation on one worker; as a batch, every core takes runs, the
//! progress bar moves run by run, and cancelling stops at once. The result is `explain_with`'s, bit for bit.

use crate::pool::{BatchProgress, Pool};
use crate::protocol::{Job, JobResult};
use backfire_engine::explain::{assemble, ExplainOptions, Explanation, Outcome};
use backfire_engine::lever::{levers, Lever};
use backfire_engine::Scenario;

/// The runs of an explanation of `scenario`, as `explain_with` makes them: the baseline on each seed, then
/// each lever on each seed; and the levers, to put the answers together with.
pub fn jobs(scenario: &Scenario, opts: &ExplainOptions) -> (Vec<Job>, Vec<Lever>) {
    let seeds = opts.seeds(scenario);
    let levers = levers(scenario);
    let jobs = std::iter::once(scenario)
        .chain(levers.iter().map(|l| &l.scenario))
        .flat_map(|s| {
            seeds
                .iter()
                .map(|&seed| Job::Counterfactual(Box::new(opts.sized(s, seed))))
        })
        .collect();
    (jobs, levers)
}

/// Puts the answers to [`jobs`] (in job order) together into the explanation `explain_with` gives.
pub fn explanation(levers: &[Lever], opts: &ExplainOptions, results: Vec<JobResult>) -> Result<Explanation, String> {
    let n_seeds = opts.runs.max(1) as usize;
    let mut reports = Vec::with_capacity(results.len());
    for result in results {
        match result {
            JobResult::Report(r) => reports.push(*r),
            _ => return Err("a worker sent something other than a report".into()),
        }
    }
    let expected = n_seeds * (levers.len() + 1);
    if reports.len() != expected {
        return Err(format!("{} runs came back, not {expected}", reports.len()));
    }
    let (baseline, rest) = reports.split_at(n_seeds);
    let outcomes: Vec<Outcome> = rest
        .chunks(n_seeds)
        .zip(levers)
        .map(|(r, lever)| Outcome {
            lever: lever.clone(),
            reports: r.to_vec(),
        })
        .collect();
    // `explain_with` tries no lever when no pattern is serious; say the same (no levers tried).
    let plain = assemble(baseline, &[]);
    Ok(if plain.patterns.is_empty() {
        plain
    } else {
        assemble(baseline, &outcomes)
    })
}

/// Explains `scenario` on `runs` seeds across the pool's workers, reporting progress run by run.
pub fn submit(
    pool: &Pool,
    scenario: &Scenario,
    runs: u32,
    on_progress: impl Fn(BatchProgress) + 'static,
    on_done: impl Fn(Result<Explanation, String>) + 'static,
) {
    // Rules with errors are refused as a comparison run is: the levers themselves run as they are.
    if let Some(why) = crate::protocol::refusal(scenario) {
        return on_done(Err(why));
    }
    let opts = ExplainOptions {
        runs,
        ..ExplainOptions::default()
    };
    let (jobs, levers) = jobs(scenario, &opts);
    on_progress(BatchProgress {
        done: 0,
        total: jobs.len(),
    });
    pool.submit(jobs, on_progress, move |outcome| {
        on_done(outcome.and_then(|results| explanation(&levers, &opts, results)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hooks::use_fast_explain::fast_options;
    use backfire_engine::explain::explain_with;

    #[test]
    fn the_pieces_add_up_to_the_whole_explanation() {
        // The launch at 2,000 users for two days: serious patterns, and quick enough for every lever.
        let mut launch = backfire_engine::presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default();
        launch.population.n_users = 2_000;
        launch.days = 2;
        let (jobs, levers) = jobs(&launch, &fast_options());
        assert_eq!(jobs.len(), levers.len() + 1);
        let results: Vec<JobResult> = jobs.into_iter().filter_map(|j| j.perform().ok()).collect();
        let whole = explain_with(&launch, &fast_options());
        assert!(!whole.patterns.is_empty(), "the launch has serious patterns to explain");
        assert_eq!(
            explanation(&levers, &fast_options(), results),
            Ok(whole),
            "the card's explanation is the Why panel's on one seed"
        );
    }

    #[test]
    fn missing_or_foreign_answers_are_refused() {
        assert!(explanation(&[], &fast_options(), Vec::new()).is_err());
        let tiny = Scenario {
            days: 1,
            ..Scenario::default()
        };
        let foreign = JobResult::Summary(Box::new(backfire_engine::sweep::cell_summary(&backfire_engine::run(
            &tiny,
        ))));
        assert!(explanation(&[], &fast_options(), vec![foreign]).is_err());
    }
}
