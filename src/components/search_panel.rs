//! "Search": the three searches of the rules on screen run on the worker pool (the red team's worst cases, the
//! fix frontier, the robustness screen), each with its budget, Run / Cancel, progress and its result.

mod frontier_plot;
mod tornado;

use crate::components::progress_bar::progress_bar;
use crate::pool::Pool;
use crate::runner::{seconds, will_take};
use crate::searching::{self, SearchProgress, Ticket};
use backfire_engine::search::frontier::{Frontier, FrontierOptions, FrontierResult};
use backfire_engine::search::redteam::{Adversary, RedTeam, RedTeamOptions, RedTeamResult, DEFAULT_ABUSIVE_PERMILLE};
use backfire_engine::search::robustness::{Robustness, RobustnessOptions, RobustnessResult};
use backfire_engine::search::{Evaluation, Provenance};
use backfire_engine::words::{pattern_name, yuan};
use backfire_engine::{PatternId, Scenario};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Runs a red team or frontier may make by default here: ten batches, about 5 s of a launch-sized search on two cores.
pub const UI_SEARCH_RUNS: u32 = 160;
/// Morris trajectories by default here: enough to rank the assumptions, small enough to finish in seconds.
pub const UI_TRAJECTORIES: u32 = 4;

/// The three searches.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    RedTeam,
    Frontier,
    Robustness,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::RedTeam, Kind::Frontier, Kind::Robustness];

    fn id(self) -> &'static str {
        match self {
            Kind::RedTeam => "redteam",
            Kind::Frontier => "frontier",
            Kind::Robustness => "robustness",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::RedTeam => "Red team",
            Kind::Frontier => "Fix frontier",
            Kind::Robustness => "Robustness",
        }
    }
}

/// Where one search stands.
#[derive(Clone, PartialEq)]
enum Outcome {
    Running(SearchProgress),
    Cancelled(SearchProgress),
    Failed(String),
    RedTeam(Rc<RedTeamResult>),
    Frontier(Rc<FrontierResult>),
    Robustness(Rc<RobustnessResult>),
}

/// Where each of the three searches stands (each keeps its result while another runs).
#[derive(Clone)]
struct Slots([UseStateHandle<Option<Outcome>>; 3]);

impl Slots {
    fn of(&self, kind: Kind) -> UseStateHandle<Option<Outcome>> {
        let [red, frontier, robustness] = &self.0;
        match kind {
            Kind::RedTeam => red.clone(),
            Kind::Frontier => frontier.clone(),
            Kind::Robustness => robustness.clone(),
        }
    }

    /// Whether a search is under way (one at a time: the pool runs one batch).
    fn busy(&self) -> bool {
        self.0.iter().any(|o| matches!(**o, Some(Outcome::Running(_))))
    }
}

/// Props of [`SearchPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct SearchPanelProps {
    /// The rules on screen: what every search starts from.
    pub scenario: Scenario,
    /// The worker pool the runs go to.
    pub pool: Pool,
    /// Loads a worst case or a frontier point as one undoable edit.
    pub on_load: Callback<Scenario>,
    /// Work units per second this browser simulates (for "this will take about …").
    pub units_per_second: f64,
}

/// The abusive share the red team assumes unless told: the scenario's own, as the engine takes it.
fn own_permille(s: &Scenario) -> u32 {
    match Adversary::of(s).total_permille() {
        0 => DEFAULT_ABUSIVE_PERMILLE,
        own => own,
    }
}

/// A whole number from a field, within `lo..=hi`, or `None` when it is not one.
fn whole(text: &str, lo: u32, hi: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| (lo..=hi).contains(n))
}

/// A percentage with at most one decimal, as ‰ (`"3"` → 30, `"2.5"` → 25), or `None`.
fn percent_as_permille(text: &str) -> Option<u32> {
    let v: f64 = text.trim().parse().ok()?;
    (0.1..=100.0).contains(&v).then(|| (v * 10.0).round() as u32)
}

