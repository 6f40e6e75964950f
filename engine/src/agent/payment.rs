//! Payments: tips within the circle's limits, prepayments to scammers, and what paying does to a credit score.

use super::Visit;
use crate::circle::PostKind;
use crate::dice::Dice;
use crate::exemplar::Deed;
use crate::moderation::QueueItem;
use crate::population::User;
use crate::report::PatternId;
use crate::scenario::{Action, Archetype, CreditRules, CREDIT_MAX};

/// Pays a tip of about `want` fen to the author of post `serial`; returns the amount tipped.
pub(super) fn tip(v: &mut Visit, payer: u32, c: usize, serial: u32, want: u64) -> Option<u64> {
    let rules = v.rules;
    let tips = &rules.circle(c).tips;
    if !tips.enabled {
        return None;
    }
    let post = v.circle(c).get_mut(serial)?;
    let (author, kind) = (post.author, post.kind());
    if author == payer {
        return None;
    }
    let u = v.people.user(payer);
    let (mut room, from) = (u64::from(u.budget_fen.saturating_sub(u.spent_today_fen)), u.archetype);
    // The cap is the circle's own: what this tipper gave in other circles, or spent on contacts, does not count.
    let capped = tips.daily_cap_per_tipper_fen > 0;
    if capped {
        let given = v.circle(c).tipped_today.get(&payer).copied().unwrap_or(0);
        room = room.min(u64::from(tips.daily_cap_per_tipper_fen.saturating_sub(given)));
    }
    let amount = want.min(u64::from(tips.max_fen)).min(room);
    if amount < u64::from(tips.min_fen.max(1)) {
        return None;
    }
    let to = v.people.archetype(author);
    v.tallies.ledger.tip(from, to, amount, tips.fee_permille);
    let circle = v.circle(c);
    circle.tipped_fen += amount;
    circle.market_earned(kind, amount);
    if capped {
        let given = circle.tipped_today.entry(payer).or_insert(0);
        *given = given.saturating_add(amount.min(u64::from(u32::MAX)) as u32);
    }
    if let Some(p) = circle.get_mut(serial) {
        p.add_tips(amount);
    }
    pay(v.people.user_mut(payer), &rules.s.platform.credit, amount);
    Some(amount)
}

/// Books a payment against the payer's daily budget; payments raise the credit score (the platform's rule).
pub(super) fn pay(u: &mut User, credit: &CreditRules, amount: u64) {
    let per_point = credit.fen_paid_per_point;
    u.spent_today_fen = u.spent_today_fen.saturating_add(amount.min(u64::from(u32::MAX)) as u32);
    if per_point == 0 {
        return;
    }
    u.paid_toward_point = u
        .paid_toward_point
        .saturating_add(amount.min(u64::from(u32::MAX)) as u32);
    // Points bought are a division, not a loop: a one-fen point price must not cost a loop turn per fen.
    let room_today = credit.max_points_per_day.saturating_sub(u32::from(u.points_today));
    let points = (u.paid_toward_point / per_point)
        .min(room_today)
        .min(u32::from(u16::MAX - u.points_today));
    u.paid_toward_point -= points * per_point;
    u.points_today += points as u16;
    u.credit = (u32::from(u.credit) + points).min(u32::from(CREDIT_MAX)) as u16;
}

/// A tip amount this user would like to give: a share of what they can spend today.
pub(super) fn tip_wish(u: &User, dice: &mut Dice, generous: f64) -> u64 {
    let share = 0.1 + 0.5 * dice.unit();
    (f64::from(u.budget_fen) * share * generous) as u64
}

