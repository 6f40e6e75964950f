//! Sweep one or two numeric rules across their ranges on the worker pool, each cell on a few seeds: a 2-D sweep
//! drawn as a heatmap, a 1-D sweep as a line with bands, either as "harm vs honest cost"; the sweep rides in the link.

mod axis_form;
mod heatmap;
mod line;
mod metric;
mod outcome;
mod scatter;

use crate::components::progress_bar::progress_bar;
use crate::locale::{count, plural, tr, trf, use_lang, Lang};
use crate::pool::BatchOutcome;
use crate::pool::{BatchProgress, Pool};
use crate::protocol::{Job, JobResult};
use crate::runner::{seconds, will_take_in};
use axis_form::{clash, AxisForm, AxisIssues};
use backfire_engine::ensemble::scenarios;
use backfire_engine::settings::SettingId;
use backfire_engine::sweep::{
    grid, CellSummary, SweepMetric, SweepParam, SweepScale, SweepSpec, SEEDS_DEFAULT, SEEDS_MAX,
};
use backfire_engine::{validate, Scenario, Severity};
use heatmap::{heatmap, Pointer};
use line::line;
use outcome::{readout, Outcome};
use scatter::{scatter, Cost};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

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
fn axis_input(label: Html, testid: &str, value: &str, issue: Option<&String>, oninput: Callback<String>) -> Html {
    let id = format!("f-{testid}");
    let oninput = oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class={classes!("field", issue.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{label}</label>
            <input id={id} type="text" inputmode="decimal" data-testid={testid.to_string()} value={value.to_string()} {oninput} aria-invalid={issue.is_some().to_string()} />
            if let Some(msg) = issue { <p class="issue error" data-testid={format!("{testid}-issue")}>{msg.clone()}</p> }
        </div>
    }
}

/// The controls of one axis: rule, circle, first and last value, number of values.
fn axis_fields(
    lang: Lang,
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
                form.set(AxisForm::new(p));
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
    let on_scale = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            if let Some(scale) = SweepScale::from_id(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                form.set(form.with_scale(scale));
            }
        })
    };
    let kind = f.param.kind();
    let circle = f.param.circle_idx();
    let unit = f.param.unit_in(lang);
    html! {
        <fieldset class="sweep-axis">
            <legend>{if name == "x" { tr!(lang, "Across (x)", "横向（x）") } else { tr!(lang, "Up (y)", "纵向（y）") }}</legend>
            <div class={classes!("field", param_issue.is_some().then_some("invalid"))}>
                <label for={format!("f-{prefix}-param")}>{tr!(lang, "Rule", "规则")}</label>
                <select id={format!("f-{prefix}-param")} data-testid={format!("{prefix}-param")} onchange={on_kind}>
                    { for SweepParam::every(None).map(|p| html! {
                        <option value={p.kind()} selected={p.kind() == kind}>{unit_words(lang, p.label_in(lang), p.unit_in(lang))}</option>
                    }) }
                </select>
                if let Some(msg) = param_issue { <p class="issue error" data-testid={format!("{prefix}-param-issue")}>{msg}</p> }
            </div>
            if f.param.per_circle() {
                <div class="field">
                    <label for={format!("f-{prefix}-circle")}>{tr!(lang, "In", "范围")}</label>
                    <select id={format!("f-{prefix}-circle")} data-testid={format!("{prefix}-circle")} onchange={on_circle}>
                        <option value="" selected={circle.is_none()}>{tr!(lang, "all circles", "所有圈子")}</option>
                        { for scenario.circles.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={circle == Some(i as u32)} translate="no">{c.name.clone()}</option>
                        }) }
                    </select>
                </div>
            }
            <div class="sweep-range">
                {axis_input(with_unit_words(lang, tr!(lang, "From", "起点"), unit), &format!("{prefix}-from"), &f.from, issues.from.as_ref(), edit(|a, t| a.from = t))}
                {axis_input(with_unit_words(lang, tr!(lang, "To", "终点"), unit), &format!("{prefix}-to"), &f.to, issues.to.as_ref(), edit(|a, t| a.to = t))}
                {axis_input(html! { {tr!(lang, "Steps", "步数")} }, &format!("{prefix}-steps"), &f.steps, issues.steps.as_ref(), edit(|a, t| a.steps = t))}
                <div class="field">
                    <label for={format!("f-{prefix}-scale")}>{tr!(lang, "Spacing", "间隔")}</label>
                    <select id={format!("f-{prefix}-scale")} data-testid={format!("{prefix}-scale")} onchange={on_scale}>
                        <option value={SweepScale::Linear.id()} selected={f.scale == SweepScale::Linear}>{tr!(lang, "even", "均匀")}</option>
                        <option value={SweepScale::OneTwoFive.id()} selected={f.scale == SweepScale::OneTwoFive}>{"1-2-5"}</option>
                    </select>
                </div>
            </div>
        </fieldset>
    }
}
/// A field's label with the rule's unit: "From (¥)" / "起点（¥）".
fn with_unit_words(lang: Lang, words: &str, unit: &str) -> Html {
    html! { {unit_words(lang, words, unit)} }
}

