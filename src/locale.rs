//! The interface's two languages: which one is chosen (link, saved preference, browser), how a string is
//! written in both, and how numbers and money read in each.
//!
//! The catalogue is compile-time: every string of the interface is written where it is used as a pair,
//! `tr!(lang, "Run", "运行")`, so a missing half does not compile and each string sits beside its
//! translation for review. `tests/locale.rs` checks the pairs (a Chinese half in Chinese, the same
//! placeholders in both). Formatting changes only what is displayed: reports, links and exports keep the
//! engine's own numbers.

use backfire_engine::words::group;
use backfire_engine::Level;

pub use backfire_engine::lang::Lang;
/// An action's word, as rule labels name it: "post" / "发帖" (the engine's words, in validation messages too).
pub use backfire_engine::words::action_word;

/// A string of the interface in the chosen language: `tr!(lang, "Run", "运行")` gives a `&'static str`.
macro_rules! tr {
    ($lang:expr, $en:literal, $zh:literal) => {
        match $lang {
            $crate::locale::Lang::En => $en,
            $crate::locale::Lang::Zh => $zh,
        }
    };
}
pub(crate) use tr;

/// A formatted string of the interface in the chosen language: `trf!(lang, "{n} seeds", "{n} 个种子")` gives
/// a `String`; both halves capture the same variables (`tests/locale.rs` checks their placeholders agree).
macro_rules! trf {
    ($lang:expr, $en:literal, $zh:literal) => {
        match $lang {
            $crate::locale::Lang::En => format!($en),
            $crate::locale::Lang::Zh => format!($zh),
        }
    };
}
pub(crate) use trf;

/// Where the chosen language is kept between visits.
pub const LANG_KEY: &str = "backfire.lang.v1";

/// Money for display: English as the engine writes it (`¥1,234.50`); Chinese in 万 from ¥10,000 (`¥25.55万`).
/// The engine's `words::money` states the rule once, so its sentences and the interface agree.
pub use backfire_engine::words::money;

/// A whole count for display: thousands separated by commas in both languages (as Chinese interfaces write them).
pub fn count(n: u64) -> String {
    group(n)
}

/// A simulated hour: "day 2, 14:00" / "第 2 天 14:00" (day 1 starts at hour 0).
pub fn hour_label(lang: Lang, hour: u32) -> String {
    let (day, h) = (hour / 24 + 1, hour % 24);
    trf!(lang, "day {day}, {h:02}:00", "第 {day} 天 {h:02}:00")
}

/// A pattern's name as a heading and one sentence on what it is, in the chosen language (the engine's words).
pub use backfire_engine::words::{pattern_blurb, pattern_name};

/// An archetype's name as a heading (the population editor's `archetype_name` in English).
pub fn archetype_name(lang: Lang, a: backfire_engine::Archetype) -> &'static str {
    match lang {
        Lang::En => crate::components::population_editor::archetype_name(a),
        Lang::Zh => backfire_engine::exemplar::archetype_zh(a),
    }
}

/// A number field's label and unit in the chosen language, found by the field's path (`circles[2].tips.min_fen`)
/// in the settings catalogue; a field outside the catalogue keeps the words it was given.
pub fn setting_words(lang: Lang, path: &str, label: &str, unit: &str) -> (String, String) {
    let given = || (label.to_string(), unit.to_string());
    if lang == Lang::En {
        return given();
    }
    let circle_idx = path
        .strip_prefix("circles[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(idx, _)| idx.parse::<usize>().ok())
        .unwrap_or(0);
    backfire_engine::settings::SETTINGS
        .iter()
        .find(|row| row.path(circle_idx) == path)
        .map_or_else(given, |row| (row.label_in(lang).to_string(), row.unit_text_in(lang)))
}

/// The engine's words for a gender, an identity and a verification level in the chosen language.
pub use backfire_engine::words::{gender_word, identity_word, verification_word};

/// A preset's title and one-sentence description in the chosen language (the engine's presets hold the
/// English); a preset this table does not know keeps its English words.
pub fn preset_words(lang: Lang, preset: &backfire_engine::presets::Preset) -> (&'static str, &'static str) {
    let zh = match (lang, preset.id) {
        (Lang::En, _) => None,
        (Lang::Zh, "alipay-circles-2016") => Some((
            "支付宝圈子，上线时（2016 年 11 月）",
            "仅限女性发帖，评论和点赞设信用分门槛并通向最高 ¥200 的打赏页：招揽在几小时内占据上风。",
        )),
        (Lang::Zh, "alipay-circles-2016-fix") => Some((
            "支付宝圈子，修正版",
            "支付宝所做的改动（开放发帖、实名永久封禁、整治），加上设计者会补上的修正：小额打赏且不经点赞引流、最新优先的信息流、过滤联系方式和快速审核。",
        )),
        (Lang::Zh, "alipay-circles-2016-timeline") => Some((
            "支付宝圈子，实际经过",
            "先上线，再按文章给出的时间应对：第二天整治，当晚开放新圈子，两天后永久封禁。固定“安全上线”为基线，看看应对迟缓的代价。",
        )),
        (Lang::Zh, "alipay-circles-2016-safe-launch") => Some((
            "支付宝圈子，安全上线",
            "同样的上线，同样的三项应对从第一个小时起就生效：衡量应对迟缓代价的基线。",
        )),
        (Lang::Zh, "open-community") => Some((
            "开放社区",
            "完全没有门槛，打赏金额小：没有人被排斥，滥用只靠举报和审核员压制。",
        )),
        (Lang::Zh, "strict-verified") => Some((
            "严格认证",
            "每个行为都需要经过认证、注册满一个月的账号，封禁与实名绑定：滥用减少，但许多诚实用户被挡在门外。",
        )),
        (Lang::Zh, _) => None,
    };
    zh.unwrap_or((preset.title, preset.sentence))
}

/// A severity level's word: "high" / "高".
pub fn level_word(lang: Lang, level: Level) -> &'static str {
    match lang {
        Lang::En => level.id(),
        Lang::Zh => match level {
            Level::None => "无",
            Level::Low => "低",
            Level::Medium => "中",
            Level::High => "高",
            Level::Critical => "严重",
        },
    }
}

