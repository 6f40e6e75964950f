//! The fix frontier: rule changes (combinations of [`crate::lever`]'s levers and numeric settings from the
//! settings table) on the Pareto frontier of harm against honest cost, found by an NSGA-II-style search
//! (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and elitist multiobjective genetic algorithm: NSGA-II",
//! IEEE TEVC 6(2)): non-dominated sorting and crowding distance choose the parents, mutation and uniform
//! crossover over lever sets and settings make the children, and every point ever judged stays in the archive
//! the frontier is read from.
//!
//! Harm is overall prevalence, as the red team reads it, or one pattern's (a pattern that is not a post, such as
//! harassment, is read as incidents per 10,000 users per day). Honest cost is what Why calls the cost to honest
//! users, on one scale: the share of honest users some rule refused (per 10,000) plus the honest engagement on
//! genuine content lost against the input (per 10,000 of it; a gain counts as no loss).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dice::Dice;
use crate::lang::Lang;
use crate::lever::levers;
use crate::report::{PatternId, Report};
use crate::scenario::Scenario;
use crate::search::pareto::{crowding, ranks};
use crate::search::redteam::Adversary;
use crate::search::{dice_for, link_of, per_candidate, ratio, Batch, Evaluation, Provenance, Search, Tally};
use crate::settings::{Place, Setting, SettingId};

/// The method, as results name it.
pub const METHOD: &str = "NSGA-II-style non-dominated sorting with crowding (Deb et al. 2002, IEEE TEVC 6(2)) over lever sets and settings, with an archive of every point judged";
/// Runs a frontier search makes by default: over 300 runs of 10,000 users × 7 days, as the issue asks.
pub const FRONTIER_RUNS: u32 = 320;
/// Parents kept and children made per generation.
pub const FRONTIER_BATCH: u32 = 16;
/// Tries at making a child not judged before, before the batch goes without it.
const CHILD_TRIES: u32 = 8;

/// The numeric settings a fix may move: the rule side of the settings table (the population and the run's
/// size are not the platform's to choose). Per-circle settings move in every circle at once.
pub const FIX_SETTINGS: [SettingId; 12] = [
    SettingId::TipCeiling,
    SettingId::DailyTipCap,
    SettingId::TipFee,
    SettingId::FilterRecall,
    SettingId::ClassifierRecall,
    SettingId::ReviewCapacity,
    SettingId::ReviewDelay,
    SettingId::SuspendDays,
    SettingId::BanAfterStrikes,
    SettingId::CreditPointPrice,
    SettingId::ReturnCost,
    SettingId::ForgeryCaught,
];

/// One numeric setting of a fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingChange {
    /// The setting's field in the settings table, e.g. `tips.max_fen`.
    pub field: String,
    /// Its stored value (in every circle, for a per-circle setting).
    pub value: u32,
}

/// One fix: levers pulled together, then settings moved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Fix {
    /// Indexes into `lever::levers(input)`, ascending.
    pub levers: Vec<u32>,
    /// Settings moved, in [`FIX_SETTINGS`] order.
    pub settings: Vec<SettingChange>,
}

/// One change a lever makes to the scenario's JSON: the JSON pointer of the value and its new value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Edit {
    pointer: String,
    value: Value,
}

/// A lever as the frontier combines it: its id, its phrase and its edits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct LeverEdits {
    id: String,
    change: String,
    edits: Vec<Edit>,
}

/// The edits that turn the input `s` into a lever's scenario `t`, as [`diff`] finds them between the two
/// scenarios' JSON, given `s`'s JSON without its circles and each circle's JSON. A lever changes the
/// platform, one circle or every circle, so only the circles that differ are written out and compared:
/// deriving a launch's eighty levers took the first task of a search in the browser past 50 ms when each
/// compared whole scenarios.
fn edits_of(s: &Scenario, (outside, circles): (&Value, &[Value]), t: &Scenario) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut pointer = String::new();
    if t.circles.len() != s.circles.len() {
        diff(&json(s), &json(t), &mut pointer, &mut edits);
        return edits;
    }
    // Comparing is much cheaper than writing JSON: a circle's lever leaves everything outside the circles as it was.
    let outside_changed = Scenario {
        circles: s.circles.clone(),
        ..t.clone()
    } != *s;
    if outside_changed {
        diff(outside, &json(&without_circles(t)), &mut pointer, &mut edits);
    }
    for (i, ((a, b), a_json)) in s.circles.iter().zip(&t.circles).zip(circles).enumerate() {
        if a != b {
            pointer = format!("/circles/{i}");
            diff(a_json, &json(b), &mut pointer, &mut edits);
        }
    }
    edits
}

