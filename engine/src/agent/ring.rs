//! Controlled-account groups: sybil rings that climb ranked feeds and launderers that move money through tips.

use super::{payment, posting, Visit};
use crate::circle::PostKind;
use crate::exemplar::Deed;
use crate::population::GROUP_SIZE;
use crate::report::PatternId;
use crate::scenario::{Action, Archetype, Ranking};

/// A sybil ring account posts and boosts its ring-mates' posts, only where the feed ranks by tips or praise.
pub(super) fn ring(v: &mut Visit, idx: u32, h: u32) {
    let Some((c, _, clause)) = v.best_circle(idx, h, |inc, ranking| match ranking {
        Ranking::MostTipped if inc.tips_open => 1.0,
        Ranking::MostPraised => 0.8,
        _ => 0.0,
    }) else {
        return;
    };
    let p_act = v.boldness(idx, c);
    if !v.dice.chance(p_act) {
        return;
    }
    let me = v.people.memory(idx);
    let (last_post, last_circle, group) = (me.last_post, usize::from(me.last_post_circle), me.group);
    let has_live = last_post != u32::MAX && last_circle == c && v.circle(c).get_mut(last_post).is_some();
    if !has_live && v.dice.chance(0.5) {
        posting::publish(v, idx, c, PostKind::Ring, clause, h);
    }
    let rules = v.rules;
    let spec = rules.circle(c);
    for k in 0..GROUP_SIZE {
        let mate = group + k;
        if mate == idx {
            continue;
        }
        // The last group of an archetype may be short: its "mates" past the end are someone else, or nobody.
        if mate >= v.people.len() {
            break;
        }
        let m = v.people.memory(mate);
        if v.people.user(mate).archetype != Archetype::SybilRing
            || m.last_post == u32::MAX
            || usize::from(m.last_post_circle) != c
        {
            continue;
        }
        let serial = m.last_post;
        let cs = v.circle(c);
        if cs.get_mut(serial).is_none_or(|p| p.hidden()) {
            continue;
        }
        let post_key = cs.origin(serial).rule_key;
        let fen = match spec.ranking {
            Ranking::MostTipped => {
                if v.may(c, Action::Tip, idx, mate, h).is_none() {
                    continue;
                }
                match payment::tip(v, idx, c, serial, u64::from(spec.tips.min_fen.max(500))) {
                    Some(a) => a,
                    None => continue,
                }
            }
            _ => {
                if v.may(c, Action::Praise, idx, mate, h).is_none() {
                    continue;
                }
                let cs = v.circle(c);
                if let Some(p) = cs.get_mut(serial) {
                    p.praise += 3;
                }
                0
            }
        };
        let text = v
            .tallies
            .wants(PatternId::RankingManipulation)
            .then(|| v.exemplar(h, idx, c, Deed::RingBoost { mate }));
        v.tallies
            .incident(PatternId::RankingManipulation, h, post_key, fen, text);
    }
}

/// A launderer tips its group's cover posts, just under the ceiling, while fees stay below a tenth.
pub(super) fn launder(v: &mut Visit, idx: u32, h: u32) {
    let Some((c, _, clause)) = v.best_circle(idx, h, |inc, _| if inc.tips_open { 1.0 } else { 0.0 }) else {
        return;
    };
    let rules = v.rules;
    let spec = rules.circle(c);
    if spec.tips.fee_permille > 100 {
        return;
    }
    let max = u64::from(spec.tips.max_fen);
    // A cover post that has left the window or been taken down is no cover: post a new one, or the group's
    // money would stop moving for good once its only circle's post aged out.
    let me = v.people.memory(idx);
    let (last_post, last_circle) = (me.last_post, usize::from(me.last_post_circle));
    let live = last_post != u32::MAX && last_circle == c && v.circle(c).get_mut(last_post).is_some_and(|p| !p.hidden());
    if !live {
        posting::publish(v, idx, c, PostKind::Cover, clause, h);
    }
    let bold = v.boldness(idx, c);
    if !v.dice.chance(bold) {
        return;
    }
    let group = v.people.memory(idx).group;
    let mate = group + (idx - group + 1) % GROUP_SIZE;
    // The last group of an archetype may be short: its "mate" past the end is someone else, or nobody.
    if mate >= v.people.len() {
        return;
    }
    let m = v.people.memory(mate);
    if v.people.user(mate).archetype != Archetype::Launderer
        || m.last_post == u32::MAX
        || usize::from(m.last_post_circle) != c
        || mate == idx
    {
        return;
    }
    let serial = m.last_post;
    if v.circle(c).get_mut(serial).is_none_or(|p| p.hidden()) {
        // The mate's cover is gone; it will post a new one on its next visit.
        return;
    }
    let Some(tip_clause) = v.may(c, Action::Tip, idx, mate, h) else {
        return;
    };
    for _ in 0..3 {
        // Structuring: just under the ceiling, so no single tip stands out.
        let want = max * u64::from(90 + v.dice.below(10)) / 100;
        let Some(amount) = payment::tip(v, idx, c, serial, want) else {
            break;
        };
        let key = v.rules.key(c, Action::Tip, tip_clause);
        let text = v
            .tallies
            .wants(PatternId::TipLaundering)
            .then(|| v.exemplar(h, idx, c, Deed::Laundering { fen: amount, mate }));
        v.tallies.incident(PatternId::TipLaundering, h, key, amount, text);
    }
}
