//! The app's components, one per file, each small and fed by props.

pub mod assumptions_panel;
pub mod circle_editor;
pub mod circle_list;
pub mod compare_panel;
pub mod condition_builder;
pub mod exemplars;
pub mod export_menu;
pub mod field;
pub mod honest_cost;
pub mod library_panel;
pub mod line_chart;
pub mod money_flow;
pub mod pattern_cards;
pub mod platform_editor;
pub mod population_editor;
pub mod present;
pub mod results_charts;
pub mod results_view;
pub mod rules_summary;
pub mod sweep_panel;
pub mod toolbar;
pub mod verdict_bar;
pub mod why_panel;
