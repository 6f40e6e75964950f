//! "Harm vs honest cost": each cell as a point, what honest users pay across and the harm up, the rules on screen marked.
//!
//! Honest cost is what the report and Why call it: honest users refused by a rule (exclusion) or honest engagement
//! on genuine posts lost against the rules on screen (Why's "lowers honest engagement by 5 %").

use super::heatmap::{cell_keys, Pointer};
use super::metric::label;
use super::outcome::{raw, Band, Outcome};
use crate::locale::{tr, trf, Lang};
use backfire_engine::sweep::{round_ticks, tick, SweepMetric};
use backfire_engine::PatternId;
use yew::prelude::*;

/// What the scatter puts across as honest users' cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    /// Times an honest user wanted to act and a rule refused them.
    Refused,
    /// Honest engagement lost against the rules on screen, in percent (negative: gained).
    EngagementLost,
}

impl Cost {
    /// Both, in the select's order.
    pub const ALL: [Cost; 2] = [Cost::Refused, Cost::EngagementLost];

    /// The select's value.
    pub fn id(self) -> &'static str {
        match self {
            Cost::Refused => "refused",
            Cost::EngagementLost => "engagement",
        }
    }

    /// What a designer reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Cost::Refused => tr!(lang, "Honest users refused (times)", "诚实用户被拒（次）"),
            Cost::EngagementLost => tr!(
                lang,
                "Honest engagement lost vs the rules on screen (%; below 0: gained)",
                "相对当前规则损失的诚实互动（%；低于 0 为增加）"
            ),
        }
    }

    /// The cost in a band of runs, against the rules on screen.
    fn of(self, o: &Outcome, runs: Option<usize>) -> f64 {
        let pick = |m: SweepMetric| runs.map_or_else(|| o.current(m), |i| o.band(m, i)).mean;
        match self {
            Cost::Refused => pick(SweepMetric::Incidents(PatternId::Exclusion)),
            Cost::EngagementLost => {
                let base = o.current(SweepMetric::Engagement).mean;
                if base > 0.0 {
                    100.0 * (base - pick(SweepMetric::Engagement)) / base
                } else {
                    0.0
                }
            }
        }
    }
}

/// The harm the scatter puts up: the chosen metric when it is a harm, else all abuse incidents.
pub fn harm(metric: SweepMetric) -> SweepMetric {
    if metric.is_harm() {
        metric
    } else {
        SweepMetric::AbuseIncidents
    }
}

// Layout in viewBox units.
const W: f64 = 760.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 28.0;
const TOP: f64 = 20.0;
const PLOT_H: f64 = 320.0;
const BOTTOM: f64 = 64.0;

/// A value range padded by a twentieth each side, so points do not sit on the frame.
fn padded(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let pad = if hi > lo { (hi - lo) / 20.0 } else { 1.0 };
    (lo - pad, hi + pad)
}

