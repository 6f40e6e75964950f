//! Honest members, lurkers and generous tippers: they read the feed, react as people do, post less and leave when abused.

use crate::circle::{PostKind, FEED_LEN};
use crate::population::Status;
use crate::report::PatternId;
use crate::scenario::{Action, Archetype, Gender};
use crate::sim::World;

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

/// Honest exposure past which users start leaving.
const LEAVE_AT: u16 = 40;

impl World {
    /// An honest member, lurker or generous tipper: leaves if abuse piled up, reads, reacts, maybe posts.
    pub(super) fn honest_visit(&mut self, idx: u32, h: u32) {
        let Some(u) = self.users.get_mut(idx as usize) else {
            return;
        };
        let a = u.archetype;
        if u.exposure > LEAVE_AT {
            let p = f64::from(u.exposure - LEAVE_AT) / 300.0;
            if self.dice.chance(p) {
                if let Some(u) = self.users.get_mut(idx as usize) {
                    u.status = Status::Left;
                }
                self.health.left += 1;
                return;
            }
        }
        if let Some(u) = self.users.get_mut(idx as usize) {
            // Bad experiences fade slowly.
            u.exposure -= u.exposure / 16;
        }
        let Some(c) = self.pick_circle(idx) else {
            return;
        };
        if !self.join(idx, c, h) {
            return;
        }
        let views = match a {
            Archetype::GenerousTipper => 8,
            Archetype::Lurker => 3,
            _ => 4,
        };
        self.browse(idx, c, views, h);
        let base = match a {
            Archetype::Honest => 0.25,
            Archetype::GenerousTipper => 0.03,
            _ => 0.01,
        };
        let exposure = self.users.get(idx as usize).map_or(0, |u| u.exposure);
        let p_post = base * 20.0 / (20.0 + f64::from(exposure));
        if self.dice.chance(p_post) && !self.knows_refused(idx, c, Action::Post) {
            match self.may(c, Action::Post, idx, idx, h) {
                Some(clause) => {
                    if self.publish(idx, c, PostKind::Genuine, clause, h).is_some() {
                        self.health.post();
                    }
                }
                None => self.refuse(idx, c, Action::Post, h),
            }
        }
    }

    /// Reads `n` posts of a circle's feed and reacts to each as the viewer's archetype would.
    pub(super) fn browse(&mut self, idx: u32, c: usize, n: u32, h: u32) {
        let Some(u) = self.users.get(idx as usize) else {
            return;
        };
        let (viewer, male, honest) = (u.archetype, u.gender == Gender::Male, u.archetype.is_honest());
        let mut seen = 0_u64;
        for _ in 0..n {
            let Some(serial) = self.glance(c) else {
                break;
            };
            seen += 1;
            let Some((author, kind, contact_ok, author_gen, key)) = self
                .circles
                .get_mut(c)
                .and_then(|cs| cs.get_mut(serial))
                .map(|p| (p.author, p.kind, p.contact_ok, p.author_generation, p.rule_key))
            else {
                continue;
            };
            if author == idx {
                continue;
            }
            let r = reaction(viewer, male, kind);
            if honest && matches!(kind, PostKind::Solicit | PostKind::Scam) {
                let mut overexposed = false;
                if let Some(u) = self.users.get_mut(idx as usize) {
                    u.exposure = u.exposure.saturating_add(1);
                    if kind == PostKind::Solicit {
                        u.solicit_seen = u.solicit_seen.saturating_add(1);
                        overexposed = u.solicit_seen == crate::population::SOLICIT_SEEN_HARM;
                    }
                }
                if overexposed {
                    self.harm(idx, PatternId::Solicitation);
                }
                if self.dice.chance(r.report) {
                    self.report_post(c, serial, author, author_gen, kind, h);
                }
            }
            // One draw picks at most one reaction per glance (a praise may still lead on to a tip):
            // each chance is small, so this is close to independent draws and a quarter of the cost.
            let u = self.dice.unit();
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
            match pick {
                Pick::Bite => {
                    self.bite(idx, c, serial, author, key, h);
                    continue;
                }
                Pick::Praise | Pick::Tip => {
                    let praised = pick == Pick::Praise && self.interact(idx, c, Action::Praise, author, h);
                    if praised {
                        if let Some(cs) = self.circles.get_mut(c) {
                            if let Some(p) = cs.get_mut(serial) {
                                p.praise += 1;
                            }
                            cs.feed_dirty = true;
                        }
                    }
                    let wants_tip = match pick {
                        Pick::Tip => true,
                        _ if praised => {
                            let funnel_open = self.s.circles.get(c).is_some_and(|s| s.tips.praise_leads_to_tip);
                            self.dice.chance(if funnel_open { r.funnel } else { r.funnel * 0.2 })
                        }
                        _ => false,
                    };
                    if wants_tip && self.interact(idx, c, Action::Tip, author, h) {
                        let generous = if viewer == Archetype::GenerousTipper { 1.0 } else { 0.5 };
                        let wish = self.tip_wish(idx, generous);
                        if let Some(amount) = self.tip(idx, c, serial, wish) {
                            self.after_tip(idx, author, kind, amount);
                        }
                    }
                    continue;
                }
                Pick::Comment => {
                    self.interact(idx, c, Action::Comment, author, h);
                    continue;
                }
                Pick::Message => {
                    if self.dm_open(c) {
                        self.interact(idx, c, Action::Message, author, h);
                    }
                    continue;
                }
                Pick::Contact => {}
            }
            if kind == PostKind::Solicit {
                let via_dm = self.dm_open(c) && self.may(c, Action::Message, idx, author, h).is_some();
                if contact_ok || via_dm {
                    self.harm(idx, PatternId::Solicitation);
                    let text = self.wants(PatternId::Solicitation).then(|| {
                        format!(
                            "hour {h}: user #{idx} ({}) took up user #{author}'s offer of off-platform contact in {}",
                            viewer.id(),
                            self.circle_name(c)
                        )
                    });
                    self.incident(PatternId::Solicitation, h, key, 0, text);
                    self.evader_harm(author, idx, h, key);
                    if let Some(a) = self.memory.get_mut(author as usize) {
                        a.earned_fen = a.earned_fen.saturating_add(crate::population::CONTACT_VALUE_FEN);
                    }
                }
            }
        }
        if honest {
            self.health.viewed(seen);
        }
        if let Some(cs) = self.circles.get_mut(c) {
            cs.views += seen;
        }
    }

    /// Tries an action on an author: counts honest engagement, or an honest refusal.
    pub(super) fn interact(&mut self, idx: u32, c: usize, action: Action, author: u32, h: u32) -> bool {
        if self.knows_refused(idx, c, action) {
            return false;
        }
        if self.may(c, action, idx, author, h).is_some() {
            if self.users.get(idx as usize).is_some_and(|u| u.archetype.is_honest()) {
                self.health.interaction();
            }
            true
        } else {
            self.refuse(idx, c, action, h);
            false
        }
    }

    /// Picks a post from the feed, favouring the top (people rarely scroll far).
    pub(super) fn glance(&mut self, c: usize) -> Option<u32> {
        let circle = self.circles.get(c)?;
        let n = circle.feed.len().min(FEED_LEN) as u32;
        if n == 0 {
            return None;
        }
        // The better of two positions (one 32-bit draw split in two) favours the top of the feed.
        let r = self.dice.below(u32::MAX);
        let pos = (((r & 0xffff) * n) >> 16).min(((r >> 16) * n) >> 16);
        let slot = *circle.feed.get(pos as usize)?;
        let p = circle.window.get(slot as usize)?;
        (!p.hidden).then_some(p.serial)
    }
}
