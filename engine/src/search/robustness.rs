//! The robustness screen: which of the model's assumptions a verdict rests on, by Morris elementary effects
//! (Morris 1991, "Factorial sampling plans for preliminary computational experiments", Technometrics 33(2))
//! ranked by μ*, the mean absolute effect (Campolongo, Cariboni & Saltelli 2007, Environmental Modelling &
//! Software 22(10)).
//!
//! Each trajectory starts at a random point of a 4-level grid over every screened assumption's range and moves
//! one assumption at a time by two levels (Δ = 2/3 of its range), in a random order; the change in the output
//! each move makes is that assumption's elementary effect, in units of the output per whole range. The output is
//! the severity of the input's top pattern (mean over the seeds) and, with a pinned baseline, the difference the
//! input makes to it against the baseline. All points run on the same seeds, so an assumption that cannot
//! matter has an effect of exactly zero. The verdict (the top pattern, and the sign of the comparison) flips at a
//! point when either changes there; the move into the first such point names the assumption and value.

use serde::{Deserialize, Serialize};

use crate::assumptions::{by_field, Assumption, ASSUMPTIONS};
use crate::lang::Lang;
use crate::report::{PatternId, Report};
use crate::scenario::Scenario;
use crate::search::{dice_for, Batch, Evaluation, Provenance, Search};

/// The method, as results name it.
pub const METHOD: &str = "Morris elementary effects (Morris 1991, Technometrics 33(2)), ranked by μ* (Campolongo et al. 2007), 4 levels, Δ = 2/3";
/// Trajectories by default, as the issue asks.
pub const TRAJECTORIES: u32 = 10;
/// Grid levels per assumption (Morris's p).
const LEVELS: u32 = 4;
/// Levels one move crosses (p / 2, the usual choice: every level is visited equally often).
const STEP: u32 = LEVELS / 2;
/// The range screened around each assumption's value by default: from its value ÷ this to its value × this.
pub const DEFAULT_FACTOR: u32 = 2;

/// The range each assumption is screened over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreenRange {
    /// From the input's value ÷ `factor` to its value × `factor`, within the catalogue's bounds.
    AroundValue {
        /// The factor either way (at least 1).
        factor: u32,
    },
    /// The catalogue's whole bounds, as MODEL.md lists them (log-spaced where they span more than a hundredfold).
    Bounds,
}

/// How a robustness screen runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RobustnessOptions {
    /// Morris trajectories; each costs (assumptions + 1) points.
    pub trajectories: u32,
    /// The assumptions screened, by field; empty screens every one in the catalogue.
    pub fields: Vec<String>,
    /// The range each is screened over.
    pub range: ScreenRange,
    /// How each point runs (one seed by default: every point shares it, so effects are not noise).
    pub evaluation: Evaluation,
}

impl Default for RobustnessOptions {
    fn default() -> Self {
        RobustnessOptions {
            trajectories: TRAJECTORIES,
            fields: Vec::new(),
            range: ScreenRange::AroundValue { factor: DEFAULT_FACTOR },
            evaluation: Evaluation {
                seeds: 1,
                ..Evaluation::default()
            },
        }
    }
}

/// One point of a trajectory: each screened assumption's level (0..[`LEVELS`]).
type Point = Vec<u32>;

/// One evaluated point: the top pattern there, and the watched pattern's severity summed over the input's runs
/// and (pinned) the baseline's, as integers so that a state read back from JSON is exactly the one written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Seen {
    top: Option<PatternId>,
    runs: u64,
    severity: u64,
    baseline_severity: Option<u64>,
}

impl Seen {
    /// The watched pattern's mean severity.
    fn level(&self) -> f64 {
        crate::search::ratio(self.severity, self.runs)
    }

    /// The input's mean severity minus the baseline's (both sides run on the same seeds).
    fn change(&self) -> Option<f64> {
        self.baseline_severity
            .map(|b| self.level() - crate::search::ratio(b, self.runs))
    }
}

/// The screen's state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Robustness {
    input: Scenario,
    baseline: Option<Scenario>,
    options: RobustnessOptions,
    fields: Vec<String>,
    batches_done: u32,
    runs_done: u32,
    /// The input as it stands: its top pattern and figures.
    reference: Option<Seen>,
    /// Each trajectory's points as evaluated, with the levels.
    trajectories: Vec<Vec<(Point, Seen)>>,
}

