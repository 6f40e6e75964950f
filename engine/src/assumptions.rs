//! The model's behavioural assumptions: one catalogue of every constant that describes how people behave
//! (reaction chances, reservation values, learning rates, leaving thresholds, what a contact is worth),
//! each with its default, bounds, unit, a sentence and its source, read by validation, sanitizing, the
//! scenario's wire format, MODEL.md and the app's Assumptions panel.
//!
//! A scenario's `assumptions` block holds them as whole numbers in stored units (fen, ‰, %, hundredths),
//! so links stay exact and runs stay bit-for-bit deterministic; [`Derived`] turns them into the numbers the
//! hot path reads, once per run. Links and saved files carry only the assumptions that differ from the defaults.
//!
//! To add one: add a row to the `catalogue!` call below (the field, its default and bounds, a sentence and a
//! source), read it through [`Derived`] where the model needs it, and add a line to MODEL.md's table (a test
//! checks the table against this catalogue, another that changing it moves some report).

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

use crate::archetype::{self, profile};
use crate::lang::Lang;
use crate::scenario::Archetype;
use crate::settings::{zh, Scale, Words, Zh};

/// One assumption: where it lives in the scenario, what a designer calls it, its bounds, what it means and where it comes from.
#[derive(Clone, Copy)]
pub struct Assumption {
    /// The field's name inside the `assumptions` block, e.g. `reservation_median_fen`.
    pub field: &'static str,
    /// What a designer calls it, e.g. "Median reservation value".
    pub label: &'static str,
    /// The shown unit, e.g. "¥", "%", "visits a day" (empty for a bare number).
    pub unit: &'static str,
    /// How stored values are shown.
    pub scale: Scale,
    /// Smallest stored value.
    pub min: u32,
    /// Largest stored value.
    pub max: u32,
    /// Today's value (the model's own); links and files leave it out.
    pub default: u32,
    /// The editor's step, in stored units.
    pub step: u32,
    /// What the number means, in one sentence.
    pub meaning: &'static str,
    /// Where the default comes from: `cited: …`, `DOMAIN.md: …` or `assumed`.
    pub source: &'static str,
    /// The label and unit in Chinese (see [`Assumption::label_in`]).
    zh: Zh,
    /// The meaning in Chinese.
    meaning_zh: &'static str,
    /// The source in Chinese.
    source_zh: &'static str,
    /// The preset on which moving this assumption visibly moves a report (the dead-field test runs it there).
    pub preset: &'static str,
    get: fn(&Assumptions) -> u32,
    set: fn(&mut Assumptions, u32),
}

impl Assumption {
    /// The path validation issues use, e.g. `assumptions.reservation_median_fen`.
    pub fn path(&self) -> String {
        format!("assumptions.{}", self.field)
    }

    /// The stored value in `a`.
    pub fn get(&self, a: &Assumptions) -> u32 {
        (self.get)(a)
    }

    /// Sets the stored value in `a`, clamped to [`Assumption::min`]..=[`Assumption::max`].
    pub fn set(&self, a: &mut Assumptions, value: u32) {
        (self.set)(a, value.clamp(self.min, self.max));
    }

    /// Whether `a` holds this assumption at its default.
    pub fn is_default_in(&self, a: &Assumptions) -> bool {
        self.get(a) == self.default
    }

    /// Smallest value as shown.
    pub fn shown_min(&self) -> f64 {
        self.scale.shown(self.min)
    }

    /// Largest value as shown.
    pub fn shown_max(&self) -> f64 {
        self.scale.shown(self.max)
    }

    /// The editor's step as shown.
    pub fn shown_step(&self) -> f64 {
        self.scale.shown(self.step)
    }

    /// A stored value as shown, without its unit: "1,000", "1.5".
    pub fn number(&self, stored: u32) -> String {
        self.words().number(stored)
    }

    /// The bounds in words, unit once: "¥0.01 to ¥100,000", "0% to 100%", "1 to 24 visits a day".
    pub fn bounds_text(&self) -> String {
        self.words().bounds_text()
    }

    /// A stored value as a designer reads it, unit included: "¥60", "3%", "24 hours", "1.5".
    pub fn show(&self, stored: u32) -> String {
        self.words().show(stored)
    }

    /// The message for a value outside the bounds, in the words the settings use:
    /// "median reservation value must be ¥0.01 to ¥100,000, not ¥0".
    pub fn out_of_range(&self, stored: u32) -> String {
        self.words().out_of_range(Lang::En, stored)
    }

    /// The message for a value outside the bounds in `lang`.
    pub fn out_of_range_in(&self, lang: Lang, stored: u32) -> String {
        self.words().out_of_range(lang, stored)
    }

