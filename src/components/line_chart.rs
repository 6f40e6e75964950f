//! An hourly line chart drawn as SVG: axes, ticks, legend, and hover values on a shared time axis.

use web_sys::Element;
use yew::prelude::*;

/// One line of a chart.
#[derive(Clone, PartialEq)]
pub struct Series {
    /// Legend label.
    pub label: AttrValue,
    /// CSS colour of the line.
    pub color: AttrValue,
    /// One value per simulated hour.
    pub values: Vec<f64>,
    /// Lowest and highest value per hour over several runs, drawn as a shaded band.
    pub band: Option<std::rc::Rc<(Vec<f64>, Vec<f64>)>>,
    /// Draw the line dashed (a baseline under a variant).
    pub dashed: bool,
}

impl Series {
    /// A plain solid line.
    pub fn line(label: impl Into<AttrValue>, color: impl Into<AttrValue>, values: Vec<f64>) -> Self {
        Series {
            label: label.into(),
            color: color.into(),
            values,
            band: None,
            dashed: false,
        }
    }
}

/// Props of [`LineChart`].
#[derive(Properties, Clone, PartialEq)]
pub struct LineChartProps {
    /// Accessible title, also shown above the chart.
    pub title: AttrValue,
    /// The lines; all share the hour axis.
    pub series: Vec<Series>,
    /// Hours on the x axis (the run's length), so partial runs keep their scale.
    pub hours: u32,
    /// `data-testid` of the chart's figure.
    #[prop_or_default]
    pub testid: AttrValue,
    /// Hour to mark with a vertical line (presentation playback), if any.
    #[prop_or_default]
    pub marker: Option<u32>,
    /// Changes of the rules to mark: the hour each takes effect and what it was.
    #[prop_or_default]
    pub events: std::rc::Rc<Vec<(u32, AttrValue)>>,
    /// Draw the lines only up to this hour (presentation playback), keeping the whole run's scale so
    /// nothing rescales as the run is revealed.
    #[prop_or_default]
    pub reveal: Option<u32>,
    /// The drawing's proportions and type size.
    #[prop_or(Frame::PAGE)]
    pub frame: Frame,
}

/// A chart's drawing area in SVG units: its size, the margins its axis labels sit in, and its type size.
/// The SVG scales to its box, so on screen the type is `font × box width / w` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    w: f64,
    h: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    font: f64,
}

impl Frame {
    /// The page's charts: wide and short, 12-unit type.
    pub const PAGE: Frame = Frame {
        w: 720.0,
        h: 220.0,
        left: 56.0,
        right: 12.0,
        top: 12.0,
        bottom: 30.0,
        font: 12.0,
    };
    /// The deck's charts: a narrower drawing with larger type, so a chart half a 1920-pixel slide wide
    /// shows its labels at 24 px or more from the back of a room.
    pub const PROJECTOR: Frame = Frame {
        w: 440.0,
        h: 215.0,
        left: 60.0,
        right: 14.0,
        top: 20.0,
        bottom: 40.0,
        font: 18.0,
    };
}

