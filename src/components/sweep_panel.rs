//! Sweep one or two numeric rules across their ranges on the worker pool, drawn as a heatmap.

use crate::pool::Pool;
use backfire_engine::Scenario;
use yew::prelude::*;

/// Props of [`SweepPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct SweepPanelProps {
    /// The scenario swept.
    pub scenario: Scenario,
    /// The worker pool that runs the cells.
    pub pool: Pool,
    /// Loads a cell's configuration as an undoable edit.
    pub on_load: Callback<Scenario>,
}

/// The sweep panel.
#[function_component]
pub fn SweepPanel(_props: &SweepPanelProps) -> Html {
    html! { <section class="panel" data-testid="sweep-panel"><h2>{"Sweep"}</h2></section> }
}
