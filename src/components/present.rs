//! Presentation mode: a deck built from what the designer has — the rules, the run played back hour by
//! hour, the money, what opened it, the pinned comparison, Why (run from the deck) and the fix — in large
//! type, with speaker notes from the scenario's notes. The slide shown is in the link (`&present=money`).

mod slides;

use crate::comparison::{self, Outcome};
use crate::explaining;
use crate::export::slide::{save_slide, slide_link, ImageFormat, SlideInfo};
use crate::hooks::use_document_keydown::{target_tag, use_document_keydown};
use crate::locale::{tr, trf, use_lang, Lang};
use crate::pool::Pool;
use backfire_engine::explain::Explanation;
use backfire_engine::{Report, Scenario};
use slides::Work;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`Presentation`].
#[derive(Properties, PartialEq, Clone)]
pub struct PresentationProps {
    /// The scenario presented (its name is the title and its notes are the speaker's notes).
    pub scenario: Scenario,
    /// The pinned baseline, when the designer prepared a comparison: the deck gains a before/after slide.
    #[prop_or_default]
    pub baseline: Option<Rc<Scenario>>,
    /// Seeds per side of the comparison.
    #[prop_or(10)]
    pub runs: u32,
    /// The run's report.
    pub report: Option<Rc<Report>>,
    /// The explanation, if one has been computed.
    pub explanation: Option<Rc<Explanation>>,
    /// Keeps an explanation computed from the deck (the Why tab shows it too).
    #[prop_or_default]
    pub on_explained: Callback<Option<Rc<Explanation>>>,
    /// The worker pool, for the comparison and Why.
    pub pool: Pool,
    /// The slide to open on (its id, from the link).
    #[prop_or_default]
    pub slide: Option<String>,
    /// Told the id of each slide shown, so the link opens on it.
    #[prop_or_default]
    pub on_slide: Callback<String>,
    /// Leaves presentation mode.
    pub on_close: Callback<()>,
}

/// One slide of the deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The rules as a circle × action table.
    Rules,
    /// What changes at which hour, when the scenario has a timeline.
    Timeline,
    /// The run, played back hour by hour.
    Run,
    /// Who paid whom, through which rule.
    Money,
    /// The rules that let the most incidents through.
    Opened,
    /// The pinned baseline against the rules on screen.
    Compare,
    /// Each rule moved alone, ranked by its effect.
    Why,
    /// The best change per serious pattern, before and after.
    Fix,
}

impl Slide {
    /// Every slide in deck order.
    pub const ALL: [Slide; 8] = [
        Slide::Rules,
        Slide::Timeline,
        Slide::Run,
        Slide::Money,
        Slide::Opened,
        Slide::Compare,
        Slide::Why,
        Slide::Fix,
    ];

    /// The slide's id in the link (`&present=<id>`); a wire format: never rename one.
    pub fn id(self) -> &'static str {
        match self {
            Slide::Rules => "rules",
            Slide::Timeline => "timeline",
            Slide::Run => "run",
            Slide::Money => "money",
            Slide::Opened => "opened",
            Slide::Compare => "compare",
            Slide::Why => "why",
            Slide::Fix => "fix",
        }
    }

    /// The slide's name on the deck's path.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Slide::Rules => tr!(lang, "The rules", "规则"),
            Slide::Timeline => tr!(lang, "The timeline", "时间线"),
            Slide::Run => tr!(lang, "The run", "运行"),
            Slide::Money => tr!(lang, "The money", "资金"),
            Slide::Opened => tr!(lang, "What opened it", "是什么放开了它"),
            Slide::Compare => tr!(lang, "Before and after", "之前与之后"),
            Slide::Why => tr!(lang, "Why", "原因"),
            Slide::Fix => tr!(lang, "The fix", "修正"),
        }
    }
}

/// The deck for what the designer has: the timeline slide only when the rules change during the run, the
/// before/after slide only when a baseline is pinned.
pub fn slides(has_timeline: bool, has_baseline: bool) -> Vec<Slide> {
    Slide::ALL
        .into_iter()
        .filter(|s| match s {
            Slide::Timeline => has_timeline,
            Slide::Compare => has_baseline,
            _ => true,
        })
        .collect()
}

