//! One catalogue of numeric settings: each setting's path, label, unit, scale, bounds and default, written once and read by validation, sanitizing, sweeps and the app's editors.
//!
//! Values are stored as the scenario holds them (fen, parts per thousand, whole hours…); the
//! [`Scale`] says how a designer sees them (yuan, percent…).

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::scenario::{Circle, Scenario, CIRCLES_MAX, CREDIT_MAX, CREDIT_MIN, DAYS_MAX, USERS_MAX, USERS_MIN};
use crate::words::{group, yuan};

/// How a stored whole number is shown to a designer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Fen stored, yuan shown (¥1 = 100 fen).
    Fen,
    /// Parts per thousand stored, percent shown (1% = 10‰).
    Permille,
    /// Percent, stored and shown as is.
    Percent,
    /// Whole hours.
    Hours,
    /// Whole days.
    Days,
    /// A plain count or weight.
    Count,
    /// Credit-score points.
    Score,
    /// Hundredths stored, a plain number with two decimals shown (150 → 1.5); for assumptions such as spreads.
    Hundredths,
}

impl Scale {
    /// Stored units in one shown unit (100 fen in ¥1, 10‰ in 1%, else 1).
    pub fn per_shown(self) -> u32 {
        match self {
            Scale::Fen => 100,
            Scale::Permille => 10,
            Scale::Hundredths => 100,
            Scale::Percent | Scale::Hours | Scale::Days | Scale::Count | Scale::Score => 1,
        }
    }

    /// A stored value as the designer sees it (fen → yuan, ‰ → %).
    pub fn shown(self, stored: u32) -> f64 {
        f64::from(stored) / f64::from(self.per_shown())
    }

    /// A shown value back in stored units, rounded to the nearest one (negative gives 0).
    pub fn stored(self, shown: f64) -> u32 {
        (shown * f64::from(self.per_shown()))
            .round()
            .clamp(0.0, f64::from(u32::MAX)) as u32
    }
}

/// Where a setting lives: once per scenario, or once in every circle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// One value for the whole scenario (population, platform, the run).
    Scenario,
    /// One value per circle; its path starts `circles[i].`.
    Circle,
}

/// How to read and write a setting's stored value.
#[derive(Clone, Copy)]
enum Access {
    Scenario {
        get: fn(&Scenario) -> u32,
        set: fn(&mut Scenario, u32),
    },
    Circle {
        get: fn(&Circle) -> u32,
        set: fn(&mut Circle, u32),
    },
}

/// Every numeric setting, by name. `SETTINGS` holds one row per id, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SettingId {
    /// `days`.
    Days,
    /// `population.n_users`.
    Users,
    /// `population.female_percent`.
    FemalePercent,
    /// `population.identity_mix.student`.
    IdentityStudent,
    /// `population.identity_mix.white_collar`.
    IdentityWhiteCollar,
    /// `population.identity_mix.overseas`.
    IdentityOverseas,
    /// `population.identity_mix.other`.
    IdentityOther,
    /// `population.credit.mean`.
    CreditMean,
    /// `population.credit.std_dev`.
    CreditStdDev,
    /// `population.spending_median_fen_per_day`.
    SpendingMedian,
    /// `population.account_age_median_days`.
    AccountAgeMedian,
    /// `population.document_checked_percent`.
    DocumentCheckedPercent,
    /// `population.real_name_percent`.
    RealNamePercent,
    /// `platform.credit.fen_paid_per_point`.
    CreditPointPrice,
    /// `platform.credit.churn_cost_permille`.
    ChurnCost,
    /// `platform.credit.max_points_per_day`.
    MaxPointsPerDay,
    /// `platform.verification.forged_document_fen`.
    ForgedDocumentPrice,
    /// `platform.verification.forgery_caught_percent`.
    ForgeryCaught,
    /// `platform.bans.return_cost_fen`.
    ReturnCost,
    /// `circles[i].tips.min_fen`.
    TipFloor,
    /// `circles[i].tips.max_fen`.
    TipCeiling,
    /// `circles[i].tips.daily_cap_per_tipper_fen`.
    DailyTipCap,
    /// `circles[i].tips.fee_permille`.
    TipFee,
    /// `circles[i].contact.filter_recall_percent`.
    FilterRecall,
    /// `circles[i].moderation.classifier.recall_percent`.
    ClassifierRecall,
    /// `circles[i].moderation.classifier.false_positive_permille`.
    ClassifierFalsePositives,
    /// `circles[i].moderation.reviews_per_day_per_10k_users`.
    ReviewCapacity,
    /// `circles[i].moderation.review_delay_hours`.
    ReviewDelay,
    /// `circles[i].moderation.reviewer_error_percent`.
    ReviewerError,
    /// `circles[i].moderation.suspend_days`.
    SuspendDays,
    /// `circles[i].moderation.ban_after_strikes`.
    BanAfterStrikes,
}

