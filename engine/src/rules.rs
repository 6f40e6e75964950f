//! The rules of a run: the sanitised scenario and what is derived from it once, read-only while the run goes.

use crate::assumptions::Derived;
use crate::dice::{ExpHours, ExpQuantiles};
use crate::incentive::{self, CircleIncentive};
use crate::rule::{self, Attrs};
use crate::scenario::{Action, Archetype, BanReturn, Circle, Rule, Scenario};

/// The scenario a run obeys, with each circle's incentives read once.
///
/// INVARIANT: `incentives.len() == s.circles.len() >= 1`, so every circle index below `n_circles()` is valid.
pub(crate) struct Rules {
    /// The sanitised scenario.
    pub s: Scenario,
    /// What each circle's rules are worth to each strategy, by circle index.
    pub incentives: Vec<CircleIncentive>,
    /// Users in the run.
    pub n_users: u32,
    /// Hours in the run.
    pub total_hours: u32,
    /// The pseudo-count of violations a circle's record of sanctions is read against: three per 10,000 users,
    /// so the record means the same at any size (read on every abuser's visit, so worked out once here).
    pub deterrence_doubt: f64,
    /// Enticing posts a circle's recent record must hold before its going rate is known: three per 10,000
    /// users, for the same reason as `deterrence_doubt` (a fixed 3 was known ten times sooner, relative to the
    /// circle's size, in a 100,000-user run than in a 10,000-user one).
    pub market_seen: f64,
    /// The scenario's assumptions as the hot path reads them (converted once, here).
    pub assume: Derived,
    /// How each kind of viewer reacts to each kind of post, from the assumptions (looked up on every glance).
    pub reactions: crate::agent::Reactions,
    /// How far back a glance at a feed reads, in whole hours by quantile (mean `assume.attention_hours`).
    pub feed_ages: ExpHours,
    /// Hours from one visit to the next, by archetype index: exponential with mean 24 / visits a day.
    visit_gaps: [ExpHours; 11],
    /// Bit `action` of entry `c`: whether circle `c`'s rule for that action has a condition on the author, so
    /// checks that have none never fetch the author's record (at a million users, a trip to memory).
    reads_author: Vec<u8>,
    /// Bit `action` of entry `c`: whether circle `c`'s rule for that action lets anyone through its first
    /// clause (no conditions), so the check needs nobody's record: the common "anyone may praise".
    open_to_all: Vec<u8>,
    /// Added to this rule set's keys, by circle and action (see [`Rules::key`]): which stage of the timeline
    /// each rule has stood unchanged since ([`crate::timeline::key_bases`]); empty for the launch's rules.
    key_bases: Vec<[u16; 6]>,
}

impl Rules {
    /// Reads a scenario that has already been sanitised; `key_bases` places its rule keys on the run's
    /// timeline (empty for the launch's rules).
    pub(crate) fn new(s: Scenario, key_bases: Vec<[u16; 6]>) -> Rules {
        let assume = Derived::new(&s.assumptions);
        let incentives = s
            .circles
            .iter()
            .map(|c| incentive::read(c, s.population.spending_median_fen_per_day, &assume))
            .collect();
        let reads_author = action_bits(&s, |rule| {
            rule.allow
                .iter()
                .any(|cl| cl.conditions.iter().any(|k| k.is_about_author()))
        });
        let open_to_all = action_bits(&s, |rule| rule.allow.first().is_some_and(|cl| cl.conditions.is_empty()));
        let per_10k_users = f64::from(s.population.n_users.max(1)) / 10_000.0;
        let quantiles = ExpQuantiles::new();
        Rules {
            reactions: crate::agent::Reactions::new(&assume),
            feed_ages: ExpHours::new(assume.attention_hours, &quantiles),
            visit_gaps: Archetype::ALL.map(|a| ExpHours::new(24.0 / assume.sessions(a), &quantiles)),
            open_to_all,
            reads_author,
            assume,
            n_users: s.population.n_users,
            total_hours: s.days * 24,
            deterrence_doubt: 3.0 * per_10k_users,
            market_seen: 3.0 * per_10k_users,
            incentives,
            key_bases,
            s,
        }
    }

