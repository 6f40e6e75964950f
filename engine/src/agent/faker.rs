//! Identity fakers: they claim the gender or identity a gate asks for when verification lets them and the gain beats the price.

use crate::circle::PostKind;
use crate::population::flag;
use crate::report::PatternId;
use crate::rule::{self};
use crate::scenario::{Action, Gender, VerificationLevel};
use crate::sim::World;

impl World {
    /// An identity faker decides once whether a faked gender or identity opens a gate worth its price, then posts through it.
    pub(super) fn fake(&mut self, idx: u32, h: u32) {
        if self
            .users
            .get(idx as usize)
            .is_some_and(|u| u.flags & flag::FAKE_DECIDED == 0)
        {
            self.decide_fake(idx, h);
        }
        let faked = self.users.get(idx as usize).is_some_and(|u| u.flags & flag::FAKED != 0);
        if !faked {
            return;
        }
        let Some((c, pull, clause)) = self.best_circle(idx, h, |inc, _| inc.solicit_pull) else {
            return;
        };
        let p = 0.5 * pull * self.boldness(idx, c) * self.payoff(idx);
        if !self.dice.chance(p) {
            return;
        }
        self.count_post(idx);
        // Only a post the true attributes could not have made is identity fraud; the gate it got past opened it.
        let gate = {
            let mut truthful = self.attrs(idx, h);
            let claimed = truthful;
            if let Some(u) = self.users.get(idx as usize) {
                truthful.gender = u.gender;
                truthful.identity = u.identity;
            }
            self.s.circles.get(c).and_then(|s| {
                if rule::allows(&s.join, &truthful, &truthful).is_none() {
                    rule::allows(&s.join, &claimed, &claimed).map(|cl| rule::key(c, Action::Join, cl))
                } else if rule::allows(&s.rules.post, &truthful, &truthful).is_none() {
                    Some(rule::key(c, Action::Post, clause))
                } else {
                    None
                }
            })
        };
        let needed_fake = gate.is_some();
        let kind = if needed_fake { PostKind::Fake } else { PostKind::Genuine };
        if let (Some(_), Some(key)) = (self.publish(idx, c, kind, clause, h), gate) {
            let claim = self.users.get(idx as usize).map(|u| {
                let mut parts = Vec::new();
                if u.claimed_gender != u.gender {
                    parts.push(format!(
                        "{} claiming to be {}",
                        crate::scenario::gender_word(u.gender),
                        crate::scenario::gender_word(u.claimed_gender)
                    ));
                }
                if u.claimed_identity != u.identity {
                    parts.push(format!(
                        "{} claiming to be {}",
                        crate::scenario::identity_word(u.identity),
                        crate::scenario::identity_word(u.claimed_identity)
                    ));
                }
                parts.join(", ")
            });
            let text = self.wants(PatternId::IdentityFraud).then(|| {
                format!(
                    "hour {h}: user #{idx} (identity faker, {}) posted a persona in {}",
                    claim.unwrap_or_default(),
                    self.circle_name(c)
                )
            });
            self.incident(PatternId::IdentityFraud, h, key, 0, text);
        }
    }

    /// Decides once, on the first visit, which claim (if any) opens the most valuable gate for its price.
    pub(super) fn decide_fake(&mut self, idx: u32, h: u32) {
        let hours_left = self.total_hours.saturating_sub(h);
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        u.flags |= flag::FAKE_DECIDED;
        let (true_gender, true_identity) = (u.gender, u.identity);
        let ver = self.s.platform.verification.clone();
        let price = |level: VerificationLevel| match level {
            VerificationLevel::SelfDeclared => Some(0_u64),
            VerificationLevel::DocumentChecked => Some(u64::from(ver.forged_document_fen)),
            VerificationLevel::RealNameBound => None,
        };
        let mut truthful = self.attrs(idx, h);
        truthful.gender = true_gender;
        truthful.identity = true_identity;
        let mut best: Option<(f64, Gender, crate::scenario::Identity, u64)> = None;
        for (c, spec) in self.s.circles.iter().enumerate() {
            let Some(inc) = self.incentives.get(c) else {
                continue;
            };
            let open_now = rule::allows(&spec.join, &truthful, &truthful).is_some()
                && rule::allows(&spec.rules.post, &truthful, &truthful).is_some();
            if open_now {
                continue;
            }
            // Try the claims a gate asks for: the other gender, and each identity.
            for g in [true_gender, other(true_gender)] {
                for id in [
                    true_identity,
                    crate::scenario::Identity::Student,
                    crate::scenario::Identity::WhiteCollar,
                    crate::scenario::Identity::Overseas,
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
                    // Expected income: two enticing posts a day for the rest of the run.
                    let gain =
                        inc.tip_income_per_post_fen * 2.0 * f64::from(hours_left) / 24.0 + 2_000.0 * inc.contact_pull;
                    let net = gain - cost as f64;
                    if net > 0.0 && best.is_none_or(|b| net > b.0) {
                        best = Some((net, g, id, cost));
                    }
                }
            }
        }
        let Some((_, g, id, cost)) = best else {
            return;
        };
        self.ledger.evasion_spend += cost;
        let doc_used = (g != true_gender && ver.gender == VerificationLevel::DocumentChecked)
            || (id != true_identity && ver.identity == VerificationLevel::DocumentChecked);
        if doc_used && self.dice.below(100) < u32::from(ver.forgery_caught_percent) {
            // Caught at the check: the claim is refused and the account remembers the scare.
            if let Some(u) = self.users.get_mut(idx as usize) {
                u.caution = (u.caution + 400).min(1000);
                u.flags |= flag::SANCTIONED;
            }
            return;
        }
        if let Some(u) = self.users.get_mut(idx as usize) {
            u.claimed_gender = g;
            u.claimed_identity = id;
            u.flags |= flag::FAKED;
        }
    }
}

fn other(g: Gender) -> Gender {
    match g {
        Gender::Female => Gender::Male,
        Gender::Male => Gender::Female,
    }
}
