//! Levers: each rule of a scenario moved, alone, to its restrictive alternative or, for a gate, to a looser
//! one; the counterfactuals that [`crate::explain`] runs.
//!
//! A lever is listed only when it changes the scenario and can matter: a rule already at its
//! restrictive alternative yields no lever, and neither do tip levers where tips are off or
//! message levers where direct messages are off.

use serde::{Deserialize, Serialize};

use crate::words::yuan;

use crate::scenario::{
    BanReturn, Circle, Clause, Condition, ContactPolicy, Ranking, Rule, SanctionKind, Scenario, VerificationLevel,
};

/// Tip ceiling of the "cap tips" lever, in fen (¥5).
pub const TIP_CEILING_FEN: u32 = 500;
/// Daily cap per tipper of the "daily cap" lever, in fen (¥50).
pub const DAILY_TIP_CAP_FEN: u32 = 5_000;
/// Review delay of the "fast review" lever, in hours.
pub const FAST_REVIEW_HOURS: u32 = 2;
/// Review capacity of the "more reviewers" lever, per day per 10,000 users.
pub const REVIEWS_PER_DAY_PER_10K: u32 = 40;
/// Factor by which the "dearer credit points" lever multiplies the payments needed per credit point.
pub const CREDIT_PRICE_FACTOR: u32 = 10;

/// One counterfactual: the scenario with a single rule moved to its restrictive alternative, or a gate loosened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lever {
    /// Stable id, e.g. `circle.1.tips.ceiling_5_yuan`, `all.ranking.newest` or `platform.bans.real_name`.
    pub id: String,
    /// The circle changed, when the lever touches one circle only (`None` for platform and every-circle levers).
    pub circle_idx: Option<u32>,
    /// The change as a gerund phrase that starts a sentence, e.g. "Capping tips at ¥5 in Campus Diary".
    pub change: String,
    /// The whole scenario with this one change applied (population and seed untouched).
    pub scenario: Scenario,
}

/// A change to one circle: its id suffix, its phrase (before " in <where>"), and the edit,
/// which returns `false` when the circle is already restrictive or the rule cannot matter there.
struct CircleChange {
    key: &'static str,
    phrase: fn(&Circle) -> String,
    edit: fn(&mut Circle) -> bool,
}

/// Every lever of a scenario, in a fixed order: platform levers, then each circle's levers
/// circle by circle, then the same changes made in every circle at once.
///
/// Levers whose scenario equals the original, or equals an earlier lever's, are left out,
/// so each counterfactual is run once.
pub fn levers(s: &Scenario) -> Vec<Lever> {
    let mut out: Vec<Lever> = Vec::new();
    let push = |out: &mut Vec<Lever>, lever: Lever| {
        if lever.scenario != *s && out.iter().all(|l| l.scenario != lever.scenario) {
            out.push(lever);
        }
    };
    for lever in platform_levers(s) {
        push(&mut out, lever);
    }
    let changes = circle_changes();
    for (circle_idx, circle) in s.circles.iter().enumerate() {
        for change in &changes {
            let mut t = s.clone();
            let Some(c) = t.circles.get_mut(circle_idx) else {
                continue;
            };
            if !(change.edit)(c) {
                continue;
            }
            let circle_idx = circle_idx as u32;
            push(
                &mut out,
                Lever {
                    id: format!("circle.{circle_idx}.{}", change.key),
                    circle_idx: Some(circle_idx),
                    change: format!("{} in {}", (change.phrase)(circle), circle.name),
                    scenario: t,
                },
            );
        }
    }
    if s.circles.len() > 1 {
        for change in &changes {
            let mut t = s.clone();
            let mut first_changed: Option<&Circle> = None;
            for (c, original) in t.circles.iter_mut().zip(&s.circles) {
                if (change.edit)(c) && first_changed.is_none() {
                    first_changed = Some(original);
                }
            }
            // INVARIANT: an every-circle lever that changed one circle equals that circle's lever, which push() drops.
            if let Some(first) = first_changed {
                push(
                    &mut out,
                    Lever {
                        id: format!("all.{}", change.key),
                        circle_idx: None,
                        change: format!("{} in every circle", (change.phrase)(first)),
                        scenario: t,
                    },
                );
            }
        }
    }
    out
}

