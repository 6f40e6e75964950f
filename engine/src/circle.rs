//! A circle at run time: the window of recent posts, grown to fit the circle's activity, that members' feeds are sampled from.
//!
//! A feed is not one shared list: each glance samples a post by age in hours (people mostly read what is
//! recent), so what one post is worth in views does not depend on how many people post or read. A quiet
//! circle's feed reaches further back; a busy one's stays recent. Ranked feeds ("hot") weigh a few recent
//! candidates by praise or tips and show the best.

use std::collections::BTreeMap;

use crate::dice::{Dice, ExpHours};
use crate::scenario::Ranking;

/// Hours of posts a feed can reach back (older posts are never shown, and their slots are reused).
pub(crate) const FEED_HOURS: u32 = 48;
/// Slots a circle starts with; the window doubles when the posts of the last [`FEED_HOURS`] outgrow it.
const FIRST_SLOTS: usize = 64;
/// Hours whose first serial is remembered: at least the feed's reach plus the hour in progress (a power of
/// two, so the hour's slot is a mask, not a division, on every glance).
const HOURS_KEPT: usize = (FEED_HOURS as usize + 1).next_power_of_two();

/// What a post really is (the platform only learns it through moderation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PostKind {
    /// An empty slot of the window.
    None,
    /// An honest post.
    Genuine,
    /// Racy content asking for tips and contact.
    Solicit,
    /// A promised meeting that will not happen, paid in advance.
    Scam,
    /// A persona posted through a gate with a faked gender or identity.
    Fake,
    /// A sybil ring's post, boosted by its ring.
    Ring,
    /// A launderer's cover post that money is tipped to.
    Cover,
}

impl PostKind {
    /// Every kind, in [`PostKind::index`] order.
    pub(crate) const ALL: [PostKind; 7] = [
        PostKind::None,
        PostKind::Genuine,
        PostKind::Solicit,
        PostKind::Scam,
        PostKind::Fake,
        PostKind::Ring,
        PostKind::Cover,
    ];

    /// This kind's slot in [`PostKind::ALL`] (for tables by kind).
    pub(crate) const fn index(self) -> usize {
        match self {
            PostKind::None => 0,
            PostKind::Genuine => 1,
            PostKind::Solicit => 2,
            PostKind::Scam => 3,
            PostKind::Fake => 4,
            PostKind::Ring => 5,
            PostKind::Cover => 6,
        }
    }
}

/// One post in a circle's window: what a glance reads, in 16 bytes. Glances land on recent posts at random, so
/// at a million users the window's reads miss the cache; the smaller a post, the more of the recent ones stay in
/// it. Its serial is its place in the window ([`CircleState::glance`] says which), and where it came from, read
/// only when someone acts on it, is its [`Origin`] beside it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Post {
    pub author: u32,
    pub praise: u32,
    /// Tips received in fen (the low [`TIPS_BITS`] bits), the kind and the [`flag`]s (the top byte): read them
    /// through the accessors.
    bits: u64,
}

/// Bits of [`Post::bits`] that hold the tips. Tips on one post never come near 2^56 fen: a tip is at most
/// what the tipper has left of a daily budget (itself at most 10^8 fen), and a post takes tips for at most 49
/// hours, so a post would need more than 2 × 10^8 tippers, and a run has at most
/// [`USERS_MAX`](crate::scenario::USERS_MAX) users.
const TIPS_BITS: u32 = 56;
/// The most tips a post records (more would saturate, not wrap into the kind).
const TIPS_MAX: u64 = (1 << TIPS_BITS) - 1;
/// Bits of [`Post::bits`]'s top byte that hold the kind (as [`PostKind::index`]); the flags sit above them.
const KIND_BITS: u32 = 3;

// INVARIANT: a post stays 16 bytes (four to a cache line), every kind's index fits in its bits, and the flags
// fit in the rest of the byte.
const _: () = assert!(size_of::<Post>() == 16);
const _: () = assert!(PostKind::ALL.len() <= 1 << KIND_BITS);
const _: () = assert!(flag::ALL < 1 << (8 - KIND_BITS));

