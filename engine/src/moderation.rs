//! Moderation: reports and classifier flags queue items; reviewers with a daily capacity and a delay sanction authors.
//!
//! Sanctions feed back as deterrence: abusers read how often and how fast sanctions land in a circle.
//! The hour loop calls [`Desk::review_hour`] once an hour; agents call [`Desk::enqueue`]. This module is a
//! leaf: it changes the parts of a run it is handed and knows nothing of the loop.

use std::collections::VecDeque;

use crate::circle::CircleState;
use crate::dice::Dice;
use crate::people::People;
use crate::population::{flag, Status};
use crate::report::PatternId;
use crate::rule;
use crate::rules::Rules;
use crate::scenario::{Archetype, BanReturn, SanctionKind, VerificationLevel, CREDIT_MIN};
use crate::tallies::{ModerationTally, Tallies};

/// Something waiting for a reviewer.
#[derive(Clone, Debug)]
pub(crate) struct QueueItem {
    pub hour: u32,
    pub author: u32,
    pub author_generation: u8,
    /// The post to hide if upheld, if the item is a post.
    pub post: Option<u32>,
    /// The pattern it really is, or `None` for a mistaken flag on honest content.
    pub violation: Option<PatternId>,
}

/// Longest a queue may grow, per circle; past it new items are dropped (a team this far behind triages).
const QUEUE_CAP: usize = 200_000;

/// The review desk: each circle's queue and the review capacity banked for it.
pub(crate) struct Desk {
    queues: Vec<VecDeque<QueueItem>>,
    /// Review capacity banked this hour, in thousandths of a review, per circle.
    review_credit: Vec<u64>,
}

impl Desk {
    /// Empty queues for `n_circles` circles.
    pub(crate) fn new(n_circles: usize) -> Desk {
        Desk {
            queues: (0..n_circles).map(|_| VecDeque::new()).collect(),
            review_credit: vec![0; n_circles],
        }
    }

    /// Items waiting in every queue.
    pub(crate) fn backlog(&self) -> usize {
        self.queues.iter().map(VecDeque::len).sum()
    }

    /// Queues an item for review in circle `c`; `by_classifier` tells flags from user reports.
    pub(crate) fn enqueue(&mut self, c: usize, item: QueueItem, by_classifier: bool, tally: &mut ModerationTally) {
        if by_classifier {
            tally.classifier_flags += 1;
        } else {
            tally.reports_filed += 1;
        }
        debug_assert!(c < self.queues.len(), "circle {c} has no queue");
        if let Some(q) = self.queues.get_mut(c) {
            if q.len() < QUEUE_CAP {
                q.push_back(item);
            }
        }
    }

    /// Reviews what capacity allows in every circle this hour, applying each verdict as it is reached.
    pub(crate) fn review_hour(
        &mut self,
        h: u32,
        rules: &Rules,
        people: &mut People,
        circles: &mut [CircleState],
        tallies: &mut Tallies,
        dice: &mut Dice,
    ) {
        for (c, (queue, credit)) in self.queues.iter_mut().zip(self.review_credit.iter_mut()).enumerate() {
            let spec = rules.circle(c);
            let per_day = u64::from(spec.moderation.reviews_per_day_per_10k_users) * u64::from(rules.n_users);
            // Thousandths of a review per hour: per_day / 10,000 users / 24 hours × 1,000.
            let per_hour_milli = per_day / 240;
            let delay = spec.moderation.review_delay_hours;
            *credit += per_hour_milli;
            while *credit >= 1000 {
                let ready = queue.front().is_some_and(|it| it.hour.saturating_add(delay) <= h);
                if !ready {
                    break;
                }
                let Some(item) = queue.pop_front() else {
                    break;
                };
                *credit -= 1000;
                #[expect(clippy::indexing_slicing, reason = "one circle state per circle: c < n_circles")]
                let circle = &mut circles[c];
                let verdict = review(c, item, h, rules, people, circle, tallies, dice);
                if let Some((author, mistaken)) = verdict {
                    sanction(c, author, h, mistaken, rules, people, tallies);
                }
            }
            // Reviewers cannot bank idle hours.
            *credit = (*credit).min(per_hour_milli.max(1000));
        }
    }
}

