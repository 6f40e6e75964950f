//! A pool of simulation workers (one per core) for analysis work: sweep cells, comparison seeds, explanations.
//!
//! Jobs are handed out one at a time to idle workers, so a batch finishes as fast as the cores allow and
//! cancelling simply stops handing out the rest. A job that fails ends its batch at once with the
//! job's message: the rest of the batch is dropped and its late replies ignored.
//!
//! A background batch (the cards' fast explanation) only runs while no one asked for anything: it never
//! replaces a batch in progress, and any batch submitted after it replaces it at once.

use crate::protocol::{encode, Job, JobReply, JobResult, Request, Response};
use crate::sim_worker::SimWorker;
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Progress of a batch.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub struct BatchProgress {
    /// Jobs finished.
    pub done: usize,
    /// Jobs in the batch.
    pub total: usize,
}

/// How a batch ended: every result in job order, or the message of the first job that failed.
pub type BatchOutcome = Result<Vec<JobResult>, String>;

type OnProgress = Rc<dyn Fn(BatchProgress)>;
type OnDone = Rc<dyn Fn(BatchOutcome)>;

/// The results of a batch as they come back, in any order: the pure part of the pool.
#[derive(Debug)]
struct Slots<T> {
    results: Vec<Option<T>>,
    done: usize,
}

/// What one job's reply did to its batch.
#[derive(Debug, PartialEq)]
enum Step<T> {
    /// More jobs are out.
    Progress(BatchProgress),
    /// That was the last job: the results in job order.
    Finished(Vec<T>),
    /// The job failed, which ends the batch.
    Failed(String),
}

impl<T> Slots<T> {
    fn new(total: usize) -> Self {
        Self {
            results: (0..total).map(|_| None).collect(),
            done: 0,
        }
    }

    /// Records the reply for job `slot`. A slot answered twice, or out of range, changes nothing.
    fn record(&mut self, slot: usize, result: Result<T, String>) -> Step<T> {
        let value = match result {
            Ok(value) => value,
            Err(message) => return Step::Failed(message),
        };
        if let Some(cell @ None) = self.results.get_mut(slot) {
            *cell = Some(value);
            self.done += 1;
        }
        if self.done == self.results.len() {
            Step::Finished(self.results.iter_mut().filter_map(Option::take).collect())
        } else {
            Step::Progress(BatchProgress {
                done: self.done,
                total: self.results.len(),
            })
        }
    }
}

struct Batch {
    id: u32,
    queue: VecDeque<(usize, Job)>,
    slots: Slots<JobResult>,
    on_progress: OnProgress,
    on_done: OnDone,
    /// Work nobody is waiting for: it gives way to any other batch.
    background: bool,
    /// Its owner is told [`SET_ASIDE`] when another batch replaces it (a background batch's always is).
    yields: bool,
}

/// The message a background batch ends with when other work takes the pool.
pub const SET_ASIDE: &str = "set aside for other analysis";

#[derive(Default)]
struct PoolState {
    batch: Option<Batch>,
    next_batch: u32,
    /// For each worker: the (batch id, slot) it is working on.
    busy: Vec<Option<(u32, usize)>>,
}

/// A handle on the pool; cheap to clone.
#[derive(Clone)]
pub struct Pool {
    workers: Rc<Vec<WorkerBridge<SimWorker>>>,
    state: Rc<RefCell<PoolState>>,
}

impl PartialEq for Pool {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
    }
}

/// Number of workers: the machine's cores, between 1 and 8.
pub fn pool_size() -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(2.0);
    (cores as usize).clamp(1, 8)
}

/// Hands the next queued job of the current batch to worker `w`, if any.
fn feed(workers: &[WorkerBridge<SimWorker>], state: &RefCell<PoolState>, w: usize) {
    let mut st = state.borrow_mut();
    let Some(batch) = st.batch.as_mut() else { return };
    let Some((slot, job)) = batch.queue.pop_front() else {
        return;
    };
    let batch_id = batch.id;
    let job_id = (batch_id << 16) | slot as u32;
    if let Some(busy) = st.busy.get_mut(w) {
        *busy = Some((batch_id, slot));
    }
    drop(st);
    if let Some(worker) = workers.get(w) {
        worker.send(encode(&Request::Job { job_id, job }));
    }
}

impl Pool {
    /// Starts a batch, replacing (cancelling) any batch in progress; results come back in job order.
    pub fn submit(
        &self,
        jobs: Vec<Job>,
        on_progress: impl Fn(BatchProgress) + 'static,
        on_done: impl Fn(BatchOutcome) + 'static,
    ) {
        self.submit_as(jobs, Rc::new(on_progress), Rc::new(on_done), false);
    }

    /// Starts a batch as [`Pool::submit`] does, whose owner is told [`SET_ASIDE`] if a later batch replaces it
    /// (a search that outlives its view, so that it never waits for runs nobody will send back).
    pub fn submit_yielding(
        &self,
        jobs: Vec<Job>,
        on_progress: impl Fn(BatchProgress) + 'static,
        on_done: impl Fn(BatchOutcome) + 'static,
    ) {
        self.submit_as(jobs, Rc::new(on_progress), Rc::new(on_done), true);
    }

    fn submit_as(&self, jobs: Vec<Job>, on_progress: OnProgress, on_done: OnDone, yields: bool) {
        let set_aside = self.start(jobs, on_progress, on_done, false, yields);
        // Told after the new batch is in place, so its owner sees a pool that has moved on.
        if let Some(on_done) = set_aside {
            on_done(Err(SET_ASIDE.to_string()));
        }
    }

