//! Sweep one or two numeric rules across their ranges on the worker pool, drawn as a heatmap.

use crate::components::field::trim_number;
use crate::components::line_chart::compact;
use crate::pool::{BatchProgress, Pool};
use crate::sim_worker::{Job, JobResult};
use crate::view_model::{group, level_class, pattern_name, yuan};
use backfire_engine::sweep::{grid, CellSummary, SweepAxis, SweepCell, SweepParam};
use backfire_engine::{validate, Level, PatternId, Scenario, Severity};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Most values on one axis (a 20 × 20 grid is 400 runs).
pub const STEPS_MAX: u32 = 20;
/// Values on a fresh axis.
const STEPS_DEFAULT: u32 = 10;

/// Props of [`SweepPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct SweepPanelProps {
    /// The scenario swept.
    pub scenario: Scenario,
    /// The worker pool that runs the cells.
    pub pool: Pool,
    /// Loads a cell's configuration as an undoable edit.
    pub on_load: Callback<Scenario>,
}

/// Every kind of sweepable rule, by the id the select uses (the engine's serde tag).
const KINDS: [&str; 10] = [
    "comment_credit_threshold",
    "tip_ceiling_yuan",
    "tip_floor_yuan",
    "daily_tip_cap_yuan",
    "review_delay_hours",
    "reviews_per_day_per10k",
    "classifier_recall_percent",
    "fee_permille",
    "forged_document_yuan",
    "credit_point_price_yuan",
];

/// The rule of kind `kind` in `circle_idx` (ignored by platform rules).
fn param_of(kind: &str, circle_idx: Option<u32>) -> Option<SweepParam> {
    Some(match kind {
        "comment_credit_threshold" => SweepParam::CommentCreditThreshold { circle_idx },
        "tip_ceiling_yuan" => SweepParam::TipCeilingYuan { circle_idx },
        "tip_floor_yuan" => SweepParam::TipFloorYuan { circle_idx },
        "daily_tip_cap_yuan" => SweepParam::DailyTipCapYuan { circle_idx },
        "review_delay_hours" => SweepParam::ReviewDelayHours { circle_idx },
        "reviews_per_day_per10k" => SweepParam::ReviewsPerDayPer10k { circle_idx },
        "classifier_recall_percent" => SweepParam::ClassifierRecallPercent { circle_idx },
        "fee_permille" => SweepParam::FeePermille { circle_idx },
        "forged_document_yuan" => SweepParam::ForgedDocumentYuan,
        "credit_point_price_yuan" => SweepParam::CreditPointPriceYuan,
        _ => return None,
    })
}

/// The select id of a rule's kind.
fn kind_of(p: &SweepParam) -> &'static str {
    match p {
        SweepParam::CommentCreditThreshold { .. } => "comment_credit_threshold",
        SweepParam::TipCeilingYuan { .. } => "tip_ceiling_yuan",
        SweepParam::TipFloorYuan { .. } => "tip_floor_yuan",
        SweepParam::DailyTipCapYuan { .. } => "daily_tip_cap_yuan",
        SweepParam::ReviewDelayHours { .. } => "review_delay_hours",
        SweepParam::ReviewsPerDayPer10k { .. } => "reviews_per_day_per10k",
        SweepParam::ClassifierRecallPercent { .. } => "classifier_recall_percent",
        SweepParam::FeePermille { .. } => "fee_permille",
        SweepParam::ForgedDocumentYuan => "forged_document_yuan",
        SweepParam::CreditPointPriceYuan => "credit_point_price_yuan",
    }
}

/// Whether a rule lives in circles (and so takes a circle choice).
fn per_circle(p: &SweepParam) -> bool {
    !matches!(
        p,
        SweepParam::ForgedDocumentYuan | SweepParam::CreditPointPriceYuan
    )
}

/// A value with its unit, e.g. "¥5", "650 points", "12 h".
pub fn with_unit(v: f64, unit: &str) -> String {
    if unit == "¥" {
        format!("¥{}", tick(v))
    } else {
        format!("{} {unit}", tick(v))
    }
}

