//! The app's one state, its actions and the pure reducer (effects live in the components' hooks).
//!
//! Scenarios are shared `Rc`s: the undo history holds pointers to the states it went through, so an
//! action copies at most the history's pointers, never 200 scenarios. Each step of the history carries a
//! label in words ("review delay 24 → 2 hours"), so the Undo and Redo buttons can say what they do.

use crate::locale::{tr, trf, Lang};
use backfire_engine::explain::Explanation;
use backfire_engine::settings::{Place, SETTINGS};
use backfire_engine::{Circle, Population, Scenario};
use std::collections::VecDeque;
use std::rc::Rc;
use yew::Reducible;

/// Seeds per side a comparison starts with: enough for its noise test to tell a real change from the dice
/// (with one seed nothing can be told), few enough to finish in a second or two at 10,000 users.
pub const DEFAULT_RUNS: u32 = 10;

/// How many edits undo remembers.
const UNDO_DEPTH: usize = 200;

/// A message for the designer shown above the results (link errors, import results).
#[derive(Clone, PartialEq, Debug)]
pub struct Notice {
    /// `error` or `info`.
    pub kind: &'static str,
    /// The sentence to show.
    pub text: String,
    /// The raw message underneath (a library's own words), shown folded for a bug report.
    pub detail: Option<String>,
}

impl Notice {
    /// A notice that says how something went.
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            kind: "info",
            text: text.into(),
            detail: None,
        }
    }

    /// A notice that says what went wrong (with no raw detail; see [`crate::problem`] for those).
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            kind: "error",
            text: text.into(),
            detail: None,
        }
    }
}

/// One step of the undo (or redo) history: the scenario to go back (or forward) to, and what the step
/// between it and its neighbour changed, in words.
#[derive(Clone, PartialEq, Debug)]
pub struct Step {
    /// The scenario this step returns to.
    pub scenario: Rc<Scenario>,
    /// What the step changed: worked out in words from the scenarios on either side when shown, in the
    /// language shown ("review delay 24 → 2 hours" / "审核延迟 24 → 2 小时").
    pub label: StepLabel,
}

/// What one undo step did, as data, so its words follow the chosen language.
#[derive(Clone, PartialEq, Debug)]
pub enum StepLabel {
    /// An edit: said from the scenarios before and after it (see [`describe`]).
    Worked,
    /// "Apply to every circle" of one section.
    ApplyToAll(CircleSection),
    /// A scenario loaded from a preset (`preset`) or opened from a file or link, by name.
    Load {
        /// Whether it came from a preset.
        preset: bool,
        /// The scenario's name.
        name: String,
    },
}

impl StepLabel {
    /// The step in words in `lang`, `before` and `after` being the scenarios on either side of it.
    pub fn words(&self, lang: Lang, before: &Scenario, after: &Scenario) -> String {
        match self {
            StepLabel::Worked => describe(lang, before, after),
            StepLabel::ApplyToAll(section) => {
                let w = section.word(lang);
                trf!(lang, "apply {w} to every circle", "将{w}应用到所有圈子")
            }
            StepLabel::Load { preset: true, name } => trf!(lang, "load {name}", "载入 {name}"),
            StepLabel::Load { preset: false, name } => trf!(lang, "open {name}", "打开 {name}"),
        }
    }
}

/// A part of a circle's rules that "Apply to every circle" copies as a whole.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CircleSection {
    /// Who may join, post, comment, praise, tip and message.
    Rules,
    /// Tips: on or off, range, daily cap, fee.
    Tips,
    /// The feed's ranking.
    Ranking,
    /// Off-platform contact and direct messages.
    Contact,
    /// Reports, classifier, review and sanctions.
    Moderation,
}

impl CircleSection {
    /// Every section, in the editor's order.
    pub const ALL: [CircleSection; 5] = [
        CircleSection::Rules,
        CircleSection::Tips,
        CircleSection::Ranking,
        CircleSection::Contact,
        CircleSection::Moderation,
    ];