/// The JSON of `x` (null if it cannot be written, which a scenario always can).
fn json<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// A scenario with no circles: what a lever changes outside them.
fn without_circles(s: &Scenario) -> Scenario {
    Scenario {
        circles: Vec::new(),
        ..s.clone()
    }
}

/// The edits that turn `a` into `b` below `pointer` (a buffer it restores): objects with the same keys and
/// lists of the same length are compared inside, anything else that differs is replaced whole (so levers on
/// different rules combine, and of two levers on the same rule the later one wins).
fn diff(a: &Value, b: &Value, pointer: &mut String, out: &mut Vec<Edit>) {
    let len = pointer.len();
    match (a, b) {
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() && x.keys().all(|k| y.contains_key(k)) => {
            for (k, vb) in y {
                if let Some(va) = x.get(k) {
                    pointer.push('/');
                    pointer.push_str(k);
                    diff(va, vb, pointer, out);
                    pointer.truncate(len);
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                pointer.push_str(&format!("/{i}"));
                diff(va, vb, pointer, out);
                pointer.truncate(len);
            }
        }
        _ if a != b => out.push(Edit {
            pointer: pointer.clone(),
            value: b.clone(),
        }),
        _ => {}
    }
}

fn setting_of(field: &str) -> Option<&'static Setting> {
    FIX_SETTINGS
        .iter()
        .map(|id| id.setting())
        .find(|row| row.field == field)
}

/// The harm of some runs: overall prevalence per 10,000 honest views, or one pattern's (prevalence for a post
/// pattern, incidents per 10,000 users per day for the others).
pub fn harm_of(reports: &[Report], pattern: Option<PatternId>) -> f64 {
    let (part, whole) = harm_parts(reports, pattern);
    ratio(part, whole) * 10_000.0
}

/// The two integers harm is the ratio of: kept as they are in a search's state, so the state reads back from
/// JSON exactly (a float written as text may not).
pub(crate) fn harm_parts(reports: &[Report], pattern: Option<PatternId>) -> (u64, u64) {
    match pattern {
        None => {
            let t = Tally::of(reports);
            (t.violating_views, t.views)
        }
        Some(id) if id.is_feed_content() => (
            reports
                .iter()
                .filter_map(|r| r.pattern(id))
                .map(|p| p.violating_views)
                .sum(),
            reports.iter().map(|r| r.health.views).sum(),
        ),
        Some(id) => (
            reports.iter().filter_map(|r| r.pattern(id)).map(|p| p.incidents).sum(),
            reports
                .iter()
                .map(|r| u64::from(r.n_users) * u64::from(r.hours_done.div_ceil(24).max(1)))
                .sum(),
        ),
    }
}

/// Honest cost against the input, per 10,000: honest users refused at least once, plus honest engagement lost
/// (a fix that raises engagement loses none: a gain is not a cost, and counting it as one would let a single
/// fix that opens posting hide every trade-off behind it).
pub fn honest_cost(input: &Tally, t: &Tally) -> f64 {
    let refused = ratio(t.honest_denied, t.honest_users) * 10_000.0;
    let kept = ratio(t.engagement, input.engagement) * ratio(u64::from(input.runs), u64::from(t.runs));
    let lost = if input.engagement == 0 {
        0.0
    } else {
        (1.0 - kept).max(0.0) * 10_000.0
    };
    refused + lost
}

/// How a frontier search runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FrontierOptions {
    /// Runs the search may make (each candidate costs one run per seed).
    pub runs: u32,
    /// The pattern whose harm is minimised; `None` is overall prevalence.
    pub pattern: Option<PatternId>,
    /// An adversary every fix is judged against (e.g. a red team's worst case) in place of the scenario's own
    /// population: the frontier of fixes that hold against it (robust fixes). `None` judges against the
    /// scenario's own population. The points' scenarios keep the scenario's own population either way.
    pub adversary: Option<Adversary>,
    /// How each candidate runs.
    pub evaluation: Evaluation,
}

impl Default for FrontierOptions {
    fn default() -> Self {
        FrontierOptions {
            runs: FRONTIER_RUNS,
            pattern: None,
            adversary: None,
            evaluation: Evaluation::default(),
        }
    }
}

