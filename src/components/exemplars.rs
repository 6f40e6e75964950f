//! Exemplar incidents as readable sentences, filterable by pattern.

use crate::components::typed_names::with_names_marked;
use crate::locale::{pattern_name, tr, use_lang, Lang};
use backfire_engine::exemplar::sentence;
use backfire_engine::{PatternId, PatternReport, Report};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`Exemplars`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExemplarsProps {
    /// The report whose exemplars are listed.
    pub report: Rc<Report>,
}

/// A pattern's exemplars as list items, written in `lang` from their facts (circle names marked as typed); a
/// report without facts (written before they were kept) shows its English sentences, marked as English.
fn example_lines(lang: Lang, p: &PatternReport) -> Vec<Html> {
    let tag = html! { <span class={classes!("tag")}>{pattern_name(lang, p.id)}</span> };
    if p.exemplar_facts.is_empty() {
        return p
            .exemplars
            .iter()
            .map(|text| html! { <li data-pattern={p.id.id()}>{tag.clone()}{" "}<span lang="en">{text.clone()}</span></li> })
            .collect();
    }
    p.exemplar_facts
        .iter()
        .map(|e| {
            let name = e.circle.as_ref().map_or("", |c| c.name.as_str());
            html! { <li data-pattern={p.id.id()}>{tag.clone()}{" "}{with_names_marked(&sentence(lang, e), &[name])}</li> }
        })
        .collect()
}

/// The exemplar list with its pattern filter.
#[function_component]
pub fn Exemplars(props: &ExemplarsProps) -> Html {
    let filter = use_state(|| None::<PatternId>);
    let lang = use_lang();
    let onchange = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(PatternId::ALL.into_iter().find(|p| p.id() == v));
        })
    };
    let with_examples: Vec<_> = props
        .report
        .patterns
        .iter()
        .filter(|p| !p.exemplars.is_empty())
        .collect();
    let items: Html = with_examples
        .iter()
        .filter(|p| filter.is_none_or(|f| f == p.id))
        .flat_map(|p| example_lines(lang, p))
        .collect();
    html! {
        <section class="panel" aria-labelledby="exemplars-title" data-testid="exemplars">
            <h2 id="exemplars-title">{tr!(lang, "What happened, in examples", "发生了什么：案例")}</h2>
            <div class="field row">
                <label for="exemplar-filter">{tr!(lang, "Show", "显示")}</label>
                <select id="exemplar-filter" data-testid="exemplar-filter" {onchange}>
                    <option value="" selected={filter.is_none()}>{tr!(lang, "all patterns", "全部模式")}</option>
                    { for with_examples.iter().map(|p| html! { <option value={p.id.id()} selected={*filter == Some(p.id)}>{pattern_name(lang, p.id)}</option> }) }
                </select>
            </div>
            if with_examples.is_empty() { <p class="muted">{tr!(lang, "No incidents to show.", "没有可显示的事件。")}</p> }
            <ul class="exemplar-list">{items}</ul>
        </section>
    }
}
