//! The scenario: plain data describing a population, a platform and its circles; the engine's only input.
//!
//! Every struct here is also the JSON wire format (`version: 2`): unknown fields are refused and missing
//! fields take their defaults, so a hand-written file can name only what it changes.

use serde::{Deserialize, Serialize};

use crate::assumptions::Assumptions;
use crate::named::named;

/// The wire-format version this build writes; it is also the model the scenario was made under (version 2 is
/// model 2, which added the `assumptions` block). Version 1 still reads: see [`crate::wire::read_scenario`].
pub const SCENARIO_VERSION: u32 = 2;

/// Lowest credit score the platform gives (Sesame credit's floor).
pub const CREDIT_MIN: u16 = 350;
/// Highest credit score the platform gives (Sesame credit's ceiling).
pub const CREDIT_MAX: u16 = 950;
/// Fewest simulated users a scenario may have.
pub const USERS_MIN: u32 = 100;
/// Most simulated users a scenario may have.
pub const USERS_MAX: u32 = 1_000_000;
/// Longest run, in days.
pub const DAYS_MAX: u32 = 90;
/// Most circles a scenario may have.
pub const CIRCLES_MAX: usize = 20;

/// Everything the engine needs to run once: who the users are, what the platform does, and each circle's rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// Wire-format version and the model the scenario was made under; this build writes `2` and reads `1` and `2`.
    pub version: u32,
    /// A short name shown above the report.
    pub name: String,
    /// Assumptions and sources, one sentence each, kept next to the values they explain.
    pub notes: Vec<String>,
    /// Seed of the one random generator; the same scenario and seed always give the same report.
    pub seed: u64,
    /// Length of the run in days (1–90); one tick is one simulated hour.
    pub days: u32,
    /// Who the simulated users are.
    pub population: Population,
    /// Platform-wide mechanics: credit, verification, bans.
    pub platform: Platform,
    /// The circles (1–20), each with its own rules, tips, feed, contact and moderation.
    pub circles: Vec<Circle>,
    /// The model's behavioural assumptions (how people react, learn and leave); written only where they
    /// differ from the model's defaults, so most scenarios carry none.
    #[serde(skip_serializing_if = "Assumptions::is_default")]
    pub assumptions: Assumptions,
    /// Dated changes of the rules (at most [`INTERVENTIONS_MAX`], in order of hour): the platform's response
    /// while the run goes. Written only when there are some, so a scenario without a timeline reads as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interventions: Vec<Intervention>,
}

/// Most interventions a scenario may carry.
pub const INTERVENTIONS_MAX: usize = 8;

/// A change of the rules at an hour of the run: from that hour on, the platform's rules, the circles' rules,
/// or both are the ones given here (the rest stays as it was). Each one starts from the rules the one before
/// left in force.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Intervention {
    /// The hour of the run from which the new rules hold: they apply as that hour opens (0 is from the start).
    pub hour: u32,
    /// What the platform did, in a few words (shown on the charts at that hour).
    pub label: String,
    /// Why at this hour: the timing assumption and its source.
    pub note: String,
    /// The platform's rules from this hour on; absent keeps them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// Every circle's rules from this hour on, in the same order; the list may be longer (new circles open) but
    /// not shorter (a circle is closed by rules that let nobody in). Absent keeps them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub circles: Option<Vec<Circle>>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            version: SCENARIO_VERSION,
            name: String::from("untitled"),
            notes: Vec::new(),
            seed: 1,
            days: 7,
            population: Population::default(),
            platform: Platform::default(),
            circles: vec![Circle::default()],
            assumptions: Assumptions::default(),
            interventions: Vec::new(),
        }
    }
}

/// A user's gender as the platform records it (true or claimed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Female.
    #[default]
    Female,
    /// Male.
    Male,
}

named!(Gender { Female => "female", Male => "male" });

/// What a user does in life; circles are often joined by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Identity {
    /// A college student.
    #[default]
    Student,
    /// An office worker.
    WhiteCollar,
    /// Someone living abroad.
    Overseas,
    /// Anyone else.
    Other,
}

named!(Identity {
    Student => "student",
    WhiteCollar => "white_collar",
    Overseas => "overseas",
    Other => "other",
});