/// Patterns a screen shows at most, so each stays readable from the back of the room.
const TOP_PATTERNS: usize = 3;
/// Ticks a whole run takes to play at 1×, whatever its length (60 ticks of 250 ms = 15 s).
const TICKS_PER_RUN: u32 = 60;
/// Playback speeds: the label and the milliseconds between ticks.
pub const SPEEDS: [(&str, u32); 4] = [("½×", 500), ("1×", 250), ("2×", 125), ("4×", 62)];
/// The speed a deck starts at (1×).
const DEFAULT_SPEED: usize = 1;
/// Pixels kept free below a fitted slide, so rounding never leaves it a pixel too tall.
const FIT_SLACK: f64 = 4.0;
/// Widths (CSS pixels) below which a slide scrolls rather than shrinks to fit (the deck's phone layout).
const PHONE_WIDTH: f64 = 600.0;
/// Least zoom a slide is shrunk to so it fits the screen; a slide that needs more scrolls.
const FIT_MIN: f64 = 0.6;
/// Seeds Why runs on from the deck: one, as the Why tab's fast choice, so it answers while the room waits.
const DECK_WHY_SEEDS: u32 = 1;

/// The zoom that fits a slide's body (`inner`, unzoomed) into its box (`outer`), at least `least`, and the body's
/// natural width to lay it out at while zoomed (so it shrinks evenly rather than reflowing wider); `None` on a
/// phone, which reads a slide by scrolling (shrinking it would only make the type too small). The deck and a
/// slide's image both fit this way.
pub fn fit(outer: &web_sys::Element, inner: &web_sys::Element, least: f64) -> Option<(f64, f64)> {
    // The box's padding is not zoomed: what the body may take is the box less its padding.
    let (inner_h, inner_w) = (f64::from(inner.scroll_height()), f64::from(inner.scroll_width()));
    let pad_h = f64::from(outer.scroll_height()) - inner_h;
    let pad_w = (f64::from(outer.scroll_width()) - inner_w).max(0.0);
    let room_h = f64::from(outer.client_height()) - pad_h.max(0.0) - FIT_SLACK;
    let room_w = f64::from(outer.client_width()) - pad_w;
    if room_w < PHONE_WIDTH {
        return None;
    }
    let zoom = (room_h / inner_h.max(1.0))
        .min(room_w / inner_w.max(1.0))
        .clamp(least, 1.0);
    Some((zoom, f64::from(inner.client_width())))
}

/// The style that zooms a slide's body by `zoom`, laid out at its natural `width`, centred.
pub fn fit_style(zoom: f64, width: f64) -> String {
    format!("zoom: {zoom:.3}; width: {width:.0}px; margin: 0 auto")
}

/// Where the presenter is: the slide, the hour played back to, whether playback runs, and how fast.
#[derive(Clone, Debug, PartialEq)]
pub struct Deck {
    /// Index into the deck's [`slides`].
    pub step: usize,
    /// The hour shown (0-based).
    pub hour: u32,
    /// Whether playback advances.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Whether the speaker notes show.
    pub notes: bool,
}

impl Default for Deck {
    fn default() -> Self {
        Deck {
            step: 0,
            hour: 0,
            playing: false,
            speed: DEFAULT_SPEED,
            notes: false,
        }
    }
}

/// What the presenter does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DeckAction {
    /// The next slide of a deck of `count` (stays on the last).
    Next {
        /// Slides in the deck.
        count: usize,
    },
    /// The previous slide (stays on the first).
    Prev,
    /// Slide `i` of the deck (saving every slide walks the deck with it, then comes back).
    Go(usize),
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
    /// Play at [`SPEEDS`]`[i]`.
    Speed(usize),
    /// Show or hide the speaker notes.
    ToggleNotes,
}

impl Reducible for Deck {
    type Action = DeckAction;

    fn reduce(self: Rc<Self>, action: DeckAction) -> Rc<Self> {
        let d = (*self).clone();
        Rc::new(match action {
            DeckAction::Next { count } => Deck {
                step: (d.step + 1).min(count.saturating_sub(1)),
                ..d
            },
            DeckAction::Prev => Deck {
                step: d.step.saturating_sub(1),
                ..d
            },
            DeckAction::Go(step) => Deck { step, ..d },
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
            DeckAction::Speed(i) => Deck {
                speed: i.min(SPEEDS.len() - 1),
                ..d
            },
            DeckAction::ToggleNotes => Deck { notes: !d.notes, ..d },
        })
    }
}

/// Hours each playback tick advances, so any run plays in about [`TICKS_PER_RUN`] ticks.
pub fn hours_per_tick(hours: u32) -> u32 {
    hours.div_ceil(TICKS_PER_RUN).max(1)
}

/// Saving every slide as images: the format, and the slide to come back to afterwards.
#[derive(Clone, Copy, Debug, PartialEq)]
struct SavingAll {
    format: ImageFormat,
    back_to: usize,
}

