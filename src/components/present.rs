//! Presentation mode: large type, one idea per screen, and hour-by-hour playback of the run.

use crate::components::line_chart::{LineChart, Series};
use crate::components::rules_summary::summary_paragraphs;
use crate::hooks::use_document_keydown::{target_tag, use_document_keydown};
use crate::view_model::{hour_label, level_class, pattern_color, prevalence_percent};
use backfire_engine::explain::{Explanation, Suggestion};
use backfire_engine::words::{group, pattern_name, rules_summary};
use backfire_engine::{Level, PatternReport, Report, Scenario};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`Presentation`].
#[derive(Properties, PartialEq, Clone)]
pub struct PresentationProps {
    /// The scenario presented (its name is the title and its notes are the speaker's notes).
    pub scenario: Scenario,
    /// The run's report.
    pub report: Option<Rc<Report>>,
    /// The explanation, if one has been computed.
    pub explanation: Option<Rc<Explanation>>,
    /// Leaves presentation mode.
    pub on_close: Callback<()>,
}

/// The guided path, one screen each: the rules → the run → what opened it → why → the fix.
pub const STEPS: [&str; 5] = ["The rules", "The run", "What opened it", "Why", "The fix"];
/// Milliseconds between playback ticks.
const TICK_MS: u32 = 250;
/// Ticks a whole run takes to play, whatever its length (60 × 250 ms = 15 s).
const TICKS_PER_RUN: u32 = 60;
/// Patterns a screen shows at most, so each stays readable from the back of the room.
const TOP_PATTERNS: usize = 3;

/// Where the presenter is: the screen, the hour played back to, and whether playback runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deck {
    /// Index into [`STEPS`].
    pub step: usize,
    /// The hour shown (0-based).
    pub hour: u32,
    /// Whether playback advances.
    pub playing: bool,
}

/// What the presenter does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DeckAction {
    /// The next screen (stays on the last).
    Next,
    /// The previous screen (stays on the first).
    Prev,
    /// Jump to an hour (scrubbing pauses playback, so the hour stays where it was put).
    Seek(u32),
    /// Start playback; from the start again when the last hour is already shown.
    Play {
        /// The run's last hour.
        last: u32,
    },
    /// Stop playback.
    Pause,
    /// Advance playback by `by` hours, stopping at `last`.
    Tick {
        /// Hours per tick.
        by: u32,
        /// The run's last hour.
        last: u32,
    },
}

impl Reducible for Deck {
    type Action = DeckAction;

    fn reduce(self: Rc<Self>, action: DeckAction) -> Rc<Self> {
        let d = (*self).clone();
        Rc::new(match action {
            DeckAction::Next => Deck {
                step: (d.step + 1).min(STEPS.len() - 1),
                ..d
            },
            DeckAction::Prev => Deck {
                step: d.step.saturating_sub(1),
                ..d
            },
            DeckAction::Seek(hour) => Deck {
                hour,
                playing: false,
                ..d
            },
            DeckAction::Play { last } => Deck {
                hour: if d.hour >= last { 0 } else { d.hour },
                playing: last > 0,
                ..d
            },
            DeckAction::Pause => Deck { playing: false, ..d },
            DeckAction::Tick { by, last } if d.playing => {
                let hour = d.hour.saturating_add(by.max(1)).min(last);
                Deck {
                    hour,
                    playing: hour < last,
                    ..d
                }
            }
            DeckAction::Tick { .. } => d,
        })
    }
}

/// Hours each playback tick advances, so any run plays in about [`TICKS_PER_RUN`] ticks.
pub fn hours_per_tick(hours: u32) -> u32 {
    hours.div_ceil(TICKS_PER_RUN).max(1)
}

/// Incidents of a pattern from the first hour up to and including `hour`.
pub fn incidents_so_far(p: &PatternReport, hour: u32) -> u64 {
    p.hourly.iter().take(hour as usize + 1).map(|&n| u64::from(n)).sum()
}

