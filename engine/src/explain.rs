//! "Why": for each pattern at `medium` or above, the rules that open it, ranked by what moving each alone to its restrictive alternative does.
//!
//! Attribution is by counterfactual: the baseline and every [`Lever`] run on the same seeds and the
//! same population, and a lever is credited with what changes. A lever that leaves a pattern where
//! it was, or moves it by no more than seed-to-seed noise, does not rank for it.
//! Cost: `runs × (levers + 1)` runs; the 2016 launch preset has 70 levers, so the defaults make 213 runs of 10,000 users.

use serde::{Deserialize, Serialize};

use crate::ensemble::seeds;
use crate::lang::Lang;
use crate::lever::{levers, Lever};
use crate::report::{Level, PatternId, Report};
use crate::scenario::{Scenario, USERS_MIN};
use crate::sim::run;

/// Population of the runs `explain` makes by default; larger scenarios are scaled down to it.
pub const EXPLAIN_USERS: u32 = 10_000;
/// Seeds `explain` runs each counterfactual on by default.
pub const EXPLAIN_RUNS: u32 = 3;
/// Smallest cut in incidents, in percent of the baseline, that counts as an effect.
pub const MIN_INCIDENT_CUT_PERCENT: u64 = 5;

/// How `explain` runs its counterfactuals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExplainOptions {
    /// Most users per run: a larger scenario's baseline and counterfactuals all run at this size
    /// (rates, shares and severities keep their meaning; counts shrink). `None` runs at the scenario's own size.
    /// The default is [`EXPLAIN_USERS`].
    pub users: Option<u32>,
    /// Seeds per counterfactual, from [`crate::ensemble::seeds`]`(scenario.seed, runs)`; the baseline
    /// runs on the same seeds. More seeds tell real effects from noise better and cost proportionally
    /// more (one explanation is `runs × (levers + 1)` runs). The default is [`EXPLAIN_RUNS`]; 0 counts as 1.
    pub runs: u32,
}

impl Default for ExplainOptions {
    fn default() -> Self {
        ExplainOptions {
            users: Some(EXPLAIN_USERS),
            runs: EXPLAIN_RUNS,
        }
    }
}

impl ExplainOptions {
    /// The scenario as these options run it on one seed: the population capped at `users`, the seed set, nothing else changed.
    pub fn sized(&self, s: &Scenario, seed: u64) -> Scenario {
        let mut t = s.clone();
        t.seed = seed;
        if let Some(cap) = self.users {
            t.population.n_users = t.population.n_users.min(cap.max(USERS_MIN));
        }
        t
    }

    /// The seeds these options run a scenario on.
    pub fn seeds(&self, s: &Scenario) -> Vec<u64> {
        seeds(s.seed, self.runs.max(1))
    }
}

/// Why each serious pattern happens, and what would change it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Users in each run behind the figures (the scenario's own size, or less; see [`ExplainOptions::users`]).
    pub n_users: u32,
    /// The seeds every scenario ran on, baseline and counterfactuals alike.
    pub seeds: Vec<u64>,
    /// Counterfactuals tried (one per lever, each on every seed).
    pub levers_tried: u32,
    /// One entry per pattern whose mean baseline severity is `medium` or above, in [`PatternId::ALL`] order.
    pub patterns: Vec<PatternExplanation>,
}

/// One serious pattern and the levers that cut it, best first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PatternExplanation {
    /// Which pattern.
    pub pattern: PatternId,
    /// Its baseline severity (mean over the seeds, rounded).
    pub severity: u8,
    /// The level of that severity.
    pub level: Level,
    /// Its baseline incidents (mean over the seeds, rounded).
    pub incidents: u64,
    /// The levers that cut it: largest cut in (rounded mean) severity first; ties go to the larger cut in incidents, then to lever order.
    pub suggestions: Vec<Suggestion>,
}

/// One rule change, what it does to one pattern, and what it costs honest users.
///
/// Figures are means over the seeds, rounded; percentages compare the sums over the seeds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The lever's stable id, e.g. `all.tips.ceiling_5_yuan` (see [`Lever::id`]).
    pub lever_id: String,
    /// The circle changed, when the change touches one circle only.
    pub circle_idx: Option<u32>,
    /// One line for a designer, e.g. "Capping tips at ¥5 in every circle cuts solicitation by 45 % (severity 100 → 97), lowers honest engagement by 5 % and lowers tip volume by 83 %";
    /// the first percentage is the change in incidents.
    pub sentence: String,
    /// The change alone, as the sentence starts, e.g. "Capping tips at ¥5 in every circle" (see [`Lever::change`]),
    /// so a short form can be written without taking the sentence apart.
    #[serde(default)]
    pub change: String,
    /// The pattern this suggestion is about.
    pub pattern: PatternId,
    /// Severity in the baseline.
    pub severity_before: u8,
    /// Severity with the change.
    pub severity_after: u8,
    /// Change in severity, in percent of the baseline (negative is a cut).
    pub severity_change_percent: i32,
    /// Incidents in the baseline.
    pub incidents_before: u64,
    /// Incidents with the change.
    pub incidents_after: u64,
    /// Change in incidents, in percent of the baseline (`None` when the baseline had none).
    pub incidents_change_percent: Option<i32>,
    /// What the change does to honest users and to the money.
    pub cost: HonestCost,
    /// The whole scenario with the change applied, at its original size and seed, ready to load.
    pub scenario: Scenario,
}

