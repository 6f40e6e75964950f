//! The scenario library: named scenarios and their versions, the ring of recent unsaved work, the diff
//! of two scenarios in words, and the one-file export. Plain data and pure functions; the only browser
//! code is the last section (localStorage through gloo), so everything else is tested natively.
//!
//! Scenarios are kept as share-link payloads (`s=1.…`, about 1 KB): the format `engine/tests/golden.rs`
//! promises to decode forever, so a library saved today opens under a later model. A scenario too large
//! for a link is kept as its wire JSON instead.

use crate::locale::Lang;
use backfire_engine::settings::{Place, SETTINGS};
use backfire_engine::words::rules_summary;
use backfire_engine::{link, wire, Scenario};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Longest scenario name, in characters.
pub const NAME_MAX_CHARS: usize = 80;
/// Versions kept per named scenario; the oldest go first.
pub const VERSIONS_MAX: usize = 30;
/// Recent unsaved states kept (one per piece of work: a link, a preset, an import).
pub const RECENT_MAX: usize = 8;
/// Edits closer together than this make one version.
pub const BURST_MS: u64 = 2_000;
/// The library file format this build writes and reads.
pub const FILE_VERSION: u32 = 1;
/// The `kind` every library file carries, so a scenario file is told apart from a library.
const FILE_KIND: &str = "backfire-library";
/// Most scenarios a library file may hold, so a wrong file cannot fill the browser's storage.
const FILE_SCENARIOS_MAX: usize = 500;

/// Why a library operation or file was refused: a sentence for the designer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryError {
    /// What is wrong, lowercase, user input in backticks.
    pub message: String,
}

fn err(message: impl Into<String>) -> LibraryError {
    LibraryError {
        message: message.into(),
    }
}

/// One kept state of a named scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// When it was kept, in milliseconds since 1970 (the browser's `Date.now()`).
    pub saved_at_ms: u64,
    /// The scenario as it was.
    pub scenario: Rc<Scenario>,
    /// The scenario as kept (see [`pack`]), computed once: the library is written after every edit, and
    /// re-packing hundreds of versions each time would stall typing.
    pub packed: Rc<str>,
}

impl Version {
    /// A version of `scenario` kept at `saved_at_ms`.
    pub fn new(scenario: Rc<Scenario>, saved_at_ms: u64) -> Self {
        Self {
            packed: Rc::from(pack(&scenario)),
            saved_at_ms,
            scenario,
        }
    }
}

/// A named scenario with its history.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// Stable id within this browser's library.
    pub id: u64,
    /// The designer's name for it: trimmed, 1–80 characters, unique in the library.
    pub name: String,
    /// The preset it started from, if any (for the "modified from preset" marker).
    pub preset_id: Option<String>,
    /// Its versions, oldest first; never empty.
    pub versions: Vec<Version>,
}

impl Saved {
    /// The newest version.
    pub fn latest(&self) -> Option<&Version> {
        self.versions.last()
    }
}

/// The named scenarios kept in this browser.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Library {
    /// In the order they were saved.
    pub scenarios: Vec<Saved>,
}

impl Library {
    /// The scenario with this id.
    pub fn get(&self, id: u64) -> Option<&Saved> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    fn next_id(&self) -> u64 {
        self.scenarios.iter().map(|s| s.id).max().unwrap_or(0) + 1
    }

    /// The trimmed name if it may be used (by scenario `except` when renaming), or why not.
    pub fn check_name(&self, name: &str, except: Option<u64>) -> Result<String, LibraryError> {
        let name = name.trim();
        let n = name.chars().count();
        if n == 0 {
            return Err(err("give the scenario a name"));
        }
        if n > NAME_MAX_CHARS {
            return Err(err(format!(
                "names are at most {NAME_MAX_CHARS} characters; this one has {n}"
            )));
        }
        let taken = self
            .scenarios
            .iter()
            .any(|s| Some(s.id) != except && s.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(err(format!(
                "a scenario named `{name}` is already saved; choose another name"
            )));
        }
        Ok(name.to_string())
    }