/// A short tick label: whole numbers as they are, fractions to at most two decimals, large numbers compacted.
pub fn tick(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        compact(v)
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// What is wrong with each field of an axis, as sentences shown beside them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AxisIssues {
    /// About the first value.
    pub from: Option<String>,
    /// About the last value (including a last value below the first).
    pub to: Option<String>,
    /// About the number of values.
    pub steps: Option<String>,
}

/// One axis as typed: the rule and its fields' text, kept verbatim so a typo is never lost.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisForm {
    /// The rule moved (with its circle).
    pub param: SweepParam,
    /// Text of the first value.
    pub from: String,
    /// Text of the last value.
    pub to: String,
    /// Text of the number of values.
    pub steps: String,
}

impl AxisForm {
    /// A fresh axis over the rule's whole range.
    pub fn new(param: SweepParam) -> Self {
        let (lo, hi) = param.range();
        AxisForm {
            param,
            from: trim_number(lo),
            to: trim_number(hi),
            steps: STEPS_DEFAULT.to_string(),
        }
    }

    /// The form for a scenario of `n_circles` circles: a circle removed since it was chosen falls
    /// back to every circle, rather than sweeping a rule that no longer exists.
    pub fn in_circles(&self, n_circles: u32) -> AxisForm {
        match self.param.circle_idx() {
            Some(i) if i >= n_circles => AxisForm {
                param: param_of(kind_of(&self.param), None).unwrap_or(self.param),
                ..self.clone()
            },
            _ => self.clone(),
        }
    }

    /// The axis, or what is wrong with each field (every problem at once).
    pub fn check(&self) -> Result<SweepAxis, AxisIssues> {
        let (lo, hi) = self.param.range();
        let number = |text: &str| -> Result<f64, String> {
            let t = text.trim();
            match t.parse::<f64>() {
                _ if t.is_empty() => {
                    Err(format!("enter a number from {} to {}", tick(lo), tick(hi)))
                }
                Ok(v) if !v.is_finite() => Err(format!("`{t}` is not a number")),
                Ok(v) if v < lo || v > hi => Err(format!(
                    "`{t}` is out of range: enter {} to {}",
                    tick(lo),
                    tick(hi)
                )),
                Ok(v) => Ok(v),
                Err(_) => Err(format!("`{t}` is not a number")),
            }
        };
        let from = number(&self.from);
        let mut to = number(&self.to);
        if let (Ok(f), Ok(t)) = (&from, &to) {
            if f > t {
                to = Err(format!("must be at least the first value ({})", tick(*f)));
            }
        }
        let steps = match self.steps.trim().parse::<u32>() {
            Ok(0) => Err("enter at least 1 step".to_string()),
            Ok(n) if n > STEPS_MAX => Err(format!("`{n}` is too many: at most {STEPS_MAX} steps")),
            Ok(n) => Ok(n),
            Err(_) => Err(format!(
                "`{}` is not a whole number from 1 to {STEPS_MAX}",
                self.steps.trim()
            )),
        };
        match (from, to, steps) {
            (Ok(from), Ok(to), Ok(steps)) => Ok(SweepAxis {
                param: self.param,
                from,
                to,
                steps,
            }),
            (from, to, steps) => Err(AxisIssues {
                from: from.err(),
                to: to.err(),
                steps: steps.err(),
            }),
        }
    }
}

/// What the heatmap colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Metric {
    /// A pattern's severity (0–100).
    Severity(PatternId),
    /// Honest engagement (genuine posts plus honest interactions).
    Engagement,
    /// Money tipped, in yuan.
    TipVolume,
}

impl Metric {
    /// Every metric, in the select's order.
    pub fn all() -> Vec<Metric> {
        PatternId::ALL
            .iter()
            .map(|&p| Metric::Severity(p))
            .chain([Metric::Engagement, Metric::TipVolume])
            .collect()
    }

    /// The select's value, e.g. `severity:solicitation`.
    pub fn id(self) -> String {
        match self {
            Metric::Severity(p) => format!("severity:{}", p.id()),
            Metric::Engagement => "engagement".into(),
            Metric::TipVolume => "tips".into(),
        }
    }

    /// The metric with this select value.
    pub fn parse(id: &str) -> Option<Metric> {
        Metric::all().into_iter().find(|m| m.id() == id)
    }