/// A post's yes-or-no facts, one bit each.
pub(crate) mod flag {
    /// Taken down by moderation (and an empty slot): feeds skip it.
    pub const HIDDEN: u8 = 1;
    /// Someone has reported it (a post is reported once).
    pub const REPORTED: u8 = 1 << 1;
    /// Contact details survived the filter (solicitation and scams convert better with them).
    pub const CONTACT_OK: u8 = 1 << 2;
    /// The author's recorded gender was female when posting (viewers see the profile).
    pub const AUTHOR_FEMALE: u8 = 1 << 3;
    /// The author was an ordinary user turned to soliciting when posting (for attribution).
    pub const FROM_CONVERT: u8 = 1 << 4;
    /// Every flag.
    pub(super) const ALL: u8 = HIDDEN | REPORTED | CONTACT_OK | AUTHOR_FEMALE | FROM_CONVERT;
}

impl Post {
    /// An empty window slot.
    const EMPTY: Post = Post::with_flags(0, PostKind::None, flag::HIDDEN);

    /// A new post by `author`, with `flags` (from [`flag`]), no praise and no tips.
    pub(crate) const fn with_flags(author: u32, kind: PostKind, flags: u8) -> Post {
        Post {
            author,
            praise: 0,
            bits: ((flags as u64) << (TIPS_BITS + KIND_BITS)) | ((kind.index() as u64) << TIPS_BITS),
        }
    }

    /// The top byte: the kind, then the flags.
    fn top(self) -> u8 {
        (self.bits >> TIPS_BITS) as u8
    }

    /// What the post really is.
    pub(crate) fn kind(self) -> PostKind {
        let i = usize::from(self.top() & ((1 << KIND_BITS) - 1));
        PostKind::ALL.get(i).copied().unwrap_or(PostKind::None)
    }

    /// Whether every flag of `f` is set.
    pub(crate) fn has(self, f: u8) -> bool {
        (self.top() >> KIND_BITS) & f == f
    }

    /// Sets the flags of `f`.
    pub(crate) fn set(&mut self, f: u8) {
        self.bits |= u64::from(f) << (TIPS_BITS + KIND_BITS);
    }

    /// Whether moderation took it down.
    pub(crate) fn hidden(self) -> bool {
        self.has(flag::HIDDEN)
    }

    /// Tips received, in fen.
    pub(crate) fn tips_fen(self) -> u64 {
        self.bits & TIPS_MAX
    }

    /// Records a tip of `fen`.
    pub(crate) fn add_tips(&mut self, fen: u64) {
        let tips = self.tips_fen().saturating_add(fen).min(TIPS_MAX);
        self.bits = (self.bits & !TIPS_MAX) | tips;
    }
}

/// Where a post came from, kept beside it in the window and read only when someone acts on it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Origin {
    /// Key of the rule that let it be posted (for `opened_by`).
    pub rule_key: u16,
    /// The author's account generation when posting (a sanction must not reach whoever holds the account next).
    pub author_generation: u8,
}

impl Origin {
    /// An empty window slot's.
    const EMPTY: Origin = Origin {
        rule_key: 0,
        author_generation: 0,
    };
}

/// Where a glance a given number of hours back lands: the nearest hour with posts at that age or older (a quiet
/// hour sends a glance further back), as its first serial, its number of posts and its age. Worked out for every
/// age as an hour opens, since glances read completed hours only; a walk back through the hours' first serials on
/// every glance cost a tenth of a glance.
#[derive(Clone, Copy, Debug)]
struct Aim {
    first: u32,
    /// Posts in that hour; 0 when no hour within reach at that age or older has any.
    n: u32,
    age: u32,
}

impl Aim {
    /// No hour with posts within reach.
    const NOTHING: Aim = Aim { first: 0, n: 0, age: 0 };
}

