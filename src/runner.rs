//! The page's side of the simulation worker: a hook that starts, streams and cancels runs.

use crate::locale::{tr, trf, Lang};
use crate::protocol::{encode, Request, Response, RunReply};
use crate::sim_worker::SimWorker;
use backfire_engine::{cost, Report, Scenario};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Seconds beyond which a run waits for the Run button: nothing longer starts by itself as the designer
/// edits or opens a link.
pub const AUTO_RUN_MAX_SECONDS: f64 = 1.0;

/// The work rate assumed before this browser has finished a run long enough to time: half the native
/// reference rate (a browser's WebAssembly is slower than a native build; Chromium on the reference
/// machine does about a quarter, so the first guess errs towards running small runs by themselves).
pub const FIRST_UNITS_PER_SECOND: f64 = cost::UNITS_PER_SECOND_NATIVE as f64 / 2.0;

/// Finished runs shorter than this many milliseconds are not timed: messaging and rendering, not the
/// simulation, dominate them.
const TIMED_RUN_MIN_MS: f64 = 50.0;

/// Estimated seconds a run of `s` takes at `units_per_second` (this browser's measured rate).
pub fn seconds(s: &Scenario, units_per_second: f64) -> f64 {
    cost::estimate(s).units as f64 / units_per_second.max(1.0)
}

/// Whether a run of `s` is large at this rate: it waits for the Run button, and only its cards follow it
/// while it streams.
pub fn is_large_run(s: &Scenario, units_per_second: f64) -> bool {
    seconds(s, units_per_second) > AUTO_RUN_MAX_SECONDS
}

/// What an analysis says before it starts: `This will take about 12 s on this machine.` for `seconds` of
/// work spread over `workers` workers.
pub fn will_take(seconds: f64, workers: usize) -> String {
    will_take_in(Lang::En, seconds, workers)
}

/// [`will_take`] in the interface's language.
pub fn will_take_in(lang: Lang, seconds: f64, workers: usize) -> String {
    let time = about_in(lang, seconds / workers.max(1) as f64);
    trf!(lang, "This will take {time}.", "预计耗时：{time}。")
}

/// A duration for the designer, e.g. `about 40 s on this machine` or `about 3 min on this machine`.
pub fn about(seconds: f64) -> String {
    about_in(Lang::En, seconds)
}

/// [`about`] in the interface's language.
pub fn about_in(lang: Lang, seconds: f64) -> String {
    if seconds < 1.0 {
        String::from(tr!(lang, "under a second on this machine", "在本机不到 1 秒"))
    } else if seconds < 90.0 {
        trf!(lang, "about {seconds:.0} s on this machine", "在本机约 {seconds:.0} 秒")
    } else {
        let minutes = seconds / 60.0;
        trf!(
            lang,
            "about {minutes:.0} min on this machine",
            "在本机约 {minutes:.0} 分钟"
        )
    }
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
    /// The designer cancelled the run; the worker has not yet said it stopped.
    Cancelling,
    /// The last run was cancelled by the designer and the worker has stopped it.
    Cancelled,
    /// The last run failed to start.
    Failed(String),
}

/// What the hook returns: the runs' state (read through `Deref`) and the controls.
#[derive(Clone)]
pub struct Runner {
    state: UseReducerHandle<RunState>,
    start: Callback<Rc<Scenario>>,
    cancel: Callback<()>,
}

impl std::ops::Deref for Runner {
    type Target = RunState;

    fn deref(&self) -> &RunState {
        &self.state
    }
}

impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        **self == **other && self.start == other.start && self.cancel == other.cancel
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
}

