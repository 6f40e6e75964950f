//! The cards' fast explanation: after each completed run of the rules on screen, one single-seed explanation
//! in the worker pool's background lane, kept in `AppState` as the Why panel's would be.
//!
//! It starts only once the page has been quiet for [`QUIET_MS`] after a run: while a designer edits, each run
//! is soon followed by another, and an explanation started between them would take a core from the next run.
//! It goes to the pool as one batch of runs (the baseline and each lever, as `explain_with` makes them) and is
//! put together here with `explain::assemble`: a change of the rules cancels the batch, and the only work
//! left on the cores is the one run each worker holds (tens of milliseconds), not a whole explanation (seconds).

use crate::explaining;
use crate::pool::Pool;
use crate::protocol::JobResult;
use crate::runner::{RunStatus, Runner};
use crate::state::{Action, AppState};
use backfire_engine::explain::ExplainOptions;
use std::rc::Rc;
use yew::prelude::*;

/// Milliseconds without a new run or edit after a run completes before the fast explanation starts.
pub const QUIET_MS: u32 = 700;

/// Seeds of the fast explanation: one, so it takes one run per rule change.
pub const FAST_SEEDS: u32 = 1;

/// Where the cards' fast explanation stands (once it lands, it is `AppState::explanation`).
#[derive(Clone, PartialEq, Debug, Default)]
pub enum FastExplain {
    /// Nothing to do: no finished run of the rules on screen, or an explanation is already kept.
    #[default]
    Idle,
    /// Waiting for quiet, or running in the pool.
    Checking,
    /// It did not run or did not finish: the words say why.
    Stopped(String),
}

/// Runs the fast explanation after each completed run of the scenario on screen, and says where it stands.
#[hook]
pub fn use_fast_explain(
    state: &UseReducerHandle<AppState>,
    runner: &Runner,
    pool: &Pool,
    errors: usize,
) -> FastExplain {
    // Only a stop is state, keyed by the run it is about; "checking" follows from the run and the state, so an
    // edit costs no extra render to clear it.
    let stopped = use_state_eq(|| None::<(u32, String)>);
    // The run the latest effect is about: replies of earlier ones must not mark this one stopped.
    let latest = use_mut_ref(|| 0u32);
    let done_here = matches!(runner.status, RunStatus::Done)
        && runner
            .scenario
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(s, &state.scenario) || **s == *state.scenario);
    let wanted = done_here && errors == 0 && state.explanation.is_none();
    {
        let (status, pool, dispatcher, scenario) = (
            stopped.clone(),
            pool.clone(),
            state.dispatcher(),
            state.scenario.clone(),
        );
        use_effect_with(
            (state.revision, runner.run_id, wanted),
            move |&(revision, run_id, wanted)| {
                *latest.borrow_mut() = run_id;
                let timer = wanted.then(|| {
                    let pool = pool.clone();
                    gloo::timers::callback::Timeout::new(QUIET_MS, move || {
                        let (jobs, levers) = explaining::jobs(&scenario, &fast_options());
                        let on_done = {
                            let (status, latest) = (status.clone(), latest.clone());
                            move |outcome: Result<Vec<JobResult>, String>| {
                                let current = *latest.borrow() == run_id;
                                match outcome
                                    .and_then(|results| explaining::explanation(&levers, &fast_options(), results))
                                {
                                    Ok(e) => dispatcher.dispatch(Action::FastExplained {
                                        revision,
                                        explanation: Rc::new(e),
                                    }),
                                    Err(message) if current => status.set(Some((run_id, message))),
                                    Err(_) => {}
                                }
                            }
                        };
                        if !pool.submit_background(jobs, on_done) {
                            status.set(Some((
                                run_id,
                                "the analysis workers are busy; Why can explain it".into(),
                            )));
                        }
                    })
                });
                move || {
                    drop(timer);
                    pool.cancel_background();
                }
            },
        );
    }
    match &*stopped {
        _ if !wanted => FastExplain::Idle,
        Some((run_id, why)) if *run_id == runner.run_id => FastExplain::Stopped(why.clone()),
        _ => FastExplain::Checking,
    }
}

/// The options of the fast explanation: the default size cap, [`FAST_SEEDS`] seeds.
pub fn fast_options() -> ExplainOptions {
    ExplainOptions {
        runs: FAST_SEEDS,
        ..ExplainOptions::default()
    }
}
