//! Levers: each rule of a scenario moved, alone, to its restrictive alternative or, for a gate, to a looser
//! one; the counterfactuals that [`crate::explain`] runs.
//!
//! A lever is listed only when it changes the scenario and can matter: a rule already at its
//! restrictive alternative yields no lever, and neither do tip levers where tips are off or
//! message levers where direct messages are off.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
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
    phrase: fn(Lang, &Circle) -> String,
    edit: fn(&mut Circle) -> bool,
}

/// A change to the platform: its id, its phrase, and the edit, which returns `false` when the platform is
/// already there.
struct PlatformChange {
    id: &'static str,
    phrase: fn(Lang, &Scenario) -> String,
    edit: fn(&mut Scenario) -> bool,
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
    for change in platform_changes() {
        let mut t = s.clone();
        if (change.edit)(&mut t) {
            push(
                &mut out,
                Lever {
                    id: String::from(change.id),
                    circle_idx: None,
                    change: (change.phrase)(Lang::En, s),
                    scenario: t,
                },
            );
        }
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
                    change: in_circle(Lang::En, change, circle),
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
                        change: in_every_circle(Lang::En, change, first),
                        scenario: t,
                    },
                );
            }
        }
    }
    out
}

/// The change a lever makes, as [`Lever::change`] says it, in either language: "Capping tips at ¥5 in Campus
/// Diary" / "在「Campus Diary」将打赏上限设为 ¥5". `s` is the scenario the lever was made from (the rules
/// explained, not the lever's own); `None` for an id no lever of `s` could have.
pub fn change_words(lang: Lang, s: &Scenario, lever_id: &str) -> Option<String> {
    if let Some(change) = platform_changes().into_iter().find(|c| c.id == lever_id) {
        return Some((change.phrase)(lang, s));
    }
    let changes = circle_changes();
    let by_key = |key: &str| changes.iter().find(|c| c.key == key);
    if let Some(key) = lever_id.strip_prefix("all.") {
        let change = by_key(key)?;
        let first = s.circles.iter().find(|c| (change.edit)(&mut (*c).clone()))?;
        return Some(in_every_circle(lang, change, first));
    }
    let (idx, key) = lever_id.strip_prefix("circle.")?.split_once('.')?;
    let circle = s.circles.get(idx.parse::<usize>().ok()?)?;
    Some(in_circle(lang, by_key(key)?, circle))
}

/// A circle change made in one circle: "Turning tips off in Campus Diary" / "在「Campus Diary」关闭打赏".
fn in_circle(lang: Lang, change: &CircleChange, circle: &Circle) -> String {
    let phrase = (change.phrase)(lang, circle);
    let name = &circle.name;
    match lang {
        Lang::En => format!("{phrase} in {name}"),
        Lang::Zh => format!("在「{name}」{phrase}"),
    }
}

/// A circle change made in every circle, its phrase from the first circle it changes.
fn in_every_circle(lang: Lang, change: &CircleChange, first: &Circle) -> String {
    let phrase = (change.phrase)(lang, first);
    match lang {
        Lang::En => format!("{phrase} in every circle"),
        Lang::Zh => format!("在所有圈子{phrase}"),
    }
}

fn platform_changes() -> Vec<PlatformChange> {
    vec![
        PlatformChange {
            id: "platform.verification.gender.real_name",
            phrase: |lang, _| words(lang, "Binding gender to the real-name ID", "将性别与实名身份证绑定"),
            edit: |t| replace(&mut t.platform.verification.gender, VerificationLevel::RealNameBound),
        },
        PlatformChange {
            id: "platform.verification.identity.real_name",
            phrase: |lang, _| {
                words(
                    lang,
                    "Binding identity (student, white-collar, overseas) to the real-name ID",
                    "将身份（学生、白领、海外）与实名身份证绑定",
                )
            },
            edit: |t| replace(&mut t.platform.verification.identity, VerificationLevel::RealNameBound),
        },
        PlatformChange {
            id: "platform.bans.real_name",
            phrase: |lang, _| {
                words(
                    lang,
                    "Binding bans to the real name, so nobody returns after one",
                    "封禁与实名绑定，被封禁者无法再回来",
                )
            },
            edit: |t| replace(&mut t.platform.bans.return_after_ban, BanReturn::RealNameBound),
        },
        PlatformChange {
            id: "platform.credit.point_price_x10",
            phrase: |lang, s| {
                let dearer = yuan(u64::from(dearer_point(s.platform.credit.fen_paid_per_point)));
                words(
                    lang,
                    &format!("Raising the price of a credit point to {dearer} of payments"),
                    &format!("将每个信用分所需的付款提高到 {dearer}"),
                )
            },
            edit: |t| {
                let price = &mut t.platform.credit.fen_paid_per_point;
                replace(price, dearer_point(*price))
            },
        },
    ]
}