/// Run-time state of one circle.
pub(crate) struct CircleState {
    /// Ring buffer of posts, indexed by `serial & mask`; its length is a power of two. It holds every post a
    /// feed can still show (it grows before a new post would overwrite one), so a post's slot is its serial.
    window: Vec<Post>,
    /// Each post's [`Origin`], in the same slots.
    origins: Vec<Origin>,
    mask: u32,
    pub next_serial: u32,
    /// First serial published in each of the last [`HOURS_KEPT`] hours, by hour modulo [`HOURS_KEPT`].
    hour_first: [u32; HOURS_KEPT],
    /// By age in hours (1 to [`FEED_HOURS`]): where a glance that far back lands, worked out as the hour opens
    /// (the hours before it no longer change; see [`Aim`]).
    aims: [Aim; FEED_HOURS as usize + 1],
    /// The hour in progress.
    hour: u32,
    pub members: u32,
    pub posts: u64,
    pub abusive_posts: u64,
    pub views: u64,
    pub tipped_fen: u64,
    /// Recent confirmed-violation sanctions and recent violations (hourly decayed), read as deterrence.
    pub sanctions_recent: f64,
    pub violations_recent: f64,
    /// Recent mean hours from flag to review.
    pub wait_recent: f64,
    /// What each tipper has tipped in this circle today, in fen: the circle's own daily cap per tipper reads it.
    /// Only tippers have entries (a few in a hundred users), and it is emptied when a day begins.
    pub tipped_today: BTreeMap<u32, u32>,
    /// What enticing posts here earn lately, as everyone can see it (tips are visible, and the talk of contacts
    /// gets around): recent posts and recent earnings by kind, `[solicitation, faked persona]`, fading each hour
    /// like the deterrence memory. A professional's first expectation is this market rate once there is one.
    pub market_posts: [f64; 2],
    pub market_fen: [f64; 2],
}

/// The slot of an enticing kind in [`CircleState::market_posts`] and [`CircleState::market_fen`].
fn market_slot(kind: PostKind) -> Option<usize> {
    match kind {
        PostKind::Solicit => Some(0),
        PostKind::Fake => Some(1),
        _ => None,
    }
}

impl CircleState {
    /// An empty circle.
    pub(crate) fn new() -> Self {
        CircleState {
            window: Vec::new(),
            origins: Vec::new(),
            mask: 0,
            next_serial: 0,
            hour_first: [0; HOURS_KEPT],
            aims: [Aim::NOTHING; FEED_HOURS as usize + 1],
            hour: 0,
            members: 0,
            posts: 0,
            abusive_posts: 0,
            views: 0,
            tipped_fen: 0,
            sanctions_recent: 0.0,
            violations_recent: 0.0,
            wait_recent: 24.0,
            tipped_today: BTreeMap::new(),
            market_posts: [0.0; 2],
            market_fen: [0.0; 2],
        }
    }

    /// Counts money an enticing post of `kind` earned here toward the market rate.
    pub(crate) fn market_earned(&mut self, kind: PostKind, fen: u64) {
        if let Some(total) = market_slot(kind).and_then(|k| self.market_fen.get_mut(k)) {
            *total += fen as f64;
        }
    }

    /// What one enticing post of `kind` earns here lately, once `seen` of them have been seen lately (the
    /// rules scale it with the population, so a market is known as early in a small run as in a large one).
    pub(crate) fn market_rate(&self, kind: PostKind, seen: f64) -> Option<f64> {
        let k = market_slot(kind)?;
        let (posts, fen) = (*self.market_posts.get(k)?, *self.market_fen.get(k)?);
        (posts >= seen).then(|| fen / posts)
    }

    /// Lets the market memory fade by `keep` (called once an hour).
    pub(crate) fn fade_market(&mut self, keep: f64) {
        for x in self.market_posts.iter_mut().chain(self.market_fen.iter_mut()) {
            *x *= keep;
        }
    }

