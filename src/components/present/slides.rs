//! The deck's slides, one function each: plain views of the scenario, the run, the comparison and Why.

use super::{Deck, DeckAction, Slide, SPEEDS, TOP_PATTERNS};
use crate::comparison::{pattern_series, Outcome};
use crate::components::compare_panel::{arrow, judged, late_cost, measure_name, measure_value};
use crate::components::line_chart::{Frame, LineChart, Series};
use crate::components::money_flow::MoneyFlowView;
use crate::components::progress_bar::progress_bar;
use crate::components::results_charts::timeline_events;
use crate::components::rules_table::rules_table;
use crate::locale::Lang;
use crate::pool::BatchProgress;
use crate::view_model::{hour_label, level_class, pattern_color, prevalence_percent};
use backfire_engine::explain::{Explanation, Suggestion};
use backfire_engine::words::{group, pattern_name, rules_summary};
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

fn level_badge(level: Level) -> Html {
    html! { <span class={classes!("level", level_class(level))}>{level.id()}</span> }
}

fn heading(text: impl Into<String>) -> Html {
    html! { <h2 id="present-heading">{text.into()}</h2> }
}

/// Slide: the rules as a circle × action table, then the platform in words.
pub fn rules(s: &Scenario) -> Html {
    // After the circles' sections comes the platform's (the timeline has a slide of its own).
    let platform = rules_summary(s).into_iter().nth(s.circles.len());
    html! {
        <>
            {heading(s.name.clone())}
            {rules_table(s, "present-table", "present-rules-table")}
            <div class="present-rules" data-testid="present-rules">
                if let Some(p) = platform {
                    <p><strong>{format!("{}: ", p.title)}</strong>{p.lines.join("; ")}</p>
                }
                if !s.interventions.is_empty() {
                    <p class="muted">{format!("These are the rules at launch; {} change{} during the run (next slide).", s.interventions.len(), if s.interventions.len() == 1 { "" } else { "s" })}</p>
                }
            </div>
        </>
    }
}

/// Slide: each change of the timeline, at its hour, with what it changes.
pub fn timeline(s: &Scenario) -> Html {
    let changes: Vec<_> = rules_summary(s).into_iter().skip(s.circles.len() + 1).collect();
    html! {
        <>
            {heading("The timeline")}
            <ol class="present-timeline" data-testid="present-timeline">
                <li><strong>{"Hour 0: launch"}</strong><span class="muted">{" with the rules on the previous slide"}</span></li>
                { for changes.iter().map(|c| html! {
                    <li data-testid="present-change">
                        <strong>{c.title.clone()}</strong>
                        <ul>{ for c.lines.iter().map(|l| html! { <li>{l.clone()}</li> }) }</ul>
                    </li>
                }) }
            </ol>
        </>
    }
}

/// Speaker notes: the scenario's notes, then each change of the timeline with its note.
pub fn speaker_notes(s: &Scenario) -> Html {
    let mut changes: Vec<_> = s.interventions.iter().collect();
    changes.sort_by_key(|i| i.hour);
    html! {
        <aside class="present-speaker-notes" data-testid="present-speaker-notes" aria-label="speaker notes">
            <h3>{"Speaker notes"}</h3>
            if s.notes.is_empty() && changes.is_empty() {
                <p class="muted">{"This scenario has no notes (add them under Run & platform)."}</p>
            }
            <ul class="present-notes" data-testid="present-notes">
                { for s.notes.iter().map(|n| html! { <li>{n.clone()}</li> }) }
                { for changes.iter().map(|i| html! { <li>{format!("Hour {} · {}{}", i.hour, i.label, if i.note.is_empty() { String::new() } else { format!(": {}", i.note) })}</li> }) }
            </ul>
        </aside>
    }
}

pub fn no_run() -> Html {
    html! { <p class="muted" data-testid="present-no-run">{"No run yet: close this, run the scenario, and present again."}</p> }
}

