//! A validation issue as data: where it is, how serious, and what kind of problem with which values, so the
//! same issue reads in English (the CLI's words, kept byte for byte in [`RuleIssue::message`]) or in Chinese.

use serde::{Deserialize, Serialize};

use crate::assumptions::by_field;
use crate::lang::Lang;
use crate::scenario::{Action, Condition, CIRCLES_MAX, CREDIT_MAX, CREDIT_MIN, INTERVENTIONS_MAX, SCENARIO_VERSION};
use crate::settings::SettingId;
use crate::words::action_word;

/// Whether an issue stops the run or only deserves a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The scenario cannot run as written.
    Error,
    /// The scenario runs, but a designer should look (e.g. a rule gates on gender).
    Warning,
}

/// One problem found in a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleIssue {
    /// Path of the field, e.g. `circles[0].rules.comment.allow[1].conditions[0]`.
    pub path: String,
    /// What is wrong, in a sentence a designer understands (English: `kind.message(Lang::En)`).
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, as data: [`RuleIssue::text`] writes it in either language.
    pub kind: IssueKind,
}

impl RuleIssue {
    /// An issue at `path` of `kind`, its English message written from the kind.
    pub fn new(path: impl Into<String>, severity: Severity, kind: IssueKind) -> RuleIssue {
        RuleIssue {
            path: path.into(),
            message: kind.message(Lang::En),
            severity,
            kind,
        }
    }

    /// What is wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            // The English is written once, when the issue is made.
            Lang::En => self.message.clone(),
            Lang::Zh => self.kind.message(lang),
        }
    }
}

/// Every kind of problem validation finds, with the values its sentence names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IssueKind {
    /// The scenario's format version is not this build's.
    Version {
        /// The version the scenario says.
        found: u32,
    },
    /// A catalogued setting outside its bounds.
    SettingOutOfRange {
        /// Which setting.
        setting: SettingId,
        /// Its stored value.
        value: u32,
    },
    /// A catalogued assumption outside its bounds.
    AssumptionOutOfRange {
        /// The assumption's field in the `assumptions` block.
        field: String,
        /// Its stored value.
        value: u32,
    },
    /// A scenario with no circle.
    NoCircles,
    /// More circles than a scenario (or an intervention) may hold.
    TooManyCircles {
        /// How many there are.
        count: usize,
    },
    /// A circle without a name.
    UnnamedCircle,
    /// A circle with the same name as an earlier one.
    DuplicateCircleName {
        /// The name both carry.
        name: String,
    },
    /// More interventions than a timeline may hold.
    TooManyInterventions {
        /// How many there are.
        count: usize,
    },
    /// An intervention after the run's last hour.
    HourPastEnd {
        /// The intervention's hour.
        hour: u32,
        /// The run's last hour.
        last: u32,
    },
    /// An intervention earlier than the one before it.
    HoursOutOfOrder {
        /// This intervention's hour.
        hour: u32,
        /// The hour of the one before it.
        before: u32,
    },
    /// An intervention that lists fewer circles than are open by then.
    CircleRemoved {
        /// How many it lists.
        listed: usize,
        /// How many are open.
        open: usize,
    },
    /// Document-checked and real-name shares above 100% together.
    VerifiedSharesOver100,
    /// Every identity weighted 0.
    NoIdentityWeight,
    /// A credit-score spread so wide it piles users at the bounds.
    WideCreditSpread,
    /// Every archetype's share 0.
    NoArchetypeShare,
    /// Archetype shares that do not add up to 1000‰.
    ArchetypeShares {
        /// What they add up to, in ‰.
        total: u64,
    },
    /// A credit point that costs nothing.
    FreeCreditPoints,
    /// A join rule with no option.
    NobodyJoins,
    /// A post rule with no option.
    NobodyPosts,
    /// A circle whose rules sort people by gender.
    GenderGate {
        /// The actions whose rules do.
        actions: Vec<Action>,
    },
    /// A tip floor above the tip ceiling.
    TipFloorAboveCeiling {
        /// The floor, in fen.
        min_fen: u32,
        /// The ceiling, in fen.
        max_fen: u32,
    },
    /// A suspension of zero days.
    ZeroDaySuspension,
    /// Reports or flags collected with no review capacity.
    NobodyReviews,
    /// A condition on the author of the item acted on, in a rule whose action has none.
    NoAuthor {
        /// The condition.
        condition: Condition,
        /// The action.
        action: Action,
    },
    /// A credit threshold outside the score's range.
    CreditOutOfRange {
        /// The threshold.
        value: u16,
    },
    /// An account-age threshold no account can meet.
    AccountTooOld {
        /// The threshold, in days.
        days: u32,
    },
}

