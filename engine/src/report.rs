//! The report: plain data describing what happened in a run, sent from the worker to the page as JSON.
//!
//! Money is in fen (1 yuan = 100 fen); hourly series have one entry per simulated hour done so far.

use serde::{Deserialize, Serialize};

use crate::exemplar::Exemplar;
use crate::named::named;

use crate::scenario::{Action, Archetype, Gender};

/// The engine's version, shown in the app's footer so a report can be tied to the code that made it.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version of the model (the mechanisms and assumptions behind the numbers) this engine runs; reports
/// carry it, and a scenario's `version` records the model it was made under (scenario version 2 is model 2).
pub const MODEL_VERSION: u32 = 2;

/// How a pattern's severity is computed, in words the app can show next to the number.
///
/// `severity = round(100 × (1 − e^(−x)))` with
/// `x = a × (incidents per 1,000 users per day) ÷ 50 + b × 5 × (share of users harmed) + (yuan involved per 1,000 users per day) ÷ 10,000`,
/// where `a = b = 1` for every pattern except `exclusion` (`a = 0.1`, `b = 0.5`: a refusal is counted once per person,
/// circle and action, and being refused weighs half as much as being harmed by abuse).
/// A pattern with no incidents has severity 0 and any incident at least 1.
/// Levels: `none` (0), `low` (1–24), `medium` (25–49), `high` (50–74), `critical` (75–100).
pub const SEVERITY_FORMULA: &str = "severity = the mean of its components, each read on one logarithmic scale c(x) = 100 × log10(1 + 10,000 × x) ÷ log10(10,001), where x is the volume as a share of the top of its scale (1 in 10,000 of the top → 7.5, 1 in 1,000 → 26, 1 % → 50, 10 % → 75, the top → 100): reach = c(the weekly chance that a person in good faith is harmed (in a run shorter than a week, the share harmed so far), or the share of honest views that showed it, whichever is larger); rate = c(incidents per user per day); money = c(yuan involved per user per day ÷ 100), for every pattern but harassment and exclusion, which move no money. One incident is one abusive act: a post (solicitation, scam, faked persona, ring or cover post), an abusive comment or message, a payment that churns score or launders money, a returned account's act, or an honest person refused once in one circle for one action. No incidents → 0; any incident → at least 1. Levels: none 0, low 1–24, medium 25–49, high 50–74, critical 75–100.";

/// The abuse patterns the engine detects, with the ids used in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternId {
    /// Racy posts asking for tips, chats or meetings.
    Solicitation,
    /// Acting through a gate with a faked gender or identity.
    IdentityFraud,
    /// Tips or prepayment taken for meetings that never happen.
    Scam,
    /// Abusive comments and messages.
    Harassment,
    /// Credit points bought by churning payments to cross a gate.
    ScoreFarming,
    /// Money moved between controlled accounts through tips.
    TipLaundering,
    /// Coordinated tips or praise to climb a ranked feed.
    RankingManipulation,
    /// Banned people returning with new accounts.
    BanEvasion,
    /// Honest users who wanted to act and were refused by a rule.
    Exclusion,
}

named!(PatternId {
    Solicitation => "solicitation",
    IdentityFraud => "identity_fraud",
    Scam => "scam",
    Harassment => "harassment",
    ScoreFarming => "score_farming",
    TipLaundering => "tip_laundering",
    RankingManipulation => "ranking_manipulation",
    BanEvasion => "ban_evasion",
    Exclusion => "exclusion",
});

impl PatternId {
    /// Whether this pattern is content in the feed (a kind of post), so that honest users' views of it
    /// give it a prevalence; harassment, score farming, ban evasion and exclusion are acts, not posts.
    pub fn is_feed_content(self) -> bool {
        match self {
            PatternId::Solicitation
            | PatternId::IdentityFraud
            | PatternId::Scam
            | PatternId::TipLaundering
            | PatternId::RankingManipulation => true,
            PatternId::Harassment | PatternId::ScoreFarming | PatternId::BanEvasion | PatternId::Exclusion => false,
        }
    }

