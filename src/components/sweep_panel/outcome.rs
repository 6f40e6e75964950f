//! A finished sweep: its grid, every run of every cell, the rules on screen run on the same seeds, and the read-out of one cell.

use crate::locale::{count, level_word, money, pattern_name, tr, trf, Lang};
use crate::view_model::level_class;
use backfire_engine::sweep::{with_unit, CellSummary, SweepAxis, SweepCell, SweepMetric, SweepSpec};
use backfire_engine::{Level, PatternId, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// A figure over a cell's seeds: its mean and the lowest and highest run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Mean over the seeds.
    pub mean: f64,
    /// Lowest run.
    pub lo: f64,
    /// Highest run.
    pub hi: f64,
}

impl Band {
    /// The band of `m` over some runs (all zero when there are none).
    pub fn of(m: SweepMetric, runs: &[CellSummary]) -> Band {
        let values: Vec<f64> = runs.iter().map(|r| m.of(r)).collect();
        if values.is_empty() {
            return Band {
                mean: 0.0,
                lo: 0.0,
                hi: 0.0,
            };
        }
        Band {
            mean: values.iter().sum::<f64>() / values.len() as f64,
            lo: values.iter().copied().fold(f64::INFINITY, f64::min),
            hi: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// A finished sweep.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    /// The scenario swept (to tell when the rules have moved on since).
    pub base: Scenario,
    /// What was swept (its metric is the one chosen when it ran; the panel's current choice wins).
    pub spec: SweepSpec,
    /// The grid, row by row (see [`backfire_engine::sweep::grid`]).
    pub cells: Rc<Vec<SweepCell>>,
    /// Every cell's runs, one per seed, in the grid's order.
    pub runs: Vec<Vec<CellSummary>>,
    /// The rules as they were swept, run on the same seeds: the "current rules" mark.
    pub current: Vec<CellSummary>,
    /// Wall time from Run to the last result, in milliseconds.
    pub ms: f64,
    /// Workers the cells ran on.
    pub workers: usize,
}

impl Outcome {
    /// The x axis.
    pub fn x(&self) -> &SweepAxis {
        &self.spec.x
    }

    /// Values across (columns).
    pub fn nx(&self) -> u32 {
        self.cells.iter().map(|c| c.x_idx + 1).max().unwrap_or(1)
    }

    /// Values up (rows; 1 for a 1-D sweep).
    pub fn ny(&self) -> u32 {
        self.cells.iter().map(|c| c.y_idx + 1).max().unwrap_or(1)
    }

    /// The band of `m` in cell `i`.
    pub fn band(&self, m: SweepMetric, i: usize) -> Band {
        Band::of(m, self.runs.get(i).map_or(&[][..], Vec::as_slice))
    }

    /// The band of `m` under the rules as swept.
    pub fn current(&self, m: SweepMetric) -> Band {
        Band::of(m, &self.current)
    }

    /// "mean of 3 seeds" or "one seed", for captions.
    pub fn seeds_words(&self, lang: Lang) -> String {
        match self.spec.seeds {
            1 => tr!(lang, "one seed", "单个种子").into(),
            n => trf!(lang, "mean of {n} seeds", "{n} 个种子的平均值"),
        }
    }

    /// Where cell `i` sits, e.g. "Tip ceiling = ¥5; Review delay = 12 hours".
    pub fn place(&self, lang: Lang, i: usize, sep: &str) -> String {
        let Some(c) = self.cells.get(i) else {
            return String::new();
        };
        let x = &self.spec.x.param;
        let mut place = format!("{} = {}", x.label_in(lang), with_unit(c.x_value, x.unit_in(lang)));
        if let (Some(axis), Some(v)) = (&self.spec.y, c.y_value) {
            place = format!(
                "{place}{sep}{} = {}",
                axis.param.label_in(lang),
                with_unit(v, axis.param.unit_in(lang))
            );
        }
        place
    }
}

/// A value for a `data-` attribute: plain digits, at most two decimals, so tests and exports read it as a number.
pub fn raw(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The numbers of one cell, for the read-out under the chart (means over the seeds, with the range when there are several).
pub fn readout(lang: Lang, o: &Outcome, i: usize) -> Html {
    let Some(runs) = o.runs.get(i) else {
        return Html::default();
    };
    let band = |m: SweepMetric, show: &dyn Fn(f64) -> String| {
        let b = Band::of(m, runs);
        if o.spec.seeds > 1 && b.hi > b.lo {
            format!("{} ({}–{})", show(b.mean), show(b.lo), show(b.hi))
        } else {
            show(b.mean)
        }
    };
    let times = |v: f64| count(v.round() as u64);
    let yuan = |v: f64| money(lang, (v * 100.0).round() as u64);
    let active: Vec<PatternId> = PatternId::ALL
        .iter()
        .copied()
        .filter(|&p| p != PatternId::Exclusion && Band::of(SweepMetric::Severity(p), runs).hi > 0.0)
        .collect();
    html! {
        <>
            <strong>{o.place(lang, i, tr!(lang, "; ", "；"))}</strong>
            if active.is_empty() {
                <span>{tr!(lang, "no abuse pattern", "没有滥用模式")}</span>
            }
            { for active.iter().map(|&p| {
                let severity = Band::of(SweepMetric::Severity(p), runs).mean;
                let level = Level::from_severity(severity.round() as u8);
                let (name, sev, n) = (pattern_name(lang, p), band(SweepMetric::Severity(p), &|v| format!("{v:.0}")), band(SweepMetric::Incidents(p), &times));
                let mut words = trf!(lang, " {name} severity {sev}, {n} incidents", " {name}严重度 {sev}，{n} 起事件");
                if p.involves_money() {
                    let moved = band(SweepMetric::Money(p), &yuan);
                    words.push_str(&trf!(lang, ", {moved} moved", "，转移 {moved}"));
                }
                html! { <span><span class={classes!("level", level_class(level))}>{level_word(lang, level)}</span>{words}</span> }
            }) }
            <span>{ { let n = band(SweepMetric::Incidents(PatternId::Exclusion), &times); trf!(lang, "honest users refused {n} times", "诚实用户被拒 {n} 次") } }</span>
            <span>{ { let n = band(SweepMetric::Engagement, &times); trf!(lang, "honest engagement {n}", "诚实互动 {n}") } }</span>
            <span>{ { let m = band(SweepMetric::TipVolume, &yuan); trf!(lang, "tips {m}", "打赏 {m}") } }</span>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backfire_engine::sweep::PatternCell;

    fn cell(severity: u8, engagement: u64) -> CellSummary {
        CellSummary {
            patterns: vec![PatternCell {
                id: PatternId::Scam,
                severity,
                incidents: 4,
                fen_involved: 250,
                prevalence_per_10k: 0,
            }],
            honest_engagement: engagement,
            tipped_fen: 0,
            fee_fen: 0,
        }
    }

    #[test]
    fn a_band_is_the_mean_and_range_of_the_seeds() {
        let runs = [cell(10, 100), cell(40, 300), cell(25, 200)];
        assert_eq!(
            Band::of(SweepMetric::Severity(PatternId::Scam), &runs),
            Band {
                mean: 25.0,
                lo: 10.0,
                hi: 40.0
            }
        );
        assert_eq!(
            Band::of(SweepMetric::Money(PatternId::Scam), &runs[..1]),
            Band {
                mean: 2.5,
                lo: 2.5,
                hi: 2.5
            }
        );
        assert_eq!(
            Band::of(SweepMetric::Engagement, &[]),
            Band {
                mean: 0.0,
                lo: 0.0,
                hi: 0.0
            }
        );
        assert_eq!(
            (raw(2.5), raw(1100.0), raw(1.0 / 3.0)),
            ("2.5".into(), "1100".into(), "0.33".into())
        );
    }
}