    /// Saves `scenario` under a new name as its first version; returns the new id.
    pub fn save_as(
        &mut self,
        name: &str,
        scenario: Rc<Scenario>,
        preset_id: Option<String>,
        now_ms: u64,
    ) -> Result<u64, LibraryError> {
        let name = self.check_name(name, None)?;
        let id = self.next_id();
        self.scenarios.push(Saved {
            id,
            name,
            preset_id,
            versions: vec![Version::new(scenario, now_ms)],
        });
        Ok(id)
    }

    /// Renames scenario `id`.
    pub fn rename(&mut self, id: u64, name: &str) -> Result<(), LibraryError> {
        let name = self.check_name(name, Some(id))?;
        let saved = self
            .scenarios
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or_else(|| err("that scenario is no longer in the library"))?;
        saved.name = name;
        Ok(())
    }

    /// Copies scenario `id` (all its versions) under a free name "… (copy)"; returns the copy's id.
    pub fn duplicate(&mut self, id: u64) -> Result<u64, LibraryError> {
        let original = self
            .get(id)
            .cloned()
            .ok_or_else(|| err("that scenario is no longer in the library"))?;
        let name = self.free_name(&original.name, "copy");
        let new_id = self.next_id();
        self.scenarios.push(Saved {
            id: new_id,
            name,
            ..original
        });
        Ok(new_id)
    }

    /// Removes scenario `id`; whether it was there.
    pub fn delete(&mut self, id: u64) -> bool {
        let before = self.scenarios.len();
        self.scenarios.retain(|s| s.id != id);
        self.scenarios.len() != before
    }

    /// Keeps `scenario` as the newest version of `id` unless it equals the newest already; whether a
    /// version was added. Only the latest [`VERSIONS_MAX`] are kept.
    ///
    /// A burst of edits (each within [`BURST_MS`] of the last) is one version: typing a name or a number
    /// replaces the burst's version instead of keeping every keystroke. The first version (the one saved by
    /// name) is never replaced, and neither is any version when `coalesce` is false (the first edit after
    /// opening a version or another scenario starts a burst of its own).
    pub fn record(&mut self, id: u64, scenario: Rc<Scenario>, now_ms: u64, coalesce: bool) -> bool {
        let Some(saved) = self.scenarios.iter_mut().find(|s| s.id == id) else {
            return false;
        };
        if saved.latest().is_some_and(|v| *v.scenario == *scenario) {
            return false;
        }
        let burst = coalesce
            && saved.versions.len() > 1
            && saved
                .latest()
                .is_some_and(|v| now_ms.saturating_sub(v.saved_at_ms) < BURST_MS);
        if burst {
            saved.versions.pop();
        }
        saved.versions.push(Version::new(scenario, now_ms));
        let extra = saved.versions.len().saturating_sub(VERSIONS_MAX);
        saved.versions.drain(..extra);
        true
    }

    /// `base` if free, else "base (tag)", "base (tag 2)", …, shortened to fit [`NAME_MAX_CHARS`].
    fn free_name(&self, base: &str, tag: &str) -> String {
        let free = |n: &str| self.check_name(n, None).is_ok();
        if tag == "imported" && free(base) {
            return base.to_string();
        }
        (1..)
            .map(|i| {
                let suffix = if i == 1 {
                    format!(" ({tag})")
                } else {
                    format!(" ({tag} {i})")
                };
                let room = NAME_MAX_CHARS.saturating_sub(suffix.chars().count());
                let stem: String = base.chars().take(room).collect();
                format!("{}{suffix}", stem.trim_end())
            })
            .find(|n| free(n))
            .unwrap_or_default()
    }

    /// Adds the scenarios of an imported library: one equal to a saved one (same name, same newest
    /// version) is skipped, one whose name is taken is added as "… (imported)". Returns (added, skipped).
    pub fn merge(&mut self, incoming: Library) -> (usize, usize) {
        let (mut added, mut skipped) = (0, 0);
        for mut s in incoming.scenarios {
            let same = self.scenarios.iter().any(|mine| {
                mine.name.to_lowercase() == s.name.to_lowercase()
                    && mine.latest().map(|v| &v.scenario) == s.latest().map(|v| &v.scenario)
            });
            if same {
                skipped += 1;
                continue;
            }
            s.name = self.free_name(&s.name, "imported");
            s.id = self.next_id();
            self.scenarios.push(s);
            added += 1;
        }
        (added, skipped)
    }

