//! Words for designers, in English and Simplified Chinese: money, pattern names, conditions, rule labels and the
//! rules in plain language, shared by the app and the CLI.
//!
//! One vocabulary: verification levels are "self-declared", "document-checked" and "real-name bound" (自行声明,
//! 证件核验, 实名绑定) everywhere (rule labels in reports, the rules summary, the editors). Every function that
//! writes words takes the language first and keeps each English phrase beside its Chinese, so a missing half does
//! not compile. Reports store only the English (`OpenedBy::rule`), which saved snapshots depend on: the engine's
//! tests say so when an English word changes.

use crate::lang::Lang;
use crate::report::{PatternId, RuleAt, RuleRef};
use crate::scenario::{
    Action, Archetype, BanReturn, Circle, Clause, Condition, ContactPolicy, Gender, Identity, Ranking, Rule,
    SanctionKind, Scenario, VerificationLevel,
};

/// An amount in yuan as a designer reads it: "¥5", "¥0.10", "¥5,000".
pub fn yuan(fen: u64) -> String {
    let whole = fen / 100;
    let cents = fen % 100;
    let grouped = group(whole);
    if cents == 0 {
        format!("¥{grouped}")
    } else {
        format!("¥{grouped}.{cents:02}")
    }
}

/// Money in `lang`: English as [`yuan`] writes it (`¥1,234.50`); Chinese the same below ¥10,000 and in 万 (ten
/// thousand yuan) from there, as Chinese readers count large sums: `¥25.55万`.
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

/// A whole number with thousands separators: 1234567 → "1,234,567".
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "a whole number from `lo` to `hi`", as a message about a bad value says what it wants (numbers grouped).
pub(crate) fn whole_number_between(lang: Lang, lo: u32, hi: u32) -> String {
    pick(lang, "a whole number from {lo} to {hi}", "{lo} 到 {hi} 之间的整数")
        .replace("{lo}", &group(u64::from(lo)))
        .replace("{hi}", &group(u64::from(hi)))
}

/// The English or the Chinese of a pair, as `lang` asks.
pub(crate) fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A pattern's name as a heading: "Solicitation", "Exclusion of honest users" / "招揽", "排斥诚实用户".
pub fn pattern_name(lang: Lang, id: PatternId) -> &'static str {
    let (en, zh) = match id {
        PatternId::Solicitation => ("Solicitation", "招揽"),
        PatternId::IdentityFraud => ("Identity fraud", "身份冒充"),
        PatternId::Scam => ("Scams", "诈骗"),
        PatternId::Harassment => ("Harassment", "骚扰"),
        PatternId::ScoreFarming => ("Score farming", "刷信用分"),
        PatternId::TipLaundering => ("Tip laundering", "打赏洗钱"),
        PatternId::RankingManipulation => ("Ranking manipulation", "操纵排名"),
        PatternId::BanEvasion => ("Ban evasion", "封禁规避"),
        PatternId::Exclusion => ("Exclusion of honest users", "排斥诚实用户"),
    };
    pick(lang, en, zh)
}

/// The pattern as a noun phrase inside a sentence: "cuts scams by 40 %" (Chinese has no case: the name).
pub fn pattern_words(lang: Lang, id: PatternId) -> &'static str {
    let en = match id {
        PatternId::Solicitation => "solicitation",
        PatternId::IdentityFraud => "identity fraud",
        PatternId::Scam => "scams",
        PatternId::Harassment => "harassment",
        PatternId::ScoreFarming => "score farming",
        PatternId::TipLaundering => "tip laundering",
        PatternId::RankingManipulation => "ranking manipulation",
        PatternId::BanEvasion => "ban evasion",
        PatternId::Exclusion => "exclusion of honest users",
    };
    pick(lang, en, pattern_name(Lang::Zh, id))
}

/// One sentence on what a pattern is.
pub fn pattern_blurb(lang: Lang, id: PatternId) -> &'static str {
    let (en, zh) = match id {
        PatternId::Solicitation => (
            "Racy posts asking for tips, chats or meetings.",
            "发布擦边内容，索要打赏、私聊或见面。",
        ),
        PatternId::IdentityFraud => (
            "Accounts acting through a gate with a faked gender or identity.",
            "伪造性别或身份通过门槛行事的账号。",
        ),
        PatternId::Scam => (
            "Tips or prepayment taken for meetings that never happen.",
            "收了打赏或预付款，约定的见面却从未发生。",
        ),
        PatternId::Harassment => ("Abusive comments and messages.", "辱骂性的评论和私信。"),
        PatternId::ScoreFarming => (
            "Credit points bought by churning payments to cross a gate.",
            "反复刷付款买信用分，以跨过门槛。",
        ),
        PatternId::TipLaundering => (
            "Money moved between controlled accounts through tips.",
            "通过打赏在受控账号之间转移资金。",
        ),
        PatternId::RankingManipulation => (
            "Coordinated tips or praise to climb a ranked feed.",
            "协同打赏或点赞，冲上排序的信息流。",
        ),
        PatternId::BanEvasion => ("Banned people returning with new accounts.", "被封禁的人用新账号回来。"),
        PatternId::Exclusion => (
            "Honest users who wanted to act and were refused by a rule.",
            "想参与却被规则拒绝的诚实用户。",
        ),
    };
    pick(lang, en, zh)
}