/// How strongly an attribute (or an account) is verified; ordered from weakest to strongest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VerificationLevel {
    /// The user says so; nothing is checked, so anyone can claim anything.
    #[default]
    SelfDeclared,
    /// A document was checked; a forged one costs money and is sometimes caught.
    DocumentChecked,
    /// Bound to a real-name identity; cannot be faked.
    RealNameBound,
}

named!(VerificationLevel {
    SelfDeclared => "self_declared",
    DocumentChecked => "document_checked",
    RealNameBound => "real_name_bound",
});

/// The simulated user types; each is an explicit strategy that reads the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Archetype {
    /// Posts, praises, comments and tips in good faith.
    #[default]
    Honest,
    /// Reads and rarely interacts.
    Lurker,
    /// Posts racy content asking for tips and off-platform contact.
    Solicitor,
    /// Tips often and generously, drawn most to racy posts.
    GenerousTipper,
    /// Claims the gender or identity a gate wants, when verification lets it and the gain beats the cost.
    IdentityFaker,
    /// Takes tips or prepayment for meetings that never happen.
    Scammer,
    /// Buys credit points by churning payments to cross a threshold, when the price is worth it.
    ScoreFarmer,
    /// Posts abusive comments and messages wherever it may.
    Harasser,
    /// Accounts of one operator that tip or praise each other to climb a ranked feed.
    SybilRing,
    /// Moves money between controlled accounts through tips.
    Launderer,
    /// Abuses, and returns with a new account after a ban when the platform allows it.
    BanEvader,
}

named!(Archetype {
    Honest => "honest",
    Lurker => "lurker",
    Solicitor => "solicitor",
    GenerousTipper => "generous_tipper",
    IdentityFaker => "identity_faker",
    Scammer => "scammer",
    ScoreFarmer => "score_farmer",
    Harasser => "harasser",
    SybilRing => "sybil_ring",
    Launderer => "launderer",
    BanEvader => "ban_evader",
});

impl Archetype {
    /// Whether this archetype is an ordinary, honest user: the people whose engagement, exclusion and
    /// departures the health figures measure.
    pub fn is_honest(self) -> bool {
        matches!(self, Archetype::Honest | Archetype::Lurker)
    }

    /// Whether this archetype is the demand side of the market (the customers who tip enticing posts):
    /// in good faith, but not counted as honest engagement; their spending is reported on its own.
    pub fn is_demand(self) -> bool {
        self == Archetype::GenerousTipper
    }

    /// Whether this archetype makes a living from enticing posts (solicitors, identity fakers, ban evaders):
    /// professionals who weigh what a platform pays against the venues they already work.
    pub fn sells_enticement(self) -> bool {
        matches!(
            self,
            Archetype::Solicitor | Archetype::IdentityFaker | Archetype::BanEvader
        )
    }

    /// Whether this archetype acts in good faith (honest users and the demand side): abuse that reaches
    /// them harms them, and a sanction that lands on them is a mistake.
    pub fn in_good_faith(self) -> bool {
        self.is_honest() || self.is_demand()
    }
}

/// Who the simulated users are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Population {
    /// Number of simulated users (100 to 1,000,000).
    pub n_users: u32,
    /// Percent of honest users and lurkers who are women (0–100); other archetypes have their own typical split.
    pub female_percent: u8,
    /// How users' identities are mixed (relative weights).
    pub identity_mix: IdentityMix,
    /// How credit scores are spread.
    pub credit: CreditSpread,
    /// Median money a user is willing to spend on the platform per day, in fen (1 yuan = 100 fen); spread is log-normal.
    pub spending_median_fen_per_day: u32,
    /// Median account age at the start of the run, in days; ages are spread exponentially around it.
    pub account_age_median_days: u32,
    /// Percent of honest accounts that completed document checks (verification level `document_checked`).
    pub document_checked_percent: u8,
    /// Percent of honest accounts bound to a real name (verification level `real_name_bound`).
    pub real_name_percent: u8,
    /// Share of each archetype, in parts per thousand (normalised if they do not sum to 1,000).
    pub archetypes: ArchetypeMix,
}

impl Default for Population {
    fn default() -> Self {
        Population {
            n_users: 10_000,
            female_percent: 50,
            identity_mix: IdentityMix::default(),
            credit: CreditSpread::default(),
            spending_median_fen_per_day: 1_000,
            account_age_median_days: 700,
            document_checked_percent: 30,
            real_name_percent: 40,
            archetypes: ArchetypeMix::default(),
        }
    }
}