/// The price of a credit point under the "dearer credit points" lever.
fn dearer_point(price: u32) -> u32 {
    price.saturating_mul(CREDIT_PRICE_FACTOR)
}

fn circle_changes() -> Vec<CircleChange> {
    vec![
        CircleChange {
            key: "tips.off",
            phrase: |lang, _| words(lang, "Turning tips off", "关闭打赏"),
            edit: |c| replace(&mut c.tips.enabled, false),
        },
        CircleChange {
            key: "tips.no_praise_funnel",
            phrase: |lang, _| {
                words(
                    lang,
                    "Stopping praise from opening the tip page",
                    "点赞后不再打开打赏页",
                )
            },
            edit: |c| c.tips.enabled && replace(&mut c.tips.praise_leads_to_tip, false),
        },
        CircleChange {
            key: "tips.ceiling_5_yuan",
            phrase: |lang, _| {
                let cap = yuan(u64::from(TIP_CEILING_FEN));
                words(
                    lang,
                    &format!("Capping tips at {cap}"),
                    &format!("将打赏上限设为 {cap}"),
                )
            },
            edit: |c| {
                c.tips.enabled
                    && c.tips.min_fen < TIP_CEILING_FEN
                    && c.tips.max_fen > TIP_CEILING_FEN
                    && replace(&mut c.tips.max_fen, TIP_CEILING_FEN)
            },
        },
        CircleChange {
            key: "tips.ceiling_at_floor",
            phrase: |lang, c| {
                let floor = yuan(u64::from(c.tips.min_fen));
                words(
                    lang,
                    &format!("Capping tips at their {floor} minimum"),
                    &format!("将打赏上限降到下限 {floor}"),
                )
            },
            edit: |c| {
                let floor = c.tips.min_fen;
                c.tips.enabled && c.tips.max_fen > floor && replace(&mut c.tips.max_fen, floor)
            },
        },
        CircleChange {
            key: "tips.daily_cap_50_yuan",
            phrase: |lang, _| {
                let cap = yuan(u64::from(DAILY_TIP_CAP_FEN));
                words(
                    lang,
                    &format!("Capping each tipper at {cap} a day"),
                    &format!("每位打赏者每天最多打赏 {cap}"),
                )
            },
            edit: |c| {
                let cap = c.tips.daily_cap_per_tipper_fen;
                c.tips.enabled
                    && (cap == 0 || cap > DAILY_TIP_CAP_FEN)
                    && replace(&mut c.tips.daily_cap_per_tipper_fen, DAILY_TIP_CAP_FEN)
            },
        },
        CircleChange {
            key: "ranking.newest",
            phrase: |lang, _| words(lang, "Ordering the feed newest-first", "信息流改为按最新排序"),
            edit: |c| replace(&mut c.ranking, Ranking::Newest),
        },
        CircleChange {
            key: "contact.filtered",
            phrase: |lang, c| {
                let recall = c.contact.filter_recall_percent;
                words(
                    lang,
                    &format!("Filtering off-platform contact details ({recall} % recall)"),
                    &format!("过滤站外联系方式（拦截率 {recall} %）"),
                )
            },
            edit: |c| replace(&mut c.contact.off_platform, ContactPolicy::Filtered),
        },
        CircleChange {
            key: "contact.no_direct_messages",
            phrase: |lang, _| words(lang, "Turning direct messages off", "关闭私信"),
            edit: |c| replace(&mut c.contact.direct_messages, false),
        },
        CircleChange {
            key: "comment.verified",
            phrase: |lang, _| {
                words(
                    lang,
                    "Requiring a document-checked account to comment",
                    "评论须使用证件核验的账号",
                )
            },
            edit: |c| require_verified(&mut c.rules.comment),
        },
        CircleChange {
            key: "comment.nobody",
            phrase: |lang, _| words(lang, "Closing comments", "关闭评论"),
            edit: |c| close(&mut c.rules.comment),
        },
        CircleChange {
            key: "message.verified",
            phrase: |lang, _| {
                words(
                    lang,
                    "Requiring a document-checked account to message authors",
                    "私信作者须使用证件核验的账号",
                )
            },
            edit: |c| c.contact.direct_messages && require_verified(&mut c.rules.message),
        },
        CircleChange {
            key: "post.everyone",
            phrase: |lang, _| words(lang, "Letting everyone post", "允许所有人发帖"),
            edit: |c| {
                let open = c.rules.post.allow.iter().any(|clause| clause.conditions.is_empty());
                !open && replace(&mut c.rules.post, Rule::everyone())
            },
        },
        CircleChange {
            key: "post.verified",
            phrase: |lang, _| {
                words(
                    lang,
                    "Requiring a document-checked account to post",
                    "发帖须使用证件核验的账号",
                )
            },
            edit: |c| require_verified(&mut c.rules.post),
        },
        CircleChange {
            key: "moderation.classifier",
            phrase: |lang, c| {
                let recall = c.moderation.classifier.recall_percent;
                words(
                    lang,
                    &format!("Turning the classifier on ({recall} % recall)"),
                    &format!("开启分类器（召回率 {recall} %）"),
                )
            },
            edit: |c| replace(&mut c.moderation.classifier.enabled, true),
        },
        CircleChange {
            key: "moderation.fast_review",
            phrase: |lang, _| {
                words(
                    lang,
                    &format!("Reviewing flagged items within {FAST_REVIEW_HOURS} hours"),
                    &format!("被标记的内容在 {FAST_REVIEW_HOURS} 小时内审核"),
                )
            },
            edit: |c| {
                let m = &mut c.moderation;
                m.review_delay_hours > FAST_REVIEW_HOURS && replace(&mut m.review_delay_hours, FAST_REVIEW_HOURS)
            },
        },
        CircleChange {
            key: "moderation.more_reviewers",
            phrase: |lang, _| {
                words(
                    lang,
                    &format!("Raising review capacity to {REVIEWS_PER_DAY_PER_10K} a day per 10,000 users"),
                    &format!("将审核能力提高到每万用户每天 {REVIEWS_PER_DAY_PER_10K} 次"),
                )
            },
            edit: |c| {
                let m = &mut c.moderation;
                m.reviews_per_day_per_10k_users < REVIEWS_PER_DAY_PER_10K
                    && replace(&mut m.reviews_per_day_per_10k_users, REVIEWS_PER_DAY_PER_10K)
            },
        },
        CircleChange {
            key: "moderation.ban",
            phrase: |lang, _| words(lang, "Banning on the first confirmed violation", "首次确认违规即封禁"),
            edit: |c| replace(&mut c.moderation.sanction, SanctionKind::Ban),
        },
        // Relaxing levers: what a gate costs honest users is only seen by opening it (exclusion is explained
        // by the gate that refuses people, and its fix is to relax it).
        CircleChange {
            key: "join.everyone",
            phrase: |lang, _| words(lang, "Letting anyone join", "允许任何人加入"),
            edit: |c| open_up(&mut c.join),
        },
        CircleChange {
            key: "comment.everyone",
            phrase: |lang, _| words(lang, "Letting everyone comment", "允许所有人评论"),
            edit: |c| open_up(&mut c.rules.comment),
        },
        CircleChange {
            key: "comment.credit_lower",
            phrase: |lang, c| lower_credit_phrase(lang, &c.rules.comment, ("comments", "评论")),
            edit: |c| lower_credit(&mut c.rules.comment),
        },
        CircleChange {
            key: "praise.everyone",
            phrase: |lang, _| words(lang, "Letting everyone praise", "允许所有人点赞"),
            edit: |c| open_up(&mut c.rules.praise),
        },
        CircleChange {
            key: "tip.everyone",
            phrase: |lang, _| words(lang, "Letting everyone tip", "允许所有人打赏"),
            edit: |c| c.tips.enabled && open_up(&mut c.rules.tip),
        },
        CircleChange {
            key: "message.everyone",
            phrase: |lang, _| words(lang, "Letting everyone message authors", "允许所有人私信作者"),
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

/// "Lowering the credit gate on comments from 750 to 650", from the rule's highest threshold; `what` names the
/// action in English and in Chinese.
fn lower_credit_phrase(lang: Lang, rule: &Rule, what: (&str, &str)) -> String {
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
    let (en, zh) = what;
    words(
        lang,
        &format!("Lowering the credit gate on {en} from {highest} to {lower}"),
        &format!("将{zh}的信用分门槛从 {highest} 降到 {lower}"),
    )
}

/// The English or the Chinese of a phrase (both written beside each other where the phrase is made).
fn words(lang: Lang, en: &str, zh: &str) -> String {
    String::from(match lang {
        Lang::En => en,
        Lang::Zh => zh,
    })
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