/// The search panel.
#[function_component]
pub fn SearchPanel(props: &SearchPanelProps) -> Html {
    let section = use_state(|| Kind::RedTeam);
    let outcomes = Slots([use_state(|| None), use_state(|| None), use_state(|| None)]);
    let ticket = use_memo((), |_| Ticket::default());
    let percent = use_state(|| format!("{}", f64::from(own_permille(&props.scenario)) / 10.0));
    let runs = use_state(|| UI_SEARCH_RUNS.to_string());
    let pattern = use_state(String::new);
    let trajectories = use_state(|| UI_TRAJECTORIES.to_string());
    // Leaving the panel ends its search: nothing would be left to show the result.
    {
        let (ticket, pool) = ((*ticket).clone(), props.pool.clone());
        use_effect_with((), move |_| move || ticket.cancel(&pool));
    }
    let busy = outcomes.busy();

    let on_run = {
        let (ticket, pool, scenario) = ((*ticket).clone(), props.pool.clone(), props.scenario.clone());
        let (percent, runs, pattern, trajectories) =
            (percent.clone(), runs.clone(), pattern.clone(), trajectories.clone());
        let slots = outcomes.clone();
        Callback::from(move |kind: Kind| {
            let out = slots.of(kind);
            if let Some(why) = crate::protocol::refusal(&scenario) {
                return out.set(Some(Outcome::Failed(why)));
            }
            let progress = {
                let out = out.clone();
                move |p: SearchProgress| out.set(Some(Outcome::Running(p)))
            };
            let failed = |out: &UseStateHandle<Option<Outcome>>, e: String| out.set(Some(Outcome::Failed(e)));
            match kind {
                Kind::RedTeam => {
                    let (Some(permille), Some(budget)) = (percent_as_permille(&percent), whole(&runs, 2, 10_000))
                    else {
                        return failed(
                            &out,
                            String::from("the budget must be a share from 0.1 to 100 % and 2 to 10,000 runs"),
                        );
                    };
                    let options = RedTeamOptions {
                        runs: budget,
                        abusive_permille: Some(permille),
                        ..RedTeamOptions::default()
                    };
                    let done = move |r: Result<RedTeam, String>| match r {
                        Ok(s) => out.set(Some(Outcome::RedTeam(Rc::new(s.result())))),
                        Err(e) => failed(&out, e),
                    };
                    searching::start(
                        &pool,
                        &ticket,
                        RedTeam::new(&scenario, &options),
                        budget,
                        progress,
                        done,
                    );
                }
                Kind::Frontier => {
                    let Some(budget) = whole(&runs, 2, 10_000) else {
                        return failed(&out, String::from("the budget must be 2 to 10,000 runs"));
                    };
                    let options = FrontierOptions {
                        runs: budget,
                        pattern: PatternId::from_id(&pattern),
                        ..FrontierOptions::default()
                    };
                    let done = move |r: Result<Frontier, String>| match r {
                        Ok(s) => out.set(Some(Outcome::Frontier(Rc::new(s.result())))),
                        Err(e) => failed(&out, e),
                    };
                    searching::start(
                        &pool,
                        &ticket,
                        Frontier::new(&scenario, &options),
                        budget,
                        progress,
                        done,
                    );
                }
                Kind::Robustness => {
                    let Some(t) = whole(&trajectories, 1, 100) else {
                        return failed(&out, String::from("trajectories must be 1 to 100"));
                    };
                    let options = RobustnessOptions {
                        trajectories: t,
                        ..RobustnessOptions::default()
                    };
                    let search = Robustness::new(&scenario, None, &options);
                    let budget = search.budget_runs();
                    let done = move |r: Result<Robustness, String>| match r {
                        Ok(s) => out.set(Some(Outcome::Robustness(Rc::new(s.result())))),
                        Err(e) => failed(&out, e),
                    };
                    searching::start(&pool, &ticket, search, budget, progress, done);
                }
            }
        })
    };
    let on_cancel = {
        let (ticket, pool) = ((*ticket).clone(), props.pool.clone());
        let slots = outcomes.clone();
        Callback::from(move |kind: Kind| {
            ticket.cancel(&pool);
            let out = slots.of(kind);
            if let Some(Outcome::Running(p)) = &*out {
                out.set(Some(Outcome::Cancelled(*p)));
            }
        })
    };

    let kind = *section;
    let tab = |k: Kind| {
        let section = section.clone();
        html! {
            <button role="tab" aria-selected={(kind == k).to_string()} data-testid={format!("search-tab-{}", k.id())}
                onclick={Callback::from(move |_: MouseEvent| section.set(k))}>{k.label()}</button>
        }
    };
    // What one run of a search costs here, at the size a search runs it.
    let run_seconds = seconds(
        &Evaluation::default().sized(&props.scenario, props.scenario.seed),
        props.units_per_second,
    );
    let estimate = |runs: u32| will_take(run_seconds * f64::from(runs), props.pool.size());
    let text_field = |handle: &UseStateHandle<String>, testid: &str, label: &str, step: &str| {
        let h = handle.clone();
        let oninput = Callback::from(move |e: InputEvent| h.set(e.target_unchecked_into::<HtmlInputElement>().value()));
        html! {
            <label class="search-field">{label}
                <input type="number" min="0" step={step.to_string()} value={(**handle).clone()} data-testid={testid.to_string()} {oninput} />
            </label>
        }
    };
    let form = match kind {
        Kind::RedTeam => html! {
            <>
                {text_field(&percent, "redteam-percent", "At most this % of accounts abusive", "0.1")}
                {text_field(&runs, "redteam-runs", "Runs", "1")}
                <p class="muted small">{estimate(whole(&runs, 0, 10_000).unwrap_or(0))}</p>
            </>
        },
        Kind::Frontier => {
            let h = pattern.clone();
            let onchange =
                Callback::from(move |e: Event| h.set(e.target_unchecked_into::<HtmlSelectElement>().value()));
            html! {
                <>
                    <label class="search-field">{"Harm to lower"}
                        <select data-testid="frontier-pattern" {onchange}>
                            <option value="" selected={pattern.is_empty()}>{"Overall prevalence"}</option>
                            { for PatternId::ALL.iter().map(|&id| html! {
                                <option value={id.id()} selected={*pattern == id.id()}>{pattern_name(backfire_engine::lang::Lang::En, id)}</option>
                            }) }
                        </select>
                    </label>
                    {text_field(&runs, "frontier-runs", "Runs", "1")}
                    <p class="muted small">{estimate(whole(&runs, 0, 10_000).unwrap_or(0))}</p>
                </>
            }
        }
        Kind::Robustness => {
            let budget = whole(&trajectories, 1, 100).map_or(0, |t| {
                let options = RobustnessOptions {
                    trajectories: t,
                    ..RobustnessOptions::default()
                };
                Robustness::new(&props.scenario, None, &options).budget_runs()
            });
            html! {
                <>
                    {text_field(&trajectories, "robustness-trajectories", "Trajectories", "1")}
                    <p class="muted small">{format!("{budget} runs. {}", estimate(budget))}</p>
                </>
            }
        }
    };
    let outcome = (*outcomes.of(kind)).clone();
    let running = matches!(outcome, Some(Outcome::Running(_)));
    let run = on_run.reform(move |_: MouseEvent| kind);
    let cancel = on_cancel.reform(move |_: MouseEvent| kind);
    html! {
        <section class="panel search-panel" data-testid="search-panel">
            <div class="tabs" role="tablist" aria-label="which search">
                { for Kind::ALL.iter().map(|&k| tab(k)) }
            </div>
            <p class="muted">{intro(kind)}</p>
            <div class="search-form">
                {form}
                <button class="btn primary" data-testid={format!("{}-run", kind.id())} disabled={busy} onclick={run}>{"Run"}</button>
                <button class="btn" data-testid={format!("{}-cancel", kind.id())} disabled={!running} onclick={cancel}>{"Cancel"}</button>
            </div>
            {status(kind, outcome.as_ref())}
            { match outcome {
                Some(Outcome::RedTeam(r)) => redteam_view(&r, &props.on_load),
                Some(Outcome::Frontier(r)) => html! { <frontier_plot::FrontierPlot result={r} on_load={props.on_load.clone()} /> },
                Some(Outcome::Robustness(r)) => tornado::robustness_view(&r),
                _ => html! {},
            } }
        </section>
    }
}

