//! The rules of a run: the sanitised scenario and what is derived from it once, read-only while the run goes.

use crate::incentive::{self, CircleIncentive};
use crate::rule::{self, Attrs};
use crate::scenario::{
    Action, BanReturn, Circle, Rule, Scenario, CIRCLES_MAX, CREDIT_MAX, CREDIT_MIN, DAYS_MAX, USERS_MAX, USERS_MIN,
};

/// The scenario a run obeys, with each circle's incentives read once.
///
/// INVARIANT: `incentives.len() == s.circles.len() >= 1`, so every circle index below `n_circles()` is valid.
pub(crate) struct Rules {
    /// The sanitised scenario.
    pub s: Scenario,
    /// What each circle's rules are worth to each strategy, by circle index.
    pub incentives: Vec<CircleIncentive>,
    /// Users in the run.
    pub n_users: u32,
    /// Hours in the run.
    pub total_hours: u32,
}

impl Rules {
    /// Reads a scenario that has already been sanitised.
    pub(crate) fn new(s: Scenario) -> Rules {
        let incentives = s
            .circles
            .iter()
            .map(|c| incentive::read(c, s.population.spending_median_fen_per_day))
            .collect();
        Rules {
            n_users: s.population.n_users,
            total_hours: s.days * 24,
            incentives,
            s,
        }
    }

    /// Circles in the run.
    pub(crate) fn n_circles(&self) -> usize {
        self.s.circles.len()
    }

    /// Circle `c`'s rules.
    #[expect(
        clippy::indexing_slicing,
        reason = "circle indexes come from 0..n_circles(); a bad one is a bug"
    )]
    pub(crate) fn circle(&self, c: usize) -> &Circle {
        &self.s.circles[c]
    }

    /// What circle `c`'s rules are worth to each strategy.
    #[expect(
        clippy::indexing_slicing,
        reason = "circle indexes come from 0..n_circles(); a bad one is a bug"
    )]
    pub(crate) fn incentive(&self, c: usize) -> &CircleIncentive {
        &self.incentives[c]
    }

    /// The rule for `action` in circle `c` (join lives on the circle, the others in its action rules).
    pub(crate) fn rule(&self, c: usize, action: Action) -> &Rule {
        let spec = self.circle(c);
        match action {
            Action::Join => &spec.join,
            Action::Post => &spec.rules.post,
            Action::Comment => &spec.rules.comment,
            Action::Praise => &spec.rules.praise,
            Action::Tip => &spec.rules.tip,
            Action::Message => &spec.rules.message,
        }
    }

    /// The clause of circle `c`'s rule for `action` that lets `actor` act on `author`, if any.
    pub(crate) fn may(&self, c: usize, action: Action, actor: &Attrs, author: &Attrs) -> Option<u8> {
        rule::allows(self.rule(c, action), actor, author)
    }

    /// Whether the circle has direct messages at all.
    pub(crate) fn dm_open(&self, c: usize) -> bool {
        self.circle(c).contact.direct_messages
    }

    /// Whether members of the circle can report.
    pub(crate) fn reports_on(&self, c: usize) -> bool {
        self.circle(c).moderation.user_reports
    }

    /// The circle's name, for exemplar sentences.
    pub(crate) fn circle_name(&self, c: usize) -> &str {
        self.circle(c).name.as_str()
    }

    /// The platform rule that lets banned people return (what opened ban evasion).
    pub(crate) fn ban_key(&self) -> u16 {
        match self.s.platform.bans.return_after_ban {
            BanReturn::AtCost => rule::KEY_BAN_AT_COST,
            _ => rule::KEY_BAN_FREE,
        }
    }
}

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
