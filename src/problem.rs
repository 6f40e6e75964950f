//! Why a share link or an imported file could not be opened, in plain words: what is wrong, where, and what
//! to do, with the engine's raw message kept as a folded detail.
//!
//! Every refusal of a link (the address bar, a comparison's baseline), a scenario file or a library file goes
//! through [`explain`]; the engine's messages stay exact (the CLI prints them as they are), and this module
//! only puts them into a designer's words, so there is one place that does it.

use crate::state::Notice;
use backfire_engine::settings::{Place, SETTINGS};
use yew::{html, Html};

/// The raw message under a notice, folded: closed until asked for, so the words above it come first, and
/// there to copy into a bug report.
pub fn detail_view(detail: Option<&str>) -> Html {
    match detail {
        Some(d) => html! {
            <details class="problem-detail" data-testid="problem-detail">
                <summary>{"Technical detail"}</summary>
                <code>{d.to_string()}</code>
            </details>
        },
        None => Html::default(),
    }
}

/// What could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source<'a> {
    /// A share link in the address bar when the page opened.
    Link,
    /// A share link pasted into the address bar of the open page.
    PastedLink,
    /// A scenario file chosen with Import JSON, by file name.
    ScenarioFile(&'a str),
    /// A library file chosen with Import library, by file name.
    LibraryFile(&'a str),
}

/// A refusal in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, as the end of "… could not be opened: ", lowercase.
    pub what: String,
    /// Where, in words ("circle 1 → Tip ceiling"), when the message names a place.
    pub place: Option<String>,
    /// What to do about it, a whole sentence.
    pub todo: String,
    /// The engine's or the library's own message, for a bug report (shown folded).
    pub detail: String,
}

impl Problem {
    /// The notice shown for it: the headline for `source`, what, where, what to do, and what happened to the
    /// designer's work; the raw message as its folded detail.
    pub fn notice(&self, source: Source<'_>) -> Notice {
        let (headline, outcome) = match source {
            Source::Link => (
                String::from("This link could not be opened"),
                "Your last autosaved work is shown instead.",
            ),
            Source::PastedLink => (
                String::from("This link could not be opened"),
                "The work on screen is unchanged.",
            ),
            Source::ScenarioFile(name) => (format!("`{name}` could not be imported"), "Nothing was changed."),
            Source::LibraryFile(name) => (format!("`{name}` was not imported"), "Your library is unchanged."),
        };
        let place = self.place.as_ref().map(|p| format!(" Where: {p}.")).unwrap_or_default();
        Notice {
            kind: "error",
            text: format!("{headline}: {}.{place} {} {outcome}", self.what, self.todo),
            detail: (!self.detail.is_empty()).then(|| self.detail.clone()),
        }
    }
}

/// What to do about a link that lost characters on its way.
const RECOPY: &str =
    "Copy the whole link again from where it was shared, or ask its author for a file (More → Export JSON).";
/// What to do about a scenario file that is not one.
const REEXPORT: &str = "Choose a file made with More → Export JSON, or export the scenario again.";

/// Puts the raw message of a refused link or file into words (see [`Problem`]).
pub fn explain(source: Source<'_>, raw: &str) -> Problem {
    let mut p = match source {
        Source::Link | Source::PastedLink => link(raw),
        Source::ScenarioFile(_) => scenario(raw, REEXPORT),
        Source::LibraryFile(_) => library(raw),
    };
    p.detail = raw.to_string();
    p
}

fn problem(what: impl Into<String>, place: Option<String>, todo: &str) -> Problem {
    Problem {
        what: what.into(),
        place,
        todo: todo.to_string(),
        detail: String::new(),
    }
}

