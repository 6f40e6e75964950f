//! Edits the run (name, days, seed, notes) and platform-wide mechanics: credit, verification and bans.

use super::field::{edit, setting_props, NameField, NumberField, Select};
use crate::hooks::use_typed_value::use_typed_value;
use crate::locale::{tr, trf, use_lang, verification_word, Lang};
use backfire_engine::settings::SettingId;
use backfire_engine::{BanReturn, Named, Scenario, VerificationLevel};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`PlatformEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlatformEditorProps {
    /// The whole scenario (the run settings and the platform live at its top level).
    pub scenario: Scenario,
    /// Called with the edited scenario.
    pub onchange: Callback<Scenario>,
}

/// A select's options for an enum: each value's id and its label.
fn options<T: Named>(lang: Lang, label: fn(Lang, T) -> &'static str) -> Vec<(AttrValue, AttrValue)> {
    T::ALL.iter().map(|v| (v.id().into(), label(lang, *v).into())).collect()
}

/// How a banned person can return, as the bans select says it.
fn return_label(lang: Lang, r: BanReturn) -> &'static str {
    match r {
        BanReturn::Free => tr!(lang, "freely, with a new account", "随意，换个新账号"),
        BanReturn::AtCost => tr!(lang, "at a cost", "需付出代价"),
        BanReturn::RealNameBound => tr!(lang, "never (real-name bound)", "永不（实名绑定）"),
    }
}

/// The seed typed in the seed box, or what is wrong with the text.
fn seed_problem(lang: Lang, text: &str) -> Result<u64, String> {
    let typed = text.trim();
    typed.parse::<u64>().map_err(|_| {
        let most = u64::MAX;
        trf!(
            lang,
            "`{typed}` is not a seed: enter a whole number from 0 to {most}",
            "`{typed}` 不是种子：请输入 0 到 {most} 之间的整数"
        )
    })
}

/// The run and platform editor.
#[function_component]
pub fn PlatformEditor(props: &PlatformEditorProps) -> Html {
    let s = &props.scenario;
    let oc = &props.onchange;
    let lang = use_lang();
    let on_notes = {
        let cb = edit(s, oc, |s, v: String| s.notes = v.lines().map(str::to_string).collect());
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    // What the designer typed while it is not a seed stays in the box, with a message.
    let seed_box = use_typed_value(lang, s.seed, seed_problem, edit(s, oc, |s, v: u64| s.seed = v));
    let v = &s.platform.verification;
    let c = &s.platform.credit;
    let b = &s.platform.bans;
    html! {
        <div class="platform-editor">
            <fieldset>
                <legend>{tr!(lang, "The run", "运行")}</legend>
                <NameField label={tr!(lang, "Scenario name", "场景名称")} path="name" id="scenario-name" value={s.name.clone()} onchange={edit(s, oc, |s, v: String| s.name = v)} />
                <NumberField slider=true ..setting_props(SettingId::Days, 0, s.days, edit(s, oc, |s, v: f64| s.days = v as u32)) />
                <div class="field">
                    <label for="seed">{tr!(lang, "Seed", "种子")}</label>
                    <input id="seed" type="text" inputmode="numeric" data-testid="seed-input" value={seed_box.text.clone()} oninput={seed_box.oninput.clone()} />
                    <span class="hint">{tr!(lang, "The same scenario and seed give the same report, everywhere.", "相同的场景和种子在任何地方都给出相同的报告。")}</span>
                    if let Some(msg) = seed_box.issue.clone() { <p class="issue error" data-testid="field-issue">{msg}</p> }
                </div>
                <div class="field">
                    <label for="notes">{tr!(lang, "Notes and assumptions (one per line)", "备注与假设（每行一条）")}</label>
                    <textarea id="notes" rows="4" data-testid="notes" value={s.notes.join("\n")} oninput={on_notes} />
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Credit score", "信用分")}</legend>
                <NumberField hint={tr!(lang, "what a score farmer must churn to gain one point", "刷分者每得 1 分需刷的金额")} ..setting_props(SettingId::CreditPointPrice, 0, c.fen_paid_per_point, edit(s, oc, |s, v: f64| s.platform.credit.fen_paid_per_point = (v * 100.0).round() as u32)) />
                <NumberField ..setting_props(SettingId::ChurnCost, 0, c.churn_cost_permille, edit(s, oc, |s, v: f64| s.platform.credit.churn_cost_permille = (v * 10.0).round() as u32)) />
                <NumberField ..setting_props(SettingId::MaxPointsPerDay, 0, c.max_points_per_day, edit(s, oc, |s, v: f64| s.platform.credit.max_points_per_day = v as u32)) />
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Verification", "认证")}</legend>
                <Select label={tr!(lang, "Gender is", "性别认证方式")} path="platform.verification.gender" value={v.gender.id()} options={options(lang, verification_word)} onchange={edit(s, oc, |s, x: String| if let Some(l) = VerificationLevel::from_id(&x) { s.platform.verification.gender = l })} />
                <Select label={tr!(lang, "Identity is", "身份认证方式")} path="platform.verification.identity" value={v.identity.id()} options={options(lang, verification_word)} onchange={edit(s, oc, |s, x: String| if let Some(l) = VerificationLevel::from_id(&x) { s.platform.verification.identity = l })} />
                <NumberField ..setting_props(SettingId::ForgedDocumentPrice, 0, v.forged_document_fen, edit(s, oc, |s, x: f64| s.platform.verification.forged_document_fen = (x * 100.0).round() as u32)) />
                <NumberField slider=true ..setting_props(SettingId::ForgeryCaught, 0, u32::from(v.forgery_caught_percent), edit(s, oc, |s, x: f64| s.platform.verification.forgery_caught_percent = x as u8)) />
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Bans", "封禁")}</legend>
                <Select label={tr!(lang, "After a ban, a person can return", "被封禁后，一个人可以回来")} path="platform.bans.return_after_ban" value={b.return_after_ban.id()}
                    options={options(lang, return_label)}
                    onchange={edit(s, oc, |s, x: String| if let Some(r) = BanReturn::from_id(&x) { s.platform.bans.return_after_ban = r })} />
                if b.return_after_ban == BanReturn::AtCost {
                    <NumberField ..setting_props(SettingId::ReturnCost, 0, b.return_cost_fen, edit(s, oc, |s, x: f64| s.platform.bans.return_cost_fen = (x * 100.0).round() as u32)) />
                }
            </fieldset>
        </div>
    }
}
