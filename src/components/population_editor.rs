//! Edits who the simulated users are: size, run length, seed, genders, identities, credit, and the archetype mix.

use super::field::{edit, setting_props, NumberField};
use crate::locale::{tr, trf, use_lang, Lang};
use backfire_engine::settings::SettingId;
use backfire_engine::{Archetype, ArchetypeMix, Population};
use yew::prelude::*;

/// Parts per thousand the archetype shares always add up to.
pub const MIX_TOTAL: u32 = 1000;

/// Sets one archetype's share and rescales the others so the mix still sums to [`MIX_TOTAL`].
pub fn set_share(mix: &ArchetypeMix, target: Archetype, permille: u32) -> ArchetypeMix {
    let permille = permille.min(MIX_TOTAL);
    let mut out = mix.clone();
    out.set(target, permille);
    let others: Vec<Archetype> = Archetype::ALL.into_iter().filter(|a| *a != target).collect();
    let rest_before: u32 = others.iter().map(|a| mix.get(*a)).sum();
    let rest_after = MIX_TOTAL - permille;
    let mut assigned = 0;
    for (k, a) in others.iter().enumerate() {
        let share = if k + 1 == others.len() {
            rest_after - assigned // the last one takes the rounding remainder, so the sum is exact
        } else if rest_before == 0 {
            rest_after / others.len() as u32
        } else {
            (u64::from(mix.get(*a)) * u64::from(rest_after) / u64::from(rest_before)) as u32
        };
        out.set(*a, share);
        assigned += share;
    }
    out
}

/// Shares normalised to [`MIX_TOTAL`] (imported files may not sum to it).
pub fn normalised(mix: &ArchetypeMix) -> Vec<(Archetype, f64)> {
    let total: u32 = Archetype::ALL.iter().map(|a| mix.get(*a)).sum();
    Archetype::ALL
        .iter()
        .map(|a| {
            (
                *a,
                if total == 0 {
                    0.0
                } else {
                    f64::from(mix.get(*a)) * 100.0 / f64::from(total)
                },
            )
        })
        .collect()
}

/// Readable archetype name.
pub fn archetype_name(a: Archetype) -> &'static str {
    match a {
        Archetype::Honest => "Honest members",
        Archetype::Lurker => "Lurkers",
        Archetype::Solicitor => "Solicitors",
        Archetype::GenerousTipper => "Generous tippers",
        Archetype::IdentityFaker => "Identity fakers",
        Archetype::Scammer => "Scammers",
        Archetype::ScoreFarmer => "Score farmers",
        Archetype::Harasser => "Harassers",
        Archetype::SybilRing => "Sybil tip rings",
        Archetype::Launderer => "Launderers",
        Archetype::BanEvader => "Ban evaders",
    }
}

/// A colour per archetype for the mix bar and the money flow.
pub fn archetype_color(a: Archetype) -> &'static str {
    match a {
        Archetype::Honest => "#2f855a",
        Archetype::Lurker => "#94a3b8",
        Archetype::Solicitor => "#c2410c",
        Archetype::GenerousTipper => "#0891b2",
        Archetype::IdentityFaker => "#7c3aed",
        Archetype::Scammer => "#b91c1c",
        Archetype::ScoreFarmer => "#a16207",
        Archetype::Harasser => "#0f766e",
        Archetype::SybilRing => "#be185d",
        Archetype::Launderer => "#1d4ed8",
        Archetype::BanEvader => "#4d7c0f",
    }
}

/// Props of [`PopulationEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct PopulationEditorProps {
    /// The population edited.
    pub population: Population,
    /// Called with the edited population.
    pub onchange: Callback<Population>,
}

