//! The results area: the notice, the verdict, the run's status, whether the results still match the rules on
//! screen, and the five views of what the rules do (results, compare, sweep, why, search).

use crate::components::compare_panel::ComparePanel;
use crate::components::exemplars::Exemplars;
use crate::components::export_menu::ExportMenu;
use crate::components::field::Issues;
use crate::components::glossary::GlossaryProvider;
use crate::components::help_buttons::HelpButtons;
use crate::components::honest_cost::HonestCost;
use crate::components::money_flow::MoneyFlowView;
use crate::components::pattern_cards::PatternCards;
use crate::components::refused_list::RefusedList;
use crate::components::results_charts::ResultsCharts;
use crate::components::rules_summary::RulesSummary;
use crate::components::search_panel::SearchPanel;
use crate::components::sweep_panel::SweepPanel;
use crate::components::verdict_bar::VerdictBar;
use crate::components::why_panel::WhyPanel;
use crate::hooks::use_fast_explain::FastExplain;
use crate::locale::{tr, trf, use_lang, Lang};
use crate::pool::Pool;
use crate::runner::{about_in, RunState, RunStatus, Runner};
use crate::search_session::SearchSession;
use crate::state::{Action, AppState, Notice};
use backfire_engine::explain::Explanation;
use backfire_engine::{RuleIssue, Scenario, Severity};
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
    /// What breaks the rules, the best fixes and the assumptions the verdict rests on.
    Search,
}

impl View {
    fn id(self) -> &'static str {
        match self {
            View::Results => "results",
            View::Compare => "compare",
            View::Sweep => "sweep",
            View::Why => "why",
            View::Search => "search",
        }
    }
}

/// Whether the results on screen are for the rules on screen, and if not, why.
#[derive(Clone, PartialEq, Debug)]
pub enum Freshness {
    /// The results are for the rules on screen (or there are none yet).
    Current,
    /// A run of the rules on screen is due or under way; the results are the earlier rules' until it lands.
    Updating,
    /// No run can start: the sentence names the first problem.
    Blocked(String),
    /// The results are for other rules and nothing is updating them: the sentence says why.
    Stale(String),
}

impl Freshness {
    /// The `data-fresh` value tests and styles read.
    pub fn id(&self) -> &'static str {
        match self {
            Freshness::Current => "current",
            Freshness::Updating => "updating",
            Freshness::Blocked(_) => "blocked",
            Freshness::Stale(_) => "stale",
        }
    }
}

/// The words of every stale mark: the results shown are the previous rules'.
pub fn stale_words(lang: Lang) -> &'static str {
    tr!(
        lang,
        "The results are for the rules before your last edit",
        "这些结果属于你上次编辑之前的规则"
    )
}

/// "Run blocked: `population.n_users`: at most 1,000,000 users (and 2 more problems)".
pub fn blocked_reason(lang: Lang, issues: &[RuleIssue]) -> String {
    let mut errors = issues.iter().filter(|i| i.severity == Severity::Error);
    let Some(first) = errors.next() else {
        return String::from(tr!(lang, "Run blocked", "无法运行"));
    };
    let more = errors.count();
    // The engine's message names the field and its range.
    let message = first.text(lang);
    let mut words = trf!(lang, "Run blocked: {message}", "无法运行：{message}");
    if more > 0 {
        words.push_str(&match lang {
            Lang::En => format!(" (and {more} more problem{})", if more == 1 { "" } else { "s" }),
            Lang::Zh => format!("（另有 {more} 个问题）"),
        });
    }
    words
}

