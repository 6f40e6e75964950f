//! The hourly charts: abuse patterns, and honest-user health, on a shared time axis.

use super::line_chart::{LineChart, Series};
use crate::view_model::pattern_color;
use backfire_engine::words::pattern_name;
use backfire_engine::{Level, Report};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ResultsCharts`].
#[derive(Properties, PartialEq, Clone)]
pub struct ResultsChartsProps {
    /// The report drawn.
    pub report: Rc<Report>,
    /// Hour to mark (presentation playback), if any.
    #[prop_or_default]
    pub marker: Option<u32>,
    /// The scenario's changes of the rules, marked on every chart.
    #[prop_or_default]
    pub events: Rc<Vec<(u32, AttrValue)>>,
}

/// The changes of a scenario's timeline to mark on its charts: hour and label, in order of hour.
pub fn timeline_events(s: &backfire_engine::Scenario) -> Rc<Vec<(u32, AttrValue)>> {
    let mut events: Vec<(u32, AttrValue)> = s
        .interventions
        .iter()
        .map(|i| (i.hour, AttrValue::from(i.label.clone())))
        .collect();
    events.sort_by_key(|e| e.0);
    Rc::new(events)
}

/// Patterns and health charts.
#[function_component]
pub fn ResultsCharts(props: &ResultsChartsProps) -> Html {
    let r = &props.report;
    let patterns: Vec<Series> = r
        .patterns
        .iter()
        .filter(|p| p.level != Level::None)
        .map(|p| {
            Series::line(
                pattern_name(p.id),
                pattern_color(p.id),
                p.hourly.iter().map(|v| f64::from(*v)).collect(),
            )
        })
        .collect();
    let h = &r.health.hourly;
    let health = vec![
        Series::line(
            "Genuine posts",
            "#2f855a",
            h.genuine_posts.iter().map(|v| f64::from(*v)).collect(),
        ),
        Series::line(
            "Honest interactions",
            "#1d4ed8",
            h.interactions.iter().map(|v| f64::from(*v)).collect(),
        ),
    ];
    let backlog = vec![Series::line(
        "Moderation backlog",
        "#a16207",
        r.moderation.backlog_hourly.iter().map(|v| f64::from(*v)).collect(),
    )];
    let tips = vec![Series::line(
        "Tips (¥ per hour)",
        "#c2410c",
        r.money.hourly_tipped_fen.iter().map(|v| *v as f64 / 100.0).collect(),
    )];
    html! {
        <section aria-label="hourly charts">
            <h2>{"Hour by hour"}</h2>
            if patterns.is_empty() {
                <p class="muted">{"No abuse pattern appeared."}</p>
            } else {
                <LineChart title="Abuse incidents per hour" series={patterns} hours={r.total_hours} testid="chart-patterns" marker={props.marker} events={props.events.clone()} />
            }
            <LineChart title="Honest-user health per hour" series={health} hours={r.total_hours} testid="chart-health" marker={props.marker} events={props.events.clone()} />
            <div class="grid2">
                <LineChart title="Tips per hour" series={tips} hours={r.total_hours} testid="chart-tips" marker={props.marker} events={props.events.clone()} />
                <LineChart title="Items waiting for review" series={backlog} hours={r.total_hours} testid="chart-backlog" marker={props.marker} events={props.events.clone()} />
            </div>
        </section>
    }
}