/// Slide: the run played back hour by hour, its charts revealed up to the hour shown.
pub fn run(s: &Scenario, r: &Report, deck: &Deck, hour: u32, dispatch: &UseReducerDispatcher<Deck>) -> Html {
    let last = r.hours_done.saturating_sub(1);
    let top = top_patterns(r);
    let abuse: Vec<Series> = top
        .iter()
        .map(|p| {
            Series::line(
                pattern_name(p.id),
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
            {heading(format!("The run: {} users, {} days", group(u64::from(r.n_users)), s.days))}
            <div class="present-playback">
                <button class="btn primary" data-testid="present-play" aria-pressed={deck.playing.to_string()} onclick={on_play}>{ if deck.playing { "❚❚ Pause" } else { "▶ Play" } }</button>
                <input type="range" data-testid="present-scrubber" aria-label="hour of the run" aria-valuetext={hour_label(hour)} min="0" max={last.to_string()} step="1" value={hour.to_string()} oninput={on_scrub} />
                <output data-testid="present-hour" data-hour={hour.to_string()}>{hour_label(hour)}</output>
                <span class="present-speed" role="group" aria-label="playback speed">
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
                            <h3><span>{pattern_name(p.id)}</span>{level_badge(p.level)}</h3>
                            <p class="present-big">{group(so_far)}</p>
                            <p class="muted">{if p.id.is_feed_content() {
                                format!("incidents so far; {} of honest views over the run", prevalence_percent(u64::from(p.prevalence_per_10k)))
                            } else {
                                String::from("incidents so far")
                            }}</p>
                        </article>
                    }
                }) }
                <article class="card" data-testid="present-card-tipped" data-fen={tipped_so_far.to_string()}>
                    <h3><span>{"Tipped"}</span></h3>
                    <p class="present-big">{whole_yuan(tipped_so_far)}</p>
                    <p class="muted">{"all tips so far, honest and not"}</p>
                </article>
                <article class="card" data-testid="present-card-honest" data-engagement={honest_so_far.to_string()}>
                    <h3><span>{"Honest engagement"}</span></h3>
                    <p class="present-big">{group(honest_so_far)}</p>
                    <p class="muted">{"posts and interactions on genuine posts so far"}</p>
                </article>
            </div>
            <div class="present-charts">
                if !abuse.is_empty() {
                    <LineChart title="Abuse incidents per hour" series={abuse} hours={r.total_hours} testid="present-chart-abuse" marker={Some(hour)} reveal={Some(hour)} events={events.clone()} frame={Frame::PROJECTOR} />
                }
                <LineChart title="Honest engagement per hour" series={vec![Series::line("Honest engagement", "#166534", honest)]} hours={r.total_hours} testid="present-chart-honest" marker={Some(hour)} reveal={Some(hour)} {events} frame={Frame::PROJECTOR} />
            </div>
        </>
    }
}