impl IssueKind {
    /// The sentence for this problem in `lang` (English byte-identical to what validation always wrote).
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let pick = |en: String, cn: String| if zh { cn } else { en };
        match self {
            IssueKind::Version { found } => pick(
                format!("this build reads scenario version {SCENARIO_VERSION}, not {found}"),
                format!("此版本读取第 {SCENARIO_VERSION} 版场景，而不是第 {found} 版"),
            ),
            IssueKind::SettingOutOfRange { setting, value } => setting.setting().out_of_range_in(lang, *value),
            IssueKind::AssumptionOutOfRange { field, value } => match by_field(field) {
                Some(row) => row.out_of_range_in(lang, *value),
                None => pick(format!("unknown assumption `{field}`"), format!("未知的假设 `{field}`")),
            },
            IssueKind::NoCircles => pick("add at least one circle".into(), "请至少添加一个圈子".into()),
            IssueKind::TooManyCircles { count } => pick(
                format!("at most {CIRCLES_MAX} circles, not {count}"),
                format!("最多 {CIRCLES_MAX} 个圈子，而不是 {count} 个"),
            ),
            IssueKind::UnnamedCircle => pick(
                "give the circle a name so reports can point at it".into(),
                "给圈子起个名字，报告才能指明它".into(),
            ),
            IssueKind::DuplicateCircleName { name } => pick(
                format!("another circle is also called “{name}”; reports will not tell them apart"),
                format!("另一个圈子也叫“{name}”；报告将无法区分它们"),
            ),
            IssueKind::TooManyInterventions { count } => pick(
                format!("at most {INTERVENTIONS_MAX} interventions, not {count}"),
                format!("最多 {INTERVENTIONS_MAX} 次干预，而不是 {count} 次"),
            ),
            IssueKind::HourPastEnd { hour, last } => pick(
                format!("hour {hour} is past the end of the run (hours 0 to {last}): this change never applies"),
                format!("第 {hour} 小时已在运行结束之后（第 0 至 {last} 小时）：这项改动永远不会生效"),
            ),
            IssueKind::HoursOutOfOrder { hour, before } => pick(
                format!("interventions go in order of hour: hour {hour} comes after hour {before}"),
                format!("干预须按小时先后排列：第 {hour} 小时排在了第 {before} 小时之后"),
            ),
            IssueKind::CircleRemoved { listed, open } => pick(
                format!(
                    "{listed} circles listed, but {open} are open by then: a circle cannot be removed (give it rules that let nobody in)"
                ),
                format!("只列出了 {listed} 个圈子，但届时已开放 {open} 个：圈子不能删除（可给它设置不让任何人进入的规则）"),
            ),
            IssueKind::VerifiedSharesOver100 => pick(
                "document-checked and real-name shares together cannot pass 100%".into(),
                "证件核验与实名绑定的占比合计不能超过 100%".into(),
            ),
            IssueKind::NoIdentityWeight => pick(
                "give at least one identity a weight above 0".into(),
                "请至少给一种身份大于 0 的权重".into(),
            ),
            IssueKind::WideCreditSpread => pick(
                "a spread above 300 points piles most users at 350 and 950".into(),
                "离散度超过 300 分会让大多数用户堆在 350 分和 950 分两端".into(),
            ),
            IssueKind::NoArchetypeShare => pick(
                "give at least one archetype a share above 0".into(),
                "请至少给一种角色大于 0 的占比".into(),
            ),
            IssueKind::ArchetypeShares { total } => pick(
                format!("shares add up to {total}‰, not 1000‰; they will be scaled to fit"),
                format!("各占比合计为 {total}‰，而不是 1000‰；将按比例缩放"),
            ),
            IssueKind::FreeCreditPoints => pick(
                "0 means payments never raise a credit score, so scores cannot be bought".into(),
                "0 表示付款永远不会提高信用分，因此信用分无法买到".into(),
            ),
            IssueKind::NobodyJoins => pick("nobody may join this circle".into(), "没有人可以加入这个圈子".into()),
            IssueKind::NobodyPosts => pick(
                "nobody may post, so the circle will stay empty".into(),
                "没有人可以发帖，圈子将一直是空的".into(),
            ),
            IssueKind::GenderGate { actions } => pick(
                format!(
                    "this circle sorts people by gender (a protected attribute) to {}: check it is intended and lawful",
                    actions.iter().map(|a| a.id()).collect::<Vec<_>>().join(", ")
                ),
                format!(
                    "这个圈子按性别（受保护的特征）决定谁可以{}：请确认这是有意为之且合法",
                    actions.iter().map(|a| action_word(Lang::Zh, *a)).collect::<Vec<_>>().join("、")
                ),
            ),
            IssueKind::TipFloorAboveCeiling { min_fen, max_fen } => {
                let (floor, ceiling) = (yuan(*min_fen), yuan(*max_fen));
                pick(
                    format!("the smallest tip (¥{floor}) is above the largest (¥{ceiling})"),
                    format!("最小打赏（¥{floor}）高于最大打赏（¥{ceiling}）"),
                )
            }
            IssueKind::ZeroDaySuspension => pick(
                "a suspension must last at least one day".into(),
                "停用至少要持续一天".into(),
            ),
            IssueKind::NobodyReviews => pick(
                "reports and flags are collected but nobody reviews them".into(),
                "举报和标记会被收集，却没有人审核".into(),
            ),
            IssueKind::NoAuthor { condition, action } => pick(
                format!(
                    "“{}” needs an author acted on, and {} has none",
                    crate::words::condition(Lang::En, condition),
                    action.id()
                ),
                format!(
                    "“{}”要看被操作内容的作者，而“{}”没有作者",
                    crate::words::condition(Lang::Zh, condition),
                    action_word(Lang::Zh, *action)
                ),
            ),
            IssueKind::CreditOutOfRange { value } => pick(
                format!("credit scores run {CREDIT_MIN}–{CREDIT_MAX}; {value} is outside"),
                format!("信用分的范围是 {CREDIT_MIN}–{CREDIT_MAX}；{value} 不在其中"),
            ),
            IssueKind::AccountTooOld { days } => pick(
                format!("no account is {days} days old"),
                format!("没有账号的注册时间能达到 {days} 天"),
            ),
        }
    }
}

