//! Exports of a report: pattern and series tables as CSV, the report as JSON, and charts as slide-ready SVG or
//! PNG (title, legend, scenario, seed and link travel with the chart), and deck slides as images (`slide`).

use crate::share::download;
use backfire_engine::ensemble::{Measure, PairedChange};
use backfire_engine::words::pattern_name;
use backfire_engine::Report;
use wasm_bindgen::JsCast;

pub mod slide;

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180), and neutralises text a
/// spreadsheet would run as a formula: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return (a circle named `=1+1`, which rule labels quote) gets a leading `'`, so it opens as text.
/// A plain number such as `-5` is left alone: it cannot be a formula, and a quote would make it text.
fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err();
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One row per pattern: id, name, level, severity, incidents, yuan, people harmed, prevalence (percent of honest
/// views), first hour, top rule.
pub fn patterns_csv(r: &Report) -> String {
    let mut out = String::from(
        "pattern,name,level,severity,incidents,yuan_involved,people_harmed,prevalence_percent,first_hour,opened_by\n",
    );
    for p in &r.patterns {
        let row = [
            p.id.id().to_string(),
            pattern_name(backfire_engine::lang::Lang::En, p.id).to_string(),
            p.level.id().to_string(),
            p.severity.to_string(),
            p.incidents.to_string(),
            format!("{}.{:02}", p.fen_involved / 100, p.fen_involved % 100),
            p.people_harmed.to_string(),
            // Exact: per 10,000 views is a percentage with two decimals.
            format!("{}.{:02}", p.prevalence_per_10k / 100, p.prevalence_per_10k % 100),
            p.first_hour.map(|h| h.to_string()).unwrap_or_default(),
            p.opened_by.first().map(|o| o.rule.clone()).unwrap_or_default(),
        ];
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// One row per simulated hour: each pattern's incidents, then honest-user health, tips and backlog.
pub fn series_csv(r: &Report) -> String {
    let mut header = vec!["hour".to_string()];
    header.extend(r.patterns.iter().map(|p| p.id.id().to_string()));
    header.extend(
        [
            "genuine_posts",
            "honest_interactions",
            "honest_views",
            "tipped_yuan",
            "review_backlog",
        ]
        .map(String::from),
    );
    let mut out = header.join(",");
    out.push('\n');
    let h = &r.health.hourly;
    for hour in 0..r.hours_done as usize {
        let mut row = vec![hour.to_string()];
        row.extend(
            r.patterns
                .iter()
                .map(|p| p.hourly.get(hour).copied().unwrap_or(0).to_string()),
        );
        row.push(h.genuine_posts.get(hour).copied().unwrap_or(0).to_string());
        row.push(h.interactions.get(hour).copied().unwrap_or(0).to_string());
        row.push(h.views.get(hour).copied().unwrap_or(0).to_string());
        let fen = r.money.hourly_tipped_fen.get(hour).copied().unwrap_or(0);
        row.push(format!("{}.{:02}", fen / 100, fen % 100));
        row.push(r.moderation.backlog_hourly.get(hour).copied().unwrap_or(0).to_string());
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// Downloads the report as pretty JSON.
pub fn report_json(r: &Report) {
    let text = serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    download("backfire-report.json", "application/json", &text);
}

/// Escapes text for SVG.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A chart's size in the page's SVG units when its `viewBox` cannot be read, and the scale of an exported image.
const CHART_W: f64 = 720.0;
const CHART_H: f64 = 220.0;
const EXPORT_SCALE: f64 = 2.0;

/// The drawing's width and height from its `viewBox` ("0 0 720 220"); charts of other shapes (the deck's, the
/// sweep's heatmap and line) export whole.
fn view_box(svg: &web_sys::Element) -> (f64, f64) {
    let parts: Vec<f64> = svg
        .get_attribute("viewBox")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect();
    match parts.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => (*w, *h),
        _ => (CHART_W, CHART_H),
    }
}

/// The standalone, slide-ready SVG of the chart inside the element with this `data-testid`, with its height in
/// the chart's units (its width is the chart's own, see [`view_box`]): the chart's title and legend above it (the page's caption does not travel with the
/// SVG), and the scenario, seed and link below, so a slide can be traced back to the run.
pub fn chart_svg_text(testid: &str) -> Option<(String, f64, f64)> {
    let document = web_sys::window()?.document()?;
    let found = document.query_selector(&format!("[data-testid=\"{testid}\"]")).ok()??;
    // The test id names the figure, or the drawing inside it (the sweep's charts).
    let figure = if found.tag_name().eq_ignore_ascii_case("svg") {
        found.closest("figure").ok().flatten().unwrap_or_else(|| found.clone())
    } else {
        found
    };
    let svg = figure.query_selector("svg").ok()??;
    let (chart_w, chart_h) = view_box(&svg);
    let title = figure
        .query_selector("figcaption strong")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    // Legend entries: the label and the colour of its swatch (or the numbered key of a change).
    let mut legend = Vec::new();
    if let Ok(items) = figure.query_selector_all(".legend-item") {
        for k in 0..items.length() {
            let Some(item) = items.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            let label = item.text_content().unwrap_or_default();
            let color = item
                .query_selector("i")
                .ok()
                .flatten()
                .and_then(|i| i.get_attribute("style"))
                .and_then(|s| s.strip_prefix("background:").map(str::to_string))
                .unwrap_or_else(|| String::from("#57534e"));
            legend.push((label, color));
        }
    }
    let mut rows = String::new();
    let (mut x, mut y) = (12.0, 36.0);
    for (label, color) in &legend {
        let w = 18.0 + label.chars().count() as f64 * 5.6 + 12.0;
        if x + w > chart_w - 12.0 && x > 12.0 {
            x = 12.0;
            y += 14.0;
        }
        rows.push_str(&format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"10\" height=\"10\" rx=\"2\" fill=\"{}\"/><text x=\"{}\" y=\"{y}\" font-size=\"10\">{}</text>",
            y - 9.0,
            xml(color),
            x + 14.0,
            xml(label)
        ));
        x += w;
    }
    let header = y + 10.0;
    let footer = 18.0;
    let height = header + chart_h + footer;
    let text_of = |id: &str| {
        document
            .query_selector(&format!("[data-testid=\"{id}\"]"))
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let link = web_sys::window()?.location().href().ok().unwrap_or_default();
    let shown_link: String = if link.chars().count() > 90 {
        format!("{}…", link.chars().take(90).collect::<String>())
    } else {
        link.clone()
    };
    let footer_text = format!("{} · {} · {}", text_of("scenario-name"), text_of("seed"), shown_link);
    Some((
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {chart_w} {height}\" role=\"img\" aria-label=\"{title_x}\">\
<title>{title_x}</title><desc>{link_x}</desc>\
<style>text{{font-family:system-ui,sans-serif;fill:#1c1f24}}</style><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
<text x=\"12\" y=\"18\" font-size=\"14\" font-weight=\"700\">{title_x}</text>{rows}\
<g transform=\"translate(0 {header})\">{inner}</g>\
<text x=\"12\" y=\"{fy}\" font-size=\"8\" fill=\"#57534e\">{footer_x}</text></svg>",
            w = chart_w * EXPORT_SCALE,
            h = height * EXPORT_SCALE,
            title_x = xml(&title),
            link_x = xml(&link),
            inner = svg.inner_html(),
            fy = height - 6.0,
            footer_x = xml(&footer_text),
        ),
        chart_w,
        height,
    ))
}

/// Downloads a chart as SVG.
pub fn chart_svg(testid: &str) {
    if let Some((text, _, _)) = chart_svg_text(testid) {
        download(&format!("{testid}.svg"), "image/svg+xml", &text);
    }
}

/// Downloads a chart as PNG: the SVG is drawn onto a canvas at twice its size, then encoded.
pub fn chart_png(testid: &str) {
    if let Some((text, width, height)) = chart_svg_text(testid) {
        png_from_svg(&text, width, height, format!("{testid}.png"));
    }
}

/// Downloads an SVG drawing of `width` × `height` as a PNG of twice that size, named `name`. The SVG goes to
/// the image as a `data:` URL: Chromium taints a canvas that drew a `blob:` SVG holding a `<foreignObject>`
/// (a slide image), and a tainted canvas cannot be encoded.
pub fn png_from_svg(text: &str, width: f64, height: f64, name: String) {
    let (w, h) = (width * EXPORT_SCALE, height * EXPORT_SCALE);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Ok(canvas) = document
            .create_element("canvas")
            .map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>())
        else {
            return;
        };
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w, h);
        if let Ok(data_url) = canvas.to_data_url_with_type("image/png") {
            if let Ok(a) = document.create_element("a") {
                let _ = a.set_attribute("href", &data_url);
                let _ = a.set_attribute("download", &name);
                if let Some(el) = a.dyn_ref::<web_sys::HtmlElement>() {
                    el.click();
                }
            }
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&src);
}

/// A comparison as CSV: one row per pattern (severity and incidents) and per measure, each with both sides'
/// means over the seeds, the change seed by seed, the half-width of its 95 % interval and whether it is beyond
/// the seeds' noise. The first lines name both sides and the number of seeds.
pub fn comparison_csv(
    baseline: &str,
    variant: &str,
    seeds: u32,
    patterns: &[(backfire_engine::PatternId, PairedChange, PairedChange)],
    measures: &[(Measure, PairedChange)],
) -> String {
    let mut out = format!(
        "# baseline,{}\n# variant,{}\n# seeds per side,{seeds}\nfigure,unit,baseline_mean,variant_mean,change,half_width_95,beyond_noise\n",
        csv_field(baseline),
        csv_field(variant)
    );
    let mut row = |figure: String, unit: &str, c: &PairedChange| {
        let cells = [
            figure,
            unit.to_string(),
            format!("{:.3}", c.baseline),
            format!("{:.3}", c.variant),
            format!("{:.3}", c.change),
            c.half_width.map(|w| format!("{w:.3}")).unwrap_or_default(),
            c.beyond_noise().to_string(),
        ];
        out.push_str(&cells.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    };
    for (id, severity, incidents) in patterns {
        row(format!("{} severity", id.id()), "0-100", severity);
        row(format!("{} incidents", id.id()), "incidents", incidents);
    }
    for (m, c) in measures {
        let (name, unit) = match m {
            Measure::AbuseIncidents => ("abuse_incidents", "incidents"),
            Measure::AbuseMoneyFen => ("abuse_money", "fen"),
            Measure::SolicitationPrevalence => ("solicitation_prevalence", "per 10,000 honest views"),
            Measure::Exclusion => ("exclusion", "incidents"),
            Measure::WronglySanctioned => ("wrongly_sanctioned", "honest users"),
            Measure::HonestEngagement => ("honest_engagement", "posts and interactions"),
            Measure::TippedFen => ("tipped", "fen"),
        };
        row(name.to_string(), unit, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_open_as_text() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+1"), "+1", "a plain number stays a number");
        assert_eq!(csv_field("-5"), "-5");
        assert_eq!(csv_field("-1+1"), "'-1+1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            csv_field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_field("\t=cmd"), "'\t=cmd");
    }

    #[test]
    fn pattern_rows_carry_prevalence() {
        let Some(preset) = backfire_engine::presets::by_id("alipay-circles-2016") else {
            panic!("the launch preset is missing");
        };
        let mut s = preset.scenario;
        s.population.n_users = 500;
        s.days = 1;
        let r = backfire_engine::run(&s);
        let csv = patterns_csv(&r);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
        let column = header.iter().position(|h| *h == "prevalence_percent");
        assert_eq!(column, Some(7), "{header:?}");
        for (p, line) in r.patterns.iter().zip(lines) {
            let field = line.split(',').nth(7).unwrap_or_default();
            let percent: f64 = field.parse().unwrap_or(-1.0);
            assert!(
                (percent * 100.0 - f64::from(p.prevalence_per_10k)).abs() < 0.01,
                "{line}"
            );
        }
    }
}