/// A fix judged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Judged {
    fix: Fix,
    /// Harm as the ratio of these two (see [`harm_parts`]).
    harm: (u64, u64),
    tally: Tally,
}

/// The frontier search's state: the input, its levers as edits, and every fix judged so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frontier {
    input: Scenario,
    options: FrontierOptions,
    levers: Vec<LeverEdits>,
    batches_done: u32,
    runs_done: u32,
    /// Every fix judged, in the order judged; the first is the input itself.
    archive: Vec<Judged>,
}

impl Frontier {
    /// A frontier search of `s` under `options`, before any run.
    pub fn new(s: &Scenario, options: &FrontierOptions) -> Frontier {
        let outside = json(&without_circles(s));
        let circles: Vec<Value> = s.circles.iter().map(json).collect();
        let levers = levers(s)
            .into_iter()
            .map(|l| LeverEdits {
                edits: edits_of(s, (&outside, &circles), &l.scenario),
                id: l.id,
                change: l.change,
            })
            .collect();
        Frontier {
            input: s.clone(),
            options: options.clone(),
            levers,
            batches_done: 0,
            runs_done: 0,
            archive: Vec::new(),
        }
    }

    /// The input with a fix applied (a lever set that cannot be read back leaves the levers out).
    pub fn apply(&self, fix: &Fix) -> Scenario {
        let mut t = if fix.levers.is_empty() {
            self.input.clone()
        } else {
            let mut v = serde_json::to_value(&self.input).unwrap_or(Value::Null);
            for edit in fix
                .levers
                .iter()
                .filter_map(|&i| self.levers.get(i as usize))
                .flat_map(|l| &l.edits)
            {
                if let Some(slot) = v.pointer_mut(&edit.pointer) {
                    *slot = edit.value.clone();
                }
            }
            serde_json::from_value(v).unwrap_or_else(|_| self.input.clone())
        };
        for change in &fix.settings {
            if let Some(row) = setting_of(&change.field) {
                match row.place {
                    Place::Scenario => row.set(&mut t, 0, change.value),
                    Place::Circle => (0..t.circles.len()).for_each(|i| row.set(&mut t, i, change.value)),
                }
            }
        }
        t
    }

    /// The scenario a fix is judged on: the fix, with the adversary judged against in place of the population.
    fn judged_as(&self, fix: &Fix) -> Scenario {
        let fixed = self.apply(fix);
        match &self.options.adversary {
            Some(a) => a.apply(&fixed),
            None => fixed,
        }
    }

    /// What a fix changes, in one line: the levers' phrases, then the settings.
    pub fn describe(&self, fix: &Fix) -> String {
        let mut parts: Vec<String> = fix
            .levers
            .iter()
            .filter_map(|&i| self.levers.get(i as usize))
            .map(|l| l.change.clone())
            .collect();
        for change in &fix.settings {
            if let Some(row) = setting_of(&change.field) {
                let place = if row.place == Place::Circle {
                    " in every circle"
                } else {
                    ""
                };
                parts.push(format!("{} {}{place}", row.label, row.show(change.value)));
            }
        }
        if parts.is_empty() {
            String::from("No change (the input)")
        } else {
            parts.join("; ")
        }
    }

    fn per_candidate(&self) -> u32 {
        self.options.evaluation.seeds.max(1)
    }

    /// The points to rank: (harm, cost) of every fix judged.
    fn objectives(&self) -> Vec<(f64, f64)> {
        let Some(input) = self.archive.first() else {
            return Vec::new();
        };
        self.archive
            .iter()
            .map(|j| {
                (
                    ratio(j.harm.0, j.harm.1) * 10_000.0,
                    honest_cost(&input.tally, &j.tally),
                )
            })
            .collect()
    }

