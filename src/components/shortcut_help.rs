//! The keyboard help: every shortcut the page answers, opened with `?` (see `hooks/use_help_key`).

use super::dialog::Dialog;
use yew::prelude::*;

/// The shortcuts, as (keys, what they do), in the order a designer meets them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("?", "Open this list (not while typing in a field)"),
    ("Tab, then Enter", "From the top of the page: “Skip to results”"),
    ("Ctrl+Z  (⌘Z)", "Undo the last edit (outside a text box)"),
    ("Ctrl+Shift+Z  or  Ctrl+Y", "Redo"),
    ("Enter  or  Tab", "Apply the number typed in a field"),
    ("Arrow keys", "Move between sweep cells (Tab to the heatmap first)"),
    (
        "Enter  or  Space",
        "Load the focused sweep cell, or open a glossary term",
    ),
    ("→  ←  Space", "Next and previous slide while presenting"),
    (
        "Escape",
        "Close this list, the glossary, the library or the presentation",
    ),
];

/// Props of [`ShortcutHelp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShortcutHelpProps {
    /// Closes it.
    pub on_close: Callback<()>,
}

/// The keyboard help dialog.
#[function_component]
pub fn ShortcutHelp(props: &ShortcutHelpProps) -> Html {
    html! {
        <Dialog title="Keyboard shortcuts" id="shortcut-help-title" testid="shortcut-help" on_close={props.on_close.clone()}>
            <table class="shortcut-table">
                <thead><tr><th scope="col">{"Keys"}</th><th scope="col">{"What they do"}</th></tr></thead>
                <tbody>
                    { for SHORTCUTS.iter().map(|(keys, what)| html! {
                        <tr><td><kbd>{*keys}</kbd></td><td>{*what}</td></tr>
                    }) }
                </tbody>
            </table>
        </Dialog>
    }
}
