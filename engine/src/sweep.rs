//! Sweeps: one or two numeric rules moved across a range, one run per grid cell, each cell summarised small enough to ship from a Web Worker.
//!
//! Every cell keeps the scenario's seed, so cells differ by their rules only. Values are in the
//! rule's unit (yuan, hours, percent…) and rounded to what the scenario can hold (fen, whole hours).

use serde::{Deserialize, Serialize};

use crate::report::{PatternId, Report};
use crate::scenario::{Circle, Condition, Scenario, CREDIT_MAX, CREDIT_MIN};
use crate::sim::run;

/// A numeric rule a sweep can move. `circle_idx: None` moves it in every circle at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "param", rename_all = "snake_case", deny_unknown_fields)]
pub enum SweepParam {
    /// The credit threshold of a circle's comment rule, in points (350–950): replaces the value of
    /// every `actor_credit_at_least` condition in the comment rule; when the rule has none, adds one
    /// to every clause (a rule that allows nobody stays so).
    CommentCreditThreshold {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Largest tip, in yuan (`tips.max_fen`).
    TipCeilingYuan {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Smallest tip, in yuan (`tips.min_fen`; a floor above the ceiling lifts the ceiling when run).
    TipFloorYuan {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Most one user may tip per day, in yuan (`tips.daily_cap_per_tipper_fen`; 0 = no cap).
    DailyTipCapYuan {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Hours before a reviewer can look at a flagged item (`moderation.review_delay_hours`).
    ReviewDelayHours {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Reviews per day per 10,000 users (`moderation.reviews_per_day_per_10k_users`).
    ReviewsPerDayPer10k {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Classifier recall in percent (`moderation.classifier.recall_percent`); any value above 0 also
    /// turns the classifier on, and 0 turns it off.
    ClassifierRecallPercent {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Platform fee on each tip, in parts per thousand (`tips.fee_permille`).
    FeePermille {
        /// The circle, or `None` for every circle.
        circle_idx: Option<u32>,
    },
    /// Price of a forged document, in yuan (`platform.verification.forged_document_fen`).
    ForgedDocumentYuan,
    /// Payments needed to earn one credit point, in yuan (`platform.credit.fen_paid_per_point`).
    CreditPointPriceYuan,
}

impl SweepParam {
    /// Every kind of sweepable rule, by its id (the serde tag `param`).
    pub const KINDS: [&str; 10] = [
        "comment_credit_threshold",
        "tip_ceiling_yuan",
        "tip_floor_yuan",
        "daily_tip_cap_yuan",
        "review_delay_hours",
        "reviews_per_day_per10k",
        "classifier_recall_percent",
        "fee_permille",
        "forged_document_yuan",
        "credit_point_price_yuan",
    ];

    /// The rule of kind `kind` (an id from [`SweepParam::KINDS`]) in `circle_idx` (ignored by platform rules).
    pub fn of_kind(kind: &str, circle_idx: Option<u32>) -> Option<SweepParam> {
        Some(match kind {
            "comment_credit_threshold" => SweepParam::CommentCreditThreshold { circle_idx },
            "tip_ceiling_yuan" => SweepParam::TipCeilingYuan { circle_idx },
            "tip_floor_yuan" => SweepParam::TipFloorYuan { circle_idx },
            "daily_tip_cap_yuan" => SweepParam::DailyTipCapYuan { circle_idx },
            "review_delay_hours" => SweepParam::ReviewDelayHours { circle_idx },
            "reviews_per_day_per10k" => SweepParam::ReviewsPerDayPer10k { circle_idx },
            "classifier_recall_percent" => SweepParam::ClassifierRecallPercent { circle_idx },
            "fee_permille" => SweepParam::FeePermille { circle_idx },
            "forged_document_yuan" => SweepParam::ForgedDocumentYuan,
            "credit_point_price_yuan" => SweepParam::CreditPointPriceYuan,
            _ => return None,
        })
    }

    /// The id of this rule's kind, as in [`SweepParam::KINDS`] and the JSON tag.
    pub fn kind(&self) -> &'static str {
        match self {
            SweepParam::CommentCreditThreshold { .. } => "comment_credit_threshold",
            SweepParam::TipCeilingYuan { .. } => "tip_ceiling_yuan",
            SweepParam::TipFloorYuan { .. } => "tip_floor_yuan",
            SweepParam::DailyTipCapYuan { .. } => "daily_tip_cap_yuan",
            SweepParam::ReviewDelayHours { .. } => "review_delay_hours",
            SweepParam::ReviewsPerDayPer10k { .. } => "reviews_per_day_per10k",
            SweepParam::ClassifierRecallPercent { .. } => "classifier_recall_percent",
            SweepParam::FeePermille { .. } => "fee_permille",
            SweepParam::ForgedDocumentYuan => "forged_document_yuan",
            SweepParam::CreditPointPriceYuan => "credit_point_price_yuan",
        }
    }

    /// A short label for an axis, e.g. "Tip ceiling".
    pub fn label(&self) -> &'static str {
        match self {
            SweepParam::CommentCreditThreshold { .. } => "Comment credit threshold",
            SweepParam::TipCeilingYuan { .. } => "Tip ceiling",
            SweepParam::TipFloorYuan { .. } => "Tip floor",
            SweepParam::DailyTipCapYuan { .. } => "Daily tip cap per tipper",
            SweepParam::ReviewDelayHours { .. } => "Review delay",
            SweepParam::ReviewsPerDayPer10k { .. } => "Review capacity",
            SweepParam::ClassifierRecallPercent { .. } => "Classifier recall",
            SweepParam::FeePermille { .. } => "Tip fee",
            SweepParam::ForgedDocumentYuan => "Forged document price",
            SweepParam::CreditPointPriceYuan => "Payments per credit point",
        }
    }

    /// The unit of values on this axis, e.g. "¥" or "reviews/day per 10k users".
    pub fn unit(&self) -> &'static str {
        match self {
            SweepParam::CommentCreditThreshold { .. } => "points",
            SweepParam::TipCeilingYuan { .. }
            | SweepParam::TipFloorYuan { .. }
            | SweepParam::DailyTipCapYuan { .. }
            | SweepParam::ForgedDocumentYuan
            | SweepParam::CreditPointPriceYuan => "¥",
            SweepParam::ReviewDelayHours { .. } => "h",
            SweepParam::ReviewsPerDayPer10k { .. } => "reviews/day per 10k users",
            SweepParam::ClassifierRecallPercent { .. } => "%",
            SweepParam::FeePermille { .. } => "‰",
        }
    }

    /// The values [`apply`] accepts (lowest, highest); values outside are clamped to them.
    pub fn range(&self) -> (f64, f64) {
        match self {
            SweepParam::CommentCreditThreshold { .. } => (f64::from(CREDIT_MIN), f64::from(CREDIT_MAX)),
            SweepParam::TipCeilingYuan { .. } | SweepParam::TipFloorYuan { .. } => (0.01, 10_000.0),
            SweepParam::DailyTipCapYuan { .. } => (0.0, 100_000.0),
            SweepParam::ReviewDelayHours { .. } => (0.0, 24.0 * f64::from(crate::scenario::DAYS_MAX)),
            SweepParam::ReviewsPerDayPer10k { .. } => (0.0, 10_000.0),
            SweepParam::ClassifierRecallPercent { .. } => (0.0, 100.0),
            SweepParam::FeePermille { .. } => (0.0, 1_000.0),
            SweepParam::ForgedDocumentYuan | SweepParam::CreditPointPriceYuan => (0.0, 1_000_000.0),
        }
    }

    /// The circle this parameter is confined to, if any.
    pub fn circle_idx(&self) -> Option<u32> {
        match *self {
            SweepParam::CommentCreditThreshold { circle_idx }
            | SweepParam::TipCeilingYuan { circle_idx }
            | SweepParam::TipFloorYuan { circle_idx }
            | SweepParam::DailyTipCapYuan { circle_idx }
            | SweepParam::ReviewDelayHours { circle_idx }
            | SweepParam::ReviewsPerDayPer10k { circle_idx }
            | SweepParam::ClassifierRecallPercent { circle_idx }
            | SweepParam::FeePermille { circle_idx } => circle_idx,
            SweepParam::ForgedDocumentYuan | SweepParam::CreditPointPriceYuan => None,
        }
    }

    /// The label with its unit and place, e.g. "Tip ceiling (¥), Campus Diary" or "Review delay (h), every circle".
    pub fn describe(&self, s: &Scenario) -> String {
        let place = match (self, self.circle_idx()) {
            (SweepParam::ForgedDocumentYuan | SweepParam::CreditPointPriceYuan, _) => String::from("platform"),
            (_, None) => String::from("every circle"),
            (_, Some(i)) => s
                .circles
                .get(i as usize)
                .map_or_else(|| format!("circle {i}"), |c| c.name.clone()),
        };
        format!("{} ({}), {place}", self.label(), self.unit())
    }
}

/// One axis of a sweep: `steps` evenly spaced values from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepAxis {
    /// The rule moved.
    pub param: SweepParam,
    /// First value, in the rule's unit.
    pub from: f64,
    /// Last value, in the rule's unit.
    pub to: f64,
    /// Number of values (1 gives `from` alone, 0 gives none).
    pub steps: u32,
}

impl SweepAxis {
    /// The axis's values, `from` first.
    pub fn values(&self) -> Vec<f64> {
        match self.steps {
            0 => Vec::new(),
            1 => vec![self.from],
            n => (0..n)
                .map(|i| self.from + (self.to - self.from) * f64::from(i) / f64::from(n - 1))
                .collect(),
        }
    }
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

/// The scenario with one rule set to `value` (in the rule's unit, clamped to [`SweepParam::range`]).
/// A circle index past the last circle changes nothing.
pub fn apply(s: &Scenario, param: &SweepParam, value: f64) -> Scenario {
    let (lo, hi) = param.range();
    let v = value.clamp(lo, hi);
    let fen = (v * 100.0).round() as u32;
    let whole = v.round() as u32;
    let mut t = s.clone();
    match param {
        SweepParam::ForgedDocumentYuan => t.platform.verification.forged_document_fen = fen,
        SweepParam::CreditPointPriceYuan => t.platform.credit.fen_paid_per_point = fen,
        _ => {
            let edit = |c: &mut Circle| match param {
                SweepParam::CommentCreditThreshold { .. } => set_comment_threshold(c, whole as u16),
                SweepParam::TipCeilingYuan { .. } => c.tips.max_fen = fen,
                SweepParam::TipFloorYuan { .. } => c.tips.min_fen = fen,
                SweepParam::DailyTipCapYuan { .. } => c.tips.daily_cap_per_tipper_fen = fen,
                SweepParam::ReviewDelayHours { .. } => c.moderation.review_delay_hours = whole,
                SweepParam::ReviewsPerDayPer10k { .. } => c.moderation.reviews_per_day_per_10k_users = whole,
                SweepParam::ClassifierRecallPercent { .. } => {
                    c.moderation.classifier.enabled = whole > 0;
                    c.moderation.classifier.recall_percent = whole as u8;
                }
                SweepParam::FeePermille { .. } => c.tips.fee_permille = whole,
                SweepParam::ForgedDocumentYuan | SweepParam::CreditPointPriceYuan => {}
            };
            match param.circle_idx() {
                None => t.circles.iter_mut().for_each(edit),
                Some(i) => {
                    if let Some(c) = t.circles.get_mut(i as usize) {
                        edit(c);
                    }
                }
            }
        }
    }
    t
}

fn set_comment_threshold(c: &mut Circle, threshold: u16) {
    let rule = &mut c.rules.comment;
    let has_one = rule.allow.iter().any(|clause| {
        clause
            .conditions
            .iter()
            .any(|k| matches!(k, Condition::ActorCreditAtLeast(_)))
    });
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
