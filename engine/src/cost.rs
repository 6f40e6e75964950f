//! What a run will cost, known before it starts: work units counted from the scenario alone.
//!
//! The app decides from this whether a run may start by itself, shows "about N s" before a long one, and
//! plans analyses (compare, sweep, explain) by the same measure. The engine knows no clock: turning units
//! into seconds is the caller's business, with a rate it measured (see [`UNITS_PER_SECOND_NATIVE`]).

use crate::archetype::profile;
use crate::population::archetype_counts;
use crate::scenario::Scenario;

/// A run's estimated work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cost {
    /// Expected user visits over the run.
    pub visits: u64,
    /// Work units: visits weighted by what a visit does under these rules, plus the calendar's hourly walk.
    pub units: u64,
}

/// Units per second of a release build on the reference machine (two cores, `backfire bench`: 10k users ×
/// 7 days and 1M × 30 days both land within 2× of it). The browser is slower; the app measures its own rate.
pub const UNITS_PER_SECOND_NATIVE: u64 = 50_000_000;

/// Estimates the work of running `s` (after the same clamping `run` applies).
pub fn estimate(s: &Scenario) -> Cost {
    let s = crate::settings::sanitize(s);
    let days = u64::from(s.days);
    let counts = archetype_counts(&s.population, s.population.n_users);
    let mut visits = 0_u64;
    for (a, n) in crate::scenario::Archetype::ALL.iter().zip(counts) {
        // Sessions per day are small positive constants; rounding up keeps the estimate on the safe side.
        let per_day = libm::ceil(profile(*a).sessions_per_day) as u64;
        visits = visits.saturating_add(u64::from(n).saturating_mul(per_day).saturating_mul(days));
    }
    // A visit glances at a few posts and, for an abuser, weighs every circle it may post in.
    let per_visit = 4 + s.circles.len() as u64;
    let calendar = days * 24 * u64::from(s.population.n_users).div_ceil(64);
    Cost {
        visits,
        units: visits.saturating_mul(per_visit).saturating_add(calendar),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(users: u32, days: u32, circles: usize) -> Scenario {
        let mut s = Scenario::default();
        s.population.n_users = users;
        s.days = days;
        let c = s.circles.first().cloned().unwrap_or_default();
        s.circles = vec![c; circles];
        s
    }

    #[test]
    fn cost_grows_with_users_days_and_circles() {
        let base = estimate(&scenario(10_000, 7, 3));
        assert!(estimate(&scenario(100_000, 7, 3)).units > 9 * base.units);
        assert!(estimate(&scenario(10_000, 30, 3)).units > 4 * base.units);
        assert!(estimate(&scenario(10_000, 7, 20)).units > base.units);
        assert!(base.visits > 10_000 * 7);
    }

    #[test]
    fn the_largest_run_does_not_overflow() {
        let c = estimate(&scenario(u32::MAX, u32::MAX, 1_000));
        assert!(c.units >= c.visits);
    }
}
