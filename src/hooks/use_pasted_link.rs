//! A link pasted into the address bar of an open page: only the fragment changes, so the browser does not
//! reload; the page opens the link as new work, or says in words why it cannot (the work on screen stays).

use crate::problem::{self, Source};
use crate::share::{self, Opened};
use crate::state::{Action, AppState};
use yew::prelude::*;

/// Listens for `hashchange` (the app writes its own fragment with `replaceState`, which fires none, so
/// every event is a link the designer pasted or navigated to) and opens what it holds: `on_new_work` first,
/// so the library gives the link a slot of its own and the work before it is kept. A refusal is said in
/// `lang`; the listener is set up again when the language changes.
#[hook]
pub fn use_pasted_link(
    lang: crate::locale::Lang,
    dispatcher: UseReducerDispatcher<AppState>,
    on_new_work: Callback<()>,
) {
    use_effect_with(lang, move |&lang| {
        let listener = web_sys::window().map(|w| {
            gloo::events::EventListener::new(&w, "hashchange", move |_| match share::open_fragment() {
                Opened::Nothing => {}
                Opened::Broken(reason) => {
                    dispatcher.dispatch(Action::Notify(
                        problem::explain(lang, Source::PastedLink, &reason).notice(lang, Source::PastedLink),
                    ));
                }
                Opened::Scenario(scenario, baseline, notice) => {
                    on_new_work.emit(());
                    // A comparison link: its baseline is pinned first, as opening it in a new tab would.
                    if let Some((b, runs)) = baseline {
                        dispatcher.dispatch(Action::Load {
                            scenario: b,
                            preset_id: None,
                            notice: None,
                        });
                        dispatcher.dispatch(Action::Pin);
                        dispatcher.dispatch(Action::SetRuns(runs));
                    }
                    dispatcher.dispatch(Action::Load {
                        scenario,
                        preset_id: None,
                        notice: notice.map(|n| share::model_notice(lang, &n)),
                    });
                }
            })
        });
        move || drop(listener)
    });
}
