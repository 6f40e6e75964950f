//! The red team: the worst adversary a configuration lets through within a budget of abusive accounts, found by
//! MAP-Elites (Mouret & Clune 2015, "Illuminating search spaces by mapping elites", arXiv:1504.04909).
//!
//! An adversary is a genome: the share of accounts each abusive strategy takes (together at most the budget)
//! and the effort the professionals put in (the assumptions that set how often solicitors visit and how often
//! scammers post, within their bounds). Evasion is a strategy the population spec models as an
//! archetype: identity fakers fake the gender or identity a gate wants, score farmers buy credit past a gate,
//! ban evaders return after bans. The atlas keeps the most harmful adversary of each cell of a small grid of
//! behaviours (dominant strategy × evasion used), so it shows different worst cases, not one.
//!
//! Harm is overall prevalence: the share of honest users' views that showed abuse of any kind (the industry's
//! headline measure). It reads the same at any population size and run length, and the fix frontier judges fixes
//! on the same scale; money moved by abuse breaks ties and is shown beside it.

use serde::{Deserialize, Serialize};

use crate::assumptions::by_field;
use crate::dice::Dice;
use crate::lang::Lang;
use crate::report::{OpenedBy, PatternId, Report, RuleRef};
use crate::scenario::{Archetype, Scenario};
use crate::search::{dice_for, link_of, main_opener, per_candidate, Batch, Evaluation, Provenance, Search, Tally};

/// The method, as results name it.
pub const METHOD: &str = "MAP-Elites (Mouret & Clune 2015, arXiv:1504.04909) over dominant strategy × evasion used";
/// Runs a red team makes by default: over 300 runs of 10,000 users × 7 days, as the issue asks.
pub const REDTEAM_RUNS: u32 = 320;
/// Candidates per batch: enough to keep a worker pool busy, few enough that each generation learns from the last.
pub const REDTEAM_BATCH: u32 = 16;
/// The budget of abusive accounts, in ‰ of all accounts, when the scenario brings none of its own (3 %).
pub const DEFAULT_ABUSIVE_PERMILLE: u32 = 30;
/// Least share of the adversary's accounts, in percent, an evasion strategy must hold to count as used.
pub const EVASION_MIN_PERCENT: u32 = 20;

/// The abusive strategies a red team mixes, in genome order, with their name in a sentence.
pub const ABUSERS: [(Archetype, &str); 8] = [
    (Archetype::Solicitor, "solicitors"),
    (Archetype::IdentityFaker, "identity fakers"),
    (Archetype::Scammer, "scammers"),
    (Archetype::ScoreFarmer, "score farmers"),
    (Archetype::Harasser, "harassers"),
    (Archetype::SybilRing, "sybil-ring accounts"),
    (Archetype::Launderer, "launderers"),
    (Archetype::BanEvader, "ban evaders"),
];

/// The evasion choices the population spec models, each an archetype of [`ABUSERS`], with what it evades.
pub const EVASIONS: [(Archetype, &str); 3] = [
    (Archetype::IdentityFaker, "fake identity"),
    (Archetype::ScoreFarmer, "farm score"),
    (Archetype::BanEvader, "return after bans"),
];

/// What each of [`EVASIONS`] evades, in Chinese, in the same order.
const EVASIONS_ZH: [&str; 3] = ["伪造身份", "刷信用分", "封禁后换号回来"];

/// The adversary's effort: the assumptions that set how hard professionals work and nobody else, searched within
/// their bounds (`solicit_post_permille` is left out: ordinary users who turn to soliciting post by it too, and
/// they are not the adversary's to command).
pub const EFFORT: [&str; 2] = ["solicitor_sessions_per_day", "scam_post_permille"];

/// Cells of the atlas: each dominant strategy × (no evasion or one of [`EVASIONS`]).
const CELLS: usize = ABUSERS.len() * (EVASIONS.len() + 1);

/// One adversary: who the abusive accounts are and how hard they work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adversary {
    /// Share of all accounts each abusive strategy takes, in ‰, in [`ABUSERS`] order.
    pub permille: Vec<u32>,
    /// Stored values of the [`EFFORT`] assumptions, in that order.
    pub effort: Vec<u32>,
}

