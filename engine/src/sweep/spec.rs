//! A sweep as a link carries it: its axes, metric and seeds in one short fragment-safe text, and back.
//!
//! `x[,y]!metric!seeds`, each axis `rule[@circle]~from~to~steps~scale`, e.g.
//! `tip_ceiling_yuan~1~1000~10~log,comment_credit_threshold@0~350~950~7~lin!severity:solicitation!3`.
//! Only `[A-Za-z0-9._:,@~!-]` appears, so the text needs no escaping in a URL fragment.

use std::fmt;

use super::{SweepAxis, SweepMetric, SweepParam, SweepScale, SEEDS_DEFAULT, SEEDS_MAX, STEPS_MAX};
use crate::lang::Lang;
use crate::report::PatternId;
use crate::words::{pick, whole_number_between};

/// A whole sweep as the designer set it up: what it moves, what it shows, and on how many seeds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SweepSpec {
    /// The rule moved across.
    pub x: SweepAxis,
    /// The rule moved up, for a 2-D sweep.
    pub y: Option<SweepAxis>,
    /// What the cells show.
    pub metric: SweepMetric,
    /// Runs per cell, on seeds from [`crate::ensemble::seeds`].
    pub seeds: u32,
}

/// Why a link's sweep could not be read: the part at fault and what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepSpecError {
    /// The part at fault.
    pub part: SweepPart,
    /// What is wrong with it.
    pub problem: SweepProblem,
}

/// The part of a sweep's link a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepPart {
    /// The text as a whole.
    Whole,
    XAxis,
    YAxis,
    Metric,
    Seeds,
}

