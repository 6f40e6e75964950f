//! Engine sentences on the page with the names the designer typed marked: circle, scenario and intervention
//! names keep `translate="no"` inside a translated sentence, so a translator (or the i18n test) leaves them be.

use crate::locale::Lang;
use backfire_engine::{OpenedBy, RuleAt, Scenario};
use yew::prelude::*;

/// `text` with every occurrence of one of `names` wrapped in `<span translate="no">` (longest name first, so
/// "Campus Diary 2" is not cut at "Campus Diary").
pub fn names_marked(text: &str, names: &[&str]) -> Html {
    let mut names: Vec<&str> = names.iter().copied().filter(|n| !n.trim().is_empty()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next = names
            .iter()
            .filter_map(|n| rest.find(n).map(|at| (at, *n)))
            .min_by_key(|(at, n)| (*at, std::cmp::Reverse(n.len())));
        match next {
            Some((at, name)) => {
                let (before, after) = rest.split_at(at);
                out.push(html! { {before.to_string()} });
                out.push(html! { <span translate="no">{name.to_string()}</span> });
                rest = after.get(name.len()..).unwrap_or_default();
            }
            None => {
                out.push(html! { {rest.to_string()} });
                rest = "";
            }
        }
    }
    out.into_iter().collect()
}

/// The names a scenario's sentences may mention: its own, its circles' (at every stage) and its interventions'.
pub fn scenario_names(s: &Scenario) -> Vec<String> {
    let mut names = vec![s.name.clone()];
    names.extend(s.circles.iter().map(|c| c.name.clone()));
    for i in &s.interventions {
        names.push(i.label.clone());
        names.extend(i.circles.iter().flatten().map(|c| c.name.clone()));
    }
    names
}

/// The names inside a rule that let something through: its circle and the intervention it came from.
pub fn rule_names(o: &OpenedBy) -> Vec<&str> {
    let Some(at) = &o.at else { return Vec::new() };
    let circle = match &at.rule {
        RuleAt::Clause { circle, .. } | RuleAt::Rule { circle, .. } | RuleAt::Refused { circle, .. } => {
            Some(circle.as_str())
        }
        _ => None,
    };
    circle
        .into_iter()
        .chain(at.from.as_ref().map(|(_, label)| label.as_str()))
        .collect()
}

/// The rule that let something through, in `lang`, its names marked.
pub fn opened_by(lang: Lang, o: &OpenedBy) -> Html {
    names_marked(&o.label(lang), &rule_names(o))
}