/// Relative weights of the identities in the population.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IdentityMix {
    /// Weight of college students.
    pub student: u32,
    /// Weight of office workers.
    pub white_collar: u32,
    /// Weight of people living abroad.
    pub overseas: u32,
    /// Weight of everyone else.
    pub other: u32,
}

impl Default for IdentityMix {
    fn default() -> Self {
        IdentityMix {
            student: 20,
            white_collar: 40,
            overseas: 5,
            other: 35,
        }
    }
}

/// How credit scores are spread: a bell curve clamped to 350–950.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CreditSpread {
    /// Mean score (350–950).
    pub mean: u16,
    /// Standard deviation of scores, in points.
    pub std_dev: u16,
}

impl Default for CreditSpread {
    fn default() -> Self {
        CreditSpread { mean: 640, std_dev: 60 }
    }
}

/// Share of each archetype, in parts per thousand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArchetypeMix {
    /// Honest members (‰).
    pub honest: u32,
    /// Lurkers (‰).
    pub lurker: u32,
    /// Solicitors (‰).
    pub solicitor: u32,
    /// Generous tippers (‰).
    pub generous_tipper: u32,
    /// Identity fakers (‰).
    pub identity_faker: u32,
    /// Scammers (‰).
    pub scammer: u32,
    /// Score farmers (‰).
    pub score_farmer: u32,
    /// Harassers (‰).
    pub harasser: u32,
    /// Sybil tip-ring accounts (‰).
    pub sybil_ring: u32,
    /// Launderer accounts (‰).
    pub launderer: u32,
    /// Ban evaders (‰).
    pub ban_evader: u32,
}

impl Default for ArchetypeMix {
    fn default() -> Self {
        ArchetypeMix {
            honest: 450,
            lurker: 400,
            solicitor: 20,
            generous_tipper: 50,
            identity_faker: 10,
            scammer: 10,
            score_farmer: 20,
            harasser: 20,
            sybil_ring: 5,
            launderer: 5,
            ban_evader: 10,
        }
    }
}

impl ArchetypeMix {
    /// A population of honest members and lurkers only.
    pub fn honest_only() -> Self {
        ArchetypeMix {
            honest: 530,
            lurker: 420,
            solicitor: 0,
            generous_tipper: 50,
            identity_faker: 0,
            scammer: 0,
            score_farmer: 0,
            harasser: 0,
            sybil_ring: 0,
            launderer: 0,
            ban_evader: 0,
        }
    }

    /// The weight of one archetype.
    pub fn get(&self, a: Archetype) -> u32 {
        match a {
            Archetype::Honest => self.honest,
            Archetype::Lurker => self.lurker,
            Archetype::Solicitor => self.solicitor,
            Archetype::GenerousTipper => self.generous_tipper,
            Archetype::IdentityFaker => self.identity_faker,
            Archetype::Scammer => self.scammer,
            Archetype::ScoreFarmer => self.score_farmer,
            Archetype::Harasser => self.harasser,
            Archetype::SybilRing => self.sybil_ring,
            Archetype::Launderer => self.launderer,
            Archetype::BanEvader => self.ban_evader,
        }
    }

    /// Sets the weight of one archetype.
    pub fn set(&mut self, a: Archetype, weight: u32) {
        let slot = match a {
            Archetype::Honest => &mut self.honest,
            Archetype::Lurker => &mut self.lurker,
            Archetype::Solicitor => &mut self.solicitor,
            Archetype::GenerousTipper => &mut self.generous_tipper,
            Archetype::IdentityFaker => &mut self.identity_faker,
            Archetype::Scammer => &mut self.scammer,
            Archetype::ScoreFarmer => &mut self.score_farmer,
            Archetype::Harasser => &mut self.harasser,
            Archetype::SybilRing => &mut self.sybil_ring,
            Archetype::Launderer => &mut self.launderer,
            Archetype::BanEvader => &mut self.ban_evader,
        };
        *slot = weight;
    }
}

/// Platform-wide mechanics shared by all circles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Platform {
    /// How payments raise a credit score, and what buying points costs.
    pub credit: CreditRules,
    /// How strongly each attribute is verified.
    pub verification: Verification,
    /// Whether and how a banned person can come back.
    pub bans: BanRules,
}

