//! The export buttons: charts as SVG and PNG, tables as CSV, the report as JSON, and print.

use crate::export;
use crate::share::download;
use backfire_engine::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ExportMenu`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExportMenuProps {
    /// The report exported.
    pub report: Rc<Report>,
}

/// The charts that can be exported, by `data-testid`.
const CHARTS: [(&str, &str); 4] = [
    ("chart-patterns", "patterns"),
    ("chart-health", "health"),
    ("chart-tips", "tips"),
    ("chart-backlog", "backlog"),
];

/// The export menu.
#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let r = props.report.clone();
    let on_json = {
        let r = r.clone();
        Callback::from(move |_| export::report_json(&r))
    };
    let on_patterns = {
        let r = r.clone();
        Callback::from(move |_| download("backfire-patterns.csv", "text/csv", &export::patterns_csv(&r)))
    };
    let on_series = Callback::from(move |_| download("backfire-series.csv", "text/csv", &export::series_csv(&r)));
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <details class="export-menu" data-testid="export-menu">
            <summary>{"Export"}</summary>
            <div class="row">
                <button class="btn small" data-testid="export-report-json" onclick={on_json}>{"Report (JSON)"}</button>
                <button class="btn small" data-testid="export-patterns-csv" onclick={on_patterns}>{"Patterns (CSV)"}</button>
                <button class="btn small" data-testid="export-series-csv" onclick={on_series}>{"Hourly series (CSV)"}</button>
                { for CHARTS.iter().map(|(id, label)| {
                    let svg = Callback::from(move |_| export::chart_svg(id));
                    let png = Callback::from(move |_| export::chart_png(id));
                    html! { <>
                        <button class="btn small" data-testid={format!("export-{id}-svg")} onclick={svg}>{format!("{label} chart (SVG)")}</button>
                        <button class="btn small" data-testid={format!("export-{id}-png")} onclick={png}>{format!("{label} chart (PNG)")}</button>
                    </> }
                }) }
                <button class="btn small" data-testid="print" onclick={on_print}>{"Print / PDF"}</button>
            </div>
        </details>
    }
}
