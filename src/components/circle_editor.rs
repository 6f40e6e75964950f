//! Edits one circle: its name, who may join and act, tips, ranking, contact and moderation.

use super::condition_builder::ConditionBuilder;
use super::field::{edit, issue_lines, setting_props, Issues, NameField, NumberField, Select, Toggle};
use crate::locale::{tr, trf, use_lang, Lang};
use crate::state::CircleSection;
use backfire_engine::settings::SettingId;
use backfire_engine::{Action, Circle, ContactPolicy, Named, Ranking, Rule, SanctionKind};
use yew::prelude::*;

/// Props of [`CircleEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct CircleEditorProps {
    /// Index of the circle in the scenario (for paths).
    pub index: usize,
    /// The circle edited.
    pub circle: Circle,
    /// Called with the edited circle.
    pub onchange: Callback<Circle>,
    /// The other circles' names: a name already taken is refused.
    #[prop_or_default]
    pub taken_names: Vec<String>,
    /// How many circles there are ("Apply to every circle" shows only when there are several).
    #[prop_or(1)]
    pub circle_count: usize,
    /// Copies one section of this circle into every circle (one undoable step).
    #[prop_or_default]
    pub on_apply_all: Callback<CircleSection>,
}

/// Whole-number fields arrive as `f64` from the number widget; they are in range by then.
fn as_u32(v: f64) -> u32 {
    v.round().clamp(0.0, f64::from(u32::MAX)) as u32
}

/// Yuan typed by the designer → fen stored in the scenario.
fn yuan_to_fen(v: f64) -> u32 {
    (v * 100.0).round().clamp(0.0, f64::from(u32::MAX)) as u32
}