/// Prevalence, as the report measures it (see `PatternReport::prevalence_per_10k`).
pub fn prevalence_words(lang: Lang) -> &'static str {
    pick(
        lang,
        "of every 100 posts honest users saw, how many were this pattern: the share of views that showed violating content. Only posts have a prevalence; harassment, score farming, ban evasion and exclusion are acts, not posts",
        "诚实用户每看到 100 条帖子，其中有多少属于此模式：即浏览中违规内容所占的比例。只有帖子才有浏览占比；骚扰、刷信用分、封禁规避和排斥是行为，不是帖子",
    )
}

/// People harmed, as the report counts them (see `PatternReport::people_harmed`).
pub fn people_harmed_words(lang: Lang) -> &'static str {
    pick(
        lang,
        "distinct honest users harmed: for solicitation, those who took up off-platform contact or saw five or more solicitation posts; identity fraud, those who paid a faked persona; scams, victims who paid; harassment, targets; score farming, women approached by farmers who bought their way past a gate; ban evasion, victims of returned accounts; exclusion, honest users refused. Tip laundering and ranking manipulation harm nobody directly",
        "受到伤害的诚实用户人数（每人只算一次）：招揽，指接受了站外联系或看到五条及以上招揽帖的人；身份冒充，指向伪造身份付过钱的人；诈骗，指付了钱的受害者；骚扰，指被骚扰的对象；刷信用分，指被花钱越过门槛的刷分者接近的女性；封禁规避，指被回归账号伤害的人；排斥，指被拒绝的诚实用户。打赏洗钱和操纵排名不直接伤害任何人",
    )
}

/// Honest engagement, as the report counts it (see `Health::engagement`).
pub fn engagement_words(lang: Lang) -> &'static str {
    pick(
        lang,
        "genuine posts by honest members and lurkers, plus their comments, praise, tips and messages on genuine posts: the figure a fix must keep. Generous tippers act in good faith but are counted apart, as the market's customers",
        "诚实成员和潜水者发布的真实帖子，加上他们在真实帖子上的评论、点赞、打赏和私信：修正方案必须保住的数字。慷慨打赏者出于善意，但作为这个市场的顾客另行统计",
    )
}

/// What an archetype does, in one sentence (its strategy reads the rules; the enum's doc comments say the same for code).
pub fn archetype_words(lang: Lang, a: Archetype) -> &'static str {
    let (en, zh) = match a {
        Archetype::Honest => ("Posts, praises, comments and tips in good faith.", "出于善意发帖、点赞、评论和打赏。"),
        Archetype::Lurker => ("Reads and rarely interacts.", "只看不说，很少互动。"),
        Archetype::Solicitor => (
            "Posts racy content asking for tips and off-platform contact.",
            "发布擦边内容，索要打赏和站外联系方式。",
        ),
        Archetype::GenerousTipper => (
            "Tips often and generously, drawn most to racy posts; in good faith, but counted apart from honest users as the market's customers.",
            "经常大方打赏，最爱擦边帖；出于善意，但作为这个市场的顾客，与诚实用户分开统计。",
        ),
        Archetype::IdentityFaker => (
            "Claims the gender or identity a gate wants, when verification lets it and the gain beats the cost.",
            "在认证允许、且收益超过成本时，冒充门槛要求的性别或身份。",
        ),
        Archetype::Scammer => (
            "Takes tips or prepayment for meetings that never happen.",
            "收取打赏或预付款，约定的见面却从不发生。",
        ),
        Archetype::ScoreFarmer => (
            "Buys credit points by churning payments to cross a threshold, when the price is worth it.",
            "在划算时反复刷付款买信用分，以跨过门槛。",
        ),
        Archetype::Harasser => ("Posts abusive comments and messages wherever it may.", "只要规则允许，就发辱骂性的评论和私信。"),
        Archetype::SybilRing => (
            "Accounts of one operator that tip or praise each other to climb a ranked feed.",
            "同一操控者的多个账号互相打赏或点赞，冲上排序的信息流。",
        ),
        Archetype::Launderer => ("Moves money between controlled accounts through tips.", "通过打赏在受控账号之间转移资金。"),
        Archetype::BanEvader => (
            "Abuses, and returns with a new account after a ban when the platform allows it.",
            "实施滥用，被封禁后只要平台允许就用新账号回来。",
        ),
    };
    pick(lang, en, zh)
}

/// "female" or "male" / "女性" or "男性".
pub fn gender_word(lang: Lang, g: Gender) -> &'static str {
    match g {
        Gender::Female => pick(lang, "female", "女性"),
        Gender::Male => pick(lang, "male", "男性"),
    }
}

/// "a student", "white-collar", "overseas" or "other" (reads after "is") / "学生", "白领", "海外", "其他".
pub fn identity_word(lang: Lang, i: Identity) -> &'static str {
    match i {
        Identity::Student => pick(lang, "a student", "学生"),
        Identity::WhiteCollar => pick(lang, "white-collar", "白领"),
        Identity::Overseas => pick(lang, "overseas", "海外"),
        Identity::Other => pick(lang, "other", "其他"),
    }
}

/// "self-declared", "document-checked" or "real-name bound" / "自行声明", "证件核验", "实名绑定".
pub fn verification_word(lang: Lang, v: VerificationLevel) -> &'static str {
    match v {
        VerificationLevel::SelfDeclared => pick(lang, "self-declared", "自行声明"),
        VerificationLevel::DocumentChecked => pick(lang, "document-checked", "证件核验"),
        VerificationLevel::RealNameBound => pick(lang, "real-name bound", "实名绑定"),
    }
}

/// An action's word, as rule labels name it: "post" / "发帖".
pub fn action_word(lang: Lang, action: Action) -> &'static str {
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

