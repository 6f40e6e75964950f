//! A sweep axis: a rule's range in linear or 1-2-5 steps, the range a designer would try first, and round tick labels.

use serde::{Deserialize, Serialize};

use super::SweepParam;
use crate::words::group;

/// How an axis's values are spaced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SweepScale {
    /// Evenly spaced from `from` to `to`, the inner values rounded to a round number near them.
    #[default]
    #[serde(rename = "lin")]
    Linear,
    /// The 1-2-5 numbers (¥1, 2, 5, 10, 20, 50 …) from `from` to `to`: money spans orders of magnitude,
    /// and a designer compares ¥5 with ¥50, not ¥1,001 with ¥2,001.
    #[serde(rename = "log")]
    OneTwoFive,
}

impl SweepScale {
    /// Both scales, in the order the app lists them.
    pub const ALL: [SweepScale; 2] = [SweepScale::Linear, SweepScale::OneTwoFive];

    /// The id in JSON and links (`lin`, `log`).
    pub fn id(self) -> &'static str {
        match self {
            SweepScale::Linear => "lin",
            SweepScale::OneTwoFive => "log",
        }
    }

    /// The scale with this id.
    pub fn from_id(id: &str) -> Option<SweepScale> {
        SweepScale::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// One axis of a sweep: values from `from` to `to`, both ends included, spaced by `scale`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepAxis {
    /// The rule moved.
    pub param: SweepParam,
    /// First value, in the rule's unit.
    pub from: f64,
    /// Last value, in the rule's unit.
    pub to: f64,
    /// Most values (1 gives `from` alone, 0 gives none); a 1-2-5 axis has at most the 1-2-5 numbers in its range.
    pub steps: u32,
    /// How the values are spaced (linear when a file or link written before scales leaves it out).
    #[serde(default)]
    pub scale: SweepScale,
}

/// The powers of ten a 1-2-5 series may run through: ¥0.01 (one fen) up to 10^9, beyond every setting's bounds.
const DECADES: std::ops::RangeInclusive<i32> = -2..=9;

impl SweepAxis {
    /// The range a designer would try first for `param` (see [`SweepParam::first_try`]), within its bounds.
    pub fn first_try(param: SweepParam) -> SweepAxis {
        let (from, to, steps, scale) = param.first_try();
        let (lo, hi) = param.range();
        SweepAxis {
            param,
            from: from.clamp(lo, hi),
            to: to.clamp(lo, hi),
            steps,
            scale,
        }
    }

    /// The axis's values, `from` first, each a round number the scenario can hold (no repeats).
    pub fn values(&self) -> Vec<f64> {
        let quantum = self.param.quantum_exponent();
        let mut out = match (self.steps, self.scale) {
            (0, _) => Vec::new(),
            (1, _) => vec![round_to(self.from, quantum)],
            (n, SweepScale::Linear) => linear(self.from, self.to, n, quantum),
            (n, SweepScale::OneTwoFive) => thin(one_two_five(self.from, self.to, quantum), n),
        };
        out.dedup();
        out
    }
}

/// `v` rounded to a multiple of 10^`exp`, computed so that 0.2 is 0.2 (a division by an exact power of ten).
fn round_to(v: f64, exp: i32) -> f64 {
    if exp >= 0 {
        let p = 10f64.powi(exp);
        (v / p).round() * p
    } else {
        let p = 10f64.powi(-exp);
        (v * p).round() / p
    }
}

/// `n` evenly spaced values, all rounded to what the scenario holds (10^`quantum`), the inner ones also to a round
/// number: to the power of ten at or below half the step when that moves none by more than a tenth of a step (a
/// step of 1,111.1 gives 1,100, 2,200 …; 1 to 200 in three gives 100), else to the step's second digit (400 to 900
/// in three keeps 650).
fn linear(from: f64, to: f64, n: u32, quantum: i32) -> Vec<f64> {
    let last = n - 1;
    let step = (to - from) / f64::from(last);
    if step.is_nan() || step <= 0.0 {
        return vec![round_to(from, quantum)];
    }
    let exact = |i: u32| from + step * f64::from(i);
    let coarse = ((step / 2.0).log10().floor() as i32).max(quantum);
    let fine = (step.log10().floor() as i32 - 1).max(quantum);
    let close = (1..last).all(|i| (round_to(exact(i), coarse) - exact(i)).abs() <= step / 10.0);
    let digit = if close { coarse } else { fine };
    (0..n)
        .map(|i| match i {
            0 => round_to(from, quantum),
            _ if i == last => round_to(to, quantum),
            _ => round_to(exact(i), digit),
        })
        .collect()
}