    /// What a designer reads, e.g. "Solicitation severity (0–100)".
    pub fn label(self) -> String {
        match self {
            Metric::Severity(p) => format!("{} severity (0–100)", pattern_name(p)),
            Metric::Engagement => "Honest engagement (posts and interactions)".into(),
            Metric::TipVolume => "Tip volume (¥)".into(),
        }
    }

    /// The metric's value in one cell.
    pub fn of(self, c: &CellSummary) -> f64 {
        match self {
            Metric::Severity(p) => c
                .patterns
                .iter()
                .find(|x| x.id == p)
                .map_or(0.0, |x| f64::from(x.severity)),
            Metric::Engagement => c.honest_engagement as f64,
            Metric::TipVolume => c.tipped_fen as f64 / 100.0,
        }
    }

    /// The lowest and highest value of the colour scale: severity keeps its fixed 0–100 scale so
    /// heatmaps compare across sweeps; other figures span what this sweep found.
    pub fn scale(self, values: &[f64]) -> (f64, f64) {
        if let Metric::Severity(_) = self {
            return (0.0, 100.0);
        }
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !lo.is_finite() || !hi.is_finite() {
            (0.0, 1.0)
        } else if hi <= lo {
            (lo, lo + 1.0)
        } else {
            (lo, hi)
        }
    }

    /// The colour ramp: warm for harm, cool for what honest users and the platform want more of.
    fn ramp(self) -> &'static [(u8, u8, u8)] {
        match self {
            Metric::Severity(_) => &[
                (255, 247, 237),
                (253, 186, 116),
                (234, 88, 12),
                (127, 29, 29),
            ],
            Metric::Engagement | Metric::TipVolume => &[
                (240, 249, 255),
                (125, 211, 252),
                (2, 132, 199),
                (12, 74, 110),
            ],
        }
    }
}

