//! Solicitors, scammers and ban evaders: they post where the rules let them and where it pays, and learn what it pays.

use super::{posting, Visit};
use crate::circle::PostKind;
use crate::exemplar::Deed;
use crate::incentive::CircleIncentive;
use crate::population::Memory;
use crate::report::PatternId;
use crate::scenario::Action;

/// How many posts' worth of experience a professional's prior (what the rules promise) weighs.
const LEARN_AFTER: u16 = 3;

/// 0–1: how much what one enticing post is expected to earn in circle `c` beats what it takes this person
/// to post one (their reservation value). Expectations start from the rules' promise (a professional
/// reads the tip page and the contact rules; an ordinary user remembers the tips they saw) and, after a
/// few posts, are what their own posts really earned. Smooth rather than a threshold: at the reservation
/// they post at half their pace; at twice it, four fifths; at half it, a fifth (people differ visit by visit).
pub(super) fn willingness(v: &Visit, idx: u32, c: usize) -> f64 {
    let ratio = expected_fen(v, idx, c) / f64::from(v.people.user(idx).reservation_fen.max(1));
    let r2 = ratio * ratio;
    r2 / (1.0 + r2)
}

/// What one enticing post by this user is expected to earn in circle `c`: a prior (the rules' promise for a
/// professional, what the feed showed for someone who turned to it), worth a fair try of posts at first and less
/// with every post made, blended with what their recent posts really earned: expectations move from hope to
/// experience within a fair try, then follow what posts earn now.
fn expected_fen(v: &Visit, idx: u32, c: usize) -> f64 {
    let (u, m) = (v.people.user(idx), v.people.memory(idx));
    let (prior, weight) = if u.is_convert() {
        // Someone who has started selling soon hears the going rate from others who sell (contacts included,
        // which the feed does not show); before there is one, what the tips in the feed suggested.
        let seen = v.rules.market_seen;
        let market = v.circles.get(c).and_then(|cs| cs.market_rate(PostKind::Solicit, seen));
        let prior = match market {
            Some(rate) => own_share(u, &v.rules.assume, rate),
            None => believed_pay_fen(u, &v.rules.assume),
        };
        (prior, v.rules.assume.stop_after_posts.max(1))
    } else {
        // A professional reads the market: what enticing posts of its kind earn here lately, or before there
        // is a market, what the rules promise.
        let market = v
            .circles
            .get(c)
            .and_then(|cs| cs.market_rate(enticing_kind(u.archetype), v.rules.market_seen));
        let promise = || promise_for(u.archetype, v.rules.incentive(c), v.rules.assume.contact_value_fen);
        (market.unwrap_or_else(promise), LEARN_AFTER)
    };
    let w = f64::from(weight.saturating_sub(m.posts));
    let n = f64::from(m.recent_posts);
    if w + n == 0.0 {
        return prior;
    }
    (prior * w + f64::from(m.recent_fen)) / (w + n)
}

/// What an ordinary user believes one enticing post of their own would earn: what they saw such posts earn,
/// and for a man a share of it (`assumptions.male_author_demand_percent`), since the demand side pays men's
/// enticing posts far less and the feed shows him so.
pub(super) fn believed_pay_fen(u: &crate::population::User, a: &crate::assumptions::Derived) -> f64 {
    own_share(u, a, f64::from(u.seen_pay_fen))
}

/// What an enticing post by this user would earn where such posts earn `fen`: all of it for a woman, a share
/// for a man (`assumptions.male_author_demand_percent`; the demand side pays men's enticing posts far less).
fn own_share(u: &crate::population::User, a: &crate::assumptions::Derived, fen: f64) -> f64 {
    if u.claimed_gender == crate::scenario::Gender::Male {
        fen * a.male_author_demand
    } else {
        fen
    }
}

/// The enticing kind of post an archetype sells: a faked persona for an identity faker, solicitation otherwise.
fn enticing_kind(a: crate::scenario::Archetype) -> PostKind {
    if a == crate::scenario::Archetype::IdentityFaker {
        PostKind::Fake
    } else {
        PostKind::Solicit
    }
}

/// What the rules promise one enticing post by this archetype: a faked persona earns tips only (it offers no
/// meeting, so no off-platform contact comes of it); a solicitor's post earns tips and contacts.
pub(super) fn promise_for(a: crate::scenario::Archetype, inc: &CircleIncentive, contact_value_fen: u32) -> f64 {
    if enticing_kind(a) == PostKind::Fake {
        inc.tip_income_per_post_fen
    } else {
        promise_fen(inc, contact_value_fen)
    }
}

