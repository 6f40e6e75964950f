//! A keydown listener on the whole document, attached while the component is mounted.

use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Calls `on_key` for every key pressed anywhere on the page (the handler may `prevent_default`).
///
/// The listener is attached on mount and replaced whenever `deps` changes, so `on_key` sees what it
/// captured then: capture handles (dispatchers, callbacks), not values that change every render.
#[hook]
pub fn use_document_keydown<D, F>(deps: D, on_key: F)
where
    D: PartialEq + 'static,
    F: Fn(&KeyboardEvent) + 'static,
{
    use_effect_with(deps, move |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(&doc, "keydown", options, move |e| {
                if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                    on_key(e);
                }
            })
        });
        move || drop(listener)
    });
}

/// The tag name of the element a key was pressed in (`INPUT`, `BUTTON`, …), or empty.
pub fn target_tag(e: &KeyboardEvent) -> String {
    target_element(e).map(|el| el.tag_name()).unwrap_or_default()
}

/// The element a key was pressed in, if it is an HTML element.
pub fn target_element(e: &KeyboardEvent) -> Option<web_sys::HtmlElement> {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
}
