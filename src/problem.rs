//! Why a share link or an imported file could not be opened, in plain words: what is wrong, where, and what
//! to do, with the engine's raw message kept as a folded detail.
//!
//! Every refusal of a link (the address bar, a comparison's baseline), a scenario file or a library file goes
//! through [`explain`]; the engine's messages stay exact (the CLI prints them as they are), and this module
//! only puts them into a designer's words, so there is one place that does it.

use crate::locale::{tr, trf, Lang};
use crate::state::Notice;
use backfire_engine::settings::{Place, SETTINGS};
use yew::{html, Html};

/// The raw message under a notice, folded: closed until asked for, so the words above it come first, and
/// there to copy into a bug report. The raw message is the engine's or a library's own, in English.
pub fn detail_view(lang: Lang, detail: Option<&str>) -> Html {
    match detail {
        Some(d) => html! {
            <details class="problem-detail" data-testid="problem-detail">
                <summary>{tr!(lang, "Technical detail", "技术细节")}</summary>
                <code lang="en" translate="no">{d.to_string()}</code>
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
    /// The notice shown for it in `lang`: the headline for `source`, what, where, what to do, and what
    /// happened to the designer's work; the raw message as its folded detail.
    pub fn notice(&self, lang: Lang, source: Source<'_>) -> Notice {
        let (headline, outcome) = match source {
            Source::Link => (
                String::from(tr!(lang, "This link could not be opened", "无法打开这个链接")),
                tr!(
                    lang,
                    "Your last autosaved work is shown instead.",
                    "改为显示你上次自动保存的工作。"
                ),
            ),
            Source::PastedLink => (
                String::from(tr!(lang, "This link could not be opened", "无法打开这个链接")),
                tr!(lang, "The work on screen is unchanged.", "屏幕上的工作没有改变。"),
            ),
            Source::ScenarioFile(name) => (
                trf!(lang, "`{name}` could not be imported", "无法导入 `{name}`"),
                tr!(lang, "Nothing was changed.", "没有任何改动。"),
            ),
            Source::LibraryFile(name) => (
                trf!(lang, "`{name}` was not imported", "未导入 `{name}`"),
                tr!(lang, "Your library is unchanged.", "你的场景库没有改变。"),
            ),
        };
        let place = self
            .place
            .as_ref()
            .map(|p| trf!(lang, " Where: {p}.", "位置：{p}。"))
            .unwrap_or_default();
        let (what, todo) = (&self.what, &self.todo);
        Notice {
            kind: "error",
            text: trf!(
                lang,
                "{headline}: {what}.{place} {todo} {outcome}",
                "{headline}：{what}。{place}{todo}{outcome}"
            ),
            detail: (!self.detail.is_empty()).then(|| self.detail.clone()),
        }
    }
}

/// What to do about a link that lost characters on its way.
fn recopy(lang: Lang) -> &'static str {
    tr!(
        lang,
        "Copy the whole link again from where it was shared, or ask its author for a file (More → Export JSON).",
        "从分享处重新复制完整的链接，或向作者索要文件（更多 → 导出 JSON）。"
    )
}

/// What to do about a scenario file that is not one.
fn reexport(lang: Lang) -> &'static str {
    tr!(
        lang,
        "Choose a file made with More → Export JSON, or export the scenario again.",
        "请选择用“更多 → 导出 JSON”生成的文件，或重新导出场景。"
    )
}

