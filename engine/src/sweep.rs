//! Sweeps: one or two numeric rules moved across a range, one run per grid cell, each cell summarised small enough to ship from a Web Worker.
//!
//! Every cell keeps the scenario's seed, so cells differ by their rules only. Values are in the
//! rule's shown unit from the settings catalogue (yuan, hours, percent…) and rounded to what the
//! scenario can hold (fen, whole hours, parts per thousand).

mod axis;
mod metric;
mod spec;

pub use axis::{round_ticks, tick, with_unit, SweepAxis, SweepScale};
pub use metric::SweepMetric;
pub use spec::{SweepPart, SweepProblem, SweepSpec, SweepSpecError};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::report::{PatternId, Report};
use crate::scenario::{Circle, Condition, Scenario, CREDIT_MAX, CREDIT_MIN};
use crate::settings::{Place, SettingId};
use crate::sim::run;
use crate::words::pick;

/// What a sweep axis moves: a setting from the catalogue, or the comment rule's credit threshold
/// (a value inside a rule's conditions rather than a setting of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepRule {
    /// The credit threshold of a circle's comment rule, in points (350–950): replaces the value of
    /// every `actor_credit_at_least` condition in the comment rule; when the rule has none, adds one
    /// to every clause (a rule that allows nobody stays so).
    CommentCreditThreshold,
    /// A catalogued setting, in its shown unit (yuan, percent, hours…). Sweeping the classifier's
    /// recall also turns the classifier on above 0 and off at 0.
    Setting(SettingId),
}

/// Most values on one axis: a 20 × 20 grid is 400 runs per seed, about what a designer waits for.
pub const STEPS_MAX: u32 = 20;
/// Most seeds per cell: each seed is one more run of every cell, and ten already tell noise from an effect.
pub const SEEDS_MAX: u32 = 10;
/// Seeds per cell unless the designer says otherwise: three give a band without tripling the wait more than once.
pub const SEEDS_DEFAULT: u32 = 3;

/// A first range to try: from, to, most values and spacing, in the rule's shown unit.
type FirstTry = (f64, f64, u32, SweepScale);

/// Every sweepable rule with its id (the serde tag `param`, the link's and the app's select value) and the range a
/// designer would try first, in the order the app lists them. The ids are a wire format: never rename one.
///
/// First tries span what a design review argues about around each default, not the legal range: money in 1-2-5
/// steps from ¥1 (tip ceiling ¥1–¥1,000 covers the ¥200 of the 2016 launch), hours and percentages in round linear steps.
const RULES: [(&str, SweepRule, FirstTry); 10] = {
    use SweepScale::{Linear as Lin, OneTwoFive as Log};
    [
        (
            "comment_credit_threshold",
            SweepRule::CommentCreditThreshold,
            (350.0, 950.0, 7, Lin),
        ),
        (
            "tip_ceiling_yuan",
            SweepRule::Setting(SettingId::TipCeiling),
            (1.0, 1000.0, 10, Log),
        ),
        (
            "tip_floor_yuan",
            SweepRule::Setting(SettingId::TipFloor),
            (0.1, 20.0, 8, Log),
        ),
        (
            "daily_tip_cap_yuan",
            SweepRule::Setting(SettingId::DailyTipCap),
            (10.0, 5000.0, 9, Log),
        ),
        (
            "review_delay_hours",
            SweepRule::Setting(SettingId::ReviewDelay),
            (0.0, 48.0, 7, Lin),
        ),
        (
            "reviews_per_day_per10k",
            SweepRule::Setting(SettingId::ReviewCapacity),
            (0.0, 100.0, 6, Lin),
        ),
        (
            "classifier_recall_percent",
            SweepRule::Setting(SettingId::ClassifierRecall),
            (0.0, 100.0, 6, Lin),
        ),
        (
            "fee_permille",
            SweepRule::Setting(SettingId::TipFee),
            (0.0, 10.0, 6, Lin),
        ),
        (
            "forged_document_yuan",
            SweepRule::Setting(SettingId::ForgedDocumentPrice),
            (10.0, 5000.0, 9, Log),
        ),
        (
            "credit_point_price_yuan",
            SweepRule::Setting(SettingId::CreditPointPrice),
            (10.0, 5000.0, 9, Log),
        ),
    ]
};

