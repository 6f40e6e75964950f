//! Harassers: abusive comments where commenting is open to them, abusive messages where messaging is.

use crate::circle::PostKind;
use crate::moderation::QueueItem;
use crate::report::PatternId;
use crate::rule::{self};
use crate::scenario::{Action, Gender};
use crate::sim::World;

impl World {
    /// A harasser comments abuse on posts where commenting is open to it, or messages when that is open.
    pub(super) fn harass(&mut self, idx: u32, h: u32) {
        let Some(c) = self.pick_circle(idx) else {
            return;
        };
        if !self.join(idx, c, h) {
            return;
        }
        let bold = self.boldness(idx, c);
        for _ in 0..3 {
            let Some(serial) = self.glance(c) else {
                break;
            };
            let Some((author, kind)) = self
                .circles
                .get_mut(c)
                .and_then(|cs| cs.get_mut(serial))
                .map(|p| (p.author, p.kind))
            else {
                continue;
            };
            if author == idx || kind != PostKind::Genuine {
                continue;
            }
            let female = self
                .users
                .get(author as usize)
                .is_some_and(|a| a.claimed_gender == Gender::Female);
            let p = if female { 0.5 } else { 0.15 } * bold;
            if !self.dice.chance(p) {
                continue;
            }
            // Every open channel is used: a public comment channel adds to private messages rather than
            // replacing them (a harasser who can do both does both, often), so gating comments matters even
            // where messages stay open.
            let comment = self.may(c, Action::Comment, idx, author, h);
            let message = if self.dm_open(c) {
                self.may(c, Action::Message, idx, author, h)
            } else {
                None
            };
            let message = message.filter(|_| comment.is_none() || self.dice.chance(0.5));
            let channels = [
                comment.map(|cl| (Action::Comment, cl)),
                message.map(|cl| (Action::Message, cl)),
            ];
            for (action, clause) in channels.into_iter().flatten() {
                self.harass_once(idx, author, c, h, action, clause);
            }
        }
    }

    /// One abusive comment or message from `idx` to `author` in circle `c`, through `clause` of the rule.
    fn harass_once(&mut self, idx: u32, author: u32, c: usize, h: u32, action: Action, clause: u8) {
        {
            if let Some(cs) = self.circles.get_mut(c) {
                cs.violations_recent += 1.0;
            }
            let gen = self.users.get(idx as usize).map_or(0, |u| u.generation);
            // Classifiers read comments, not private messages.
            let cls = self
                .s
                .circles
                .get(c)
                .map(|s| s.moderation.classifier.clone())
                .unwrap_or_default();
            if action == Action::Comment && cls.enabled && self.dice.below(100) < u32::from(cls.recall_percent) {
                let item = QueueItem {
                    hour: h,
                    author: idx,
                    author_generation: gen,
                    post: None,
                    violation: Some(PatternId::Harassment),
                };
                self.enqueue(c, item, true);
                return;
            }
            let key = rule::key(c, action, clause);
            self.harm(author, PatternId::Harassment);
            if let Some(a) = self.users.get_mut(author as usize) {
                a.exposure = a.exposure.saturating_add(6);
            }
            let text = self.wants(PatternId::Harassment).then(|| {
                format!(
                    "hour {h}: user #{idx} ({}) sent abusive {} to user #{author} in {}",
                    self.archetype_word(idx),
                    if action == Action::Comment {
                        "comments"
                    } else {
                        "messages"
                    },
                    self.circle_name(c)
                )
            });
            self.incident(PatternId::Harassment, h, key, 0, text);
            self.evader_harm(idx, author, h, key);
            if gen > 0 {
                let ban_key = self.ban_key();
                self.incident(PatternId::BanEvasion, h, ban_key, 0, None);
            }
            if self.reports_on(c) && self.dice.chance(0.3) {
                self.enqueue(
                    c,
                    QueueItem {
                        hour: h,
                        author: idx,
                        author_generation: gen,
                        post: None,
                        violation: Some(PatternId::Harassment),
                    },
                    false,
                );
            }
        }
    }
}