/// Reviews one item: hides the post if upheld; returns the author to sanction, and whether by mistake.
#[expect(
    clippy::too_many_arguments,
    reason = "the signature names every part a review may change"
)]
fn review(
    c: usize,
    item: QueueItem,
    h: u32,
    rules: &Rules,
    people: &People,
    circle: &mut CircleState,
    tallies: &mut Tallies,
    dice: &mut Dice,
) -> Option<(u32, bool)> {
    tallies.moderation.reviewed += 1;
    let wait = h.saturating_sub(item.hour);
    tallies.moderation.wait_hours_total += u64::from(wait);
    circle.wait_recent = 0.9 * circle.wait_recent + 0.1 * f64::from(wait);
    let err = rules.circle(c).moderation.reviewer_error_percent;
    let uphold = match item.violation {
        Some(_) => true,
        None => dice.below(100) < u32::from(err),
    };
    if !uphold {
        return None;
    }
    let still_same_account = people.user(item.author).generation == item.author_generation;
    if let Some(serial) = item.post {
        if let Some(p) = circle.get_mut(serial) {
            if !p.hidden {
                p.hidden = true;
                circle.feed_dirty = true;
            }
        }
    }
    if !still_same_account {
        return None;
    }
    if item.violation.is_some() {
        circle.sanctions_recent += 1.0;
    } else {
        tallies.moderation.wrong_sanctions += 1;
    }
    Some((item.author, item.violation.is_none()))
}

/// Applies circle `c`'s sanction to a user (escalating to a ban after enough strikes).
fn sanction(c: usize, idx: u32, h: u32, mistaken: bool, rules: &Rules, people: &mut People, tallies: &mut Tallies) {
    let m = &rules.circle(c).moderation;
    let ret = &rules.s.platform.bans;
    let hours_left = rules.total_hours.saturating_sub(h);
    let u = people.user_mut(idx);
    if matches!(u.status, Status::Banned | Status::Left) {
        return;
    }
    tallies.moderation.sanctions += 1;
    u.strikes = u.strikes.saturating_add(1);
    if u.flags & flag::SANCTIONED == 0 && mistaken && u.in_good_faith() {
        tallies.health.wrongly_sanctioned += 1;
    }
    u.flags |= flag::SANCTIONED;
    if mistaken {
        u.flags |= flag::WRONGED;
        u.exposure = u.exposure.saturating_add(20);
    }
    let escalate = m.ban_after_strikes > 0 && u32::from(u.strikes) >= m.ban_after_strikes;
    let kind = if escalate { SanctionKind::Ban } else { m.sanction };
    match kind {
        SanctionKind::Remove => {
            u.caution = (u.caution + rules.assume.caution_after_removal).min(1000);
        }
        SanctionKind::Suspend => {
            tallies.moderation.suspensions += 1;
            u.caution = (u.caution + 400).min(1000);
            u.status = Status::Suspended;
            u.suspended_until = h.saturating_add(m.suspend_days.saturating_mul(24));
        }
        SanctionKind::Ban => {
            tallies.moderation.bans += 1;
            u.status = Status::Banned;
            // Ban evaders weigh coming back against the platform's ban rules.
            let wait = rules.assume.evader_wait_hours;
            if u.archetype == Archetype::BanEvader && hours_left > wait {
                let value = u64::from(u.budget_fen) * 30;
                let comes_back = match ret.return_after_ban {
                    BanReturn::Free => Some(rule::KEY_BAN_FREE),
                    BanReturn::AtCost if u64::from(ret.return_cost_fen) <= value => {
                        tallies.ledger.evasion_spend += u64::from(ret.return_cost_fen);
                        Some(rule::KEY_BAN_AT_COST)
                    }
                    BanReturn::AtCost | BanReturn::RealNameBound => None,
                };
                if let Some(key) = comes_back {
                    comeback(idx, h.saturating_add(wait), key, rules, people, tallies);
                }
            }
        }
    }
}