/// The colour at `t` (0–1) along a ramp of evenly spaced stops, as `rgb(…)`.
pub fn colour(stops: &[(u8, u8, u8)], t: f64) -> String {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
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

/// A finished sweep: its grid, one summary per cell in the same order, and how long it took.
#[derive(Debug, PartialEq)]
struct Outcome {
    /// The scenario swept (to tell when the rules have moved on since).
    base: Scenario,
    x: SweepAxis,
    y: Option<SweepAxis>,
    cells: Rc<Vec<SweepCell>>,
    summaries: Vec<CellSummary>,
    ms: f64,
    workers: usize,
}

/// Where the sweep stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Running(BatchProgress),
    Cancelled(BatchProgress),
    Failed(String),
    Done,
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
/// too unless it would crowd the label before it.
fn labelled(n: u32, most: u32) -> impl Fn(u32) -> bool {
    let k = n.div_ceil(most.max(1)).max(1);
    let last = n.saturating_sub(1);
    move |i| i % k == 0 || (i == last && 2 * (last % k) >= k)
}

/// The heatmap: cells coloured by the metric, axes in the rules' units, a legend, hover and click.
fn heatmap(
    o: &Outcome,
    metric: Metric,
    hover: Option<usize>,
    on_hover: &Callback<Option<usize>>,
    on_pick: &Callback<usize>,
) -> Html {
    let nx = o.x.steps.max(1);
    let ny = o.y.map_or(1, |y| y.steps.max(1));
    let plot_w = W - LEFT - RIGHT;
    let plot_h = if o.y.is_some() { PLOT_H_2D } else { PLOT_H_1D };
    let legend_h = plot_h.max(LEGEND_H_MIN);
    let h = TOP + legend_h + BOTTOM;
    let cw = plot_w / f64::from(nx);
    let ch = plot_h / f64::from(ny);
    // Row 0 sits at the bottom, so values grow upwards as on any chart.
    let cell_x = |x_idx: u32| LEFT + cw * f64::from(x_idx);
    let cell_y = |y_idx: u32| TOP + plot_h - ch * f64::from(y_idx + 1);
    let values: Vec<f64> = o.summaries.iter().map(|s| metric.of(s)).collect();
    let (lo, hi) = metric.scale(&values);
    let t_of = |v: f64| (v - lo) / (hi - lo);
    let ramp = metric.ramp();
    let write_values = nx <= 10 && ny <= 10;
    let cells: Html = o
        .cells
        .iter()
        .zip(values.iter())
        .enumerate()
        .map(|(i, (c, &v))| {
            let t = t_of(v);
            let onmouseenter = on_hover.reform(move |_: MouseEvent| Some(i));
            let onclick = on_pick.reform(move |_: MouseEvent| i);
            let (x, y) = (cell_x(c.x_idx), cell_y(c.y_idx));
            let hovered = hover == Some(i);
            html! {
                <g>
                    <rect class={classes!("sweep-cell", hovered.then_some("hovered"))} data-testid={format!("sweep-cell-{}-{}", c.x_idx, c.y_idx)}
                        data-value={tick(v)} x={format!("{x:.2}")} y={format!("{y:.2}")} width={format!("{:.2}", cw)} height={format!("{:.2}", ch)}
                        fill={colour(ramp, t)} {onmouseenter} {onclick}>
                        <title>{format!("{}: {}", metric.label(), tick(v))}</title>
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
        .x
        .values()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| show_x(*i as u32))
        .map(|(i, v)| {
            let cx = cell_x(i as u32) + cw / 2.0;
            html! {
                <g>
                    <line x1={format!("{cx:.2}")} x2={format!("{cx:.2}")} y1={(TOP + plot_h).to_string()} y2={(TOP + plot_h + 5.0).to_string()} stroke="#78716c" />
                    <text x={format!("{cx:.2}")} y={(TOP + plot_h + 20.0).to_string()} text-anchor="middle" font-size="12">{tick(v)}</text>
                </g>
            }
        })
        .collect();
    let y_ticks: Html = match o.y {
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
                            <text x={(LEFT - 8.0).to_string()} y={format!("{:.2}", cy + 4.0)} text-anchor="end" font-size="12">{tick(v)}</text>
                        </g>
                    }
                })
                .collect()
        }
        None => Html::default(),
    };
    // The hovered cell's outline is drawn last, so its neighbours do not cover half of it.
    let outline = hover.and_then(|i| o.cells.get(i)).map(|c| {
        html! { <rect class="sweep-outline" x={format!("{:.2}", cell_x(c.x_idx))} y={format!("{:.2}", cell_y(c.y_idx))} width={format!("{cw:.2}")} height={format!("{ch:.2}")} fill="none" stroke="#1c1f24" stroke-width="2.5" pointer-events="none" /> }
    });
    let x_title = o.x.param.describe(&o.base);
    let y_title = o.y.map(|a| a.param.describe(&o.base));
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
        Some(yt) => format!(
            "{} for {} (across) and {} (up)",
            metric.label(),
            x_title,
            yt
        ),
        None => format!("{} for {}", metric.label(), x_title),
    };
    let onmouseleave = on_hover.reform(|_: MouseEvent| None);
    html! {
        <figure class="chart heatmap">
            <figcaption><strong>{metric.label()}</strong><span class="muted small">{"darker is more; click a cell to load it"}</span></figcaption>
            <svg data-testid="sweep-heatmap" viewBox={format!("0 0 {W} {h}")} role="img" aria-label={title.clone()} {onmouseleave} preserveAspectRatio="xMidYMid meet">
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

/// The numbers of one cell, for the read-out under the heatmap.
fn readout(o: &Outcome, i: usize) -> Html {
    let (Some(c), Some(s)) = (o.cells.get(i), o.summaries.get(i)) else {
        return Html::default();
    };
    let mut place = format!(
        "{} = {}",
        o.x.param.label(),
        with_unit(c.x_value, o.x.param.unit())
    );
    if let (Some(axis), Some(v)) = (o.y, c.y_value) {
        place = format!(
            "{place}; {} = {}",
            axis.param.label(),
            with_unit(v, axis.param.unit())
        );
    }
    let active: Vec<_> = s.patterns.iter().filter(|p| p.severity > 0).collect();
    html! {
        <>
            <strong>{place}</strong>
            if active.is_empty() {
                <span>{"no abuse pattern"}</span>
            }
            { for active.iter().map(|p| {
                let level = Level::from_severity(p.severity);
                html! { <span><span class={classes!("level", level_class(level))}>{level.id()}</span>{format!(" {} severity {}, {} incidents", pattern_name(p.id), p.severity, group(p.incidents))}</span> }
            }) }
            <span>{format!("honest engagement {}", group(s.honest_engagement))}</span>
            <span>{format!("tips {} (fees {})", yuan(s.tipped_fen), yuan(s.fee_fen))}</span>
        </>
    }
}

/// A labelled text box of an axis, with its message beside it.
fn axis_input(
    label: &str,
    testid: &str,
    value: &str,
    issue: Option<&String>,
    oninput: Callback<String>,
) -> Html {
    let id = format!("f-{testid}");
    let oninput =
        oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class={classes!("field", issue.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{label.to_string()}</label>
            <input id={id} type="text" inputmode="decimal" data-testid={testid.to_string()} value={value.to_string()} {oninput} aria-invalid={issue.is_some().to_string()} />
            if let Some(msg) = issue { <p class="issue error" data-testid={format!("{testid}-issue")}>{msg.clone()}</p> }
        </div>
    }
}

/// The controls of one axis: rule, circle, first and last value, number of values.
fn axis_fields(
    name: &str,
    form: &UseStateHandle<AxisForm>,
    f: AxisForm,
    scenario: &Scenario,
    issues: &AxisIssues,
    param_issue: Option<String>,
) -> Html {
    let prefix = format!("sweep-{name}");
    let on_kind = {
        let form = form.clone();
        let circle = f.param.circle_idx();
        Callback::from(move |e: Event| {
            let kind = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(p) = param_of(&kind, circle) {
                form.set(AxisForm {
                    steps: form.steps.clone(),
                    ..AxisForm::new(p)
                });
            }
        })
    };
    let on_circle = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let circle = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse::<u32>()
                .ok();
            if let Some(p) = param_of(kind_of(&form.param), circle) {
                form.set(AxisForm {
                    param: p,
                    ..(*form).clone()
                });
            }
        })
    };
    let edit = |apply: fn(&mut AxisForm, String)| {
        let form = form.clone();
        Callback::from(move |text: String| {
            let mut next = (*form).clone();
            apply(&mut next, text);
            form.set(next);
        })
    };
    let kind = kind_of(&f.param);
    let circle = f.param.circle_idx();
    let unit = f.param.unit();
    html! {
        <fieldset class="sweep-axis">
            <legend>{if name == "x" { "Across (x)" } else { "Up (y)" }}</legend>
            <div class={classes!("field", param_issue.is_some().then_some("invalid"))}>
                <label for={format!("f-{prefix}-param")}>{"Rule"}</label>
                <select id={format!("f-{prefix}-param")} data-testid={format!("{prefix}-param")} onchange={on_kind}>
                    { for KINDS.iter().filter_map(|k| param_of(k, None)).map(|p| html! {
                        <option value={kind_of(&p)} selected={kind_of(&p) == kind}>{format!("{} ({})", p.label(), p.unit())}</option>
                    }) }
                </select>
                if let Some(msg) = param_issue { <p class="issue error" data-testid={format!("{prefix}-param-issue")}>{msg}</p> }
            </div>
            if per_circle(&f.param) {
                <div class="field">
                    <label for={format!("f-{prefix}-circle")}>{"In"}</label>
                    <select id={format!("f-{prefix}-circle")} data-testid={format!("{prefix}-circle")} onchange={on_circle}>
                        <option value="" selected={circle.is_none()}>{"all circles"}</option>
                        { for scenario.circles.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={circle == Some(i as u32)}>{c.name.clone()}</option>
                        }) }
                    </select>
                </div>
            }
            <div class="sweep-range">
                {axis_input(&format!("From ({unit})"), &format!("{prefix}-from"), &f.from, issues.from.as_ref(), edit(|a, t| a.from = t))}
                {axis_input(&format!("To ({unit})"), &format!("{prefix}-to"), &f.to, issues.to.as_ref(), edit(|a, t| a.to = t))}
                {axis_input("Steps", &format!("{prefix}-steps"), &f.steps, issues.steps.as_ref(), edit(|a, t| a.steps = t))}
            </div>
        </fieldset>
    }
}

