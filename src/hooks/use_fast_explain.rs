//! The cards' fast explanation: after each completed run of the rules on screen, one single-seed explanation
//! in the worker pool's background lane, kept in `AppState` as the Why panel's would be.
//!
//! It starts only once the page has been quiet for [`QUIET_MS`] after a run: while a designer edits, each run
//! is soon followed by another, and an explanation started between them would take a core from the next run.
//! Any change of the rules cancels it (a job already on a worker finishes there, but its reply is dropped).

use crate::pool::Pool;
use crate::protocol::{Job, JobResult};
use crate::runner::{RunStatus, Runner};
use crate::state::{Action, AppState};
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
    let status = use_state_eq(FastExplain::default);
    // The revision the latest effect is about: replies and timers of earlier ones must not touch `status`.
    let latest = use_mut_ref(|| 0u64);
    let done_here = matches!(runner.status, RunStatus::Done)
        && runner
            .scenario
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(s, &state.scenario) || **s == *state.scenario);
    let wanted = done_here && errors == 0 && state.explanation.is_none();
    {
        let (status, pool, dispatcher, scenario) =
            (status.clone(), pool.clone(), state.dispatcher(), state.scenario.clone());
        use_effect_with(
            (state.revision, runner.run_id, wanted),
            move |&(revision, _, wanted)| {
                *latest.borrow_mut() = revision;
                status.set(if wanted {
                    FastExplain::Checking
                } else {
                    FastExplain::Idle
                });
                let timer = wanted.then(|| {
                    let pool = pool.clone();
                    gloo::timers::callback::Timeout::new(QUIET_MS, move || {
                        let on_done = {
                            let (status, latest) = (status.clone(), latest.clone());
                            move |outcome: Result<Vec<JobResult>, String>| {
                                let current = *latest.borrow() == revision;
                                match outcome.map(|mut results| results.pop()) {
                                    Ok(Some(JobResult::Explanation(e))) => dispatcher.dispatch(Action::FastExplained {
                                        revision,
                                        explanation: Rc::new(*e),
                                    }),
                                    Ok(_) if current => {
                                        status.set(FastExplain::Stopped("the worker sent no explanation".into()))
                                    }
                                    Err(message) if current => status.set(FastExplain::Stopped(message)),
                                    _ => {}
                                }
                            }
                        };
                        let job = Job::Explain {
                            scenario: Box::new((*scenario).clone()),
                            runs: FAST_SEEDS,
                        };
                        if !pool.submit_background(vec![job], on_done) {
                            status.set(FastExplain::Stopped(
                                "the analysis workers are busy; Why can explain it".into(),
                            ));
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
    (*status).clone()
}
