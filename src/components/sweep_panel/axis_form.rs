//! One sweep axis as the designer types it: which rule, where, and its range, checked field by field.

use crate::components::field::trim_number;
use crate::locale::{tr, trf, Lang};
use backfire_engine::sweep::{tick, SweepAxis, SweepParam, SweepScale, STEPS_MAX};

/// What is wrong with each field of an axis, as sentences shown beside them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AxisIssues {
    /// About the first value.
    pub from: Option<String>,
    /// About the last value (including a last value below the first).
    pub to: Option<String>,
    /// About the number of values.
    pub steps: Option<String>,
}

/// One axis as typed: the rule and its fields' text, kept verbatim so a typo is never lost.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisForm {
    /// The rule moved (with its circle).
    pub param: SweepParam,
    /// Text of the first value.
    pub from: String,
    /// Text of the last value.
    pub to: String,
    /// Text of the number of values.
    pub steps: String,
    /// How the values are spaced.
    pub scale: SweepScale,
}

impl AxisForm {
    /// A fresh axis over the range a designer would try first for the rule (the engine's first try).
    pub fn new(param: SweepParam) -> Self {
        AxisForm::from_axis(&SweepAxis::first_try(param))
    }

    /// The form showing an axis (a link's, or a first try).
    pub fn from_axis(a: &SweepAxis) -> Self {
        AxisForm {
            param: a.param,
            from: trim_number(a.from),
            to: trim_number(a.to),
            steps: a.steps.to_string(),
            scale: a.scale,
        }
    }

    /// The form with another spacing: a 1-2-5 axis takes as many steps as it has 1-2-5 numbers in its range.
    pub fn with_scale(&self, scale: SweepScale) -> AxisForm {
        let mut next = AxisForm { scale, ..self.clone() };
        if let (SweepScale::OneTwoFive, Ok(a)) = (scale, next.check()) {
            let all = SweepAxis { steps: STEPS_MAX, ..a };
            next.steps = all.values().len().max(1).to_string();
        }
        next
    }

    /// The form for a scenario of `n_circles` circles: a circle removed since it was chosen falls
    /// back to every circle, rather than sweeping a rule that no longer exists.
    pub fn in_circles(&self, n_circles: u32) -> AxisForm {
        match self.param.circle_idx() {
            Some(i) if i >= n_circles => AxisForm {
                param: SweepParam::of_kind(self.param.kind(), None).unwrap_or(self.param),
                ..self.clone()
            },
            _ => self.clone(),
        }
    }

    /// The axis, or what is wrong with each field (every problem at once), in English.
    pub fn check(&self) -> Result<SweepAxis, AxisIssues> {
        self.check_in(Lang::En)
    }

