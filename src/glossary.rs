//! The glossary's entries: each term a designer meets on the result cards, with its definition taken from the
//! engine's own words (`report::SEVERITY_FORMULA`, `words::prevalence_words` and the like, `words::archetype_words`),
//! never a second copy; in Chinese the severity entries are the formula's translation, kept here beside the parts
//! the English reads from it.

use crate::locale::Lang;
use backfire_engine::report::SEVERITY_FORMULA;
use backfire_engine::words::{archetype_words, engagement_words, people_harmed_words, prevalence_words};
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

    /// The definition in `lang`, in the engine's words.
    pub fn definition(self, lang: Lang) -> String {
        if lang == Lang::Zh {
            return self.definition_zh();
        }
        match self {
            Term::Incident => sentence(&formula_part("One incident is ", " No incidents")),
            Term::PeopleHarmed => sentence(people_harmed_words(lang)),
            Term::Prevalence => sentence(prevalence_words(lang)),
            Term::Engagement => sentence(engagement_words(lang)),
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
            Term::Archetype(a) => archetype_words(lang, a).to_string(),
        }
    }

    /// The definition in Chinese: the engine's Chinese words, and [`SEVERITY_FORMULA`] translated part by part.
    fn definition_zh(self) -> String {
        const SCALE: &str = "c(x) 是“严重度”下的对数刻度：达到顶端的 1% 读作 50。";
        let lang = Lang::Zh;
        match self {
            Term::Incident => String::from("一起事件就是一次滥用行为：一条帖子（招揽、诈骗、伪造身份、团伙或掩护帖）、一条辱骂性的评论或私信、一笔刷分或洗钱的付款、一个回归账号的一次行为，或一位诚实用户在一个圈子里做一件事被拒一次。"),
            Term::PeopleHarmed => format!("{}。", people_harmed_words(lang)),
            Term::Prevalence => format!("{}。", prevalence_words(lang)),
            Term::Engagement => format!("{}。", engagement_words(lang)),
            Term::Severity => String::from("波及、频率和金额三者的平均值，每一项都用同一个对数刻度 c(x) = 100 × log10(1 + 10,000 × x) ÷ log10(10,001) 来读，x 是该量占其刻度顶端的比例（顶端的万分之一 → 7.5，千分之一 → 26，1% → 50，10% → 75，顶端 → 100）。没有事件 → 0；只要有事件 → 至少 1。"),
            Term::Levels => String::from("无 0，低 1–24，中 25–49，高 50–74，严重 75–100。"),
            Term::Reach => format!("波及 = c(善意用户每周受害的概率（运行不足一周时，为目前受害者的占比），或诚实浏览中出现该模式的比例，取较大者)。{SCALE}"),
            Term::Rate => format!("频率 = c(每位用户每天的事件数)。{SCALE}"),
            Term::Money => format!("金额 = c(每位用户每天涉及的金额（元）÷ 100)，骚扰和排斥不涉及金钱，不计此项。{SCALE}"),
            Term::Archetype(a) => archetype_words(lang, a).to_string(),
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
            let d = t.definition(Lang::En);
            let zh = t.definition(Lang::Zh);
            assert!(
                zh != d && zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{t:?} has a Chinese definition: {zh}"
            );
            assert!(d.len() > 20, "{t:?}: {d}");
            assert_ne!(
                d, SEVERITY_FORMULA,
                "{t:?} fell back to the whole formula: its marker moved"
            );
        }
        assert!(
            Term::Incident.definition(Lang::En).starts_with("One abusive act"),
            "{}",
            Term::Incident.definition(Lang::En)
        );
        assert!(Term::Levels.definition(Lang::En).contains("critical 75–100"));
        assert!(Term::Reach.definition(Lang::En).contains("weekly chance"));
        assert!(
            Term::Rate
                .definition(Lang::En)
                .starts_with("Rate = c(incidents per user per day)"),
            "{}",
            Term::Rate.definition(Lang::En)
        );
        assert!(Term::Money.definition(Lang::En).contains("yuan involved"));
        assert!(Term::Severity
            .definition(Lang::En)
            .starts_with("The mean of reach, rate and money"));
        assert!(Term::Severity
            .definition(Lang::En)
            .contains("any incident → at least 1"));
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
