//! The world of a run: its parts, each with one owner, and the hour loop that drives them.
//!
//! The parts are plain structs: [`Rules`] (read-only), [`People`], the circles' run-time state, the
//! [`Calendar`], the moderation [`Desk`], the [`Tallies`] and the [`Dice`]. The loop hands each visit the
//! parts it may change ([`Visit`]) and calls moderation once an hour; nothing else reaches into the world.

use crate::agent::{self, Visit};
use crate::archetype;
use crate::calendar::Calendar;
use crate::circle::CircleState;
use crate::dice::Dice;
use crate::exemplar;
use crate::lang::Lang;
use crate::moderation::Desk;
use crate::pattern;
use crate::people::People;
use crate::population::{self, flag, Status};
use crate::report::{
    ArchetypeSummary, CircleSummary, Health, OpenedBy, PatternId, PatternReport, Report, ENGINE_VERSION, MODEL_VERSION,
};
use crate::rules::Rules;
use crate::scenario::{Archetype, Scenario};
use crate::tallies::Tallies;
use crate::timeline::{self, Stage};

/// Visits gathered before their user records are fetched together.
const BATCH: usize = 64;

/// The whole state of a run.
pub(crate) struct World {
    rules: Rules,
    people: People,
    /// Run-time state of each circle, by circle index.
    circles: Vec<CircleState>,
    calendar: Calendar,
    desk: Desk,
    tallies: Tallies,
    dice: Dice,
    /// The hour being simulated (hours done before it).
    hour: u32,
    /// The users visiting this hour, in order (a reused buffer).
    due: Vec<u32>,
    /// Position in `due` of the next visit while an hour is open (`None` between hours).
    next_due: Option<usize>,
    /// Users drawn per archetype, by archetype index.
    users_by: [u32; 11],
    honest_users: u32,
    /// Honest users and the demand side at the start: the people who can be harmed.
    good_faith_users: u32,
    /// Who each rule shuts out, read once from the population at hour 0.
    shut_out: Vec<crate::report::ShutOutRow>,
    /// The rules in force over each stretch of the run (the launch's first), sanitised; `rules` is stage `stage`.
    stages: Vec<Stage>,
    stage: usize,
}

impl World {
    /// Draws the population and schedules everyone's first visit.
    pub(crate) fn new(s: &Scenario) -> World {
        let mut stages: Vec<Stage> = timeline::stages(s)
            .into_iter()
            .map(|st| Stage {
                scenario: crate::settings::sanitize(&st.scenario),
                ..st
            })
            .collect();
        // Interventions at hour 0 are the rules from the start: the population is drawn for them and the run
        // is the one a scenario with those rules and no interventions gives.
        let start = stages.iter().rposition(|st| st.hour == 0).unwrap_or(0);
        stages.drain(..start);
        let rules = Rules::new(
            stages.first().map_or_else(Scenario::default, |st| st.scenario.clone()),
            Vec::new(),
        );
        let s = &rules.s;
        let (n_users, total_hours) = (rules.n_users, rules.total_hours);
        let mut dice = Dice::new(s.seed);
        let (users, memory) = population::draw(&s.population, n_users, s.circles.len(), &rules.assume, &mut dice);
        let mut users_by = [0_u32; 11];
        for u in &users {
            if let Some(n) = users_by.get_mut(archetype::index(u.archetype)) {
                *n += 1;
            }
        }
        let honest_users = users.iter().filter(|u| u.archetype.is_honest()).count() as u32;
        let good_faith_users = users.iter().filter(|u| u.archetype.in_good_faith()).count() as u32;
        let mut calendar = Calendar::new(n_users, total_hours);
        for (idx, u) in users.iter().enumerate() {
            calendar.first_visit(idx as u32, rules.visit_gaps(u.archetype), &mut dice);
        }
        let n_circles = rules.n_circles();
        let people = People::new(users, memory);
        let shut_out = crate::exclusion::shut_out(&rules, &people);
        World {
            people,
            circles: (0..n_circles).map(|_| CircleState::new()).collect(),
            calendar,
            desk: Desk::new(),
            tallies: Tallies::new(total_hours),
            dice,
            hour: 0,
            due: Vec::new(),
            next_due: None,
            users_by,
            honest_users,
            good_faith_users,
            shut_out,
            rules,
            stages,
            stage: 0,
        }
    }

    /// Hours simulated so far.
    pub(crate) fn hour(&self) -> u32 {
        self.hour
    }

    /// Hours in the whole run.
    pub(crate) fn total_hours(&self) -> u32 {
        self.rules.total_hours
    }

    /// Simulates one hour: feeds re-ranked, everyone due visits, moderators review, the hour is tallied.
    pub(crate) fn step(&mut self) {
        // Past the last hour this does nothing. Finishing the hour in progress (if a budgeted call left one open) keeps both ways of stepping equal.
        self.work(u64::MAX, true);
    }