/// Puts the raw message of a refused link or file into words in `lang` (see [`Problem`]).
pub fn explain(lang: Lang, source: Source<'_>, raw: &str) -> Problem {
    let mut p = match source {
        Source::Link | Source::PastedLink => link(lang, raw),
        Source::ScenarioFile(_) => scenario(lang, raw, reexport(lang)),
        Source::LibraryFile(_) => library(lang, raw),
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
fn link(lang: Lang, raw: &str) -> Problem {
    if let Some(rest) = raw.strip_prefix("baseline: ") {
        let mut p = link(lang, rest);
        p.place = Some(match p.place {
            Some(place) => trf!(lang, "the pinned baseline, {place}", "固定的基线，{place}"),
            None => String::from(tr!(
                lang,
                "the pinned baseline (the `b=` part of the link)",
                "固定的基线（链接中的 `b=` 部分）"
            )),
        });
        return p;
    }
    if let Some(rest) = raw.strip_prefix("bad scenario in link: ") {
        return scenario(
            lang,
            rest,
            tr!(
                lang,
                "Ask its author for a new link, or for the scenario as a file.",
                "请向作者索要新的链接，或以文件形式索要场景。"
            ),
        );
    }
    if raw.starts_with("bad base64") && (raw.contains("last symbol") || raw.contains("length")) {
        // A link cut at the wrong place: its last character cannot end one.
        return problem(
            tr!(
                lang,
                "it is incomplete: it was probably cut short when it was copied",
                "链接不完整：很可能在复制时被截断了"
            ),
            None,
            recopy(lang),
        );
    }
    if raw.starts_with("bad base64") {
        // "Invalid symbol 33, offset 0": the place is worth keeping, the symbol's code is not.
        let place = raw
            .split("offset ")
            .nth(1)
            .and_then(|n| n.trim().trim_end_matches('.').parse::<usize>().ok())
            .map(|n| {
                let n = n + 1;
                trf!(lang, "character {n} after `s=1.`", "`s=1.` 之后的第 {n} 个字符")
            });
        return problem(
            tr!(
                lang,
                "it holds characters a Backfire link never has, so it was probably changed or cut when it was copied",
                "链接中有 Backfire 链接从不包含的字符，很可能在复制时被改动或截断了"
            ),
            place,
            recopy(lang),
        );
    }
    if raw.starts_with("corrupt") {
        return problem(
            tr!(
                lang,
                "it is incomplete or damaged: part of it was probably lost when it was copied",
                "链接不完整或已损坏：很可能在复制时丢失了一部分"
            ),
            None,
            recopy(lang),
        );
    }
    if raw.starts_with("unsupported link version") {
        return problem(
            newer(lang),
            None,
            tr!(
                lang,
                "Open it with the Backfire it was made with, or ask its author for the scenario as a file.",
                "请用生成它的那个 Backfire 版本打开，或向作者以文件形式索要场景。"
            ),
        );
    }
    if raw.starts_with("link too large") {
        return problem(
            tr!(
                lang,
                "it unpacks to more than any link Backfire writes",
                "它解压后的大小超过了 Backfire 写出的任何链接"
            ),
            None,
            tr!(
                lang,
                "Ask its author for the scenario as a file (More → Export JSON).",
                "请向作者以文件形式索要场景（更多 → 导出 JSON）。"
            ),
        );
    }
    if raw.starts_with("bad `runs`") {
        return problem(
            tr!(
                lang,
                "its number of seeds per side is not a whole number from 1 to 50",
                "其中每一方的种子数不是 1 到 50 之间的整数"
            ),
            Some(String::from(tr!(
                lang,
                "the `runs=` part at the end of the link",
                "链接末尾的 `runs=` 部分"
            ))),
            tr!(
                lang,
                "Remove `&runs=…` from the end of the link, or set it to a number from 1 to 50.",
                "删除链接末尾的 `&runs=…`，或把它改为 1 到 50 之间的数。"
            ),
        );
    }
    if raw.starts_with("not a backfire link") {
        return problem(
            tr!(
                lang,
                "the address does not hold a Backfire scenario (a Backfire link ends in `#s=1.` and a run of letters and digits)",
                "这个地址不含 Backfire 场景（Backfire 链接以 `#s=1.` 加一串字母和数字结尾）"
            ),
            None,
            recopy(lang),
        );
    }
    unknown(lang, recopy(lang))
}

/// "It was made by a newer version of Backfire".
fn newer(lang: Lang) -> &'static str {
    tr!(
        lang,
        "it was made by a newer version of Backfire",
        "它由更新版本的 Backfire 生成"
    )
}

/// A scenario's JSON message (`wire::read_scenario`), with what to do when nothing more specific applies.
fn scenario(lang: Lang, raw: &str, todo: &str) -> Problem {
    if let Some(rest) = raw.strip_prefix("not valid JSON (") {
        let place = rest.split(')').next().map(|p| line_column(lang, p));
        return problem(
            tr!(
                lang,
                "it is not a valid JSON file: it may be cut short, or not a Backfire scenario at all",
                "它不是有效的 JSON 文件：可能被截断了，或者根本不是 Backfire 场景"
            ),
            place,
            todo,
        );
    }
    if raw.starts_with("a scenario must be a JSON object") {
        return problem(
            tr!(
                lang,
                "it holds something other than a Backfire scenario",
                "它包含的不是 Backfire 场景"
            ),
            None,
            todo,
        );
    }
    if raw.starts_with("unsupported version") {
        return problem(
            newer(lang),
            None,
            tr!(
                lang,
                "Open it with the Backfire it was made with.",
                "请用生成它的那个 Backfire 版本打开。"
            ),
        );
    }
    if raw.starts_with("the scenario is ") || raw.starts_with("it is ") || raw.starts_with("the browser could not") {
        // Already in words: its size and the limit, or the browser's own refusal (English: the raw detail
        // keeps the figures, the Chinese says what kind of problem it is).
        let what = match lang {
            Lang::En => raw.to_string(),
            Lang::Zh => String::from("文件过大，或浏览器无法读取它"),
        };
        return problem(what, None, todo);
    }
    let Some((path, what)) = split_path(raw) else {
        return field(lang, None, raw, todo);
    };
    field(lang, Some(path), what, todo)
}

/// serde's "line 1, column 2" in `lang`.
fn line_column(lang: Lang, place: &str) -> String {
    let number = |word: &str| {
        place
            .split(word)
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .map(str::to_string)
    };
    match (lang, number("line "), number("column ")) {
        (Lang::Zh, Some(line), Some(column)) => format!("第 {line} 行第 {column} 列"),
        _ => place.to_string(),
    }
}

/// A message about one field: what is wrong with it, in words, and where it is.
fn field(lang: Lang, path: Option<&str>, what: &str, todo: &str) -> Problem {
    let place = |p: &str| Some(place_words_in(lang, p));
    let quoted = |text: &str| text.split('`').nth(1).unwrap_or_default().to_string();
    if what.starts_with("unknown field") {
        // The path ends in the unknown name itself: the place is its parent.
        let name = quoted(what);
        let parent = path
            .and_then(|p| p.strip_suffix(name.as_str()))
            .map(|p| p.trim_end_matches('.'));
        return problem(
            trf!(
                lang,
                "`{name}` is not a setting Backfire knows",
                "`{name}` 不是 Backfire 认识的设置"
            ),
            Some(match parent {
                Some(p) if !p.is_empty() => place_words_in(lang, p),
                _ => String::from(tr!(lang, "the top of the scenario", "场景的最外层")),
            }),
            tr!(
                lang,
                "Remove it or correct its spelling; a file from a newer Backfire may have settings this one lacks.",
                "删除它或改正拼写；更新版本 Backfire 的文件可能含有这个版本没有的设置。"
            ),
        );
    }
    if what.starts_with("missing field") {
        let name = quoted(what);
        return problem(
            trf!(lang, "the setting `{name}` is missing", "缺少设置 `{name}`"),
            path.and_then(place),
            todo,
        );
    }
    if what.starts_with("unknown choice") {
        let name = quoted(what);
        return problem(
            trf!(
                lang,
                "`{name}` is not one of the allowed choices",
                "`{name}` 不是允许的选项之一"
            ),
            path.and_then(place),
            todo,
        );
    }
    if let Some(rest) = what.strip_prefix("at most ") {
        // "at most 20 allowed, got 80000"
        let (most, got) = rest.split_once(" allowed, got ").unwrap_or((rest, "more"));
        let list = path.and_then(|p| p.rsplit('.').next());
        let noun = match (lang, list) {
            (Lang::En, Some(list @ ("circles" | "conditions" | "notes"))) => list,
            (Lang::En, Some("allow")) => "options",
            (Lang::En, _) => "items",
            (Lang::Zh, Some("circles")) => "个圈子",
            (Lang::Zh, Some("conditions")) => "个条件",
            (Lang::Zh, Some("notes")) => "条备注",
            (Lang::Zh, Some("allow")) => "个选项",
            (Lang::Zh, _) => "项",
        };
        let got = group_digits(got);
        return problem(
            trf!(
                lang,
                "it has {got} {noun} where at most {most} are allowed",
                "它有 {got} {noun}，超过了允许的上限 {most}"
            ),
            path.and_then(place),
            todo,
        );
    }
    if let Some(rest) = what.strip_prefix("expected ") {
        // The engine has already put serde's types into words: "expected a whole number from 0 to 255, got 300".
        let (want, got) = rest.split_once(", got ").unwrap_or((rest, "something else"));
        return problem(
            match lang {
                Lang::En => format!("a value should be {want}, but it is {got}"),
                // serde's type words stay in the folded detail; the place says which value.
                Lang::Zh => String::from("某个值的类型或范围不对"),
            },
            path.and_then(place),
            tr!(
                lang,
                "Correct that value, or export the scenario again.",
                "请改正这个值，或重新导出场景。"
            ),
        );
    }
    if let Some(p) = path {
        return problem(unreadable(lang), place(p), todo);
    }
    unknown(lang, todo)
}

/// "One of its values cannot be read".
fn unreadable(lang: Lang) -> &'static str {
    tr!(lang, "one of its values cannot be read", "其中某个值无法读取")
}

