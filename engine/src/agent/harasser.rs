//! Harassers: abusive comments where commenting is open to them, abusive messages where messaging is.

use super::{honest, solicitor, Visit};
use crate::circle::PostKind;
use crate::exemplar::Deed;
use crate::moderation::QueueItem;
use crate::report::PatternId;
use crate::scenario::{Action, Gender};

/// A harasser comments abuse on posts where commenting is open to it, or messages when that is open.
pub(super) fn harass(v: &mut Visit, idx: u32, h: u32) {
    let Some(c) = v.pick_circle(idx) else {
        return;
    };
    if !v.join(idx, c, h) {
        return;
    }
    let bold = v.boldness(idx, c);
    for _ in 0..3 {
        let Some((_, post)) = honest::glance(v, c) else {
            break;
        };
        let (author, kind) = (post.author, post.kind());
        if author == idx || kind != PostKind::Genuine {
            continue;
        }
        let female = v.people.user(author).claimed_gender == Gender::Female;
        let p = if female { v.rules.assume.harasser_women } else { 0.15 } * bold;
        if !v.dice.chance(p) {
            continue;
        }
        // Every open channel is used: a public comment channel adds to private messages rather than
        // replacing them (a harasser who can do both does both, often), so gating comments matters even
        // where messages stay open.
        let comment = v.may(c, Action::Comment, idx, author, h);
        let message = if v.rules.dm_open(c) {
            v.may(c, Action::Message, idx, author, h)
        } else {
            None
        };
        let message = message.filter(|_| comment.is_none() || v.dice.chance(0.5));
        let channels = [
            comment.map(|cl| (Action::Comment, cl)),
            message.map(|cl| (Action::Message, cl)),
        ];
        for (action, clause) in channels.into_iter().flatten() {
            harass_once(v, idx, author, c, h, action, clause);
        }
    }
}

/// One abusive comment or message from `idx` to `author` in circle `c`, through `clause` of the rule.
fn harass_once(v: &mut Visit, idx: u32, author: u32, c: usize, h: u32, action: Action, clause: u8) {
    v.circle(c).violations_recent += 1.0;
    let gen = v.people.user(idx).generation;
    // Classifiers read comments, not private messages.
    let cls = &v.rules.circle(c).moderation.classifier;
    if action == Action::Comment && cls.enabled && v.dice.below(100) < u32::from(cls.recall_percent) {
        let item = harassment_item(idx, gen, h);
        v.enqueue(c, item, true);
        return;
    }
    let key = v.rules.key(c, action, clause);
    v.harm(author, PatternId::Harassment);
    let a = v.people.user_mut(author);
    a.suffer(6);
    let text = v.tallies.wants(PatternId::Harassment).then(|| {
        let who = v.who(idx);
        v.exemplar(
            h,
            idx,
            c,
            Deed::Harassment {
                who,
                messages: action != Action::Comment,
                target: author,
            },
        )
    });
    v.tallies.incident(PatternId::Harassment, h, key, 0, text);
    solicitor::evader_harm(v, idx, author);
    if v.people.memory(idx).returned {
        let ban_key = v.rules.ban_key();
        v.tallies.incident(PatternId::BanEvasion, h, ban_key, 0, None);
    }
    if v.rules.reports_on(c) && v.dice.chance(0.3) {
        let item = harassment_item(idx, gen, h);
        v.enqueue(c, item, false);
    }
}

/// A comment or message of `author`'s (account generation `gen`) flagged or reported as harassment at `h`.
fn harassment_item(author: u32, gen: u8, h: u32) -> QueueItem {
    QueueItem {
        hour: h,
        author,
        author_generation: gen,
        post: None,
        violation: Some(PatternId::Harassment),
    }
}
