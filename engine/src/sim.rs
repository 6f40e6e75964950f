//! The public face of a run: [`Simulation`] steps one in chunks, [`run`] does it whole.

use crate::report::Report;
use crate::scenario::{Circle, Scenario, CIRCLES_MAX, CREDIT_MAX, CREDIT_MIN, DAYS_MAX, USERS_MAX, USERS_MIN};
use crate::validate::{validate, RuleIssue, Severity};
use crate::world::World;

/// Clamps a scenario into the ranges the engine supports, so `run` never fails.
pub(crate) fn sanitize(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    s.days = s.days.clamp(1, DAYS_MAX);
    s.population.n_users = s.population.n_users.clamp(USERS_MIN, USERS_MAX);
    s.population.female_percent = s.population.female_percent.min(100);
    s.population.credit.mean = s.population.credit.mean.clamp(CREDIT_MIN, CREDIT_MAX);
    s.population.credit.std_dev = s.population.credit.std_dev.min(600);
    s.population.document_checked_percent = s.population.document_checked_percent.min(100);
    s.population.real_name_percent = s
        .population
        .real_name_percent
        .min(100 - s.population.document_checked_percent);
    s.circles.truncate(CIRCLES_MAX);
    if s.circles.is_empty() {
        s.circles.push(Circle::default());
    }
    for c in &mut s.circles {
        c.tips.max_fen = c.tips.max_fen.max(c.tips.min_fen);
        c.tips.fee_permille = c.tips.fee_permille.min(1000);
        c.contact.filter_recall_percent = c.contact.filter_recall_percent.min(100);
        c.moderation.classifier.recall_percent = c.moderation.classifier.recall_percent.min(100);
        c.moderation.classifier.false_positive_permille = c.moderation.classifier.false_positive_permille.min(1000);
        c.moderation.reviewer_error_percent = c.moderation.reviewer_error_percent.min(100);
        c.moderation.review_delay_hours = c.moderation.review_delay_hours.min(24 * DAYS_MAX);
        c.moderation.suspend_days = c.moderation.suspend_days.min(DAYS_MAX);
    }
    s.platform.verification.forgery_caught_percent = s.platform.verification.forgery_caught_percent.min(100);
    s
}

/// A run in progress: create it, advance it some hours, read a partial report, continue.
pub struct Simulation {
    world: World,
}

impl Simulation {
    /// Starts a run; refuses scenarios with validation errors (warnings are fine).
    pub fn new(s: &Scenario) -> Result<Simulation, Vec<RuleIssue>> {
        let errors: Vec<RuleIssue> = validate(s)
            .into_iter()
            .filter(|i| i.severity == Severity::Error)
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Simulation { world: World::new(s) })
    }

    /// Advances up to `hours` simulated hours, stopping at the end of the run.
    pub fn advance(&mut self, hours: u32) {
        for _ in 0..hours {
            if self.is_done() {
                break;
            }
            self.world.step();
        }
    }

    /// Hours simulated so far.
    pub fn hour(&self) -> u32 {
        self.world.hour()
    }

    /// Hours in the whole run.
    pub fn total_hours(&self) -> u32 {
        self.world.total_hours()
    }

    /// Whether the run has reached its end.
    pub fn is_done(&self) -> bool {
        self.world.hour() >= self.world.total_hours()
    }

    /// The report so far (same shape as the final one; series cover the hours done).
    pub fn report(&self) -> Report {
        self.world.report()
    }
}

/// Runs a whole scenario; values out of range are clamped rather than refused, so this never panics.
pub fn run(s: &Scenario) -> Report {
    let mut w = World::new(s);
    while w.hour() < w.total_hours() {
        w.step();
    }
    w.report()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_clamps_out_of_range_values() {
        let mut s = Scenario {
            days: 0,
            ..Scenario::default()
        };
        s.population.n_users = 5;
        s.circles.clear();
        let t = sanitize(&s);
        assert_eq!(t.days, 1);
        assert_eq!(t.population.n_users, USERS_MIN);
        assert_eq!(t.circles.len(), 1);
    }
}