/// A share link's message (`link::decode` and `link::decode_baseline`).
fn link(raw: &str) -> Problem {
    if let Some(rest) = raw.strip_prefix("baseline: ") {
        let mut p = link(rest);
        p.place = Some(match p.place {
            Some(place) => format!("the pinned baseline, {place}"),
            None => String::from("the pinned baseline (the `b=` part of the link)"),
        });
        return p;
    }
    if let Some(rest) = raw.strip_prefix("bad scenario in link: ") {
        return scenario(rest, "Ask its author for a new link, or for the scenario as a file.");
    }
    if raw.starts_with("bad base64") && (raw.contains("last symbol") || raw.contains("length")) {
        // A link cut at the wrong place: its last character cannot end one.
        return problem(
            "it is incomplete: it was probably cut short when it was copied",
            None,
            RECOPY,
        );
    }
    if raw.starts_with("bad base64") {
        // "Invalid symbol 33, offset 0": the place is worth keeping, the symbol's code is not.
        let place = raw
            .split("offset ")
            .nth(1)
            .and_then(|n| n.trim().trim_end_matches('.').parse::<usize>().ok())
            .map(|n| format!("character {} after `s=1.`", n + 1));
        return problem(
            "it holds characters a Backfire link never has, so it was probably changed or cut when it was copied",
            place,
            RECOPY,
        );
    }
    if raw.starts_with("corrupt") {
        return problem(
            "it is incomplete or damaged: part of it was probably lost when it was copied",
            None,
            RECOPY,
        );
    }
    if raw.starts_with("unsupported link version") {
        return problem(
            "it was made by a newer version of Backfire",
            None,
            "Open it with the Backfire it was made with, or ask its author for the scenario as a file.",
        );
    }
    if raw.starts_with("link too large") {
        return problem(
            "it unpacks to more than any link Backfire writes",
            None,
            "Ask its author for the scenario as a file (More → Export JSON).",
        );
    }
    if raw.starts_with("bad `runs`") {
        return problem(
            "its number of seeds per side is not a whole number from 1 to 50",
            Some(String::from("the `runs=` part at the end of the link")),
            "Remove `&runs=…` from the end of the link, or set it to a number from 1 to 50.",
        );
    }
    if raw.starts_with("not a backfire link") {
        return problem(
            "the address does not hold a Backfire scenario (a Backfire link ends in `#s=1.` and a run of letters and digits)",
            None,
            RECOPY,
        );
    }
    unknown(RECOPY)
}

/// A scenario's JSON message (`wire::read_scenario`), with what to do when nothing more specific applies.
fn scenario(raw: &str, todo: &str) -> Problem {
    if let Some(rest) = raw.strip_prefix("not valid JSON (") {
        let place = rest.split(')').next().map(str::to_string);
        return problem(
            "it is not a valid JSON file: it may be cut short, or not a Backfire scenario at all",
            place,
            todo,
        );
    }
    if raw.starts_with("a scenario must be a JSON object") {
        return problem("it holds something other than a Backfire scenario", None, todo);
    }
    if raw.starts_with("unsupported version") {
        return problem(
            "it was made by a newer version of Backfire",
            None,
            "Open it with the Backfire it was made with.",
        );
    }
    if raw.starts_with("the scenario is ") || raw.starts_with("it is ") || raw.starts_with("the browser could not") {
        // Already in words: its size and the limit, or the browser's own refusal.
        return problem(raw.to_string(), None, todo);
    }
    let Some((path, what)) = split_path(raw) else {
        return field(None, raw, todo);
    };
    field(Some(path), what, todo)
}

/// A message about one field: what is wrong with it, in words, and where it is.
fn field(path: Option<&str>, what: &str, todo: &str) -> Problem {
    let place = |p: &str| Some(place_words(p));
    let quoted = |text: &str| text.split('`').nth(1).unwrap_or_default().to_string();
    if what.starts_with("unknown field") {
        // The path ends in the unknown name itself: the place is its parent.
        let name = quoted(what);
        let parent = path
            .and_then(|p| p.strip_suffix(name.as_str()))
            .map(|p| p.trim_end_matches('.'));
        return problem(
            format!("`{name}` is not a setting Backfire knows"),
            Some(match parent {
                Some(p) if !p.is_empty() => place_words(p),
                _ => String::from("the top of the scenario"),
            }),
            "Remove it or correct its spelling; a file from a newer Backfire may have settings this one lacks.",
        );
    }
    if what.starts_with("missing field") {
        return problem(
            format!("the setting `{}` is missing", quoted(what)),
            path.and_then(place),
            todo,
        );
    }
    if what.starts_with("unknown choice") {
        return problem(
            format!("`{}` is not one of the allowed choices", quoted(what)),
            path.and_then(place),
            todo,
        );
    }
    if let Some(rest) = what.strip_prefix("at most ") {
        // "at most 20 allowed, got 80000"
        let (most, got) = rest.split_once(" allowed, got ").unwrap_or((rest, "more"));
        let noun = match path.and_then(|p| p.rsplit('.').next()) {
            Some(list @ ("circles" | "conditions" | "notes")) => list,
            Some("allow") => "options",
            _ => "items",
        };
        return problem(
            format!("it has {} {noun} where at most {most} are allowed", group_digits(got)),
            path.and_then(place),
            todo,
        );
    }
    if let Some(rest) = what.strip_prefix("expected ") {
        // The engine has already put serde's types into words: "expected a whole number from 0 to 255, got 300".
        let (want, got) = rest.split_once(", got ").unwrap_or((rest, "something else"));
        return problem(
            format!("a value should be {want}, but it is {got}"),
            path.and_then(place),
            "Correct that value, or export the scenario again.",
        );
    }
    if let Some(p) = path {
        return problem("one of its values cannot be read", place(p), todo);
    }
    unknown(todo)
}