    /// The section's name in a sentence ("apply moderation to every circle" / "把审核应用到每个圈子").
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            CircleSection::Rules => tr!(lang, "who may join and act", "规则"),
            CircleSection::Tips => tr!(lang, "tips", "打赏设置"),
            CircleSection::Ranking => tr!(lang, "feed ranking", "排序"),
            CircleSection::Contact => tr!(lang, "contact", "联系设置"),
            CircleSection::Moderation => tr!(lang, "moderation", "审核设置"),
        }
    }

    /// A stable id for test ids and keys.
    pub fn id(self) -> &'static str {
        match self {
            CircleSection::Rules => "rules",
            CircleSection::Tips => "tips",
            CircleSection::Ranking => "ranking",
            CircleSection::Contact => "contact",
            CircleSection::Moderation => "moderation",
        }
    }

    /// Copies this section of `from` into `to`, leaving the rest of `to` (its name first of all) alone.
    pub fn copy(self, from: &Circle, to: &mut Circle) {
        match self {
            CircleSection::Rules => {
                to.join = from.join.clone();
                to.rules = from.rules.clone();
            }
            CircleSection::Tips => to.tips = from.tips.clone(),
            CircleSection::Ranking => to.ranking = from.ranking,
            CircleSection::Contact => to.contact = from.contact.clone(),
            CircleSection::Moderation => to.moderation = from.moderation.clone(),
        }
    }
}

/// What changed from `before` to `after`, in a few words for the Undo button: one numeric setting reads
/// "review delay 24 → 2 hours" (with the circle's name when there are several), anything else names the
/// part that changed.
pub fn describe(lang: Lang, before: &Scenario, after: &Scenario) -> String {
    if before.interventions != after.interventions {
        return describe_timeline(lang, before, after);
    }
    let mut changed = Vec::new();
    for row in &SETTINGS {
        match row.place {
            Place::Scenario => {
                if let (Some(a), Some(b)) = (row.get(before, 0), row.get(after, 0)) {
                    if a != b {
                        changed.push((row, None, a, b));
                    }
                }
            }
            Place::Circle => {
                for (i, (ca, cb)) in before.circles.iter().zip(&after.circles).enumerate() {
                    if let (Some(a), Some(b)) = (row.get_in(ca), row.get_in(cb)) {
                        if a != b {
                            changed.push((row, Some(i), a, b));
                        }
                    }
                }
            }
        }
    }
    let lower = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let several = after.circles.len() > 1;
    if let [(row, circle, a, b)] = changed.as_slice() {
        let place = match circle.and_then(|i| after.circles.get(i)) {
            Some(c) if several => {
                let name = &c.name;
                trf!(lang, " in {name}", "（{name}）")
            }
            _ => String::new(),
        };
        let label = match lang {
            Lang::En => lower(row.label),
            Lang::Zh => row.label_in(lang).to_string(),
        };
        return format!("{label} {} → {}{place}", row.number(*a), row.show_in(lang, *b));
    }
    if before.circles.len() < after.circles.len() {
        return tr!(lang, "add a circle", "添加圈子").to_string();
    }
    if before.circles.len() > after.circles.len() {
        return tr!(lang, "remove a circle", "删除圈子").to_string();
    }
    if before.name != after.name {
        let name = &after.name;
        return trf!(lang, "rename the scenario to {name}", "把场景改名为 {name}");
    }
    let edited: Vec<(usize, &Circle)> = before
        .circles
        .iter()
        .zip(&after.circles)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (_, b))| (i, b))
        .collect();
    if let [(i, c)] = edited.as_slice() {
        if before.circles.get(*i).map(|b| &b.name) != Some(&c.name) {
            let name = &c.name;
            return trf!(lang, "rename circle to {name}", "把圈子改名为 {name}");
        }
        let part = CircleSection::ALL
            .into_iter()
            .filter(|sec| {
                let mut probe = before.circles.get(*i).cloned().unwrap_or_default();
                sec.copy(c, &mut probe);
                probe == **c
            })
            .map(|sec| sec.word(lang))
            .next();
        return match part {
            Some(p) if several => {
                let name = &c.name;
                trf!(lang, "{p} of {name}", "{name}的{p}")
            }
            Some(p) => p.to_string(),
            None => {
                let name = &c.name;
                trf!(lang, "edit of {name}", "编辑 {name}")
            }
        };
    }
    if edited.len() > 1 {
        return tr!(lang, "several circles", "多个圈子").to_string();
    }
    if before.population != after.population {
        return tr!(lang, "population", "人群").to_string();
    }
    if !changed.is_empty() {
        let n = changed.len();
        return trf!(lang, "{n} settings", "{n} 项设置");
    }
    tr!(lang, "run & platform settings", "运行和平台设置").to_string()
}