/// "Nice" tick step for a span, so ticks land on 1, 2 or 5 × 10ⁿ.
fn nice_step(span: f64, target_ticks: f64) -> f64 {
    let raw = (span / target_ticks).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm < 1.5 {
        1.0
    } else if norm < 3.5 {
        2.0
    } else if norm < 7.5 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Compact label for a y tick.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if a >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else if a >= 10.0 || v == v.trunc() {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Line chart of hourly series with hover read-out.
#[function_component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let lang = crate::locale::use_lang();
    let Frame {
        w: width,
        h: height,
        left,
        right,
        top,
        bottom,
        font,
    } = props.frame;
    let hover = use_state(|| None::<u32>);
    let hours = props.hours.max(1);
    let max_v = props
        .series
        .iter()
        .flat_map(|s| {
            s.values
                .iter()
                .copied()
                .chain(s.band.iter().flat_map(|b| b.1.iter().copied()))
        })
        .fold(0.0_f64, f64::max);
    let step = nice_step(max_v.max(1.0), 4.0);
    let top_v = (max_v / step).ceil().max(1.0) * step;
    let x = |h: f64| left + (width - left - right) * h / f64::from(hours);
    let y = |v: f64| top + (height - top - bottom) * (1.0 - v / top_v);

    let y_ticks: Html = (0..=((top_v / step).round() as u32))
        .map(|i| {
            let v = f64::from(i) * step;
            html! {
                <g>
                    <line x1={left.to_string()} x2={(width - right).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} stroke="#e7e5e4" />
                    <text x={(left - 6.0).to_string()} y={(y(v) + font / 3.0).to_string()} text-anchor="end" font-size={font.to_string()}>{compact(v)}</text>
                </g>
            }
        })
        .collect();
    let day_step = if hours <= 24 * 8 {
        24
    } else if hours <= 24 * 31 {
        24 * 5
    } else {
        24 * 10
    };
    let hour_step = if hours <= 48 { 6 } else { day_step };
    // A label at the very end would name the day after the run and spill past the drawing.
    let x_ticks: Html = (0..=hours / hour_step)
        .filter(|i| i * hour_step < hours || hour_step < 24)
        .map(|i| {
            let h = i * hour_step;
            let label = if hour_step < 24 {
                format!("{h}h")
            } else {
                let day = h / 24 + 1;
                crate::locale::trf!(lang, "day {day}", "第{day}天")
            };
            html! {
                <g>
                    <line x1={x(f64::from(h)).to_string()} x2={x(f64::from(h)).to_string()} y1={(height - bottom).to_string()} y2={(height - bottom + 4.0).to_string()} stroke="#78716c" />
                    <text x={x(f64::from(h)).to_string()} y={(height - bottom + 6.0 + font).to_string()} text-anchor="middle" font-size={font.to_string()}>{label}</text>
                </g>
            }
        })
        .collect();
    // At most one point per ~2 px of chart width: a 90-day run has 2,160 hours, and drawing every one
    // costs main-thread time without showing more. Each drawn point is the largest value of its bucket,
    // so peaks survive.
    let bucket = (hours as usize).div_ceil(360).max(1);
    let thin_by = |values: &[f64], pick: fn(f64, f64) -> f64| -> Vec<(f64, f64)> {
        values
            .chunks(bucket)
            .enumerate()
            .map(|(i, c)| {
                (
                    (i * bucket) as f64 + c.len() as f64 / 2.0,
                    c.iter().copied().reduce(pick).unwrap_or(0.0),
                )
            })
            .collect()
    };
    let thin = |values: &[f64]| thin_by(values, f64::max);
    // Playback reveals the hours up to the one shown; the scale above already holds the whole run.
    let revealed = |values: &[f64]| -> Vec<f64> {
        let upto = props
            .reveal
            .map_or(values.len(), |r| (r as usize + 1).min(values.len()));
        values.iter().take(upto).copied().collect()
    };
    let lines: Html = props
        .series
        .iter()
        .map(|s| {
            let points: String = thin(&revealed(&s.values)).iter().map(|(h, v)| format!("{:.1},{:.1} ", x(*h), y(*v))).collect();
            let band = s.band.as_ref().map(|b| {
                let upper = thin(&revealed(&b.1)).into_iter().map(|(h, v)| format!("{:.1},{:.1}", x(h), y(v)));
                let lower = thin_by(&revealed(&b.0), f64::min).into_iter().rev().map(|(h, v)| format!("{:.1},{:.1}", x(h), y(v)));
                let pts = upper.chain(lower).collect::<Vec<_>>().join(" ");
                html! { <polygon points={pts} fill={s.color.clone()} fill-opacity="0.18" stroke="none" /> }
            });
            let dash = if s.dashed { "6 4" } else { "none" };
            html! { <>{band}<polyline points={points} fill="none" stroke={s.color.clone()} stroke-width="2" stroke-dasharray={dash} stroke-linejoin="round" /></> }
        })
        .collect();

    let svg_ref = use_node_ref();
    let onmousemove = {
        let hover = hover.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(el) = svg_ref.cast::<Element>() {
                let rect = el.get_bounding_client_rect();
                if rect.width() > 0.0 {
                    let px = (f64::from(e.client_x()) - rect.left()) / rect.width() * width;
                    let h = ((px - left) / (width - left - right) * f64::from(hours)).floor();
                    hover.set((h >= 0.0 && h < f64::from(hours)).then_some(h as u32));
                }
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };
    let hover_line = hover.map(|h| {
        html! { <line x1={x(f64::from(h) + 0.5).to_string()} x2={x(f64::from(h) + 0.5).to_string()} y1={top.to_string()} y2={(height - bottom).to_string()} stroke="#1c1f24" stroke-dasharray="3 3" /> }
    });
    let marker = props.marker.map(|h| {
        html! { <line x1={x(f64::from(h)).to_string()} x2={x(f64::from(h)).to_string()} y1={top.to_string()} y2={(height - bottom).to_string()} stroke="#c2410c" stroke-width="2" /> }
    });
    // Each change of the rules: a dashed line at its hour, numbered at the top (the legend names the numbers).
    let events: Html = props
        .events
        .iter()
        .enumerate()
        .filter(|(_, (h, _))| *h < hours)
        .map(|(k, (h, label))| {
            let at = x(f64::from(*h));
            html! {
                <g data-testid="chart-event" data-hour={h.to_string()}>
                    <title>{crate::locale::trf!(lang, "hour {h}: {label}", "第 {h} 小时：{label}")}</title>
                    <line x1={at.to_string()} x2={at.to_string()} y1={top.to_string()} y2={(height - bottom).to_string()} stroke="#57534e" stroke-width="1.5" stroke-dasharray="5 3" />
                    <rect x={(at - font * 0.7).to_string()} y={(top - font * 0.7).to_string()} width={(font * 1.4).to_string()} height={(font * 1.4).to_string()} rx="3" fill="#57534e" />
                    <text x={at.to_string()} y={(top + font * 0.35).to_string()} text-anchor="middle" font-size={font.to_string()} fill="#ffffff">{(k + 1).to_string()}</text>
                </g>
            }
        })
        .collect();
    let event_legend: Html = props
        .events
        .iter()
        .enumerate()
        .filter(|(_, (h, _))| *h < hours)
        .map(|(k, (h, label))| html! { <span class="legend-item event-key"><b>{(k + 1).to_string()}</b>{format!(" h{h} ")}<span translate="no">{label.clone()}</span></span> })
        .collect();
    let readout = match *hover {
        Some(h) => html! {
            <div class="chart-readout" data-testid="chart-readout">
                <strong>{ { let (day, hh) = (h / 24 + 1, h % 24); crate::locale::trf!(lang, "day {day} · {hh:02}:00", "第 {day} 天 · {hh:02}:00") } }</strong>
                { for props.series.iter().map(|s| html! {
                    <span><i style={format!("background:{}", s.color)}></i>{format!("{}: {}", s.label, compact(s.values.get(h as usize).copied().unwrap_or(0.0)))}</span>
                }) }
            </div>
        },
        None => {
            html! { <div class="chart-readout muted">{crate::locale::tr!(lang, "Hover the chart for hourly values", "将指针移到图上查看每小时数值")}</div> }
        }
    };
    let legend: Html = props
        .series
        .iter()
        .map(|s| html! { <span class="legend-item"><i style={format!("background:{}", s.color)}></i>{s.label.clone()}</span> })
        .collect();
    html! {
        <figure class="chart" data-testid={props.testid.clone()}>
            <figcaption><strong>{props.title.clone()}</strong><span class="legend">{legend}{event_legend}</span></figcaption>
            <svg ref={svg_ref} viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()} {onmousemove} {onmouseleave} preserveAspectRatio="xMidYMid meet">
                <title>{props.title.clone()}</title>
                {y_ticks}{x_ticks}
                <line x1={left.to_string()} x2={left.to_string()} y1={top.to_string()} y2={(height - bottom).to_string()} stroke="#78716c" />
                <line x1={left.to_string()} x2={(width - right).to_string()} y1={(height - bottom).to_string()} y2={(height - bottom).to_string()} stroke="#78716c" />
                {events}{lines}{hover_line}{marker}
            </svg>
            {readout}
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(nice_step(100.0, 4.0), 20.0);
        assert_eq!(nice_step(7.0, 4.0), 2.0);
        assert_eq!(nice_step(1_000_000.0, 4.0), 200_000.0);
    }

    #[test]
    fn compact_labels() {
        assert_eq!(compact(1_500_000.0), "1.5M");
        assert_eq!(compact(25_000.0), "25k");
        assert_eq!(compact(1_200.0), "1.2k");
        assert_eq!(compact(12.0), "12");
        assert_eq!(compact(0.5), "0.5");
    }
}
