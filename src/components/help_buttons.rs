//! Help in the product: the results' Glossary and "Keyboard shortcuts" buttons, the `?` key, and the
//! shortcut dialog (the glossary is [`super::glossary::GlossaryProvider`]'s).

use super::glossary::GlossaryOpener;
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
    let glossary = use_context::<GlossaryOpener>();
    let lang = crate::locale::use_lang();
    html! {
        <span class="help-buttons">
            if let Some(GlossaryOpener(open)) = glossary {
                <button class="btn small link-btn" data-testid="open-glossary" aria-haspopup="dialog" onclick={open.reform(|_: MouseEvent| None)}>{crate::locale::tr!(lang, "Glossary", "术语表")}</button>
            }
            <button class="btn small link-btn" data-testid="open-shortcuts" aria-haspopup="dialog" onclick={set(true).reform(|_: MouseEvent| ())}>
                {crate::locale::tr!(lang, "Keyboard shortcuts ", "键盘快捷键 ")}<kbd>{"?"}</kbd>
            </button>
            if *shortcuts { <ShortcutHelp on_close={set(false)} /> }
        </span>
    }
}
