//! The library in the page: which piece of work is on screen (named or unsaved, and where it came from),
//! its state and reducer, the hook that keeps it in localStorage, and the panel to save as, rename,
//! duplicate, delete, reopen recent work, compare versions and export or import the library.

use crate::library::{self, ago, diff, preset_marker, remember, store, Change, Library, Origin, Recent};
use crate::locale::{tr, trf, use_lang, Lang};
use crate::problem::{self, Source};
use crate::share::{self, download};
use crate::state::Notice;
use backfire_engine::Scenario;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Largest library file accepted for import.
const LIBRARY_IMPORT_LIMIT_BYTES: u64 = 8 * 1024 * 1024;

/// The library and which piece of work is on screen.
#[derive(Clone, PartialEq, Debug)]
pub struct LibraryState {
    /// The named scenarios.
    pub library: Rc<Library>,
    /// Recent pieces of work, newest first (the autosave).
    pub recent: Rc<Vec<Recent>>,
    /// The recent slot the work on screen is kept in.
    pub slot: u64,
    /// The named scenario the work on screen is a version of, if any.
    pub entry: Option<u64>,
    /// Where the work on screen came from.
    pub origin: Origin,
    /// A message about the last library operation.
    pub message: Option<Notice>,
    /// Bumped when the library changes, so the storage effect writes it once per change.
    pub library_rev: u64,
    /// Bumped when the recent ring changes.
    pub recent_rev: u64,
    /// Whether the next edit may join the newest version's burst (not right after opening other work).
    pub coalesce: bool,
}

/// What can happen to the library.
#[derive(Debug)]
pub enum LibraryAction {
    /// New work is on screen (a preset, an import, a named scenario): it takes a slot of its own, so the
    /// work before it stays in the recent list.
    Started {
        /// Where it came from.
        origin: Origin,
        /// The named scenario it is, if opened from the library.
        entry: Option<u64>,
        /// Now, in ms.
        now_ms: u64,
    },
    /// Back to an earlier piece of work from the recent list.
    Resume(u64),
    /// The work on screen changed: it is kept in its slot, and as a version of its named scenario when
    /// it would run (it has no rule errors).
    Edited {
        /// The scenario on screen.
        scenario: Rc<Scenario>,
        /// Whether it has no rule errors.
        run_worthy: bool,
        /// Now, in ms.
        now_ms: u64,
    },
    /// Save the work on screen under a name, and keep its versions there from now on.
    SaveAs {
        /// The name typed.
        name: String,
        /// The scenario on screen.
        scenario: Rc<Scenario>,
        /// The preset it started from.
        preset_id: Option<String>,
        /// Now, in ms.
        now_ms: u64,
    },
    /// Rename a named scenario.
    Rename {
        /// Which.
        id: u64,
        /// The new name.
        name: String,
    },
    /// Copy a named scenario.
    Duplicate(u64),
    /// Delete a named scenario (the work on screen stays, unsaved).
    Delete(u64),
    /// Add an imported library's scenarios, or say why the file was refused.
    Imported(Result<Library, Notice>),
    /// Show a message (or clear it).
    Message(Option<Notice>),
}

impl LibraryState {
    /// The state on opening: the page continues the newest recent work that is the very scenario on
    /// screen (a reload, or the fragment the page wrote itself); anything else on screen (a shared link,
    /// a preset) is new unsaved work in a slot of its own.
    pub fn opening(library: Library, recent: Vec<Recent>, on_screen: &Scenario, from_link: bool, now_ms: u64) -> Self {
        let newest = recent.iter().find(|r| *r.scenario == *on_screen);
        let (slot, entry, origin) = match newest {
            Some(r) => (r.slot, r.entry.filter(|id| library.get(*id).is_some()), r.origin),
            None => (
                fresh_slot(&recent, now_ms),
                None,
                if from_link { Origin::Link } else { Origin::Autosave },
            ),
        };
        Self {
            library: Rc::new(library),
            recent: Rc::new(recent),
            slot,
            entry,
            origin,
            message: None,
            library_rev: 0,
            recent_rev: 0,
            coalesce: false,
        }
    }

    /// The named scenario on screen, if any.
    pub fn current(&self) -> Option<&library::Saved> {
        self.entry.and_then(|id| self.library.get(id))
    }
}

