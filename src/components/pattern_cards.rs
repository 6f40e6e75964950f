//! One card per abuse pattern, most severe first, under a one-line overall prevalence; patterns at `none` are
//! folded into one countable line. Beside the rule that let a pattern through, the card says what the kept
//! explanation found closing it would do (the same explanation the Why panel shows, so the two agree).

use crate::components::glossary::TermLink;
use crate::components::verdict_bar::card_anchor;
use crate::glossary::Term;
use crate::hooks::use_fast_explain::FastExplain;
use crate::view_model::{closing_summary, closing_words, hour_label, level_class, pattern_color, prevalence_percent};
use backfire_engine::explain::Explanation;
use backfire_engine::words::{group, pattern_blurb, pattern_name, yuan, PREVALENCE_WORDS};
use backfire_engine::{Level, PatternReport, Report, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`PatternCards`].
#[derive(Properties, PartialEq, Clone)]
pub struct PatternCardsProps {
    /// The report to show.
    pub report: Rc<Report>,
    /// The explanation of the rules the report is for, if one is kept (the fast one or the Why panel's).
    #[prop_or_default]
    pub explanation: Option<Rc<Explanation>>,
    /// Where the fast explanation stands while none is kept.
    #[prop_or_default]
    pub fast: FastExplain,
    /// The rules explained (the circles' names tell whether a change is in the circle that let a pattern through).
    #[prop_or_default]
    pub scenario: Option<Rc<Scenario>>,
}

/// The line under "Let through by": what the best single change would do (one line, opening to the whole
/// sentence), or that it is being checked.
fn closing_view(p: &PatternReport, let_through: &str, props: &PatternCardsProps) -> Html {
    let testid = format!("pattern-{}-closing", p.id.id());
    let Some(e) = &props.explanation else {
        return match &props.fast {
            FastExplain::Idle => html! {},
            FastExplain::Checking => html! {
                <p class="counterfactual small checking" data-testid={testid} data-state="checking">{"checking what closing it would do…"}</p>
            },
            FastExplain::Stopped(why) => html! {
                <p class="counterfactual small stopped" data-testid={testid} data-state="stopped" title={why.clone()}>{"Not checked"}</p>
            },
        };
    };
    let found = e.patterns.iter().find(|x| x.pattern == p.id);
    let names: Vec<String> = props
        .scenario
        .iter()
        .flat_map(|s| s.circles.iter().map(|c| c.name.clone()))
        .collect();
    // A percentage never wraps away from its number on a narrow card.
    let words = closing_words(found, e.seeds.len(), Some(let_through), &names).replace(" %", "\u{a0}%");
    let summary = closing_summary(found, e.seeds.len()).replace(" %", "\u{a0}%");
    let best = found.and_then(|f| f.suggestions.first());
    let lever = best.map(|s| s.lever_id.clone());
    let seeds = e.seeds.len().to_string();
    if best.is_none() {
        return html! { <p class="counterfactual small" data-testid={testid} data-state="done" data-seeds={seeds}>{summary}</p> };
    }
    html! {
        <details class="counterfactual small" data-testid={testid} data-state="done" data-lever={lever} data-seeds={seeds}>
            <summary title="one rule changed at a time on the same seeds; the Why tab lists every change that cuts it">{summary}</summary>
            <p data-testid={format!("pattern-{}-closing-words", p.id.id())}>{words}</p>
        </details>
    }
}

/// A tiny trend line of a pattern's hourly incidents.
fn sparkline(p: &PatternReport) -> Html {
    let n = p.hourly.len().max(1);
    let max = p.hourly.iter().copied().max().unwrap_or(0).max(1);
    let points: String = p
        .hourly
        .iter()
        .enumerate()
        .map(|(h, v)| {
            format!(
                "{:.1},{:.1} ",
                200.0 * h as f64 / n as f64,
                30.0 - 28.0 * f64::from(*v) / f64::from(max)
            )
        })
        .collect();
    html! {
        <svg class="spark" viewBox="0 0 200 32" preserveAspectRatio="none" role="img" aria-label={format!("{} per hour", pattern_name(p.id))}>
            <polyline points={points} fill="none" stroke={pattern_color(p.id)} stroke-width="1.5" />
        </svg>
    }
}

/// Overall prevalence: of every 10,000 posts honest users viewed, how many showed any pattern. Each violating
/// post belongs to one pattern, so the patterns' figures add up.
pub fn total_prevalence_per_10k(r: &Report) -> u64 {
    r.patterns.iter().map(|p| u64::from(p.prevalence_per_10k)).sum()
}

/// What the severity components mean, for the tooltip.
const SEVERITY_PARTS_HELP: &str = "severity is the mean of these, each on one log scale (1 % of the top reads 50): reach = weekly chance a person is harmed, or the share of views; rate = incidents per user per day; money = yuan per user per day";

/// "reach 91 · rate 65 · money 58": the components a severity is the mean of.
pub fn severity_parts_words(parts: &backfire_engine::SeverityParts) -> String {
    let mut words = format!(" = mean of reach {} · rate {}", parts.reach, parts.rate);
    if let Some(m) = parts.money {
        words.push_str(&format!(" · money {m}"));
    }
    words
}

/// The same words as [`severity_parts_words`], with each part a link to its glossary entry.
fn severity_parts_view(parts: &backfire_engine::SeverityParts) -> Html {
    html! {
        <>
            {"the mean of "}<TermLink term={Term::Reach}>{"reach"}</TermLink>{format!(" {} · ", parts.reach)}
            <TermLink term={Term::Rate}>{"rate"}</TermLink>{format!(" {}", parts.rate)}
            if let Some(m) = parts.money { {" · "}<TermLink term={Term::Money}>{"money"}</TermLink>{format!(" {m}")} }
        </>
    }
}

