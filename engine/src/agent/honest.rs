//! Honest members, lurkers and generous tippers: they read the feed, react as people do, post less and leave when abused.

use super::{payment, posting, solicitor, Visit};
use crate::circle::{PostKind, FEED_LEN};
use crate::population::{Status, CONTACT_VALUE_FEN, SOLICIT_SEEN_HARM};
use crate::report::PatternId;
use crate::scenario::{Action, Archetype, Gender};

/// How a viewer type reacts to a kind of post: probabilities per view.
#[derive(Clone, Copy)]
struct Reaction {
    praise: f64,
    comment: f64,
    /// Tip without praising first.
    tip: f64,
    /// Tip after praising, when praise leads to the tip page (otherwise a fifth of it).
    funnel: f64,
    message: f64,
    /// Solicitation: reach out to the author off-platform or by message.
    contact: f64,
    /// Scam: pay the promised prepayment.
    bite: f64,
    report: f64,
}

const NONE: Reaction = Reaction {
    praise: 0.0,
    comment: 0.0,
    tip: 0.0,
    funnel: 0.0,
    message: 0.0,
    contact: 0.0,
    bite: 0.0,
    report: 0.0,
};

/// Assumed reactions; they describe people, and the rules decide which of them are possible.
fn reaction(viewer: Archetype, male: bool, kind: PostKind) -> Reaction {
    let enticing = matches!(kind, PostKind::Solicit | PostKind::Fake);
    match (viewer, kind) {
        (Archetype::GenerousTipper, _) if enticing => Reaction {
            praise: 0.5,
            comment: 0.1,
            tip: 0.06,
            funnel: 0.6,
            message: 0.05,
            contact: if kind == PostKind::Solicit { 0.08 } else { 0.0 },
            ..NONE
        },
        (Archetype::GenerousTipper, PostKind::Scam) => Reaction { bite: 0.05, ..NONE },
        (Archetype::GenerousTipper, _) => Reaction {
            praise: 0.2,
            comment: 0.03,
            tip: 0.03,
            funnel: 0.3,
            ..NONE
        },
        (Archetype::Lurker, PostKind::Solicit) => Reaction {
            praise: if male { 0.03 } else { 0.0 },
            report: 0.01,
            ..NONE
        },
        (Archetype::Lurker, PostKind::Scam) => Reaction {
            bite: 0.002,
            report: 0.01,
            ..NONE
        },
        (Archetype::Lurker, _) => Reaction { praise: 0.03, ..NONE },
        (_, PostKind::Solicit) => Reaction {
            praise: if male { 0.06 } else { 0.01 },
            // Men want a word with the author; where comments are gated that wish turns into praise.
            comment: if male { 0.03 } else { 0.0 },
            tip: 0.005,
            funnel: 0.15,
            contact: if male { 0.01 } else { 0.0 },
            report: 0.04,
            ..NONE
        },
        (_, PostKind::Scam) => Reaction {
            bite: if male { 0.006 } else { 0.001 },
            report: 0.04,
            ..NONE
        },
        _ => Reaction {
            praise: 0.12,
            comment: 0.05,
            tip: 0.005,
            funnel: 0.15,
            message: 0.005,
            ..NONE
        },
    }
}

/// The one reaction a glance leads to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pick {
    Bite,
    Praise,
    Tip,
    Comment,
    Message,
    Contact,
}

/// Share of refused comments and messages that turn into praise instead (assumed: about half of people
/// who cannot say something still want to show interest; MODEL.md).
const REROUTE: f64 = 0.5;

/// Honest exposure past which users start leaving.
const LEAVE_AT: u16 = 40;