    /// What a designer calls it in `lang`: "Median reservation value" / "保留价值中位数".
    pub fn label_in(&self, lang: Lang) -> &'static str {
        self.words().label_in(lang)
    }

    /// The shown unit in `lang`: "visits a day" / "次/天".
    pub fn unit_in(&self, lang: Lang) -> &'static str {
        self.words().unit_in(lang)
    }

    /// What the number means, in one sentence in `lang`.
    pub fn meaning_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.meaning,
            Lang::Zh => self.meaning_zh,
        }
    }

    /// Where the default comes from, in `lang`.
    pub fn source_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.source,
            Lang::Zh => self.source_zh,
        }
    }

    /// A stored value with its unit in `lang`: "24 hours" / "24 小时".
    pub fn show_in(&self, lang: Lang, stored: u32) -> String {
        self.words().show_in(lang, stored)
    }

    /// The bounds in words in `lang`: "1 to 24 visits a day" / "1 至 24 次/天".
    pub fn bounds_text_in(&self, lang: Lang) -> String {
        self.words().bounds_text_in(lang)
    }

    fn words(&self) -> Words {
        Words {
            label: self.label,
            unit: self.unit,
            zh: self.zh,
            scale: self.scale,
            min: self.min,
            max: self.max,
        }
    }
}

/// Builds the [`Assumptions`] struct, its `Default`, and the [`ASSUMPTIONS`] catalogue from one list, so a
/// field, its default and its row cannot disagree.
macro_rules! catalogue {
    ($(
        $field:ident: $label:literal / $label_zh:literal, $unit:literal / $unit_zh:literal, $scale:ident,
        ($min:expr, $max:expr, $default:expr, $step:expr),
        $meaning:literal / $meaning_zh:literal, $source:literal / $source_zh:literal, $preset:literal;
    )*) => {
        /// The model's behavioural assumptions, in stored units; `Default` is the model's own values.
        ///
        /// Missing fields read as their defaults and unknown ones are refused; only fields that differ from
        /// the default are written, so a link with one changed assumption carries only that one.
        #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct Assumptions {
            $(
                #[doc = $meaning]
                pub $field: u32,
            )*
        }

        impl Default for Assumptions {
            fn default() -> Self {
                Assumptions { $($field: $default,)* }
            }
        }

        /// Every assumption, one row each, in the order the panel and MODEL.md show them.
        pub const ASSUMPTIONS: &[Assumption] = &[
            $(
                Assumption {
                    field: stringify!($field),
                    label: $label,
                    unit: $unit,
                    scale: Scale::$scale,
                    min: $min,
                    max: $max,
                    default: $default,
                    step: $step,
                    meaning: $meaning,
                    source: $source,
                    zh: zh($label_zh, $unit_zh, ""),
                    meaning_zh: $meaning_zh,
                    source_zh: $source_zh,
                    preset: $preset,
                    get: |a| a.$field,
                    set: |a, v| a.$field = v,
                },
            )*
        ];
    };
}