/// A rule a sweep can move, and where. `circle_idx: None` moves a per-circle rule in every circle at
/// once; a platform rule always has `None`. In JSON: `{"param": "<id>", "circle_idx": …}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ParamWire", into = "ParamWire")]
pub struct SweepParam {
    rule: SweepRule,
    circle_idx: Option<u32>,
}

/// [`SweepParam`] as JSON carries it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamWire {
    param: String,
    #[serde(default)]
    circle_idx: Option<u32>,
}

impl TryFrom<ParamWire> for SweepParam {
    type Error = String;
    fn try_from(w: ParamWire) -> Result<Self, Self::Error> {
        SweepParam::of_kind(&w.param, w.circle_idx).ok_or_else(|| format!("no sweepable rule is called `{}`", w.param))
    }
}

impl From<SweepParam> for ParamWire {
    fn from(p: SweepParam) -> Self {
        ParamWire {
            param: p.kind().to_string(),
            circle_idx: p.circle_idx,
        }
    }
}

impl SweepParam {
    /// Moves `rule` in circle `circle_idx` (`None`: every circle; ignored by platform rules).
    pub fn new(rule: SweepRule, circle_idx: Option<u32>) -> SweepParam {
        let per_circle = match rule {
            SweepRule::CommentCreditThreshold => true,
            SweepRule::Setting(id) => id.setting().place == Place::Circle,
        };
        SweepParam {
            rule,
            circle_idx: circle_idx.filter(|_| per_circle),
        }
    }

    /// A catalogued setting in circle `circle_idx` (`None`: every circle; ignored by platform settings).
    pub fn setting(id: SettingId, circle_idx: Option<u32>) -> SweepParam {
        SweepParam::new(SweepRule::Setting(id), circle_idx)
    }

    /// Every sweepable rule, in the app's order, each in `circle_idx`.
    pub fn every(circle_idx: Option<u32>) -> impl Iterator<Item = SweepParam> {
        RULES.iter().map(move |(_, rule, _)| SweepParam::new(*rule, circle_idx))
    }

    /// The rule of kind `kind` (an id as [`SweepParam::kind`] gives) in `circle_idx` (ignored by platform rules).
    pub fn of_kind(kind: &str, circle_idx: Option<u32>) -> Option<SweepParam> {
        RULES
            .iter()
            .find(|(id, _, _)| *id == kind)
            .map(|(_, rule, _)| SweepParam::new(*rule, circle_idx))
    }

    /// What this moves.
    pub fn rule(&self) -> SweepRule {
        self.rule
    }