/// Where the runs stand: the pure part of the runner, which decides what each reply does.
#[derive(Clone, Debug)]
pub struct RunState {
    /// Where the current run stands.
    pub status: RunStatus,
    /// The latest report: final when `status` is `Done`, partial while running.
    pub report: Option<Rc<Report>>,
    /// The scenario the report belongs to.
    pub scenario: Option<Rc<Scenario>>,
    /// Wall-clock milliseconds of the last finished run.
    pub last_ms: Option<f64>,
    /// The run whose replies count; replies to any other run are stale and ignored.
    pub run_id: u32,
    /// Work units per second this browser simulates: [`FIRST_UNITS_PER_SECOND`] until a finished run of
    /// at least 50 ms has been timed, then the mean of the last measure and the one before.
    pub units_per_second: f64,
    /// Milliseconds from the last Cancel to the worker saying it stopped.
    pub cancel_ms: Option<f64>,
    /// The scenario of the current run (its report is not in yet).
    pending: Option<Rc<Scenario>>,
    /// When the current run started, in milliseconds.
    started_ms: f64,
    /// The run being cancelled and when Cancel was pressed, until the worker says it stopped.
    cancelling: Option<(u32, f64)>,
}

impl Default for RunState {
    fn default() -> Self {
        Self {
            status: RunStatus::Idle,
            report: None,
            scenario: None,
            last_ms: None,
            run_id: 0,
            units_per_second: FIRST_UNITS_PER_SECOND,
            cancel_ms: None,
            pending: None,
            started_ms: 0.0,
            cancelling: None,
        }
    }
}

// What a view shows compares by pointer: a new report or scenario always arrives in a new `Rc`, and
// comparing whole reports on every render would cost more than the render it might save. The private
// bookkeeping of a run in flight shows nowhere and is left out.
impl PartialEq for RunState {
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
            && self.units_per_second == other.units_per_second
            && self.cancel_ms == other.cancel_ms
    }
}

impl RunState {
    /// Whether a run is in progress.
    pub fn is_running(&self) -> bool {
        matches!(self.status, RunStatus::Running { .. })
    }
    /// Estimated seconds a run of `s` takes in this browser.
    pub fn seconds(&self, s: &Scenario) -> f64 {
        seconds(s, self.units_per_second)
    }
    /// Whether a run of `s` is too long to start by itself in this browser.
    pub fn is_large(&self, s: &Scenario) -> bool {
        is_large_run(s, self.units_per_second)
    }
}

/// What happens to the runs.
#[derive(Debug)]
pub enum RunEvent {
    /// Run `scenario` as `run_id`, superseding any run in progress.
    Start {
        /// The new run's id.
        run_id: u32,
        /// What it runs.
        scenario: Rc<Scenario>,
        /// The clock when it started, in milliseconds.
        now_ms: f64,
    },
    /// Run `cancelled` was cancelled; from now on only replies to `run_id` (which nothing has yet) count,
    /// besides the worker's word that `cancelled` stopped.
    Cancel {
        /// The run cancelled.
        cancelled: u32,
        /// The id replies must now carry.
        run_id: u32,
        /// The clock when Cancel was pressed, in milliseconds.
        now_ms: f64,
    },
    /// The worker replied.
    Reply {
        /// The reply.
        reply: Response,
        /// The clock when it arrived, in milliseconds.
        now_ms: f64,
    },
}

impl Reducible for RunState {
    type Action = RunEvent;