/// The 1-2-5 numbers from `from` to `to` (0 first when `from` is 0), none finer than 10^`quantum`.
fn one_two_five(from: f64, to: f64, quantum: i32) -> Vec<f64> {
    let mut out = Vec::new();
    if from <= 0.0 {
        out.push(0.0);
    }
    for exp in DECADES.filter(|e| *e >= quantum) {
        for m in [1.0, 2.0, 5.0] {
            let v = if exp >= 0 {
                m * 10f64.powi(exp)
            } else {
                m / 10f64.powi(-exp)
            };
            if v >= from && v <= to {
                out.push(v);
            }
        }
    }
    out
}

/// At most `n` of `values`, evenly by position, the first and last kept.
fn thin(values: Vec<f64>, n: u32) -> Vec<f64> {
    let len = values.len();
    let n = n as usize;
    if len <= n || n < 2 {
        return values.into_iter().take(n.max(1).min(len)).collect();
    }
    (0..n)
        .filter_map(|i| values.get((i * (len - 1) + (n - 1) / 2) / (n - 1)).copied())
        .collect()
}

/// Round values to mark on a value axis from `lo` to `hi`: the multiples of the smallest 1-2-5 step that gives at
/// most `most` of them (0 to 31,000 by 10,000; −81 to 0 by 20), so a chart's scale reads in round numbers too.
pub fn round_ticks(lo: f64, hi: f64, most: u32) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || most == 0 {
        return Vec::new();
    }
    let rough = (hi - lo) / f64::from(most);
    let decade = rough.log10().floor() as i32;
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| round_to(m * 10f64.powi(decade), decade.min(0) - 1))
        .find(|s| ((hi - lo) / s).floor() < f64::from(most))
        .unwrap_or(10f64.powi(decade + 1));
    // A hair of slack, so 0.3 ÷ 0.1 (2.9999…) still counts three steps.
    const SLACK: f64 = 1e-9;
    let first = (lo / step - SLACK).ceil() as i64;
    let last = (hi / step + SLACK).floor() as i64;
    (first..=last)
        .map(|k| round_to(k as f64 * step, decade.min(0) - 1))
        .collect()
}

