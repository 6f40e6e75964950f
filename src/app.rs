//! The root component: wires state, effects (URL, autosave, worker, keyboard) and the page's layout.

use crate::components::circle_editor::CircleEditor;
use crate::components::circle_list::CircleList;
use crate::components::compare_panel::ComparePanel;
use crate::components::exemplars::Exemplars;
use crate::components::field::Issues;
use crate::components::honest_cost::HonestCost;
use crate::components::money_flow::MoneyFlowView;
use crate::components::pattern_cards::PatternCards;
use crate::components::platform_editor::PlatformEditor;
use crate::components::population_editor::PopulationEditor;
use crate::components::present::Presentation;
use crate::components::results_charts::ResultsCharts;
use crate::components::rules_summary::RulesSummary;
use crate::components::sweep_panel::SweepPanel;
use crate::components::toolbar::Toolbar;
use crate::components::why_panel::WhyPanel;
use crate::pool::use_pool;
use crate::runner::{use_runner, RunStatus};
use crate::share::{self, Opened};
use crate::state::{Action, AppState, Notice};
use backfire_engine::{presets, validate, Scenario, Severity, ENGINE_VERSION};
use std::rc::Rc;
use yew::prelude::*;

/// Runs of at most this many user-hours re-run by themselves as the designer edits; larger ones wait
/// for the Run button. Measured in Chromium on the 2-core machine: the worker simulates about 20 million
/// user-hours a second (1M users × 30 days in 31–35 s), so this bound (e.g. 35,000 users × 7 days) keeps
/// an automatic re-run under about a third of a second.
pub const AUTO_RUN_MAX_USER_HOURS: u64 = 6_000_000;

/// Milliseconds of quiet after an edit before an automatic re-run starts.
const DEBOUNCE_MS: u32 = 25;

/// The preset shown to someone who opens the app with nothing saved.
pub const DEFAULT_PRESET: &str = "alipay-circles-2016";

/// User-hours a scenario simulates.
pub fn user_hours(s: &Scenario) -> u64 {
    u64::from(s.population.n_users) * u64::from(s.days) * 24
}

fn initial_state() -> AppState {
    let fallback = || {
        share::autosaved().map(|s| (s, None)).unwrap_or_else(|| {
            let p = presets::by_id(DEFAULT_PRESET).or_else(|| presets::all().into_iter().next());
            match p {
                Some(p) => (p.scenario, Some(p.id.to_string())),
                None => (Scenario::default(), None),
            }
        })
    };
    match share::open_fragment() {
        Opened::Scenario(s, None) => AppState::new(*s, None, None),
        Opened::Scenario(s, Some((baseline, runs))) => AppState {
            baseline: Some(*baseline),
            runs,
            ..AppState::new(*s, None, None)
        },
        Opened::Nothing => {
            let (s, id) = fallback();
            AppState::new(s, id, None)
        }
        Opened::Broken(reason) => {
            let (s, id) = fallback();
            let text = format!(
                "This link could not be opened: {}. Your last autosaved work is shown instead.",
                reason.trim_end_matches('.')
            );
            AppState::new(s, id, Some(Notice { kind: "error", text }))
        }
    }
}