/// How payment activity raises a credit score; this is the price list a score farmer reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CreditRules {
    /// Payments (tips included) needed to earn one credit point, in fen.
    pub fen_paid_per_point: u32,
    /// Cost of churning money through payments (fees, lost time), in parts per thousand of the amount churned.
    pub churn_cost_permille: u32,
    /// Most points anyone can gain in one day, however much they pay.
    pub max_points_per_day: u32,
}

impl Default for CreditRules {
    fn default() -> Self {
        CreditRules {
            fen_paid_per_point: 20_000,
            churn_cost_permille: 20,
            max_points_per_day: 10,
        }
    }
}

/// How strongly each attribute is verified, plus what a forged document costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Verification {
    /// How gender is verified.
    pub gender: VerificationLevel,
    /// How identity (student, white-collar, overseas) is verified.
    pub identity: VerificationLevel,
    /// Price of a forged document good enough for a `document_checked` attribute, in fen.
    pub forged_document_fen: u32,
    /// Percent of forged documents the check catches (the claim is refused and the account sanctioned).
    pub forgery_caught_percent: u8,
}

impl Default for Verification {
    fn default() -> Self {
        Verification {
            gender: VerificationLevel::SelfDeclared,
            identity: VerificationLevel::SelfDeclared,
            forged_document_fen: 30_000,
            forgery_caught_percent: 30,
        }
    }
}

/// Whether a banned person can come back with a new account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BanReturn {
    /// A new account is free and quick.
    #[default]
    Free,
    /// A new account costs `return_cost_fen` (e.g. buying a verified account).
    AtCost,
    /// Bans are bound to the real-name identity: no way back.
    RealNameBound,
}

named!(BanReturn { Free => "free", AtCost => "at_cost", RealNameBound => "real_name_bound" });

/// What a ban means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BanRules {
    /// Whether a banned person can return.
    pub return_after_ban: BanReturn,
    /// Cost of coming back when `return_after_ban` is `at_cost`, in fen.
    pub return_cost_fen: u32,
}

impl Default for BanRules {
    fn default() -> Self {
        BanRules {
            return_after_ban: BanReturn::Free,
            return_cost_fen: 20_000,
        }
    }
}

/// Something a user does in a circle; `join` is checked against the circle's join rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Join the circle.
    #[default]
    Join,
    /// Publish a post.
    Post,
    /// Comment on a post.
    Comment,
    /// Praise (like) a post.
    Praise,
    /// Tip a post's author.
    Tip,
    /// Send the author a direct message.
    Message,
}

named!(Action {
    Join => "join",
    Post => "post",
    Comment => "comment",
    Praise => "praise",
    Tip => "tip",
    Message => "message",
});

/// A circle: a community with its own rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Circle {
    /// The circle's name, shown in reports and exemplars.
    pub name: String,
    /// Who may join (conditions on the joining user only).
    pub join: Rule,
    /// Who may post, comment, praise, tip and message.
    pub rules: ActionRules,
    /// How tipping works here.
    pub tips: Tips,
    /// How the feed is ordered.
    pub ranking: Ranking,
    /// Whether contact details and direct messages get through.
    pub contact: Contact,
    /// How abuse is found and sanctioned.
    pub moderation: Moderation,
}

impl Default for Circle {
    fn default() -> Self {
        Circle {
            name: String::from("Circle"),
            join: Rule::everyone(),
            rules: ActionRules::default(),
            tips: Tips::default(),
            ranking: Ranking::Newest,
            contact: Contact::default(),
            moderation: Moderation::default(),
        }
    }
}

impl Circle {
    /// The rule for `action`: `join` lives on the circle, the others in its action rules.
    pub fn rule(&self, action: Action) -> &Rule {
        self.rules.get(action).unwrap_or(&self.join)
    }
}

/// One rule per action (each lets everyone act by default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ActionRules {
    /// Who may publish posts.
    pub post: Rule,
    /// Who may comment on whose posts.
    pub comment: Rule,
    /// Who may praise whose posts.
    pub praise: Rule,
    /// Who may tip whose posts.
    pub tip: Rule,
    /// Who may message whose authors.
    pub message: Rule,
}