    /// [`AxisForm::check`] with the messages in the interface's language.
    pub fn check_in(&self, lang: Lang) -> Result<SweepAxis, AxisIssues> {
        let (lo, hi) = self.param.range();
        let (lo_t, hi_t) = (tick(lo), tick(hi));
        let number = |text: &str| -> Result<f64, String> {
            let t = text.trim();
            match t.parse::<f64>() {
                _ if t.is_empty() => Err(trf!(
                    lang,
                    "enter a number from {lo_t} to {hi_t}",
                    "请输入 {lo_t} 到 {hi_t} 之间的数"
                )),
                Ok(v) if !v.is_finite() => Err(trf!(lang, "`{t}` is not a number", "`{t}` 不是数字")),
                Ok(v) if v < lo || v > hi => Err(trf!(
                    lang,
                    "`{t}` is out of range: enter {lo_t} to {hi_t}",
                    "`{t}` 超出范围：请输入 {lo_t} 到 {hi_t}"
                )),
                Ok(v) => Ok(v),
                Err(_) => Err(trf!(lang, "`{t}` is not a number", "`{t}` 不是数字")),
            }
        };
        let from = number(&self.from);
        let mut to = number(&self.to);
        if let (Ok(f), Ok(t)) = (&from, &to) {
            if f > t {
                let first = tick(*f);
                to = Err(trf!(
                    lang,
                    "must be at least the first value ({first})",
                    "不能小于起点（{first}）"
                ));
            }
        }
        let typed = self.steps.trim();
        let steps = match typed.parse::<u32>() {
            Ok(0) => Err(tr!(lang, "enter at least 1 step", "请至少输入 1 步").to_string()),
            Ok(n) if n > STEPS_MAX => Err(trf!(
                lang,
                "`{n}` is too many: at most {STEPS_MAX} steps",
                "`{n}` 太多：最多 {STEPS_MAX} 步"
            )),
            Ok(n) => Ok(n),
            Err(_) => Err(trf!(
                lang,
                "`{typed}` is not a whole number from 1 to {STEPS_MAX}",
                "`{typed}` 不是 1 到 {STEPS_MAX} 之间的整数"
            )),
        };
        match (from, to, steps) {
            (Ok(from), Ok(to), Ok(steps)) => Ok(SweepAxis {
                param: self.param,
                from,
                to,
                steps,
                scale: self.scale,
            }),
            (from, to, steps) => Err(AxisIssues {
                from: from.err(),
                to: to.err(),
                steps: steps.err(),
            }),
        }
    }
}
/// Why y cannot be swept against x: the same rule in the same place, or one that overrides the other.
pub(super) fn clash(lang: Lang, x: &SweepParam, y: &SweepParam) -> Option<String> {
    let overlap = match (x.circle_idx(), y.circle_idx()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    (x.kind() == y.kind() && overlap).then(|| {
        tr!(
            lang,
            "x already moves this rule here: choose another rule or circle",
            "x 已经在这里改变这条规则：请换一条规则或一个圈子"
        )
        .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use backfire_engine::settings::SettingId;
    use backfire_engine::sweep::SweepRule;

    fn form(param: SweepParam, from: &str, to: &str, steps: &str) -> AxisForm {
        AxisForm {
            param,
            from: from.into(),
            to: to.into(),
            steps: steps.into(),
            scale: SweepScale::Linear,
        }
    }

    #[test]
    fn a_fresh_axis_takes_the_first_try_and_checks() {
        let a = AxisForm::new(SweepParam::new(SweepRule::CommentCreditThreshold, None));
        assert_eq!((a.from.as_str(), a.to.as_str(), a.steps.as_str()), ("350", "950", "7"));
        assert!(matches!(a.check(), Ok(SweepAxis { steps: 7, .. })));
        let tips = AxisForm::new(SweepParam::setting(SettingId::TipCeiling, None));
        assert_eq!(
            (tips.from.as_str(), tips.to.as_str(), tips.scale),
            ("1", "1000", SweepScale::OneTwoFive)
        );
        let back = form(tips.param, "1", "200", "3").with_scale(SweepScale::OneTwoFive);
        assert_eq!(back.steps, "8", "¥1, 2, 5, 10, 20, 50, 100, 200");
        assert_eq!(
            form(tips.param, "1", "200", "3").with_scale(SweepScale::Linear).steps,
            "3"
        );
    }

    #[test]
    fn bad_fields_give_every_message_at_once() {
        let p = SweepParam::setting(SettingId::ReviewDelay, None);
        let Err(issues) = form(p, "abc", "", "0").check() else {
            unreachable!("must fail")
        };
        assert_eq!(issues.from.as_deref(), Some("`abc` is not a number"));
        assert!(issues.to.as_deref().is_some_and(|m| m.starts_with("enter a number")));
        assert_eq!(issues.steps.as_deref(), Some("enter at least 1 step"));
        let Err(issues) = form(p, "12", "6", "21").check() else {
            unreachable!("must fail")
        };
        assert_eq!(issues.from, None);
        assert_eq!(issues.to.as_deref(), Some("must be at least the first value (12)"));
        assert_eq!(issues.steps.as_deref(), Some("`21` is too many: at most 20 steps"));
        let Err(issues) = form(p, "-1", "NaN", "2.5").check() else {
            unreachable!("must fail")
        };
        assert!(issues.from.as_deref().is_some_and(|m| m.contains("out of range")));
        assert_eq!(issues.to.as_deref(), Some("`NaN` is not a number"));
        assert!(issues
            .steps
            .as_deref()
            .is_some_and(|m| m.contains("not a whole number")));
    }

    #[test]
    fn the_same_rule_cannot_be_both_axes() {
        let all = SweepParam::setting(SettingId::TipCeiling, None);
        let one = SweepParam::setting(SettingId::TipCeiling, Some(0));
        let other = SweepParam::setting(SettingId::TipCeiling, Some(1));
        assert!(clash(Lang::En, &all, &one).is_some());
        assert!(clash(Lang::En, &one, &one).is_some());
        assert!(clash(Lang::En, &one, &other).is_none());
        assert!(clash(Lang::En, &all, &SweepParam::setting(SettingId::TipFee, None)).is_none());
    }
}
