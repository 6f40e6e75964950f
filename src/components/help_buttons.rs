//! Help in the product: the results' "Keyboard shortcuts" button and the `?` key, and the dialog they open.

use super::shortcut_help::ShortcutHelp;
use crate::hooks::use_help_key::use_help_key;
use yew::prelude::*;

/// The help buttons and the dialogs they open.
#[function_component]
pub fn HelpButtons() -> Html {
    let shortcuts = use_state(|| false);
    let set = |on: bool| {
        let shortcuts = shortcuts.clone();
        Callback::from(move |()| shortcuts.set(on))
    };
    use_help_key(set(true));
    html! {
        <span class="help-buttons">
            <button class="btn small link-btn" data-testid="open-shortcuts" aria-haspopup="dialog" onclick={set(true).reform(|_: MouseEvent| ())}>
                {"Keyboard shortcuts "}<kbd>{"?"}</kbd>
            </button>
            if *shortcuts { <ShortcutHelp on_close={set(false)} /> }
        </span>
    }
}
