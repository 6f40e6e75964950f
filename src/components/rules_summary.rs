//! The rules in plain language, as the engine's `words::rules_summary` writes them ("In Campus Diary only women may post; …"),
//! folded under a summary line.

use backfire_engine::words::{rules_summary, SummarySection};
use backfire_engine::Scenario;
use yew::prelude::*;

/// Props of [`RulesSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct RulesSummaryProps {
    /// The scenario described.
    pub scenario: Scenario,
}

/// The summary's paragraphs: one per circle, then the platform's, quieter.
pub fn summary_paragraphs(sections: &[SummarySection]) -> Html {
    sections
        .iter()
        .map(|s| {
            html! { <p class={classes!(s.platform_wide.then_some("muted"))}>{s.paragraph.clone()}</p> }
        })
        .collect()
}

/// The plain-language summary.
#[function_component]
pub fn RulesSummary(props: &RulesSummaryProps) -> Html {
    // Written once per scenario change, not on every render.
    let sections = use_memo(props.scenario.clone(), rules_summary);
    let lang = crate::locale::use_lang();
    html! {
        // Folded by default: the verdict and the cards come first; the prose is there to check the rules read right.
        <details class="summary-fold" data-testid="rules-summary-fold">
            <summary>{crate::locale::tr!(lang, "The rules in plain language", "用大白话说规则")}</summary>
            // The engine writes the summary in English (words::rules_summary).
            <section class="summary" data-testid="rules-summary" aria-label={crate::locale::tr!(lang, "the rules in plain language", "用大白话说规则")} lang="en">
                {summary_paragraphs(&sections)}
            </section>
        </details>
    }
}