impl ActionRules {
    /// The rule for one action (`join` has none here; it lives on the circle).
    pub fn get(&self, action: Action) -> Option<&Rule> {
        match action {
            Action::Join => None,
            Action::Post => Some(&self.post),
            Action::Comment => Some(&self.comment),
            Action::Praise => Some(&self.praise),
            Action::Tip => Some(&self.tip),
            Action::Message => Some(&self.message),
        }
    }
}

/// Who may do something: allowed when any one clause holds (an empty list allows nobody).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rule {
    /// The clauses; a clause with no conditions allows everyone.
    pub allow: Vec<Clause>,
}

impl Default for Rule {
    fn default() -> Self {
        Rule::everyone()
    }
}

impl Rule {
    /// A rule that lets everyone act.
    pub fn everyone() -> Self {
        Rule {
            allow: vec![Clause::default()],
        }
    }

    /// A rule that lets nobody act.
    pub fn nobody() -> Self {
        Rule { allow: Vec::new() }
    }

    /// A rule with one clause made of these conditions.
    pub fn when(conditions: Vec<Condition>) -> Self {
        Rule {
            allow: vec![Clause { conditions }],
        }
    }

    /// Adds another clause (an "or") and returns the rule.
    pub fn or(mut self, conditions: Vec<Condition>) -> Self {
        self.allow.push(Clause { conditions });
        self
    }
}

/// Conditions that must all hold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Clause {
    /// The conditions, all required.
    pub conditions: Vec<Condition>,
}

/// One condition on the acting user or on the author of the post acted on.
///
/// In JSON each condition is one key and its value, e.g. `{"actor_gender": "male"}` or `{"actor_credit_at_least": 750}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The actor's recorded (possibly claimed) gender is this.
    ActorGender(Gender),
    /// The actor's recorded (possibly claimed) identity is this.
    ActorIdentity(Identity),
    /// The actor's account is verified at least this strongly.
    ActorVerifiedAtLeast(VerificationLevel),
    /// The actor's credit score is at least this (350–950).
    ActorCreditAtLeast(u16),
    /// The actor's account is at least this many days old.
    ActorAccountAgeAtLeastDays(u32),
    /// The author acted on has this recorded gender.
    AuthorGender(Gender),
    /// The author acted on has this recorded identity.
    AuthorIdentity(Identity),
    /// The author acted on has at least this credit score.
    AuthorCreditAtLeast(u16),
}

impl Condition {
    /// One condition of every kind, with a typical value, in the order editors list them.
    pub const KINDS: [Condition; 8] = [
        Condition::ActorGender(Gender::Female),
        Condition::ActorIdentity(Identity::Student),
        Condition::ActorVerifiedAtLeast(VerificationLevel::DocumentChecked),
        Condition::ActorCreditAtLeast(700),
        Condition::ActorAccountAgeAtLeastDays(30),
        Condition::AuthorGender(Gender::Female),
        Condition::AuthorIdentity(Identity::Student),
        Condition::AuthorCreditAtLeast(700),
    ];

    /// The kind's id, the same as the condition's JSON key, e.g. `actor_credit_at_least`.
    pub fn kind(&self) -> &'static str {
        match self {
            Condition::ActorGender(_) => "actor_gender",
            Condition::ActorIdentity(_) => "actor_identity",
            Condition::ActorVerifiedAtLeast(_) => "actor_verified_at_least",
            Condition::ActorCreditAtLeast(_) => "actor_credit_at_least",
            Condition::ActorAccountAgeAtLeastDays(_) => "actor_account_age_at_least_days",
            Condition::AuthorGender(_) => "author_gender",
            Condition::AuthorIdentity(_) => "author_identity",
            Condition::AuthorCreditAtLeast(_) => "author_credit_at_least",
        }
    }

    /// The typical condition of a kind (from [`Condition::KINDS`]), or `None` when no kind has this id.
    pub fn of_kind(kind: &str) -> Option<Condition> {
        Condition::KINDS.into_iter().find(|c| c.kind() == kind)
    }

    /// Whether the condition is about the author acted on rather than the actor.
    pub fn is_about_author(&self) -> bool {
        matches!(
            self,
            Condition::AuthorGender(_) | Condition::AuthorIdentity(_) | Condition::AuthorCreditAtLeast(_)
        )
    }
}

