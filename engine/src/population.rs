//! The simulated users: compact per-user state and how a population is drawn from the scenario.

use crate::archetype::{self, profile};
use crate::assumptions::Derived;
use crate::dice::Dice;
use crate::scenario::{Action, Archetype, Gender, Identity, Population, VerificationLevel, CREDIT_MAX, CREDIT_MIN};

/// Where an account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// Acting normally.
    Active,
    /// Suspended until `User::suspended_until`.
    Suspended,
    /// Banned (a ban evader may come back as a new account).
    Banned,
    /// Left the platform for good.
    Left,
}

/// One abusive post seen, in `User::exposure`: a fixed point, so that exposure can fade by a share per
/// visit without whole-number steps rounding small exposures away.
pub(crate) const EXPOSURE_UNIT: u16 = 16;

/// Bits of `User::flags`.
pub(crate) mod flag {
    /// Claimed a gender or identity that is not theirs.
    pub const FAKED: u8 = 1;
    /// Already decided whether to fake (the decision is made once).
    pub const FAKE_DECIDED: u8 = 2;
    /// Sanctioned at least once.
    pub const SANCTIONED: u8 = 4;
    /// Honest user refused at least once.
    pub const DENIED: u8 = 8;
    /// Honest user sanctioned by mistake.
    pub const WRONGED: u8 = 16;
    /// Score farmer has crossed the gate it was buying toward.
    pub const CROSSED: u8 = 32;
    /// Score farmer has bought points.
    pub const BOUGHT: u8 = 64;
    /// An ordinary user who has turned to soliciting because the rules made it pay (model 2).
    pub const CONVERTED: u8 = 128;
}

/// One simulated user; kept small because a run may hold a million of them.
#[derive(Clone, Debug)]
#[repr(align(64))]
pub(crate) struct User {
    pub archetype: Archetype,
    pub gender: Gender,
    /// The gender the platform records (differs from `gender` only for fakers).
    pub claimed_gender: Gender,
    pub identity: Identity,
    /// The identity the platform records.
    pub claimed_identity: Identity,
    pub verification: VerificationLevel,
    pub status: Status,
    pub strikes: u8,
    /// Accounts used so far minus one (a ban evader's comebacks).
    pub generation: u8,
    pub flags: u8,
    /// Honest users: solicitation posts seen (saturating); repeated unwanted exposure counts as harm.
    pub solicit_seen: u8,
    pub credit: u16,
    /// Personal deterrence 0–1000, raised by sanctions, learned in circle `caution_circle` (see [`User::caution_in`]).
    pub caution: u16,
    pub caution_circle: u8,
    /// Honest users: abuse seen and suffered, in [`EXPOSURE_UNIT`]s of one abusive post seen; fades visit by
    /// visit, makes them post less and, past a point, leave.
    pub exposure: u16,
    /// One bit per pattern this user was harmed by (so people harmed are counted once).
    pub harmed: u16,
    /// Hour the current account was made; negative means before the run.
    pub account_created: i32,
    pub suspended_until: u32,
    /// What the user is willing to spend per day, in fen.
    pub budget_fen: u32,
    /// Tipped so far on `spent_day`, in fen.
    pub spent_today_fen: u32,
    pub spent_day: u16,
    /// Points bought or earned on `spent_day` (the daily cap on credit gain).
    pub points_today: u16,
    /// Payments not yet turned into a credit point, in fen.
    pub paid_toward_point: u32,
    /// Circles the user wants to be in (bit per circle).
    pub interests: u32,
    /// Circles the user has joined.
    pub joined: u32,
    /// Ordinary users: what one enticing post would have to earn before this person would post one, in fen
    /// ([`NO_PRICE`] for everyone else: they are what they are). Kept here, not in [`Memory`], because every
    /// honest visit reads it: one cache line per visit.
    pub reservation_fen: u32,
    /// Ordinary users: what they believe one enticing post earns here, from the tips they have seen, in fen.
    pub seen_pay_fen: u32,
    /// Tipped posts behind `seen_pay_fen` so far (up to `assumptions.belief_posts`): the first ones weigh fully,
    /// so a belief forms from the first few posts instead of creeping up from nothing.
    pub seen_pay_posts: u8,
}

