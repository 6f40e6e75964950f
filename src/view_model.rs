//! Presentation of the engine's plain data that only a page needs: hour labels, prevalence as a percentage,
//! pattern colours, level classes, and the card's line on what closing the rule that let a pattern through would do.
//!
//! Words (money, pattern names) come from `backfire_engine::words`, shared with the CLI.

use crate::locale::{tr, trf, Lang};
use backfire_engine::explain::{PatternExplanation, Suggestion};
use backfire_engine::{Level, PatternId};

/// "day 2, 14:00" for a simulated hour (day 1 starts at hour 0).
pub fn hour_label(hour: u32) -> String {
    format!("day {}, {:02}:00", hour / 24 + 1, hour % 24)
}

/// A distinct colour per pattern for charts (readable on white and on a projector).
pub fn pattern_color(id: PatternId) -> &'static str {
    match id {
        PatternId::Solicitation => "#c2410c",
        PatternId::IdentityFraud => "#7c3aed",
        PatternId::Scam => "#b91c1c",
        PatternId::Harassment => "#0f766e",
        PatternId::ScoreFarming => "#a16207",
        PatternId::TipLaundering => "#1d4ed8",
        PatternId::RankingManipulation => "#be185d",
        PatternId::BanEvasion => "#4d7c0f",
        PatternId::Exclusion => "#475569",
    }
}

/// A prevalence (posts per 10,000 honest views) as a percentage a reviewer reads at a glance: "48.5 %",
/// "0.3 %", "0.04 %", "0 %". Below 0.1 % two decimals keep a rare pattern from reading as zero.
pub fn prevalence_percent(per_10k: u64) -> String {
    if per_10k == 0 {
        "0 %".into()
    } else if per_10k < 10 {
        format!("{}.{:02} %", per_10k / 100, per_10k % 100)
    } else {
        // Rounded to one decimal in integer arithmetic, so 45 per 10k reads "0.5 %" on every platform.
        let tenths = (per_10k + 5) / 10;
        format!("{}.{} %", tenths / 10, tenths % 10)
    }
}

/// The CSS class of a level.
pub fn level_class(level: Level) -> String {
    format!("level-{}", level.id())
}

/// The circle of a "let through by" rule, e.g. "Campus Diary" of "Campus Diary · post: actor is female".
pub fn let_through_circle(rule: &str) -> Option<&str> {
    rule.split_once(" · ").map(|(circle, _)| circle)
}

/// "one seed", "3 seeds": how many seeds an explanation ran on, said with its figures so a reader weighs them.
pub fn seeds_words(lang: Lang, n_seeds: usize) -> String {
    match n_seeds {
        1 => String::from(tr!(lang, "one seed", "一个种子")),
        n => trf!(lang, "{n} seeds", "{n} 个种子"),
    }
}

/// Whether a suggestion's change touches `circle`: a change to that circle, or the same change in every circle.
fn touches(s: &Suggestion, circle: &str, circle_names: &[String]) -> bool {
    match s.circle_idx {
        Some(idx) => circle_names.get(idx as usize).is_some_and(|name| name == circle),
        // Every-circle levers have ids `all.…`; the rest without a circle are platform rules.
        None => s.lever_id.starts_with("all."),
    }
}

/// The one line a card shows of [`closing_words`] until it is opened: the best change's effect and the seeds,
/// e.g. "Best change: −46 % (one seed)". The card is read at a glance (the first one must fit the first
/// screen), so the change itself waits one click.
pub fn closing_summary(lang: Lang, found: Option<&PatternExplanation>, n_seeds: usize) -> String {
    let seeds = seeds_words(lang, n_seeds);
    match found.map(|f| f.suggestions.first()) {
        None => String::from(tr!(lang, "Not checked: below medium", "未检查：低于“中”")),
        Some(None) => trf!(
            lang,
            "No single rule change cuts it ({seeds})",
            "没有单条规则改动能减少它（{seeds}）"
        ),
        Some(Some(best)) => match best.incidents_change_percent {
            Some(p) if p < 0 => {
                let cut = -p;
                trf!(lang, "Best change: −{cut} % ({seeds})", "最佳改动：−{cut}%（{seeds}）")
            }
            _ => {
                let (before, after) = (best.severity_before, best.severity_after);
                trf!(
                    lang,
                    "Best change: severity {before} → {after} ({seeds})",
                    "最佳改动：严重度 {before} → {after}（{seeds}）"
                )
            }
        },
    }
}