    /// Whether money changing hands is part of this abuse, so that money is one of its severity's components
    /// (harassment and exclusion harm without moving money).
    pub fn involves_money(self) -> bool {
        !matches!(self, PatternId::Harassment | PatternId::Exclusion)
    }

    /// Position in [`PatternId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A coarse reading of severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Severity 0.
    #[default]
    None,
    /// Severity 1–24.
    Low,
    /// Severity 25–49.
    Medium,
    /// Severity 50–74.
    High,
    /// Severity 75–100.
    Critical,
}

impl Level {
    /// The level a severity falls in.
    pub fn from_severity(severity: u8) -> Level {
        match severity {
            0 => Level::None,
            1..=24 => Level::Low,
            25..=49 => Level::Medium,
            50..=74 => Level::High,
            _ => Level::Critical,
        }
    }
}

named!(Level {
    None => "none",
    Low => "low",
    Medium => "medium",
    High => "high",
    Critical => "critical",
});

/// One rule that opened a pattern, with how many incidents it let through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct OpenedBy {
    /// The circle and rule in English words, e.g. "Campus Diary · post: actor is female" (`words::rule_label`
    /// of `at`; the CLI and saved snapshots read this).
    pub rule: String,
    /// Incidents this rule let through.
    pub incidents: u64,
    /// The same rule as data, so the interface writes it in its own language (`words::rule_label(lang, at)`).
    /// Left out of the JSON when absent and out of [`report_digest`], so digests stay those of the reports
    /// before it was added: it is the rule's words, not a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<RuleRef>,
}

impl OpenedBy {
    /// The rule in `lang`: the stored English as it is, or written from [`OpenedBy::at`] (a report without it,
    /// made before it was added, keeps its English).
    pub fn label(&self, lang: crate::lang::Lang) -> String {
        match (&self.at, lang) {
            (Some(at), crate::lang::Lang::Zh) => crate::words::rule_label(lang, at),
            _ => self.rule.clone(),
        }
    }
}

/// Which rule let something through, as plain data: the circle's rule and clause, or a platform ban rule, and
/// the intervention whose rules were in force when it was not the launch's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct RuleRef {
    /// The rule itself.
    pub rule: RuleAt,
    /// The hour and label of the intervention that put this rule in force (`None` for the launch's rules).
    pub from: Option<(u32, String)>,
}

/// A rule a rule key names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RuleAt {
    /// A key the scenario does not have (should not happen).
    #[default]
    Unknown,
    /// Bans let banned people come back freely.
    BansFree,
    /// Bans let banned people come back at a cost.
    BansAtCost,
    /// Real-name bans, passed with a bought account the check missed.
    BansRealName,
    /// One clause of a circle's rule let the act through.
    Clause {
        /// The circle's name.
        circle: String,
        /// The action.
        action: Action,
        /// The clause that allowed it.
        clause: crate::scenario::Clause,
    },
    /// A circle's rule, its clause unknown.
    Rule {
        /// The circle's name.
        circle: String,
        /// The action.
        action: Action,
    },
    /// A circle's rule refused the act; it allows only these clauses.
    Refused {
        /// The circle's name.
        circle: String,
        /// The action.
        action: Action,
        /// The rule's clauses (empty: it allows nobody).
        allows: Vec<crate::scenario::Clause>,
    },
}