    /// Adds lever `i` to a sorted lever set, dropping the levers it overrides (those that change the same
    /// value or a part of it: "closing comments" replaces "letting everyone comment"), so a fix never carries
    /// a lever that does nothing.
    fn pull(&self, set: &mut Vec<u32>, i: u32) {
        let Some(new) = self.levers.get(i as usize) else {
            return;
        };
        let overlaps = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}/")) || b.starts_with(&format!("{a}/"));
        set.retain(|&j| {
            j != i
                && self.levers.get(j as usize).is_none_or(|old| {
                    !old.edits
                        .iter()
                        .any(|e| new.edits.iter().any(|f| overlaps(&e.pointer, &f.pointer)))
                })
        });
        let at = set.partition_point(|&j| j < i);
        set.insert(at, i);
    }

    /// A child of two parents: uniform crossover of their levers and settings (sometimes), then one mutation.
    fn child(&self, a: &Fix, b: &Fix, dice: &mut Dice) -> Fix {
        let mut fix = if dice.chance(0.5) {
            // Union crossover: two fixes that each cut harm are tried together (the settings mix uniformly).
            let mut levers: Vec<u32> = Vec::new();
            for &i in a.levers.iter().chain(&b.levers) {
                self.pull(&mut levers, i);
            }
            let mut settings: Vec<SettingChange> = Vec::new();
            for id in FIX_SETTINGS {
                let field = id.setting().field;
                let from = if dice.chance(0.5) { a } else { b };
                if let Some(c) = from.settings.iter().find(|c| c.field == field) {
                    settings.push(c.clone());
                }
            }
            Fix { levers, settings }
        } else {
            a.clone()
        };
        let roll = dice.unit();
        if roll < 0.6 && !self.levers.is_empty() {
            let i = dice.below(self.levers.len() as u32);
            match fix.levers.binary_search(&i) {
                Ok(at) => {
                    fix.levers.remove(at);
                }
                Err(_) => self.pull(&mut fix.levers, i),
            }
        } else if roll < 0.9 || fix.settings.is_empty() {
            let id = FIX_SETTINGS
                .get(dice.below(FIX_SETTINGS.len() as u32) as usize)
                .copied();
            if let Some(row) = id.map(|id| id.setting()) {
                let now = fix
                    .settings
                    .iter()
                    .find(|c| c.field == row.field)
                    .map(|c| c.value)
                    .or_else(|| row.get(&self.input, 0))
                    .unwrap_or(row.default);
                // A step on a log scale: prices, delays and capacities matter by their ratio.
                let moved = libm::exp(libm::log(f64::from(now) + 1.0) + dice.normal() * 0.8) - 1.0;
                let value = (moved.round().max(0.0) as u32).clamp(row.min, row.max);
                fix.settings.retain(|c| c.field != row.field);
                fix.settings.push(SettingChange {
                    field: String::from(row.field),
                    value,
                });
                let order = |c: &SettingChange| FIX_SETTINGS.iter().position(|id| id.setting().field == c.field);
                fix.settings.sort_by_key(order);
            }
        } else {
            let at = dice.below(fix.settings.len() as u32) as usize;
            if at < fix.settings.len() {
                fix.settings.remove(at);
            }
        }
        fix
    }

    /// The result so far.
    pub fn result(&self) -> FrontierResult {
        let objectives = self.objectives();
        let ranks = ranks(&objectives);
        let mut front: Vec<usize> = (0..objectives.len()).filter(|&i| ranks.get(i) == Some(&0)).collect();
        front.sort_by(|&a, &b| {
            let (x, y) = (objectives.get(a), objectives.get(b));
            x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(&b))
        });
        front.dedup_by(|a, b| objectives.get(*a) == objectives.get(*b));
        let point = |i: usize| -> Option<FrontierPoint> {
            let j = self.archive.get(i)?;
            let input = self.archive.first()?;
            let &(harm, cost) = objectives.get(i)?;
            let scenario = self.apply(&j.fix);
            Some(FrontierPoint {
                change: self.describe(&j.fix),
                lever_ids: j
                    .fix
                    .levers
                    .iter()
                    .filter_map(|&k| self.levers.get(k as usize).map(|l| l.id.clone()))
                    .collect(),
                fix: j.fix.clone(),
                harm,
                honest_cost: cost,
                refused_per_10k: ratio(j.tally.honest_denied, j.tally.honest_users) * 10_000.0,
                engagement_change_percent: (ratio(j.tally.engagement, input.tally.engagement) - 1.0) * 100.0,
                link: link_of(&scenario),
                scenario,
            })
        };
        let mut provenance = Provenance::new(METHOD, self.options.runs, &self.input, &self.options.evaluation);
        provenance.runs_done = self.runs_done;
        FrontierResult {
            provenance,
            harm: self.options.pattern,
            adversary: self.options.adversary.clone(),
            input: point(0),
            frontier: front.into_iter().filter_map(point).collect(),
            fixes_judged: self.archive.len() as u32,
        }
    }
}

impl Search for Frontier {
    type Candidate = Fix;

