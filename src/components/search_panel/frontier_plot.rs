//! The fix frontier as a scatter plot: honest cost across, harm up, the frontier's points joined and the current
//! configuration marked; hovering or focusing a point says what changed, clicking or Enter loads it.

use backfire_engine::search::frontier::{FrontierPoint, FrontierResult};
use backfire_engine::words::pattern_name;
use backfire_engine::Scenario;
use std::rc::Rc;
use yew::prelude::*;

/// The plot's drawing size in SVG units (it scales to the panel's width).
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
/// Room for the axes' labels: left, right, top, bottom.
const MARGIN: (f64, f64, f64, f64) = (84.0, 16.0, 12.0, 40.0);

/// Props of [`FrontierPlot`].
#[derive(Properties, PartialEq, Clone)]
pub struct FrontierPlotProps {
    /// The frontier found.
    pub result: Rc<FrontierResult>,
    /// Loads a point's scenario as one undoable edit.
    pub on_load: Callback<Scenario>,
}

/// Maps data to the plot: `(lo, hi)` of each axis, padded so that no point sits on the frame.
struct Scale {
    x: (f64, f64),
    y: (f64, f64),
}

impl Scale {
    fn of(points: &[&FrontierPoint]) -> Scale {
        let span = |f: &dyn Fn(&FrontierPoint) -> f64| {
            let lo = points.iter().map(|p| f(p)).fold(f64::INFINITY, f64::min);
            let hi = points.iter().map(|p| f(p)).fold(f64::NEG_INFINITY, f64::max);
            let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
            let pad = ((hi - lo) * 0.08).max(0.5);
            ((lo - pad).max(0.0), hi + pad)
        };
        Scale {
            x: span(&|p| p.honest_cost),
            y: span(&|p| p.harm),
        }
    }

    fn at(&self, p: &FrontierPoint) -> (f64, f64) {
        let (l, r, t, b) = MARGIN;
        let fx = (p.honest_cost - self.x.0) / (self.x.1 - self.x.0);
        let fy = (p.harm - self.y.0) / (self.y.1 - self.y.0);
        (l + fx * (WIDTH - l - r), HEIGHT - b - fy * (HEIGHT - t - b))
    }
}

/// The scatter plot and the line under it naming the point hovered.
#[function_component]
pub fn FrontierPlot(props: &FrontierPlotProps) -> Html {
    let hovered = use_state(|| None::<usize>);
    let r = &props.result;
    let all: Vec<&FrontierPoint> = r.frontier.iter().chain(r.input.iter()).collect();
    let scale = Scale::of(&all);
    // The frontier is least harm first, so most cost first: joined in that order it is one stepped line.
    let line: Vec<String> = r
        .frontier
        .iter()
        .map(|p| {
            let (x, y) = scale.at(p);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let harm = r.harm.map_or("overall prevalence (per 10,000 views)", |p| {
        pattern_name(backfire_engine::lang::Lang::En, p)
    });
    let (l, right, t, b) = MARGIN;
    let shown = (*hovered).and_then(|i| r.frontier.get(i));
    html! {
        <div class="search-result" data-testid="frontier-result">
            <svg class="frontier-plot" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="group" aria-label="fix frontier: harm against honest cost">
                <line class="axis" x1={l.to_string()} y1={(HEIGHT - b).to_string()} x2={(WIDTH - right).to_string()} y2={(HEIGHT - b).to_string()} />
                <line class="axis" x1={l.to_string()} y1={t.to_string()} x2={l.to_string()} y2={(HEIGHT - b).to_string()} />
                <text class="axis-label" x={((l + WIDTH - right) / 2.0).to_string()} y={(HEIGHT - 8.0).to_string()} text-anchor="middle">
                    {format!("honest cost per 10,000 ({:.1} – {:.1})", scale.x.0, scale.x.1)}</text>
                <text class="axis-label" x="12" y={((t + HEIGHT - b) / 2.0).to_string()} text-anchor="middle"
                    transform={format!("rotate(-90 12 {})", (t + HEIGHT - b) / 2.0)}>{format!("harm: {harm}")}</text>
                <text class="axis-label" x={(l - 4.0).to_string()} y={(t + 10.0).to_string()} text-anchor="end">{format!("{:.1}", scale.y.1)}</text>
                <text class="axis-label" x={(l - 4.0).to_string()} y={(HEIGHT - b).to_string()} text-anchor="end">{format!("{:.1}", scale.y.0)}</text>
                <polyline class="frontier-line" points={line.join(" ")} />
                if let Some(p) = &r.input {
                    { current(&scale, p) }
                }
                { for r.frontier.iter().enumerate().map(|(i, p)| point(&scale, i, p, &hovered, &props.on_load)) }
            </svg>
            <p class="frontier-hover" data-testid="frontier-hover" aria-live="polite">
                { match shown {
                    Some(p) => format!("{} — harm {:.1}, honest cost {:.1} (press Enter or click to load it)", p.change, p.harm, p.honest_cost),
                    None => String::from("Hover over or tab to a point to see what changed; click it to load it."),
                } }
            </p>
            <p class="muted small">{format!("{} points on the frontier of {} fixes judged; the ring is the rules on screen.", r.frontier.len(), r.fixes_judged)}</p>
            {super::provenance(&r.provenance)}
        </div>
    }
}

/// The current configuration: a ring, not a button (it is already loaded).
fn current(scale: &Scale, p: &FrontierPoint) -> Html {
    let (x, y) = scale.at(p);
    html! {
        <g data-testid="frontier-current">
            <circle class="frontier-current" cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="9" />
            <text class="axis-label" x={format!("{:.1}", x + 12.0)} y={format!("{:.1}", y + 4.0)}>{"now"}</text>
        </g>
    }
}

/// One frontier point: hover or focus names it, click or Enter loads it.
fn point(
    scale: &Scale,
    i: usize,
    p: &FrontierPoint,
    hovered: &UseStateHandle<Option<usize>>,
    on_load: &Callback<Scenario>,
) -> Html {
    let (x, y) = scale.at(p);
    let show = {
        let hovered = hovered.clone();
        Callback::from(move |_: ()| hovered.set(Some(i)))
    };
    let load = {
        let (s, on_load) = (p.scenario.clone(), on_load.clone());
        Callback::from(move |_: ()| on_load.emit(s.clone()))
    };
    let onkeydown = {
        let load = load.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                load.emit(());
            }
        })
    };
    html! {
        <circle class={classes!("frontier-point", (**hovered == Some(i)).then_some("hovered"))} data-testid={format!("frontier-point-{i}")}
            cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="6" tabindex="0" role="button"
            aria-label={format!("{}: harm {:.1}, honest cost {:.1}", p.change, p.harm, p.honest_cost)}
            onmouseenter={show.reform(|_: MouseEvent| ())} onfocus={show.reform(|_: FocusEvent| ())}
            onclick={load.reform(|_: MouseEvent| ())} {onkeydown} />
    }
}