/// Whether the run's results match `scenario`, the rules on screen, given the rule problems that block a run.
pub fn freshness(lang: Lang, run: &RunState, scenario: &Scenario, issues: &[RuleIssue]) -> Freshness {
    if run.report.is_none() {
        return Freshness::Current;
    }
    if issues.iter().any(|i| i.severity == Severity::Error) {
        return Freshness::Blocked(blocked_reason(lang, issues));
    }
    let same = run.scenario.as_deref() == Some(scenario);
    let stale = stale_words(lang);
    match &run.status {
        RunStatus::Running { .. } | RunStatus::Idle if same => Freshness::Current,
        RunStatus::Running { .. } => Freshness::Updating,
        RunStatus::Done if same => Freshness::Current,
        // A large run waits for the Run button; a small one is about to start by itself.
        RunStatus::Done if run.is_large(scenario) => {
            let users = crate::locale::count(u64::from(scenario.population.n_users));
            let (days, time) = (scenario.days, about_in(lang, run.seconds(scenario)));
            Freshness::Stale(trf!(
                lang,
                "{stale}. This run is large ({users} users × {days} days, {time}): press Run to update them.",
                "{stale}。这次运行较大（{users} 个用户 × {days} 天，{time}）：按“运行”更新。"
            ))
        }
        RunStatus::Done => Freshness::Updating,
        RunStatus::Cancelling | RunStatus::Cancelled => match &run.report {
            Some(r) if same && r.hours_done < r.total_hours => {
                let (done, total) = (r.hours_done, r.total_hours);
                Freshness::Stale(trf!(
                    lang,
                    "Run cancelled: the results cover only hours 0–{done} of {total}. Press Run to finish it.",
                    "运行已取消：结果只覆盖 {total} 小时中的第 0–{done} 小时。按“运行”完成它。"
                ))
            }
            _ if same => Freshness::Current,
            _ => Freshness::Stale(trf!(
                lang,
                "{stale}: the run was cancelled. Press Run to update them.",
                "{stale}：运行已取消。按“运行”更新。"
            )),
        },
        RunStatus::Failed(_) if same => Freshness::Current,
        RunStatus::Failed(_) | RunStatus::Idle => Freshness::Stale(trf!(lang, "{stale}.", "{stale}。")),
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
    /// Whether the scenario differs from the preset it was loaded from (marked beside its name).
    #[prop_or_default]
    pub modified: bool,
    /// Where the cards' fast explanation stands.
    #[prop_or_default]
    pub fast: FastExplain,
    /// Embedded in another page (`&embed=1`): the results only, with no views to switch and no help.
    #[prop_or_default]
    pub embed: bool,
    /// The sweep the link opens with (its own encoding), if any.
    #[prop_or_default]
    pub sweep_link: Option<String>,
    /// Keeps the link in step with the sweep on screen (`None`: no sweep to share).
    #[prop_or_default]
    pub on_sweep_link: Callback<Option<String>>,
    /// Told each finished comparison, with the variant it is about.
    #[prop_or_default]
    pub on_compared: Callback<(Scenario, Rc<crate::comparison::Outcome>)>,
    /// The Search view's state, kept by the app across view switches (`None`: no Search view, as in an embed).
    #[prop_or_default]
    pub search: Option<SearchSession>,
    /// Keeps the link's `search=` part in step with the search on screen.
    #[prop_or_default]
    pub on_search_link: Callback<Option<String>>,
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
        modified,
        fast,
        embed,
        sweep_link,
        on_sweep_link,
        on_compared,
        search,
        on_search_link,
    } = props;
    let view = if *embed { &View::Results } else { view };
    let actions = dispatcher.to_callback();
    let on_edit = actions.reform(|s: Scenario| Action::Edit(Box::new(s)));
    let dismiss = actions.reform(|_: MouseEvent| Action::DismissNotice);
    let issues = use_context::<Issues>().unwrap_or_default();
    let lang = use_lang();
    let fresh = freshness(lang, runner, scenario, &issues.0);
    let view_button = |v: View, label: &'static str| {
        let onclick = on_view.reform(move |_| v);
        html! {
            <button role="tab" aria-selected={(*view == v).to_string()} data-testid={format!("view-{}", v.id())} {onclick}>{label}</button>
        }
    };
    html! {
        // Focusable from the skip link (not by Tab: `tabindex="-1"`).
        <GlossaryProvider>
        <main class="results" id={crate::components::skip_link::RESULTS_ID} tabindex="-1" aria-label={tr!(lang, "Results", "结果")}>
            if let Some(n) = notice {
                <div class={classes!("banner", n.kind)} role="alert" data-testid="notice">
                    {n.text.clone()}{" "}<button class="btn small" data-testid="dismiss-notice" onclick={dismiss}>{tr!(lang, "Dismiss", "关闭")}</button>
                    {crate::problem::detail_view(lang, n.detail.as_deref())}
                </div>
            }
            // The name and the run's status share a row, so the verdict and the first cards fit above the fold.
            <div class="results-head">
                <h2 class="scenario-title"><span data-testid="scenario-name" translate="no">{scenario.name.clone()}</span>
                    if *modified { {" "}<span class="modified-mark" data-testid="scenario-modified">{tr!(lang, "modified", "已修改")}</span> }
                </h2>
                {status_line(lang, runner, &fresh, *errors)}
                if !*embed {
                    <HelpButtons />
                    <RefusedList />
                }
            </div>
            if let Freshness::Stale(why) = &fresh {
                <div class="banner info" data-testid="stale" id="results-freshness" role="status">{why.clone()}</div>
            }
            // The rules on screen, so never greyed: folded, one line, above every view.
            <RulesSummary scenario={(**scenario).clone()} />
            if !*embed {
                <div class="tabs" role="tablist" aria-label={tr!(lang, "what to look at", "查看什么")}>
                    {view_button(View::Results, tr!(lang, "Results", "结果"))}
                    {view_button(View::Compare, tr!(lang, "Compare", "对比"))}
                    {view_button(View::Sweep, tr!(lang, "Sweep", "扫描"))}
                    {view_button(View::Why, tr!(lang, "Why", "原因"))}
                    {view_button(View::Search, tr!(lang, "Search", "搜索"))}
                </div>
            }
            { match *view {
                View::Results => html! {
                    // Greyed while it does not match the rules on screen (after a short delay for runs about to land).
                    <div class="results-body" data-testid="results-body" data-fresh={fresh.id()} aria-describedby={matches!(fresh, Freshness::Stale(_) | Freshness::Blocked(_)).then_some("results-freshness")}>
                        if let Some(report) = &runner.report { <VerdictBar report={report.clone()} /> }
                        {report_view(lang, runner, scenario, explanation.as_ref(), fast)}
                    </div>
                },
                View::Compare => match baseline {
                    Some(b) => {
                        let on_runs = actions.reform(Action::SetRuns);
                        let on_unpin = actions.reform(|()| Action::Unpin);
                        html! { <ComparePanel baseline={(**b).clone()} variant={(**scenario).clone()} runs={*runs} {on_runs} pool={pool.clone()} {on_unpin} units_per_second={runner.units_per_second} on_outcome={on_compared.clone()} /> }
                    }
                    None => html! { <section class="panel" data-testid="compare-panel"><p>{tr!(lang, "Pin the current scenario as the baseline (the “Pin as baseline” button above), then edit a variant: both run on the same seeds, side by side.", "先把当前场景固定为基线（上方的“固定为基线”按钮），再编辑一个变体：两者用相同的种子并排运行。")}</p></section> },
                },
                View::Sweep => html! { <SweepPanel scenario={(**scenario).clone()} pool={pool.clone()} on_load={on_edit} units_per_second={runner.units_per_second} link={sweep_link.clone()} on_link={on_sweep_link.clone()} /> },
                View::Why => {
                    let on_explained = actions.reform(Action::Explained);
                    html! { <WhyPanel scenario={(**scenario).clone()} explanation={explanation.clone()} {on_explained} pool={pool.clone()} on_apply={on_edit} units_per_second={runner.units_per_second} /> }
                }
                View::Search => match search {
                    Some(session) => html! { <SearchPanel session={session.clone()} scenario={(**scenario).clone()} baseline={baseline.clone()} pool={pool.clone()} on_load={on_edit} on_link={on_search_link.clone()} units_per_second={runner.units_per_second} /> },
                    None => html! {},
                },
            } }
        </main>
        </GlossaryProvider>
    }
}