/// What a change does to honest users and the money, in percent of the baseline (`None` when the baseline figure is zero).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HonestCost {
    /// Change in honest engagement (genuine posts plus honest interactions).
    pub engagement_change_percent: Option<i32>,
    /// Change in money tipped.
    pub tip_volume_change_percent: Option<i32>,
    /// Change in the platform's fee revenue.
    pub fee_revenue_change_percent: Option<i32>,
}

/// A lever and its runs, one report per seed in the order of [`ExplainOptions::seeds`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The lever.
    pub lever: Lever,
    /// Its reports, one per seed.
    pub reports: Vec<Report>,
}

/// Explains a scenario with the default options ([`EXPLAIN_RUNS`] seeds of at most [`EXPLAIN_USERS`] users).
pub fn explain(s: &Scenario) -> Explanation {
    explain_with(s, &ExplainOptions::default())
}

/// Explains a scenario: the baseline on every seed, then every [`Lever`] on every seed
/// (no levers when no pattern is at `medium` or above).
pub fn explain_with(s: &Scenario, opts: &ExplainOptions) -> Explanation {
    let seeds = opts.seeds(s);
    let on_seeds = |t: &Scenario| -> Vec<Report> { seeds.iter().map(|&seed| run(&opts.sized(t, seed))).collect() };
    let baseline = on_seeds(s);
    let serious = !serious_patterns(&baseline).is_empty();
    let outcomes: Vec<Outcome> = if serious {
        levers(s)
            .into_iter()
            .map(|lever| {
                let reports = on_seeds(&lever.scenario);
                Outcome { lever, reports }
            })
            .collect()
    } else {
        Vec::new()
    };
    assemble(&baseline, &outcomes)
}

/// Builds the explanation from runs made elsewhere (e.g. in Web Workers): `baseline[k]` is the run of
/// `opts.sized(s, seeds[k])` and each outcome's `reports[k]` the run of `opts.sized(&lever.scenario, seeds[k])`.
pub fn assemble(baseline: &[Report], outcomes: &[Outcome]) -> Explanation {
    let patterns = serious_patterns(baseline)
        .into_iter()
        .map(|(id, severity, incidents)| PatternExplanation {
            pattern: id,
            severity,
            level: Level::from_severity(severity),
            incidents,
            suggestions: rank(id, baseline, outcomes),
        })
        .collect();
    Explanation {
        n_users: baseline.first().map_or(0, |r| r.n_users),
        seeds: baseline.iter().map(|r| r.seed).collect(),
        levers_tried: outcomes.len() as u32,
        patterns,
    }
}

/// Patterns whose mean baseline severity is `medium` or above, with that severity and mean incidents.
fn serious_patterns(baseline: &[Report]) -> Vec<(PatternId, u8, u64)> {
    PatternId::ALL
        .iter()
        .filter_map(|&id| {
            let f = Figures::of(id, baseline);
            let severity = mean(f.severity, f.n) as u8;
            (Level::from_severity(severity) >= Level::Medium).then_some((id, severity, mean(f.incidents, f.n)))
        })
        .collect()
}

/// Sums over the seeds of the figures a suggestion compares.
#[derive(Clone, Copy, Default)]
struct Figures {
    n: u64,
    severity: u64,
    incidents: u64,
    engagement: u64,
    tipped_fen: u64,
    fee_fen: u64,
}

impl Figures {
    fn of(id: PatternId, reports: &[Report]) -> Figures {
        let mut f = Figures::default();
        for r in reports {
            let (severity, incidents) = r.pattern(id).map_or((0, 0), |p| (p.severity, p.incidents));
            f.n += 1;
            f.severity += u64::from(severity);
            f.incidents += incidents;
            f.engagement += r.health.engagement;
            f.tipped_fen += r.money.tipped_fen;
            f.fee_fen += r.money.fee_fen;
        }
        f
    }
}

