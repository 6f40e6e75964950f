//! The app's one state, its actions and the pure reducer (effects live in the components' hooks).
//!
//! Scenarios are shared `Rc`s: the undo history holds pointers to the states it went through, so an
//! action copies at most the history's pointers, never 200 scenarios.

use backfire_engine::explain::Explanation;
use backfire_engine::{Circle, Population, Scenario};
use std::collections::VecDeque;
use std::rc::Rc;
use yew::Reducible;

/// How many edits undo remembers.
const UNDO_DEPTH: usize = 200;

/// A message for the designer shown above the results (link errors, import results).
#[derive(Clone, PartialEq, Debug)]
pub struct Notice {
    /// `error` or `info`.
    pub kind: &'static str,
    /// The sentence to show.
    pub text: String,
}

/// Everything the page edits: the scenario, its undo history, and what belongs to this scenario.
#[derive(Clone, PartialEq, Debug)]
pub struct AppState {
    /// The scenario being edited.
    pub scenario: Rc<Scenario>,
    /// Earlier scenarios, most recent last.
    pub undo: VecDeque<Rc<Scenario>>,
    /// Undone scenarios, most recent last.
    pub redo: Vec<Rc<Scenario>>,
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
    /// The circle open in the editor; always a valid index while there is a circle.
    pub selected_circle: usize,
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
    /// Replace the population (undoable).
    SetPopulation(Box<Population>),
    /// Open another circle in the editor.
    SelectCircle(usize),
    /// Keep (or clear) the explanation of the current scenario.
    Explained(Option<Rc<Explanation>>),
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
            runs: 1,
            selected_circle: 0,
            explanation: None,
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

    /// Makes `scenario` current: everything computed for the old one goes, and the selection stays in range.
    fn show(&mut self, scenario: Rc<Scenario>) {
        self.scenario = scenario;
        self.revision += 1;
        self.explanation = None;
        self.selected_circle = self.selected_circle.min(self.scenario.circles.len().saturating_sub(1));
    }

    /// Records the current scenario in the history and makes `scenario` current (an undoable step).
    fn step_to(&mut self, scenario: Scenario) {
        let previous = Rc::clone(&self.scenario);
        self.undo.push_back(previous);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.redo.clear();
        self.show(Rc::new(scenario));
    }

    /// An undoable edit built from the current scenario; an edit that changes nothing is not recorded.
    fn edit(&mut self, change: impl FnOnce(&mut Scenario)) {
        let mut s = (*self.scenario).clone();
        change(&mut s);
        if s != *self.scenario {
            self.step_to(s);
        }
    }
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
                next.step_to(*scenario);
            }
            Action::SetCircle { idx, circle } => {
                if next.scenario.circles.get(idx) == Some(&*circle) || idx >= next.scenario.circles.len() {
                    return self;
                }
                next.edit(|s| {
                    if let Some(slot) = s.circles.get_mut(idx) {
                        *slot = *circle;
                    }
                });
            }
            Action::SetCircles { circles, selected } => {
                next.selected_circle = selected;
                next.edit(|s| s.circles = circles);
                next.selected_circle = next.selected_circle.min(next.scenario.circles.len().saturating_sub(1));
            }
            Action::SetPopulation(population) => next.edit(|s| s.population = *population),
            Action::SelectCircle(idx) => {
                next.selected_circle = idx.min(next.scenario.circles.len().saturating_sub(1));
            }
            Action::Explained(explanation) => next.explanation = explanation,
            Action::Load {
                scenario,
                preset_id,
                notice,
            } => {
                next.step_to(*scenario);
                next.preset_id = preset_id;
                next.notice = notice;
            }
            Action::Undo => {
                let Some(prev) = next.undo.pop_back() else { return self };
                next.redo.push(Rc::clone(&next.scenario));
                next.show(prev);
            }
            Action::Redo => {
                let Some(later) = next.redo.pop() else { return self };
                next.undo.push_back(Rc::clone(&next.scenario));
                next.show(later);
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
            Rc::ptr_eq(&s2.undo[0], &first),
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
            s.undo.front().map(|x| x.seed),
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
}
