//! The Web Worker that runs simulations off the page's thread, in chunks, so progress and cancel get through.
//!
//! Messages cross the worker boundary as JSON strings: gloo-worker's codec cannot report a decode
//! failure (it panics), so the payload type is a `String` that always decodes, and the protocol
//! types are parsed here with errors turned into a `Failed` reply.

use backfire_engine::explain::{explain_with, ExplainOptions, Explanation};
use backfire_engine::sweep::{cell_summary, CellSummary};
use backfire_engine::{run, Report, Scenario, Simulation};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

/// A request from the page.
#[derive(Serialize, Deserialize, Debug)]
pub enum Request {
    /// Start a run, replacing any run in progress.
    Run {
        /// Chosen by the page; replies carry it so stale ones can be ignored.
        run_id: u32,
        /// The scenario to run.
        scenario: Box<Scenario>,
        /// Simulated hours per chunk between yields (smaller = more responsive, more overhead).
        chunk_hours: u32,
        /// Send a partial report every this many chunks (0 = only at the end).
        report_every: u32,
    },
    /// Stop the run with this id.
    Cancel {
        /// The run to stop.
        run_id: u32,
    },
    /// One unit of analysis work (a sweep cell, a comparison seed, an explanation), run to the end.
    Job {
        /// Chosen by the page's pool; the reply carries it.
        job_id: u32,
        /// What to compute.
        job: Job,
    },
}

/// Analysis work a pool worker does in one go.
#[derive(Serialize, Deserialize, Debug)]
pub enum Job {
    /// Run a scenario and return its whole report (comparison runs, one seed each).
    Report(Box<Scenario>),
    /// Run a scenario and return the small summary a sweep cell needs.
    Summary(Box<Scenario>),
    /// Find which rules open each pattern, by counterfactual runs on `runs` seeds.
    Explain {
        /// The scenario explained.
        scenario: Box<Scenario>,
        /// Seeds per counterfactual (1 is fast; 3 damps noise).
        runs: u32,
    },
}

/// What a job produced.
#[derive(Serialize, Deserialize, Debug)]
pub enum JobResult {
    /// A whole report.
    Report(Box<Report>),
    /// A sweep cell's summary.
    Summary(Box<CellSummary>),
    /// An explanation.
    Explanation(Box<Explanation>),
}

impl Job {
    /// Does the work (synchronously: a job is one run, or one explanation).
    pub fn perform(self) -> JobResult {
        match self {
            Job::Report(s) => JobResult::Report(Box::new(run(&s))),
            Job::Summary(s) => JobResult::Summary(Box::new(cell_summary(&run(&s)))),
            Job::Explain { scenario, runs } => {
                let opts = ExplainOptions {
                    runs: runs.clamp(1, 10),
                    ..ExplainOptions::default()
                };
                JobResult::Explanation(Box::new(explain_with(&scenario, &opts)))
            }
        }
    }
}

/// A reply to the page.
#[derive(Serialize, Deserialize, Debug)]
pub enum Response {
    /// The run reached `hour` of `total_hours`; `report` is a partial report when one was due.
    Progress {
        /// The run this is about.
        run_id: u32,
        /// Simulated hours done.
        hour: u32,
        /// Simulated hours in all.
        total_hours: u32,
        /// A partial report, sent every `report_every` chunks.
        report: Option<Box<Report>>,
    },
    /// The run finished.
    Done {
        /// The run this is about.
        run_id: u32,
        /// The final report.
        report: Box<Report>,
    },
    /// A job finished.
    JobDone {
        /// The job this answers.
        job_id: u32,
        /// Its result.
        result: JobResult,
    },
    /// The run could not start or a message was malformed.
    Failed {
        /// The run this is about (0 when unknown).
        run_id: u32,
        /// What went wrong, for the page to show.
        message: String,
    },
}

/// Encodes a protocol message as the JSON string that crosses the boundary.
pub fn encode<T: Serialize>(msg: &T) -> String {
    serde_json::to_string(msg)
        .unwrap_or_else(|e| format!("{{\"Failed\":{{\"run_id\":0,\"message\":\"encode: {e}\"}}}}"))
}

struct Active {
    run_id: u32,
    client: HandlerId,
    sim: Simulation,
    chunk_hours: u32,
    report_every: u32,
    chunks: u32,
}

/// The simulation worker.
pub struct SimWorker {
    active: Option<Active>,
}

/// Internal message: run the next chunk of `run_id`.
pub struct Step(u32);

impl Worker for SimWorker {
    type Message = Step;
    type Input = String;
    type Output = String;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self { active: None }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, Step(run_id): Step) {
        let Some(active) = self.active.as_mut().filter(|a| a.run_id == run_id) else {
            return;
        };
        let started = js_sys::Date::now();
        active.sim.advance(active.chunk_hours);
        active.chunks += 1;
        // Aim for chunks of 20–80 ms: short enough that cancel lands quickly, long enough that
        // messaging costs little. Chunk size never changes results (the engine steps by hour).
        let elapsed = js_sys::Date::now() - started;
        if elapsed < 20.0 {
            active.chunk_hours = (active.chunk_hours * 2).min(24 * 90);
        } else if elapsed > 80.0 {
            active.chunk_hours = (active.chunk_hours / 2).max(1);
        }
        let done = active.sim.is_done();
        let reply = if done {
            Response::Done {
                run_id,
                report: Box::new(active.sim.report()),
            }
        } else {
            let due = active.report_every > 0 && active.chunks % active.report_every == 0;
            Response::Progress {
                run_id,
                hour: active.sim.hour(),
                total_hours: active.sim.total_hours(),
                report: due.then(|| Box::new(active.sim.report())),
            }
        };
        scope.respond(active.client, encode(&reply));
        if done {
            self.active = None;
        } else {
            schedule(scope, run_id);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: String, id: HandlerId) {
        match serde_json::from_str::<Request>(&msg) {
            Ok(Request::Run {
                run_id,
                scenario,
                chunk_hours,
                report_every,
            }) => match Simulation::new(&scenario) {
                Ok(sim) => {
                    self.active = Some(Active {
                        run_id,
                        client: id,
                        sim,
                        chunk_hours: chunk_hours.max(1),
                        report_every,
                        chunks: 0,
                    });
                    // The first chunk runs straight away: small runs finish in one message.
                    self.update(scope, Step(run_id));
                }
                Err(issues) => {
                    let message = issues
                        .iter()
                        .map(|i| format!("{}: {}", i.path, i.message))
                        .collect::<Vec<_>>()
                        .join("; ");
                    scope.respond(id, encode(&Response::Failed { run_id, message }));
                }
            },
            Ok(Request::Cancel { run_id }) => {
                if self.active.as_ref().is_some_and(|a| a.run_id == run_id) {
                    self.active = None;
                }
            }
            Ok(Request::Job { job_id, job }) => scope.respond(
                id,
                encode(&Response::JobDone {
                    job_id,
                    result: job.perform(),
                }),
            ),
            Err(e) => scope.respond(
                id,
                encode(&Response::Failed {
                    run_id: 0,
                    message: format!("malformed request: {e}"),
                }),
            ),
        }
    }
}

/// Queues the next chunk behind any messages already waiting (a zero timeout yields to the event loop).
fn schedule(scope: &WorkerScope<SimWorker>, run_id: u32) {
    scope.send_future(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        Step(run_id)
    });
}