/// How far a new account is verified, at the population's rates: bad-faith accounts are verified half as often
/// (they avoid the checks when they can).
pub(crate) fn draw_verification(pop: &Population, bad_faith: bool, dice: &mut Dice) -> VerificationLevel {
    let verif_div = if bad_faith { 2 } else { 1 };
    let v = dice.below(100);
    let real = u32::from(pop.real_name_percent) / verif_div;
    let doc = u32::from(pop.document_checked_percent) / verif_div;
    if v < real {
        VerificationLevel::RealNameBound
    } else if v < real + doc {
        VerificationLevel::DocumentChecked
    } else {
        VerificationLevel::SelfDeclared
    }
}

/// The reservation value of someone who would not sell enticement at any price.
pub(crate) const NO_PRICE: u32 = u32::MAX;

/// The less-used part of a user's state, kept apart so that [`User`] fits one 64-byte cache line:
/// a visit is bound by fetching its user, and a million users do not fit in cache.
#[derive(Clone, Debug)]
pub(crate) struct Memory {
    /// Honest users: (circle, action) pairs already refused, so each is counted and retried once.
    pub denied: [u32; 4],
    /// First user of this user's ring or laundering group (or itself).
    pub group: u32,
    /// Serial of the user's latest post, and its circle in `last_post_circle`.
    pub last_post: u32,
    pub last_post_circle: u8,
    /// Enticing posts made (solicitors, fakers): with `earned_fen`, what they learn the rules pay.
    pub posts: u16,
    /// Tips and contacts earned from enticing posts, in fen (a contact is valued at `assumptions.contact_value_fen`).
    pub earned_fen: u32,
    /// The same two figures over recent posts only (halved whenever the count passes [`Memory::RECENT_POSTS`]):
    /// what a seller expects follows what posts earn now, not what they earned a month ago.
    pub recent_posts: u16,
    pub recent_fen: u32,
    /// Whether this account is a banned abuser's return (its harm and money count as ban evasion too); a new
    /// abuser who took a banned one's place is not.
    pub returned: bool,
}

// INVARIANT: `Memory::denied` has a bit for every (circle, action) pair the scenario allows.
const _: () = assert!(crate::scenario::CIRCLES_MAX * 6 <= 4 * 32 && crate::scenario::CIRCLES_MAX <= 32);

impl Memory {
    /// Recent posts kept in `recent_posts` before both recent figures are halved.
    pub(crate) const RECENT_POSTS: u16 = 16;

    /// Counts an enticing post made.
    pub(crate) fn count_post(&mut self) {
        self.posts = self.posts.saturating_add(1);
        self.recent_posts += 1;
        if self.recent_posts > Self::RECENT_POSTS {
            self.recent_posts /= 2;
            self.recent_fen /= 2;
        }
    }

    /// Counts money an enticing post earned.
    pub(crate) fn earn(&mut self, fen: u64) {
        let fen = fen.min(u64::from(u32::MAX)) as u32;
        self.earned_fen = self.earned_fen.saturating_add(fen);
        self.recent_fen = self.recent_fen.saturating_add(fen);
    }

    /// Forgets what selling earned (a new start, a stop, a new person in the place).
    pub(crate) fn forget_earnings(&mut self) {
        self.posts = 0;
        self.earned_fen = 0;
        self.recent_posts = 0;
        self.recent_fen = 0;
    }

    /// The bit of `denied` for a circle and action.
    fn refusal_bit(c: usize, action: Action) -> (usize, u32) {
        let bit = c * 6 + action as usize;
        debug_assert!(bit < 128, "circle {c} is past CIRCLES_MAX");
        (bit / 32, 1_u32 << (bit % 32))
    }

    /// Whether this user was already refused `action` in circle `c`.
    pub(crate) fn is_refused(&self, c: usize, action: Action) -> bool {
        let (word, mask) = Self::refusal_bit(c, action);
        self.denied.get(word).is_some_and(|w| w & mask != 0)
    }

