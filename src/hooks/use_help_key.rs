//! The `?` key opens the keyboard help, except while typing in a field or while another dialog is open.

use crate::hooks::use_document_keydown::{target_element, use_document_keydown};
use yew::prelude::*;

/// Whether a key press in an element with this tag (and `contenteditable` state) is typing, where `?` is
/// a character and not a shortcut.
pub fn is_typing(tag: &str, editable: bool) -> bool {
    editable || matches!(tag, "INPUT" | "TEXTAREA" | "SELECT")
}

/// Calls `on_help` when `?` is pressed outside a field, with no modifier but Shift (which types it), and
/// no dialog open (the presentation and the library have keys of their own).
#[hook]
pub fn use_help_key(on_help: Callback<()>) {
    use_document_keydown((), move |e| {
        if e.key() != "?" || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let typing = target_element(e).is_some_and(|el| is_typing(&el.tag_name(), el.is_content_editable()));
        let dialog_open = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[aria-modal=\"true\"]").ok().flatten())
            .is_some();
        if typing || dialog_open {
            return;
        }
        e.prevent_default();
        on_help.emit(());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_mark_in_a_field_is_typing() {
        assert!(is_typing("INPUT", false));
        assert!(is_typing("TEXTAREA", false));
        assert!(is_typing("DIV", true));
        assert!(!is_typing("BUTTON", false));
        assert!(!is_typing("BODY", false));
    }
}
