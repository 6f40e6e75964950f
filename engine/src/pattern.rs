//! Pattern tallies: incidents, money, people harmed, hourly series, exemplars and the rules that opened each pattern.

use crate::report::{Level, PatternId};

/// Exemplars kept per pattern.
pub(crate) const EXEMPLARS: usize = 5;

/// Running totals for one pattern.
pub(crate) struct PatternTally {
    pub incidents: u64,
    pub fen: u64,
    pub harmed: u32,
    pub first_hour: Option<u32>,
    pub hourly: Vec<u32>,
    pub this_hour: u32,
    pub exemplars: Vec<String>,
    /// (rule key, incidents) pairs, in first-seen order.
    pub opened: Vec<(u16, u64)>,
    /// Views by honest users of content that is this pattern.
    pub views: u64,
    /// Incidents by users who were ordinary at the start of the run.
    pub by_converts: u64,
}

impl PatternTally {
    /// An empty tally sized for a run of `hours`.
    pub(crate) fn new(hours: u32) -> Self {
        PatternTally {
            incidents: 0,
            fen: 0,
            harmed: 0,
            first_hour: None,
            hourly: Vec::with_capacity(hours as usize),
            this_hour: 0,
            exemplars: Vec::new(),
            opened: Vec::new(),
            views: 0,
            by_converts: 0,
        }
    }

    /// Counts one incident at `hour`, let through by the rule `key`, involving `fen`.
    pub(crate) fn record(&mut self, hour: u32, key: u16, fen: u64) {
        self.incidents += 1;
        self.fen += fen;
        self.this_hour = self.this_hour.saturating_add(1);
        if self.first_hour.is_none() {
            self.first_hour = Some(hour);
        }
        match self.opened.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 += 1,
            None => self.opened.push((key, 1)),
        }
    }

    /// Whether another exemplar sentence is wanted (so callers build strings only when needed).
    pub(crate) fn wants_exemplar(&self) -> bool {
        self.exemplars.len() < EXEMPLARS
    }

    /// Closes the hour's count into the hourly series.
    pub(crate) fn close_hour(&mut self) {
        self.hourly.push(self.this_hour);
        self.this_hour = 0;
    }
}

/// Severity 0–100 from the documented formula ([`crate::SEVERITY_FORMULA`]).
pub(crate) fn severity(id: PatternId, incidents: u64, fen: u64, harmed: u32, n_users: u32, hours: u32) -> u8 {
    if incidents == 0 {
        return 0;
    }
    let thousands = f64::from(n_users.max(1)) / 1000.0;
    let days = f64::from(hours.max(1)) / 24.0;
    let rate = incidents as f64 / thousands / days;
    let yuan_rate = fen as f64 / 100.0 / thousands / days;
    let harmed_share = f64::from(harmed) / f64::from(n_users.max(1));
    let (w_incidents, w_harm) = weights(id);
    // Scaled so a launch-day flood (tens of incidents per 1,000 users a day) reads critical while a
    // rule change that halves it still shows as a clear drop, instead of every bad case pinning at 100.
    let x = w_incidents * rate / 50.0 + w_harm * 5.0 * harmed_share + yuan_rate / 10_000.0;
    let s = libm::round(100.0 * (1.0 - libm::exp(-x)));
    // An incident always shows as at least `low`.
    s.clamp(1.0, 100.0) as u8
}

/// How much incidents and harm weigh. A refusal is a one-off per person, circle and action, so its
/// count weighs a tenth of an act of abuse; the share of people refused weighs half the share harmed by abuse.
pub(crate) fn weights(id: PatternId) -> (f64, f64) {
    match id {
        PatternId::Exclusion => (0.1, 0.5),
        _ => (1.0, 1.0),
    }
}

/// The level of a severity.
pub(crate) fn level(severity: u8) -> Level {
    Level::from_severity(severity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_incidents_is_zero() {
        assert_eq!(severity(PatternId::Scam, 0, 0, 0, 10_000, 168), 0);
    }

    #[test]
    fn more_incidents_are_more_severe() {
        let a = severity(PatternId::Scam, 10, 0, 0, 10_000, 168);
        let b = severity(PatternId::Scam, 1000, 0, 0, 10_000, 168);
        assert!(a >= 1 && b > a);
        assert!(b <= 100);
    }

    #[test]
    fn exclusion_weighs_less() {
        let s = severity(PatternId::Scam, 500, 0, 100, 10_000, 168);
        let e = severity(PatternId::Exclusion, 500, 0, 100, 10_000, 168);
        assert!(e < s);
    }
}