    /// Starts a background batch unless a batch is in progress (then returns `false` and does nothing).
    /// It replaces an earlier background batch, and gives way to any batch submitted later: its owner is
    /// then told [`SET_ASIDE`].
    pub fn submit_background(&self, jobs: Vec<Job>, on_done: impl Fn(BatchOutcome) + 'static) -> bool {
        let foreground = self.state.borrow().batch.as_ref().is_some_and(|b| !b.background);
        if !foreground {
            self.start(jobs, Rc::new(|_| {}), Rc::new(on_done), true, true);
        }
        !foreground
    }

    /// Cancels the batch in progress if it is a background one; its late replies are ignored.
    pub fn cancel_background(&self) {
        let mut st = self.state.borrow_mut();
        if st.batch.as_ref().is_some_and(|b| b.background) {
            st.batch = None;
        }
    }

    /// Replaces the batch in progress and hands out the new one's jobs; returns the replaced batch's
    /// `on_done` when it yields (a background batch, a search), whose owner is waiting to hear.
    fn start(
        &self,
        jobs: Vec<Job>,
        on_progress: OnProgress,
        on_done: OnDone,
        background: bool,
        yields: bool,
    ) -> Option<OnDone> {
        let set_aside = {
            let mut st = self.state.borrow_mut();
            st.next_batch = (st.next_batch + 1) & 0x7fff;
            let total = jobs.len();
            let id = st.next_batch;
            let old = st.batch.replace(Batch {
                id,
                queue: jobs.into_iter().enumerate().collect(),
                slots: Slots::new(total),
                on_progress,
                on_done,
                background,
                yields,
            });
            old.filter(|b| b.yields).map(|b| b.on_done)
        };
        for w in 0..self.workers.len() {
            let idle = self.state.borrow().busy.get(w).is_some_and(Option::is_none);
            if idle {
                feed(&self.workers, &self.state, w);
            }
        }
        set_aside
    }

    /// Cancels the batch in progress: queued jobs are dropped, and results still in flight are ignored.
    pub fn cancel(&self) {
        self.state.borrow_mut().batch = None;
    }

    /// Number of workers.
    pub fn size(&self) -> usize {
        self.workers.len()
    }
}

/// Applies worker `w`'s reply to the batch and tells the batch's owner what it did.
fn settle(state: &RefCell<PoolState>, w: usize, reply: Response) {
    let held = state.borrow_mut().busy.get_mut(w).and_then(Option::take);
    let ((batch_id, slot), result) = match reply {
        Response::Job(JobReply { job_id, result }) => ((job_id >> 16, (job_id & 0xffff) as usize), result),
        // The worker could not read what it was sent: that is the job it holds.
        Response::Malformed { message } => match held {
            Some(job) => (job, Err(message)),
            None => return,
        },
        Response::Run(_) => return, // pool workers are only sent jobs
    };
    let step = {
        let mut st = state.borrow_mut();
        let Some(batch) = st.batch.as_mut().filter(|b| b.id == batch_id) else {
            return; // a late reply to a cancelled or failed batch
        };
        let step = batch.slots.record(slot, result);
        let callbacks = (batch.on_progress.clone(), batch.on_done.clone());
        if !matches!(step, Step::Progress(_)) {
            st.batch = None;
        }
        (step, callbacks)
    };
    match step {
        (Step::Progress(p), (on_progress, _)) => on_progress(p),
        (Step::Finished(results), (on_progress, on_done)) => {
            on_progress(BatchProgress {
                done: results.len(),
                total: results.len(),
            });
            on_done(Ok(results));
        }
        (Step::Failed(message), (_, on_done)) => on_done(Err(message)),
    }
}

/// Spawns the pool once per page.
#[hook]
pub fn use_pool() -> Pool {
    let pool = use_memo((), |_| {
        let state = Rc::new(RefCell::new(PoolState::default()));
        let n = pool_size();
        state.borrow_mut().busy = vec![None; n];
        // Workers are created first and their reply handlers wired through a shared cell, since each
        // handler needs the whole pool to feed the next job.
        let workers_cell: Rc<RefCell<Rc<Vec<WorkerBridge<SimWorker>>>>> = Rc::new(RefCell::new(Rc::new(Vec::new())));
        let workers: Vec<WorkerBridge<SimWorker>> = (0..n)
            .map(|w| {
                let state = state.clone();
                let workers_cell = workers_cell.clone();
                SimWorker::spawner()
                    .as_module(false)
                    .callback(move |text: String| {
                        settle(&state, w, Response::decode(&text));
                        let workers = workers_cell.borrow().clone();
                        feed(&workers, &state, w);
                    })
                    .spawn("./worker.js")
            })
            .collect();
        let workers = Rc::new(workers);
        *workers_cell.borrow_mut() = workers.clone();
        Pool { workers, state }
    });
    (*pool).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_job_order_whatever_order_they_arrive_in() {
        let mut slots = Slots::new(3);
        assert_eq!(
            slots.record(2, Ok('c')),
            Step::Progress(BatchProgress { done: 1, total: 3 })
        );
        assert_eq!(
            slots.record(0, Ok('a')),
            Step::Progress(BatchProgress { done: 2, total: 3 })
        );
        assert_eq!(
            slots.record(0, Ok('x')),
            Step::Progress(BatchProgress { done: 2, total: 3 }),
            "a repeat changes nothing"
        );
        assert_eq!(slots.record(1, Ok('b')), Step::Finished(vec!['a', 'b', 'c']));
    }

    #[test]
    fn a_failed_job_ends_the_batch_with_its_message() {
        let mut slots = Slots::new(4);
        assert!(matches!(slots.record(1, Ok(1)), Step::Progress(_)));
        assert_eq!(
            slots.record(0, Err("the rules have errors".into())),
            Step::Failed("the rules have errors".into())
        );
    }
}
