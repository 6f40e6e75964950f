//! "Search": the three searches of the rules on screen run on the worker pool (the red team's worst cases, the
//! fix frontier, the robustness screen), each with its budget, Run / Cancel, progress and its result. The state
//! lives in the app's [`SearchSession`], so a search and its result outlive a switch to another view.

mod frontier_plot;
mod tornado;

use crate::components::progress_bar::progress_bar;
use crate::locale::{money, tr, trf, use_lang, Lang};
use crate::pool::Pool;
use crate::runner::{seconds, will_take_in};
use crate::search_session::{Kind, Outcome, SearchSession, SearchSettings};
use crate::searching::SearchProgress;
use backfire_engine::search::redteam::RedTeamResult;
use backfire_engine::search::{Evaluation, Provenance};
use backfire_engine::{PatternId, Scenario};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`SearchPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct SearchPanelProps {
    /// The app's Search state: the form, each search's progress and result.
    pub session: SearchSession,
    /// The rules on screen: what every search starts from.
    pub scenario: Scenario,
    /// The pinned baseline, if any: the robustness screen also screens the comparison with it.
    pub baseline: Option<Rc<Scenario>>,
    /// The worker pool the runs go to.
    pub pool: Pool,
    /// Loads a worst case or a frontier point as one undoable edit.
    pub on_load: Callback<Scenario>,
    /// Keeps the link's `search=` part in step with the search on screen.
    pub on_link: Callback<Option<String>>,
    /// Work units per second this browser simulates (for "this will take about …").
    pub units_per_second: f64,
}

/// The name of a search's tab.
fn label(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::RedTeam => tr!(lang, "Red team", "红队"),
        Kind::Frontier => tr!(lang, "Fix frontier", "修复前沿"),
        Kind::Robustness => tr!(lang, "Robustness", "稳健性"),
    }
}

/// The search panel.
#[function_component]
pub fn SearchPanel(props: &SearchPanelProps) -> Html {
    let lang = use_lang();
    let session = props.session.clone();
    // The session lives above the view switch: this panel only listens to it while it is on screen.
    let refresh = use_force_update();
    use_effect_with(session.clone(), move |session| {
        let subscription = session.subscribe(move || refresh.force_update());
        move || drop(subscription)
    });
    // A link that opens on a search runs it once, on mount.
    {
        let (session, pool, scenario, baseline) = (
            session.clone(),
            props.pool.clone(),
            props.scenario.clone(),
            props.baseline.clone(),
        );
        use_effect_with((), move |_| {
            if session.state().run_on_open {
                session.run(lang, &pool, &scenario, baseline.as_deref());
            }
        });
    }
    let state = session.state().clone();
    // The link carries the search on screen while this view is open.
    {
        let on_link = props.on_link.clone();
        use_effect_with(state.link().cloned(), move |link| on_link.emit(link.clone()));
    }
    let settings = state.settings.clone();
    let kind = settings.kind;
    let busy = state.busy();
    let edit = |change: fn(&mut SearchSettings, String)| {
        let session = session.clone();
        move |value: String| session.update(|s| change(&mut s.settings, value))
    };

    let on_run = {
        let (session, pool, scenario, baseline) = (
            session.clone(),
            props.pool.clone(),
            props.scenario.clone(),
            props.baseline.clone(),
        );
        Callback::from(move |_: MouseEvent| session.run(lang, &pool, &scenario, baseline.as_deref()))
    };
    let on_cancel = {
        let (session, pool) = (session.clone(), props.pool.clone());
        Callback::from(move |_: MouseEvent| session.cancel(&pool))
    };
    let tab = |k: Kind| {
        let session = session.clone();
        html! {
            <button role="tab" aria-selected={(kind == k).to_string()} data-testid={format!("search-tab-{}", k.id())}
                onclick={Callback::from(move |_: MouseEvent| session.update(|s| s.settings.kind = k))}>{label(lang, k)}</button>
        }
    };
    // What one run of a search costs here, at the size a search runs it, on each seed.
    let run_seconds = seconds(
        &Evaluation::default().sized(&props.scenario, props.scenario.seed),
        props.units_per_second,
    );
    let budget = settings.budget(&props.scenario, props.baseline.as_deref());
    let estimate = will_take_in(lang, run_seconds * f64::from(budget.unwrap_or(0)), props.pool.size());
    let text_field = |value: &str, on: fn(&mut SearchSettings, String), testid: &str, label: &str, step: &str| {
        let set = edit(on);
        let oninput = Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()));
        html! {
            <label class="search-field">{label.to_string()}
                <input type="number" min="0" step={step.to_string()} value={value.to_string()} data-testid={testid.to_string()} {oninput}
                    placeholder={(testid.ends_with("-seeds")).then(|| SearchSettings::default_seeds(kind).to_string())} />
            </label>
        }
    };
    let seeds = text_field(
        &settings.seeds,
        |s, v| s.seeds = v,
        &format!("{}-seeds", kind.id()),
        tr!(lang, "Seeds per try", "每次尝试的种子数"),
        "1",
    );
    let form = match kind {
        Kind::RedTeam => html! {
            <>
                {text_field(&settings.share, |s, v| s.share = v, "redteam-percent", tr!(lang, "At most this % of accounts abusive", "滥用账户最多占此百分比"), "0.1")}
                {text_field(&settings.runs, |s, v| s.runs = v, "redteam-runs", tr!(lang, "Runs", "运行次数"), "1")}
                {seeds}
                <p class="muted small">{estimate}</p>
            </>
        },
        Kind::Frontier => {
            let set = edit(|s, v| s.harm = v);
            let onchange = Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()));
            html! {
                <>
                    <label class="search-field">{tr!(lang, "Harm to lower", "要降低的危害")}
                        <select data-testid="frontier-pattern" {onchange}>
                            <option value="" selected={settings.harm.is_empty()}>{tr!(lang, "Overall prevalence", "总体流行度")}</option>
                            { for PatternId::ALL.iter().map(|&id| html! {
                                <option value={id.id()} selected={settings.harm == id.id()}>{crate::locale::pattern_name(lang, id)}</option>
                            }) }
                        </select>
                    </label>
                    {text_field(&settings.runs, |s, v| s.runs = v, "frontier-runs", tr!(lang, "Runs", "运行次数"), "1")}
                    {seeds}
                    <p class="muted small">{estimate}</p>
                </>
            }
        }
        Kind::Robustness => {
            let runs = budget.unwrap_or(0);
            html! {
                <>
                    {text_field(&settings.trajectories, |s, v| s.trajectories = v, "robustness-trajectories", tr!(lang, "Trajectories", "轨迹数"), "1")}
                    {seeds}
                    <p class="muted small">{trf!(lang, "{runs} runs. {estimate}", "{runs} 次运行。{estimate}")}</p>
                    if props.baseline.is_some() {
                        <p class="muted small" data-testid="robustness-baseline-note">{tr!(lang, "A baseline is pinned: the screen also asks what the comparison with it depends on (each point runs both sides).", "已固定基线：筛查也会看与基线的对比取决于哪些假设（每个点两边都运行）。")}</p>
                    }
                </>
            }
        }
    };
    let outcome = state.outcome(kind).cloned();
    let running = outcome.as_ref().is_some_and(|o| matches!(o, Outcome::Running(_)))
        || (kind == Kind::Frontier
            && state
                .under_attack
                .as_ref()
                .is_some_and(|(_, o)| matches!(o, Outcome::Running(_))));
    html! {
        <section class="panel search-panel" data-testid="search-panel">
            <div class="tabs" role="tablist" aria-label={tr!(lang, "which search", "哪种搜索")}>
                { for Kind::ALL.iter().map(|&k| tab(k)) }
            </div>
            { for state.link_problems.iter().map(|p| html! { <p class="issue error" data-testid="search-link-issue">{p.clone()}</p> }) }
            <p class="muted">{intro(lang, kind)}</p>
            <div class="search-form">
                {form}
                <button class="btn primary" data-testid={format!("{}-run", kind.id())} disabled={busy} onclick={on_run}>{tr!(lang, "Run", "运行")}</button>
                <button class="btn" data-testid={format!("{}-cancel", kind.id())} disabled={!running} onclick={on_cancel}>{tr!(lang, "Cancel", "取消")}</button>
            </div>
            {status(lang, kind.id(), outcome.as_ref())}
            if matches!(outcome, Some(Outcome::RedTeam(_) | Outcome::Frontier(_) | Outcome::Robustness(_))) && state.ran_on_other(kind, &props.scenario, props.baseline.as_deref()) {
                <p class="issue warning" data-testid="search-stale">{tr!(lang,
                    "The rules (or the pinned baseline) have changed since this search ran: what it shows is of the rules as they were. Run it again for these.",
                    "此搜索运行后，规则（或固定的基线）已更改：显示的是当时规则的结果。请为当前规则重新运行。")}</p>
            }
            { match outcome {
                Some(Outcome::RedTeam(r)) => html! { <RedTeamView reproduce={state.reproduce(kind, &r.provenance.input_link, None)} result={r} on_load={props.on_load.clone()} /> },
                Some(Outcome::Frontier(r)) => {
                    let attack = state.under_attack.as_ref().filter(|(f, _)| Rc::ptr_eq(f, &r)).map(|(_, o)| o.clone());
                    let worst = match state.outcome(Kind::RedTeam) {
                        Some(Outcome::RedTeam(red)) => red.worst.first().map(|w| w.adversary.sentence_in(lang)),
                        _ => None,
                    };
                    let on_judge = {
                        let (session, pool) = (session.clone(), props.pool.clone());
                        Callback::from(move |_: MouseEvent| session.judge_under_attack(&pool))
                    };
                    html! {
                        <>
                            {frontier_plot::under_attack_offer(lang, worst.as_deref(), attack.as_ref(), busy, on_judge)}
                            <frontier_plot::FrontierPlot result={r.clone()} on_load={props.on_load.clone()}
                                under_attack={match attack { Some(Outcome::UnderAttack(u)) => Some(u), _ => None }}
                                reproduce={state.reproduce(kind, &r.provenance.input_link, None)} />
                        </>
                    }
                }
                Some(Outcome::Robustness(r)) => html! { <tornado::RobustnessView reproduce={state.reproduce(kind, &r.provenance.input_link, r.baseline_link.as_deref())} result={r} /> },
                _ => html! {},
            } }
        </section>
    }
}

/// What each search answers, in one line.
fn intro(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::RedTeam => tr!(lang, "The worst adversaries these rules let through within a budget of abusive accounts: one per kind of attack (MAP-Elites).", "在滥用账户预算之内，这些规则放过的最坏对手：每种攻击一个（MAP-Elites）。"),
        Kind::Frontier => tr!(lang, "The rule changes that cut harm most for what they cost honest users: the Pareto frontier of harm against honest cost.", "以对诚实用户的代价计，最能减少危害的规则修改：危害与诚实代价的帕累托前沿。"),
        Kind::Robustness => tr!(lang, "Which of the model's assumptions the top pattern's level depends on (Morris screening), and whether the verdict holds across their ranges.", "首要模式的水平取决于模型的哪些假设（Morris 筛查），以及结论在这些假设的范围内是否成立。"),
    }
}

/// The progress bar and the line saying where a search stands (`id` names its test ids).
fn status(lang: Lang, id: &str, outcome: Option<&Outcome>) -> Html {
    let testid = format!("{id}-status");
    let progress = |p: SearchProgress, state: &str, words: String| {
        html! {
            <div class="search-status" data-testid={testid.clone()} data-state={state.to_string()} data-done={p.done.to_string()}>
                {progress_bar(p.as_batch(), tr!(lang, "search progress", "搜索进度"), &format!("{id}-progress"))}
                <p class="muted small" role="status">{words}</p>
            </div>
        }
    };
    match outcome {
        None => html! {},
        Some(Outcome::Running(p)) => {
            let (done, budget) = (p.done, p.budget);
            progress(
                *p,
                "running",
                trf!(
                    lang,
                    "Searching… {done} of {budget} runs",
                    "搜索中… 已完成 {done} / {budget} 次运行"
                ),
            )
        }
        Some(Outcome::Cancelled(p)) => {
            let (done, budget) = (p.done, p.budget);
            progress(
                *p,
                "cancelled",
                trf!(
                    lang,
                    "Search cancelled after {done} of {budget} runs.",
                    "搜索已取消，完成了 {done} / {budget} 次运行。"
                ),
            )
        }
        Some(Outcome::Failed(m)) => html! {
            <div class="banner error" data-testid={testid} data-state="failed">{trf!(lang, "The search failed: {m}", "搜索失败：{m}")}</div>
        },
        Some(_) => {
            html! { <p class="muted small" data-testid={testid} data-state="done">{tr!(lang, "Search complete.", "搜索完成。")}</p> }
        }
    }
}

/// Where a result comes from, in a small caption, with the link that runs the same search again.
fn provenance(lang: Lang, p: &Provenance, reproduce: &str) -> Html {
    let seeds: Vec<String> = p.seeds.iter().map(u64::to_string).collect();
    let (method, done, budget, users, days, seeds) = (
        &p.method,
        p.runs_done,
        p.budget_runs,
        p.n_users,
        p.days,
        seeds.join(", "),
    );
    let (engine, model) = (&p.engine_version, p.model_version);
    html! {
        <p class="muted small search-provenance">
            <span data-testid="search-provenance">
                <span lang="en" translate="no">{method.clone()}</span>
                {trf!(lang, " · {done} of {budget} runs · {users} users × {days} days · seeds {seeds} · engine {engine}, model {model}", " · {done} / {budget} 次运行 · {users} 个用户 × {days} 天 · 种子 {seeds} · 引擎 {engine}，模型 {model}")}
            </span>
            {" "}<a href={reproduce.to_string()} data-testid="search-reproduce">{tr!(lang, "Link to this search", "此搜索的链接")}</a>
        </p>
    }
}

/// Props of [`RedTeamView`].
#[derive(Properties, PartialEq)]
struct RedTeamViewProps {
    result: Rc<RedTeamResult>,
    on_load: Callback<Scenario>,
    reproduce: String,
}

/// The red team's atlas as a component of its own, so a progress tick of another search does not redraw it.
#[function_component]
fn RedTeamView(props: &RedTeamViewProps) -> Html {
    redteam_view(use_lang(), &props.result, &props.on_load, &props.reproduce)
}

/// The red team's atlas: one worst case per kind of attack, most harmful first.
fn redteam_view(lang: Lang, r: &RedTeamResult, on_load: &Callback<Scenario>, reproduce: &str) -> Html {
    let own = r.own.as_ref().map(|o| {
        let (prevalence, moved) = (format!("{:.1}", o.prevalence_per_10k), money(lang, o.abuse_fen));
        trf!(
            lang,
            "The scenario's own adversary at this budget: {prevalence} per 10,000 views, {moved} moved.",
            "此预算下场景自带的对手：每 10,000 次浏览中 {prevalence} 次，涉及金额 {moved}。"
        )
    });
    let share = format!("{:.1}", f64::from(r.budget_permille) / 10.0);
    html! {
        <div class="search-result" data-testid="redteam-result">
            <p class="small">{trf!(lang, "Budget: {share} % of accounts abusive.", "预算：滥用账户占 {share} %。")}{" "}
                {tr!(lang, "Harm: ", "危害：")}<span>{backfire_engine::search::redteam::objective(lang)}</span></p>
            if let Some(own) = own { <p class="muted small" data-testid="redteam-own">{own}</p> }
            <ol class="worst-cases">
                { for r.worst.iter().enumerate().map(|(i, w)| {
                    let load = {
                        let s = w.scenario.clone();
                        on_load.reform(move |_: MouseEvent| s.clone())
                    };
                    let pattern = w.top_pattern.map_or(tr!(lang, "no feed pattern", "无信息流模式"), |id| crate::locale::pattern_name(lang, id));
                    // The rule in the chosen language, its circle's name marked as typed.
                    let rule = match &w.opened_by {
                        Some(english) => crate::components::rule_label::opened_by(lang, &backfire_engine::OpenedBy {
                            rule: english.clone(),
                            incidents: 0,
                            at: w.opened_by_at.clone(),
                        }),
                        None => html! { {tr!(lang, "no single rule", "没有单一规则")} },
                    };
                    let (prevalence, moved) = (format!("{:.1}", w.prevalence_per_10k), money(lang, w.abuse_fen));
                    html! {
                        <li class="worst-case" data-testid={format!("worst-{i}")}>
                            <p class="cell">{w.adversary.cell_in(lang)}</p>
                            <p data-testid={format!("worst-{i}-sentence")}>{w.adversary.sentence_in(lang)}</p>
                            <p class="small" data-testid={format!("worst-{i}-rule")}>
                                {tr!(lang, "Let through by: ", "放行的规则：")}<span>{rule}</span>{trf!(lang, " (mostly {pattern})", "（主要是{pattern}）")}
                            </p>
                            <p class="small">
                                <span data-testid={format!("worst-{i}-prevalence")} data-value={w.prevalence_per_10k.to_string()}>
                                    {trf!(lang, "{prevalence} per 10,000 views are abuse", "每 10,000 次浏览中有 {prevalence} 次是滥用")}</span>
                                {" · "}
                                <span data-testid={format!("worst-{i}-money")} data-value={w.abuse_fen.to_string()}>
                                    {trf!(lang, "{moved} moved per run", "每次运行涉及 {moved}")}</span>
                            </p>
                            <button class="btn small" data-testid={format!("worst-{i}-open")} onclick={load}>{tr!(lang, "Open", "打开")}</button>
                            {" "}<a class="small" data-testid={format!("worst-{i}-link")} href={format!("#{}", w.link)}>{tr!(lang, "Link", "链接")}</a>
                        </li>
                    }
                }) }
            </ol>
            {provenance(lang, &r.provenance, reproduce)}
        </div>
    }
}