/// A trajectory of the screen: its points, which assumption each move changed.
fn trajectory(k: usize, dice: &mut crate::dice::Dice) -> (Vec<Point>, Vec<usize>) {
    let start: Point = (0..k).map(|_| dice.below(LEVELS)).collect();
    // A random order (Fisher–Yates from the seeded generator).
    let mut order: Vec<usize> = (0..k).collect();
    for i in (1..k).rev() {
        let j = dice.below(i as u32 + 1) as usize;
        order.swap(i, j);
    }
    let mut points = vec![start.clone()];
    let mut x = start;
    for &i in &order {
        if let Some(l) = x.get_mut(i) {
            *l = if *l + STEP < LEVELS { *l + STEP } else { *l - STEP };
        }
        points.push(x.clone());
    }
    (points, order)
}

impl Robustness {
    /// A screen of `s` (against `baseline` when one is pinned) under `options`, before any run.
    pub fn new(s: &Scenario, baseline: Option<&Scenario>, options: &RobustnessOptions) -> Robustness {
        let fields: Vec<String> = ASSUMPTIONS
            .iter()
            .map(|a| a.field)
            .filter(|f| options.fields.is_empty() || options.fields.iter().any(|g| g == f))
            .map(String::from)
            .collect();
        Robustness {
            input: s.clone(),
            baseline: baseline.cloned(),
            options: options.clone(),
            fields,
            batches_done: 0,
            runs_done: 0,
            reference: None,
            trajectories: Vec::new(),
        }
    }

    fn rows(&self) -> impl Iterator<Item = &'static Assumption> + '_ {
        self.fields.iter().filter_map(|f| by_field(f))
    }

    /// The stored value of level `level` of an assumption's range, around the value `now`.
    fn value_at(&self, row: &Assumption, now: u32, level: u32) -> u32 {
        let (lo, hi) = match self.options.range {
            ScreenRange::AroundValue { factor } => {
                let f = factor.max(1);
                ((now / f).max(row.min), now.saturating_mul(f).min(row.max))
            }
            ScreenRange::Bounds => (row.min, row.max),
        };
        let t = f64::from(level) / f64::from(LEVELS - 1);
        let v = if lo > 0 && hi / lo >= 100 {
            libm::exp(libm::log(f64::from(lo)) + t * (libm::log(f64::from(hi)) - libm::log(f64::from(lo))))
        } else {
            f64::from(lo) + t * f64::from(hi - lo)
        };
        (v.round() as u32).clamp(row.min, row.max)
    }

    /// A scenario with the screened assumptions at `point`'s levels.
    fn at(&self, s: &Scenario, point: &Point) -> Scenario {
        let mut t = s.clone();
        for (row, &level) in self.rows().zip(point) {
            let v = self.value_at(row, row.get(&self.input.assumptions), level);
            row.set(&mut t.assumptions, v);
        }
        t
    }

    /// The runs of one point: the input's, then (pinned) the baseline's, each once per seed.
    fn runs_at(&self, point: Option<&Point>) -> Vec<Scenario> {
        let mut out = Vec::new();
        for side in std::iter::once(&self.input).chain(self.baseline.as_ref()) {
            let t = point.map_or_else(|| side.clone(), |p| self.at(side, p));
            out.extend(self.options.evaluation.runs_of(&t));
        }
        out
    }

    /// What the runs of one point show, against the reference's top pattern (its own top at the reference).
    fn seen(&self, reports: &[Report]) -> Seen {
        let per = self.options.evaluation.seeds.max(1) as usize;
        let (input, baseline) = reports.split_at(per.min(reports.len()));
        let top = top_pattern(input);
        let watched = self.reference.as_ref().and_then(|r| r.top).or(top);
        Seen {
            top,
            runs: input.len() as u64,
            severity: severity_sum(input, watched),
            baseline_severity: self.baseline.is_some().then(|| severity_sum(baseline, watched)),
        }
    }

    /// Whether the verdict at `s` differs from the reference's: another top pattern, or the comparison's sign.
    fn flipped(&self, s: &Seen) -> bool {
        let Some(r) = &self.reference else {
            return false;
        };
        let sign = |x: Option<f64>| {
            x.map(|v| {
                if v > 0.0 {
                    1
                } else if v < 0.0 {
                    -1
                } else {
                    0
                }
            })
        };
        s.top != r.top || sign(s.change()) != sign(r.change())
    }

    /// What changed at a point where the verdict flipped: the new top pattern, or `None` when the comparison
    /// with the baseline changed sign.
    fn what_flipped(&self, s: &Seen) -> Option<Option<PatternId>> {
        let top = self.reference.as_ref().and_then(|r| r.top);
        (s.top != top).then_some(s.top)
    }