/// The line above the cards: overall prevalence, and the patterns that make most of it.
fn prevalence_summary(r: &Report) -> Html {
    let total = total_prevalence_per_10k(r);
    let mut seen: Vec<&PatternReport> = r.patterns.iter().filter(|p| p.prevalence_per_10k > 0).collect();
    seen.sort_by_key(|p| std::cmp::Reverse(p.prevalence_per_10k));
    let parts: Vec<String> = seen
        .iter()
        .take(3)
        .map(|p| {
            format!(
                "{} {}",
                pattern_name(p.id),
                prevalence_percent(u64::from(p.prevalence_per_10k))
            )
        })
        .collect();
    html! {
        <p class="prevalence-summary" data-testid="prevalence-summary">
            <strong>{"Prevalence: "}</strong>
            <span class="prevalence-figure" data-testid="prevalence-total" data-per10k={total.to_string()}>{prevalence_percent(total)}</span>
            {" of the posts honest users saw were abuse"}
            if !parts.is_empty() { {format!(" ({}{})", parts.join(", "), if seen.len() > 3 { ", …" } else { "" })} }
            {"."}
        </p>
    }
}

/// The pattern cards.
#[function_component]
pub fn PatternCards(props: &PatternCardsProps) -> Html {
    let mut ordered: Vec<&PatternReport> = props.report.patterns.iter().collect();
    // Most severe first; ties keep the engine's pattern order (sort is stable).
    ordered.sort_by_key(|p| std::cmp::Reverse(p.severity));
    let (active, quiet): (Vec<&PatternReport>, Vec<&PatternReport>) =
        ordered.into_iter().partition(|p| p.level != Level::None);
    let cards: Html = active
        .iter()
        .map(|p| {
            let id = p.id.id();
            html! {
                // The id and tabindex let the verdict bar move focus to this card.
                <article id={card_anchor(p.id)} tabindex="-1" class={classes!("card", level_class(p.level))} data-testid={format!("pattern-{id}")} data-severity={p.severity.to_string()} data-level={p.level.id()}>
                    <h3><span>{pattern_name(p.id)}</span><TermLink term={Term::Levels} class={classes!("level", level_class(p.level))}>{p.level.id()}</TermLink></h3>
                    <p class="muted small">{pattern_blurb(p.id)}</p>
                    <dl class="stats">
                        <dt><TermLink term={Term::Severity}>{"Severity"}</TermLink></dt>
                        <dd data-testid={format!("pattern-{id}-severity")}>{format!("{}/100", p.severity)}</dd>
                        // The components on a line of their own across the card: beside the score they wrapped to three lines.
                        <dd class="muted small severity-parts" data-testid={format!("pattern-{id}-severity-parts")} title={SEVERITY_PARTS_HELP}>
                            {severity_parts_view(&p.severity_parts)}
                        </dd>
                        <dt><TermLink term={Term::Prevalence}>{"Prevalence"}</TermLink></dt>
                        if p.id.is_feed_content() {
                            <dd data-testid={format!("pattern-{id}-prevalence")} data-per10k={p.prevalence_per_10k.to_string()} title={PREVALENCE_WORDS}>{prevalence_percent(u64::from(p.prevalence_per_10k))}<span class="muted">{" of views"}</span></dd>
                        } else {
                            <dd data-testid={format!("pattern-{id}-prevalence")} title="this pattern is not posts in the feed, so no share of views">{"–"}<span class="muted">{" not posts"}</span></dd>
                        }
                        <dt><TermLink term={Term::Incident}>{"Incidents"}</TermLink></dt><dd data-testid={format!("pattern-{id}-incidents")}>{group(p.incidents)}</dd>
                        <dt>{"Money involved"}</dt><dd data-testid={format!("pattern-{id}-yuan")}>{yuan(p.fen_involved)}</dd>
                        <dt><TermLink term={Term::PeopleHarmed}>{"People harmed"}</TermLink></dt><dd data-testid={format!("pattern-{id}-harmed")}>{group(u64::from(p.people_harmed))}</dd>
                        <dt>{"First seen"}</dt><dd data-testid={format!("pattern-{id}-first")}>{p.first_hour.map(hour_label).unwrap_or_else(|| "–".into())}</dd>
                    </dl>
                    {sparkline(p)}
                    if let Some(top) = p.opened_by.first() {
                        // The rule the acts passed through, not their cause (closing it may move little: see Why).
                        <p class="opened-by small" data-testid={format!("pattern-{id}-let-through")} title="the rule these acts passed through; closing it does not always stop them (see Why)">
                            <strong>{"Let through by: "}</strong>{top.rule.clone()}</p>
                        {closing_view(p, &top.rule, props)}
                    }
                </article>
            }
        })
        .collect();
    html! {
        <section aria-labelledby="patterns-title">
            // The heading and the overall prevalence share a row, so the first cards sit higher on the first screen.
            <div class="patterns-head">
                <h2 id="patterns-title">{"Abuse patterns"}</h2>
                {prevalence_summary(&props.report)}
            </div>
            <div class="cards" data-testid="pattern-cards">{cards}</div>
            if !quiet.is_empty() {
                <details class="quiet" data-testid="quiet-patterns">
                    <summary>{format!("{} pattern{} at none", quiet.len(), if quiet.len() == 1 { "" } else { "s" })}</summary>
                    <ul>{ for quiet.iter().map(|p| html! { <li data-testid={format!("pattern-{}", p.id.id())} data-severity="0" data-level="none">{pattern_name(p.id)}{": no incidents"}</li> }) }</ul>
                </details>
            }
        </section>
    }
}