    /// The key of clause `clause` of circle `c`'s rule for `action` in this rule set, for `opened_by`: a rule an
    /// intervention changed has keys of its own.
    pub(crate) fn key(&self, c: usize, action: Action, clause: u8) -> u16 {
        let base = self
            .key_bases
            .get(c)
            .and_then(|b| b.get(action as usize))
            .copied()
            .unwrap_or(0);
        rule::key(c, action, clause) + base
    }

    /// Hours from one visit to the next for an archetype, by quantile (see [`crate::calendar::Calendar`]).
    #[expect(
        clippy::indexing_slicing,
        reason = "indexes are enum discriminants into tables sized by the enum"
    )]
    pub(crate) fn visit_gaps(&self, a: Archetype) -> &ExpHours {
        &self.visit_gaps[crate::archetype::index(a)]
    }

    /// Circles in the run.
    pub(crate) fn n_circles(&self) -> usize {
        self.s.circles.len()
    }

    /// Circle `c`'s rules.
    #[expect(
        clippy::indexing_slicing,
        reason = "circle indexes come from 0..n_circles(); a bad one is a bug"
    )]
    pub(crate) fn circle(&self, c: usize) -> &Circle {
        &self.s.circles[c]
    }

    /// What circle `c`'s rules are worth to each strategy.
    #[expect(
        clippy::indexing_slicing,
        reason = "circle indexes come from 0..n_circles(); a bad one is a bug"
    )]
    pub(crate) fn incentive(&self, c: usize) -> &CircleIncentive {
        &self.incentives[c]
    }

    /// The rule for `action` in circle `c`.
    pub(crate) fn rule(&self, c: usize, action: Action) -> &Rule {
        self.circle(c).rule(action)
    }

    /// Whether circle `c`'s rule for `action` lets anyone through (its first clause has no conditions, so
    /// [`rule::allows`] would answer clause 0 for everyone).
    pub(crate) fn open_to_all(&self, c: usize, action: Action) -> bool {
        self.open_to_all
            .get(c)
            .is_some_and(|bits| bits & (1 << (action as u8)) != 0)
    }

    /// Whether circle `c`'s rule for `action` looks at the author at all.
    pub(crate) fn reads_author(&self, c: usize, action: Action) -> bool {
        self.reads_author
            .get(c)
            .is_some_and(|bits| bits & (1 << (action as u8)) != 0)
    }

    /// The clause of circle `c`'s rule for `action` that lets `actor` act on `author`, if any.
    pub(crate) fn may(&self, c: usize, action: Action, actor: &Attrs, author: &Attrs) -> Option<u8> {
        rule::allows(self.rule(c, action), actor, author)
    }

    /// Whether the circle has direct messages at all.
    pub(crate) fn dm_open(&self, c: usize) -> bool {
        self.circle(c).contact.direct_messages
    }

    /// Whether members of the circle can report.
    pub(crate) fn reports_on(&self, c: usize) -> bool {
        self.circle(c).moderation.user_reports
    }

    /// The circle's name, for exemplar sentences.
    pub(crate) fn circle_name(&self, c: usize) -> &str {
        self.circle(c).name.as_str()
    }

    /// The platform rule that lets banned people return (what opened ban evasion).
    pub(crate) fn ban_key(&self) -> u16 {
        match self.s.platform.bans.return_after_ban {
            BanReturn::AtCost => rule::KEY_BAN_AT_COST,
            BanReturn::RealNameBound => rule::KEY_BAN_REAL_NAME,
            BanReturn::Free => rule::KEY_BAN_FREE,
        }
    }
}

/// One byte per circle: bit `action` set where `holds` is true of that circle's rule for the action.
fn action_bits(s: &Scenario, holds: impl Fn(&Rule) -> bool) -> Vec<u8> {
    s.circles
        .iter()
        .map(|c| {
            Action::ALL.iter().fold(0_u8, |bits, &a| {
                let rule = c.rules.get(a).unwrap_or(&c.join);
                bits | (u8::from(holds(rule)) << (a as u8))
            })
        })
        .collect()
}