impl Adversary {
    /// The adversary a scenario brings: its abusive archetypes' shares (normalised to ‰) and its effort assumptions.
    pub fn of(s: &Scenario) -> Adversary {
        let mix = &s.population.archetypes;
        let total: u64 = Archetype::ALL.iter().map(|&a| u64::from(mix.get(a))).sum();
        let permille = ABUSERS
            .iter()
            .map(|&(a, _)| (u64::from(mix.get(a)) * 1000).checked_div(total).unwrap_or(0) as u32)
            .collect();
        let effort = EFFORT
            .iter()
            .map(|f| by_field(f).map_or(0, |row| row.get(&s.assumptions)))
            .collect();
        Adversary { permille, effort }
    }

    /// Abusive accounts in all, in ‰.
    pub fn total_permille(&self) -> u32 {
        self.permille.iter().sum()
    }

    /// The scenario with this adversary in place of its own: the good-faith archetypes keep their proportions in
    /// the accounts left over, and the effort assumptions take this adversary's values.
    pub fn apply(&self, s: &Scenario) -> Scenario {
        let mut t = s.clone();
        let mix = &mut t.population.archetypes;
        let good: Vec<Archetype> = Archetype::ALL
            .iter()
            .copied()
            .filter(|a| ABUSERS.iter().all(|(b, _)| b != a))
            .collect();
        let good_total: u64 = good.iter().map(|&a| u64::from(mix.get(a))).sum();
        let room = u64::from(1000_u32.saturating_sub(self.total_permille()));
        let mut given = 0;
        for &a in &good {
            let w = (u64::from(mix.get(a)) * room).checked_div(good_total).unwrap_or(0);
            given += w;
            mix.set(a, w as u32);
        }
        // What rounding left over goes to honest members, who are the population's bulk.
        let honest = mix.get(Archetype::Honest);
        mix.set(Archetype::Honest, honest + (room - given) as u32);
        for (&(a, _), &w) in ABUSERS.iter().zip(&self.permille) {
            mix.set(a, w);
        }
        for (field, &v) in EFFORT.iter().zip(&self.effort) {
            if let Some(row) = by_field(field) {
                row.set(&mut t.assumptions, v);
            }
        }
        t
    }

    /// The atlas cell in words in `lang`: "solicitors · return after bans" / "招揽者 · 封禁后换号回来".
    pub fn cell_in(&self, lang: Lang) -> String {
        let (dominant, evasion) = self.cell();
        let who = ABUSERS.get(dominant).map_or("", |(a, en)| match lang {
            Lang::En => en,
            Lang::Zh => crate::exemplar::archetype_zh(*a),
        });
        let how = match (evasion.checked_sub(1), lang) {
            (Some(k), Lang::En) => EVASIONS.get(k).map_or("", |(_, how)| how),
            (Some(k), Lang::Zh) => EVASIONS_ZH.get(k).copied().unwrap_or_default(),
            (None, Lang::En) => "no evasion",
            (None, Lang::Zh) => "不规避",
        };
        format!("{who} · {how}")
    }

    /// The atlas cell: (dominant strategy, evasion used: 0 for none, else 1 + its index in [`EVASIONS`]).
    fn cell(&self) -> (usize, usize) {
        let mut dominant = 0;
        for (i, &w) in self.permille.iter().enumerate() {
            if w > self.permille.get(dominant).copied().unwrap_or(0) {
                dominant = i;
            }
        }
        let total = self.total_permille();
        let mut evasion = 0;
        let mut most = 0;
        for (k, (a, _)) in EVASIONS.iter().enumerate() {
            let w = self.share_of(*a);
            if w * 100 >= total * EVASION_MIN_PERCENT && w > most && w > 0 {
                evasion = k + 1;
                most = w;
            }
        }
        (dominant, evasion)
    }

    fn share_of(&self, a: Archetype) -> u32 {
        ABUSERS
            .iter()
            .position(|(b, _)| *b == a)
            .and_then(|i| self.permille.get(i).copied())
            .unwrap_or(0)
    }

    /// What the adversary did, in one sentence: its accounts, the mix, the evasion and the effort.
    pub fn sentence(&self) -> String {
        self.sentence_in(Lang::En)
    }

