//! Posting: the classifier's check at publication, and reports by viewers.

use crate::circle::{Post, PostKind};
use crate::moderation::QueueItem;
use crate::report::PatternId;
use crate::rule::{self};
use crate::scenario::{Action, ContactPolicy};
use crate::sim::World;

impl World {
    /// Publishes a post, unless the classifier holds it; returns the serial when it went live.
    pub(super) fn publish(&mut self, idx: u32, c: usize, kind: PostKind, clause: u8, h: u32) -> Option<u32> {
        let spec = self.s.circles.get(c)?;
        let cls = spec.moderation.classifier.clone();
        let contact_ok = match spec.contact.off_platform {
            ContactPolicy::Allowed => true,
            ContactPolicy::Filtered => self.dice.below(100) >= u32::from(spec.contact.filter_recall_percent),
        };
        let generation = self.users.get(idx as usize)?.generation;
        let violation = violation_of(kind);
        if let Some(circle) = self.circles.get_mut(c) {
            if violation.is_some() {
                circle.violations_recent += 1.0;
            }
        }
        if cls.enabled {
            let flagged = match violation {
                Some(_) => self.dice.below(100) < u32::from(cls.recall_percent),
                None => self.dice.below(1000) < u32::from(cls.false_positive_permille),
            };
            if flagged {
                // Held at once and queued: the post never reaches the feed; the author notices.
                let item = QueueItem {
                    hour: h,
                    author: idx,
                    author_generation: generation,
                    post: None,
                    violation,
                };
                self.enqueue(c, item, true);
                if let Some(u) = self.users.get_mut(idx as usize) {
                    if violation.is_some() {
                        u.caution = (u.caution + 60).min(1000);
                    }
                }
                return None;
            }
        }
        let circle = self.circles.get_mut(c)?;
        if violation.is_some() {
            circle.abusive_posts += 1;
        }
        let serial = circle.publish(Post {
            serial: 0,
            author: idx,
            author_generation: generation,
            kind,
            contact_ok,
            hidden: false,
            reported: false,
            praise: 0,
            tips_fen: 0,
            rule_key: rule::key(c, Action::Post, clause),
        });
        if let Some(m) = self.memory.get_mut(idx as usize) {
            m.last_post = serial;
            m.last_post_circle = c as u8;
        }
        Some(serial)
    }

    /// A viewer reports a post (once per post).
    pub(super) fn report_post(&mut self, c: usize, serial: u32, author: u32, gen: u8, kind: PostKind, h: u32) {
        if !self.reports_on(c) {
            return;
        }
        let Some(p) = self.circles.get_mut(c).and_then(|cs| cs.get_mut(serial)) else {
            return;
        };
        if p.reported {
            return;
        }
        p.reported = true;
        let item = QueueItem {
            hour: h,
            author,
            author_generation: gen,
            post: Some(serial),
            violation: violation_of(kind),
        };
        self.enqueue(c, item, false);
    }
}

/// The pattern a post kind is, for moderation.
fn violation_of(kind: PostKind) -> Option<PatternId> {
    match kind {
        PostKind::Genuine => None,
        PostKind::Solicit => Some(PatternId::Solicitation),
        PostKind::Scam => Some(PatternId::Scam),
        PostKind::Fake => Some(PatternId::IdentityFraud),
        PostKind::Ring => Some(PatternId::RankingManipulation),
        PostKind::Cover => Some(PatternId::TipLaundering),
    }
}
