//! Undo and redo from the keyboard: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (or ⌘ on a Mac) anywhere on the page.

use crate::hooks::use_document_keydown::{target_element, use_document_keydown};
use crate::state::{Action, AppState};
use yew::prelude::*;

/// What a key press asks of the history, if anything.
fn history_action(key: &str, ctrl_or_meta: bool, shift: bool) -> Option<Action> {
    if !ctrl_or_meta {
        return None;
    }
    match key.to_lowercase().as_str() {
        "z" if shift => Some(Action::Redo),
        "y" => Some(Action::Redo),
        "z" => Some(Action::Undo),
        _ => None,
    }
}

/// Dispatches undo and redo for the shortcuts, except while typing in a text box, where the browser's
/// own undo of the text is what the designer expects.
#[hook]
pub fn use_undo_keys(dispatcher: UseReducerDispatcher<AppState>) {
    use_document_keydown((), move |e| {
        let Some(action) = history_action(&e.key(), e.ctrl_key() || e.meta_key(), e.shift_key()) else {
            return;
        };
        let typing = target_element(e).is_some_and(|el| {
            el.tag_name() == "TEXTAREA"
                || (el.tag_name() == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
        });
        if typing {
            return;
        }
        e.prevent_default();
        dispatcher.dispatch(action);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_map_to_undo_and_redo() {
        assert!(matches!(history_action("z", true, false), Some(Action::Undo)));
        assert!(matches!(history_action("Z", true, true), Some(Action::Redo)));
        assert!(matches!(history_action("y", true, false), Some(Action::Redo)));
        assert!(history_action("z", false, false).is_none(), "a plain z is typing");
        assert!(history_action("x", true, false).is_none());
    }
}
