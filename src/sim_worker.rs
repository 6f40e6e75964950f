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
    report_every: u32,
    chunks: u32,
    /// Users in the run, to size its last chunk.
    users: u32,
}

/// Milliseconds a chunk aims to take: short enough that a cancel waiting behind it lands within 100 ms
/// (a chunk plus the yield), long enough that messaging costs little.
const CHUNK_TARGET_MS: f64 = 30.0;
/// Fewest and most visits in a chunk; the most is far above what 30 ms holds on any machine, the fewest
/// keeps the overhead of yielding small even when a clock tick misleads the sizing.
const CHUNK_VISITS: (u64, u64) = (1_000, 50_000_000);
/// A run whose rest looks like at most this share of a chunk more is finished in the chunk at hand: a
/// second message and yield would cost more than they are worth (cancel then waits at most this much longer).
const FINISH_IN_ONE: f64 = 0.5;

/// The simulation worker.
pub struct SimWorker {
    active: Option<Active>,
    /// Visits in the next chunk, sized from how long the last one took (kept across runs: the machine's
    /// speed does not change between them).
    budget: u64,
    /// Visits per user-hour in the chunks done so far (kept across runs), to tell when the rest of a run fits
    /// in the chunk at hand.
    visits_per_user_hour: Option<f64>,
}

/// Internal message: run the next chunk of `run_id`.
pub struct Step(u32);

impl Worker for SimWorker {
    type Message = Step;
    type Input = String;
    type Output = String;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self {
            active: None,
            budget: 0,
            visits_per_user_hour: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, Step(run_id): Step) {
        let Some(active) = self.active.as_mut().filter(|a| a.run_id == run_id) else {
            return;
        };
        let started = js_sys::Date::now();
        // Bounded by visits, not hours: one hour of a million users is seconds of work, and a cancel
        // waits for the chunk in progress. Chunk size never changes results (`advance_visits` is exact).
        let (hour_before, hours_left) = (active.sim.hour(), active.sim.total_hours() - active.sim.hour());
        let rest = self
            .visits_per_user_hour
            .map(|rate| rate * f64::from(active.users) * f64::from(hours_left));
        let chunk = match rest {
            // A little over the estimate, so a close guess does not leave a sliver for another message.
            Some(rest) if rest <= self.budget as f64 * (1.0 + FINISH_IN_ONE) => (rest * 1.1) as u64 + CHUNK_VISITS.0,
            _ => self.budget,
        };
        let used = active.sim.advance_visits(chunk);
        let hours_done = active.sim.hour() - hour_before;
        if hours_done > 0 && active.users > 0 {
            self.visits_per_user_hour = Some(used as f64 / (f64::from(active.users) * f64::from(hours_done)));
        }
        active.chunks += 1;
        let elapsed = js_sys::Date::now() - started;
        // The next chunk is what this one's pace does in the target time, growing at most 4× at once
        // (the clock ticks in whole milliseconds, so a fast chunk may read as 0 ms).
        let per_ms = used as f64 / elapsed.max(1.0);
        let next = (per_ms * CHUNK_TARGET_MS).min(chunk.max(self.budget) as f64 * 4.0);
        self.budget = (next as u64).clamp(CHUNK_VISITS.0, CHUNK_VISITS.1);
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
                chunk_visits,
                report_every,
            }) => match Simulation::new(&scenario) {
                Ok(sim) => {
                    if self.budget == 0 {
                        self.budget = chunk_visits.clamp(CHUNK_VISITS.0, CHUNK_VISITS.1);
                    }
                    self.active = Some(Active {
                        run_id,
                        client: id,
                        sim,
                        report_every,
                        chunks: 0,
                        users: scenario.population.n_users,
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
                // Said even when the run had already ended, so the page always learns it has stopped.
                scope.respond(id, encode(&Response::Run(RunReply::Cancelled { run_id })));
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
