//! Agents: each archetype's strategy for one visit, reading the circle's rules and incentives and adapting to deterrence.
//!
//! A strategy is a plain function over a [`Visit`]: the rules by shared reference (never cloned, never
//! changed) and the parts of the run a visit may change by unique reference. Helpers that need less take less.

mod faker;
mod farmer;
mod harasser;
mod honest;
mod payment;
mod posting;
mod ring;
mod solicitor;

pub(crate) use honest::Reactions;

use crate::circle::CircleState;
use crate::dice::Dice;
use crate::exemplar::{Deed, Exemplar, ExemplarCircle, Who};
use crate::incentive::CircleIncentive;
use crate::moderation::{Desk, QueueItem};
use crate::people::People;
use crate::population::{flag, User};
use crate::report::PatternId;
use crate::rule;
use crate::rules::Rules;
use crate::scenario::{Action, Archetype, Condition, Gender, Ranking};
use crate::tallies::Tallies;

/// What one visit may read and change.
pub(crate) struct Visit<'w> {
    /// The rules, read-only.
    pub rules: &'w Rules,
    pub people: &'w mut People,
    /// Run-time state of each circle, by circle index.
    pub circles: &'w mut [CircleState],
    pub tallies: &'w mut Tallies,
    pub desk: &'w mut Desk,
    pub dice: &'w mut Dice,
}

/// One visit by user `idx` at hour `h`.
#[expect(
    clippy::indexing_slicing,
    reason = "indexes are enum discriminants into tables sized by the enum"
)]
pub(crate) fn act(v: &mut Visit, idx: u32, h: u32) {
    let a = v.people.user(idx).archetype;
    v.tallies.actions_by[crate::archetype::index(a)] += 1;
    match a {
        Archetype::Honest | Archetype::Lurker if v.people.user(idx).is_convert() => solicitor::solicit(v, idx, h),
        Archetype::Honest | Archetype::Lurker | Archetype::GenerousTipper => honest::visit(v, idx, h),
        Archetype::Solicitor => solicitor::solicit(v, idx, h),
        Archetype::IdentityFaker => faker::fake(v, idx, h),
        Archetype::Scammer => solicitor::scam(v, idx, h),
        Archetype::ScoreFarmer => farmer::farm(v, idx, h),
        Archetype::Harasser => harasser::harass(v, idx, h),
        Archetype::SybilRing => ring::ring(v, idx, h),
        Archetype::Launderer => ring::launder(v, idx, h),
        Archetype::BanEvader => {
            // Women evaders solicit, men harass: the two abuses the article saw banned.
            if v.people.user(idx).gender == Gender::Female {
                solicitor::solicit(v, idx, h);
            } else {
                harasser::harass(v, idx, h);
            }
        }
    }
}