/// A slot id no recent work uses.
fn fresh_slot(recent: &[Recent], now_ms: u64) -> u64 {
    recent.iter().map(|r| r.slot + 1).max().unwrap_or(0).max(now_ms)
}

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let mut library_changed = false;
        match action {
            LibraryAction::Started { origin, entry, now_ms } => {
                next.slot = fresh_slot(&next.recent, now_ms);
                next.entry = entry;
                next.origin = origin;
                next.message = None;
                next.coalesce = false;
            }
            LibraryAction::Resume(slot) => {
                if let Some(r) = next.recent.iter().find(|r| r.slot == slot) {
                    next.entry = r.entry.filter(|id| next.library.get(*id).is_some());
                    next.origin = r.origin;
                    next.slot = slot;
                }
            }
            LibraryAction::Edited {
                scenario,
                run_worthy,
                now_ms,
            } => {
                let mut recent = (*next.recent).clone();
                remember(
                    &mut recent,
                    next.slot,
                    next.entry,
                    next.origin,
                    scenario.clone(),
                    now_ms,
                );
                next.recent = Rc::new(recent);
                next.recent_rev += 1;
                if let (Some(id), true) = (next.entry, run_worthy) {
                    let mut library = (*next.library).clone();
                    if library.record(id, scenario, now_ms, next.coalesce) {
                        next.library = Rc::new(library);
                        library_changed = true;
                    }
                    next.coalesce = true;
                }
            }
            LibraryAction::SaveAs {
                name,
                scenario,
                preset_id,
                now_ms,
            } => {
                let mut library = (*next.library).clone();
                match library.save_as(&name, scenario, preset_id, now_ms) {
                    Ok(id) => {
                        next.message = library.get(id).map(|s| Notice::info(format!("Saved as `{}`.", s.name)));
                        next.entry = Some(id);
                        next.origin = Origin::Library;
                        next.coalesce = false;
                        next.library = Rc::new(library);
                        library_changed = true;
                    }
                    Err(e) => next.message = Some(Notice::error(capitalised(&e.message))),
                }
            }
            LibraryAction::Rename { id, name } => {
                let mut library = (*next.library).clone();
                match library.rename(id, &name) {
                    Ok(()) => {
                        next.library = Rc::new(library);
                        next.message = None;
                        library_changed = true;
                    }
                    Err(e) => next.message = Some(Notice::error(capitalised(&e.message))),
                }
            }
            LibraryAction::Duplicate(id) => {
                let mut library = (*next.library).clone();
                match library.duplicate(id) {
                    Ok(copy) => {
                        next.message = library
                            .get(copy)
                            .map(|s| Notice::info(format!("Copied as `{}`.", s.name)));
                        next.library = Rc::new(library);
                        library_changed = true;
                    }
                    Err(e) => next.message = Some(Notice::error(capitalised(&e.message))),
                }
            }
            LibraryAction::Delete(id) => {
                let mut library = (*next.library).clone();
                let name = library.get(id).map(|s| s.name.clone()).unwrap_or_default();
                if library.delete(id) {
                    if next.entry == Some(id) {
                        // The work on screen stays, now unsaved; its recent slot still holds it.
                        next.entry = None;
                    }
                    next.message = Some(Notice::info(format!("Deleted `{name}`.")));
                    next.library = Rc::new(library);
                    library_changed = true;
                }
            }
            LibraryAction::Imported(Ok(incoming)) => {
                let mut library = (*next.library).clone();
                let (added, skipped) = library.merge(incoming);
                next.message = Some(Notice::info(format!(
                    "Imported {added} scenario{}{}.",
                    if added == 1 { "" } else { "s" },
                    if skipped > 0 {
                        format!(" ({skipped} already in the library)")
                    } else {
                        String::new()
                    }
                )));
                next.library = Rc::new(library);
                library_changed = added > 0;
            }
            LibraryAction::Imported(Err(notice)) => next.message = Some(notice),
            LibraryAction::Message(message) => next.message = message,
        }
        if library_changed {
            next.library_rev += 1;
        }
        Rc::new(next)
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => format!("{}{}.", c.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// The library's state for the page: read from localStorage on opening, kept in its slot on every change
/// of the scenario (`revision`), and written back once per change of the library or the recent list.
#[hook]
pub fn use_library(scenario: Rc<Scenario>, revision: u64, run_worthy: bool) -> UseReducerHandle<LibraryState> {
    let handle = use_reducer({
        let scenario = scenario.clone();
        move || {
            let from_link = crate::share::current_fragment().is_some();
            LibraryState::opening(
                store::load_library(),
                store::load_recent(),
                &scenario,
                from_link,
                now_ms(),
            )
        }
    });
    {
        let dispatch = handle.dispatcher();
        use_effect_with(revision, move |_| {
            dispatch.dispatch(LibraryAction::Edited {
                scenario,
                run_worthy,
                now_ms: now_ms(),
            });
        });
    }
    {
        let (library, dispatch) = (handle.library.clone(), handle.dispatcher());
        use_effect_with(handle.library_rev, move |rev| {
            // The stored library is only ever replaced by a newer one: the first render writes nothing.
            if *rev > 0 {
                if let Err(message) = store::save_library(&library) {
                    dispatch.dispatch(LibraryAction::Message(Some(Notice::error(capitalised(&message)))));
                }
            }
        });
    }
    {
        let recent = handle.recent.clone();
        use_effect_with(handle.recent_rev, move |rev| {
            if *rev > 0 {
                store::save_recent(&recent);
            }
        });
    }
    handle
}

/// Props of [`LibraryPanel`].
#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    /// The library's state (from [`use_library`]).
    pub library: UseReducerHandle<LibraryState>,
    /// The scenario on screen.
    pub scenario: Rc<Scenario>,
    /// The preset it started from, if any.
    pub preset_id: Option<String>,
    /// Puts a scenario on screen (a named one, a version, recent work), with its preset.
    pub on_open: Callback<(Scenario, Option<String>)>,
}