/// What the rules of a circle promise one enticing post: tips, plus contacts where contact gets through.
pub(super) fn promise_fen(inc: &CircleIncentive, contact_value_fen: u32) -> f64 {
    inc.tip_income_per_post_fen + inc.contact_pull.min(1.0) * f64::from(contact_value_fen)
}

/// Counts an enticing post toward what the author learns the rules pay.
pub(super) fn count_post(m: &mut Memory) {
    m.count_post();
}

/// A solicitor posts where it may and where the rules make it pay, less when sanctions bite.
pub(super) fn solicit(v: &mut Visit, idx: u32, h: u32) {
    let Some((c, pull, clause)) = v.best_circle(idx, h, |inc, _| inc.solicit_pull) else {
        return;
    };
    if v.people.user(idx).is_convert() && stop_if_it_does_not_pay(v, idx, c) {
        return;
    }
    let p = v.rules.assume.solicit_post * (0.5 + 0.5 * pull) * v.boldness(idx, c) * willingness(v, idx, c);
    if !v.dice.chance(p) {
        return;
    }
    count_post(v.people.memory_mut(idx));
    if posting::publish(v, idx, c, PostKind::Solicit, clause, h).is_none() {
        return;
    }
    let key = v.rules.key(c, Action::Post, clause);
    let returned = v.people.memory(idx).returned;
    let text = v.tallies.wants(PatternId::Solicitation).then(|| {
        let who = v.who(idx);
        v.exemplar(
            h,
            idx,
            c,
            Deed::SolicitPost {
                who,
                replacement: returned,
            },
        )
    });
    v.tallies.incident(PatternId::Solicitation, h, key, 0, text);
    if v.people.user(idx).is_convert() {
        v.tallies.pattern_mut(PatternId::Solicitation).by_converts += 1;
    }
    if returned {
        let ban_key = v.rules.ban_key();
        v.tallies.incident(PatternId::BanEvasion, h, ban_key, 0, None);
    }
}

/// A scammer posts promised meetings where it may post and where prepayment can flow.
pub(super) fn scam(v: &mut Visit, idx: u32, h: u32) {
    let Some((c, pull, clause)) = v.best_circle(idx, h, |inc, _| inc.scam_pull) else {
        return;
    };
    let p = v.rules.assume.scam_post * pull * v.boldness(idx, c);
    if v.dice.chance(p) {
        posting::publish(v, idx, c, PostKind::Scam, clause, h);
    }
}

/// Whether `actor` is a ban evader on a replacement account (whose harm and money count as ban evasion too).
fn returned_evader(v: &Visit, actor: u32) -> bool {
    // Every banned abuser may come back now, not only ban evaders: whoever acts on a replacement account evades a
    // ban (a new person who took a banned abuser's place does not).
    v.people.memory(actor).returned
}

/// When a returned ban evader harms someone, that harm is ban evasion's too.
pub(super) fn evader_harm(v: &mut Visit, actor: u32, victim: u32) {
    if returned_evader(v, actor) {
        v.harm(victim, PatternId::BanEvasion);
    }
}

/// Money earned by a returned ban evader counts toward ban evasion.
pub(super) fn evader_money(v: &mut Visit, actor: u32, amount: u64) {
    if returned_evader(v, actor) {
        v.tallies.money(PatternId::BanEvasion, amount);
    }
}

/// A user who turned to soliciting goes back to ordinary life when it stops paying: when what a post is expected
/// to earn (what the feed showed, or after a fair try of `assumptions.stop_after_posts` posts what their own
/// posts earned) falls below a share of what it took them to start (`assumptions.stop_below_percent`, half by
/// default). Checked at every visit, so nobody stays "a seller" who no longer sells; a fifth of those it no
/// longer pays stop at each visit (people differ in how fast they give up).
fn stop_if_it_does_not_pay(v: &mut Visit, idx: u32, c: usize) -> bool {
    let reservation = f64::from(v.people.user(idx).reservation_fen);
    let floor = reservation * v.rules.assume.stop_below_percent as f64 / 100.0;
    if expected_fen(v, idx, c) >= floor || !v.dice.chance(0.2) {
        return false;
    }
    let (u, m) = v.people.both_mut(idx);
    u.flags &= !crate::population::flag::CONVERTED;
    m.forget_earnings();
    u.seen_pay_fen = 0;
    u.seen_pay_posts = 0;
    true
}
