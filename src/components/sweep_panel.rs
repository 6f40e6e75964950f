//! Sweep one or two numeric rules across their ranges on the worker pool, drawn as a heatmap.

mod axis_form;
mod heatmap;

use crate::pool::BatchOutcome;
use crate::pool::{BatchProgress, Pool};
use crate::protocol::{Job, JobResult};
use crate::runner::{seconds, will_take};
use axis_form::{clash, AxisForm, AxisIssues};
use backfire_engine::settings::SettingId;
use backfire_engine::sweep::{grid, CellSummary, SweepParam, SweepRule};
use backfire_engine::{validate, PatternId, Scenario, Severity};
use heatmap::{heatmap, readout, Metric, Outcome};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub use axis_form::STEPS_MAX;

/// Props of [`SweepPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct SweepPanelProps {
    /// The scenario swept.
    pub scenario: Scenario,
    /// The worker pool that runs the cells.
    pub pool: Pool,
    /// Loads a cell's configuration as an undoable edit.
    pub on_load: Callback<Scenario>,
    /// Work units per second this browser simulates (for "this will take about …").
    pub units_per_second: f64,
    /// The sweep the page's link opens with (its encoding in the fragment's `sweep=` part), if any.
    #[prop_or_default]
    pub link: Option<String>,
    /// Keeps the link in step with the sweep on screen (`None`: nothing to share).
    #[prop_or_default]
    pub on_link: Callback<Option<String>>,
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
/// A labelled text box of an axis, with its message beside it.
fn axis_input(label: &str, testid: &str, value: &str, issue: Option<&String>, oninput: Callback<String>) -> Html {
    let id = format!("f-{testid}");
    let oninput = oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
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
            if let Some(p) = SweepParam::of_kind(&kind, circle) {
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
            if let Some(p) = SweepParam::of_kind(form.param.kind(), circle) {
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
    let kind = f.param.kind();
    let circle = f.param.circle_idx();
    let unit = f.param.unit();
    html! {
        <fieldset class="sweep-axis">
            <legend>{if name == "x" { "Across (x)" } else { "Up (y)" }}</legend>
            <div class={classes!("field", param_issue.is_some().then_some("invalid"))}>
                <label for={format!("f-{prefix}-param")}>{"Rule"}</label>
                <select id={format!("f-{prefix}-param")} data-testid={format!("{prefix}-param")} onchange={on_kind}>
                    { for SweepParam::every(None).map(|p| html! {
                        <option value={p.kind()} selected={p.kind() == kind}>{format!("{} ({})", p.label(), p.unit())}</option>
                    }) }
                </select>
                if let Some(msg) = param_issue { <p class="issue error" data-testid={format!("{prefix}-param-issue")}>{msg}</p> }
            </div>
            if f.param.per_circle() {
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
/// The sweep panel.
#[function_component]
pub fn SweepPanel(props: &SweepPanelProps) -> Html {
    let x_form = use_state(|| AxisForm::new(SweepParam::new(SweepRule::CommentCreditThreshold, None)));
    let y_form = use_state(|| AxisForm::new(SweepParam::setting(SettingId::TipCeiling, None)));
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
        let (status, outcome, hover, picked) = (status.clone(), outcome.clone(), hover.clone(), picked.clone());
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
                let (status, outcome, scenario) = (status.clone(), outcome.clone(), scenario.clone());
                move |outcome_of_batch: BatchOutcome| {
                    let results = match outcome_of_batch {
                        Ok(results) => results,
                        Err(message) => {
                            status.set(Status::Failed(format!("the sweep stopped: {message}")));
                            return;
                        }
                    };
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
        Callback::from(move |e: Event| y_enabled.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let on_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            if let Some(m) = Metric::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                metric.set(m);
            }
        })
    };
    // The grid's one tab stop follows the last cell hovered or focused, so Tab returns to where the designer was.
    let active = use_state(|| 0usize);
    let on_hover = {
        let (hover, active) = (hover.clone(), active.clone());
        Callback::from(move |i: Option<usize>| {
            if let Some(i) = i {
                active.set(i);
            }
            hover.set(i)
        })
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
        Status::Failed(msg) => html! { <span class="issue error" data-testid="sweep-failed">{msg.clone()}</span> },
        Status::Done => html! {},
    };
    // The rules moved on since the sweep (other than by loading one of its cells): say so, since the
    // cells still hold the rules as they were swept.
    let stale = outcome
        .as_ref()
        .is_some_and(|o| o.base != props.scenario && !o.cells.iter().any(|c| c.scenario == props.scenario));
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
                if let (Some(n), false) = (n_cells, running) {
                    <span class="muted small" data-testid="sweep-estimate">
                        {will_take(seconds(&props.scenario, props.units_per_second) * f64::from(n), props.pool.size().min(n as usize))}
                    </span>
                }
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
                {heatmap(o, *metric, *hover, *active, &on_hover, &on_pick)}
                <div class="chart-readout sweep-readout" data-testid="sweep-readout" aria-live="polite">
                    { match (*hover).or(*picked) {
                        Some(i) => readout(o, i),
                        None => html! { <span class="muted">{"Hover or focus a cell for its numbers; click it or press Enter to load that configuration (Undo takes it back)."}</span> },
                    } }
                </div>
            }
        </section>
    }
}