/// A library file's message (`Library::from_file` and the size check).
fn library(raw: &str) -> Problem {
    const EXPORT: &str = "Choose a file made with Export library in this panel.";
    if raw.starts_with("it is not JSON") {
        return problem(
            "it is not JSON: it may be cut short, or not a Backfire library at all",
            None,
            EXPORT,
        );
    }
    if raw.starts_with("it is a single scenario") {
        return problem(
            "it is a single scenario, not a library",
            None,
            "Open it with More → Import JSON in the header.",
        );
    }
    if let Some(rest) = raw.strip_prefix("it is library version ") {
        let v = rest.split(';').next().unwrap_or_default();
        return problem(
            format!("it was made by a newer version of Backfire (library version {v})"),
            None,
            "Export the library again from the Backfire it was made with.",
        );
    }
    if raw.starts_with("it is not a Backfire library") || raw.starts_with("it has no library") {
        return problem("it is not a Backfire library file", None, EXPORT);
    }
    if raw.starts_with("it is ") || raw.starts_with("it holds ") || raw.starts_with("the browser could not") {
        // Sizes and counts, or the browser's own refusal: already in words.
        return problem(raw.to_string(), None, EXPORT);
    }
    // "scenario `Launch`, version 1: <a link's or a scenario's message>"
    if let Some((place, rest)) = raw.split_once(": ").filter(|(p, _)| p.starts_with("scenario ")) {
        let inner = if rest.starts_with('{') || rest.contains("JSON") || split_path(rest).is_some() {
            scenario(rest, EXPORT)
        } else {
            link(rest)
        };
        return Problem {
            place: Some(match inner.place {
                Some(p) => format!("{place}, {p}"),
                None => place.to_string(),
            }),
            todo: String::from("Export the library again, or remove that version from the file."),
            ..inner
        };
    }
    if let Some(rest) = raw.strip_prefix("scenario ") {
        // "scenario `a` has no versions"
        return problem(format!("scenario {rest}"), None, EXPORT);
    }
    if let Some((path, _)) = raw.strip_prefix('`').and_then(|r| r.split_once("`: ")) {
        return problem("one of its values cannot be read", Some(place_words(path)), EXPORT);
    }
    unknown(EXPORT)
}

/// A message this module does not know: said generally, with the raw text in the detail.
fn unknown(todo: &str) -> Problem {
    problem("its contents are not what Backfire expects", None, todo)
}

/// Splits "circles[0].tips.max_fen: expected …" into its path and message, if it starts with a path.
fn split_path(raw: &str) -> Option<(&str, &str)> {
    let (path, what) = raw.split_once(": ")?;
    let is_path = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'));
    is_path.then_some((path, what))
}