impl SettingId {
    /// This setting's row of the catalogue.
    #[expect(
        clippy::indexing_slicing,
        reason = "one row per id, in declaration order: the discriminant is in range"
    )]
    pub fn setting(self) -> &'static Setting {
        // INVARIANT: `SETTINGS` lists one row per id in declaration order (checked by a test), so
        // the discriminant is the row's index.
        &SETTINGS[self as usize]
    }
}

/// One numeric setting: where it lives, what a designer calls it, and the values it may take.
#[derive(Clone, Copy)]
pub struct Setting {
    /// Which setting.
    pub id: SettingId,
    /// Per scenario or per circle.
    pub place: Place,
    /// Path inside the scenario (per-circle settings: inside the circle, see [`Setting::path`]).
    pub field: &'static str,
    /// What a designer calls it, e.g. "Tip ceiling".
    pub label: &'static str,
    /// The shown unit, e.g. "¥", "%", "hours" (empty for a bare count).
    pub unit: &'static str,
    /// Words the editor shows after the unit, e.g. "(0 = no cap)" (may be empty).
    pub note: &'static str,
    /// The label, unit and note in Chinese (see [`Setting::label_in`]).
    zh: Zh,
    /// How stored values are shown.
    pub scale: Scale,
    /// Smallest stored value.
    pub min: u32,
    /// Largest stored value.
    pub max: u32,
    /// The stored value of a fresh scenario or circle (equal to the `Default` impls; links leave it out).
    pub default: u32,
    /// The editor's step, in stored units (whole yuan for prices typed in yuan, 1 fen for tips).
    pub step: u32,
    access: Access,
}

impl Setting {
    /// The path validation issues use: `field` as is, or `circles[{circle_idx}].{field}` for a per-circle setting.
    pub fn path(&self, circle_idx: usize) -> String {
        match self.place {
            Place::Scenario => self.field.to_string(),
            Place::Circle => format!("circles[{circle_idx}].{}", self.field),
        }
    }

    /// The stored value in `s` (in circle `circle_idx` for a per-circle setting; `None` if that circle does not exist).
    pub fn get(&self, s: &Scenario, circle_idx: usize) -> Option<u32> {
        match self.access {
            Access::Scenario { get, .. } => Some(get(s)),
            Access::Circle { get, .. } => s.circles.get(circle_idx).map(get),
        }
    }

    /// Sets the stored value in `s` (in circle `circle_idx` for a per-circle setting; a missing circle changes
    /// nothing), clamped to [`Setting::min`]..=[`Setting::max`].
    pub fn set(&self, s: &mut Scenario, circle_idx: usize, value: u32) {
        let v = value.clamp(self.min, self.max);
        match self.access {
            Access::Scenario { set, .. } => set(s, v),
            Access::Circle { set, .. } => {
                if let Some(c) = s.circles.get_mut(circle_idx) {
                    set(c, v);
                }
            }
        }
    }

    /// The stored value in one circle (`None` for a per-scenario setting).
    pub fn get_in(&self, c: &Circle) -> Option<u32> {
        match self.access {
            Access::Scenario { .. } => None,
            Access::Circle { get, .. } => Some(get(c)),
        }
    }

    /// Sets the stored value in one circle, clamped to the bounds (a per-scenario setting changes nothing).
    pub fn set_in(&self, c: &mut Circle, value: u32) {
        if let Access::Circle { set, .. } = self.access {
            set(c, value.clamp(self.min, self.max));
        }
    }

    /// Smallest value as shown, e.g. 0.01 for a tip of 1 fen.
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

    /// The unit with its note, as the editor shows it after the box, e.g. "¥ (0 = no cap)".
    pub fn unit_text(&self) -> String {
        self.unit_text_in(Lang::En)
    }