/// What is wrong with a part of a sweep's link (each holds the text at fault, as the link has it).
#[derive(Clone, Debug, PartialEq)]
pub enum SweepProblem {
    /// More than `axes!metric!seeds`.
    TooManyParts(String),
    /// A third axis.
    ThirdAxis(String),
    /// An axis that is not `rule~from~to~steps~scale`.
    NotAnAxis(String),
    /// A circle after `@` that is not a number.
    NotACircle(String),
    /// A rule no sweep moves.
    NotARule(String),
    /// A value outside the rule's range (the rule's id, then its range).
    OutOfRange(String, &'static str, f64, f64),
    NotANumber(String),
    /// The first value above the last.
    Reversed(f64, f64),
    /// Steps that are not a whole number from 1 to [`STEPS_MAX`].
    Steps(String),
    NotAScale(String),
    NotAMetric(String),
    /// Seeds that are not a whole number from 1 to [`SEEDS_MAX`].
    Seeds(String),
}

impl SweepSpecError {
    /// The sentence for this problem in `lang`, naming the part at fault.
    pub fn message(&self, lang: Lang) -> String {
        let part = match self.part {
            SweepPart::Whole => pick(lang, "sweep", "扫描"),
            SweepPart::XAxis => pick(lang, "x axis", "横向（x）"),
            SweepPart::YAxis => pick(lang, "y axis", "纵向（y）"),
            SweepPart::Metric => pick(lang, "metric", "指标"),
            SweepPart::Seeds => pick(lang, "seeds", "种子数"),
        };
        let zh = lang == Lang::Zh;
        let problem = match &self.problem {
            SweepProblem::TooManyParts(t) if zh => format!("`{t}` 多于三段"),
            SweepProblem::TooManyParts(t) => format!("`{t}` has more than three parts"),
            SweepProblem::ThirdAxis(t) if zh => format!("`{t}` 是第三条轴；扫描最多两条轴"),
            SweepProblem::ThirdAxis(t) => format!("`{t}` is a third axis; a sweep has at most two"),
            SweepProblem::NotAnAxis(t) if zh => format!("`{t}` 不是 规则~起点~终点~步数~刻度"),
            SweepProblem::NotAnAxis(t) => format!("`{t}` is not rule~from~to~steps~scale"),
            SweepProblem::NotACircle(t) if zh => format!("`{t}` 不是圈子编号"),
            SweepProblem::NotACircle(t) => format!("`{t}` is not a circle number"),
            SweepProblem::NotARule(t) if zh => format!("`{t}` 不是扫描能移动的规则"),
            SweepProblem::NotARule(t) => format!("`{t}` is not a rule a sweep can move"),
            SweepProblem::OutOfRange(t, rule, lo, hi) if zh => format!("`{t}` 超出 {rule} 的范围 {lo} 到 {hi}"),
            SweepProblem::OutOfRange(t, rule, lo, hi) => format!("`{t}` is outside {rule}'s range {lo} to {hi}"),
            SweepProblem::NotANumber(t) if zh => format!("`{t}` 不是数字"),
            SweepProblem::NotANumber(t) => format!("`{t}` is not a number"),
            SweepProblem::Reversed(from, to) if zh => format!("起点 `{from}` 大于终点 `{to}`"),
            SweepProblem::Reversed(from, to) => format!("the first value `{from}` is above the last `{to}`"),
            SweepProblem::Steps(t) if zh => format!("步数 `{t}` 不是 {}", whole_number_between(lang, 1, STEPS_MAX)),
            SweepProblem::Steps(t) => format!("`{t}` steps is not {}", whole_number_between(lang, 1, STEPS_MAX)),
            SweepProblem::NotAScale(t) if zh => format!("`{t}` 不是刻度（`lin` 或 `log`）"),
            SweepProblem::NotAScale(t) => format!("`{t}` is not a scale (`lin` or `log`)"),
            SweepProblem::NotAMetric(t) if zh => format!("`{t}` 不是指标"),
            SweepProblem::NotAMetric(t) => format!("`{t}` is not a metric"),
            SweepProblem::Seeds(t) if zh => format!("`{t}` 不是 {}", whole_number_between(lang, 1, SEEDS_MAX)),
            SweepProblem::Seeds(t) => format!("`{t}` is not {}", whole_number_between(lang, 1, SEEDS_MAX)),
        };
        pick(lang, "sweep link: {part}: {problem}", "扫描链接：{part}：{problem}")
            .replace("{part}", part)
            .replace("{problem}", &problem)
    }
}

impl fmt::Display for SweepSpecError {
    /// The English sentence (the CLI's, and the log's).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SweepSpecError {}

impl Default for SweepSpec {
    /// The comment credit threshold over its first-try range, coloured by solicitation's severity.
    fn default() -> Self {
        SweepSpec {
            x: SweepAxis::first_try(SweepParam::new(super::SweepRule::CommentCreditThreshold, None)),
            y: None,
            metric: SweepMetric::Severity(PatternId::Solicitation),
            seeds: SEEDS_DEFAULT,
        }
    }
}

impl SweepSpec {
    /// The text a link carries (see the module's documentation).
    pub fn to_param(&self) -> String {
        let axis = |a: &SweepAxis| {
            let circle = a.param.circle_idx().map(|i| format!("@{i}")).unwrap_or_default();
            format!(
                "{}{circle}~{}~{}~{}~{}",
                a.param.kind(),
                a.from,
                a.to,
                a.steps,
                a.scale.id()
            )
        };
        let mut axes = axis(&self.x);
        if let Some(y) = &self.y {
            axes.push(',');
            axes.push_str(&axis(y));
        }
        format!("{axes}!{}!{}", self.metric.id(), self.seeds)
    }

