//! Moderation: reports and classifier flags queue items; reviewers with a daily capacity and a delay sanction authors.
//!
//! Sanctions feed back as deterrence: abusers read how often and how fast sanctions land in a circle.
//! The hour loop calls [`Desk::review_hour`] once an hour; agents call [`Desk::enqueue`]. This module is a
//! leaf: it changes the parts of a run it is handed and knows nothing of the loop.

use std::collections::BinaryHeap;

use crate::circle::CircleState;
use crate::dice::Dice;
use crate::exemplar::{Deed, Exemplar};
use crate::people::People;
use crate::population::{flag, Status, User};
use crate::report::PatternId;
use crate::rule;
use crate::rules::Rules;
use crate::scenario::{BanReturn, SanctionKind, VerificationLevel, CREDIT_MIN};
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

/// Longest the platform's queue may grow; past it new items are dropped (a team this far behind triages).
const QUEUE_CAP: usize = 1_000_000;

/// An item in the platform's queue, ordered for the team: the earliest ready first (an item waits its
/// circle's review delay), classifier flags before user reports among items ready together, then first come.
struct Waiting {
    ready: u32,
    tier: u8,
    seq: u64,
    circle: usize,
    item: QueueItem,
}

impl Waiting {
    fn key(&self) -> (u32, u8, u64) {
        (self.ready, self.tier, self.seq)
    }
}

impl PartialEq for Waiting {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for Waiting {}
impl PartialOrd for Waiting {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Waiting {
    /// Reversed, so the max-heap pops the smallest key: the item the team takes next.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.key().cmp(&self.key())
    }
}

/// The review desk: one platform-wide team working one priority queue routed across every circle.
///
/// The team's size is the circles' mean setting of reviews per day per 10,000 users, times the users: each
/// circle's policy funds its share of one team, so splitting a circle in four does not hire four teams.
pub(crate) struct Desk {
    queue: BinaryHeap<Waiting>,
    seq: u64,
    /// Review capacity banked this hour, in thousandths of a review.
    review_credit: u64,
}

impl Desk {
    /// An empty queue.
    pub(crate) fn new() -> Desk {
        Desk {
            queue: BinaryHeap::new(),
            seq: 0,
            review_credit: 0,
        }
    }

    /// Items waiting.
    pub(crate) fn backlog(&self) -> usize {
        self.queue.len()
    }

    /// Queues an item from circle `c` (which sets its review delay); `by_classifier` tells flags from reports.
    pub(crate) fn enqueue(
        &mut self,
        c: usize,
        item: QueueItem,
        by_classifier: bool,
        delay_hours: u32,
        tally: &mut ModerationTally,
    ) {
        if by_classifier {
            tally.classifier_flags += 1;
        } else {
            tally.reports_filed += 1;
        }
        if self.queue.len() < QUEUE_CAP {
            self.seq += 1;
            self.queue.push(Waiting {
                ready: item.hour.saturating_add(delay_hours),
                tier: u8::from(!by_classifier),
                seq: self.seq,
                circle: c,
                item,
            });
        }
    }

    /// Thousandths of a review the team does per hour.
    fn per_hour_milli(rules: &Rules) -> u64 {
        let n = rules.n_circles().max(1) as u64;
        let settings: u64 = (0..rules.n_circles())
            .map(|c| u64::from(rules.circle(c).moderation.reviews_per_day_per_10k_users))
            .sum();
        // settings / n per 10,000 users a day: × users ÷ 10,000 ÷ 24 hours × 1,000 thousandths.
        settings * u64::from(rules.n_users) / n / 240
    }