/// The latest report: cards, charts, money flow and examples.
fn report_view(
    lang: Lang,
    runner: &Runner,
    scenario: &Rc<Scenario>,
    explanation: Option<&Rc<Explanation>>,
    fast: &FastExplain,
) -> Html {
    let Some(report) = &runner.report else { return html! {} };
    // The explanation and its progress are about the rules on screen: beside another run's report they would mislead.
    let same = runner
        .scenario
        .as_ref()
        .is_some_and(|s| Rc::ptr_eq(s, scenario) || **s == **scenario);
    let (explanation, fast) = if same {
        (explanation.cloned(), fast.clone())
    } else {
        (None, FastExplain::Idle)
    };
    // While a large run streams partial reports, only the cards follow it: redrawing every chart on
    // each partial report held the page's thread for ~100 ms.
    let streaming_large = runner.is_running() && runner.scenario.as_deref().is_some_and(|s| runner.is_large(s));
    html! {
        <>
            <PatternCards report={report.clone()} {explanation} {fast} scenario={scenario.clone()} />
            <ExportMenu report={report.clone()} />
            if streaming_large {
                <p class="muted" data-testid="charts-after-run">{tr!(lang, "Charts, money flow and examples appear when the run finishes.", "运行结束后显示图表、资金流向和案例。")}</p>
            } else {
                <ResultsCharts report={report.clone()} events={crate::components::results_charts::timeline_events(scenario)} />
                <MoneyFlowView money={report.money.clone()} demand_users={report.health.demand_users} demand_spent_fen={report.health.demand_spent_fen} />
                <HonestCost report={report.clone()} />
                <Exemplars report={report.clone()} />
            }
        </>
    }
}