/// A short phrase for one condition, as rule labels in reports use it: "actor credit ≥ 750" / "行为人信用分 ≥ 750".
pub fn condition(lang: Lang, c: &Condition) -> String {
    match lang {
        Lang::En => match c {
            Condition::ActorGender(g) => format!("actor is {}", gender_word(lang, *g)),
            Condition::ActorIdentity(i) => format!("actor is {}", identity_word(lang, *i)),
            Condition::ActorVerifiedAtLeast(v) => format!("actor verified ≥ {}", verification_word(lang, *v)),
            Condition::ActorCreditAtLeast(c) => format!("actor credit ≥ {c}"),
            Condition::ActorAccountAgeAtLeastDays(d) => format!("account ≥ {d} days old"),
            Condition::AuthorGender(g) => format!("author is {}", gender_word(lang, *g)),
            Condition::AuthorIdentity(i) => format!("author is {}", identity_word(lang, *i)),
            Condition::AuthorCreditAtLeast(c) => format!("author credit ≥ {c}"),
        },
        Lang::Zh => match c {
            Condition::ActorGender(g) => format!("行为人是{}", gender_word(lang, *g)),
            Condition::ActorIdentity(i) => format!("行为人身份为{}", identity_word(lang, *i)),
            Condition::ActorVerifiedAtLeast(v) => format!("行为人认证 ≥ {}", verification_word(lang, *v)),
            Condition::ActorCreditAtLeast(c) => format!("行为人信用分 ≥ {c}"),
            Condition::ActorAccountAgeAtLeastDays(d) => format!("账号注册 ≥ {d} 天"),
            Condition::AuthorGender(g) => format!("作者是{}", gender_word(lang, *g)),
            Condition::AuthorIdentity(i) => format!("作者身份为{}", identity_word(lang, *i)),
            Condition::AuthorCreditAtLeast(c) => format!("作者信用分 ≥ {c}"),
        },
    }
}

/// A clause as short phrases joined by "and" ("anyone" when it has no conditions), as rule labels use it.
pub fn clause_phrase(lang: Lang, clause: &Clause) -> String {
    if clause.conditions.is_empty() {
        String::from(pick(lang, "anyone", "任何人"))
    } else {
        clause
            .conditions
            .iter()
            .map(|c| condition(lang, c))
            .collect::<Vec<_>>()
            .join(pick(lang, " and ", "、"))
    }
}

/// The words for a rule that let something through, as reports and cards name it: "Campus Diary · post: actor
/// is female (from hour 36, crackdown)" / "Campus Diary · 发帖：行为人是女性（从第 36 小时起，crackdown）".
pub fn rule_label(lang: Lang, r: &RuleRef) -> String {
    let zh = lang == Lang::Zh;
    let rule = match &r.rule {
        RuleAt::Unknown => String::from(pick(lang, "unknown", "未知")),
        RuleAt::BansFree => String::from(pick(
            lang,
            "platform · bans: banned people come back freely",
            "平台 · 封禁：被封禁的人可以随意回来",
        )),
        RuleAt::BansAtCost => String::from(pick(
            lang,
            "platform · bans: banned people come back at a cost",
            "平台 · 封禁：被封禁的人付费即可回来",
        )),
        RuleAt::BansRealName => String::from(pick(
            lang,
            "platform · bans: real-name bans, passed with a bought account the check missed",
            "平台 · 封禁：实名封禁，被核验未识破的买来账号绕过",
        )),
        RuleAt::Refused { circle, action, allows } => {
            let allows = if allows.is_empty() {
                String::from(pick(lang, "nobody", "无人"))
            } else {
                allows
                    .iter()
                    .map(|c| clause_phrase(lang, c))
                    .collect::<Vec<_>>()
                    .join(pick(lang, "; or ", "；或"))
            };
            let act = action_word(lang, *action);
            if zh {
                format!("{circle} · {act}被拒（仅允许：{allows}）")
            } else {
                format!("{circle} · {act} refused (allows only: {allows})")
            }
        }
        RuleAt::Clause { circle, action, clause } => {
            let sep = pick(lang, ": ", "：");
            format!(
                "{circle} · {}{sep}{}",
                action_word(lang, *action),
                clause_phrase(lang, clause)
            )
        }
        RuleAt::Rule { circle, action } => format!("{circle} · {}", action_word(lang, *action)),
    };
    match &r.from {
        None => rule,
        Some((hour, label)) if zh => format!("{rule}（从第 {hour} 小时起，{label}）"),
        Some((hour, label)) => format!("{rule} (from hour {hour}, {label})"),
    }
}

/// A group of people: "women", "men students", "white-collar workers", or "members" / "女性", "男学生", "白领", "成员".
fn people(lang: Lang, g: Option<Gender>, identity: Option<Identity>) -> String {
    if lang == Lang::Zh {
        let who = match identity {
            Some(Identity::Student) => "学生",
            Some(Identity::WhiteCollar) => "白领",
            Some(Identity::Overseas) => "海外成员",
            Some(Identity::Other) => "其他成员",
            None => "",
        };
        return match (g, who.is_empty()) {
            (Some(g), true) => gender_word(lang, g).into(),
            (Some(Gender::Female), false) => format!("女{who}"),
            (Some(Gender::Male), false) => format!("男{who}"),
            (None, false) => who.into(),
            (None, true) => "成员".into(),
        };
    }
    let who = match identity {
        Some(Identity::Student) => "students",
        Some(Identity::WhiteCollar) => "white-collar workers",
        Some(Identity::Overseas) => "overseas members",
        Some(Identity::Other) => "other members",
        None => "",
    };
    match (g, who.is_empty()) {
        (Some(Gender::Female), true) => "women".into(),
        (Some(Gender::Male), true) => "men".into(),
        (Some(Gender::Female), false) => format!("women {who}"),
        (Some(Gender::Male), false) => format!("men {who}"),
        (None, false) => who.into(),
        (None, true) => "members".into(),
    }
}

