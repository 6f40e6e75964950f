//! Controlled-account groups: sybil rings that climb ranked feeds and launderers that move money through tips.

use crate::circle::PostKind;
use crate::report::PatternId;
use crate::rule::{self};
use crate::scenario::{Action, Archetype, Ranking};
use crate::sim::World;

impl World {
    /// A sybil ring account posts and boosts its ring-mates' posts, only where the feed ranks by tips or praise.
    pub(super) fn ring(&mut self, idx: u32, h: u32) {
        let Some((c, _, clause)) = self.best_circle(idx, h, |inc, ranking| match ranking {
            Ranking::MostTipped if inc.tips_open => 1.0,
            Ranking::MostPraised => 0.8,
            _ => 0.0,
        }) else {
            return;
        };
        let p_act = self.boldness(idx, c);
        if !self.dice.chance(p_act) {
            return;
        }
        let has_live = self.memory.get(idx as usize).is_some_and(|u| {
            u.last_post != u32::MAX
                && usize::from(u.last_post_circle) == c
                && self
                    .circles
                    .get(c)
                    .is_some_and(|cs| cs.next_serial.wrapping_sub(u.last_post) < crate::circle::WINDOW)
        });
        if !has_live && self.dice.chance(0.5) {
            self.publish(idx, c, PostKind::Ring, clause, h);
        }
        let ranking = self.s.circles.get(c).map_or(Ranking::Newest, |s| s.ranking);
        let group = self.memory.get(idx as usize).map_or(idx, |u| u.group);
        for k in 0..crate::population::GROUP_SIZE {
            let mate = group + k;
            if mate == idx {
                continue;
            }
            let (Some(m), Some(mu)) = (self.memory.get(mate as usize), self.users.get(mate as usize)) else {
                break;
            };
            if mu.archetype != Archetype::SybilRing || m.last_post == u32::MAX || usize::from(m.last_post_circle) != c {
                continue;
            }
            let serial = m.last_post;
            let Some(post_key) = self
                .circles
                .get_mut(c)
                .and_then(|cs| cs.get_mut(serial))
                .filter(|p| !p.hidden)
                .map(|p| p.rule_key)
            else {
                continue;
            };
            let fen = match ranking {
                Ranking::MostTipped => {
                    if self.may(c, Action::Tip, idx, mate, h).is_none() {
                        continue;
                    }
                    let min = self.s.circles.get(c).map_or(100, |s| s.tips.min_fen);
                    match self.tip(idx, c, serial, u64::from(min.max(500))) {
                        Some(a) => a,
                        None => continue,
                    }
                }
                _ => {
                    if self.may(c, Action::Praise, idx, mate, h).is_none() {
                        continue;
                    }
                    if let Some(cs) = self.circles.get_mut(c) {
                        if let Some(p) = cs.get_mut(serial) {
                            p.praise += 3;
                        }
                        cs.feed_dirty = true;
                    }
                    0
                }
            };
            let text = self.wants(PatternId::RankingManipulation).then(|| {
                format!(
                    "hour {h}: user #{idx} (sybil ring) boosted ring-mate user #{mate}'s post in {} to climb the feed",
                    self.circle_name(c)
                )
            });
            self.incident(PatternId::RankingManipulation, h, post_key, fen, text);
        }
    }

    /// A launderer tips its group's cover posts, just under the ceiling, while fees stay below a tenth.
    pub(super) fn launder(&mut self, idx: u32, h: u32) {
        let Some((c, _, clause)) = self.best_circle(idx, h, |inc, _| if inc.tips_open { 1.0 } else { 0.0 }) else {
            return;
        };
        let Some(spec) = self.s.circles.get(c) else {
            return;
        };
        if spec.tips.fee_permille > 100 {
            return;
        }
        let max = u64::from(spec.tips.max_fen);
        if self
            .memory
            .get(idx as usize)
            .is_some_and(|u| u.last_post == u32::MAX || usize::from(u.last_post_circle) != c)
        {
            self.publish(idx, c, PostKind::Cover, clause, h);
        }
        if !self.dice.chance(self.boldness(idx, c)) {
            return;
        }
        let group = self.memory.get(idx as usize).map_or(idx, |u| u.group);
        let mate = group + (idx - group + 1) % crate::population::GROUP_SIZE;
        let (Some(m), Some(mu)) = (self.memory.get(mate as usize), self.users.get(mate as usize)) else {
            return;
        };
        if mu.archetype != Archetype::Launderer
            || m.last_post == u32::MAX
            || usize::from(m.last_post_circle) != c
            || mate == idx
        {
            return;
        }
        let serial = m.last_post;
        let Some(tip_clause) = self.may(c, Action::Tip, idx, mate, h) else {
            return;
        };
        for _ in 0..3 {
            // Structuring: just under the ceiling, so no single tip stands out.
            let want = max * u64::from(90 + self.dice.below(10)) / 100;
            let Some(amount) = self.tip(idx, c, serial, want) else {
                break;
            };
            let key = rule::key(c, Action::Tip, tip_clause);
            let text = self.wants(PatternId::TipLaundering).then(|| {
                format!(
                    "hour {h}: user #{idx} (launderer) tipped ¥{}.{:02} to controlled account user #{mate} in {}",
                    amount / 100,
                    amount % 100,
                    self.circle_name(c)
                )
            });
            self.incident(PatternId::TipLaundering, h, key, amount, text);
        }
    }
}