fn platform_levers(s: &Scenario) -> Vec<Lever> {
    let mut out = Vec::new();
    let v = &s.platform.verification;
    if v.gender != VerificationLevel::RealNameBound {
        let mut t = s.clone();
        t.platform.verification.gender = VerificationLevel::RealNameBound;
        out.push(platform_lever(
            "platform.verification.gender.real_name",
            "Binding gender to the real-name ID",
            t,
        ));
    }
    if v.identity != VerificationLevel::RealNameBound {
        let mut t = s.clone();
        t.platform.verification.identity = VerificationLevel::RealNameBound;
        out.push(platform_lever(
            "platform.verification.identity.real_name",
            "Binding identity (student, white-collar, overseas) to the real-name ID",
            t,
        ));
    }
    if s.platform.bans.return_after_ban != BanReturn::RealNameBound {
        let mut t = s.clone();
        t.platform.bans.return_after_ban = BanReturn::RealNameBound;
        out.push(platform_lever(
            "platform.bans.real_name",
            "Binding bans to the real name, so nobody returns after one",
            t,
        ));
    }
    let price = s.platform.credit.fen_paid_per_point;
    let dearer = price.saturating_mul(CREDIT_PRICE_FACTOR);
    if dearer > price {
        let mut t = s.clone();
        t.platform.credit.fen_paid_per_point = dearer;
        out.push(platform_lever(
            "platform.credit.point_price_x10",
            &format!(
                "Raising the price of a credit point to {} of payments",
                yuan(u64::from(dearer))
            ),
            t,
        ));
    }
    out
}

fn platform_lever(id: &str, change: &str, scenario: Scenario) -> Lever {
    Lever {
        id: String::from(id),
        circle_idx: None,
        change: String::from(change),
        scenario,
    }
}

