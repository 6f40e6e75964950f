//! The Search view's state, kept above the view switch: the settings on its form, where each search stands and
//! its result, and the robust-fix judging of a frontier. The app holds one [`SearchSession`]; the panel reads it
//! and re-renders when it changes, so a search keeps running, and its result stays, while another view is open.
//!
//! The settings also travel in the link (`&search=redteam,runs:160,share:3,seeds:2,trajectories:4`): see
//! [`SearchSettings::link`] and [`SearchSettings::from_link`].

use crate::locale::{tr, trf, Lang};
use crate::pool::{Pool, SET_ASIDE};
use crate::searching::{self, SearchProgress, Ticket};
use backfire_engine::search::frontier::{Frontier, FrontierOptions, FrontierResult};
use backfire_engine::search::redteam::{Adversary, RedTeam, RedTeamOptions, RedTeamResult, DEFAULT_ABUSIVE_PERMILLE};
use backfire_engine::search::robustness::{Robustness, RobustnessOptions, RobustnessResult};
use backfire_engine::search::under_attack::{UnderAttack, UnderAttackResult};
use backfire_engine::search::{Evaluation, Search};
use backfire_engine::{PatternId, Scenario};
use std::cell::{Cell, Ref, RefCell};
use std::rc::{Rc, Weak};

pub use backfire_engine::search::setup::SearchKind as Kind;
use backfire_engine::search::setup::{
    percent_as_permille, permille_as_percent, whole, SearchSetup, SetupKey, SetupProblem, LINK_RUNS, LINK_TRAJECTORIES,
    RUNS_MAX, RUNS_MIN, SEEDS_MAX, SHARE_PERCENT_MAX, SHARE_PERCENT_MIN, TRAJECTORIES_MAX,
};

/// Where a search keeps its outcome and link: its place in [`Kind::ALL`].
fn slot_of(kind: Kind) -> usize {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or_default()
}

/// Where one search stands.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    /// Under way: runs done of its budget.
    Running(SearchProgress),
    /// Cancelled after some runs.
    Cancelled(SearchProgress),
    /// Refused or failed, with the reason.
    Failed(String),
    /// The red team's atlas.
    RedTeam(Rc<RedTeamResult>),
    /// The fix frontier.
    Frontier(Rc<FrontierResult>),
    /// The robustness screen.
    Robustness(Rc<RobustnessResult>),
    /// The frontier's points judged against the red team's worst case.
    UnderAttack(Rc<UnderAttackResult>),
}

impl Outcome {
    fn running(&self) -> bool {
        matches!(self, Outcome::Running(_))
    }
}

/// The settings on the Search form, as typed (a field may hold text that is not a value yet).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SearchSettings {
    /// The search on screen.
    pub kind: Kind,
    /// Red team: at most this % of accounts abusive.
    pub share: String,
    /// Red team and frontier: runs the search may make.
    pub runs: String,
    /// Frontier: the pattern whose harm is lowered (empty: overall prevalence).
    pub harm: String,
    /// Robustness: Morris trajectories.
    pub trajectories: String,
    /// Seeds each candidate runs on (empty: the search's own default, as the CLI's without `--seeds`).
    pub seeds: String,
}

/// The abusive share the red team assumes unless told: the scenario's own, as the engine takes it.
pub fn own_permille(s: &Scenario) -> u32 {
    match Adversary::of(s).total_permille() {
        0 => DEFAULT_ABUSIVE_PERMILLE,
        own => own,
    }
}

impl SearchSettings {
    /// The form's defaults for `scenario`: the red team, the scenario's own abusive share.
    pub fn defaults(scenario: &Scenario) -> SearchSettings {
        SearchSettings {
            kind: Kind::RedTeam,
            share: permille_as_percent(own_permille(scenario)),
            runs: LINK_RUNS.to_string(),
            harm: String::new(),
            trajectories: LINK_TRAJECTORIES.to_string(),
            seeds: String::new(),
        }
    }