/// The root component.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let runner = use_runner();
    let pool = use_pool();
    let view = use_state(|| {
        if state.baseline.is_some() {
            View::Compare
        } else {
            View::Results
        }
    });
    let presenting = use_state(|| false);
    let explanation = use_state(|| None::<Rc<backfire_engine::explain::Explanation>>);
    {
        // An explanation belongs to the scenario it was computed for.
        let explanation = explanation.clone();
        use_effect_with(state.revision, move |_| explanation.set(None));
    }
    let issues = use_memo(state.revision, {
        let s = state.scenario.clone();
        move |_| Rc::new(validate(&s))
    });
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();

    // Effects of an edit: the link in the URL, autosave, and (for small runs) a debounced re-run.
    {
        let scenario = state.scenario.clone();
        let runner = runner.clone();
        let payload = share::payload(&state.scenario, state.baseline.as_ref(), state.runs);
        use_effect_with(state.revision, move |_| {
            share::write_fragment(&payload);
            share::autosave(&scenario);
            let timer = (errors == 0 && user_hours(&scenario) <= AUTO_RUN_MAX_USER_HOURS)
                .then(|| gloo::timers::callback::Timeout::new(DEBOUNCE_MS, move || runner.start(scenario)));
            move || drop(timer)
        });
    }

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the page, except while typing in a text box,
    // where the browser's own undo of the text is what the designer expects.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e) else {
                        return;
                    };
                    if !(e.ctrl_key() || e.meta_key()) {
                        return;
                    }
                    let typing = e
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "TEXTAREA")
                                || (el.tag_name() == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
                        });
                    if typing {
                        return;
                    }
                    let key = e.key().to_lowercase();
                    if key == "z" && e.shift_key() || key == "y" {
                        e.prevent_default();
                        state.dispatch(Action::Redo);
                    } else if key == "z" {
                        e.prevent_default();
                        state.dispatch(Action::Undo);
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Pinning, unpinning or changing the seeds changes the link without changing the scenario.
    {
        let payload = share::payload(&state.scenario, state.baseline.as_ref(), state.runs);
        use_effect_with((state.baseline.clone(), state.runs), move |_| {
            share::write_fragment(&payload)
        });
    }
    let tab = use_state(|| Tab::Circles);
    let selected_circle = use_state(|| 0usize);
    let circle_idx = (*selected_circle).min(state.scenario.circles.len().saturating_sub(1));
    let edit_scenario = {
        let state = state.clone();
        Callback::from(move |s: Scenario| state.dispatch(Action::Edit(Box::new(s))))
    };
    let on_circle = {
        let state = state.clone();
        Callback::from(move |c: backfire_engine::Circle| {
            let mut s = state.scenario.clone();
            if let Some(slot) = s.circles.get_mut(circle_idx) {
                *slot = c;
            }
            state.dispatch(Action::Edit(Box::new(s)));
        })
    };
    let on_circles = {
        let state = state.clone();
        let selected_circle = selected_circle.clone();
        Callback::from(move |(circles, idx): (Vec<backfire_engine::Circle>, usize)| {
            let mut s = state.scenario.clone();
            s.circles = circles;
            selected_circle.set(idx);
            state.dispatch(Action::Edit(Box::new(s)));
        })
    };
    let on_select_circle = {
        let selected_circle = selected_circle.clone();
        Callback::from(move |i: usize| selected_circle.set(i))
    };
    let on_population = {
        let state = state.clone();
        Callback::from(move |p: backfire_engine::Population| {
            let mut s = state.scenario.clone();
            s.population = p;
            state.dispatch(Action::Edit(Box::new(s)));
        })
    };
    let tab_button = |t: Tab, label: &'static str| {
        let tab_state = tab.clone();
        let count = match t {
            Tab::Circles => issues.iter().filter(|i| i.path.starts_with("circles")).count(),
            Tab::Population => issues.iter().filter(|i| i.path.starts_with("population")).count(),
            Tab::Platform => issues
                .iter()
                .filter(|i| !i.path.starts_with("circles") && !i.path.starts_with("population"))
                .count(),
        };
        html! {
            <button role="tab" id={format!("tab-{}", t.id())} aria-controls={format!("panel-{}", t.id())} aria-selected={(*tab == t).to_string()} data-testid={format!("tab-{}", t.id())} onclick={Callback::from(move |_| tab_state.set(t))}>
                {label}{ if count > 0 { format!(" ({count})") } else { String::new() } }
            </button>
        }
    };
    let load_edit = {
        let state = state.clone();
        Callback::from(move |s: Scenario| state.dispatch(Action::Edit(Box::new(s))))
    };
    let view_button = |v: View, label: &'static str| {
        let view_state = view.clone();
        html! {
            <button role="tab" aria-selected={(*view == v).to_string()} data-testid={format!("view-{}", v.id())} onclick={Callback::from(move |_| view_state.set(v))}>{label}</button>
        }
    };
    let on_pin = {
        let state = state.clone();
        let view = view.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Pin);
            view.set(View::Compare);
        })
    };
    let on_unpin = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Unpin))
    };
    let on_runs = {
        let state = state.clone();
        Callback::from(move |n: u32| state.dispatch(Action::SetRuns(n)))
    };
    let on_present = {
        let presenting = presenting.clone();
        Callback::from(move |_| presenting.set(true))
    };
    let on_present_close = {
        let presenting = presenting.clone();
        Callback::from(move |()| presenting.set(false))
    };
    let on_explained = {
        let explanation = explanation.clone();
        Callback::from(move |e| explanation.set(e))
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };

    let on_preset = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(p) = presets::by_id(&id) {
                state.dispatch(Action::Load {
                    scenario: Box::new(p.scenario),
                    preset_id: Some(p.id.to_string()),
                    notice: None,
                });
            }
        })
    };
    let on_run = {
        let runner = runner.clone();
        let scenario = state.scenario.clone();
        Callback::from(move |_| runner.start(scenario.clone()))
    };
    let on_cancel = {
        let runner = runner.clone();
        Callback::from(move |_| runner.cancel())
    };
    let preset = state.preset_id.as_deref().and_then(presets::by_id);

    html! {
        <ContextProvider<Issues> context={Issues((*issues).clone())}>
        <div class="app">
            <header class="app-header">
                <div class="brand"><h1><span class="mark">{"◆"}</span>{" Backfire"}</h1><span class="tagline">{"policy sandbox for social features"}</span></div>
                <div class="header-actions">
                    <label class="visually-hidden" for="preset-picker">{"Preset"}</label>
                    <select id="preset-picker" data-testid="preset-picker" onchange={on_preset}>
                        <option value="" selected={preset.is_none()} disabled=true>{"Load a preset…"}</option>
                        { for presets::all().into_iter().map(|p| html! { <option value={p.id} title={p.sentence} selected={state.preset_id.as_deref() == Some(p.id)}>{p.title}</option> }) }
                    </select>
                    <Toolbar state={state.clone()} />
                    <button class="btn" data-testid="pin" title="Pin this scenario as the baseline, then edit a variant" onclick={on_pin}>{ if state.baseline.is_some() { "Re-pin baseline" } else { "Pin as baseline" } }</button>
                    <button class="btn" data-testid="present" onclick={on_present}>{"Present"}</button>
                    if runner.is_running() {
                        <button class="btn" data-testid="cancel" onclick={on_cancel}>{"Cancel"}</button>
                    } else {
                        <button class="btn primary" data-testid="run" disabled={errors > 0} onclick={on_run}
                            title={if user_hours(&state.scenario) > AUTO_RUN_MAX_USER_HOURS { "This run is large: it runs when you press Run" } else { "Small runs re-run by themselves as you edit" }}>{"Run"}</button>
                    }
                </div>
            </header>
            <aside class="rules-panel" aria-label="Rules">
                if let Some(p) = &preset { <p class="muted" data-testid="preset-sentence">{p.sentence}</p> }
                <div class="tabs" role="tablist" aria-label="what to edit">
                    {tab_button(Tab::Circles, "Circles")}
                    {tab_button(Tab::Population, "Population")}
                    {tab_button(Tab::Platform, "Run & platform")}
                </div>
                <div role="tabpanel" id={format!("panel-{}", tab.id())} aria-labelledby={format!("tab-{}", tab.id())}>
                    { match *tab {
                        Tab::Circles => html! {
                            <>
                                <CircleList circles={state.scenario.circles.clone()} selected={circle_idx} onselect={on_select_circle} onchange={on_circles} />
                                if let Some(c) = state.scenario.circles.get(circle_idx) {
                                    <CircleEditor key={circle_idx} index={circle_idx} circle={c.clone()} onchange={on_circle} />
                                }
                            </>
                        },
                        Tab::Population => html! { <PopulationEditor population={state.scenario.population.clone()} onchange={on_population} /> },
                        Tab::Platform => html! { <PlatformEditor scenario={state.scenario.clone()} onchange={edit_scenario} /> },
                    } }
                </div>
            </aside>
            <main class="results" aria-label="Results">
                if let Some(n) = &state.notice {
                    <div class={classes!("banner", n.kind)} role="alert" data-testid="notice">
                        {n.text.clone()}{" "}<button class="btn small" data-testid="dismiss-notice" onclick={dismiss}>{"Dismiss"}</button>
                    </div>
                }
                <h2 class="scenario-title" data-testid="scenario-name">{state.scenario.name.clone()}</h2>
                <RulesSummary scenario={state.scenario.clone()} />
                {status_line(&runner.status, errors, runner.run_id)}
                if errors == 0 && !runner.is_running() && runner.scenario.as_deref() != Some(&state.scenario) && user_hours(&state.scenario) > AUTO_RUN_MAX_USER_HOURS {
                    <div class="banner info" data-testid="stale">{format!(
                        "This run is large ({} users × {} days): the results below are for earlier rules. Press Run to update them.",
                        backfire_engine::words::group(u64::from(state.scenario.population.n_users)), state.scenario.days)}</div>
                }
                <div class="tabs" role="tablist" aria-label="what to look at">
                    {view_button(View::Results, "Results")}
                    {view_button(View::Compare, "Compare")}
                    {view_button(View::Sweep, "Sweep")}
                    {view_button(View::Why, "Why")}
                </div>
                { match *view {
                    View::Results => html! {
                        if let Some(report) = &runner.report {
                            <crate::components::export_menu::ExportMenu report={report.clone()} />
                            <PatternCards report={report.clone()} />
                            // While a large run streams partial reports, only the cards follow it: redrawing
                            // every chart on each partial report held the page's thread for ~100 ms.
                            if !(runner.is_running() && runner.scenario.as_ref().is_some_and(|s| user_hours(s) > AUTO_RUN_MAX_USER_HOURS)) {
                                <ResultsCharts report={report.clone()} />
                                <MoneyFlowView money={report.money.clone()} />
                                <HonestCost report={report.clone()} />
                                <Exemplars report={report.clone()} />
                            } else {
                                <p class="muted" data-testid="charts-after-run">{"Charts, money flow and examples appear when the run finishes."}</p>
                            }
                        }
                    },
                    View::Compare => match &state.baseline {
                        Some(b) => html! { <ComparePanel baseline={b.clone()} variant={state.scenario.clone()} runs={state.runs} on_runs={on_runs} pool={pool.clone()} on_unpin={on_unpin} /> },
                        None => html! { <section class="panel" data-testid="compare-panel"><p>{"Pin the current scenario as the baseline (the “Pin as baseline” button above), then edit a variant: both run on the same seeds, side by side."}</p></section> },
                    },
                    View::Sweep => html! { <SweepPanel scenario={state.scenario.clone()} pool={pool.clone()} on_load={load_edit.clone()} /> },
                    View::Why => html! { <WhyPanel scenario={state.scenario.clone()} explanation={(*explanation).clone()} {on_explained} pool={pool.clone()} on_apply={load_edit.clone()} /> },
                } }
            </main>
            <footer class="app-footer">
                <span>{format!("Backfire engine {ENGINE_VERSION}")}</span>
                <span data-testid="seed">{format!("seed {}", state.scenario.seed)}</span>
                if let Some(ms) = runner.last_ms { <span data-testid="run-ms">{format!("last run {ms:.0} ms")}</span> }
                if let (Some(r), RunStatus::Done) = (&runner.report, &runner.status) {
                    <span data-testid="report-digest" title="fingerprint of the report: equal fingerprints mean identical reports">{format!("report {}", backfire_engine::report_digest(r))}</span>
                }
            </footer>
            <span data-testid="app-ready" hidden=true></span>
            if *presenting {
                <Presentation scenario={state.scenario.clone()} report={runner.report.clone()} explanation={(*explanation).clone()} on_close={on_present_close} />
            }
        </div>
        </ContextProvider<Issues>>
    }
}

