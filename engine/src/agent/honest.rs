//! Honest members, lurkers and generous tippers: they read the feed, react as people do, post less and leave when abused.

use super::{payment, posting, solicitor, Visit};
use crate::assumptions::Derived;
use crate::circle::{flag, Post, PostKind};
use crate::exemplar::Deed;
use crate::population::Status;
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
fn reaction(viewer: Archetype, male: bool, kind: PostKind, author_female: bool, a: &Derived) -> Reaction {
    let enticing = matches!(kind, PostKind::Solicit | PostKind::Fake);
    let r = base_reaction(viewer, male, kind, enticing, a);
    if enticing && !author_female {
        // The customers of solicitation are men paying women (the 2016 account): a man's enticing post
        // draws a fraction of the interest, whatever the rules let him post.
        let f = a.male_author_demand;
        return Reaction {
            praise: r.praise * f,
            comment: r.comment * f,
            tip: r.tip * f,
            message: r.message * f,
            contact: r.contact * f,
            ..r
        };
    }
    r
}

/// The reactions before the author's gender is weighed (the chances the catalogue names come from `a`).
fn base_reaction(viewer: Archetype, male: bool, kind: PostKind, enticing: bool, a: &Derived) -> Reaction {
    match (viewer, kind) {
        (Archetype::GenerousTipper, _) if enticing => Reaction {
            praise: a.tipper_praise_enticing,
            comment: 0.1,
            tip: 0.06,
            funnel: 0.6,
            message: 0.05,
            contact: if kind == PostKind::Solicit {
                a.tipper_contact
            } else {
                0.0
            },
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
            // Men want a word with the author; where comments are gated that wish turns into praise. An honest
            // member is not a customer: the off-platform contacts that pay a solicitor come from the demand side.
            comment: if male { 0.03 } else { 0.0 },
            tip: 0.005,
            funnel: 0.15,
            report: a.honest_report,
            ..NONE
        },
        (_, PostKind::Scam) => Reaction {
            bite: if male { 0.006 } else { 0.001 },
            report: a.honest_report,
            ..NONE
        },
        _ => Reaction {
            praise: 0.12,
            comment: 0.05,
            tip: 0.005,
            funnel: 0.15,
            message: 0.005,
            // False reports: a genuine post someone dislikes or misreads.
            report: a.false_report,
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
    /// A report of a genuine post: a false report.
    Report,
}

/// How one kind of viewer reacts to one kind of post, with the one-draw pick's thresholds laid out.
#[derive(Clone, Copy)]
struct Reacting {
    reaction: Reaction,
    /// Running sums of the pick's chances, in [`PICK_ORDER`] order; the last is the chance of any reaction.
    edges: [f64; 7],
}

/// The order in which one uniform draw walks the reactions (see [`Reacting::pick`]).
const PICK_ORDER: [Pick; 7] = [
    Pick::Bite,
    Pick::Praise,
    Pick::Tip,
    Pick::Comment,
    Pick::Message,
    Pick::Contact,
    Pick::Report,
];

impl Reacting {
    fn new(r: Reaction, kind: PostKind) -> Reacting {
        let chances = [
            r.bite,
            r.praise,
            r.tip,
            r.comment,
            r.message,
            r.contact,
            // Reports of harmful posts are drawn on their own; a report here is a false one.
            if kind == PostKind::Genuine { r.report } else { 0.0 },
        ];
        // Summed in order, as a walk over the chances would: the same thresholds to the last bit.
        let mut edge = 0.0;
        let edges = chances.map(|p| {
            edge += p;
            edge
        });
        Reacting { reaction: r, edges }
    }

    /// The one reaction a uniform draw `u` in [0, 1) picks, if any: the first whose running sum exceeds `u`.
    /// Most glances lead to nothing, and the last sum says so at once.
    fn pick(&self, u: f64) -> Option<Pick> {
        if u >= self.edges[6] {
            return None;
        }
        self.edges
            .iter()
            .zip(PICK_ORDER)
            .find(|(edge, _)| u < **edge)
            .map(|(_, pick)| pick)
    }
}

/// Every viewer's reaction to every post, worked out once per run from the assumptions (a glance looks its
/// reaction up instead of building it): by viewer kind (generous tipper, lurker, other), the viewer's gender,
/// the kind of post and the author's gender.
pub(crate) struct Reactions {
    /// By viewer kind, then the viewer's gender.
    viewers: Vec<ViewerReactions>,
}

/// One kind of viewer's reactions: by kind of post, then whether the author's profile says female. A browse
/// picks its viewer's row once, so a glance indexes by the post alone.
struct ViewerReactions([Reacting; 2 * PostKind::ALL.len()]);

impl Reactions {
    /// The table for these assumptions.
    pub(crate) fn new(a: &Derived) -> Reactions {
        let mut viewers = Vec::with_capacity(3 * 2);
        for viewer in [Archetype::GenerousTipper, Archetype::Lurker, Archetype::Honest] {
            for male in [false, true] {
                let mut row = [NO_REACTION; 2 * PostKind::ALL.len()];
                for (pair, kind) in row.chunks_exact_mut(2).zip(PostKind::ALL) {
                    for (r, author_female) in pair.iter_mut().zip([false, true]) {
                        *r = Reacting::new(reaction(viewer, male, kind, author_female, a), kind);
                    }
                }
                viewers.push(ViewerReactions(row));
            }
        }
        Reactions { viewers }
    }

    /// The reactions of `viewer` (of gender `male`).
    fn of(&self, viewer: Archetype, male: bool) -> &ViewerReactions {
        let v = match viewer {
            Archetype::GenerousTipper => 0,
            Archetype::Lurker => 1,
            _ => 2,
        };
        // INVARIANT: the table holds every viewer, so the index is in range.
        self.viewers.get(v * 2 + usize::from(male)).unwrap_or(&NO_VIEWER)
    }
}

impl ViewerReactions {
    /// The reaction to a post of `kind` by an author whose profile says female or not.
    fn to(&self, kind: PostKind, author_female: bool) -> &Reacting {
        // INVARIANT: the row holds every kind of post and author, so the index is in range.
        self.0
            .get(kind.index() * 2 + usize::from(author_female))
            .unwrap_or(&NO_REACTION)
    }
}

/// What a glance outside the table would do: nothing (never used; the table is complete).
const NO_REACTION: Reacting = Reacting {
    reaction: NONE,
    edges: [0.0; 7],
};

/// A viewer outside the table: reacts to nothing (never used; the table is complete).
const NO_VIEWER: ViewerReactions = ViewerReactions([NO_REACTION; 2 * PostKind::ALL.len()]);

/// An honest member, lurker or generous tipper: leaves if abuse piled up, reads, reacts, maybe posts.
pub(super) fn visit(v: &mut Visit, idx: u32, h: u32) {
    let u = v.people.user(idx);
    let (a, exposure) = (u.archetype, u.exposure_posts());
    // Past a threshold of abuse felt, each further unit adds to the chance of leaving (`assumptions`).
    let over = exposure - v.rules.assume.leave_at;
    if over > 0.0 && v.dice.chance(over * v.rules.assume.leave_per_exposure) {
        leave(v, idx, h);
        return;
    }
    // Bad experiences fade: what someone feels is mostly what the feed has shown lately.
    let u = v.people.user_mut(idx);
    u.exposure = (u32::from(u.exposure) * v.rules.assume.exposure_keep_permille / 1000) as u16;
    let Some(c) = v.pick_circle(idx) else {
        return;
    };
    if !v.join(idx, c, h) {
        return;
    }
    let views = match a {
        Archetype::GenerousTipper => v.rules.assume.tipper_views,
        Archetype::Lurker => 3,
        _ => v.rules.assume.honest_views,
    };
    browse(v, idx, c, views, h);
    if a.is_honest() && consider_soliciting(v, idx, c, h) {
        super::solicitor::solicit(v, idx, h);
        return;
    }
    let base = match a {
        Archetype::Honest => v.rules.assume.honest_post,
        Archetype::GenerousTipper => 0.03,
        _ => 0.01,
    };
    let half = v.rules.assume.post_half_at;
    let p_post = base * half / (half + v.people.user(idx).exposure_posts());
    if v.dice.chance(p_post) {
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

/// An honest user leaves the feature. With chance `assumptions.newcomer_percent` a newcomer takes their place
/// at once (a new account with a fresh view of the feed, the same kind of person), so the audience is a steady
/// flow whose size does not depend on how long the run is; otherwise the place stays empty.
fn leave(v: &mut Visit, idx: u32, h: u32) {
    let u = v.people.user(idx);
    let (honest, good_faith) = (u.is_honest(), u.in_good_faith());
    if honest {
        v.tallies.health.left += 1;
    }
    if v.dice.below(100) >= v.rules.assume.newcomer_percent {
        v.people.user_mut(idx).status = Status::Left;
        return;
    }
    v.people.renew(idx, h);
    if honest {
        v.tallies.health.newcomers += 1;
    }
    if good_faith {
        v.tallies.newcomers_in_good_faith += 1;
    }
}

/// Reads `n` posts of a circle's feed and reacts to each as the viewer's archetype would.
fn browse(v: &mut Visit, idx: u32, c: usize, n: u32, h: u32) {
    let u = v.people.user(idx);
    let (viewer, male, honest) = (u.archetype, u.gender == Gender::Male, u.is_honest());
    let reactions = v.rules.reactions.of(viewer, male);
    let mut seen = 0_u64;
    for _ in 0..n {
        // A post is a few words of plain data: a copy, rather than the circle held borrowed.
        let Some((serial, post)) = glance(v, c) else {
            break;
        };
        seen += 1;
        let (author, kind) = (post.author, post.kind());
        if author == idx {
            continue;
        }
        let reacting = reactions.to(kind, post.has(flag::AUTHOR_FEMALE));
        let r = &reacting.reaction;
        if honest {
            if let Some(p) = posting::violation_of(kind) {
                v.tallies.pattern_mut(p).views += 1;
            }
            let u = v.people.user_mut(idx);
            // Only someone with a price forms a belief of what enticement pays: nobody reads anyone else's.
            if u.reservation_fen != crate::population::NO_PRICE {
                learn_what_posts_earn(u, kind, post.tips_fen(), &v.rules.assume);
            }
        }
        if honest && matches!(kind, PostKind::Solicit | PostKind::Scam) {
            let u = v.people.user_mut(idx);
            u.suffer(1);
            let mut overexposed = false;
            if kind == PostKind::Solicit {
                u.solicit_seen = u.solicit_seen.saturating_add(1);
                overexposed = u.solicit_seen == v.rules.assume.solicit_seen_harm;
            }
            if overexposed {
                v.harm(idx, PatternId::Solicitation);
            }
            if v.dice.chance(r.report) {
                posting::report_post(v, c, serial, author, kind, h);
            }
        }
        // One draw picks at most one reaction per glance (a praise may still lead on to a tip):
        // each chance is small, so this is close to independent draws and a quarter of the cost.
        let Some(pick) = reacting.pick(v.dice.unit()) else {
            continue;
        };
        let genuine = kind == PostKind::Genuine;
        match pick {
            Pick::Bite => {
                payment::bite(v, idx, c, serial, author, h);
                continue;
            }
            Pick::Praise | Pick::Tip => {
                praise_or_tip(v, idx, c, serial, &post, pick == Pick::Tip, r.funnel, h);
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
                    // A word with a solicitor is how a free contact starts ("add me on WeChat"): where men may
                    // comment, part of the market goes off-platform for free instead of through the tip page.
                    if kind == PostKind::Solicit
                        && viewer.is_demand()
                        && v.dice.chance(v.rules.assume.conversation_contact)
                    {
                        take_contact(v, idx, c, serial, &post, h);
                    }
                    continue;
                }
                // A gate moves intent, it does not remove it: someone refused a word with the author
                // turns to what is still allowed, praise, and praise may open the tip page.
                if v.dice.chance(v.rules.assume.reroute) {
                    praise_or_tip(v, idx, c, serial, &post, false, r.funnel, h);
                }
                continue;
            }
            Pick::Contact => take_contact(v, idx, c, serial, &post, h),
            Pick::Report => posting::report_post(v, c, serial, author, kind, h),
        }
    }
    if honest {
        v.tallies.health.viewed(seen);
    }
    v.circle(c).views += seen;
}

/// Takes up a solicitor's offer of off-platform contact, where contact gets through (details in the post, or a
/// direct message the rules allow). A contact is worth what the man will pay off-platform, out of the same daily
/// means as his tips: demand is bounded by the demand side's money, not by how many posts it sees.
fn take_contact(v: &mut Visit, idx: u32, c: usize, serial: u32, post: &Post, h: u32) {
    let author = post.author;
    if post.kind() != PostKind::Solicit {
        return;
    }
    let via_dm = v.rules.dm_open(c) && v.may(c, Action::Message, idx, author, h).is_some();
    let u = v.people.user(idx);
    let value = v.rules.assume.contact_value_fen;
    let paid = u.budget_fen.saturating_sub(u.spent_today_fen).min(value);
    if !(post.has(flag::CONTACT_OK) || via_dm) || paid < value / 10 {
        return;
    }
    let viewer = u.archetype;
    let u = v.people.user_mut(idx);
    u.spent_today_fen = u.spent_today_fen.saturating_add(paid);
    v.harm(idx, PatternId::Solicitation);
    let text = v.tallies.wants(PatternId::Solicitation).then(|| {
        v.exemplar(
            h,
            idx,
            c,
            Deed::ContactTaken {
                archetype: viewer,
                author,
            },
        )
    });
    let key = v.circle(c).origin(serial).rule_key;
    v.tallies.incident(PatternId::Solicitation, h, key, 0, text);
    if post.has(flag::FROM_CONVERT) {
        v.tallies.pattern_mut(PatternId::Solicitation).by_converts += 1;
    }
    solicitor::evader_harm(v, author, idx);
    v.people.memory_mut(author).earn(u64::from(paid));
    v.circle(c).market_earned(PostKind::Solicit, u64::from(paid));
}

/// Praises post `serial` (unless going straight to a tip), then maybe tips: praise leads on to the tip page
/// with chance `funnel` where the circle's praise opens it, a fifth of that where it does not.
///
/// Inlined into the glance that leads to it, as [`interact`] is: the calls passed eight arguments, partly on
/// the stack, and saved six registers, about a tenth of the cost of a reaction.
#[expect(clippy::too_many_arguments, reason = "a glance's whole context, passed on as it is")]
#[inline(always)]
fn praise_or_tip(
    v: &mut Visit,
    idx: u32,
    c: usize,
    serial: u32,
    post: &Post,
    straight_to_tip: bool,
    funnel: f64,
    h: u32,
) {
    let (author, kind) = (post.author, post.kind());
    let genuine = kind == PostKind::Genuine;
    let praised = !straight_to_tip && interact(v, idx, c, Action::Praise, author, genuine, h);
    if praised {
        let cs = v.circle(c);
        if let Some(p) = cs.get_mut(serial) {
            p.praise += 1;
        }
    }
    let wants_tip = if straight_to_tip {
        true
    } else if praised {
        let funnel_open = v.rules.circle(c).tips.praise_leads_to_tip;
        v.dice.chance(if funnel_open {
            funnel
        } else {
            funnel * v.rules.assume.funnel_closed
        })
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
#[inline(always)]
fn interact(v: &mut Visit, idx: u32, c: usize, action: Action, author: u32, genuine: bool, h: u32) -> bool {
    // Someone who knows the rule refuses them does not try again, but the wish still counts as refused.
    if !v.people.knows_refused(idx, c, action) && v.may(c, action, idx, author, h).is_some() {
        if genuine && v.people.user(idx).is_honest() {
            v.tallies.health.interaction();
        }
        true
    } else {
        v.refuse(idx, c, action, h);
        false
    }
}

/// A post a glance at circle `c`'s feed lands on, with its serial; `None` if the feed shows nothing.
#[inline(always)]
pub(super) fn glance(v: &mut Visit, c: usize) -> Option<(u32, Post)> {
    let ranking = v.rules.circle(c).ranking;
    // The circle and the dice are separate parts of the visit: both can be borrowed at once.
    v.circles.get(c)?.glance(ranking, &v.rules.feed_ages, v.dice)
}

/// Updates what an ordinary user believes one enticing post earns here, from the tips on a post they saw
/// (tips are visible): an enticing post's tips directly, an ordinary post's scaled up by
/// `assumptions.enticing_uplift`. The mean of the tipped posts seen so far, then a moving average over the last
/// `assumptions.belief_posts`, so a belief forms from the first posts seen and then follows what the feed shows now.
fn learn_what_posts_earn(u: &mut crate::population::User, kind: PostKind, tips_fen: u64, a: &Derived) {
    let seen = match kind {
        PostKind::Solicit | PostKind::Fake => tips_fen,
        PostKind::Genuine => tips_fen.saturating_mul(a.enticing_uplift),
        _ => return,
    };
    let seen = seen.min(u64::from(u32::MAX)) as i64;
    let old = i64::from(u.seen_pay_fen);
    let n = (i64::from(u.seen_pay_posts) + 1).min(a.belief_posts);
    u.seen_pay_fen = (old + (seen - old) / n).clamp(0, i64::from(u32::MAX)) as u32;
    u.seen_pay_posts = u8::try_from(n).unwrap_or(u8::MAX);
}

/// An ordinary user who may post in circle `c` weighs what enticing posts seem to earn, discounted by how
/// often and how fast sanctions land there, against what it would take them; some start. Returns true when
/// the user has just turned to soliciting.
fn consider_soliciting(v: &mut Visit, idx: u32, c: usize, h: u32) -> bool {
    let u = v.people.user(idx);
    let (believed, reservation) = (
        solicitor::believed_pay_fen(u, &v.rules.assume),
        f64::from(u.reservation_fen),
    );
    // Boldness is at most 1, so a belief at or below the price settles it without reading the circle.
    if believed <= reservation || believed * v.boldness(idx, c) <= reservation {
        return false;
    }
    if v.may(c, Action::Post, idx, idx, h).is_none() || !v.dice.chance(v.rules.assume.convert_per_visit) {
        return false;
    }
    let (u, m) = v.people.both_mut(idx);
    u.flags |= crate::population::flag::CONVERTED;
    m.forget_earnings();
    v.tallies.converted += 1;
    true
}