    /// Reviews what the team's capacity allows this hour, taking ready items in priority order and applying
    /// each verdict as it is reached.
    pub(crate) fn review_hour(
        &mut self,
        h: u32,
        rules: &Rules,
        people: &mut People,
        circles: &mut [CircleState],
        tallies: &mut Tallies,
        dice: &mut Dice,
    ) {
        let per_hour_milli = Self::per_hour_milli(rules);
        self.review_credit += per_hour_milli;
        let expiry = rules.assume.review_expiry_hours;
        // A team this far behind drops what has waited too long (the post has left the feed; the moment has
        // passed) rather than spend its day on last week: so the wait a report meets stays bounded, and a run's
        // second week reads like its first instead of sinking under an ever-growing queue.
        while let Some(top) = self.queue.peek().filter(|w| w.ready <= h) {
            let stale = h.saturating_sub(top.item.hour) > expiry;
            if !stale && self.review_credit < 1000 {
                break;
            }
            let Some(w) = self.queue.pop() else {
                break;
            };
            if stale {
                tallies.moderation.expired += 1;
                continue;
            }
            self.review_credit -= 1000;
            let Some(circle) = circles.get_mut(w.circle) else {
                continue;
            };
            let verdict = review(w.circle, w.item, h, rules, people, circle, tallies, dice);
            if let Some((author, mistaken)) = verdict {
                sanction(w.circle, author, h, mistaken, rules, people, tallies, dice);
            }
        }
        // Reviewers cannot bank idle hours.
        self.review_credit = self.review_credit.min(per_hour_milli.max(1000));
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
    // Reviewers err both ways on every kind of item: they miss some real violations and uphold some honest ones.
    let wrong = dice.below(100) < u32::from(err);
    let uphold = item.violation.is_some() != wrong;
    if !uphold {
        return None;
    }
    let still_same_account = people.user(item.author).generation == item.author_generation;
    if let Some(serial) = item.post {
        if let Some(p) = circle.get_mut(serial) {
            p.set(crate::circle::flag::HIDDEN);
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
#[expect(
    clippy::too_many_arguments,
    reason = "the parts of the run a sanction changes, each by its own reference"
)]
fn sanction(
    c: usize,
    idx: u32,
    h: u32,
    mistaken: bool,
    rules: &Rules,
    people: &mut People,
    tallies: &mut Tallies,
    dice: &mut Dice,
) {
    let m = &rules.circle(c).moderation;
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
        u.suffer(20);
    }
    let escalate = m.ban_after_strikes > 0 && u32::from(u.strikes) >= m.ban_after_strikes;
    let kind = if escalate { SanctionKind::Ban } else { m.sanction };
    match kind {
        SanctionKind::Remove => {
            u.learn_caution(c, rules.assume.caution_after_removal, rules.assume.caution_spill);
        }
        SanctionKind::Suspend => {
            tallies.moderation.suspensions += 1;
            u.learn_caution(c, 400, rules.assume.caution_spill);
            u.status = Status::Suspended;
            u.suspended_until = h.saturating_add(m.suspend_days.saturating_mul(24));
        }
        SanctionKind::Ban => {
            tallies.moderation.bans += 1;
            u.status = Status::Banned;
            if !u.in_good_faith() {
                let earned = people.memory(idx).earned_fen;
                let at = h.saturating_add(rules.assume.evader_wait_hours);
                match decide_return(people.user(idx), earned, h, rules, tallies, dice) {
                    Some(key) => comeback(idx, at, key, rules, people, tallies),
                    // Bans remove accounts, not the supply of people who abuse: someone else takes the place.
                    None if dice.below(100) < rules.assume.abuser_newcomer_percent => {
                        successor(idx, at, rules, people, dice)
                    }
                    None => {}
                }
            }
        }
    }
}

/// Whether a banned abuser comes back, and through which ban rule: it weighs what the platform was worth to
/// it (what it earned per day here, or its daily means where it earns nothing, over the planning horizon)
/// against the price of a new account. Every bad-faith archetype decides, not only ban evaders: a ban
/// deters exactly those whom returning does not pay.
fn decide_return(
    u: &User,
    earned_fen: u32,
    h: u32,
    rules: &Rules,
    tallies: &mut Tallies,
    dice: &mut Dice,
) -> Option<u16> {
    let (ret, a) = (&rules.s.platform.bans, &rules.assume);
    let days_here = (u64::from(h.saturating_sub(u.account_created.max(0) as u32)) / 24).max(1);
    let per_day = (u64::from(earned_fen) / days_here).max(u64::from(u.budget_fen));
    let value = per_day * u64::from(a.planning_days);
    match ret.return_after_ban {
        BanReturn::Free => (value > a.fresh_account_effort_fen).then_some(rule::KEY_BAN_FREE),
        BanReturn::AtCost => {
            let cost = u64::from(ret.return_cost_fen) + a.fresh_account_effort_fen;
            (value > cost).then(|| {
                tallies.ledger.evasion_spend += u64::from(ret.return_cost_fen);
                rule::KEY_BAN_AT_COST
            })
        }
        BanReturn::RealNameBound => {
            // Only someone else's real name gets back in, and only if the checks miss it; the price is paid either way.
            let expected_cost = a.bought_account_fen * 100 / u64::from(100 - a.bought_account_caught_percent.min(99));
            if value <= expected_cost {
                return None;
            }
            tallies.ledger.evasion_spend += a.bought_account_fen;
            let caught = dice.below(100) < a.bought_account_caught_percent;
            (!caught).then_some(rule::KEY_BAN_REAL_NAME)
        }
    }
}

/// A new abuser of the same kind arrives at `at` in a banned one's place (same traits and means, a different
/// person): a fresh account, verified as often as any bad-faith account (a new person can verify their own
/// name), that has learned nothing and decides everything anew. Not ban evasion.
///
/// It takes over the banned user's record and one chain of visits, waiting as if suspended until `at`.
fn successor(idx: u32, at: u32, rules: &Rules, people: &mut People, dice: &mut Dice) {
    fresh_account(idx, at, rules, people);
    let (u, m) = people.both_mut(idx);
    u.verification = crate::population::draw_verification(&rules.s.population, true, dice);
    u.caution = 0;
    u.claimed_gender = u.gender;
    u.claimed_identity = u.identity;
    // A new person decides afresh whether to fake a claim or buy score; whether the place was ever sanctioned
    // stays marked (the archetype's tally counts places, not people).
    u.flags &= flag::SANCTIONED;
    m.forget_earnings();
    m.returned = false;
}

/// What any new account in a banned user's place starts with: the record waits as if suspended until `at`, a new
/// generation (reports about the old account no longer reach it), age 0, unverified, an ordinary score.
fn fresh_account(idx: u32, at: u32, rules: &Rules, people: &mut People) {
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
    m.last_post = u32::MAX;
}

/// A banned abuser returns at `at` with a fresh, unverified account.
///
/// Until then the account waits as if suspended: the user's one chain of visits resumes at `at` (the
/// calendar already holds their next visit), so a comeback neither skips the wait nor doubles the visits.
fn comeback(idx: u32, at: u32, key: u16, rules: &Rules, people: &mut People, tallies: &mut Tallies) {
    fresh_account(idx, at, rules, people);
    let (u, m) = people.both_mut(idx);
    u.caution /= 2;
    m.returned = true;
    if at >= rules.total_hours {
        // The return falls after the run: decided, but not seen.
        return;
    }
    let archetype = u.archetype;
    let t = tallies.pattern_mut(PatternId::BanEvasion);
    t.record(at, key, 0);
    if t.wants_exemplar() {
        t.exemplars.push(Exemplar {
            hour: at,
            user: idx,
            circle: None,
            deed: Deed::Comeback { archetype },
        });
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
        m.reviewer_error_percent = 0;
        m.sanction = SanctionKind::Suspend;
        let rules = Rules::new(crate::settings::sanitize(&s), Vec::new());
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
        let mut desk = Desk::new();
        desk.enqueue(0, violation(7, 0), false, 6, &mut tallies.moderation);
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
        let mut desk = Desk::new();
        for author in 0..5 {
            desk.enqueue(0, violation(author, 0), true, 0, &mut tallies.moderation);
        }
        // 240 reviews a day per 10k users, 1,000 users: one review an hour.
        desk.review_hour(0, &rules, &mut people, &mut circles, &mut tallies, &mut dice);
        assert_eq!((desk.backlog(), tallies.moderation.reviewed), (4, 1));
        assert_eq!(tallies.moderation.classifier_flags, 5);
    }
}