    /// Remembers a refusal; true the first time for this circle and action.
    pub(crate) fn mark_refused(&mut self, c: usize, action: Action) -> bool {
        let (word, mask) = Self::refusal_bit(c, action);
        match self.denied.get_mut(word) {
            Some(w) => {
                let first = *w & mask == 0;
                *w |= mask;
                first
            }
            None => false,
        }
    }
}

/// Whether people of this archetype look at every circle (bad actors go where the chances are; the demand side
/// goes where the women post) rather than at the ones that interest them.
fn looks_everywhere(a: Archetype) -> bool {
    profile(a).bad_faith || a == Archetype::GenerousTipper
}

/// Whether someone of archetype `a` wants a circle: always if they look everywhere, otherwise with chance
/// `assumptions.honest_interest_percent`. Drawn for each circle at the start and for each circle that opens later.
pub(crate) fn wants_circle(a: Archetype, assume: &Derived, dice: &mut Dice) -> bool {
    looks_everywhere(a) || dice.below(100) < assume.honest_interest_percent
}

/// Size of a sybil ring or laundering group.
pub(crate) const GROUP_SIZE: u32 = 5;

impl User {
    /// Adds a lesson learned in circle `c` (a removal, a suspension, a caught forgery) to this user's own caution.
    /// One circle holds the lesson: an older one from another circle carries over at `spill`, as it would
    /// weigh there, so a sanctioned abuser fears the circle that sanctioned it most and may move on.
    pub(crate) fn learn_caution(&mut self, c: usize, amount: u16, spill: f64) {
        let c = u8::try_from(c).unwrap_or(u8::MAX);
        if c != self.caution_circle {
            self.caution = (f64::from(self.caution) * spill) as u16;
            self.caution_circle = c;
        }
        self.caution = self.caution.saturating_add(amount).min(1000);
    }

    /// Adds exposure to abuse: `posts` abusive posts' worth.
    pub(crate) fn suffer(&mut self, posts: u16) {
        self.exposure = self.exposure.saturating_add(posts.saturating_mul(EXPOSURE_UNIT));
    }

    /// Exposure to abuse, in abusive posts seen.
    pub(crate) fn exposure_posts(&self) -> f64 {
        f64::from(self.exposure) / f64::from(EXPOSURE_UNIT)
    }

    /// This user's own caution (0–1000) in circle `c`: all of it where it was learned, `spill` of it elsewhere.
    pub(crate) fn caution_in(&self, c: usize, spill: f64) -> f64 {
        let own = f64::from(self.caution.min(1000));
        if usize::from(self.caution_circle) == c {
            own
        } else {
            own * spill
        }
    }

    /// Whether the user is an ordinary honest user now (not one who has turned to soliciting).
    pub(crate) fn is_honest(&self) -> bool {
        self.archetype.is_honest() && self.flags & flag::CONVERTED == 0
    }

    /// Whether the user acts in good faith now (honest, or the demand side).
    pub(crate) fn in_good_faith(&self) -> bool {
        self.archetype.in_good_faith() && self.flags & flag::CONVERTED == 0
    }

    /// Whether the user was an ordinary user at the start and now solicits.
    pub(crate) fn is_convert(&self) -> bool {
        self.flags & flag::CONVERTED != 0
    }

    /// Whether the user can act now.
    pub(crate) fn is_active(&self) -> bool {
        self.status == Status::Active
    }

    /// Account age in whole days at `hour`.
    pub(crate) fn age_days(&self, hour: u32) -> u32 {
        let age_hours = i64::from(hour) - i64::from(self.account_created);
        (age_hours.max(0) / 24) as u32
    }
}

