//! Posting: the classifier's check at publication, and reports by viewers.

use super::Visit;
use crate::circle::{flag, Origin, Post, PostKind};
use crate::moderation::QueueItem;
use crate::report::PatternId;
use crate::scenario::{Action, ContactPolicy};

/// Publishes a post, unless the classifier holds it; returns the serial when it went live.
pub(super) fn publish(v: &mut Visit, idx: u32, c: usize, kind: PostKind, clause: u8, h: u32) -> Option<u32> {
    let rules = v.rules;
    let spec = rules.circle(c);
    let cls = &spec.moderation.classifier;
    let contact_ok = match spec.contact.off_platform {
        ContactPolicy::Allowed => true,
        ContactPolicy::Filtered => v.dice.below(100) >= u32::from(spec.contact.filter_recall_percent),
    };
    let author = v.people.user(idx);
    let (generation, author_female, from_convert) = (
        author.generation,
        author.claimed_gender == crate::scenario::Gender::Female,
        author.is_convert(),
    );
    let violation = violation_of(kind);
    if violation.is_some() {
        v.circle(c).violations_recent += 1.0;
    }
    if cls.enabled {
        let flagged = match violation {
            Some(_) => v.dice.below(100) < u32::from(cls.recall_percent),
            None => v.dice.below(1000) < u32::from(cls.false_positive_permille),
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
            v.enqueue(c, item, true);
            if violation.is_some() {
                let spill = v.rules.assume.caution_spill;
                v.people.user_mut(idx).learn_caution(c, 60, spill);
            }
            return None;
        }
    }
    let rule_key = v.rules.key(c, Action::Post, clause);
    let circle = v.circle(c);
    if violation.is_some() {
        circle.abusive_posts += 1;
    }
    let flags = [
        (contact_ok, flag::CONTACT_OK),
        (author_female, flag::AUTHOR_FEMALE),
        (from_convert, flag::FROM_CONVERT),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .fold(0, |all, (_, f)| all | f);
    let origin = Origin {
        rule_key,
        author_generation: generation,
    };
    let serial = circle.publish(Post::with_flags(idx, kind, flags), origin);
    let m = v.people.memory_mut(idx);
    m.last_post = serial;
    m.last_post_circle = c as u8;
    Some(serial)
}

/// A viewer reports a post (once per post).
pub(super) fn report_post(v: &mut Visit, c: usize, serial: u32, author: u32, kind: PostKind, h: u32) {
    if !v.rules.reports_on(c) {
        return;
    }
    let circle = v.circle(c);
    let gen = circle.origin(serial).author_generation;
    let Some(p) = circle.get_mut(serial) else {
        return;
    };
    if p.has(flag::REPORTED) {
        return;
    }
    p.set(flag::REPORTED);
    let item = QueueItem {
        hour: h,
        author,
        author_generation: gen,
        post: Some(serial),
        violation: violation_of(kind),
    };
    v.enqueue(c, item, false);
}

/// The pattern a post kind is, for moderation.
pub(super) fn violation_of(kind: PostKind) -> Option<PatternId> {
    match kind {
        PostKind::Genuine | PostKind::None => None,
        PostKind::Solicit => Some(PatternId::Solicitation),
        PostKind::Scam => Some(PatternId::Scam),
        PostKind::Fake => Some(PatternId::IdentityFraud),
        PostKind::Ring => Some(PatternId::RankingManipulation),
        PostKind::Cover => Some(PatternId::TipLaundering),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_violating_post_kind_is_a_pattern_of_feed_content_and_back() {
        let from_posts: Vec<PatternId> = PostKind::ALL.iter().filter_map(|k| violation_of(*k)).collect();
        for p in PatternId::ALL {
            assert_eq!(p.is_feed_content(), from_posts.contains(&p), "{p:?}");
        }
    }
}