    fn reduce(self: Rc<Self>, event: RunEvent) -> Rc<Self> {
        let mut next = (*self).clone();
        match event {
            RunEvent::Start {
                run_id,
                scenario,
                now_ms,
            } => {
                next.run_id = run_id;
                next.started_ms = now_ms;
                next.status = RunStatus::Running {
                    hour: 0,
                    total_hours: scenario.days * 24,
                };
                next.pending = Some(scenario);
            }
            RunEvent::Cancel {
                cancelled,
                run_id,
                now_ms,
            } => {
                next.run_id = run_id;
                next.status = RunStatus::Cancelling;
                next.cancelling = Some((cancelled, now_ms));
            }
            RunEvent::Reply { reply, now_ms } => match reply {
                Response::Run(RunReply::Progress {
                    run_id,
                    hour,
                    total_hours,
                    report,
                }) if run_id == next.run_id => {
                    next.status = RunStatus::Running { hour, total_hours };
                    if let Some(r) = report {
                        next.report = Some(Rc::new(*r));
                        next.scenario = next.pending.clone();
                    }
                }
                Response::Run(RunReply::Cancelled { run_id })
                    if next.cancelling.is_some_and(|(id, _)| id == run_id) =>
                {
                    if let Some((_, pressed)) = next.cancelling.take() {
                        next.cancel_ms = Some(now_ms - pressed);
                    }
                    if next.status == RunStatus::Cancelling {
                        next.status = RunStatus::Cancelled;
                    }
                }
                Response::Run(RunReply::Done { run_id, report }) if run_id == next.run_id => {
                    let ms = now_ms - next.started_ms;
                    next.last_ms = Some(ms);
                    if ms >= TIMED_RUN_MIN_MS {
                        if let Some(s) = &next.pending {
                            let measured = cost::estimate(s).units as f64 / (ms / 1000.0);
                            next.units_per_second = (next.units_per_second + measured) / 2.0;
                        }
                    }
                    next.report = Some(Rc::new(*report));
                    next.scenario = next.pending.clone();
                    next.status = RunStatus::Done;
                }
                Response::Run(RunReply::Failed { run_id, message }) if run_id == next.run_id => {
                    next.status = RunStatus::Failed(message);
                }
                // This worker only ever gets the current run's messages, so an unreadable one is about it.
                Response::Malformed { message } => next.status = RunStatus::Failed(message),
                // A reply to a superseded run (or a job reply, which this worker is never sent).
                _ => return self,
            },
        }
        Rc::new(next)
    }
}