    /// The whole library as one JSON file (`kind`, `version`, then the scenarios).
    pub fn to_file(&self) -> String {
        let file = LibraryFile {
            kind: FILE_KIND.to_string(),
            version: FILE_VERSION,
            scenarios: self
                .scenarios
                .iter()
                .map(|s| SavedFile {
                    name: s.name.clone(),
                    preset: s.preset_id.clone(),
                    versions: s
                        .versions
                        .iter()
                        .map(|v| VersionFile {
                            saved_at_ms: v.saved_at_ms,
                            scenario: v.packed.to_string(),
                        })
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads a library file, or says plainly what is wrong with it (nothing is half-read).
    pub fn from_file(text: &str) -> Result<Library, LibraryError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| err(format!("it is not JSON ({e})")))?;
        let Some(obj) = value.as_object() else {
            return Err(err("it is not a Backfire library: expected an object `{…}`"));
        };
        match obj.get("kind").and_then(|k| k.as_str()) {
            Some(FILE_KIND) => {}
            _ if obj.contains_key("circles") || obj.contains_key("population") => {
                return Err(err(
                    "it is a single scenario, not a library: open it with Import JSON in the header",
                ))
            }
            _ => {
                return Err(err(format!(
                    "it is not a Backfire library: `kind` is not `{FILE_KIND}`"
                )))
            }
        }
        match obj.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(FILE_VERSION) => {}
            Some(v) => {
                return Err(err(format!(
                    "it is library version {v}; this Backfire reads version {FILE_VERSION}"
                )))
            }
            None => return Err(err("it has no library `version` number")),
        }
        let file: LibraryFile =
            serde_path_to_error::deserialize(&value).map_err(|e| err(format!("`{}`: {}", e.path(), e.inner())))?;
        if file.scenarios.len() > FILE_SCENARIOS_MAX {
            return Err(err(format!(
                "it holds {} scenarios; a library holds at most {FILE_SCENARIOS_MAX}",
                file.scenarios.len()
            )));
        }
        let mut library = Library::default();
        for (i, s) in file.scenarios.into_iter().enumerate() {
            let name = library
                .check_name(&s.name, None)
                .map_err(|e| err(format!("scenario {} (`{}`): {}", i + 1, clip(&s.name), e.message)))?;
            if s.versions.is_empty() {
                return Err(err(format!("scenario `{name}` has no versions")));
            }
            let skip = s.versions.len().saturating_sub(VERSIONS_MAX);
            let mut versions = Vec::new();
            for (j, v) in s.versions.into_iter().enumerate().skip(skip) {
                let scenario = unpack(&v.scenario)
                    .map_err(|e| err(format!("scenario `{name}`, version {}: {}", j + 1, e.message)))?;
                versions.push(Version {
                    saved_at_ms: v.saved_at_ms,
                    scenario: Rc::new(scenario),
                    packed: Rc::from(v.scenario),
                });
            }
            let id = library.next_id();
            library.scenarios.push(Saved {
                id,
                name,
                preset_id: s.preset,
                versions,
            });
        }
        Ok(library)
    }
}

/// The first 40 characters of user text for a message.
fn clip(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// A scenario as kept: its share-link payload, or its wire JSON when it is too large for a link.
pub fn pack(s: &Scenario) -> String {
    link::encode(s).unwrap_or_else(|_| wire::scenario_to_json(s))
}

/// A kept scenario read back (either form of [`pack`]).
pub fn unpack(text: &str) -> Result<Scenario, LibraryError> {
    if text.trim_start().starts_with('{') {
        wire::scenario_from_json(text).map_err(|e| err(e.message))
    } else {
        link::decode(text).map_err(|e| err(e.message))
    }
}

/// The library file (and the stored library): `{"kind": "backfire-library", "version": 1, "scenarios": […]}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryFile {
    kind: String,
    version: u32,
    scenarios: Vec<SavedFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedFile {
    name: String,
    #[serde(default)]
    preset: Option<String>,
    versions: Vec<VersionFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionFile {
    saved_at_ms: u64,
    /// A link payload `s=1.…` or a scenario's wire JSON (see [`pack`]).
    scenario: String,
}

/// One recent piece of work, kept whatever happens next (a link, a preset, an import starts another).
#[derive(Clone, Debug, PartialEq)]
pub struct Recent {
    /// Which piece of work; edits to it replace this slot, new work takes a new one.
    pub slot: u64,
    /// When it last changed.
    pub saved_at_ms: u64,
    /// The named scenario it belongs to, if any.
    pub entry: Option<u64>,
    /// Where it came from, for the list ("opened from a link").
    pub origin: Origin,
    /// Its latest state.
    pub scenario: Rc<Scenario>,
}

/// Where a piece of work came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Autosaved work from an earlier visit (or its first state in this one).
    Autosave,
    /// A shared link.
    Link,
    /// A preset from the picker.
    Preset,
    /// An imported scenario file.
    Import,
    /// A named scenario opened from the library.
    Library,
}

impl Origin {
    /// How the status line says it: "opened from a link".
    pub fn words_in(self, lang: crate::locale::Lang) -> &'static str {
        use crate::locale::tr;
        match self {
            Origin::Autosave => tr!(lang, "autosaved work", "自动保存的工作"),
            Origin::Link => tr!(lang, "opened from a link", "从链接打开"),
            Origin::Preset => tr!(lang, "started from a preset", "从预设开始"),
            Origin::Import => tr!(lang, "imported from a file", "从文件导入"),
            Origin::Library => tr!(lang, "opened from the library", "从场景库打开"),
        }
    }
}

/// Puts `scenario` in slot `slot` (replacing that slot's state and moving it first), keeping the
/// newest [`RECENT_MAX`] slots: other work is never overwritten, only aged out.
pub fn remember(
    recent: &mut Vec<Recent>,
    slot: u64,
    entry: Option<u64>,
    origin: Origin,
    scenario: Rc<Scenario>,
    now_ms: u64,
) {
    recent.retain(|r| r.slot != slot);
    recent.insert(
        0,
        Recent {
            slot,
            saved_at_ms: now_ms,
            entry,
            origin,
            scenario,
        },
    );
    recent.truncate(RECENT_MAX);
}

#[derive(Serialize, Deserialize)]
struct RecentFile {
    slot: u64,
    saved_at_ms: u64,
    #[serde(default)]
    entry: Option<u64>,
    origin: Origin,
    /// Wire JSON (readable in the browser's storage inspector) or a link payload.
    scenario: String,
}

/// The recent ring as stored.
pub fn recent_to_json(recent: &[Recent]) -> String {
    let rows: Vec<RecentFile> = recent
        .iter()
        .map(|r| RecentFile {
            slot: r.slot,
            saved_at_ms: r.saved_at_ms,
            entry: r.entry,
            origin: r.origin,
            scenario: serde_json::to_string(&*r.scenario).unwrap_or_default(),
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_default()
}

/// The recent ring read back; a row that no longer decodes is dropped, not fatal.
pub fn recent_from_json(text: &str) -> Vec<Recent> {
    let rows: Vec<RecentFile> = serde_json::from_str(text).unwrap_or_default();
    rows.into_iter()
        .filter_map(|r| {
            Some(Recent {
                slot: r.slot,
                saved_at_ms: r.saved_at_ms,
                entry: r.entry,
                origin: r.origin,
                scenario: Rc::new(unpack(&r.scenario).ok()?),
            })
        })
        .collect()
}

/// One difference between two scenarios, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Where: a circle's name, "Platform", or "Run & population".
    pub place: String,
    /// The rule as it was (`None`: added).
    pub before: Option<String>,
    /// The rule as it is (`None`: removed).
    pub after: Option<String>,
}

impl Change {
    /// The change as one line in `lang` (the parts are already in it): "Campus: only women may post → anyone
    /// may post" / "Campus：只有女性可以发帖 → 任何人都可以发帖".
    pub fn words(&self, lang: Lang) -> String {
        let place = &self.place;
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => crate::locale::trf!(lang, "{place}: {b} → {a}", "{place}：{b} → {a}"),
            (None, Some(a)) => crate::locale::trf!(lang, "{place}: added: {a}", "{place}：新增：{a}"),
            (Some(b), None) => crate::locale::trf!(lang, "{place}: removed: {b}", "{place}：删除：{b}"),
            (None, None) => place.clone(),
        }
    }
}

/// What changed from `a` to `b`, in words of `lang`: the scenario-wide settings of the catalogue with their
/// labels and units, then the rules summary line by line per circle (matched by name) and for the platform.
pub fn diff(lang: Lang, a: &Scenario, b: &Scenario) -> Vec<Change> {
    use crate::locale::tr;
    // A setting with its value: the catalogue's English, or its Chinese label and unit.
    let setting_words = |setting: &backfire_engine::settings::Setting, v: u32| match lang {
        Lang::En => format!("{} {}", setting.label, setting.show(v)),
        Lang::Zh => {
            let path = setting.path(0);
            let (label, unit) = crate::locale::setting_words(lang, &path, setting.label, setting.unit);
            let number = setting.number(v);
            match unit.strip_prefix('¥') {
                Some(rest) => format!("{label} ¥{number}{rest}"),
                None => format!("{label} {number} {unit}").trim_end().to_string(),
            }
        }
    };
    let mut out = Vec::new();
    if a.name != b.name {
        out.push(Change {
            place: tr!(lang, "Name", "名称").into(),
            before: Some(format!("`{}`", a.name)),
            after: Some(format!("`{}`", b.name)),
        });
    }
    for setting in SETTINGS.iter().filter(|s| s.place == Place::Scenario) {
        let (Some(x), Some(y)) = (setting.get(a, 0), setting.get(b, 0)) else {
            continue;
        };
        if x != y {
            out.push(Change {
                place: tr!(lang, "Run & population", "运行与人群").into(),
                before: Some(setting_words(setting, x)),
                after: Some(setting_words(setting, y)),
            });
        }
    }
    let (sa, sb) = (rules_summary(lang, a), rules_summary(lang, b));
    for section in &sa {
        match sb.iter().find(|t| t.title == section.title) {
            None => out.push(Change {
                place: section.title.clone(),
                before: Some(String::from(tr!(lang, "the circle", "该圈子"))),
                after: None,
            }),
            Some(other) => {
                let gone: Vec<&String> = section.lines.iter().filter(|l| !other.lines.contains(l)).collect();
                let new: Vec<&String> = other.lines.iter().filter(|l| !section.lines.contains(l)).collect();
                for i in 0..gone.len().max(new.len()) {
                    out.push(Change {
                        place: section.title.clone(),
                        before: gone.get(i).map(|s| s.to_string()),
                        after: new.get(i).map(|s| s.to_string()),
                    });
                }
            }
        }
    }
    for section in sb.iter().filter(|t| !sa.iter().any(|s| s.title == t.title)) {
        out.push(Change {
            place: section.title.clone(),
            before: None,
            after: Some(match lang {
                Lang::En => format!("the circle: {}", section.lines.join("; ")),
                Lang::Zh => format!("该圈子：{}", section.lines.join("；")),
            }),
        });
    }
    if out.is_empty() && a != b {
        out.push(Change {
            place: tr!(lang, "Other details", "其他细节").into(),
            before: None,
            after: Some(
                tr!(
                    lang,
                    "the population mix, notes, seed or assumptions differ",
                    "人群构成、备注、种子或假设不同"
                )
                .into(),
            ),
        });
    }
    out
}

/// "modified from preset" when the scenario differs from the preset it started from, else `None`.
pub fn preset_marker(lang: crate::locale::Lang, scenario: &Scenario, preset_id: Option<&str>) -> Option<String> {
    let preset = backfire_engine::presets::by_id(preset_id?)?;
    let title = crate::locale::preset_words(lang, &preset).0;
    (preset.scenario != *scenario)
        .then(|| crate::locale::trf!(lang, "modified from preset “{title}”", "在预设“{title}”基础上修改"))
}

/// A time as the list shows it: "5 s ago", "3 min ago", "2 h ago", "4 days ago".
pub fn ago(lang: crate::locale::Lang, then_ms: u64, now_ms: u64) -> String {
    use crate::locale::trf;
    let s = now_ms.saturating_sub(then_ms) / 1000;
    let (min, h, days) = (s / 60, s / 3600, s / 86_400);
    match s {
        0..=59 => trf!(lang, "{s} s ago", "{s} 秒前"),
        60..=3599 => trf!(lang, "{min} min ago", "{min} 分钟前"),
        3600..=86_399 => trf!(lang, "{h} h ago", "{h} 小时前"),
        _ => trf!(lang, "{days} days ago", "{days} 天前"),
    }
}

/// Keeping the library and the recent ring in localStorage (best effort: storage can be full or off).
pub mod store {
    use super::{recent_from_json, recent_to_json, Library, Recent};
    use gloo::storage::{LocalStorage, Storage};

