//! The export buttons: charts as SVG and PNG, tables as CSV, the report as JSON, and print.

use crate::export;
use crate::locale::{tr, trf};
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
const CHARTS: [(&str, &str, &str); 4] = [
    ("chart-patterns", "patterns", "滥用模式"),
    ("chart-health", "health", "健康度"),
    ("chart-tips", "tips", "打赏"),
    ("chart-backlog", "backlog", "审核积压"),
];

/// The export menu.
#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let r = props.report.clone();
    let lang = crate::locale::use_lang();
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
            <summary>{tr!(lang, "Export", "导出")}</summary>
            <div class="row">
                <button class="btn small" data-testid="export-report-json" onclick={on_json}>{tr!(lang, "Report (JSON)", "报告（JSON）")}</button>
                <button class="btn small" data-testid="export-patterns-csv" onclick={on_patterns}>{tr!(lang, "Patterns (CSV)", "模式（CSV）")}</button>
                <button class="btn small" data-testid="export-series-csv" onclick={on_series}>{tr!(lang, "Hourly series (CSV)", "逐小时数据（CSV）")}</button>
                { for CHARTS.iter().map(|(id, en, zh)| {
                    let label = if lang == crate::locale::Lang::En { en } else { zh };
                    let svg = Callback::from(move |_| export::chart_svg(id));
                    let png = Callback::from(move |_| export::chart_png(id));
                    html! { <>
                        <button class="btn small" data-testid={format!("export-{id}-svg")} onclick={svg}>{trf!(lang, "{label} chart (SVG)", "{label}图（SVG）")}</button>
                        <button class="btn small" data-testid={format!("export-{id}-png")} onclick={png}>{trf!(lang, "{label} chart (PNG)", "{label}图（PNG）")}</button>
                    </> }
                }) }
                <button class="btn small" data-testid="print" onclick={on_print}>{tr!(lang, "Print / PDF", "打印 / PDF")}</button>
                <button class="btn small" data-testid="review-pdf" title={tr!(lang, "One page for a design review: verdict, rules, findings, comparison, assumptions, seed and link", "设计评审用的一页：结论、规则、发现、对比、假设、种子和链接")}
                    onclick={Callback::from(|_| crate::components::review_sheet::print_review())}>{tr!(lang, "Review PDF", "评审 PDF")}</button>
            </div>
        </details>
    }
}
