//! Score farmers: they buy credit points by churning payments when the price of crossing a gate is worth it.

use crate::population::flag;
use crate::report::PatternId;
use crate::rule::{self, Attrs};
use crate::scenario::{Action, Condition, Gender};
use crate::sim::World;

impl World {
    /// A score farmer buys points toward the cheapest credit gate when the price beats what the gate is worth to it.
    pub(super) fn farm(&mut self, idx: u32, h: u32) {
        let crossed = self
            .users
            .get(idx as usize)
            .is_some_and(|u| u.flags & flag::CROSSED != 0);
        if !crossed {
            self.buy_points(idx, h);
        }
        // With or without bought points, it uses whatever it may: commenting on and messaging women's posts.
        let Some(c) = self.pick_circle(idx) else {
            return;
        };
        if !self.join(idx, c, h) {
            return;
        }
        for _ in 0..2 {
            let Some(serial) = self.glance(c) else {
                break;
            };
            let Some(author) = self
                .circles
                .get_mut(c)
                .and_then(|cs| cs.get_mut(serial))
                .map(|p| p.author)
            else {
                continue;
            };
            let female = self
                .users
                .get(author as usize)
                .is_some_and(|a| a.claimed_gender == Gender::Female);
            if !female || author == idx {
                continue;
            }
            let bought = self
                .users
                .get(idx as usize)
                .is_some_and(|u| u.flags & flag::BOUGHT != 0);
            if bought && self.may(c, Action::Comment, idx, author, h).is_some() {
                self.harm(author, PatternId::ScoreFarming);
            }
        }
    }

    /// Buys today's points toward the cheapest credit gate, if crossing it is worth the price and time left.
    pub(super) fn buy_points(&mut self, idx: u32, h: u32) {
        let credit_rules = self.s.platform.credit.clone();
        let Some(u) = self.users.get(idx as usize) else {
            return;
        };
        if u32::from(u.points_today) >= credit_rules.max_points_per_day || credit_rules.max_points_per_day == 0 {
            return;
        }
        let me = self.attrs(idx, h);
        // The author it wants to reach: a woman with an ordinary score.
        let target = Attrs {
            gender: Gender::Female,
            credit: self.s.population.credit.mean,
            ..me
        };
        let mut best: Option<(u16, usize, Action)> = None;
        for (c, spec) in self.s.circles.iter().enumerate() {
            if u.interests & (1 << (c % 32)) == 0 {
                continue;
            }
            for action in [
                Action::Join,
                Action::Comment,
                Action::Message,
                Action::Post,
                Action::Tip,
            ] {
                let rule = match action {
                    Action::Join => &spec.join,
                    other => match spec.rules.get(other) {
                        Some(r) => r,
                        None => continue,
                    },
                };
                if let Some(need) = rule::credit_needed(rule, &me, &target) {
                    if need > me.credit && best.is_none_or(|b| need < b.0) {
                        best = Some((need, c, action));
                    }
                }
            }
        }
        let Some((need, c, action)) = best else {
            // Nothing to buy: every gate it cares about is open to it already, or closed whatever the score.
            if let Some(u) = self.users.get_mut(idx as usize) {
                u.flags |= flag::CROSSED;
            }
            return;
        };
        let gap = u64::from(need - me.credit);
        let per_point_cost =
            u64::from(credit_rules.fen_paid_per_point) * u64::from(credit_rules.churn_cost_permille) / 1000;
        let price = gap * per_point_cost;
        let value = u64::from(u.budget_fen) * 30;
        let days_needed = gap.div_ceil(u64::from(credit_rules.max_points_per_day));
        let days_left = u64::from(self.total_hours.saturating_sub(h)) / 24;
        if price > value || days_needed > days_left.max(1) {
            return;
        }
        let today = (u64::from(credit_rules.max_points_per_day) - u64::from(u.points_today)).min(gap);
        let cost = today * per_point_cost;
        let volume = today * u64::from(credit_rules.fen_paid_per_point);
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        u.points_today += today as u16;
        u.flags |= flag::BOUGHT;
        u.credit = (u64::from(u.credit) + today).min(u64::from(crate::scenario::CREDIT_MAX)) as u16;
        let reached = u.credit >= need;
        if reached {
            u.flags |= flag::CROSSED;
        }
        let credit_now = u.credit;
        self.ledger.score_purchase += cost;
        let clause = self
            .s
            .circles
            .get(c)
            .and_then(|s| match action {
                Action::Join => Some(&s.join),
                other => s.rules.get(other),
            })
            .and_then(|r| {
                r.allow.iter().position(|cl| {
                    cl.conditions
                        .iter()
                        .any(|k| matches!(k, Condition::ActorCreditAtLeast(x) if *x == need))
                })
            })
            .unwrap_or(0) as u8;
        let key = rule::key(c, action, clause);
        let text = self.wants(PatternId::ScoreFarming).then(|| {
            format!(
                "hour {h}: user #{idx} (score farmer) churned ¥{} through payments for {today} points (now {credit_now}) to reach {need} and {} in {}",
                volume / 100,
                action.id(),
                self.circle_name(c)
            )
        });
        self.incident(PatternId::ScoreFarming, h, key, cost, text);
    }
}