    /// Does up to `budget` visits (an hour's opening and closing count as one each), stopping early at the
    /// end of an hour when `to_hour_end` is set. Returns the budget used. Splitting a run into any budgets
    /// gives the same report as stepping it hour by hour: visits keep their order.
    pub(crate) fn work(&mut self, budget: u64, to_hour_end: bool) -> u64 {
        let mut used = 0_u64;
        while used < budget && self.hour < self.rules.total_hours {
            if self.next_due.is_none() {
                self.open_hour();
                self.next_due = Some(0);
                used += 1;
            }
            let h = self.hour;
            let start = self.next_due.unwrap_or(0);
            let due = std::mem::take(&mut self.due);
            let room = usize::try_from(budget.saturating_sub(used)).unwrap_or(usize::MAX);
            let end = due.len().min(start.saturating_add(room));
            for batch in due.get(start..end).unwrap_or_default().chunks(BATCH) {
                std::hint::black_box(self.people.touch(batch));
                for &idx in batch {
                    self.visit(idx, h);
                }
            }
            used += (end - start) as u64;
            let finished = end == due.len();
            self.due = due;
            if finished {
                self.close_hour();
                self.next_due = None;
                used += 1;
                if to_hour_end {
                    break;
                }
            } else {
                self.next_due = Some(end);
            }
        }
        used
    }

    /// Opens the hour: the rules of any intervention due now put in force, feeds re-ranked, and everyone due
    /// this hour taken from the calendar.
    fn open_hour(&mut self) {
        while self.stages.get(self.stage + 1).is_some_and(|st| st.hour <= self.hour) {
            self.stage += 1;
            self.enter_stage();
        }
        for circle in &mut self.circles {
            circle.open_hour(self.hour);
        }
        self.calendar.take_hour(self.hour, &mut self.due);
    }

    /// Puts stage `self.stage` of the timeline in force as the hour opens: its rules replace the ones before
    /// (nothing that happened is undone: posts, sanctions, beliefs and money stay); circles it opens start empty,
    /// everyone decides whether they want them as they would have at the start, and those who had stopped
    /// visiting for want of a circle come back if they now want one.
    fn enter_stage(&mut self) {
        let Some(st) = self.stages.get(self.stage) else {
            return;
        };
        let opened = self.circles.len()..st.scenario.circles.len().min(32);
        self.rules = Rules::new(st.scenario.clone(), timeline::key_bases(&self.stages, self.stage));
        if opened.is_empty() {
            return;
        }
        self.circles.extend(opened.clone().map(|_| CircleState::new()));
        let h = self.hour;
        for idx in 0..self.rules.n_users {
            let u = self.people.user(idx);
            let a = u.archetype;
            let mut gained = 0_u32;
            for c in opened.clone() {
                if population::wants_circle(a, &self.rules.assume, &mut self.dice) {
                    gained |= 1 << c;
                }
            }
            let u = self.people.user_mut(idx);
            u.interests |= gained;
            if u.is_active() && u.interests != 0 && !self.calendar.is_booked(idx) {
                // From the hour before, so the first visit can fall in this hour, as a launch's can.
                self.calendar
                    .next_visit(idx, h.saturating_sub(1), self.rules.visit_gaps(a), &mut self.dice);
            }
        }
    }

    /// Closes the hour: moderators review, the hour is tallied, deterrence fades.
    fn close_hour(&mut self) {
        let h = self.hour;
        self.desk.review_hour(
            h,
            &self.rules,
            &mut self.people,
            &mut self.circles,
            &mut self.tallies,
            &mut self.dice,
        );
        self.tallies.close_hour();
        let backlog = self.desk.backlog();
        self.tallies.moderation.backlog_hourly.push(backlog as u32);
        let keep = self.rules.assume.circle_memory_keep;
        for circle in &mut self.circles {
            // Deterrence memory fades with a half-life of about a day.
            circle.sanctions_recent *= keep;
            circle.violations_recent *= keep;
            circle.fade_market(keep);
        }
        self.hour += 1;
    }

