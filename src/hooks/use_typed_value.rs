//! A text box for one value that the page also sets from elsewhere (Compare's seeds, the scenario's seed): the box
//! keeps what was typed, and shows the value only when it changes from outside.
//!
//! Yew writes a field's `value` back whenever a render's differs from the page's. A box that showed the value
//! whenever no draft was held put the old value back between two keys, when a render came before the new value
//! arrived: clearing Compare's "10" and typing 3 made "103". So the typed text is the box's own state.
//!
//! The page may apply the values typed later than they were typed (an edit waits for a pause), so a value coming
//! back is told from one set elsewhere by the box's own list of values it handed on: its own come back and are
//! crossed off; any other replaces the text.

use crate::locale::Lang;
use std::fmt::Display;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The box's text, what is wrong with it (if anything), and the handler for its `oninput`.
pub struct TypedValue {
    /// What the box shows: what was typed, or the value as set from elsewhere.
    pub text: String,
    /// Why the text is not a value, while it is not.
    pub issue: Option<String>,
    /// Keeps each keystroke, and hands on a text that reads as a value.
    pub oninput: Callback<InputEvent>,
}

/// A box for `value`: `read` turns a text into a value or says in `lang` what is wrong with it, `on_value` takes
/// each value typed. A value set from elsewhere (not one the box handed on) replaces the text, unless the text
/// already reads as it.
#[hook]
pub fn use_typed_value<T>(
    lang: Lang,
    value: T,
    read: fn(Lang, &str) -> Result<T, String>,
    on_value: Callback<T>,
) -> TypedValue
where
    T: Copy + PartialEq + Display + 'static,
{
    let text = use_state(|| value.to_string());
    let issue = use_state(|| None::<String>);
    // The values handed on that have not come back yet, oldest first.
    let sent = use_mut_ref(Vec::<T>::new);
    {
        let (text, issue, sent) = (text.clone(), issue.clone(), sent.clone());
        use_effect_with(value, move |&value| {
            let mut sent = sent.borrow_mut();
            match sent.iter().position(|&v| v == value) {
                Some(i) => drop(sent.drain(..=i)),
                None => {
                    sent.clear();
                    if read(lang, &text).ok() != Some(value) {
                        text.set(value.to_string());
                        issue.set(None);
                    }
                }
            }
        });
    }
    let oninput = {
        let (text, issue) = (text.clone(), issue.clone());
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(typed.clone());
            match read(lang, &typed) {
                Ok(v) => {
                    issue.set(None);
                    sent.borrow_mut().push(v);
                    on_value.emit(v);
                }
                Err(message) => issue.set(Some(message)),
            }
        })
    };
    TypedValue {
        text: (*text).clone(),
        issue: (*issue).clone(),
        oninput,
    }
}