/// The most severe patterns with any incidents, most severe first (ties keep the engine's order).
fn top_patterns(r: &Report) -> Vec<&PatternReport> {
    let mut active: Vec<&PatternReport> = r.patterns.iter().filter(|p| p.severity > 0).collect();
    active.sort_by_key(|p| std::cmp::Reverse(p.severity));
    active.truncate(TOP_PATTERNS);
    active
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

/// Screen 1: the title, the designer's notes and the rules in words.
fn rules_screen(s: &Scenario) -> Html {
    html! {
        <>
            <h2 id="present-heading">{s.name.clone()}</h2>
            <div class="present-rules" data-testid="present-rules">
                {summary_paragraphs(&rules_summary(s))}
            </div>
            // The rules are what the room needs first; the designer's notes (sources, assumptions) follow.
            if !s.notes.is_empty() {
                <section aria-label="notes">
                    <h3>{"Notes"}</h3>
                    <ul class="present-notes" data-testid="present-notes">{ for s.notes.iter().map(|n| html! { <li>{n.clone()}</li> }) }</ul>
                </section>
            }
        </>
    }
}

fn no_run() -> Html {
    html! { <p class="muted" data-testid="present-no-run">{"No run yet: close this, run the scenario, and present again."}</p> }
}

/// Screen 2: the run played back hour by hour.
fn run_screen(s: &Scenario, r: &Report, hour: u32, playing: bool, dispatch: &UseReducerDispatcher<Deck>) -> Html {
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
    let on_scrub = dispatch.to_callback().reform(|e: InputEvent| {
        DeckAction::Seek(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value()
                .parse()
                .unwrap_or(0),
        )
    });
    let on_play = if playing {
        dispatch.to_callback().reform(|_: MouseEvent| DeckAction::Pause)
    } else {
        dispatch
            .to_callback()
            .reform(move |_: MouseEvent| DeckAction::Play { last })
    };
    html! {
        <>
            <h2 id="present-heading">{format!("The run: {} users, {} days", group(u64::from(r.n_users)), s.days)}</h2>
            <div class="present-playback">
                <button class="btn primary" data-testid="present-play" aria-pressed={playing.to_string()} onclick={on_play}>{ if playing { "❚❚ Pause" } else { "▶ Play" } }</button>
                <input type="range" data-testid="present-scrubber" aria-label="hour of the run" aria-valuetext={hour_label(hour)} min="0" max={last.to_string()} step="1" value={hour.to_string()} oninput={on_scrub} />
                <output data-testid="present-hour" data-hour={hour.to_string()}>{hour_label(hour)}</output>
            </div>
            <div class="cards present-cards">
                { for top.iter().map(|p| {
                    let so_far = incidents_so_far(p, hour);
                    html! {
                        <article class={classes!("card", level_class(p.level))} data-testid={format!("present-card-{}", p.id.id())} data-incidents={so_far.to_string()}>
                            <h3><span>{pattern_name(p.id)}</span>{level_badge(p.level)}</h3>
                            <p class="present-big">{group(so_far)}</p>
                            <p class="muted">{if p.id.is_feed_content() {
                                format!("incidents so far; severity {}/100 and {} of honest views over the whole run", p.severity, prevalence_percent(u64::from(p.prevalence_per_10k)))
                            } else {
                                format!("incidents so far; severity {}/100 over the whole run", p.severity)
                            }}</p>
                        </article>
                    }
                }) }
                <article class="card" data-testid="present-card-honest" data-engagement={honest_so_far.to_string()}>
                    <h3><span>{"Honest engagement"}</span></h3>
                    <p class="present-big">{group(honest_so_far)}</p>
                    <p class="muted">{"honest users' posts and interactions on genuine posts so far"}</p>
                </article>
            </div>
            <div class="present-charts">
                if !abuse.is_empty() {
                    <LineChart title="Abuse incidents per hour" series={abuse} hours={r.total_hours} testid="present-chart-abuse" marker={Some(hour)} events={crate::components::results_charts::timeline_events(s)} />
                }
                <LineChart title="Honest engagement on genuine posts per hour" series={vec![Series::line("Honest engagement", "#166534", honest)]} hours={r.total_hours} testid="present-chart-honest" marker={Some(hour)} events={crate::components::results_charts::timeline_events(s)} />
            </div>
        </>
    }
}

/// Screen 3: the rules that let the most incidents through, per top pattern.
fn opened_screen(r: &Report) -> Html {
    let top = top_patterns(r);
    html! {
        <>
            <h2 id="present-heading">{"What opened it"}</h2>
            if top.is_empty() {
                <p>{"No abuse pattern appeared in this run."}</p>
            }
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
        </>
    }
}

fn why_missing() -> Html {
    html! { <p data-testid="present-why-missing">{"Run “Why” first (the Why tab): it finds which rules open each pattern by moving each one alone, on the same seeds."}</p> }
}

/// Screen 4: the rules ranked by their effect on each serious pattern.
fn why_screen(e: Option<&Explanation>) -> Html {
    let body = match e {
        None => why_missing(),
        Some(e) if e.patterns.is_empty() => html! { <p>{"No pattern is at medium or above: nothing to explain."}</p> },
        Some(e) => e
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
                            <ol>{ for p.suggestions.iter().take(3).map(|s| html! { <li>{s.sentence.clone()}</li> }) }</ol>
                        }
                    </section>
                }
            })
            .collect(),
    };
    html! { <><h2 id="present-heading">{"Why"}</h2>{body}</> }
}

