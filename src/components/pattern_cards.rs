//! One card per abuse pattern, most severe first, under a one-line overall prevalence; patterns at `none` are
//! folded into one countable line. Beside the rule that let a pattern through, the card says what the kept
//! explanation found closing it would do (the same explanation the Why panel shows, so the two agree).

use crate::components::glossary::TermLink;
use crate::components::rule_label::opened_by;
use crate::components::verdict_bar::card_anchor;
use crate::glossary::Term;
use crate::hooks::use_fast_explain::FastExplain;
use crate::locale::{count, hour_label, level_word, money, pattern_blurb, pattern_name, tr, trf, use_lang, Lang};
use crate::view_model::{closing_summary, closing_words, level_class, pattern_color, prevalence_percent};
use backfire_engine::explain::Explanation;
use backfire_engine::words::prevalence_words;
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
fn closing_view(lang: Lang, p: &PatternReport, let_through: &str, props: &PatternCardsProps) -> Html {
    let testid = format!("pattern-{}-closing", p.id.id());
    let Some(e) = &props.explanation else {
        return match &props.fast {
            FastExplain::Idle => html! {},
            FastExplain::Checking => html! {
                <p class="counterfactual small checking" data-testid={testid} data-state="checking">{tr!(lang, "checking what closing it would do…", "正在检查关闭它会怎样…")}</p>
            },
            FastExplain::Stopped(why) => html! {
                <p class="counterfactual small stopped" data-testid={testid} data-state="stopped" title={why.clone()}>{tr!(lang, "Not checked", "未检查")}</p>
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
    let summary = closing_summary(lang, found, e.seeds.len()).replace(" %", "\u{a0}%");
    let best = found.and_then(|f| f.suggestions.first());
    let lever = best.map(|s| s.lever_id.clone());
    let seeds = e.seeds.len().to_string();
    if best.is_none() {
        return html! { <p class="counterfactual small" data-testid={testid} data-state="done" data-seeds={seeds}>{summary}</p> };
    }
    html! {
        <details class="counterfactual small" data-testid={testid} data-state="done" data-lever={lever} data-seeds={seeds}>
            <summary title={tr!(lang, "one rule changed at a time on the same seeds; the Why tab lists every change that cuts it", "在相同种子上每次只改一条规则；“原因”标签页列出所有能减少它的改动")}>{summary}</summary>
            // The change is worded by the engine, in English.
            <p data-testid={format!("pattern-{}-closing-words", p.id.id())} lang="en">{words}</p>
        </details>
    }
}

/// A tiny trend line of a pattern's hourly incidents.
fn sparkline(lang: Lang, p: &PatternReport) -> Html {
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
        <svg class="spark" viewBox="0 0 200 32" preserveAspectRatio="none" role="img" aria-label={ { let name = pattern_name(lang, p.id); trf!(lang, "{name} per hour", "每小时{name}") } }>
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
fn severity_parts_help(lang: Lang) -> &'static str {
    tr!(
        lang,
        "severity is the mean of these, each on one log scale (1 % of the top reads 50): reach = weekly chance a person is harmed, or the share of views; rate = incidents per user per day; money = yuan per user per day",
        "严重度是以下各项的平均值，每项都在同一对数刻度上（顶点的 1% 记为 50）：波及 = 每周一个人受害的概率，或浏览占比；频率 = 每用户每天的事件数；金额 = 每用户每天的元数"
    )
}

/// "reach 91 · rate 65 · money 58": the components a severity is the mean of.
pub fn severity_parts_words(parts: &backfire_engine::SeverityParts) -> String {
    let mut words = format!(" = mean of reach {} · rate {}", parts.reach, parts.rate);
    if let Some(m) = parts.money {
        words.push_str(&format!(" · money {m}"));
    }
    words
}

/// The same words as [`severity_parts_words`], with each part a link to its glossary entry.
fn severity_parts_view(lang: Lang, parts: &backfire_engine::SeverityParts) -> Html {
    html! {
        <>
            {tr!(lang, "the mean of ", "平均自 ")}<TermLink term={Term::Reach}>{tr!(lang, "reach", "波及")}</TermLink>{format!(" {} · ", parts.reach)}
            <TermLink term={Term::Rate}>{tr!(lang, "rate", "频率")}</TermLink>{format!(" {}", parts.rate)}
            if let Some(m) = parts.money { {" · "}<TermLink term={Term::Money}>{tr!(lang, "money", "金额")}</TermLink>{format!(" {m}")} }
        </>
    }
}

/// The line above the cards: overall prevalence, and the patterns that make most of it.
fn prevalence_summary(lang: Lang, r: &Report) -> Html {
    let total = total_prevalence_per_10k(r);
    let mut seen: Vec<&PatternReport> = r.patterns.iter().filter(|p| p.prevalence_per_10k > 0).collect();
    seen.sort_by_key(|p| std::cmp::Reverse(p.prevalence_per_10k));
    let parts: Vec<String> = seen
        .iter()
        .take(3)
        .map(|p| {
            format!(
                "{} {}",
                pattern_name(lang, p.id),
                prevalence_percent(u64::from(p.prevalence_per_10k))
            )
        })
        .collect();
    html! {
        <p class="prevalence-summary" data-testid="prevalence-summary">
            <strong>{tr!(lang, "Prevalence: ", "流行度：")}</strong>
            if lang == Lang::Zh { {"诚实用户看到的帖子中有 "} }
            <span class="prevalence-figure" data-testid="prevalence-total" data-per10k={total.to_string()}>{prevalence_percent(total)}</span>
            {tr!(lang, " of the posts honest users saw were abuse", " 是滥用内容")}
            if !parts.is_empty() { { match lang {
                Lang::En => format!(" ({}{})", parts.join(", "), if seen.len() > 3 { ", …" } else { "" }),
                Lang::Zh => format!("（{}{}）", parts.join("，"), if seen.len() > 3 { "，…" } else { "" }),
            } } }
            {tr!(lang, ".", "。")}
        </p>
    }
}

/// The pattern cards.
#[function_component]
pub fn PatternCards(props: &PatternCardsProps) -> Html {
    let lang = use_lang();
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
                    <h3><span>{pattern_name(lang, p.id)}</span><TermLink term={Term::Levels} class={classes!("level", level_class(p.level))}>{level_word(lang, p.level)}</TermLink></h3>
                    <p class="muted small">{pattern_blurb(lang, p.id)}</p>
                    <dl class="stats">
                        <dt><TermLink term={Term::Severity}>{tr!(lang, "Severity", "严重度")}</TermLink></dt>
                        <dd data-testid={format!("pattern-{id}-severity")}>{format!("{}/100", p.severity)}</dd>
                        // The components on a line of their own across the card: beside the score they wrapped to three lines.
                        <dd class="muted small severity-parts" data-testid={format!("pattern-{id}-severity-parts")} title={severity_parts_help(lang)}>
                            {severity_parts_view(lang, &p.severity_parts)}
                        </dd>
                        <dt><TermLink term={Term::Prevalence}>{tr!(lang, "Prevalence", "流行度")}</TermLink></dt>
                        if p.id.is_feed_content() {
                            <dd data-testid={format!("pattern-{id}-prevalence")} data-per10k={p.prevalence_per_10k.to_string()} title={prevalence_words(lang)}>{prevalence_percent(u64::from(p.prevalence_per_10k))}<span class="muted">{tr!(lang, " of views", " 的浏览")}</span></dd>
                        } else {
                            <dd data-testid={format!("pattern-{id}-prevalence")} title={tr!(lang, "this pattern is not posts in the feed, so no share of views", "此模式不是信息流中的帖子，因此没有浏览占比")}>{"–"}<span class="muted">{tr!(lang, " not posts", " 非帖子")}</span></dd>
                        }
                        <dt><TermLink term={Term::Incident}>{tr!(lang, "Incidents", "事件数")}</TermLink></dt><dd data-testid={format!("pattern-{id}-incidents")}>{count(p.incidents)}</dd>
                        <dt>{tr!(lang, "Money involved", "涉及金额")}</dt><dd data-testid={format!("pattern-{id}-yuan")}>{money(lang, p.fen_involved)}</dd>
                        <dt><TermLink term={Term::PeopleHarmed}>{tr!(lang, "People harmed", "受害人数")}</TermLink></dt><dd data-testid={format!("pattern-{id}-harmed")}>{count(u64::from(p.people_harmed))}</dd>
                        <dt>{tr!(lang, "First seen", "首次出现")}</dt><dd data-testid={format!("pattern-{id}-first")}>{p.first_hour.map(|h| hour_label(lang, h)).unwrap_or_else(|| "–".into())}</dd>
                    </dl>
                    {sparkline(lang, p)}
                    if let Some(top) = p.opened_by.first() {
                        // The rule the acts passed through, not their cause (closing it may move little: see Why).
                        <p class="opened-by small" data-testid={format!("pattern-{id}-let-through")} title={tr!(lang, "the rule these acts passed through; closing it does not always stop them (see Why)", "这些行为所经过的规则；关闭它并不总能阻止它们（见“原因”）")}>
                            <strong>{tr!(lang, "Let through by: ", "放行规则：")}</strong><span>{opened_by(lang, top)}</span></p>
                        {closing_view(lang, p, &top.rule, props)}
                    }
                </article>
            }
        })
        .collect();
    html! {
        <section aria-labelledby="patterns-title">
            // The heading and the overall prevalence share a row, so the first cards sit higher on the first screen.
            <div class="patterns-head">
                <h2 id="patterns-title">{tr!(lang, "Abuse patterns", "滥用模式")}</h2>
                {prevalence_summary(lang, &props.report)}
            </div>
            <div class="cards" data-testid="pattern-cards">{cards}</div>
            if !quiet.is_empty() {
                <details class="quiet" data-testid="quiet-patterns">
                    <summary>{ match lang {
                        Lang::En => format!("{} pattern{} at none", quiet.len(), if quiet.len() == 1 { "" } else { "s" }),
                        Lang::Zh => format!("{} 个模式为“无”", quiet.len()),
                    } }</summary>
                    <ul>{ for quiet.iter().map(|p| html! { <li data-testid={format!("pattern-{}", p.id.id())} data-severity="0" data-level="none">{pattern_name(lang, p.id)}{tr!(lang, ": no incidents", "：无事件")}</li> }) }</ul>
                </details>
            }
        </section>
    }
}
