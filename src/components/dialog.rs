//! A modal dialog for reading (the keyboard help and the glossary): a title, a Close button, Escape and a
//! click outside close it, focus moves in when it opens and back to where it was when it closes.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`Dialog`].
#[derive(Properties, PartialEq, Clone)]
pub struct DialogProps {
    /// The heading, also the dialog's accessible name.
    pub title: AttrValue,
    /// The id of the heading (unique on the page).
    pub id: AttrValue,
    /// The `data-testid` of the dialog.
    pub testid: AttrValue,
    /// Closes it.
    pub on_close: Callback<()>,
    /// What it says.
    #[prop_or_default]
    pub children: Html,
}

/// A modal dialog.
#[function_component]
pub fn Dialog(props: &DialogProps) -> Html {
    let close_ref = use_node_ref();
    // Focus moves to Close on open, so Escape and Tab work at once; it goes back on close, so a keyboard
    // user carries on from where they opened it.
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            let before = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(el) = close_ref.cast::<HtmlElement>() {
                let _ = el.focus();
            }
            move || {
                if let Some(el) = before {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_keydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let on_backdrop = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: MouseEvent| {
            // Only a click on the backdrop itself, not one that bubbled up from inside the dialog.
            if e.target() == e.current_target() {
                on_close.emit(());
            }
        })
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let lang = crate::locale::use_lang();
    html! {
        <div class="review-backdrop" onkeydown={on_keydown} onclick={on_backdrop}>
            <div class="review-dialog" role="dialog" aria-modal="true" aria-labelledby={props.id.clone()} data-testid={props.testid.clone()}>
                <div class="review-dialog-head">
                    <h2 id={props.id.clone()}>{props.title.clone()}</h2>
                    <button class="btn" data-testid={format!("{}-close", props.testid)} ref={close_ref} onclick={on_close}>{crate::locale::tr!(lang, "Close", "关闭")}</button>
                </div>
                {props.children.clone()}
            </div>
        </div>
    }
}
