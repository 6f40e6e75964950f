//! "Why": for each pattern at medium or above, the rules that open it, found by counterfactual runs, with
//! a one-line suggestion, its effect, its cost to honest users, and a button that applies it.

use crate::components::progress_bar::progress_bar;
use crate::components::typed_names::with_names_marked;
use crate::explaining;
use crate::locale::{level_word, pattern_name, tr, trf, use_lang, Lang};
use crate::pool::{BatchProgress, Pool};
use crate::runner::{seconds, will_take_in};
use crate::view_model::level_class;
use backfire_engine::explain::{sentence_in, Explanation, Suggestion};
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

/// How a suggestion stands against the scenario on screen: not applied, applied (the rules on screen are its
/// counterfactual), or another one is applied (it can be applied instead).
#[derive(Clone, Copy, PartialEq)]
enum Standing {
    Open,
    Applied,
    Instead,
}

fn suggestion_row(
    lang: Lang,
    explained: &Scenario,
    s: &Suggestion,
    rank: usize,
    standing: Standing,
    on_apply: &Callback<Suggestion>,
    on_undo: &Callback<()>,
) -> Html {
    let onclick = {
        let s = s.clone();
        on_apply.reform(move |_: MouseEvent| s.clone())
    };
    let (label, testid) = match standing {
        Standing::Open => (
            tr!(lang, "Apply this change", "应用此改动"),
            format!("apply-{}-{rank}", s.pattern.id()),
        ),
        Standing::Instead => (
            tr!(lang, "Apply this instead", "改为应用此项"),
            format!("apply-{}-{rank}", s.pattern.id()),
        ),
        Standing::Applied => (
            tr!(lang, "Undo this change", "撤销此改动"),
            format!("undo-{}-{rank}", s.pattern.id()),
        ),
    };
    html! {
        <li class={classes!("suggestion", (standing == Standing::Applied).then_some("applied"))} data-testid={format!("suggestion-{}-{rank}", s.pattern.id())} data-lever={s.lever_id.clone()}
            data-applied={(standing == Standing::Applied).then_some("true")}>
            <p class="sentence">
                if standing == Standing::Applied { <span class="applied-mark" data-testid="applied-mark">{tr!(lang, "Applied · ", "已应用 · ")}</span> }
                { {
                    let names: Vec<&str> = explained.circles.iter().map(|c| c.name.as_str()).collect();
                    with_names_marked(&sentence_in(lang, explained, s), &names)
                } }
            </p>
            <p class="muted small">
                { {
                    let (before, after, incidents) = (s.severity_before, s.severity_after, percent(s.incidents_change_percent));
                    let (engagement, tips, fees) = (percent(s.cost.engagement_change_percent), percent(s.cost.tip_volume_change_percent), percent(s.cost.fee_revenue_change_percent));
                    trf!(lang,
                        "severity {before} → {after}; incidents {incidents}; honest engagement {engagement}; tip volume {tips}; fee revenue {fees}",
                        "严重度 {before} → {after}；事件 {incidents}；诚实互动度 {engagement}；打赏总额 {tips}；手续费收入 {fees}")
                } }
            </p>
            if standing == Standing::Applied {
                <button class="btn small" data-testid={testid} onclick={on_undo.reform(|_: MouseEvent| ())}>{label}</button>
            } else {
                <button class="btn small" data-testid={testid} {onclick}>{label}</button>
            }
        </li>
    }
}

/// An explanation kept through Apply: the rules it explains, and the suggestion applied to them, if any.
#[derive(Clone, PartialEq)]
struct Kept {
    explanation: Rc<Explanation>,
    explained: Scenario,
    applied: Option<String>,
}

impl Kept {
    /// The applied suggestion's lever, while the rules on screen are still what applying it made.
    fn applied_to(&self, scenario: &Scenario) -> Option<String> {
        let id = self.applied.as_ref()?;
        self.explanation
            .patterns
            .iter()
            .flat_map(|p| p.suggestions.iter())
            .any(|s| &s.lever_id == id && s.scenario == *scenario)
            .then(|| id.clone())
    }
}