    /// Opens hour `h`: posts from now on belong to it.
    pub(crate) fn open_hour(&mut self, h: u32) {
        if h / 24 != self.hour / 24 {
            self.tipped_today.clear();
        }
        self.hour = h;
        if let Some(first) = self.hour_first.get_mut(h as usize & (HOURS_KEPT - 1)) {
            *first = self.next_serial;
        }
        // From the oldest hour a feed reaches to the newest, each age lands on the nearest hour with posts at
        // that age or older, as a walk back from it would.
        let mut nearest = Aim::NOTHING;
        for age in (1..=h.min(FEED_HOURS)).rev() {
            let first = self.first_of(h - age);
            let n = self.first_of(h - age + 1).wrapping_sub(first);
            if n > 0 {
                nearest = Aim { first, n, age };
            }
            if let Some(aim) = self.aims.get_mut(age as usize) {
                *aim = nearest;
            }
        }
    }

    /// First serial of hour `h` (which must be within the last [`HOURS_KEPT`] hours).
    fn first_of(&self, h: u32) -> u32 {
        self.hour_first
            .get(h as usize & (HOURS_KEPT - 1))
            .copied()
            .unwrap_or(self.next_serial)
    }

    /// The oldest serial a feed can still show: the first of the hour [`FEED_HOURS`] back.
    fn oldest_shown(&self) -> u32 {
        if self.hour < FEED_HOURS {
            0
        } else {
            self.first_of(self.hour - FEED_HOURS)
        }
    }

    /// Adds a post; returns its serial. The window grows when the posts a feed can still show fill it.
    pub(crate) fn publish(&mut self, post: Post, origin: Origin) -> u32 {
        if let Some(n) = market_slot(post.kind()).and_then(|k| self.market_posts.get_mut(k)) {
            *n += 1.0;
        }
        let serial = self.next_serial;
        let live = serial.wrapping_sub(self.oldest_shown()) as usize;
        if live >= self.window.len() {
            self.grow();
        }
        self.next_serial = self.next_serial.wrapping_add(1);
        let slot = (serial & self.mask) as usize;
        if let (Some(p), Some(o)) = (self.window.get_mut(slot), self.origins.get_mut(slot)) {
            (*p, *o) = (post, origin);
        }
        self.posts += 1;
        serial
    }

    /// Doubles the window, moving each post a feed can still show to its slot under the new mask (the others
    /// are never read again).
    fn grow(&mut self) {
        let len = (self.window.len() * 2).max(FIRST_SLOTS);
        let (mut window, mut origins) = (vec![Post::EMPTY; len], vec![Origin::EMPTY; len]);
        let mask = (len - 1) as u32;
        let first = self.oldest_shown();
        for serial in (0..self.next_serial.wrapping_sub(first)).map(|i| first.wrapping_add(i)) {
            let (from, to) = ((serial & self.mask) as usize, (serial & mask) as usize);
            if let (Some(p), Some(o), Some(p_to), Some(o_to)) = (
                self.window.get(from),
                self.origins.get(from),
                window.get_mut(to),
                origins.get_mut(to),
            ) {
                (*p_to, *o_to) = (*p, *o);
            }
        }
        (self.window, self.origins, self.mask) = (window, origins, mask);
    }

    /// The post with this serial, if a feed can still show it (its slot then holds it: see [`Self::window`]).
    pub(crate) fn get_mut(&mut self, serial: u32) -> Option<&mut Post> {
        if serial.wrapping_sub(self.oldest_shown()) >= self.next_serial.wrapping_sub(self.oldest_shown()) {
            return None;
        }
        let slot = (serial & self.mask) as usize;
        self.window.get_mut(slot).filter(|p| p.kind() != PostKind::None)
    }

    /// Where the post with this serial came from: for a post a feed can still show, such as one a glance just
    /// showed (read apart from the post, so a glance that leads to nothing never loads it).
    pub(crate) fn origin(&self, serial: u32) -> Origin {
        self.origins
            .get((serial & self.mask) as usize)
            .copied()
            .unwrap_or(Origin::EMPTY)
    }