/// How tipping works in a circle. All money is in fen (1 yuan = 100 fen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tips {
    /// Whether tipping exists at all.
    pub enabled: bool,
    /// Whether praising a post leads straight to the tip page (a funnel that multiplies tips).
    pub praise_leads_to_tip: bool,
    /// Smallest tip, in fen.
    pub min_fen: u32,
    /// Largest tip, in fen.
    pub max_fen: u32,
    /// Most one user may tip in this circle per day, in fen (0 = no cap).
    pub daily_cap_per_tipper_fen: u32,
    /// Platform fee taken from each tip, in parts per thousand.
    pub fee_permille: u32,
}

impl Default for Tips {
    fn default() -> Self {
        Tips {
            enabled: true,
            praise_leads_to_tip: false,
            min_fen: 100,
            max_fen: 2_000,
            daily_cap_per_tipper_fen: 10_000,
            fee_permille: 10,
        }
    }
}

/// How a circle's feed is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Ranking {
    /// Newest first.
    #[default]
    Newest,
    /// Most praised first (recent posts only).
    MostPraised,
    /// Most tipped first (recent posts only).
    MostTipped,
}

named!(Ranking { Newest => "newest", MostPraised => "most_praised", MostTipped => "most_tipped" });

/// Whether off-platform contact details in posts get through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ContactPolicy {
    /// Phone numbers and chat handles in posts are left alone.
    #[default]
    Allowed,
    /// A filter strips contact details it recognises.
    Filtered,
}

named!(ContactPolicy { Allowed => "allowed", Filtered => "filtered" });

/// Contact settings of a circle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    /// Whether off-platform contact details in posts are allowed or filtered.
    pub off_platform: ContactPolicy,
    /// Percent of contact details the filter catches when `off_platform` is `filtered`.
    pub filter_recall_percent: u8,
    /// Whether members can send direct messages (subject to the `message` rule).
    pub direct_messages: bool,
}

impl Default for Contact {
    fn default() -> Self {
        Contact {
            off_platform: ContactPolicy::Allowed,
            filter_recall_percent: 80,
            direct_messages: true,
        }
    }
}

/// What happens to the author when a violation is confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SanctionKind {
    /// The content is removed and a strike recorded.
    #[default]
    Remove,
    /// The content is removed and the account suspended for `suspend_days`.
    Suspend,
    /// The content is removed and the account banned.
    Ban,
}

named!(SanctionKind { Remove => "remove", Suspend => "suspend", Ban => "ban" });

/// How abuse is found and sanctioned in a circle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Moderation {
    /// Whether members can report posts, comments and messages.
    pub user_reports: bool,
    /// The automatic classifier run on every post and comment.
    pub classifier: Classifier,
    /// Reviews the team can do per day, per 10,000 users (so results keep their meaning when the population is resized).
    pub reviews_per_day_per_10k_users: u32,
    /// Hours an item waits before a reviewer can look at it.
    pub review_delay_hours: u32,
    /// Percent of mistaken flags on honest content that reviewers wrongly uphold.
    pub reviewer_error_percent: u8,
    /// The sanction for a confirmed violation.
    pub sanction: SanctionKind,
    /// Days of suspension when `sanction` is `suspend`.
    pub suspend_days: u32,
    /// Strikes after which any sanction becomes a ban (0 = never escalate).
    pub ban_after_strikes: u32,
}

impl Default for Moderation {
    fn default() -> Self {
        Moderation {
            user_reports: true,
            classifier: Classifier::default(),
            reviews_per_day_per_10k_users: 20,
            review_delay_hours: 24,
            reviewer_error_percent: 5,
            sanction: SanctionKind::Remove,
            suspend_days: 3,
            ban_after_strikes: 3,
        }
    }
}

/// An automatic classifier: flagged content is hidden at once and queued for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Classifier {
    /// Whether the classifier runs.
    pub enabled: bool,
    /// Percent of abusive posts and comments it flags.
    pub recall_percent: u8,
    /// Honest posts and comments it flags by mistake, per thousand.
    pub false_positive_permille: u16,
}

impl Default for Classifier {
    fn default() -> Self {
        Classifier {
            enabled: false,
            recall_percent: 60,
            false_positive_permille: 10,
        }
    }
}