/// `sum / n` rounded half up (0 when `n` is 0).
fn mean(sum: u64, n: u64) -> u64 {
    (sum + n / 2).checked_div(n).unwrap_or(0)
}

/// The levers that cut pattern `id`, best first.
fn rank(id: PatternId, baseline: &[Report], outcomes: &[Outcome]) -> Vec<Suggestion> {
    let before = Figures::of(id, baseline);
    let mut ranked: Vec<(usize, Suggestion)> = Vec::new();
    for (order, outcome) in outcomes.iter().enumerate() {
        if outcome.reports.len() != baseline.len() || !cuts(id, baseline, &outcome.reports) {
            continue;
        }
        let after = Figures::of(id, &outcome.reports);
        ranked.push((order, suggestion(id, &before, &after, &outcome.lever)));
    }
    // Ranked on the figures the designer sees, so the order never contradicts them.
    ranked.sort_by(|(order_a, a), (order_b, b)| {
        let cut = |s: &Suggestion| i32::from(s.severity_before) - i32::from(s.severity_after);
        cut(b)
            .cmp(&cut(a))
            .then_with(|| a.incidents_after.cmp(&b.incidents_after))
            .then_with(|| order_a.cmp(order_b))
    });
    ranked.into_iter().map(|(_, s)| s).collect()
}

/// Whether a lever really cut pattern `id`: its severity, or its incidents without a rise in severity,
/// fell seed by seed by more than noise. With one seed that means any severity drop, or incidents down by at least
/// [`MIN_INCIDENT_CUT_PERCENT`] and by more than two standard deviations of Poisson noise
/// (cut² > 8 × incidents before). With several seeds the paired cuts must also clear a t-test
/// (mean cut above twice its standard error).
fn cuts(id: PatternId, baseline: &[Report], after: &[Report]) -> bool {
    let pair = |f: fn(&Report, PatternId) -> u64| -> Vec<i128> {
        baseline
            .iter()
            .zip(after)
            .map(|(b, a)| i128::from(f(b, id)) - i128::from(f(a, id)))
            .collect()
    };
    let severity = pair(|r, id| r.pattern(id).map_or(0, |p| u64::from(p.severity)));
    let incidents = pair(|r, id| r.pattern(id).map_or(0, |p| p.incidents));
    let incidents_before: i128 = baseline
        .iter()
        .map(|r| i128::from(r.pattern(id).map_or(0, |p| p.incidents)))
        .sum();
    let incident_sum: i128 = incidents.iter().sum();
    let incidents_real = incident_sum * 100 >= incidents_before * i128::from(MIN_INCIDENT_CUT_PERCENT)
        && incident_sum * incident_sum > 8 * incidents_before * incidents.len() as i128
        && beyond_noise(&incidents);
    let severity_real = beyond_noise(&severity);
    // A lever that raises severity (say, fewer but costlier incidents) does not cut the pattern.
    let severity_not_worse = severity.iter().sum::<i128>() >= 0;
    severity_real || (incidents_real && severity_not_worse)
}

/// Whether paired cuts are positive beyond noise: one cut must be positive; several must have a mean
/// above twice its standard error, i.e. S²(n − 1) > 4(nQ − S²) for sum S and sum of squares Q.
fn beyond_noise(cuts: &[i128]) -> bool {
    let n = cuts.len() as i128;
    let s: i128 = cuts.iter().sum();
    if s <= 0 {
        return false;
    }
    if n < 2 {
        return true;
    }
    let q: i128 = cuts.iter().map(|d| d * d).sum();
    s * s * (n - 1) > 4 * (n * q - s * s)
}

fn suggestion(id: PatternId, before: &Figures, after: &Figures, lever: &Lever) -> Suggestion {
    let cost = HonestCost {
        engagement_change_percent: percent_change(before.engagement, after.engagement),
        tip_volume_change_percent: percent_change(before.tipped_fen, after.tipped_fen),
        fee_revenue_change_percent: percent_change(before.fee_fen, after.fee_fen),
    };
    let severity_before = mean(before.severity, before.n) as u8;
    let severity_after = mean(after.severity, after.n) as u8;
    let incidents_change_percent = percent_change(before.incidents, after.incidents);
    Suggestion {
        lever_id: lever.id.clone(),
        circle_idx: lever.circle_idx,
        sentence: sentence(
            Lang::En,
            &lever.change,
            id,
            (severity_before, severity_after),
            incidents_change_percent,
            &cost,
        ),
        change: lever.change.clone(),
        pattern: id,
        severity_before,
        severity_after,
        severity_change_percent: percent_change(before.severity, after.severity).unwrap_or(0),
        incidents_before: mean(before.incidents, before.n),
        incidents_after: mean(after.incidents, after.n),
        incidents_change_percent,
        cost,
        scenario: lever.scenario.clone(),
    }
}

