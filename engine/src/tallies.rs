//! The tallies of a run: patterns, honest-user health, money and moderation, written as things happen.

use crate::exemplar::Exemplar;
use crate::health::HealthTally;
use crate::money::Ledger;
use crate::pattern::PatternTally;
use crate::population::User;
use crate::report::{ModerationReport, PatternId};

/// Everything counted during a run, read by the report.
pub(crate) struct Tallies {
    /// One tally per pattern, in [`PatternId::ALL`] order.
    patterns: Vec<PatternTally>,
    pub ledger: Ledger,
    pub health: HealthTally,
    pub moderation: ModerationTally,
    /// Visits made, by archetype index.
    pub actions_by: [u64; 11],
    /// Ordinary users who turned to soliciting (each time one starts).
    pub converted: u32,
    /// People in good faith who arrived during the run in the place of someone who left: with those at the
    /// start, the people who could be harmed.
    pub newcomers_in_good_faith: u32,
}

impl Tallies {
    /// Empty tallies for a run of `hours`.
    pub(crate) fn new(hours: u32) -> Tallies {
        Tallies {
            patterns: PatternId::ALL.iter().map(|_| PatternTally::new(hours)).collect(),
            ledger: Ledger::new(hours),
            health: HealthTally::new(hours),
            moderation: ModerationTally::new(hours),
            actions_by: [0; 11],
            converted: 0,
            newcomers_in_good_faith: 0,
        }
    }

    /// The tally of pattern `p`.
    #[expect(
        clippy::indexing_slicing,
        reason = "one tally per PatternId, built from PatternId::ALL"
    )]
    pub(crate) fn pattern(&self, p: PatternId) -> &PatternTally {
        &self.patterns[p.index()]
    }

    /// The tally of pattern `p`, to change.
    #[expect(
        clippy::indexing_slicing,
        reason = "one tally per PatternId, built from PatternId::ALL"
    )]
    pub(crate) fn pattern_mut(&mut self, p: PatternId) -> &mut PatternTally {
        &mut self.patterns[p.index()]
    }

    /// Every pattern's tally, in [`PatternId::ALL`] order.
    pub(crate) fn patterns(&self) -> &[PatternTally] {
        &self.patterns
    }

    /// Whether the pattern still wants exemplars (so they are built only when kept).
    pub(crate) fn wants(&self, p: PatternId) -> bool {
        self.pattern(p).wants_exemplar()
    }

    /// Records an incident of a pattern, with an exemplar if one was built.
    pub(crate) fn incident(&mut self, p: PatternId, h: u32, key: u16, fen: u64, exemplar: Option<Exemplar>) {
        let t = self.pattern_mut(p);
        t.record(h, key, fen);
        if let Some(e) = exemplar {
            if t.wants_exemplar() {
                t.exemplars.push(e);
            }
        }
    }

    /// Money that flowed toward a pattern without being another incident.
    pub(crate) fn money(&mut self, p: PatternId, fen: u64) {
        self.pattern_mut(p).fen += fen;
    }

    /// Marks a good-faith user as harmed by a pattern (counted once per user and pattern).
    pub(crate) fn harm(&mut self, u: &mut User, p: PatternId) {
        if !u.in_good_faith() {
            return;
        }
        let bit = 1_u16 << p.index();
        if u.harmed & bit == 0 {
            u.harmed |= bit;
            self.pattern_mut(p).harmed += 1;
        }
    }

    /// Closes the hour in every series.
    pub(crate) fn close_hour(&mut self) {
        for p in &mut self.patterns {
            p.close_hour();
        }
        self.ledger.close_hour();
        self.health.close_hour();
    }
}

/// Running moderation figures.
pub(crate) struct ModerationTally {
    pub reports_filed: u64,
    pub classifier_flags: u64,
    pub reviewed: u64,
    pub sanctions: u64,
    pub suspensions: u64,
    pub bans: u64,
    pub wrong_sanctions: u64,
    pub wait_hours_total: u64,
    pub expired: u64,
    pub backlog_hourly: Vec<u32>,
}

impl ModerationTally {
    /// Empty tallies for a run of `hours`.
    pub(crate) fn new(hours: u32) -> Self {
        ModerationTally {
            reports_filed: 0,
            classifier_flags: 0,
            reviewed: 0,
            sanctions: 0,
            suspensions: 0,
            bans: 0,
            wrong_sanctions: 0,
            wait_hours_total: 0,
            expired: 0,
            backlog_hourly: Vec::with_capacity(hours as usize),
        }
    }

    /// The report's view.
    pub(crate) fn report(&self) -> ModerationReport {
        ModerationReport {
            reports_filed: self.reports_filed,
            classifier_flags: self.classifier_flags,
            reviewed: self.reviewed,
            sanctions: self.sanctions,
            suspensions: self.suspensions,
            bans: self.bans,
            wrong_sanctions: self.wrong_sanctions,
            mean_hours_to_review: self.wait_hours_total.checked_div(self.reviewed).unwrap_or(0) as u32,
            expired: self.expired,
            backlog_hourly: self.backlog_hourly.clone(),
        }
    }
}
