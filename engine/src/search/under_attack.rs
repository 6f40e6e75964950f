//! Robust fixes: the points of a fix frontier judged again against one adversary (the red team's worst case),
//! so that each point's harm under attack can sit beside its ordinary harm.
//!
//! One batch: every point (the input's first) once per seed, each with the adversary in place of its own
//! population, as a frontier with `FrontierOptions::adversary` judges its fixes; harm is read as the frontier
//! read it (overall prevalence, or the pattern it minimised).

use serde::{Deserialize, Serialize};

use crate::report::{PatternId, Report};
use crate::scenario::Scenario;
use crate::search::frontier::{harm_parts, FrontierResult};
use crate::search::redteam::Adversary;
use crate::search::{per_candidate, ratio, Batch, Evaluation, Search};

/// The re-judging of a frontier's points against one adversary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnderAttack {
    /// The input's point, then the frontier's, each at the input's own size and seed.
    points: Vec<Scenario>,
    /// Whether the first of `points` is the input's (a frontier without one starts with its first point).
    has_input: bool,
    adversary: Adversary,
    harm: Option<PatternId>,
    evaluation: Evaluation,
    /// Harm of each point as the ratio of two integers (see `frontier::harm_parts`), once judged.
    judged: Option<Vec<(u64, u64)>>,
}

/// Each point's harm under attack, in the frontier's order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnderAttackResult {
    /// The input's harm under attack, when the frontier had the input's point.
    pub input: Option<f64>,
    /// Each frontier point's harm under attack, in the frontier's order.
    pub frontier: Vec<f64>,
}

impl UnderAttack {
    /// The points of `frontier` to judge against `adversary`, each run as `evaluation` says (the frontier's own).
    pub fn new(frontier: &FrontierResult, adversary: &Adversary, evaluation: &Evaluation) -> UnderAttack {
        UnderAttack {
            points: frontier
                .input
                .iter()
                .chain(&frontier.frontier)
                .map(|p| p.scenario.clone())
                .collect(),
            has_input: frontier.input.is_some(),
            adversary: adversary.clone(),
            harm: frontier.harm,
            evaluation: evaluation.clone(),
            judged: None,
        }
    }

    /// Runs the judging makes: every point once per seed.
    pub fn budget_runs(&self) -> u32 {
        self.points.len() as u32 * self.evaluation.seeds.max(1)
    }

    /// The harms found (empty until the batch is folded).
    pub fn result(&self) -> UnderAttackResult {
        let harms: Vec<f64> = self
            .judged
            .iter()
            .flatten()
            .map(|&(part, whole)| ratio(part, whole) * 10_000.0)
            .collect();
        let (input, frontier) = match (self.has_input, harms.split_first()) {
            (true, Some((first, rest))) => (Some(*first), rest.to_vec()),
            _ => (None, harms),
        };
        UnderAttackResult { input, frontier }
    }
}

impl Search for UnderAttack {
    /// A point's place in the frontier (the input's first).
    type Candidate = u32;

    fn propose(&self) -> Option<Batch<u32>> {
        if self.judged.is_some() || self.points.is_empty() {
            return None;
        }
        Some(Batch {
            candidates: (0..self.points.len() as u32).collect(),
            scenarios: self
                .points
                .iter()
                .flat_map(|p| self.evaluation.runs_of(&self.adversary.apply(p)))
                .collect(),
        })
    }

    fn fold(&mut self, _batch: Batch<u32>, reports: &[Report]) {
        let per = self.evaluation.seeds.max(1) as usize;
        self.judged = Some(
            per_candidate(reports, per)
                .map(|runs| harm_parts(runs, self.harm))
                .collect(),
        );
    }
}

/// Judges the points of `frontier` against `adversary` with `runner` (see [`crate::search::drive`]).
pub fn run_under_attack_with(
    frontier: &FrontierResult,
    adversary: &Adversary,
    evaluation: &Evaluation,
    runner: &mut dyn FnMut(&[Scenario]) -> Vec<Report>,
) -> UnderAttackResult {
    let mut search = UnderAttack::new(frontier, adversary, evaluation);
    crate::search::drive(&mut search, runner);
    search.result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::frontier::{run_frontier, FrontierOptions};
    use crate::search::run_each;

    #[test]
    fn a_frontier_judged_against_its_own_adversary_keeps_its_harms() {
        let mut s = crate::presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default();
        s.population.n_users = 2_000;
        s.days = 2;
        // An adversary unlike the launch's: all of it solicitors.
        let mut adversary = Adversary::of(&s);
        let total = adversary.total_permille();
        adversary.permille.iter_mut().for_each(|w| *w = 0);
        if let Some(first) = adversary.permille.first_mut() {
            *first = total;
        }
        let options = FrontierOptions {
            runs: 12,
            adversary: Some(adversary.clone()),
            evaluation: Evaluation {
                seeds: 1,
                ..Evaluation::default()
            },
            ..FrontierOptions::default()
        };
        let robust = run_frontier(&s, &options);
        assert!(!robust.frontier.is_empty());
        // Judged again against the adversary they were found under, the points keep the harms they were found with.
        let again = run_under_attack_with(&robust, &adversary, &options.evaluation, &mut run_each);
        let found: Vec<f64> = robust.frontier.iter().map(|p| p.harm).collect();
        assert_eq!(again.frontier, found);
        assert_eq!(again.input, robust.input.as_ref().map(|p| p.harm));
        // Against the launch's own population the same points do other harm: the adversary is what differs.
        let plain = run_under_attack_with(&robust, &Adversary::of(&s), &options.evaluation, &mut run_each);
        assert_ne!(plain.frontier, found);
    }
}
