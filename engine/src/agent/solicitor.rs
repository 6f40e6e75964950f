//! Solicitors, scammers and ban evaders: they post where the rules let them and where it pays, and learn what it pays.

use crate::circle::PostKind;
use crate::report::PatternId;
use crate::rule::{self};
use crate::scenario::{Action, Archetype};
use crate::sim::World;

impl World {
    /// 0.25–1: how well enticing posts have paid so far against what they are worth the bother (learned, not read).
    pub(super) fn payoff(&self, idx: u32) -> f64 {
        let Some(u) = self.memory.get(idx as usize) else {
            return 1.0;
        };
        if u.posts < 3 {
            // Too early to judge: trust the rules' promise.
            return 1.0;
        }
        let per_post = f64::from(u.earned_fen) / f64::from(u.posts);
        0.25 + 0.75 * (per_post / f64::from(crate::population::RESERVATION_FEN)).min(1.0)
    }

    /// Counts an enticing post toward what the author learns the rules pay.
    pub(super) fn count_post(&mut self, idx: u32) {
        if let Some(u) = self.memory.get_mut(idx as usize) {
            u.posts = u.posts.saturating_add(1);
        }
    }

    /// A solicitor posts where it may and where the rules make it pay, less when sanctions bite.
    pub(super) fn solicit(&mut self, idx: u32, h: u32) {
        let Some((c, pull, clause)) = self.best_circle(idx, h, |inc, _| inc.solicit_pull) else {
            return;
        };
        let p = 0.6 * pull * self.boldness(idx, c) * self.payoff(idx);
        if !self.dice.chance(p) {
            return;
        }
        self.count_post(idx);
        if self.publish(idx, c, PostKind::Solicit, clause, h).is_none() {
            return;
        }
        let key = rule::key(c, Action::Post, clause);
        let returned = self.users.get(idx as usize).is_some_and(|u| u.generation > 0);
        let text = self.wants(PatternId::Solicitation).then(|| {
            format!(
                "hour {h}: user #{idx} ({}{}) posted suggestive photos asking for tips and a meeting in {}",
                self.archetype_word(idx),
                if returned { ", on a replacement account" } else { "" },
                self.circle_name(c)
            )
        });
        self.incident(PatternId::Solicitation, h, key, 0, text);
        if returned {
            let ban_key = self.ban_key();
            self.incident(PatternId::BanEvasion, h, ban_key, 0, None);
        }
    }

    /// A scammer posts promised meetings where it may post and where prepayment can flow.
    pub(super) fn scam(&mut self, idx: u32, h: u32) {
        let Some((c, pull, clause)) = self.best_circle(idx, h, |inc, _| inc.scam_pull) else {
            return;
        };
        let p = 0.4 * pull * self.boldness(idx, c);
        if self.dice.chance(p) {
            self.publish(idx, c, PostKind::Scam, clause, h);
        }
    }

    /// When a returned ban evader harms someone, that harm is ban evasion's too.
    pub(super) fn evader_harm(&mut self, actor: u32, victim: u32, h: u32, key: u16) {
        let returned = self
            .users
            .get(actor as usize)
            .is_some_and(|u| u.archetype == Archetype::BanEvader && u.generation > 0);
        if returned {
            self.harm(victim, PatternId::BanEvasion);
            let _ = (h, key);
        }
    }

    /// Money earned by a returned ban evader counts toward ban evasion.
    pub(super) fn evader_money(&mut self, actor: u32, amount: u64) {
        let returned = self
            .users
            .get(actor as usize)
            .is_some_and(|u| u.archetype == Archetype::BanEvader && u.generation > 0);
        if returned {
            if let Some(t) = self.patterns.get_mut(PatternId::BanEvasion.index()) {
                t.fen += amount;
            }
        }
    }

    /// The platform rule that lets banned people return (what opened ban evasion).
    pub(super) fn ban_key(&self) -> u16 {
        match self.s.platform.bans.return_after_ban {
            crate::scenario::BanReturn::AtCost => rule::KEY_BAN_AT_COST,
            _ => rule::KEY_BAN_FREE,
        }
    }
}
