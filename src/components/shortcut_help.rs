//! The keyboard help: every shortcut the page answers, opened with `?` (see `hooks/use_help_key`).

use super::dialog::Dialog;
use crate::locale::{tr, use_lang, Lang};
use yew::prelude::*;

/// The shortcuts, as (keys, what they do), in the order a designer meets them.
fn shortcuts(lang: Lang) -> [(&'static str, &'static str); 9] {
    [
        (
            "?",
            tr!(
                lang,
                "Open this list (not while typing in a field)",
                "打开此列表（在输入框中打字时除外）"
            ),
        ),
        (
            tr!(lang, "Tab, then Enter", "Tab，然后 Enter"),
            tr!(
                lang,
                "From the top of the page: “Skip to results”",
                "从页面顶部：“跳到结果”"
            ),
        ),
        (
            "Ctrl+Z  (⌘Z)",
            tr!(
                lang,
                "Undo the last edit (outside a text box)",
                "撤销上一次编辑（在文本框外）"
            ),
        ),
        (
            tr!(lang, "Ctrl+Shift+Z  or  Ctrl+Y", "Ctrl+Shift+Z 或 Ctrl+Y"),
            tr!(lang, "Redo", "重做"),
        ),
        (
            tr!(lang, "Enter  or  Tab", "Enter 或 Tab"),
            tr!(lang, "Apply the number typed in a field", "应用输入框中键入的数字"),
        ),
        (
            tr!(lang, "Arrow keys", "方向键"),
            tr!(
                lang,
                "Move between sweep cells (Tab to the heatmap first)",
                "在扫描格之间移动（先用 Tab 移到热力图）"
            ),
        ),
        (
            tr!(lang, "Enter  or  Space", "Enter 或 空格"),
            tr!(
                lang,
                "Load the focused sweep cell, or open a glossary term",
                "载入当前扫描格，或打开术语条目"
            ),
        ),
        (
            tr!(lang, "→  ←  Space", "→  ←  空格"),
            tr!(
                lang,
                "Next and previous slide while presenting",
                "演示时切换下一张和上一张幻灯片"
            ),
        ),
        (
            "Escape",
            tr!(
                lang,
                "Close this list, the glossary, the library or the presentation",
                "关闭此列表、术语表、场景库或演示"
            ),
        ),
    ]
}

/// Props of [`ShortcutHelp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShortcutHelpProps {
    /// Closes it.
    pub on_close: Callback<()>,
}

/// The keyboard help dialog.
#[function_component]
pub fn ShortcutHelp(props: &ShortcutHelpProps) -> Html {
    let lang = use_lang();
    html! {
        <Dialog title={tr!(lang, "Keyboard shortcuts", "键盘快捷键")} id="shortcut-help-title" testid="shortcut-help" on_close={props.on_close.clone()}>
            <table class="shortcut-table">
                <thead><tr><th scope="col">{tr!(lang, "Keys", "按键")}</th><th scope="col">{tr!(lang, "What they do", "作用")}</th></tr></thead>
                <tbody>
                    { for shortcuts(lang).iter().map(|(keys, what)| html! {
                        <tr><td><kbd>{*keys}</kbd></td><td>{*what}</td></tr>
                    }) }
                </tbody>
            </table>
        </Dialog>
    }
}
