//! The bar that shows how far a batch on the worker pool has got (an explanation, a comparison, the deck's).

use crate::pool::BatchProgress;
use yew::prelude::*;

/// A progress bar for a batch: `label` names it for screen readers, `testid` finds it in tests.
pub fn progress_bar(p: BatchProgress, label: &str, testid: &str) -> Html {
    let pct = if p.total == 0 {
        0.0
    } else {
        100.0 * p.done as f64 / p.total as f64
    };
    html! {
        <div class="progress" role="progressbar" aria-label={label.to_string()} data-testid={testid.to_string()} aria-valuemin="0"
            aria-valuemax={p.total.to_string()} aria-valuenow={p.done.to_string()}>
            <div style={format!("width:{pct:.1}%")}></div>
        </div>
    }
}