/// The footer facts of slide `step` of the deck, for its image.
fn slide_info(lang: Lang, scenario: &Scenario, slide: Slide, step: usize) -> SlideInfo {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let seed = scenario.seed;
    SlideInfo {
        title: slide.title(lang).to_string(),
        id: slide.id(),
        number: step + 1,
        scenario: scenario.name.clone(),
        seed: trf!(lang, "seed {seed}", "种子 {seed}"),
        link: slide_link(&href, slide.id()),
    }
}

/// A batch's progress and end, kept in a state handle the deck shows.
fn track<T: 'static>(
    work: &UseStateHandle<Work<T>>,
) -> (impl Fn(crate::pool::BatchProgress), impl Fn(Result<T, String>)) {
    let (progress, done) = (work.clone(), work.clone());
    (
        move |p| progress.set(Work::Running(p)),
        move |r: Result<T, String>| {
            done.set(match r {
                Ok(v) => Work::Done(v),
                Err(why) => Work::Failed(why),
            })
        },
    )
}

/// Presentation mode.
#[function_component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let lang = use_lang();
    let deck_slides = slides(!props.scenario.interventions.is_empty(), props.baseline.is_some());
    let count = deck_slides.len();
    let deck = use_reducer({
        let first = props
            .slide
            .as_deref()
            .and_then(|id| deck_slides.iter().position(|s| s.id() == id))
            .unwrap_or(0);
        move || Deck {
            step: first,
            ..Deck::default()
        }
    });
    let slide = deck_slides.get(deck.step).copied().unwrap_or(Slide::Rules);
    let dialog = use_node_ref();
    let last = props.report.as_ref().map_or(0, |r| r.hours_done.saturating_sub(1));
    let by = hours_per_tick(last + 1);
    let compare_work = use_state(|| Work::<Rc<Outcome>>::Idle);
    let slide_box = use_node_ref();
    let slide_body = use_node_ref();
    // Shrink to fit, as slide software does: a slide taller or wider than the screen (a 1024×768 projector, a
    // long table) is zoomed down until it fits, never cut off; below [`FIT_MIN`] it scrolls instead.
    {
        let (slide_box, slide_body) = (slide_box.clone(), slide_body.clone());
        use_effect(move || {
            if let (Some(outer), Some(inner)) = (slide_box.cast::<HtmlElement>(), slide_body.cast::<HtmlElement>()) {
                let _ = inner.remove_attribute("style");
                if let Some((zoom, width)) = fit(&outer, &inner, FIT_MIN) {
                    if zoom < 1.0 {
                        let _ = inner.set_attribute("style", &fit_style(zoom, width));
                    }
                }
            }
        });
    }
    let why_work = use_state(|| Work::<()>::Idle);
    let export_open = use_state(|| false);
    let saving_all = use_state(|| None::<SavingAll>);

    // Saving every slide: once each slide is on screen, save it and go on; at the end, come back.
    {
        let (saving_all, dispatcher, scenario) = (saving_all.clone(), deck.dispatcher(), props.scenario.clone());
        let step = deck.step;
        use_effect_with((*saving_all, step), move |&(saving, step)| {
            if let Some(SavingAll { format, back_to }) = saving {
                save_slide(&slide_info(lang, &scenario, slide, step), lang, format);
                if step + 1 < count {
                    dispatcher.dispatch(DeckAction::Next { count });
                } else {
                    dispatcher.dispatch(DeckAction::Go(back_to));
                    saving_all.set(None);
                }
            }
        });
    }

    // The link follows the slide shown.
    {
        let on_slide = props.on_slide.clone();
        use_effect_with(slide, move |slide| on_slide.emit(slide.id().to_string()));
    }

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
        let export_open = export_open.clone();
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
                    // Escape closes what is open on top first: the Save image menu, then the deck. The page is
                    // asked, not the handle, which holds the state as it was when the listener was made.
                    let menu_open = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id("present-export-menu"))
                        .is_some();
                    if menu_open {
                        export_open.set(false);
                    } else {
                        on_close.emit(());
                    }
                    return;
                }
                _ if in_input => return,
                "ArrowRight" | "PageDown" => DeckAction::Next { count },
                " " if tag != "BUTTON" => DeckAction::Next { count },
                "ArrowLeft" | "PageUp" => DeckAction::Prev,
                "n" | "N" => DeckAction::ToggleNotes,
                _ => return,
            };
            e.prevent_default();
            dispatcher.dispatch(action);
        });
    }

    // Playback: a timer only while playing; it stops itself at the last hour.
    {
        let dispatcher = deck.dispatcher();
        let tick_ms = SPEEDS.get(deck.speed).map_or(250, |s| s.1);
        use_effect_with(
            (deck.playing, last, by, tick_ms),
            move |&(playing, last, by, tick_ms)| {
                let timer = playing.then(|| {
                    gloo::timers::callback::Interval::new(tick_ms, move || {
                        dispatcher.dispatch(DeckAction::Tick { by, last })
                    })
                });
                move || drop(timer)
            },
        );
    }

    let start_compare: Rc<dyn Fn()> = {
        let (work, pool, baseline, variant, runs) = (
            compare_work.clone(),
            props.pool.clone(),
            props.baseline.clone(),
            props.scenario.clone(),
            props.runs,
        );
        Rc::new(move || {
            let Some(baseline) = baseline.as_deref() else { return };
            let (on_progress, on_done) = track(&work);
            comparison::submit(&pool, baseline, &variant, runs, on_progress, move |r| {
                on_done(r.map(Rc::new))
            });
        })
    };
    // The comparison starts as the deck opens, so it is ready by its slide; Why starts when asked.
    {
        let start = start_compare.clone();
        use_effect_with((), move |_| start());
    }
    let on_compare = Callback::from(move |_: MouseEvent| start_compare());
    let start_why = {
        let (work, pool, scenario, on_explained) = (
            why_work.clone(),
            props.pool.clone(),
            props.scenario.clone(),
            props.on_explained.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (on_progress, on_done) = track(&work);
            let on_explained = on_explained.clone();
            explaining::submit(&pool, &scenario, DECK_WHY_SEEDS, on_progress, move |r| {
                on_done(r.map(|e| on_explained.emit(Some(Rc::new(e)))))
            });
        })
    };

    // A report that got shorter (a new run streaming in) keeps the hour inside it.
    let hour = deck.hour.min(last);
    // The explanation is of the scenario presented: its sentences are written from those rules.
    let explained = props.explanation.as_deref().map(|e| (&props.scenario, e));
    let report = props.report.as_deref();
    let screen = match (slide, report, props.baseline.as_deref()) {
        (Slide::Rules, _, _) => slides::rules(lang, &props.scenario),
        (Slide::Timeline, _, _) => slides::timeline(lang, &props.scenario),
        (Slide::Run, Some(r), _) => slides::run(lang, &props.scenario, r, &deck, hour, &deck.dispatcher()),
        (Slide::Money, Some(r), _) => slides::money(lang, r),
        (Slide::Opened, Some(r), _) => slides::opened(lang, r),
        (Slide::Run | Slide::Money | Slide::Opened, None, _) => {
            html! { <><h2 id="present-heading">{slide.title(lang)}</h2>{slides::no_run(lang)}</> }
        }
        (Slide::Compare, _, Some(b)) => slides::compare(lang, b, &props.scenario, &compare_work, on_compare.clone()),
        (Slide::Compare, _, None) => slides::rules(lang, &props.scenario),
        (Slide::Why, _, _) => slides::why(lang, explained, &why_work, &start_why),
        (Slide::Fix, _, _) => slides::fix(lang, explained, &why_work, &start_why),
    };
    let on_prev = deck.dispatcher().to_callback().reform(|_: MouseEvent| DeckAction::Prev);
    let on_next = deck
        .dispatcher()
        .to_callback()
        .reform(move |_: MouseEvent| DeckAction::Next { count });
    let on_notes = deck
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| DeckAction::ToggleNotes);
    let on_exit = props.on_close.reform(|_: MouseEvent| ());
    let on_export_menu = {
        let open = export_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let save_this = |format: ImageFormat| {
        let (open, scenario, step) = (export_open.clone(), props.scenario.clone(), deck.step);
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            save_slide(&slide_info(lang, &scenario, slide, step), lang, format);
        })
    };
    let save_all = |format: ImageFormat| {
        let (open, saving, dispatcher, back_to) =
            (export_open.clone(), saving_all.clone(), deck.dispatcher(), deck.step);
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            // The run slide is saved with the whole run shown, not the hour playback stopped at.
            dispatcher.dispatch(DeckAction::Seek(last));
            dispatcher.dispatch(DeckAction::Go(0));
            saving.set(Some(SavingAll { format, back_to }));
        })
    };
    html! {
        <div class={classes!("presentation", deck.notes.then_some("with-notes"))} data-testid="presentation" data-slide={slide.id()} data-saving={saving_all.is_some().to_string()} role="dialog" aria-modal="true" aria-labelledby="present-heading" tabindex="-1" ref={dialog}>
            <header class="present-top">
                <span class="present-title" translate="no">{props.scenario.name.clone()}</span>
                <ol class="present-path" aria-label={tr!(lang, "slides", "幻灯片")}>
                    { for deck_slides.iter().enumerate().map(|(i, s)| html! {
                        <li class={classes!((i == deck.step).then_some("current"))} aria-current={(i == deck.step).then_some("step")}>{s.title(lang)}</li>
                    }) }
                </ol>
                <button class="btn" data-testid="present-notes-toggle" aria-pressed={deck.notes.to_string()} title={tr!(lang, "Show or hide the speaker notes (N)", "显示或隐藏演讲者备注（N）")} onclick={on_notes}>{tr!(lang, "Notes", "备注")}</button>
                <span class="present-export">
                    <button class="btn" data-testid="present-export" aria-expanded={export_open.to_string()} aria-controls="present-export-menu" title={tr!(lang, "Save this slide or every slide as an image", "将本页或全部幻灯片保存为图片")} onclick={on_export_menu}>{tr!(lang, "Save image", "保存图片")}</button>
                    if *export_open {
                        <span class="present-export-menu" id="present-export-menu" role="group" aria-label={tr!(lang, "save as image", "保存为图片")}>
                            <button class="btn" data-testid="present-export-png" onclick={save_this(ImageFormat::Png)}>{tr!(lang, "This slide (PNG)", "本页（PNG）")}</button>
                            <button class="btn" data-testid="present-export-svg" onclick={save_this(ImageFormat::Svg)}>{tr!(lang, "This slide (SVG)", "本页（SVG）")}</button>
                            <button class="btn" data-testid="present-export-all-png" onclick={save_all(ImageFormat::Png)}>{tr!(lang, "Every slide (PNG)", "全部幻灯片（PNG）")}</button>
                            <button class="btn" data-testid="present-export-all-svg" onclick={save_all(ImageFormat::Svg)}>{tr!(lang, "Every slide (SVG)", "全部幻灯片（SVG）")}</button>
                        </span>
                    }
                </span>
                <button class="btn" data-testid="present-exit" title={tr!(lang, "Leave presentation mode (Escape)", "退出演示模式（Esc）")} onclick={on_exit}>{tr!(lang, "Exit", "退出")}</button>
            </header>
            <main class="present-slide" data-testid={format!("present-screen-{}", slide.id())} ref={slide_box}>
                <div class="present-fit" ref={slide_body}>{screen}</div>
            </main>
            if deck.notes {
                {slides::speaker_notes(lang, &props.scenario)}
            }
            <nav class="present-nav" aria-label={tr!(lang, "slides", "幻灯片")}>
                <button class="btn" data-testid="present-prev" disabled={deck.step == 0} onclick={on_prev}>{tr!(lang, "← Previous", "← 上一页")}</button>
                <span data-testid="present-step" data-step={(deck.step + 1).to_string()} data-count={count.to_string()} aria-live="polite">{ { let (at, title) = (deck.step + 1, slide.title(lang)); trf!(lang, "{at} of {count} · {title}", "第 {at} / {count} 页 · {title}") } }</span>
                <button class="btn primary" data-testid="present-next" disabled={deck.step + 1 >= count} onclick={on_next}>{tr!(lang, "Next →", "下一页 →")}</button>
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
        let count = slides(false, false).len();
        let mut d = Deck::default();
        d = reduce(d, DeckAction::Prev);
        assert_eq!(d.step, 0);
        for _ in 0..10 {
            d = reduce(d, DeckAction::Next { count });
        }
        assert_eq!(d.step, count - 1);
    }

    #[test]
    fn the_deck_has_a_before_and_after_slide_only_with_a_baseline() {
        assert!(!slides(true, false).contains(&Slide::Compare));
        assert!(slides(false, true).contains(&Slide::Compare));
        assert!(!slides(false, true).contains(&Slide::Timeline));
        assert_eq!(slides(true, true).len(), Slide::ALL.len());
        let ids: std::collections::BTreeSet<&str> = Slide::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids.len(), Slide::ALL.len(), "slide ids are distinct in links");
    }

    #[test]
    fn speed_and_notes_change_only_themselves() {
        let d = reduce(Deck::default(), DeckAction::Speed(3));
        assert_eq!((d.speed, d.step, d.notes), (3, 0, false));
        assert_eq!(reduce(d.clone(), DeckAction::Speed(99)).speed, SPEEDS.len() - 1);
        assert!(reduce(d, DeckAction::ToggleNotes).notes);
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