/// A preview of the credit-score spread: a bell curve over 350–950 with the 750 mark.
fn credit_preview(lang: Lang, mean: u16, std_dev: u16) -> Html {
    let sd = f64::from(std_dev.max(1));
    let m = f64::from(mean);
    let xs: Vec<f64> = (0..=120).map(|i| 350.0 + 5.0 * f64::from(i)).collect();
    let ys: Vec<f64> = xs.iter().map(|x| (-0.5 * ((x - m) / sd).powi(2)).exp()).collect();
    let px = |x: f64| 10.0 + (x - 350.0) / 600.0 * 280.0;
    let points: String = xs
        .iter()
        .zip(&ys)
        .map(|(x, y)| format!("{:.1},{:.1} ", px(*x), 60.0 - 50.0 * y))
        .collect();
    // Share of users at 750 or more, from the normal curve, for the caption.
    let above: f64 = {
        let total: f64 = ys.iter().sum();
        let high: f64 = xs.iter().zip(&ys).filter(|(x, _)| **x >= 750.0).map(|(_, y)| y).sum();
        if total > 0.0 {
            100.0 * high / total
        } else {
            0.0
        }
    };
    html! {
        <figure class="credit-preview" data-testid="credit-preview">
            <svg viewBox="0 0 300 80" role="img" aria-label={trf!(lang, "credit scores: mean {mean}, spread {std_dev}; about {above:.0}% at 750 or more", "信用分：平均 {mean}，离散度 {std_dev}；约 {above:.0}% 在 750 分及以上")}>
                <polyline points={points} fill="none" stroke="#1d4ed8" stroke-width="2" />
                <line x1={px(750.0).to_string()} x2={px(750.0).to_string()} y1="5" y2="62" stroke="#c2410c" stroke-dasharray="3 2" />
                <text x={px(750.0).to_string()} y="74" font-size="9" text-anchor="middle">{"750"}</text>
                <text x="10" y="74" font-size="9">{"350"}</text>
                <text x="290" y="74" font-size="9" text-anchor="end">{"950"}</text>
            </svg>
            <figcaption class="hint">{trf!(lang, "about {above:.1}% of users have 750 or more", "约 {above:.1}% 的用户有 750 分及以上")}</figcaption>
        </figure>
    }
}

/// The hint under the user count, its bounds from the settings table.
fn users_hint(lang: Lang) -> String {
    let row = SettingId::Users.setting();
    let (least, most) = (row.number(row.min), row.number(row.max));
    trf!(
        lang,
        "{least} to {most}; small runs re-run as you edit",
        "{least} 到 {most}；小规模运行会在编辑时自动重跑"
    )
}