/// What each search answers, in one line.
fn intro(kind: Kind) -> &'static str {
    match kind {
        Kind::RedTeam => "The worst adversaries these rules let through within a budget of abusive accounts: one per kind of attack (MAP-Elites).",
        Kind::Frontier => "The rule changes that cut harm most for what they cost honest users: the Pareto frontier of harm against honest cost.",
        Kind::Robustness => "Which of the model's assumptions the top pattern's level depends on (Morris screening), and whether the verdict holds across their ranges.",
    }
}

/// The progress bar and the line saying where a search stands.
fn status(kind: Kind, outcome: Option<&Outcome>) -> Html {
    let testid = format!("{}-status", kind.id());
    let progress = |p: SearchProgress, state: &str, words: String| {
        html! {
            <div class="search-status" data-testid={testid.clone()} data-state={state.to_string()} data-done={p.done.to_string()}>
                {progress_bar(p.as_batch(), "search progress", &format!("{}-progress", kind.id()))}
                <p class="muted small" role="status">{words}</p>
            </div>
        }
    };
    match outcome {
        None => html! {},
        Some(Outcome::Running(p)) => progress(*p, "running", format!("Searching… {} of {} runs", p.done, p.budget)),
        Some(Outcome::Cancelled(p)) => progress(
            *p,
            "cancelled",
            format!("Search cancelled after {} of {} runs.", p.done, p.budget),
        ),
        Some(Outcome::Failed(m)) => html! {
            <div class="banner error" data-testid={testid} data-state="failed">{format!("The search failed: {m}")}</div>
        },
        Some(_) => html! { <p class="muted small" data-testid={testid} data-state="done">{"Search complete."}</p> },
    }
}

