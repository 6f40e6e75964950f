//! The root component: wires state, effects (URL, autosave, worker, keyboard) and the page's layout.

use crate::components::assumptions_panel::AssumptionsPanel;
use crate::components::circle_editor::CircleEditor;
use crate::components::circle_list::CircleList;
use crate::components::field::{Issues, Refused, RefusedHandle};
use crate::components::library_panel::{now_ms, use_library, LibraryAction, LibraryPanel};
use crate::components::platform_editor::PlatformEditor;
use crate::components::population_editor::PopulationEditor;
use crate::components::present::Presentation;
use crate::components::results_view::{ResultsView, View};
use crate::components::review_sheet::ReviewSheet;
use crate::components::skip_link::SkipLink;
use crate::components::timeline_editor::TimelineEditor;
use crate::components::toolbar::{modified_from_preset, scenario_badge, Toolbar};
use crate::hooks::use_fast_explain::use_fast_explain;
use crate::hooks::use_page_title::use_page_title;
use crate::hooks::use_pasted_link::use_pasted_link;
use crate::hooks::use_undo_keys::use_undo_keys;
use crate::library::Origin;
use crate::locale::{self, tr, trf, Lang};
use crate::pool::use_pool;
use crate::runner::{about_in, use_runner, RunStatus, Runner};
use crate::share;
use crate::state::{put_view, Action, AppState};
use crate::view_link::Shown;
use backfire_engine::{presets, validate, RuleIssue, Scenario, Severity, ENGINE_VERSION};
use std::rc::Rc;
use yew::prelude::*;

/// Milliseconds of quiet after an edit before an automatic re-run starts, when edits come faster than this
/// (a slider being dragged). An edit after a pause starts its run at once: waiting would only add latency.
const DEBOUNCE_MS: u32 = 25;

