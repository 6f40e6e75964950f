//! The Review PDF: one printable page for a design review — the verdict, the rules table, the findings, the
//! comparison, the assumptions, and the seed, date and link that reproduce it — with no interactive chrome.
//!
//! It is in the page but never on screen: "Review PDF" marks the body `review-print` and prints, and the
//! print stylesheet then shows this sheet alone.

use crate::comparison::Outcome;
use crate::components::compare_panel::{judged, measure_name, measure_value};
use crate::components::rules_table::rules_table;
use crate::components::verdict_bar::{finding_sentence, honest_cost_sentence, top_findings};
use crate::locale::{level_word, money, pattern_name, tr, trf, use_lang};
use crate::view_model::prevalence_percent;
use backfire_engine::words::{group, rules_summary};
use backfire_engine::{Level, Report, Scenario, ENGINE_VERSION};
use std::rc::Rc;
use yew::prelude::*;

/// The body class under which printing shows the review sheet alone.
pub const REVIEW_PRINT_CLASS: &str = "review-print";

/// Props of [`ReviewSheet`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReviewSheetProps {
    /// The rules reviewed.
    pub scenario: Rc<Scenario>,
    /// Their run, when there is one.
    pub report: Option<Rc<Report>>,
    /// The pinned baseline, if any.
    pub baseline: Option<Rc<Scenario>>,
    /// The comparison of the baseline with these rules, when one has been computed for them.
    pub comparison: Option<Rc<Outcome>>,
    /// The link that reopens all of it.
    pub link: Option<String>,
}

/// Characters of the scenario's payload the printed link keeps after `#s=1.`.
const LINK_SHOWN: usize = 24;

/// The link cut after the start of its payload: "http://host/#s=1.7VbbTtw…".
fn shortened(link: &str) -> String {
    match link.find("#s=") {
        Some(at) if link.len() > at + 5 + LINK_SHOWN => {
            let cut: String = link.chars().take(at + 5 + LINK_SHOWN).collect();
            format!("{cut}…")
        }
        _ => link.to_string(),
    }
}

/// Prints the review sheet alone (the browser's dialog saves it as a PDF).
pub fn print_review() {
    let Some(window) = web_sys::window() else { return };
    let body = window.document().and_then(|d| d.body());
    let before = body.as_ref().map(|b| b.class_name()).unwrap_or_default();
    if let Some(b) = &body {
        b.set_class_name(format!("{before} {REVIEW_PRINT_CLASS}").trim());
    }
    let _ = window.print();
    if let Some(b) = &body {
        b.set_class_name(&before);
    }
}

