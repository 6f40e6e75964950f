//! Agents: each archetype's strategy for one visit, reading the circle's rules and incentives and adapting to deterrence.

mod faker;
mod farmer;
mod harasser;
mod honest;
mod payment;
mod posting;
mod ring;
mod solicitor;

use crate::incentive::CircleIncentive;
use crate::population::flag;
use crate::report::PatternId;
use crate::rule::{self, Attrs};
use crate::scenario::{Action, Archetype, Condition, Gender, Ranking, VerificationLevel};
use crate::sim::World;

impl World {
    /// What the platform knows about a user at `h`.
    pub(crate) fn attrs(&self, idx: u32, h: u32) -> Attrs {
        match self.users.get(idx as usize) {
            Some(u) => Attrs {
                gender: u.claimed_gender,
                identity: u.claimed_identity,
                verification: u.verification,
                credit: u.credit,
                age_days: u.age_days(h),
            },
            None => Attrs {
                gender: Gender::Female,
                identity: crate::scenario::Identity::Other,
                verification: VerificationLevel::SelfDeclared,
                credit: crate::scenario::CREDIT_MIN,
                age_days: 0,
            },
        }
    }

    /// Checks a rule for `actor` acting on `author` (the actor itself for join and post).
    fn may(&self, c: usize, action: Action, actor: u32, author: u32, h: u32) -> Option<u8> {
        let spec = self.s.circles.get(c)?;
        let rule = match action {
            Action::Join => &spec.join,
            other => spec.rules.get(other)?,
        };
        rule::allows(rule, &self.attrs(actor, h), &self.attrs(author, h))
    }

    /// Counts a refusal of an honest user; each (user, circle, action) counts as an exclusion incident once.
    fn refuse(&mut self, idx: u32, c: usize, action: Action, h: u32) {
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        if !u.archetype.is_honest() {
            return;
        }
        let bit = c * 6 + action as usize;
        let (word, mask) = (bit / 32, 1_u32 << (bit % 32));
        let (gender, credit) = (u.gender, u.credit);
        if u.flags & flag::DENIED == 0 {
            u.flags |= flag::DENIED;
            self.health.denied_users += 1;
        }
        let Some(m) = self.memory.get_mut(idx as usize) else {
            return;
        };
        let first = m.denied.get(word).is_some_and(|w| w & mask == 0);
        if let Some(w) = m.denied.get_mut(word) {
            *w |= mask;
        }
        self.health.denied(gender, credit, action, first);
        if first {
            let key = rule::key(c, action, rule::REFUSED);
            self.harm(idx, PatternId::Exclusion);
            let wants = self
                .patterns
                .get(PatternId::Exclusion.index())
                .is_some_and(|t| t.wants_exemplar());
            let text = wants.then(|| {
                format!(
                    "hour {h}: user #{idx} ({}, {}, credit {credit}) wanted to {} in {} and was refused",
                    self.archetype_word(idx),
                    crate::scenario::gender_word(gender),
                    action.id(),
                    self.circle_name(c)
                )
            });
            self.incident(PatternId::Exclusion, h, key, 0, text);
        }
    }

    /// Whether an honest user already knows they are refused this action here (and so does not try again).
    fn knows_refused(&self, idx: u32, c: usize, action: Action) -> bool {
        // Most users are never refused: their flag spares a trip to the side table.
        if self.users.get(idx as usize).is_none_or(|u| u.flags & flag::DENIED == 0) {
            return false;
        }
        let bit = c * 6 + action as usize;
        self.memory
            .get(idx as usize)
            .and_then(|m| m.denied.get(bit / 32))
            .is_some_and(|w| w & (1 << (bit % 32)) != 0)
    }

    /// Records an incident of a pattern.
    fn incident(&mut self, p: PatternId, h: u32, key: u16, fen: u64, exemplar: Option<String>) {
        if let Some(t) = self.patterns.get_mut(p.index()) {
            t.record(h, key, fen);
            if let Some(text) = exemplar {
                if t.wants_exemplar() {
                    t.exemplars.push(text);
                }
            }
        }
    }

    /// Marks an honest user as harmed by a pattern (counted once per user and pattern).
    fn harm(&mut self, idx: u32, p: PatternId) {
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        if !u.archetype.is_honest() {
            return;
        }
        let bit = 1_u16 << p.index();
        if u.harmed & bit == 0 {
            u.harmed |= bit;
            if let Some(t) = self.patterns.get_mut(p.index()) {
                t.harmed += 1;
            }
        }
    }

    /// The circle's name, for exemplar sentences.
    fn circle_name(&self, c: usize) -> &str {
        self.s.circles.get(c).map_or("a circle", |s| s.name.as_str())
    }

