//! The deck's slides, one function each: plain views of the scenario, the run, the comparison and Why.

use super::{Deck, DeckAction, Slide, SPEEDS, TOP_PATTERNS};
use crate::comparison::{pattern_series, Outcome};
use crate::components::compare_panel::{arrow, judged, late_cost, measure_name, measure_value};
use crate::components::line_chart::{Frame, LineChart, Series};
use crate::components::money_flow::MoneyFlowView;
use crate::components::progress_bar::progress_bar;
use crate::components::results_charts::timeline_events;
use crate::components::rule_label::{names_marked, opened_by, scenario_names};
use crate::components::rules_table::rules_table;
use crate::components::typed_names::with_names_marked;
use crate::locale::{hour_label, level_word, pattern_name, tr, trf, Lang};
use crate::pool::BatchProgress;
use crate::view_model::{level_class, pattern_color, prevalence_percent};
use backfire_engine::explain::{sentence_in, Explanation, Suggestion};
use backfire_engine::words::{group, rules_summary};
use backfire_engine::{Level, PatternReport, Report, Scenario};
use yew::prelude::*;

/// Suggestions the Why slide shows per pattern (the Why tab lists more).
const WHY_SHOWN: usize = 2;

/// The most severe patterns with any incidents, most severe first (ties keep the engine's order).
pub fn top_patterns(r: &Report) -> Vec<&PatternReport> {
    let mut active: Vec<&PatternReport> = r.patterns.iter().filter(|p| p.severity > 0).collect();
    active.sort_by_key(|p| std::cmp::Reverse(p.severity));
    active.truncate(TOP_PATTERNS);
    active
}

/// Incidents of a pattern from the first hour up to and including `hour`.
pub fn incidents_so_far(p: &PatternReport, hour: u32) -> u64 {
    p.hourly.iter().take(hour as usize + 1).map(|&n| u64::from(n)).sum()
}

/// Money in whole yuan, for a number read from across a room: "¥147,934".
fn whole_yuan(fen: u64) -> String {
    format!("¥{}", group((fen + 50) / 100))
}

fn percent(v: Option<i32>) -> String {
    match v {
        Some(p) if p > 0 => format!("+{p} %"),
        Some(p) => format!("{p} %"),
        None => "–".into(),
    }
}

fn level_badge(lang: Lang, level: Level) -> Html {
    html! { <span class={classes!("level", level_class(level))}>{level_word(lang, level)}</span> }
}

fn heading(text: impl Into<String>) -> Html {
    html! { <h2 id="present-heading">{text.into()}</h2> }
}

/// Slide: the rules as a circle × action table, then the platform in words.
pub fn rules(lang: Lang, s: &Scenario) -> Html {
    // After the circles' sections comes the platform's (the timeline has a slide of its own).
    let platform = rules_summary(lang, s).into_iter().nth(s.circles.len());
    html! {
        <>
            <h2 id="present-heading" translate="no">{s.name.clone()}</h2>
            {rules_table(lang, s, "present-table", "present-rules-table")}
            <div class="present-rules" data-testid="present-rules">
                if let Some(p) = platform {
                    <p><strong>{format!("{}{}", p.title, tr!(lang, ": ", "："))}</strong>{p.lines.join(tr!(lang, "; ", "；"))}</p>
                }
                if !s.interventions.is_empty() {
                    <p class="muted">{ { let n = s.interventions.len(); trf!(lang, "These are the rules at launch; {n} change(s) during the run (next slide).", "这是上线时的规则；运行期间有 {n} 次变更（见下一页）。") } }</p>
                }
            </div>
        </>
    }
}

/// Slide: each change of the timeline, at its hour, with what it changes.
pub fn timeline(lang: Lang, s: &Scenario) -> Html {
    let changes: Vec<_> = rules_summary(lang, s).into_iter().skip(s.circles.len() + 1).collect();
    let names = scenario_names(s);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    html! {
        <>
            {heading(Slide::Timeline.title(lang))}
            <ol class="present-timeline" data-testid="present-timeline">
                <li><strong>{tr!(lang, "Hour 0: launch", "第 0 小时：上线")}</strong><span class="muted">{tr!(lang, " with the rules on the previous slide", "，采用上一页的规则")}</span></li>
                { for changes.iter().map(|c| html! {
                    <li data-testid="present-change">
                        <strong>{names_marked(&c.title, &names)}</strong>
                        <ul>{ for c.lines.iter().map(|l| html! { <li>{names_marked(l, &names)}</li> }) }</ul>
                    </li>
                }) }
            </ol>
        </>
    }
}

