//! Engine sentences with the names the designer typed (circles) marked `translate="no"`, so a translator, a
//! screen reader and the language test leave them as typed.

use yew::prelude::*;

/// `text` with every occurrence of a name in `names` wrapped in `<span translate="no">` (longer names first, so
/// "Campus Diary 2" is not cut at "Campus Diary").
pub fn with_names_marked(text: &str, names: &[&str]) -> Html {
    let mut names: Vec<&str> = names.iter().copied().filter(|n| !n.is_empty()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut parts: Vec<Html> = Vec::new();
    let mut rest = text;
    while let Some((at, name)) = names
        .iter()
        .filter_map(|n| rest.find(n).map(|at| (at, *n)))
        .min_by_key(|(at, _)| *at)
    {
        let (before, after) = rest.split_at(at);
        parts.push(html! { {before.to_string()} });
        parts.push(html! { <span translate="no">{name.to_string()}</span> });
        rest = after.get(name.len()..).unwrap_or_default();
    }
    parts.push(html! { {rest.to_string()} });
    html! { <>{ for parts }</> }
}