impl Visit<'_> {
    /// Circle `c`'s run-time state.
    #[expect(clippy::indexing_slicing, reason = "one circle state per circle: c < n_circles")]
    fn circle(&mut self, c: usize) -> &mut CircleState {
        &mut self.circles[c]
    }

    /// Checks circle `c`'s rule for `actor` acting on `author` (the actor itself for join and post).
    ///
    /// The common answer, a rule open to all, is given where the check is made; only a rule with conditions
    /// pays for a call (which saved and restored six registers on every check).
    #[inline(always)]
    fn may(&self, c: usize, action: Action, actor: u32, author: u32, h: u32) -> Option<u8> {
        if self.rules.open_to_all(c, action) {
            return Some(0);
        }
        self.may_by_conditions(c, action, actor, author, h)
    }

    /// [`Visit::may`] for a rule with conditions: reads what the platform knows of the actor, and of the
    /// author where the rule asks.
    #[inline(never)]
    fn may_by_conditions(&self, c: usize, action: Action, actor: u32, author: u32, h: u32) -> Option<u8> {
        let me = self.people.attrs(actor, h);
        if actor == author || !self.rules.reads_author(c, action) {
            return self.rules.may(c, action, &me, &me);
        }
        rule::allows_fetching_author(self.rules.rule(c, action), &me, || self.people.attrs(author, h))
    }

    /// Queues an item for review in circle `c`.
    fn enqueue(&mut self, c: usize, item: QueueItem, by_classifier: bool) {
        let delay = self.rules.circle(c).moderation.review_delay_hours;
        self.desk
            .enqueue(c, item, by_classifier, delay, &mut self.tallies.moderation);
    }

    /// Marks user `idx` as harmed by a pattern, if in good faith (counted once per user and pattern).
    fn harm(&mut self, idx: u32, p: PatternId) {
        self.tallies.harm(self.people.user_mut(idx), p);
    }

    /// Who a user is, for exemplars.
    fn who(&self, idx: u32) -> Who {
        let u = self.people.user(idx);
        Who {
            archetype: u.archetype,
            converted: u.is_convert(),
        }
    }

    /// An exemplar of user `idx` doing `deed` in circle `c` at hour `h`.
    fn exemplar(&self, h: u32, idx: u32, c: usize, deed: Deed) -> Exemplar {
        Exemplar {
            hour: h,
            user: idx,
            circle: Some(ExemplarCircle {
                idx: c as u32,
                name: self.rules.circle_name(c).to_string(),
            }),
            deed,
        }
    }

    /// Counts a refusal of an honest user: every time a rule stops someone who wanted to act is an exclusion
    /// incident (so its rate is per opportunity and does not fade with run length), and the person is counted
    /// as excluded once.
    fn refuse(&mut self, idx: u32, c: usize, action: Action, h: u32) {
        let (u, m) = self.people.both_mut(idx);
        if !u.is_honest() {
            return;
        }
        let (gender, credit) = (u.gender, u.credit);
        if u.flags & flag::DENIED == 0 {
            u.flags |= flag::DENIED;
            self.tallies.health.denied_users += 1;
        }
        let first = m.mark_refused(c, action);
        self.tallies.health.denied(gender, credit, action, first);
        let key = self.rules.key(c, action, rule::REFUSED);
        if !first {
            self.tallies.incident(PatternId::Exclusion, h, key, 0, None);
        } else {
            self.harm(idx, PatternId::Exclusion);
            let text = self.tallies.wants(PatternId::Exclusion).then(|| {
                let who = self.who(idx);
                self.exemplar(
                    h,
                    idx,
                    c,
                    Deed::Refused {
                        who,
                        gender,
                        credit,
                        action,
                    },
                )
            });
            self.tallies.incident(PatternId::Exclusion, h, key, 0, text);
        }
    }

    /// Joins circle `c` if the join rule allows it; honest refusals are counted.
    ///
    /// Most visits are by members already: that answer is given where it is asked, without a call.
    #[inline(always)]
    fn join(&mut self, idx: u32, c: usize, h: u32) -> bool {
        if self.people.user(idx).joined & (1_u32 << (c % 32)) != 0 {
            return true;
        }
        self.join_anew(idx, c, h)
    }

    /// [`Visit::join`] for someone not yet a member.
    #[inline(never)]
    fn join_anew(&mut self, idx: u32, c: usize, h: u32) -> bool {
        let bit = 1_u32 << (c % 32);
        if self.people.knows_refused(idx, c, Action::Join) {
            // Still wanted in, still kept out.
            self.refuse(idx, c, Action::Join, h);
            return false;
        }
        if self.may(c, Action::Join, idx, idx, h).is_some() {
            self.people.user_mut(idx).joined |= bit;
            self.circle(c).members += 1;
            true
        } else {
            if identity_circle_for_others(self.rules, self.people.user(idx), c) {
                // Assumption: people rarely try to join a circle defined by an identity they do not have
                // (an office worker does not want Campus Diary); they lose interest rather than feel refused.
                self.people.user_mut(idx).interests &= !bit;
                return false;
            }
            self.refuse(idx, c, Action::Join, h);
            false
        }
    }

    /// Deterrence multiplier 0–1 for a bad actor in circle `c`: how often and how fast sanctions land there
    /// (what everyone sees), and what its own sanctions taught it there (see [`User::caution_in`]).
    fn boldness(&self, idx: u32, c: usize) -> f64 {
        let personal = self.people.user(idx).caution_in(c, self.rules.assume.caution_spill);
        let Some(cs) = self.circles.get(c) else {
            return 0.0;
        };
        // A pseudo-count that scales with the population (`Rules::deterrence_doubt`): a fixed 3 weighed ten
        // times more at 10,000 users than at 100,000.
        let rate = cs.sanctions_recent / (cs.violations_recent + self.rules.deterrence_doubt);
        let speed = 24.0 / (24.0 + cs.wait_recent);
        let circle = (rate * speed).min(self.rules.assume.deterrence_cap);
        (1.0 - circle) * (1.0 - personal / 1000.0)
    }

    /// A random interested circle.
    #[inline]
    fn pick_circle(&mut self, idx: u32) -> Option<usize> {
        let interests = self.people.user(idx).interests;
        let n = interests.count_ones();
        if n == 0 {
            return None;
        }
        // The k-th interest, counting from the lowest bit: drop the k lowest set bits, then read the next one (a
        // walk over every circle tested each bit and branched on it).
        let mut rest = interests;
        for _ in 0..self.dice.below(n) {
            rest &= rest - 1;
        }
        let c = rest.trailing_zeros() as usize;
        (c < self.rules.n_circles().min(32)).then_some(c)
    }

    /// The interested, joinable circle where this user may post with the best value of `value` times its
    /// boldness there; returns the circle, `value` there, and the clause that lets it post.
    fn best_circle(
        &mut self,
        idx: u32,
        h: u32,
        value: impl Fn(&CircleIncentive, Ranking) -> f64,
    ) -> Option<(usize, f64, u8)> {
        let interests = self.people.user(idx).interests;
        let mut best: Option<(usize, f64, u8, f64)> = None;
        for c in 0..self.rules.n_circles().min(32) {
            if interests & (1 << c) == 0 {
                continue;
            }
            let pull = value(self.rules.incentive(c), self.rules.circle(c).ranking);
            if pull <= 0.0 {
                continue;
            }
            // What a circle is worth to an abuser is what it pays times the nerve it takes there: where
            // sanctions land, or landed on this abuser, it moves to a laxer circle (displacement), and back
            // once the lesson fades. A little noise spreads abusers over equally attractive circles.
            let v = pull * self.boldness(idx, c) * (1.0 + 0.1 * self.dice.unit());
            if v <= 0.0 || best.is_some_and(|b| b.3 >= v) {
                continue;
            }
            if self.may(c, Action::Join, idx, idx, h).is_none() {
                continue;
            }
            if let Some(clause) = self.may(c, Action::Post, idx, idx, h) {
                best = Some((c, pull, clause, v));
            }
        }
        let (c, pull, clause, _) = best?;
        self.join(idx, c, h);
        Some((c, pull, clause))
    }
}

/// Whether the circle's join rule asks only for identities this user does not truly have.
pub(crate) fn identity_circle_for_others(rules: &Rules, u: &User, c: usize) -> bool {
    let join = &rules.circle(c).join;
    !join.allow.is_empty()
        && join.allow.iter().all(|cl| {
            cl.conditions
                .iter()
                .any(|k| matches!(k, Condition::ActorIdentity(i) if *i != u.identity))
        })
}
