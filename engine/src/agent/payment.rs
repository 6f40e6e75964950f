//! Payments: tips within the circle's limits, prepayments to scammers, and what paying does to a credit score.

use crate::circle::PostKind;
use crate::moderation::QueueItem;
use crate::report::PatternId;
use crate::scenario::{Action, Archetype};
use crate::sim::World;

impl World {
    /// Pays a tip of about `want` fen to the author of post `serial`; returns the amount tipped.
    pub(super) fn tip(&mut self, payer: u32, c: usize, serial: u32, want: u64) -> Option<u64> {
        let spec = self.s.circles.get(c)?;
        let tips = spec.tips.clone();
        if !tips.enabled {
            return None;
        }
        let author = {
            let p = self.circles.get_mut(c)?.get_mut(serial)?;
            p.author
        };
        if author == payer {
            return None;
        }
        let u = self.users.get(payer as usize)?;
        let mut room = u64::from(u.budget_fen.saturating_sub(u.spent_today_fen));
        if tips.daily_cap_per_tipper_fen > 0 {
            room = room.min(u64::from(
                tips.daily_cap_per_tipper_fen.saturating_sub(u.spent_today_fen),
            ));
        }
        let amount = want.min(u64::from(tips.max_fen)).min(room);
        if amount < u64::from(tips.min_fen.max(1)) {
            return None;
        }
        let from = u.archetype;
        let to = self.users.get(author as usize)?.archetype;
        self.ledger.tip(from, to, amount, tips.fee_permille);
        if let Some(circle) = self.circles.get_mut(c) {
            circle.tipped_fen += amount;
            if let Some(p) = circle.get_mut(serial) {
                p.tips_fen += amount;
            }
            circle.feed_dirty = true;
        }
        self.pay(payer, amount);
        Some(amount)
    }

    /// Books a payment against the payer's daily budget; payments raise the credit score (the platform's rule).
    pub(super) fn pay(&mut self, payer: u32, amount: u64) {
        let per_point = self.s.platform.credit.fen_paid_per_point;
        let max_day = self.s.platform.credit.max_points_per_day;
        let Some(u) = self.users.get_mut(payer as usize) else {
            return;
        };
        u.spent_today_fen = u.spent_today_fen.saturating_add(amount.min(u64::from(u32::MAX)) as u32);
        if per_point == 0 {
            return;
        }
        u.paid_toward_point = u
            .paid_toward_point
            .saturating_add(amount.min(u64::from(u32::MAX)) as u32);
        while u.paid_toward_point >= per_point && u32::from(u.points_today) < max_day {
            u.paid_toward_point -= per_point;
            u.points_today += 1;
            u.credit = (u.credit + 1).min(crate::scenario::CREDIT_MAX);
        }
    }

    /// A tip amount this user would like to give: a share of what they can spend today.
    pub(super) fn tip_wish(&mut self, idx: u32, generous: f64) -> u64 {
        let budget = self.users.get(idx as usize).map_or(0, |u| u.budget_fen);
        let share = 0.1 + 0.5 * self.dice.unit();
        (f64::from(budget) * share * generous) as u64
    }

    /// Books what a tip means: money toward solicitation or identity fraud when it paid an abuser.
    pub(super) fn after_tip(&mut self, payer: u32, author: u32, kind: PostKind, amount: u64) {
        let p = match kind {
            PostKind::Solicit => PatternId::Solicitation,
            PostKind::Fake => PatternId::IdentityFraud,
            _ => return,
        };
        // The money counts toward the pattern; the tip itself is not another incident.
        if let Some(t) = self.patterns.get_mut(p.index()) {
            t.fen += amount;
        }
        // Tipping racy content is the tipper's choice (its money is counted); paying a faked persona is being deceived.
        if p == PatternId::IdentityFraud {
            self.harm(payer, p);
        }
        self.evader_money(author, amount);
        if let Some(a) = self.memory.get_mut(author as usize) {
            a.earned_fen = a.earned_fen.saturating_add(amount.min(u64::from(u32::MAX)) as u32);
        }
    }

    /// A viewer pays a scammer's prepayment, as a tip or by transfer in messages.
    pub(super) fn bite(&mut self, victim: u32, c: usize, serial: u32, scammer: u32, key: u16, h: u32) {
        let budget = self.users.get(victim as usize).map_or(0, |u| u.budget_fen);
        let want = u64::from(budget) * 3;
        let mut paid = None;
        if self.may(c, Action::Tip, victim, scammer, h).is_some() {
            paid = self.tip(victim, c, serial, want);
        }
        if paid.is_none() && self.dm_open(c) && self.may(c, Action::Message, victim, scammer, h).is_some() {
            let amount = want.min(50_000);
            if amount > 0 {
                let (from, to) = (
                    self.users
                        .get(victim as usize)
                        .map_or(Archetype::Honest, |u| u.archetype),
                    self.users
                        .get(scammer as usize)
                        .map_or(Archetype::Scammer, |u| u.archetype),
                );
                self.ledger.transfer(from, to, amount);
                self.pay(victim, amount);
                paid = Some(amount);
            }
        }
        let Some(amount) = paid else {
            return;
        };
        self.harm(victim, PatternId::Scam);
        let text = self.wants(PatternId::Scam).then(|| {
            format!(
                "hour {h}: user #{victim} paid ¥{}.{:02} to user #{scammer} (scammer) in {} for a meeting that never happened",
                amount / 100,
                amount % 100,
                self.circle_name(c)
            )
        });
        self.incident(PatternId::Scam, h, key, amount, text);
        let gen = self.users.get(scammer as usize).map_or(0, |u| u.generation);
        // Victims report often once they realise.
        if self.reports_on(c) && self.dice.chance(0.5) {
            self.enqueue(
                c,
                QueueItem {
                    hour: h,
                    author: scammer,
                    author_generation: gen,
                    post: Some(serial),
                    violation: Some(PatternId::Scam),
                },
                false,
            );
        }
    }
}
