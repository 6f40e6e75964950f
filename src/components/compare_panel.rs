//! Compare: the pinned baseline against the current variant on the same seeds, with mean and spread.

use super::line_chart::{LineChart, Series};
use super::progress_bar::progress_bar;
use crate::comparison::{self, pattern_series, Outcome};
use crate::hooks::use_typed_value::use_typed_value;
use crate::locale::{level_word, pattern_name, tr, trf, use_lang, Lang};
use crate::pool::{BatchProgress, Pool};
use crate::runner::{seconds, will_take_in};
use crate::view_model::{pattern_color, prevalence_percent};
use backfire_engine::ensemble::{Measure, PairedChange, Spread};
use backfire_engine::words::group;
use backfire_engine::{timeline, Level, PatternId, Scenario};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Most seeds a comparison may use.
pub const RUNS_MAX: u32 = 50;

/// Props of [`ComparePanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ComparePanelProps {
    /// The pinned baseline.
    pub baseline: Scenario,
    /// The scenario being edited.
    pub variant: Scenario,
    /// Seeds per side.
    pub runs: u32,
    /// Changes the number of seeds.
    pub on_runs: Callback<u32>,
    /// The worker pool.
    pub pool: Pool,
    /// Unpins the baseline.
    pub on_unpin: Callback<()>,
    /// Told each finished comparison, with the variant it is about (the Review PDF prints it).
    #[prop_or_default]
    pub on_outcome: Callback<(Scenario, Rc<Outcome>)>,
    /// Work units per second this browser simulates (for "this will take about …").
    pub units_per_second: f64,
}

/// What reacting late cost: the variant's harm over the baseline's before the timeline's last change
/// (nothing without a timeline).
pub fn late_cost(lang: Lang, rows: &[timeline::StretchComparison]) -> Html {
    if rows.len() < 2 {
        return html! {};
    }
    let last = rows.last().map_or(0, |r| r.from_hour);
    let before: Vec<_> = rows.iter().filter(|r| r.to_hour <= last).collect();
    let sum = |pick: fn(&timeline::StretchComparison) -> (f64, f64)| {
        before
            .iter()
            .fold((0.0, 0.0), |(a, b), r| (a + pick(r).0, b + pick(r).1))
    };
    let (abuse_b, abuse_v) = sum(|r| r.abuse);
    let (tip_b, tip_v) = sum(|r| r.tipped_fen);
    html! {
        <p data-testid="compare-late" data-abuse-baseline={format!("{abuse_b:.1}")} data-abuse-variant={format!("{abuse_v:.1}")}>
            { {
                let (abuse_v, abuse_b, delta) = (group(abuse_v.round() as u64), group(abuse_b.round() as u64), signed_count(abuse_v - abuse_b));
                let (tip_v, tip_b) = (group((tip_v / 100.0).round() as u64), group((tip_b / 100.0).round() as u64));
                trf!(lang,
                    "Before the last change (hour {last}): {abuse_v} abuse incidents against {abuse_b} ({delta}), which is what the timing cost in abuse; tips ¥{tip_v} against ¥{tip_b} (tips include honest ones).",
                    "最后一次变更之前（第 {last} 小时）：{abuse_v} 起滥用事件，对比 {abuse_b} 起（{delta}），这就是时机在滥用上的代价；打赏 ¥{tip_v}，对比 ¥{tip_b}（打赏含诚实打赏）。")
            } }
        </p>
    }
}

/// The harm of each stretch of the timeline on both sides, then what reacting late cost ([`late_cost`]).
fn stretches_view(lang: Lang, rows: &[timeline::StretchComparison]) -> Html {
    if rows.len() < 2 {
        return html! {};
    }
    let diff = |(b, v): (f64, f64)| signed_count(v - b);
    let body: Html = rows
        .iter()
        .map(|r| {
            let label = if r.label.is_empty() { tr!(lang, "launch", "上线") } else { r.label.as_str() };
            html! {
                <tr data-testid="compare-stretch" data-from={r.from_hour.to_string()}>
                    <td>{format!("h{}–{} · ", r.from_hour, r.to_hour)}<span translate={(!r.label.is_empty()).then_some("no")}>{label.to_string()}</span></td>
                    <td>{format!("{} → {}", group(r.abuse.0.round() as u64), group(r.abuse.1.round() as u64))}{" "}<span class="muted">{format!("({})", diff(r.abuse))}</span></td>
                    <td>{format!("{} → {}", group(r.exclusion.0.round() as u64), group(r.exclusion.1.round() as u64))}</td>
                    <td>{format!("¥{} → ¥{}", group((r.tipped_fen.0 / 100.0).round() as u64), group((r.tipped_fen.1 / 100.0).round() as u64))}</td>
                </tr>
            }
        })
        .collect();
    html! {
        <>
            <table class="data compare" data-testid="compare-stretches">
                <caption>{tr!(lang, "Harm by stretch of the timeline, baseline → variant (mean over the seeds)", "时间线各段的危害，基线 → 变体（各种子的平均值）")}</caption>
                <thead><tr><th>{tr!(lang, "Hours", "小时")}</th><th>{tr!(lang, "Abuse incidents", "滥用事件")}</th><th>{tr!(lang, "Exclusion", "排斥")}</th><th>{tr!(lang, "Tips", "打赏")}</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
            {late_cost(lang, rows)}
        </>
    }
}

