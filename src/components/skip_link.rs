//! "Skip to results": the page's first focusable element, so a keyboard user need not tab through the editor.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The id of the element the link moves focus to (the results' `<main>`, focusable with `tabindex="-1"`).
pub const RESULTS_ID: &str = "results";

/// Props of [`SkipLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct SkipLinkProps {
    /// Called first, so the results can be shown where the editor covers them (phones).
    pub on_skip: Callback<()>,
}

/// The skip link: hidden until focused, then it moves focus to the results.
///
/// It moves focus rather than following `#results`, because the fragment carries the share link.
#[function_component]
pub fn SkipLink(props: &SkipLinkProps) -> Html {
    let onclick = {
        let on_skip = props.on_skip.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_skip.emit(());
            // After the page has redrawn, so results that were hidden behind the editor can take focus.
            gloo::timers::callback::Timeout::new(0, || {
                let main = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(RESULTS_ID))
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(main) = main {
                    let _ = main.focus();
                    main.scroll_into_view();
                }
            })
            .forget();
        })
    };
    let lang = crate::locale::use_lang();
    html! {
        <a class="skip-link" href={format!("#{RESULTS_ID}")} data-testid="skip-link" {onclick}>{crate::locale::tr!(lang, "Skip to results", "跳到结果")}</a>
    }
}
