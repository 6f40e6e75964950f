//! The sweep's heatmap: cells coloured by a metric (the mean over the seeds), axes in the rules' units, a legend,
//! and the keyboard moves its line and scatter share.

use super::metric::{label, ramp, scale};
use super::outcome::{raw, Outcome};
use crate::components::line_chart::compact;
use crate::locale::{tr, trf, Lang};
use backfire_engine::sweep::{tick, with_unit, SweepMetric};
use yew::prelude::*;

/// The colour at `t` (0–1) along a ramp of evenly spaced stops, as `rgb(…)`.
pub fn colour(stops: &[(u8, u8, u8)], t: f64) -> String {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let segments = stops.len().saturating_sub(1).max(1);
    let pos = t * segments as f64;
    let i = (pos.floor() as usize).min(segments - 1);
    let f = pos - i as f64;
    let (Some(a), Some(b)) = (stops.get(i), stops.get(i + 1).or(stops.get(i))) else {
        return "rgb(128,128,128)".into();
    };
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    format!("rgb({},{},{})", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

// Layout of the heatmap in viewBox units.
const W: f64 = 760.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 120.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 64.0;
const PLOT_H_2D: f64 = 380.0;
const PLOT_H_1D: f64 = 72.0;
const LEGEND_H_MIN: f64 = 150.0;

/// Every `k`-th index so at most about `most` labels show on an axis of `n` values; the last shows
/// too unless it would sit closer than two thirds of the spacing to the label before it.
pub(super) fn labelled(n: u32, most: u32) -> impl Fn(u32) -> bool {
    let k = n.div_ceil(most.max(1)).max(1);
    let last = n.saturating_sub(1);
    move |i| i % k == 0 || (i == last && 3 * (last % k) >= 2 * k)
}

/// The cell an arrow key moves to from `(x, y)` on an `nx` × `ny` grid (row 0 at the bottom, so Up is +1),
/// or `None` for a key that does not move; moves stop at the edges.
pub(super) fn step(key: &str, (x, y): (u32, u32), nx: u32, ny: u32) -> Option<(u32, u32)> {
    let last_x = nx.saturating_sub(1);
    let last_y = ny.saturating_sub(1);
    Some(match key {
        "ArrowRight" => ((x + 1).min(last_x), y),
        "ArrowLeft" => (x.saturating_sub(1), y),
        "ArrowUp" => (x, (y + 1).min(last_y)),
        "ArrowDown" => (x, y.saturating_sub(1)),
        "Home" => (0, y),
        "End" => (last_x, y),
        _ => return None,
    })
}

/// How the designer points at cells, shared by the heatmap, the line and the scatter: the hovered cell, the one
/// tab stop, and what hovering and picking do.
#[derive(Clone, Copy)]
pub(super) struct Pointer<'a> {
    /// The cell under the pointer or focus.
    pub hover: Option<usize>,
    /// The cell holding the one tab stop.
    pub active: usize,
    /// Hovering or focusing a cell (`None`: the pointer left).
    pub on_hover: &'a Callback<Option<usize>>,
    /// Clicking a cell, or Enter on it: load it.
    pub on_pick: &'a Callback<usize>,
}

impl Pointer<'_> {
    /// The tab index of cell `i` among `n`: one tab stop for the whole chart.
    pub fn tabindex(&self, i: usize, n: usize) -> &'static str {
        let active = if self.active < n { self.active } else { 0 };
        if i == active {
            "0"
        } else {
            "-1"
        }
    }

    /// The mouse-enter, click and focus handlers of cell `i`.
    pub fn handlers(&self, i: usize) -> (Callback<MouseEvent>, Callback<MouseEvent>, Callback<FocusEvent>) {
        (
            self.on_hover.reform(move |_: MouseEvent| Some(i)),
            self.on_pick.reform(move |_: MouseEvent| i),
            self.on_hover.reform(move |_: FocusEvent| Some(i)),
        )
    }

    /// The chart's mouse-leave handler.
    pub fn leave(&self) -> Callback<MouseEvent> {
        self.on_hover.reform(|_: MouseEvent| None)
    }
}