    /// localStorage key of the named scenarios (the library file format).
    pub const LIBRARY_KEY: &str = "backfire.library.v1";
    /// localStorage key of the recent unsaved work.
    pub const RECENT_KEY: &str = "backfire.recent.v1";
    /// The single autosave slot of earlier builds, read once so its work is not lost.
    pub const OLD_AUTOSAVE_KEY: &str = "backfire.autosave.v1";

    /// The saved library (empty when there is none or it no longer reads).
    pub fn load_library() -> Library {
        LocalStorage::raw()
            .get_item(LIBRARY_KEY)
            .ok()
            .flatten()
            .and_then(|t| Library::from_file(&t).ok())
            .unwrap_or_default()
    }

    /// Saves the library; the browser's refusal (storage full) as a sentence.
    pub fn save_library(library: &Library) -> Result<(), String> {
        LocalStorage::raw()
            .set_item(LIBRARY_KEY, &library.to_file())
            .map_err(|_| {
                String::from("the browser refused to store the library (its storage may be full): export it as a file")
            })
    }

    /// The recent ring, newest first.
    pub fn load_recent() -> Vec<Recent> {
        LocalStorage::raw()
            .get_item(RECENT_KEY)
            .ok()
            .flatten()
            .map(|t| recent_from_json(&t))
            .unwrap_or_default()
    }