/// Fen as yuan with two decimals and no sign or separators: 500 → "5.00" (the tip-order message's form).
fn yuan(fen: u32) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// Runs of two or more ASCII letters in `text`, other than `allowed` ones: English left in a Chinese sentence.
#[cfg(test)]
pub(crate) fn latin_words<'a>(text: &'a str, allowed: &[&str]) -> Vec<&'a str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !allowed.contains(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Gender, Rule, SanctionKind, Scenario};
    use crate::validate::validate;

    /// A scenario that draws every kind of issue validation writes.
    fn broken() -> Scenario {
        let mut s = Scenario {
            days: 0,
            version: 99,
            ..Scenario::default()
        };
        s.population.n_users = 5;
        s.population.document_checked_percent = 80;
        s.population.real_name_percent = 80;
        s.population.credit.std_dev = 400;
        s.platform.credit.fen_paid_per_point = 0;
        s.assumptions.reservation_median_fen = 0;
        let mut c = s.circles.first().cloned().unwrap_or_default();
        c.tips.min_fen = 500;
        c.tips.max_fen = 100;
        c.join = Rule::when(vec![Condition::AuthorCreditAtLeast(700)]);
        c.rules.comment = Rule::when(vec![
            Condition::ActorGender(Gender::Male),
            Condition::ActorCreditAtLeast(1200),
            Condition::ActorAccountAgeAtLeastDays(40_000),
        ]);
        c.rules.post.allow.clear();
        c.moderation.sanction = SanctionKind::Suspend;
        c.moderation.suspend_days = 0;
        c.moderation.reviews_per_day_per_10k_users = 0;
        c.moderation.user_reports = true;
        let mut unnamed = c.clone();
        unnamed.name = String::new();
        s.circles = vec![c.clone(), c, unnamed];
        s
    }

    #[test]
    fn every_issue_reads_in_chinese_and_english_is_the_message() {
        let s = broken();
        let issues = validate(&s);
        // Names the designer typed stay as typed.
        let names: Vec<&str> = s.circles.iter().flat_map(|c| c.name.split(' ')).collect();
        let kinds: std::collections::BTreeSet<String> = issues
            .iter()
            .filter_map(|i| serde_json::to_value(&i.kind).ok())
            .filter_map(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
            .collect();
        assert!(kinds.len() >= 16, "{kinds:?}");
        for issue in &issues {
            assert_eq!(issue.text(Lang::En), issue.message);
            let zh = issue.text(Lang::Zh);
            assert_ne!(zh, issue.message);
            assert_eq!(latin_words(&zh, &names), Vec::<&str>::new(), "{}: {zh}", issue.path);
        }
    }

    #[test]
    fn the_english_stays_as_it_was() {
        let m = |k: IssueKind| k.message(Lang::En);
        assert_eq!(
            m(IssueKind::GenderGate {
                actions: vec![Action::Join, Action::Tip]
            }),
            "this circle sorts people by gender (a protected attribute) to join, tip: check it is intended and lawful"
        );
        assert_eq!(
            m(IssueKind::TipFloorAboveCeiling {
                min_fen: 500,
                max_fen: 100
            }),
            "the smallest tip (¥5.00) is above the largest (¥1.00)"
        );
        assert_eq!(
            m(IssueKind::SettingOutOfRange {
                setting: SettingId::TipCeiling,
                value: 2_000_000
            }),
            "tip ceiling must be ¥0.01 to ¥10,000, not ¥20,000"
        );
        assert_eq!(
            IssueKind::SettingOutOfRange {
                setting: SettingId::Days,
                value: 0
            }
            .message(Lang::Zh),
            "天数须为 1 至 90 天，不能是 0"
        );
    }

    /// A circle's name is the designer's own words: it stays as typed in either language.
    #[test]
    fn names_the_designer_typed_are_kept() {
        let zh = IssueKind::DuplicateCircleName {
            name: String::from("Night owls"),
        }
        .message(Lang::Zh);
        assert!(zh.contains("“Night owls”"), "{zh}");
    }
}
