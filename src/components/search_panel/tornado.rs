//! The robustness screen's result: the engine's one-sentence verdict and a tornado chart of the assumptions it
//! depends on most (a bar per assumption's μ*, its σ as a whisker and in words).

use crate::locale::{pattern_name, tr, trf, use_lang, Lang};
use backfire_engine::search::robustness::{AssumptionEffect, RobustnessResult};
use std::rc::Rc;
use yew::prelude::*;

/// Bars drawn: the ten assumptions the result depends on most (the rest are listed by count).
const TOP: usize = 10;

/// One bar: an assumption's field and name, its μ* and σ.
struct Bar<'a> {
    field: &'a str,
    label: &'a str,
    mu_star: f64,
    sigma: f64,
}

/// Props of [`RobustnessView`].
#[derive(Properties, PartialEq)]
pub struct RobustnessViewProps {
    /// The screen's result.
    pub result: Rc<RobustnessResult>,
    /// The link that runs the same screen again.
    pub reproduce: String,
}

/// The screen's result as a component of its own, so a progress tick of another search does not redraw it.
#[function_component]
pub fn RobustnessView(props: &RobustnessViewProps) -> Html {
    robustness_view(use_lang(), &props.result, &props.reproduce)
}

/// The verdict, the tornado of the top pattern's level, with a pinned baseline the tornado of the comparison,
/// and the provenance.
fn robustness_view(lang: Lang, r: &RobustnessResult, reproduce: &str) -> Html {
    let level_bars: Vec<Bar> = r
        .effects
        .iter()
        .map(|e| Bar {
            field: &e.field,
            label: label_in(lang, e),
            mu_star: e.mu_star,
            sigma: e.sigma,
        })
        .collect();
    let watched = r.top_pattern.map_or(tr!(lang, "the top pattern", "首要模式"), |id| {
        pattern_name(lang, id)
    });
    let level = format!("{:.1}", r.level);
    html! {
        <div class="search-result" data-testid="robustness-result">
            <p class={classes!("robustness-verdict", r.flips.then_some("flips"))} data-testid="robustness-verdict" data-flips={r.flips.to_string()}>{sentence_case(&verdict_words(lang, r))}</p>
            <p class="muted small">{trf!(lang, "Effect of each assumption on the level of {watched} (now {level}): μ*, the mean size of its effect across its range; the whisker is σ, how much that effect depends on the other assumptions.", "每个假设对{watched}水平（当前 {level}）的影响：μ* 是它在取值范围内影响的平均大小；须线是 σ，表示这种影响在多大程度上取决于其他假设。")}</p>
            {tornado(lang, "tornado-bar", level_bars)}
            if let Some(change) = r.change {
                {comparison(lang, change, &r.effects)}
            }
            {super::provenance(lang, &r.provenance, reproduce)}
        </div>
    }
}

/// An assumption's name in `lang`, from the catalogue (the result's own English when the field is not in it).
fn label_in(lang: Lang, e: &AssumptionEffect) -> &str {
    backfire_engine::assumptions::by_field(&e.field).map_or(e.label.as_str(), |a| a.label_in(lang))
}

/// What the comparison with the pinned baseline depends on: the change now, and a tornado of each
/// assumption's effect on it, largest first.
fn comparison(lang: Lang, change: f64, effects: &[AssumptionEffect]) -> Html {
    let mut bars: Vec<Bar> = effects
        .iter()
        .filter_map(|e| {
            Some(Bar {
                field: &e.field,
                label: label_in(lang, e),
                mu_star: e.change_mu_star?,
                sigma: e.change_sigma.unwrap_or(0.0),
            })
        })
        .collect();
    bars.sort_by(|a, b| b.mu_star.total_cmp(&a.mu_star));
    let change = format!("{change:+.1}");
    let first = bars.first().filter(|b| b.mu_star > 0.0).map(|b| b.label.to_string());
    html! {
        <div class="robustness-comparison" data-testid="robustness-comparison" data-change={change.clone()}>
            <h4>{tr!(lang, "The comparison with the pinned baseline", "与固定基线的对比")}</h4>
            <p class="small">{trf!(lang, "Against the baseline, the top pattern's severity changes by {change} (both sides on the same seeds at every point).", "与基线相比，首要模式的严重度变化 {change}（每个点两边用相同的种子）。")}
                { match first {
                    Some(label) => html! { <>{" "}{tr!(lang, "It depends most on: ", "它最取决于：")}<span>{label}</span></> },
                    None => html! { {tr!(lang, " No screened assumption moves it.", " 筛查的假设都不影响它。")} },
                } }
            </p>
            {tornado(lang, "tornado-change-bar", bars)}
        </div>
    }
}

/// A tornado of the first [`TOP`] bars (already ranked), each row with `testid`.
fn tornado(lang: Lang, testid: &str, bars: Vec<Bar>) -> Html {
    let total = bars.len();
    let shown: Vec<Bar> = bars.into_iter().take(TOP).collect();
    // Bars and whiskers share one scale, so a whisker never runs off the track.
    let widest = shown
        .iter()
        .map(|e| e.mu_star + e.sigma)
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    let pct = |v: f64| format!("{:.1}%", (100.0 * v / widest).clamp(0.0, 100.0));
    let more = total.saturating_sub(TOP);
    html! {
        <>
            <ol class="tornado" aria-label={tr!(lang, "assumptions ranked by effect", "按影响排序的假设")}>
                { for shown.iter().map(|e| html! {
                    <li class="tornado-row" data-testid={testid.to_string()} data-field={e.field.to_string()} data-mu-star={e.mu_star.to_string()}>
                        <span class="tornado-label">{e.label.to_string()}</span>
                        <span class="tornado-track">
                            <span class="tornado-bar" style={format!("width:{}", pct(e.mu_star))}></span>
                            <span class="tornado-whisker" style={format!("left:{};width:{}", pct(e.mu_star), pct(e.sigma))}></span>
                        </span>
                        <span class="tornado-value small">{format!("μ* {:.2} · σ {:.2}", e.mu_star, e.sigma)}</span>
                    </li>
                }) }
            </ol>
            if more > 0 {
                <p class="muted small">{trf!(lang, "{more} more assumptions matter less.", "另有 {more} 个假设影响更小。")}</p>
            }
        </>
    }
}

/// The engine's verdict as a sentence on its own: its first letter upper case ("it flips if …" → "It flips if …").
/// The verdict in `lang`: written from its data, or the stored English for a result made before it was kept.
fn verdict_words(lang: Lang, r: &RobustnessResult) -> String {
    match (&r.verdict_of, lang) {
        (backfire_engine::search::robustness::Verdict::Flips, _) | (_, Lang::En) => r.verdict.clone(),
        (v, lang) => v.words(lang),
    }
}

fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_verdict_starts_with_a_capital() {
        assert_eq!(super::sentence_case("it flips if x"), "It flips if x");
        assert_eq!(super::sentence_case(""), "");
    }
}