/// Keyboard use of the grid (and of the line's and scatter's points, which carry the same `data-idx`): one tab stop (the active cell), arrows move focus between cells, and Enter
/// or Space loads the focused cell as a click does.
pub(super) fn cell_keys(o: &Outcome, on_pick: &Callback<usize>) -> Callback<KeyboardEvent> {
    use wasm_bindgen::JsCast;
    let positions: Vec<(u32, u32)> = o.cells.iter().map(|c| (c.x_idx, c.y_idx)).collect();
    let (nx, ny) = (o.nx(), o.ny());
    let on_pick = on_pick.clone();
    Callback::from(move |e: KeyboardEvent| {
        // The focused cell says which it is, so keys pressed faster than the page redraws still count.
        let Some(cell) = e.target().and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok()) else {
            return;
        };
        let Some(i) = cell.get_attribute("data-idx").and_then(|v| v.parse::<usize>().ok()) else {
            return;
        };
        let key = e.key();
        if key == "Enter" || key == " " {
            e.prevent_default();
            on_pick.emit(i);
            return;
        }
        let Some(to) = positions.get(i).and_then(|&at| step(&key, at, nx, ny)) else {
            return;
        };
        e.prevent_default();
        let next = positions.iter().position(|p| *p == to);
        let target = next.and_then(|j| {
            let svg = e.current_target()?.dyn_into::<web_sys::Element>().ok()?;
            svg.query_selector(&format!("[data-idx=\"{j}\"]")).ok().flatten()
        });
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok()) {
            let _ = el.focus();
        }
    })
}