/// The circle editor.
#[function_component]
pub fn CircleEditor(props: &CircleEditorProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let lang = use_lang();
    let c = &props.circle;
    let p = format!("circles[{}]", props.index);
    let apply_all = |section: CircleSection| {
        if props.circle_count < 2 {
            return Html::default();
        }
        let onclick = props.on_apply_all.reform(move |_: MouseEvent| section);
        html! {
            <button type="button" class="btn small apply-all" data-testid={format!("apply-all-{}", section.id())}
                title={ { let what = section.word(lang); trf!(lang, "Copy this circle's {what} to every circle (one step; Undo takes it back)", "把此圈子的{what}复制到所有圈子（一步操作，可撤销）") } } {onclick}>
                { { let what = section.word(lang); trf!(lang, "Apply {what} to every circle", "将{what}应用到所有圈子") } }
            </button>
        }
    };
    let rule_editor = |action: Action, title: &'static str, rule: &Rule, about_author: bool| {
        let path = if action == Action::Join {
            format!("{p}.join")
        } else {
            format!("{p}.rules.{}", action.id())
        };
        let onchange = edit(c, &props.onchange, move |c, r: Rule| match action {
            Action::Join => c.join = r,
            Action::Post => c.rules.post = r,
            Action::Comment => c.rules.comment = r,
            Action::Praise => c.rules.praise = r,
            Action::Tip => c.rules.tip = r,
            Action::Message => c.rules.message = r,
        });
        let count = issues.within(&path).len();
        html! {
            <details class="rule-block" open={matches!(action, Action::Post | Action::Comment)}>
                <summary>{title}{ match (count, lang) {
                    (0, _) => String::new(),
                    (_, Lang::En) => format!(" ({count} issue{})", if count == 1 { "" } else { "s" }),
                    (_, Lang::Zh) => format!("（{count} 个问题）"),
                } }</summary>
                <ConditionBuilder path={path} rule={rule.clone()} {about_author} {onchange} />
            </details>
        }
    };
    let t = &c.tips;
    let m = &c.moderation;
    html! {
        <div class="circle-editor" data-testid={format!("circle-editor-{}", props.index)}>
            <NameField label={tr!(lang, "Circle name", "圈子名称")} path={format!("{p}.name")} id={format!("circle-name-{}", props.index)} value={c.name.clone()}
                taken={props.taken_names.clone()} onchange={edit(c, &props.onchange, |c, v: String| c.name = v)} />
            {issue_lines(&issues.at(&p))}
            <fieldset>
                <legend>{tr!(lang, "Who may…", "谁可以…")}</legend>
                {apply_all(CircleSection::Rules)}
                {rule_editor(Action::Join, tr!(lang, "join", "加入"), &c.join, false)}
                {rule_editor(Action::Post, tr!(lang, "post", "发帖"), &c.rules.post, false)}
                {rule_editor(Action::Comment, tr!(lang, "comment", "评论"), &c.rules.comment, true)}
                {rule_editor(Action::Praise, tr!(lang, "praise", "点赞"), &c.rules.praise, true)}
                {rule_editor(Action::Tip, tr!(lang, "tip", "打赏"), &c.rules.tip, true)}
                {rule_editor(Action::Message, tr!(lang, "message an author", "私信作者"), &c.rules.message, true)}
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Tips", "打赏")}</legend>
                {apply_all(CircleSection::Tips)}
                <Toggle label={tr!(lang, "Tips enabled", "开启打赏")} path={format!("{p}.tips.enabled")} checked={t.enabled} onchange={edit(c, &props.onchange, |c, v: bool| c.tips.enabled = v)} />
                <Toggle label={tr!(lang, "Praise opens the tip page", "点赞后打开打赏页")} path={format!("{p}.tips.praise_leads_to_tip")} checked={t.praise_leads_to_tip} onchange={edit(c, &props.onchange, |c, v: bool| c.tips.praise_leads_to_tip = v)} />
                <div class="range-pair" role="group" aria-label={tr!(lang, "tip range", "打赏范围")}>
                    <NumberField ..setting_props(SettingId::TipFloor, props.index, t.min_fen, edit(c, &props.onchange, |c, v: f64| c.tips.min_fen = yuan_to_fen(v))) />
                    <NumberField ..setting_props(SettingId::TipCeiling, props.index, t.max_fen, edit(c, &props.onchange, |c, v: f64| c.tips.max_fen = yuan_to_fen(v))) />
                </div>
                <NumberField ..setting_props(SettingId::DailyTipCap, props.index, t.daily_cap_per_tipper_fen, edit(c, &props.onchange, |c, v: f64| c.tips.daily_cap_per_tipper_fen = yuan_to_fen(v))) />
                <NumberField slider=true ..setting_props(SettingId::TipFee, props.index, t.fee_permille, edit(c, &props.onchange, |c, v: f64| c.tips.fee_permille = (v * 10.0).round() as u32)) />
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Feed and contact", "信息流与联系")}</legend>
                <Select label={tr!(lang, "Feed ranking", "信息流排序")} path={format!("{p}.ranking")} value={c.ranking.id()}
                    options={options(lang, ranking_label)}
                    onchange={edit(c, &props.onchange, |c, v: String| if let Some(r) = Ranking::from_id(&v) { c.ranking = r })} />
                <Select label={tr!(lang, "Off-platform contact in posts", "帖子中的站外联系方式")} path={format!("{p}.contact.off_platform")} value={c.contact.off_platform.id()}
                    options={options(lang, contact_label)}
                    onchange={edit(c, &props.onchange, |c, v: String| if let Some(x) = ContactPolicy::from_id(&v) { c.contact.off_platform = x })} />
                if c.contact.off_platform == ContactPolicy::Filtered {
                    <NumberField slider=true ..setting_props(SettingId::FilterRecall, props.index, u32::from(c.contact.filter_recall_percent), edit(c, &props.onchange, |c, v: f64| c.contact.filter_recall_percent = v.round() as u8)) />
                }
                <Toggle label={tr!(lang, "Direct messages on", "开启私信")} path={format!("{p}.contact.direct_messages")} checked={c.contact.direct_messages} onchange={edit(c, &props.onchange, |c, v: bool| c.contact.direct_messages = v)} />
                <div class="apply-row">{apply_all(CircleSection::Ranking)}{apply_all(CircleSection::Contact)}</div>
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Moderation", "审核")}</legend>
                {apply_all(CircleSection::Moderation)}
                <Toggle label={tr!(lang, "Members can report", "成员可举报")} path={format!("{p}.moderation.user_reports")} checked={m.user_reports} onchange={edit(c, &props.onchange, |c, v: bool| c.moderation.user_reports = v)} />
                <Toggle label={tr!(lang, "Automatic classifier", "自动分类器")} path={format!("{p}.moderation.classifier.enabled")} checked={m.classifier.enabled} onchange={edit(c, &props.onchange, |c, v: bool| c.moderation.classifier.enabled = v)} />
                if m.classifier.enabled {
                    <NumberField slider=true ..setting_props(SettingId::ClassifierRecall, props.index, u32::from(m.classifier.recall_percent), edit(c, &props.onchange, |c, v: f64| c.moderation.classifier.recall_percent = v.round() as u8)) />
                    <NumberField ..setting_props(SettingId::ClassifierFalsePositives, props.index, u32::from(m.classifier.false_positive_permille), edit(c, &props.onchange, |c, v: f64| c.moderation.classifier.false_positive_permille = (v * 10.0).round() as u16)) />
                }
                <NumberField ..setting_props(SettingId::ReviewCapacity, props.index, m.reviews_per_day_per_10k_users, edit(c, &props.onchange, |c, v: f64| c.moderation.reviews_per_day_per_10k_users = as_u32(v))) />
                <NumberField slider=true ..setting_props(SettingId::ReviewDelay, props.index, m.review_delay_hours, edit(c, &props.onchange, |c, v: f64| c.moderation.review_delay_hours = as_u32(v))) />
                <NumberField ..setting_props(SettingId::ReviewerError, props.index, u32::from(m.reviewer_error_percent), edit(c, &props.onchange, |c, v: f64| c.moderation.reviewer_error_percent = v.round() as u8)) />
                <Select label={tr!(lang, "Sanction", "处罚")} path={format!("{p}.moderation.sanction")} value={m.sanction.id()}
                    options={options(lang, sanction_label)}
                    onchange={edit(c, &props.onchange, |c, v: String| if let Some(x) = SanctionKind::from_id(&v) { c.moderation.sanction = x })} />
                if m.sanction == SanctionKind::Suspend {
                    <NumberField ..setting_props(SettingId::SuspendDays, props.index, m.suspend_days, edit(c, &props.onchange, |c, v: f64| c.moderation.suspend_days = as_u32(v))) />
                }
                <NumberField ..setting_props(SettingId::BanAfterStrikes, props.index, m.ban_after_strikes, edit(c, &props.onchange, |c, v: f64| c.moderation.ban_after_strikes = as_u32(v))) />
            </fieldset>
        </div>
    }
}

