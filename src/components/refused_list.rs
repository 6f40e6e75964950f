//! The number fields whose typed text was refused, listed with the results while they block the run: each
//! with its message and where it is, and a way to discard it (back to the value in force), so a refusal in a
//! circle that is no longer on screen is neither lost nor a block with nothing to fix.

use super::field::RefusedHandle;
use crate::problem::place_words_in;
use yew::prelude::*;

/// The list (nothing when no field holds refused text).
#[function_component]
pub fn RefusedList() -> Html {
    let lang = crate::locale::use_lang();
    let Some(refused) = use_context::<RefusedHandle>() else {
        return Html::default();
    };
    if refused.0.is_empty() {
        return Html::default();
    }
    let rows = refused.0.iter().map(|(path, r)| {
        let discard = {
            let (refused, path) = (refused.clone(), path.clone());
            Callback::from(move |_: MouseEvent| refused.dispatch((path.clone(), None)))
        };
        html! {
            <li data-testid="refused-item" data-path={path.clone()}>
                {r.message.clone()}<span class="muted">{ {
                    let (place, typed) = (place_words_in(lang, path.trim_end_matches(".value")), r.text.trim());
                    crate::locale::trf!(lang, " (in {place}: you typed “{typed}”) ", "（在 {place}：你输入了“{typed}”）")
                } }</span>
                <button class="btn small" data-testid="refused-discard" onclick={discard}>{crate::locale::tr!(lang, "Discard", "放弃")}</button>
            </li>
        }
    });
    html! {
        <ul class="refused-list" data-testid="refused-list" aria-label={crate::locale::tr!(lang, "values refused", "被拒绝的值")}>{ for rows }</ul>
    }
}
