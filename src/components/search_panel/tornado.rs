//! The robustness screen's result: the engine's one-sentence verdict and a tornado chart of the assumptions it
//! depends on most (a bar per assumption's μ*, its σ as a whisker and in words).

use backfire_engine::search::robustness::{AssumptionEffect, RobustnessResult};
use backfire_engine::words::pattern_name;
use yew::prelude::*;

/// Bars drawn: the ten assumptions the result depends on most (the rest are listed by count).
const TOP: usize = 10;

/// The verdict, the tornado and the provenance.
pub fn robustness_view(r: &RobustnessResult) -> Html {
    let shown: Vec<&AssumptionEffect> = r.effects.iter().take(TOP).collect();
    // Bars and whiskers share one scale, so a whisker never runs off the track.
    let widest = shown
        .iter()
        .map(|e| e.mu_star + e.sigma)
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    let pct = |v: f64| format!("{:.1}%", (100.0 * v / widest).clamp(0.0, 100.0));
    let watched = r
        .top_pattern
        .map_or("the top pattern", |p| pattern_name(backfire_engine::lang::Lang::En, p));
    html! {
        <div class="search-result" data-testid="robustness-result">
            <p class={classes!("robustness-verdict", r.flips.then_some("flips"))} data-testid="robustness-verdict" data-flips={r.flips.to_string()}>{sentence_case(&r.verdict)}</p>
            <p class="muted small">{format!("Effect of each assumption on the level of {watched} (now {:.1}): μ*, the mean size of its effect across its range; the whisker is σ, how much that effect depends on the other assumptions.", r.level)}</p>
            <ol class="tornado" aria-label="assumptions ranked by effect">
                { for shown.iter().map(|e| html! {
                    <li class="tornado-row" data-testid="tornado-bar" data-field={e.field.clone()} data-mu-star={e.mu_star.to_string()}>
                        <span class="tornado-label">{e.label.clone()}</span>
                        <span class="tornado-track">
                            <span class="tornado-bar" style={format!("width:{}", pct(e.mu_star))}></span>
                            <span class="tornado-whisker" style={format!("left:{};width:{}", pct(e.mu_star), pct(e.sigma))}></span>
                        </span>
                        <span class="tornado-value small">{format!("μ* {:.2} · σ {:.2}", e.mu_star, e.sigma)}</span>
                    </li>
                }) }
            </ol>
            if r.effects.len() > TOP {
                <p class="muted small">{format!("{} more assumptions matter less.", r.effects.len() - TOP)}</p>
            }
            {super::provenance(&r.provenance)}
        </div>
    }
}

/// The engine's verdict as a sentence on its own: its first letter upper case ("it flips if …" → "It flips if …").
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
