//! Keeping and sharing work: the scenario in the URL fragment, opening autosaved work, and JSON files.

use crate::problem::{self, Source};
use crate::state::{AppState, Notice};
use backfire_engine::{link, presets, wire, Scenario};
use gloo::file::callbacks::FileReader;
use gloo::storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::TargetCast;

/// The page's fragment without the `#`, if any.
pub fn current_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    (!hash.is_empty()).then_some(hash)
}

/// What the fragment holds on load.
pub enum Opened {
    /// No fragment: start from autosave or the default preset.
    Nothing,
    /// A scenario decoded from a share link, with the pinned baseline and seeds of a comparison link, and
    /// the notice to show when the link was made under an older model.
    Scenario(Box<Scenario>, Option<(Box<Scenario>, u32)>, Option<String>),
    /// A fragment that is not a valid link, with the reason.
    Broken(String),
}

/// Reads the scenario from the page's fragment.
pub fn open_fragment() -> Opened {
    match current_fragment() {
        None => Opened::Nothing,
        // `#lang=zh` alone (or any of the parts that say how to show the rules) holds no rules: it opens the
        // saved work, as no fragment does, rather than a notice that the link is broken.
        Some(fragment) if only_view_parts(&fragment) => Opened::Nothing,
        Some(fragment) => match (link::decode_with_notice(&fragment), link::decode_baseline(&fragment)) {
            (Ok(read), Ok(baseline)) => {
                let notice = read.notice_in(crate::locale::opening_lang(), "link");
                Opened::Scenario(
                    Box::new(read.scenario),
                    baseline.map(|(b, runs)| (Box::new(b), runs)),
                    notice,
                )
            }
            (Err(e), _) | (_, Err(e)) => Opened::Broken(e.message),
        },
    }
}

/// Whether a fragment holds only parts that say how to show the rules (language, embed, slide, sweep, search),
/// and no rules of its own.
fn only_view_parts(fragment: &str) -> bool {
    const VIEW_PARTS: [&str; 5] = ["lang", "embed", "present", "sweep", "search"];
    fragment
        .split('&')
        .all(|part| VIEW_PARTS.contains(&part.split_once('=').map_or(part, |(key, _)| key)))
}

/// The preset shown to someone who opens the app with nothing saved.
pub const DEFAULT_PRESET: &str = "alipay-circles-2016";

/// The state the page opens with: the link in the URL, else the autosaved work, else the default preset.
///
/// A link that cannot be opened falls back the same way, with a notice saying why.
pub fn opening_state() -> AppState {
    let fallback = || {
        autosaved().map(|s| (s, None)).unwrap_or_else(|| {
            let p = presets::by_id(DEFAULT_PRESET).or_else(|| presets::all().into_iter().next());
            match p {
                Some(p) => (p.scenario, Some(p.id.to_string())),
                None => (Scenario::default(), None),
            }
        })
    };
    let lang = crate::locale::opening_lang();
    match open_fragment() {
        Opened::Scenario(s, None, notice) => AppState::new(*s, None, notice.map(|n| model_notice(lang, &n))),
        Opened::Scenario(s, Some((baseline, runs)), notice) => AppState {
            baseline: Some(Rc::new(*baseline)),
            runs,
            ..AppState::new(*s, None, notice.map(|n| model_notice(lang, &n)))
        },
        Opened::Nothing => {
            let (s, id) = fallback();
            AppState::new(s, id, None)
        }
        Opened::Broken(reason) => {
            let (s, id) = fallback();
            let notice = problem::explain(lang, Source::Link, &reason).notice(lang, Source::Link);
            AppState::new(s, id, Some(notice))
        }
    }
}

/// The engine's notice for a link made under an older model, as a sentence on the page in `lang`: "This
/// link was made under model 1; its numbers now come from model 2."
pub fn model_notice(lang: crate::locale::Lang, text: &str) -> Notice {
    let mut chars = text.chars();
    let sentence: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Notice::info(crate::locale::trf!(lang, "{sentence}.", "{sentence}。"))
}

/// The link payload of what is on screen, or why no link of it would open (shared, computed once per change).
pub type Payload = Result<Rc<str>, Rc<str>>;

/// The link payload: the scenario alone, or a comparison when a baseline is pinned; refused, with the
/// reason, when the link would not open (see [`link::encode`]).
pub fn payload(scenario: &Scenario, baseline: Option<&Scenario>, runs: u32) -> Payload {
    let encoded = match baseline {
        Some(b) => link::encode_comparison(b, scenario, runs),
        None => link::encode(scenario),
    };
    encoded.map(Rc::from).map_err(|e| Rc::from(e.message))
}

/// What Copy link says when the scenario cannot travel as a link.
pub fn too_large_notice(lang: crate::locale::Lang, reason: &str) -> Notice {
    Notice::error(crate::locale::trf!(
        lang,
        "This scenario is too large for a link: export it as a file ({reason}).",
        "此场景太大，无法放进链接：请导出为文件（{reason}）。"
    ))
}

/// Keeps the fragment in step with what is on screen: the link when there is one; otherwise no fragment
/// at all, so a reload opens the autosaved work rather than an older link or one that cannot open.
pub fn sync_fragment(payload: &Payload) {
    match payload {
        Ok(p) => write_fragment(p),
        Err(_) => write_fragment(""),
    }
}