// Columns: field: label / its Chinese, unit / its Chinese, scale, (min, max, default, editor step) in stored
// units, meaning / its Chinese, source / its Chinese, the preset where moving it shows.
catalogue! {
    honest_sessions_per_day: "Honest member visits" / "诚实成员访问次数", "visits a day" / "次/天", Count, (1, 24, 2, 1),
        "How often an honest member opens the social tab in a day, on average."
        / "诚实成员平均每天打开社交页的次数。",
        "assumed (a payment app's social tab, opened a few times a day)"
        / "假设（支付类应用的社交页，每天打开几次）", "alipay-circles-2016";
    tipper_sessions_per_day: "Generous tipper visits" / "慷慨打赏者访问次数", "visits a day" / "次/天", Count, (1, 24, 4, 1),
        "How often a generous tipper (the demand side) opens the social tab in a day, on average."
        / "慷慨打赏者（需求方）平均每天打开社交页的次数。",
        "assumed"
        / "假设", "alipay-circles-2016";
    solicitor_sessions_per_day: "Solicitor visits" / "招揽者访问次数", "visits a day" / "次/天", Count, (1, 24, 5, 1),
        "How often a professional solicitor visits in a day, on average."
        / "职业招揽者平均每天访问的次数。",
        "assumed"
        / "假设", "alipay-circles-2016";
    honest_interest_percent: "Circles an honest user wants" / "诚实用户想加入的圈子", "%" / "%", Percent, (0, 100, 60, 1),
        "The chance that an honest user wants any one circle (everyone wants at least one)."
        / "诚实用户想加入任意一个圈子的概率（每人至少想加入一个）。",
        "assumed"
        / "假设", "alipay-circles-2016";
    budget_spread_hundredths: "Spread of budgets" / "预算离散度", "σ of the log" / "对数标准差", Hundredths, (0, 300, 80, 5),
        "How unequal daily budgets are: the standard deviation of the logarithm of each user's budget."
        / "每日预算有多不均：每个用户预算取对数后的标准差。",
        "assumed"
        / "假设", "alipay-circles-2016";
    honest_views_per_visit: "Posts an honest member reads" / "诚实成员每次浏览的帖子", "posts a visit" / "帖/次访问", Count, (1, 16, 4, 1),
        "How many posts of the feed an honest member reads per visit."
        / "诚实成员每次访问浏览信息流中的帖子数。",
        "assumed"
        / "假设", "alipay-circles-2016";
    tipper_views_per_visit: "Posts a generous tipper reads" / "慷慨打赏者每次浏览的帖子", "posts a visit" / "帖/次访问", Count, (1, 16, 8, 1),
        "How many posts of the feed a generous tipper reads per visit."
        / "慷慨打赏者每次访问浏览信息流中的帖子数。",
        "assumed"
        / "假设", "alipay-circles-2016";
    tipper_praise_enticing_permille: "Tipper praises an enticing post" / "打赏者给擦边帖点赞", "%" / "%", Permille, (0, 1000, 500, 5),
        "The chance that a generous tipper praises an enticing post (solicitation, a faked persona) they read."
        / "慷慨打赏者给所读到的擦边帖（招揽、伪造的人设）点赞的概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
    tipper_contact_permille: "Tipper takes up a contact offer" / "打赏者接受联系邀约", "%" / "%", Permille, (0, 1000, 80, 5),
        "The chance that a generous tipper reading a solicitation post reaches out off the platform."
        / "慷慨打赏者读到招揽帖后到平台外联系对方的概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
    funnel_closed_percent: "Tip funnel without a tip page" / "没有打赏页时的打赏漏斗", "%" / "%", Percent, (0, 100, 20, 5),
        "Where praise does not open the tip page, the share of the praise-to-tip funnel that still happens."
        / "点赞不打开打赏页时，“点赞到打赏”漏斗仍然发生的比例。",
        "assumed; the funnel itself is the 2016 launch's mechanism (DOMAIN.md)"
        / "假设；这个漏斗本身是 2016 年上线时的机制（DOMAIN.md）", "open-community";
    honest_report_permille: "Honest member reports abuse" / "诚实成员举报滥用", "%" / "%", Permille, (0, 1000, 40, 5),
        "The chance that an honest member reports a solicitation or scam post they read."
        / "诚实成员举报所读到的招揽帖或诈骗帖的概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
    male_author_demand_percent: "Demand for a man's enticing post" / "对男性擦边帖的需求", "%" / "%", Percent, (0, 100, 20, 5),
        "The share of the demand side's interest that an enticing post by a man draws, against one by a woman."
        / "男性发布的擦边帖所吸引的需求方兴趣，相对于女性发布的同类帖子的比例。",
        "DOMAIN.md: the 2016 customers were men paying women"
        / "DOMAIN.md：2016 年的顾客是向女性付钱的男性", "open-community";
    reroute_percent: "Refused words turn into praise" / "被拒的话转为点赞", "%" / "%", Percent, (0, 100, 50, 5),
        "The share of refused comments and messages that turn into praise instead (and praise may open the tip page)."
        / "被拒绝的评论和私信转而变成点赞的比例（而点赞可能打开打赏页）。",
        "assumed; the 2016 mechanism: men below 750 could only praise (DOMAIN.md)"
        / "假设；2016 年的机制：信用分低于 750 的男性只能点赞（DOMAIN.md）", "alipay-circles-2016";
    honest_post_permille: "Honest member posts" / "诚实成员发帖", "%" / "%", Permille, (0, 1000, 250, 5),
        "The chance per visit that an honest member posts, before abuse seen makes them post less."
        / "诚实成员每次访问发帖的概率（在看到滥用而少发之前）。",
        "assumed"
        / "假设", "alipay-circles-2016";
    leave_at_exposure: "Abuse before honest users leave" / "诚实用户离开前承受的滥用", "exposure" / "暴露值", Count, (0, 10_000, 10, 1),
        "The exposure to abuse (1 per abusive post seen, 6 per harassment, 20 per wrongful sanction, fading visit by visit) past which honest users start leaving."
        / "诚实用户开始离开的滥用暴露值门槛（每看到一条滥用帖计 1，每次骚扰计 6，每次错误处罚计 20，随访问逐次消退）。",
        "assumed"
        / "假设", "alipay-circles-2016";
    leave_per_exposure_permille: "Leaving per unit of abuse past that" / "超出门槛后每单位滥用的离开率", "‰ a visit" / "‰/次访问", Count, (0, 1000, 10, 1),
        "The chance per visit, per unit of exposure beyond the threshold, that an honest user leaves the feature."
        / "暴露值每超出门槛一个单位，诚实用户每次访问离开该功能的概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
    post_half_at_exposure: "Abuse that halves posting" / "让发帖减半的滥用", "exposure" / "暴露值", Count, (1, 10_000, 10, 1),
        "The exposure at which an honest member posts half as often as in a clean feed (people stop sharing where the feed is abusive)."
        / "诚实成员发帖频率降到干净信息流中一半时的暴露值（信息流充满滥用时，人们就不再分享）。",
        "assumed"
        / "假设", "alipay-circles-2016";
    exposure_keep_permille: "Bad experiences kept per visit" / "每次访问留存的不良体验", "%" / "%", Permille, (0, 1000, 800, 5),
        "The share of an honest user's exposure to abuse still felt at the next visit: how long a bad feed stays with someone."
        / "诚实用户受到的滥用暴露在下次访问时仍能感受到的比例：糟糕的信息流会在人心里停留多久。",
        "assumed (a bad experience's weight halves in about three visits)"
        / "假设（一次不良体验的分量约三次访问后减半）", "alipay-circles-2016";
    newcomer_percent: "Leavers replaced by newcomers" / "离开者由新人补上", "%" / "%", Percent, (0, 100, 100, 5),
        "The share of honest users who leave whose place a newcomer (a new account, a fresh view of the feed) takes: 100 % keeps the audience a steady flow, 0 % lets it empty."
        / "离开的诚实用户中由新人（新账号，对信息流的新印象）补位的比例：100 % 让受众保持稳定流入，0 % 则任其流失。",
        "assumed (a feature inside an app of hundreds of millions keeps drawing newcomers, DOMAIN.md)"
        / "假设（一个拥有数亿用户的应用中的功能会不断吸引新人，DOMAIN.md）", "alipay-circles-2016";
    solicit_seen_harm: "Solicitation posts that harm" / "造成伤害的招揽帖数量", "posts" / "帖", Count, (1, 255, 5, 1),
        "How many solicitation posts an honest user must see before the exposure counts as harm."
        / "诚实用户要看到多少条招揽帖，这种暴露才算作伤害。",
        "assumed"
        / "假设", "alipay-circles-2016";
    open_to_selling_permille: "Ordinary users who would ever sell" / "愿意出卖的普通用户", "%" / "%", Permille, (0, 1000, 150, 5),
        "The share of ordinary users who would ever post enticement for money at some price; the rest never would, whatever it pays."
        / "在某个价格下愿意为钱发布擦边内容的普通用户比例；其余的人无论给多少钱都不会。",
        "assumed (a small minority; their prices follow the next two rows)"
        / "假设（少数人；他们的要价见下两行）", "alipay-circles-2016";
    reservation_median_fen: "Median reservation value" / "保留价值中位数", "¥" / "¥", Fen, (1, 10_000_000, 4_000, 100),
        "What one enticing post would have to earn before the median ordinary user open to selling would post it."
        / "一条擦边帖要挣到多少，愿意出卖的普通用户中处于中位的那个人才会发布它。",
        "assumed"
        / "假设", "alipay-circles-2016";
    reservation_spread_hundredths: "Spread of reservation values" / "保留价值离散度", "σ of the log" / "对数标准差", Hundredths, (0, 400, 100, 5),
        "How unequal reservation values are: the standard deviation of their logarithm (among those open to selling)."
        / "保留价值有多不均：其对数的标准差（在愿意出卖的人当中）。",
        "assumed"
        / "假设", "alipay-circles-2016";
    enticing_uplift: "Enticing posts earn more" / "擦边帖挣得更多", "× an ordinary post" / "倍于普通帖子", Count, (0, 100, 4, 1),
        "How many times an ordinary post's tips ordinary users believe an enticing post would earn."
        / "普通用户认为一条擦边帖能挣到普通帖子打赏的多少倍。",
        "the demand side's tipping reactions to enticing and ordinary posts in the reaction table"
        / "反应表中需求方对擦边帖和普通帖子的打赏反应", "alipay-circles-2016";
    belief_posts: "Posts a belief follows" / "预期所依据的帖子数", "tipped posts" / "个被打赏的帖子", Count, (1, 255, 32, 1),
        "Ordinary users' belief of what enticing posts earn is a moving average over about this many tipped posts seen."
        / "普通用户对擦边帖收入的预期，是最近大约这么多个被打赏帖子的移动平均。",
        "assumed (a few days of browsing: a steadier view than the last handful of posts)"
        / "假设（几天的浏览：比最近几条帖子更稳定的看法）", "alipay-circles-2016";
    convert_per_visit_permille: "Start soliciting once it pays (per visit)" / "有利可图后开始招揽（每次访问）", "%" / "%", Permille, (0, 1000, 1000, 5),
        "The chance per visit that an ordinary user for whom soliciting would pay actually starts."
        / "对某个普通用户来说招揽有利可图时，他在每次访问中真正开始招揽的概率。",
        "DOMAIN.md: within hours the 2016 circles filled (so by default someone starts on the first visit it pays); with the share open to selling and their reservation values, it sets the share of the launch's solicitation by converts"
        / "DOMAIN.md：2016 年的圈子几小时内就被占满（所以默认在有利可图的第一次访问就有人开始）；它与愿意出卖的比例和保留价值一起，决定上线时招揽中由转变者贡献的份额", "alipay-circles-2016";
    stop_after_posts: "A fair try" / "一次公平的尝试", "posts" / "帖", Count, (1, 1000, 5, 1),
        "How many posts a user who turned to soliciting makes before judging whether it pays."
        / "转向招揽的用户在判断是否划算之前会发多少帖。",
        "assumed"
        / "假设", "alipay-circles-2016";
    stop_below_percent: "Stop when a post earns less than (of the reservation)" / "单帖收入低于保留价值的此比例时停止", "%" / "%", Percent, (0, 1000, 50, 5),
        "A user who turned to soliciting may stop once a post earns less than this share of their reservation value."
        / "转向招揽的用户一旦单帖收入低于其保留价值的这个比例，就可能停止。",
        "assumed"
        / "假设", "alipay-circles-2016";
    tip_yardstick_fen: "Tip ceiling that pulls fully" / "完全吸引滥用者的打赏上限", "¥" / "¥", Fen, (100, 100_000_000, 20_000, 100),
        "The tip ceiling at which tips pull abusers fully; the pull rises on a log scale up to it."
        / "打赏对滥用者的吸引力达到最大时的打赏上限；在此之前吸引力按对数增长。",
        "DOMAIN.md: the 2016 launch's ¥200 ceiling as a yardstick; the shape is assumed"
        / "DOMAIN.md：以 2016 年上线时 ¥200 的上限为参照；曲线形状为假设", "alipay-circles-2016";
    solicit_post_permille: "Solicitor posts (per visit)" / "招揽者发帖（每次访问）", "%" / "%", Permille, (0, 1000, 600, 5),
        "The chance per visit that a solicitor posts where the rules pull fully and nothing deters."
        / "在规则完全有利且没有任何威慑时，招揽者每次访问发帖的概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
    scam_post_permille: "Scammer posts (per visit)" / "骗子发帖（每次访问）", "%" / "%", Permille, (0, 1000, 400, 5),
        "The chance per visit that a scammer posts where the rules pull fully and nothing deters."
        / "在规则完全有利且没有任何威慑时，骗子每次访问发帖的概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
    pro_reservation_median_fen: "Median reservation value of a professional" / "职业者的保留价值中位数", "¥" / "¥", Fen, (1, 10_000_000, 8_000, 100),
        "What one enticing post must earn here before the median professional (solicitor, identity faker, ban evader) works this platform rather than the venues they already work; below it they post less and leave."
        / "一条擦边帖在这里要挣到多少，处于中位的职业者（招揽者、身份伪造者、封禁规避者）才会来这个平台，而不是留在他们已有的渠道；低于此值他们会少发帖并离开。",
        "assumed (a small share of what one meeting fetches)"
        / "假设（一次见面收入的一小部分）", "open-community";
    pro_reservation_spread_hundredths: "Spread of professionals' reservation values" / "职业者保留价值离散度", "σ of the log" / "对数标准差", Hundredths, (0, 400, 70, 5),
        "How unequal professionals' reservation values are: the standard deviation of their logarithm."
        / "职业者的保留价值有多不均：其对数的标准差。",
        "assumed (professionals differ less than ordinary users)"
        / "假设（职业者之间的差异小于普通用户）", "open-community";
    conversation_contact_permille: "A comment to a solicitor becomes a contact" / "对招揽者的评论变成联系", "%" / "%", Permille, (0, 1000, 300, 5),
        "The chance that a man's comment on a solicitation post turns into an off-platform contact: the free channel a comment gate closes."
        / "男性在招揽帖下的评论变成平台外联系的概率：这是评论门槛所关闭的免费渠道。",
        "assumed; the 2016 gate left men below 750 only praise and the tip page (DOMAIN.md)"
        / "假设；2016 年的门槛让信用分低于 750 的男性只剩点赞和打赏页（DOMAIN.md）", "alipay-circles-2016";
    false_report_permille: "False reports of genuine posts" / "对正常帖子的误举报", "‰" / "‰", Count, (0, 1000, 1, 1),
        "The chance, per thousand, that an honest member reports a genuine post they read (dislike or misreading)."
        / "诚实成员举报所读到的正常帖子（出于反感或误解）的千分比概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
    planning_days: "Planning horizon" / "计划周期", "days" / "天", Days, (1, 365, 30, 1),
        "How far ahead a bad actor weighs an investment: a forged document, a score to farm, a new account after a ban."
        / "不良行为者权衡一项投入时看多远：一份伪造证件、一个要刷的信用分、被封禁后的新账号。",
        "assumed (a month); a stated horizon, so decisions do not depend on how long the run is"
        / "假设（一个月）；这是明确给出的周期，所以决策不取决于运行多长时间", "alipay-circles-2016";
    fresh_account_effort_fen: "Effort of a new account" / "新账号的成本", "¥" / "¥", Fen, (0, 10_000_000, 3_000, 100),
        "What a new account costs a banned abuser where return is free: a phone number, a new profile, lost history."
        / "在可以免费回来的地方，被封禁的滥用者注册新账号的成本：一个手机号、一个新资料、丢掉的历史。",
        "assumed"
        / "假设", "open-community";
    bought_account_fen: "Price of a bought real-name account" / "购买实名账号的价格", "¥" / "¥", Fen, (0, 10_000_000, 30_000, 100),
        "Where bans bind the real name, what someone else's verified account costs a banned abuser on the grey market."
        / "在封禁绑定实名的地方，被封禁的滥用者在黑市上买别人已认证账号的价格。",
        "assumed (grey-market accounts are cheap but not free)"
        / "假设（黑市账号便宜但不免费）", "alipay-circles-2016-fix";
    bought_account_caught_percent: "Bought accounts the real-name check catches" / "实名核验识破的购买账号", "%" / "%", Percent, (0, 99, 50, 5),
        "The share of bought real-name accounts the platform's checks catch at once (the price is paid either way)."
        / "平台核验当即识破的购买实名账号的比例（无论如何都已付钱）。",
        "assumed"
        / "假设", "alipay-circles-2016-fix";
    attention_hours: "How far back people read" / "人们往回看多久", "hours" / "小时", Hours, (1, 48, 4, 1),
        "The mean age of the posts a glance at the feed lands on: people mostly read the last few hours."
        / "浏览信息流时看到的帖子的平均发布时长：人们大多只看最近几小时。",
        "assumed"
        / "假设", "alipay-circles-2016";
    contact_value_fen: "What a contact is worth" / "一次联系的价值", "¥" / "¥", Fen, (0, 10_000_000, 5_000, 100),
        "What one off-platform contact is worth to a solicitor (a meeting fee or gift)."
        / "一次平台外联系对招揽者的价值（见面费或礼物）。",
        "assumed"
        / "假设", "alipay-circles-2016";
    deterrence_cap_percent: "Most deterrence a circle exerts" / "圈子最大威慑力", "%" / "%", Percent, (0, 100, 90, 5),
        "The most that sanctions landing in a circle can cut an abuser's boldness there."
        / "圈子中的处罚最多能让滥用者在那里的胆量降低多少。",
        "assumed; takedown speed decides whether moderation works (SimSoM, DOMAIN.md)"
        / "假设；删除速度决定审核是否奏效（SimSoM，DOMAIN.md）", "alipay-circles-2016";
    circle_memory_keep_permille: "Deterrence memory kept per hour" / "每小时留存的威慑记忆", "%" / "%", Permille, (0, 1000, 970, 5),
        "The share of a circle's recent sanctions and violations still remembered an hour later."
        / "圈子近期的处罚和违规在一小时后仍被记住的比例。",
        "assumed (a half-life of about a day)"
        / "假设（半衰期约一天）", "alipay-circles-2016";
    caution_after_removal: "Caution after a removal" / "被删帖后的谨慎", "of 1,000" / "/1,000", Count, (0, 1000, 250, 10),
        "How much a removed post adds to its author's own caution (1,000 = never posts again)."
        / "一条被删除的帖子让其作者自身的谨慎增加多少（1,000 = 再也不发）。",
        "assumed"
        / "假设", "alipay-circles-2016";
    caution_keep_permille: "Own caution kept per visit" / "每次访问留存的自身谨慎", "%" / "%", Permille, (0, 1000, 980, 5),
        "The share of what an abuser learned from its own sanctions that it still holds at its next visit: lessons fade when enforcement lapses."
        / "滥用者从自己受到的处罚中学到的东西，到下次访问时仍保留的比例：执法松懈时教训会淡化。",
        "assumed (a lesson halves in about 35 visits, a week or so)"
        / "假设（一次教训约 35 次访问后减半，约一周）", "alipay-circles-2016";
    caution_spill_percent: "A lesson carried to other circles" / "教训带到其他圈子", "%" / "%", Percent, (0, 100, 25, 5),
        "How much of the caution an abuser learned in the circle that sanctioned it weighs in its other circles: below 100 %, strict circles push abusers into lax ones."
        / "滥用者在处罚它的圈子里学到的谨慎，在它的其他圈子里占多大分量：低于 100 % 时，严格的圈子会把滥用者推向宽松的圈子。",
        "assumed; displacement to less-enforced venues is the usual response to a local crackdown"
        / "假设；局部整治的常见后果是转移到执法较松的地方", "open-community";
    review_expiry_hours: "Reports wait at most" / "举报最多等待", "hours" / "小时", Hours, (1, 2160, 72, 1),
        "How long a reported or flagged item waits for review before the team drops it unreviewed: a team far behind stops spending its day on posts that have left the feed."
        / "被举报或标记的内容在审核团队放弃、不再审核之前最多等待多久：远远落后的团队不会把一天花在早已离开信息流的帖子上。",
        "assumed (three days; past that a post has long left the feed)"
        / "假设（三天；过了这个时间帖子早已离开信息流）", "open-community";
    evader_wait_hours: "A banned abuser waits" / "被封禁的滥用者等待", "hours" / "小时", Hours, (1, 2160, 24, 1),
        "How long a banned abuser who decides to come back needs to set up a new account."
        / "决定回来的被封禁滥用者需要多久来准备一个新账号。",
        "assumed; the 2016 response banned re-registration (DOMAIN.md)"
        / "假设；2016 年的应对禁止重新注册（DOMAIN.md）", "open-community";
    abuser_newcomer_percent: "Banned abusers replaced" / "被封禁的滥用者被替补", "%" / "%", Percent, (0, 100, 100, 5),
        "The chance that a banned abuser who does not come back is followed, after the same wait, by a new abuser of the same kind on a new account: bans remove accounts, not the supply of people who abuse."
        / "没有回来的被封禁滥用者，在同样的等待后被同类的新滥用者用新账号顶替的概率：封禁移除的是账号，而不是滥用者的来源。",
        "assumed (a steady supply, as newcomers replace honest users who leave)"
        / "假设（稳定的来源，正如新人会补上离开的诚实用户）", "alipay-circles-2016-fix";
    harasser_women_percent: "Harasser targets a woman's post" / "骚扰者针对女性的帖子", "%" / "%", Percent, (0, 100, 50, 5),
        "The chance per post read that a harasser targets a woman's genuine post."
        / "骚扰者每读到一条帖子时针对女性的正常帖子的概率。",
        "assumed"
        / "假设", "alipay-circles-2016";
}