    /// The text in the form field of `key`.
    fn field(&self, key: SetupKey) -> &str {
        match key {
            SetupKey::Runs => &self.runs,
            SetupKey::Share => &self.share,
            SetupKey::Seeds => &self.seeds,
            SetupKey::Trajectories => &self.trajectories,
            SetupKey::Harm => &self.harm,
        }
    }

    /// The settings as the link's `search=` value ([`SearchSetup::write`]): the kind, then every setting whose
    /// field holds a value (one holding text that is not a value is left out, so the link opens with its default).
    pub fn link(&self) -> String {
        let mut setup = SearchSetup {
            kind: Some(self.kind),
            ..SearchSetup::default()
        };
        for key in SetupKey::ALL {
            setup.set(key, self.field(key));
        }
        setup.write()
    }

    /// The settings a link's `search=` value gives for `scenario` ([`SearchSetup::read`]), with one sentence per
    /// part that was not understood (that part keeps its default).
    pub fn from_link(lang: Lang, text: &str, scenario: &Scenario) -> (SearchSettings, Vec<String>) {
        let defaults = SearchSettings::defaults(scenario);
        let (setup, problems) = SearchSetup::read(text);
        let text_of = |n: Option<u32>, default: &String| n.map_or_else(|| default.clone(), |n| n.to_string());
        let settings = SearchSettings {
            kind: setup.kind.unwrap_or(defaults.kind),
            runs: text_of(setup.runs, &defaults.runs),
            share: setup
                .share_permille
                .map_or_else(|| defaults.share.clone(), permille_as_percent),
            seeds: text_of(setup.seeds, &defaults.seeds),
            trajectories: text_of(setup.trajectories, &defaults.trajectories),
            harm: setup.harm.map_or_else(|| defaults.harm.clone(), |p| p.id().to_string()),
        };
        let problems = problems
            .iter()
            .map(|problem| {
                let instead = match problem {
                    SetupProblem::Kind(_) => tr!(lang, "the red team is shown", "改为显示红队").to_string(),
                    SetupProblem::UnknownKey(_) => tr!(lang, "it is ignored", "已忽略").to_string(),
                    SetupProblem::BadValue(key, _) => {
                        let default = match defaults.field(*key) {
                            "" => match key {
                                SetupKey::Seeds => tr!(lang, "the search's own number of seeds", "该搜索默认的种子数"),
                                _ => tr!(lang, "overall prevalence", "总体流行度"),
                            }
                            .to_string(),
                            value => value.to_string(),
                        };
                        trf!(lang, "{default} is used", "改用 {default}")
                    }
                };
                format!("{}{}{instead}", problem.message(lang), tr!(lang, ": ", "："))
            })
            .collect();
        (settings, problems)
    }

    /// How each candidate runs: `default` (the search's own), with the seeds on the form if any.
    fn evaluation(&self, default: Evaluation) -> Option<Evaluation> {
        if self.seeds.trim().is_empty() {
            return Some(default);
        }
        Some(Evaluation {
            seeds: whole(&self.seeds, 1, SEEDS_MAX)?,
            ..default
        })
    }

    /// The seeds per candidate `kind` runs by default (the engine's, as the CLI's).
    pub fn default_seeds(kind: Kind) -> u32 {
        match kind {
            Kind::RedTeam => RedTeamOptions::default().evaluation.seeds,
            Kind::Frontier => FrontierOptions::default().evaluation.seeds,
            Kind::Robustness => RobustnessOptions::default().evaluation.seeds,
        }
    }

    /// The robustness screen these settings make of `scenario` (against `baseline` when one is pinned), or
    /// `None` while a field holds no value.
    pub fn robustness(&self, scenario: &Scenario, baseline: Option<&Scenario>) -> Option<Robustness> {
        let options = RobustnessOptions {
            trajectories: whole(&self.trajectories, 1, TRAJECTORIES_MAX)?,
            evaluation: self.evaluation(RobustnessOptions::default().evaluation)?,
            ..RobustnessOptions::default()
        };
        Some(Robustness::new(scenario, baseline, &options))
    }

