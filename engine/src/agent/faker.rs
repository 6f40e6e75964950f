//! Identity fakers: they claim the gender or identity a gate asks for when verification lets them and the gain beats the price.

use super::{posting, solicitor, Visit};
use crate::circle::PostKind;
use crate::exemplar::Deed;
use crate::population::flag;
use crate::report::PatternId;
use crate::rule;
use crate::scenario::{Action, Gender, Identity, VerificationLevel};

/// An identity faker decides once whether a faked gender or identity opens a gate worth its price, then posts through it.
pub(super) fn fake(v: &mut Visit, idx: u32, h: u32) {
    if v.people.user(idx).flags & flag::FAKE_DECIDED == 0 {
        decide_fake(v, idx, h);
    }
    if v.people.user(idx).flags & flag::FAKED == 0 {
        return;
    }
    let Some((c, pull, clause)) = v.best_circle(idx, h, |inc, _| inc.solicit_pull) else {
        return;
    };
    let p = 0.5 * (0.5 + 0.5 * pull) * v.boldness(idx, c) * solicitor::willingness(v, idx, c);
    if !v.dice.chance(p) {
        return;
    }
    solicitor::count_post(v.people.memory_mut(idx));
    // Only a post the true attributes could not have made is identity fraud; the gate it got past opened it.
    let gate = {
        let claimed = v.people.attrs(idx, h);
        let u = v.people.user(idx);
        let mut truthful = claimed;
        truthful.gender = u.gender;
        truthful.identity = u.identity;
        let s = v.rules.circle(c);
        if rule::allows(&s.join, &truthful, &truthful).is_none() {
            rule::allows(&s.join, &claimed, &claimed).map(|cl| v.rules.key(c, Action::Join, cl))
        } else if rule::allows(&s.rules.post, &truthful, &truthful).is_none() {
            Some(v.rules.key(c, Action::Post, clause))
        } else {
            None
        }
    };
    let kind = if gate.is_some() {
        PostKind::Fake
    } else {
        PostKind::Genuine
    };
    if let (Some(_), Some(key)) = (posting::publish(v, idx, c, kind, clause, h), gate) {
        let text = v.tallies.wants(PatternId::IdentityFraud).then(|| {
            let u = v.people.user(idx);
            let deed = Deed::Persona {
                gender: (u.claimed_gender != u.gender).then_some((u.gender, u.claimed_gender)),
                identity: (u.claimed_identity != u.identity).then_some((u.identity, u.claimed_identity)),
            };
            v.exemplar(h, idx, c, deed)
        });
        v.tallies.incident(PatternId::IdentityFraud, h, key, 0, text);
    }
}

/// Decides once, on the first visit, which claim (if any) opens the most valuable gate for its price.
fn decide_fake(v: &mut Visit, idx: u32, h: u32) {
    let rules = v.rules;
    let mut truthful = v.people.attrs(idx, h);
    let u = v.people.user_mut(idx);
    u.flags |= flag::FAKE_DECIDED;
    let (true_gender, true_identity) = (u.gender, u.identity);
    let reservation = f64::from(u.reservation_fen);
    truthful.gender = true_gender;
    truthful.identity = true_identity;
    let ver = &rules.s.platform.verification;
    let price = |level: VerificationLevel| match level {
        VerificationLevel::SelfDeclared => Some(0_u64),
        VerificationLevel::DocumentChecked => Some(u64::from(ver.forged_document_fen)),
        VerificationLevel::RealNameBound => None,
    };
    let mut best: Option<(f64, Gender, Identity, u64, usize)> = None;
    for (c, spec) in rules.s.circles.iter().enumerate() {
        let inc = rules.incentive(c);
        let open_now = rule::allows(&spec.join, &truthful, &truthful).is_some()
            && rule::allows(&spec.rules.post, &truthful, &truthful).is_some();
        if open_now {
            continue;
        }
        // Try the claims a gate asks for: the other gender, and each identity.
        for g in [true_gender, other(true_gender)] {
            for id in [
                true_identity,
                Identity::Student,
                Identity::WhiteCollar,
                Identity::Overseas,
            ] {
                let mut claim = truthful;
                claim.gender = g;
                claim.identity = id;
                let opens = rule::allows(&spec.join, &claim, &claim).is_some()
                    && rule::allows(&spec.rules.post, &claim, &claim).is_some();
                if !opens {
                    continue;
                }
                let mut cost = 0_u64;
                let mut possible = true;
                for (changed, level) in [(g != true_gender, ver.gender), (id != true_identity, ver.identity)] {
                    if changed {
                        match price(level) {
                            Some(p) => cost += p,
                            None => possible = false,
                        }
                    }
                }
                if !possible {
                    continue;
                }
                // Expected gain: two enticing posts a day over the planning horizon, each worth what the rules
                // promise beyond this faker's own reservation (so fakers differ, and do not all flip at one price).
                let per_post = (solicitor::promise_for(
                    crate::scenario::Archetype::IdentityFaker,
                    inc,
                    rules.assume.contact_value_fen,
                ) - reservation)
                    .max(0.0);
                let gain = per_post * 2.0 * f64::from(rules.assume.planning_days);
                let net = gain - cost as f64;
                if net > 0.0 && best.is_none_or(|b| net > b.0) {
                    best = Some((net, g, id, cost, c));
                }
            }
        }
    }
    let Some((_, g, id, cost, c)) = best else {
        return;
    };
    v.tallies.ledger.evasion_spend += cost;
    let doc_used = (g != true_gender && ver.gender == VerificationLevel::DocumentChecked)
        || (id != true_identity && ver.identity == VerificationLevel::DocumentChecked);
    let u = v.people.user_mut(idx);
    if doc_used && v.dice.below(100) < u32::from(ver.forgery_caught_percent) {
        // Caught at the check: the claim is refused and the account remembers the scare, in the circle it aimed at.
        u.learn_caution(c, 400, v.rules.assume.caution_spill);
        u.flags |= flag::SANCTIONED;
        return;
    }
    u.claimed_gender = g;
    u.claimed_identity = id;
    u.flags |= flag::FAKED;
}

fn other(g: Gender) -> Gender {
    match g {
        Gender::Female => Gender::Male,
        Gender::Male => Gender::Female,
    }
}