/// An honest member, lurker or generous tipper: leaves if abuse piled up, reads, reacts, maybe posts.
pub(super) fn visit(v: &mut Visit, idx: u32, h: u32) {
    let u = v.people.user(idx);
    let (a, exposure) = (u.archetype, u.exposure);
    if exposure > LEAVE_AT {
        let p = f64::from(exposure - LEAVE_AT) / 300.0;
        if v.dice.chance(p) {
            v.people.user_mut(idx).status = Status::Left;
            if a.is_honest() {
                v.tallies.health.left += 1;
            }
            return;
        }
    }
    let u = v.people.user_mut(idx);
    // Bad experiences fade slowly.
    u.exposure -= u.exposure / 16;
    let Some(c) = v.pick_circle(idx) else {
        return;
    };
    if !v.join(idx, c, h) {
        return;
    }
    let views = match a {
        Archetype::GenerousTipper => 8,
        Archetype::Lurker => 3,
        _ => 4,
    };
    browse(v, idx, c, views, h);
    let base = match a {
        Archetype::Honest => 0.25,
        Archetype::GenerousTipper => 0.03,
        _ => 0.01,
    };
    let exposure = v.people.user(idx).exposure;
    let p_post = base * 20.0 / (20.0 + f64::from(exposure));
    if v.dice.chance(p_post) && !v.people.knows_refused(idx, c, Action::Post) {
        match v.may(c, Action::Post, idx, idx, h) {
            Some(clause) => {
                if posting::publish(v, idx, c, PostKind::Genuine, clause, h).is_some() && a.is_honest() {
                    v.tallies.health.post();
                }
            }
            None => v.refuse(idx, c, Action::Post, h),
        }
    }
}

/// Reads `n` posts of a circle's feed and reacts to each as the viewer's archetype would.
fn browse(v: &mut Visit, idx: u32, c: usize, n: u32, h: u32) {
    let u = v.people.user(idx);
    let (viewer, male, honest) = (u.archetype, u.gender == Gender::Male, u.archetype.is_honest());
    let mut seen = 0_u64;
    for _ in 0..n {
        let Some(serial) = glance(v, c) else {
            break;
        };
        seen += 1;
        let Some((author, kind, contact_ok, author_gen, key)) = v
            .circle(c)
            .get_mut(serial)
            .map(|p| (p.author, p.kind, p.contact_ok, p.author_generation, p.rule_key))
        else {
            continue;
        };
        if author == idx {
            continue;
        }
        let r = reaction(viewer, male, kind);
        if honest {
            if let Some(p) = posting::violation_of(kind) {
                v.tallies.pattern_mut(p).views += 1;
            }
        }
        if honest && matches!(kind, PostKind::Solicit | PostKind::Scam) {
            let u = v.people.user_mut(idx);
            u.exposure = u.exposure.saturating_add(1);
            let mut overexposed = false;
            if kind == PostKind::Solicit {
                u.solicit_seen = u.solicit_seen.saturating_add(1);
                overexposed = u.solicit_seen == SOLICIT_SEEN_HARM;
            }
            if overexposed {
                v.harm(idx, PatternId::Solicitation);
            }
            if v.dice.chance(r.report) {
                posting::report_post(v, c, serial, author, author_gen, kind, h);
            }
        }
        // One draw picks at most one reaction per glance (a praise may still lead on to a tip):
        // each chance is small, so this is close to independent draws and a quarter of the cost.
        let u = v.dice.unit();
        let mut edge = 0.0;
        let mut pick = None;
        for (p, what) in [
            (r.bite, Pick::Bite),
            (r.praise, Pick::Praise),
            (r.tip, Pick::Tip),
            (r.comment, Pick::Comment),
            (r.message, Pick::Message),
            (r.contact, Pick::Contact),
        ] {
            edge += p;
            if u < edge {
                pick = Some(what);
                break;
            }
        }
        let Some(pick) = pick else {
            continue;
        };
        let genuine = kind == PostKind::Genuine;
        match pick {
            Pick::Bite => {
                payment::bite(v, idx, c, serial, author, key, h);
                continue;
            }
            Pick::Praise | Pick::Tip => {
                let post = Glanced {
                    c,
                    serial,
                    author,
                    kind,
                    genuine,
                };
                praise_or_tip(v, idx, post, pick == Pick::Tip, r.funnel, h);
                continue;
            }
            Pick::Comment | Pick::Message => {
                let action = if pick == Pick::Comment {
                    Action::Comment
                } else {
                    Action::Message
                };
                let open = action == Action::Comment || v.rules.dm_open(c);
                if open && interact(v, idx, c, action, author, genuine, h) {
                    continue;
                }
                // A gate moves intent, it does not remove it: someone refused a word with the author
                // turns to what is still allowed, praise, and praise may open the tip page.
                if v.dice.chance(REROUTE) {
                    let post = Glanced {
                        c,
                        serial,
                        author,
                        kind,
                        genuine,
                    };
                    praise_or_tip(v, idx, post, false, r.funnel, h);
                }
                continue;
            }
            Pick::Contact => {}
        }
        if kind == PostKind::Solicit {
            let via_dm = v.rules.dm_open(c) && v.may(c, Action::Message, idx, author, h).is_some();
            if contact_ok || via_dm {
                v.harm(idx, PatternId::Solicitation);
                let text = v.tallies.wants(PatternId::Solicitation).then(|| {
                    format!(
                        "hour {h}: user #{idx} ({}) took up user #{author}'s offer of off-platform contact in {}",
                        viewer.id(),
                        v.rules.circle_name(c)
                    )
                });
                v.tallies.incident(PatternId::Solicitation, h, key, 0, text);
                solicitor::evader_harm(v, author, idx);
                let a = v.people.memory_mut(author);
                a.earned_fen = a.earned_fen.saturating_add(CONTACT_VALUE_FEN);
            }
        }
    }
    if honest {
        v.tallies.health.viewed(seen);
    }
    v.circle(c).views += seen;
}

