//! The fix frontier as a scatter plot: honest cost across, harm up, the frontier's points joined and the current
//! configuration marked; hovering or focusing a point says what changed, clicking or Enter loads it. With a red
//! team's worst case, each point's harm under that attack is drawn beside it (robust fixes).

use super::{status, Outcome};
use crate::locale::{pattern_name, tr, trf, use_lang, Lang};
use backfire_engine::search::frontier::{FrontierPoint, FrontierResult};
use backfire_engine::search::under_attack::UnderAttackResult;
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
    /// Each point's harm under the red team's worst case, once judged.
    pub under_attack: Option<Rc<UnderAttackResult>>,
    /// The link that runs the same search again.
    pub reproduce: String,
}

/// Maps data to the plot: `(lo, hi)` of each axis, padded so that no point sits on the frame.
struct Scale {
    x: (f64, f64),
    y: (f64, f64),
}

impl Scale {
    /// The scale of some (honest cost, harm) points.
    fn of(points: &[(f64, f64)]) -> Scale {
        let span = |f: &dyn Fn(&(f64, f64)) -> f64| {
            let lo = points.iter().map(f).fold(f64::INFINITY, f64::min);
            let hi = points.iter().map(f).fold(f64::NEG_INFINITY, f64::max);
            let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
            let pad = ((hi - lo) * 0.08).max(0.5);
            ((lo - pad).max(0.0), hi + pad)
        };
        Scale {
            x: span(&|p| p.0),
            y: span(&|p| p.1),
        }
    }

    fn at(&self, p: &FrontierPoint) -> (f64, f64) {
        self.at_harm(p.honest_cost, p.harm)
    }

    fn at_harm(&self, cost: f64, harm: f64) -> (f64, f64) {
        let (l, r, t, b) = MARGIN;
        let fx = (cost - self.x.0) / (self.x.1 - self.x.0);
        let fy = (harm - self.y.0) / (self.y.1 - self.y.0);
        (l + fx * (WIDTH - l - r), HEIGHT - b - fy * (HEIGHT - t - b))
    }
}

/// The result with each point's change in `lang`, written from its levers and settings against the scenario the
/// search started from (the stored English as it is).
fn in_lang(lang: Lang, r: &Rc<FrontierResult>) -> Rc<FrontierResult> {
    if lang == Lang::En {
        return Rc::clone(r);
    }
    let Ok(input) = backfire_engine::link::decode(&r.provenance.input_link) else {
        return Rc::clone(r);
    };
    let mut out = (**r).clone();
    for p in out.input.iter_mut().chain(out.frontier.iter_mut()) {
        p.change = p.change_in(lang, &input);
    }
    Rc::new(out)
}