/// A field path in words: the settings catalogue's label where the path is a setting ("circle 1 → Tip
/// ceiling"), else each step named ("circle 2 → rules → post → option 1 → condition 3").
pub fn place_words(path: &str) -> String {
    let (circle, inner) = match path.strip_prefix("circles[").and_then(|r| r.split_once(']')) {
        Some((i, rest)) => (i.parse::<usize>().ok(), rest.trim_start_matches('.')),
        None => (None, path),
    };
    let setting = SETTINGS.iter().find(|s| match (s.place, circle) {
        (Place::Scenario, None) => s.field == path,
        (Place::Circle, Some(_)) => s.field == inner,
        _ => false,
    });
    if let Some(s) = setting {
        return match circle {
            Some(i) => format!("circle {} → {}", i + 1, s.label),
            None => s.label.to_string(),
        };
    }
    path.split('.')
        .filter(|step| !step.is_empty())
        .map(|step| {
            let (name, idx) = match step.split_once('[') {
                Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
                None => (step, None),
            };
            let word = match name {
                "circles" => "circle",
                "allow" => "option",
                "conditions" => "condition",
                "notes" => "note",
                other => other,
            }
            .replace('_', " ");
            match idx {
                Some(i) => format!("{word} {}", i + 1),
                None => word,
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// "80000" → "80,000" (other text as it is).
fn group_digits(number: &str) -> String {
    number
        .parse::<u64>()
        .map(backfire_engine::words::group)
        .unwrap_or_else(|_| number.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use backfire_engine::{link, wire};

    fn link_problem(text: &str) -> Problem {
        let raw = link::decode(text).err().map(|e| e.message).unwrap_or_default();
        explain(Source::Link, &raw)
    }

    /// No words of the libraries underneath reach the visible text.
    fn assert_plain(p: &Problem) {
        let visible = format!("{} {:?} {}", p.what, p.place, p.todo);
        for jargon in [
            "Invalid symbol",
            "offset",
            "u32",
            "u64",
            "serde",
            "base64",
            "inflate",
            "EOF",
        ] {
            assert!(!visible.contains(jargon), "{jargon} in {visible}");
        }
    }

    #[test]
    fn every_broken_link_is_said_in_words_with_the_raw_message_kept() {
        let bad_base64 = link_problem("#s=1.!!!not-base64!!!");
        assert!(bad_base64.what.contains("characters a Backfire link never has"));
        assert_eq!(bad_base64.place.as_deref(), Some("character 1 after `s=1.`"));
        assert!(
            bad_base64.detail.contains("Invalid symbol 33, offset 0"),
            "{}",
            bad_base64.detail
        );
        let cut = link_problem("#s=1.AAB");
        assert!(cut.what.starts_with("it is incomplete"), "{cut:?}");
        for text in ["#s=1.AAAA", "#s=9.AAAA", "#hello", "s=1.AA&b=1.!!", "#s=1.x&runs=900"] {
            let p = link_problem(text);
            assert_plain(&p);
            assert!(!p.what.contains("not what Backfire expects"), "{text}: {p:?}");
        }
        let raw = link::decode_baseline("s=1.AA&b=1.!!")
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let baseline = explain(Source::Link, &raw);
        let good = link::encode(&backfire_engine::Scenario::default()).unwrap_or_default();
        let b = good.strip_prefix("s=").unwrap_or_default();
        let raw = link::decode_baseline(&format!("{good}&b={b}&runs=900"))
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let runs = explain(Source::Link, &raw);
        assert!(runs.what.contains("seeds per side"), "{runs:?}");
        assert_eq!(runs.place.as_deref(), Some("the `runs=` part at the end of the link"));
        assert_eq!(
            baseline.place.as_deref().map(|p| p.starts_with("the pinned baseline")),
            Some(true)
        );
    }

    #[test]
    fn a_scenario_message_names_the_field_in_words() {
        let raw = wire::scenario_from_json(r#"{"population": {"n_users": 5000000000}}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let p = explain(Source::ScenarioFile("x.json"), &raw);
        assert_eq!(p.place.as_deref(), Some("Users"), "{p:?}");
        assert_plain(&p);
        let raw = wire::scenario_from_json(r#"{"circles": [{}, {"tips": {"max_fen": "lots"}}]}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let p = explain(Source::ScenarioFile("x.json"), &raw);
        assert_eq!(p.place.as_deref(), Some("circle 2 → Tip ceiling"), "{p:?}");
        let raw = wire::scenario_from_json(r#"{"version": 2, "surprise": true}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let p = explain(Source::ScenarioFile("x.json"), &raw);
        assert_eq!(p.what, "`surprise` is not a setting Backfire knows");
        assert_eq!(p.place.as_deref(), Some("the top of the scenario"));
        let p = explain(
            Source::ScenarioFile("x.json"),
            "not valid JSON (line 1, column 2): expected value",
        );
        assert_eq!(p.place.as_deref(), Some("line 1, column 2"));
    }

    #[test]
    fn a_list_too_long_is_named() {
        let p = explain(
            Source::Link,
            "bad scenario in link: circles: at most 20 allowed, got 80000",
        );
        assert_eq!(p.what, "it has 80,000 circles where at most 20 are allowed");
    }

    #[test]
    fn place_words_reads_every_step() {
        assert_eq!(
            place_words("circles[1].rules.post.allow[0].conditions[2]"),
            "circle 2 → rules → post → option 1 → condition 3"
        );
        assert_eq!(place_words("days"), "Days");
    }

    #[test]
    fn the_notice_keeps_the_raw_message_apart() {
        let n = explain(Source::Link, "bad base64 in link: Invalid symbol 33, offset 0").notice(Source::Link);
        assert!(n.text.starts_with("This link could not be opened: "), "{}", n.text);
        assert!(!n.text.contains("Invalid symbol"));
        assert_eq!(
            n.detail.as_deref(),
            Some("bad base64 in link: Invalid symbol 33, offset 0")
        );
    }

    #[test]
    fn library_messages_keep_which_scenario_and_version() {
        let p = explain(
            Source::LibraryFile("lib.json"),
            "scenario `Launch`, version 1: bad base64 in link: Invalid symbol 33, offset 0",
        );
        assert_eq!(
            p.place.as_deref(),
            Some("scenario `Launch`, version 1, character 1 after `s=1.`")
        );
        assert_plain(&p);
        let p = explain(
            Source::LibraryFile("lib.json"),
            "it is not JSON (expected value at line 1 column 1)",
        );
        assert!(p.what.starts_with("it is not JSON"));
        assert_plain(&p);
    }
}
