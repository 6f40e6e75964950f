//! The public face of a run: [`Simulation`] steps one in chunks, [`run`] does it whole.

use crate::report::Report;
use crate::scenario::Scenario;
use crate::validate::{validate, RuleIssue, Severity};
use crate::world::World;

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

    /// Does up to `visits` user visits, even part of an hour, and returns how many it did (opening and
    /// closing an hour count as one visit each). A caller that must stay responsive (the browser worker,
    /// checking for cancel) bounds its work by visits rather than hours: an hour can hold a million visits.
    /// Any mix of `advance` and `advance_visits` gives the same report as [`run`].
    pub fn advance_visits(&mut self, visits: u64) -> u64 {
        self.world.work(visits, false)
    }

    /// Hours simulated so far.
    pub fn hour(&self) -> u32 {
        self.world.hour()
    }

    /// Hours in the whole run.
    pub fn total_hours(&self) -> u32 {
        self.world.total_hours()
    }

    /// Whether the run has reached its end.
    pub fn is_done(&self) -> bool {
        self.world.hour() >= self.world.total_hours()
    }

    /// The report so far (same shape as the final one; series cover the hours done).
    pub fn report(&self) -> Report {
        self.world.report()
    }
}

/// Runs a whole scenario; values out of range are clamped rather than refused, so this never panics.
pub fn run(s: &Scenario) -> Report {
    let mut w = World::new(s);
    while w.hour() < w.total_hours() {
        w.step();
    }
    w.report()
}