/// The Why panel.
#[function_component]
pub fn WhyPanel(props: &WhyPanelProps) -> Html {
    // Runs done of the explanation in progress (its runs are spread over the pool's workers).
    let progress = use_state(|| None::<BatchProgress>);
    let lang = use_lang();
    let busy = progress.is_some();
    // Applying a suggestion changes the scenario, which clears its explanation; the list stays here, with the
    // applied change marked, while the rules on screen are the explained ones or one of their suggestions.
    let kept = use_state(|| None::<Kept>);
    {
        let kept = kept.clone();
        use_effect_with(
            (props.explanation.clone(), props.scenario.clone()),
            move |(explanation, scenario)| {
                // The background explanation of the applied rules does not replace the list the designer applied from.
                let applying = (*kept).as_ref().is_some_and(|k| k.applied_to(scenario).is_some());
                if let (Some(e), false) = (explanation, applying) {
                    kept.set(Some(Kept {
                        explanation: Rc::clone(e),
                        explained: scenario.clone(),
                        applied: None,
                    }));
                }
            },
        );
    }
    let on_apply = {
        let (kept, on_apply) = (kept.clone(), props.on_apply.clone());
        Callback::from(move |s: Suggestion| {
            if let Some(k) = (*kept).clone() {
                kept.set(Some(Kept {
                    applied: Some(s.lever_id.clone()),
                    ..k
                }));
            }
            on_apply.emit(s.scenario);
        })
    };
    let on_undo = {
        let (kept, on_apply) = (kept.clone(), props.on_apply.clone());
        Callback::from(move |()| {
            if let Some(k) = (*kept).clone() {
                on_apply.emit(k.explained.clone());
                kept.set(Some(Kept { applied: None, ..k }));
            }
        })
    };
    // The explanation to show: the scenario's own, or the kept one while the rules on screen are its
    // suggestion (an edit elsewhere makes it stale, and it goes).
    // Back on the explained rules (after Undo), the kept list shows again with nothing applied.
    let applied_view = (*kept).as_ref().and_then(|k| {
        let applied = k
            .applied_to(&props.scenario)
            .map(Some)
            .or_else(|| (k.explained == props.scenario).then_some(None))?;
        Some((Rc::clone(&k.explanation), applied, k.explained.clone()))
    });
    // With the rules it explains: the suggestions' sentences are written from them.
    let shown: Option<(Rc<Explanation>, Option<String>, Scenario)> = applied_view.or_else(|| {
        props
            .explanation
            .as_ref()
            .map(|e| (Rc::clone(e), None, props.scenario.clone()))
    });
    let failed = use_state(|| None::<String>);
    let runs = use_state(|| 1u32);
    let on_explain = {
        let progress = progress.clone();
        let failed = failed.clone();
        let pool = props.pool.clone();
        let scenario = props.scenario.clone();
        let on_explained = props.on_explained.clone();
        let runs = *runs;
        let kept_on_explain = kept.clone();
        Callback::from(move |_| {
            failed.set(None);
            kept_on_explain.set(None);
            on_explained.emit(None);
            let (progress_cb, progress_done) = (progress.clone(), progress.clone());
            let failed = failed.clone();
            let on_explained = on_explained.clone();
            explaining::submit(
                &pool,
                &scenario,
                runs,
                move |p| progress_cb.set(Some(p)),
                move |outcome| {
                    progress_done.set(None);
                    match outcome {
                        Ok(e) => on_explained.emit(Some(Rc::new(e))),
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
    let body = match (&shown, busy) {
        (None, false) if failed.is_some() => {
            html! { <p class="issue error" role="alert" data-testid="why-failed">{ { let message = failed.as_deref().unwrap_or_default(); trf!(lang, "The explanation stopped: {message}", "解释已停止：{message}") } }</p> }
        }
        (_, true) => {
            let p = (*progress).unwrap_or_default();
            html! {
                <>
                    <p data-testid="why-busy" role="status">{ { let (done, total) = (p.done, p.total); trf!(lang, "Running counterfactuals: each rule tightened, or a gate loosened, alone, on the same seeds… {done} of {total} runs", "正在运行反事实：在相同种子上每次只收紧一条规则或放松一道门槛… 第 {done} / {total} 次") } }</p>
                    {progress_bar(p, tr!(lang, "explanation progress", "解释进度"), "why-progress")}
                </>
            }
        }
        (None, false) => {
            html! { <p class="muted">{tr!(lang, "Explain which rules open each pattern at medium or above.", "解释是哪些规则打开了每个“中”及以上的模式。")}</p> }
        }
        (Some((e, _, _)), false) if e.patterns.is_empty() => {
            html! { <p data-testid="why-none">{tr!(lang, "No pattern is at medium or above: nothing to explain.", "没有模式达到“中”及以上：无需解释。")}</p> }
        }
        (Some((e, applied, explained)), false) => html! {
            <div data-testid="why-results">
                <p class="muted small">{ match lang {
                    Lang::En => format!("{} rule changes tried on {} users, {} seed{}: each rule tightened, or a gate loosened, alone.", e.levers_tried, e.n_users, e.seeds.len(), if e.seeds.len() == 1 { "" } else { "s" }),
                    Lang::Zh => format!("在 {} 个用户、{} 个种子上尝试了 {} 项规则改动：每次只收紧一条规则或放松一道门槛。", e.n_users, e.seeds.len(), e.levers_tried),
                } }</p>
                if applied.is_some() {
                    <p class="notice info" data-testid="why-applied">{tr!(lang, "One change is applied: the list is still about the rules before it. Undo it, apply another instead, or Explain again to see what is left.", "已应用一项改动：列表仍针对改动前的规则。可撤销它、改为应用另一项，或再次“解释”看看还剩什么。")}</p>
                }
                { for e.patterns.iter().map(|p| html! {
                    <article class="why-pattern" data-testid={format!("why-{}", p.pattern.id())}>
                        <h3>{pattern_name(lang, p.pattern)}{" "}<span class={classes!("level", level_class(p.level))}>{level_word(lang, p.level)}</span>{ { let severity = p.severity; trf!(lang, " severity {severity}", " 严重度 {severity}") } }</h3>
                        if p.suggestions.is_empty() {
                            <p class="muted">{tr!(lang, "No single rule change cuts it measurably.", "没有任何单条规则改动能明显减少它。")}</p>
                        } else {
                            <ol>{ for p.suggestions.iter().take(5).enumerate().map(|(i, s)| {
                                let standing = match applied {
                                    Some(id) if *id == s.lever_id => Standing::Applied,
                                    Some(_) => Standing::Instead,
                                    None => Standing::Open,
                                };
                                suggestion_row(lang, explained, s, i, standing, &on_apply, &on_undo)
                            }) }</ol>
                        }
                    </article>
                }) }
            </div>
        },
    };
    // One explanation is `runs × (levers + 1)` runs at the explained size, spread over the pool's workers.
    let levers = use_memo(props.scenario.clone(), |s| backfire_engine::lever::levers(s).len());
    let sized = backfire_engine::explain::ExplainOptions::default().sized(&props.scenario, props.scenario.seed);
    let estimate = seconds(&sized, props.units_per_second) * f64::from(*runs) * (*levers + 1) as f64;
    html! {
        <section class="panel" data-testid="why-panel" aria-labelledby="why-title">
            <h2 id="why-title">{tr!(lang, "Why: which rules open each pattern", "原因：哪些规则打开了每个模式")}</h2>
            <div class="row">
                <label for="why-runs">{tr!(lang, "Seeds per change", "每项改动的种子数")}</label>
                <select id="why-runs" onchange={on_runs}>
                    <option value="1" selected={*runs == 1}>{tr!(lang, "1 (fast)", "1（快）")}</option>
                    <option value="3" selected={*runs == 3}>{tr!(lang, "3 (steadier)", "3（更稳）")}</option>
                </select>
                <button class="btn primary" data-testid="explain" disabled={busy} onclick={on_explain}>{tr!(lang, "Explain", "解释")}</button>
                if !busy { <span class="muted small" data-testid="why-estimate">{will_take_in(lang, estimate, props.pool.size())}</span> }
            </div>
            {body}
        </section>
    }
}
