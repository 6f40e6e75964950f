//! The hourly charts: abuse patterns, and honest-user health, on a shared time axis.

use super::line_chart::{LineChart, Series};
use crate::locale::{pattern_name, tr, use_lang};
use crate::view_model::pattern_color;
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
    let lang = use_lang();
    let patterns: Vec<Series> = r
        .patterns
        .iter()
        .filter(|p| p.level != Level::None)
        .map(|p| {
            Series::line(
                pattern_name(lang, p.id),
                pattern_color(p.id),
                p.hourly.iter().map(|v| f64::from(*v)).collect(),
            )
        })
        .collect();
    let h = &r.health.hourly;
    let health = vec![
        Series::line(
            tr!(lang, "Genuine posts", "真实帖子"),
            "#2f855a",
            h.genuine_posts.iter().map(|v| f64::from(*v)).collect(),
        ),
        Series::line(
            tr!(lang, "Honest interactions", "诚实互动"),
            "#1d4ed8",
            h.interactions.iter().map(|v| f64::from(*v)).collect(),
        ),
    ];
    let backlog = vec![Series::line(
        tr!(lang, "Moderation backlog", "待审积压"),
        "#a16207",
        r.moderation.backlog_hourly.iter().map(|v| f64::from(*v)).collect(),
    )];
    let tips = vec![Series::line(
        tr!(lang, "Tips (¥ per hour)", "打赏（每小时 ¥）"),
        "#c2410c",
        r.money.hourly_tipped_fen.iter().map(|v| *v as f64 / 100.0).collect(),
    )];
    html! {
        <section aria-label={tr!(lang, "hourly charts", "逐小时图表")}>
            <h2>{tr!(lang, "Hour by hour", "逐小时")}</h2>
            if patterns.is_empty() {
                <p class="muted">{tr!(lang, "No abuse pattern appeared.", "未出现滥用模式。")}</p>
            } else {
                <LineChart title={tr!(lang, "Abuse incidents per hour", "每小时滥用事件")} series={patterns} hours={r.total_hours} testid="chart-patterns" marker={props.marker} events={props.events.clone()} />
            }
            <LineChart title={tr!(lang, "Honest-user health per hour", "每小时诚实用户健康度")} series={health} hours={r.total_hours} testid="chart-health" marker={props.marker} events={props.events.clone()} />
            <div class="grid2">
                <LineChart title={tr!(lang, "Tips per hour", "每小时打赏")} series={tips} hours={r.total_hours} testid="chart-tips" marker={props.marker} events={props.events.clone()} />
                <LineChart title={tr!(lang, "Items waiting for review", "等待审核的内容")} series={backlog} hours={r.total_hours} testid="chart-backlog" marker={props.marker} events={props.events.clone()} />
            </div>
        </section>
    }
}
