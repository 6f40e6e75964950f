//! Compare: the pinned baseline against the current variant on the same seeds, with mean and spread.

use super::line_chart::{LineChart, Series};
use super::progress_bar::progress_bar;
use crate::comparison::{self, pattern_series, Outcome};
use crate::pool::{BatchProgress, Pool};
use crate::runner::{seconds, will_take};
use crate::view_model::{pattern_color, prevalence_percent};
use backfire_engine::ensemble::{Measure, PairedChange, Spread};
use backfire_engine::words::{group, pattern_name};
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
    /// Work units per second this browser simulates (for "this will take about …").
    pub units_per_second: f64,
}

/// The harm of each stretch of the timeline on both sides, and what reacting late cost: the variant's harm
/// over the baseline's before its last change.
fn stretches_view(rows: &[timeline::StretchComparison]) -> Html {
    if rows.len() < 2 {
        return html! {};
    }
    let diff = |(b, v): (f64, f64)| signed_count(v - b);
    let last = rows.last().map_or(0, |r| r.from_hour);
    let before: Vec<_> = rows.iter().filter(|r| r.to_hour <= last).collect();
    let sum = |pick: fn(&timeline::StretchComparison) -> (f64, f64)| {
        before
            .iter()
            .fold((0.0, 0.0), |(a, b), r| (a + pick(r).0, b + pick(r).1))
    };
    let (abuse_b, abuse_v) = sum(|r| r.abuse);
    let (tip_b, tip_v) = sum(|r| r.tipped_fen);
    let body: Html = rows
        .iter()
        .map(|r| {
            let label = if r.label.is_empty() { "launch" } else { r.label.as_str() };
            html! {
                <tr data-testid="compare-stretch" data-from={r.from_hour.to_string()}>
                    <td>{format!("h{}–{} · {label}", r.from_hour, r.to_hour)}</td>
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
                <caption>{"Harm by stretch of the timeline, baseline → variant (mean over the seeds)"}</caption>
                <thead><tr><th>{"Hours"}</th><th>{"Abuse incidents"}</th><th>{"Exclusion"}</th><th>{"Tips"}</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
            <p data-testid="compare-late" data-abuse-baseline={format!("{abuse_b:.1}")} data-abuse-variant={format!("{abuse_v:.1}")}>
                {format!("Before the last change (hour {last}): {} abuse incidents against {} ({}), which is what the timing cost in abuse; tips ¥{} against ¥{} (tips include honest ones).",
                    group(abuse_v.round() as u64), group(abuse_b.round() as u64), diff((abuse_b, abuse_v)),
                    group((tip_v / 100.0).round() as u64), group((tip_b / 100.0).round() as u64))}
            </p>
        </>
    }
}

/// The seeds typed in the runs box, or what is wrong with the text.
pub fn runs_problem(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=RUNS_MAX).contains(&n) => Ok(n),
        Ok(n) => Err(format!("{n} runs is out of range: enter 1 to {RUNS_MAX}")),
        Err(_) => Err(format!(
            "`{}` is not a number of runs: enter 1 to {RUNS_MAX}",
            text.trim()
        )),
    }
}