/// The scatter plot and the line under it naming the point hovered.
#[function_component]
pub fn FrontierPlot(props: &FrontierPlotProps) -> Html {
    let lang = use_lang();
    let hovered = use_state(|| None::<usize>);
    // Written once per result and language, not on every hover (the change is rewritten from the input's link).
    let localized = {
        let result = Rc::clone(&props.result);
        use_memo((lang, Rc::as_ptr(&props.result) as usize), move |(lang, _)| {
            in_lang(*lang, &result)
        })
    };
    let r: &FrontierResult = &localized;
    let attacked: &[f64] = props.under_attack.as_deref().map_or(&[], |u| &u.frontier);
    // Harm under attack shares the harm axis, so the scale takes those points too.
    let all: Vec<(f64, f64)> = r
        .frontier
        .iter()
        .chain(r.input.iter())
        .map(|p| (p.honest_cost, p.harm))
        .chain(r.frontier.iter().zip(attacked).map(|(p, &h)| (p.honest_cost, h)))
        .chain(
            r.input
                .iter()
                .zip(props.under_attack.as_deref().and_then(|u| u.input))
                .map(|(p, h)| (p.honest_cost, h)),
        )
        .collect();
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
    let harm = r.harm.map_or(
        tr!(
            lang,
            "overall prevalence (per 10,000 views)",
            "总体流行度（每 10,000 次浏览）"
        ),
        |id| pattern_name(lang, id),
    );
    let (l, right, t, b) = MARGIN;
    let shown = (*hovered).and_then(|i| r.frontier.get(i));
    html! {
        <div class="search-result" data-testid="frontier-result">
            <svg class="frontier-plot" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="group" aria-label={tr!(lang, "fix frontier: harm against honest cost", "修复前沿：危害与诚实代价")}>
                <line class="axis" x1={l.to_string()} y1={(HEIGHT - b).to_string()} x2={(WIDTH - right).to_string()} y2={(HEIGHT - b).to_string()} />
                <line class="axis" x1={l.to_string()} y1={t.to_string()} x2={l.to_string()} y2={(HEIGHT - b).to_string()} />
                <text class="axis-label" x={((l + WIDTH - right) / 2.0).to_string()} y={(HEIGHT - 8.0).to_string()} text-anchor="middle">
                    { { let (lo, hi) = (format!("{:.1}", scale.x.0), format!("{:.1}", scale.x.1)); trf!(lang, "honest cost per 10,000 ({lo} – {hi})", "每 10,000 的诚实代价（{lo} – {hi}）") } }</text>
                <text class="axis-label" x="12" y={((t + HEIGHT - b) / 2.0).to_string()} text-anchor="middle"
                    transform={format!("rotate(-90 12 {})", (t + HEIGHT - b) / 2.0)}>{trf!(lang, "harm: {harm}", "危害：{harm}")}</text>
                <text class="axis-label" x={(l - 4.0).to_string()} y={(t + 10.0).to_string()} text-anchor="end">{format!("{:.1}", scale.y.1)}</text>
                <text class="axis-label" x={(l - 4.0).to_string()} y={(HEIGHT - b).to_string()} text-anchor="end">{format!("{:.1}", scale.y.0)}</text>
                <polyline class="frontier-line" points={line.join(" ")} />
                // Under attack: a hollow mark above or below each point, joined to it by a thin stalk.
                { for r.frontier.iter().zip(attacked).enumerate().map(|(i, (p, &h))| attacked_mark(&scale, i, p, h)) }
                if let Some(p) = &r.input {
                    { current(lang, &scale, p) }
                }
                { for r.frontier.iter().enumerate().map(|(i, p)| point(lang, &scale, i, p, attacked.get(i).copied(), &hovered, &props.on_load)) }
            </svg>
            <p class="frontier-hover" data-testid="frontier-hover" aria-live="polite">
                { match shown {
                    Some(p) => {
                        let (change, harm, cost) = (&p.change, format!("{:.1}", p.harm), format!("{:.1}", p.honest_cost));
                        let attack = (*hovered).and_then(|i| attacked.get(i)).map(|h| {
                            let h = format!("{h:.1}");
                            trf!(lang, ", {h} under attack", "，受攻击时 {h}")
                        }).unwrap_or_default();
                        html! { <><span>{change.clone()}</span>{trf!(lang, " — harm {harm}{attack}, honest cost {cost} (press Enter or click to load it)", " — 危害 {harm}{attack}，诚实代价 {cost}（按 Enter 或点击载入）")}</> }
                    }
                    None => html! { {tr!(lang, "Hover over or tab to a point to see what changed; click it to load it.", "将指针移到某个点上或用 Tab 选中，查看改了什么；点击即可载入。")} },
                } }
            </p>
            <p class="muted small">{ { let (points, judged) = (r.frontier.len(), r.fixes_judged); trf!(lang, "{points} points on the frontier of {judged} fixes judged; the ring is the rules on screen.", "在评估过的 {judged} 个修复中，前沿上有 {points} 个点；圆环是当前的规则。") } }</p>
            if let Some(u) = &props.under_attack {
                {under_attack_table(lang, r, u)}
            }
            {super::provenance(lang, &r.provenance, &props.reproduce)}
        </div>
    }
}

/// The current configuration: a ring, not a button (it is already loaded).
fn current(lang: Lang, scale: &Scale, p: &FrontierPoint) -> Html {
    let (x, y) = scale.at(p);
    html! {
        <g data-testid="frontier-current">
            <circle class="frontier-current" cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="9" />
            <text class="axis-label" x={format!("{:.1}", x + 12.0)} y={format!("{:.1}", y + 4.0)}>{tr!(lang, "now", "当前")}</text>
        </g>
    }
}

/// One frontier point: hover or focus names it, click or Enter loads it.
fn point(
    lang: Lang,
    scale: &Scale,
    i: usize,
    p: &FrontierPoint,
    attacked: Option<f64>,
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
            aria-label={point_label(lang, p, attacked)}
            onmouseenter={show.reform(|_: MouseEvent| ())} onfocus={show.reform(|_: FocusEvent| ())}
            onclick={load.reform(|_: MouseEvent| ())} {onkeydown} />
    }
}

