//! The interface's two languages: which one is chosen (link, saved preference, browser), how a string is
//! written in both, and how numbers and money read in each.
//!
//! The catalogue is compile-time: every string of the interface is written where it is used as a pair,
//! `tr!(lang, "Run", "运行")`, so a missing half does not compile and each string sits beside its
//! translation for review. `tests/locale.rs` checks the pairs (a Chinese half in Chinese, the same
//! placeholders in both). Formatting changes only what is displayed: reports, links and exports keep the
//! engine's own numbers.

use backfire_engine::words::{group, yuan};
use backfire_engine::{Level, PatternId};

pub use backfire_engine::lang::Lang;

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

/// Money for display: English as the engine writes it (`¥1,234.50`); Chinese the same below ¥10,000 and in
/// 万 (ten thousand yuan) from there, as Chinese readers count large sums: `¥25.55万`.
pub fn money(lang: Lang, fen: u64) -> String {
    const WAN_FEN: u64 = 10_000 * 100;
    match lang {
        Lang::Zh if fen >= WAN_FEN => {
            // Two decimals of 万 (¥100), rounded half up in integers so every platform prints the same.
            let hundreds = (fen + 5_000) / 10_000;
            let (whole, frac) = (hundreds / 100, hundreds % 100);
            match frac {
                0 => format!("¥{}万", group(whole)),
                f if f % 10 == 0 => format!("¥{}.{}万", group(whole), f / 10),
                f => format!("¥{}.{f:02}万", group(whole)),
            }
        }
        _ => yuan(fen),
    }
}

/// A whole count for display: thousands separated by commas in both languages (as Chinese interfaces write them).
pub fn count(n: u64) -> String {
    group(n)
}

/// A simulated hour: "day 2, 14:00" / "第 2 天 14:00" (day 1 starts at hour 0).
pub fn hour_label(lang: Lang, hour: u32) -> String {
    let (day, h) = (hour / 24 + 1, hour % 24);
    trf!(lang, "day {day}, {h:02}:00", "第 {day} 天 {h:02}:00")
}

/// A pattern's name as a heading (the engine's `words::pattern_name` in English).
pub fn pattern_name(lang: Lang, id: PatternId) -> &'static str {
    match lang {
        Lang::En => backfire_engine::words::pattern_name(id),
        // A pattern's Chinese name is the same as a heading and inside the engine's sentences.
        Lang::Zh => backfire_engine::explain::pattern_words(lang, id),
    }
}

/// One sentence on what a pattern is (the engine's `words::pattern_blurb` in English).
pub fn pattern_blurb(lang: Lang, id: PatternId) -> &'static str {
    match lang {
        Lang::En => backfire_engine::words::pattern_blurb(id),
        Lang::Zh => match id {
            PatternId::Solicitation => "发布擦边内容，索要打赏、私聊或见面。",
            PatternId::IdentityFraud => "伪造性别或身份通过门槛行事的账号。",
            PatternId::Scam => "收了打赏或预付款，约定的见面却从未发生。",
            PatternId::Harassment => "辱骂性的评论和私信。",
            PatternId::ScoreFarming => "反复刷付款买信用分，以跨过门槛。",
            PatternId::TipLaundering => "通过打赏在受控账号之间转移资金。",
            PatternId::RankingManipulation => "协同打赏或点赞，冲上排序的信息流。",
            PatternId::BanEvasion => "被封禁的人用新账号回来。",
            PatternId::Exclusion => "想参与却被规则拒绝的诚实用户。",
        },
    }
}

/// An archetype's name as a heading (the population editor's `archetype_name` in English).
pub fn archetype_name(lang: Lang, a: backfire_engine::Archetype) -> &'static str {
    match lang {
        Lang::En => crate::components::population_editor::archetype_name(a),
        Lang::Zh => backfire_engine::exemplar::archetype_zh(a),
    }
}

/// An action's word, as rule labels name it: "post" / "发帖".
pub fn action_word(lang: Lang, action: backfire_engine::Action) -> &'static str {
    use backfire_engine::Action;
    match lang {
        Lang::En => action.id(),
        Lang::Zh => match action {
            Action::Join => "加入",
            Action::Post => "发帖",
            Action::Comment => "评论",
            Action::Praise => "点赞",
            Action::Tip => "打赏",
            Action::Message => "私信",
        },
    }
}

