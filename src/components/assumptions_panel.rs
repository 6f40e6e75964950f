//! The Assumptions panel: the model's behavioural assumptions (from the engine's catalogue), collapsed by
//! default, each editable with its unit and bounds, its meaning and source as help, a mark when changed and
//! a reset per row and for all.

use super::field::{NumberField, NumberProps};
use crate::locale::{tr, trf, use_lang, Lang};
use backfire_engine::assumptions::{Assumption, Assumptions, ASSUMPTIONS};
use backfire_engine::MODEL_VERSION;
use yew::prelude::*;

/// Props of [`AssumptionsPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct AssumptionsPanelProps {
    /// The scenario's assumptions.
    pub assumptions: Assumptions,
    /// Called with the edited assumptions (through the scenario's one edit path, so undo covers them).
    pub onchange: Callback<Assumptions>,
}

/// The props of a [`NumberField`] editing one assumption: label, path, unit, bounds and step come from the
/// engine's catalogue, so the panel accepts exactly what validation accepts; the words are in `lang`.
pub fn assumption_props(
    lang: Lang,
    row: &'static Assumption,
    a: &Assumptions,
    onchange: &Callback<Assumptions>,
) -> NumberProps {
    let stored = row.get(a);
    let (meaning, source) = (row.meaning_in(lang), row.source_in(lang));
    let hint = trf!(lang, "{meaning} Source: {source}.", "{meaning}来源：{source}。");
    let on_value = {
        let (a, onchange) = (a.clone(), onchange.clone());
        Callback::from(move |v: f64| {
            let mut next = a.clone();
            row.set(&mut next, row.scale.stored(v));
            onchange.emit(next);
        })
    };
    NumberProps {
        label: row.label_in(lang).into(),
        path: row.path().into(),
        value: row.scale.shown(stored),
        min: row.shown_min(),
        max: row.shown_max(),
        step: row.shown_step(),
        unit: row.unit_in(lang).into(),
        slider: false,
        hint: hint.into(),
        onchange: on_value,
        compact: false,
    }
}

/// The assumptions, collapsed under a summary that says how many differ from the model's defaults.
#[function_component]
pub fn AssumptionsPanel(props: &AssumptionsPanelProps) -> Html {
    let a = &props.assumptions;
    let lang = use_lang();
    let changed = a.changed().count();
    let reset_all = {
        let onchange = props.onchange.clone();
        Callback::from(move |_| onchange.emit(Assumptions::default()))
    };
    let rows = ASSUMPTIONS.iter().map(|row| {
        let is_changed = !row.is_default_in(a);
        let reset = {
            let (a, onchange) = (a.clone(), props.onchange.clone());
            Callback::from(move |_| {
                let mut next = a.clone();
                row.set(&mut next, row.default);
                onchange.emit(next);
            })
        };
        html! {
            <div class={classes!("assumption", is_changed.then_some("changed"))} data-testid={format!("assumption-{}", row.field)}>
                <NumberField ..assumption_props(lang, row, a, &props.onchange) />
                if is_changed {
                    <p class="assumption-changed">
                        <span data-testid="assumption-changed">{ { let default = row.show_in(lang, row.default); trf!(lang, "Changed: the model's default is {default}.", "已修改：模型默认值为 {default}。") } }</span>
                        {" "}
                        <button type="button" class="btn small" data-testid={format!("reset-{}", row.field)}
                            aria-label={ { let (label, default) = (row.label_in(lang).to_lowercase(), row.show_in(lang, row.default)); trf!(lang, "Reset {label} to {default}", "将{label}重置为 {default}") } } onclick={reset}>{tr!(lang, "Reset", "重置")}</button>
                    </p>
                }
            </div>
        }
    });
    html! {
        <details class="assumptions-panel" data-testid="assumptions-panel">
            <summary data-testid="assumptions-summary">
                {trf!(lang, "Assumptions (model {MODEL_VERSION})", "假设（模型 {MODEL_VERSION}）")}
                if changed > 0 {
                    <span class="assumptions-count">{trf!(lang, " · {changed} changed", " · 已改 {changed} 项")}</span>
                }
            </summary>
            <p class="hint">
                {tr!(lang, "How the simulated people behave: what they react to, what they need to earn, how fast they learn and when they leave. ", "模拟的人如何行事：他们对什么有反应、需要挣多少、学得多快、何时离开。")}
                {tr!(lang, "These are the model's guesses, not your rules; change one to see how much a result leans on it. Links carry only the ones you change.", "这些是模型的估计，不是你的规则；改动其中一项，看结果在多大程度上依赖它。链接只携带你改过的项。")}
            </p>
            if changed > 0 {
                <p><button type="button" class="btn small" data-testid="reset-all-assumptions" onclick={reset_all}>{tr!(lang, "Reset all to the model's defaults", "全部重置为模型默认值")}</button></p>
            }
            { for rows }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_gets_its_catalogue_bounds() {
        let a = Assumptions::default();
        for row in ASSUMPTIONS {
            let props = assumption_props(Lang::En, row, &a, &Callback::noop());
            assert_eq!(props.path.as_str(), row.path());
            assert_eq!(
                (props.min, props.max),
                (row.shown_min(), row.shown_max()),
                "{}",
                row.field
            );
            assert_eq!(row.scale.stored(props.value), row.default, "{}", row.field);
            assert!(props.hint.contains(row.source));
            let zh = assumption_props(Lang::Zh, row, &a, &Callback::noop());
            assert!(zh.hint.contains(row.source_in(Lang::Zh)), "{}", row.field);
            assert_ne!(zh.label.as_str(), row.label, "{} has no Chinese label", row.field);
        }
    }
}