/// The printable review.
#[function_component]
pub fn ReviewSheet(props: &ReviewSheetProps) -> Html {
    let lang = use_lang();
    let s = &props.scenario;
    let date = String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect::<String>();
    let (seed, days, users) = (s.seed, s.days, group(u64::from(s.population.n_users)));
    let summary = rules_summary(lang, s);
    let after_circles: Vec<_> = summary.iter().skip(s.circles.len()).collect();
    let changed: Vec<_> = s.assumptions.changed().collect();
    html! {
        <section class="review-sheet" data-testid="review-sheet" aria-hidden="true">
            <h1>{ { let name = &s.name; trf!(lang, "Design review: {name}", "设计评审：{name}") } }</h1>
            <p class="review-meta" data-testid="review-meta">
                {trf!(lang, "{date} · seed {seed} · {users} users × {days} days · Backfire engine {ENGINE_VERSION}",
                    "{date} · 种子 {seed} · {users} 名用户 × {days} 天 · Backfire 引擎 {ENGINE_VERSION}")}
            </p>
            if let Some(link) = &props.link {
                // The whole link stays clickable in the PDF; on paper a shortened form says what it is.
                <p class="review-link" data-testid="review-link">
                    {tr!(lang, "Reopen these rules: ", "重新打开这些规则：")}<a href={link.clone()}>{shortened(link)}</a>
                </p>
            }
            <h2>{tr!(lang, "Verdict", "结论")}</h2>
            { match &props.report {
                None => html! { <p>{tr!(lang, "No run yet.", "尚未运行。")}</p> },
                Some(r) => html! {
                    <>
                        <ul data-testid="review-verdict">
                            { for top_findings(&r.patterns).into_iter().map(|p| html! {
                                <li><strong>{format!("{} ({}, {}/100): ", pattern_name(lang, p.id), level_word(lang, p.level), p.severity)}</strong>{finding_sentence(lang, p)}</li>
                            }) }
                        </ul>
                        <p>{honest_cost_sentence(lang, r)}</p>
                    </>
                },
            } }
            <h2>{tr!(lang, "The rules", "规则")}</h2>
            {rules_table(lang, s, "review-table", "review-rules-table")}
            { for after_circles.iter().map(|sec| html! { <p><strong>{format!("{}: ", sec.title)}</strong>{sec.lines.join("; ")}</p> }) }
            if let Some(r) = &props.report {
                <h2>{tr!(lang, "Findings", "发现")}</h2>
                <table class="review-table" data-testid="review-findings">
                    <thead><tr>
                        <th>{tr!(lang, "Pattern", "模式")}</th><th>{tr!(lang, "Level", "等级")}</th><th>{tr!(lang, "Incidents", "事件")}</th>
                        <th>{tr!(lang, "Share of honest views", "占诚实浏览")}</th><th>{tr!(lang, "Money", "金额")}</th><th>{tr!(lang, "Let through by", "放行规则")}</th>
                    </tr></thead>
                    <tbody>
                        { for r.patterns.iter().filter(|p| p.level != Level::None).map(|p| html! {
                            <tr>
                                <td>{pattern_name(lang, p.id)}</td><td>{level_word(lang, p.level)}</td><td>{group(p.incidents)}</td>
                                <td>{if p.id.is_feed_content() { prevalence_percent(u64::from(p.prevalence_per_10k)) } else { String::from("–") }}</td>
                                <td>{money(lang, p.fen_involved)}</td>
                                <td>{p.opened_by.first().map(|o| crate::components::rule_label::opened_by(lang, o)).unwrap_or_default()}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if let Some(b) = &props.baseline {
                <h2>{tr!(lang, "Comparison", "对比")}</h2>
                <p>{ { let name = &b.name; trf!(lang, "Baseline: {name}", "基线：{name}") } }</p>
                { match &props.comparison {
                    Some(o) => html! {
                        <table class="review-table" data-testid="review-comparison">
                            <caption>{ { let runs = o.baseline.runs; trf!(lang, "Mean of {runs} shared seeds; a change is marked only beyond seed noise (paired test, 95 %)", "{runs} 个共享种子的平均值；仅当超出种子噪声时才标记变化（配对检验，95 %）") } }</caption>
                            <thead><tr><th>{tr!(lang, "Measure", "指标")}</th><th>{tr!(lang, "Baseline", "基线")}</th><th>{tr!(lang, "These rules", "当前规则")}</th><th>{tr!(lang, "Change", "变化")}</th></tr></thead>
                            <tbody>
                                { for o.measures.iter().map(|(m, c)| html! {
                                    <tr><td>{measure_name(lang, *m)}</td><td>{measure_value(*m, c.baseline)}</td><td>{measure_value(*m, c.variant)}</td><td>{judged(lang, c, m.more_is_better()).0}</td></tr>
                                }) }
                            </tbody>
                        </table>
                    },
                    None => html! { <p>{tr!(lang, "Open Compare before printing to include the comparison's numbers.", "打印前打开“对比”以包含对比数据。")}</p> },
                } }
            }
            <h2>{tr!(lang, "Assumptions", "假设")}</h2>
            if changed.is_empty() {
                <p data-testid="review-assumptions">{tr!(lang, "Every behavioural assumption is at its default (MODEL.md lists each with its source).", "所有行为假设均为默认值（MODEL.md 列出了每一项及其来源）。")}</p>
            } else {
                <ul data-testid="review-assumptions">
                    { for changed.iter().map(|a| html! {
                        <li>{format!("{}: {} (default {}; {})", a.label, a.show(a.get(&s.assumptions)), a.show(a.default), a.source)}</li>
                    }) }
                </ul>
            }
            if !s.notes.is_empty() {
                <h2>{tr!(lang, "Notes", "备注")}</h2>
                <ul>{ for s.notes.iter().map(|n| html! { <li>{n.clone()}</li> }) }</ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printed_link_keeps_its_start_and_says_it_is_cut() {
        let long = format!("http://h/#s=1.{}", "a".repeat(100));
        assert_eq!(shortened(&long), format!("http://h/#s=1.{}…", "a".repeat(LINK_SHOWN)));
        assert_eq!(shortened("http://h/#s=1.abc"), "http://h/#s=1.abc");
        assert_eq!(shortened("no link here"), "no link here");
    }
}