    /// The result so far.
    pub fn result(&self) -> RobustnessResult {
        let rows: Vec<&'static Assumption> = self.rows().collect();
        let mut effects: Vec<Vec<f64>> = vec![Vec::new(); rows.len()];
        let mut change_effects: Vec<Vec<f64>> = vec![Vec::new(); rows.len()];
        let mut flip: Option<(usize, u32, &Seen)> = None;
        let delta = f64::from(STEP) / f64::from(LEVELS - 1);
        for points in &self.trajectories {
            for pair in points.windows(2) {
                let [(a, sa), (b, sb)] = pair else { continue };
                let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
                    continue;
                };
                let up = b.get(i) > a.get(i);
                let ee = |ya: f64, yb: f64| if up { (yb - ya) / delta } else { (ya - yb) / delta };
                if let Some(e) = effects.get_mut(i) {
                    e.push(ee(sa.level(), sb.level()));
                }
                if let (Some(ca), Some(cb), Some(e)) = (sa.change(), sb.change(), change_effects.get_mut(i)) {
                    e.push(ee(ca, cb));
                }
                if flip.is_none() && !self.flipped(sa) && self.flipped(sb) {
                    flip = Some((i, b.get(i).copied().unwrap_or(0), sb));
                }
            }
        }
        let mut ranked: Vec<AssumptionEffect> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let e = effects.get(i).map_or(&[][..], |v| v.as_slice());
                let c = change_effects.get(i).map_or(&[][..], |v| v.as_slice());
                let (mu_star, sigma) = morris(e);
                AssumptionEffect {
                    field: String::from(row.field),
                    label: String::from(row.label),
                    mu_star,
                    sigma,
                    change_mu_star: (!c.is_empty()).then(|| morris(c).0),
                    change_sigma: (!c.is_empty()).then(|| morris(c).1),
                }
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.mu_star
                .partial_cmp(&a.mu_star)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.field.cmp(&b.field))
        });
        let any_flip = self.trajectories.iter().flatten().any(|(_, s)| self.flipped(s));
        let verdict_of = match (flip, any_flip) {
            (Some((i, level, seen)), _) => match rows.get(i) {
                Some(row) => Verdict::FlipsAt {
                    field: String::from(row.field),
                    value: self.value_at(row, row.get(&self.input.assumptions), level),
                    becomes: self.what_flipped(seen),
                },
                None => Verdict::Flips,
            },
            (None, true) => Verdict::FlipsUnexplained,
            (None, false) => Verdict::Holds(self.options.range),
        };
        let verdict = verdict_of.words(Lang::En);
        let mut provenance = Provenance::new(METHOD, self.budget_runs(), &self.input, &self.options.evaluation);
        provenance.runs_done = self.runs_done;
        RobustnessResult {
            provenance,
            top_pattern: self.reference.as_ref().and_then(|r| r.top),
            level: self.reference.as_ref().map_or(0.0, Seen::level),
            change: self.reference.as_ref().and_then(Seen::change),
            baseline_link: self.baseline.as_ref().map(crate::search::link_of),
            trajectories: self.trajectories.len() as u32,
            flips: flip.is_some() || any_flip,
            verdict,
            verdict_of,
            effects: ranked,
        }
    }

    /// Runs the whole screen takes: the reference, then (assumptions + 1) points per trajectory, each once per
    /// seed and side.
    pub fn budget_runs(&self) -> u32 {
        let per_point = self.options.evaluation.seeds.max(1) * if self.baseline.is_some() { 2 } else { 1 };
        per_point * (1 + self.options.trajectories * (self.fields.len() as u32 + 1))
    }
}