    /// The sweep a link's text describes, or the first thing wrong with it (a link is written by [`SweepSpec::to_param`],
    /// so one problem is enough to say it was damaged). A missing metric or seed count takes the default.
    pub fn from_param(text: &str) -> Result<SweepSpec, SweepSpecError> {
        let mut parts = text.split('!');
        let axes = parts.next().unwrap_or_default();
        let metric = parts.next();
        let seeds = parts.next();
        if parts.next().is_some() {
            return Err(problem(SweepPart::Whole, SweepProblem::TooManyParts(text.into())));
        }
        let mut axes = axes.split(',');
        let x = read_axis(SweepPart::XAxis, axes.next().unwrap_or_default())?;
        let y = axes.next().map(|a| read_axis(SweepPart::YAxis, a)).transpose()?;
        if let Some(extra) = axes.next() {
            return Err(problem(SweepPart::Whole, SweepProblem::ThirdAxis(extra.into())));
        }
        let metric = match metric {
            None => SweepSpec::default().metric,
            Some(id) => SweepMetric::from_id(id)
                .ok_or_else(|| problem(SweepPart::Metric, SweepProblem::NotAMetric(id.into())))?,
        };
        let seeds = match seeds {
            None => SEEDS_DEFAULT,
            Some(t) => match t.parse::<u32>() {
                Ok(n) if (1..=SEEDS_MAX).contains(&n) => n,
                _ => return Err(problem(SweepPart::Seeds, SweepProblem::Seeds(t.into()))),
            },
        };
        Ok(SweepSpec { x, y, metric, seeds })
    }
}

fn problem(part: SweepPart, problem: SweepProblem) -> SweepSpecError {
    SweepSpecError { part, problem }
}

/// One axis, `rule[@circle]~from~to~steps~scale`.
fn read_axis(field: SweepPart, text: &str) -> Result<SweepAxis, SweepSpecError> {
    let fields: Vec<&str> = text.split('~').collect();
    let [rule, from, to, steps, scale] = fields[..] else {
        return Err(problem(field, SweepProblem::NotAnAxis(text.into())));
    };
    let (kind, circle) = match rule.split_once('@') {
        Some((kind, c)) => match c.parse::<u32>() {
            Ok(i) => (kind, Some(i)),
            Err(_) => return Err(problem(field, SweepProblem::NotACircle(c.into()))),
        },
        None => (rule, None),
    };
    let param = SweepParam::of_kind(kind, circle).ok_or_else(|| problem(field, SweepProblem::NotARule(kind.into())))?;
    let (lo, hi) = param.range();
    let number = |t: &str| match t.parse::<f64>() {
        Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => Ok(v),
        Ok(v) if v.is_finite() => Err(problem(field, SweepProblem::OutOfRange(t.into(), param.kind(), lo, hi))),
        _ => Err(problem(field, SweepProblem::NotANumber(t.into()))),
    };
    let (from, to) = (number(from)?, number(to)?);
    if from > to {
        return Err(problem(field, SweepProblem::Reversed(from, to)));
    }
    let steps = match steps.parse::<u32>() {
        Ok(n) if (1..=STEPS_MAX).contains(&n) => n,
        _ => return Err(problem(field, SweepProblem::Steps(steps.into()))),
    };
    let scale = SweepScale::from_id(scale).ok_or_else(|| problem(field, SweepProblem::NotAScale(scale.into())))?;
    Ok(SweepAxis {
        param,
        from,
        to,
        steps,
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::SettingId;

    fn spec() -> SweepSpec {
        SweepSpec {
            x: SweepAxis::first_try(SweepParam::setting(SettingId::TipCeiling, None)),
            y: Some(SweepAxis {
                steps: 4,
                ..SweepAxis::first_try(SweepParam::new(
                    super::super::SweepRule::CommentCreditThreshold,
                    Some(0),
                ))
            }),
            metric: SweepMetric::Money(PatternId::Solicitation),
            seeds: 5,
        }
    }

    #[test]
    fn a_spec_round_trips_through_its_text() {
        let s = spec();
        let text = s.to_param();
        assert_eq!(
            text,
            "tip_ceiling_yuan~1~1000~10~log,comment_credit_threshold@0~350~950~4~lin!money:solicitation!5"
        );
        assert_eq!(SweepSpec::from_param(&text), Ok(s));
        let one = SweepSpec { y: None, ..s };
        assert_eq!(SweepSpec::from_param(&one.to_param()), Ok(one));
        let fine = SweepSpec {
            x: SweepAxis {
                from: 0.05,
                to: 12.5,
                ..s.x
            },
            ..one
        };
        assert_eq!(SweepSpec::from_param(&fine.to_param()), Ok(fine));
        // Every rule and metric fits a fragment, safely and briefly.
        for p in SweepParam::every(Some(12)) {
            for m in SweepMetric::all() {
                let t = SweepSpec {
                    x: SweepAxis::first_try(p),
                    y: Some(SweepAxis::first_try(p)),
                    metric: m,
                    seeds: SEEDS_MAX,
                }
                .to_param();
                assert!(
                    t.len() <= 400 && t.chars().all(|c| c.is_ascii_alphanumeric() || "._:,@~!-".contains(c)),
                    "{t}"
                );
            }
        }
        // The metric and seeds may be left out.
        let bare = SweepSpec::from_param("review_delay_hours~0~48~7~lin").map(|s| (s.metric, s.seeds));
        assert_eq!(bare, Ok((SweepSpec::default().metric, SEEDS_DEFAULT)));
    }

    #[test]
    fn a_bad_spec_is_told_in_chinese_too() {
        let said = |text: &str| SweepSpec::from_param(text).map_err(|e| e.message(Lang::Zh));
        assert_eq!(
            said("tip_ceiling_yuan~1~2~99~lin"),
            Err(format!(
                "扫描链接：横向（x）：步数 `99` 不是 1 到 {STEPS_MAX} 之间的整数"
            ))
        );
        assert_eq!(
            said("tip_ceiling_yuan~1~2~3~lin!colour"),
            Err("扫描链接：指标：`colour` 不是指标".to_string())
        );
        assert_eq!(
            said("tip_ceiling_yuan~1~2~3~lin,bad"),
            Err("扫描链接：纵向（y）：`bad` 不是 规则~起点~终点~步数~刻度".to_string())
        );
    }

    #[test]
    fn a_bad_spec_names_the_part_at_fault() {
        let cases = [
            (
                "nonsense~1~2~3~lin",
                "sweep link: x axis: `nonsense` is not a rule a sweep can move",
            ),
            (
                "tip_ceiling_yuan~1~2~3",
                "sweep link: x axis: `tip_ceiling_yuan~1~2~3` is not rule~from~to~steps~scale",
            ),
            (
                "tip_ceiling_yuan~5~2~3~lin",
                "sweep link: x axis: the first value `5` is above the last `2`",
            ),
            (
                "tip_ceiling_yuan~1~2~99~lin",
                "sweep link: x axis: `99` steps is not a whole number from 1 to 20",
            ),
            (
                "tip_ceiling_yuan~1~2~0~lin",
                "sweep link: x axis: `0` steps is not a whole number from 1 to 20",
            ),
            (
                "tip_ceiling_yuan~1~2~3~cubic",
                "sweep link: x axis: `cubic` is not a scale (`lin` or `log`)",
            ),
            ("tip_ceiling_yuan~x~2~3~lin", "sweep link: x axis: `x` is not a number"),
            (
                "tip_ceiling_yuan~1~inf~3~lin",
                "sweep link: x axis: `inf` is not a number",
            ),
            (
                "tip_ceiling_yuan~1~99999999~3~lin",
                "sweep link: x axis: `99999999` is outside tip_ceiling_yuan's range 0.01 to 10000",
            ),
            (
                "tip_ceiling_yuan@a~1~2~3~lin",
                "sweep link: x axis: `a` is not a circle number",
            ),
            (
                "tip_ceiling_yuan~1~2~3~lin,bad",
                "sweep link: y axis: `bad` is not rule~from~to~steps~scale",
            ),
            (
                "tip_ceiling_yuan~1~2~3~lin!colour",
                "sweep link: metric: `colour` is not a metric",
            ),
            (
                "tip_ceiling_yuan~1~2~3~lin!engagement!0",
                "sweep link: seeds: `0` is not a whole number from 1 to 10",
            ),
            (
                "tip_ceiling_yuan~1~2~3~lin!engagement!3!x",
                "sweep link: sweep: `tip_ceiling_yuan~1~2~3~lin!engagement!3!x` has more than three parts",
            ),
            ("", "sweep link: x axis: `` is not rule~from~to~steps~scale"),
        ];
        for (text, want) in cases {
            assert_eq!(
                SweepSpec::from_param(text).map_err(|e| e.to_string()),
                Err(want.to_string()),
                "{text}"
            );
        }
    }
}
