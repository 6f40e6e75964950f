//! A circle at run time: a bounded window of recent posts and the ranked feed members see.

use crate::scenario::Ranking;

/// Posts kept per circle; older posts fall out of the feed (memory stays flat however long the run).
pub(crate) const WINDOW: u32 = 256;
/// Posts in the ranked feed a visitor scrolls through.
pub(crate) const FEED_LEN: usize = 16;

/// What a post really is (the platform only learns it through moderation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PostKind {
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

/// One post in a circle's window.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Post {
    pub serial: u32,
    pub author: u32,
    pub author_generation: u8,
    pub kind: PostKind,
    /// Whether contact details survived the filter (solicitation and scams convert better with them).
    pub contact_ok: bool,
    /// Whether the author's recorded gender was female when posting (viewers see the profile).
    pub author_female: bool,
    /// Whether the author was an ordinary user turned to soliciting when posting (for attribution).
    pub from_convert: bool,
    pub hidden: bool,
    pub reported: bool,
    pub praise: u32,
    pub tips_fen: u64,
    /// Key of the rule that let it be posted (for `opened_by`).
    pub rule_key: u16,
}

/// Run-time state of one circle.
pub(crate) struct CircleState {
    pub window: Vec<Post>,
    pub next_serial: u32,
    /// Window slots of the feed, best first.
    pub feed: Vec<u32>,
    pub feed_dirty: bool,
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
}

impl CircleState {
    /// An empty circle.
    pub(crate) fn new() -> Self {
        CircleState {
            window: Vec::new(),
            next_serial: 0,
            feed: Vec::with_capacity(FEED_LEN),
            feed_dirty: false,
            members: 0,
            posts: 0,
            abusive_posts: 0,
            views: 0,
            tipped_fen: 0,
            sanctions_recent: 0.0,
            violations_recent: 0.0,
            wait_recent: 24.0,
        }
    }

    /// Adds a post, overwriting the oldest once the window is full; returns its serial.
    pub(crate) fn publish(&mut self, mut post: Post) -> u32 {
        let serial = self.next_serial;
        self.next_serial = self.next_serial.wrapping_add(1);
        post.serial = serial;
        let slot = (serial % WINDOW) as usize;
        match self.window.get_mut(slot) {
            Some(old) => *old = post,
            None => self.window.push(post),
        }
        self.posts += 1;
        self.feed_dirty = true;
        serial
    }

    /// The post with this serial, if it is still in the window.
    pub(crate) fn get_mut(&mut self, serial: u32) -> Option<&mut Post> {
        let slot = (serial % WINDOW) as usize;
        self.window.get_mut(slot).filter(|p| p.serial == serial)
    }

    /// Rebuilds the feed from the window (once per hour, only if something changed).
    pub(crate) fn rank(&mut self, ranking: Ranking) {
        if !self.feed_dirty {
            return;
        }
        self.feed_dirty = false;
        self.feed.clear();
        if ranking == Ranking::Newest {
            // Newest first needs no sort: walk back from the latest serial.
            let n = self.window.len() as u32;
            for back in 1..=n {
                let serial = self.next_serial.wrapping_sub(back);
                let slot = serial % WINDOW;
                if let Some(p) = self.window.get(slot as usize) {
                    if !p.hidden {
                        self.feed.push(slot);
                        if self.feed.len() == FEED_LEN {
                            break;
                        }
                    }
                }
            }
            return;
        }
        let mut cands: Vec<(u64, u32, u32)> = self
            .window
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.hidden)
            .map(|(slot, p)| {
                let score = match ranking {
                    Ranking::Newest => 0,
                    Ranking::MostPraised => u64::from(p.praise),
                    Ranking::MostTipped => p.tips_fen,
                };
                (score, p.serial, slot as u32)
            })
            .collect();
        // Highest score first, newest first among equals (serials grow with time).
        let order = |a: &(u64, u32, u32), b: &(u64, u32, u32)| b.0.cmp(&a.0).then(b.1.cmp(&a.1));
        if cands.len() > FEED_LEN {
            cands.select_nth_unstable_by(FEED_LEN, order);
            cands.truncate(FEED_LEN);
        }
        cands.sort_unstable_by(order);
        self.feed.extend(cands.iter().take(FEED_LEN).map(|c| c.2));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(tips: u64) -> Post {
        Post {
            serial: 0,
            author: 0,
            author_generation: 0,
            kind: PostKind::Genuine,
            contact_ok: false,
            author_female: false,
            from_convert: false,
            hidden: false,
            reported: false,
            praise: 0,
            tips_fen: tips,
            rule_key: 0,
        }
    }

    #[test]
    fn window_is_bounded_and_old_serials_expire() {
        let mut c = CircleState::new();
        for _ in 0..(WINDOW + 10) {
            c.publish(post(0));
        }
        assert_eq!(c.window.len(), WINDOW as usize);
        assert!(c.get_mut(0).is_none());
        assert!(c.get_mut(WINDOW + 9).is_some());
    }

    #[test]
    fn most_tipped_puts_tipped_posts_first() {
        let mut c = CircleState::new();
        c.publish(post(500));
        c.publish(post(0));
        c.publish(post(9000));
        c.rank(Ranking::MostTipped);
        assert_eq!(c.feed.first().copied(), Some(2));
        c.feed_dirty = true;
        c.rank(Ranking::Newest);
        assert_eq!(c.feed, vec![2, 1, 0]);
    }
}