/// "1 incident" / "3 incidents" / "3 起事件": a count with its noun, plural in English.
pub fn plural(lang: Lang, n: u64, one: &str, many: &str, zh: &str) -> String {
    let figure = count(n);
    match lang {
        Lang::En if n == 1 => format!("{figure} {one}"),
        Lang::En => format!("{figure} {many}"),
        Lang::Zh => format!("{figure} {zh}"),
    }
}

/// The language components render in, from the app's context (English outside it).
#[yew::hook]
pub fn use_lang() -> Lang {
    yew::use_context::<Lang>().unwrap_or_default()
}

/// The language the page opens in: the link's (`&lang=zh`), else the one chosen on an earlier visit, else
/// the browser's first preferred language.
pub fn opening_lang() -> Lang {
    use gloo::storage::{LocalStorage, Storage};
    if let Some(l) = crate::share::lang_requested() {
        return l;
    }
    if let Some(l) = LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .as_deref()
        .and_then(Lang::from_id)
    {
        return l;
    }
    let preferred: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Lang::from_browser(&preferred)
}

/// Puts `lang` in force on the page: `<html lang>` (fonts and screen readers choose by it) and the kept preference.
pub fn apply(lang: Lang) {
    use gloo::storage::{LocalStorage, Storage};
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
    // A refused write (private mode, full storage) only loses the preference; the link still carries it.
    let _ = LocalStorage::set(LANG_KEY, lang.id());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_picks_chinese_only_when_it_comes_first() {
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(Lang::from_browser(&langs(&["zh-CN", "en"])), Lang::Zh);
        assert_eq!(Lang::from_browser(&langs(&["zh-TW"])), Lang::Zh);
        assert_eq!(Lang::from_browser(&langs(&["en-GB", "zh-CN"])), Lang::En);
        assert_eq!(Lang::from_browser(&[]), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::from_id(l.id()), Some(l));
        }
    }

    #[test]
    fn every_setting_has_chinese_words_found_by_its_path() {
        for row in &backfire_engine::settings::SETTINGS {
            let path = row.path(2);
            let (label, unit) = setting_words(Lang::Zh, &path, row.label, "x");
            assert_ne!(label, row.label, "{path} has no Chinese label");
            assert!(unit != "x", "{path} was not found by its path");
            assert_eq!(
                setting_words(Lang::En, &path, row.label, "x"),
                (row.label.to_string(), "x".to_string())
            );
        }
        assert_eq!(
            setting_words(Lang::Zh, "no.such", "Mine", "u"),
            ("Mine".to_string(), "u".to_string())
        );
    }

    #[test]
    fn every_preset_has_chinese_words() {
        for p in backfire_engine::presets::all() {
            let (title, sentence) = preset_words(Lang::Zh, &p);
            assert!(
                title != p.title && sentence != p.sentence,
                "preset `{}` has no Chinese words",
                p.id
            );
            assert_eq!(preset_words(Lang::En, &p), (p.title, p.sentence));
        }
    }

    #[test]
    fn hours_and_counts_read_in_both_languages() {
        assert_eq!(hour_label(Lang::En, 38), "day 2, 14:00");
        assert_eq!(hour_label(Lang::Zh, 38), "第 2 天 14:00");
        assert_eq!(plural(Lang::En, 1, "seed", "seeds", "个种子"), "1 seed");
        assert_eq!(plural(Lang::Zh, 1_200, "seed", "seeds", "个种子"), "1,200 个种子");
    }
}