    /// What a designer calls it in `lang`: "Tip ceiling" / "打赏上限".
    pub fn label_in(&self, lang: Lang) -> &'static str {
        self.words().label_in(lang)
    }

    /// The shown unit in `lang`: "hours" / "小时" (empty for a bare count).
    pub fn unit_in(&self, lang: Lang) -> &'static str {
        self.words().unit_in(lang)
    }

    /// The unit with its note in `lang`: "¥ (0 = no cap)" / "¥（0 = 不设上限）".
    pub fn unit_text_in(&self, lang: Lang) -> String {
        let (unit, note) = match lang {
            Lang::En => (self.unit, self.note),
            Lang::Zh => (self.zh.unit, self.zh.note),
        };
        // A full-width bracket carries its own spacing.
        let gap = if note.starts_with('（') { "" } else { " " };
        match (unit.is_empty(), note.is_empty()) {
            (_, true) => unit.to_string(),
            (true, false) => note.to_string(),
            (false, false) => format!("{unit}{gap}{note}"),
        }
    }

    /// A stored value as a designer reads it, unit included: "¥5", "1.5%", "24 hours", "1,000 users".
    pub fn show(&self, stored: u32) -> String {
        self.words().show(stored)
    }

    /// The message for a value outside the bounds, e.g. "tip ceiling must be ¥0.01 to ¥10,000, not ¥20,000".
    pub fn out_of_range(&self, stored: u32) -> String {
        self.words().out_of_range(Lang::En, stored)
    }

    /// A stored value with its unit in `lang`: "24 hours" / "24 小时".
    pub fn show_in(&self, lang: Lang, stored: u32) -> String {
        self.words().show_in(lang, stored)
    }

    /// The message for a value outside the bounds in `lang`: "打赏上限须在 ¥0.01 至 ¥10,000 之间，不能是 ¥20,000".
    pub fn out_of_range_in(&self, lang: Lang, stored: u32) -> String {
        self.words().out_of_range(lang, stored)
    }

    /// A stored value as shown, without its unit, with thousands separators where it is whole: "1,000,000", "0.5".
    pub fn number(&self, stored: u32) -> String {
        self.words().number(stored)
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

/// A row's words in Chinese, kept in the same row as the English so that neither half can be missing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Zh {
    pub label: &'static str,
    pub unit: &'static str,
    pub note: &'static str,
}

/// The Chinese column of a row: label, unit, note.
pub(crate) const fn zh(label: &'static str, unit: &'static str, note: &'static str) -> Zh {
    Zh { label, unit, note }
}

/// How a bounded stored number reads to a designer: the one wording settings and assumptions share.
#[derive(Clone, Copy)]
pub(crate) struct Words {
    pub label: &'static str,
    pub unit: &'static str,
    pub zh: Zh,
    pub scale: Scale,
    pub min: u32,
    pub max: u32,
}

impl Words {
    /// The label in `lang`.
    pub(crate) fn label_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label,
            Lang::Zh => self.zh.label,
        }
    }

    /// The unit in `lang`.
    pub(crate) fn unit_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.unit,
            Lang::Zh => self.zh.unit,
        }
    }

    /// A stored value as shown, without its unit, with thousands separators where it is whole: "1,000,000", "0.5".
    pub(crate) fn number(&self, stored: u32) -> String {
        let v = self.scale.shown(stored);
        if v.fract() == 0.0 {
            group(v as u64)
        } else {
            trim(v)
        }
    }

    /// A stored value with its unit: "¥5", "1.5%", "24 hours", "1,000 users".
    pub(crate) fn show(&self, stored: u32) -> String {
        self.show_in(Lang::En, stored)
    }

    /// A stored value with its unit in `lang`: "24 hours" / "24 小时" (signs read the same in both).
    pub(crate) fn show_in(&self, lang: Lang, stored: u32) -> String {
        // The English unit says what kind of unit it is; the words come from `lang`'s column.
        match self.unit {
            "¥" => yuan(u64::from(stored)),
            "%" => format!("{}%", trim(self.scale.shown(stored))),
            "" => self.number(stored),
            _ => format!("{} {}", self.number(stored), self.unit_in(lang)),
        }
    }

    /// Whether the unit is a sign (¥, %) or nothing, said with every number; a word unit is said once.
    fn is_sign(&self) -> bool {
        matches!(self.unit, "¥" | "%" | "")
    }

    /// The bounds, with a word unit said once: "¥0.01 to ¥100,000", "0% to 100%", "1 to 24 visits a day".
    pub(crate) fn bounds_text(&self) -> String {
        self.bounds_text_in(Lang::En)
    }

    /// The bounds in `lang`: "1 to 90 days" / "1 至 90 天".
    pub(crate) fn bounds_text_in(&self, lang: Lang) -> String {
        let least = if self.is_sign() {
            self.show_in(lang, self.min)
        } else {
            self.number(self.min)
        };
        let most = self.show_in(lang, self.max);
        match lang {
            Lang::En => format!("{least} to {most}"),
            Lang::Zh => format!("{least} 至 {most}"),
        }
    }

    /// "tip ceiling must be ¥0.01 to ¥10,000, not ¥20,000" / "打赏上限须为 ¥0.01 至 ¥10,000，不能是 ¥20,000".
    pub(crate) fn out_of_range(&self, lang: Lang, stored: u32) -> String {
        let value = if self.is_sign() {
            self.show_in(lang, stored)
        } else {
            self.number(stored)
        };
        let bounds = self.bounds_text_in(lang);
        match lang {
            Lang::En => {
                let mut label = self.label.chars();
                let label: String = label
                    .next()
                    .map(|c| c.to_lowercase().chain(label).collect())
                    .unwrap_or_default();
                format!("{label} must be {bounds}, not {value}")
            }
            Lang::Zh => format!("{}须为 {bounds}，不能是 {value}", self.label_in(lang)),
        }
    }
}