fn circle_changes() -> Vec<CircleChange> {
    vec![
        CircleChange {
            key: "tips.off",
            phrase: |_| String::from("Turning tips off"),
            edit: |c| replace(&mut c.tips.enabled, false),
        },
        CircleChange {
            key: "tips.no_praise_funnel",
            phrase: |_| String::from("Stopping praise from opening the tip page"),
            edit: |c| c.tips.enabled && replace(&mut c.tips.praise_leads_to_tip, false),
        },
        CircleChange {
            key: "tips.ceiling_5_yuan",
            phrase: |_| format!("Capping tips at {}", yuan(u64::from(TIP_CEILING_FEN))),
            edit: |c| {
                c.tips.enabled
                    && c.tips.min_fen < TIP_CEILING_FEN
                    && c.tips.max_fen > TIP_CEILING_FEN
                    && replace(&mut c.tips.max_fen, TIP_CEILING_FEN)
            },
        },
        CircleChange {
            key: "tips.ceiling_at_floor",
            phrase: |c| format!("Capping tips at their {} minimum", yuan(u64::from(c.tips.min_fen))),
            edit: |c| {
                let floor = c.tips.min_fen;
                c.tips.enabled && c.tips.max_fen > floor && replace(&mut c.tips.max_fen, floor)
            },
        },
        CircleChange {
            key: "tips.daily_cap_50_yuan",
            phrase: |_| format!("Capping each tipper at {} a day", yuan(u64::from(DAILY_TIP_CAP_FEN))),
            edit: |c| {
                let cap = c.tips.daily_cap_per_tipper_fen;
                c.tips.enabled
                    && (cap == 0 || cap > DAILY_TIP_CAP_FEN)
                    && replace(&mut c.tips.daily_cap_per_tipper_fen, DAILY_TIP_CAP_FEN)
            },
        },
        CircleChange {
            key: "ranking.newest",
            phrase: |_| String::from("Ordering the feed newest-first"),
            edit: |c| replace(&mut c.ranking, Ranking::Newest),
        },
        CircleChange {
            key: "contact.filtered",
            phrase: |c| {
                format!(
                    "Filtering off-platform contact details ({} % recall)",
                    c.contact.filter_recall_percent
                )
            },
            edit: |c| replace(&mut c.contact.off_platform, ContactPolicy::Filtered),
        },
        CircleChange {
            key: "contact.no_direct_messages",
            phrase: |_| String::from("Turning direct messages off"),
            edit: |c| replace(&mut c.contact.direct_messages, false),
        },
        CircleChange {
            key: "comment.verified",
            phrase: |_| String::from("Requiring a document-checked account to comment"),
            edit: |c| require_verified(&mut c.rules.comment),
        },
        CircleChange {
            key: "comment.nobody",
            phrase: |_| String::from("Closing comments"),
            edit: |c| close(&mut c.rules.comment),
        },
        CircleChange {
            key: "message.verified",
            phrase: |_| String::from("Requiring a document-checked account to message authors"),
            edit: |c| c.contact.direct_messages && require_verified(&mut c.rules.message),
        },
        CircleChange {
            key: "post.everyone",
            phrase: |_| String::from("Letting everyone post"),
            edit: |c| {
                let open = c.rules.post.allow.iter().any(|clause| clause.conditions.is_empty());
                !open && replace(&mut c.rules.post, Rule::everyone())
            },
        },
        CircleChange {
            key: "post.verified",
            phrase: |_| String::from("Requiring a document-checked account to post"),
            edit: |c| require_verified(&mut c.rules.post),
        },
        CircleChange {
            key: "moderation.classifier",
            phrase: |c| {
                format!(
                    "Turning the classifier on ({} % recall)",
                    c.moderation.classifier.recall_percent
                )
            },
            edit: |c| replace(&mut c.moderation.classifier.enabled, true),
        },
        CircleChange {
            key: "moderation.fast_review",
            phrase: |_| format!("Reviewing flagged items within {FAST_REVIEW_HOURS} hours"),
            edit: |c| {
                let m = &mut c.moderation;
                m.review_delay_hours > FAST_REVIEW_HOURS && replace(&mut m.review_delay_hours, FAST_REVIEW_HOURS)
            },
        },
        CircleChange {
            key: "moderation.more_reviewers",
            phrase: |_| format!("Raising review capacity to {REVIEWS_PER_DAY_PER_10K} a day per 10,000 users"),
            edit: |c| {
                let m = &mut c.moderation;
                m.reviews_per_day_per_10k_users < REVIEWS_PER_DAY_PER_10K
                    && replace(&mut m.reviews_per_day_per_10k_users, REVIEWS_PER_DAY_PER_10K)
            },
        },
        CircleChange {
            key: "moderation.ban",
            phrase: |_| String::from("Banning on the first confirmed violation"),
            edit: |c| replace(&mut c.moderation.sanction, SanctionKind::Ban),
        },
        // Relaxing levers: what a gate costs honest users is only seen by opening it (exclusion is explained
        // by the gate that refuses people, and its fix is to relax it).
        CircleChange {
            key: "join.everyone",
            phrase: |_| String::from("Letting anyone join"),
            edit: |c| open_up(&mut c.join),
        },
        CircleChange {
            key: "comment.everyone",
            phrase: |_| String::from("Letting everyone comment"),
            edit: |c| open_up(&mut c.rules.comment),
        },
        CircleChange {
            key: "comment.credit_lower",
            phrase: |c| lower_credit_phrase(&c.rules.comment, "comments"),
            edit: |c| lower_credit(&mut c.rules.comment),
        },
        CircleChange {
            key: "praise.everyone",
            phrase: |_| String::from("Letting everyone praise"),
            edit: |c| open_up(&mut c.rules.praise),
        },
        CircleChange {
            key: "tip.everyone",
            phrase: |_| String::from("Letting everyone tip"),
            edit: |c| c.tips.enabled && open_up(&mut c.rules.tip),
        },
        CircleChange {
            key: "message.everyone",
            phrase: |_| String::from("Letting everyone message authors"),
            edit: |c| c.contact.direct_messages && open_up(&mut c.rules.message),
        },
    ]
}

