//! A 1-D sweep as a line: the mean over the seeds at each value, a band from the lowest to the highest run, and
//! the rules on screen as a dashed reference.

use super::heatmap::{cell_keys, labelled, Pointer};
use super::metric::label;
use super::outcome::{raw, Outcome};
use crate::locale::{tr, trf, Lang};
use backfire_engine::sweep::{round_ticks, tick, with_unit, SweepMetric, SweepScale};
use yew::prelude::*;

// Layout in viewBox units.
const W: f64 = 760.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 28.0;
const TOP: f64 = 20.0;
const PLOT_H: f64 = 260.0;
const BOTTOM: f64 = 64.0;

/// Where value `i` of `n` sits across the plot, from 0 to 1: by position on a 1-2-5 axis (each step is the same
/// ratio, so equal spacing is the log scale), by value on a linear one.
pub(super) fn across(o: &Outcome, i: usize, n: usize) -> f64 {
    let x = o.x();
    let v = o.cells.get(i).map_or(0.0, |c| c.x_value);
    match x.scale {
        _ if n <= 1 => 0.5,
        SweepScale::Linear if x.to > x.from => (v - x.from) / (x.to - x.from),
        _ => i as f64 / (n - 1) as f64,
    }
}

/// The line with its band; points are buttons (hover or focus for the numbers, click or Enter to load).
pub(super) fn line(lang: Lang, o: &Outcome, metric: SweepMetric, at: Pointer) -> Html {
    let name = label(lang, metric);
    let n = o.cells.len();
    let bands: Vec<_> = (0..n).map(|i| o.band(metric, i)).collect();
    let current = o.current(metric);
    let (lo, hi) = match metric {
        SweepMetric::Severity(_) => (0.0, 100.0),
        _ => {
            let hi = bands.iter().map(|b| b.hi).fold(current.mean, f64::max);
            (0.0, if hi > 0.0 { hi * 1.05 } else { 1.0 })
        }
    };
    let plot_w = W - LEFT - RIGHT;
    let px = |i: usize| LEFT + plot_w * across(o, i, n);
    let py = |v: f64| TOP + PLOT_H * (1.0 - (v - lo) / (hi - lo));
    let mean_path: Vec<String> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| format!("{:.2},{:.2}", px(i), py(b.mean)))
        .collect();
    let band_path: Vec<String> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| format!("{:.2},{:.2}", px(i), py(b.hi)))
        .chain(
            bands
                .iter()
                .enumerate()
                .rev()
                .map(|(i, b)| format!("{:.2},{:.2}", px(i), py(b.lo))),
        )
        .collect();
    let points: Html = bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (onmouseenter, onclick, onfocus) = at.handlers(i);
            html! {
                <circle class={classes!("sweep-point", (at.hover == Some(i)).then_some("hovered"))} data-testid={format!("sweep-point-{i}")}
                    data-idx={i.to_string()} data-value={raw(b.mean)} data-min={raw(b.lo)} data-max={raw(b.hi)}
                    role="button" tabindex={at.tabindex(i, o.cells.len())}
                    aria-label={format!("{}: {name} {}", o.place(lang, i, tr!(lang, ", ", "，")), tick(b.mean))}
                    cx={format!("{:.2}", px(i))} cy={format!("{:.2}", py(b.mean))} r="7" {onmouseenter} {onclick} {onfocus}>
                    <title>{format!("{}: {}", o.place(lang, i, tr!(lang, ", ", "，")), tick(b.mean))}</title>
                </circle>
            }
        })
        .collect();
    let show = labelled(n as u32, 8);
    let x_ticks: Html = o
        .cells
        .iter()
        .enumerate()
        .filter(|(i, _)| show(*i as u32))
        .map(|(i, c)| {
            let x = px(i);
            html! {
                <g>
                    <line x1={format!("{x:.2}")} x2={format!("{x:.2}")} y1={(TOP + PLOT_H).to_string()} y2={(TOP + PLOT_H + 5.0).to_string()} stroke="#78716c" />
                    <text x={format!("{x:.2}")} y={(TOP + PLOT_H + 20.0).to_string()} text-anchor="middle" font-size="12">{with_unit(c.x_value, o.x().param.unit_in(lang))}</text>
                </g>
            }
        })
        .collect();
    let y_ticks: Html = round_ticks(lo, hi, 5)
        .into_iter()
        .map(|v| {
            let y = py(v);
            html! {
                <g>
                    <line class="grid" x1={LEFT.to_string()} x2={(LEFT + plot_w).to_string()} y1={format!("{y:.2}")} y2={format!("{y:.2}")} stroke="#e7e5e4" />
                    <text x={(LEFT - 8.0).to_string()} y={format!("{:.2}", y + 4.0)} text-anchor="end" font-size="12">{tick(v)}</text>
                </g>
            }
        })
        .collect();
    let cy = py(current.mean);
    let x_title = o.x().param.describe_in(lang, &o.base);
    let title = trf!(lang, "{name} for {x_title}", "{x_title}下的{name}");
    let onmouseleave = at.leave();
    let band_words = if o.spec.seeds > 1 {
        tr!(
            lang,
            "; the band runs from the lowest to the highest seed",
            "；色带从最低的种子延伸到最高的种子"
        )
    } else {
        ""
    };
    let seeds = o.seeds_words(lang);
    let current_words = {
        let v = tick(current.mean);
        trf!(lang, "rules on screen: {v}", "当前规则：{v}")
    };
    html! {
        <figure class="chart sweep-line">
            <figcaption>
                <strong>{name.clone()}</strong>
                <span class="muted small" data-testid="sweep-caption">{trf!(lang, "{seeds}{band_words}; dashed: the rules on screen; click a point to load it", "{seeds}{band_words}；虚线：当前规则；点击一点载入")}</span>
            </figcaption>
            <svg data-testid="sweep-line" viewBox={format!("0 0 {W} {}", TOP + PLOT_H + BOTTOM)} role="group" aria-label={title.clone()} {onmouseleave} onkeydown={cell_keys(o, at.on_pick)}>
                <title>{title}</title>
                {y_ticks}
                <polygon class="sweep-band" data-testid="sweep-band" points={band_path.join(" ")} />
                <polyline class="sweep-mean" points={mean_path.join(" ")} fill="none" />
                <line class="sweep-current" data-testid="sweep-current" data-value={raw(current.mean)} x1={LEFT.to_string()} x2={(LEFT + plot_w).to_string()} y1={format!("{cy:.2}")} y2={format!("{cy:.2}")} />
                <text class="sweep-current-label" x={(LEFT + plot_w).to_string()} y={format!("{:.2}", cy - 6.0)} text-anchor="end" font-size="12">{current_words}</text>
                {points}
                <line x1={LEFT.to_string()} x2={(LEFT + plot_w).to_string()} y1={(TOP + PLOT_H).to_string()} y2={(TOP + PLOT_H).to_string()} stroke="#78716c" />
                {x_ticks}
                <text x={(LEFT + plot_w / 2.0).to_string()} y={(TOP + PLOT_H + 44.0).to_string()} text-anchor="middle" font-size="13" font-weight="600">{x_title}</text>
            </svg>
        </figure>
    }
}