fn fix_card(s: &Suggestion) -> Html {
    html! {
        <section class="present-pattern present-fix" data-testid={format!("present-fix-{}", s.pattern.id())}>
            <h3>{pattern_name(s.pattern)}</h3>
            <p class="present-sentence">{s.sentence.clone()}</p>
            <dl class="stats wide">
                <dt>{"Severity"}</dt><dd>{format!("{} → {}", s.severity_before, s.severity_after)}</dd>
                <dt>{"Incidents"}</dt><dd>{percent(s.incidents_change_percent)}</dd>
                <dt>{"Honest engagement on genuine posts"}</dt><dd>{percent(s.cost.engagement_change_percent)}</dd>
                <dt>{"Tip volume"}</dt><dd>{percent(s.cost.tip_volume_change_percent)}</dd>
            </dl>
        </section>
    }
}

/// Screen 5: the best change per serious pattern, with its effect and its cost.
fn fix_screen(e: Option<&Explanation>) -> Html {
    let body = match e {
        None => why_missing(),
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
                best.into_iter().map(fix_card).collect()
            }
        }
    };
    html! { <><h2 id="present-heading">{"The fix"}</h2>{body}</> }
}

/// Presentation mode.
#[function_component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let deck = use_reducer(Deck::default);
    let dialog = use_node_ref();
    let last = props.report.as_ref().map_or(0, |r| r.hours_done.saturating_sub(1));
    let by = hours_per_tick(last + 1);

    // Focus the dialog on open, so keys reach it and screen readers announce it; give focus back on close.
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let before = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(el) = dialog.cast::<HtmlElement>() {
                let _ = el.focus();
            }
            move || {
                if let Some(el) = before {
                    let _ = el.focus();
                }
            }
        });
    }

    // Keys work wherever focus is while presenting, except where a control needs the key itself:
    // arrows and Space move the scrubber, and Space presses a focused button.
    {
        let dispatcher = deck.dispatcher();
        let on_close = props.on_close.clone();
        use_document_keydown(props.on_close.clone(), move |e| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let tag = target_tag(e);
            let key = e.key();
            let in_input = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA");
            let action = match key.as_str() {
                "Escape" => {
                    e.prevent_default();
                    on_close.emit(());
                    return;
                }
                _ if in_input => return,
                "ArrowRight" | "PageDown" => DeckAction::Next,
                " " if tag != "BUTTON" => DeckAction::Next,
                "ArrowLeft" | "PageUp" => DeckAction::Prev,
                _ => return,
            };
            e.prevent_default();
            dispatcher.dispatch(action);
        });
    }

    // Playback: a timer only while playing; it stops itself at the last hour.
    {
        let dispatcher = deck.dispatcher();
        use_effect_with((deck.playing, last, by), move |&(playing, last, by)| {
            let timer = playing.then(|| {
                gloo::timers::callback::Interval::new(TICK_MS, move || {
                    dispatcher.dispatch(DeckAction::Tick { by, last })
                })
            });
            move || drop(timer)
        });
    }

    // A report that got shorter (a new run streaming in) keeps the hour inside it.
    let hour = deck.hour.min(last);
    let explanation = props.explanation.as_deref();
    let screen = match (deck.step, props.report.as_deref()) {
        (0, _) => rules_screen(&props.scenario),
        (1, Some(r)) => run_screen(&props.scenario, r, hour, deck.playing, &deck.dispatcher()),
        (2, Some(r)) => opened_screen(r),
        (1 | 2, None) => {
            html! { <><h2 id="present-heading">{STEPS.get(deck.step).copied().unwrap_or_default()}</h2>{no_run()}</> }
        }
        (3, _) => why_screen(explanation),
        _ => fix_screen(explanation),
    };
    let step_name = STEPS.get(deck.step).copied().unwrap_or_default();
    let on_prev = deck.dispatcher().to_callback().reform(|_: MouseEvent| DeckAction::Prev);
    let on_next = deck.dispatcher().to_callback().reform(|_: MouseEvent| DeckAction::Next);
    let on_exit = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="presentation" data-testid="presentation" role="dialog" aria-modal="true" aria-labelledby="present-heading" tabindex="-1" ref={dialog}>
            <header class="present-top">
                <span class="present-title">{props.scenario.name.clone()}</span>
                <ol class="present-path" aria-label="steps">
                    { for STEPS.iter().enumerate().map(|(i, s)| html! {
                        <li class={classes!((i == deck.step).then_some("current"))} aria-current={(i == deck.step).then_some("step")}>{*s}</li>
                    }) }
                </ol>
                <button class="btn" data-testid="present-exit" title="Leave presentation mode (Escape)" onclick={on_exit}>{"Exit"}</button>
            </header>
            <main class="present-slide" data-testid={format!("present-screen-{}", deck.step + 1)}>{screen}</main>
            <nav class="present-nav" aria-label="slides">
                <button class="btn" data-testid="present-prev" disabled={deck.step == 0} onclick={on_prev}>{"← Previous"}</button>
                <span data-testid="present-step" data-step={(deck.step + 1).to_string()} aria-live="polite">{format!("{} of {} · {step_name}", deck.step + 1, STEPS.len())}</span>
                <button class="btn primary" data-testid="present-next" disabled={deck.step + 1 >= STEPS.len()} onclick={on_next}>{"Next →"}</button>
            </nav>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(d: Deck, a: DeckAction) -> Deck {
        (*Rc::new(d).reduce(a)).clone()
    }

    #[test]
    fn steps_stay_on_the_path() {
        let mut d = Deck::default();
        d = reduce(d, DeckAction::Prev);
        assert_eq!(d.step, 0);
        for _ in 0..10 {
            d = reduce(d, DeckAction::Next);
        }
        assert_eq!(d.step, STEPS.len() - 1);
    }

    #[test]
    fn playback_stops_at_the_end_and_restarts_from_the_start() {
        let last = 167;
        let by = hours_per_tick(last + 1);
        assert_eq!(by, 3);
        let mut d = reduce(Deck::default(), DeckAction::Play { last });
        let mut ticks = 0;
        while d.playing {
            d = reduce(d, DeckAction::Tick { by, last });
            ticks += 1;
        }
        assert_eq!((d.hour, ticks), (last, 56));
        d = reduce(d, DeckAction::Tick { by, last });
        assert_eq!(d.hour, last, "a stray tick after the end changes nothing");
        d = reduce(d, DeckAction::Play { last });
        assert_eq!((d.hour, d.playing), (0, true));
        d = reduce(d, DeckAction::Seek(40));
        assert_eq!((d.hour, d.playing), (40, false));
    }

    #[test]
    fn a_one_hour_run_does_not_play() {
        let d = reduce(Deck::default(), DeckAction::Play { last: 0 });
        assert!(!d.playing);
    }
}
