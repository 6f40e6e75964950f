//! The app's one state, its actions and the pure reducer (effects live in the components' hooks).

use backfire_engine::Scenario;
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

/// Everything the page edits: the scenario, its undo history, and a notice.
#[derive(Clone, PartialEq, Debug)]
pub struct AppState {
    /// The scenario being edited.
    pub scenario: Scenario,
    /// Earlier scenarios, most recent last.
    pub undo: Vec<Scenario>,
    /// Undone scenarios, most recent last.
    pub redo: Vec<Scenario>,
    /// The preset the scenario started from, if any.
    pub preset_id: Option<String>,
    /// A message to show, if any.
    pub notice: Option<Notice>,
    /// Bumped on every change of `scenario`, so effects can tell edits apart cheaply.
    pub revision: u64,
    /// The scenario pinned as the baseline of a comparison, if any.
    pub baseline: Option<Scenario>,
    /// Seeds per side in a comparison (1–50).
    pub runs: u32,
}

/// What can happen to the state.
#[derive(Debug)]
pub enum Action {
    /// Replace the scenario with an edited one (undoable).
    Edit(Box<Scenario>),
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
            scenario,
            undo: Vec::new(),
            redo: Vec::new(),
            preset_id,
            notice,
            revision: 0,
            baseline: None,
            runs: 1,
        }
    }

    fn push_undo(&mut self) {
        self.undo.push(self.scenario.clone());
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(scenario) => {
                if *scenario == next.scenario {
                    return self;
                }
                next.push_undo();
                next.scenario = *scenario;
                next.revision += 1;
            }
            Action::Load {
                scenario,
                preset_id,
                notice,
            } => {
                next.push_undo();
                next.scenario = *scenario;
                next.preset_id = preset_id;
                next.notice = notice;
                next.revision += 1;
            }
            Action::Undo => {
                let Some(prev) = next.undo.pop() else { return self };
                next.redo.push(std::mem::replace(&mut next.scenario, prev));
                next.revision += 1;
            }
            Action::Redo => {
                let Some(later) = next.redo.pop() else { return self };
                next.undo.push(std::mem::replace(&mut next.scenario, later));
                next.revision += 1;
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::Pin => next.baseline = Some(next.scenario.clone()),
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

    #[test]
    fn undo_and_redo_walk_the_history() {
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let s1 = s0.reduce(Action::Edit(Box::new(with_seed(2))));
        let s2 = s1.reduce(Action::Edit(Box::new(with_seed(3))));
        assert_eq!(s2.scenario.seed, 3);
        let u1 = s2.reduce(Action::Undo);
        assert_eq!(u1.scenario.seed, 2);
        let u2 = u1.reduce(Action::Undo);
        assert_eq!(u2.scenario.seed, 1);
        let u3 = u2.clone().reduce(Action::Undo);
        assert_eq!(u3.scenario.seed, 1, "undo past the start changes nothing");
        let r1 = u3.reduce(Action::Redo);
        assert_eq!(r1.scenario.seed, 2);
        let edited = r1.reduce(Action::Edit(Box::new(with_seed(9))));
        assert!(edited.redo.is_empty(), "a new edit clears redo");
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_recorded() {
        let s0 = Rc::new(AppState::new(with_seed(1), None, None));
        let s1 = s0.reduce(Action::Edit(Box::new(with_seed(1))));
        assert!(s1.undo.is_empty());
    }
}