    /// The id of this rule's kind (the JSON tag `param`).
    pub fn kind(&self) -> &'static str {
        RULES
            .iter()
            .find(|(_, rule, _)| *rule == self.rule)
            .map_or("", |(id, _, _)| id)
    }

    /// The range a designer would try first (from, to, most values, spacing), before clamping to [`SweepParam::range`].
    fn first_try(&self) -> FirstTry {
        RULES
            .iter()
            .find(|(_, rule, _)| *rule == self.rule)
            .map_or((0.0, 1.0, 2, SweepScale::Linear), |(_, _, t)| *t)
    }

    /// The finest value this rule takes, as a power of ten in its shown unit (−2 for tips typed to the fen, 0 for
    /// whole hours, points or yuan), read from the settings catalogue's editor step.
    fn quantum_exponent(&self) -> i32 {
        match self.rule {
            SweepRule::CommentCreditThreshold => 0,
            SweepRule::Setting(id) => {
                let row = id.setting();
                (f64::from(row.step.max(1)) / f64::from(row.scale.per_shown()))
                    .log10()
                    .round() as i32
            }
        }
    }

    /// Whether the rule lives in circles (and so takes a circle choice).
    pub fn per_circle(&self) -> bool {
        SweepParam::new(self.rule, Some(0)).circle_idx.is_some()
    }

    /// A short label for an axis, e.g. "Tip ceiling".
    pub fn label(&self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// [`SweepParam::label`] in `lang`: "Tip ceiling" / "打赏上限".
    pub fn label_in(&self, lang: Lang) -> &'static str {
        match self.rule {
            SweepRule::CommentCreditThreshold => pick(lang, "Comment credit threshold", "评论信用分门槛"),
            SweepRule::Setting(id) => id.setting().label_in(lang),
        }
    }

    /// The unit of values on this axis, e.g. "¥" or "reviews/day per 10k users".
    pub fn unit(&self) -> &'static str {
        self.unit_in(Lang::En)
    }

    /// [`SweepParam::unit`] in `lang`: "hours" / "小时".
    pub fn unit_in(&self, lang: Lang) -> &'static str {
        match self.rule {
            SweepRule::CommentCreditThreshold => pick(lang, "points", "分"),
            SweepRule::Setting(id) => id.setting().unit_in(lang),
        }
    }

    /// The values [`apply`] accepts (lowest, highest), in the shown unit; values outside are clamped to them.
    pub fn range(&self) -> (f64, f64) {
        match self.rule {
            SweepRule::CommentCreditThreshold => (f64::from(CREDIT_MIN), f64::from(CREDIT_MAX)),
            SweepRule::Setting(id) => (id.setting().shown_min(), id.setting().shown_max()),
        }
    }

    /// The circle this parameter is confined to, if any.
    pub fn circle_idx(&self) -> Option<u32> {
        self.circle_idx
    }

    /// The label with its unit and place, e.g. "Tip ceiling (¥), Campus Diary" or "Review delay (hours), every
    /// circle"; "every circle" names the circles it moves when only some have the rule's gate, and says what it adds
    /// when none has.
    pub fn describe(&self, s: &Scenario) -> String {
        self.describe_in(Lang::En, s)
    }

    /// [`SweepParam::describe`] in `lang`: "打赏上限（¥），每个圈子".
    pub fn describe_in(&self, lang: Lang, s: &Scenario) -> String {
        let gate = self.gate();
        let zh = lang == Lang::Zh;
        let place = match (self.circle_idx, gate) {
            _ if !self.per_circle() => String::from(pick(lang, "platform", "全平台")),
            (None, Some(g)) => {
                let gated = s.circles.iter().filter(|c| (g.has)(c)).count();
                let (noun, when_none) = (pick(lang, g.noun.0, g.noun.1), pick(lang, g.when_none.0, g.when_none.1));
                match gated {
                    0 if zh => format!("每个圈子（{when_none}）"),
                    0 => format!("every circle ({when_none})"),
                    n if n == s.circles.len() => String::from(pick(lang, "every circle", "每个圈子")),
                    1 if zh => format!("{noun}的那个圈子"),
                    1 => format!("the circle with {noun}"),
                    n if zh => format!("{noun}的 {n} 个圈子"),
                    n => format!("the {n} circles with {noun}"),
                }
            }
            (None, None) => String::from(pick(lang, "every circle", "每个圈子")),
            (Some(i), gate) => match s.circles.get(i as usize) {
                None if zh => format!("圈子 {i}"),
                None => format!("circle {i}"),
                Some(c) => match gate.filter(|g| !(g.has)(c)) {
                    Some(g) if zh => format!("{}（{}）", c.name, g.when_none.1),
                    Some(g) => format!("{} ({})", c.name, g.when_none.0),
                    None => c.name.clone(),
                },
            },
        };
        match (lang, self.unit_in(lang)) {
            (Lang::Zh, "") => format!("{}，{place}", self.label_in(lang)),
            (Lang::Zh, unit) => format!("{}（{unit}），{place}", self.label_in(lang)),
            (Lang::En, "") => format!("{}, {place}", self.label_in(lang)),
            (Lang::En, unit) => format!("{} ({unit}), {place}", self.label_in(lang)),
        }
    }

    /// What a circle must have for this rule to mean anything there, if not every circle has it.
    fn gate(&self) -> Option<Gate> {
        let tipping = Gate {
            has: |c| c.tips.enabled,
            noun: ("tipping", "开了打赏"),
            when_none: ("none has tipping, so nothing changes", "没有圈子开打赏，所以什么也不变"),
        };
        match self.rule {
            SweepRule::CommentCreditThreshold => Some(Gate {
                has: has_comment_gate,
                noun: ("a credit gate on comments", "评论设了信用分门槛"),
                when_none: (
                    "adds a credit gate on comments, which none has",
                    "会给评论加上信用分门槛，目前没有圈子有",
                ),
            }),
            SweepRule::Setting(SettingId::TipFloor | SettingId::TipCeiling | SettingId::TipFee) => Some(tipping),
            SweepRule::Setting(SettingId::DailyTipCap) => Some(Gate {
                has: |c| c.tips.enabled && c.tips.daily_cap_per_tipper_fen > 0,
                noun: ("a daily tip cap", "设了每日打赏上限"),
                when_none: (
                    "adds a daily tip cap, which none has",
                    "会加上每日打赏上限，目前没有圈子有",
                ),
            }),
            SweepRule::Setting(SettingId::ClassifierRecall) => Some(Gate {
                has: |c| c.moderation.classifier.enabled,
                noun: ("the classifier on", "开了分类器"),
                when_none: (
                    "turns the classifier on, which none has",
                    "会打开分类器，目前没有圈子开",
                ),
            }),
            SweepRule::Setting(_) => None,
        }
    }
}