impl Assumptions {
    /// Whether every assumption is at its default (the scenario then writes no `assumptions` block).
    pub fn is_default(&self) -> bool {
        *self == Assumptions::default()
    }

    /// The assumptions that differ from their defaults.
    pub fn changed(&self) -> impl Iterator<Item = &'static Assumption> + '_ {
        ASSUMPTIONS.iter().filter(|row| !row.is_default_in(self))
    }
}

/// Writes only the fields that differ from their defaults, in catalogue order.
impl Serialize for Assumptions {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for row in self.changed() {
            map.serialize_entry(row.field, &row.get(self))?;
        }
        map.end()
    }
}

/// The row of the assumption stored in `field`, if there is one.
pub fn by_field(field: &str) -> Option<&'static Assumption> {
    ASSUMPTIONS.iter().find(|row| row.field == field)
}

/// Clamps every assumption into its bounds, so `run` never fails.
pub(crate) fn sanitize(a: &mut Assumptions) {
    for row in ASSUMPTIONS {
        let v = row.get(a);
        row.set(a, v);
    }
}

/// The assumptions as the hot path reads them: converted once per run from stored units (‰ → a chance).
///
/// Each conversion divides two whole numbers, which IEEE rounds correctly, so a default gives the very
/// `f64` the literal it replaced gave (600 / 1000 is the double nearest 0.6): runs stay bit-for-bit the same.
#[derive(Clone, Debug)]
pub(crate) struct Derived {
    /// Visits a day by archetype, in [`Archetype::ALL`] order.
    pub sessions_per_day: [f64; 11],
    pub honest_interest_percent: u32,
    pub budget_spread: f64,
    pub honest_views: u32,
    pub tipper_views: u32,
    pub tipper_praise_enticing: f64,
    pub tipper_contact: f64,
    pub funnel_closed: f64,
    pub honest_report: f64,
    pub male_author_demand: f64,
    pub reroute: f64,
    pub honest_post: f64,
    pub leave_at: f64,
    pub leave_per_exposure: f64,
    pub post_half_at: f64,
    pub exposure_keep_permille: u32,
    pub newcomer_percent: u32,
    pub solicit_seen_harm: u8,
    pub open_to_selling_permille: u32,
    pub reservation_median_fen: f64,
    pub reservation_spread: f64,
    pub enticing_uplift: u64,
    pub belief_posts: i64,
    pub convert_per_visit: f64,
    pub stop_after_posts: u16,
    pub stop_below_percent: u64,
    pub tip_yardstick_yuan: f64,
    pub solicit_post: f64,
    pub scam_post: f64,
    pub pro_reservation_median_fen: f64,
    pub pro_reservation_spread: f64,
    pub conversation_contact: f64,
    pub false_report: f64,
    pub planning_days: u32,
    pub fresh_account_effort_fen: u64,
    pub bought_account_fen: u64,
    pub bought_account_caught_percent: u32,
    pub attention_hours: f64,
    pub contact_value_fen: u32,
    pub deterrence_cap: f64,
    pub circle_memory_keep: f64,
    pub caution_after_removal: u16,
    pub caution_keep_permille: u32,
    pub caution_spill: f64,
    pub review_expiry_hours: u32,
    pub evader_wait_hours: u32,
    pub abuser_newcomer_percent: u32,
    pub harasser_women: f64,
}