/// The tabs of the rules panel.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Tab {
    Circles,
    Population,
    Platform,
}

impl Tab {
    fn id(self) -> &'static str {
        match self {
            Tab::Circles => "circles",
            Tab::Population => "population",
            Tab::Platform => "platform",
        }
    }
}

/// The views of the results area.
#[derive(Clone, Copy, PartialEq, Debug)]
enum View {
    Results,
    Compare,
    Sweep,
    Why,
}

impl View {
    fn id(self) -> &'static str {
        match self {
            View::Results => "results",
            View::Compare => "compare",
            View::Sweep => "sweep",
            View::Why => "why",
        }
    }
}

/// The line above the results saying what the run is doing.
fn status_line(status: &RunStatus, errors: usize, run_id: u32) -> Html {
    if errors > 0 {
        return html! { <div class="banner error" data-testid="run-blocked">{format!("Fix {errors} problem{} in the rules to run.", if errors == 1 { "" } else { "s" })}</div> };
    }
    match status {
        RunStatus::Idle => html! { <p class="muted" data-testid="run-status">{"Ready."}</p> },
        RunStatus::Running { hour, total_hours } => {
            let pct = if *total_hours == 0 {
                0.0
            } else {
                f64::from(*hour) * 100.0 / f64::from(*total_hours)
            };
            html! {
                <div data-testid="run-status" data-state="running" data-run={run_id.to_string()}>
                    <p>{format!("Running… hour {hour} of {total_hours}")}</p>
                    <div class="progress" role="progressbar" aria-label="run progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow={format!("{pct:.0}")}><div style={format!("width:{pct:.1}%")}></div></div>
                </div>
            }
        }
        RunStatus::Done => {
            html! { <p class="muted" data-testid="run-status" data-state="done" data-run={run_id.to_string()}>{"Run complete."}</p> }
        }
        RunStatus::Cancelled => {
            html! { <p class="muted" data-testid="run-status" data-state="cancelled" data-run={run_id.to_string()}>{"Run cancelled."}</p> }
        }
        RunStatus::Failed(msg) => {
            html! { <div class="banner error" data-testid="run-status" data-state="failed" data-run={run_id.to_string()}>{format!("The run failed: {msg}")}</div> }
        }
    }
}