/// What a circle must have for a per-circle rule to apply there: "every circle" moves only the circles that have
/// it, so a sweep never gates a circle the designer left open, and adds it everywhere only when no circle has it.
#[derive(Clone, Copy)]
struct Gate {
    /// Whether the circle has it.
    has: fn(&Circle) -> bool,
    /// It in words, after "with" / before "的": ("a credit gate on comments", "评论设了信用分门槛").
    noun: (&'static str, &'static str),
    /// What sweeping it does where a circle lacks it, in English and Chinese.
    when_none: (&'static str, &'static str),
}

/// One cell of a sweep grid: where it sits and the scenario to run there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepCell {
    /// Position on the x axis (0-based).
    pub x_idx: u32,
    /// Position on the y axis (0 when there is no y axis).
    pub y_idx: u32,
    /// The x rule's value, in its unit.
    pub x_value: f64,
    /// The y rule's value, in its unit, when there is a y axis.
    pub y_value: Option<f64>,
    /// The scenario with both values applied (seed unchanged).
    pub scenario: Scenario,
}

/// What the heatmap needs from one pattern in one cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternCell {
    /// Which pattern.
    pub id: PatternId,
    /// Its severity.
    pub severity: u8,
    /// Its incidents.
    pub incidents: u64,
    /// Money involved, in fen (0 for patterns that move none).
    #[serde(default)]
    pub fen_involved: u64,
    /// Share of honest views that showed it, per 10,000 (0 for patterns that are not posts).
    #[serde(default)]
    pub prevalence_per_10k: u32,
}

/// A run reduced to what a sweep cell shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellSummary {
    /// One entry per pattern, in [`PatternId::ALL`] order.
    pub patterns: Vec<PatternCell>,
    /// Honest engagement (genuine posts plus honest interactions).
    pub honest_engagement: u64,
    /// Money tipped, in fen.
    pub tipped_fen: u64,
    /// Platform fee revenue, in fen.
    pub fee_fen: u64,
}

