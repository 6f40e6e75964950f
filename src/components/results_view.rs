//! The results area: the notice, the run's status, and the four views of what the rules do (results,
//! compare, sweep, why).

use crate::components::compare_panel::ComparePanel;
use crate::components::exemplars::Exemplars;
use crate::components::export_menu::ExportMenu;
use crate::components::honest_cost::HonestCost;
use crate::components::money_flow::MoneyFlowView;
use crate::components::pattern_cards::PatternCards;
use crate::components::results_charts::ResultsCharts;
use crate::components::rules_summary::RulesSummary;
use crate::components::sweep_panel::SweepPanel;
use crate::components::why_panel::WhyPanel;
use crate::pool::Pool;
use crate::runner::{about, RunStatus, Runner};
use crate::state::{Action, AppState, Notice};
use backfire_engine::explain::Explanation;
use backfire_engine::Scenario;
use std::rc::Rc;
use yew::prelude::*;

/// The views of the results area.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum View {
    /// The latest run's report.
    Results,
    /// Baseline against variant on shared seeds.
    Compare,
    /// One or two rules over a grid.
    Sweep,
    /// Which rules open each pattern.
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

/// Props of [`ResultsView`].
#[derive(Properties, PartialEq, Clone)]
pub struct ResultsViewProps {
    /// The scenario being edited.
    pub scenario: Rc<Scenario>,
    /// The pinned baseline, if any.
    pub baseline: Option<Rc<Scenario>>,
    /// Seeds per side in a comparison.
    pub runs: u32,
    /// The notice to show, if any.
    pub notice: Option<Notice>,
    /// The explanation of the scenario, if computed.
    pub explanation: Option<Rc<Explanation>>,
    /// Sends the edits this area makes (a loaded sweep cell, an applied suggestion, the comparison's seeds).
    pub dispatcher: UseReducerDispatcher<AppState>,
    /// The run of the scenario being edited.
    pub runner: Runner,
    /// The worker pool for comparisons, sweeps and explanations.
    pub pool: Pool,
    /// Rule errors in the scenario (runs are blocked while there are any).
    pub errors: usize,
    /// The view shown.
    pub view: View,
    /// Shows another view.
    pub on_view: Callback<View>,
}

/// The results area.
#[function_component]
pub fn ResultsView(props: &ResultsViewProps) -> Html {
    let ResultsViewProps {
        scenario,
        baseline,
        runs,
        notice,
        explanation,
        dispatcher,
        runner,
        pool,
        errors,
        view,
        on_view,
    } = props;
    let actions = dispatcher.to_callback();
    let on_edit = actions.reform(|s: Scenario| Action::Edit(Box::new(s)));
    let dismiss = actions.reform(|_: MouseEvent| Action::DismissNotice);
    let stale = *errors == 0
        && !runner.is_running()
        && runner.scenario.as_deref() != Some(&**scenario)
        && runner.is_large(scenario);
    let view_button = |v: View, label: &'static str| {
        let onclick = on_view.reform(move |_| v);
        html! {
            <button role="tab" aria-selected={(*view == v).to_string()} data-testid={format!("view-{}", v.id())} {onclick}>{label}</button>
        }
    };
    html! {
        <main class="results" aria-label="Results">
            if let Some(n) = notice {
                <div class={classes!("banner", n.kind)} role="alert" data-testid="notice">
                    {n.text.clone()}{" "}<button class="btn small" data-testid="dismiss-notice" onclick={dismiss}>{"Dismiss"}</button>
                </div>
            }
            <h2 class="scenario-title" data-testid="scenario-name">{scenario.name.clone()}</h2>
            <RulesSummary scenario={(**scenario).clone()} />
            {status_line(runner, *errors)}
            if stale {
                <div class="banner info" data-testid="stale">{format!(
                    "This run is large ({} users × {} days, {}): the results below are for earlier rules. Press Run to update them.",
                    backfire_engine::words::group(u64::from(scenario.population.n_users)), scenario.days, about(runner.seconds(scenario)))}</div>
            }
            <div class="tabs" role="tablist" aria-label="what to look at">
                {view_button(View::Results, "Results")}
                {view_button(View::Compare, "Compare")}
                {view_button(View::Sweep, "Sweep")}
                {view_button(View::Why, "Why")}
            </div>
            { match *view {
                View::Results => report_view(runner),
                View::Compare => match baseline {
                    Some(b) => {
                        let on_runs = actions.reform(Action::SetRuns);
                        let on_unpin = actions.reform(|()| Action::Unpin);
                        html! { <ComparePanel baseline={(**b).clone()} variant={(**scenario).clone()} runs={*runs} {on_runs} pool={pool.clone()} {on_unpin} units_per_second={runner.units_per_second} /> }
                    }
                    None => html! { <section class="panel" data-testid="compare-panel"><p>{"Pin the current scenario as the baseline (the “Pin as baseline” button above), then edit a variant: both run on the same seeds, side by side."}</p></section> },
                },
                View::Sweep => html! { <SweepPanel scenario={(**scenario).clone()} pool={pool.clone()} on_load={on_edit} units_per_second={runner.units_per_second} /> },
                View::Why => {
                    let on_explained = actions.reform(Action::Explained);
                    html! { <WhyPanel scenario={(**scenario).clone()} explanation={explanation.clone()} {on_explained} pool={pool.clone()} on_apply={on_edit} units_per_second={runner.units_per_second} /> }
                }
            } }
        </main>
    }
}

/// The latest report: cards, charts, money flow and examples.
fn report_view(runner: &Runner) -> Html {
    let Some(report) = &runner.report else { return html! {} };
    // While a large run streams partial reports, only the cards follow it: redrawing every chart on
    // each partial report held the page's thread for ~100 ms.
    let streaming_large = runner.is_running() && runner.scenario.as_deref().is_some_and(|s| runner.is_large(s));
    html! {
        <>
            <ExportMenu report={report.clone()} />
            <PatternCards report={report.clone()} />
            if streaming_large {
                <p class="muted" data-testid="charts-after-run">{"Charts, money flow and examples appear when the run finishes."}</p>
            } else {
                <ResultsCharts report={report.clone()} />
                <MoneyFlowView money={report.money.clone()} demand_users={report.health.demand_users} demand_spent_fen={report.health.demand_spent_fen} />
                <HonestCost report={report.clone()} />
                <Exemplars report={report.clone()} />
            }
        </>
    }
}

/// The line above the results saying what the run is doing.
fn status_line(runner: &Runner, errors: usize) -> Html {
    let (status, run_id) = (&runner.status, runner.run_id);
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
        RunStatus::Cancelling => {
            html! { <p class="muted" data-testid="run-status" data-state="cancelling" data-run={run_id.to_string()}>{"Cancelling…"}</p> }
        }
        RunStatus::Cancelled => {
            // How long the worker took to stop, for the benchmark (cancel must land within 100 ms).
            let stopped = runner.cancel_ms.map(|ms| format!("{ms:.0}"));
            html! { <p class="muted" data-testid="run-status" data-state="cancelled" data-run={run_id.to_string()} data-cancel-ms={stopped}>{"Run cancelled."}</p> }
        }
        RunStatus::Failed(msg) => {
            html! { <div class="banner error" data-testid="run-status" data-state="failed" data-run={run_id.to_string()}>{format!("The run failed: {msg}")}</div> }
        }
    }
}