/// A chance from parts per thousand.
fn permille(v: u32) -> f64 {
    f64::from(v) / 1000.0
}

/// A chance from percent.
fn percent(v: u32) -> f64 {
    f64::from(v) / 100.0
}

impl Derived {
    /// Reads sanitised assumptions.
    pub(crate) fn new(a: &Assumptions) -> Derived {
        let mut sessions_per_day = Archetype::ALL.map(|k| profile(k).sessions_per_day);
        for (k, v) in [
            (Archetype::Honest, a.honest_sessions_per_day),
            (Archetype::GenerousTipper, a.tipper_sessions_per_day),
            (Archetype::Solicitor, a.solicitor_sessions_per_day),
        ] {
            if let Some(s) = sessions_per_day.get_mut(archetype::index(k)) {
                *s = f64::from(v.max(1));
            }
        }
        Derived {
            sessions_per_day,
            honest_interest_percent: a.honest_interest_percent,
            budget_spread: percent(a.budget_spread_hundredths),
            honest_views: a.honest_views_per_visit,
            tipper_views: a.tipper_views_per_visit,
            tipper_praise_enticing: permille(a.tipper_praise_enticing_permille),
            tipper_contact: permille(a.tipper_contact_permille),
            funnel_closed: percent(a.funnel_closed_percent),
            honest_report: permille(a.honest_report_permille),
            male_author_demand: percent(a.male_author_demand_percent),
            reroute: percent(a.reroute_percent),
            honest_post: permille(a.honest_post_permille),
            leave_at: f64::from(a.leave_at_exposure),
            leave_per_exposure: permille(a.leave_per_exposure_permille),
            post_half_at: f64::from(a.post_half_at_exposure.max(1)),
            exposure_keep_permille: a.exposure_keep_permille.min(1000),
            newcomer_percent: a.newcomer_percent.min(100),
            solicit_seen_harm: u8::try_from(a.solicit_seen_harm).unwrap_or(u8::MAX),
            open_to_selling_permille: a.open_to_selling_permille.min(1000),
            reservation_median_fen: f64::from(a.reservation_median_fen),
            reservation_spread: percent(a.reservation_spread_hundredths),
            enticing_uplift: u64::from(a.enticing_uplift),
            belief_posts: i64::from(a.belief_posts.max(1)),
            convert_per_visit: permille(a.convert_per_visit_permille),
            stop_after_posts: u16::try_from(a.stop_after_posts).unwrap_or(u16::MAX),
            stop_below_percent: u64::from(a.stop_below_percent),
            tip_yardstick_yuan: f64::from(a.tip_yardstick_fen) / 100.0,
            solicit_post: permille(a.solicit_post_permille),
            scam_post: permille(a.scam_post_permille),
            pro_reservation_median_fen: f64::from(a.pro_reservation_median_fen.max(1)),
            pro_reservation_spread: percent(a.pro_reservation_spread_hundredths),
            conversation_contact: permille(a.conversation_contact_permille),
            false_report: permille(a.false_report_permille),
            planning_days: a.planning_days.max(1),
            fresh_account_effort_fen: u64::from(a.fresh_account_effort_fen),
            bought_account_fen: u64::from(a.bought_account_fen),
            bought_account_caught_percent: a.bought_account_caught_percent.min(99),
            attention_hours: f64::from(a.attention_hours.max(1)),
            contact_value_fen: a.contact_value_fen,
            deterrence_cap: percent(a.deterrence_cap_percent),
            circle_memory_keep: permille(a.circle_memory_keep_permille),
            caution_after_removal: u16::try_from(a.caution_after_removal).unwrap_or(1000),
            caution_keep_permille: a.caution_keep_permille.min(1000),
            caution_spill: percent(a.caution_spill_percent),
            review_expiry_hours: a.review_expiry_hours.max(1),
            evader_wait_hours: a.evader_wait_hours.max(1),
            abuser_newcomer_percent: a.abuser_newcomer_percent.min(100),
            harasser_women: percent(a.harasser_women_percent),
        }
    }
}