/// μ* (mean absolute effect) and σ (standard deviation of the effects) of some elementary effects.
fn morris(effects: &[f64]) -> (f64, f64) {
    if effects.is_empty() {
        return (0.0, 0.0);
    }
    let n = effects.len() as f64;
    let mean: f64 = effects.iter().sum::<f64>() / n;
    let mu_star = effects.iter().map(|e| e.abs()).sum::<f64>() / n;
    let var = if effects.len() > 1 {
        effects.iter().map(|e| (e - mean) * (e - mean)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    (mu_star, libm::sqrt(var))
}

/// The pattern with the highest summed severity over some runs (ties go to the earlier pattern).
fn top_pattern(reports: &[Report]) -> Option<PatternId> {
    let mut best: Option<(PatternId, u64)> = None;
    for &id in &PatternId::ALL {
        let sum: u64 = reports
            .iter()
            .filter_map(|r| r.pattern(id))
            .map(|p| u64::from(p.severity))
            .sum();
        if sum > 0 && best.is_none_or(|(_, b)| sum > b) {
            best = Some((id, sum));
        }
    }
    best.map(|(id, _)| id)
}

/// A pattern's severity summed over some runs (0 with no pattern).
fn severity_sum(reports: &[Report], id: Option<PatternId>) -> u64 {
    let Some(id) = id else { return 0 };
    reports
        .iter()
        .filter_map(|r| r.pattern(id))
        .map(|p| u64::from(p.severity))
        .sum()
}

impl Search for Robustness {
    type Candidate = Option<Point>;

    fn propose(&self) -> Option<Batch<Option<Point>>> {
        if self.batches_done == 0 {
            return Some(Batch {
                candidates: vec![None],
                scenarios: self.runs_at(None),
            });
        }
        let done = self.trajectories.len() as u32;
        if done >= self.options.trajectories || self.fields.is_empty() {
            return None;
        }
        let mut dice = dice_for(self.input.seed, self.batches_done);
        let (points, _) = trajectory(self.fields.len(), &mut dice);
        let scenarios = points.iter().flat_map(|p| self.runs_at(Some(p))).collect();
        Some(Batch {
            candidates: points.into_iter().map(Some).collect(),
            scenarios,
        })
    }

    fn fold(&mut self, batch: Batch<Option<Point>>, reports: &[Report]) {
        let sides = if self.baseline.is_some() { 2 } else { 1 };
        let per = self.options.evaluation.seeds.max(1) as usize * sides;
        let mut points = Vec::new();
        for (candidate, runs) in batch.candidates.into_iter().zip(reports.chunks(per.max(1))) {
            let seen = self.seen(runs);
            match candidate {
                None => self.reference = Some(seen),
                Some(p) => points.push((p, seen)),
            }
        }
        if !points.is_empty() {
            self.trajectories.push(points);
        }
        self.runs_done += reports.len() as u32;
        self.batches_done += 1;
    }
}

/// What one assumption does to the verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssumptionEffect {
    /// The assumption's field.
    pub field: String,
    /// What a designer calls it.
    pub label: String,
    /// μ*: the mean absolute elementary effect on the top pattern's severity, in severity points per whole range.
    pub mu_star: f64,
    /// σ: the spread of the effects (large against μ*: the effect depends on the other assumptions).
    pub sigma: f64,
    /// μ* of the effect on the comparison with the pinned baseline.
    pub change_mu_star: Option<f64>,
    /// σ of the effect on the comparison.
    pub change_sigma: Option<f64>,
}

/// What a robustness screen found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RobustnessResult {
    /// How it was found.
    pub provenance: Provenance,
    /// The input's top pattern, whose severity is screened.
    pub top_pattern: Option<PatternId>,
    /// Its mean severity at the input's own assumptions.
    pub level: f64,
    /// The input's severity minus the baseline's, when one is pinned.
    pub change: Option<f64>,
    /// The pinned baseline's link payload.
    pub baseline_link: Option<String>,
    /// Trajectories evaluated.
    pub trajectories: u32,
    /// Whether the verdict flipped at some evaluated point.
    pub flips: bool,
    /// One sentence: the verdict holds, or what flips it (English; [`Verdict::words`] writes either language).
    pub verdict: String,
    /// The same verdict as data.
    #[serde(default)]
    pub verdict_of: Verdict,
    /// Every screened assumption, largest μ* first.
    pub effects: Vec<AssumptionEffect>,
}

/// What a screen concluded, as data: the verdict holds over the ranges screened, or what flips it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// It holds over the ranges screened.
    Holds(ScreenRange),
    /// It flips when one assumption moves to a value.
    FlipsAt {
        /// The assumption's field.
        field: String,
        /// Its stored value there.
        value: u32,
        /// The new top pattern, or `None` when the comparison with the baseline changes sign.
        becomes: Option<Option<PatternId>>,
    },
    /// It flips at a point no single move explains.
    FlipsUnexplained,
    /// It flips within the ranges screened (a result made before the verdict was kept as data).
    #[default]
    Flips,
}