/// A library file's message (`Library::from_file` and the size check).
fn library(lang: Lang, raw: &str) -> Problem {
    let export = tr!(
        lang,
        "Choose a file made with Export library in this panel.",
        "请选择用本面板中“导出场景库”生成的文件。"
    );
    if raw.starts_with("it is not JSON") {
        return problem(
            tr!(
                lang,
                "it is not JSON: it may be cut short, or not a Backfire library at all",
                "它不是 JSON：可能被截断了，或者根本不是 Backfire 场景库"
            ),
            None,
            export,
        );
    }
    if raw.starts_with("it is a single scenario") {
        return problem(
            tr!(
                lang,
                "it is a single scenario, not a library",
                "它是单个场景，不是场景库"
            ),
            None,
            tr!(
                lang,
                "Open it with More → Import JSON in the header.",
                "请用页头的“更多 → 导入 JSON”打开它。"
            ),
        );
    }
    if let Some(rest) = raw.strip_prefix("it is library version ") {
        let v = rest.split(';').next().unwrap_or_default();
        return problem(
            trf!(
                lang,
                "it was made by a newer version of Backfire (library version {v})",
                "它由更新版本的 Backfire 生成（场景库版本 {v}）"
            ),
            None,
            tr!(
                lang,
                "Export the library again from the Backfire it was made with.",
                "请从生成它的那个 Backfire 版本重新导出场景库。"
            ),
        );
    }
    if raw.starts_with("it is not a Backfire library") || raw.starts_with("it has no library") {
        return problem(
            tr!(lang, "it is not a Backfire library file", "它不是 Backfire 场景库文件"),
            None,
            export,
        );
    }
    if raw.starts_with("it is ") || raw.starts_with("it holds ") || raw.starts_with("the browser could not") {
        // Sizes and counts, or the browser's own refusal: already in words (the figures stay in the detail).
        let what = match lang {
            Lang::En => raw.to_string(),
            Lang::Zh => String::from("文件过大、场景过多，或浏览器无法读取它"),
        };
        return problem(what, None, export);
    }
    // "scenario `Launch`, version 1: <a link's or a scenario's message>"
    if let Some((place, rest)) = raw.split_once(": ").filter(|(p, _)| p.starts_with("scenario ")) {
        let inner = if rest.starts_with('{') || rest.contains("JSON") || split_path(rest).is_some() {
            scenario(lang, rest, export)
        } else {
            link(lang, rest)
        };
        let place = library_place(lang, place);
        return Problem {
            place: Some(match inner.place {
                Some(p) => format!("{place}, {p}"),
                None => place,
            }),
            todo: String::from(tr!(
                lang,
                "Export the library again, or remove that version from the file.",
                "请重新导出场景库，或从文件中删除那个版本。"
            )),
            ..inner
        };
    }
    if let Some(rest) = raw.strip_prefix("scenario ") {
        // "scenario `a` has no versions"
        let what = match (lang, rest.strip_suffix(" has no versions")) {
            (Lang::Zh, Some(name)) => format!("场景 {name} 没有任何版本"),
            _ => format!("scenario {rest}"),
        };
        return problem(what, None, export);
    }
    if let Some((path, _)) = raw.strip_prefix('`').and_then(|r| r.split_once("`: ")) {
        return problem(unreadable(lang), Some(place_words_in(lang, path)), export);
    }
    unknown(lang, export)
}