/// What the card says about closing the rule that let a pattern through, from an explanation of the same scenario.
///
/// `found` is the explanation's entry for the pattern (`None` when the explanation's baseline had it below
/// medium, so no change was tried for it), `n_seeds` the seeds the explanation ran on, `let_through` the
/// card's top "let through by" rule, and `circle_names` the explained scenario's circles, in order.
/// The first suggestion is the explanation's best, the Why panel's first row: the card never names another.
///
/// The line never calls the change "closing" the rule: the best change is often another rule (tips, messages)
/// or the opposite move (letting everyone post cuts exclusion), and the card must not read as the cause.
/// It says instead whether the change is in the circle that let the pattern through.
pub fn closing_words(
    found: Option<&PatternExplanation>,
    n_seeds: usize,
    let_through: Option<&str>,
    circle_names: &[String],
) -> String {
    let seeds = seeds_words(Lang::En, n_seeds);
    let Some(found) = found else {
        return String::from("Not checked: only patterns at medium or above are");
    };
    let Some(best) = found.suggestions.first() else {
        return format!("No single rule change cuts it ({seeds})");
    };
    let effect = match best.incidents_change_percent {
        Some(p) if p < 0 => format!("cuts this by {} %", -p),
        _ => format!(
            "cuts its severity from {} to {}",
            best.severity_before, best.severity_after
        ),
    };
    let words = format!("Best single change: {} {effect} ({seeds})", best.change);
    let Some(circle) = let_through.and_then(let_through_circle) else {
        return words;
    };
    let touched = touches(best, circle, circle_names);
    match (best.circle_idx, touched) {
        // The change names its circle; the card only adds that it is the same one.
        (Some(_), true) => format!("{words} — in the circle that let it through"),
        (None, true) => format!("{words} — including {circle}, which let it through"),
        (Some(_), false) => format!("{words} — not in {circle}, which let it through"),
        // A platform rule: no circle to compare.
        (None, false) => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_as_days() {
        assert_eq!(hour_label(0), "day 1, 00:00");
        assert_eq!(hour_label(37), "day 2, 13:00");
    }

    #[test]
    fn prevalence_reads_as_a_percentage() {
        assert_eq!(prevalence_percent(0), "0 %");
        assert_eq!(prevalence_percent(4), "0.04 %");
        assert_eq!(prevalence_percent(30), "0.3 %");
        assert_eq!(prevalence_percent(45), "0.5 %");
        assert_eq!(prevalence_percent(4849), "48.5 %");
        assert_eq!(prevalence_percent(10_000), "100.0 %");
    }

    fn suggestion(lever_id: &str, circle_idx: Option<u32>, change: &str, incidents: Option<i32>) -> Suggestion {
        Suggestion {
            lever_id: lever_id.into(),
            circle_idx,
            sentence: String::new(),
            change: change.into(),
            pattern: PatternId::Solicitation,
            severity_before: 76,
            severity_after: 70,
            severity_change_percent: -8,
            incidents_before: 1000,
            incidents_after: 550,
            incidents_change_percent: incidents,
            cost: Default::default(),
            scenario: Default::default(),
        }
    }

    fn found(suggestions: Vec<Suggestion>) -> PatternExplanation {
        PatternExplanation {
            pattern: PatternId::Solicitation,
            severity: 76,
            level: Level::High,
            incidents: 1000,
            suggestions,
        }
    }

    fn circles() -> Vec<String> {
        vec!["Campus Diary".into(), "White Collar Diary".into()]
    }

    const RULE: Option<&str> = Some("White Collar Diary · post: actor is female");

    #[test]
    fn a_change_in_the_same_circle_says_so() {
        let f = found(vec![
            suggestion(
                "circle.1.tips.ceiling_5_yuan",
                Some(1),
                "Capping tips at ¥5 in White Collar Diary",
                Some(-45),
            ),
            suggestion("platform.bans.real_name", None, "Requiring real names", Some(-60)),
        ]);
        assert_eq!(
            closing_words(Some(&f), 1, RULE, &circles()),
            "Best single change: Capping tips at ¥5 in White Collar Diary cuts this by 45 % (one seed) — in the circle that let it through"
        );
    }

    #[test]
    fn a_change_in_every_circle_touches_the_circle_too() {
        let f = found(vec![suggestion(
            "all.tips.ceiling_5_yuan",
            None,
            "Capping tips at ¥5 in every circle",
            Some(-45),
        )]);
        let words = closing_words(Some(&f), 3, RULE, &circles());
        assert!(
            words == (
                "Best single change: Capping tips at ¥5 in every circle cuts this by 45 % (3 seeds) — including White Collar Diary, which let it through"
            ),
            "{words}"
        );
    }

    #[test]
    fn a_change_elsewhere_says_it_is_elsewhere() {
        let other_circle = found(vec![suggestion(
            "circle.0.tips.off",
            Some(0),
            "Turning tips off in Campus Diary",
            Some(-20),
        )]);
        assert_eq!(
            closing_words(Some(&other_circle), 1, RULE, &circles()),
            "Best single change: Turning tips off in Campus Diary cuts this by 20 % (one seed) — not in White Collar Diary, which let it through"
        );
        let platform = found(vec![suggestion(
            "platform.bans.real_name",
            None,
            "Requiring real names",
            Some(-20),
        )]);
        assert!(closing_words(Some(&platform), 1, RULE, &circles())
            .starts_with("Best single change: Requiring real names cuts this by 20 %"));
        assert!(closing_words(Some(&platform), 1, None, &circles()).ends_with("(one seed)"));
    }

    #[test]
    fn a_cut_in_severity_alone_is_said_in_severity() {
        let f = found(vec![suggestion(
            "platform.bans.real_name",
            None,
            "Requiring real names",
            Some(3),
        )]);
        assert!(closing_words(Some(&f), 1, None, &circles()).contains("cuts its severity from 76 to 70 (one seed)"));
    }

    #[test]
    fn no_suggestion_and_no_check_are_said_plainly() {
        assert_eq!(
            closing_words(Some(&found(Vec::new())), 1, RULE, &circles()),
            "No single rule change cuts it (one seed)"
        );
        assert!(closing_words(None, 1, RULE, &circles()).starts_with("Not checked"));
    }

    #[test]
    fn the_summary_gives_the_effect_and_the_seeds() {
        let cut = found(vec![suggestion(
            "all.tips.off",
            None,
            "Turning tips off in every circle",
            Some(-46),
        )]);
        assert_eq!(
            closing_summary(Lang::En, Some(&cut), 1),
            "Best change: −46 % (one seed)"
        );
        let severity = found(vec![suggestion(
            "all.tips.off",
            None,
            "Turning tips off in every circle",
            None,
        )]);
        assert_eq!(
            closing_summary(Lang::En, Some(&severity), 3),
            "Best change: severity 76 → 70 (3 seeds)"
        );
        assert_eq!(
            closing_summary(Lang::En, Some(&found(Vec::new())), 1),
            "No single rule change cuts it (one seed)"
        );
        assert_eq!(closing_summary(Lang::En, None, 1), "Not checked: below medium");
    }

    #[test]
    fn the_circle_is_read_from_the_rule() {
        assert_eq!(
            let_through_circle("Campus Diary · post: actor is female"),
            Some("Campus Diary")
        );
        assert_eq!(let_through_circle("anyone"), None);
    }
}