/// The suggestion's sentence in either language, written from its figures: "Capping tips at ¥5 in every circle
/// cuts solicitation by 45 % (severity 100 → 97), lowers honest engagement by 5 % and lowers tip volume by 83 %" /
/// "在所有圈子将打赏上限设为 ¥5：招揽事件减少 45 %（严重度 100 → 97），诚实互动下降 5 %，打赏总额下降 83 %".
/// `explained` is the scenario the explanation was made from (see [`crate::lever::change_words`]); English is
/// [`Suggestion::sentence`] byte for byte. Given other rules than those explained, where the lever's words would
/// differ, the change keeps the suggestion's own (English) words rather than say something it did not try.
pub fn sentence_in(lang: Lang, explained: &Scenario, s: &Suggestion) -> String {
    let words = |lang| crate::lever::change_words(lang, explained, &s.lever_id);
    let change = match (words(Lang::En), words(lang)) {
        (Some(en), Some(theirs)) if en == s.change => theirs,
        _ => s.change.clone(),
    };
    sentence(
        lang,
        &change,
        s.pattern,
        (s.severity_before, s.severity_after),
        s.incidents_change_percent,
        &s.cost,
    )
}

/// The sentence of [`Suggestion::sentence`] for a change already in words.
fn sentence(
    lang: Lang,
    change: &str,
    id: PatternId,
    (severity_before, severity_after): (u8, u8),
    incidents_change: Option<i32>,
    cost: &HonestCost,
) -> String {
    let name = crate::words::pattern_words(lang, id);
    let effect = match (lang, incidents_change) {
        (Lang::En, Some(p)) if p < 0 => format!(
            "cuts {name} by {} % (severity {severity_before} → {severity_after})",
            -p
        ),
        (Lang::En, _) => format!("cuts {name} severity from {severity_before} to {severity_after}"),
        (Lang::Zh, Some(p)) if p < 0 => {
            format!("{name}事件减少 {} %（严重度 {severity_before} → {severity_after}）", -p)
        }
        (Lang::Zh, _) => format!("{name}的严重度从 {severity_before} 降到 {severity_after}"),
    };
    let mut costs: Vec<String> = Vec::new();
    for ((en, zh), change) in [
        (("honest engagement", "诚实互动"), cost.engagement_change_percent),
        (("tip volume", "打赏总额"), cost.tip_volume_change_percent),
        (("fee revenue", "手续费收入"), cost.fee_revenue_change_percent),
    ] {
        match (lang, change) {
            (Lang::En, Some(p)) if p <= -1 => costs.push(format!("lowers {en} by {} %", -p)),
            (Lang::En, Some(p)) if p >= 1 => costs.push(format!("raises {en} by {p} %")),
            (Lang::Zh, Some(p)) if p <= -1 => costs.push(format!("{zh}下降 {} %", -p)),
            (Lang::Zh, Some(p)) if p >= 1 => costs.push(format!("{zh}上升 {p} %")),
            _ => {}
        }
    }
    let (mut out, free, comma, and) = match lang {
        Lang::En => (
            format!("{change} {effect}"),
            ", at no cost to honest engagement",
            ", ",
            " and ",
        ),
        Lang::Zh => (format!("{change}：{effect}"), "，不影响诚实互动", "，", "，"),
    };
    match costs.split_last() {
        None => out.push_str(free),
        Some((last, rest)) => {
            for c in rest {
                out.push_str(comma);
                out.push_str(c);
            }
            out.push_str(and);
            out.push_str(last);
        }
    }
    out
}

/// `after` as a change from `before`, in whole percent rounded half away from zero; `None` when `before` is zero
/// (unless `after` is zero too: no change).
pub fn percent_change(before: u64, after: u64) -> Option<i32> {
    if before == 0 {
        return (after == 0).then_some(0);
    }
    let diff = i128::from(after) - i128::from(before);
    let b = i128::from(before);
    let half = b / 2;
    let rounded = if diff >= 0 {
        (diff * 100 + half) / b
    } else {
        (diff * 100 - half) / b
    };
    Some(i32::try_from(rounded).unwrap_or(i32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_change_rounds_and_refuses_zero_baselines() {
        assert_eq!(percent_change(100, 15), Some(-85));
        assert_eq!(percent_change(3, 2), Some(-33));
        assert_eq!(percent_change(200, 1), Some(-100));
        assert_eq!(percent_change(8, 9), Some(13));
        assert_eq!(percent_change(0, 0), Some(0));
        assert_eq!(percent_change(0, 5), None);
    }
}
