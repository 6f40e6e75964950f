//! The calendar of visits: an hour-bucketed ring of bits, so cost grows with actions, not idle user-hours.

use crate::dice::Dice;

/// Hours of visits the bit ring holds; later visits wait in the far calendar.
pub(crate) const RING_HOURS: u32 = 128;

/// Who visits when.
pub(crate) struct Calendar {
    /// Visits due in the next [`RING_HOURS`] hours: one bit per user per hour, so each hour's visits come out
    /// in user order and the user table is walked forwards (with a million users the loop is bound by memory).
    ring: Vec<u64>,
    /// 64-bit words per hour in `ring` (one per group of 64 users).
    ring_words: usize,
    /// The earliest hour a visit may be put on the calendar now (the hour after the one being simulated).
    earliest: u32,
    /// Visits further ahead than the ring reaches (long suspensions, rare long gaps), one bucket per hour.
    far: Vec<Vec<u32>>,
    total_hours: u32,
}

/// The ring word holding user `idx`'s bit for hour `t`. The layout is by group of 64 users, then hour, so
/// scheduling a visit touches memory next to the word the user was just read from.
fn ring_word(idx: u32, t: u32) -> usize {
    (idx / 64) as usize * RING_HOURS as usize + (t % RING_HOURS) as usize
}

impl Calendar {
    /// An empty calendar for `n_users` over `total_hours`.
    pub(crate) fn new(n_users: u32, total_hours: u32) -> Calendar {
        let ring_words = (n_users as usize).div_ceil(64);
        Calendar {
            ring: vec![0; RING_HOURS as usize * ring_words],
            ring_words,
            earliest: 0,
            far: vec![Vec::new(); total_hours as usize],
            total_hours,
        }
    }

    /// Schedules a user's first visit, `sessions_per_day` on average.
    pub(crate) fn first_visit(&mut self, idx: u32, sessions_per_day: f64, dice: &mut Dice) {
        let t = dice.exponential_fast(24.0 / sessions_per_day) as u32;
        self.put(idx, t, dice);
    }

    /// Schedules a user's next visit after `now`, `sessions_per_day` on average.
    pub(crate) fn next_visit(&mut self, idx: u32, now: u32, sessions_per_day: f64, dice: &mut Dice) {
        let gap = dice.exponential_fast(24.0 / sessions_per_day) as u32 + 1;
        self.put(idx, now.saturating_add(gap), dice);
    }

    /// Puts a visit on the calendar, moving most small-hours visits (1–6 am) to the morning; visits past
    /// the end of the run are dropped.
    pub(crate) fn put(&mut self, idx: u32, mut t: u32, dice: &mut Dice) {
        let hod = t % 24;
        if (1..=6).contains(&hod) && dice.below(10) < 7 {
            t = t - hod + 7 + dice.below(4);
        }
        let t = t.max(self.earliest);
        if t >= self.total_hours {
            return;
        }
        if t < self.earliest.saturating_add(RING_HOURS - 1) {
            self.set_bit(idx, t);
        } else {
            // INVARIANT: t < total_hours == far.len().
            debug_assert!((t as usize) < self.far.len());
            if let Some(bucket) = self.far.get_mut(t as usize) {
                bucket.push(idx);
            }
        }
    }

    fn set_bit(&mut self, idx: u32, t: u32) {
        let word = ring_word(idx, t);
        debug_assert!(word < self.ring.len(), "user {idx} is past the calendar");
        if let Some(w) = self.ring.get_mut(word) {
            *w |= 1 << (idx % 64);
        }
    }

    /// Opens hour `h`: takes every visit due in it, in user order, into `due` (cleared first).
    ///
    /// INVARIANT: visits scheduled while hour `h` is simulated land at `h + 1` or later, never in the
    /// slot being emptied, so taking the whole hour up front gives the same order as walking it.
    pub(crate) fn take_hour(&mut self, h: u32, due: &mut Vec<u32>) {
        due.clear();
        let far = self.far.get_mut(h as usize).map(std::mem::take).unwrap_or_default();
        for idx in far {
            self.set_bit(idx, h);
        }
        self.earliest = h + 1;
        for group in 0..self.ring_words as u32 {
            let Some(w) = self.ring.get_mut(ring_word(group * 64, h)) else {
                break;
            };
            let mut bits = std::mem::take(w);
            while bits != 0 {
                due.push(group * 64 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_come_out_in_their_hour_and_user_order() {
        let mut cal = Calendar::new(200, 400);
        let mut dice = Dice::new(1);
        // Hour 12 is not in the small hours, so no visit moves.
        for idx in [150, 3, 64, 3] {
            cal.put(idx, 12, &mut dice);
        }
        cal.put(7, 300, &mut dice);
        let mut due = Vec::new();
        cal.take_hour(11, &mut due);
        assert!(due.is_empty());
        cal.take_hour(12, &mut due);
        assert_eq!(due, vec![3, 64, 150]);
        cal.take_hour(300, &mut due);
        assert_eq!(due, vec![7]);
    }

    #[test]
    fn visits_past_the_end_are_dropped() {
        let mut cal = Calendar::new(10, 24);
        let mut dice = Dice::new(1);
        cal.put(1, 40, &mut dice);
        let mut due = Vec::new();
        for h in 0..24 {
            cal.take_hour(h, &mut due);
            assert!(due.is_empty());
        }
    }
}