/// "scenario `Launch`, version 1" in `lang` (the name as the designer typed it).
fn library_place(lang: Lang, place: &str) -> String {
    let parsed = place
        .strip_prefix("scenario ")
        .and_then(|rest| rest.rsplit_once(", version "));
    match (lang, parsed) {
        (Lang::Zh, Some((name, version))) => format!("场景 {name} 的第 {version} 版"),
        _ => place.to_string(),
    }
}

/// A message this module does not know: said generally, with the raw text in the detail.
fn unknown(lang: Lang, todo: &str) -> Problem {
    problem(
        tr!(
            lang,
            "its contents are not what Backfire expects",
            "其内容不是 Backfire 所预期的"
        ),
        None,
        todo,
    )
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
    place_words_in(Lang::En, path)
}

/// A field path in words in `lang` (see [`place_words`]): "圈子 1 → 打赏上限".
pub fn place_words_in(lang: Lang, path: &str) -> String {
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
        let label = s.label_in(lang);
        return match circle {
            Some(i) => {
                let n = i + 1;
                trf!(lang, "circle {n} → {label}", "圈子 {n} → {label}")
            }
            None => label.to_string(),
        };
    }
    path.split('.')
        .filter(|step| !step.is_empty())
        .map(|step| {
            let (name, idx) = match step.split_once('[') {
                Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
                None => (step, None),
            };
            let word = step_word(lang, name);
            match idx {
                Some(i) => format!("{word} {}", i + 1),
                None => word,
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// One step of a field path in words: `circles` → "circle" / "圈子"; a step without a Chinese word keeps its name.
fn step_word(lang: Lang, name: &str) -> String {
    let zh = match name {
        "circles" => Some("圈子"),
        "allow" => Some("选项"),
        "conditions" => Some("条件"),
        "notes" => Some("备注"),
        "rules" => Some("规则"),
        "interventions" => Some("干预"),
        "population" => Some("人群"),
        "platform" => Some("平台"),
        "assumptions" => Some("假设"),
        "moderation" => Some("审核"),
        "tips" => Some("打赏"),
        "join" => Some("加入"),
        "post" => Some("发帖"),
        "comment" => Some("评论"),
        "praise" => Some("点赞"),
        "tip" => Some("打赏"),
        "message" => Some("私信"),
        _ => None,
    };
    match (lang, zh) {
        (Lang::Zh, Some(word)) => word.to_string(),
        _ => match name {
            "circles" => "circle",
            "allow" => "option",
            "conditions" => "condition",
            "notes" => "note",
            other => other,
        }
        .replace('_', " "),
    }
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
        explain(Lang::En, Source::Link, &raw)
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
        let baseline = explain(Lang::En, Source::Link, &raw);
        let good = link::encode(&backfire_engine::Scenario::default()).unwrap_or_default();
        let b = good.strip_prefix("s=").unwrap_or_default();
        let raw = link::decode_baseline(&format!("{good}&b={b}&runs=900"))
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let runs = explain(Lang::En, Source::Link, &raw);
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
        let p = explain(Lang::En, Source::ScenarioFile("x.json"), &raw);
        assert_eq!(p.place.as_deref(), Some("Users"), "{p:?}");
        assert_plain(&p);
        let raw = wire::scenario_from_json(r#"{"circles": [{}, {"tips": {"max_fen": "lots"}}]}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let p = explain(Lang::En, Source::ScenarioFile("x.json"), &raw);
        assert_eq!(p.place.as_deref(), Some("circle 2 → Tip ceiling"), "{p:?}");
        let raw = wire::scenario_from_json(r#"{"version": 2, "surprise": true}"#)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let p = explain(Lang::En, Source::ScenarioFile("x.json"), &raw);
        assert_eq!(p.what, "`surprise` is not a setting Backfire knows");
        assert_eq!(p.place.as_deref(), Some("the top of the scenario"));
        let p = explain(
            Lang::En,
            Source::ScenarioFile("x.json"),
            "not valid JSON (line 1, column 2): expected value",
        );
        assert_eq!(p.place.as_deref(), Some("line 1, column 2"));
    }

    #[test]
    fn a_list_too_long_is_named() {
        let p = explain(
            Lang::En,
            Source::Link,
            "bad scenario in link: circles: at most 20 allowed, got 80000",
        );
        assert_eq!(p.what, "it has 80,000 circles where at most 20 are allowed");
    }

    /// The Chinese notice says the same things with no English words but the raw detail's and the link's own.
    #[test]
    fn a_broken_link_reads_in_chinese() {
        let raw = link::decode("#s=1.!!!not-base64!!!")
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        let n = explain(Lang::Zh, Source::Link, &raw).notice(Lang::Zh, Source::Link);
        assert!(n.text.starts_with("无法打开这个链接："), "{}", n.text);
        let latin: String = n.text.replace("Backfire", "").replace("JSON", "").replace("s=1.", "");
        assert!(!latin.chars().any(|c| c.is_ascii_alphabetic()), "{}", n.text);
        assert_eq!(n.detail.as_deref(), Some(raw.as_str()));
        assert_eq!(place_words_in(Lang::Zh, "circles[1].tips.max_fen"), "圈子 2 → 打赏上限");
        assert_eq!(
            place_words_in(Lang::Zh, "circles[1].rules.post.allow[0].conditions[2]"),
            "圈子 2 → 规则 → 发帖 → 选项 1 → 条件 3"
        );
        let p = explain(
            Lang::Zh,
            Source::Link,
            "bad scenario in link: circles: at most 20 allowed, got 80000",
        );
        assert_eq!(p.what, "它有 80,000 个圈子，超过了允许的上限 20");
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
        let n = explain(
            Lang::En,
            Source::Link,
            "bad base64 in link: Invalid symbol 33, offset 0",
        )
        .notice(Lang::En, Source::Link);
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
            Lang::En,
            Source::LibraryFile("lib.json"),
            "scenario `Launch`, version 1: bad base64 in link: Invalid symbol 33, offset 0",
        );
        assert_eq!(
            p.place.as_deref(),
            Some("scenario `Launch`, version 1, character 1 after `s=1.`")
        );
        assert_plain(&p);
        let p = explain(
            Lang::En,
            Source::LibraryFile("lib.json"),
            "it is not JSON (expected value at line 1 column 1)",
        );
        assert!(p.what.starts_with("it is not JSON"));
        assert_plain(&p);
    }
}