    fn propose(&self) -> Option<Batch<Fix>> {
        let per = self.per_candidate();
        let left = (self.options.runs.saturating_sub(self.runs_done) / per) as usize;
        if left == 0 {
            return None;
        }
        let mut dice = dice_for(self.input.seed, self.batches_done);
        let mut candidates: Vec<Fix> = Vec::new();
        if self.batches_done == 0 {
            // The input; every broad lever (platform-wide or in every circle) pulled at once, the far end of
            // the frontier; then each broad lever alone. Evolution fills in between.
            candidates.push(Fix::default());
            let broad: Vec<u32> = (0..self.levers.len() as u32)
                .filter(|&i| {
                    self.levers
                        .get(i as usize)
                        .is_some_and(|l| l.id.starts_with("platform.") || l.id.starts_with("all."))
                })
                .collect();
            let mut everything = Vec::new();
            for &i in &broad {
                self.pull(&mut everything, i);
            }
            candidates.push(Fix {
                levers: everything,
                settings: Vec::new(),
            });
            candidates.extend(broad.iter().map(|&i| Fix {
                levers: vec![i],
                settings: Vec::new(),
            }));
            candidates.dedup();
            candidates.truncate(left.min(2 * FRONTIER_BATCH as usize));
        } else {
            let objectives = self.objectives();
            let rank = ranks(&objectives);
            let crowd = crowding(&objectives, &rank);
            // Environmental selection: the best FRONTIER_BATCH of the archive by rank, then crowding.
            let mut order: Vec<usize> = (0..objectives.len()).collect();
            let key = |i: usize| {
                (
                    rank.get(i).copied().unwrap_or(u32::MAX),
                    crowd.get(i).copied().unwrap_or(0.0),
                )
            };
            order.sort_by(|&a, &b| {
                let (ra, ca) = key(a);
                let (rb, cb) = key(b);
                ra.cmp(&rb)
                    .then(cb.partial_cmp(&ca).unwrap_or(std::cmp::Ordering::Equal))
                    .then(a.cmp(&b))
            });
            order.truncate(FRONTIER_BATCH as usize);
            let tournament = |dice: &mut Dice| -> Option<usize> {
                let a = *order.get(dice.below(order.len() as u32) as usize)?;
                let b = *order.get(dice.below(order.len() as u32) as usize)?;
                let better = if key(a).0 != key(b).0 {
                    key(a).0 < key(b).0
                } else {
                    key(a).1 >= key(b).1
                };
                Some(if better { a } else { b })
            };
            let n = left.min(FRONTIER_BATCH as usize);
            while candidates.len() < n {
                let mut made = None;
                for _ in 0..CHILD_TRIES {
                    let (Some(a), Some(b)) = (tournament(&mut dice), tournament(&mut dice)) else {
                        break;
                    };
                    let (Some(pa), Some(pb)) = (self.archive.get(a), self.archive.get(b)) else {
                        break;
                    };
                    let child = self.child(&pa.fix, &pb.fix, &mut dice);
                    let known = self.archive.iter().any(|j| j.fix == child) || candidates.contains(&child);
                    if !known {
                        made = Some(child);
                        break;
                    }
                }
                match made {
                    Some(c) => candidates.push(c),
                    None => break,
                }
            }
            if candidates.is_empty() {
                return None;
            }
        }
        let scenarios = candidates
            .iter()
            .flat_map(|f| self.options.evaluation.runs_of(&self.judged_as(f)))
            .collect();
        Some(Batch { candidates, scenarios })
    }

    fn fold(&mut self, batch: Batch<Fix>, reports: &[Report]) {
        let per = self.per_candidate() as usize;
        for (fix, runs) in batch.candidates.into_iter().zip(per_candidate(reports, per)) {
            self.archive.push(Judged {
                fix,
                harm: harm_parts(runs, self.options.pattern),
                tally: Tally::of(runs),
            });
        }
        self.runs_done += reports.len() as u32;
        self.batches_done += 1;
    }
}

/// One point of the frontier (or the input's own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrontierPoint {
    /// What changed against the input, in one line.
    pub change: String,
    /// The levers pulled, by id.
    pub lever_ids: Vec<String>,
    /// The fix's genome.
    pub fix: Fix,
    /// Harm: per 10,000 honest views (or per 10,000 users per day; see [`harm_of`]).
    pub harm: f64,
    /// Honest cost per 10,000 (see [`honest_cost`]).
    pub honest_cost: f64,
    /// Of which honest users refused, per 10,000 honest users.
    pub refused_per_10k: f64,
    /// Change in honest engagement on genuine content against the input, in percent.
    pub engagement_change_percent: f64,
    /// The fixed scenario at the input's own size and seed: load it as one edit.
    pub scenario: Scenario,
    /// The share-link payload of that scenario.
    pub link: String,
}