/// Draws the population: archetypes in proportion to their shares, then traits per archetype.
pub(crate) fn draw(
    pop: &Population,
    n_users: u32,
    n_circles: usize,
    assume: &Derived,
    dice: &mut Dice,
) -> (Vec<User>, Vec<Memory>) {
    let counts = archetype_counts(pop, n_users);
    let all_circles: u32 = if n_circles >= 32 {
        u32::MAX
    } else {
        (1_u32 << n_circles) - 1
    };
    let id_weights = [
        pop.identity_mix.student,
        pop.identity_mix.white_collar,
        pop.identity_mix.overseas,
        pop.identity_mix.other,
    ];
    // Summed wide: weights are user-controlled and four u32s can overflow a u32. Validation refuses totals
    // past u32::MAX; sanitize-free callers get the weights scaled into range rather than a wrapped total.
    let wide: u64 = id_weights.iter().map(|&w| u64::from(w)).sum();
    let id_weights = if wide > u64::from(u32::MAX) {
        id_weights.map(|w| (u64::from(w) * u64::from(u32::MAX) / wide) as u32)
    } else {
        id_weights
    };
    let id_total: u32 = id_weights
        .iter()
        .map(|&w| u64::from(w))
        .sum::<u64>()
        .clamp(1, u64::from(u32::MAX)) as u32;
    let mut users: Vec<User> = Vec::with_capacity(n_users as usize);
    let mut memory = Vec::with_capacity(n_users as usize);
    for (a, &count) in Archetype::ALL.iter().zip(counts.iter()) {
        let prof = profile(*a);
        let group_start = users.len() as u32;
        for k in 0..count {
            let female_pct = prof.female_percent.unwrap_or(pop.female_percent);
            let gender = if dice.below(100) < u32::from(female_pct) {
                Gender::Female
            } else {
                Gender::Male
            };
            let identity = {
                let mut r = dice.below(id_total);
                let mut pick = Identity::Other;
                for (w, id) in id_weights.iter().zip([
                    Identity::Student,
                    Identity::WhiteCollar,
                    Identity::Overseas,
                    Identity::Other,
                ]) {
                    if r < *w {
                        pick = id;
                        break;
                    }
                    r -= w;
                }
                pick
            };
            let credit = {
                let mean = f64::from(pop.credit.mean) + f64::from(prof.credit_offset);
                let c = mean + dice.normal() * f64::from(pop.credit.std_dev);
                c.clamp(f64::from(CREDIT_MIN), f64::from(CREDIT_MAX)) as u16
            };
            let verification = draw_verification(pop, prof.bad_faith, dice);
            let median_age = if prof.young_accounts {
                20.0
            } else {
                f64::from(pop.account_age_median_days.max(1))
            };
            // Exponential ages with the given median: mean = median / ln 2.
            let age_days = dice
                .exponential_fast(median_age / core::f64::consts::LN_2)
                .min(20_000.0);
            let account_created = -((age_days * 24.0) as i32);
            let budget = f64::from(pop.spending_median_fen_per_day)
                * prof.budget_multiple
                * libm::exp(assume.budget_spread * dice.normal());
            let budget_fen = budget.clamp(0.0, 100_000_000.0) as u32;
            // Reservation values are heterogeneous: most ordinary people would never sell enticement at any
            // price; of the few who would consider it, each has a price.
            let reservation_fen = if a.is_honest() {
                if dice.below(1000) < assume.open_to_selling_permille {
                    let r = assume.reservation_median_fen * libm::exp(assume.reservation_spread * dice.normal());
                    r.clamp(1.0, 4e9) as u32
                } else {
                    NO_PRICE
                }
            } else if a.sells_enticement() {
                let r = assume.pro_reservation_median_fen * libm::exp(assume.pro_reservation_spread * dice.normal());
                r.clamp(1.0, 4e9) as u32
            } else {
                NO_PRICE
            };
            // Honest users want a random ~60% of circles (at least one); bad actors look everywhere.
            let interests = if looks_everywhere(*a) {
                all_circles
            } else {
                let mut m = 0_u32;
                for c in 0..n_circles.min(32) {
                    if wants_circle(*a, assume, dice) {
                        m |= 1 << c;
                    }
                }
                if m == 0 {
                    m = 1 << dice.below(n_circles.clamp(1, 32) as u32);
                }
                m
            };
            let idx = users.len() as u32;
            let group = group_start + (k / GROUP_SIZE) * GROUP_SIZE;
            // One operator sets up a ring's or a laundering group's accounts alike, as the leader's gender and
            // identity, so the group passes the same gates and meets in the same circles (drawn independently,
            // the members of a group rarely shared a circle where joining is by identity).
            let coordinated = matches!(a, Archetype::SybilRing | Archetype::Launderer) && idx != group;
            let (gender, identity) = match users.get(group as usize) {
                Some(leader) if coordinated => (leader.gender, leader.identity),
                _ => (gender, identity),
            };
            users.push(User {
                archetype: *a,
                gender,
                claimed_gender: gender,
                identity,
                claimed_identity: identity,
                verification,
                status: Status::Active,
                strikes: 0,
                generation: 0,
                flags: 0,
                solicit_seen: 0,
                credit,
                caution: 0,
                caution_circle: 0,
                exposure: 0,
                harmed: 0,
                account_created,
                suspended_until: 0,
                budget_fen,
                spent_today_fen: 0,
                spent_day: 0,
                points_today: 0,
                paid_toward_point: 0,
                interests,
                joined: 0,
                reservation_fen,
                seen_pay_fen: 0,
                seen_pay_posts: 0,
            });
            memory.push(Memory {
                denied: [0; 4],
                group: if matches!(a, Archetype::SybilRing | Archetype::Launderer) {
                    group
                } else {
                    idx
                },
                last_post: u32::MAX,
                returned: false,
                last_post_circle: 0,
                posts: 0,
                earned_fen: 0,
                recent_posts: 0,
                recent_fen: 0,
            });
        }
    }
    (users, memory)
}