/// Replaces the fragment with the link (an empty payload drops the fragment), without adding a history entry.
pub fn write_fragment(payload: &str) {
    let Some(window) = web_sys::window() else { return };
    if payload.is_empty() {
        if window.location().hash().ok().is_some_and(|h| !h.is_empty()) {
            let url = window.location().href().ok().unwrap_or_default();
            let bare = url.split('#').next().unwrap_or_default().to_string();
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare));
            }
        }
        return;
    }
    let fragment = format!("#{payload}");
    if window.location().hash().ok().as_deref() == Some(fragment.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
    }
}

/// The full share URL for a link payload (page URL without its fragment, plus the payload).
pub fn share_url(payload: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}#{payload}")
}

/// Whether the page was opened as an embed (`#…&embed=1`): the verdict, cards and charts without the editor
/// and the header, for an iframe in a wiki or a slide.
pub fn embed_requested() -> bool {
    current_fragment().is_some_and(|f| f.split('&').any(|part| part == "embed=1"))
}

/// The language a link asks for (`&lang=zh`), if any.
pub fn lang_requested() -> Option<crate::locale::Lang> {
    current_fragment()?
        .split('&')
        .find_map(|part| part.strip_prefix("lang="))
        .and_then(crate::locale::Lang::from_id)
}

/// The link payload with the page's language: Chinese is written (`&lang=zh`); English, the default, is not,
/// so an English link opens in its reader's language.
pub fn with_lang(payload: &str, lang: crate::locale::Lang) -> String {
    match lang {
        crate::locale::Lang::En => payload.to_string(),
        crate::locale::Lang::Zh => format!("{payload}&lang=zh"),
    }
}

/// The HTML that embeds this link's results in another page.
pub fn embed_code(payload: &str, name: &str) -> String {
    let title = name.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{}&embed=1\" title=\"Backfire: {title}\" width=\"100%\" height=\"900\" style=\"border:0\" loading=\"lazy\"></iframe>",
        share_url(payload).replace('"', "%22")
    )
}

/// The newest autosaved work (see [`crate::library::store`]: the recent ring, else the single slot of
/// earlier builds), if any still decodes.
///
/// Nothing here writes the autosave: the library keeps each piece of work in a slot of its own, so a
/// link opened later is new work beside this one and never overwrites it.
pub fn autosaved() -> Option<Scenario> {
    if let Some(r) = crate::library::store::load_recent().into_iter().next() {
        return Some((*r.scenario).clone());
    }
    let text: String = LocalStorage::get(crate::library::store::OLD_AUTOSAVE_KEY).ok()?;
    wire::scenario_from_json(&text).ok()
}

/// Offers the scenario as a downloaded JSON file.
pub fn export_json(scenario: &Scenario, file_name: &str) {
    download(file_name, "application/json", &wire::scenario_to_json(scenario));
}

/// Offers `content` as a downloaded file.
pub fn download(file_name: &str, mime: &str, content: &str) {
    let blob = gloo::file::Blob::new_with_options(content, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(anchor) = document.create_element("a") else {
        return;
    };
    let _ = anchor.set_attribute("href", &url);
    let _ = anchor.set_attribute("download", file_name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&anchor) {
            el.click();
        }
        let _ = body.remove_child(&anchor);
    }
    // Revoke the object URL a little later: revoking at once can abort the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
}

/// Largest JSON file accepted for import, so a wrong file cannot freeze the page.
pub const IMPORT_LIMIT_BYTES: u64 = 1024 * 1024;

/// Where a file reader is kept while it reads (dropping it cancels the read).
pub type ReaderSlot = Rc<RefCell<Option<FileReader>>>;

/// Opens the file chosen in a file input (the scenario's Import JSON and the library's Import library share
/// it): clears the input, so the same file can be chosen again; refuses a file over `limit_bytes` before
/// reading it, so a wrong file cannot freeze the page; and hands `done` the file's name and its text, or
/// why it could not be read (the raw reason, for [`crate::problem::explain`]).
pub fn read_chosen_file(
    e: &yew::Event,
    limit_bytes: u64,
    reader: &ReaderSlot,
    done: impl FnOnce(String, Result<String, String>) + 'static,
) {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let file = gloo::file::File::from(file);
    let name = file.name();
    if file.size() > limit_bytes {
        let why = format!(
            "it is {} KB; a file of this kind is at most {} KB",
            file.size() / 1024,
            limit_bytes / 1024
        );
        return done(name, Err(why));
    }
    let task = gloo::file::callbacks::read_as_text(&file, move |result| {
        done(name, result.map_err(|e| format!("the browser could not read it ({e})")));
    });
    *reader.borrow_mut() = Some(task);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_of_view_parts_alone_holds_no_rules() {
        assert!(only_view_parts("lang=zh"));
        assert!(only_view_parts("lang=zh&embed=1"));
        assert!(!only_view_parts("s=1.abc&lang=zh"));
        assert!(!only_view_parts("garbage"));
        assert!(!only_view_parts("lang=zh&x=1"));
    }
}
