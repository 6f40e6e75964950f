//! A pool of simulation workers (one per core) for analysis work: sweep cells, comparison seeds, explanations.
//!
//! Jobs are handed out one at a time to idle workers, so a batch finishes as fast as the cores allow and
//! cancelling simply stops handing out the rest.

use crate::sim_worker::{encode, Job, JobResult, Request, Response, SimWorker};
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

type OnProgress = Rc<dyn Fn(BatchProgress)>;
type OnDone = Rc<dyn Fn(Vec<JobResult>)>;

struct Batch {
    id: u32,
    queue: VecDeque<(usize, Job)>,
    results: Vec<Option<JobResult>>,
    done: usize,
    on_progress: OnProgress,
    on_done: OnDone,
}

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
        on_done: impl Fn(Vec<JobResult>) + 'static,
    ) {
        {
            let mut st = self.state.borrow_mut();
            st.next_batch = (st.next_batch + 1) & 0x7fff;
            let total = jobs.len();
            st.batch = Some(Batch {
                id: st.next_batch,
                queue: jobs.into_iter().enumerate().collect(),
                results: (0..total).map(|_| None).collect(),
                done: 0,
                on_progress: Rc::new(on_progress),
                on_done: Rc::new(on_done),
            });
        }
        for w in 0..self.workers.len() {
            let idle = self.state.borrow().busy.get(w).is_some_and(Option::is_none);
            if idle {
                feed(&self.workers, &self.state, w);
            }
        }
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
                        let Ok(Response::JobDone { job_id, result }) = serde_json::from_str::<Response>(&text) else {
                            return;
                        };
                        let (batch_id, slot) = (job_id >> 16, (job_id & 0xffff) as usize);
                        let finished = {
                            let mut st = state.borrow_mut();
                            if let Some(busy) = st.busy.get_mut(w) {
                                *busy = None;
                            }
                            match st.batch.as_mut() {
                                Some(b) if b.id == batch_id => {
                                    if let Some(cell) = b.results.get_mut(slot) {
                                        *cell = Some(result);
                                        b.done += 1;
                                    }
                                    let progress = BatchProgress {
                                        done: b.done,
                                        total: b.results.len(),
                                    };
                                    let on_progress = b.on_progress.clone();
                                    let complete = b.done == b.results.len();
                                    let out = complete.then(|| {
                                        let results: Vec<JobResult> =
                                            b.results.iter_mut().filter_map(Option::take).collect();
                                        (b.on_done.clone(), results)
                                    });
                                    if complete {
                                        st.batch = None;
                                    }
                                    Some((on_progress, progress, out))
                                }
                                _ => None,
                            }
                        };
                        if let Some((on_progress, progress, out)) = finished {
                            on_progress(progress);
                            if let Some((on_done, results)) = out {
                                on_done(results);
                            }
                        }
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