    /// A post a glance at the feed lands on, with its serial; `None` when the feed shows nothing (empty, or removed).
    ///
    /// The glance picks an age in whole hours before the hour in progress (exponential, mean
    /// `attention_hours`, an assumption, through its table `ages`); a quiet hour sends it further back, to the
    /// nearest hour with posts; then a post of that hour at random. A ranked ("hot") feed draws a second post of
    /// the same hour and shows the more praised or tipped of the two: engagement wins among posts of the same age.
    /// Inlined where the feed is read: as a call it saved six registers and returned the post through memory.
    #[inline(always)]
    pub(crate) fn glance(&self, ranking: Ranking, ages: &ExpHours, dice: &mut Dice) -> Option<(u32, Post)> {
        let reach = self.hour.min(FEED_HOURS);
        if reach == 0 {
            return None;
        }
        let (back, word) = dice.hours_and_word(ages);
        let one = self.aim(back, word, reach);
        match ranking {
            Ranking::Newest => one.and_then(|(serial, _)| Some((serial, self.shown(serial)?))),
            Ranking::MostPraised | Ranking::MostTipped => {
                // A second candidate from its own glance, and the one with more engagement per hour of age
                // is shown ("hot"): a contest with a post of the same hour would depend on how many posts that
                // hour holds, so an unloved post alone in a quiet hour of a small circle would always win.
                let (back, word) = dice.hours_and_word(ages);
                let two = self.aim(back, word, reach);
                // Both serials are known before either post is read, so the two reads (each likely a cache
                // miss in a large run) can be under way together.
                let read = |aimed: Option<(u32, u32)>| {
                    let (serial, age) = aimed?;
                    let p = self.shown(serial)?;
                    Some((serial, p, age))
                };
                let (one, two) = (read(one), read(two));
                // b's score per hour beats a's: compared as whole numbers, crosswise (ages are at least 1). Praise
                // times an age fits 64 bits; tips (up to 2^56 fen) need 128.
                let beats = |a: &Post, age_a: u32, b: &Post, age_b: u32| match ranking {
                    Ranking::MostPraised => {
                        u64::from(b.praise) * u64::from(age_a) > u64::from(a.praise) * u64::from(age_b)
                    }
                    _ => u128::from(b.tips_fen()) * u128::from(age_a) > u128::from(a.tips_fen()) * u128::from(age_b),
                };
                match (one, two) {
                    (Some((sa, a, age_a)), Some((sb, b, age_b))) => {
                        Some(if beats(&a, age_a, &b, age_b) { (sb, b) } else { (sa, a) })
                    }
                    (Some((serial, p, _)), None) | (None, Some((serial, p, _))) => Some((serial, p)),
                    (None, None) => None,
                }
            }
        }
    }

    /// The serial of the post a glance `back` hours into the feed lands on, with its age in hours: the nearest
    /// older hour with posts if that hour was quiet, then a post of that hour picked by `word`; `None` past the
    /// feed's reach (`reach`, at most [`FEED_HOURS`]). Reads the hour's table of aims only, not the window.
    #[inline]
    fn aim(&self, back: u32, word: u32, reach: u32) -> Option<(u32, u32)> {
        let aim = self.aims.get(back.clamp(1, reach) as usize)?;
        if aim.n == 0 {
            return None;
        }
        Some((
            aim.first
                .wrapping_add(((u64::from(word) * u64::from(aim.n)) >> 32) as u32),
            aim.age,
        ))
    }

