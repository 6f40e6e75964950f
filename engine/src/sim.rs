//! The simulation loop: an hour-bucketed calendar of user visits, so cost grows with actions, not idle user-hours.

use std::collections::VecDeque;

use crate::archetype::{self, profile};
use crate::circle::CircleState;
use crate::dice::Dice;
use crate::health::HealthTally;
use crate::incentive::{self, CircleIncentive};
use crate::moderation::{ModerationTally, QueueItem};
use crate::money::Ledger;
use crate::pattern::{self, PatternTally};
use crate::population::{self, flag, Memory, Status, User};
use crate::report::{ArchetypeSummary, CircleSummary, Health, OpenedBy, PatternId, PatternReport, Report};
use crate::rule;
use crate::scenario::{Archetype, Scenario};
use crate::validate::{validate, RuleIssue, Severity};

/// The whole state of a run.
pub(crate) struct World {
    pub s: Scenario,
    pub n_users: u32,
    pub total_hours: u32,
    /// The hour being simulated (hours done before it).
    pub hour: u32,
    pub dice: Dice,
    pub users: Vec<User>,
    /// The less-used user state, by user index.
    pub memory: Vec<Memory>,
    pub circles: Vec<CircleState>,
    pub incentives: Vec<CircleIncentive>,
    /// Visits due in the next [`RING_HOURS`] hours: one bit per user per hour, so each hour's visits come out
    /// in user order and the user table is walked forwards (with a million users the loop is bound by memory).
    pub ring: Vec<u64>,
    /// 64-bit words per hour in `ring` (one per group of 64 users).
    pub ring_words: usize,
    /// Reused buffer of the users visiting this hour.
    pub batch: Vec<u32>,
    /// The earliest hour a visit may be put on the calendar now (the hour after the one being simulated).
    pub earliest: u32,
    /// Visits further ahead than the ring reaches (long suspensions, rare long gaps), one bucket per hour.
    pub calendar: Vec<Vec<u32>>,
    pub queues: Vec<VecDeque<QueueItem>>,
    /// Review capacity banked this hour, in thousandths of a review, per circle.
    pub review_credit: Vec<u64>,
    pub patterns: Vec<PatternTally>,
    pub ledger: Ledger,
    pub health: HealthTally,
    pub moderation: ModerationTally,
    pub actions_by: [u64; 11],
    pub users_by: [u32; 11],
    pub honest_users: u32,
}

/// Hours of visits the bit ring holds; later visits wait in the far calendar.
pub(crate) const RING_HOURS: u32 = 128;
/// Visits gathered before their user records are fetched together.
const BATCH: usize = 64;

/// The ring word holding user `idx`'s bit for hour `t`. The layout is by group of 64 users, then hour, so
/// scheduling a visit touches memory next to the word the user was just read from.
fn ring_word(idx: u32, t: u32) -> usize {
    (idx / 64) as usize * RING_HOURS as usize + (t % RING_HOURS) as usize
}

impl World {
    /// Draws the population and schedules everyone's first visit.
    pub(crate) fn new(s: &Scenario) -> World {
        let s = crate::settings::sanitize(s);
        let n_users = s.population.n_users;
        let total_hours = s.days * 24;
        let mut dice = Dice::new(s.seed);
        let (users, memory) = population::draw(&s.population, n_users, s.circles.len(), &mut dice);
        let mut users_by = [0_u32; 11];
        for u in &users {
            users_by[archetype::index(u.archetype)] += 1;
        }
        let honest_users = users.iter().filter(|u| u.archetype.is_honest()).count() as u32;
        let incentives = s
            .circles
            .iter()
            .map(|c| incentive::read(c, s.population.spending_median_fen_per_day))
            .collect();
        let n_circles = s.circles.len();
        let mut w = World {
            n_users,
            total_hours,
            hour: 0,
            dice,
            users,
            memory,
            circles: (0..n_circles).map(|_| CircleState::new()).collect(),
            incentives,
            ring: vec![0; RING_HOURS as usize * (n_users as usize).div_ceil(64)],
            ring_words: (n_users as usize).div_ceil(64),
            batch: Vec::with_capacity(2 * BATCH),
            earliest: 0,
            calendar: vec![Vec::new(); total_hours as usize],
            queues: (0..n_circles).map(|_| VecDeque::new()).collect(),
            review_credit: vec![0; n_circles],
            patterns: PatternId::ALL.iter().map(|_| PatternTally::new(total_hours)).collect(),
            ledger: Ledger::new(total_hours),
            health: HealthTally::new(total_hours),
            moderation: ModerationTally::new(total_hours),
            actions_by: [0; 11],
            users_by,
            honest_users,
            s,
        };
        for idx in 0..n_users {
            w.schedule_first(idx);
        }
        w
    }