    /// [`Adversary::sentence`] in either language: "3 % of accounts abusive (2 % solicitors, 1 % scammers),
    /// evading by the choice to return after bans; solicitor visits 5 visits a day, …" / "3 % 的账号是滥用账号
    /// （招揽者 2 %，骗子 1 %），并以封禁后换号回来规避；招揽者每天访问 5 次，…".
    pub fn sentence_in(&self, lang: Lang) -> String {
        let mut parts: Vec<(u32, Archetype, &str)> = ABUSERS
            .iter()
            .zip(&self.permille)
            .filter(|(_, &w)| w > 0)
            .map(|((a, name), &w)| (w, *a, *name))
            .collect();
        parts.sort_by_key(|p| std::cmp::Reverse(p.0));
        let mix: Vec<String> = parts
            .iter()
            .map(|(w, a, name)| match lang {
                Lang::En => format!("{} {name}", permille_words(*w)),
                Lang::Zh => format!("{} {}", crate::exemplar::archetype_zh(*a), permille_words(*w)),
            })
            .collect();
        let (_, evasion) = self.cell();
        let evades = match (lang, evasion.checked_sub(1).and_then(|k| EVASIONS.get(k))) {
            (Lang::En, Some((_, how))) => format!(", evading by the choice to {how}"),
            (Lang::Zh, Some(_)) => {
                let how = evasion.checked_sub(1).and_then(|k| EVASIONS_ZH.get(k)).unwrap_or(&"");
                format!("，并以{how}规避")
            }
            (_, None) => String::new(),
        };
        let effort: Vec<String> = EFFORT
            .iter()
            .zip(&self.effort)
            .filter_map(|(f, &v)| {
                by_field(f).map(|row| match lang {
                    Lang::En => format!("{} {}", row.label.to_lowercase(), row.show(v)),
                    Lang::Zh => effort_zh(f, &row.number(v)),
                })
            })
            .collect();
        let total = permille_words(self.total_permille());
        match lang {
            Lang::En => format!(
                "{total} of accounts abusive ({}){evades}; {}",
                if mix.is_empty() {
                    String::from("none")
                } else {
                    mix.join(", ")
                },
                effort.join(", ")
            ),
            Lang::Zh => format!(
                "{total} 的账号是滥用账号（{}）{evades}；{}",
                if mix.is_empty() {
                    String::from("无")
                } else {
                    mix.join("，")
                },
                effort.join("，")
            ),
        }
    }

    /// A small Gaussian change (Mouret & Clune's mutation): a few shares and efforts moved, shares put back on
    /// the budget, efforts clipped to their bounds.
    fn mutate(&self, budget: u32, allowed: &[bool], dice: &mut Dice) -> Adversary {
        let mut permille = self.permille.clone();
        let open: Vec<usize> = (0..permille.len()).filter(|&i| allowed.get(i) == Some(&true)).collect();
        let pick = open.get(dice.below(open.len() as u32) as usize).copied().unwrap_or(0);
        for (i, w) in permille.iter_mut().enumerate() {
            if allowed.get(i) != Some(&true) {
                *w = 0;
            } else if i == pick || dice.chance(0.25) {
                let moved = f64::from(*w) + dice.normal() * f64::from(budget) / 4.0;
                *w = moved.round().max(0.0) as u32;
            }
        }
        let mut effort = self.effort.clone();
        for (f, v) in EFFORT.iter().zip(effort.iter_mut()) {
            if let Some(row) = by_field(f) {
                if dice.chance(1.0 / 3.0) {
                    let span = f64::from(row.max - row.min);
                    let moved = f64::from(*v) + dice.normal() * span / 6.0;
                    *v = (moved.round().max(0.0) as u32).clamp(row.min, row.max);
                }
            }
        }
        Adversary {
            permille: on_budget(permille, budget, allowed, dice),
            effort,
        }
    }
}

/// Shares scaled so they sum to `budget` exactly (rounding's remainder to the largest); all zero puts the
/// whole budget on one allowed strategy drawn at random.
fn on_budget(mut permille: Vec<u32>, budget: u32, allowed: &[bool], dice: &mut Dice) -> Vec<u32> {
    let total: u64 = permille.iter().map(|&w| u64::from(w)).sum();
    if total == 0 {
        let open: Vec<usize> = (0..permille.len()).filter(|&i| allowed.get(i) == Some(&true)).collect();
        let i = open.get(dice.below(open.len() as u32) as usize).copied().unwrap_or(0);
        if let Some(w) = permille.get_mut(i) {
            *w = budget;
        }
        return permille;
    }
    let mut given = 0;
    for w in permille.iter_mut() {
        *w = (u64::from(*w) * u64::from(budget) / total) as u32;
        given += *w;
    }
    let mut largest = 0;
    for (i, &w) in permille.iter().enumerate() {
        if w > permille.get(largest).copied().unwrap_or(0) {
            largest = i;
        }
    }
    if let Some(w) = permille.get_mut(largest) {
        *w += budget - given;
    }
    permille
}

