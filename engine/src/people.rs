//! The people of a run: every user's compact state and less-used memory, addressed by user index.

use crate::population::{flag, Memory, User};
use crate::rule::Attrs;
use crate::scenario::{Action, Archetype};

/// Users and their memory, side by side.
///
/// INVARIANT: `users.len() == memory.len()`, and every user index handed around in a run (calendar entries,
/// post authors, queue items, ring-mates after their bounds check) is below it, so lookups index directly
/// and an impossible index fails loudly instead of being skipped.
pub(crate) struct People {
    users: Vec<User>,
    memory: Vec<Memory>,
    /// Each user's archetype, a byte apiece beside the records: read for authors at random (a tip books money
    /// by the kinds of payer and author), where a million users' records do not fit in cache but these do.
    /// INVARIANT: equal to `users[idx].archetype` (nobody's archetype changes: a newcomer is the same kind).
    archetypes: Vec<Archetype>,
}

impl People {
    /// Wraps a drawn population.
    pub(crate) fn new(users: Vec<User>, memory: Vec<Memory>) -> People {
        debug_assert_eq!(users.len(), memory.len());
        let archetypes = users.iter().map(|u| u.archetype).collect();
        People {
            users,
            memory,
            archetypes,
        }
    }

    /// Users in the run.
    pub(crate) fn len(&self) -> u32 {
        self.users.len() as u32
    }

    /// Every user, in index order.
    pub(crate) fn users(&self) -> &[User] {
        &self.users
    }

    /// User `idx`.
    #[expect(
        clippy::indexing_slicing,
        reason = "user indexes are valid by construction (see the invariant)"
    )]
    pub(crate) fn user(&self, idx: u32) -> &User {
        &self.users[idx as usize]
    }

    /// User `idx`'s archetype, from the side table `archetypes` (no trip to the record).
    #[expect(
        clippy::indexing_slicing,
        reason = "user indexes are valid by construction (see the invariant)"
    )]
    pub(crate) fn archetype(&self, idx: u32) -> Archetype {
        self.archetypes[idx as usize]
    }

    /// User `idx`, to change.
    #[expect(
        clippy::indexing_slicing,
        reason = "user indexes are valid by construction (see the invariant)"
    )]
    pub(crate) fn user_mut(&mut self, idx: u32) -> &mut User {
        &mut self.users[idx as usize]
    }

    /// User `idx`'s memory.
    #[expect(
        clippy::indexing_slicing,
        reason = "user indexes are valid by construction (see the invariant)"
    )]
    pub(crate) fn memory(&self, idx: u32) -> &Memory {
        &self.memory[idx as usize]
    }

    /// User `idx`'s memory, to change.
    #[expect(
        clippy::indexing_slicing,
        reason = "user indexes are valid by construction (see the invariant)"
    )]
    pub(crate) fn memory_mut(&mut self, idx: u32) -> &mut Memory {
        &mut self.memory[idx as usize]
    }

    /// User `idx` and its memory together, to change both.
    #[expect(
        clippy::indexing_slicing,
        reason = "user indexes are valid by construction (see the invariant)"
    )]
    pub(crate) fn both_mut(&mut self, idx: u32) -> (&mut User, &mut Memory) {
        (&mut self.users[idx as usize], &mut self.memory[idx as usize])
    }

    /// Gives user `idx`'s place to a newcomer at hour `h`: the same kind of person (archetype, traits,
    /// interests, budget, what it would take them to solicit) on a new account, with nothing seen, suffered,
    /// learned or refused yet.
    pub(crate) fn renew(&mut self, idx: u32, h: u32) {
        let (u, m) = self.both_mut(idx);
        u.status = crate::population::Status::Active;
        u.account_created = i32::try_from(h).unwrap_or(i32::MAX);
        u.exposure = 0;
        u.solicit_seen = 0;
        u.harmed = 0;
        u.flags = 0;
        u.strikes = 0;
        u.caution = 0;
        u.joined = 0;
        u.seen_pay_fen = 0;
        u.seen_pay_posts = 0;
        m.denied = [0; 4];
        m.forget_earnings();
        m.last_post = u32::MAX;
    }

    /// Reads what a batch of visits will read first, in a tight loop, so that the processor fetches it from memory
    /// in parallel rather than one stall per visit (a million users do not fit in cache): every visitor's record,
    /// and the memory of sellers and abusers, whose every visit weighs what their posts earned (told apart by the
    /// side table of archetypes, which stays in cache). The result means nothing; it keeps the reads from being
    /// optimised away.
    pub(crate) fn touch(&self, batch: &[u32]) -> u8 {
        batch.iter().fold(0_u8, |t, &idx| {
            let t = t ^ self.user(idx).strikes;
            if self.archetype(idx).in_good_faith() {
                t
            } else {
                t ^ self.memory(idx).last_post_circle
            }
        })
    }

    /// What the platform knows about user `idx` at hour `h` (claimed attributes, not true ones).
    pub(crate) fn attrs(&self, idx: u32, h: u32) -> Attrs {
        let u = self.user(idx);
        Attrs {
            gender: u.claimed_gender,
            identity: u.claimed_identity,
            verification: u.verification,
            credit: u.credit,
            age_days: u.age_days(h),
        }
    }

    /// Whether an honest user already knows they are refused this action here (and so does not try again).
    pub(crate) fn knows_refused(&self, idx: u32, c: usize, action: Action) -> bool {
        // Most users are never refused: their flag spares a trip to the side table.
        if self.user(idx).flags & flag::DENIED == 0 {
            return false;
        }
        self.memory(idx).is_refused(c, action)
    }
}