    fn schedule_first(&mut self, idx: u32) {
        let Some(u) = self.users.get(idx as usize) else {
            return;
        };
        let mean = 24.0 / profile(u.archetype).sessions_per_day;
        let t = self.dice.exponential_fast(mean) as u32;
        self.put_on_calendar(idx, t);
    }

    /// Schedules a user's next visit after `now`, with fewer visits in the small hours.
    pub(crate) fn schedule_next(&mut self, idx: u32, now: u32) {
        let Some(u) = self.users.get(idx as usize) else {
            return;
        };
        let mean = 24.0 / profile(u.archetype).sessions_per_day;
        let gap = self.dice.exponential_fast(mean) as u32 + 1;
        self.put_on_calendar(idx, now.saturating_add(gap));
    }

    /// Puts a visit on the calendar, moving most small-hours visits (1–6 am) to the morning.
    pub(crate) fn put_on_calendar(&mut self, idx: u32, mut t: u32) {
        let hod = t % 24;
        if (1..=6).contains(&hod) && self.dice.below(10) < 7 {
            t = t - hod + 7 + self.dice.below(4);
        }
        let t = t.max(self.earliest);
        if t >= self.total_hours {
            return;
        }
        if t < self.earliest.saturating_add(RING_HOURS - 1) {
            let word = ring_word(idx, t);
            if let Some(w) = self.ring.get_mut(word) {
                *w |= 1 << (idx % 64);
            }
        } else if let Some(bucket) = self.calendar.get_mut(t as usize) {
            bucket.push(idx);
        }
    }

    /// Simulates one hour.
    pub(crate) fn step(&mut self) {
        let h = self.hour;
        if h >= self.total_hours {
            return;
        }
        for (c, circle) in self.circles.iter_mut().enumerate() {
            if let Some(spec) = self.s.circles.get(c) {
                circle.rank(spec.ranking);
            }
        }
        let far = self
            .calendar
            .get_mut(h as usize)
            .map(std::mem::take)
            .unwrap_or_default();
        for idx in far {
            if let Some(w) = self.ring.get_mut(ring_word(idx, h)) {
                *w |= 1 << (idx % 64);
            }
        }
        // INVARIANT: visits made now land at `earliest` = h + 1 or later, never in this hour's slot.
        self.earliest = h + 1;
        let mut batch = std::mem::take(&mut self.batch);
        for group in 0..self.ring_words as u32 {
            let Some(w) = self.ring.get_mut(ring_word(group * 64, h)) else {
                break;
            };
            let mut bits = std::mem::take(w);
            while bits != 0 {
                batch.push(group * 64 + bits.trailing_zeros());
                bits &= bits - 1;
            }
            if batch.len() >= BATCH || group + 1 == self.ring_words as u32 {
                self.visit_batch(&batch, h);
                batch.clear();
            }
        }
        self.batch = batch;
        self.review_hour(h);
        for p in &mut self.patterns {
            p.close_hour();
        }
        self.ledger.close_hour();
        self.health.close_hour();
        let backlog: usize = self.queues.iter().map(VecDeque::len).sum();
        self.moderation.backlog_hourly.push(backlog as u32);
        for circle in &mut self.circles {
            // Deterrence memory fades with a half-life of about a day.
            circle.sanctions_recent *= 0.97;
            circle.violations_recent *= 0.97;
        }
        self.hour += 1;
    }

    /// Visits a batch of users. Their records are read first in a tight loop so the processor fetches them
    /// from memory in parallel rather than one stall per visit (a million users do not fit in cache).
    fn visit_batch(&mut self, batch: &[u32], h: u32) {
        let mut touch = 0_u8;
        for &idx in batch {
            if let Some(u) = self.users.get(idx as usize) {
                touch ^= u.strikes;
            }
        }
        std::hint::black_box(touch);
        for &idx in batch {
            self.visit(idx, h);
        }
    }

    /// One user's visit: status checks, then the archetype's strategy, then the next visit.
    fn visit(&mut self, idx: u32, h: u32) {
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        match u.status {
            Status::Left | Status::Banned => return,
            Status::Suspended => {
                if h < u.suspended_until {
                    let back = u.suspended_until;
                    self.put_on_calendar(idx, back);
                    return;
                }
                u.status = Status::Active;
            }
            Status::Active => {}
        }
        let day = (h / 24) as u16;
        if u.spent_day != day {
            u.spent_day = day;
            u.spent_today_fen = 0;
            u.points_today = 0;
        }
        self.act(idx, h);
        if self.users.get(idx as usize).is_some_and(User::is_active) {
            self.schedule_next(idx, h);
        }
    }

