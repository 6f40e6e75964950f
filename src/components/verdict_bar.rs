//! The verdict bar: the run's top findings in a line or two a designer can read aloud (pattern, level, how
//! fast, how much money, which rule let it through, what honest users paid), each linking to its card.

use crate::components::rule_label::{names_marked, rule_names};
use crate::locale::{count, hour_label, level_word, money, pattern_name, plural, tr, use_lang, Lang};
use crate::view_model::level_class;
use backfire_engine::{Level, PatternId, PatternReport, Report};
use std::rc::Rc;
use yew::prelude::*;

/// At most this many patterns are named: a verdict read aloud, not the list of cards.
const MAX_FINDINGS: usize = 3;

/// The id of a pattern's card, which the verdict links to (and focuses).
pub fn card_anchor(id: PatternId) -> String {
    format!("card-{}", id.id())
}

/// The patterns the verdict names: every pattern at medium or above, most severe first, at most
/// [`MAX_FINDINGS`]; when none is that serious, the most severe one that happened at all.
pub fn top_findings(patterns: &[PatternReport]) -> Vec<&PatternReport> {
    let mut seen: Vec<&PatternReport> = patterns.iter().filter(|p| p.level != Level::None).collect();
    // Most severe first; ties keep the engine's pattern order (sort is stable).
    seen.sort_by_key(|p| std::cmp::Reverse(p.severity));
    let serious = seen.iter().take_while(|p| p.level >= Level::Medium).count();
    seen.truncate(serious.clamp(1, MAX_FINDINGS));
    seen
}

/// The simulated hour by which half of a pattern's incidents had happened: with the first hour, how fast it
/// took hold.
pub fn half_hour(p: &PatternReport) -> Option<u32> {
    let half = p.incidents.div_ceil(2);
    let mut so_far = 0u64;
    for (hour, n) in (0u32..).zip(&p.hourly) {
        so_far += u64::from(*n);
        if half > 0 && so_far >= half {
            return Some(hour);
        }
    }
    None
}

/// What follows a finding's name and level, e.g. "4,728 incidents from day 1, 00:00, half of them by
/// day 2, 06:00; ¥255,459.58 involved; let through by White Collar Diary · post: actor is female (61 %)".
pub fn finding_sentence(lang: Lang, p: &PatternReport) -> String {
    let mut parts = Vec::new();
    let mut pace = plural(lang, p.incidents, "incident", "incidents", "起事件");
    if let Some(first) = p.first_hour {
        let first_words = hour_label(lang, first);
        pace.push_str(&match lang {
            Lang::En => format!(" from {first_words}"),
            Lang::Zh => format!("，始于{first_words}"),
        });
        if let Some(half) = half_hour(p).filter(|h| *h > first && p.incidents > 1) {
            let half_words = hour_label(lang, half);
            pace.push_str(&match lang {
                Lang::En => format!(", half of them by {half_words}"),
                Lang::Zh => format!("，{half_words} 前已过半"),
            });
        }
    }
    parts.push(pace);
    if p.fen_involved > 0 {
        let amount = money(lang, p.fen_involved);
        parts.push(match lang {
            Lang::En => format!("{amount} involved"),
            Lang::Zh => format!("涉及 {amount}"),
        });
    }
    if let Some(top) = p.opened_by.first() {
        // The rule an act passed through, not its cause: "let through by", with its share of the incidents.
        let share = (top.incidents * 100).checked_div(p.incidents).unwrap_or(0);
        let rule = top.label(lang);
        parts.push(match lang {
            Lang::En => format!("let through by {rule} ({share} %)"),
            Lang::Zh => format!("经由 {rule} 放行（{share}%）"),
        });
    }
    parts.join(tr!(lang, "; ", "；"))
}

/// What the run cost people in good faith, e.g. "Honest users: 1,124 refused at least once, 190 left after
/// abuse, 0 wrongly sanctioned; honest engagement on genuine posts 52,310".
pub fn honest_cost_sentence(lang: Lang, report: &Report) -> String {
    let h = &report.health;
    let (users, denied) = (count(u64::from(h.honest_users)), count(u64::from(h.honest_denied)));
    let (left, wrong) = (
        count(u64::from(h.honest_left)),
        count(u64::from(h.honest_wrongly_sanctioned)),
    );
    let engagement = count(h.engagement);
    crate::locale::trf!(
        lang,
        "Honest users ({users}): {denied} refused at least once, {left} left after abuse, {wrong} wrongly sanctioned; honest engagement on genuine posts {engagement}",
        "诚实用户（{users}）：{denied} 人至少被拒一次，{left} 人因遭滥用而离开，{wrong} 人被误罚；真实帖子上的诚实互动 {engagement}"
    )
}

/// Moves the page to a pattern's card and gives it focus, so keyboard and screen-reader users land there too.
///
/// The card is reached by a script, not by the link's fragment: the fragment carries the share link.
fn show_card(anchor: &str) {
    let card = gloo::utils::document()
        .get_element_by_id(anchor)
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(card) = card {
        // Focus first (it scrolls as little as it can), then align the card under the sticky header.
        let _ = card.focus();
        card.scroll_into_view_with_bool(true);
    }
}