/// The post a viewer is reacting to.
#[derive(Clone, Copy)]
struct Glanced {
    c: usize,
    serial: u32,
    author: u32,
    kind: PostKind,
    genuine: bool,
}

/// Praises the post (unless going straight to a tip), then maybe tips: praise leads on to the tip page
/// with chance `funnel` where the circle's praise opens it, a fifth of that where it does not.
fn praise_or_tip(v: &mut Visit, idx: u32, post: Glanced, straight_to_tip: bool, funnel: f64, h: u32) {
    let Glanced {
        c,
        serial,
        author,
        kind,
        genuine,
    } = post;
    let praised = !straight_to_tip && interact(v, idx, c, Action::Praise, author, genuine, h);
    if praised {
        let cs = v.circle(c);
        if let Some(p) = cs.get_mut(serial) {
            p.praise += 1;
        }
        cs.feed_dirty = true;
    }
    let wants_tip = if straight_to_tip {
        true
    } else if praised {
        let funnel_open = v.rules.circle(c).tips.praise_leads_to_tip;
        v.dice.chance(if funnel_open { funnel } else { funnel * 0.2 })
    } else {
        false
    };
    if wants_tip && interact(v, idx, c, Action::Tip, author, genuine, h) {
        let viewer = v.people.user(idx).archetype;
        let generous = if viewer.is_demand() { 1.0 } else { 0.5 };
        let wish = payment::tip_wish(v.people.user(idx), v.dice, generous);
        if let Some(amount) = payment::tip(v, idx, c, serial, wish) {
            payment::after_tip(v, idx, author, kind, amount);
        }
    }
}

/// Tries an action on an author: counts honest engagement (on genuine posts only: praising an enticing
/// post is the market, not the community), or an honest refusal.
fn interact(v: &mut Visit, idx: u32, c: usize, action: Action, author: u32, genuine: bool, h: u32) -> bool {
    if v.people.knows_refused(idx, c, action) {
        return false;
    }
    if v.may(c, action, idx, author, h).is_some() {
        if genuine && v.people.user(idx).archetype.is_honest() {
            v.tallies.health.interaction();
        }
        true
    } else {
        v.refuse(idx, c, action, h);
        false
    }
}

/// Picks a post from the feed, favouring the top (people rarely scroll far); `None` if empty or hidden.
#[inline]
pub(super) fn glance(v: &mut Visit, c: usize) -> Option<u32> {
    // The circle and the dice are separate parts of the visit: both can be borrowed at once.
    let circle = v.circles.get(c)?;
    let n = circle.feed.len().min(FEED_LEN) as u32;
    if n == 0 {
        return None;
    }
    // The better of two positions (one 32-bit draw split in two) favours the top of the feed.
    let r = v.dice.below(u32::MAX);
    let pos = (((r & 0xffff) * n) >> 16).min(((r >> 16) * n) >> 16);
    // INVARIANT: the feed holds window slots, and pos < feed.len().
    let slot = *circle.feed.get(pos as usize)?;
    let p = circle.window.get(slot as usize)?;
    (!p.hidden).then_some(p.serial)
}