/// The seeds typed in the runs box, or what is wrong with the text.
pub fn runs_problem(lang: Lang, text: &str) -> Result<u32, String> {
    let typed = text.trim();
    match typed.parse::<u32>() {
        Ok(n) if (1..=RUNS_MAX).contains(&n) => Ok(n),
        Ok(n) => Err(trf!(
            lang,
            "{n} runs is out of range: enter 1 to {RUNS_MAX}",
            "{n} 次运行超出范围：请输入 1 到 {RUNS_MAX}"
        )),
        Err(_) => Err(trf!(
            lang,
            "`{typed}` is not a number of runs: enter 1 to {RUNS_MAX}",
            "`{typed}` 不是运行次数：请输入 1 到 {RUNS_MAX}"
        )),
    }
}

/// "−42 %" style change of a mean, or "new" when the baseline was zero.
pub fn change(lang: Lang, before: f64, after: f64) -> (String, &'static str) {
    if before == 0.0 && after == 0.0 {
        (tr!(lang, "no change", "无变化").into(), "flat")
    } else if before == 0.0 {
        (tr!(lang, "new", "新出现").into(), "up")
    } else {
        let pct = (after - before) / before * 100.0;
        let dir = if pct.abs() < 0.5 {
            "flat"
        } else if pct > 0.0 {
            "up"
        } else {
            "down"
        };
        let text = if pct.abs() < 0.05 {
            tr!(lang, "no change", "无变化").to_string()
        } else if pct.abs() < 10.0 {
            format!("{}{:.1} %", if pct > 0.0 { "+" } else { "" }, pct)
        } else {
            format!("{}{:.0} %", if pct > 0.0 { "+" } else { "" }, pct)
        };
        (text, dir)
    }
}

/// How a change seed by seed reads, and its colour class: a change is coloured only beyond the seeds' noise
/// (its 95 % interval leaves out zero), "up" when it is worse for people and "down" when better
/// (`more_is_better`: `None` for a figure that is neither, never coloured). Identical sides read "no change".
pub fn judged(lang: Lang, c: &PairedChange, more_is_better: Option<bool>) -> (String, &'static str) {
    // Zero on every seed (a zero mean with no spread), not merely equal means.
    if c.change == 0.0 && c.half_width.is_none_or(|w| w == 0.0) {
        return (String::from(tr!(lang, "no change", "无变化")), "flat");
    }
    let (pct, _) = change(lang, c.baseline, c.variant);
    match c.half_width {
        None => (
            trf!(lang, "{pct} (one seed: noise unknown)", "{pct}（仅一个种子：噪声未知）"),
            "flat",
        ),
        Some(_) if !c.beyond_noise() => (trf!(lang, "within noise ({pct})", "在噪声范围内（{pct}）"), "flat"),
        Some(_) => {
            let worse = match more_is_better {
                Some(true) => c.change < 0.0,
                Some(false) => c.change > 0.0,
                None => return (pct, "flat"),
            };
            (pct, if worse { "up" } else { "down" })
        }
    }
}

/// A change in counts, rounded, with its sign: "+1,234", "−56" or "±0".
fn signed_count(d: f64) -> String {
    let d = d.round();
    if d > 0.0 {
        format!("+{}", group(d as u64))
    } else if d < 0.0 {
        format!("−{}", group((-d) as u64))
    } else {
        String::from("±0")
    }
}