/// Where a result comes from, in a small caption.
fn provenance(p: &Provenance) -> Html {
    let seeds: Vec<String> = p.seeds.iter().map(u64::to_string).collect();
    html! {
        <p class="muted small search-provenance" data-testid="search-provenance">
            {format!("{} · {} of {} runs · {} users × {} days · seeds {} · engine {}, model {}",
                p.method, p.runs_done, p.budget_runs, p.n_users, p.days, seeds.join(", "), p.engine_version, p.model_version)}
        </p>
    }
}

/// The red team's atlas: one worst case per kind of attack, most harmful first.
fn redteam_view(r: &RedTeamResult, on_load: &Callback<Scenario>) -> Html {
    let own = r.own.as_ref().map(|o| {
        format!(
            "The scenario's own adversary at this budget: {:.1} per 10,000 views, {} moved.",
            o.prevalence_per_10k,
            yuan(o.abuse_fen)
        )
    });
    html! {
        <div class="search-result" data-testid="redteam-result">
            <p class="small">{format!("Budget: {:.1} % of accounts abusive. Harm: {}.", f64::from(r.budget_permille) / 10.0, r.objective)}</p>
            if let Some(own) = own { <p class="muted small" data-testid="redteam-own">{own}</p> }
            <ol class="worst-cases">
                { for r.worst.iter().enumerate().map(|(i, w)| {
                    let load = {
                        let s = w.scenario.clone();
                        on_load.reform(move |_: MouseEvent| s.clone())
                    };
                    let pattern = w.top_pattern.map_or("no feed pattern", |p| pattern_name(backfire_engine::lang::Lang::En, p));
                    html! {
                        <li class="worst-case" data-testid={format!("worst-{i}")}>
                            <p class="cell">{w.cell.clone()}</p>
                            <p data-testid={format!("worst-{i}-sentence")}>{w.sentence.clone()}</p>
                            <p class="small" data-testid={format!("worst-{i}-rule")}>
                                {format!("Let through by: {} (mostly {pattern})", w.opened_by.as_deref().unwrap_or("no single rule"))}
                            </p>
                            <p class="small">
                                <span data-testid={format!("worst-{i}-prevalence")} data-value={w.prevalence_per_10k.to_string()}>
                                    {format!("{:.1} per 10,000 views are abuse", w.prevalence_per_10k)}</span>
                                {" · "}
                                <span data-testid={format!("worst-{i}-money")} data-value={w.abuse_fen.to_string()}>
                                    {format!("{} moved per run", yuan(w.abuse_fen))}</span>
                            </p>
                            <button class="btn small" data-testid={format!("worst-{i}-open")} onclick={load}>{"Open"}</button>
                            {" "}<a class="small" data-testid={format!("worst-{i}-link")} href={format!("#{}", w.link)}>{"Link"}</a>
                        </li>
                    }
                }) }
            </ol>
            {provenance(&r.provenance)}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_within_their_bounds() {
        assert_eq!(percent_as_permille("3"), Some(30));
        assert_eq!(percent_as_permille(" 2.5 "), Some(25));
        assert_eq!(percent_as_permille("0"), None);
        assert_eq!(percent_as_permille("abc"), None);
        assert_eq!(whole("64", 2, 10_000), Some(64));
        assert_eq!(whole("1", 2, 10_000), None);
    }

    #[test]
    fn the_default_share_is_the_engines() {
        let s = Scenario::default();
        let engine = RedTeam::new(&s, &RedTeamOptions::default()).result().budget_permille;
        assert_eq!(own_permille(&s), engine);
    }
}