impl FrontierPoint {
    /// [`FrontierPoint::change`] in `lang`, written again from its levers and settings against `input`, the
    /// scenario the search started from; the stored English when a lever is not found there.
    pub fn change_in(&self, lang: Lang, input: &Scenario) -> String {
        if lang == Lang::En {
            return self.change.clone();
        }
        let mut parts = Vec::new();
        for id in &self.lever_ids {
            match crate::lever::change_words(lang, input, id) {
                Some(words) => parts.push(words),
                None => return self.change.clone(),
            }
        }
        for change in &self.fix.settings {
            if let Some(row) = setting_of(&change.field) {
                let place = if row.place == Place::Circle {
                    "（每个圈子）"
                } else {
                    ""
                };
                parts.push(format!(
                    "{} {}{place}",
                    row.label_in(lang),
                    row.show_in(lang, change.value)
                ));
            }
        }
        if parts.is_empty() {
            String::from("不变（原规则）")
        } else {
            parts.join("；")
        }
    }
}

/// What a frontier search found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrontierResult {
    /// How it was found.
    pub provenance: Provenance,
    /// The pattern whose harm was minimised (`None`: overall prevalence).
    pub harm: Option<PatternId>,
    /// The adversary every fix was judged against (`None`: the scenario's own population).
    pub adversary: Option<Adversary>,
    /// The input's own point.
    pub input: Option<FrontierPoint>,
    /// The non-dominated points, least harm first.
    pub frontier: Vec<FrontierPoint>,
    /// Fixes judged in all.
    pub fixes_judged: u32,
}

impl FrontierResult {
    /// Whether some frontier point is at least as good as (`harm`, `cost`) on both.
    pub fn covers(&self, harm: f64, cost: f64) -> bool {
        self.frontier.iter().any(|p| p.harm <= harm && p.honest_cost <= cost)
    }
}

/// Runs a frontier search to its end with `runner` (see [`crate::search::drive`]).
pub fn run_frontier_with(
    s: &Scenario,
    options: &FrontierOptions,
    runner: &mut dyn FnMut(&[Scenario]) -> Vec<Report>,
) -> FrontierResult {
    let mut search = Frontier::new(s, options);
    crate::search::drive(&mut search, runner);
    search.result()
}

/// Runs a frontier search on one thread.
pub fn run_frontier(s: &Scenario, options: &FrontierOptions) -> FrontierResult {
    run_frontier_with(s, options, &mut crate::search::run_each)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_levers_edits_turn_the_input_into_the_lever() {
        for p in crate::presets::all() {
            let s = &p.scenario;
            let outside = json(&without_circles(s));
            let circles: Vec<Value> = s.circles.iter().map(json).collect();
            for l in levers(s) {
                let mut v = json(s);
                for edit in edits_of(s, (&outside, &circles), &l.scenario) {
                    if let Some(slot) = v.pointer_mut(&edit.pointer) {
                        *slot = edit.value;
                    }
                }
                assert_eq!(v, json(&l.scenario), "{} {}", p.id, l.id);
            }
        }
    }

    #[test]
    fn levers_combine_through_their_edits() {
        let s = crate::presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default();
        let f = Frontier::new(&s, &FrontierOptions::default());
        let all = levers(&s);
        for (i, l) in all.iter().enumerate() {
            let one = Fix {
                levers: vec![i as u32],
                settings: Vec::new(),
            };
            assert_eq!(f.apply(&one), l.scenario, "{}", l.id);
        }
        let off = all.iter().position(|l| l.id == "all.tips.off").unwrap_or(0) as u32;
        let bans = all.iter().position(|l| l.id == "platform.bans.real_name").unwrap_or(0) as u32;
        let both = f.apply(&Fix {
            levers: vec![bans, off],
            settings: Vec::new(),
        });
        assert!(both.circles.iter().all(|c| !c.tips.enabled));
        assert_eq!(
            both.platform.bans.return_after_ban,
            crate::scenario::BanReturn::RealNameBound
        );
    }
}