    /// Runs the search on screen would make, when every field it reads holds a value.
    pub fn budget(&self, scenario: &Scenario, baseline: Option<&Scenario>) -> Option<u32> {
        match self.kind {
            Kind::RedTeam | Kind::Frontier => whole(&self.runs, RUNS_MIN, RUNS_MAX),
            Kind::Robustness => self.robustness(scenario, baseline).map(|r| r.budget_runs()),
        }
    }
}

/// The rules a search ran on, and the baseline pinned then.
pub type RanOn = (Scenario, Option<Scenario>);

/// Everything the Search view shows.
#[derive(Clone, PartialEq)]
pub struct SearchState {
    /// The form.
    pub settings: SearchSettings,
    /// Where each search stands, by [`Kind::ALL`] order (each keeps its result while another runs).
    pub outcomes: [Option<Outcome>; 3],
    /// The frontier's points judged against the red team's worst case, and the frontier they are of.
    pub under_attack: Option<(Rc<FrontierResult>, Outcome)>,
    /// The link's `search=` value each search last started with, by [`Kind::ALL`] order.
    pub links: [Option<String>; 3],
    /// The rules, and the pinned baseline, each search last started on, by [`Kind::ALL`] order: a result
    /// says so when the rules on screen are no longer these.
    pub inputs: [Option<Rc<RanOn>>; 3],
    /// What the opening link's settings got wrong (each part kept its default).
    pub link_problems: Vec<String>,
    /// Whether the opening link asked for a search the panel has not started yet.
    pub run_on_open: bool,
}

impl SearchState {
    /// The link's `search=` value of the search on screen (`None`: it has not run, nothing to share).
    pub fn link(&self) -> Option<&String> {
        self.links.get(slot_of(self.settings.kind)).and_then(Option::as_ref)
    }

    /// The link that runs `kind`'s search again (its settings) from `input`, the provenance's input link
    /// (`s=1.…`), with the pinned baseline's (`s=1.…` too) as the comparison's `b=`.
    pub fn reproduce(&self, kind: Kind, input: &str, baseline: Option<&str>) -> String {
        let mut link = format!("#{input}");
        if let Some(b) = baseline.and_then(|b| b.strip_prefix("s=")) {
            link.push_str(&format!("&b={b}"));
        }
        if let Some(search) = self.links.get(slot_of(kind)).and_then(Option::as_ref) {
            link.push_str(&format!("&search={search}"));
        }
        link
    }

    /// Whether `kind`'s search last ran on other rules, or another pinned baseline, than these (an edit since:
    /// its result is of the rules as they were then).
    pub fn ran_on_other(&self, kind: Kind, scenario: &Scenario, baseline: Option<&Scenario>) -> bool {
        match self.inputs.get(slot_of(kind)).and_then(Option::as_ref) {
            Some(ran) => ran.0 != *scenario || ran.1.as_ref() != baseline,
            None => false,
        }
    }

    /// Where `kind` stands.
    pub fn outcome(&self, kind: Kind) -> Option<&Outcome> {
        self.outcomes.get(slot_of(kind)).and_then(Option::as_ref)
    }

    /// Whether a search is under way (one at a time: the pool runs one batch).
    pub fn busy(&self) -> bool {
        self.outcomes.iter().flatten().any(Outcome::running)
            || self.under_attack.as_ref().is_some_and(|(_, o)| o.running())
    }

    /// `kind`'s search lost the pool to another view's runs: it reads as cancelled where it stopped.
    fn set_aside(&mut self, kind: Kind) {
        if let Some(slot @ Some(Outcome::Running(_))) = self.outcomes.get_mut(slot_of(kind)) {
            if let Some(Outcome::Running(p)) = slot {
                *slot = Some(Outcome::Cancelled(*p));
            }
        }
    }

    fn set(&mut self, kind: Kind, outcome: Outcome) {
        if let Some(slot) = self.outcomes.get_mut(slot_of(kind)) {
            *slot = Some(outcome);
        }
    }
}

/// The app's one Search state, shared: cloning it shares it, and a change re-renders whoever subscribed.
#[derive(Clone)]
pub struct SearchSession(Rc<Shared>);

/// A subscriber: its id (to unsubscribe) and what it calls.
type Listener = (u32, Rc<dyn Fn()>);