/// Everything the page edits: the scenario, its undo history, and what belongs to this scenario.
#[derive(Clone, PartialEq, Debug)]
pub struct AppState {
    /// The scenario being edited.
    pub scenario: Rc<Scenario>,
    /// Earlier scenarios, most recent last, each with what the step after it changed.
    pub undo: VecDeque<Step>,
    /// Undone scenarios, most recent last, each with what redoing it changes.
    pub redo: Vec<Step>,
    /// The preset the scenario started from, if any.
    pub preset_id: Option<String>,
    /// A message to show, if any.
    pub notice: Option<Notice>,
    /// Bumped on every change of `scenario`, so effects can tell edits apart cheaply.
    pub revision: u64,
    /// The scenario pinned as the baseline of a comparison, if any.
    pub baseline: Option<Rc<Scenario>>,
    /// Seeds per side in a comparison (1–50).
    pub runs: u32,
    /// The circle open in the editor; always a valid index while there is a circle (of the rules edited).
    pub selected_circle: usize,
    /// Whose rules the Circles and Platform tabs edit: the launch's (`None`) or those intervention `i` of the
    /// timeline puts in force; always a valid index.
    pub stage: Option<usize>,
    /// The explanation of the current scenario; any change of the scenario clears it.
    pub explanation: Option<Rc<Explanation>>,
}

/// What can happen to the state.
#[derive(Debug)]
pub enum Action {
    /// Replace the scenario with an edited one (undoable).
    Edit(Box<Scenario>),
    /// Replace one circle (undoable); an index past the end changes nothing.
    SetCircle {
        /// Which circle.
        idx: usize,
        /// Its new rules.
        circle: Box<Circle>,
    },
    /// Replace the list of circles (added, removed, moved) and open `selected` (undoable).
    SetCircles {
        /// The new list.
        circles: Vec<Circle>,
        /// The circle to open afterwards.
        selected: usize,
    },
    /// Copy one part of a circle's rules into every circle, as one undoable step.
    ApplyToAll {
        /// The circle whose rules are copied.
        from: usize,
        /// Which part.
        section: CircleSection,
    },
    /// Replace the population (undoable).
    SetPopulation(Box<Population>),
    /// Open another circle in the editor.
    SelectCircle(usize),
    /// Edit the launch's rules (`None`) or those of intervention `i`.
    SelectStage(Option<usize>),
    /// Keep (or clear) the explanation of the current scenario.
    Explained(Option<Rc<Explanation>>),
    /// Keep the cards' fast explanation of the scenario at `revision`, unless the scenario has changed since
    /// or an explanation is already kept (the Why panel's, perhaps on more seeds, wins: card and Why agree).
    FastExplained {
        /// The revision of the scenario explained.
        revision: u64,
        /// The explanation.
        explanation: Rc<Explanation>,
    },
    /// Load a whole scenario (a preset, a link, an import): undoable, and sets the preset id.
    Load {
        /// The scenario to load.
        scenario: Box<Scenario>,
        /// The preset it came from, if any.
        preset_id: Option<String>,
        /// A notice to show with it.
        notice: Option<Notice>,
    },
    /// Go back one edit.
    Undo,
    /// Redo one undone edit.
    Redo,
    /// Show a notice.
    Notify(Notice),
    /// Hide the notice.
    DismissNotice,
    /// Pin the current scenario as the comparison's baseline.
    Pin,
    /// Drop the baseline.
    Unpin,
    /// Set the number of seeds per side in a comparison.
    SetRuns(u32),
}

impl AppState {
    /// A state holding `scenario` with an empty history.
    pub fn new(scenario: Scenario, preset_id: Option<String>, notice: Option<Notice>) -> Self {
        Self {
            scenario: Rc::new(scenario),
            undo: VecDeque::new(),
            redo: Vec::new(),
            preset_id,
            notice,
            revision: 0,
            baseline: None,
            runs: DEFAULT_RUNS,
            selected_circle: 0,
            stage: None,
            explanation: None,
        }
    }