    /// One user's visit: status checks, then the archetype's strategy, then the next visit.
    fn visit(&mut self, idx: u32, h: u32) {
        let u = self.people.user_mut(idx);
        match u.status {
            Status::Left | Status::Banned => return,
            Status::Suspended => {
                if h < u.suspended_until {
                    let back = u.suspended_until;
                    self.calendar.put(idx, back, &mut self.dice);
                    return;
                }
                u.status = Status::Active;
            }
            Status::Active => {}
        }
        // What an abuser learned from its own sanctions fades visit by visit while nothing new lands.
        if u.caution > 0 {
            u.caution = (u32::from(u.caution) * self.rules.assume.caution_keep_permille / 1000) as u16;
        }
        let day = (h / 24) as u16;
        if u.spent_day != day {
            u.spent_day = day;
            u.spent_today_fen = 0;
            u.points_today = 0;
        }
        let mut v = Visit {
            rules: &self.rules,
            people: &mut self.people,
            circles: &mut self.circles,
            tallies: &mut self.tallies,
            desk: &mut self.desk,
            dice: &mut self.dice,
        };
        agent::act(&mut v, idx, h);
        let u = self.people.user(idx);
        // Someone who wants none of the circles any more (an honest user loses interest in a circle defined by
        // an identity they lack) has stopped using the feature: nothing is booked, where their visits used to
        // be over four in ten of a launch run's and did nothing.
        if u.is_active() && u.interests != 0 {
            self.calendar
                .next_visit(idx, h, self.rules.visit_gaps(u.archetype), &mut self.dice);
        }
    }

    /// Builds the report of the hours done so far.
    pub(crate) fn report(&self) -> Report {
        let hours = self.hour;
        let n_users = self.rules.n_users;
        let patterns = PatternId::ALL
            .iter()
            .zip(self.tallies.patterns())
            .map(|(id, t)| {
                let prevalence_per_10k = per_10k(t.views, self.tallies.health.views);
                let (severity, severity_parts) = pattern::severity(
                    *id,
                    &pattern::Inputs {
                        incidents: t.incidents,
                        fen: t.fen,
                        harmed: t.harmed,
                        prevalence_per_10k,
                        n_users,
                        n_good_faith: self.good_faith_users + self.tallies.newcomers_in_good_faith,
                        hours,
                    },
                );
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
                    severity_parts,
                    exemplars: t.exemplars.iter().map(|e| exemplar::sentence(Lang::En, e)).collect(),
                    exemplar_facts: t.exemplars.clone(),
                    violating_views: t.views,
                    prevalence_per_10k,
                    incidents_by_converts: t.by_converts,
                    opened_by: opened
                        .iter()
                        .take(5)
                        .map(|(k, n)| {
                            let at = timeline::rule_ref(&self.stages, *k);
                            OpenedBy {
                                rule: crate::words::rule_label(crate::lang::Lang::En, &at),
                                incidents: *n,
                                at: Some(at),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let h = &self.tallies.health;
        let money = self.tallies.ledger.flow();
        let demand_spent_fen = money.flows.iter().filter(|f| f.from.is_demand()).map(|f| f.fen).sum();
        let demand_users = Archetype::ALL
            .iter()
            .zip(self.users_by.iter())
            .filter(|(a, _)| a.is_demand())
            .map(|(_, n)| *n)
            .sum();
        let health = Health {
            honest_users: self.honest_users,
            genuine_posts: h.genuine_posts,
            interactions: h.interactions,
            views: h.views,
            engagement: h.genuine_posts + h.interactions,
            honest_left: h.left,
            honest_newcomers: h.newcomers,
            honest_wrongly_sanctioned: h.wrongly_sanctioned,
            honest_denied: h.denied_users,
            demand_users,
            demand_spent_fen,
            turned_to_soliciting: self.tallies.converted,
            hourly: h.series.clone(),
        };
        // One pass over the people, however many archetypes.
        let mut fates = [(0_u32, 0_u32, 0_u32); 11];
        for u in self.people.users() {
            if let Some(f) = fates.get_mut(archetype::index(u.archetype)) {
                f.0 += u32::from(u.flags & flag::SANCTIONED != 0);
                f.1 += u32::from(u.status == Status::Banned);
                f.2 += u32::from(u.status == Status::Left);
            }
        }
        let archetypes = Archetype::ALL
            .iter()
            .zip(self.users_by.iter().zip(self.tallies.actions_by.iter()))
            .zip(self.tallies.ledger.received_by.iter().zip(fates.iter()))
            .map(
                |((a, (&users, &actions)), (&received_fen, &(sanctioned, banned, left)))| ArchetypeSummary {
                    archetype: *a,
                    users,
                    actions,
                    received_fen,
                    sanctioned,
                    banned,
                    left,
                },
            )
            .collect();
        let circles = self
            .rules
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
            engine_version: String::from(ENGINE_VERSION),
            model_version: MODEL_VERSION,
            scenario_name: self.rules.s.name.clone(),
            seed: self.rules.s.seed,
            n_users,
            hours_done: hours,
            total_hours: self.rules.total_hours,
            patterns,
            health,
            money,
            denied: self.tallies.health.denied_rows(),
            shut_out: self.shut_out.clone(),
            moderation: self.tallies.moderation.report(),
            archetypes,
            circles,
        }
    }
}

/// `part` of `whole`, per 10,000, rounded down (0 when there is no whole).
fn per_10k(part: u64, whole: u64) -> u32 {
    (u128::from(part) * 10_000)
        .checked_div(u128::from(whole))
        .map_or(0, |x| x.min(10_000) as u32)
}