/// A round label for an axis value: at most three significant digits and two decimals, thousands grouped
/// ("1,100", "0.05", "750"), large numbers shortened ("25k", "1.5M").
pub fn tick(v: f64) -> String {
    if !v.is_finite() {
        return String::from("–");
    }
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    let digits = |x: f64| {
        let exp = (x.log10().floor() as i32 - 2).max(-2);
        let r = round_to(x, exp);
        if r.fract() == 0.0 {
            group(r as u64)
        } else {
            let s = format!("{r:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    match a {
        _ if a == 0.0 => String::from("0"),
        _ if a >= 1e6 => format!("{sign}{}M", digits(a / 1e6)),
        _ if a >= 1e4 => format!("{sign}{}k", digits(a / 1e3)),
        _ => format!("{sign}{}", digits(a)),
    }
}

/// A value with its unit, e.g. "¥5", "750 points", "12 hours", "40%".
pub fn with_unit(v: f64, unit: &str) -> String {
    match unit {
        "¥" => format!("¥{}", tick(v)),
        "%" => format!("{}%", tick(v)),
        "" => tick(v),
        unit => format!("{} {unit}", tick(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::SettingId;
    use crate::sweep::SweepRule;

    fn axis(id: SettingId, from: f64, to: f64, steps: u32, scale: SweepScale) -> SweepAxis {
        SweepAxis {
            param: SweepParam::setting(id, None),
            from,
            to,
            steps,
            scale,
        }
    }

    #[test]
    fn one_two_five_steps_run_through_the_decades() {
        let a = axis(SettingId::TipCeiling, 1.0, 200.0, 20, SweepScale::OneTwoFive);
        assert_eq!(a.values(), vec![1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0]);
        let small = axis(SettingId::TipFloor, 0.01, 0.5, 20, SweepScale::OneTwoFive);
        assert_eq!(small.values(), vec![0.01, 0.02, 0.05, 0.1, 0.2, 0.5]);
        let odd = axis(SettingId::TipCeiling, 3.0, 60.0, 20, SweepScale::OneTwoFive);
        assert_eq!(
            odd.values(),
            vec![5.0, 10.0, 20.0, 50.0],
            "the ends need not be 1-2-5 numbers"
        );
        let from_zero = axis(SettingId::DailyTipCap, 0.0, 5.0, 20, SweepScale::OneTwoFive);
        assert_eq!(
            from_zero.values(),
            vec![0.0, 1.0, 2.0, 5.0],
            "no finer than ¥1 for whole-yuan caps"
        );
        // Fewer steps than 1-2-5 numbers keep the ends and spread the rest.
        let thinned = axis(SettingId::TipCeiling, 1.0, 1000.0, 4, SweepScale::OneTwoFive).values();
        assert_eq!(thinned, vec![1.0, 10.0, 100.0, 1000.0]);
        assert_eq!(
            axis(SettingId::TipCeiling, 1.0, 1000.0, 1, SweepScale::OneTwoFive).values(),
            vec![1.0]
        );
        assert!(axis(SettingId::TipCeiling, 1.0, 1000.0, 0, SweepScale::OneTwoFive)
            .values()
            .is_empty());
    }

    #[test]
    fn linear_steps_snap_to_round_values() {
        let old_default = axis(SettingId::TipCeiling, 0.01, 10_000.0, 10, SweepScale::Linear).values();
        assert_eq!(
            old_default,
            vec![0.01, 1100.0, 2200.0, 3300.0, 4400.0, 5600.0, 6700.0, 7800.0, 8900.0, 10_000.0]
        );
        let even = SweepAxis {
            param: SweepParam::new(SweepRule::CommentCreditThreshold, None),
            from: 350.0,
            to: 950.0,
            steps: 7,
            scale: SweepScale::Linear,
        };
        assert_eq!(even.values(), vec![350.0, 450.0, 550.0, 650.0, 750.0, 850.0, 950.0]);
        let three = SweepAxis {
            from: 400.0,
            to: 900.0,
            steps: 3,
            ..even
        };
        assert_eq!(three.values(), vec![400.0, 650.0, 900.0], "650 is round enough");
        let tips = axis(SettingId::TipCeiling, 1.0, 200.0, 3, SweepScale::Linear);
        assert_eq!(tips.values(), vec![1.0, 100.0, 200.0], "not 100.5");
        // Whole hours only: 0–2 hours in 5 steps has three distinct values.
        assert_eq!(
            axis(SettingId::ReviewDelay, 0.0, 2.0, 5, SweepScale::Linear).values(),
            vec![0.0, 1.0, 2.0]
        );
        assert_eq!(
            axis(SettingId::ReviewDelay, 6.0, 6.0, 4, SweepScale::Linear).values(),
            vec![6.0]
        );
    }

    #[test]
    fn value_axes_get_round_ticks() {
        assert_eq!(round_ticks(0.0, 31_000.0, 5), vec![0.0, 10_000.0, 20_000.0, 30_000.0]);
        assert_eq!(round_ticks(-84.0, 3.0, 5), vec![-80.0, -60.0, -40.0, -20.0, 0.0]);
        assert_eq!(round_ticks(68.7, 76.3, 5), vec![70.0, 72.0, 74.0, 76.0]);
        assert_eq!(
            round_ticks(0.0, 100.0, 5),
            vec![0.0, 50.0, 100.0],
            "by 20 would make six"
        );
        assert_eq!(round_ticks(0.0, 0.3, 4), vec![0.0, 0.1, 0.2, 0.3]);
        assert!(round_ticks(5.0, 5.0, 4).is_empty());
        assert!(round_ticks(0.0, f64::NAN, 4).is_empty());
    }

    #[test]
    fn ticks_are_round() {
        let cases = [
            (1111.12, "1,110"),
            (650.0, "650"),
            (0.5, "0.5"),
            (0.05, "0.05"),
            (1.0 / 3.0, "0.33"),
            (25_000.0, "25k"),
            (12_345.0, "12.3k"),
            (1_500_000.0, "1.5M"),
            (0.0, "0"),
            (2200.0, "2,200"),
        ];
        for (v, want) in cases {
            assert_eq!(tick(v), want, "{v}");
        }
        assert_eq!(with_unit(5.0, "¥"), "¥5");
        assert_eq!(with_unit(750.0, "points"), "750 points");
        assert_eq!(with_unit(12.0, "hours"), "12 hours");
        assert_eq!(with_unit(40.0, "%"), "40%");
    }

    #[test]
    fn first_tries_stay_in_bounds_and_give_round_values() {
        for p in SweepParam::every(None) {
            let a = SweepAxis::first_try(p);
            let (lo, hi) = p.range();
            let values = a.values();
            assert!(
                values.len() >= 3 && values.len() as u32 <= super::super::STEPS_MAX,
                "{}",
                p.kind()
            );
            for v in &values {
                assert!(*v >= lo && *v <= hi, "{} {v}", p.kind());
                // A round value reads back from its label exactly.
                assert_eq!(
                    tick(*v).replace(',', "").parse::<f64>().ok(),
                    Some(*v),
                    "{} {v}",
                    p.kind()
                );
            }
        }
        let tips = SweepAxis::first_try(SweepParam::setting(SettingId::TipCeiling, None));
        assert_eq!(tips.scale, SweepScale::OneTwoFive);
        let values = tips.values();
        assert!(values.contains(&200.0), "the launch ceiling is a cell");
        assert!(values.iter().all(|v| (1.0..=1000.0).contains(v)), "{values:?}");
    }
}
