//! The Web Worker that runs simulations off the page's thread, in chunks, so progress and cancel get through.
//!
//! The messages it reads and writes are in `protocol.rs`; a message it cannot read is answered with
//! `Response::Malformed`, never a panic.

use crate::protocol::{encode, JobReply, Request, Response, RunReply};
use backfire_engine::Simulation;
use gloo::worker::{HandlerId, Worker, WorkerScope};

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
            RunReply::Done {
                run_id,
                report: Box::new(active.sim.report()),
            }
        } else {
            let due = active.report_every > 0 && active.chunks % active.report_every == 0;
            RunReply::Progress {
                run_id,
                hour: active.sim.hour(),
                total_hours: active.sim.total_hours(),
                report: due.then(|| Box::new(active.sim.report())),
            }
        };
        scope.respond(active.client, encode(&Response::Run(reply)));
        if done {
            self.active = None;
        } else {
            schedule(scope, run_id);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: String, id: HandlerId) {
        match Request::decode(&msg) {
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
                    scope.respond(id, encode(&Response::Run(RunReply::Failed { run_id, message })));
                }
            },
            Ok(Request::Cancel { run_id }) => {
                if self.active.as_ref().is_some_and(|a| a.run_id == run_id) {
                    self.active = None;
                }
            }
            Ok(Request::Job { job_id, job }) => scope.respond(
                id,
                encode(&Response::Job(JobReply {
                    job_id,
                    result: job.perform(),
                })),
            ),
            Err(message) => scope.respond(id, encode(&Response::Malformed { message })),
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
