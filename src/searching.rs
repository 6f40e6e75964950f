//! A search (red team, fix frontier, robustness screen) driven on the worker pool: the state proposes a batch,
//! the pool runs it on every core, the state folds the reports back in, and so on until it proposes none.
//!
//! The engine's state decides everything from the reports in batch order, so the browser's result is the
//! CLI's bit for bit; only the runs travel. Each run is a [`Job::Counterfactual`]: run as given, as
//! `search::drive` runs it natively (a search's variants are not refused for the input's own rule errors,
//! which the panel refuses before it starts).

use crate::pool::{BatchProgress, Pool};
use crate::protocol::{Job, JobResult};
use backfire_engine::search::Search;
use backfire_engine::Report;
use std::cell::Cell;
use std::rc::Rc;

/// Runs done of the runs a search may make (its budget), for the progress bar.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct SearchProgress {
    /// Runs finished so far.
    pub done: u32,
    /// Runs the search may make in all.
    pub budget: u32,
}

impl SearchProgress {
    /// The same figures as a pool batch's, for the shared progress bar.
    pub fn as_batch(self) -> BatchProgress {
        BatchProgress {
            done: self.done as usize,
            total: self.budget.max(self.done) as usize,
        }
    }
}

/// A handle that ends a search: a search started with it stops proposing once [`Ticket::cancel`] is called
/// (or a newer search takes the ticket), and its late replies are ignored.
#[derive(Clone, Default)]
pub struct Ticket(Rc<Generations>);

/// The ticket's generation, and whether its latest search is still under way.
#[derive(Default)]
struct Generations {
    current: Cell<u32>,
    running: Cell<bool>,
}

impl PartialEq for Ticket {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Ticket {
    /// A new generation: searches started under an older one are over.
    fn next(&self) -> u32 {
        self.0.current.set(self.0.current.get().wrapping_add(1));
        self.0.current.get()
    }

    /// Whether a search started with this ticket is under way.
    pub fn running(&self) -> bool {
        self.0.running.get()
    }

    /// Ends the search in progress, if any: the pool drops its queued runs and the state is dropped with them.
    /// Without one it does nothing, so the pool's batch (another panel's) is left alone.
    pub fn cancel(&self, pool: &Pool) {
        if self.running() {
            self.next();
            self.0.running.set(false);
            pool.cancel();
        }
    }
}

/// Everything one search needs between batches.
struct Drive<S> {
    pool: Pool,
    ticket: Ticket,
    generation: u32,
    budget: u32,
    on_progress: Rc<dyn Fn(SearchProgress)>,
    on_done: Rc<dyn Fn(Result<S, String>)>,
}

impl<S> Drive<S> {
    fn live(&self) -> bool {
        self.ticket.0.current.get() == self.generation
    }

    /// Hands the search's end to its owner, once the ticket knows it is over.
    fn finish(&self, outcome: Result<S, String>) {
        self.ticket.0.running.set(false);
        (self.on_done)(outcome);
    }
}

/// Drives the search `make` makes on the pool to its end, reporting runs done of `budget`, then hands back the finished state
/// (call its `result()`); an error names a run that failed. A later [`Ticket::cancel`] ends it silently.
pub fn start<S>(
    pool: &Pool,
    ticket: &Ticket,
    make: impl FnOnce() -> S + 'static,
    budget: u32,
    on_progress: impl Fn(SearchProgress) + 'static,
    on_done: impl Fn(Result<S, String>) + 'static,
) where
    S: Search + 'static,
    S::Candidate: 'static,
{
    let drive = Rc::new(Drive {
        pool: pool.clone(),
        ticket: ticket.clone(),
        generation: ticket.next(),
        budget,
        on_progress: Rc::new(on_progress),
        on_done: Rc::new(on_done),
    });
    ticket.0.running.set(true);
    (drive.on_progress)(SearchProgress { done: 0, budget });
    // The click's task only shows the progress bar: the state is made (a frontier derives every lever's edits)
    // in the next task and its first batch proposed in the one after, since all three in one task held the
    // page's thread past 50 ms. A cancel in between ends it, as the generation is taken now.
    gloo::timers::callback::Timeout::new(0, move || {
        if drive.live() {
            let search = make();
            gloo::timers::callback::Timeout::new(0, move || step(drive, search, 0)).forget();
        }
    })
    .forget();
}

/// Proposes the next batch and sends it, or ends the search when there is none.
fn step<S>(drive: Rc<Drive<S>>, search: S, runs_done: u32)
where
    S: Search + 'static,
    S::Candidate: 'static,
{
    if !drive.live() {
        return;
    }
    let Some(batch) = search.propose() else {
        return drive.finish(Ok(search));
    };
    if !drive.live() {
        return;
    }
    let jobs: Vec<Job> = batch
        .scenarios
        .iter()
        .map(|s| Job::Counterfactual(Box::new(s.clone())))
        .collect();
    let size = jobs.len() as u32;
    // The state and the batch wait here for the reports; `on_done` is `Fn`, so they are taken once.
    let waiting = Rc::new(std::cell::RefCell::new(Some((search, batch))));
    let progress = {
        let drive = drive.clone();
        move |p: BatchProgress| {
            if drive.live() {
                (drive.on_progress)(SearchProgress {
                    done: runs_done + p.done as u32,
                    budget: drive.budget,
                });
            }
        }
    };
    let done = {
        let drive = drive.clone();
        move |outcome: Result<Vec<JobResult>, String>| {
            if !drive.live() {
                return;
            }
            let Some((mut search, batch)) = waiting.borrow_mut().take() else {
                return;
            };
            match outcome.and_then(reports) {
                Ok(reports) => {
                    search.fold(batch, &reports);
                    // The next batch is proposed in a task of its own, after the pool has settled this one's
                    // last reply: folding and proposing in one task held the page's thread too long.
                    let drive = drive.clone();
                    gloo::timers::callback::Timeout::new(0, move || step(drive, search, runs_done + size)).forget();
                }
                Err(message) => drive.finish(Err(message)),
            }
        }
    };
    // Another view's batch may take the pool while this search's view is closed: the search then hears
    // `SET_ASIDE` and ends, rather than wait for runs nobody will send back.
    drive.pool.submit_yielding(jobs, progress, done);
}

/// The reports of a batch's results, or why they are not all reports.
fn reports(results: Vec<JobResult>) -> Result<Vec<Report>, String> {
    results
        .into_iter()
        .map(|r| match r {
            JobResult::Report(r) => Ok(*r),
            JobResult::Summary(_) => Err(String::from("a worker sent a summary where a report was due")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_never_shows_more_done_than_in_all() {
        let p = SearchProgress { done: 40, budget: 32 }.as_batch();
        assert_eq!((p.done, p.total), (40, 40));
        let p = SearchProgress { done: 3, budget: 32 }.as_batch();
        assert_eq!((p.done, p.total), (3, 32));
    }

    #[test]
    fn only_a_report_is_a_report() {
        let tiny = backfire_engine::Scenario {
            days: 1,
            ..backfire_engine::Scenario::default()
        };
        let report = backfire_engine::run(&tiny);
        let summary = backfire_engine::sweep::cell_summary(&report);
        assert!(reports(vec![JobResult::Report(Box::new(report.clone()))]).is_ok());
        assert!(reports(vec![
            JobResult::Report(Box::new(report)),
            JobResult::Summary(Box::new(summary))
        ])
        .is_err());
    }
}