/// A catalogued setting's label and unit text in Chinese (the engine's settings table holds the English).
fn setting_zh(id: backfire_engine::settings::SettingId) -> (&'static str, &'static str) {
    use backfire_engine::settings::SettingId as I;
    match id {
        I::Days => ("天数", "天"),
        I::Users => ("用户数", "人"),
        I::FemalePercent => ("诚实用户和潜水者中的女性", "%"),
        I::IdentityStudent => ("学生", ""),
        I::IdentityWhiteCollar => ("白领", ""),
        I::IdentityOverseas => ("海外", ""),
        I::IdentityOther => ("其他", ""),
        I::CreditMean => ("平均信用分", "分"),
        I::CreditStdDev => ("信用分离散度（标准差）", "分"),
        I::SpendingMedian => ("消费中位数", "¥ 每天"),
        I::AccountAgeMedian => ("账号年龄中位数", "天"),
        I::DocumentCheckedPercent => ("证件核验账号", "%"),
        I::RealNamePercent => ("实名绑定账号", "%"),
        I::CreditPointPrice => ("每个信用分需付款", "¥"),
        I::ChurnCost => ("刷单成本", "% 的刷单金额"),
        I::MaxPointsPerDay => ("每天最多得分", "分"),
        I::ForgedDocumentPrice => ("伪造证件价格", "¥"),
        I::ForgeryCaught => ("伪造被识破", "%"),
        I::ReturnCost => ("重新注册成本", "¥"),
        I::TipFloor => ("打赏下限", "¥"),
        I::TipCeiling => ("打赏上限", "¥"),
        I::DailyTipCap => ("每位打赏者每日上限", "¥（0 = 不设上限）"),
        I::TipFee => ("打赏手续费", "%"),
        I::FilterRecall => ("过滤器拦截", "% 的联系方式"),
        I::ClassifierRecall => ("分类器召回率", "%"),
        I::ClassifierFalsePositives => ("误报", "% 的诚实内容"),
        I::ReviewCapacity => ("审核能力", "次/天 每万用户"),
        I::ReviewDelay => ("审核延迟", "小时"),
        I::ReviewerError => ("审核员错误", "% 的误标被维持"),
        I::SuspendDays => ("停用", "天"),
        I::BanAfterStrikes => ("几次违规后封禁", "次（0 = 从不）"),
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
        .map_or_else(given, |row| {
            let (label, unit) = setting_zh(row.id);
            (label.to_string(), unit.to_string())
        })
}

/// The engine's words for a gender, an identity and a verification level (`words::gender_word` …) in the chosen language.
pub fn gender_word(lang: Lang, g: backfire_engine::Gender) -> &'static str {
    use backfire_engine::Gender;
    match (lang, g) {
        (Lang::En, g) => backfire_engine::words::gender_word(g),
        (Lang::Zh, Gender::Female) => "女性",
        (Lang::Zh, Gender::Male) => "男性",
    }
}

/// An identity's word (see [`gender_word`]).
pub fn identity_word(lang: Lang, i: backfire_engine::Identity) -> &'static str {
    use backfire_engine::Identity;
    match (lang, i) {
        (Lang::En, i) => backfire_engine::words::identity_word(i),
        (Lang::Zh, Identity::Student) => "学生",
        (Lang::Zh, Identity::WhiteCollar) => "白领",
        (Lang::Zh, Identity::Overseas) => "海外",
        (Lang::Zh, Identity::Other) => "其他",
    }
}

/// A verification level's word (see [`gender_word`]).
pub fn verification_word(lang: Lang, l: backfire_engine::VerificationLevel) -> &'static str {
    use backfire_engine::VerificationLevel;
    match (lang, l) {
        (Lang::En, l) => backfire_engine::words::verification_word(l),
        (Lang::Zh, VerificationLevel::SelfDeclared) => "自行声明",
        (Lang::Zh, VerificationLevel::DocumentChecked) => "证件核验",
        (Lang::Zh, VerificationLevel::RealNameBound) => "实名绑定",
    }
}

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
    fn money_reads_in_wan_in_chinese_from_ten_thousand_yuan() {
        assert_eq!(money(Lang::Zh, 123_450), "¥1,234.50");
        assert_eq!(money(Lang::En, 123_450), "¥1,234.50");
        assert_eq!(money(Lang::Zh, 25_700_000), "¥25.7万");
        assert_eq!(money(Lang::Zh, 25_545_958), "¥25.55万");
        assert_eq!(money(Lang::Zh, 1_000_000), "¥1万");
        assert_eq!(money(Lang::Zh, 999_999), "¥9,999.99");
        assert_eq!(money(Lang::Zh, 12_345_678_900), "¥12,345.68万");
        assert_eq!(money(Lang::En, 25_700_000), "¥257,000");
    }

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