    /// The archetype id of a user, for exemplar sentences.
    fn archetype_word(&self, idx: u32) -> &'static str {
        self.users.get(idx as usize).map_or("user", |u| u.archetype.id())
    }

    /// Joins circle `c` if the join rule allows it; honest refusals are counted.
    fn join(&mut self, idx: u32, c: usize, h: u32) -> bool {
        let bit = 1_u32 << (c % 32);
        if self.users.get(idx as usize).is_some_and(|u| u.joined & bit != 0) {
            return true;
        }
        if self.knows_refused(idx, c, Action::Join) {
            return false;
        }
        if self.may(c, Action::Join, idx, idx, h).is_some() {
            if let Some(u) = self.users.get_mut(idx as usize) {
                u.joined |= bit;
            }
            if let Some(circle) = self.circles.get_mut(c) {
                circle.members += 1;
            }
            true
        } else {
            if self.identity_circle_for_others(idx, c) {
                // Assumption: people rarely try to join a circle defined by an identity they do not have
                // (an office worker does not want Campus Diary); they lose interest rather than feel refused.
                if let Some(u) = self.users.get_mut(idx as usize) {
                    u.interests &= !bit;
                }
                return false;
            }
            self.refuse(idx, c, Action::Join, h);
            false
        }
    }

    /// Whether the circle's join rule asks only for identities this user does not truly have.
    fn identity_circle_for_others(&self, idx: u32, c: usize) -> bool {
        let (Some(u), Some(spec)) = (self.users.get(idx as usize), self.s.circles.get(c)) else {
            return false;
        };
        !spec.join.allow.is_empty()
            && spec.join.allow.iter().all(|cl| {
                cl.conditions
                    .iter()
                    .any(|k| matches!(k, Condition::ActorIdentity(i) if *i != u.identity))
            })
    }

    /// Deterrence multiplier 0–1 for a bad actor in circle `c`: how often and how fast sanctions land, and own sanctions.
    fn boldness(&self, idx: u32, c: usize) -> f64 {
        let personal = self.users.get(idx as usize).map_or(0, |u| u.caution);
        let circle = match self.circles.get(c) {
            Some(cs) => {
                let rate = cs.sanctions_recent / (cs.violations_recent + 3.0);
                let speed = 24.0 / (24.0 + cs.wait_recent);
                (rate * speed).min(0.9)
            }
            None => 0.0,
        };
        (1.0 - circle) * (1.0 - f64::from(personal.min(1000)) / 1000.0)
    }

    /// A random interested circle.
    fn pick_circle(&mut self, idx: u32) -> Option<usize> {
        let interests = self.users.get(idx as usize)?.interests;
        let n = interests.count_ones();
        if n == 0 {
            return None;
        }
        let mut k = self.dice.below(n);
        for c in 0..self.circles.len().min(32) {
            if interests & (1 << c) != 0 {
                if k == 0 {
                    return Some(c);
                }
                k -= 1;
            }
        }
        None
    }

    /// The interested, joinable circle where this user may post with the best value of `value`.
    fn best_circle(
        &mut self,
        idx: u32,
        h: u32,
        value: impl Fn(&CircleIncentive, Ranking) -> f64,
    ) -> Option<(usize, f64, u8)> {
        let interests = self.users.get(idx as usize)?.interests;
        let mut best: Option<(usize, f64, u8)> = None;
        for c in 0..self.circles.len().min(32) {
            if interests & (1 << c) == 0 {
                continue;
            }
            let (Some(inc), Some(spec)) = (self.incentives.get(c), self.s.circles.get(c)) else {
                continue;
            };
            let v = value(inc, spec.ranking);
            if v <= 0.0 {
                continue;
            }
            // A little noise spreads abusers over equally attractive circles.
            let v = v * (1.0 + 0.1 * self.dice.unit());
            if v <= 0.0 || best.is_some_and(|b| b.1 >= v) {
                continue;
            }
            if self.may(c, Action::Join, idx, idx, h).is_none() {
                continue;
            }
            if let Some(clause) = self.may(c, Action::Post, idx, idx, h) {
                best = Some((c, v, clause));
            }
        }
        if let Some((c, _, _)) = best {
            self.join(idx, c, h);
        }
        best
    }

    /// Whether the pattern still wants exemplar sentences (so strings are built only when kept).
    fn wants(&self, p: PatternId) -> bool {
        self.patterns.get(p.index()).is_some_and(|t| t.wants_exemplar())
    }

    /// Whether the circle has direct messages at all.
    fn dm_open(&self, c: usize) -> bool {
        self.s.circles.get(c).is_some_and(|s| s.contact.direct_messages)
    }

    /// Whether members of the circle can report.
    fn reports_on(&self, c: usize) -> bool {
        self.s.circles.get(c).is_some_and(|s| s.moderation.user_reports)
    }

    /// One visit by user `idx` at hour `h`.
    pub(crate) fn act(&mut self, idx: u32, h: u32) {
        let Some(u) = self.users.get(idx as usize) else {
            return;
        };
        let a = u.archetype;
        self.actions_by[crate::archetype::index(a)] += 1;
        match a {
            Archetype::Honest | Archetype::Lurker | Archetype::GenerousTipper => self.honest_visit(idx, h),
            Archetype::Solicitor => self.solicit(idx, h),
            Archetype::IdentityFaker => self.fake(idx, h),
            Archetype::Scammer => self.scam(idx, h),
            Archetype::ScoreFarmer => self.farm(idx, h),
            Archetype::Harasser => self.harass(idx, h),
            Archetype::SybilRing => self.ring(idx, h),
            Archetype::Launderer => self.launder(idx, h),
            Archetype::BanEvader => {
                // Women evaders solicit, men harass: the two abuses the article saw banned.
                let female = self.users.get(idx as usize).is_some_and(|u| u.gender == Gender::Female);
                if female {
                    self.solicit(idx, h);
                } else {
                    self.harass(idx, h);
                }
            }
        }
    }
}
