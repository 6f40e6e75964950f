//! "Why": for each pattern at medium or above, the rules that open it, found by counterfactual runs, with
//! a one-line suggestion, its effect, its cost to honest users, and a button that applies it.

use crate::pool::Pool;
use crate::protocol::{Job, JobResult};
use crate::runner::{seconds, will_take};
use crate::view_model::level_class;
use backfire_engine::explain::{Explanation, Suggestion};
use backfire_engine::words::pattern_name;
use backfire_engine::Scenario;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`WhyPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct WhyPanelProps {
    /// The scenario explained.
    pub scenario: Scenario,
    /// The explanation of the current scenario, if computed.
    pub explanation: Option<Rc<Explanation>>,
    /// Stores a new explanation (or clears it with `None` when starting over).
    pub on_explained: Callback<Option<Rc<Explanation>>>,
    /// The worker pool.
    pub pool: Pool,
    /// Applies a suggestion's scenario as an undoable edit.
    pub on_apply: Callback<Scenario>,
    /// Work units per second this browser simulates (for "this will take about …").
    pub units_per_second: f64,
}

fn percent(v: Option<i32>) -> String {
    match v {
        Some(p) if p > 0 => format!("+{p} %"),
        Some(p) => format!("{p} %"),
        None => "–".into(),
    }
}

fn suggestion_row(s: &Suggestion, rank: usize, on_apply: &Callback<Scenario>) -> Html {
    let scenario = s.scenario.clone();
    let onclick = on_apply.reform(move |_: MouseEvent| scenario.clone());
    html! {
        <li class="suggestion" data-testid={format!("suggestion-{}-{rank}", s.pattern.id())} data-lever={s.lever_id.clone()}>
            <p class="sentence">{s.sentence.clone()}</p>
            <p class="muted small">
                {format!("severity {} → {}; incidents {}; honest engagement {}; tip volume {}; fee revenue {}",
                    s.severity_before, s.severity_after, percent(s.incidents_change_percent),
                    percent(s.cost.engagement_change_percent), percent(s.cost.tip_volume_change_percent), percent(s.cost.fee_revenue_change_percent))}
            </p>
            <button class="btn small" data-testid={format!("apply-{}-{rank}", s.pattern.id())} {onclick}>{"Apply this change"}</button>
        </li>
    }
}

/// The Why panel.
#[function_component]
pub fn WhyPanel(props: &WhyPanelProps) -> Html {
    let busy = use_state(|| false);
    let failed = use_state(|| None::<String>);
    let runs = use_state(|| 1u32);
    let on_explain = {
        let busy = busy.clone();
        let failed = failed.clone();
        let pool = props.pool.clone();
        let scenario = props.scenario.clone();
        let on_explained = props.on_explained.clone();
        let runs = *runs;
        Callback::from(move |_| {
            busy.set(true);
            failed.set(None);
            on_explained.emit(None);
            let busy = busy.clone();
            let failed = failed.clone();
            let on_explained = on_explained.clone();
            pool.submit(
                vec![Job::Explain {
                    scenario: Box::new(scenario.clone()),
                    runs,
                }],
                |_| {},
                move |outcome| {
                    busy.set(false);
                    match outcome {
                        Ok(mut results) => {
                            if let Some(JobResult::Explanation(e)) = results.pop() {
                                on_explained.emit(Some(Rc::new(*e)));
                            }
                        }
                        Err(message) => failed.set(Some(message)),
                    }
                },
            );
        })
    };
    let on_runs = {
        let runs = runs.clone();
        Callback::from(move |e: Event| {
            runs.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .unwrap_or(1),
            )
        })
    };
    let body = match (&props.explanation, *busy) {
        (None, false) if failed.is_some() => {
            html! { <p class="issue error" role="alert" data-testid="why-failed">{format!("The explanation stopped: {}", failed.as_deref().unwrap_or_default())}</p> }
        }
        (_, true) => {
            html! { <p data-testid="why-busy" role="status">{"Running counterfactuals: each rule moved to its restrictive alternative, alone, on the same seeds…"}</p> }
        }
        (None, false) => html! { <p class="muted">{"Explain which rules open each pattern at medium or above."}</p> },
        (Some(e), false) if e.patterns.is_empty() => {
            html! { <p data-testid="why-none">{"No pattern is at medium or above: nothing to explain."}</p> }
        }
        (Some(e), false) => html! {
            <div data-testid="why-results">
                <p class="muted small">{format!("{} rule changes tried on {} users, {} seed{}.", e.levers_tried, e.n_users, e.seeds.len(), if e.seeds.len() == 1 { "" } else { "s" })}</p>
                { for e.patterns.iter().map(|p| html! {
                    <article class="why-pattern" data-testid={format!("why-{}", p.pattern.id())}>
                        <h3>{pattern_name(p.pattern)}{" "}<span class={classes!("level", level_class(p.level))}>{p.level.id()}</span>{format!(" severity {}", p.severity)}</h3>
                        if p.suggestions.is_empty() {
                            <p class="muted">{"No single rule change cuts it measurably."}</p>
                        } else {
                            <ol>{ for p.suggestions.iter().take(5).enumerate().map(|(i, s)| suggestion_row(s, i, &props.on_apply)) }</ol>
                        }
                    </article>
                }) }
            </div>
        },
    };
    // One explanation is `runs × (levers + 1)` runs at the explained size, on one worker.
    let levers = use_memo(props.scenario.clone(), |s| backfire_engine::lever::levers(s).len());
    let sized = backfire_engine::explain::ExplainOptions::default().sized(&props.scenario, props.scenario.seed);
    let estimate = seconds(&sized, props.units_per_second) * f64::from(*runs) * (*levers + 1) as f64;
    html! {
        <section class="panel" data-testid="why-panel" aria-labelledby="why-title">
            <h2 id="why-title">{"Why: which rules open each pattern"}</h2>
            <div class="row">
                <label for="why-runs">{"Seeds per change"}</label>
                <select id="why-runs" onchange={on_runs}>
                    <option value="1" selected={*runs == 1}>{"1 (fast)"}</option>
                    <option value="3" selected={*runs == 3}>{"3 (steadier)"}</option>
                </select>
                <button class="btn primary" data-testid="explain" disabled={*busy} onclick={on_explain}>{"Explain"}</button>
                if !*busy { <span class="muted small" data-testid="why-estimate">{will_take(estimate, 1)}</span> }
            </div>
            {body}
        </section>
    }
}