/// The line above the results saying what the run is doing.
fn status_line(lang: Lang, runner: &Runner, fresh: &Freshness, errors: usize) -> Html {
    let (status, run_id) = (&runner.status, runner.run_id);
    if errors > 0 {
        let why = match fresh {
            Freshness::Blocked(why) => why.clone(),
            _ => String::from(tr!(lang, "Run blocked", "无法运行")),
        };
        let stale = if runner.report.is_some() {
            let stale = stale_words(lang);
            trf!(lang, " {stale}.", "{stale}。")
        } else {
            String::new()
        };
        return html! {
            <div class="banner error" data-testid="run-blocked" id="results-freshness">
                { match lang {
                    Lang::En => format!("{why}. Fix {} in the rules to run.{stale}", if errors == 1 { "it" } else { "them" }),
                    Lang::Zh => format!("{why}。请在规则中修正后再运行。{stale}"),
                } }
            </div>
        };
    }
    match status {
        RunStatus::Idle => html! { <p class="muted" data-testid="run-status">{tr!(lang, "Ready.", "就绪。")}</p> },
        RunStatus::Running { hour, total_hours } => {
            let pct = if *total_hours == 0 {
                0.0
            } else {
                f64::from(*hour) * 100.0 / f64::from(*total_hours)
            };
            // On the status's own line, as tall as "Run complete.": a small run comes and goes within a
            // click, and a taller status pushed the tabs and cards down and back (a click landed elsewhere).
            html! {
                <p class="muted run-running" data-testid="run-status" data-state="running" data-run={run_id.to_string()} title={trf!(lang, "hour {hour} of {total_hours}", "第 {hour} / {total_hours} 小时")}>
                    {trf!(lang, "Running… {pct:.0} %", "运行中… {pct:.0}%")}
                    <span class="progress" role="progressbar" aria-label={tr!(lang, "run progress", "运行进度")} aria-valuemin="0" aria-valuemax="100" aria-valuenow={format!("{pct:.0}")} aria-valuetext={trf!(lang, "hour {hour} of {total_hours}", "第 {hour} / {total_hours} 小时")}><span style={format!("width:{pct:.1}%")}></span></span>
                </p>
            }
        }
        RunStatus::Done => {
            html! { <p class="muted" data-testid="run-status" data-state="done" data-run={run_id.to_string()}>{tr!(lang, "Run complete.", "运行完成。")}</p> }
        }
        RunStatus::Cancelling => {
            html! { <p class="muted" data-testid="run-status" data-state="cancelling" data-run={run_id.to_string()}>{tr!(lang, "Cancelling…", "正在取消…")}</p> }
        }
        RunStatus::Cancelled => {
            // How long the worker took to stop, for the benchmark (cancel must land within 100 ms).
            let stopped = runner.cancel_ms.map(|ms| format!("{ms:.0}"));
            html! { <p class="muted" data-testid="run-status" data-state="cancelled" data-run={run_id.to_string()} data-cancel-ms={stopped}>{tr!(lang, "Run cancelled.", "运行已取消。")}</p> }
        }
        RunStatus::Failed(msg) => {
            html! { <div class="banner error" data-testid="run-status" data-state="failed" data-run={run_id.to_string()}>{trf!(lang, "The run failed: {msg}", "运行失败：{msg}")}</div> }
        }
    }
}