/// The root component.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(share::opening_state);
    let lang_state = use_state(locale::opening_lang);
    let lang = lang_state.clone();
    use_effect_with(*lang, |l| locale::apply(*l));
    let runner = use_runner();
    // The report's fingerprint serialises the whole report: once per report, not on every render of the page.
    let digest = use_memo(runner.report.as_ref().map(|r| Rc::as_ptr(r) as usize), {
        let report = runner.report.clone();
        move |_| report.as_deref().map(backfire_engine::report_digest)
    });
    let pool = use_pool();
    // What the link shows besides the rules (the deck's slide, a sweep) is read once, then kept in step.
    let shown = use_state(|| Shown::read(&share::current_fragment().unwrap_or_default()));
    // searchx: the Search view's state lives here, above the view switch, so a search and its result outlive it.
    let search = use_memo((), {
        let (link, scenario, lang) = (shown.search.clone(), state.scenario.clone(), *lang);
        move |_| crate::search_session::SearchSession::opening(lang, link.as_deref(), &scenario)
    });
    let view = use_state(|| {
        if shown.search.is_some() {
            View::Search
        } else if shown.sweep.is_some() {
            View::Sweep
        } else if state.baseline.is_some() {
            View::Compare
        } else {
            View::Results
        }
    });
    let tab = use_state(|| Tab::Circles);
    let presenting = use_state(|| shown.slide.is_some());
    let issues = use_memo(state.revision, {
        let s = state.scenario.clone();
        move |_| validate(&s)
    });
    // Number fields holding refused text block the run like rule errors: the box shows what the scenario lacks.
    let refused = use_reducer(Refused::default);
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count() + refused.0.len();
    use_undo_keys(state.dispatcher());
    let modified = *use_memo((state.revision, state.preset_id.clone()), {
        let s = state.scenario.clone();
        move |(_, id)| modified_from_preset(&s, id.as_deref())
    });
    use_page_title(*lang_state, state.scenario.name.clone(), modified);
    // Below 1024 px the results come first and the editor opens behind a button.
    let editing = use_state(|| false);
    let on_edit_rules = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    // Every state is kept in its piece of work's autosave slot, and as a version when it would run.
    let library = use_library(state.scenario.clone(), state.revision, errors == 0);

    // The link is deflated once per change of what it carries: the scenario, the baseline, the seeds.
    // The baseline is keyed by pointer: a pinned scenario is shared, never changed in place, and is
    // kept alive by the state, so another pointer means another pin.
    let payload = use_memo((state.revision, state.baseline.as_ref().map(Rc::as_ptr), state.runs), {
        let (scenario, baseline, runs) = (state.scenario.clone(), state.baseline.clone(), state.runs);
        move |_| share::payload(&scenario, baseline.as_deref(), runs)
    });
    // The link of what is on screen: the rules' payload, then what it shows (Copy link and the address bar).
    let link = use_memo(
        (payload.clone(), (*shown).clone(), *lang),
        |(payload, shown, lang)| match &**payload {
            Ok(p) => Ok(Rc::from(share::with_lang(&format!("{p}{}", shown.suffix()), *lang))),
            Err(e) => Err(e.clone()),
        },
    );
    // A link that could not be opened stays in the address bar (to copy, report or fix) until the first edit.
    let broken_link = *use_memo((), |_| matches!(share::open_fragment(), share::Opened::Broken(_)));
    let opened = state.revision == 0;
    // An embed shows the rules of its link and never edits them: its fragment (with `&embed=1`) stays.
    let embed = *use_memo((), |_| share::embed_requested());
    use_effect_with(link.clone(), move |link| {
        if !(embed || broken_link && opened) {
            share::sync_fragment(link);
        }
    });
    // After each completed run, a one-seed explanation in the pool's background says on each card what closing its rule would do.
    let fast = use_fast_explain(&state, &runner, &pool, errors);
    // An edit is autosaved, and a small run re-runs by itself once the edits pause.
    {
        let (scenario, runner) = (state.scenario.clone(), runner.clone());
        let last_edit_ms = use_mut_ref(|| f64::NEG_INFINITY);
        use_effect_with(state.revision, move |_| {
            let now = js_sys::Date::now();
            let quiet = now - std::mem::replace(&mut *last_edit_ms.borrow_mut(), now) >= f64::from(DEBOUNCE_MS);
            // After a pause the run starts in the next task (a zero timeout), not inside this render's task: the
            // edit's render and the run's first render then stay two short tasks, not one long one.
            let wait = if quiet { 0 } else { DEBOUNCE_MS };
            let timer = (errors == 0 && !runner.is_large(&scenario))
                .then(|| gloo::timers::callback::Timeout::new(wait, move || runner.start(scenario)));
            move || drop(timer)
        });
    }

    let actions = state.dispatcher().to_callback();
    let on_pin = {
        let (actions, view) = (actions.clone(), view.clone());
        Callback::from(move |_| {
            actions.emit(Action::Pin);
            view.set(View::Compare);
        })
    };
    // New work (a preset, an import) takes an autosave slot of its own, so the work before it is kept.
    let started = {
        let library = library.clone();
        move |origin| {
            library.dispatch(LibraryAction::Started {
                origin,
                entry: None,
                now_ms: now_ms(),
            })
        }
    };
    use_pasted_link(*lang_state, state.dispatcher(), {
        let started = started.clone();
        Callback::from(move |()| started(Origin::Link))
    });
    let on_preset = {
        let (actions, started) = (actions.clone(), started.clone());
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(p) = presets::by_id(&id) {
                started(Origin::Preset);
                actions.emit(Action::Load {
                    scenario: Box::new(p.scenario),
                    preset_id: Some(p.id.to_string()),
                    notice: None,
                });
            }
        })
    };
    let on_run = {
        let (runner, scenario) = (runner.clone(), state.scenario.clone());
        Callback::from(move |_| runner.start(scenario.clone()))
    };
    let on_cancel = {
        let runner = runner.clone();
        Callback::from(move |_| runner.cancel())
    };
    let set_presenting = |on: bool| {
        let (presenting, shown) = (presenting.clone(), shown.clone());
        Callback::from(move |()| {
            presenting.set(on);
            if !on {
                shown.set(Shown {
                    slide: None,
                    ..(*shown).clone()
                });
            }
        })
    };
    // The last comparison finished, with the variant it is about, for the Review PDF.
    let compared = use_state(|| None::<(Scenario, Rc<crate::comparison::Outcome>)>);
    let on_compared = {
        let compared = compared.clone();
        Callback::from(move |c| compared.set(Some(c)))
    };
    let on_slide = {
        let shown = shown.clone();
        Callback::from(move |slide: String| {
            if shown.slide.as_deref() != Some(slide.as_str()) {
                shown.set(Shown {
                    slide: Some(slide),
                    ..(*shown).clone()
                })
            }
        })
    };
    let on_sweep_link = {
        let shown = shown.clone();
        Callback::from(move |sweep: Option<String>| {
            if shown.sweep != sweep {
                shown.set(Shown {
                    sweep,
                    ..(*shown).clone()
                })
            }
        })
    };
    // searchx: the link carries the search only while its view is open (the panel puts it back when it opens).
    let on_search_link = {
        let shown = shown.clone();
        Callback::from(move |search: Option<String>| {
            if shown.search != search {
                shown.set(Shown {
                    search,
                    ..(*shown).clone()
                })
            }
        })
    };
    let on_view = {
        let (view, on_search_link) = (view.clone(), on_search_link.clone());
        Callback::from(move |v| {
            if v != View::Search {
                on_search_link.emit(None);
            }
            view.set(v)
        })
    };
    let preset = state.preset_id.as_deref().and_then(presets::by_id);
    let lang = *lang_state;
    // The switch names the other language in that language, so a reader who cannot read this one finds it.
    let other = if lang == Lang::En { Lang::Zh } else { Lang::En };
    let on_lang = {
        let handle = lang_state.clone();
        Callback::from(move |_: MouseEvent| handle.set(other))
    };

    if embed {
        // The verdict, the cards and the charts of the link's rules, with a way into the full app.
        let open_full = match &*payload {
            Ok(p) => share::share_url(p),
            Err(_) => String::from("./"),
        };
        return html! {
            <ContextProvider<Lang> context={lang}>
            <ContextProvider<Issues> context={Issues(issues.clone())}>
            <ContextProvider<RefusedHandle> context={refused.clone()}>
            <div class="app embed" data-testid="embed">
                <header class="embed-head">
                    <span class="brand-mark">{"◆ Backfire"}</span>
                    <a href={open_full} target="_blank" rel="noopener" data-testid="embed-open">{tr!(lang, "Open these rules in Backfire ↗", "在 Backfire 中打开这些规则 ↗")}</a>
                </header>
                <ResultsView scenario={state.scenario.clone()} baseline={None::<Rc<Scenario>>} runs={state.runs} notice={state.notice.clone()}
                    explanation={state.explanation.clone()} dispatcher={state.dispatcher()} runner={runner.clone()} pool={pool.clone()}
                    {errors} view={View::Results} on_view={Callback::noop()} modified={false} {fast} embed=true />
                <span data-testid="app-ready" hidden=true></span>
            </div>
            </ContextProvider<RefusedHandle>>
            </ContextProvider<Issues>>
            </ContextProvider<Lang>>
        };
    }
    html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<Issues> context={Issues(issues.clone())}>
        <ContextProvider<RefusedHandle> context={refused.clone()}>
        <div class={classes!("app", editing.then_some("editing"))}>
            <SkipLink on_skip={{ let editing = editing.clone(); Callback::from(move |()| editing.set(false)) }} />
            <header class="app-header">
                <div class="brand"><h1><span class="mark">{"◆"}</span>{" Backfire"}</h1><span class="tagline">{tr!(lang, "policy sandbox for social features", "社交功能规则沙盒")}</span>{scenario_badge(lang, &state.scenario.name, modified)}</div>
                <div class="header-actions">
                    <button class="btn edit-rules" data-testid="edit-rules" aria-controls="rules-panel" aria-expanded={editing.to_string()} onclick={on_edit_rules}>{ if *editing { tr!(lang, "Show results", "查看结果") } else { tr!(lang, "Edit rules", "编辑规则") } }</button>
                    <LibraryPanel library={library.clone()} scenario={state.scenario.clone()} preset_id={state.preset_id.clone()}
                        on_open={actions.reform(|(s, preset_id)| Action::Load { scenario: Box::new(s), preset_id, notice: None })} />
                    <label class="visually-hidden" for="preset-picker">{tr!(lang, "Preset", "预设")}</label>
                    <select id="preset-picker" data-testid="preset-picker" onchange={on_preset}>
                        <option value="" selected={preset.is_none() || modified} disabled=true>{ match (&preset, modified) { (Some(p), true) => { let title = locale::preset_words(lang, p).0; trf!(lang, "Modified: {title}", "已修改：{title}") } _ => String::from(tr!(lang, "Load a preset…", "载入预设…")) } }</option>
                        { for presets::all().into_iter().map(|p| { let (title, sentence) = locale::preset_words(lang, &p); html! { <option value={p.id} title={sentence} selected={!modified && state.preset_id.as_deref() == Some(p.id)}>{title}</option> } }) }
                    </select>
                    <Toolbar scenario={state.scenario.clone()} share_payload={(*link).clone()} can_undo={state.can_undo()} can_redo={state.can_redo()}
                        undo_label={state.undo_label(lang).map(AttrValue::from)} redo_label={state.redo_label(lang).map(AttrValue::from)}
                        on_undo={actions.reform(|()| Action::Undo)} on_redo={actions.reform(|()| Action::Redo)} on_notify={actions.reform(Action::Notify)}
                        on_import={actions.reform(move |(s, notice)| { started(Origin::Import); Action::Load { scenario: Box::new(s), preset_id: None, notice: Some(notice) } })} />
                    <button class="btn" data-testid="pin" title={tr!(lang, "Pin this scenario as the baseline, then edit a variant", "把此场景固定为基线，再编辑一个变体")} onclick={on_pin}>{ if state.baseline.is_some() { tr!(lang, "Re-pin", "重新固定") } else { tr!(lang, "Pin", "固定") } }<span class="btn-word">{ if state.baseline.is_some() { tr!(lang, " baseline", "基线") } else { tr!(lang, " as baseline", "为基线") } }</span></button>
                    <button class="btn" data-testid="present" onclick={set_presenting(true).reform(|_| ())}>{tr!(lang, "Present", "演示")}</button>
                    <button class="btn lang-switch" data-testid="lang-switch" lang={other.tag()} aria-label={other.own_name()} onclick={on_lang}>{other.own_name()}</button>
                    if runner.is_running() {
                        <button class="btn" data-testid="cancel" onclick={on_cancel}>{tr!(lang, "Cancel", "取消")}</button>
                    } else {
                        <button class="btn primary" data-testid="run" disabled={errors > 0} onclick={on_run}
                            title={run_hint(lang, &runner, &state.scenario)}>{tr!(lang, "Run", "运行")}</button>
                    }
                </div>
            </header>
            <aside class="rules-panel" id="rules-panel" aria-label={tr!(lang, "Rules", "规则")}>
                // Once edited, the preset's sentence no longer describes the rules: a note takes its place in the
                // same box, so nothing below moves under the pointer (a field's edit lands on blur, as a click begins).
                if let Some(p) = &preset {
                    <p class={classes!("muted", "preset-sentence", modified.then_some("is-modified"))}
                        data-testid={if modified { "preset-sentence-modified" } else { "preset-sentence" }}>
                        <span class="preset-sentence-text" aria-hidden={modified.then_some("true")}>{locale::preset_words(lang, p).1}</span>
                        if modified { <span class="preset-sentence-note">{ { let title = locale::preset_words(lang, p).0; trf!(lang, "Modified from “{title}”: its description no longer applies.", "已在“{title}”基础上修改：其描述不再适用。") } }</span> }
                    </p>
                }
                {rules_panel(lang, &tab, &state, &issues, &actions)}
            </aside>
            // `display: contents` keeps the results a grid item; `data-stale` says they are not for the rules on screen.
            <div class="results-stale" data-stale={(errors > 0).then_some("true")}>
            <ResultsView scenario={state.scenario.clone()} baseline={state.baseline.clone()} runs={state.runs} notice={state.notice.clone()}
                explanation={state.explanation.clone()} dispatcher={state.dispatcher()} runner={runner.clone()} pool={pool.clone()}
                {errors} view={*view} {on_view} {modified} {fast} sweep_link={shown.sweep.clone()} {on_sweep_link} {on_compared}
                search={Some((*search).clone())} {on_search_link} />
            </div>
            <footer class="app-footer">
                <span>{trf!(lang, "Backfire engine {ENGINE_VERSION}", "Backfire 引擎 {ENGINE_VERSION}")}</span>
                <span data-testid="seed">{ { let seed = state.scenario.seed; trf!(lang, "seed {seed}", "种子 {seed}") } }</span>
                if let Some(ms) = runner.last_ms { <span data-testid="run-ms">{trf!(lang, "last run {ms:.0} ms", "上次运行 {ms:.0} 毫秒")}</span> }
                if let (Some(d), RunStatus::Done) = (digest.as_ref(), &runner.status) {
                    <span data-testid="report-digest" title={tr!(lang, "fingerprint of the report: equal fingerprints mean identical reports", "报告指纹：指纹相同即报告完全相同")}>{tr!(lang, "report ", "报告 ")}<span translate="no">{d.clone()}</span></span>
                }
            </footer>
            <span data-testid="app-ready" hidden=true></span>
            <ReviewSheet scenario={state.scenario.clone()} report={runner.report.clone().filter(|_| matches!(runner.status, RunStatus::Done))}
                baseline={state.baseline.clone()}
                comparison={(*compared).as_ref().filter(|(v, _)| state.baseline.is_some() && *v == *state.scenario).map(|(_, o)| Rc::clone(o))}
                link={(*link).as_ref().ok().map(|p| share::share_url(p))} />
            if *presenting {
                <Presentation scenario={(*state.scenario).clone()} baseline={state.baseline.clone()} runs={state.runs} report={runner.report.clone()}
                    explanation={state.explanation.clone()} on_explained={actions.reform(Action::Explained)} pool={pool.clone()}
                    slide={shown.slide.clone()} {on_slide} on_close={set_presenting(false)} />
            }
        </div>
        </ContextProvider<RefusedHandle>>
        </ContextProvider<Issues>>
        </ContextProvider<Lang>>
    }
}