/// Speaker notes: the scenario's notes, then each change of the timeline with its note.
pub fn speaker_notes(lang: Lang, s: &Scenario) -> Html {
    let mut changes: Vec<_> = s.interventions.iter().collect();
    changes.sort_by_key(|i| i.hour);
    html! {
        <aside class="present-speaker-notes" data-testid="present-speaker-notes" aria-label={tr!(lang, "speaker notes", "演讲者备注")}>
            <h3>{tr!(lang, "Speaker notes", "演讲者备注")}</h3>
            if s.notes.is_empty() && changes.is_empty() {
                <p class="muted">{tr!(lang, "This scenario has no notes (add them under Run & platform).", "此场景没有备注（可在“运行与平台”中添加）。")}</p>
            }
            <ul class="present-notes" data-testid="present-notes">
                { for s.notes.iter().map(|n| html! { <li>{n.clone()}</li> }) }
                { for changes.iter().map(|i| html! { <li>{ { let (hour, label) = (i.hour, &i.label); trf!(lang, "Hour {hour} · {label}", "第 {hour} 小时 · {label}") } }{if i.note.is_empty() { String::new() } else { format!(": {}", i.note) }}</li> }) }
            </ul>
        </aside>
    }
}

pub fn no_run(lang: Lang) -> Html {
    html! { <p class="muted" data-testid="present-no-run">{tr!(lang, "No run yet: close this, run the scenario, and present again.", "尚未运行：关闭演示，运行场景后再演示。")}</p> }
}

/// Slide: the run played back hour by hour, its charts revealed up to the hour shown.
pub fn run(
    lang: Lang,
    s: &Scenario,
    r: &Report,
    deck: &Deck,
    hour: u32,
    dispatch: &UseReducerDispatcher<Deck>,
) -> Html {
    let last = r.hours_done.saturating_sub(1);
    let top = top_patterns(r);
    let abuse: Vec<Series> = top
        .iter()
        .map(|p| {
            Series::line(
                pattern_name(lang, p.id),
                pattern_color(p.id),
                p.hourly.iter().map(|&n| f64::from(n)).collect(),
            )
        })
        .collect();
    let h = &r.health.hourly;
    let honest: Vec<f64> = h
        .genuine_posts
        .iter()
        .zip(h.interactions.iter())
        .map(|(&a, &b)| f64::from(a) + f64::from(b))
        .collect();
    let honest_so_far: u64 = honest.iter().take(hour as usize + 1).map(|&v| v as u64).sum();
    let tipped_so_far: u64 = r.money.hourly_tipped_fen.iter().take(hour as usize + 1).sum();
    let on_scrub = dispatch.to_callback().reform(|e: InputEvent| {
        DeckAction::Seek(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value()
                .parse()
                .unwrap_or(0),
        )
    });
    let on_play = if deck.playing {
        dispatch.to_callback().reform(|_: MouseEvent| DeckAction::Pause)
    } else {
        dispatch
            .to_callback()
            .reform(move |_: MouseEvent| DeckAction::Play { last })
    };
    let events = timeline_events(s);
    html! {
        <>
            {heading({ let (users, days) = (group(u64::from(r.n_users)), s.days); trf!(lang, "The run: {users} users, {days} days", "运行：{users} 名用户，{days} 天") })}
            <div class="present-playback">
                <button class="btn primary" data-testid="present-play" aria-pressed={deck.playing.to_string()} onclick={on_play}>{ if deck.playing { tr!(lang, "❚❚ Pause", "❚❚ 暂停") } else { tr!(lang, "▶ Play", "▶ 播放") } }</button>
                <input type="range" data-testid="present-scrubber" aria-label={tr!(lang, "hour of the run", "运行的小时")} aria-valuetext={hour_label(lang, hour)} min="0" max={last.to_string()} step="1" value={hour.to_string()} oninput={on_scrub} />
                <output data-testid="present-hour" data-hour={hour.to_string()}>{hour_label(lang, hour)}</output>
                <span class="present-speed" role="group" aria-label={tr!(lang, "playback speed", "播放速度")}>
                    { for SPEEDS.iter().enumerate().map(|(i, (label, _))| {
                        let on = dispatch.to_callback().reform(move |_: MouseEvent| DeckAction::Speed(i));
                        html! { <button class={classes!("btn", (i == deck.speed).then_some("current"))} data-testid={format!("present-speed-{i}")} aria-pressed={(i == deck.speed).to_string()} onclick={on}>{*label}</button> }
                    }) }
                </span>
            </div>
            <div class="cards present-cards">
                { for top.iter().map(|p| {
                    let so_far = incidents_so_far(p, hour);
                    html! {
                        <article class={classes!("card", level_class(p.level))} data-testid={format!("present-card-{}", p.id.id())} data-incidents={so_far.to_string()}>
                            <h3><span>{pattern_name(lang, p.id)}</span>{level_badge(lang, p.level)}</h3>
                            <p class="present-big">{group(so_far)}</p>
                            <p class="muted">{if p.id.is_feed_content() {
                                let share = prevalence_percent(u64::from(p.prevalence_per_10k));
                                trf!(lang, "incidents so far; {share} of honest views over the run", "起事件（截至此刻）；全程占诚实浏览的 {share}")
                            } else {
                                tr!(lang, "incidents so far", "起事件（截至此刻）").to_string()
                            }}</p>
                        </article>
                    }
                }) }
                <article class="card" data-testid="present-card-tipped" data-fen={tipped_so_far.to_string()}>
                    <h3><span>{tr!(lang, "Tipped", "打赏")}</span></h3>
                    <p class="present-big">{whole_yuan(tipped_so_far)}</p>
                    <p class="muted">{tr!(lang, "all tips so far, honest and not", "截至此刻的全部打赏，诚实与否")}</p>
                </article>
                <article class="card" data-testid="present-card-honest" data-engagement={honest_so_far.to_string()}>
                    <h3><span>{tr!(lang, "Honest engagement", "诚实互动")}</span></h3>
                    <p class="present-big">{group(honest_so_far)}</p>
                    <p class="muted">{tr!(lang, "posts and interactions on genuine posts so far", "截至此刻真实帖子上的发帖与互动")}</p>
                </article>
            </div>
            <div class="present-charts">
                if !abuse.is_empty() {
                    <LineChart title={tr!(lang, "Abuse incidents per hour", "每小时滥用事件")} series={abuse} hours={r.total_hours} testid="present-chart-abuse" marker={Some(hour)} reveal={Some(hour)} events={events.clone()} frame={Frame::PROJECTOR} />
                }
                <LineChart title={tr!(lang, "Honest engagement per hour", "每小时诚实互动")} series={vec![Series::line(tr!(lang, "Honest engagement", "诚实互动"), "#166534", honest)]} hours={r.total_hours} testid="present-chart-honest" marker={Some(hour)} reveal={Some(hour)} {events} frame={Frame::PROJECTOR} />
            </div>
        </>
    }
}