/// A measure's value in its own units.
pub fn measure_value(m: Measure, v: f64) -> String {
    match m {
        Measure::AbuseMoneyFen | Measure::TippedFen => format!("¥{}", group((v / 100.0).round().max(0.0) as u64)),
        Measure::SolicitationPrevalence => prevalence_percent(v.round().max(0.0) as u64),
        _ => group(v.round().max(0.0) as u64),
    }
}

/// A measure's name in a comparison.
pub fn measure_name(lang: Lang, m: Measure) -> &'static str {
    match m {
        Measure::AbuseIncidents => tr!(
            lang,
            "Abuse incidents (every pattern but exclusion)",
            "滥用事件（除排斥外的所有模式）"
        ),
        Measure::AbuseMoneyFen => tr!(lang, "Money moved by abuse", "滥用转移的资金"),
        Measure::SolicitationPrevalence => tr!(
            lang,
            "Solicitation prevalence (share of honest views)",
            "招揽流行度（占诚实浏览的比例）"
        ),
        Measure::Exclusion => tr!(
            lang,
            "Honest users refused (exclusion incidents)",
            "被拒的诚实用户（排斥事件）"
        ),
        Measure::WronglySanctioned => tr!(lang, "Honest users sanctioned by mistake", "被误罚的诚实用户"),
        Measure::HonestEngagement => tr!(lang, "Honest engagement on genuine posts", "真实帖子上的诚实互动度"),
        Measure::TippedFen => tr!(
            lang,
            "Money tipped (honest thanks and the market)",
            "打赏金额（诚实感谢与交易）"
        ),
    }
}

/// An arrow for a coloured change.
pub fn arrow(class: &str, change: f64) -> &'static str {
    match class {
        "up" | "down" if change > 0.0 => "▲ ",
        "up" | "down" => "▼ ",
        _ => "",
    }
}

fn spread_text(s: &Spread, runs: u32) -> String {
    if runs <= 1 {
        format!("{:.0}", s.mean)
    } else {
        format!("{:.1} ({}–{})", s.mean, s.min, s.max)
    }
}