/// Slide: where the money went — who paid whom, and the rule each abusive pattern's money went through.
pub fn money(r: &Report) -> Html {
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
            {heading("Where the money went")}
            <div class="cards present-cards">
                <article class="card" data-testid="present-money-tipped"><h3><span>{"Tipped"}</span></h3><p class="present-big">{whole_yuan(m.tipped_fen)}</p><p class="muted">{"every tip, honest thanks and the market"}</p></article>
                <article class="card" data-testid="present-money-abuse" data-fen={abuse_fen.to_string()}><h3><span>{"Moved by abuse"}</span></h3><p class="present-big">{whole_yuan(abuse_fen)}</p><p class="muted">{"tips and prepayments in abuse incidents"}</p></article>
                <article class="card"><h3><span>{"Platform fees"}</span></h3><p class="present-big">{whole_yuan(m.fee_fen)}</p><p class="muted">{"what the platform earned on tips"}</p></article>
            </div>
            <div class="present-money">
                <section aria-label="who paid whom">
                    <h3>{"Who paid whom"}</h3>
                    <MoneyFlowView money={m.clone()} demand_users={r.health.demand_users} demand_spent_fen={r.health.demand_spent_fen} bars_only=true />
                </section>
                <section aria-label="through which rule" data-testid="present-money-rules">
                    <h3>{"Through which rule"}</h3>
                    if paid.is_empty() {
                        <p class="muted">{"No abuse pattern moved money in this run."}</p>
                    }
                    <ul>
                        { for paid.iter().map(|p| html! {
                            <li data-testid={format!("present-money-{}", p.id.id())}>
                                <strong>{format!("{}: {}", pattern_name(p.id), whole_yuan(p.fen_involved))}</strong>
                                <br />
                                <span class="muted">{match p.opened_by.first() {
                                    Some(o) => format!("most through {}", o.rule),
                                    None => String::from("through no single rule"),
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
pub fn opened(r: &Report) -> Html {
    let top = top_patterns(r);
    html! {
        <>
            {heading(Slide::Opened.title())}
            if top.is_empty() {
                <p>{"No abuse pattern appeared in this run."}</p>
            }
            <div class="present-columns">
            { for top.iter().map(|p| html! {
                <section class="present-pattern" data-testid={format!("present-opened-{}", p.id.id())}>
                    <h3>{pattern_name(p.id)}{" "}{level_badge(p.level)}</h3>
                    if p.opened_by.is_empty() {
                        <p class="muted">{"no single rule let it through"}</p>
                    } else {
                        <ol>{ for p.opened_by.iter().take(3).map(|o| html! { <li>{o.rule.clone()}<span class="muted">{format!(" — {} incidents", group(o.incidents))}</span></li> }) }</ol>
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
            {heading(Slide::Compare.title())}
            <p class="present-subtitle" data-testid="present-compare-sides"><span class="muted">{"before: "}</span>{baseline.name.clone()}<span class="muted">{" · after: "}</span>{variant.name.clone()}</p>
        </>
    };
    let o = match work {
        Work::Done(o) => o,
        Work::Running(p) => {
            return html! { <>{title}<p role="status" data-testid="present-compare-busy">{format!("Running both on the same seeds… {} of {} runs", p.done, p.total)}</p>{progress_bar(*p, "comparison progress", "present-compare-progress")}</> }
        }
        Work::Failed(why) => {
            return html! { <>{title}<p class="issue error">{format!("The comparison stopped: {why}")}</p><button class="btn primary" data-testid="present-compare-run" onclick={on_start}>{"Compare again"}</button></> }
        }
        Work::Idle => {
            return html! { <>{title}<button class="btn primary" data-testid="present-compare-run" onclick={on_start}>{"Compare"}</button></> }
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
                pattern_series(&o.baseline, p, "Before (baseline)", "#64748b", true),
                pattern_series(&o.variant, p, "After", pattern_color(p), false),
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
            <p class="muted present-caption" data-testid="present-compare-caption">{format!("Mean of {runs} seeds shared by both sides; a change is marked only when it is beyond seed noise (paired test, 95 %).")}</p>
            <div class="present-compare">
                <table class="present-table compare" data-testid="present-compare-table">
                    <thead><tr><th scope="col">{"Measure"}</th><th scope="col">{"Before"}</th><th scope="col">{"After"}</th><th scope="col">{"Change"}</th></tr></thead>
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
                        <LineChart title={format!("{} per hour, before (dashed) and after", pattern_name(p))} series={chart} {hours} testid="present-chart-compare" {events} frame={Frame::PROJECTOR} />
                    }
                    {late_cost(lang, &o.stretches)}
                </div>
            </div>
        </>
    }
}

/// Why is not computed yet: a button runs it from the deck, with a progress bar while it runs.
fn why_work(work: &Work<()>, on_start: &Callback<MouseEvent>) -> Html {
    match work {
        Work::Running(p) => html! {
            <>
                <p role="status" data-testid="present-why-busy">{format!("Moving each rule alone, on the same seeds… {} of {} runs", p.done, p.total)}</p>
                {progress_bar(*p, "explanation progress", "present-why-progress")}
            </>
        },
        Work::Failed(why) => html! {
            <>
                <p class="issue error">{format!("Why stopped: {why}")}</p>
                <button class="btn primary" data-testid="present-why-run" onclick={on_start.clone()}>{"Find why again"}</button>
            </>
        },
        Work::Idle | Work::Done(()) => html! {
            <div data-testid="present-why-missing">
                <p>{"Why moves each rule alone, on the same seeds, and ranks the rules by what each does to each pattern."}</p>
                <button class="btn primary" data-testid="present-why-run" onclick={on_start.clone()}>{"Find why"}</button>
            </div>
        },
    }
}

/// Slide: the rules ranked by their effect on each serious pattern.
pub fn why(e: Option<&Explanation>, work: &Work<()>, on_start: &Callback<MouseEvent>) -> Html {
    let body = match e {
        None => why_work(work, on_start),
        Some(e) if e.patterns.is_empty() => html! { <p>{"No pattern is at medium or above: nothing to explain."}</p> },
        Some(e) => html! { <div class="present-columns">{ for e
        .patterns
        .iter()
        .take(TOP_PATTERNS)
        .map(|p| {
            html! {
                <section class="present-pattern" data-testid={format!("present-why-{}", p.pattern.id())}>
                    <h3>{pattern_name(p.pattern)}{" "}{level_badge(p.level)}</h3>
                    if p.suggestions.is_empty() {
                        <p class="muted">{"No single rule change cuts it measurably."}</p>
                    } else {
                        <ol>{ for p.suggestions.iter().take(WHY_SHOWN).map(|s| html! { <li>{s.sentence.clone()}</li> }) }</ol>
                    }
                </section>
            }
        }) }</div> },
    };
    html! { <>{heading(Slide::Why.title())}{body}</> }
}

/// A before/after bar pair for one figure, the longer bar full width.
fn bars(label: &str, before: f64, after: f64, shown: (String, String)) -> Html {
    let most = before.max(after).max(1e-9);
    html! {
        <div class="present-bars">
            <span class="present-bars-label">{label.to_string()}</span>
            <div class="present-bar before"><div style={format!("width:{:.1}%", 100.0 * before / most)}></div><span>{format!("before {}", shown.0)}</span></div>
            <div class="present-bar after"><div style={format!("width:{:.1}%", 100.0 * after / most)}></div><span>{format!("after {}", shown.1)}</span></div>
        </div>
    }
}

fn fix_card(s: &Suggestion) -> Html {
    let (sev_b, sev_a) = (f64::from(s.severity_before), f64::from(s.severity_after));
    html! {
        <section class="present-pattern present-fix" data-testid={format!("present-fix-{}", s.pattern.id())}>
            <h3>{pattern_name(s.pattern)}</h3>
            <p class="present-sentence">{s.sentence.clone()}</p>
            {bars("Severity (0–100)", sev_b, sev_a, (s.severity_before.to_string(), s.severity_after.to_string()))}
            <dl class="stats wide">
                <dt>{"Incidents"}</dt><dd>{percent(s.incidents_change_percent)}</dd>
                <dt>{"Honest engagement"}</dt><dd>{percent(s.cost.engagement_change_percent)}</dd>
                <dt>{"Tip volume"}</dt><dd>{percent(s.cost.tip_volume_change_percent)}</dd>
            </dl>
        </section>
    }
}

/// Slide: the best change per serious pattern, before and after, with its cost.
pub fn fix(e: Option<&Explanation>, work: &Work<()>, on_start: &Callback<MouseEvent>) -> Html {
    let body = match e {
        None => why_work(work, on_start),
        Some(e) => {
            let best: Vec<&Suggestion> = e
                .patterns
                .iter()
                .take(TOP_PATTERNS)
                .filter_map(|p| p.suggestions.first())
                .collect();
            if best.is_empty() {
                html! { <p>{"No single rule change cuts a serious pattern measurably."}</p> }
            } else {
                html! { <div class="present-fixes">{ for best.into_iter().map(fix_card) }</div> }
            }
        }
    };
    html! { <>{heading(Slide::Fix.title())}{body}</> }
}