/// Slide: where the money went — who paid whom, and the rule each abusive pattern's money went through.
pub fn money(lang: Lang, r: &Report) -> Html {
    let m = &r.money;
    let mut paid: Vec<&PatternReport> = r
        .patterns
        .iter()
        .filter(|p| p.fen_involved > 0 && p.id != backfire_engine::PatternId::Exclusion)
        .collect();
    paid.sort_by_key(|p| std::cmp::Reverse(p.fen_involved));
    paid.truncate(TOP_PATTERNS);
    let abuse_fen: u64 = r
        .patterns
        .iter()
        .filter(|p| p.id != backfire_engine::PatternId::Exclusion)
        .map(|p| p.fen_involved)
        .sum();
    html! {
        <>
            {heading(tr!(lang, "Where the money went", "钱去了哪里"))}
            <div class="cards present-cards">
                <article class="card" data-testid="present-money-tipped"><h3><span>{tr!(lang, "Tipped", "打赏")}</span></h3><p class="present-big">{whole_yuan(m.tipped_fen)}</p><p class="muted">{tr!(lang, "every tip, honest thanks and the market", "全部打赏：诚实感谢与交易")}</p></article>
                <article class="card" data-testid="present-money-abuse" data-fen={abuse_fen.to_string()}><h3><span>{tr!(lang, "Moved by abuse", "滥用转移")}</span></h3><p class="present-big">{whole_yuan(abuse_fen)}</p><p class="muted">{tr!(lang, "tips and prepayments in abuse incidents", "滥用事件中的打赏与预付")}</p></article>
                <article class="card"><h3><span>{tr!(lang, "Platform fees", "平台手续费")}</span></h3><p class="present-big">{whole_yuan(m.fee_fen)}</p><p class="muted">{tr!(lang, "what the platform earned on tips", "平台从打赏中的收入")}</p></article>
            </div>
            <div class="present-money">
                <section aria-label={tr!(lang, "who paid whom", "谁付给了谁")}>
                    <h3>{tr!(lang, "Who paid whom", "谁付给了谁")}</h3>
                    <MoneyFlowView money={m.clone()} demand_users={r.health.demand_users} demand_spent_fen={r.health.demand_spent_fen} bars_only=true />
                </section>
                <section aria-label={tr!(lang, "through which rule", "经由哪条规则")} data-testid="present-money-rules">
                    <h3>{tr!(lang, "Through which rule", "经由哪条规则")}</h3>
                    if paid.is_empty() {
                        <p class="muted">{tr!(lang, "No abuse pattern moved money in this run.", "本次运行中没有滥用模式转移资金。")}</p>
                    }
                    <ul>
                        { for paid.iter().map(|p| html! {
                            <li data-testid={format!("present-money-{}", p.id.id())}>
                                <strong>{format!("{}: {}", pattern_name(lang, p.id), whole_yuan(p.fen_involved))}</strong>
                                <br />
                                <span class="muted">{match p.opened_by.first() {
                                    Some(o) => html! { <>{tr!(lang, "most through ", "主要经由 ")}{opened_by(lang, o)}</> },
                                    None => html! { {tr!(lang, "through no single rule", "并非经由单一规则")} },
                                }}</span>
                            </li>
                        }) }
                    </ul>
                </section>
            </div>
        </>
    }
}