/// What the run found for one pattern.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PatternReport {
    /// Which pattern.
    pub id: PatternId,
    /// Number of incidents.
    pub incidents: u64,
    /// Money involved in the incidents, in fen.
    pub fen_involved: u64,
    /// Distinct honest users harmed: for solicitation, those who took up off-platform contact or saw five or more
    /// solicitation posts; identity fraud, those who paid a faked persona; scam, victims who paid; harassment,
    /// targets; score farming, women approached by farmers who bought their way past a gate; ban evasion, victims of
    /// returned accounts; exclusion, honest users refused. Tip laundering and ranking manipulation harm nobody directly.
    pub people_harmed: u32,
    /// First simulated hour with an incident, if any.
    pub first_hour: Option<u32>,
    /// Incidents per hour.
    pub hourly: Vec<u32>,
    /// Severity 0–100 from [`SEVERITY_FORMULA`].
    pub severity: u8,
    /// Level of the severity.
    pub level: Level,
    /// The components the severity is the mean of.
    #[serde(default)]
    pub severity_parts: SeverityParts,
    /// A few incidents as readable sentences naming simulated users (at most 5), in English: the sentences of
    /// [`PatternReport::exemplar_facts`], in the same order.
    pub exemplars: Vec<String>,
    /// The same incidents as plain facts, from which [`crate::exemplar::sentence`] writes them in either language.
    /// Left out of [`report_digest`]: they say what `exemplars` says, and the digests stay pinned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemplar_facts: Vec<Exemplar>,
    /// The rules that let the most incidents through, most first (at most 5).
    pub opened_by: Vec<OpenedBy>,
    /// Views by honest users of content that is this pattern (posts only: solicitation, scam, faked
    /// personas, ring and cover posts; messages and refusals are not views).
    #[serde(default)]
    pub violating_views: u64,
    /// Prevalence: of every 10,000 posts honest users viewed, how many were this pattern (the industry's
    /// headline measure: the share of views that showed violating content). Independent of run length
    /// and population size when the mix of the feed is.
    #[serde(default)]
    pub prevalence_per_10k: u32,
    /// Incidents by users who were ordinary, honest users at the start of the run and turned to this
    /// because the rules made it pay (model 2): what the rules create, apart from what the population brought.
    #[serde(default)]
    pub incidents_by_converts: u64,
}

/// The components of a severity, each 0–100 on the same logarithmic scale (1 in 10,000 of the scale's top reads
/// 7.5, 1 in 1,000 reads 26, 1 % reads 50, 10 % reads 75, the top 100); severity is their mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SeverityParts {
    /// Reach: the weekly chance that a person in good faith is harmed, or the share of honest views that showed
    /// it (prevalence), whichever is larger; top: everyone.
    pub reach: u8,
    /// Rate: incidents per user per day; top: one per user per day.
    pub rate: u8,
    /// Money: yuan involved per user per day; top: ¥100. `None` for patterns that move no money (harassment,
    /// exclusion).
    pub money: Option<u8>,
}

/// Hourly figures for honest users (honest members and lurkers; the demand side is reported apart).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct HealthSeries {
    /// Genuine posts published per hour.
    pub genuine_posts: Vec<u32>,
    /// Comments, praises, tips and messages by honest users per hour.
    pub interactions: Vec<u32>,
    /// Posts viewed by honest users per hour.
    pub views: Vec<u64>,
}

/// How honest users fared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Health {
    /// Honest users at the start.
    pub honest_users: u32,
    /// Genuine posts by honest users.
    pub genuine_posts: u64,
    /// Comments, praises, tips and messages by honest users.
    pub interactions: u64,
    /// Posts viewed by honest users.
    pub views: u64,
    /// Honest engagement: genuine posts plus interactions (the figure fixes must keep).
    pub engagement: u64,
    /// Honest users who left the feature after abuse.
    pub honest_left: u32,
    /// Honest newcomers who took the place of honest users who left (`assumptions.newcomer_percent`).
    #[serde(default)]
    pub honest_newcomers: u32,
    /// Honest users sanctioned by mistake.
    pub honest_wrongly_sanctioned: u32,
    /// Honest users refused at least once when they wanted to act.
    pub honest_denied: u32,
    /// The demand side at the start: the customers who tip enticing posts (generous tippers). They act in
    /// good faith but are not honest engagement; what they spend is the market's turnover.
    #[serde(default)]
    pub demand_users: u32,
    /// What the demand side paid, in tips and prepayments, in fen.
    #[serde(default)]
    pub demand_spent_fen: u64,
    /// Times an ordinary user turned to soliciting because it paid (one user may start, stop and start again).
    #[serde(default)]
    pub turned_to_soliciting: u32,
    /// The hourly series.
    pub hourly: HealthSeries,
}