/// How many users of each archetype, in [`Archetype::ALL`] order, summing to `n_users`.
#[expect(
    clippy::indexing_slicing,
    reason = "indexes are archetype discriminants and positions in a list of the same length"
)]
pub(crate) fn archetype_counts(pop: &Population, n_users: u32) -> [u32; 11] {
    let weights: Vec<u64> = Archetype::ALL
        .iter()
        .map(|a| u64::from(pop.archetypes.get(*a)))
        .collect();
    let total: u64 = weights.iter().sum();
    let mut counts = [0_u32; 11];
    if total == 0 {
        counts[archetype::index(Archetype::Honest)] = n_users;
        return counts;
    }
    let mut assigned = 0_u32;
    for (c, w) in counts.iter_mut().zip(weights.iter()) {
        *c = (u64::from(n_users) * w / total) as u32;
        assigned += *c;
    }
    // Rounding leftovers go to the largest share, which keeps small bad-actor shares exact.
    let mut largest = 0;
    for (i, w) in weights.iter().enumerate() {
        if *w > weights[largest] {
            largest = i;
        }
    }
    counts[largest] += n_users - assigned;
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caution_is_held_where_it_was_learned_and_carries_over_in_part() {
        let pop = Population::default();
        let mut dice = Dice::new(1);
        let (mut people, _) = draw(&pop, 10, 3, &Derived::default(), &mut dice);
        let u = people.first_mut().expect("ten users");
        u.learn_caution(2, 400, 0.25);
        assert_eq!((u.caution_in(2, 0.25), u.caution_in(0, 0.25)), (400.0, 100.0));
        // A new lesson elsewhere: the old one now weighs as it would there, plus the new one.
        u.learn_caution(0, 400, 0.25);
        assert_eq!((u.caution_in(0, 0.25), u.caution_in(2, 0.25)), (500.0, 125.0));
        u.learn_caution(0, 900, 0.25);
        assert_eq!(u.caution_in(0, 0.25), 1000.0);
    }

    #[test]
    fn counts_sum_to_population() {
        let pop = Population::default();
        for n in [100, 1234, 10_000, 999_999] {
            let c = archetype_counts(&pop, n);
            assert_eq!(c.iter().sum::<u32>(), n);
        }
    }

    #[test]
    fn drawn_users_have_scores_in_range() {
        let pop = Population::default();
        let mut dice = Dice::new(5);
        let (users, memory) = draw(&pop, 2000, 3, &Derived::default(), &mut dice);
        assert_eq!(memory.len(), users.len());
        assert_eq!(std::mem::size_of::<User>(), 64);
        assert_eq!(users.len(), 2000);
        assert!(users.iter().all(|u| (CREDIT_MIN..=CREDIT_MAX).contains(&u.credit)));
        assert!(users.iter().all(|u| u.interests != 0));
    }
}
