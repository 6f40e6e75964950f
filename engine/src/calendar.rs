//! The calendar of visits: each user's next visit hour, kept beside the others in user order.

use crate::dice::Dice;

/// No visit booked.
const NONE: u16 = u16::MAX;

/// Packs eight bytes of 0 or 1 into the top byte, byte i on bit i (no carries: each byte meets each power once).
const PACK: u64 = 0x0102_0408_1020_4080;

/// Who visits when.
///
/// Each user has one chain of visits, so the calendar keeps one booked hour per user. Booking writes the slot
/// of the user just visited, and visits run in user order, so writes walk the table front to back; opening an
/// hour is one forward scan of two bytes per user. An earlier bit ring per hour wrote one bit into one of
/// ~40 rows per visit and missed the cache on most visits at a million users.
pub(crate) struct Calendar {
    /// The hour of each user's next visit, or [`NONE`].
    next: Vec<u16>,
    /// The earliest hour a visit may be put on the calendar now (the hour after the one being simulated).
    earliest: u32,
    total_hours: u32,
}

impl Calendar {
    /// An empty calendar for `n_users` over `total_hours` (at most 65,534 hours: runs are at most 90 days).
    pub(crate) fn new(n_users: u32, total_hours: u32) -> Calendar {
        debug_assert!(total_hours < u32::from(NONE));
        Calendar {
            next: vec![NONE; n_users as usize],
            earliest: 0,
            total_hours: total_hours.min(u32::from(NONE)),
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

    /// Puts a user's next visit on the calendar, moving most small-hours visits (1–6 am) to the morning;
    /// visits past the end of the run are dropped.
    pub(crate) fn put(&mut self, idx: u32, mut t: u32, dice: &mut Dice) {
        let hod = t % 24;
        if (1..=6).contains(&hod) && dice.below(10) < 7 {
            t = t - hod + 7 + dice.below(4);
        }
        let t = t.max(self.earliest);
        if t >= self.total_hours {
            return;
        }
        debug_assert!((idx as usize) < self.next.len(), "user {idx} is past the calendar");
        if let Some(slot) = self.next.get_mut(idx as usize) {
            // A user has one chain of visits: nobody is booked twice while a visit is pending.
            debug_assert!(
                *slot == NONE || u32::from(*slot) < self.earliest,
                "user {idx} booked twice"
            );
            *slot = t as u16;
        }
    }

    /// Whether user `idx` has a visit booked from the hour being opened on.
    pub(crate) fn is_booked(&self, idx: u32) -> bool {
        self.next
            .get(idx as usize)
            .is_some_and(|&t| t != NONE && u32::from(t) >= self.earliest)
    }

    /// Opens hour `h`: takes every visit due in it, in user order, into `due` (cleared first).
    ///
    /// INVARIANT: visits scheduled while hour `h` is simulated land at `h + 1` or later, never in the
    /// hour being taken, so taking the whole hour up front gives the same order as walking it.
    pub(crate) fn take_hour(&mut self, h: u32, due: &mut Vec<u32>) {
        due.clear();
        self.earliest = h + 1;
        let Ok(h) = u16::try_from(h) else { return };
        // Groups of 64 slots become one mask each, then the set bits are read out in order. The comparison
        // writes 64 bytes of 0 or 1 (vector code); a multiply packs each eight of them into eight bits (byte i
        // lands on bit i). A mask built bit by bit did not vectorise, and reading the bytes out one word at a
        // time mispredicted a branch per word.
        for (group, slots) in (0_u32..).zip(self.next.chunks(64)) {
            let mut hit = [0_u8; 64];
            for (b, &t) in hit.iter_mut().zip(slots) {
                *b = u8::from(t == h);
            }
            let mut bits = hit.chunks_exact(8).rev().fold(0_u64, |m, bytes| {
                let word = u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]));
                (m << 8) | (word.wrapping_mul(PACK) >> 56)
            });
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
        for idx in [150, 3, 64, 199] {
            cal.put(idx, 12, &mut dice);
        }
        cal.put(7, 300, &mut dice);
        let mut due = Vec::new();
        cal.take_hour(11, &mut due);
        assert!(due.is_empty());
        cal.take_hour(12, &mut due);
        assert_eq!(due, vec![3, 64, 150, 199]);
        // A user visited at hour 12 books the next visit from there.
        cal.put(3, 300, &mut dice);
        cal.take_hour(13, &mut due);
        assert!(due.is_empty());
        cal.take_hour(300, &mut due);
        assert_eq!(due, vec![3, 7]);
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