impl Derived {
    /// Visits a day, on average, of an archetype.
    pub(crate) fn sessions(&self, a: Archetype) -> f64 {
        self.sessions_per_day.get(archetype::index(a)).copied().unwrap_or(1.0)
    }
}

impl Default for Derived {
    fn default() -> Self {
        Derived::new(&Assumptions::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_catalogue_s_and_write_nothing() {
        let a = Assumptions::default();
        for row in ASSUMPTIONS {
            assert_eq!(row.get(&a), row.default, "{}", row.field);
            assert!(row.min <= row.default && row.default <= row.max, "{}", row.field);
            assert!(row.step >= 1, "{}", row.field);
        }
        assert_eq!(serde_json::to_string(&a).ok().as_deref(), Some("{}"));
    }

    #[test]
    fn fields_are_unique_and_the_launch_is_a_preset() {
        for (i, row) in ASSUMPTIONS.iter().enumerate() {
            assert!(
                ASSUMPTIONS.iter().skip(i + 1).all(|o| o.field != row.field),
                "{}",
                row.field
            );
            assert!(crate::presets::by_id(row.preset).is_some(), "{}", row.preset);
        }
    }

    /// The conversions give the very doubles the literals they replaced gave.
    #[test]
    fn defaults_derive_the_old_literals() {
        let d = Derived::default();
        assert_eq!(d.solicit_post, 0.6);
        assert_eq!(d.convert_per_visit, 1.0);
        assert_eq!(d.tipper_contact, 0.08);
        assert_eq!(d.circle_memory_keep, 0.97);
        assert_eq!(d.honest_report, 0.04);
        assert_eq!(d.budget_spread, 0.8);
        assert_eq!(d.reservation_spread, 1.0);
        assert_eq!(d.exposure_keep_permille, 800);
        assert_eq!(d.tip_yardstick_yuan, 200.0);
        assert_eq!(d.sessions_per_day, Archetype::ALL.map(|k| profile(k).sessions_per_day));
    }

    /// Every row's label, unit, meaning, source and range message in Chinese: no English words but the
    /// names of sources (DOMAIN.md, SimSoM), and each differs from its English.
    #[test]
    fn every_assumption_reads_in_chinese() {
        use crate::issue::latin_words;
        let allowed = ["DOMAIN", "md", "SimSoM"];
        for row in ASSUMPTIONS {
            let zh = Lang::Zh;
            let texts = [
                row.label_in(zh).to_string(),
                row.unit_in(zh).to_string(),
                row.meaning_in(zh).to_string(),
                row.source_in(zh).to_string(),
                row.out_of_range_in(zh, row.max.saturating_add(1)),
                row.bounds_text_in(zh),
            ];
            for text in texts {
                assert_eq!(
                    latin_words(&text, &allowed),
                    Vec::<&str>::new(),
                    "{}: {text}",
                    row.field
                );
            }
            assert_ne!(row.label_in(zh), row.label, "{}", row.field);
            assert_ne!(row.meaning_in(zh), row.meaning, "{}", row.field);
            assert_eq!(row.unit.is_empty(), row.unit_in(zh).is_empty(), "{}", row.field);
        }
        let row = by_field("honest_sessions_per_day");
        assert_eq!(
            row.map(|r| r.bounds_text_in(Lang::Zh)).as_deref(),
            Some("1 至 24 次/天")
        );
    }

    #[test]
    fn messages_read_like_the_settings() {
        let row = by_field("reservation_median_fen");
        assert_eq!(
            row.map(|r| r.out_of_range(0)).as_deref(),
            Some("median reservation value must be ¥0.01 to ¥100,000, not ¥0")
        );
        let row = by_field("reservation_spread_hundredths");
        assert_eq!(row.map(|r| r.show(150)).as_deref(), Some("1.5 σ of the log"));
        let row = by_field("convert_per_visit_permille");
        assert_eq!(row.map(|r| r.show(30)).as_deref(), Some("3%"));
    }
}