/// A select's options for an enum: each value's id and its label.
fn options<T: Named>(lang: Lang, label: fn(Lang, T) -> &'static str) -> Vec<(AttrValue, AttrValue)> {
    T::ALL.iter().map(|v| (v.id().into(), label(lang, *v).into())).collect()
}

fn ranking_label(lang: Lang, r: Ranking) -> &'static str {
    match r {
        Ranking::Newest => tr!(lang, "Newest first", "最新优先"),
        Ranking::MostPraised => tr!(lang, "Most praised first", "点赞最多优先"),
        Ranking::MostTipped => tr!(lang, "Most tipped first", "打赏最多优先"),
    }
}

fn contact_label(lang: Lang, x: ContactPolicy) -> &'static str {
    match x {
        ContactPolicy::Allowed => tr!(lang, "Allowed", "允许"),
        ContactPolicy::Filtered => tr!(lang, "Filtered", "过滤"),
    }
}

fn sanction_label(lang: Lang, s: SanctionKind) -> &'static str {
    match s {
        SanctionKind::Remove => tr!(lang, "Remove the content", "删除内容"),
        SanctionKind::Suspend => tr!(lang, "Suspend the account", "停用账号"),
        SanctionKind::Ban => tr!(lang, "Ban the account", "封禁账号"),
    }
}