struct Shared {
    state: RefCell<SearchState>,
    ticket: Ticket,
    listeners: RefCell<Vec<Listener>>,
    next_listener: Cell<u32>,
}

impl PartialEq for SearchSession {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// While kept, its listener hears every change of the session; dropping it stops that.
pub struct Subscription {
    shared: Weak<Shared>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(shared) = self.shared.upgrade() {
            shared.listeners.borrow_mut().retain(|(id, _)| *id != self.id);
        }
    }
}

impl SearchSession {
    /// The session a page opens with: the link's search settings (`link`, the `search=` value) for `scenario`,
    /// to be run once by the panel, or the defaults.
    pub fn opening(lang: Lang, link: Option<&str>, scenario: &Scenario) -> SearchSession {
        let (settings, link_problems) = match link {
            Some(text) => SearchSettings::from_link(lang, text, scenario),
            None => (SearchSettings::defaults(scenario), Vec::new()),
        };
        let mut links = [None, None, None];
        if let (Some(text), Some(slot)) = (link, links.get_mut(slot_of(settings.kind))) {
            *slot = Some(text.to_string());
        }
        SearchSession(Rc::new(Shared {
            state: RefCell::new(SearchState {
                settings,
                outcomes: [None, None, None],
                under_attack: None,
                links,
                inputs: [None, None, None],
                link_problems,
                run_on_open: link.is_some(),
            }),
            ticket: Ticket::default(),
            listeners: RefCell::new(Vec::new()),
            next_listener: Cell::new(0),
        }))
    }