/// A banned evader returns at `at` with a fresh, unverified account.
///
/// Until then the account waits as if suspended: the user's one chain of visits resumes at `at` (the
/// calendar already holds their next visit), so a comeback neither skips the wait nor doubles the visits.
fn comeback(idx: u32, at: u32, key: u16, rules: &Rules, people: &mut People, tallies: &mut Tallies) {
    let (u, m) = people.both_mut(idx);
    u.status = Status::Suspended;
    u.suspended_until = at;
    u.generation = u.generation.saturating_add(1);
    u.account_created = at as i32;
    u.verification = VerificationLevel::SelfDeclared;
    // A new account starts at an ordinary score: the old one's history is gone.
    u.credit = rules.s.population.credit.mean.saturating_sub(40).max(CREDIT_MIN);
    u.strikes = 0;
    u.joined = 0;
    u.caution /= 2;
    m.last_post = u32::MAX;
    let t = tallies.pattern_mut(PatternId::BanEvasion);
    t.record(at.min(rules.total_hours.saturating_sub(1)), key, 0);
    if t.wants_exemplar() {
        t.exemplars.push(format!(
            "hour {at}: user #{idx} (ban evader) was banned and came back with a new account"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population;
    use crate::scenario::Scenario;

    /// A one-circle run's parts, with reviewers fast enough to clear one item an hour.
    fn parts(delay: u32) -> (Rules, People, Vec<CircleState>, Tallies, Dice) {
        let mut s = Scenario::default();
        s.population.n_users = 1000;
        s.circles.truncate(1);
        let m = &mut s.circles[0].moderation;
        m.reviews_per_day_per_10k_users = 240;
        m.review_delay_hours = delay;
        m.sanction = SanctionKind::Suspend;
        let rules = Rules::new(crate::settings::sanitize(&s));
        let mut dice = Dice::new(1);
        let (users, memory) = population::draw(&rules.s.population, rules.n_users, 1, &rules.assume, &mut dice);
        let hours = rules.total_hours;
        let people = People::new(users, memory);
        (rules, people, vec![CircleState::new()], Tallies::new(hours), dice)
    }

    fn violation(author: u32, hour: u32) -> QueueItem {
        QueueItem {
            hour,
            author,
            author_generation: 0,
            post: None,
            violation: Some(PatternId::Solicitation),
        }
    }

    #[test]
    fn an_upheld_report_waits_for_the_delay_then_sanctions_its_author() {
        let (rules, mut people, mut circles, mut tallies, mut dice) = parts(6);
        let mut desk = Desk::new(1);
        desk.enqueue(0, violation(7, 0), false, &mut tallies.moderation);
        assert_eq!((tallies.moderation.reports_filed, desk.backlog()), (1, 1));
        for h in 0..6 {
            desk.review_hour(h, &rules, &mut people, &mut circles, &mut tallies, &mut dice);
        }
        assert_eq!(desk.backlog(), 1, "reviewed before the delay");
        assert_eq!(people.user(7).strikes, 0);
        desk.review_hour(6, &rules, &mut people, &mut circles, &mut tallies, &mut dice);
        assert_eq!(desk.backlog(), 0);
        assert_eq!(people.user(7).strikes, 1);
        assert_eq!(people.user(7).status, Status::Suspended);
        assert_eq!((tallies.moderation.reviewed, tallies.moderation.suspensions), (1, 1));
    }

    #[test]
    fn capacity_limits_reviews_per_hour() {
        let (rules, mut people, mut circles, mut tallies, mut dice) = parts(0);
        let mut desk = Desk::new(1);
        for author in 0..5 {
            desk.enqueue(0, violation(author, 0), true, &mut tallies.moderation);
        }
        // 240 reviews a day per 10k users, 1,000 users: one review an hour.
        desk.review_hour(0, &rules, &mut people, &mut circles, &mut tallies, &mut dice);
        assert_eq!((desk.backlog(), tallies.moderation.reviewed), (4, 1));
        assert_eq!(tallies.moderation.classifier_flags, 5);
    }
}
