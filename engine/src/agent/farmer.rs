//! Score farmers: they buy credit points by churning payments when the price of crossing a gate is worth it.

use super::{honest, Visit};
use crate::exemplar::Deed;
use crate::population::flag;
use crate::report::PatternId;
use crate::rule::{self, Attrs};
use crate::scenario::{Action, Condition, Gender, CREDIT_MAX};

/// A score farmer buys points toward the cheapest credit gate when the price beats what the gate is worth to it.
pub(super) fn farm(v: &mut Visit, idx: u32, h: u32) {
    if v.people.user(idx).flags & flag::CROSSED == 0 {
        buy_points(v, idx, h);
    }
    // With or without bought points, it uses whatever it may: commenting on and messaging women's posts.
    let Some(c) = v.pick_circle(idx) else {
        return;
    };
    if !v.join(idx, c, h) {
        return;
    }
    for _ in 0..2 {
        let Some((_, post)) = honest::glance(v, c) else {
            break;
        };
        let author = post.author;
        let female = v.people.user(author).claimed_gender == Gender::Female;
        if !female || author == idx {
            continue;
        }
        let bought = v.people.user(idx).flags & flag::BOUGHT != 0;
        if bought && v.may(c, Action::Comment, idx, author, h).is_some() {
            v.harm(author, PatternId::ScoreFarming);
        }
    }
}

/// Buys today's points toward the cheapest credit gate, if crossing it is worth the price and time left.
fn buy_points(v: &mut Visit, idx: u32, h: u32) {
    let rules = v.rules;
    let credit_rules = &rules.s.platform.credit;
    let u = v.people.user(idx);
    if u32::from(u.points_today) >= credit_rules.max_points_per_day || credit_rules.max_points_per_day == 0 {
        return;
    }
    let me = v.people.attrs(idx, h);
    // The author it wants to reach: a woman with an ordinary score.
    let target = Attrs {
        gender: Gender::Female,
        credit: rules.s.population.credit.mean,
        ..me
    };
    let mut best: Option<(u16, usize, Action)> = None;
    for c in 0..rules.n_circles() {
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
            if let Some(need) = rule::credit_needed(rules.rule(c, action), &me, &target) {
                if need > me.credit && best.is_none_or(|b| need < b.0) {
                    best = Some((need, c, action));
                }
            }
        }
    }
    let Some((need, c, action)) = best else {
        // Nothing to buy: every gate it cares about is open to it already, or closed whatever the score.
        v.people.user_mut(idx).flags |= flag::CROSSED;
        return;
    };
    let gap = u64::from(need - me.credit);
    let per_point_cost =
        u64::from(credit_rules.fen_paid_per_point) * u64::from(credit_rules.churn_cost_permille) / 1000;
    let price = gap * per_point_cost;
    // What the gate is worth: a month of its means, over the planning horizon (not the run's end).
    let horizon = u64::from(rules.assume.planning_days);
    let value = u64::from(u.budget_fen) * horizon;
    let days_needed = gap.div_ceil(u64::from(credit_rules.max_points_per_day));
    if price > value || days_needed > horizon {
        return;
    }
    let today = (u64::from(credit_rules.max_points_per_day) - u64::from(u.points_today)).min(gap);
    let cost = today * per_point_cost;
    let volume = today * u64::from(credit_rules.fen_paid_per_point);
    let u = v.people.user_mut(idx);
    u.points_today = u.points_today.saturating_add(today.min(u64::from(u16::MAX)) as u16);
    u.flags |= flag::BOUGHT;
    u.credit = (u64::from(u.credit) + today).min(u64::from(CREDIT_MAX)) as u16;
    if u.credit >= need {
        u.flags |= flag::CROSSED;
    }
    let credit_now = u.credit;
    v.tallies.ledger.score_purchase += cost;
    let clause = rules
        .rule(c, action)
        .allow
        .iter()
        .position(|cl| {
            cl.conditions
                .iter()
                .any(|k| matches!(k, Condition::ActorCreditAtLeast(x) if *x == need))
        })
        .unwrap_or(0) as u8;
    let key = v.rules.key(c, action, clause);
    let text = v.tallies.wants(PatternId::ScoreFarming).then(|| {
        v.exemplar(
            h,
            idx,
            c,
            Deed::ScoreFarming {
                fen: volume,
                points: today,
                credit: credit_now,
                need,
                action,
            },
        )
    });
    v.tallies.incident(PatternId::ScoreFarming, h, key, cost, text);
}
