//! Searches over scenarios: the red team (the worst adversary within a budget), the fix frontier (the best
//! rule changes for their honest cost) and the robustness screen (which assumptions a verdict rests on).
//!
//! Every search is plain data in, plain data out, split so that the runs can be farmed out: a state that
//! proposes the next [`Batch`] of scenarios from what it has seen ([`Search::propose`]), and folds the
//! batch's reports back in ([`Search::fold`]). [`drive`] does both in a loop with any runner (one thread
//! here, a thread pool in the CLI, a worker pool in the browser); the reports alone decide the result, so
//! the same input, options and seed give the same result bit for bit whoever runs the batches.
//!
//! **Architecture Invariant:** a search draws its randomness only from [`Dice`] seeded by the scenario's
//! seed and the batch's number, never from the order in which runs finish.

pub mod frontier;
mod pareto;
pub mod redteam;
pub mod robustness;
pub mod setup;
pub mod under_attack;

use serde::{Deserialize, Serialize};

use crate::dice::Dice;
use crate::ensemble::seeds;
use crate::report::{PatternId, Report, ENGINE_VERSION, MODEL_VERSION};
use crate::scenario::{Scenario, USERS_MIN};
use crate::sim::run;

/// Population of each run a search makes by default (a larger scenario is scaled down to it, as Why does).
pub const SEARCH_USERS: u32 = 10_000;
/// Days of each run a search makes by default: a week shows every pattern the launch opens.
pub const SEARCH_DAYS: u32 = 7;
/// Seeds each candidate is run on by default: two tell a real effect from one lucky draw at half the cost of Why's three.
pub const SEARCH_SEEDS: u32 = 2;

/// How each candidate of a search is run: its size and the seeds it is judged on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Evaluation {
    /// Seeds each candidate runs on, from [`crate::ensemble::seeds`]`(scenario.seed, seeds)`; 0 counts as 1.
    pub seeds: u32,
    /// Most users per run (`None`: the scenario's own size).
    pub users: Option<u32>,
    /// Most days per run (`None`: the scenario's own length).
    pub days: Option<u32>,
}

impl Default for Evaluation {
    fn default() -> Self {
        Evaluation {
            seeds: SEARCH_SEEDS,
            users: Some(SEARCH_USERS),
            days: Some(SEARCH_DAYS),
        }
    }
}

impl Evaluation {
    /// The seeds every candidate runs on.
    pub fn seed_list(&self, s: &Scenario) -> Vec<u64> {
        seeds(s.seed, self.seeds.max(1))
    }

    /// The scenario as a search runs it on one seed: capped in users and days, the seed set.
    pub fn sized(&self, s: &Scenario, seed: u64) -> Scenario {
        let mut t = s.clone();
        t.seed = seed;
        if let Some(cap) = self.users {
            t.population.n_users = t.population.n_users.min(cap.max(USERS_MIN));
        }
        if let Some(cap) = self.days {
            t.days = t.days.min(cap.max(1));
        }
        t
    }

    /// The scenario once per seed, in seed order: what one candidate costs in runs.
    pub fn runs_of(&self, s: &Scenario) -> Vec<Scenario> {
        self.seed_list(s).into_iter().map(|seed| self.sized(s, seed)).collect()
    }
}

/// Where a result comes from, so that it can be reproduced: the method, the budget, the seeds, the versions
/// and the input as a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The method and its reference, e.g. "MAP-Elites (Mouret & Clune 2015, arXiv:1504.04909)".
    pub method: String,
    /// Runs the search was allowed.
    pub budget_runs: u32,
    /// Runs it made.
    pub runs_done: u32,
    /// The search's own seed (the scenario's seed: a link carries it).
    pub search_seed: u64,
    /// The seeds each candidate ran on.
    pub seeds: Vec<u64>,
    /// Users in each run.
    pub n_users: u32,
    /// Days in each run.
    pub days: u32,
    /// [`ENGINE_VERSION`] of the engine that searched.
    pub engine_version: String,
    /// [`MODEL_VERSION`] of the model behind the numbers.
    pub model_version: u32,
    /// The input scenario as a share link payload (`s=1.…`), or why it has none.
    pub input_link: String,
}

impl Provenance {
    /// The provenance of a search of `s` under `eval`, before any run.
    pub(crate) fn new(method: &str, budget_runs: u32, s: &Scenario, eval: &Evaluation) -> Provenance {
        let sized = eval.sized(s, s.seed);
        Provenance {
            method: String::from(method),
            budget_runs,
            runs_done: 0,
            search_seed: s.seed,
            seeds: eval.seed_list(s),
            n_users: sized.population.n_users,
            days: sized.days,
            engine_version: String::from(ENGINE_VERSION),
            model_version: MODEL_VERSION,
            input_link: link_of(s),
        }
    }
}

/// The share-link payload of a scenario, or the reason it has none (`no link: …`).
pub(crate) fn link_of(s: &Scenario) -> String {
    crate::link::encode(s).unwrap_or_else(|e| format!("no link: {}", e.message))
}

/// One batch of runs a search asks for: the candidates it wants judged and their scenarios, candidate by
/// candidate, each candidate once per seed (`scenarios.len() == candidates.len() × seeds`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Batch<C> {
    /// What is being judged, in order.
    pub candidates: Vec<C>,
    /// The runs, ready for [`crate::run`]: candidate `i`'s runs are `scenarios[i × seeds .. (i + 1) × seeds]`.
    pub scenarios: Vec<Scenario>,
}

