//! The header's tools and identity: undo and redo, copy link, export and import of the scenario as JSON (under
//! a "More" menu, so the header keeps to one row at 1024 px), and the scenario's name with its modified marker.

use crate::locale::{tr, trf, use_lang, Lang};
use crate::problem::{self, Source};
use crate::share::{self, IMPORT_LIMIT_BYTES};
use crate::state::Notice;
use backfire_engine::{validate, wire, Scenario, Severity};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ToolbarProps {
    /// The scenario (exported as JSON).
    pub scenario: Rc<Scenario>,
    /// The link payload of what is on screen (copied as a link), or why no link of it would open.
    pub share_payload: share::Payload,
    /// Whether there is an edit to undo.
    pub can_undo: bool,
    /// Whether there is an undone edit to redo.
    pub can_redo: bool,
    /// What Undo takes back, shown on the button ("review delay 24 → 2 hours").
    #[prop_or_default]
    pub undo_label: Option<AttrValue>,
    /// What Redo does again.
    #[prop_or_default]
    pub redo_label: Option<AttrValue>,
    /// Undoes the last edit.
    pub on_undo: Callback<()>,
    /// Redoes the last undone edit.
    pub on_redo: Callback<()>,
    /// Loads an imported scenario, with the notice saying how the import went.
    pub on_import: Callback<(Scenario, Notice)>,
    /// Shows a notice (an import that failed, a link to copy by hand).
    pub on_notify: Callback<Notice>,
}

/// What an imported file's text becomes: a scenario, how many rule errors it has and the notice of a file
/// made under an older model, or why it was refused.
///
/// A file that parses but breaks rules is still loaded, so the designer can fix it next to the fields
/// (the Run button stays disabled until then); a file that does not parse changes nothing.
pub fn import_text(lang: Lang, text: &str) -> Result<(backfire_engine::Scenario, usize, Option<String>), String> {
    let read = wire::read_scenario(text).map_err(|e| e.message)?;
    let notice = read.notice_in(lang, "file");
    let errors = validate(&read.scenario)
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    Ok((read.scenario, errors, notice))
}

fn import_notice(lang: Lang, name: &str, errors: usize, model: Option<String>) -> Notice {
    let model = model
        .map(|m| format!(" {}", crate::share::model_notice(lang, &m).text))
        .unwrap_or_default();
    if errors == 0 {
        Notice::info(trf!(lang, "Imported `{name}`.{model}", "已导入 `{name}`。{model}"))
    } else {
        Notice::error(match lang {
            Lang::En => format!(
                "Imported `{name}`, but it has {errors} problem{} shown next to the fields; fix them to run.{model}",
                if errors == 1 { "" } else { "s" }
            ),
            Lang::Zh => format!("已导入 `{name}`，但有 {errors} 个问题显示在对应字段旁；修正后才能运行。{model}"),
        })
    }
}

/// Whether `scenario` differs from the preset it was loaded from (`false` when it did not come from a preset).
pub fn modified_from_preset(scenario: &Scenario, preset_id: Option<&str>) -> bool {
    preset_id
        .and_then(backfire_engine::presets::by_id)
        .is_some_and(|p| p.scenario != *scenario)
}

/// The header's name of the scenario on screen, with "modified" once it differs from its preset.
pub fn scenario_badge(lang: Lang, name: &str, modified: bool) -> Html {
    html! {
    <span class="scenario-badge" data-testid="header-scenario">
        <span class="scenario-badge-name" translate="no" title={name.to_string()}>{name.to_string()}</span>
        if modified { <span class="modified-mark" data-testid="header-modified">{tr!(lang, "modified", "已修改")}</span> }
    </span>    }
}

/// A history button's tooltip: what it does and its shortcut.
fn step_title(verb: &str, label: Option<&AttrValue>, keys: &str) -> String {
    match label {
        Some(l) => format!("{verb}: {l} ({keys})"),
        None => format!("{verb} ({keys})"),
    }
}