/// Slide: the rules that let the most incidents through, per top pattern.
pub fn opened(lang: Lang, r: &Report) -> Html {
    let top = top_patterns(r);
    html! {
        <>
            {heading(Slide::Opened.title(lang))}
            if top.is_empty() {
                <p>{tr!(lang, "No abuse pattern appeared in this run.", "本次运行中没有出现滥用模式。")}</p>
            }
            <div class="present-columns">
            { for top.iter().map(|p| html! {
                <section class="present-pattern" data-testid={format!("present-opened-{}", p.id.id())}>
                    <h3>{pattern_name(lang, p.id)}{" "}{level_badge(lang, p.level)}</h3>
                    if p.opened_by.is_empty() {
                        <p class="muted">{tr!(lang, "no single rule let it through", "没有单一规则放行")}</p>
                    } else {
                        <ol>{ for p.opened_by.iter().take(3).map(|o| html! { <li><span>{opened_by(lang, o)}</span><span class="muted">{ { let n = group(o.incidents); trf!(lang, " — {n} incidents", " — {n} 起事件") } }</span></li> }) }</ol>
                    }
                </section>
            }) }
            </div>
        </>
    }
}

/// Where the deck's own batch (a comparison or an explanation) stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Work<T> {
    /// Not started.
    Idle,
    /// Running on the pool.
    Running(BatchProgress),
    /// Finished.
    Done(T),
    /// Stopped, with why.
    Failed(String),
}

