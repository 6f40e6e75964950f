//! The page's side of the simulation worker: a hook that starts, streams and cancels runs.

use crate::protocol::{encode, Request, Response, RunReply};
use crate::sim_worker::SimWorker;
use backfire_engine::{Report, Scenario};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Runs of at most this many user-hours re-run by themselves as the designer edits; larger ones wait
/// for the Run button. Measured in Chromium on the 2-core machine: the worker simulates about 20 million
/// user-hours a second (1M users × 30 days in 31–35 s), so this bound (e.g. 35,000 users × 7 days) keeps
/// an automatic re-run under about a third of a second.
pub const AUTO_RUN_MAX_USER_HOURS: u64 = 6_000_000;

/// User-hours a scenario simulates.
pub fn user_hours(s: &Scenario) -> u64 {
    u64::from(s.population.n_users) * u64::from(s.days) * 24
}

/// Whether a run of `s` is large: it waits for the Run button, and only its cards follow it while it streams.
pub fn is_large_run(s: &Scenario) -> bool {
    user_hours(s) > AUTO_RUN_MAX_USER_HOURS
}

/// Where the current run stands.
#[derive(Clone, PartialEq, Debug, Default)]
pub enum RunStatus {
    /// Nothing has run yet.
    #[default]
    Idle,
    /// Running: hours done of total.
    Running {
        /// Simulated hours done.
        hour: u32,
        /// Simulated hours in all.
        total_hours: u32,
    },
    /// The last run finished.
    Done,
    /// The last run was cancelled by the designer.
    Cancelled,
    /// The last run failed to start.
    Failed(String),
}

/// What the hook returns: the status, the latest (possibly partial) report, and controls.
#[derive(Clone)]
pub struct Runner {
    /// Where the current run stands.
    pub status: RunStatus,
    /// The latest report: final when `status` is `Done`, partial while running.
    pub report: Option<Rc<Report>>,
    /// The scenario the report belongs to.
    pub scenario: Option<Rc<Scenario>>,
    /// Wall-clock milliseconds of the last finished run, measured on the page.
    pub last_ms: Option<f64>,
    /// Id of the latest run started (tests wait for a run newer than the one they saw).
    pub run_id: u32,
    start: Callback<Rc<Scenario>>,
    cancel: Callback<()>,
}

// Reports and scenarios compare by pointer: a new one always arrives in a new `Rc`, and comparing
// whole reports on every render would cost more than the render it might save.
impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        self.status == other.status
            && same(&self.report, &other.report)
            && same(&self.scenario, &other.scenario)
            && self.last_ms == other.last_ms
            && self.run_id == other.run_id
            && self.start == other.start
            && self.cancel == other.cancel
    }
}

impl Runner {
    /// Starts a run of `scenario`, superseding any run in progress.
    pub fn start(&self, scenario: Rc<Scenario>) {
        self.start.emit(scenario);
    }
    /// Cancels the run in progress, if any.
    pub fn cancel(&self) {
        self.cancel.emit(());
    }
    /// Whether a run is in progress.
    pub fn is_running(&self) -> bool {
        matches!(self.status, RunStatus::Running { .. })
    }
}

#[derive(Default)]
struct Shared {
    run_id: Cell<u32>,
    started_ms: Cell<f64>,
    pending: RefCell<Option<Rc<Scenario>>>,
}

/// Spawns the worker once per page and returns the runner.
#[hook]
pub fn use_runner() -> Runner {
    let status = use_state(RunStatus::default);
    let report = use_state(|| None::<Rc<Report>>);
    let scenario = use_state(|| None::<Rc<Scenario>>);
    let last_ms = use_state(|| None::<f64>);
    let shared = use_memo((), |_| Shared::default());

    let bridge: Rc<WorkerBridge<SimWorker>> = {
        let status = status.clone();
        let report = report.clone();
        let scenario = scenario.clone();
        let last_ms = last_ms.clone();
        let shared = shared.clone();
        use_memo((), move |_| {
            let on_reply = move |text: String| {
                let current = shared.run_id.get();
                match Response::decode(&text) {
                    Response::Run(RunReply::Progress {
                        run_id,
                        hour,
                        total_hours,
                        report: partial,
                    }) if run_id == current => {
                        status.set(RunStatus::Running { hour, total_hours });
                        if let Some(r) = partial {
                            report.set(Some(Rc::new(*r)));
                            scenario.set(shared.pending.borrow().clone());
                        }
                    }
                    Response::Run(RunReply::Done { run_id, report: r }) if run_id == current => {
                        last_ms.set(Some(js_sys::Date::now() - shared.started_ms.get()));
                        report.set(Some(Rc::new(*r)));
                        scenario.set(shared.pending.borrow().clone());
                        status.set(RunStatus::Done);
                    }
                    Response::Run(RunReply::Failed { run_id, message }) if run_id == current => {
                        status.set(RunStatus::Failed(message));
                    }
                    // This worker only ever gets the current run's messages, so an unreadable one is about it.
                    Response::Malformed { message } => status.set(RunStatus::Failed(message)),
                    _ => {} // a reply to a superseded run (or a job reply, which this worker is never sent)
                }
            };
            SimWorker::spawner()
                .as_module(false)
                .callback(on_reply)
                .spawn("./worker.js")
        })
    };

    // The controls are made once, so a `Runner` compares equal until something it reports changes.
    let start = {
        let bridge = bridge.clone();
        let shared = shared.clone();
        let status = status.clone();
        use_callback((), move |s: Rc<Scenario>, _| {
            let run_id = shared.run_id.get().wrapping_add(1);
            shared.run_id.set(run_id);
            shared.started_ms.set(js_sys::Date::now());
            let hours = s.days * 24;
            *shared.pending.borrow_mut() = Some(Rc::clone(&s));
            status.set(RunStatus::Running {
                hour: 0,
                total_hours: hours,
            });
            bridge.send(encode(&Request::Run {
                run_id,
                scenario: Box::new((*s).clone()),
                chunk_hours: 6,
                report_every: 8,
            }));
        })
    };
    let cancel = {
        let shared = shared.clone();
        let status = status.clone();
        use_callback((), move |(), _| {
            let run_id = shared.run_id.get();
            bridge.send(encode(&Request::Cancel { run_id }));
            // Replies still in flight for this id are ignored from now on.
            shared.run_id.set(run_id.wrapping_add(1));
            status.set(RunStatus::Cancelled);
        })
    };
    Runner {
        status: (*status).clone(),
        report: (*report).clone(),
        scenario: (*scenario).clone(),
        last_ms: *last_ms,
        run_id: shared.run_id.get(),
        start,
        cancel,
    }
}