/// Books what a tip means: money toward solicitation or identity fraud when it paid an abuser.
pub(super) fn after_tip(v: &mut Visit, payer: u32, author: u32, kind: PostKind, amount: u64) {
    let p = match kind {
        PostKind::Solicit => PatternId::Solicitation,
        PostKind::Fake => PatternId::IdentityFraud,
        _ => return,
    };
    // The money counts toward the pattern; the tip itself is not another incident.
    v.tallies.money(p, amount);
    // Tipping racy content is the tipper's choice (its money is counted); paying a faked persona is being deceived.
    if p == PatternId::IdentityFraud {
        v.harm(payer, p);
    }
    super::solicitor::evader_money(v, author, amount);
    v.people.memory_mut(author).earn(amount);
}

/// A viewer pays a scammer's prepayment for post `serial` (just shown), as a tip or by transfer in messages.
pub(super) fn bite(v: &mut Visit, victim: u32, c: usize, serial: u32, scammer: u32, h: u32) {
    let want = u64::from(v.people.user(victim).budget_fen) * 3;
    let mut paid = None;
    if v.may(c, Action::Tip, victim, scammer, h).is_some() {
        paid = tip(v, victim, c, serial, want);
    }
    if paid.is_none() && v.rules.dm_open(c) && v.may(c, Action::Message, victim, scammer, h).is_some() {
        let amount = want.min(50_000);
        if amount > 0 {
            let from: Archetype = v.people.user(victim).archetype;
            let to: Archetype = v.people.user(scammer).archetype;
            v.tallies.ledger.transfer(from, to, amount);
            pay(v.people.user_mut(victim), &v.rules.s.platform.credit, amount);
            paid = Some(amount);
        }
    }
    let Some(amount) = paid else {
        return;
    };
    v.harm(victim, PatternId::Scam);
    let text = v
        .tallies
        .wants(PatternId::Scam)
        .then(|| v.exemplar(h, victim, c, Deed::Scam { fen: amount, scammer }));
    let key = v.circle(c).origin(serial).rule_key;
    v.tallies.incident(PatternId::Scam, h, key, amount, text);
    let gen = v.people.user(scammer).generation;
    // Victims report often once they realise.
    if v.rules.reports_on(c) && v.dice.chance(0.5) {
        let item = QueueItem {
            hour: h,
            author: scammer,
            author_generation: gen,
            post: Some(serial),
            violation: Some(PatternId::Scam),
        };
        v.enqueue(c, item, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::population;
    use crate::scenario::Population;

    fn payer() -> User {
        let mut dice = Dice::new(3);
        let (mut users, _) = population::draw(
            &Population::default(),
            1,
            1,
            &crate::assumptions::Derived::default(),
            &mut dice,
        );
        let mut u = users.remove(0);
        u.credit = 600;
        u
    }

    fn price(fen_paid_per_point: u32, max_points_per_day: u32) -> CreditRules {
        CreditRules {
            fen_paid_per_point,
            max_points_per_day,
            ..CreditRules::default()
        }
    }

    #[test]
    fn payments_buy_whole_points_and_keep_the_change() {
        let mut u = payer();
        pay(&mut u, &price(100, 10), 250);
        assert_eq!(
            (u.points_today, u.credit, u.paid_toward_point, u.spent_today_fen),
            (2, 602, 50, 250)
        );
        pay(&mut u, &price(100, 10), 60);
        assert_eq!((u.points_today, u.credit, u.paid_toward_point), (3, 603, 10));
    }

    #[test]
    fn the_daily_cap_holds_the_rest_for_later() {
        let mut u = payer();
        pay(&mut u, &price(100, 3), 1_000);
        assert_eq!((u.points_today, u.credit, u.paid_toward_point), (3, 603, 700));
    }

    #[test]
    fn a_one_fen_point_with_no_real_cap_saturates_instead_of_wrapping() {
        let mut u = payer();
        // A million fen at one fen a point: the score tops out, the day's count stops at its type's limit.
        pay(&mut u, &price(1, u32::MAX), 1_000_000);
        assert_eq!(u.credit, CREDIT_MAX);
        assert_eq!(u.points_today, u16::MAX);
        pay(&mut u, &price(1, u32::MAX), 1_000_000);
        assert_eq!(u.points_today, u16::MAX);
    }
}