/// What a verification floor lets through, after "with": "document-checked or real-name bound accounts" /
/// (before "的") "账号经证件核验或实名绑定".
fn verified_at_least(lang: Lang, l: VerificationLevel) -> String {
    let checked = verification_word(lang, VerificationLevel::DocumentChecked);
    let bound = verification_word(lang, VerificationLevel::RealNameBound);
    match (lang, l) {
        // Every account is at least self-declared: the condition lets everyone through.
        (Lang::En, VerificationLevel::SelfDeclared) => String::from("any account"),
        (Lang::Zh, VerificationLevel::SelfDeclared) => String::from("任何账号"),
        (Lang::En, VerificationLevel::DocumentChecked) => format!("{checked} or {bound} accounts"),
        (Lang::Zh, VerificationLevel::DocumentChecked) => format!("账号经{checked}或{bound}"),
        (Lang::En, VerificationLevel::RealNameBound) => format!("{bound} accounts"),
        (Lang::Zh, VerificationLevel::RealNameBound) => format!("账号已{bound}"),
    }
}

/// Who a clause lets act, and on whose posts: ("men with credit 750 or more", Some("women's posts")) /
/// ("信用分 750 及以上的男性", Some("女性的帖子")).
fn clause_parts(lang: Lang, clause: &Clause) -> (String, Option<String>) {
    let zh = lang == Lang::Zh;
    let credit = |n: u16| {
        if zh {
            format!("信用分 {n} 及以上")
        } else {
            format!("credit {n} or more")
        }
    };
    let mut gender = None;
    let mut identity = None;
    let mut with = Vec::new();
    let mut author_gender = None;
    let mut author_identity = None;
    let mut author_with = Vec::new();
    for c in &clause.conditions {
        match c {
            Condition::ActorGender(g) => gender = Some(*g),
            Condition::ActorIdentity(i) => identity = Some(*i),
            Condition::ActorVerifiedAtLeast(l) => with.push(verified_at_least(lang, *l)),
            Condition::ActorCreditAtLeast(n) => with.push(credit(*n)),
            Condition::ActorAccountAgeAtLeastDays(d) if zh => with.push(format!("注册满 {d} 天")),
            Condition::ActorAccountAgeAtLeastDays(d) => with.push(format!("accounts at least {d} days old")),
            Condition::AuthorGender(g) => author_gender = Some(*g),
            Condition::AuthorIdentity(i) => author_identity = Some(*i),
            Condition::AuthorCreditAtLeast(n) => author_with.push(credit(*n)),
        }
    }
    let mut who = people(lang, gender, identity);
    if !with.is_empty() {
        who = if zh {
            format!("{}的{who}", with.join("、"))
        } else {
            format!("{who} with {}", with.join(" and "))
        };
    }
    let posts = (author_gender.is_some() || author_identity.is_some() || !author_with.is_empty()).then(|| {
        let author = people(lang, author_gender, author_identity);
        if zh {
            let posts = format!("{author}的帖子");
            return if author_with.is_empty() {
                posts
            } else {
                format!("{posts}（作者{}）", author_with.join("、"))
            };
        }
        let mut posts = if author.ends_with('s') {
            format!("{author}' posts")
        } else {
            format!("{author}'s posts")
        };
        if !author_with.is_empty() {
            posts = format!("{posts} (authors with {})", author_with.join(" and "));
        }
        posts
    });
    (who, posts)
}

/// One clause as a sentence part: "men with credit 750 or more may comment on women's posts" /
/// "信用分 750 及以上的男性可以在女性的帖子下评论"; `verb` is in `lang`.
pub fn clause_words(lang: Lang, clause: &Clause, verb: &str) -> String {
    match (lang, clause_parts(lang, clause)) {
        (Lang::En, (who, None)) => format!("{who} may {verb}"),
        (Lang::En, (who, Some(posts))) => format!("{who} may {verb} on {posts}"),
        (Lang::Zh, (who, None)) => format!("{who}可以{verb}"),
        (Lang::Zh, (who, Some(posts))) => format!("{who}可以在{posts}下{verb}"),
    }
}

/// Who a rule lets act, without the verb, for a table cell: "nobody", "anyone", "women", or
/// "men with credit 750 or more, on women's posts"; several clauses are joined by "; or ".
pub fn rule_cell(lang: Lang, rule: &Rule) -> String {
    if rule.allow.is_empty() {
        return String::from(pick(lang, "nobody", "无人"));
    }
    if rule.allow.iter().any(|c| c.conditions.is_empty()) {
        return String::from(pick(lang, "anyone", "任何人"));
    }
    rule.allow
        .iter()
        .map(|c| match (lang, clause_parts(lang, c)) {
            (_, (who, None)) => who,
            (Lang::En, (who, Some(posts))) => format!("{who}, on {posts}"),
            (Lang::Zh, (who, Some(posts))) => format!("{who}，限{posts}"),
        })
        .collect::<Vec<_>>()
        .join(pick(lang, "; or ", "；或"))
}