    /// The rules the editor shows: the scenario itself, or the rules the selected intervention puts in force
    /// (as a whole scenario, so the editors need not know about the timeline).
    pub fn edited(&self) -> Rc<Scenario> {
        match self
            .stage
            .and_then(|i| backfire_engine::timeline::in_force(&self.scenario, i))
        {
            Some(view) => Rc::new(view),
            None => Rc::clone(&self.scenario),
        }
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What Undo would take back in `lang`, e.g. "review delay 24 → 2 hours".
    pub fn undo_label(&self, lang: Lang) -> Option<String> {
        self.undo
            .back()
            .map(|s| s.label.words(lang, &s.scenario, &self.scenario))
    }

    /// What Redo would do again, in `lang`.
    pub fn redo_label(&self, lang: Lang) -> Option<String> {
        self.redo
            .last()
            .map(|s| s.label.words(lang, &self.scenario, &s.scenario))
    }

    /// Makes `scenario` current: everything computed for the old one goes, and the selection stays in range.
    fn show(&mut self, scenario: Rc<Scenario>) {
        self.scenario = scenario;
        self.revision += 1;
        self.explanation = None;
        self.stage = self.stage.filter(|&i| i < self.scenario.interventions.len());
        self.clamp_circle();
    }

    /// Keeps the open circle inside the circles edited.
    fn clamp_circle(&mut self) {
        let n = self.edited().circles.len();
        self.selected_circle = self.selected_circle.min(n.saturating_sub(1));
    }

    /// Records the current scenario in the history and makes `scenario` current (an undoable step);
    /// `label` says what the step does.
    fn step_to(&mut self, scenario: Scenario, label: StepLabel) {
        let previous = Rc::clone(&self.scenario);
        self.undo.push_back(Step {
            scenario: previous,
            label,
        });
        if self.undo.len() > UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.redo.clear();
        self.show(Rc::new(scenario));
    }

    /// An undoable edit built from the current scenario; an edit that changes nothing is not recorded.
    fn edit(&mut self, label: StepLabel, change: impl FnOnce(&mut Scenario)) {
        let mut s = (*self.scenario).clone();
        change(&mut s);
        if s != *self.scenario {
            self.step_to(s, label);
        }
    }
}

/// What an edit of the timeline did: a change added or removed, or what changed in one change's rules (said
/// as an edit of the rules it puts in force would be).
fn describe_timeline(lang: Lang, before: &Scenario, after: &Scenario) -> String {
    let (b, a) = (&before.interventions, &after.interventions);
    if a.len() > b.len() {
        return a.last().map_or_else(
            || tr!(lang, "add a change", "添加变更").to_string(),
            |i| {
                let h = i.hour;
                trf!(lang, "add a change at hour {h}", "在第 {h} 小时添加变更")
            },
        );
    }
    if a.len() < b.len() {
        return tr!(lang, "remove a change", "删除变更").to_string();
    }
    let Some((i, (y, x))) = a.iter().zip(b).enumerate().find(|(_, (y, x))| x != y) else {
        return tr!(lang, "timeline", "时间线").to_string();
    };
    if x.hour != y.hour {
        let (from, to) = (x.hour, y.hour);
        return trf!(
            lang,
            "change at hour {from} → hour {to}",
            "变更从第 {from} 小时 → 第 {to} 小时"
        );
    }
    if x.label != y.label || x.note != y.note {
        let h = y.hour;
        return trf!(lang, "words of the change at hour {h}", "第 {h} 小时变更的说明");
    }
    let (Some(vb), Some(va)) = (
        backfire_engine::timeline::in_force(before, i),
        backfire_engine::timeline::in_force(after, i),
    ) else {
        return tr!(lang, "timeline", "时间线").to_string();
    };
    let (what, h) = (describe(lang, &vb, &va), y.hour);
    trf!(lang, "{what} from hour {h}", "{what}（从第 {h} 小时起）")
}

/// The circles an edit changes: the launch's, or intervention `i`'s (which, if it kept the circles before it,
/// starts from those: an edit of what an intervention puts in force makes it set the circles).
fn circles_mut(s: &mut Scenario, stage: Option<usize>) -> &mut Vec<Circle> {
    let Some(i) = stage.filter(|&i| i < s.interventions.len()) else {
        return &mut s.circles;
    };
    let in_force = backfire_engine::timeline::in_force(s, i)
        .map(|v| v.circles)
        .unwrap_or_default();
    match s.interventions.get_mut(i) {
        Some(iv) => iv.circles.get_or_insert(in_force),
        None => &mut s.circles,
    }
}

/// The scenario after the editor changed `view`, the rules shown for `stage`: for the launch the view is the
/// scenario; for an intervention its platform goes to the intervention (which then sets the platform) and the
/// run's own settings (name, seed, length, assumptions) to the scenario.
pub fn put_view(base: &Scenario, stage: Option<usize>, view: Scenario) -> Scenario {
    let Some(i) = stage.filter(|&i| i < base.interventions.len()) else {
        return view;
    };
    let before = backfire_engine::timeline::in_force(base, i);
    let mut next = base.clone();
    next.name = view.name;
    next.seed = view.seed;
    next.days = view.days;
    next.notes = view.notes;
    next.assumptions = view.assumptions;
    next.population = view.population;
    if let Some(iv) = next.interventions.get_mut(i) {
        if before.is_none_or(|b| b.platform != view.platform) {
            iv.platform = Some(view.platform);
        }
    }
    next
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Cheap: the scenarios are shared, so this copies pointers and small fields.
        let mut next = (*self).clone();
        match action {
            Action::Edit(scenario) => {
                if *scenario == *next.scenario {
                    return self;
                }
                next.step_to(*scenario, StepLabel::Worked);
            }
            Action::SetCircle { idx, circle } => {
                let edited = next.edited();
                if edited.circles.get(idx) == Some(&*circle) || idx >= edited.circles.len() {
                    return self;
                }
                let stage = next.stage;
                next.edit(StepLabel::Worked, |s| {
                    if let Some(slot) = circles_mut(s, stage).get_mut(idx) {
                        *slot = *circle;
                    }
                });
            }
            Action::SetCircles { circles, selected } => {
                next.selected_circle = selected;
                let stage = next.stage;
                next.edit(StepLabel::Worked, |s| *circles_mut(s, stage) = circles);
                next.clamp_circle();
            }
            Action::ApplyToAll { from, section } => {
                let stage = next.stage;
                next.edit(StepLabel::ApplyToAll(section), |s| {
                    let circles = circles_mut(s, stage);
                    if let Some(source) = circles.get(from).cloned() {
                        for c in circles.iter_mut() {
                            section.copy(&source, c);
                        }
                    }
                });
            }
            Action::SetPopulation(population) => next.edit(StepLabel::Worked, |s| s.population = *population),
            Action::SelectCircle(idx) => {
                next.selected_circle = idx;
                next.clamp_circle();
            }
            Action::SelectStage(stage) => {
                next.stage = stage.filter(|&i| i < next.scenario.interventions.len());
                next.clamp_circle();
            }
            Action::Explained(explanation) => next.explanation = explanation,
            Action::FastExplained { revision, explanation } => {
                if revision == next.revision && next.explanation.is_none() {
                    next.explanation = Some(explanation);
                }
            }
            Action::Load {
                scenario,
                preset_id,
                notice,
            } => {
                let label = StepLabel::Load {
                    preset: preset_id.is_some(),
                    name: scenario.name.clone(),
                };
                next.step_to(*scenario, label);
                next.preset_id = preset_id;
                next.notice = notice;
            }
            Action::Undo => {
                let Some(prev) = next.undo.pop_back() else { return self };
                next.redo.push(Step {
                    scenario: Rc::clone(&next.scenario),
                    label: prev.label,
                });
                next.show(prev.scenario);
            }
            Action::Redo => {
                let Some(later) = next.redo.pop() else { return self };
                next.undo.push_back(Step {
                    scenario: Rc::clone(&next.scenario),
                    label: later.label,
                });
                next.show(later.scenario);
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::Pin => next.baseline = Some(Rc::clone(&next.scenario)),
            Action::Unpin => next.baseline = None,
            Action::SetRuns(n) => next.runs = n.clamp(1, 50),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_seed(seed: u64) -> Scenario {
        Scenario {
            seed,
            ..Scenario::default()
        }
    }

    fn edit(seed: u64) -> Action {
        Action::Edit(Box::new(with_seed(seed)))
    }

    #[test]
    fn undo_and_redo_walk_the_history() {
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let s1 = s0.reduce(edit(2));
        let s2 = s1.reduce(edit(3));
        assert_eq!(s2.scenario.seed, 3);
        let u1 = s2.reduce(Action::Undo);
        assert_eq!(u1.scenario.seed, 2);
        let u2 = u1.reduce(Action::Undo);
        assert_eq!(u2.scenario.seed, 1);
        let u3 = u2.clone().reduce(Action::Undo);
        assert_eq!(u3.scenario.seed, 1, "undo past the start changes nothing");
        let r1 = u3.reduce(Action::Redo);
        assert_eq!(r1.scenario.seed, 2);
        let edited = r1.reduce(edit(9));
        assert!(edited.redo.is_empty(), "a new edit clears redo");
    }

    #[test]
    fn apply_to_every_circle_is_one_undoable_step_with_a_label() {
        let mut base = with_seed(1);
        base.circles = vec![base.circles[0].clone(); 3];
        for (i, c) in base.circles.iter_mut().enumerate() {
            c.name = format!("c{i}");
        }
        base.circles[1].moderation.review_delay_hours = 2;
        base.circles[1].moderation.user_reports = !base.circles[0].moderation.user_reports;
        let s0 = Rc::new(AppState::new(base, None, None));
        let s1 = s0.reduce(Action::ApplyToAll {
            from: 1,
            section: CircleSection::Moderation,
        });
        assert!(s1
            .scenario
            .circles
            .iter()
            .all(|c| c.moderation == s1.scenario.circles[1].moderation));
        assert_eq!(
            s1.scenario.circles.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["c0", "c1", "c2"],
            "names are not copied"
        );
        assert_eq!(s1.undo.len(), 1, "one step");
        assert_eq!(
            s1.undo_label(Lang::En).as_deref(),
            Some("apply moderation to every circle")
        );
        let back = s1.reduce(Action::Undo);
        assert_eq!(back.scenario.circles[0].moderation.review_delay_hours, 24);
        assert_eq!(
            back.redo_label(Lang::En).as_deref(),
            Some("apply moderation to every circle")
        );
        assert_eq!(back.redo_label(Lang::Zh).as_deref(), Some("将审核设置应用到所有圈子"));
    }

    #[test]
    fn a_settings_edit_is_labelled_with_its_values() {
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let mut c = s0.scenario.circles[0].clone();
        c.moderation.review_delay_hours = 2;
        let s1 = s0.reduce(Action::SetCircle {
            idx: 0,
            circle: Box::new(c),
        });
        assert_eq!(s1.undo_label(Lang::En).as_deref(), Some("review delay 24 → 2 hours"));
        // The same step in Chinese: the words follow the language shown, not the one the edit was made in.
        assert_eq!(s1.undo_label(Lang::Zh).as_deref(), Some("审核延迟 24 → 2 小时"));
        let mut c = s1.scenario.circles[0].clone();
        c.name = "Mothers".into();
        let s2 = s1.reduce(Action::SetCircle {
            idx: 0,
            circle: Box::new(c),
        });
        assert_eq!(s2.undo_label(Lang::En).as_deref(), Some("rename circle to Mothers"));
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_recorded() {
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let s1 = s0.reduce(edit(1));
        assert!(s1.undo.is_empty());
        let same_circle = Action::SetCircle {
            idx: 0,
            circle: Box::new(s1.scenario.circles[0].clone()),
        };
        assert!(s1.reduce(same_circle).undo.is_empty());
    }

    #[test]
    fn history_shares_the_scenarios_it_went_through() {
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let first = Rc::clone(&s0.scenario);
        let s1 = s0.reduce(edit(2));
        let s2 = s1.reduce(Action::DismissNotice);
        assert!(
            Rc::ptr_eq(&s2.undo[0].scenario, &first),
            "the history points at the old scenario, no copy"
        );
        let back = s2.reduce(Action::Undo);
        assert!(
            Rc::ptr_eq(&back.scenario, &first),
            "undo brings back the very same scenario"
        );
    }

    #[test]
    fn history_keeps_the_latest_edits_only() {
        let mut s = Rc::new(AppState::new(with_seed(0), None, None));
        for seed in 1..=(UNDO_DEPTH as u64 + 5) {
            s = s.reduce(edit(seed));
        }
        assert_eq!(s.undo.len(), UNDO_DEPTH);
        assert_eq!(
            s.undo.front().map(|x| x.scenario.seed),
            Some(5),
            "the oldest edits are dropped first"
        );
    }

    #[test]
    fn a_change_of_scenario_clears_the_explanation_and_keeps_the_selection_in_range() {
        let mut base = with_seed(1);
        base.circles = vec![base.circles[0].clone(); 3];
        let s0 = Rc::new(AppState::new(base, None, None));
        let s1 = s0.reduce(Action::SelectCircle(7));
        assert_eq!(s1.selected_circle, 2, "a selection past the end opens the last circle");
        let s2 = s1.reduce(Action::Explained(Some(Rc::new(Explanation {
            n_users: 100,
            seeds: vec![1],
            levers_tried: 0,
            patterns: Vec::new(),
        }))));
        assert!(s2.explanation.is_some());
        let one = vec![s2.scenario.circles[0].clone()];
        let s3 = s2.reduce(Action::SetCircles {
            circles: one,
            selected: 2,
        });
        assert_eq!(s3.selected_circle, 0);
        assert!(
            s3.explanation.is_none(),
            "an explanation belongs to the scenario it was computed for"
        );
        let s4 = s3.reduce(Action::Undo);
        assert_eq!(s4.scenario.circles.len(), 3);
        assert_eq!(s4.selected_circle, 0);
    }

    #[test]
    fn a_fast_explanation_never_replaces_the_why_panels_nor_lands_on_other_rules() {
        let explained = |seeds: Vec<u64>| {
            Rc::new(Explanation {
                n_users: 100,
                seeds,
                levers_tried: 0,
                patterns: Vec::new(),
            })
        };
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let fast = |revision| Action::FastExplained {
            revision,
            explanation: explained(vec![1]),
        };
        let s1 = s0.clone().reduce(fast(s0.revision + 1));
        assert!(s1.explanation.is_none(), "a reply about other rules is dropped");
        let s2 = s0.clone().reduce(fast(s0.revision));
        assert_eq!(s2.explanation.as_ref().map(|e| e.seeds.len()), Some(1));
        let why = s0.reduce(Action::Explained(Some(explained(vec![1, 2, 3]))));
        let s3 = why.reduce(fast(0));
        assert_eq!(
            s3.explanation.as_ref().map(|e| e.seeds.len()),
            Some(3),
            "the Why panel's explanation stays"
        );
    }

    #[test]
    fn edits_of_parts_apply_to_the_latest_state() {
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let mut population = s0.scenario.population.clone();
        population.n_users += 1;
        let mut circle = s0.scenario.circles[0].clone();
        circle.name = "renamed".into();
        // Two dispatches before a re-render: both land, since each reads the state it is given.
        let s1 = s0.reduce(Action::SetPopulation(Box::new(population.clone())));
        let s2 = s1.reduce(Action::SetCircle {
            idx: 0,
            circle: Box::new(circle),
        });
        assert_eq!(s2.scenario.population, population);
        assert_eq!(s2.scenario.circles[0].name, "renamed");
        assert_eq!(s2.undo.len(), 2);
    }

    #[test]
    fn edits_of_a_change_go_to_the_change_and_leave_the_launch_alone() {
        let mut s = with_seed(1);
        s.interventions.push(backfire_engine::Intervention {
            hour: 24,
            label: "crackdown".into(),
            ..Default::default()
        });
        let s0 = Rc::new(AppState::new(s, None, None));
        let s1 = s0.reduce(Action::SelectStage(Some(0)));
        assert_eq!(
            s1.edited().circles,
            s1.scenario.circles,
            "a change that kept the circles shows them"
        );
        let mut circle = s1.edited().circles[0].clone();
        circle.moderation.classifier.enabled = true;
        let s2 = s1.reduce(Action::SetCircle {
            idx: 0,
            circle: Box::new(circle.clone()),
        });
        assert!(
            !s2.scenario.circles[0].moderation.classifier.enabled,
            "the launch keeps its rules"
        );
        assert_eq!(s2.scenario.interventions[0].circles.as_deref(), Some(&[circle][..]));
        assert_eq!(s2.undo_label(Lang::En).as_deref(), Some("moderation from hour 24"));
        // The platform editor's view goes back to the change; the run's own settings to the scenario.
        let mut view = (*s2.edited()).clone();
        view.platform.bans.return_after_ban = backfire_engine::BanReturn::RealNameBound;
        view.days = 3;
        let next = put_view(&s2.scenario, s2.stage, view);
        assert_eq!(next.days, 3);
        assert_eq!(next.platform, s2.scenario.platform);
        assert_eq!(
            next.interventions[0].platform.as_ref().map(|p| p.bans.return_after_ban),
            Some(backfire_engine::BanReturn::RealNameBound)
        );
        // Removing the change takes the editor back to the launch's rules.
        let mut gone = (*s2.scenario).clone();
        gone.interventions.clear();
        let s3 = s2.reduce(Action::Edit(Box::new(gone)));
        assert_eq!(s3.stage, None);
        assert_eq!(s3.undo_label(Lang::En).as_deref(), Some("remove a change"));
    }
}