/// Slide: the pinned baseline against the rules on screen, on shared seeds, with bands and the noise cue.
pub fn compare(
    lang: Lang,
    baseline: &Scenario,
    variant: &Scenario,
    work: &Work<std::rc::Rc<Outcome>>,
    on_start: Callback<MouseEvent>,
) -> Html {
    let title = html! {
        <>
            {heading(Slide::Compare.title(lang))}
            <p class="present-subtitle" data-testid="present-compare-sides"><span class="muted">{tr!(lang, "before: ", "之前：")}</span><span translate="no">{baseline.name.clone()}</span><span class="muted">{tr!(lang, " · after: ", " · 之后：")}</span><span translate="no">{variant.name.clone()}</span></p>
        </>
    };
    let o = match work {
        Work::Done(o) => o,
        Work::Running(p) => {
            return html! { <>{title}<p role="status" data-testid="present-compare-busy">{ { let (done, total) = (p.done, p.total); trf!(lang, "Running both on the same seeds… {done} of {total} runs", "在相同种子上运行两者… {done} / {total} 次") } }</p>{progress_bar(*p, tr!(lang, "comparison progress", "对比进度"), "present-compare-progress")}</> }
        }
        Work::Failed(why) => {
            return html! { <>{title}<p class="issue error">{trf!(lang, "The comparison stopped: {why}", "对比已停止：{why}")}</p><button class="btn primary" data-testid="present-compare-run" onclick={on_start}>{tr!(lang, "Compare again", "重新对比")}</button></> }
        }
        Work::Idle => {
            return html! { <>{title}<button class="btn primary" data-testid="present-compare-run" onclick={on_start}>{tr!(lang, "Compare", "对比")}</button></> }
        }
    };
    // The chart follows the pattern that matters most on either side.
    let top = o
        .patterns
        .iter()
        .max_by(|a, b| a.1.baseline.max(a.1.variant).total_cmp(&b.1.baseline.max(b.1.variant)))
        .map(|p| p.0);
    let chart: Vec<Series> = top
        .into_iter()
        .flat_map(|p| {
            [
                pattern_series(
                    &o.baseline,
                    p,
                    tr!(lang, "Before (baseline)", "之前（基线）"),
                    "#64748b",
                    true,
                ),
                pattern_series(&o.variant, p, tr!(lang, "After", "之后"), pattern_color(p), false),
            ]
        })
        .flatten()
        .collect();
    let hours = variant.days.max(baseline.days) * 24;
    let events = timeline_events(if variant.interventions.is_empty() {
        baseline
    } else {
        variant
    });
    let runs = o.baseline.runs;
    html! {
        <>
            {title}
            <p class="muted present-caption" data-testid="present-compare-caption">{trf!(lang, "Mean of {runs} seeds shared by both sides; a change is marked only when it is beyond seed noise (paired test, 95 %).", "双方共享的 {runs} 个种子的平均值；仅当变化超出种子噪声时才标记（配对检验，95 %）。")}</p>
            <div class="present-compare">
                <table class="present-table compare" data-testid="present-compare-table">
                    <thead><tr><th scope="col">{tr!(lang, "Measure", "指标")}</th><th scope="col">{tr!(lang, "Before", "之前")}</th><th scope="col">{tr!(lang, "After", "之后")}</th><th scope="col">{tr!(lang, "Change", "变化")}</th></tr></thead>
                    <tbody>
                        { for o.measures.iter().map(|(m, c)| {
                            let (text, dir) = judged(lang, c, m.more_is_better());
                            html! {
                                <tr data-testid={format!("present-measure-{m:?}")} data-judged={dir}>
                                    <th scope="row">{measure_name(lang, *m)}</th>
                                    <td>{measure_value(*m, c.baseline)}</td>
                                    <td>{measure_value(*m, c.variant)}</td>
                                    <td class={classes!("change", dir)}>{arrow(dir, c.change)}{text}</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <div class="present-compare-side">
                    if let Some(p) = top {
                        <LineChart title={ { let name = pattern_name(lang, p); trf!(lang, "{name} per hour, before (dashed) and after", "每小时{name}，之前（虚线）与之后") } } series={chart} {hours} testid="present-chart-compare" {events} frame={Frame::PROJECTOR} />
                    }
                    {late_cost(lang, &o.stretches)}
                </div>
            </div>
        </>
    }
}

/// Why is not computed yet: a button runs it from the deck, with a progress bar while it runs.
fn why_work(lang: Lang, work: &Work<()>, on_start: &Callback<MouseEvent>) -> Html {
    match work {
        Work::Running(p) => html! {
            <>
                <p role="status" data-testid="present-why-busy">{ { let (done, total) = (p.done, p.total); trf!(lang, "Moving each rule alone, on the same seeds… {done} of {total} runs", "在相同种子上逐一单独改变每条规则… {done} / {total} 次") } }</p>
                {progress_bar(*p, tr!(lang, "explanation progress", "解释进度"), "present-why-progress")}
            </>
        },
        Work::Failed(why) => html! {
            <>
                <p class="issue error">{trf!(lang, "Why stopped: {why}", "原因分析已停止：{why}")}</p>
                <button class="btn primary" data-testid="present-why-run" onclick={on_start.clone()}>{tr!(lang, "Find why again", "重新查找原因")}</button>
            </>
        },
        Work::Idle | Work::Done(()) => html! {
            <div data-testid="present-why-missing">
                <p>{tr!(lang, "Why moves each rule alone, on the same seeds, and ranks the rules by what each does to each pattern.", "“原因”在相同种子上逐一单独改变每条规则，并按每条规则对各模式的影响排序。")}</p>
                <button class="btn primary" data-testid="present-why-run" onclick={on_start.clone()}>{tr!(lang, "Find why", "查找原因")}</button>
            </div>
        },
    }
}

/// An explanation with the rules it explains (its sentences are written from them), once Why has run.
pub type Explained<'a> = Option<(&'a Scenario, &'a Explanation)>;

/// A suggestion's sentence in `lang`, written from the rules explained (`s`), circle names marked as typed.
fn suggestion_sentence(lang: Lang, s: &Scenario, suggestion: &Suggestion) -> Html {
    let names: Vec<&str> = s.circles.iter().map(|c| c.name.as_str()).collect();
    with_names_marked(&sentence_in(lang, s, suggestion), &names)
}

/// Slide: the rules ranked by their effect on each serious pattern, from the explanation and the rules it explains.
pub fn why(lang: Lang, explained: Explained, work: &Work<()>, on_start: &Callback<MouseEvent>) -> Html {
    let body = match explained {
        None => why_work(lang, work, on_start),
        Some((_, e)) if e.patterns.is_empty() => {
            html! { <p>{tr!(lang, "No pattern is at medium or above: nothing to explain.", "没有达到中等及以上的模式：无需解释。")}</p> }
        }
        Some((s, e)) => html! { <div class="present-columns">{ for e
        .patterns
        .iter()
        .take(TOP_PATTERNS)
        .map(|p| {
            html! {
                <section class="present-pattern" data-testid={format!("present-why-{}", p.pattern.id())}>
                    <h3>{pattern_name(lang, p.pattern)}{" "}{level_badge(lang, p.level)}</h3>
                    if p.suggestions.is_empty() {
                        <p class="muted">{tr!(lang, "No single rule change cuts it measurably.", "没有单一规则变更能明显降低它。")}</p>
                    } else {
                        <ol>{ for p.suggestions.iter().take(WHY_SHOWN).map(|sg| html! { <li>{suggestion_sentence(lang, s, sg)}</li> }) }</ol>
                    }
                </section>
            }
        }) }</div> },
    };
    html! { <>{heading(Slide::Why.title(lang))}{body}</> }
}

/// A before/after bar pair for one figure, the longer bar full width.
fn bars(lang: Lang, label: &str, before: f64, after: f64, shown: (String, String)) -> Html {
    let most = before.max(after).max(1e-9);
    html! {
        <div class="present-bars">
            <span class="present-bars-label">{label.to_string()}</span>
            <div class="present-bar before"><div style={format!("width:{:.1}%", 100.0 * before / most)}></div><span>{ { let v = &shown.0; trf!(lang, "before {v}", "之前 {v}") } }</span></div>
            <div class="present-bar after"><div style={format!("width:{:.1}%", 100.0 * after / most)}></div><span>{ { let v = &shown.1; trf!(lang, "after {v}", "之后 {v}") } }</span></div>
        </div>
    }
}

fn fix_card(lang: Lang, explained: &Scenario, s: &Suggestion) -> Html {
    let (sev_b, sev_a) = (f64::from(s.severity_before), f64::from(s.severity_after));
    html! {
        <section class="present-pattern present-fix" data-testid={format!("present-fix-{}", s.pattern.id())}>
            <h3>{pattern_name(lang, s.pattern)}</h3>
            <p class="present-sentence">{suggestion_sentence(lang, explained, s)}</p>
            {bars(lang, tr!(lang, "Severity (0–100)", "严重度（0–100）"), sev_b, sev_a, (s.severity_before.to_string(), s.severity_after.to_string()))}
            <dl class="stats wide">
                <dt>{tr!(lang, "Incidents", "事件")}</dt><dd>{percent(s.incidents_change_percent)}</dd>
                <dt>{tr!(lang, "Honest engagement", "诚实互动")}</dt><dd>{percent(s.cost.engagement_change_percent)}</dd>
                <dt>{tr!(lang, "Tip volume", "打赏金额")}</dt><dd>{percent(s.cost.tip_volume_change_percent)}</dd>
            </dl>
        </section>
    }
}

/// Slide: the best change per serious pattern, before and after, with its cost (see [`why`]).
pub fn fix(lang: Lang, explained: Explained, work: &Work<()>, on_start: &Callback<MouseEvent>) -> Html {
    let body = match explained {
        None => why_work(lang, work, on_start),
        Some((s, e)) => {
            let best: Vec<&Suggestion> = e
                .patterns
                .iter()
                .take(TOP_PATTERNS)
                .filter_map(|p| p.suggestions.first())
                .collect();
            if best.is_empty() {
                html! { <p>{tr!(lang, "No single rule change cuts a serious pattern measurably.", "没有单一规则变更能明显降低严重的模式。")}</p> }
            } else {
                html! { <div class="present-fixes">{ for best.into_iter().map(|sg| fix_card(lang, s, sg)) }</div> }
            }
        }
    };
    html! { <>{heading(Slide::Fix.title(lang))}{body}</> }
}