/// The compare panel.
#[function_component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let outcome = use_state(|| None::<Rc<Outcome>>);
    let progress = use_state(|| None::<BatchProgress>);
    let lang = use_lang();
    let failed = use_state(|| None::<String>);
    let chart_pattern = use_state(|| PatternId::Solicitation);
    let start = {
        let outcome = outcome.clone();
        let progress = progress.clone();
        let failed = failed.clone();
        let pool = props.pool.clone();
        let (baseline, variant, runs) = (
            props.baseline.clone(),
            props.variant.clone(),
            props.runs.clamp(1, RUNS_MAX),
        );
        let on_outcome = props.on_outcome.clone();
        move || {
            let (progress_cb, progress_done) = (progress.clone(), progress.clone());
            let (outcome, failed) = (outcome.clone(), failed.clone());
            let (on_outcome, compared) = (on_outcome.clone(), variant.clone());
            failed.set(None);
            comparison::submit(
                &pool,
                &baseline,
                &variant,
                runs,
                move |p| progress_cb.set(Some(p)),
                move |result| {
                    progress_done.set(None);
                    match result {
                        Ok(o) => {
                            failed.set(None);
                            let o = Rc::new(o);
                            on_outcome.emit((compared.clone(), Rc::clone(&o)));
                            outcome.set(Some(o));
                        }
                        Err(message) => failed.set(Some(message)),
                    }
                },
            );
        }
    };
    // Re-compare whenever either side or the number of seeds changes.
    {
        let start = start.clone();
        use_effect_with((props.baseline.clone(), props.variant.clone(), props.runs), move |_| {
            let timer = gloo::timers::callback::Timeout::new(60, start);
            move || drop(timer)
        });
    }
    // Half-typed or out-of-range text stays in the box with a message; the comparison keeps its seeds.
    let runs_box = use_typed_value(lang, props.runs, runs_problem, props.on_runs.clone());
    let on_chart = {
        let chart_pattern = chart_pattern.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(p) = PatternId::ALL.into_iter().find(|p| p.id() == v) {
                chart_pattern.set(p);
            }
        })
    };
    let on_unpin = props.on_unpin.reform(|_: MouseEvent| ());
    let runs = props.runs.clamp(1, RUNS_MAX);
    let estimate = (seconds(&props.baseline, props.units_per_second) + seconds(&props.variant, props.units_per_second))
        * f64::from(runs);
    // While a new comparison runs, the last one stays on screen under the progress bar.
    let progress_bar = progress.map(|p| {
        html! {
            <div data-testid="compare-progress" role="status">
                <p>{ { let (done, total) = (p.done, p.total); trf!(lang, "Running {done} of {total} runs…", "正在运行第 {done} / {total} 次…") } }</p>
                {progress_bar(p, tr!(lang, "comparison progress", "对比进度"), "compare-progress-bar")}
            </div>
        }
    });
    let body = match &*outcome {
        None => html! { <p class="muted">{tr!(lang, "Comparing…", "正在对比…")}</p> },
        Some(o) => {
            let rows: Html = o
                .baseline
                .patterns
                .iter()
                .zip(&o.variant.patterns)
                .zip(&o.patterns)
                .map(|((b, v), (_, severity, incidents))| {
                    let (text, dir) = judged(lang, severity, Some(false));
                    let (_, inc_dir) = judged(lang, incidents, Some(false));
                    let level_b = Level::from_severity(b.severity.mean.round() as u8);
                    let level_v = Level::from_severity(v.severity.mean.round() as u8);
                    let inc_change = signed_count(incidents.change);
                    html! {
                        <tr data-testid={format!("compare-{}", b.id.id())} data-baseline={format!("{:.1}", b.severity.mean)} data-variant={format!("{:.1}", v.severity.mean)} data-baseline-incidents={format!("{:.1}", b.incidents.mean)} data-variant-incidents={format!("{:.1}", v.incidents.mean)}
                            data-noise={if severity.beyond_noise() { "beyond" } else { "within" }}>
                            <td>{pattern_name(lang, b.id)}</td>
                            <td>{level_word(lang, level_b)}{" · "}{spread_text(&b.severity, o.baseline.runs)}</td>
                            <td>{level_word(lang, level_v)}{" · "}{spread_text(&v.severity, o.variant.runs)}</td>
                            <td class={classes!("change", dir)}>{arrow(dir, severity.change)}{text}</td>
                            <td>{spread_text(&b.incidents, o.baseline.runs)}{" → "}{spread_text(&v.incidents, o.variant.runs)}{" "}<span class={classes!("change", inc_dir)}>{format!("({inc_change})")}</span></td>
                        </tr>
                    }
                })
                .collect();
            let measure = |m: Measure| {
                o.measures
                    .iter()
                    .find(|(k, _)| *k == m)
                    .map(|(_, c)| c.clone())
                    .unwrap_or_else(|| PairedChange::of(&[], &[]))
            };
            let (eng_text, eng_dir) = judged(lang, &measure(Measure::HonestEngagement), Some(true));
            let (tip_text, _) = judged(lang, &measure(Measure::TippedFen), None);
            let prevalence = measure(Measure::SolicitationPrevalence);
            let (prev_b, prev_v) = (prevalence.baseline, prevalence.variant);
            let (prev_text, prev_dir) = judged(lang, &prevalence, Some(false));
            let engagement = measure(Measure::HonestEngagement);
            let measure_rows: Html = o
                .measures
                .iter()
                .map(|(m, c)| {
                    let (text, dir) = judged(lang, c, m.more_is_better());
                    let d = c.change;
                    let sign = if d > 0.0 { "+" } else if d < 0.0 { "−" } else { "±" };
                    let abs = match m {
                        // A share's change is in points, so it does not read as a second relative change.
                        Measure::SolicitationPrevalence => { let points = d.abs() / 100.0; trf!(lang, "{sign}{points:.1} pts", "{sign}{points:.1} 个百分点") },
                        Measure::AbuseMoneyFen | Measure::TippedFen => format!("{sign}{}", measure_value(*m, d.abs())),
                        _ => signed_count(d),
                    };
                    html! {
                        <tr data-testid={format!("compare-measure-{}", serde_json::to_value(m).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())}
                            data-baseline={format!("{:.2}", c.baseline)} data-variant={format!("{:.2}", c.variant)} data-noise={if c.beyond_noise() { "beyond" } else { "within" }}>
                            <td>{measure_name(lang, *m)}</td>
                            <td>{measure_value(*m, c.baseline)}</td>
                            <td>{measure_value(*m, c.variant)}</td>
                            <td class={classes!("change", dir)}>{arrow(dir, c.change)}{format!("{abs} · {text}")}</td>
                        </tr>
                    }
                })
                .collect();
            let hours = props.variant.days.max(props.baseline.days) * 24;
            let chart: Vec<Series> = [
                pattern_series(
                    &o.baseline,
                    *chart_pattern,
                    tr!(lang, "Baseline", "基线"),
                    "#64748b",
                    true,
                ),
                pattern_series(
                    &o.variant,
                    *chart_pattern,
                    tr!(lang, "Variant", "变体"),
                    pattern_color(*chart_pattern),
                    false,
                ),
            ]
            .into_iter()
            .flatten()
            .collect();
            html! {
                <>
                    <table class="data compare" data-testid="compare-table">
                        <caption>{ match lang {
                            Lang::En => format!("Severity per pattern, mean over {} seed{}{}", o.baseline.runs, if o.baseline.runs == 1 { "" } else { "s" }, if o.baseline.runs > 1 { " (lowest–highest)" } else { "" }),
                            Lang::Zh => format!("各模式的严重度，{} 个种子的平均值{}", o.baseline.runs, if o.baseline.runs > 1 { "（最低–最高）" } else { "" }),
                        } }</caption>
                        <thead><tr><th>{tr!(lang, "Pattern", "模式")}</th><th>{tr!(lang, "Baseline", "基线")}</th><th>{tr!(lang, "Variant", "变体")}</th><th>{tr!(lang, "Change", "变化")}</th><th>{tr!(lang, "Incidents", "事件数")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p data-testid="compare-health">
                        { { let (b, v) = (group(engagement.baseline.round() as u64), group(engagement.variant.round() as u64)); trf!(lang, "Honest engagement on genuine posts: {b} → {v} ", "真实帖子上的诚实互动度：{b} → {v} ") } }
                        <span class={classes!("change", eng_dir)}>{eng_text}</span>
                        {trf!(lang, "; tip volume {tip_text}.", "；打赏总额 {tip_text}。")}
                    </p>
                    <p data-testid="compare-prevalence" data-baseline={format!("{prev_b:.1}")} data-variant={format!("{prev_v:.1}")}>
                        { { let (b, v) = (prevalence_percent(prev_b.round() as u64), prevalence_percent(prev_v.round() as u64)); trf!(lang, "Solicitation prevalence (share of honest views): {b} → {v} ", "招揽流行度（占诚实浏览的比例）：{b} → {v} ") } }
                        <span class={classes!("change", prev_dir)}>{arrow(prev_dir, prevalence.change)}{prev_text}</span>
                    </p>
                    <div class="row compare-exports">
                        <button class="btn" data-testid="compare-csv" onclick={{
                            let (o, b, v) = (Rc::clone(o), props.baseline.name.clone(), props.variant.name.clone());
                            Callback::from(move |_| crate::share::download("backfire-comparison.csv", "text/csv",
                                &crate::export::comparison_csv(&b, &v, o.baseline.runs, &o.patterns, &o.measures)))
                        }}>{tr!(lang, "Export CSV", "导出 CSV")}</button>
                        <button class="btn" data-testid="compare-svg" onclick={Callback::from(|_| crate::export::chart_svg("chart-compare"))}>{tr!(lang, "Chart SVG", "图表 SVG")}</button>
                        <button class="btn" data-testid="compare-png" onclick={Callback::from(|_| crate::export::chart_png("chart-compare"))}>{tr!(lang, "Chart PNG", "图表 PNG")}</button>
                    </div>
                    <table class="data compare" data-testid="compare-measures">
                        <caption>{ match lang {
                            Lang::En => format!("What changed for people and money, mean over {} seed{}", o.baseline.runs, if o.baseline.runs == 1 { "" } else { "s" }),
                            Lang::Zh => format!("人与钱的变化，{} 个种子的平均值", o.baseline.runs),
                        } }</caption>
                        <thead><tr><th>{tr!(lang, "Measure", "指标")}</th><th>{tr!(lang, "Baseline", "基线")}</th><th>{tr!(lang, "Variant", "变体")}</th><th>{tr!(lang, "Change", "变化")}</th></tr></thead>
                        <tbody>{measure_rows}</tbody>
                    </table>
                    <div class="row">
                        <label for="compare-chart-pattern">{tr!(lang, "Chart", "图表")}</label>
                        <select id="compare-chart-pattern" onchange={on_chart}>
                            { for PatternId::ALL.iter().map(|p| html! { <option value={p.id()} selected={*p == *chart_pattern}>{pattern_name(lang, *p)}</option> }) }
                        </select>
                    </div>
                    <LineChart title={ { let name = pattern_name(lang, *chart_pattern); trf!(lang, "{name} per hour: baseline (dashed) and variant", "每小时{name}：基线（虚线）与变体") } } series={chart} {hours} testid="chart-compare"
                        events={crate::components::results_charts::timeline_events(if props.variant.interventions.is_empty() { &props.baseline } else { &props.variant })} />
                    {stretches_view(lang, &o.stretches)}
                </>
            }
        }
    };
    html! {
        <section class="panel" data-testid="compare-panel" aria-labelledby="compare-title">
            <h2 id="compare-title">{tr!(lang, "Compare with the pinned baseline", "与固定的基线对比")}</h2>
            <p class="muted small">{tr!(lang, "Baseline: ", "基线：")}<span translate="no">{props.baseline.name.clone()}</span>{tr!(lang, ". Variant: ", "。变体：")}<span translate="no">{props.variant.name.clone()}</span>{tr!(lang, ". Both run on the same seeds.", "。两者用相同的种子运行。")}</p>
            <div class="row">
                <label for="compare-runs">{tr!(lang, "Runs (seeds)", "运行次数（种子）")}</label>
                <input id="compare-runs" class="narrow" type="number" min="1" max={RUNS_MAX.to_string()} value={runs_box.text.clone()} data-testid="compare-runs" oninput={runs_box.oninput.clone()} aria-invalid={runs_box.issue.is_some().to_string()} />
                <button class="btn" data-testid="unpin" onclick={on_unpin}>{tr!(lang, "Unpin baseline", "取消固定基线")}</button>
            </div>
            if let Some(msg) = runs_box.issue.clone() { <p class="issue error" data-testid="field-issue">{msg}</p> }
            <p class="muted small" data-testid="compare-estimate">{will_take_in(lang, estimate, props.pool.size())}</p>
            {progress_bar}
            if let Some(message) = (*failed).clone() {
                <p class="issue error" role="alert" data-testid="compare-failed">{trf!(lang, "The comparison stopped: {message}", "对比已停止：{message}")}</p>
            }
            <div class={classes!((progress.is_some() || failed.is_some()).then_some("stale"))}>{body}</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_text_is_checked() {
        assert_eq!(runs_problem(Lang::En, " 7 "), Ok(7));
        assert!(runs_problem(Lang::En, "0").is_err_and(|m| m.contains("out of range")));
        assert!(runs_problem(Lang::En, "51").is_err_and(|m| m.contains("out of range")));
        assert!(runs_problem(Lang::En, "abc").is_err_and(|m| m.contains("`abc` is not a number")));
    }

    #[test]
    fn changes_read_as_percentages() {
        assert_eq!(change(Lang::En, 100.0, 30.0), ("-70 %".to_string(), "down"));
        assert_eq!(change(Lang::En, 100.0, 99.7), ("-0.3 %".to_string(), "flat"));
        assert_eq!(change(Lang::En, 50.0, 50.0), ("no change".to_string(), "flat"));
        assert_eq!(change(Lang::En, 20.0, 30.0), ("+50 %".to_string(), "up"));
        assert_eq!(change(Lang::En, 0.0, 0.0).1, "flat");
        assert_eq!(change(Lang::En, 0.0, 5.0).0, "new");
    }

    #[test]
    fn a_change_is_coloured_only_beyond_noise() {
        let identical = PairedChange::of(&[5.0, 7.0], &[5.0, 7.0]);
        assert_eq!(
            judged(Lang::En, &identical, Some(false)),
            ("no change".to_string(), "flat")
        );
        let noisy = PairedChange::of(&[10.0, 20.0, 30.0], &[14.0, 15.0, 33.0]);
        assert!(judged(Lang::En, &noisy, Some(false)).0.starts_with("within noise"));
        assert_eq!(judged(Lang::En, &noisy, Some(false)).1, "flat");
        let worse = PairedChange::of(&[10.0, 20.0, 30.0], &[20.0, 31.0, 39.0]);
        assert_eq!(judged(Lang::En, &worse, Some(false)).1, "up", "more harm is worse");
        assert_eq!(
            judged(Lang::En, &worse, Some(true)).1,
            "down",
            "more engagement is better"
        );
        assert_eq!(judged(Lang::En, &worse, None).1, "flat", "tips are neither");
        assert!(judged(Lang::En, &PairedChange::of(&[1.0], &[3.0]), Some(false))
            .0
            .contains("one seed"));
    }
}
