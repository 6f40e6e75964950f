//! The rules in plain language, as the engine's `words::rules_summary` writes them in the chosen language ("In
//! Campus Diary only women may post; …" / "在 Campus Diary 中，只有女性可以发帖；…"), folded under a summary line.

use crate::components::rule_label::{names_marked, scenario_names};
use crate::locale::{tr, use_lang};
use backfire_engine::words::{rules_summary, SummarySection};
use backfire_engine::Scenario;
use yew::prelude::*;

/// Props of [`RulesSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct RulesSummaryProps {
    /// The scenario described.
    pub scenario: Scenario,
}

/// The summary's paragraphs: one per circle, then the platform's, quieter; the names in `names` are marked
/// `translate="no"`.
pub fn summary_paragraphs(sections: &[SummarySection], names: &[String]) -> Html {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    sections
        .iter()
        .map(|s| {
            html! { <p class={classes!(s.platform_wide.then_some("muted"))}>{names_marked(&s.paragraph, &names)}</p> }
        })
        .collect()
}

/// The plain-language summary.
#[function_component]
pub fn RulesSummary(props: &RulesSummaryProps) -> Html {
    let lang = use_lang();
    // Written once per scenario or language change, not on every render.
    let sections = use_memo((props.scenario.clone(), lang), |(s, lang)| {
        (rules_summary(*lang, s), scenario_names(s))
    });
    html! {
        // Folded by default: the verdict and the cards come first; the prose is there to check the rules read right.
        <details class="summary-fold" data-testid="rules-summary-fold">
            <summary>{tr!(lang, "The rules in plain language", "用大白话说规则")}</summary>
            <section class="summary" data-testid="rules-summary" aria-label={tr!(lang, "the rules in plain language", "用大白话说规则")}>
                {summary_paragraphs(&sections.0, &sections.1)}
            </section>
        </details>
    }
}
