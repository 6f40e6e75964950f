//! Moderation: reports and classifier flags queue items; reviewers with a daily capacity and a delay sanction authors.
//!
//! Sanctions feed back as deterrence: abusers read how often and how fast sanctions land in a circle.

use crate::population::{flag, Status};
use crate::report::{ModerationReport, PatternId};
use crate::rule;
use crate::scenario::{BanReturn, SanctionKind};
use crate::sim::World;

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

/// Running moderation figures.
pub(crate) struct ModerationTally {
    pub reports_filed: u64,
    pub classifier_flags: u64,
    pub reviewed: u64,
    pub sanctions: u64,
    pub suspensions: u64,
    pub bans: u64,
    pub wrong_sanctions: u64,
    pub wait_hours_total: u64,
    pub backlog_hourly: Vec<u32>,
}

impl ModerationTally {
    /// Empty tallies for a run of `hours`.
    pub(crate) fn new(hours: u32) -> Self {
        ModerationTally {
            reports_filed: 0,
            classifier_flags: 0,
            reviewed: 0,
            sanctions: 0,
            suspensions: 0,
            bans: 0,
            wrong_sanctions: 0,
            wait_hours_total: 0,
            backlog_hourly: Vec::with_capacity(hours as usize),
        }
    }

    /// The report's view.
    pub(crate) fn report(&self) -> ModerationReport {
        ModerationReport {
            reports_filed: self.reports_filed,
            classifier_flags: self.classifier_flags,
            reviewed: self.reviewed,
            sanctions: self.sanctions,
            suspensions: self.suspensions,
            bans: self.bans,
            wrong_sanctions: self.wrong_sanctions,
            mean_hours_to_review: self.wait_hours_total.checked_div(self.reviewed).unwrap_or(0) as u32,
            backlog_hourly: self.backlog_hourly.clone(),
        }
    }
}

/// Longest a queue may grow, per circle; past it new items are dropped (a team this far behind triages).
const QUEUE_CAP: usize = 200_000;

impl World {
    /// Queues an item for review in circle `c`; `by_classifier` tells flags from user reports.
    pub(crate) fn enqueue(&mut self, c: usize, item: QueueItem, by_classifier: bool) {
        if by_classifier {
            self.moderation.classifier_flags += 1;
        } else {
            self.moderation.reports_filed += 1;
        }
        if let Some(q) = self.queues.get_mut(c) {
            if q.len() < QUEUE_CAP {
                q.push_back(item);
            }
        }
    }

    /// Reviews what capacity allows in every circle this hour.
    pub(crate) fn review_hour(&mut self, h: u32) {
        for c in 0..self.circles.len() {
            let Some(spec) = self.s.circles.get(c) else {
                continue;
            };
            let per_day = u64::from(spec.moderation.reviews_per_day_per_10k_users) * u64::from(self.n_users);
            // Thousandths of a review per hour: per_day / 10,000 users / 24 hours × 1,000.
            let per_hour_milli = per_day / 240;
            let delay = spec.moderation.review_delay_hours;
            let Some(credit) = self.review_credit.get_mut(c) else {
                continue;
            };
            *credit += per_hour_milli;
            loop {
                let credit_now = self.review_credit.get(c).copied().unwrap_or(0);
                if credit_now < 1000 {
                    break;
                }
                let ready = self
                    .queues
                    .get(c)
                    .and_then(|q| q.front())
                    .is_some_and(|it| it.hour.saturating_add(delay) <= h);
                if !ready {
                    break;
                }
                let Some(item) = self.queues.get_mut(c).and_then(|q| q.pop_front()) else {
                    break;
                };
                if let Some(cr) = self.review_credit.get_mut(c) {
                    *cr -= 1000;
                }
                self.review(c, item, h);
            }
            // Reviewers cannot bank idle hours.
            if let Some(cr) = self.review_credit.get_mut(c) {
                *cr = (*cr).min(per_hour_milli.max(1000));
            }
        }
    }