/// The heatmap: cells coloured by the metric, axes in the rules' units, a legend, hover and click, and
/// the keyboard (one tab stop at `active`; focusing a cell shows its numbers as hovering does).
pub(super) fn heatmap(lang: Lang, o: &Outcome, metric: SweepMetric, at: Pointer) -> Html {
    let name = label(lang, metric);
    let (nx, ny) = (o.nx(), o.ny());
    let plot_w = W - LEFT - RIGHT;
    let plot_h = if o.spec.y.is_some() { PLOT_H_2D } else { PLOT_H_1D };
    let legend_h = plot_h.max(LEGEND_H_MIN);
    let h = TOP + legend_h + BOTTOM;
    let cw = plot_w / f64::from(nx);
    let ch = plot_h / f64::from(ny);
    // Row 0 sits at the bottom, so values grow upwards as on any chart.
    let cell_x = |x_idx: u32| LEFT + cw * f64::from(x_idx);
    let cell_y = |y_idx: u32| TOP + plot_h - ch * f64::from(y_idx + 1);
    let values: Vec<f64> = (0..o.cells.len()).map(|i| o.band(metric, i).mean).collect();
    let (lo, hi) = scale(metric, &values);
    let t_of = |v: f64| (v - lo) / (hi - lo);
    let ramp = ramp(metric);
    let write_values = nx <= 10 && ny <= 10;
    let cells: Html = o
        .cells
        .iter()
        .zip(values.iter())
        .enumerate()
        .map(|(i, (c, &v))| {
            let t = t_of(v);
            let (onmouseenter, onclick, onfocus) = at.handlers(i);
            let (x, y) = (cell_x(c.x_idx), cell_y(c.y_idx));
            let hovered = at.hover == Some(i);
            let place = o.place(lang, i, tr!(lang, ", ", "，"));
            html! {
                <g>
                    <rect class={classes!("sweep-cell", hovered.then_some("hovered"))} data-testid={format!("sweep-cell-{}-{}", c.x_idx, c.y_idx)}
                        data-idx={i.to_string()} role="button" tabindex={at.tabindex(i, o.cells.len())}
                        aria-label={format!("{place}: {name} {}", tick(v))}
                        data-value={raw(v)} x={format!("{x:.2}")} y={format!("{y:.2}")} width={format!("{:.2}", cw)} height={format!("{:.2}", ch)}
                        fill={colour(ramp, t)} {onmouseenter} {onclick} {onfocus}>
                        <title>{format!("{name}: {}", tick(v))}</title>
                    </rect>
                    if write_values {
                        <text class={classes!("cell-value", (t > 0.55).then_some("on-dark"))} x={format!("{:.2}", x + cw / 2.0)} y={format!("{:.2}", y + ch / 2.0 + 5.0)} text-anchor="middle" font-size="14">{compact(v)}</text>
                    }
                </g>
            }
        })
        .collect();
    let show_x = labelled(nx, 8);
    let x_ticks: Html = o
        .x()
        .values()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| show_x(*i as u32))
        .map(|(i, v)| {
            let cx = cell_x(i as u32) + cw / 2.0;
            html! {
                <g>
                    <line x1={format!("{cx:.2}")} x2={format!("{cx:.2}")} y1={(TOP + plot_h).to_string()} y2={(TOP + plot_h + 5.0).to_string()} stroke="#78716c" />
                    <text x={format!("{cx:.2}")} y={(TOP + plot_h + 20.0).to_string()} text-anchor="middle" font-size="12">{with_unit(v, o.x().param.unit_in(lang))}</text>
                </g>
            }
        })
        .collect();
    let y_ticks: Html = match o.spec.y {
        Some(axis) => {
            let show_y = labelled(ny, 10);
            axis.values()
                .into_iter()
                .enumerate()
                .filter(|(i, _)| show_y(*i as u32))
                .map(|(i, v)| {
                    let cy = cell_y(i as u32) + ch / 2.0;
                    html! {
                        <g>
                            <line x1={(LEFT - 5.0).to_string()} x2={LEFT.to_string()} y1={format!("{cy:.2}")} y2={format!("{cy:.2}")} stroke="#78716c" />
                            <text x={(LEFT - 8.0).to_string()} y={format!("{:.2}", cy + 4.0)} text-anchor="end" font-size="12">{with_unit(v, axis.param.unit_in(lang))}</text>
                        </g>
                    }
                })
                .collect()
        }
        None => Html::default(),
    };
    // The hovered cell's outline is drawn last, so its neighbours do not cover half of it.
    let outline = at.hover.and_then(|i| o.cells.get(i)).map(|c| {
        html! { <rect class="sweep-outline" x={format!("{:.2}", cell_x(c.x_idx))} y={format!("{:.2}", cell_y(c.y_idx))} width={format!("{cw:.2}")} height={format!("{ch:.2}")} fill="none" stroke="#1c1f24" stroke-width="2.5" pointer-events="none" /> }
    });
    let x_title = o.x().param.describe_in(lang, &o.base);
    let y_title = o.spec.y.map(|a| a.param.describe_in(lang, &o.base));
    let y_mid = TOP + plot_h / 2.0;
    // The legend: a bar of discrete steps, lowest at the bottom, labelled at both ends and the middle.
    const LEGEND_STEPS: u32 = 20;
    let lx = W - RIGHT + 28.0;
    let seg = legend_h / f64::from(LEGEND_STEPS);
    let legend: Html = (0..LEGEND_STEPS)
        .map(|k| {
            let t = (f64::from(k) + 0.5) / f64::from(LEGEND_STEPS);
            let y = TOP + legend_h - seg * f64::from(k + 1);
            html! { <rect x={lx.to_string()} y={format!("{y:.2}")} width="18" height={format!("{:.2}", seg + 0.5)} fill={colour(ramp, t)} /> }
        })
        .collect();
    let legend_labels: Html = [(0.0, lo), (0.5, (lo + hi) / 2.0), (1.0, hi)]
        .into_iter()
        .map(|(t, v)| {
            let y = TOP + legend_h * (1.0 - t) + 4.0;
            html! { <text x={(lx + 24.0).to_string()} y={format!("{y:.2}")} font-size="12">{compact(v)}</text> }
        })
        .collect();
    let title = match &y_title {
        Some(yt) => trf!(
            lang,
            "{name} for {x_title} (across) and {yt} (up)",
            "{x_title}（横向）与{yt}（纵向）下的{name}"
        ),
        None => trf!(lang, "{name} for {x_title}", "{x_title}下的{name}"),
    };
    let seeds = o.seeds_words(lang);
    let onmouseleave = at.leave();
    html! {
        <figure class="chart heatmap">
            <figcaption><strong>{name.clone()}</strong><span class="muted small" data-testid="sweep-caption">{trf!(lang, "{seeds}; darker is more; click a cell to load it (or Tab to the grid, arrows to move, Enter to load)", "{seeds}；颜色越深数值越大；点击一格载入（或用 Tab 移到网格，方向键移动，Enter 载入）")}</span></figcaption>
            // A group, not an image: its cells are buttons (arrow keys move between them).
            <svg data-testid="sweep-heatmap" viewBox={format!("0 0 {W} {h}")} role="group" aria-label={title.clone()} {onmouseleave} onkeydown={cell_keys(o, at.on_pick)} preserveAspectRatio="xMidYMid meet">
                <title>{title}</title>
                {cells}
                {outline}
                <line x1={LEFT.to_string()} x2={(LEFT + plot_w).to_string()} y1={(TOP + plot_h).to_string()} y2={(TOP + plot_h).to_string()} stroke="#78716c" />
                {x_ticks}{y_ticks}
                <text x={(LEFT + plot_w / 2.0).to_string()} y={(TOP + plot_h + 44.0).to_string()} text-anchor="middle" font-size="13" font-weight="600">{x_title}</text>
                if let Some(yt) = y_title {
                    <line x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(TOP + plot_h).to_string()} stroke="#78716c" />
                    <text x="16" y={y_mid.to_string()} transform={format!("rotate(-90 16 {y_mid})")} text-anchor="middle" font-size="13" font-weight="600">{yt}</text>
                }
                {legend}{legend_labels}
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_run_along_the_ramp_and_never_panic() {
        let ramp = [(0, 0, 0), (200, 100, 0)];
        assert_eq!(colour(&ramp, 0.0), "rgb(0,0,0)");
        assert_eq!(colour(&ramp, 0.5), "rgb(100,50,0)");
        assert_eq!(colour(&ramp, 7.0), "rgb(200,100,0)");
        assert_eq!(colour(&ramp, f64::NAN), "rgb(0,0,0)");
        assert_eq!(colour(&[], 0.5), "rgb(128,128,128)");
        assert_eq!(colour(&[(9, 9, 9)], 0.5), "rgb(9,9,9)");
    }

    #[test]
    fn arrows_move_one_cell_and_stop_at_the_edges() {
        assert_eq!(step("ArrowRight", (0, 0), 3, 2), Some((1, 0)));
        assert_eq!(step("ArrowRight", (2, 0), 3, 2), Some((2, 0)));
        assert_eq!(step("ArrowUp", (1, 0), 3, 2), Some((1, 1)), "row 0 is at the bottom");
        assert_eq!(step("ArrowUp", (1, 1), 3, 2), Some((1, 1)));
        assert_eq!(step("ArrowDown", (1, 0), 3, 2), Some((1, 0)));
        assert_eq!(step("ArrowLeft", (0, 1), 3, 2), Some((0, 1)));
        assert_eq!(step("End", (0, 1), 3, 2), Some((2, 1)));
        assert_eq!(step("Home", (2, 1), 3, 2), Some((0, 1)));
        assert_eq!(step("a", (0, 0), 3, 2), None);
    }

    #[test]
    fn labels_thin_out_on_long_axes() {
        let show = labelled(20, 8);
        assert!(
            show(0) && show(3) && !show(1) && show(18) && !show(19),
            "19 would crowd 18"
        );
        let show = labelled(18, 8);
        assert!(show(15) && !show(16) && show(17), "17 is far enough from 15");
        let show = labelled(3, 8);
        assert!(show(0) && show(1) && show(2));
    }
}