/// The population editor.
#[function_component]
pub fn PopulationEditor(props: &PopulationEditorProps) -> Html {
    let p = &props.population;
    let oc = &props.onchange;
    let lang = use_lang();
    let shares = normalised(&p.archetypes);
    let bar: Html = shares
        .iter()
        .filter(|(_, s)| *s > 0.0)
        .map(|(a, s)| html! { <div style={format!("width:{s:.2}%;background:{}", archetype_color(*a))} title={format!("{} {s:.1}%", crate::locale::archetype_name(lang, *a))}></div> })
        .collect();
    let sliders: Html = shares
        .iter()
        .map(|(a, s)| {
            let mix = p.archetypes.clone();
            let a = *a;
            let onchange = edit(p, oc, move |pop, v: f64| pop.archetypes = set_share(&mix, a, (v * 10.0).round() as u32));
            html! {
                <NumberField label={crate::locale::archetype_name(lang, a)} path={format!("population.archetypes.{}", a.id())} value={(s * 10.0).round() / 10.0} min={0.0} max={100.0} step={0.1} unit="%" slider=true {onchange} />
            }
        })
        .collect();
    let im = &p.identity_mix;
    html! {
        <div class="population-editor">
            <NumberField hint={users_hint(lang)}
                ..setting_props(SettingId::Users, 0, p.n_users, edit(p, oc, |pop, v: f64| pop.n_users = v.round() as u32)) />
            <NumberField slider=true ..setting_props(SettingId::FemalePercent, 0, u32::from(p.female_percent), edit(p, oc, |pop, v: f64| pop.female_percent = v.round() as u8)) />
            <fieldset>
                <legend>{tr!(lang, "Archetype mix", "人群类型构成")}</legend>
                <div class="mix-bar" data-testid="mix-bar" role="img" aria-label={tr!(lang, "archetype shares", "各类型占比")}>{bar}</div>
                <p class="hint" data-testid="mix-total">{ { let total = shares.iter().map(|(_, s)| s).sum::<f64>(); trf!(lang, "Shares add up to {total:.0}%", "占比合计 {total:.0}%") } }</p>
                {sliders}
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Identities (relative weights)", "身份（相对权重）")}</legend>
                <div class="grid2">
                    <NumberField ..setting_props(SettingId::IdentityStudent, 0, im.student, edit(p, oc, |pop, v: f64| pop.identity_mix.student = v as u32)) />
                    <NumberField ..setting_props(SettingId::IdentityWhiteCollar, 0, im.white_collar, edit(p, oc, |pop, v: f64| pop.identity_mix.white_collar = v as u32)) />
                    <NumberField ..setting_props(SettingId::IdentityOverseas, 0, im.overseas, edit(p, oc, |pop, v: f64| pop.identity_mix.overseas = v as u32)) />
                    <NumberField ..setting_props(SettingId::IdentityOther, 0, im.other, edit(p, oc, |pop, v: f64| pop.identity_mix.other = v as u32)) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Credit scores", "信用分")}</legend>
                {credit_preview(lang, p.credit.mean, p.credit.std_dev)}
                <NumberField slider=true ..setting_props(SettingId::CreditMean, 0, u32::from(p.credit.mean), edit(p, oc, |pop, v: f64| pop.credit.mean = v as u16)) />
                <NumberField slider=true ..setting_props(SettingId::CreditStdDev, 0, u32::from(p.credit.std_dev), edit(p, oc, |pop, v: f64| pop.credit.std_dev = v as u16)) />
            </fieldset>
            <fieldset>
                <legend>{tr!(lang, "Money, accounts and verification", "资金、账号与认证")}</legend>
                <NumberField ..setting_props(SettingId::SpendingMedian, 0, p.spending_median_fen_per_day, edit(p, oc, |pop, v: f64| pop.spending_median_fen_per_day = (v * 100.0).round() as u32)) />
                <NumberField ..setting_props(SettingId::AccountAgeMedian, 0, p.account_age_median_days, edit(p, oc, |pop, v: f64| pop.account_age_median_days = v as u32)) />
                <NumberField slider=true ..setting_props(SettingId::DocumentCheckedPercent, 0, u32::from(p.document_checked_percent), edit(p, oc, |pop, v: f64| pop.document_checked_percent = v as u8)) />
                <NumberField slider=true ..setting_props(SettingId::RealNamePercent, 0, u32::from(p.real_name_percent), edit(p, oc, |pop, v: f64| pop.real_name_percent = v as u8)) />
            </fieldset>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(mix: &ArchetypeMix) -> u32 {
        Archetype::ALL.iter().map(|a| mix.get(*a)).sum()
    }

    #[test]
    fn shares_always_sum_to_the_total() {
        let mix = ArchetypeMix::default();
        for target in Archetype::ALL {
            for v in [0, 1, 333, 999, 1000, 5000] {
                let out = set_share(&mix, target, v);
                assert_eq!(sum(&out), MIX_TOTAL, "{target:?} → {v}");
                assert_eq!(out.get(target), v.min(MIX_TOTAL));
            }
        }
    }

    #[test]
    fn rescaling_keeps_the_others_in_proportion() {
        let mix = ArchetypeMix::honest_only();
        let out = set_share(&mix, Archetype::Solicitor, 100);
        assert_eq!(out.solicitor, 100);
        assert!(out.honest > out.lurker, "honest stays larger than lurker");
        assert_eq!(out.harasser, 0, "zero shares stay zero");
    }

    #[test]
    fn a_mix_of_zeros_spreads_evenly() {
        let zeros = set_share(&ArchetypeMix::honest_only(), Archetype::Honest, 0);
        let all_zero = set_share(&set_share(&zeros, Archetype::Lurker, 0), Archetype::GenerousTipper, 0);
        let out = set_share(&all_zero, Archetype::Honest, 0);
        assert_eq!(sum(&out), MIX_TOTAL);
    }
}
