//! Compare: the pinned baseline against the current variant on the same seeds, with mean and spread.

use super::line_chart::{LineChart, Series};
use crate::pool::{BatchProgress, Pool};
use crate::protocol::{Job, JobResult};
use crate::runner::{seconds, will_take};
use crate::view_model::{pattern_color, prevalence_percent};
use backfire_engine::ensemble::{self, Ensemble, Spread};
use backfire_engine::words::{group, pattern_name};
use backfire_engine::{timeline, Level, PatternId, Report, Scenario};
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

/// Both sides of a finished comparison.
#[derive(Clone, PartialEq)]
struct Outcome {
    baseline: Ensemble,
    variant: Ensemble,
    /// Mean solicitation prevalence (per 10,000 honest views) of the baseline and the variant; the ensemble
    /// summary carries severity and incidents only, so it is taken from the reports here.
    solicitation_prevalence: (f64, f64),
    /// Both sides cut at the hours of a timeline (the variant's, or the baseline's if only it has one).
    stretches: Vec<timeline::StretchComparison>,
}

/// The harm of each stretch of the timeline on both sides, and what reacting late cost: the variant's harm
/// over the baseline's before its last change.
fn stretches_view(rows: &[timeline::StretchComparison]) -> Html {
    if rows.len() < 2 {
        return html! {};
    }
    let diff = |(b, v): (f64, f64)| {
        let d = (v - b).round();
        if d > 0.0 {
            format!("+{}", group(d as u64))
        } else if d < 0.0 {
            format!("−{}", group((-d) as u64))
        } else {
            String::from("±0")
        }
    };
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

/// Mean prevalence of one pattern over reports, per 10,000 honest views (0 with no reports).
pub fn mean_prevalence(reports: &[Report], id: PatternId) -> f64 {
    let values: Vec<f64> = reports
        .iter()
        .filter_map(|r| r.patterns.iter().find(|p| p.id == id))
        .map(|p| f64::from(p.prevalence_per_10k))
        .collect();
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
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
            // Both sides run on the baseline's seeds, so a difference is the rules', not the dice's.
            let seeds = ensemble::seeds(baseline.seed, runs);
            let mut jobs = Vec::with_capacity(seeds.len() * 2);
            for seed in &seeds {
                jobs.push(Job::Report(Box::new(Scenario {
                    seed: *seed,
                    ..baseline.clone()
                })));
                jobs.push(Job::Report(Box::new(Scenario {
                    seed: *seed,
                    ..variant.clone()
                })));
            }
            progress.set(Some(BatchProgress {
                done: 0,
                total: jobs.len(),
            }));
            let progress_cb = progress.clone();
            let progress_done = progress.clone();
            // The timeline both sides are cut at: the variant's, or the baseline's when only it has one.
            let timed = if variant.interventions.is_empty() {
                baseline.clone()
            } else {
                variant.clone()
            };
            let outcome = outcome.clone();
            failed.set(None);
            let failed = failed.clone();
            pool.submit(
                jobs,
                move |p| progress_cb.set(Some(p)),
                move |batch| {
                    progress_done.set(None);
                    let results = match batch {
                        Ok(results) => results,
                        Err(message) => {
                            failed.set(Some(message));
                            return;
                        }
                    };
                    failed.set(None);
                    let mut base: Vec<Report> = Vec::new();
                    let mut var: Vec<Report> = Vec::new();
                    for (i, r) in results.into_iter().enumerate() {
                        if let JobResult::Report(r) = r {
                            if i % 2 == 0 {
                                base.push(*r)
                            } else {
                                var.push(*r)
                            }
                        }
                    }
                    outcome.set(Some(Rc::new(Outcome {
                        baseline: ensemble::summarize(&base),
                        variant: ensemble::summarize(&var),
                        solicitation_prevalence: (
                            mean_prevalence(&base, PatternId::Solicitation),
                            mean_prevalence(&var, PatternId::Solicitation),
                        ),
                        stretches: timeline::compare_stretches(&timed, &base, &var),
                    })));
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
    let progress_bar = progress.map(|p| html! {
        <div data-testid="compare-progress" role="status">
            <p>{format!("Running {} of {} runs…", p.done, p.total)}</p>
            <div class="progress" role="progressbar" aria-label="comparison progress" aria-valuemin="0" aria-valuemax={p.total.to_string()} aria-valuenow={p.done.to_string()}><div style={format!("width:{:.1}%", 100.0 * p.done as f64 / p.total.max(1) as f64)}></div></div>
        </div>
    });
    let body = match &*outcome {
        None => html! { <p class="muted">{"Comparing…"}</p> },
        Some(o) => {
            let rows: Html = o
                .baseline
                .patterns
                .iter()
                .zip(&o.variant.patterns)
                .map(|(b, v)| {
                    let (text, dir) = change(b.severity.mean, v.severity.mean);
                    let (inc_text, inc_dir) = change(b.incidents.mean, v.incidents.mean);
                    let level_b = Level::from_severity(b.severity.mean.round() as u8);
                    let level_v = Level::from_severity(v.severity.mean.round() as u8);
                    html! {
                        <tr data-testid={format!("compare-{}", b.id.id())} data-baseline={format!("{:.1}", b.severity.mean)} data-variant={format!("{:.1}", v.severity.mean)} data-baseline-incidents={format!("{:.1}", b.incidents.mean)} data-variant-incidents={format!("{:.1}", v.incidents.mean)}>
                            <td>{pattern_name(b.id)}</td>
                            <td>{level_b.id()}{" · "}{spread_text(&b.severity, o.baseline.runs)}</td>
                            <td>{level_v.id()}{" · "}{spread_text(&v.severity, o.variant.runs)}</td>
                            <td class={classes!("change", dir)}>{match dir { "up" => "▲ ", "down" => "▼ ", _ => "" }}{text}</td>
                            <td>{spread_text(&b.incidents, o.baseline.runs)}{" → "}{spread_text(&v.incidents, o.variant.runs)}{" "}<span class={classes!("change", inc_dir)}>{match inc_dir { "up" => "▲ ", "down" => "▼ ", _ => "" }}{inc_text}</span></td>
                        </tr>
                    }
                })
                .collect();
            let (eng_text, eng_dir) = change(o.baseline.honest_engagement.mean, o.variant.honest_engagement.mean);
            let (tip_text, _) = change(o.baseline.tipped_fen.mean, o.variant.tipped_fen.mean);
            let (prev_b, prev_v) = o.solicitation_prevalence;
            let (prev_text, prev_dir) = change(prev_b, prev_v);
            let series = |e: &Ensemble, label: &str, color: &str, dashed: bool| -> Option<Series> {
                let p = e.patterns.iter().find(|p| p.id == *chart_pattern)?;
                let values = p.hourly.iter().map(|s| s.mean).collect();
                let band = (e.runs > 1).then(|| {
                    Rc::new((
                        p.hourly.iter().map(|s| s.min as f64).collect(),
                        p.hourly.iter().map(|s| s.max as f64).collect(),
                    ))
                });
                Some(Series {
                    label: label.to_string().into(),
                    color: color.to_string().into(),
                    values,
                    band,
                    dashed,
                })
            };
            let hours = props.variant.days.max(props.baseline.days) * 24;
            let chart: Vec<Series> = [
                series(&o.baseline, "Baseline", "#64748b", true),
                series(&o.variant, "Variant", pattern_color(*chart_pattern), false),
            ]
            .into_iter()
            .flatten()
            .collect();
            html! {
                <>
                    <table class="data compare" data-testid="compare-table">
                        <caption>{format!("Severity per pattern, mean over {runs} seed{}{}", if runs == 1 { "" } else { "s" }, if runs > 1 { " (lowest–highest)" } else { "" })}</caption>
                        <thead><tr><th>{"Pattern"}</th><th>{"Baseline"}</th><th>{"Variant"}</th><th>{"Change"}</th><th>{"Incidents"}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p data-testid="compare-health">
                        {format!("Honest engagement on genuine posts: {} → {} ", group(o.baseline.honest_engagement.mean.round() as u64), group(o.variant.honest_engagement.mean.round() as u64))}
                        <span class={classes!("change", if eng_dir == "down" { "up" } else if eng_dir == "up" { "down" } else { "flat" })}>{eng_text}</span>
                        {format!("; tip volume {tip_text}.")}
                    </p>
                    <p data-testid="compare-prevalence" data-baseline={format!("{prev_b:.1}")} data-variant={format!("{prev_v:.1}")}>
                        {format!("Solicitation prevalence (share of honest views): {} → {} ", prevalence_percent(prev_b.round() as u64), prevalence_percent(prev_v.round() as u64))}
                        <span class={classes!("change", prev_dir)}>{match prev_dir { "up" => "▲ ", "down" => "▼ ", _ => "" }}{prev_text}</span>
                    </p>
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
    fn prevalence_means_over_reports() {
        assert_eq!(mean_prevalence(&[], PatternId::Solicitation), 0.0);
    }
}