    /// The post with this serial (one [`Self::aim`] returned), `None` if it was removed.
    #[inline]
    fn shown(&self, serial: u32) -> Option<Post> {
        self.window
            .get((serial & self.mask) as usize)
            .filter(|p| !p.hidden())
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dice::ExpQuantiles;

    fn post(tips: u64) -> Post {
        let mut p = Post::with_flags(0, PostKind::Genuine, 0);
        p.add_tips(tips);
        p
    }

    #[test]
    fn window_grows_with_activity_and_old_posts_expire() {
        let mut c = CircleState::new();
        c.open_hour(0);
        for _ in 0..1000 {
            c.publish(post(0), Origin::EMPTY);
        }
        assert!(c.window.len() >= 1000, "a busy hour grows the window");
        for h in 1..=FEED_HOURS + 1 {
            c.open_hour(h);
        }
        assert!(c.get_mut(0).is_none(), "posts past the feed's reach are gone");
        c.publish(post(0), Origin::EMPTY);
        assert!(c.get_mut(1000).is_some());
    }

    #[test]
    fn glances_see_completed_hours_only_and_reach_back_in_quiet_circles() {
        let mut c = CircleState::new();
        let mut dice = Dice::new(1);
        let ages = ExpHours::new(4.0, &ExpQuantiles::new());
        c.open_hour(0);
        assert!(c.glance(Ranking::Newest, &ages, &mut dice).is_none());
        c.publish(post(0), Origin::EMPTY);
        assert!(
            c.glance(Ranking::Newest, &ages, &mut dice).is_none(),
            "the hour in progress is not shown yet"
        );
        for h in 1..20 {
            c.open_hour(h);
        }
        assert_eq!(
            c.glance(Ranking::Newest, &ages, &mut dice).map(|(serial, _)| serial),
            Some(0),
            "a quiet feed reaches back"
        );
    }

    /// Where a glance lands the slow way: walk back from its age to the nearest hour with posts.
    fn walk_back(c: &CircleState, back: u32, word: u32) -> Option<(u32, u32)> {
        let reach = c.hour.min(FEED_HOURS);
        let mut age = back.clamp(1, reach);
        loop {
            let first = c.first_of(c.hour - age);
            let n = c.first_of(c.hour - age + 1).wrapping_sub(first);
            if n > 0 {
                return Some((first.wrapping_add(((u64::from(word) * u64::from(n)) >> 32) as u32), age));
            }
            if age == reach {
                return None;
            }
            age += 1;
        }
    }

    #[test]
    fn aims_worked_out_as_the_hour_opens_match_a_walk_back() {
        let mut c = CircleState::new();
        let mut dice = Dice::new(5);
        for h in 0..120 {
            c.open_hour(h);
            if h > 0 {
                let reach = h.min(FEED_HOURS);
                for back in 0..=FEED_HOURS + 2 {
                    for word in [0, 1 << 31, u32::MAX] {
                        assert_eq!(
                            c.aim(back, word, reach),
                            walk_back(&c, back, word),
                            "hour {h}, {back} back"
                        );
                    }
                }
            }
            // Quiet stretches and busy hours, so that glances are sent back over several hours.
            let posts = if h % 7 < 3 { 0 } else { dice.below(5) };
            for _ in 0..posts {
                c.publish(post(0), Origin::EMPTY);
            }
        }
    }

    #[test]
    fn hot_feeds_favour_tipped_posts() {
        let mut c = CircleState::new();
        let mut dice = Dice::new(2);
        let ages = ExpHours::new(4.0, &ExpQuantiles::new());
        c.open_hour(0);
        c.publish(post(9000), Origin::EMPTY);
        for _ in 0..9 {
            c.publish(post(0), Origin::EMPTY);
        }
        c.open_hour(1);
        let shown = |ranking, dice: &mut Dice| {
            (0..3000)
                .filter(|_| c.glance(ranking, &ages, dice).is_some_and(|(serial, _)| serial == 0))
                .count()
        };
        let newest = shown(Ranking::Newest, &mut dice);
        let hot = shown(Ranking::MostTipped, &mut dice);
        // The better of two: shown about 1 − (9/10)² = 19 % of the time instead of 10 %.
        assert!(
            2 * hot > 3 * newest,
            "tipped post shown {hot} times hot vs {newest} newest"
        );
    }
}
