//! How the sweep names and colours its metrics (the engine's [`SweepMetric`]): labels, the select's groups, colour ramps and scales.

use backfire_engine::sweep::SweepMetric;
use backfire_engine::words::pattern_name;
use backfire_engine::PatternId;
use yew::prelude::*;

/// What a designer reads, e.g. "Solicitation severity (0–100)", "Honest users refused (times)".
pub fn label(m: SweepMetric) -> String {
    match m {
        SweepMetric::AbuseIncidents => "All abuse incidents (exclusion aside)".into(),
        SweepMetric::Severity(p) => format!("{} severity (0–100)", pattern_name(backfire_engine::lang::Lang::En, p)),
        SweepMetric::Incidents(PatternId::Exclusion) => "Honest users refused (times)".into(),
        SweepMetric::Incidents(p) => format!("{} incidents", pattern_name(backfire_engine::lang::Lang::En, p)),
        SweepMetric::Money(p) => format!("{}: money moved (¥)", pattern_name(backfire_engine::lang::Lang::En, p)),
        SweepMetric::Prevalence(p) => format!(
            "{} prevalence (% of honest views)",
            pattern_name(backfire_engine::lang::Lang::En, p)
        ),
        SweepMetric::Engagement => "Honest engagement on genuine posts".into(),
        SweepMetric::TipVolume => "Tip volume (¥)".into(),
    }
}

/// The metric select's options, grouped: harm overall, each pattern, then honest users and money.
pub fn options(selected: SweepMetric) -> Html {
    let option = |m: SweepMetric| html! { <option value={m.id()} selected={m == selected}>{label(m)}</option> };
    let all = SweepMetric::all();
    let groups = PatternId::ALL.iter().map(|&p| {
        html! {
            <optgroup label={pattern_name(backfire_engine::lang::Lang::En, p).to_string()}>
                { for all.iter().copied().filter(|m| m.pattern() == Some(p)).map(option) }
            </optgroup>
        }
    });
    html! {
        <>
            {option(SweepMetric::AbuseIncidents)}
            { for groups }
            <optgroup label="Honest users and money">
                {option(SweepMetric::Engagement)}
                {option(SweepMetric::TipVolume)}
            </optgroup>
        </>
    }
}

/// The lowest and highest value of the colour or value scale: severity keeps its fixed 0–100 so sweeps compare;
/// other figures span what this sweep found.
pub fn scale(m: SweepMetric, values: &[f64]) -> (f64, f64) {
    if let SweepMetric::Severity(_) = m {
        return (0.0, 100.0);
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        (0.0, 1.0)
    } else if hi <= lo {
        (lo, lo + 1.0)
    } else {
        (lo, hi)
    }
}

/// The colour ramp: warm for harm, cool for what honest users and the platform want more of.
pub fn ramp(m: SweepMetric) -> &'static [(u8, u8, u8)] {
    if m.is_harm() {
        &[(255, 247, 237), (253, 186, 116), (234, 88, 12), (127, 29, 29)]
    } else {
        &[(240, 249, 255), (125, 211, 252), (2, 132, 199), (12, 74, 110)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_keeps_its_scale_and_others_span_the_sweep() {
        assert_eq!(scale(SweepMetric::Severity(PatternId::Scam), &[3.0, 9.0]), (0.0, 100.0));
        assert_eq!(scale(SweepMetric::Engagement, &[3.0, 9.0]), (3.0, 9.0));
        assert_eq!(scale(SweepMetric::Engagement, &[5.0, 5.0]), (5.0, 6.0));
        assert_eq!(scale(SweepMetric::TipVolume, &[]), (0.0, 1.0));
        assert_eq!(
            label(SweepMetric::Incidents(PatternId::Exclusion)),
            "Honest users refused (times)"
        );
        assert_ne!(ramp(SweepMetric::Money(PatternId::Scam)), ramp(SweepMetric::Engagement));
    }
}
