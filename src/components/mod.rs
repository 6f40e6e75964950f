//! The app's components, one per file, each small and fed by props.

pub mod condition_builder;
pub mod field;
pub mod line_chart;
pub mod pattern_cards;
pub mod circle_editor;
pub mod circle_list;
pub mod platform_editor;
pub mod population_editor;
pub mod rules_summary;
pub mod exemplars;
pub mod honest_cost;
pub mod money_flow;
pub mod results_charts;
pub mod toolbar;
pub mod present;
pub mod sweep_panel;
pub mod why_panel;
pub mod compare_panel;
pub mod export_menu;