/// An [`EFFORT`] assumption at a value (its number as the catalogue shows it) in Chinese.
fn effort_zh(field: &str, number: &str) -> String {
    match field {
        "solicitor_sessions_per_day" => format!("招揽者每天访问 {number} 次"),
        "scam_post_permille" => format!("骗子每次访问发帖的概率 {number} %"),
        _ => format!("{field} {number}"),
    }
}

/// "1.5 %" from ‰.
fn permille_words(w: u32) -> String {
    if w.is_multiple_of(10) {
        format!("{} %", w / 10)
    } else {
        format!("{}.{} %", w / 10, w % 10)
    }
}

/// How a red team searches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedTeamOptions {
    /// Runs the search may make (each candidate costs one run per seed).
    pub runs: u32,
    /// Most abusive accounts, in ‰ of all accounts; `None` takes the scenario's own share, or
    /// [`DEFAULT_ABUSIVE_PERMILLE`] when it has none.
    pub abusive_permille: Option<u32>,
    /// The strategies the adversary may use (its toolbox); empty allows every one of [`ABUSERS`]. The
    /// scenario's own adversary is judged as it stands whatever this says.
    pub strategies: Vec<Archetype>,
    /// How each candidate runs.
    pub evaluation: Evaluation,
}

impl Default for RedTeamOptions {
    fn default() -> Self {
        RedTeamOptions {
            runs: REDTEAM_RUNS,
            abusive_permille: None,
            strategies: Vec::new(),
            evaluation: Evaluation::default(),
        }
    }
}

/// An adversary judged: its genome and what its runs showed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Judged {
    adversary: Adversary,
    tally: Tally,
    /// The feed pattern with the most violating views, and the rule that let most of it through.
    top: Option<PatternId>,
    opened_by: Option<OpenedBy>,
}

impl Judged {
    fn of(adversary: Adversary, reports: &[Report]) -> Judged {
        let mut top: Option<(PatternId, u64)> = None;
        for id in PatternId::ALL.iter().copied().filter(|id| id.is_feed_content()) {
            let views: u64 = reports
                .iter()
                .filter_map(|r| r.pattern(id))
                .map(|p| p.violating_views)
                .sum();
            if views > 0 && top.is_none_or(|(_, v)| views > v) {
                top = Some((id, views));
            }
        }
        let top = top.map(|(id, _)| id);
        Judged {
            adversary,
            tally: Tally::of(reports),
            top,
            opened_by: top.and_then(|id| main_opener(reports, id)).map(|(o, _)| o),
        }
    }

    /// Whether this adversary did more harm than `other`: higher prevalence, then more money.
    fn beats(&self, other: &Judged) -> bool {
        let (a, b) = (self.tally.prevalence_per_10k(), other.tally.prevalence_per_10k());
        a > b || (a == b && self.tally.abuse_fen > other.tally.abuse_fen)
    }
}

/// The red team's state: the input, the atlas so far and the runs spent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RedTeam {
    input: Scenario,
    options: RedTeamOptions,
    budget_permille: u32,
    batches_done: u32,
    runs_done: u32,
    own: Option<Judged>,
    cells: Vec<Option<Judged>>,
}

impl RedTeam {
    /// A red team of `s` under `options`, before any run.
    pub fn new(s: &Scenario, options: &RedTeamOptions) -> RedTeam {
        let own = Adversary::of(s).total_permille();
        let budget = options
            .abusive_permille
            .unwrap_or(if own > 0 { own } else { DEFAULT_ABUSIVE_PERMILLE })
            .min(1000);
        RedTeam {
            input: s.clone(),
            options: options.clone(),
            budget_permille: budget,
            batches_done: 0,
            runs_done: 0,
            own: None,
            cells: vec![None; CELLS],
        }
    }

    fn per_candidate(&self) -> u32 {
        self.options.evaluation.seeds.max(1)
    }

    /// Which of [`ABUSERS`] the adversary may use, in genome order.
    fn allowed(&self) -> Vec<bool> {
        let all = self.options.strategies.is_empty();
        ABUSERS
            .iter()
            .map(|(a, _)| all || self.options.strategies.contains(a))
            .collect()
    }