/// One rule as a sentence part: "anyone may comment", "nobody may post", or its clauses joined by ", and ";
/// `verb` is in `lang`.
pub fn rule_words(lang: Lang, rule: &Rule, verb: &str) -> String {
    let zh = lang == Lang::Zh;
    if rule.allow.is_empty() {
        return if zh {
            format!("任何人都不能{verb}")
        } else {
            format!("nobody may {verb}")
        };
    }
    if rule.allow.iter().any(|c| c.conditions.is_empty()) {
        return if zh {
            format!("任何人都可以{verb}")
        } else {
            format!("anyone may {verb}")
        };
    }
    let parts: Vec<String> = rule.allow.iter().map(|c| clause_words(lang, c, verb)).collect();
    let joined = parts.join(pick(lang, ", and ", "，"));
    // "only" when one clause names no author: "only women may post".
    let one_on_own_posts =
        rule.allow.len() == 1 && rule.allow.first().is_some_and(|c| clause_parts(lang, c).1.is_none());
    match (lang, one_on_own_posts) {
        (Lang::En, true) => format!("only {joined}"),
        (Lang::Zh, true) => format!("只有{joined}"),
        _ => joined,
    }
}

/// One part of the rules summary: a circle, or the platform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummarySection {
    /// A heading: the circle's name ("this circle" when it has none), or "Platform".
    pub title: String,
    /// One clause per rule, lowercase and without a final period, e.g. "only women may post".
    pub lines: Vec<String>,
    /// The whole section as one sentence for reading aloud, e.g. "In Campus Diary anyone may join; only women may post; …."
    pub paragraph: String,
    /// Whether the section is about the whole platform rather than one circle (shown quieter).
    pub platform_wide: bool,
}

/// The rules of a scenario in plain language: one section per circle, then one for the platform, then one per
/// intervention of its timeline saying what changed.
pub fn rules_summary(lang: Lang, s: &Scenario) -> Vec<SummarySection> {
    let mut out: Vec<SummarySection> = s.circles.iter().map(|c| circle_section(lang, c)).collect();
    let lines = platform_lines(lang, s);
    out.push(SummarySection {
        title: String::from(pick(lang, "Platform", "平台")),
        paragraph: sentence(lang, &lines),
        lines,
        platform_wide: true,
    });
    out.extend(timeline_sections(lang, s));
    out
}

/// One section per intervention, in order of hour: what its rules say that the rules before did not, circle by
/// circle (a new circle is described whole), then the platform. The lines are the summary's own, so a change
/// reads as the rules do.
fn timeline_sections(lang: Lang, s: &Scenario) -> Vec<SummarySection> {
    let zh = lang == Lang::Zh;
    let stages = crate::timeline::stages(s);
    stages
        .windows(2)
        .filter_map(|pair| {
            let [before, after] = pair else { return None };
            // A change made in several circles is said once, naming them ("in every circle, …").
            let mut changed: Vec<(String, Vec<String>)> = Vec::new();
            let mut lines = Vec::new();
            for (i, c) in after.scenario.circles.iter().enumerate() {
                let now = circle_lines(lang, c);
                match before.scenario.circles.get(i) {
                    Some(old) => {
                        let was = circle_lines(lang, old);
                        let name = match (old.name == c.name, zh) {
                            (true, _) => c.name.clone(),
                            (false, false) => format!("{} (now {})", old.name, c.name),
                            (false, true) => format!("{}（现为{}）", old.name, c.name),
                        };
                        for l in now.into_iter().filter(|l| !was.contains(l)) {
                            match changed.iter_mut().find(|(line, _)| *line == l) {
                                Some((_, names)) => names.push(name.clone()),
                                None => changed.push((l, vec![name.clone()])),
                            }
                        }
                    }
                    None if zh => lines.push(format!("{} 开放：{}", c.name, now.join("；"))),
                    None => lines.push(format!("{} opens: {}", c.name, now.join("; "))),
                }
            }
            let kept = before.scenario.circles.len().min(after.scenario.circles.len());
            let changes = changed
                .into_iter()
                .map(|(l, names)| match (names.len() == kept && kept > 1, zh) {
                    (true, false) => format!("in every circle, {l}"),
                    (true, true) => format!("所有圈子中，{l}"),
                    (false, false) => format!("in {}, {l}", names.join(" and ")),
                    (false, true) => format!("{} 中，{l}", names.join("、")),
                });
            lines.splice(0..0, changes);
            let was = platform_lines(lang, &before.scenario);
            lines.extend(
                platform_lines(lang, &after.scenario)
                    .into_iter()
                    .filter(|l| !was.contains(l)),
            );
            if lines.is_empty() {
                lines.push(String::from(pick(lang, "no rule changes", "规则没有变化")));
            }
            let hour = after.hour;
            let title = match (after.label.is_empty(), zh) {
                (true, false) => format!("From hour {hour}"),
                (true, true) => format!("从第 {hour} 小时起"),
                (false, false) => format!("From hour {hour}: {}", after.label),
                (false, true) => format!("从第 {hour} 小时起：{}", after.label),
            };
            Some(SummarySection {
                title,
                paragraph: sentence(lang, &lines),
                lines,
                platform_wide: false,
            })
        })
        .collect()
}

/// Clauses joined by semicolons, capitalised and ended with a period (in Chinese: "；" and "。").
fn sentence(lang: Lang, lines: &[String]) -> String {
    if lang == Lang::Zh {
        return if lines.is_empty() {
            String::new()
        } else {
            format!("{}。", lines.join("；"))
        };
    }
    let joined = lines.join("; ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => joined,
    }
}