    /// Builds the report of the hours done so far.
    pub(crate) fn report(&self) -> Report {
        let hours = self.hour;
        let patterns = PatternId::ALL
            .iter()
            .zip(self.patterns.iter())
            .map(|(id, t)| {
                let severity = pattern::severity(*id, t.incidents, t.fen, t.harmed, self.n_users, hours);
                let mut opened = t.opened.clone();
                opened.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                PatternReport {
                    id: *id,
                    incidents: t.incidents,
                    fen_involved: t.fen,
                    people_harmed: t.harmed,
                    first_hour: t.first_hour,
                    hourly: t.hourly.clone(),
                    severity,
                    level: pattern::level(severity),
                    exemplars: t.exemplars.clone(),
                    opened_by: opened
                        .iter()
                        .take(5)
                        .map(|(k, n)| OpenedBy {
                            rule: rule::label(&self.s, *k),
                            incidents: *n,
                        })
                        .collect(),
                }
            })
            .collect();
        let h = &self.health;
        let health = Health {
            honest_users: self.honest_users,
            genuine_posts: h.genuine_posts,
            interactions: h.interactions,
            views: h.views,
            engagement: h.genuine_posts + h.interactions,
            honest_left: h.left,
            honest_wrongly_sanctioned: h.wrongly_sanctioned,
            honest_denied: h.denied_users,
            hourly: h.series.clone(),
        };
        let archetypes = Archetype::ALL
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut sanctioned = 0;
                let mut banned = 0;
                let mut left = 0;
                for u in self.users.iter().filter(|u| u.archetype == *a) {
                    sanctioned += u32::from(u.flags & flag::SANCTIONED != 0);
                    banned += u32::from(u.status == Status::Banned);
                    left += u32::from(u.status == Status::Left);
                }
                ArchetypeSummary {
                    archetype: *a,
                    users: self.users_by[i],
                    actions: self.actions_by[i],
                    received_fen: self.ledger.received_by[i],
                    sanctioned,
                    banned,
                    left,
                }
            })
            .collect();
        let circles = self
            .s
            .circles
            .iter()
            .zip(self.circles.iter())
            .map(|(spec, c)| CircleSummary {
                name: spec.name.clone(),
                members: c.members,
                posts: c.posts,
                abusive_posts: c.abusive_posts,
                views: c.views,
                tipped_fen: c.tipped_fen,
            })
            .collect();
        Report {
            engine_version: String::from(crate::ENGINE_VERSION),
            scenario_name: self.s.name.clone(),
            seed: self.s.seed,
            n_users: self.n_users,
            hours_done: hours,
            total_hours: self.total_hours,
            patterns,
            health,
            money: self.ledger.flow(),
            denied: self.health.denied_rows(),
            moderation: self.moderation.report(),
            archetypes,
            circles,
        }
    }
}

/// A run in progress: create it, advance it some hours, read a partial report, continue.
pub struct Simulation {
    world: World,
}

impl Simulation {
    /// Starts a run; refuses scenarios with validation errors (warnings are fine).
    pub fn new(s: &Scenario) -> Result<Simulation, Vec<RuleIssue>> {
        let errors: Vec<RuleIssue> = validate(s)
            .into_iter()
            .filter(|i| i.severity == Severity::Error)
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Simulation { world: World::new(s) })
    }

    /// Advances up to `hours` simulated hours, stopping at the end of the run.
    pub fn advance(&mut self, hours: u32) {
        for _ in 0..hours {
            if self.is_done() {
                break;
            }
            self.world.step();
        }
    }

    /// Hours simulated so far.
    pub fn hour(&self) -> u32 {
        self.world.hour
    }

    /// Hours in the whole run.
    pub fn total_hours(&self) -> u32 {
        self.world.total_hours
    }

    /// Whether the run has reached its end.
    pub fn is_done(&self) -> bool {
        self.world.hour >= self.world.total_hours
    }

    /// The report so far (same shape as the final one; series cover the hours done).
    pub fn report(&self) -> Report {
        self.world.report()
    }
}

/// Runs a whole scenario; values out of range are clamped rather than refused, so this never panics.
pub fn run(s: &Scenario) -> Report {
    let mut w = World::new(s);
    while w.hour < w.total_hours {
        w.step();
    }
    w.report()
}