    /// The state now (do not hold it across an update).
    pub fn state(&self) -> Ref<'_, SearchState> {
        self.0.state.borrow()
    }

    /// Changes the state, then tells every listener.
    pub fn update(&self, change: impl FnOnce(&mut SearchState)) {
        change(&mut self.0.state.borrow_mut());
        let listeners: Vec<Rc<dyn Fn()>> = self.0.listeners.borrow().iter().map(|(_, f)| f.clone()).collect();
        for listener in listeners {
            listener();
        }
    }

    /// [`Self::update`] in a task of its own: a result is put together (its links deflated) in the task that
    /// finished the search, and drawn in the next, so that neither holds the page's thread for long.
    fn later(&self, change: impl FnOnce(&mut SearchState) + 'static) {
        let session = self.clone();
        gloo::timers::callback::Timeout::new(0, move || session.update(change)).forget();
    }

    /// Calls `listener` after every change, while the subscription is kept.
    pub fn subscribe(&self, listener: impl Fn() + 'static) -> Subscription {
        let id = self.0.next_listener.get();
        self.0.next_listener.set(id.wrapping_add(1));
        self.0.listeners.borrow_mut().push((id, Rc::new(listener)));
        Subscription {
            shared: Rc::downgrade(&self.0),
            id,
        }
    }

    /// Starts the search on the form for `scenario` (the screen against `baseline` when one is pinned), unless
    /// the rules or a field refuse it; its progress and result land in the session.
    pub fn run(&self, lang: Lang, pool: &Pool, scenario: &Scenario, baseline: Option<&Scenario>) {
        let settings = self.state().settings.clone();
        let kind = settings.kind;
        let failed = |why: String| self.update(|s| s.set(kind, Outcome::Failed(why)));
        if let Some(why) = crate::protocol::refusal(scenario) {
            return failed(why);
        }
        let Some(evaluation) = settings.evaluation(Evaluation {
            seeds: SearchSettings::default_seeds(kind),
            ..Evaluation::default()
        }) else {
            return failed(trf!(
                lang,
                "seeds must be 1 to {SEEDS_MAX}",
                "种子数必须在 1 到 {SEEDS_MAX} 之间"
            ));
        };
        let input = Rc::new((scenario.clone(), baseline.cloned()));
        self.update(|s| {
            if let Some(slot) = s.links.get_mut(slot_of(kind)) {
                *slot = Some(settings.link());
            }
            if let Some(slot) = s.inputs.get_mut(slot_of(kind)) {
                *slot = Some(input);
            }
            s.run_on_open = false;
        });
        match kind {
            Kind::RedTeam => {
                let (Some(permille), Some(runs)) = (
                    percent_as_permille(&settings.share),
                    whole(&settings.runs, RUNS_MIN, RUNS_MAX),
                ) else {
                    let (lo, hi) = (SHARE_PERCENT_MIN, SHARE_PERCENT_MAX);
                    let (fewest, most) = (RUNS_MIN, crate::locale::count(u64::from(RUNS_MAX)));
                    return failed(trf!(
                        lang,
                        "the budget must be a share from {lo} to {hi} % and {fewest} to {most} runs",
                        "预算必须是 {lo} 到 {hi} % 的比例，以及 {fewest} 到 {most} 次运行"
                    ));
                };
                let options = RedTeamOptions {
                    runs,
                    abusive_permille: Some(permille),
                    evaluation,
                    ..RedTeamOptions::default()
                };
                let scenario = scenario.clone();
                let make = move || RedTeam::new(&scenario, &options);
                self.drive(pool, kind, make, runs, |s: RedTeam| {
                    Outcome::RedTeam(Rc::new(s.result()))
                });
            }
            Kind::Frontier => {
                let Some(runs) = whole(&settings.runs, RUNS_MIN, RUNS_MAX) else {
                    let (fewest, most) = (RUNS_MIN, crate::locale::count(u64::from(RUNS_MAX)));
                    return failed(trf!(
                        lang,
                        "the budget must be {fewest} to {most} runs",
                        "预算必须是 {fewest} 到 {most} 次运行"
                    ));
                };
                let options = FrontierOptions {
                    runs,
                    pattern: PatternId::from_id(&settings.harm),
                    evaluation,
                    ..FrontierOptions::default()
                };
                let scenario = scenario.clone();
                let make = move || Frontier::new(&scenario, &options);
                self.drive(pool, kind, make, runs, |s: Frontier| {
                    Outcome::Frontier(Rc::new(s.result()))
                });
            }
            Kind::Robustness => {
                let Some(search) = settings.robustness(scenario, baseline) else {
                    return failed(trf!(
                        lang,
                        "trajectories must be 1 to {TRAJECTORIES_MAX}",
                        "轨迹数必须在 1 到 {TRAJECTORIES_MAX} 之间"
                    ));
                };
                let budget = search.budget_runs();
                self.drive(
                    pool,
                    kind,
                    move || search,
                    budget,
                    |s: Robustness| Outcome::Robustness(Rc::new(s.result())),
                );
            }
        }
    }

    /// Drives the search `make` makes on the pool, its progress and end landing in `kind`'s slot.
    fn drive<S>(
        &self,
        pool: &Pool,
        kind: Kind,
        make: impl FnOnce() -> S + 'static,
        budget: u32,
        finish: impl Fn(S) -> Outcome + 'static,
    ) where
        S: Search + 'static,
        S::Candidate: 'static,
    {
        let (progress, done) = (self.clone(), self.clone());
        searching::start(
            pool,
            &self.0.ticket,
            make,
            budget,
            move |p| progress.update(|s| s.set(kind, Outcome::Running(p))),
            move |r: Result<S, String>| {
                if matches!(&r, Err(m) if m == SET_ASIDE) {
                    return done.update(|s| s.set_aside(kind));
                }
                let outcome = r.map_or_else(Outcome::Failed, &finish);
                done.later(move |s| {
                    if let Outcome::Frontier(_) = outcome {
                        s.under_attack = None;
                    }
                    s.set(kind, outcome);
                });
            },
        );
    }

    /// Judges the frontier on screen against the red team's worst case (both must be there).
    pub fn judge_under_attack(&self, pool: &Pool) {
        let (frontier, worst) = {
            let state = self.state();
            let frontier = match state.outcome(Kind::Frontier) {
                Some(Outcome::Frontier(f)) => f.clone(),
                _ => return,
            };
            let worst = match state.outcome(Kind::RedTeam) {
                Some(Outcome::RedTeam(r)) => r.worst.first().map(|w| w.adversary.clone()),
                _ => None,
            };
            (frontier, worst)
        };
        let Some(worst) = worst else { return };
        // The points are judged as the frontier judged them: its seeds, its size.
        let evaluation = Evaluation {
            seeds: frontier.provenance.seeds.len() as u32,
            ..Evaluation::default()
        };
        let search = UnderAttack::new(&frontier, &worst, &evaluation);
        let budget = search.budget_runs();
        let (progress, done) = (self.clone(), self.clone());
        let (for_progress, for_done) = (frontier.clone(), frontier);
        searching::start(
            pool,
            &self.0.ticket,
            move || search,
            budget,
            move |p| progress.update(|s| s.under_attack = Some((for_progress.clone(), Outcome::Running(p)))),
            move |r: Result<UnderAttack, String>| {
                let outcome = match r {
                    Err(m) if m == SET_ASIDE => None,
                    r => Some(r.map_or_else(Outcome::Failed, |s| Outcome::UnderAttack(Rc::new(s.result())))),
                };
                let Some(outcome) = outcome else {
                    return done.update(|s| {
                        if let Some((_, o @ Outcome::Running(_))) = &mut s.under_attack {
                            if let Outcome::Running(p) = o {
                                *o = Outcome::Cancelled(*p);
                            }
                        }
                    });
                };
                let frontier = for_done.clone();
                done.later(move |s| s.under_attack = Some((frontier, outcome)));
            },
        );
    }

    /// Ends the search under way, if any, keeping the runs done in its status.
    pub fn cancel(&self, pool: &Pool) {
        self.0.ticket.cancel(pool);
        self.update(|s| {
            for slot in s.outcomes.iter_mut() {
                if let Some(Outcome::Running(p)) = slot {
                    *slot = Some(Outcome::Cancelled(*p));
                }
            }
            if let Some((_, o @ Outcome::Running(_))) = &mut s.under_attack {
                if let Outcome::Running(p) = o {
                    *o = Outcome::Cancelled(*p);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_share_is_the_engines() {
        let s = Scenario::default();
        let engine = RedTeam::new(&s, &RedTeamOptions::default()).result().budget_permille;
        assert_eq!(own_permille(&s), engine);
    }

    #[test]
    fn settings_round_trip_through_the_link() {
        let s = Scenario::default();
        let settings = SearchSettings {
            kind: Kind::Frontier,
            share: "2.5".into(),
            runs: "32".into(),
            harm: "solicitation".into(),
            trajectories: "3".into(),
            seeds: "1".into(),
        };
        let link = settings.link();
        assert_eq!(
            link,
            "frontier,runs:32,share:2.5,seeds:1,trajectories:3,harm:solicitation"
        );
        assert!(crate::view_link::Shown::read(&format!("s=1.a&search={link}"))
            .search
            .is_some());
        assert_eq!(SearchSettings::from_link(Lang::En, &link, &s), (settings, Vec::new()));
    }

    #[test]
    fn a_bad_link_names_the_setting_and_keeps_the_default() {
        let s = Scenario::default();
        let (settings, problems) = SearchSettings::from_link(Lang::En, "frontier,runs:abc,harm:nope,odd:1", &s);
        let defaults = SearchSettings::defaults(&s);
        assert_eq!(settings.kind, Kind::Frontier);
        assert_eq!(
            (settings.runs, settings.harm),
            (defaults.runs.clone(), defaults.harm.clone())
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(
            problems.first().map(String::as_str),
            Some("the link's search setting `runs` is `abc`, not a whole number from 2 to 10,000: 160 is used")
        );
        assert!(problems
            .iter()
            .any(|p| p.contains("`harm`") && p.contains("overall prevalence")));
        assert!(problems.iter().any(|p| p.contains("`odd`")));
        let (settings, problems) = SearchSettings::from_link(Lang::Zh, "sideways", &s);
        assert_eq!((settings.kind, problems.len()), (Kind::RedTeam, 1));
        // A field holding text that is not a value is left out of the link (it opens with its default).
        let typing = SearchSettings {
            runs: "1e9".into(),
            ..defaults
        };
        assert!(!typing.link().contains("runs:"));
    }
}
