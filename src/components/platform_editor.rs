//! Edits the run (name, days, seed, notes) and platform-wide mechanics: credit, verification and bans.

use super::field::{edit, setting_props, NameField, NumberField, Select};
use backfire_engine::settings::SettingId;
use backfire_engine::words::verification_word;
use backfire_engine::{BanReturn, Named, Scenario, VerificationLevel};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
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
fn options<T: Named>(label: fn(T) -> &'static str) -> Vec<(AttrValue, AttrValue)> {
    T::ALL.iter().map(|v| (v.id().into(), label(*v).into())).collect()
}

/// How a banned person can return, as the bans select says it.
fn return_label(r: BanReturn) -> &'static str {
    match r {
        BanReturn::Free => "freely, with a new account",
        BanReturn::AtCost => "at a cost",
        BanReturn::RealNameBound => "never (real-name bound)",
    }
}

/// The run and platform editor.
#[function_component]
pub fn PlatformEditor(props: &PlatformEditorProps) -> Html {
    let s = &props.scenario;
    let oc = &props.onchange;
    let on_notes = {
        let cb = edit(s, oc, |s, v: String| s.notes = v.lines().map(str::to_string).collect());
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    // What the designer typed while it is not a seed, kept in the box (Yew re-applies `value` on render).
    let seed_draft = use_state(|| None::<(String, String)>);
    {
        let seed_draft = seed_draft.clone();
        use_effect_with(s.seed, move |_| seed_draft.set(None));
    }
    let on_seed = {
        let cb = edit(s, oc, |s, v: u64| s.seed = v);
        let seed_draft = seed_draft.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match text.trim().parse::<u64>() {
                Ok(v) => {
                    seed_draft.set(None);
                    cb.emit(v);
                }
                Err(_) => {
                    let msg = format!(
                        "`{}` is not a seed: enter a whole number from 0 to {}",
                        text.trim(),
                        u64::MAX
                    );
                    seed_draft.set(Some((text, msg)));
                }
            }
        })
    };
    let seed_text = (*seed_draft)
        .as_ref()
        .map(|(t, _)| t.clone())
        .unwrap_or_else(|| s.seed.to_string());
    let seed_error = (*seed_draft).as_ref().map(|(_, m)| m.clone());
    let v = &s.platform.verification;
    let c = &s.platform.credit;
    let b = &s.platform.bans;
    html! {
        <div class="platform-editor">
            <fieldset>
                <legend>{"The run"}</legend>
                <NameField label="Scenario name" path="name" id="scenario-name" value={s.name.clone()} onchange={edit(s, oc, |s, v: String| s.name = v)} />
                <NumberField slider=true ..setting_props(SettingId::Days, 0, s.days, edit(s, oc, |s, v: f64| s.days = v as u32)) />
                <div class="field">
                    <label for="seed">{"Seed"}</label>
                    <input id="seed" type="text" inputmode="numeric" data-testid="seed-input" value={seed_text} oninput={on_seed} />
                    <span class="hint">{"The same scenario and seed give the same report, everywhere."}</span>
                    if let Some(msg) = seed_error { <p class="issue error" data-testid="field-issue">{msg}</p> }
                </div>
                <div class="field">
                    <label for="notes">{"Notes and assumptions (one per line)"}</label>
                    <textarea id="notes" rows="4" data-testid="notes" value={s.notes.join("\n")} oninput={on_notes} />
                </div>
            </fieldset>
            <fieldset>
                <legend>{"Credit score"}</legend>
                <NumberField hint="what a score farmer must churn to gain one point" ..setting_props(SettingId::CreditPointPrice, 0, c.fen_paid_per_point, edit(s, oc, |s, v: f64| s.platform.credit.fen_paid_per_point = (v * 100.0).round() as u32)) />
                <NumberField ..setting_props(SettingId::ChurnCost, 0, c.churn_cost_permille, edit(s, oc, |s, v: f64| s.platform.credit.churn_cost_permille = (v * 10.0).round() as u32)) />
                <NumberField ..setting_props(SettingId::MaxPointsPerDay, 0, c.max_points_per_day, edit(s, oc, |s, v: f64| s.platform.credit.max_points_per_day = v as u32)) />
            </fieldset>
            <fieldset>
                <legend>{"Verification"}</legend>
                <Select label="Gender is" path="platform.verification.gender" value={v.gender.id()} options={options(verification_word)} onchange={edit(s, oc, |s, x: String| if let Some(l) = VerificationLevel::from_id(&x) { s.platform.verification.gender = l })} />
                <Select label="Identity is" path="platform.verification.identity" value={v.identity.id()} options={options(verification_word)} onchange={edit(s, oc, |s, x: String| if let Some(l) = VerificationLevel::from_id(&x) { s.platform.verification.identity = l })} />
                <NumberField ..setting_props(SettingId::ForgedDocumentPrice, 0, v.forged_document_fen, edit(s, oc, |s, x: f64| s.platform.verification.forged_document_fen = (x * 100.0).round() as u32)) />
                <NumberField slider=true ..setting_props(SettingId::ForgeryCaught, 0, u32::from(v.forgery_caught_percent), edit(s, oc, |s, x: f64| s.platform.verification.forgery_caught_percent = x as u8)) />
            </fieldset>
            <fieldset>
                <legend>{"Bans"}</legend>
                <Select label="After a ban, a person can return" path="platform.bans.return_after_ban" value={b.return_after_ban.id()}
                    options={options(return_label)}
                    onchange={edit(s, oc, |s, x: String| if let Some(r) = BanReturn::from_id(&x) { s.platform.bans.return_after_ban = r })} />
                if b.return_after_ban == BanReturn::AtCost {
                    <NumberField ..setting_props(SettingId::ReturnCost, 0, b.return_cost_fen, edit(s, oc, |s, x: f64| s.platform.bans.return_cost_fen = (x * 100.0).round() as u32)) />
                }
            </fieldset>
        </div>
    }
}
