//! Edits one circle: its name, who may join and act, tips, ranking, contact and moderation.

use super::condition_builder::ConditionBuilder;
use super::field::{edit, issue_lines, setting_props, Issues, NumberField, Select, Toggle};
use backfire_engine::settings::SettingId;
use backfire_engine::{Circle, ContactPolicy, Ranking, Rule, SanctionKind};
use web_sys::HtmlInputElement;
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
    let c = &props.circle;
    let p = format!("circles[{}]", props.index);
    let on_name = {
        let cb = edit(c, &props.onchange, |c, v: String| c.name = v);
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let rule_editor = |action: &'static str, title: &'static str, rule: &Rule, about_author: bool| {
        let path = if action == "join" {
            format!("{p}.join")
        } else {
            format!("{p}.rules.{action}")
        };
        let onchange = edit(c, &props.onchange, move |c, r: Rule| match action {
            "join" => c.join = r,
            "post" => c.rules.post = r,
            "comment" => c.rules.comment = r,
            "praise" => c.rules.praise = r,
            "tip" => c.rules.tip = r,
            _ => c.rules.message = r,
        });
        let count = issues.within(&path).len();
        html! {
            <details class="rule-block" open={action == "post" || action == "comment"}>
                <summary>{title}{ if count > 0 { format!(" ({count} issue{})", if count == 1 { "" } else { "s" }) } else { String::new() } }</summary>
                <ConditionBuilder path={path} rule={rule.clone()} {about_author} {onchange} />
            </details>
        }
    };
    let t = &c.tips;
    let m = &c.moderation;
    html! {
        <div class="circle-editor" data-testid={format!("circle-editor-{}", props.index)}>
            <div class="field">
                <label for={format!("circle-name-{}", props.index)}>{"Circle name"}</label>
                <input id={format!("circle-name-{}", props.index)} type="text" maxlength="80" data-testid={format!("{p}.name")} value={c.name.clone()} oninput={on_name} />
                {issue_lines(&issues.at(&format!("{p}.name")))}
            </div>
            <fieldset>
                <legend>{"Who may…"}</legend>
                {rule_editor("join", "join", &c.join, false)}
                {rule_editor("post", "post", &c.rules.post, false)}
                {rule_editor("comment", "comment", &c.rules.comment, true)}
                {rule_editor("praise", "praise", &c.rules.praise, true)}
                {rule_editor("tip", "tip", &c.rules.tip, true)}
                {rule_editor("message", "message an author", &c.rules.message, true)}
            </fieldset>
            <fieldset>
                <legend>{"Tips"}</legend>
                <Toggle label="Tips enabled" path={format!("{p}.tips.enabled")} checked={t.enabled} onchange={edit(c, &props.onchange, |c, v: bool| c.tips.enabled = v)} />
                <Toggle label="Praise opens the tip page" path={format!("{p}.tips.praise_leads_to_tip")} checked={t.praise_leads_to_tip} onchange={edit(c, &props.onchange, |c, v: bool| c.tips.praise_leads_to_tip = v)} />
                <div class="range-pair" role="group" aria-label="tip range">
                    <NumberField ..setting_props(SettingId::TipFloor, props.index, t.min_fen, edit(c, &props.onchange, |c, v: f64| c.tips.min_fen = yuan_to_fen(v))) />
                    <NumberField ..setting_props(SettingId::TipCeiling, props.index, t.max_fen, edit(c, &props.onchange, |c, v: f64| c.tips.max_fen = yuan_to_fen(v))) />
                </div>
                <NumberField ..setting_props(SettingId::DailyTipCap, props.index, t.daily_cap_per_tipper_fen, edit(c, &props.onchange, |c, v: f64| c.tips.daily_cap_per_tipper_fen = yuan_to_fen(v))) />
                <NumberField slider=true ..setting_props(SettingId::TipFee, props.index, t.fee_permille, edit(c, &props.onchange, |c, v: f64| c.tips.fee_permille = (v * 10.0).round() as u32)) />
            </fieldset>
            <fieldset>
                <legend>{"Feed and contact"}</legend>
                <Select label="Feed ranking" path={format!("{p}.ranking")} value={ranking_id(c.ranking)}
                    options={vec![("newest".into(), "Newest first".into()), ("most_praised".into(), "Most praised first".into()), ("most_tipped".into(), "Most tipped first".into())]}
                    onchange={edit(c, &props.onchange, |c, v: String| c.ranking = match v.as_str() { "most_praised" => Ranking::MostPraised, "most_tipped" => Ranking::MostTipped, _ => Ranking::Newest })} />
                <Select label="Off-platform contact in posts" path={format!("{p}.contact.off_platform")} value={if c.contact.off_platform == ContactPolicy::Filtered { "filtered" } else { "allowed" }}
                    options={vec![("allowed".into(), "Allowed".into()), ("filtered".into(), "Filtered".into())]}
                    onchange={edit(c, &props.onchange, |c, v: String| c.contact.off_platform = if v == "filtered" { ContactPolicy::Filtered } else { ContactPolicy::Allowed })} />
                if c.contact.off_platform == ContactPolicy::Filtered {
                    <NumberField slider=true ..setting_props(SettingId::FilterRecall, props.index, u32::from(c.contact.filter_recall_percent), edit(c, &props.onchange, |c, v: f64| c.contact.filter_recall_percent = v.round() as u8)) />
                }
                <Toggle label="Direct messages on" path={format!("{p}.contact.direct_messages")} checked={c.contact.direct_messages} onchange={edit(c, &props.onchange, |c, v: bool| c.contact.direct_messages = v)} />
            </fieldset>
            <fieldset>
                <legend>{"Moderation"}</legend>
                <Toggle label="Members can report" path={format!("{p}.moderation.user_reports")} checked={m.user_reports} onchange={edit(c, &props.onchange, |c, v: bool| c.moderation.user_reports = v)} />
                <Toggle label="Automatic classifier" path={format!("{p}.moderation.classifier.enabled")} checked={m.classifier.enabled} onchange={edit(c, &props.onchange, |c, v: bool| c.moderation.classifier.enabled = v)} />
                if m.classifier.enabled {
                    <NumberField slider=true ..setting_props(SettingId::ClassifierRecall, props.index, u32::from(m.classifier.recall_percent), edit(c, &props.onchange, |c, v: f64| c.moderation.classifier.recall_percent = v.round() as u8)) />
                    <NumberField ..setting_props(SettingId::ClassifierFalsePositives, props.index, u32::from(m.classifier.false_positive_permille), edit(c, &props.onchange, |c, v: f64| c.moderation.classifier.false_positive_permille = (v * 10.0).round() as u16)) />
                }
                <NumberField ..setting_props(SettingId::ReviewCapacity, props.index, m.reviews_per_day_per_10k_users, edit(c, &props.onchange, |c, v: f64| c.moderation.reviews_per_day_per_10k_users = as_u32(v))) />
                <NumberField slider=true ..setting_props(SettingId::ReviewDelay, props.index, m.review_delay_hours, edit(c, &props.onchange, |c, v: f64| c.moderation.review_delay_hours = as_u32(v))) />
                <NumberField ..setting_props(SettingId::ReviewerError, props.index, u32::from(m.reviewer_error_percent), edit(c, &props.onchange, |c, v: f64| c.moderation.reviewer_error_percent = v.round() as u8)) />
                <Select label="Sanction" path={format!("{p}.moderation.sanction")} value={sanction_id(m.sanction)}
                    options={vec![("remove".into(), "Remove the content".into()), ("suspend".into(), "Suspend the account".into()), ("ban".into(), "Ban the account".into())]}
                    onchange={edit(c, &props.onchange, |c, v: String| c.moderation.sanction = match v.as_str() { "suspend" => SanctionKind::Suspend, "ban" => SanctionKind::Ban, _ => SanctionKind::Remove })} />
                if m.sanction == SanctionKind::Suspend {
                    <NumberField ..setting_props(SettingId::SuspendDays, props.index, m.suspend_days, edit(c, &props.onchange, |c, v: f64| c.moderation.suspend_days = as_u32(v))) />
                }
                <NumberField ..setting_props(SettingId::BanAfterStrikes, props.index, m.ban_after_strikes, edit(c, &props.onchange, |c, v: f64| c.moderation.ban_after_strikes = as_u32(v))) />
            </fieldset>
        </div>
    }
}

fn ranking_id(r: Ranking) -> &'static str {
    match r {
        Ranking::Newest => "newest",
        Ranking::MostPraised => "most_praised",
        Ranking::MostTipped => "most_tipped",
    }
}

fn sanction_id(s: SanctionKind) -> &'static str {
    match s {
        SanctionKind::Remove => "remove",
        SanctionKind::Suspend => "suspend",
        SanctionKind::Ban => "ban",
    }
}