/// Money moved between two archetypes through tips (and transfers arranged in messages).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchetypeFlow {
    /// Archetype of the payers.
    pub from: Archetype,
    /// Archetype of the receivers.
    pub to: Archetype,
    /// Number of payments.
    pub payments: u64,
    /// Amount paid, in fen, before fees.
    pub fen: u64,
    /// Platform fee taken out of it, in fen.
    pub fee_fen: u64,
}

/// Where the money went. Invariant: `tipped_fen == received_fen + fee_fen`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct MoneyFlow {
    /// Everything tipped, in fen.
    pub tipped_fen: u64,
    /// Everything authors received, in fen.
    pub received_fen: u64,
    /// Platform fee revenue, in fen.
    pub fee_fen: u64,
    /// Prepayments sent in direct messages (outside tips, no fee), in fen.
    pub transfers_fen: u64,
    /// Money score farmers burned buying credit points, in fen.
    pub score_purchase_fen: u64,
    /// Money spent on forged documents and replacement accounts, in fen.
    pub evasion_spend_fen: u64,
    /// Tips per hour, in fen.
    pub hourly_tipped_fen: Vec<u64>,
    /// Flows between archetypes, non-empty pairs only, sorted by payer then receiver.
    pub flows: Vec<ArchetypeFlow>,
}

/// Credit score bands as Sesame credit names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreBand {
    /// 350–549.
    Poor,
    /// 550–599.
    Fair,
    /// 600–649.
    Good,
    /// 650–699.
    VeryGood,
    /// 700–950.
    Excellent,
}

named!(ScoreBand {
    Poor => "poor",
    Fair => "fair",
    Good => "good",
    VeryGood => "very_good",
    Excellent => "excellent",
});

impl ScoreBand {
    /// The band a score falls in.
    pub fn of(score: u16) -> ScoreBand {
        match score {
            0..=549 => ScoreBand::Poor,
            550..=599 => ScoreBand::Fair,
            600..=649 => ScoreBand::Good,
            650..=699 => ScoreBand::VeryGood,
            _ => ScoreBand::Excellent,
        }
    }

    /// The range in words, e.g. "700–950".
    pub fn range(self) -> &'static str {
        match self {
            ScoreBand::Poor => "350–549",
            ScoreBand::Fair => "550–599",
            ScoreBand::Good => "600–649",
            ScoreBand::VeryGood => "650–699",
            ScoreBand::Excellent => "700–950",
        }
    }
}

/// Honest users refused an action, for one gender, score band and action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeniedRow {
    /// True gender of the refused users.
    pub gender: Gender,
    /// Score band of the refused users at the time.
    pub band: ScoreBand,
    /// What they wanted to do.
    pub action: Action,
    /// Distinct honest users refused (counted once per circle).
    pub users: u32,
    /// Refusals in all.
    pub attempts: u64,
}

/// Who one rule shuts out before anyone acts: of the honest users who want a circle, how many its rule for an
/// action refuses on every author, read from the population at hour 0 (the static side of exclusion).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShutOutRow {
    /// The circle's name.
    pub circle: String,
    /// What the rule governs.
    pub action: Action,
    /// Honest users (members and lurkers) who want the circle.
    pub wanting: u32,
    /// Of them, those the rule refuses whoever they would act on.
    pub refused: u32,
}

/// What moderation did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ModerationReport {
    /// Items queued by user reports.
    pub reports_filed: u64,
    /// Items flagged by classifiers.
    pub classifier_flags: u64,
    /// Items reviewed.
    pub reviewed: u64,
    /// Confirmed violations sanctioned.
    pub sanctions: u64,
    /// Of which suspensions.
    pub suspensions: u64,
    /// Of which bans.
    pub bans: u64,
    /// Sanctions that hit honest users by mistake.
    pub wrong_sanctions: u64,
    /// Mean hours from flag to review, over reviewed items.
    pub mean_hours_to_review: u32,
    /// Items dropped unreviewed because they waited past `assumptions.review_expiry_hours`.
    pub expired: u64,
    /// Items waiting for review at the end of each hour.
    pub backlog_hourly: Vec<u32>,
}