/// The header's library button (with the name of the work on screen) and the library dialog.
#[function_component]
pub fn LibraryPanel(props: &LibraryPanelProps) -> Html {
    let open = use_state(|| false);
    let lang = use_lang();
    let lib = &props.library;
    let marker = preset_marker(lang, &props.scenario, props.preset_id.as_deref());
    let (status, saved_name) = match lib.current() {
        Some(saved) => (saved.name.clone(), true),
        None => {
            let origin = lib.origin.words_in(lang);
            (trf!(lang, "Unsaved · {origin}", "未保存 · {origin}"), false)
        }
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    html! {
        <>
            <button class="btn library-status" data-testid="library-button" aria-haspopup="dialog" aria-expanded={open.to_string()} onclick={toggle}
                title={ { let marked = marker.as_ref().map(|m| trf!(lang, " ({m})", "（{m}）")).unwrap_or_default(); trf!(lang, "Library: {status}{marked}", "场景库：{status}{marked}") } }>
                <span class="library-status-name" data-testid="workspace-name" translate={saved_name.then_some("no")}>{status}</span>
                if marker.is_some() {
                    <span class="library-marker" data-testid="preset-marker" aria-hidden="true">{"•"}</span>
                    <span class="visually-hidden">{tr!(lang, " (modified from preset)", "（在预设基础上修改）")}</span>
                }
            </button>
            if *open {
                <LibraryDialog library={lib.clone()} scenario={props.scenario.clone()} preset_id={props.preset_id.clone()} on_open={props.on_open.clone()}
                    {marker} on_close={close} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DialogProps {
    library: UseReducerHandle<LibraryState>,
    scenario: Rc<Scenario>,
    preset_id: Option<String>,
    marker: Option<String>,
    on_open: Callback<(Scenario, Option<String>)>,
    on_close: Callback<()>,
}

/// Where a side of the diff comes from: the screen, or version `idx` of named scenario `id`.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    Screen,
    Version(u64, usize),
}

impl Side {
    fn value(self) -> String {
        match self {
            Side::Screen => String::from("screen"),
            Side::Version(id, idx) => format!("{id}:{idx}"),
        }
    }

    fn parse(text: &str) -> Side {
        text.split_once(':')
            .and_then(|(id, idx)| Some(Side::Version(id.parse().ok()?, idx.parse().ok()?)))
            .unwrap_or(Side::Screen)
    }

    fn scenario(self, library: &Library, screen: &Rc<Scenario>) -> Option<Rc<Scenario>> {
        match self {
            Side::Screen => Some(screen.clone()),
            Side::Version(id, idx) => library.get(id)?.versions.get(idx).map(|v| v.scenario.clone()),
        }
    }
}

#[function_component]
fn LibraryDialog(props: &DialogProps) -> Html {
    let lang = use_lang();
    let lib = &props.library;
    let now = now_ms();
    let name = use_state(|| {
        props
            .scenario
            .name
            .chars()
            .take(library::NAME_MAX_CHARS)
            .collect::<String>()
    });
    let renaming = use_state(|| None::<(u64, String)>);
    let deleting = use_state(|| None::<u64>);
    let reader: share::ReaderSlot = use_mut_ref(|| None);
    // The diff starts at the newest version that differs from what is on screen (the one before the
    // newest when the newest is what is on screen), against what is on screen.
    let side_a = use_state(|| {
        lib.current()
            .map(|s| {
                let n = s.versions.len();
                let newest_on_screen = s.latest().is_some_and(|v| *v.scenario == *props.scenario);
                Side::Version(s.id, n.saturating_sub(if newest_on_screen && n > 1 { 2 } else { 1 }))
            })
            .unwrap_or(Side::Screen)
    });
    let side_b = use_state(|| Side::Screen);
    // Focus moves into the dialog when it opens, so Escape and Tab work at once.
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(el) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let save_as = {
        let (lib, name, scenario, preset) = (
            lib.clone(),
            name.clone(),
            props.scenario.clone(),
            props.preset_id.clone(),
        );
        move || {
            lib.dispatch(LibraryAction::SaveAs {
                name: (*name).clone(),
                scenario: scenario.clone(),
                preset_id: preset.clone(),
                now_ms: now_ms(),
            })
        }
    };
    let on_save_submit = {
        let save_as = save_as.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save_as();
        })
    };
    // Opening a version continues its named scenario: the next edit keeps it as the newest version.
    let open_version = |id: u64, idx: usize| {
        let (lib, on_open, on_close) = (lib.clone(), props.on_open.clone(), props.on_close.clone());
        let saved = lib.library.get(id);
        let preset = saved.and_then(|s| s.preset_id.clone());
        let scenario = saved.and_then(|s| s.versions.get(idx)).map(|v| v.scenario.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = &scenario {
                lib.dispatch(LibraryAction::Started {
                    origin: Origin::Library,
                    entry: Some(id),
                    now_ms: now_ms(),
                });
                on_open.emit(((**s).clone(), preset.clone()));
                on_close.emit(());
            }
        })
    };
    // Opening a saved scenario is opening its newest version.
    let open_saved = |saved: &library::Saved| open_version(saved.id, saved.versions.len().saturating_sub(1));
    let on_export = {
        let library = lib.library.clone();
        Callback::from(move |_: MouseEvent| download("backfire-library.json", "application/json", &library.to_file()))
    };
    let on_import = {
        let (lib, reader) = (lib.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let lib = lib.clone();
            share::read_chosen_file(&e, LIBRARY_IMPORT_LIMIT_BYTES, &reader, move |name, text| {
                let read = text.and_then(|text| Library::from_file(&text).map_err(|e| e.message));
                lib.dispatch(LibraryAction::Imported(read.map_err(|raw| {
                    let source = Source::LibraryFile(&name);
                    problem::explain(lang, source, &raw).notice(lang, source)
                })));
            });
        })
    };
    let on_keydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };

    let saved_rows = lib.library.scenarios.iter().map(|saved| {
        let id = saved.id;
        let current = lib.entry == Some(id);
        let when = saved.latest().map(|v| ago(lang, v.saved_at_ms, now)).unwrap_or_default();
        let name_cell = match &*renaming {
            Some((rid, text)) if *rid == id => {
                let on_input = {
                    let renaming = renaming.clone();
                    Callback::from(move |e: InputEvent| {
                        renaming.set(Some((id, e.target_unchecked_into::<HtmlInputElement>().value())))
                    })
                };
                let on_submit = {
                    let (lib, renaming, text) = (lib.clone(), renaming.clone(), text.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let ok = lib.library.check_name(&text, Some(id)).is_ok();
                        lib.dispatch(LibraryAction::Rename { id, name: text.clone() });
                        if ok {
                            renaming.set(None);
                        }
                    })
                };
                html! {
                    <form class="library-rename" onsubmit={on_submit}>
                        <label class="visually-hidden" for={format!("rename-{id}")}>{tr!(lang, "New name", "新名称")}</label>
                        <input id={format!("rename-{id}")} type="text" data-testid="library-rename-input" value={text.clone()} oninput={on_input} />
                        <button class="btn" type="submit" data-testid="library-rename-save">{tr!(lang, "Save name", "保存名称")}</button>
                    </form>
                }
            }
            _ => html! {
                <span class="library-name" title={saved.name.clone()}>
                    {saved.name.clone()}
                    if current { <span class="library-current">{tr!(lang, " (on screen)", "（屏幕上的）")}</span> }
                </span>
            },
        };
        let on_rename = {
            let (renaming, name) = (renaming.clone(), saved.name.clone());
            Callback::from(move |_: MouseEvent| renaming.set(Some((id, name.clone()))))
        };
        let on_duplicate = {
            let lib = lib.clone();
            Callback::from(move |_: MouseEvent| lib.dispatch(LibraryAction::Duplicate(id)))
        };
        let confirming = *deleting == Some(id);
        let on_delete = {
            let (lib, deleting) = (lib.clone(), deleting.clone());
            Callback::from(move |_: MouseEvent| {
                if confirming {
                    lib.dispatch(LibraryAction::Delete(id));
                    deleting.set(None);
                } else {
                    deleting.set(Some(id));
                }
            })
        };
        html! {
            <li class="library-item" data-testid="library-item" data-name={saved.name.clone()}>
                {name_cell}
                <span class="muted library-meta">{ match lang {
                    Lang::En => format!("{} version{} · {when}", saved.versions.len(), if saved.versions.len() == 1 { "" } else { "s" }),
                    Lang::Zh => format!("{} 个版本 · {when}", saved.versions.len()),
                } }</span>
                <span class="library-actions">
                    <button class="btn" data-testid="library-item-open" onclick={open_saved(saved)}>{tr!(lang, "Open", "打开")}</button>
                    <button class="btn" data-testid="library-item-rename" onclick={on_rename}>{tr!(lang, "Rename", "重命名")}</button>
                    <button class="btn" data-testid="library-item-duplicate" onclick={on_duplicate}>{tr!(lang, "Duplicate", "复制")}</button>
                    <button class={classes!("btn", confirming.then_some("danger"))} data-testid="library-item-delete" onclick={on_delete}>
                        { if confirming { tr!(lang, "Confirm delete", "确认删除") } else { tr!(lang, "Delete", "删除") } }</button>
                </span>
            </li>
        }
    });

    let recent_rows = lib.recent.iter().filter(|r| r.slot != lib.slot).map(|r| {
        let slot = r.slot;
        let on_resume = {
            let (lib, on_open, on_close) = (lib.clone(), props.on_open.clone(), props.on_close.clone());
            let scenario = r.scenario.clone();
            Callback::from(move |_: MouseEvent| {
                lib.dispatch(LibraryAction::Resume(slot));
                on_open.emit(((*scenario).clone(), None));
                on_close.emit(());
            })
        };
        let belongs = r.entry.and_then(|id| lib.library.get(id)).map(|s| { let name = &s.name; trf!(lang, " · of `{name}`", " · 属于 `{name}`") }).unwrap_or_default();
        html! {
            <li class="library-item" data-testid="recent-item">
                <span class="library-name" title={r.scenario.name.clone()}>{r.scenario.name.clone()}</span>
                <span class="muted library-meta">{format!("{}{belongs} · {}", r.origin.words_in(lang), ago(lang, r.saved_at_ms, now))}</span>
                <span class="library-actions"><button class="btn" data-testid="recent-item-open" onclick={on_resume}>{tr!(lang, "Open", "打开")}</button></span>
            </li>
        }
    });

    let side_select = |id: &'static str, label: &'static str, side: &UseStateHandle<Side>| {
        let onchange = {
            let side = side.clone();
            Callback::from(move |e: Event| {
                side.set(Side::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()))
            })
        };
        let selected = **side;
        html! {
            <label class="library-diff-side">{label}
                <select data-testid={id} {onchange}>
                    <option value="screen" selected={selected == Side::Screen}>{tr!(lang, "What is on screen", "屏幕上的内容")}</option>
                    { for lib.library.scenarios.iter().map(|s| html! {
                        <optgroup label={s.name.clone()}>
                            { for s.versions.iter().enumerate().rev().map(|(idx, v)| {
                                let value = Side::Version(s.id, idx);
                                html! { <option value={value.value()} selected={selected == value}>{ { let (name, n, when) = (&s.name, idx + 1, ago(lang, v.saved_at_ms, now)); trf!(lang, "{name} · version {n} · {when}", "{name} · 第 {n} 版 · {when}") } }</option> }
                            }) }
                        </optgroup>
                    }) }
                </select>
            </label>
        }
    };
    let changes: Option<(Vec<Change>, Vec<String>)> = match (
        side_a.scenario(&lib.library, &props.scenario),
        side_b.scenario(&lib.library, &props.scenario),
    ) {
        (Some(a), Some(b)) => {
            let mut names = crate::components::rule_label::scenario_names(&a);
            names.extend(crate::components::rule_label::scenario_names(&b));
            Some((diff(lang, &a, &b), names))
        }
        _ => None,
    };

    html! {
        <div class="library-backdrop" onkeydown={on_keydown}>
            <div class="library-dialog" role="dialog" aria-modal="true" aria-labelledby="library-title" data-testid="library-dialog">
                <div class="library-head">
                    <h2 id="library-title">{tr!(lang, "Scenario library", "场景库")}</h2>
                    <button class="btn" data-testid="library-close" ref={close_ref} onclick={props.on_close.reform(|_| ())}>{tr!(lang, "Close", "关闭")}</button>
                </div>
                <p class="library-on-screen" data-testid="library-on-screen">
                    { match lib.current() {
                        Some(s) => { let name = &s.name; trf!(lang, "On screen: `{name}`, kept as a new version on every edit that would run.", "屏幕上：`{name}`，每次可运行的编辑都保存为新版本。") }
                        None => { let origin = lib.origin.words_in(lang); trf!(lang, "On screen: unsaved work ({origin}). It is kept in Recent work below; save it to keep versions.", "屏幕上：未保存的工作（{origin}）。它保留在下方的“最近的工作”中；保存后才会保留版本。") }
                    } }
                    if let Some(m) = &props.marker { <span class="library-marker-text" data-testid="preset-marker-text">{trf!(lang, " It is {m}.", "它是{m}。")}</span> }
                </p>
                if let Some(m) = &lib.message {
                    <div class={classes!("library-message", m.kind)} role={if m.kind == "error" { "alert" } else { "status" }} data-testid="library-message">
                        <p>{m.text.clone()}</p>{problem::detail_view(lang, m.detail.as_deref())}
                    </div>
                }
                <form class="library-save" onsubmit={on_save_submit}>
                    <label for="library-name">{tr!(lang, "Save what is on screen as", "将屏幕上的内容另存为")}</label>
                    <input id="library-name" type="text" data-testid="library-name" value={(*name).clone()} oninput={on_name} />
                    <button class="btn primary" type="submit" data-testid="library-save-as">{tr!(lang, "Save as", "另存为")}</button>
                </form>
                <section aria-labelledby="library-saved-title">
                    <h3 id="library-saved-title">{ { let n = lib.library.scenarios.len(); trf!(lang, "Saved scenarios ({n})", "已保存的场景（{n}）") } }</h3>
                    if lib.library.scenarios.is_empty() {
                        <p class="muted">{tr!(lang, "Nothing saved yet in this browser.", "此浏览器中尚未保存任何内容。")}</p>
                    } else {
                        <ul class="library-list" data-testid="library-list">{ for saved_rows }</ul>
                    }
                </section>
                <section aria-labelledby="library-recent-title">
                    <h3 id="library-recent-title">{tr!(lang, "Recent work", "最近的工作")}</h3>
                    <p class="muted">{ { let n = library::RECENT_MAX; trf!(lang, "The last {n} pieces of work are kept here, whatever you open next.", "无论接下来打开什么，最近的 {n} 份工作都保留在这里。") } }</p>
                    if lib.recent.iter().all(|r| r.slot == lib.slot) {
                        <p class="muted">{tr!(lang, "Nothing else yet: what you open next (a link, a preset, a file) starts new work, and this stays here.", "暂无其他：接下来打开的内容（链接、预设、文件）会开始新的工作，这份会留在这里。")}</p>
                    }
                    <ul class="library-list" data-testid="recent-list">{ for recent_rows }</ul>
                </section>
                <section aria-labelledby="library-diff-title" class="library-diff">
                    <h3 id="library-diff-title">{tr!(lang, "What changed", "改了什么")}</h3>
                    <div class="library-diff-sides">
                        {side_select("diff-a", tr!(lang, "From", "从"), &side_a)}
                        {side_select("diff-b", tr!(lang, "To", "到"), &side_b)}
                    </div>
                    if let Side::Version(id, idx) = *side_a {
                        <button class="btn" data-testid="diff-open-a" onclick={open_version(id, idx)}>{tr!(lang, "Open the “From” version", "打开“从”的版本")}</button>
                    }
                    { match changes {
                        None => html! { <p class="muted">{tr!(lang, "That version is no longer kept.", "该版本已不再保留。")}</p> },
                        Some((c, _)) if c.is_empty() => html! { <p class="muted" data-testid="diff-none">{tr!(lang, "No differences.", "没有差别。")}</p> },
                        Some((c, names)) => {
                            let names: Vec<&str> = names.iter().map(String::as_str).collect();
                            html! { <ul class="library-diff-lines" data-testid="diff-lines">{ for c.iter().map(|ch| html! { <li>{crate::components::rule_label::names_marked(&ch.words(lang), &names)}</li> }) }</ul> }
                        }
                    } }
                </section>
                <section class="library-files" aria-label={tr!(lang, "library file", "场景库文件")}>
                    <button class="btn" data-testid="library-export" onclick={on_export}>{tr!(lang, "Export library", "导出场景库")}</button>
                    <label class="btn" for="library-import">{tr!(lang, "Import library", "导入场景库")}</label>
                    <input id="library-import" class="visually-hidden" type="file" accept=".json,application/json" data-testid="library-import" onchange={on_import} />
                </section>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(recent: Vec<Recent>, on_screen: &Scenario, from_link: bool) -> Rc<LibraryState> {
        Rc::new(LibraryState::opening(
            Library::default(),
            recent,
            on_screen,
            from_link,
            1000,
        ))
    }

    #[test]
    fn a_link_opens_as_new_work_and_keeps_the_earlier_work() {
        let mine = Rc::new(Scenario {
            name: "mine".into(),
            ..Scenario::default()
        });
        let s0 = state(Vec::new(), &mine, false);
        let s1 = s0.clone().reduce(LibraryAction::SaveAs {
            name: "Mine".into(),
            scenario: mine.clone(),
            preset_id: None,
            now_ms: 1,
        });
        let mut edited = (*mine).clone();
        edited.days = 3;
        let s2 = s1.clone().reduce(LibraryAction::Edited {
            scenario: Rc::new(edited.clone()),
            run_worthy: false,
            now_ms: 5000,
        });
        assert_eq!(
            s2.current().map(|s| s.versions.len()),
            Some(1),
            "an edit that would not run is no version"
        );
        // The page reloads with a link to other work.
        let link = Scenario {
            name: "shared".into(),
            ..Scenario::default()
        };
        let s3 = Rc::new(LibraryState::opening(
            (*s2.library).clone(),
            (*s2.recent).clone(),
            &link,
            true,
            9000,
        ));
        assert_eq!((s3.entry, s3.origin), (None, Origin::Link));
        let s4 = s3.clone().reduce(LibraryAction::Edited {
            scenario: Rc::new(link),
            run_worthy: true,
            now_ms: 9001,
        });
        assert_eq!(s4.recent.len(), 2);
        assert_eq!(*s4.recent[1].scenario, edited, "the unsaved edits survive the link");
        assert_eq!(s4.library, s2.library, "the library is untouched");
        // A reload of the page showing the link's work continues it.
        let s5 = Rc::new(LibraryState::opening(
            (*s4.library).clone(),
            (*s4.recent).clone(),
            &s4.recent[0].scenario,
            true,
            9999,
        ));
        assert_eq!(s5.slot, s4.slot);
    }

    #[test]
    fn run_worthy_edits_of_named_work_become_versions() {
        let s = Rc::new(Scenario::default());
        let s0 = state(Vec::new(), &s, false).reduce(LibraryAction::SaveAs {
            name: "Plan".into(),
            scenario: s.clone(),
            preset_id: None,
            now_ms: 1,
        });
        let mut next = (*s).clone();
        next.days = 3;
        let s1 = s0.clone().reduce(LibraryAction::Edited {
            scenario: Rc::new(next),
            run_worthy: true,
            now_ms: 100_000,
        });
        assert_eq!(s1.current().map(|s| s.versions.len()), Some(2));
        assert!(s1.library_rev > s0.library_rev);
        let dup = s1.clone().reduce(LibraryAction::SaveAs {
            name: "plan".into(),
            scenario: s,
            preset_id: None,
            now_ms: 2,
        });
        assert_eq!(dup.message.as_ref().map(|m| m.kind), Some("error"));
        assert_eq!(dup.library, s1.library);
    }
}
