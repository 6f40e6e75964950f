//! The glossary's entries: each term a designer meets on the result cards, with its definition taken from the
//! engine's own words (`report::SEVERITY_FORMULA`, `words::*_WORDS`, `words::archetype_words`), never a second copy.

use backfire_engine::report::SEVERITY_FORMULA;
use backfire_engine::words::{archetype_words, ENGAGEMENT_WORDS, PEOPLE_HARMED_WORDS, PREVALENCE_WORDS};
use backfire_engine::Archetype;

/// A term the glossary defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// One abusive act.
    Incident,
    /// Distinct honest users harmed.
    PeopleHarmed,
    /// The share of honest views that showed a pattern.
    Prevalence,
    /// Honest users' genuine activity.
    Engagement,
    /// The 0–100 score of a pattern.
    Severity,
    /// Severity's bands: none, low, medium, high, critical.
    Levels,
    /// Severity's reach part.
    Reach,
    /// Severity's rate part.
    Rate,
    /// Severity's money part.
    Money,
    /// A simulated user type.
    Archetype(Archetype),
}

impl Term {
    /// Every term, in the glossary's order: the measures, severity and its parts, then the archetypes.
    pub fn all() -> Vec<Term> {
        let mut terms = vec![
            Term::Incident,
            Term::PeopleHarmed,
            Term::Prevalence,
            Term::Engagement,
            Term::Severity,
            Term::Levels,
            Term::Reach,
            Term::Rate,
            Term::Money,
        ];
        terms.extend(Archetype::ALL.into_iter().map(Term::Archetype));
        terms
    }

    /// A stable id for element ids and test ids, e.g. `incident`, `archetype-score_farmer`.
    pub fn id(self) -> String {
        match self {
            Term::Incident => "incident".into(),
            Term::PeopleHarmed => "people-harmed".into(),
            Term::Prevalence => "prevalence".into(),
            Term::Engagement => "engagement".into(),
            Term::Severity => "severity".into(),
            Term::Levels => "levels".into(),
            Term::Reach => "reach".into(),
            Term::Rate => "rate".into(),
            Term::Money => "money".into(),
            Term::Archetype(a) => format!("archetype-{}", a.id()),
        }
    }

    /// The term as the glossary heads it, in the chosen language.
    pub fn name_in(self, lang: crate::locale::Lang) -> &'static str {
        use crate::locale::tr;
        match self {
            Term::Incident => tr!(lang, "Incident", "事件"),
            Term::PeopleHarmed => tr!(lang, "People harmed", "受害人数"),
            Term::Prevalence => tr!(lang, "Prevalence", "流行度"),
            Term::Engagement => tr!(lang, "Honest engagement", "诚实互动度"),
            Term::Severity => tr!(lang, "Severity", "严重度"),
            Term::Levels => tr!(lang, "Levels (severity bands)", "等级（严重度分段）"),
            Term::Reach => tr!(lang, "Reach (part of severity)", "波及（严重度的组成）"),
            Term::Rate => tr!(lang, "Rate (part of severity)", "频率（严重度的组成）"),
            Term::Money => tr!(lang, "Money (part of severity)", "金额（严重度的组成）"),
            Term::Archetype(a) => crate::locale::archetype_name(lang, a),
        }
    }

    /// The definition, in the engine's words.
    pub fn definition(self) -> String {
        match self {
            Term::Incident => sentence(&formula_part("One incident is ", " No incidents")),
            Term::PeopleHarmed => sentence(PEOPLE_HARMED_WORDS),
            Term::Prevalence => sentence(PREVALENCE_WORDS),
            Term::Engagement => sentence(ENGAGEMENT_WORDS),
            Term::Severity => {
                let scale = formula_part("severity = ", ": reach = ");
                let floor = formula_part("No incidents", " Levels:");
                format!(
                    "{} No incidents{floor}",
                    sentence(&format!(
                        "the mean of reach, rate and money, each {}",
                        scale.trim_start_matches("the mean of its components, each ")
                    ))
                )
            }
            Term::Levels => sentence(&formula_part("Levels: ", "\u{0}")),
            Term::Reach => part("reach", &formula_part("reach = ", "; rate = ")),
            Term::Rate => part("rate", &formula_part("rate = ", "; money = ")),
            Term::Money => part("money", &formula_part("money = ", " One incident")),
            Term::Archetype(a) => archetype_words(a).to_string(),
        }
    }
}

/// The part of [`SEVERITY_FORMULA`] after `start` and before `end` (to its end when `end` is not found), or the
/// whole formula if `start` is missing: a changed formula shows in full rather than not at all (and a test fails).
fn formula_part(start: &str, end: &str) -> String {
    let Some((_, rest)) = SEVERITY_FORMULA.split_once(start) else {
        return SEVERITY_FORMULA.to_string();
    };
    rest.split(end).next().unwrap_or(rest).trim().to_string()
}

/// A part of severity: its formula, and where its scale `c` is explained.
fn part(name: &str, formula: &str) -> String {
    format!(
        "{} c(x) is the logarithmic scale under Severity: 1 % of the top reads 50.",
        sentence(&format!("{name} = {formula}"))
    )
}

/// A phrase as a sentence: capitalised, ending in a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim().trim_end_matches(['.', ';']);
    let mut chars = text.chars();
    let head: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    format!("{head}{}.", chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_defined_from_the_engine_words() {
        for t in Term::all() {
            let d = t.definition();
            assert!(d.len() > 20, "{t:?}: {d}");
            assert_ne!(
                d, SEVERITY_FORMULA,
                "{t:?} fell back to the whole formula: its marker moved"
            );
        }
        assert!(
            Term::Incident.definition().starts_with("One abusive act"),
            "{}",
            Term::Incident.definition()
        );
        assert!(Term::Levels.definition().contains("critical 75–100"));
        assert!(Term::Reach.definition().contains("weekly chance"));
        assert!(
            Term::Rate
                .definition()
                .starts_with("Rate = c(incidents per user per day)"),
            "{}",
            Term::Rate.definition()
        );
        assert!(Term::Money.definition().contains("yuan involved"));
        assert!(Term::Severity
            .definition()
            .starts_with("The mean of reach, rate and money"));
        assert!(Term::Severity.definition().contains("any incident → at least 1"));
    }

    #[test]
    fn ids_are_unique() {
        let ids: Vec<String> = Term::all().iter().map(|t| t.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
    }
}