    /// The first batch: the scenario's own adversary (on the budget), each strategy alone, then random mixes.
    fn first(&self, n: usize, dice: &mut Dice) -> Vec<Adversary> {
        let own = Adversary::of(&self.input);
        let effort = own.effort.clone();
        let allowed = self.allowed();
        let mut out = vec![Adversary {
            permille: on_budget(own.permille, self.budget_permille, &[true; ABUSERS.len()], dice),
            effort: effort.clone(),
        }];
        for i in (0..ABUSERS.len()).filter(|&i| allowed.get(i) == Some(&true)) {
            let mut permille = vec![0; ABUSERS.len()];
            if let Some(w) = permille.get_mut(i) {
                *w = self.budget_permille;
            }
            out.push(Adversary {
                permille,
                effort: effort.clone(),
            });
        }
        while out.len() < n {
            let raw = allowed
                .iter()
                .map(|&ok| if ok { dice.below(1000) } else { 0 })
                .collect();
            out.push(Adversary {
                permille: on_budget(raw, self.budget_permille, &allowed, dice),
                effort: effort.clone(),
            });
        }
        out.truncate(n);
        out
    }

    /// The result so far.
    pub fn result(&self) -> RedTeamResult {
        let mut elites: Vec<(usize, &Judged)> = self
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|j| (i, j)))
            .collect();
        elites.sort_by(|(ia, a), (ib, b)| {
            if a.beats(b) {
                std::cmp::Ordering::Less
            } else if b.beats(a) {
                std::cmp::Ordering::Greater
            } else {
                ia.cmp(ib)
            }
        });
        let mut provenance = Provenance::new(METHOD, self.options.runs, &self.input, &self.options.evaluation);
        provenance.runs_done = self.runs_done;
        RedTeamResult {
            provenance,
            objective: String::from(OBJECTIVE),
            budget_permille: self.budget_permille,
            own: self.own.as_ref().map(|j| self.worst_case(j)),
            worst: elites.into_iter().map(|(_, j)| self.worst_case(j)).collect(),
        }
    }

    fn worst_case(&self, j: &Judged) -> WorstCase {
        let scenario = j.adversary.apply(&self.input);
        WorstCase {
            cell: j.adversary.cell_in(Lang::En),
            sentence: j.adversary.sentence(),
            adversary: j.adversary.clone(),
            top_pattern: j.top,
            opened_by: j.opened_by.as_ref().map(|o| o.rule.clone()),
            opened_by_at: j.opened_by.as_ref().and_then(|o| o.at.clone()),
            prevalence_per_10k: j.tally.prevalence_per_10k(),
            abuse_fen: j.tally.abuse_fen_per_run(),
            link: link_of(&scenario),
            scenario,
        }
    }
}

/// The red team's objective in words.
pub const OBJECTIVE: &str = "overall prevalence: of every 10,000 posts honest users viewed, how many were abuse of any kind (money moved by abuse breaks ties)";

/// [`OBJECTIVE`] in `lang`.
pub fn objective(lang: Lang) -> &'static str {
    crate::words::pick(
        lang,
        OBJECTIVE,
        "总体流行度：诚实用户每浏览 10,000 条帖子，有多少条是任何一种滥用（平局时看滥用转移的金额）",
    )
}

impl Search for RedTeam {
    type Candidate = Adversary;

    fn propose(&self) -> Option<Batch<Adversary>> {
        let per = self.per_candidate();
        let left = self.options.runs.saturating_sub(self.runs_done) / per;
        let n = left.min(REDTEAM_BATCH) as usize;
        if n == 0 {
            return None;
        }
        let mut dice = dice_for(self.input.seed, self.batches_done);
        let candidates = if self.batches_done == 0 {
            self.first(n, &mut dice)
        } else {
            let occupied: Vec<&Judged> = self.cells.iter().flatten().collect();
            let allowed = self.allowed();
            (0..n)
                .filter_map(|_| {
                    let parent = occupied.get(dice.below(occupied.len() as u32) as usize)?;
                    Some(parent.adversary.mutate(self.budget_permille, &allowed, &mut dice))
                })
                .collect()
        };
        let scenarios = candidates
            .iter()
            .flat_map(|a| self.options.evaluation.runs_of(&a.apply(&self.input)))
            .collect();
        Some(Batch { candidates, scenarios })
    }