/// The scatter: one point per cell, the rules on screen as a ringed point.
pub(super) fn scatter(lang: Lang, o: &Outcome, metric: SweepMetric, cost: Cost, at: Pointer) -> Html {
    let harm = harm(metric);
    let n = o.cells.len();
    let points: Vec<(f64, f64)> = (0..n).map(|i| (cost.of(o, Some(i)), o.band(harm, i).mean)).collect();
    let here: (f64, f64) = (cost.of(o, None), Band::of(harm, &o.current).mean);
    let (x_lo, x_hi) = padded(points.iter().chain([&here]).map(|p| p.0));
    let (y_lo, y_hi) = padded(points.iter().chain([&here]).map(|p| p.1));
    let plot_w = W - LEFT - RIGHT;
    let px = |v: f64| LEFT + plot_w * (v - x_lo) / (x_hi - x_lo);
    let py = |v: f64| TOP + PLOT_H * (1.0 - (v - y_lo) / (y_hi - y_lo));
    let dots: Html = points
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| {
            let (onmouseenter, onclick, onfocus) = at.handlers(i);
            html! {
                <circle class={classes!("sweep-dot", (at.hover == Some(i)).then_some("hovered"))} data-testid={format!("sweep-dot-{i}")}
                    data-idx={i.to_string()} data-cost={raw(x)} data-harm={raw(y)} role="button" tabindex={at.tabindex(i, o.cells.len())}
                    aria-label={format!("{}: {} {}, {} {}", o.place(lang, i, tr!(lang, ", ", "，")), cost.label(lang), tick(x), label(lang, harm), tick(y))}
                    cx={format!("{:.2}", px(x))} cy={format!("{:.2}", py(y))} r="7" {onmouseenter} {onclick} {onfocus}>
                    <title>{o.place(lang, i, tr!(lang, ", ", "，"))}</title>
                </circle>
            }
        })
        .collect();
    let x_ticks: Html = round_ticks(x_lo, x_hi, 6)
        .into_iter()
        .map(|v| {
            let x = px(v);
            html! {
                <g>
                    <line x1={format!("{x:.2}")} x2={format!("{x:.2}")} y1={TOP.to_string()} y2={(TOP + PLOT_H).to_string()} stroke="#e7e5e4" />
                    <text x={format!("{x:.2}")} y={(TOP + PLOT_H + 20.0).to_string()} text-anchor="middle" font-size="12">{tick(v)}</text>
                </g>
            }
        })
        .collect();
    let y_ticks: Html = round_ticks(y_lo, y_hi, 5)
        .into_iter()
        .map(|v| {
            let y = py(v);
            html! {
                <g>
                    <line x1={LEFT.to_string()} x2={(LEFT + plot_w).to_string()} y1={format!("{y:.2}")} y2={format!("{y:.2}")} stroke="#e7e5e4" />
                    <text x={(LEFT - 8.0).to_string()} y={format!("{:.2}", y + 4.0)} text-anchor="end" font-size="12">{tick(v)}</text>
                </g>
            }
        })
        .collect();
    let y_mid = TOP + PLOT_H / 2.0;
    let right = px(here.0) > LEFT + plot_w / 2.0;
    let (harm_name, cost_name) = (label(lang, harm), cost.label(lang));
    let title = trf!(lang, "{harm_name} against {cost_name}", "{harm_name}对比{cost_name}");
    let seeds = o.seeds_words(lang);
    let onmouseleave = at.leave();
    html! {
        <figure class="chart sweep-scatter">
            <figcaption>
                <strong>{tr!(lang, "Harm vs honest cost", "危害与诚实成本")}</strong>
                <span class="muted small" data-testid="sweep-caption">{trf!(lang, "{seeds}; lower left is better; the ringed point is the rules on screen; click a point to load it", "{seeds}；越靠左下越好；带圈的点是当前规则；点击一点载入")}</span>
            </figcaption>
            <svg data-testid="sweep-scatter" viewBox={format!("0 0 {W} {}", TOP + PLOT_H + BOTTOM)} role="group" aria-label={title.clone()} {onmouseleave} onkeydown={cell_keys(o, at.on_pick)}>
                <title>{title}</title>
                {x_ticks}{y_ticks}
                <line x1={LEFT.to_string()} x2={(LEFT + plot_w).to_string()} y1={(TOP + PLOT_H).to_string()} y2={(TOP + PLOT_H).to_string()} stroke="#78716c" />
                <line x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(TOP + PLOT_H).to_string()} stroke="#78716c" />
                <circle class="sweep-here" data-testid="sweep-dot-current" data-cost={raw(here.0)} data-harm={raw(here.1)} cx={format!("{:.2}", px(here.0))} cy={format!("{:.2}", py(here.1))} r="11" />
                // The label sits on the side of the ring with room for it.
                <text class="sweep-here-label" x={format!("{:.2}", if right { px(here.0) - 14.0 } else { px(here.0) + 14.0 })} y={format!("{:.2}", py(here.1) - 10.0)}
                    text-anchor={if right { "end" } else { "start" }} font-size="12">{tr!(lang, "rules on screen", "当前规则")}</text>
                {dots}
                <text x={(LEFT + plot_w / 2.0).to_string()} y={(TOP + PLOT_H + 44.0).to_string()} text-anchor="middle" font-size="13" font-weight="600">{cost_name}</text>
                <text x="16" y={y_mid.to_string()} transform={format!("rotate(-90 16 {y_mid})")} text-anchor="middle" font-size="13" font-weight="600">{harm_name.clone()}</text>
            </svg>
        </figure>
    }
}