    /// Saves the recent ring (best effort).
    pub fn save_recent(recent: &[Recent]) {
        let _ = LocalStorage::raw().set_item(RECENT_KEY, &recent_to_json(recent));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backfire_engine::presets;

    fn launch() -> Scenario {
        presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default()
    }

    #[test]
    fn names_are_trimmed_limited_and_unique() {
        let mut lib = Library::default();
        let s = Rc::new(Scenario::default());
        let id = lib.save_as("  Plan A ", s.clone(), None, 1).unwrap();
        assert_eq!(lib.get(id).unwrap().name, "Plan A");
        assert_eq!(
            lib.save_as("plan a", s.clone(), None, 2).unwrap_err().message,
            "a scenario named `plan a` is already saved; choose another name"
        );
        let long = "x".repeat(81);
        assert_eq!(
            lib.save_as(&long, s.clone(), None, 2).unwrap_err().message,
            "names are at most 80 characters; this one has 81"
        );
        assert!(lib.save_as(&"y".repeat(80), s.clone(), None, 2).is_ok());
        assert!(lib.save_as("   ", s, None, 2).is_err());
        assert!(
            lib.rename(id, "PLAN A").is_ok(),
            "a scenario may keep its own name in another case"
        );
    }

    #[test]
    fn duplicate_rename_delete() {
        let mut lib = Library::default();
        let id = lib
            .save_as("Plan", Rc::new(launch()), Some("alipay-circles-2016".into()), 1)
            .unwrap();
        let copy = lib.duplicate(id).unwrap();
        let copy2 = lib.duplicate(id).unwrap();
        assert_eq!(lib.get(copy).unwrap().name, "Plan (copy)");
        assert_eq!(lib.get(copy2).unwrap().name, "Plan (copy 2)");
        assert_eq!(lib.get(copy).unwrap().versions, lib.get(id).unwrap().versions);
        assert!(lib.rename(copy, "Plan").is_err());
        assert!(lib.delete(id));
        assert!(!lib.delete(id));
        assert!(lib.rename(copy, "Plan").is_ok(), "the name is free once deleted");
        let long = lib.save_as(&"z".repeat(80), Rc::new(launch()), None, 1).unwrap();
        let long_copy = lib.duplicate(long).unwrap();
        assert_eq!(lib.get(long_copy).unwrap().name.chars().count(), 80);
    }

    #[test]
    fn versions_skip_repeats_and_keep_the_latest() {
        let mut lib = Library::default();
        let mut s = Scenario::default();
        let id = lib.save_as("Plan", Rc::new(s.clone()), None, 0).unwrap();
        assert!(
            !lib.record(id, Rc::new(s.clone()), 1, true),
            "an unchanged scenario is no new version"
        );
        for seed in 2..(VERSIONS_MAX as u64 + 10) {
            s.seed = seed;
            assert!(lib.record(id, Rc::new(s.clone()), seed * BURST_MS, true));
        }
        let saved = lib.get(id).unwrap();
        assert_eq!(saved.versions.len(), VERSIONS_MAX);
        assert_eq!(saved.latest().unwrap().scenario.seed, VERSIONS_MAX as u64 + 9);
        assert!(!lib.record(99, Rc::new(s.clone()), 5, true), "no such scenario");
        let before = lib.get(id).unwrap().versions.len();
        s.days = 3;
        lib.record(id, Rc::new(s.clone()), 1000 * BURST_MS, true);
        s.days = 4;
        lib.record(id, Rc::new(s.clone()), 1000 * BURST_MS + 10, true);
        let saved = lib.get(id).unwrap();
        assert_eq!(saved.versions.len(), before, "a burst of edits is one version");
        assert_eq!(saved.latest().unwrap().scenario.days, 4);
        s.days = 5;
        lib.record(id, Rc::new(s.clone()), 1000 * BURST_MS + 20, false);
        assert_eq!(
            lib.get(id).unwrap().versions.len(),
            before,
            "at the cap, the oldest goes"
        );
        assert_eq!(
            lib.get(id).unwrap().versions[VERSIONS_MAX - 2].scenario.days,
            4,
            "without coalescing the burst's version stays"
        );
    }

    #[test]
    fn the_file_round_trips_and_merging_it_back_adds_nothing() {
        let mut lib = Library::default();
        let a = lib
            .save_as("Launch", Rc::new(launch()), Some("alipay-circles-2016".into()), 10)
            .unwrap();
        let mut edited = launch();
        edited.circles[0].tips.enabled = false;
        lib.record(a, Rc::new(edited), 20, true);
        lib.save_as("Blank", Rc::new(Scenario::default()), None, 30).unwrap();
        let text = lib.to_file();
        assert!(text.contains("\"version\": 1") && text.contains("backfire-library"));
        let back = Library::from_file(&text).unwrap();
        assert_eq!(back, lib);
        let mut mine = lib.clone();
        assert_eq!(mine.merge(back.clone()), (0, 2));
        assert_eq!(mine, lib);
        mine.delete(a);
        assert_eq!(mine.merge(back), (1, 1));
        assert_eq!(mine.scenarios.len(), 2);
    }

    #[test]
    fn a_clash_of_names_on_import_is_renamed() {
        let mut lib = Library::default();
        lib.save_as("Plan", Rc::new(Scenario::default()), None, 1).unwrap();
        let mut other = Library::default();
        other.save_as("plan", Rc::new(launch()), None, 2).unwrap();
        assert_eq!(lib.merge(other), (1, 0));
        assert_eq!(lib.scenarios[1].name, "plan (imported)");
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let check = |text: &str, want: &str| {
            let got = Library::from_file(text).unwrap_err().message;
            assert!(got.contains(want), "{text:?}: {got}");
        };
        check("not json", "it is not JSON");
        check("[1]", "expected an object");
        check(r#"{"version":1,"circles":[]}"#, "it is a single scenario");
        check(r#"{"kind":"x","version":1}"#, "`kind` is not `backfire-library`");
        check(
            r#"{"kind":"backfire-library","version":7,"scenarios":[]}"#,
            "library version 7",
        );
        check(r#"{"kind":"backfire-library","scenarios":[]}"#, "no library `version`");
        check(
            r#"{"kind":"backfire-library","version":1,"scenarios":[{"name":"a","versions":[{"saved_at_ms":"x","scenario":"s=1.AA"}]}]}"#,
            "`scenarios[0].versions[0].saved_at_ms`",
        );
        check(
            r#"{"kind":"backfire-library","version":1,"scenarios":[{"name":"a","versions":[{"saved_at_ms":1,"scenario":"s=1.!!"}]}]}"#,
            "scenario `a`, version 1:",
        );
        check(
            r#"{"kind":"backfire-library","version":1,"scenarios":[{"name":"a","versions":[]}]}"#,
            "has no versions",
        );
        let dup = r#"{"kind":"backfire-library","version":1,"scenarios":[{"name":"a","versions":[{"saved_at_ms":1,"scenario":"{}"}]},{"name":"A","versions":[{"saved_at_ms":1,"scenario":"{}"}]}]}"#;
        check(dup, "already saved");
    }

    #[test]
    fn the_recent_ring_keeps_other_work() {
        let mut ring = Vec::new();
        let mut s = Scenario::default();
        remember(&mut ring, 1, None, Origin::Autosave, Rc::new(s.clone()), 1);
        s.name = "from a link".into();
        remember(&mut ring, 2, None, Origin::Link, Rc::new(s.clone()), 2);
        s.seed = 9;
        remember(&mut ring, 2, None, Origin::Link, Rc::new(s.clone()), 3);
        assert_eq!(ring.len(), 2, "edits replace their own slot only");
        assert_eq!(ring[1].scenario.name, "untitled", "the earlier work survives the link");
        for slot in 3..20 {
            remember(&mut ring, slot, None, Origin::Preset, Rc::new(s.clone()), slot);
        }
        assert_eq!(ring.len(), RECENT_MAX);
        let back = recent_from_json(&recent_to_json(&ring));
        assert_eq!(back, ring);
        assert!(recent_from_json("garbage").is_empty());
    }

    #[test]
    fn the_diff_names_changed_rules_in_words() {
        let a = launch();
        let mut b = a.clone();
        b.circles[0].tips.enabled = false;
        b.population.n_users = 5000;
        let lines: Vec<String> = diff(Lang::En, &a, &b).iter().map(|c| c.words(Lang::En)).collect();
        let circle = &a.circles[0].name;
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{circle}: ")) && l.ends_with("→ tips are off")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("5,000")), "{lines:?}");
        assert!(diff(Lang::En, &a, &a).is_empty());
        let zh: Vec<String> = diff(Lang::Zh, &a, &b).iter().map(|c| c.words(Lang::Zh)).collect();
        assert!(
            zh.iter()
                .any(|l| l.starts_with(&format!("{circle}：")) && l.ends_with("→ 打赏已关闭")),
            "{zh:?}"
        );
        assert!(zh.iter().any(|l| l.starts_with("运行与人群：用户数")), "{zh:?}");
        let mut c = a.clone();
        c.circles.pop();
        let gone = diff(Lang::En, &a, &c);
        assert!(gone.iter().any(|ch| ch.after.is_none()), "{gone:?}");
        let mut d = a.clone();
        d.seed += 1;
        assert!(
            !diff(Lang::En, &a, &d).is_empty(),
            "a difference outside the summary is still named"
        );
    }

    #[test]
    fn the_marker_says_when_a_preset_was_changed() {
        let mut s = launch();
        assert_eq!(
            preset_marker(crate::locale::Lang::En, &s, Some("alipay-circles-2016")),
            None
        );
        s.days = 3;
        assert!(preset_marker(crate::locale::Lang::En, &s, Some("alipay-circles-2016"))
            .unwrap()
            .starts_with("modified from preset"));
        assert_eq!(preset_marker(crate::locale::Lang::En, &s, None), None);
        assert_eq!(ago(crate::locale::Lang::En, 0, 90_000), "1 min ago");
        assert_eq!(ago(crate::locale::Lang::Zh, 0, 90_000), "1 分钟前");
    }
}