    fn fold(&mut self, batch: Batch<Adversary>, reports: &[Report]) {
        let per = self.per_candidate() as usize;
        for (i, (adversary, runs)) in batch
            .candidates
            .into_iter()
            .zip(per_candidate(reports, per))
            .enumerate()
        {
            let judged = Judged::of(adversary, runs);
            if self.batches_done == 0 && i == 0 {
                self.own = Some(judged.clone());
            }
            let (d, e) = judged.adversary.cell();
            if let Some(slot) = self.cells.get_mut(d * (EVASIONS.len() + 1) + e) {
                if slot.as_ref().is_none_or(|held| judged.beats(held)) {
                    *slot = Some(judged);
                }
            }
        }
        self.runs_done += reports.len() as u32;
        self.batches_done += 1;
    }
}

/// One worst case of the atlas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorstCase {
    /// The atlas cell: dominant strategy · evasion used, e.g. "solicitors · return after bans".
    pub cell: String,
    /// What the adversary did, in one sentence.
    pub sentence: String,
    /// The adversary's genome.
    pub adversary: Adversary,
    /// The feed pattern it spread most.
    pub top_pattern: Option<PatternId>,
    /// The rule that let most of that pattern through (from the reports' `opened_by`).
    pub opened_by: Option<String>,
    /// The same rule as data, so the interface writes it in its own language (`words::rule_label`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_by_at: Option<RuleRef>,
    /// Overall prevalence per 10,000 honest views (over the seeds).
    pub prevalence_per_10k: f64,
    /// Money moved by abuse per run, in fen (mean over the seeds).
    pub abuse_fen: u64,
    /// The input with this adversary, at the input's own size and seed: load it to see the case.
    pub scenario: Scenario,
    /// The share-link payload of that scenario.
    pub link: String,
}

/// What a red team found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RedTeamResult {
    /// How it was found.
    pub provenance: Provenance,
    /// What "harm" means here.
    pub objective: String,
    /// The budget of abusive accounts, in ‰.
    pub budget_permille: u32,
    /// The scenario's own adversary put on the budget (its own population when the budget is its own share).
    pub own: Option<WorstCase>,
    /// One worst case per occupied cell, most harmful first.
    pub worst: Vec<WorstCase>,
}

/// Runs a red team to its end with `runner` (see [`crate::search::drive`]).
pub fn run_redteam_with(
    s: &Scenario,
    options: &RedTeamOptions,
    runner: &mut dyn FnMut(&[Scenario]) -> Vec<Report>,
) -> RedTeamResult {
    let mut search = RedTeam::new(s, options);
    crate::search::drive(&mut search, runner);
    search.result()
}

/// Runs a red team on one thread.
pub fn run_redteam(s: &Scenario, options: &RedTeamOptions) -> RedTeamResult {
    run_redteam_with(s, options, &mut crate::search::run_each)
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_atlas_cell_reads_in_both_languages() {
        for dominant in 0..ABUSERS.len() {
            for evasion in 0..=EVASIONS.len() {
                let mut a = Adversary {
                    permille: vec![0; ABUSERS.len()],
                    effort: Vec::new(),
                };
                if let Some(w) = a.permille.get_mut(dominant) {
                    *w = 20;
                }
                if let Some((archetype, _)) = evasion.checked_sub(1).and_then(|k| EVASIONS.get(k)) {
                    if let Some(i) = ABUSERS.iter().position(|(x, _)| x == archetype) {
                        if i != dominant {
                            if let Some(w) = a.permille.get_mut(i) {
                                *w = 10;
                            }
                        }
                    }
                }
                let zh = a.cell_in(Lang::Zh);
                assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
                assert!(a.cell_in(Lang::En).contains(" · "));
            }
        }
    }
    use super::*;

    #[test]
    fn the_launch_s_own_adversary_reproduces_the_launch() {
        let s = crate::presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default();
        let own = Adversary::of(&s);
        assert_eq!(own.total_permille(), 100);
        assert_eq!(own.apply(&s), s);
    }

    #[test]
    fn shares_go_back_on_the_budget() {
        let mut dice = Dice::new(3);
        let w = on_budget(vec![10, 0, 7, 0, 0, 0, 0, 3], 30, &[true; 8], &mut dice);
        assert_eq!(w.iter().sum::<u32>(), 30);
        assert_eq!(w, vec![16, 0, 10, 0, 0, 0, 0, 4]);
    }
}