/// A point as a screen reader names it: what changed, its harm (under attack too, once judged), its cost.
fn point_label(lang: Lang, p: &FrontierPoint, attacked: Option<f64>) -> String {
    let (change, harm, cost) = (&p.change, format!("{:.1}", p.harm), format!("{:.1}", p.honest_cost));
    let attack = attacked.map(|h| {
        let h = format!("{h:.1}");
        trf!(lang, ", {h} under attack", "，受攻击时 {h}")
    });
    let attack = attack.unwrap_or_default();
    trf!(
        lang,
        "{change}: harm {harm}{attack}, honest cost {cost}",
        "{change}：危害 {harm}{attack}，诚实代价 {cost}"
    )
}

/// A point's harm under attack: a hollow mark at the same cost, joined to the point by a stalk.
fn attacked_mark(scale: &Scale, i: usize, p: &FrontierPoint, harm: f64) -> Html {
    let (x, y) = scale.at(p);
    let (_, ya) = scale.at_harm(p.honest_cost, harm);
    html! {
        <g class="frontier-attacked" data-testid={format!("frontier-attacked-{i}")} data-harm={harm.to_string()} aria-hidden="true">
            <line class="frontier-stalk" x1={format!("{x:.1}")} y1={format!("{y:.1}")} x2={format!("{x:.1}")} y2={format!("{ya:.1}")} />
            <circle class="frontier-attacked-mark" cx={format!("{x:.1}")} cy={format!("{ya:.1}")} r="5" />
        </g>
    }
}

/// Each point's harm beside its harm under attack, as a table (the plot's marks in numbers).
fn under_attack_table(lang: Lang, r: &FrontierResult, u: &UnderAttackResult) -> Html {
    let row = |testid: String, change: &str, harm: f64, attacked: Option<f64>| {
        html! {
            <tr data-testid={testid}>
                <td>{change.to_string()}</td>
                <td class="num">{format!("{harm:.1}")}</td>
                <td class="num" data-value={attacked.map(|h| h.to_string())}>{attacked.map_or(String::from("–"), |h| format!("{h:.1}"))}</td>
            </tr>
        }
    };
    html! {
        <table class="under-attack" data-testid="under-attack-table">
            <caption>{tr!(lang, "Harm of each fix, ordinary and under the red team's worst case", "每个修复的危害：平常与在红队最坏情况下")}</caption>
            <thead><tr>
                <th scope="col">{tr!(lang, "Change", "修改")}</th>
                <th scope="col">{tr!(lang, "Harm", "危害")}</th>
                <th scope="col">{tr!(lang, "Under attack", "受攻击时")}</th>
            </tr></thead>
            <tbody>
                if let Some(p) = &r.input {
                    {row(String::from("under-attack-input"), tr!(lang, "The rules on screen", "当前的规则"), p.harm, u.input)}
                }
                { for r.frontier.iter().enumerate().map(|(i, p)| row(format!("under-attack-{i}"), &p.change, p.harm, u.frontier.get(i).copied())) }
            </tbody>
        </table>
    }
}

/// The offer to judge the frontier against the red team's worst case, or why it cannot yet, or how it stands.
pub fn under_attack_offer(
    lang: Lang,
    worst: Option<&str>,
    attack: Option<&Outcome>,
    busy: bool,
    on_judge: Callback<MouseEvent>,
) -> Html {
    let Some(worst) = worst else {
        return html! {
            <p class="muted small" data-testid="under-attack-offer" data-state="no-redteam">{tr!(lang, "Run the red team too, and each fix here can be judged against the worst case it finds (robust fixes).", "再运行红队，这里的每个修复就可以对照它找到的最坏情况来评估（稳健修复）。")}</p>
        };
    };
    html! {
        <div class="under-attack-offer" data-testid="under-attack-offer" data-state="ready">
            <p class="small">{tr!(lang, "The red team's worst case: ", "红队的最坏情况：")}<span>{worst.to_string()}</span></p>
            <button class="btn" data-testid="under-attack-run" disabled={busy} onclick={on_judge}>{tr!(lang, "Judge these fixes against it", "用它评估这些修复")}</button>
            {status(lang, "under-attack", attack)}
        </div>
    }
}