/// How one archetype did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchetypeSummary {
    /// Which archetype.
    pub archetype: Archetype,
    /// Users of this archetype at the start.
    pub users: u32,
    /// Actions taken (posts, comments, praises, tips, messages, purchases).
    pub actions: u64,
    /// Tips received, in fen after fees.
    pub received_fen: u64,
    /// Users sanctioned at least once.
    pub sanctioned: u32,
    /// Users banned at the end (a banned abuser whose place a newcomer took is not counted: see
    /// `assumptions.abuser_newcomer_percent`; `moderation.bans` counts every ban).
    pub banned: u32,
    /// Users who left.
    pub left: u32,
}

/// How one circle did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircleSummary {
    /// The circle's name.
    pub name: String,
    /// Members at the end.
    pub members: u32,
    /// Posts published (all kinds, hidden ones excluded).
    pub posts: u64,
    /// Of which abusive (solicitation, scam, fake persona, ring promotion).
    pub abusive_posts: u64,
    /// Views of posts.
    pub views: u64,
    /// Tips, in fen.
    pub tipped_fen: u64,
}

/// Everything a run found; the same shape mid-run and at the end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Version of the engine that made this report.
    pub engine_version: String,
    /// Version of the model behind the numbers ([`MODEL_VERSION`]; a report saved before reports carried it is model 1's).
    #[serde(default = "model_1")]
    pub model_version: u32,
    /// The scenario's name.
    pub scenario_name: String,
    /// The seed used.
    pub seed: u64,
    /// Users simulated.
    pub n_users: u32,
    /// Hours simulated so far.
    pub hours_done: u32,
    /// Hours in the whole run.
    pub total_hours: u32,
    /// One entry per pattern, in [`PatternId::ALL`] order.
    pub patterns: Vec<PatternReport>,
    /// How honest users fared.
    pub health: Health,
    /// Where the money went.
    pub money: MoneyFlow,
    /// Honest users refused, by gender, score band and action (non-empty rows only).
    pub denied: Vec<DeniedRow>,
    /// Who each rule shuts out before anyone acts (rows that refuse nobody are left out).
    #[serde(default)]
    pub shut_out: Vec<ShutOutRow>,
    /// What moderation did.
    pub moderation: ModerationReport,
    /// Per-archetype summary, in [`Archetype::ALL`] order.
    pub archetypes: Vec<ArchetypeSummary>,
    /// Per-circle summary, in scenario order.
    pub circles: Vec<CircleSummary>,
}

impl Report {
    /// The report of one pattern.
    pub fn pattern(&self, id: PatternId) -> Option<&PatternReport> {
        self.patterns.iter().find(|p| p.id == id)
    }

    /// The pattern with the highest severity (ties go to the earlier pattern in [`PatternId::ALL`]).
    pub fn top_pattern(&self) -> Option<&PatternReport> {
        let mut best: Option<&PatternReport> = None;
        for p in &self.patterns {
            if best.is_none_or(|b| p.severity > b.severity) {
                best = Some(p);
            }
        }
        best
    }
}

/// The model of a report that does not say: the one before reports carried it.
fn model_1() -> u32 {
    1
}

/// A short fingerprint of a report (FNV-1a 64 over its canonical JSON, 16 hex digits), to compare wasm and native runs.
///
/// The model version is left out: it labels the numbers rather than being one of them (a new model changes
/// the numbers anyway), and leaving it out keeps every digest pinned before reports carried it; so is each
/// rule's data (see [`OpenedBy::at`]).
pub fn report_digest(r: &Report) -> String {
    // The rules' data (`OpenedBy::at`) and the exemplars' facts are left out like the model version: they say
    // again what the English fields say, and the digests were pinned before reports carried them.
    let mut bare = r.clone();
    for p in &mut bare.patterns {
        p.exemplar_facts.clear();
        for o in &mut p.opened_by {
            o.at = None;
        }
    }
    let json = serde_json::to_string(&bare).unwrap_or_default();
    // The pair is written right after `engine_version`, and a quote inside a JSON text is escaped, so this
    // pattern can only match the field itself.
    let json = json.replacen(&format!(",\"model_version\":{}", r.model_version), "", 1);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}