/// "−42 %" style change of a mean, or "new" when the baseline was zero.
pub fn change(before: f64, after: f64) -> (String, &'static str) {
    if before == 0.0 && after == 0.0 {
        ("no change".into(), "flat")
    } else if before == 0.0 {
        ("new".into(), "up")
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
            "no change".to_string()
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
pub fn judged(c: &PairedChange, more_is_better: Option<bool>) -> (String, &'static str) {
    // Zero on every seed (a zero mean with no spread), not merely equal means.
    if c.change == 0.0 && c.half_width.is_none_or(|w| w == 0.0) {
        return (String::from("no change"), "flat");
    }
    let (pct, _) = change(c.baseline, c.variant);
    match c.half_width {
        None => (format!("{pct} (one seed: noise unknown)"), "flat"),
        Some(_) if !c.beyond_noise() => (format!("within noise ({pct})"), "flat"),
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
fn measure_value(m: Measure, v: f64) -> String {
    match m {
        Measure::AbuseMoneyFen | Measure::TippedFen => format!("¥{}", group((v / 100.0).round().max(0.0) as u64)),
        Measure::SolicitationPrevalence => prevalence_percent(v.round().max(0.0) as u64),
        _ => group(v.round().max(0.0) as u64),
    }
}

/// A measure's name in a comparison.
fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::AbuseIncidents => "Abuse incidents (every pattern but exclusion)",
        Measure::AbuseMoneyFen => "Money moved by abuse",
        Measure::SolicitationPrevalence => "Solicitation prevalence (share of honest views)",
        Measure::Exclusion => "Honest users refused (exclusion incidents)",
        Measure::WronglySanctioned => "Honest users sanctioned by mistake",
        Measure::HonestEngagement => "Honest engagement on genuine posts",
        Measure::TippedFen => "Money tipped (honest thanks and the market)",
    }
}

/// An arrow for a coloured change.
fn arrow(class: &str, change: f64) -> &'static str {
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
        move || {
            let (progress_cb, progress_done) = (progress.clone(), progress.clone());
            let (outcome, failed) = (outcome.clone(), failed.clone());
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
                            outcome.set(Some(Rc::new(o)));
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
    let runs_draft = use_state(|| None::<(String, String)>);
    {
        let runs_draft = runs_draft.clone();
        use_effect_with(props.runs, move |_| runs_draft.set(None));
    }
    let on_runs_input = {
        let on_runs = props.on_runs.clone();
        let runs_draft = runs_draft.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            match runs_problem(&v) {
                Ok(n) => {
                    runs_draft.set(None);
                    on_runs.emit(n);
                }
                Err(msg) => runs_draft.set(Some((v, msg))),
            }
        })
    };
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
                <p>{format!("Running {} of {} runs…", p.done, p.total)}</p>
                {progress_bar(p, "comparison progress", "compare-progress-bar")}
            </div>
        }
    });
    let body = match &*outcome {
        None => html! { <p class="muted">{"Comparing…"}</p> },
        Some(o) => {
            let rows: Html = o
                .baseline
                .patterns
                .iter()
                .zip(&o.variant.patterns)
                .zip(&o.patterns)
                .map(|((b, v), (_, severity, incidents))| {
                    let (text, dir) = judged(severity, Some(false));
                    let (_, inc_dir) = judged(incidents, Some(false));
                    let level_b = Level::from_severity(b.severity.mean.round() as u8);
                    let level_v = Level::from_severity(v.severity.mean.round() as u8);
                    let inc_change = signed_count(incidents.change);
                    html! {
                        <tr data-testid={format!("compare-{}", b.id.id())} data-baseline={format!("{:.1}", b.severity.mean)} data-variant={format!("{:.1}", v.severity.mean)} data-baseline-incidents={format!("{:.1}", b.incidents.mean)} data-variant-incidents={format!("{:.1}", v.incidents.mean)}
                            data-noise={if severity.beyond_noise() { "beyond" } else { "within" }}>
                            <td>{pattern_name(b.id)}</td>
                            <td>{level_b.id()}{" · "}{spread_text(&b.severity, o.baseline.runs)}</td>
                            <td>{level_v.id()}{" · "}{spread_text(&v.severity, o.variant.runs)}</td>
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
            let (eng_text, eng_dir) = judged(&measure(Measure::HonestEngagement), Some(true));
            let (tip_text, _) = judged(&measure(Measure::TippedFen), None);
            let prevalence = measure(Measure::SolicitationPrevalence);
            let (prev_b, prev_v) = (prevalence.baseline, prevalence.variant);
            let (prev_text, prev_dir) = judged(&prevalence, Some(false));
            let engagement = measure(Measure::HonestEngagement);
            let measure_rows: Html = o
                .measures
                .iter()
                .map(|(m, c)| {
                    let (text, dir) = judged(c, m.more_is_better());
                    let d = c.change;
                    let sign = if d > 0.0 { "+" } else if d < 0.0 { "−" } else { "±" };
                    let abs = match m {
                        // A share's change is in points, so it does not read as a second relative change.
                        Measure::SolicitationPrevalence => format!("{sign}{:.1} pts", d.abs() / 100.0),
                        Measure::AbuseMoneyFen | Measure::TippedFen => format!("{sign}{}", measure_value(*m, d.abs())),
                        _ => signed_count(d),
                    };
                    html! {
                        <tr data-testid={format!("compare-measure-{}", serde_json::to_value(m).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())}
                            data-baseline={format!("{:.2}", c.baseline)} data-variant={format!("{:.2}", c.variant)} data-noise={if c.beyond_noise() { "beyond" } else { "within" }}>
                            <td>{measure_name(*m)}</td>
                            <td>{measure_value(*m, c.baseline)}</td>
                            <td>{measure_value(*m, c.variant)}</td>
                            <td class={classes!("change", dir)}>{arrow(dir, c.change)}{format!("{abs} · {text}")}</td>
                        </tr>
                    }
                })
                .collect();
            let hours = props.variant.days.max(props.baseline.days) * 24;
            let chart: Vec<Series> = [
                pattern_series(&o.baseline, *chart_pattern, "Baseline", "#64748b", true),
                pattern_series(
                    &o.variant,
                    *chart_pattern,
                    "Variant",
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
                        <caption>{format!("Severity per pattern, mean over {} seed{}{}", o.baseline.runs, if o.baseline.runs == 1 { "" } else { "s" }, if o.baseline.runs > 1 { " (lowest–highest)" } else { "" })}</caption>
                        <thead><tr><th>{"Pattern"}</th><th>{"Baseline"}</th><th>{"Variant"}</th><th>{"Change"}</th><th>{"Incidents"}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p data-testid="compare-health">
                        {format!("Honest engagement on genuine posts: {} → {} ", group(engagement.baseline.round() as u64), group(engagement.variant.round() as u64))}
                        <span class={classes!("change", eng_dir)}>{eng_text}</span>
                        {format!("; tip volume {tip_text}.")}
                    </p>
                    <p data-testid="compare-prevalence" data-baseline={format!("{prev_b:.1}")} data-variant={format!("{prev_v:.1}")}>
                        {format!("Solicitation prevalence (share of honest views): {} → {} ", prevalence_percent(prev_b.round() as u64), prevalence_percent(prev_v.round() as u64))}
                        <span class={classes!("change", prev_dir)}>{arrow(prev_dir, prevalence.change)}{prev_text}</span>
                    </p>
                    <div class="row compare-exports">
                        <button class="btn" data-testid="compare-csv" onclick={{
                            let (o, b, v) = (Rc::clone(o), props.baseline.name.clone(), props.variant.name.clone());
                            Callback::from(move |_| crate::share::download("backfire-comparison.csv", "text/csv",
                                &crate::export::comparison_csv(&b, &v, o.baseline.runs, &o.patterns, &o.measures)))
                        }}>{"Export CSV"}</button>
                        <button class="btn" data-testid="compare-svg" onclick={Callback::from(|_| crate::export::chart_svg("chart-compare"))}>{"Chart SVG"}</button>
                        <button class="btn" data-testid="compare-png" onclick={Callback::from(|_| crate::export::chart_png("chart-compare"))}>{"Chart PNG"}</button>
                    </div>
                    <table class="data compare" data-testid="compare-measures">
                        <caption>{format!("What changed for people and money, mean over {} seed{}", o.baseline.runs, if o.baseline.runs == 1 { "" } else { "s" })}</caption>
                        <thead><tr><th>{"Measure"}</th><th>{"Baseline"}</th><th>{"Variant"}</th><th>{"Change"}</th></tr></thead>
                        <tbody>{measure_rows}</tbody>
                    </table>
                    <div class="row">
                        <label for="compare-chart-pattern">{"Chart"}</label>
                        <select id="compare-chart-pattern" onchange={on_chart}>
                            { for PatternId::ALL.iter().map(|p| html! { <option value={p.id()} selected={*p == *chart_pattern}>{pattern_name(*p)}</option> }) }
                        </select>
                    </div>
                    <LineChart title={format!("{} per hour: baseline (dashed) and variant", pattern_name(*chart_pattern))} series={chart} {hours} testid="chart-compare"
                        events={crate::components::results_charts::timeline_events(if props.variant.interventions.is_empty() { &props.baseline } else { &props.variant })} />
                    {stretches_view(&o.stretches)}
                </>
            }
        }
    };
    html! {
        <section class="panel" data-testid="compare-panel" aria-labelledby="compare-title">
            <h2 id="compare-title">{"Compare with the pinned baseline"}</h2>
            <p class="muted small">{format!("Baseline: {}. Variant: {}. Both run on the same seeds.", props.baseline.name, props.variant.name)}</p>
            <div class="row">
                <label for="compare-runs">{"Runs (seeds)"}</label>
                <input id="compare-runs" class="narrow" type="number" min="1" max={RUNS_MAX.to_string()} value={(*runs_draft).as_ref().map(|(t, _)| t.clone()).unwrap_or_else(|| runs.to_string())} data-testid="compare-runs" oninput={on_runs_input} aria-invalid={runs_draft.is_some().to_string()} />
                <button class="btn" data-testid="unpin" onclick={on_unpin}>{"Unpin baseline"}</button>
            </div>
            if let Some((_, msg)) = (*runs_draft).clone() { <p class="issue error" data-testid="field-issue">{msg}</p> }
            <p class="muted small" data-testid="compare-estimate">{will_take(estimate, props.pool.size())}</p>
            {progress_bar}
            if let Some(message) = (*failed).clone() {
                <p class="issue error" role="alert" data-testid="compare-failed">{format!("The comparison stopped: {message}")}</p>
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
        assert_eq!(runs_problem(" 7 "), Ok(7));
        assert!(runs_problem("0").is_err_and(|m| m.contains("out of range")));
        assert!(runs_problem("51").is_err_and(|m| m.contains("out of range")));
        assert!(runs_problem("abc").is_err_and(|m| m.contains("`abc` is not a number")));
    }

    #[test]
    fn changes_read_as_percentages() {
        assert_eq!(change(100.0, 30.0), ("-70 %".to_string(), "down"));
        assert_eq!(change(100.0, 99.7), ("-0.3 %".to_string(), "flat"));
        assert_eq!(change(50.0, 50.0), ("no change".to_string(), "flat"));
        assert_eq!(change(20.0, 30.0), ("+50 %".to_string(), "up"));
        assert_eq!(change(0.0, 0.0).1, "flat");
        assert_eq!(change(0.0, 5.0).0, "new");
    }

    #[test]
    fn a_change_is_coloured_only_beyond_noise() {
        let identical = PairedChange::of(&[5.0, 7.0], &[5.0, 7.0]);
        assert_eq!(judged(&identical, Some(false)), ("no change".to_string(), "flat"));
        let noisy = PairedChange::of(&[10.0, 20.0, 30.0], &[14.0, 15.0, 33.0]);
        assert!(judged(&noisy, Some(false)).0.starts_with("within noise"));
        assert_eq!(judged(&noisy, Some(false)).1, "flat");
        let worse = PairedChange::of(&[10.0, 20.0, 30.0], &[20.0, 31.0, 39.0]);
        assert_eq!(judged(&worse, Some(false)).1, "up", "more harm is worse");
        assert_eq!(judged(&worse, Some(true)).1, "down", "more engagement is better");
        assert_eq!(judged(&worse, None).1, "flat", "tips are neither");
        assert!(judged(&PairedChange::of(&[1.0], &[3.0]), Some(false))
            .0
            .contains("one seed"));
    }
}