    fn review(&mut self, c: usize, item: QueueItem, h: u32) {
        self.moderation.reviewed += 1;
        let wait = h.saturating_sub(item.hour);
        self.moderation.wait_hours_total += u64::from(wait);
        if let Some(circle) = self.circles.get_mut(c) {
            circle.wait_recent = 0.9 * circle.wait_recent + 0.1 * f64::from(wait);
        }
        let err = self.s.circles.get(c).map_or(0, |s| s.moderation.reviewer_error_percent);
        let uphold = match item.violation {
            Some(_) => true,
            None => self.dice.below(100) < u32::from(err),
        };
        if !uphold {
            return;
        }
        let still_same_account = self
            .users
            .get(item.author as usize)
            .is_some_and(|u| u.generation == item.author_generation);
        if let (Some(serial), Some(circle)) = (item.post, self.circles.get_mut(c)) {
            if let Some(p) = circle.get_mut(serial) {
                if !p.hidden {
                    p.hidden = true;
                    circle.feed_dirty = true;
                }
            }
        }
        if !still_same_account {
            return;
        }
        if item.violation.is_some() {
            if let Some(circle) = self.circles.get_mut(c) {
                circle.sanctions_recent += 1.0;
            }
        } else {
            self.moderation.wrong_sanctions += 1;
        }
        self.sanction(c, item.author, h, item.violation.is_none());
    }

    /// Applies the circle's sanction to a user (escalating to a ban after enough strikes).
    pub(crate) fn sanction(&mut self, c: usize, idx: u32, h: u32, mistaken: bool) {
        let Some(spec) = self.s.circles.get(c) else {
            return;
        };
        let m = spec.moderation.clone();
        let ret = self.s.platform.bans.clone();
        let hours_left = self.total_hours.saturating_sub(h);
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        if matches!(u.status, Status::Banned | Status::Left) {
            return;
        }
        self.moderation.sanctions += 1;
        u.strikes = u.strikes.saturating_add(1);
        if u.flags & flag::SANCTIONED == 0 && mistaken && u.archetype.is_honest() {
            self.health.wrongly_sanctioned += 1;
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
                u.caution = (u.caution + 250).min(1000);
            }
            SanctionKind::Suspend => {
                self.moderation.suspensions += 1;
                u.caution = (u.caution + 400).min(1000);
                u.status = Status::Suspended;
                u.suspended_until = h.saturating_add(m.suspend_days.saturating_mul(24));
            }
            SanctionKind::Ban => {
                self.moderation.bans += 1;
                u.status = Status::Banned;
                // Ban evaders weigh coming back against the platform's ban rules.
                if u.archetype == crate::scenario::Archetype::BanEvader && hours_left > 24 {
                    let value = u64::from(u.budget_fen) * 30;
                    let comes_back = match ret.return_after_ban {
                        BanReturn::Free => Some(rule::KEY_BAN_FREE),
                        BanReturn::AtCost if u64::from(ret.return_cost_fen) <= value => {
                            self.ledger.evasion_spend += u64::from(ret.return_cost_fen);
                            Some(rule::KEY_BAN_AT_COST)
                        }
                        BanReturn::AtCost | BanReturn::RealNameBound => None,
                    };
                    if let Some(key) = comes_back {
                        self.comeback(idx, h + 24, key);
                    }
                }
            }
        }
    }

    /// A banned evader returns at `at` with a fresh, unverified account.
    fn comeback(&mut self, idx: u32, at: u32, key: u16) {
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        u.status = Status::Active;
        u.generation = u.generation.saturating_add(1);
        u.account_created = at as i32;
        u.verification = crate::scenario::VerificationLevel::SelfDeclared;
        // A new account starts at an ordinary score: the old one's history is gone.
        u.credit = self
            .s
            .population
            .credit
            .mean
            .saturating_sub(40)
            .max(crate::scenario::CREDIT_MIN);
        u.strikes = 0;
        u.joined = 0;
        u.caution /= 2;
        if let Some(m) = self.memory.get_mut(idx as usize) {
            m.last_post = u32::MAX;
        }
        let Some(u) = self.users.get(idx as usize) else {
            return;
        };
        let _ = u;
        let label = format!("user #{idx}");
        let p = PatternId::BanEvasion.index();
        if let Some(t) = self.patterns.get_mut(p) {
            t.record(at.min(self.total_hours.saturating_sub(1)), key, 0);
            if t.wants_exemplar() {
                t.exemplars.push(format!(
                    "hour {at}: {label} (ban evader) was banned and came back with a new account"
                ));
            }
        }
        self.put_on_calendar(idx, at);
    }
}