/// Words with a unit in brackets, as each language writes them: "Tip ceiling (¥)" / "打赏上限（¥）".
fn unit_words(lang: Lang, words: &str, unit: &str) -> String {
    match (lang, unit) {
        (_, "") => words.to_string(),
        (Lang::En, unit) => format!("{words} ({unit})"),
        (Lang::Zh, unit) => format!("{words}（{unit}）"),
    }
}

/// What a finished sweep is drawn as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chart {
    /// A heatmap (two rules) or a line with bands (one rule).
    Map,
    /// Harm against honest cost, one point per cell.
    Scatter,
}

/// The state a sweep writes as it runs, so the Run button and a link's sweep start it the same way.
#[derive(Clone)]
struct Runner {
    lang: Lang,
    pool: Pool,
    status: UseStateHandle<Status>,
    outcome: UseStateHandle<Option<Rc<Outcome>>>,
    hover: UseStateHandle<Option<usize>>,
    picked: UseStateHandle<Option<usize>>,
}

impl Runner {
    /// Runs every cell of `spec` on its seeds, and the rules on screen on the same seeds (the "current rules" mark).
    fn start(&self, scenario: &Scenario, spec: SweepSpec) {
        let cells = Rc::new(grid(scenario, &spec.x, spec.y.as_ref()));
        let seeds = spec.seeds.max(1) as usize;
        // Job order: each cell's seeds in turn, then the rules on screen's.
        let jobs: Vec<Job> = cells
            .iter()
            .map(|c| &c.scenario)
            .chain(std::iter::once(scenario))
            .flat_map(|s| scenarios(s, spec.seeds.max(1)))
            .map(|s| Job::Summary(Box::new(s)))
            .collect();
        let total = jobs.len();
        let started = js_sys::Date::now();
        let workers = self.pool.size().min(total.max(1));
        self.status.set(Status::Running(BatchProgress { done: 0, total }));
        self.hover.set(None);
        self.picked.set(None);
        let on_progress = {
            let status = self.status.clone();
            move |p: BatchProgress| status.set(Status::Running(p))
        };
        let on_done = {
            let (status, outcome, scenario, lang) =
                (self.status.clone(), self.outcome.clone(), scenario.clone(), self.lang);
            move |outcome_of_batch: BatchOutcome| {
                let results = match outcome_of_batch {
                    Ok(results) => results,
                    Err(message) => {
                        status.set(Status::Failed(trf!(
                            lang,
                            "the sweep stopped: {message}",
                            "扫描已停止：{message}"
                        )));
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
                if summaries.len() != total {
                    let back = summaries.len();
                    status.set(Status::Failed(trf!(
                        lang,
                        "{back} of {total} runs came back; run the sweep again",
                        "{total} 次运行只返回了 {back} 次；请重新扫描"
                    )));
                    return;
                }
                let mut runs: Vec<Vec<CellSummary>> = summaries.chunks(seeds).map(<[CellSummary]>::to_vec).collect();
                let current = runs.pop().unwrap_or_default();
                outcome.set(Some(Rc::new(Outcome {
                    base: scenario.clone(),
                    spec,
                    cells: cells.clone(),
                    runs,
                    current,
                    ms,
                    workers,
                })));
                status.set(Status::Done);
            }
        };
        self.pool.submit(jobs, on_progress, on_done);
    }
}

/// The sweep panel.
#[function_component]
pub fn SweepPanel(props: &SweepPanelProps) -> Html {
    let lang = use_lang();
    let first = SweepSpec::default();
    let x_form = use_state(|| AxisForm::from_axis(&first.x));
    let y_form = use_state(|| AxisForm::new(SweepParam::setting(SettingId::TipCeiling, None)));
    let y_enabled = use_state(|| false);
    let metric = use_state(|| first.metric);
    let seeds_text = use_state(|| SEEDS_DEFAULT.to_string());
    let chart = use_state(|| Chart::Map);
    let cost = use_state(|| Cost::Refused);
    let link_issue = use_state(|| None::<String>);
    let status = use_state(|| Status::Idle);
    let outcome = use_state(|| None::<Rc<Outcome>>);
    let hover = use_state(|| None::<usize>);
    let picked = use_state(|| None::<usize>);
    let rules_invalid = use_memo(props.scenario.clone(), |s| {
        validate(s).iter().any(|i| i.severity == Severity::Error)
    });
    let runner = Runner {
        lang,
        pool: props.pool.clone(),
        status: status.clone(),
        outcome: outcome.clone(),
        hover: hover.clone(),
        picked: picked.clone(),
    };

    let n_circles = props.scenario.circles.len() as u32;
    let (x_now, y_now) = (x_form.in_circles(n_circles), y_form.in_circles(n_circles));
    let x_checked = x_now.check_in(lang);
    let y_checked = y_now.check_in(lang);
    let y_clash = if *y_enabled {
        clash(lang, &x_now.param, &y_now.param)
    } else {
        None
    };
    let seeds = match seeds_text.trim().parse::<u32>() {
        Ok(n) if (1..=SEEDS_MAX).contains(&n) => Ok(n),
        _ => {
            let typed = seeds_text.trim();
            Err(trf!(
                lang,
                "`{typed}` is not a whole number from 1 to {SEEDS_MAX}",
                "`{typed}` 不是 1 到 {SEEDS_MAX} 之间的整数"
            ))
        }
    };
    let running = matches!(*status, Status::Running(_));
    let ready = match (&x_checked, *y_enabled, &y_checked, &seeds) {
        (Ok(x), false, _, Ok(n)) => Some(SweepSpec {
            x: *x,
            y: None,
            metric: *metric,
            seeds: *n,
        }),
        (Ok(x), true, Ok(y), Ok(n)) if y_clash.is_none() => Some(SweepSpec {
            x: *x,
            y: Some(*y),
            metric: *metric,
            seeds: *n,
        }),
        _ => None,
    };

    // A link that opens on a sweep fills the form and runs it once, on mount; a damaged one says which part is wrong.
    {
        let (link, on_link, scenario, invalid) = (
            props.link.clone(),
            props.on_link.clone(),
            props.scenario.clone(),
            *rules_invalid,
        );
        let (x_form, y_form, y_enabled, metric, seeds_text, link_issue, runner) = (
            x_form.clone(),
            y_form.clone(),
            y_enabled.clone(),
            metric.clone(),
            seeds_text.clone(),
            link_issue.clone(),
            runner.clone(),
        );
        use_effect_with((), move |_| match link.as_deref().map(SweepSpec::from_param) {
            None => {}
            Some(Err(e)) => {
                link_issue.set(Some(e.message(lang)));
                on_link.emit(None);
            }
            Some(Ok(spec)) => {
                let n = scenario.circles.len() as u32;
                let x = AxisForm::from_axis(&spec.x).in_circles(n);
                let y = spec.y.map(|y| AxisForm::from_axis(&y).in_circles(n));
                let checked = match &y {
                    Some(y) if clash(lang, &x.param, &y.param).is_some() => None,
                    Some(y) => x.check().ok().zip(y.check().ok()).map(|(x, y)| (x, Some(y))),
                    None => x.check().ok().map(|x| (x, None)),
                };
                x_form.set(x);
                if let Some(y) = y {
                    y_form.set(y);
                    y_enabled.set(true);
                }
                metric.set(spec.metric);
                seeds_text.set(spec.seeds.to_string());
                if let (Some((x, y)), false) = (checked, invalid) {
                    runner.start(&scenario, SweepSpec { x, y, ..spec });
                }
            }
        });
    }
    // The link carries the last finished sweep, with the metric on screen (editing the form keeps it until the next Run).
    let link_now = outcome.as_ref().map(|o| {
        SweepSpec {
            metric: *metric,
            ..o.spec
        }
        .to_param()
    });
    {
        let on_link = props.on_link.clone();
        use_effect_with(link_now, move |link| {
            if link.is_some() {
                on_link.emit(link.clone());
            }
        });
    }

    let on_run = {
        let (runner, scenario) = (runner.clone(), props.scenario.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(spec) = ready {
                runner.start(&scenario, spec);
            }
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
            if let Some(m) = SweepMetric::from_id(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                metric.set(m);
            }
        })
    };
    let on_seeds = {
        let seeds_text = seeds_text.clone();
        Callback::from(move |e: InputEvent| seeds_text.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_chart = {
        let chart = chart.clone();
        Callback::from(move |e: Event| {
            let scatter = e.target_unchecked_into::<HtmlSelectElement>().value() == "scatter";
            chart.set(if scatter { Chart::Scatter } else { Chart::Map });
        })
    };
    let on_cost = {
        let cost = cost.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(c) = Cost::ALL.into_iter().find(|c| c.id() == id) {
                cost.set(c);
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

    let at = Pointer {
        hover: *hover,
        active: *active,
        on_hover: &on_hover,
        on_pick: &on_pick,
    };
    let x_issues = x_checked.as_ref().err().cloned().unwrap_or_default();
    let y_issues = y_checked.as_ref().err().cloned().unwrap_or_default();
    let n_cells = ready.map(|s| (s.x.values().len() * s.y.map_or(1, |a| a.values().len())) as u32);
    let n_runs = ready.zip(n_cells).map(|(s, n)| (n + 1) * s.seeds);
    let progress = match &*status {
        Status::Running(p) | Status::Cancelled(p) => Some(*p),
        Status::Done => outcome.as_ref().map(|o| {
            let total = (o.cells.len() + 1) * o.spec.seeds as usize;
            BatchProgress { done: total, total }
        }),
        Status::Idle | Status::Failed(_) => None,
    };
    let status_line = match &*status {
        Status::Idle => html! {},
        Status::Running(p) => {
            let (done, total) = (count(p.done as u64), count(p.total as u64));
            html! { <span>{trf!(lang, "running {done} of {total} runs…", "正在运行 {done} / {total} 次…")}</span> }
        }
        Status::Cancelled(p) => {
            let (done, total) = (count(p.done as u64), count(p.total as u64));
            html! { <span data-testid="sweep-cancelled">{trf!(lang, "cancelled after {done} of {total} runs", "已取消，完成 {done} / {total} 次")}</span> }
        }
        Status::Failed(msg) => html! { <span class="issue error" data-testid="sweep-failed">{msg.clone()}</span> },
        Status::Done => html! {},
    };
    // The rules moved on since the sweep (other than by loading one of its cells): say so, since the
    // cells still hold the rules as they were swept.
    let stale = outcome
        .as_ref()
        .is_some_and(|o| o.base != props.scenario && !o.cells.iter().any(|c| c.scenario == props.scenario));
    let run_words = match (n_cells, ready) {
        (Some(n), Some(s)) => {
            let (cells, seeds) = (
                plural(lang, u64::from(n), "cell", "cells", "个单元格"),
                plural(lang, u64::from(s.seeds), "seed", "seeds", "个种子"),
            );
            trf!(lang, "Run {cells} × {seeds}", "运行 {cells} × {seeds}")
        }
        _ => tr!(lang, "Run", "运行").to_string(),
    };
    html! {
        <section class="panel sweep" data-testid="sweep-panel" aria-labelledby="sweep-title">
            <h2 id="sweep-title">{tr!(lang, "Sweep: move one or two rules across their range", "扫描：让一两条规则走遍其取值范围")}</h2>
            if let Some(msg) = &*link_issue {
                <p class="issue error" data-testid="sweep-link-issue">{msg.clone()}</p>
            }
            <div class="sweep-axes">
                {axis_fields(lang, "x", &x_form, x_now.clone(), &props.scenario, &x_issues, None)}
                <div>
                    <label class="toggle">
                        <input type="checkbox" data-testid="sweep-y-enabled" checked={*y_enabled} onchange={on_y_enabled} />
                        {tr!(lang, "Sweep a second rule (y)", "再扫描一条规则（y）")}
                    </label>
                    if *y_enabled {
                        {axis_fields(lang, "y", &y_form, y_now.clone(), &props.scenario, &y_issues, y_clash.clone())}
                    }
                </div>
            </div>
            <div class="row sweep-actions">
                <div class={classes!("field", "sweep-seeds", seeds.is_err().then_some("invalid"))}>
                    <label for="f-sweep-seeds">{tr!(lang, "Seeds per cell", "每格种子数")}</label>
                    <input id="f-sweep-seeds" type="text" inputmode="numeric" data-testid="sweep-seeds" value={(*seeds_text).clone()} oninput={on_seeds} aria-invalid={seeds.is_err().to_string()} />
                    if let Err(msg) = &seeds { <p class="issue error" data-testid="sweep-seeds-issue">{msg.clone()}</p> }
                </div>
                <button class="btn primary" data-testid="sweep-run" disabled={ready.is_none() || running || *rules_invalid} onclick={on_run}>
                    {run_words}
                </button>
                <button class="btn" data-testid="sweep-cancel" disabled={!running} onclick={on_cancel}>{tr!(lang, "Cancel", "取消")}</button>
                {status_line}
                if let (Some(n), false) = (n_runs, running) {
                    <span class="muted small" data-testid="sweep-estimate">
                        {will_take_in(lang, seconds(&props.scenario, props.units_per_second) * f64::from(n), props.pool.size().min(n as usize))}
                    </span>
                }
            </div>
            if *rules_invalid {
                <p class="issue error" data-testid="sweep-blocked">{tr!(lang, "the rules have errors: fix them before sweeping", "规则有错误：请先修正再扫描")}</p>
            }
            if let Some(p) = progress {
                {progress_bar(p, tr!(lang, "sweep progress", "扫描进度"), "sweep-progress")}
            }
            <div class="row sweep-show">
                <div class="field">
                    <label for="f-sweep-metric">{tr!(lang, "Show", "显示")}</label>
                    <select id="f-sweep-metric" data-testid="sweep-metric" onchange={on_metric}>
                        {metric::options(lang, *metric)}
                    </select>
                </div>
                <div class="field">
                    <label for="f-sweep-chart">{tr!(lang, "As", "图形")}</label>
                    <select id="f-sweep-chart" data-testid="sweep-chart" onchange={on_chart}>
                        <option value="map" selected={*chart == Chart::Map}>{if *y_enabled { tr!(lang, "heatmap", "热力图") } else { tr!(lang, "line with bands", "带区间的折线") }}</option>
                        <option value="scatter" selected={*chart == Chart::Scatter}>{tr!(lang, "harm vs honest cost", "危害与诚实成本")}</option>
                    </select>
                </div>
                if *chart == Chart::Scatter {
                    <div class="field">
                        <label for="f-sweep-cost">{tr!(lang, "Honest cost", "诚实成本")}</label>
                        <select id="f-sweep-cost" data-testid="sweep-cost" onchange={on_cost}>
                            { for Cost::ALL.into_iter().map(|c| html! { <option value={c.id()} selected={c == *cost}>{c.label(lang)}</option> }) }
                        </select>
                    </div>
                }
            </div>
            if let Some(o) = outcome.as_ref() {
                <p class="muted small" data-testid="sweep-ms" data-cells={o.cells.len().to_string()} data-seeds={o.spec.seeds.to_string()} data-ms={format!("{:.0}", o.ms)} data-workers={o.workers.to_string()}>
                    { {
                        let cells = plural(lang, o.cells.len() as u64, "cell", "cells", "个单元格");
                        let seeds = plural(lang, u64::from(o.spec.seeds), "seed", "seeds", "个种子");
                        let workers = plural(lang, o.workers as u64, "worker", "workers", "个工作线程");
                        let secs = o.ms / 1000.0;
                        trf!(lang, "{cells} × {seeds} in {secs:.1} s on {workers}", "{cells} × {seeds}，用时 {secs:.1} 秒，{workers}")
                    } }
                </p>
                if stale {
                    <p class="muted small" data-testid="sweep-stale">{tr!(lang, "The rules have changed since this sweep: a cell loads the rules as they were swept, with that cell's values.", "规则在这次扫描之后已改动：点选一格会载入扫描时的规则及该格的取值。")}</p>
                }
                { match (*chart, o.spec.y.is_some()) {
                    (Chart::Scatter, _) => scatter(lang, o, *metric, *cost, at),
                    (Chart::Map, true) => heatmap(lang, o, *metric, at),
                    (Chart::Map, false) => line(lang, o, *metric, at),
                } }
                { {
                    // The chart on screen exports slide-ready, as the results' charts do.
                    let shown = match (*chart, o.spec.y.is_some()) {
                        (Chart::Scatter, _) => "sweep-scatter",
                        (Chart::Map, true) => "sweep-heatmap",
                        (Chart::Map, false) => "sweep-line",
                    };
                    html! {
                        <div class="row">
                            <button class="btn small" data-testid="sweep-svg" onclick={Callback::from(move |_| crate::export::chart_svg(shown))}>{tr!(lang, "Chart SVG", "图表 SVG")}</button>
                            <button class="btn small" data-testid="sweep-png" onclick={Callback::from(move |_| crate::export::chart_png(shown))}>{tr!(lang, "Chart PNG", "图表 PNG")}</button>
                        </div>
                    }
                } }
                <div class="chart-readout sweep-readout" data-testid="sweep-readout" aria-live="polite">
                    { match (*hover).or(*picked) {
                        Some(i) => readout(lang, o, i),
                        None => html! { <span class="muted">{tr!(lang, "Hover or focus a cell for its numbers; click it or press Enter to load that configuration (Undo takes it back).", "悬停或聚焦一格查看数字；点击或按 Enter 载入该配置（撤销可复原）。")}</span> },
                    } }
                </div>
            }
        </section>
    }
}