fn circle_section(lang: Lang, c: &Circle) -> SummarySection {
    let name = if c.name.trim().is_empty() {
        String::from(pick(lang, "this circle", "本圈子"))
    } else {
        c.name.clone()
    };
    let lines = circle_lines(lang, c);
    SummarySection {
        paragraph: match lang {
            Lang::En => format!("In {name} {}.", lines.join("; ")),
            Lang::Zh => format!("在 {name} 中，{}。", lines.join("；")),
        },
        title: name,
        lines,
        platform_wide: false,
    }
}

/// The clauses describing one circle: who may join and act, tips, feed, contact and moderation.
pub fn circle_lines(lang: Lang, c: &Circle) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut out = vec![rule_words(lang, &c.join, pick(lang, "join", "加入"))];
    for (verb, rule) in [
        (pick(lang, "post", "发帖"), &c.rules.post),
        (pick(lang, "comment", "评论"), &c.rules.comment),
        (pick(lang, "praise", "点赞"), &c.rules.praise),
        (pick(lang, "tip", "打赏"), &c.rules.tip),
        (pick(lang, "message authors", "私信作者"), &c.rules.message),
    ] {
        out.push(rule_words(lang, rule, verb));
    }
    let t = &c.tips;
    if !t.enabled {
        out.push(pick(lang, "tips are off", "打赏已关闭").into());
    } else {
        let range = format!(
            "{}–{}",
            money(lang, u64::from(t.min_fen)),
            money(lang, u64::from(t.max_fen)).trim_start_matches('¥')
        );
        let mut tip = match (t.praise_leads_to_tip, zh) {
            (true, false) => format!("praise opens a tip page of {range}"),
            (true, true) => format!("点赞会打开 {range} 的打赏页"),
            (false, false) => format!("tips run {range}"),
            (false, true) => format!("打赏金额为 {range}"),
        };
        if t.daily_cap_per_tipper_fen > 0 {
            let cap = money(lang, u64::from(t.daily_cap_per_tipper_fen));
            tip = if zh {
                format!("{tip}，每位打赏者每天最多 {cap}")
            } else {
                format!("{tip}, capped at {cap} per tipper per day")
            };
        }
        if t.fee_permille > 0 {
            let fee = f64::from(t.fee_permille) / 10.0;
            tip = if zh {
                format!("{tip}，收取 {fee:.1}% 手续费")
            } else {
                format!("{tip}, with a {fee:.1}% fee")
            };
        }
        out.push(tip);
    }
    out.push(
        match c.ranking {
            Ranking::Newest => pick(
                lang,
                "the feed shows the newest posts first",
                "信息流优先显示最新的帖子",
            ),
            Ranking::MostPraised => pick(
                lang,
                "the feed ranks the most praised posts first",
                "信息流优先显示点赞最多的帖子",
            ),
            Ranking::MostTipped => pick(
                lang,
                "the feed ranks the most tipped posts first",
                "信息流优先显示打赏最多的帖子",
            ),
        }
        .into(),
    );
    let recall = c.contact.filter_recall_percent;
    out.push(match (c.contact.off_platform, zh) {
        (ContactPolicy::Allowed, _) => {
            pick(lang, "contact details in posts are allowed", "允许在帖子中留联系方式").into()
        }
        (ContactPolicy::Filtered, false) => format!("a filter removes {recall}% of contact details in posts"),
        (ContactPolicy::Filtered, true) => format!("过滤器会删除帖子中 {recall}% 的联系方式"),
    });
    if !c.contact.direct_messages {
        out.push(pick(lang, "direct messages are off", "私信已关闭").into());
    }
    let m = &c.moderation;
    let mut finders = Vec::new();
    if m.user_reports {
        finders.push(pick(lang, "member reports", "成员举报").to_string());
    }
    if m.classifier.enabled {
        let r = m.classifier.recall_percent;
        finders.push(if zh {
            format!("识别率 {r}% 的分类器")
        } else {
            format!("a classifier catching {r}%")
        });
    }
    let days = m.suspend_days;
    let sanction = match (m.sanction, zh) {
        (SanctionKind::Remove, _) => pick(lang, "removes the content", "删除内容").to_string(),
        (SanctionKind::Suspend, false) => format!("suspends the account for {days} days"),
        (SanctionKind::Suspend, true) => format!("停用账号 {days} 天"),
        (SanctionKind::Ban, _) => pick(lang, "bans the account", "封禁账号").to_string(),
    };
    let (per_day, delay) = (m.reviews_per_day_per_10k_users, m.review_delay_hours);
    if finders.is_empty() {
        out.push(
            pick(
                lang,
                "nothing finds abuse: no reports, no classifier",
                "没有任何手段发现滥用：没有举报，也没有分类器",
            )
            .into(),
        );
    } else if zh {
        out.push(format!(
            "{}将内容送交审核员（每天每万用户可处理 {per_day} 条），审核员在 {delay} 小时后处理并{sanction}",
            finders.join("和"),
        ));
    } else {
        out.push(format!(
            "{} feed reviewers who handle {per_day} items per day per 10,000 users after {delay} hours and {sanction}",
            finders.join(" and "),
        ));
    }
    out
}