/// A number without a trailing `.0` (and at most two decimals, which every scale fits in).
fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A stored value that fits a `u8` field (bounds keep it under 256; saturate rather than wrap if not).
fn u8_of(v: u32) -> u8 {
    u8::try_from(v).unwrap_or(u8::MAX)
}

/// A stored value that fits a `u16` field.
fn u16_of(v: u32) -> u16 {
    u16::try_from(v).unwrap_or(u16::MAX)
}

/// Builds one per-scenario row.
#[expect(clippy::too_many_arguments, reason = "one row of a table, read column by column")]
const fn whole(
    id: SettingId,
    field: &'static str,
    label: &'static str,
    unit: &'static str,
    note: &'static str,
    zh: Zh,
    scale: Scale,
    bounds: (u32, u32, u32, u32),
    get: fn(&Scenario) -> u32,
    set: fn(&mut Scenario, u32),
) -> Setting {
    row(
        id,
        (field, label, unit, note),
        zh,
        scale,
        bounds,
        Place::Scenario,
        Access::Scenario { get, set },
    )
}

/// Builds one per-circle row.
#[expect(clippy::too_many_arguments, reason = "one row of a table, read column by column")]
const fn circle(
    id: SettingId,
    field: &'static str,
    label: &'static str,
    unit: &'static str,
    note: &'static str,
    zh: Zh,
    scale: Scale,
    bounds: (u32, u32, u32, u32),
    get: fn(&Circle) -> u32,
    set: fn(&mut Circle, u32),
) -> Setting {
    row(
        id,
        (field, label, unit, note),
        zh,
        scale,
        bounds,
        Place::Circle,
        Access::Circle { get, set },
    )
}

/// Builds a row from its columns; `whole` and `circle` say where it lives.
const fn row(
    id: SettingId,
    (field, label, unit, note): (&'static str, &'static str, &'static str, &'static str),
    zh: Zh,
    scale: Scale,
    (min, max, default, step): (u32, u32, u32, u32),
    place: Place,
    access: Access,
) -> Setting {
    Setting {
        id,
        place,
        field,
        label,
        unit,
        note,
        zh,
        scale,
        min,
        max,
        default,
        step,
        access,
    }
}

/// ¥1,000,000 in fen: the most any price in the scenario may be.
const PRICE_MAX_FEN: u32 = 100_000_000;