/// The Run button's hint: how long a large run will take here, or that small runs re-run by themselves.
fn run_hint(lang: Lang, runner: &Runner, scenario: &Scenario) -> String {
    if runner.is_large(scenario) {
        let time = about_in(lang, runner.seconds(scenario));
        trf!(
            lang,
            "This run is large ({time}): it runs when you press Run",
            "这次运行较大（{time}）：按“运行”后才开始"
        )
    } else {
        String::from(tr!(
            lang,
            "Small runs re-run by themselves as you edit",
            "小规模运行会在编辑时自动重跑"
        ))
    }
}

/// The tabs of the rules panel.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Tab {
    Circles,
    Population,
    Platform,
    Timeline,
}

impl Tab {
    fn id(self) -> &'static str {
        match self {
            Tab::Circles => "circles",
            Tab::Population => "population",
            Tab::Platform => "platform",
            Tab::Timeline => "timeline",
        }
    }

    /// Whether an issue at `path` is shown on this tab (paths as the tab's editor sees them: see
    /// [`stage_issues`]).
    fn shows(self, path: &str) -> bool {
        let circles = path.starts_with("circles");
        let population = path.starts_with("population");
        let timeline = path.starts_with("interventions");
        match self {
            Tab::Circles => circles,
            Tab::Population => population,
            Tab::Platform => !circles && !population && !timeline,
            Tab::Timeline => timeline,
        }
    }
}