/// The toolbar.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let reader: share::ReaderSlot = use_mut_ref(|| None);
    let copied = use_state(|| false);
    let lang = use_lang();
    let on_undo = props.on_undo.reform(|_: MouseEvent| ());
    let on_redo = props.on_redo.reform(|_: MouseEvent| ());
    // Copy link and Copy embed code: the link's text (or the iframe around it) to the clipboard.
    let copy_with = |make: fn(&str, &str) -> String, what: &'static str, done: Option<UseStateHandle<bool>>| {
        let (lang, payload) = (lang, props.share_payload.clone());
        let on_notify = props.on_notify.clone();
        let name = props.scenario.name.clone();
        Callback::from(move |_: MouseEvent| {
            let payload = match &payload {
                Ok(p) => p,
                Err(reason) => return on_notify.emit(share::too_large_notice(lang, reason)),
            };
            let text = make(payload, &name);
            let (done, on_notify) = (done.clone(), on_notify.clone());
            match web_sys::window().map(|w| w.navigator().clipboard()) {
                Some(clipboard) => {
                    let promise = clipboard.write_text(&text);
                    wasm_bindgen_futures::spawn_local(async move {
                        match wasm_bindgen_futures::JsFuture::from(promise).await {
                            Ok(_) => match done {
                                Some(done) => done.set(true),
                                None => on_notify.emit(Notice::info(trf!(
                                    lang,
                                    "The {what} is on the clipboard.",
                                    "{what}已复制到剪贴板。"
                                ))),
                            },
                            Err(_) => on_notify.emit(Notice::info(trf!(
                                lang,
                                "The browser refused the clipboard; copy the {what} by hand: {text}",
                                "浏览器拒绝访问剪贴板；请手动复制{what}：{text}"
                            ))),
                        }
                    });
                }
                None => on_notify.emit(Notice::info(trf!(
                    lang,
                    "Copy the {what} by hand: {text}",
                    "请手动复制{what}：{text}"
                ))),
            }
        })
    };
    let on_copy = copy_with(
        |payload, _| share::share_url(payload),
        tr!(lang, "link", "链接"),
        Some(copied.clone()),
    );
    let on_embed = copy_with(share::embed_code, tr!(lang, "embed code", "嵌入代码"), None);
    let on_export = {
        let scenario = props.scenario.clone();
        Callback::from(move |_| {
            let name: String = scenario
                .name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let name = name.trim_matches('-').to_string();
            share::export_json(
                &scenario,
                &format!("{}.backfire.json", if name.is_empty() { "scenario" } else { &name }),
            );
        })
    };
    let on_import = {
        let (on_import, on_notify) = (props.on_import.clone(), props.on_notify.clone());
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let (on_import, on_notify) = (on_import.clone(), on_notify.clone());
            share::read_chosen_file(&e, IMPORT_LIMIT_BYTES, &reader, move |name, text| {
                match text.and_then(|t| import_text(lang, &t)) {
                    Ok((s, errors, model)) => on_import.emit((s, import_notice(lang, &name, errors, model))),
                    Err(raw) => {
                        let source = Source::ScenarioFile(&name);
                        on_notify.emit(problem::explain(lang, source, &raw).notice(lang, source));
                    }
                }
            });
        })
    };
    // The menu closes once an item is chosen (a `<details>` would otherwise stay open over the page).
    let menu = use_node_ref();
    let close_menu = {
        let menu = menu.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = menu.cast::<web_sys::Element>() {
                let _ = el.remove_attribute("open");
            }
        })
    };
    html! {
        <>
            <button class="btn undo-btn" data-testid="undo" aria-label={tr!(lang, "Undo", "撤销")} title={step_title(tr!(lang, "Undo", "撤销"), props.undo_label.as_ref(), "Ctrl+Z")} disabled={!props.can_undo} onclick={on_undo}>
                {"↶"}<span class="btn-word">{tr!(lang, " Undo", " 撤销")}</span>if let Some(l) = &props.undo_label { <span class="step-label" data-testid="undo-label">{format!(": {l}")}</span> }
            </button>
            <button class="btn undo-btn" data-testid="redo" aria-label={tr!(lang, "Redo", "重做")} title={step_title(tr!(lang, "Redo", "重做"), props.redo_label.as_ref(), "Ctrl+Shift+Z")} disabled={!props.can_redo} onclick={on_redo}>
                {"↷"}<span class="btn-word">{tr!(lang, " Redo", " 重做")}</span>if let Some(l) = &props.redo_label { <span class="step-label" data-testid="redo-label">{format!(": {l}")}</span> }
            </button>            <button class="btn" data-testid="copy-link" onclick={on_copy}
                title={if props.share_payload.is_ok() { tr!(lang, "Copy a link that opens this scenario", "复制可打开此场景的链接") } else { tr!(lang, "This scenario is too large for a link: export it as a file", "此场景太大，无法放进链接：请导出为文件") }}>
                { if *copied { tr!(lang, "Link copied ✓", "链接已复制 ✓") } else { tr!(lang, "Copy link", "复制链接") } }</button>
            <details class="menu" data-testid="more-menu" ref={menu}>
                <summary class="btn">{tr!(lang, "More", "更多")}</summary>
                <div class="menu-items" onclick={close_menu}>
                    <button class="btn" data-testid="export-json" onclick={on_export}>{tr!(lang, "Export JSON", "导出 JSON")}</button>
                    <button class="btn" data-testid="copy-embed" title={tr!(lang, "Copy an iframe that shows this run's verdict, cards and charts in a wiki or a slide", "复制一个 iframe，在 wiki 或幻灯片中显示本次运行的结论、卡片和图表")} onclick={on_embed}>{tr!(lang, "Copy embed code", "复制嵌入代码")}</button>
                    <label class="btn" for="import-json">{tr!(lang, "Import JSON", "导入 JSON")}</label>
                </div>
            </details>
            // Outside the menu, so an import still lands after the menu has closed.
            <input id="import-json" class="visually-hidden" type="file" aria-label={tr!(lang, "Import JSON", "导入 JSON")} accept=".json,application/json" data-testid="import-json" onchange={on_import} />
        </>
    }
}