/// Every numeric setting, one row each, in [`SettingId`] order. Columns: id, path, label, unit,
/// note, the same three in Chinese, scale, (min, max, default, editor step) in stored units, getter, setter.
#[rustfmt::skip]
pub const SETTINGS: [Setting; 31] = {
    use Scale::*;
    use SettingId as I;
    [
        whole(I::Days, "days", "Days", "days", "", zh("天数", "天", ""),
            Days, (1, DAYS_MAX, 7, 1),
            |s| s.days, |s, v| s.days = v),
        whole(I::Users, "population.n_users", "Users", "users", "", zh("用户数", "人", ""),
            Count, (USERS_MIN, USERS_MAX, 10_000, 100),
            |s| s.population.n_users, |s, v| s.population.n_users = v),
        whole(I::FemalePercent, "population.female_percent", "Women among honest users and lurkers", "%", "", zh("诚实用户和潜水者中的女性", "%", ""),
            Percent, (0, 100, 50, 1),
            |s| u32::from(s.population.female_percent), |s, v| s.population.female_percent = u8_of(v)),
        whole(I::IdentityStudent, "population.identity_mix.student", "Students", "", "", zh("学生", "", ""),
            Count, (0, 1000, 20, 1),
            |s| s.population.identity_mix.student, |s, v| s.population.identity_mix.student = v),
        whole(I::IdentityWhiteCollar, "population.identity_mix.white_collar", "White-collar", "", "", zh("白领", "", ""),
            Count, (0, 1000, 40, 1),
            |s| s.population.identity_mix.white_collar, |s, v| s.population.identity_mix.white_collar = v),
        whole(I::IdentityOverseas, "population.identity_mix.overseas", "Overseas", "", "", zh("海外", "", ""),
            Count, (0, 1000, 5, 1),
            |s| s.population.identity_mix.overseas, |s, v| s.population.identity_mix.overseas = v),
        whole(I::IdentityOther, "population.identity_mix.other", "Other", "", "", zh("其他", "", ""),
            Count, (0, 1000, 35, 1),
            |s| s.population.identity_mix.other, |s, v| s.population.identity_mix.other = v),
        whole(I::CreditMean, "population.credit.mean", "Mean credit score", "points", "", zh("平均信用分", "分", ""),
            Score,
            (CREDIT_MIN as u32, CREDIT_MAX as u32, 640, 1),
            |s| u32::from(s.population.credit.mean), |s, v| s.population.credit.mean = u16_of(v)),
        whole(I::CreditStdDev, "population.credit.std_dev", "Credit score spread (standard deviation)", "points", "", zh("信用分离散度（标准差）", "分", ""),
            Score, (0, 600, 60, 1),
            |s| u32::from(s.population.credit.std_dev), |s, v| s.population.credit.std_dev = u16_of(v)),
        whole(I::SpendingMedian, "population.spending_median_fen_per_day", "Median spending", "¥", "per day", zh("消费中位数", "¥", "每天"),
            Fen, (0, 10_000_000, 1_000, 1),
            |s| s.population.spending_median_fen_per_day, |s, v| s.population.spending_median_fen_per_day = v),
        whole(I::AccountAgeMedian, "population.account_age_median_days", "Median account age", "days", "", zh("账号年龄中位数", "天", ""),
            Days, (0, 7_300, 700, 1),
            |s| s.population.account_age_median_days, |s, v| s.population.account_age_median_days = v),
        whole(I::DocumentCheckedPercent, "population.document_checked_percent", "Document-checked accounts", "%", "", zh("证件核验账号", "%", ""),
            Percent, (0, 100, 30, 1),
            |s| u32::from(s.population.document_checked_percent), |s, v| s.population.document_checked_percent = u8_of(v)),
        whole(I::RealNamePercent, "population.real_name_percent", "Real-name bound accounts", "%", "", zh("实名绑定账号", "%", ""),
            Percent, (0, 100, 40, 1),
            |s| u32::from(s.population.real_name_percent), |s, v| s.population.real_name_percent = u8_of(v)),
        whole(I::CreditPointPrice, "platform.credit.fen_paid_per_point", "Payments per credit point", "¥", "", zh("每个信用分需付款", "¥", ""),
            Fen, (0, PRICE_MAX_FEN, 20_000, 1),
            |s| s.platform.credit.fen_paid_per_point, |s, v| s.platform.credit.fen_paid_per_point = v),
        whole(I::ChurnCost, "platform.credit.churn_cost_permille", "Cost of churning", "%", "of the amount churned", zh("刷单成本", "%", "的刷单金额"),
            Permille, (0, 1000, 20, 1),
            |s| s.platform.credit.churn_cost_permille, |s, v| s.platform.credit.churn_cost_permille = v),
        whole(I::MaxPointsPerDay, "platform.credit.max_points_per_day", "Most points per day", "points", "", zh("每天最多得分", "分", ""),
            Score, (0, 600, 10, 1),
            |s| s.platform.credit.max_points_per_day, |s, v| s.platform.credit.max_points_per_day = v),
        whole(I::ForgedDocumentPrice, "platform.verification.forged_document_fen", "Forged document price", "¥", "", zh("伪造证件价格", "¥", ""),
            Fen, (0, PRICE_MAX_FEN, 30_000, 100),
            |s| s.platform.verification.forged_document_fen, |s, v| s.platform.verification.forged_document_fen = v),
        whole(I::ForgeryCaught, "platform.verification.forgery_caught_percent", "Forgeries caught", "%", "", zh("伪造被识破", "%", ""),
            Percent, (0, 100, 30, 1),
            |s| u32::from(s.platform.verification.forgery_caught_percent), |s, v| s.platform.verification.forgery_caught_percent = u8_of(v)),
        whole(I::ReturnCost, "platform.bans.return_cost_fen", "Cost of returning", "¥", "", zh("重新注册成本", "¥", ""),
            Fen, (0, PRICE_MAX_FEN, 20_000, 100),
            |s| s.platform.bans.return_cost_fen, |s, v| s.platform.bans.return_cost_fen = v),
        circle(I::TipFloor, "tips.min_fen", "Tip floor", "¥", "", zh("打赏下限", "¥", ""),
            Fen, (1, 1_000_000, 100, 1),
            |c| c.tips.min_fen, |c, v| c.tips.min_fen = v),
        circle(I::TipCeiling, "tips.max_fen", "Tip ceiling", "¥", "", zh("打赏上限", "¥", ""),
            Fen, (1, 1_000_000, 2_000, 1),
            |c| c.tips.max_fen, |c, v| c.tips.max_fen = v),
        circle(I::DailyTipCap, "tips.daily_cap_per_tipper_fen", "Daily tip cap per tipper", "¥", "(0 = no cap)", zh("每位打赏者每日上限", "¥", "（0 = 不设上限）"),
            Fen, (0, 10_000_000, 10_000, 100),
            |c| c.tips.daily_cap_per_tipper_fen, |c, v| c.tips.daily_cap_per_tipper_fen = v),
        circle(I::TipFee, "tips.fee_permille", "Tip fee", "%", "", zh("打赏手续费", "%", ""),
            Permille, (0, 1000, 10, 1),
            |c| c.tips.fee_permille, |c, v| c.tips.fee_permille = v),
        circle(I::FilterRecall, "contact.filter_recall_percent", "Filter catches", "%", "of contact details", zh("过滤器拦截", "%", "的联系方式"),
            Percent, (0, 100, 80, 1),
            |c| u32::from(c.contact.filter_recall_percent), |c, v| c.contact.filter_recall_percent = u8_of(v)),
        circle(I::ClassifierRecall, "moderation.classifier.recall_percent", "Classifier recall", "%", "", zh("分类器召回率", "%", ""),
            Percent, (0, 100, 60, 1),
            |c| u32::from(c.moderation.classifier.recall_percent), |c, v| c.moderation.classifier.recall_percent = u8_of(v)),
        circle(I::ClassifierFalsePositives, "moderation.classifier.false_positive_permille", "False positives", "%", "of honest items", zh("误报", "%", "的诚实内容"),
            Permille, (0, 1000, 10, 1),
            |c| u32::from(c.moderation.classifier.false_positive_permille), |c, v| c.moderation.classifier.false_positive_permille = u16_of(v)),
        circle(I::ReviewCapacity, "moderation.reviews_per_day_per_10k_users", "Review capacity", "reviews/day per 10k users", "", zh("审核能力", "次/天 每万用户", ""),
            Count, (0, 10_000, 20, 1),
            |c| c.moderation.reviews_per_day_per_10k_users, |c, v| c.moderation.reviews_per_day_per_10k_users = v),
        circle(I::ReviewDelay, "moderation.review_delay_hours", "Review delay", "hours", "", zh("审核延迟", "小时", ""),
            Hours, (0, 24 * DAYS_MAX, 24, 1),
            |c| c.moderation.review_delay_hours, |c, v| c.moderation.review_delay_hours = v),
        circle(I::ReviewerError, "moderation.reviewer_error_percent", "Reviewer error", "%", "of wrong flags upheld", zh("审核员错误", "%", "的误标被维持"),
            Percent, (0, 100, 5, 1),
            |c| u32::from(c.moderation.reviewer_error_percent), |c, v| c.moderation.reviewer_error_percent = u8_of(v)),
        circle(I::SuspendDays, "moderation.suspend_days", "Suspension", "days", "", zh("停用", "天", ""),
            Days, (0, DAYS_MAX, 3, 1),
            |c| c.moderation.suspend_days, |c, v| c.moderation.suspend_days = v),
        circle(I::BanAfterStrikes, "moderation.ban_after_strikes", "Ban after strikes", "strikes", "(0 = never)", zh("几次违规后封禁", "次", "（0 = 从不）"),
            Count, (0, 100, 3, 1),
            |c| c.moderation.ban_after_strikes, |c, v| c.moderation.ban_after_strikes = v),
    ]
};