/// Why y cannot be swept against x: the same rule in the same place, or one that overrides the other.
fn clash(x: &SweepParam, y: &SweepParam) -> Option<String> {
    let overlap = match (x.circle_idx(), y.circle_idx()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    (kind_of(x) == kind_of(y) && overlap)
        .then(|| "x already moves this rule here: choose another rule or circle".to_string())
}

/// The sweep panel.
#[function_component]
pub fn SweepPanel(props: &SweepPanelProps) -> Html {
    let x_form =
        use_state(|| AxisForm::new(SweepParam::CommentCreditThreshold { circle_idx: None }));
    let y_form = use_state(|| AxisForm::new(SweepParam::TipCeilingYuan { circle_idx: None }));
    let y_enabled = use_state(|| false);
    let metric = use_state(|| Metric::Severity(PatternId::Solicitation));
    let status = use_state(|| Status::Idle);
    let outcome = use_state(|| None::<Rc<Outcome>>);
    let hover = use_state(|| None::<usize>);
    let picked = use_state(|| None::<usize>);
    let rules_invalid = use_memo(props.scenario.clone(), |s| {
        validate(s).iter().any(|i| i.severity == Severity::Error)
    });

    let n_circles = props.scenario.circles.len() as u32;
    let (x_now, y_now) = (x_form.in_circles(n_circles), y_form.in_circles(n_circles));
    let x_checked = x_now.check();
    let y_checked = y_now.check();
    let y_clash = if *y_enabled {
        clash(&x_now.param, &y_now.param)
    } else {
        None
    };
    let running = matches!(*status, Status::Running(_));
    let ready = match (&x_checked, *y_enabled, &y_checked) {
        (Ok(x), false, _) => Some((*x, None)),
        (Ok(x), true, Ok(y)) if y_clash.is_none() => Some((*x, Some(*y))),
        _ => None,
    };

    let on_run = {
        let pool = props.pool.clone();
        let scenario = props.scenario.clone();
        let (status, outcome, hover, picked) = (
            status.clone(),
            outcome.clone(),
            hover.clone(),
            picked.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some((x, y)) = ready else { return };
            let cells = Rc::new(grid(&scenario, &x, y.as_ref()));
            let jobs: Vec<Job> = cells
                .iter()
                .map(|c| Job::Summary(Box::new(c.scenario.clone())))
                .collect();
            let total = jobs.len();
            let started = js_sys::Date::now();
            let workers = pool.size().min(total.max(1));
            status.set(Status::Running(BatchProgress { done: 0, total }));
            hover.set(None);
            picked.set(None);
            let on_progress = {
                let status = status.clone();
                move |p: BatchProgress| status.set(Status::Running(p))
            };
            let on_done = {
                let (status, outcome, scenario) =
                    (status.clone(), outcome.clone(), scenario.clone());
                move |results: Vec<JobResult>| {
                    let ms = js_sys::Date::now() - started;
                    let summaries: Vec<CellSummary> = results
                        .into_iter()
                        .filter_map(|r| match r {
                            JobResult::Summary(s) => Some(*s),
                            _ => None,
                        })
                        .collect();
                    if summaries.len() != cells.len() {
                        status.set(Status::Failed(format!(
                            "{} of {} cells came back; run the sweep again",
                            summaries.len(),
                            cells.len()
                        )));
                        return;
                    }
                    outcome.set(Some(Rc::new(Outcome {
                        base: scenario.clone(),
                        x,
                        y,
                        cells: cells.clone(),
                        summaries,
                        ms,
                        workers,
                    })));
                    status.set(Status::Done);
                }
            };
            pool.submit(jobs, on_progress, on_done);
        })
    };
    let on_cancel = {
        let (pool, status) = (props.pool.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Status::Running(p) = *status {
                pool.cancel();
                status.set(Status::Cancelled(p));
            }
        })
    };
    let on_y_enabled = {
        let y_enabled = y_enabled.clone();
        Callback::from(move |e: Event| {
            y_enabled.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            if let Some(m) = Metric::parse(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                metric.set(m);
            }
        })
    };
    let on_hover = {
        let hover = hover.clone();
        Callback::from(move |i: Option<usize>| hover.set(i))
    };
    let on_pick = {
        let (outcome, picked, on_load) = (outcome.clone(), picked.clone(), props.on_load.clone());
        Callback::from(move |i: usize| {
            if let Some(c) = outcome.as_ref().and_then(|o| o.cells.get(i)) {
                picked.set(Some(i));
                on_load.emit(c.scenario.clone());
            }
        })
    };

    let x_issues = x_checked.as_ref().err().cloned().unwrap_or_default();
    let y_issues = y_checked.as_ref().err().cloned().unwrap_or_default();
    let n_cells = ready.map(|(x, y)| x.steps * y.map_or(1, |a| a.steps));
    let progress = match &*status {
        Status::Running(p) | Status::Cancelled(p) => Some(*p),
        Status::Done => outcome.as_ref().map(|o| BatchProgress {
            done: o.cells.len(),
            total: o.cells.len(),
        }),
        Status::Idle | Status::Failed(_) => None,
    };
    let status_line = match &*status {
        Status::Idle => html! {},
        Status::Running(p) => {
            html! { <span>{format!("running {} of {} cells…", p.done, p.total)}</span> }
        }
        Status::Cancelled(p) => {
            html! { <span data-testid="sweep-cancelled">{format!("cancelled after {} of {} cells", p.done, p.total)}</span> }
        }
        Status::Failed(msg) => html! { <span class="issue error">{msg.clone()}</span> },
        Status::Done => html! {},
    };
    // The rules moved on since the sweep (other than by loading one of its cells): say so, since the
    // cells still hold the rules as they were swept.
    let stale = outcome.as_ref().is_some_and(|o| {
        o.base != props.scenario && !o.cells.iter().any(|c| c.scenario == props.scenario)
    });
    html! {
        <section class="panel sweep" data-testid="sweep-panel" aria-labelledby="sweep-title">
            <h2 id="sweep-title">{"Sweep: move one or two rules across their range"}</h2>
            <div class="sweep-axes">
                {axis_fields("x", &x_form, x_now.clone(), &props.scenario, &x_issues, None)}
                <div>
                    <label class="toggle">
                        <input type="checkbox" data-testid="sweep-y-enabled" checked={*y_enabled} onchange={on_y_enabled} />
                        {"Sweep a second rule (y)"}
                    </label>
                    if *y_enabled {
                        {axis_fields("y", &y_form, y_now.clone(), &props.scenario, &y_issues, y_clash.clone())}
                    }
                </div>
            </div>
            <div class="row sweep-actions">
                <div class="field">
                    <label for="f-sweep-metric">{"Colour by"}</label>
                    <select id="f-sweep-metric" data-testid="sweep-metric" onchange={on_metric}>
                        { for Metric::all().into_iter().map(|m| html! { <option value={m.id()} selected={m == *metric}>{m.label()}</option> }) }
                    </select>
                </div>
                <button class="btn primary" data-testid="sweep-run" disabled={ready.is_none() || running || *rules_invalid} onclick={on_run}>
                    { match n_cells { Some(n) => format!("Run {n} cell{}", if n == 1 { "" } else { "s" }), None => "Run".to_string() } }
                </button>
                <button class="btn" data-testid="sweep-cancel" disabled={!running} onclick={on_cancel}>{"Cancel"}</button>
                {status_line}
            </div>
            if *rules_invalid {
                <p class="issue error" data-testid="sweep-blocked">{"the rules have errors: fix them before sweeping"}</p>
            }
            if let Some(p) = progress {
                <div class="progress" role="progressbar" aria-label="sweep progress" data-testid="sweep-progress" aria-valuemin="0"
                    aria-valuemax={p.total.to_string()} aria-valuenow={p.done.to_string()}>
                    <div style={format!("width:{:.1}%", if p.total == 0 { 0.0 } else { 100.0 * p.done as f64 / p.total as f64 })}></div>
                </div>
            }
            if let Some(o) = outcome.as_ref() {
                <p class="muted small" data-testid="sweep-ms" data-cells={o.cells.len().to_string()} data-ms={format!("{:.0}", o.ms)} data-workers={o.workers.to_string()}>
                    {format!("{} cells in {:.1} s on {} worker{}", o.cells.len(), o.ms / 1000.0, o.workers, if o.workers == 1 { "" } else { "s" })}
                </p>
                if stale {
                    <p class="muted small" data-testid="sweep-stale">{"The rules have changed since this sweep: a cell loads the rules as they were swept, with that cell's values."}</p>
                }
                {heatmap(o, *metric, *hover, &on_hover, &on_pick)}
                <div class="chart-readout sweep-readout" data-testid="sweep-readout" aria-live="polite">
                    { match (*hover).or(*picked) {
                        Some(i) => readout(o, i),
                        None => html! { <span class="muted">{"Hover a cell for its numbers; click it to load that configuration (Undo takes it back)."}</span> },
                    } }
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(param: SweepParam, from: &str, to: &str, steps: &str) -> AxisForm {
        AxisForm {
            param,
            from: from.into(),
            to: to.into(),
            steps: steps.into(),
        }
    }

    #[test]
    fn every_kind_round_trips_through_the_select() {
        for kind in KINDS {
            let Some(p) = param_of(kind, Some(1)) else {
                unreachable!("{kind} has no parameter")
            };
            assert_eq!(kind_of(&p), kind);
        }
        assert_eq!(param_of("nonsense", None), None);
    }

    #[test]
    fn a_fresh_axis_spans_the_rule_and_checks() {
        let a = AxisForm::new(SweepParam::CommentCreditThreshold { circle_idx: None });
        assert_eq!(
            (a.from.as_str(), a.to.as_str(), a.steps.as_str()),
            ("350", "950", "10")
        );
        assert!(matches!(a.check(), Ok(SweepAxis { steps: 10, .. })));
    }

    #[test]
    fn bad_fields_give_every_message_at_once() {
        let p = SweepParam::ReviewDelayHours { circle_idx: None };
        let Err(issues) = form(p, "abc", "", "0").check() else {
            unreachable!("must fail")
        };
        assert_eq!(issues.from.as_deref(), Some("`abc` is not a number"));
        assert!(issues
            .to
            .as_deref()
            .is_some_and(|m| m.starts_with("enter a number")));
        assert_eq!(issues.steps.as_deref(), Some("enter at least 1 step"));
        let Err(issues) = form(p, "12", "6", "21").check() else {
            unreachable!("must fail")
        };
        assert_eq!(issues.from, None);
        assert_eq!(
            issues.to.as_deref(),
            Some("must be at least the first value (12)")
        );
        assert_eq!(
            issues.steps.as_deref(),
            Some("`21` is too many: at most 20 steps")
        );
        let Err(issues) = form(p, "-1", "NaN", "2.5").check() else {
            unreachable!("must fail")
        };
        assert!(issues
            .from
            .as_deref()
            .is_some_and(|m| m.contains("out of range")));
        assert_eq!(issues.to.as_deref(), Some("`NaN` is not a number"));
        assert!(issues
            .steps
            .as_deref()
            .is_some_and(|m| m.contains("not a whole number")));
    }

    #[test]
    fn the_same_rule_cannot_be_both_axes() {
        let all = SweepParam::TipCeilingYuan { circle_idx: None };
        let one = SweepParam::TipCeilingYuan {
            circle_idx: Some(0),
        };
        let other = SweepParam::TipCeilingYuan {
            circle_idx: Some(1),
        };
        assert!(clash(&all, &one).is_some());
        assert!(clash(&one, &one).is_some());
        assert!(clash(&one, &other).is_none());
        assert!(clash(&all, &SweepParam::FeePermille { circle_idx: None }).is_none());
    }

    #[test]
    fn metrics_round_trip_and_scale() {
        for m in Metric::all() {
            assert_eq!(Metric::parse(&m.id()), Some(m));
        }
        assert_eq!(
            Metric::Severity(PatternId::Scam).scale(&[3.0, 9.0]),
            (0.0, 100.0)
        );
        assert_eq!(Metric::Engagement.scale(&[3.0, 9.0]), (3.0, 9.0));
        assert_eq!(Metric::Engagement.scale(&[5.0, 5.0]), (5.0, 6.0));
        assert_eq!(Metric::TipVolume.scale(&[]), (0.0, 1.0));
    }

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
    fn ticks_read_short() {
        assert_eq!(tick(650.0), "650");
        assert_eq!(tick(1111.12), "1111.12");
        assert_eq!(tick(0.5), "0.5");
        assert_eq!(tick(25_000.0), "25k");
        assert_eq!(with_unit(5.0, "¥"), "¥5");
        assert_eq!(with_unit(12.0, "h"), "12 h");
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
