//! The calendar of visits: each user's next visit hour, kept beside the others in user order.

use crate::dice::{Dice, ExpHours};

/// No visit booked.
const NONE: u16 = u16::MAX;

/// Who visits when.
///
/// Each user has one chain of visits, so the calendar keeps one booked hour per user, in user order: that
/// table is the truth ([`Calendar::is_booked`] reads it). Beside it, each hour of the run lists the users
/// booked into it; opening the hour puts its list in user order through a bitmap of users, so the work follows
/// the visits (plus a bit per user), not the population. A scan of the whole table, two bytes per user and
/// hour, cost five instructions a user (the release build's link-time pass optimises for size and does not
/// vectorise it): a tenth of a run. An earlier bit ring per hour wrote one bit into one of ~40 rows per visit
/// and missed the cache on most visits at a million users; a list is appended to at its end, which stays in
/// cache.
pub(crate) struct Calendar {
    /// The hour of each user's next visit, or [`NONE`].
    next: Vec<u16>,
    /// By hour: the users booked into it, in booking order (a user booked again elsewhere would stay listed,
    /// and is dropped when the hour opens because `next` disagrees). Emptied as the hour opens.
    booked: Vec<Vec<u32>>,
    /// One bit per user, all clear between hours: where an opening hour's list is put in user order.
    marks: Vec<u64>,
    /// The earliest hour a visit may be put on the calendar now (the hour after the one being simulated).
    earliest: u32,
    total_hours: u32,
}

impl Calendar {
    /// An empty calendar for `n_users` over `total_hours` (at most 65,534 hours: runs are at most 90 days).
    pub(crate) fn new(n_users: u32, total_hours: u32) -> Calendar {
        debug_assert!(total_hours < u32::from(NONE));
        let total_hours = total_hours.min(u32::from(NONE));
        Calendar {
            next: vec![NONE; n_users as usize],
            booked: (0..total_hours).map(|_| Vec::new()).collect(),
            marks: vec![0; (n_users as usize).div_ceil(64)],
            earliest: 0,
            total_hours,
        }
    }

    /// Schedules a user's first visit, `gaps` (hours between visits, [`Rules::visit_gaps`]) on average.
    ///
    /// [`Rules::visit_gaps`]: crate::rules::Rules::visit_gaps
    pub(crate) fn first_visit(&mut self, idx: u32, gaps: &ExpHours, dice: &mut Dice) {
        let t = dice.hours(gaps);
        self.put(idx, t, dice);
    }

    /// Schedules a user's next visit after `now`, `gaps` on average.
    pub(crate) fn next_visit(&mut self, idx: u32, now: u32, gaps: &ExpHours, dice: &mut Dice) {
        let gap = dice.hours(gaps) + 1;
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
        if let (Some(slot), Some(list)) = (self.next.get_mut(idx as usize), self.booked.get_mut(t as usize)) {
            // A user has one chain of visits: nobody is booked twice while a visit is pending.
            debug_assert!(
                *slot == NONE || u32::from(*slot) < self.earliest,
                "user {idx} booked twice"
            );
            *slot = t as u16;
            list.push(idx);
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
        let Some(list) = self.booked.get_mut(h as usize) else {
            return;
        };
        // Taken, and freed once read: a list kept for reuse carried an hour's worth of room into some far
        // hour that books a handful, and at a million users such lists held 50 MiB.
        let list = std::mem::take(list);
        // The listed users are marked in a bitmap by user, then read out word by word: user order at a cost of
        // a few instructions per listed user plus one per 64 users (a general sort cost a hundred per user).
        for &idx in &list {
            if let Some(word) = self.marks.get_mut(idx as usize / 64) {
                *word |= 1 << (idx % 64);
            }
        }
        let h = h as u16;
        for (group, word) in (0_u32..).zip(self.marks.iter_mut()) {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                let idx = group * 64 + bits.trailing_zeros();
                // The table has the last word: a user since booked elsewhere does not visit here.
                if self.next.get(idx as usize) == Some(&h) {
                    due.push(idx);
                }
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