/// Points by which the "lower the credit gate" lever lowers every credit threshold of a rule.
pub const CREDIT_GATE_STEP: u16 = 100;

/// Lets everyone through `rule` (a rule that allows nobody is a choice to close it, not a gate, and stays);
/// `false` when someone already passes with no condition.
fn open_up(rule: &mut Rule) -> bool {
    let open = rule.allow.iter().any(|clause| clause.conditions.is_empty());
    !open && !rule.allow.is_empty() && replace(rule, Rule::everyone())
}

/// Lowers every credit threshold in `rule` by [`CREDIT_GATE_STEP`] (not below the lowest score); `false`
/// when it has none to lower.
fn lower_credit(rule: &mut Rule) -> bool {
    let mut changed = false;
    for cond in rule.allow.iter_mut().flat_map(|cl| cl.conditions.iter_mut()) {
        if let Condition::ActorCreditAtLeast(x) | Condition::AuthorCreditAtLeast(x) = cond {
            let lower = x.saturating_sub(CREDIT_GATE_STEP).max(crate::scenario::CREDIT_MIN);
            changed |= replace(x, lower);
        }
    }
    changed
}

/// "Lowering the credit gate on comments from 750 to 650", from the rule's highest threshold.
fn lower_credit_phrase(rule: &Rule, what: &str) -> String {
    let highest = rule
        .allow
        .iter()
        .flat_map(|cl| cl.conditions.iter())
        .filter_map(|cond| match cond {
            Condition::ActorCreditAtLeast(x) | Condition::AuthorCreditAtLeast(x) => Some(*x),
            _ => None,
        })
        .max()
        .unwrap_or(crate::scenario::CREDIT_MIN);
    let lower = highest
        .saturating_sub(CREDIT_GATE_STEP)
        .max(crate::scenario::CREDIT_MIN);
    format!("Lowering the credit gate on {what} from {highest} to {lower}")
}

/// Sets `slot` to `value` and says whether that changed it.
fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// Makes every clause of `rule` require a document-checked account; `false` when all already do
/// (a rule that allows nobody stays so).
fn require_verified(rule: &mut Rule) -> bool {
    let mut changed = false;
    for clause in &mut rule.allow {
        changed |= require_verified_clause(clause);
    }
    changed
}

fn require_verified_clause(clause: &mut Clause) -> bool {
    let target = VerificationLevel::DocumentChecked;
    let mut found = false;
    let mut changed = false;
    for cond in &mut clause.conditions {
        if let Condition::ActorVerifiedAtLeast(level) = cond {
            found = true;
            if *level < target {
                *level = target;
                changed = true;
            }
        }
    }
    if !found {
        clause.conditions.push(Condition::ActorVerifiedAtLeast(target));
        changed = true;
    }
    changed
}

/// Makes `rule` allow nobody; `false` when it already does.
fn close(rule: &mut Rule) -> bool {
    !rule.allow.is_empty() && replace(rule, Rule::nobody())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restrictive_rule_yields_no_lever() {
        let mut s = Scenario::default();
        s.circles[0].tips.enabled = false;
        s.circles[0].ranking = Ranking::Newest;
        let ids: Vec<String> = levers(&s).into_iter().map(|l| l.id).collect();
        assert!(ids.iter().all(|id| !id.contains("tips.")), "{ids:?}");
        assert!(!ids.iter().any(|id| id.contains("ranking")), "{ids:?}");
        assert!(ids.iter().any(|id| id == "circle.0.comment.nobody"), "{ids:?}");
    }

    #[test]
    fn every_lever_changes_the_scenario_once() {
        let s = crate::presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default();
        let ls = levers(&s);
        for (i, l) in ls.iter().enumerate() {
            assert_ne!(l.scenario, s, "{}", l.id);
            assert!(
                ls.iter().skip(i + 1).all(|m| m.scenario != l.scenario && m.id != l.id),
                "{}",
                l.id
            );
        }
    }
}