/// The issues as the editors of `stage`'s rules see them: for an intervention, its own circle and platform
/// issues under the paths its editors use (`circles[0]…`), in place of the launch's; the rest as they are.
fn stage_issues(issues: &[RuleIssue], stage: Option<usize>) -> Vec<RuleIssue> {
    let Some(i) = stage else {
        return issues.to_vec();
    };
    let own = format!("interventions[{i}].");
    issues
        .iter()
        .filter_map(|x| match x.path.strip_prefix(&own) {
            Some(rest) if rest.starts_with("circles") || rest.starts_with("platform") => Some(RuleIssue {
                path: rest.to_string(),
                ..x.clone()
            }),
            _ if x.path.starts_with("circles") || x.path.starts_with("platform") => None,
            _ => Some(x.clone()),
        })
        .collect()
}

/// The rules panel: a tab per part of the scenario (with its issue count) and that part's editor; with a
/// timeline, a picker says whose rules the Circles and Run & platform tabs edit.
fn rules_panel(
    lang: Lang,
    tab: &UseStateHandle<Tab>,
    state: &AppState,
    issues: &[RuleIssue],
    actions: &Callback<Action>,
) -> Html {
    let issues = stage_issues(issues, state.stage);
    let tab_button = |t: Tab, label: String| {
        let count = issues.iter().filter(|i| t.shows(&i.path)).count();
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_| tab.set(t))
        };
        html! {
            <button role="tab" id={format!("tab-{}", t.id())} aria-controls={format!("panel-{}", t.id())} aria-selected={(**tab == t).to_string()} data-testid={format!("tab-{}", t.id())} {onclick}>
                {label}
                if count > 0 { <span class="tab-issues" title={match lang { Lang::En => format!("{count} thing{} to check", if count == 1 { "" } else { "s" }), Lang::Zh => format!("{count} 处需检查") }}>{format!(" ⚠ {count}")}</span> }
            </button>
        }
    };
    let idx = state.selected_circle;
    // The rules the Circles and Run & platform tabs show: the launch's, or an intervention's.
    let edited = state.edited();
    let stage = state.stage;
    let editor = match **tab {
        Tab::Circles => html! {
            <>
                <CircleList circles={edited.circles.clone()} selected={idx} onselect={actions.reform(Action::SelectCircle)}
                    onchange={actions.reform(|(circles, selected)| Action::SetCircles { circles, selected })} />
                if let Some(c) = edited.circles.get(idx) {
                    <CircleEditor key={format!("{stage:?}-{idx}")} index={idx} circle={c.clone()} onchange={actions.reform(move |c| Action::SetCircle { idx, circle: Box::new(c) })}
                        taken_names={edited.circles.iter().enumerate().filter(|(i, _)| *i != idx).map(|(_, o)| o.name.clone()).collect::<Vec<_>>()}
                        circle_count={edited.circles.len()} on_apply_all={actions.reform(move |section| Action::ApplyToAll { from: idx, section })} />
                }
            </>
        },
        Tab::Population => html! {
            <PopulationEditor population={state.scenario.population.clone()} onchange={actions.reform(|p| Action::SetPopulation(Box::new(p)))} />
        },
        Tab::Platform => {
            let scenario = state.scenario.clone();
            let on_assumptions = actions.reform(move |a| {
                let mut next = (*scenario).clone();
                next.assumptions = a;
                Action::Edit(Box::new(next))
            });
            let scenario = state.scenario.clone();
            let on_platform =
                actions.reform(move |view: Scenario| Action::Edit(Box::new(put_view(&scenario, stage, view))));
            html! {
                <>
                    <PlatformEditor scenario={(*edited).clone()} onchange={on_platform} />
                    <AssumptionsPanel assumptions={state.scenario.assumptions.clone()} onchange={on_assumptions} />
                </>
            }
        }
        Tab::Timeline => {
            let on_edit_rules = {
                let (tab, actions) = (tab.clone(), actions.clone());
                Callback::from(move |stage: Option<usize>| {
                    actions.emit(Action::SelectStage(stage));
                    tab.set(Tab::Circles);
                    // The picker at the top says whose rules are now on screen: bring it into view.
                    if let Some(panel) = gloo::utils::document().get_element_by_id("rules-panel") {
                        panel.set_scroll_top(0);
                    }
                })
            };
            html! {
                <TimelineEditor scenario={(*state.scenario).clone()} stage={state.stage}
                    onchange={actions.reform(|s: Scenario| Action::Edit(Box::new(s)))} {on_edit_rules} />
            }
        }
    };
    let picker = (!state.scenario.interventions.is_empty()).then(|| {
        let onchange = actions.reform(|e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            Action::SelectStage(v.parse::<usize>().ok())
        });
        let editing_change = state.stage.and_then(|i| state.scenario.interventions.get(i));
        html! {
            <div class={classes!("stage-picker", editing_change.is_some().then_some("is-change"))}>
                <label for="stage-picker">{tr!(lang, "Rules shown", "显示的规则")}</label>
                <select id="stage-picker" data-testid="stage-picker" {onchange}>
                    <option value="launch" selected={state.stage.is_none()}>{tr!(lang, "At launch (hour 0)", "上线时（第 0 小时）")}</option>
                    { for state.scenario.interventions.iter().enumerate().map(|(i, iv)| html! {
                        <option value={i.to_string()} selected={state.stage == Some(i)}>{ { let (hour, label) = (iv.hour, &iv.label); trf!(lang, "From hour {hour}: {label}", "自第 {hour} 小时起：{label}") } }</option>
                    }) }
                </select>
                if let Some(iv) = editing_change {
                    <p class="muted" data-testid="stage-note">{ { let (hour, when) = (iv.hour, crate::components::timeline_editor::hour_words(lang, iv.hour)); trf!(lang, "Edits here change what the platform puts in force at hour {hour} ({when}); the launch's rules stay as they are.", "此处的修改只改变平台在第 {hour} 小时（{when}）施行的规则；上线时的规则保持不变。") } }</p>
                }
            </div>
        }
    });
    html! {
        <ContextProvider<Issues> context={Issues(Rc::new(issues.clone()))}>
            {picker}
            <div class="tabs" role="tablist" aria-label={tr!(lang, "what to edit", "编辑什么")}>
                {tab_button(Tab::Circles, { let n = edited.circles.len(); trf!(lang, "Circles ({n})", "圈子（{n}）") })}
                {tab_button(Tab::Population, tr!(lang, "Population", "人群").into())}
                {tab_button(Tab::Platform, tr!(lang, "Run & platform", "运行与平台").into())}
                {tab_button(Tab::Timeline, { let n = state.scenario.interventions.len(); trf!(lang, "Timeline ({n})", "时间线（{n}）") })}
            </div>
            <div role="tabpanel" id={format!("panel-{}", tab.id())} aria-labelledby={format!("tab-{}", tab.id())}>{editor}</div>
        </ContextProvider<Issues>>
    }
}