/// Props of [`VerdictBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct VerdictBarProps {
    /// The report the verdict reads.
    pub report: Rc<Report>,
}

/// The verdict bar.
#[function_component]
pub fn VerdictBar(props: &VerdictBarProps) -> Html {
    let report = &props.report;
    let lang = use_lang();
    let findings = top_findings(&report.patterns);
    let lines: Html = findings
        .iter()
        .map(|p| {
            let anchor = card_anchor(p.id);
            let onclick = {
                let anchor = anchor.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    show_card(&anchor);
                })
            };
            html! {
                <li class="verdict-finding" data-testid={format!("verdict-{}", p.id.id())} data-level={p.level.id()}>
                    <a class="verdict-link" href={format!("#{anchor}")} {onclick} title={tr!(lang, "show its card", "查看其卡片")}>
                        <strong>{pattern_name(lang, p.id)}</strong>
                        {" "}<span class={classes!("level", level_class(p.level))}>{level_word(lang, p.level)}</span>
                        {" "}<span class="verdict-severity">{format!("{}/100", p.severity)}</span>
                    </a>
                    {tr!(lang, ": ", "：")}{names_marked(&finding_sentence(lang, p), &p.opened_by.first().map(rule_names).unwrap_or_default())}{tr!(lang, ".", "。")}
                </li>
            }
        })
        .collect();
    html! {
        <section class="verdict" data-testid="verdict" aria-label={tr!(lang, "Verdict", "结论")}>
            if findings.is_empty() {
                <p class="verdict-none" data-testid="verdict-none">{tr!(lang, "No abuse pattern appeared in this run.", "本次运行未出现滥用模式。")}</p>
            } else {
                <ul class="verdict-findings">{lines}</ul>
            }
            <p class="verdict-honest" data-testid="verdict-honest">{honest_cost_sentence(lang, report)}{tr!(lang, ".", "。")}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backfire_engine::{Action, Clause, Condition, Gender, OpenedBy, RuleAt, RuleRef};

    fn pattern(id: PatternId, severity: u8, hourly: Vec<u32>) -> PatternReport {
        let incidents = hourly.iter().map(|n| u64::from(*n)).sum();
        PatternReport {
            id,
            incidents,
            fen_involved: 0,
            people_harmed: 0,
            first_hour: hourly.iter().position(|n| *n > 0).and_then(|h| u32::try_from(h).ok()),
            hourly,
            severity,
            level: Level::from_severity(severity),
            severity_parts: Default::default(),
            exemplars: Vec::new(),
            exemplar_facts: Vec::new(),
            opened_by: Vec::new(),
            violating_views: 0,
            prevalence_per_10k: 0,
            incidents_by_converts: 0,
        }
    }

    #[test]
    fn the_verdict_names_serious_patterns_most_severe_first() {
        let patterns = vec![
            pattern(PatternId::Harassment, 30, vec![1, 2]),
            pattern(PatternId::Solicitation, 97, vec![5, 5]),
            pattern(PatternId::Scam, 10, vec![1]),
            pattern(PatternId::BanEvasion, 0, vec![0]),
        ];
        let ids: Vec<PatternId> = top_findings(&patterns).iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![PatternId::Solicitation, PatternId::Harassment]);
        // Nothing serious: the one most severe pattern that happened; nothing at all: none.
        let quiet = vec![
            pattern(PatternId::Scam, 10, vec![1]),
            pattern(PatternId::Harassment, 12, vec![1]),
        ];
        let ids: Vec<PatternId> = top_findings(&quiet).iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![PatternId::Harassment]);
        assert!(top_findings(&[pattern(PatternId::Scam, 0, vec![0])]).is_empty());
    }

    #[test]
    fn a_finding_reads_aloud() {
        let mut p = pattern(PatternId::Solicitation, 97, vec![0, 2, 3, 1, 0, 4]);
        p.fen_involved = 25_545_958;
        p.opened_by = vec![OpenedBy {
            rule: "White Collar Diary · post: actor is female".into(),
            incidents: 6,
            at: Some(RuleRef {
                rule: RuleAt::Clause {
                    circle: "White Collar Diary".into(),
                    action: Action::Post,
                    clause: Clause {
                        conditions: vec![Condition::ActorGender(Gender::Female)],
                    },
                },
                from: None,
            }),
        }];
        assert_eq!(half_hour(&p), Some(2));
        assert_eq!(
            finding_sentence(Lang::En, &p),
            "10 incidents from day 1, 01:00, half of them by day 1, 02:00; ¥255,459.58 involved; let through by White Collar Diary · post: actor is female (60 %)"
        );
        let one = pattern(PatternId::Harassment, 5, vec![0, 1]);
        assert_eq!(finding_sentence(Lang::En, &one), "1 incident from day 1, 01:00");
        assert_eq!(
            finding_sentence(Lang::Zh, &p),
            "10 起事件，始于第 1 天 01:00，第 1 天 02:00 前已过半；涉及 ¥25.55万；经由 White Collar Diary · 发帖：行为人是女性 放行（60%）"
        );
    }
}