/// Clamps a scenario into the ranges the engine supports, so `run` never fails: every setting into
/// its bounds, then the checks that tie two fields together.
pub(crate) fn sanitize(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    s.circles.truncate(CIRCLES_MAX);
    if s.circles.is_empty() {
        s.circles.push(Circle::default());
    }
    for row in &SETTINGS {
        match row.access {
            Access::Scenario { get, set } => {
                let v = get(&s).clamp(row.min, row.max);
                set(&mut s, v);
            }
            Access::Circle { get, set } => {
                for c in &mut s.circles {
                    set(c, get(c).clamp(row.min, row.max));
                }
            }
        }
    }
    crate::assumptions::sanitize(&mut s.assumptions);
    let p = &mut s.population;
    p.real_name_percent = p.real_name_percent.min(100 - p.document_checked_percent);
    for c in &mut s.circles {
        c.tips.max_fen = c.tips.max_fen.max(c.tips.min_fen);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{validate, Severity};

    #[test]
    fn rows_are_in_id_order() {
        for (i, row) in SETTINGS.iter().enumerate() {
            assert_eq!(row.id as usize, i, "{} is out of place", row.field);
            assert_eq!(row.id.setting().field, row.field);
        }
    }

    #[test]
    fn sanitize_clamps_out_of_range_values() {
        let mut s = Scenario {
            days: 0,
            ..Scenario::default()
        };
        s.population.n_users = 5;
        s.circles.clear();
        let t = sanitize(&s);
        assert_eq!(t.days, 1);
        assert_eq!(t.population.n_users, USERS_MIN);
        assert_eq!(t.circles.len(), 1);
    }

    #[test]
    fn sanitize_keeps_the_cross_field_clamps() {
        let mut s = Scenario::default();
        s.population.document_checked_percent = 70;
        s.population.real_name_percent = 50;
        s.circles[0].tips.min_fen = 500;
        s.circles[0].tips.max_fen = 100;
        s.circles = vec![s.circles[0].clone(); CIRCLES_MAX + 3];
        let t = sanitize(&s);
        assert_eq!(t.population.real_name_percent, 30);
        assert_eq!(t.circles[0].tips.max_fen, 500);
        assert_eq!(t.circles.len(), CIRCLES_MAX);
    }

    /// Every row, walked: its default is today's `Default`, its bounds hold it, and validation and
    /// sanitizing agree with the bounds at the edges.
    #[test]
    fn every_setting_agrees_with_validation_and_sanitizing() {
        let base = Scenario::default();
        assert!(validate(&base).is_empty());
        let errors_at = |s: &Scenario, path: &str| {
            validate(s)
                .into_iter()
                .filter(|i| i.severity == Severity::Error && i.path == path)
                .count()
        };
        for row in &SETTINGS {
            let path = row.path(0);
            assert!(
                row.min <= row.default && row.default <= row.max,
                "{path}: default out of bounds"
            );
            assert_eq!(
                row.get(&base, 0),
                Some(row.default),
                "{path}: default differs from `Default`"
            );
            assert!(row.step >= 1 && row.step <= row.max.max(1), "{path}: step");
            for edge in [row.min, row.max] {
                let mut s = base.clone();
                row.set(&mut s, 0, edge);
                quiet(row, &mut s);
                assert_eq!(errors_at(&s, &path), 0, "{path}: {edge} must be accepted");
                assert_eq!(row.get(&sanitize(&s), 0), Some(edge), "{path}: sanitize moved {edge}");
            }
            let mut over = base.clone();
            set_raw(row, &mut over, row.max + 1);
            quiet(row, &mut over);
            if row.get(&over, 0) == Some(row.max + 1) {
                assert_eq!(refused(&over, row, row.max + 1), 1, "{path}: max + 1 must be refused");
                assert_eq!(
                    row.get(&sanitize(&over), 0),
                    Some(row.max),
                    "{path}: sanitize must clamp"
                );
            }
            if row.min > 0 {
                let mut under = base.clone();
                set_raw(row, &mut under, row.min - 1);
                quiet(row, &mut under);
                assert_eq!(refused(&under, row, row.min - 1), 1, "{path}: min − 1 must be refused");
                assert_eq!(
                    row.get(&sanitize(&under), 0),
                    Some(row.min),
                    "{path}: sanitize must clamp"
                );
            }
        }
    }

    /// Moves the other half of each cross-field check out of the way: those checks are not what the walk tests.
    fn quiet(row: &Setting, s: &mut Scenario) {
        let c = &mut s.circles[0];
        match row.id {
            SettingId::DocumentCheckedPercent => s.population.real_name_percent = 0,
            SettingId::RealNamePercent => s.population.document_checked_percent = 0,
            SettingId::TipFloor => c.tips.max_fen = c.tips.min_fen,
            SettingId::TipCeiling => c.tips.min_fen = c.tips.max_fen.min(c.tips.min_fen).max(1),
            _ => {}
        }
        if c.moderation.suspend_days == 0 {
            c.moderation.sanction = crate::scenario::SanctionKind::Remove;
        }
    }

    /// How many errors at the row's path say that `v` is out of range.
    fn refused(s: &Scenario, row: &Setting, v: u32) -> usize {
        let message = row.out_of_range(v);
        validate(s)
            .into_iter()
            .filter(|i| i.severity == Severity::Error && i.path == row.path(0) && i.message == message)
            .count()
    }

    /// Sets a value without clamping, to put a scenario out of bounds on purpose.
    fn set_raw(row: &Setting, s: &mut Scenario, v: u32) {
        match row.access {
            Access::Scenario { set, .. } => set(s, v),
            Access::Circle { set, .. } => set(&mut s.circles[0], v),
        }
    }

    /// The new clamps must not move a scenario anyone ships: every preset and every scenario file
    /// comes out of sanitize unchanged, so their reports stay byte-identical.
    #[test]
    fn sanitize_leaves_presets_and_scenario_files_alone() -> Result<(), Box<dyn std::error::Error>> {
        let mut all: Vec<(String, Scenario)> = crate::presets::all()
            .into_iter()
            .map(|p| (p.id.to_string(), p.scenario))
            .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let text = std::fs::read_to_string(&path)?;
            all.push((path.display().to_string(), serde_json::from_str(&text)?));
        }
        assert!(all.len() > 8);
        for (name, s) in all {
            assert_eq!(sanitize(&s), s, "{name}");
        }
        Ok(())
    }

    /// Every row's Chinese words and messages are Chinese, and differ from the English.
    #[test]
    fn every_setting_reads_in_chinese() {
        use crate::issue::latin_words;
        for row in &SETTINGS {
            let over = row.out_of_range_in(Lang::Zh, row.max.saturating_add(1));
            for text in [row.label_in(Lang::Zh).to_string(), row.unit_text_in(Lang::Zh), over] {
                assert_eq!(latin_words(&text, &[]), Vec::<&str>::new(), "{}: {text}", row.field);
            }
            assert_ne!(row.label_in(Lang::Zh), row.label, "{}", row.field);
            assert_eq!(row.unit.is_empty(), row.unit_in(Lang::Zh).is_empty(), "{}", row.field);
        }
        let cap = SettingId::DailyTipCap.setting();
        assert_eq!(cap.unit_text_in(Lang::Zh), "¥（0 = 不设上限）");
        assert_eq!(SettingId::ReviewDelay.setting().show_in(Lang::Zh, 24), "24 小时");
        assert_eq!(
            SettingId::TipCeiling.setting().out_of_range_in(Lang::Zh, 2_000_000),
            "打赏上限须为 ¥0.01 至 ¥10,000，不能是 ¥20,000"
        );
    }

    #[test]
    fn values_read_like_a_designer_writes_them() {
        let tip = SettingId::TipCeiling.setting();
        assert_eq!(tip.show(2_000), "¥20");
        assert_eq!(
            tip.out_of_range(2_000_000),
            "tip ceiling must be ¥0.01 to ¥10,000, not ¥20,000"
        );
        assert_eq!(SettingId::TipFee.setting().show(15), "1.5%");
        assert_eq!(
            SettingId::Days.setting().out_of_range(0),
            "days must be 1 to 90 days, not 0"
        );
        assert_eq!(SettingId::Users.setting().show(10_000), "10,000 users");
        assert_eq!(SettingId::Users.setting().number(USERS_MAX), "1,000,000");
        assert_eq!(SettingId::DailyTipCap.setting().unit_text(), "¥ (0 = no cap)");
        assert_eq!(Scale::Fen.stored(0.015), 2);
        assert_eq!(Scale::Permille.stored(2.5), 25);
        assert_eq!(Scale::Percent.stored(-3.0), 0);
    }
}