/// A search as a state machine: propose a batch, fold its reports, until it proposes none.
pub trait Search {
    /// What one batch judges.
    type Candidate;
    /// The next batch to run, or `None` when the search is done (its budget spent or nothing left to try).
    fn propose(&self) -> Option<Batch<Self::Candidate>>;
    /// Takes a batch's reports, one per scenario in the batch's order.
    fn fold(&mut self, batch: Batch<Self::Candidate>, reports: &[Report]);
}

/// Runs a search to its end: each batch is handed to `runner`, which returns one report per scenario in order.
pub fn drive<S: Search>(search: &mut S, runner: &mut dyn FnMut(&[Scenario]) -> Vec<Report>) {
    while let Some(batch) = search.propose() {
        let reports = runner(&batch.scenarios);
        search.fold(batch, &reports);
    }
}

/// The runner of a single thread: each scenario in turn.
pub fn run_each(scenarios: &[Scenario]) -> Vec<Report> {
    scenarios.iter().map(run).collect()
}

/// The generator of one batch: the search's seed and the batch's number mixed, so that a batch's draws depend
/// on what came before only through the state.
pub(crate) fn dice_for(search_seed: u64, batch: u32) -> Dice {
    Dice::new(search_seed ^ u64::from(batch).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EA2_C4ED_0000_0000)
}

/// What a candidate did, summed over its runs (integers, so the order of the runs cannot change a figure).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Runs summed.
    pub runs: u32,
    /// Honest views of violating posts (every feed pattern).
    pub violating_views: u64,
    /// Honest views of any post.
    pub views: u64,
    /// Money moved by abuse (every pattern but exclusion), in fen.
    pub abuse_fen: u64,
    /// Honest engagement on genuine content.
    pub engagement: u64,
    /// Honest users refused at least once.
    pub honest_denied: u64,
    /// Honest users at the start.
    pub honest_users: u64,
}

impl Tally {
    /// The sums over some reports.
    pub fn of(reports: &[Report]) -> Tally {
        let mut t = Tally::default();
        for r in reports {
            t.runs += 1;
            t.violating_views += r
                .patterns
                .iter()
                .filter(|p| p.id.is_feed_content())
                .map(|p| p.violating_views)
                .sum::<u64>();
            t.views += r.health.views;
            t.abuse_fen += r
                .patterns
                .iter()
                .filter(|p| p.id != PatternId::Exclusion)
                .map(|p| p.fen_involved)
                .sum::<u64>();
            t.engagement += r.health.engagement;
            t.honest_denied += u64::from(r.health.honest_denied);
            t.honest_users += u64::from(r.health.honest_users);
        }
        t
    }

    /// Overall prevalence: of every 10,000 posts honest users viewed, how many were abuse of any kind.
    pub fn prevalence_per_10k(&self) -> f64 {
        ratio(self.violating_views, self.views) * 10_000.0
    }

    /// Money moved by abuse, in fen, mean per run.
    pub fn abuse_fen_per_run(&self) -> u64 {
        self.abuse_fen.checked_div(u64::from(self.runs)).unwrap_or(0)
    }
}

/// `part / whole` as a float (0 when `whole` is 0); one division of two integers, so the same on every platform.
pub(crate) fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Splits reports made candidate by candidate into one slice per candidate (`per` runs each).
pub(crate) fn per_candidate(reports: &[Report], per: usize) -> impl Iterator<Item = &[Report]> {
    reports.chunks(per.max(1))
}

/// The rule that let the most incidents of `id` through over some runs (its first entry, with the rule as data),
/// with its incidents over all the runs (ties go to the rule named first in the first run).
pub(crate) fn main_opener(reports: &[Report], id: PatternId) -> Option<(crate::report::OpenedBy, u64)> {
    let mut seen: Vec<(&crate::report::OpenedBy, u64)> = Vec::new();
    for r in reports {
        for o in r.pattern(id).map(|p| p.opened_by.as_slice()).unwrap_or_default() {
            match seen.iter_mut().find(|(first, _)| first.rule == o.rule) {
                Some((_, n)) => *n += o.incidents,
                None => seen.push((o, o.incidents)),
            }
        }
    }
    let mut best: Option<(&crate::report::OpenedBy, u64)> = None;
    for (o, n) in seen {
        if best.as_ref().is_none_or(|(_, b)| n > *b) {
            best = Some((o, n));
        }
    }
    best.map(|(o, n)| (o.clone(), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sized_caps_users_and_days_and_sets_the_seed() {
        let mut s = Scenario::default();
        s.population.n_users = 50_000;
        s.days = 30;
        let t = Evaluation::default().sized(&s, 9);
        assert_eq!((t.population.n_users, t.days, t.seed), (SEARCH_USERS, SEARCH_DAYS, 9));
        assert_eq!(Evaluation::default().runs_of(&s).len(), SEARCH_SEEDS as usize);
    }

    #[test]
    fn dice_differ_by_batch() {
        let mut a = dice_for(1, 0);
        let mut b = dice_for(1, 1);
        assert_ne!(a.unit(), b.unit());
    }
}
