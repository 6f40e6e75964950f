//! Pattern tallies: incidents, money, people harmed, hourly series, exemplars and the rules that opened each pattern.

use crate::exemplar::Exemplar;
use crate::report::{Level, PatternId, SeverityParts};

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
    pub exemplars: Vec<Exemplar>,
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

    /// Whether another exemplar is wanted (so callers build one only when it is kept).
    pub(crate) fn wants_exemplar(&self) -> bool {
        self.exemplars.len() < EXEMPLARS
    }

    /// Closes the hour's count into the hourly series.
    pub(crate) fn close_hour(&mut self) {
        self.hourly.push(self.this_hour);
        self.this_hour = 0;
    }
}

/// What a severity is made of: each component read on the same log scale (see [`component`]).
pub(crate) struct Inputs {
    /// Incidents over the run.
    pub incidents: u64,
    /// Money involved, in fen.
    pub fen: u64,
    /// Distinct people in good faith harmed over the run.
    pub harmed: u32,
    /// Prevalence: violating views per 10,000 honest views.
    pub prevalence_per_10k: u32,
    /// Users in the population.
    pub n_users: u32,
    /// People in good faith (honest users and the demand side), who can be harmed.
    pub n_good_faith: u32,
    /// Hours run.
    pub hours: u32,
}

/// The top of each component's scale, reached only at a physically extreme volume: one incident per user per
/// day; every person in good faith harmed within a week (or every view violating); ¥100 per user per day.
const TOP_INCIDENTS_PER_USER_DAY: f64 = 1.0;
/// ¥100 per user per day, in fen.
const TOP_FEN_PER_USER_DAY: f64 = 10_000.0;
/// The scale's resolution: 1 in 10,000 of the top reads 7.5, 1 in 1,000 reads 26, 1 % reads 50, 10 % reads 75.
const RESOLUTION: f64 = 10_000.0;

/// One component 0–100 from `share`, its value as a fraction of the top of its scale: logarithmic, so that
/// halving a volume always moves it by the same ~7.5 points whether the volume is small or huge (no saturation
/// short of the top), and monotone.
pub(crate) fn component(share: f64) -> f64 {
    if share.is_nan() || share <= 0.0 {
        return 0.0;
    }
    (100.0 * libm::log10(1.0 + RESOLUTION * share) / libm::log10(1.0 + RESOLUTION)).min(100.0)
}

/// Severity 0–100 and its components from the documented formula ([`crate::SEVERITY_FORMULA`]).
pub(crate) fn severity(id: PatternId, x: &Inputs) -> (u8, SeverityParts) {
    if x.incidents == 0 {
        return (0, SeverityParts::default());
    }
    let days = f64::from(x.hours.max(1)) / 24.0;
    let users = f64::from(x.n_users.max(1));
    let rate = component(x.incidents as f64 / users / days / TOP_INCIDENTS_PER_USER_DAY);
    // People harmed are counted once each, so their share grows with the run; read as a weekly chance of being
    // harmed (constant hazard), it does not depend on run length. A run shorter than a week reads the share so
    // far: it has not shown that the harm goes on.
    let harmed_share = (f64::from(x.harmed) / f64::from(x.n_good_faith.max(1))).min(1.0);
    let weekly = if days >= 7.0 {
        1.0 - libm::pow(1.0 - harmed_share, 7.0 / days)
    } else {
        harmed_share
    };
    let prevalence = f64::from(x.prevalence_per_10k) / 10_000.0;
    let reach = component(weekly.max(prevalence));
    let money = id
        .involves_money()
        .then(|| component(x.fen as f64 / users / days / TOP_FEN_PER_USER_DAY));
    let (sum, n) = money.map_or((rate + reach, 2.0), |m| (rate + reach + m, 3.0));
    let round = |v: f64| libm::round(v).clamp(0.0, 100.0) as u8;
    let parts = SeverityParts {
        reach: round(reach),
        rate: round(rate),
        money: money.map(round),
    };
    // An incident always shows as at least `low`.
    (round(sum / n).max(1), parts)
}

/// The level of a severity.
pub(crate) fn level(severity: u8) -> Level {
    Level::from_severity(severity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(incidents: u64, fen: u64, harmed: u32, hours: u32) -> Inputs {
        Inputs {
            incidents,
            fen,
            harmed,
            prevalence_per_10k: 0,
            n_users: 10_000,
            n_good_faith: 9_000,
            hours,
        }
    }

    #[test]
    fn no_incidents_is_zero() {
        assert_eq!(severity(PatternId::Scam, &inputs(0, 0, 0, 168)).0, 0);
    }

    #[test]
    fn monotone_in_every_component_and_not_saturated_at_a_flood() {
        let base = severity(PatternId::Scam, &inputs(5_000, 30_000_000, 3_000, 168)).0;
        assert!(base < 95, "a launch-sized flood still leaves room above: {base}");
        for more in [
            inputs(10_000, 30_000_000, 3_000, 168),
            inputs(5_000, 60_000_000, 3_000, 168),
            inputs(5_000, 30_000_000, 6_000, 168),
        ] {
            assert!(severity(PatternId::Scam, &more).0 > base);
        }
    }

    #[test]
    fn halving_moves_it_the_same_at_any_volume() {
        let step = |n: u64| {
            i32::from(severity(PatternId::Harassment, &inputs(2 * n, 0, 0, 168)).1.rate)
                - i32::from(severity(PatternId::Harassment, &inputs(n, 0, 0, 168)).1.rate)
        };
        assert!((step(5_000) - step(500)).abs() <= 2, "{} vs {}", step(5_000), step(500));
    }

    #[test]
    fn run_length_does_not_change_a_steady_rate() {
        // The same daily rate and the same weekly chance of harm over one week and over four.
        let week = severity(PatternId::Scam, &inputs(700, 70_000, 900, 168)).0;
        let harmed_4w = (9_000.0 * (1.0 - (1.0_f64 - 0.1).powi(4))) as u32;
        let month = severity(PatternId::Scam, &inputs(2_800, 280_000, harmed_4w, 672)).0;
        assert!(week.abs_diff(month) <= 1, "{week} vs {month}");
    }

    #[test]
    fn money_counts_only_where_money_is_the_abuse() {
        let (_, h) = severity(PatternId::Harassment, &inputs(500, 0, 100, 168));
        assert!(h.money.is_none());
        let (_, s) = severity(PatternId::Scam, &inputs(500, 100_000, 100, 168));
        assert!(s.money.is_some());
    }
}
