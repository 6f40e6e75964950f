//! Incentives: what each circle's rules are worth to each bad-faith strategy, read once from the rules.
//!
//! These numbers are how strategies "read the rules": a solicitor's intensity scales with the tip ceiling,
//! the praise-to-tip funnel, tip-ranked feeds and contact getting through; a faker compares the income a
//! gate opens with the price of the forgery; a sybil ring only works a ranked feed.

use crate::assumptions::Derived;
use crate::scenario::{Circle, ContactPolicy, Ranking};

/// What one circle's rules are worth to abusers.
#[derive(Clone, Debug)]
pub(crate) struct CircleIncentive {
    /// Whether anyone can tip at all here.
    pub tips_open: bool,
    /// 0–1.3: off-platform contact getting through, plus direct messages.
    pub contact_pull: f64,
    /// 0–1: overall pull for solicitation.
    pub solicit_pull: f64,
    /// 0–1: overall pull for scams (tips as prepayment, or messages to arrange transfers).
    pub scam_pull: f64,
    /// Rough tip income one enticing post can expect, in fen (for fakers weighing a forgery).
    pub tip_income_per_post_fen: f64,
}

/// Reads a circle's incentives; `median_spend_fen` is the population's median daily spending, and the tip
/// ceiling that pulls fully (`assumptions.tip_yardstick_fen`) comes from `assume`.
pub(crate) fn read(c: &Circle, median_spend_fen: u32, assume: &Derived) -> CircleIncentive {
    let tips_open = c.tips.enabled && !c.rules.tip.allow.is_empty() && c.tips.max_fen > 0;
    let funnel = if c.tips.praise_leads_to_tip { 1.0 } else { 0.4 };
    let ceiling_yuan = f64::from(c.tips.max_fen) / 100.0;
    // Authors keep what the fee leaves them.
    let kept = 1.0 - f64::from(c.tips.fee_permille.min(1000)) / 1000.0;
    let tip_pull = if tips_open {
        (libm::log(1.0 + ceiling_yuan) / libm::log(1.0 + assume.tip_yardstick_yuan)).min(1.2) * funnel * kept
    } else {
        0.0
    };
    let rank_boost = match c.ranking {
        Ranking::Newest => 1.0,
        Ranking::MostPraised => 1.2,
        Ranking::MostTipped if tips_open => 1.5,
        Ranking::MostTipped => 1.0,
    };
    let off_platform = match c.contact.off_platform {
        ContactPolicy::Allowed => 1.0,
        ContactPolicy::Filtered => 1.0 - f64::from(c.contact.filter_recall_percent.min(100)) / 100.0,
    };
    let dm = if c.contact.direct_messages && !c.rules.message.allow.is_empty() {
        // Conditions on messaging narrow who can reach a solicitor; assume they halve it.
        let open = c.rules.message.allow.iter().any(|cl| cl.conditions.is_empty());
        if open {
            0.3
        } else {
            0.15
        }
    } else {
        0.0
    };
    let contact_pull = off_platform + dm;
    let solicit_pull = ((tip_pull * rank_boost + 0.5 * contact_pull) / 1.5).min(1.0);
    let scam_pull = (0.6 * tip_pull + 0.4 * off_platform + dm).min(1.0);
    // A generous tipper's typical tip, clamped to the circle's range, times the tippers an enticing post draws.
    let typical_tip = (f64::from(median_spend_fen) * 8.0 * 0.35)
        .clamp(f64::from(c.tips.min_fen), f64::from(c.tips.max_fen.max(c.tips.min_fen)));
    let tip_income_per_post_fen = if tips_open {
        typical_tip * 2.0 * funnel * rank_boost * kept
    } else {
        0.0
    };
    CircleIncentive {
        tips_open,
        contact_pull,
        solicit_pull,
        scam_pull,
        tip_income_per_post_fen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tips_off_means_no_tip_pull() {
        let mut c = Circle::default();
        c.tips.enabled = false;
        let i = read(&c, 1000, &Derived::default());
        assert!(!i.tips_open);
        assert_eq!(i.tip_income_per_post_fen, 0.0);
    }

    #[test]
    fn higher_ceiling_and_funnel_pull_harder() {
        let mut low = Circle::default();
        low.tips.max_fen = 2_000;
        let mut high = low.clone();
        high.tips.max_fen = 20_000;
        high.tips.praise_leads_to_tip = true;
        assert!(
            read(&high, 1000, &Derived::default()).solicit_pull > read(&low, 1000, &Derived::default()).solicit_pull
        );
    }
}