/// The platform-wide clauses: verification, bans and the price of credit.
pub fn platform_lines(lang: Lang, s: &Scenario) -> Vec<String> {
    let v = &s.platform.verification;
    let (gender, identity) = (verification_word(lang, v.gender), verification_word(lang, v.identity));
    let cost = money(lang, u64::from(s.platform.bans.return_cost_fen));
    let bound = verification_word(lang, VerificationLevel::RealNameBound);
    let point = money(lang, u64::from(s.platform.credit.fen_paid_per_point));
    let most = s.platform.credit.max_points_per_day;
    match lang {
        Lang::En => vec![
            format!("gender is {gender} and identity is {identity}"),
            format!(
                "banned people {}",
                match s.platform.bans.return_after_ban {
                    BanReturn::Free => "can come back freely".to_string(),
                    BanReturn::AtCost => format!("can come back for {cost}"),
                    BanReturn::RealNameBound => format!("can never come back ({bound})"),
                }
            ),
            format!("one credit point costs {point} of payments, at most {most} points a day"),
        ],
        Lang::Zh => vec![
            format!("性别认证方式为{gender}，身份认证方式为{identity}"),
            match s.platform.bans.return_after_ban {
                BanReturn::Free => "被封禁的人可以随意回来".to_string(),
                BanReturn::AtCost => format!("被封禁的人花 {cost} 即可回来"),
                BanReturn::RealNameBound => format!("被封禁的人永远不能回来（{bound}）"),
            },
            format!("信用分每 1 分需付款 {point}，每天最多得 {most} 分"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_reads_like_money() {
        assert_eq!(yuan(500), "¥5");
        assert_eq!(yuan(10), "¥0.10");
        assert_eq!(yuan(350), "¥3.50");
        assert_eq!(yuan(20_000), "¥200");
        assert_eq!(yuan(500_000), "¥5,000");
        assert_eq!(yuan(123_456_789), "¥1,234,567.89");
        assert_eq!(yuan(0), "¥0");
        assert_eq!(group(1_234_567), "1,234,567");
        assert_eq!(group(999), "999");
    }

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
    fn the_2016_comment_rule_reads_like_the_article() {
        let rule = Rule::when(vec![
            Condition::ActorGender(Gender::Male),
            Condition::ActorCreditAtLeast(750),
            Condition::AuthorGender(Gender::Female),
        ])
        .or(vec![Condition::ActorGender(Gender::Female)]);
        assert_eq!(
            rule_words(Lang::En, &rule, "comment"),
            "men with credit 750 or more may comment on women's posts, and women may comment"
        );
        assert_eq!(
            rule_words(
                Lang::En,
                &Rule::when(vec![Condition::ActorGender(Gender::Female)]),
                "post"
            ),
            "only women may post"
        );
        assert_eq!(rule_words(Lang::En, &Rule::everyone(), "praise"), "anyone may praise");
        assert_eq!(rule_words(Lang::En, &Rule::nobody(), "tip"), "nobody may tip");
        assert_eq!(
            rule_cell(Lang::En, &rule),
            "men with credit 750 or more, on women's posts; or women"
        );
        assert_eq!(rule_cell(Lang::En, &Rule::everyone()), "anyone");
        assert_eq!(rule_cell(Lang::En, &Rule::nobody()), "nobody");
        assert_eq!(
            rule_words(Lang::Zh, &rule, "评论"),
            "信用分 750 及以上的男性可以在女性的帖子下评论，女性可以评论"
        );
        assert_eq!(
            rule_words(
                Lang::Zh,
                &Rule::when(vec![Condition::ActorGender(Gender::Female)]),
                "发帖"
            ),
            "只有女性可以发帖"
        );
        assert_eq!(
            rule_cell(Lang::Zh, &rule),
            "信用分 750 及以上的男性，限女性的帖子；或女性"
        );
    }

    #[test]
    fn a_change_made_in_every_circle_is_said_once() {
        let s = crate::presets::by_id("alipay-circles-2016-timeline")
            .map(|p| p.scenario)
            .unwrap_or_default();
        let sections = rules_summary(Lang::En, &s);
        let crackdown = sections.iter().find(|x| x.title.starts_with("From hour 24"));
        let lines = crackdown.map(|c| c.lines.clone()).unwrap_or_default();
        assert!(lines.iter().any(|l| l.starts_with("in every circle, ")), "{lines:?}");
        assert!(
            !lines.iter().any(|l| l.starts_with("in Campus Diary, ")),
            "the same change is not repeated per circle: {lines:?}"
        );
    }

    #[test]
    fn verification_reads_the_same_in_labels_and_sentences() {
        let c = Condition::ActorVerifiedAtLeast(VerificationLevel::DocumentChecked);
        assert_eq!(condition(Lang::En, &c), "actor verified ≥ document-checked");
        assert_eq!(
            rule_words(Lang::En, &Rule::when(vec![c]), "post"),
            "only members with document-checked or real-name bound accounts may post"
        );
        let mut s = Scenario::default();
        s.platform.verification.gender = VerificationLevel::RealNameBound;
        assert_eq!(
            platform_lines(Lang::En, &s)[0],
            "gender is real-name bound and identity is self-declared"
        );
    }

    #[test]
    fn a_circle_summary_names_its_tips() {
        let mut c = Circle {
            name: "Campus Diary".into(),
            ..Circle::default()
        };
        c.tips.praise_leads_to_tip = true;
        c.tips.min_fen = 100;
        c.tips.max_fen = 20_000;
        c.tips.daily_cap_per_tipper_fen = 0;
        c.tips.fee_permille = 0;
        let text = circle_section(Lang::En, &c).paragraph;
        assert!(text.starts_with("In Campus Diary anyone may join"), "{text}");
        assert!(text.contains("praise opens a tip page of ¥1–200"), "{text}");
        assert!(text.ends_with('.'), "{text}");
    }

    #[test]
    fn the_summary_has_a_section_per_circle_and_the_platform_last() {
        let s = crate::presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default();
        let sections = rules_summary(Lang::En, &s);
        assert_eq!(sections.len(), s.circles.len() + 1);
        assert!(sections
            .last()
            .is_some_and(|p| p.platform_wide && p.paragraph.starts_with("Gender is ")));
        let all: String = sections.iter().map(|x| x.paragraph.clone()).collect();
        assert!(
            all.contains("men with credit 750 or more may comment on women's posts"),
            "{all}"
        );
    }

    /// Runs of two or more ASCII letters in `text` once the designer's `names` are taken out: Chinese
    /// sentences should have none (digits, `¥`, `%` and `≥` are fine).
    fn latin_words(text: &str, names: &[String]) -> Vec<String> {
        let mut names: Vec<&String> = names.iter().filter(|n| !n.is_empty()).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let bare = names.iter().fold(text.to_string(), |t, n| t.replace(n.as_str(), " "));
        bare.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .map(String::from)
            .collect()
    }

    #[test]
    fn every_chinese_sentence_for_the_presets_is_chinese() {
        let mut checked = 0;
        for p in crate::presets::all() {
            let s = p.scenario;
            let mut names = vec![s.name.clone()];
            let stages = crate::timeline::stages(&s);
            for st in &stages {
                names.push(st.label.clone());
                names.extend(st.scenario.circles.iter().map(|c| c.name.clone()));
            }
            let mut texts: Vec<String> = Vec::new();
            for sec in rules_summary(Lang::Zh, &s) {
                texts.push(sec.title);
                texts.push(sec.paragraph);
                texts.extend(sec.lines);
            }
            for st in &stages {
                for c in &st.scenario.circles {
                    for action in Action::ALL {
                        let rule = c.rule(action);
                        texts.push(rule_cell(Lang::Zh, rule));
                        let circle = c.name.clone();
                        let from = (st.hour > 0).then(|| (st.hour, st.label.clone()));
                        let mut ats = vec![
                            RuleAt::Rule {
                                circle: circle.clone(),
                                action,
                            },
                            RuleAt::Refused {
                                circle: circle.clone(),
                                action,
                                allows: rule.allow.clone(),
                            },
                        ];
                        ats.extend(rule.allow.iter().map(|cl| RuleAt::Clause {
                            circle: circle.clone(),
                            action,
                            clause: cl.clone(),
                        }));
                        texts.extend(ats.into_iter().map(|rule| {
                            rule_label(
                                Lang::Zh,
                                &RuleRef {
                                    rule,
                                    from: from.clone(),
                                },
                            )
                        }));
                    }
                }
            }
            for rule in [
                RuleAt::Unknown,
                RuleAt::BansFree,
                RuleAt::BansAtCost,
                RuleAt::BansRealName,
            ] {
                texts.push(rule_label(Lang::Zh, &RuleRef { rule, from: None }));
            }
            for t in &texts {
                let latin = latin_words(t, &names);
                assert!(latin.is_empty(), "preset `{}`: {latin:?} in “{t}”", p.id);
                checked += 1;
            }
        }
        for id in PatternId::ALL {
            for t in [
                pattern_name(Lang::Zh, id),
                pattern_words(Lang::Zh, id),
                pattern_blurb(Lang::Zh, id),
            ] {
                assert!(latin_words(t, &[]).is_empty(), "{t}");
            }
        }
        for a in Archetype::ALL {
            assert!(latin_words(archetype_words(Lang::Zh, a), &[]).is_empty());
        }
        for t in [
            prevalence_words(Lang::Zh),
            people_harmed_words(Lang::Zh),
            engagement_words(Lang::Zh),
        ] {
            assert!(latin_words(t, &[]).is_empty(), "{t}");
        }
        assert!(checked > 100, "only {checked} sentences checked");
        // The checker itself finds English.
        assert_eq!(
            latin_words("在 Campus Diary 中，anyone 可以", &["Campus Diary".into()]),
            vec!["anyone"]
        );
    }

    #[test]
    fn every_condition_and_rule_reads_in_chinese() {
        let conditions = [
            Condition::ActorGender(Gender::Male),
            Condition::ActorIdentity(Identity::Student),
            Condition::ActorVerifiedAtLeast(VerificationLevel::DocumentChecked),
            Condition::ActorVerifiedAtLeast(VerificationLevel::SelfDeclared),
            Condition::ActorVerifiedAtLeast(VerificationLevel::RealNameBound),
            Condition::ActorCreditAtLeast(750),
            Condition::ActorAccountAgeAtLeastDays(30),
            Condition::AuthorGender(Gender::Female),
            Condition::AuthorIdentity(Identity::Overseas),
            Condition::AuthorCreditAtLeast(600),
        ];
        for c in &conditions {
            let rule = Rule::when(vec![c.clone()]);
            for t in [
                condition(Lang::Zh, c),
                rule_cell(Lang::Zh, &rule),
                rule_words(Lang::Zh, &rule, "评论"),
            ] {
                assert!(latin_words(&t, &[]).is_empty(), "{t}");
            }
        }
        let label = rule_label(
            Lang::Zh,
            &RuleRef {
                rule: RuleAt::Clause {
                    circle: "Campus Diary".into(),
                    action: Action::Post,
                    clause: Clause {
                        conditions: vec![Condition::ActorGender(Gender::Female)],
                    },
                },
                from: Some((36, "crackdown".into())),
            },
        );
        assert_eq!(label, "Campus Diary · 发帖：行为人是女性（从第 36 小时起，crackdown）");
    }
}