/// The scenario with one rule set to `value` (in the rule's shown unit, clamped to [`SweepParam::range`]
/// and rounded to what the scenario holds). A circle index past the last circle changes nothing.
pub fn apply(s: &Scenario, param: &SweepParam, value: f64) -> Scenario {
    let (lo, hi) = param.range();
    let v = value.clamp(lo, hi);
    let mut t = s.clone();
    let edit = |c: &mut Circle| match param.rule {
        SweepRule::CommentCreditThreshold => set_comment_threshold(c, v.round() as u16),
        SweepRule::Setting(id) => {
            let row = id.setting();
            let stored = row.scale.stored(v);
            row.set_in(c, stored);
            if id == SettingId::ClassifierRecall {
                c.moderation.classifier.enabled = stored > 0;
            }
        }
    };
    match (param.rule, param.circle_idx) {
        (SweepRule::Setting(id), _) if id.setting().place == Place::Scenario => {
            let row = id.setting();
            row.set(&mut t, 0, row.scale.stored(v));
        }
        // "Every circle" moves the circles that have the rule's gate; it adds the gate only where no circle has
        // it (and `describe` says so), so a sweep never gates a circle the designer left open.
        (_, None) => match param.gate().filter(|g| t.circles.iter().any(|c| (g.has)(c))) {
            Some(g) => t.circles.iter_mut().filter(|c| (g.has)(c)).for_each(edit),
            None => t.circles.iter_mut().for_each(edit),
        },
        (_, Some(i)) => {
            if let Some(c) = t.circles.get_mut(i as usize) {
                edit(c);
            }
        }
    }
    t
}

/// Whether a circle's comment rule has a credit threshold.
fn has_comment_gate(c: &Circle) -> bool {
    c.rules.comment.allow.iter().any(|clause| {
        clause
            .conditions
            .iter()
            .any(|k| matches!(k, Condition::ActorCreditAtLeast(_)))
    })
}

fn set_comment_threshold(c: &mut Circle, threshold: u16) {
    let has_one = has_comment_gate(c);
    let rule = &mut c.rules.comment;
    for clause in &mut rule.allow {
        if has_one {
            for k in &mut clause.conditions {
                if let Condition::ActorCreditAtLeast(x) = k {
                    *x = threshold;
                }
            }
        } else {
            clause.conditions.push(Condition::ActorCreditAtLeast(threshold));
        }
    }
}

/// Every cell of a sweep, row by row: all x values for the first y value, then the next
/// (cell `y_idx × x.steps + x_idx`); with no y axis, one row.
pub fn grid(s: &Scenario, x: &SweepAxis, y: Option<&SweepAxis>) -> Vec<SweepCell> {
    let xs = x.values();
    let ys: Vec<Option<f64>> = match y {
        Some(axis) => axis.values().into_iter().map(Some).collect(),
        None => vec![None],
    };
    let mut cells = Vec::with_capacity(xs.len() * ys.len());
    for (y_idx, y_value) in ys.iter().enumerate() {
        let row = match (y, y_value) {
            (Some(axis), Some(v)) => apply(s, &axis.param, *v),
            _ => s.clone(),
        };
        for (x_idx, &x_value) in xs.iter().enumerate() {
            cells.push(SweepCell {
                x_idx: x_idx as u32,
                y_idx: y_idx as u32,
                x_value,
                y_value: *y_value,
                scenario: apply(&row, &x.param, x_value),
            });
        }
    }
    cells
}

/// The small summary of one run that a sweep cell shows.
pub fn cell_summary(r: &Report) -> CellSummary {
    CellSummary {
        patterns: r
            .patterns
            .iter()
            .map(|p| PatternCell {
                id: p.id,
                severity: p.severity,
                incidents: p.incidents,
                fen_involved: p.fen_involved,
                prevalence_per_10k: p.prevalence_per_10k,
            })
            .collect(),
        honest_engagement: r.health.engagement,
        tipped_fen: r.money.tipped_fen,
        fee_fen: r.money.fee_fen,
    }
}

/// Runs every cell of a sweep here, one after another (the app farms [`grid`]'s cells out to Web Workers instead).
pub fn run_grid(s: &Scenario, x: &SweepAxis, y: Option<&SweepAxis>) -> Vec<(SweepCell, CellSummary)> {
    grid(s, x, y)
        .into_iter()
        .map(|cell| {
            let summary = cell_summary(&run(&cell.scenario));
            (cell, summary)
        })
        .collect()
}