/// Spawns the worker once per page and returns the runner.
#[hook]
pub fn use_runner() -> Runner {
    let state = use_reducer(RunState::default);
    // Ids are handed out here, synchronously, since the request must carry its id before the state updates.
    let next_id = use_memo((), |_| Cell::new(0u32));
    let bridge: Rc<WorkerBridge<SimWorker>> = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            SimWorker::spawner()
                .as_module(false)
                .callback(move |text: String| {
                    dispatcher.dispatch(RunEvent::Reply {
                        reply: Response::decode(&text),
                        now_ms: js_sys::Date::now(),
                    })
                })
                .spawn("./worker.js")
        })
    };

    // The controls are made once, so a `Runner` compares equal until something it reports changes.
    let start = {
        let (bridge, next_id, dispatcher) = (bridge.clone(), next_id.clone(), state.dispatcher());
        use_callback((), move |s: Rc<Scenario>, _| {
            let run_id = next_id.get().wrapping_add(1);
            next_id.set(run_id);
            bridge.send(encode(&Request::Run {
                run_id,
                scenario: Box::new((*s).clone()),
                // About a millisecond's work: the worker sizes every later chunk from its own clock.
                chunk_visits: 2_000,
                report_every: 8,
            }));
            dispatcher.dispatch(RunEvent::Start {
                run_id,
                scenario: s,
                now_ms: js_sys::Date::now(),
            });
        })
    };
    let cancel = {
        let dispatcher = state.dispatcher();
        use_callback((), move |(), _| {
            let run_id = next_id.get();
            bridge.send(encode(&Request::Cancel { run_id }));
            // Replies still in flight for this id are ignored from now on.
            next_id.set(run_id.wrapping_add(1));
            dispatcher.dispatch(RunEvent::Cancel {
                cancelled: run_id,
                run_id: run_id.wrapping_add(1),
                now_ms: js_sys::Date::now(),
            });
        })
    };
    Runner { state, start, cancel }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Box<Report> {
        let s = Scenario {
            days: 1,
            ..Scenario::default()
        };
        Box::new(backfire_engine::run(&s))
    }

    fn reply(reply: RunReply) -> RunEvent {
        RunEvent::Reply {
            reply: Response::Run(reply),
            now_ms: 250.0,
        }
    }

    fn started(run_id: u32) -> Rc<RunState> {
        Rc::new(RunState::default()).reduce(RunEvent::Start {
            run_id,
            scenario: Rc::new(Scenario::default()),
            now_ms: 100.0,
        })
    }

    #[test]
    fn a_run_streams_progress_then_its_report() {
        let s = started(1);
        assert!(matches!(s.status, RunStatus::Running { hour: 0, .. }));
        let s = s.reduce(reply(RunReply::Progress {
            run_id: 1,
            hour: 6,
            total_hours: 24,
            report: None,
        }));
        assert_eq!(
            s.status,
            RunStatus::Running {
                hour: 6,
                total_hours: 24
            }
        );
        assert!(s.report.is_none());
        let s = s.reduce(reply(RunReply::Done {
            run_id: 1,
            report: report(),
        }));
        assert_eq!(s.status, RunStatus::Done);
        assert!(s.report.is_some() && s.scenario.is_some());
        assert_eq!(s.last_ms, Some(150.0));
    }

    #[test]
    fn replies_to_a_superseded_or_cancelled_run_are_ignored() {
        let s = started(1).reduce(RunEvent::Start {
            run_id: 2,
            scenario: Rc::new(Scenario::default()),
            now_ms: 120.0,
        });
        let before = Rc::clone(&s);
        let s = s.reduce(reply(RunReply::Done {
            run_id: 1,
            report: report(),
        }));
        assert!(Rc::ptr_eq(&s, &before), "a stale reply changes nothing");
        let s = s.reduce(RunEvent::Cancel {
            cancelled: 2,
            run_id: 3,
            now_ms: 200.0,
        });
        let s = s.reduce(reply(RunReply::Failed {
            run_id: 2,
            message: "late".into(),
        }));
        assert_eq!(s.status, RunStatus::Cancelling);
        let s = s.reduce(reply(RunReply::Cancelled { run_id: 2 }));
        assert_eq!(s.status, RunStatus::Cancelled);
        assert_eq!(s.cancel_ms, Some(50.0), "from Cancel to the worker's word");
    }

    #[test]
    fn a_failure_or_an_unreadable_reply_fails_the_current_run() {
        let s = started(4).reduce(reply(RunReply::Failed {
            run_id: 4,
            message: "days: a run lasts 1 to 90 days, not 0".into(),
        }));
        assert!(matches!(&s.status, RunStatus::Failed(m) if m.starts_with("days")));
        let s = started(5).reduce(RunEvent::Reply {
            reply: Response::decode("garbage"),
            now_ms: 0.0,
        });
        assert!(matches!(&s.status, RunStatus::Failed(m) if m.contains("unreadable")));
    }

    #[test]
    fn a_timed_run_teaches_the_rate_and_the_rate_decides_auto_run() {
        let s = started(1).reduce(reply(RunReply::Done {
            run_id: 1,
            report: report(),
        }));
        let measured = cost::estimate(&Scenario::default()).units as f64 / 0.15;
        assert_eq!(s.units_per_second, (FIRST_UNITS_PER_SECOND + measured) / 2.0);

        let preset = backfire_engine::presets::by_id("alipay-circles-2016").map(|p| p.scenario);
        let mut big = preset.clone().unwrap_or_default();
        assert!(
            !is_large_run(&big, FIRST_UNITS_PER_SECOND),
            "the default preset runs by itself"
        );
        big.population.n_users = 1_000_000;
        assert!(is_large_run(&big, FIRST_UNITS_PER_SECOND));
        assert!(about(seconds(&big, FIRST_UNITS_PER_SECOND)).starts_with("about "));
        // A slower browser holds back what a faster one runs by itself.
        let mid = Scenario {
            days: 7,
            ..preset.unwrap_or_default()
        };
        assert!(is_large_run(&mid, 500_000.0) && !is_large_run(&mid, FIRST_UNITS_PER_SECOND));
    }
}