impl Verdict {
    /// The verdict in one sentence in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Verdict::Holds(ScreenRange::Bounds) if zh => String::from("在 MODEL.md 列出的假设范围内，结论都成立"),
            Verdict::Holds(ScreenRange::Bounds) => String::from("the verdict holds across the assumption ranges in MODEL.md"),
            Verdict::Holds(ScreenRange::AroundValue { factor }) if zh => format!(
                "在筛查的假设范围内（每个从其值的 ÷{factor} 到 ×{factor}，不超出 MODEL.md 的界限），结论都成立"
            ),
            Verdict::Holds(ScreenRange::AroundValue { factor }) => format!(
                "the verdict holds across the assumption ranges screened (each from ÷{factor} to ×{factor} its value, within MODEL.md's bounds)"
            ),
            Verdict::FlipsAt { field, value, becomes } => {
                let Some(row) = by_field(field) else {
                    return Verdict::Flips.words(lang);
                };
                let what = match (becomes, zh) {
                    (Some(top), false) => format!(
                        "the top pattern becomes {}",
                        top.map_or("none", |p| crate::words::pattern_words(lang, p))
                    ),
                    (Some(top), true) => format!("首要模式变为{}", top.map_or("无", |p| crate::words::pattern_words(lang, p))),
                    (None, false) => String::from("the comparison with the baseline changes sign"),
                    (None, true) => String::from("与基线的对比改变了方向"),
                };
                if zh {
                    format!("如果{}为 {}，结论就会翻转（{what}）", row.label_in(lang), row.show_in(lang, *value))
                } else {
                    format!("it flips if {} is {} ({what})", row.label.to_lowercase(), row.show(*value))
                }
            }
            Verdict::FlipsUnexplained if zh => String::from("在筛查范围内结论会翻转，但没有单个变动能解释"),
            Verdict::FlipsUnexplained => {
                String::from("it flips within the screened ranges, at a point no single move explains")
            }
            Verdict::Flips if zh => String::from("在筛查范围内结论会翻转"),
            Verdict::Flips => String::from("it flips within the screened ranges"),
        }
    }
}

/// Runs a screen to its end with `runner` (see [`crate::search::drive`]).
pub fn run_robustness_with(
    s: &Scenario,
    baseline: Option<&Scenario>,
    options: &RobustnessOptions,
    runner: &mut dyn FnMut(&[Scenario]) -> Vec<Report>,
) -> RobustnessResult {
    let mut search = Robustness::new(s, baseline, options);
    crate::search::drive(&mut search, runner);
    search.result()
}

/// Runs a screen on one thread.
pub fn run_robustness(s: &Scenario, baseline: Option<&Scenario>, options: &RobustnessOptions) -> RobustnessResult {
    run_robustness_with(s, baseline, options, &mut crate::search::run_each)
}

#[cfg(test)]
mod tests {

    #[test]
    fn verdicts_read_in_both_languages_from_their_data() {
        let flip = Verdict::FlipsAt {
            field: String::from("honest_interest_percent"),
            value: 100,
            becomes: Some(Some(PatternId::Exclusion)),
        };
        assert!(flip.words(Lang::En).starts_with("it flips if "));
        assert!(flip
            .words(Lang::En)
            .ends_with("(the top pattern becomes exclusion of honest users)"));
        let zh = flip.words(Lang::Zh);
        assert!(zh.contains("排斥诚实用户"), "{zh}");
        for v in [
            flip,
            Verdict::FlipsUnexplained,
            Verdict::Flips,
            Verdict::Holds(ScreenRange::AroundValue { factor: 2 }),
        ] {
            // No English word in the Chinese: only the file name MODEL.md may stand in Latin letters.
            let zh = v.words(Lang::Zh).replace("MODEL.md", "");
            assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
        }
    }
    use super::*;

    #[test]
    fn a_trajectory_moves_each_assumption_once() {
        let mut dice = crate::dice::Dice::new(5);
        let (points, order) = trajectory(6, &mut dice);
        assert_eq!(points.len(), 7);
        for (w, &i) in points.windows(2).zip(&order) {
            let [a, b] = w else { continue };
            let moved: Vec<usize> = (0..6).filter(|&k| a.get(k) != b.get(k)).collect();
            assert_eq!(moved, vec![i]);
            assert!(b.iter().all(|&l| l < LEVELS));
        }
    }

    #[test]
    fn morris_reads_mean_absolute_effect() {
        let (mu_star, sigma) = morris(&[2.0, -2.0]);
        assert_eq!(mu_star, 2.0);
        assert!(sigma > 2.0);
    }
}
