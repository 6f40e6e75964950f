//! How the sweep names and colours its metrics (the engine's [`SweepMetric`]): labels, the select's groups, colour ramps and scales.

use crate::locale::{pattern_name, tr, trf, Lang};
use backfire_engine::sweep::SweepMetric;
use backfire_engine::PatternId;
use yew::prelude::*;

/// What a designer reads, e.g. "Solicitation severity (0–100)", "Honest users refused (times)".
pub fn label(lang: Lang, m: SweepMetric) -> String {
    let name = m.pattern().map_or("", |p| pattern_name(lang, p));
    match m {
        SweepMetric::AbuseIncidents => tr!(
            lang,
            "All abuse incidents (exclusion aside)",
            "全部滥用事件（不含排斥）"
        )
        .into(),
        SweepMetric::Severity(_) => trf!(lang, "{name} severity (0–100)", "{name}严重度（0–100）"),
        SweepMetric::Incidents(PatternId::Exclusion) => {
            tr!(lang, "Honest users refused (times)", "诚实用户被拒（次）").into()
        }
        SweepMetric::Incidents(_) => trf!(lang, "{name} incidents", "{name}事件数"),
        SweepMetric::Money(_) => trf!(lang, "{name}: money moved (¥)", "{name}：转移金额（¥）"),
        SweepMetric::Prevalence(_) => {
            trf!(
                lang,
                "{name} prevalence (% of honest views)",
                "{name}占比（占诚实浏览的 %）"
            )
        }
        SweepMetric::Engagement => tr!(lang, "Honest engagement on genuine posts", "真实帖子上的诚实互动").into(),
        SweepMetric::TipVolume => tr!(lang, "Tip volume (¥)", "打赏金额（¥）").into(),
    }
}

/// The metric select's options, grouped: harm overall, each pattern, then honest users and money.
pub fn options(lang: Lang, selected: SweepMetric) -> Html {
    let option = |m: SweepMetric| html! { <option value={m.id()} selected={m == selected}>{label(lang, m)}</option> };
    let all = SweepMetric::all();
    let groups = PatternId::ALL.iter().map(|&p| {
        html! {
            <optgroup label={pattern_name(lang, p)}>
                { for all.iter().copied().filter(|m| m.pattern() == Some(p)).map(option) }
            </optgroup>
        }
    });
    html! {
        <>
            {option(SweepMetric::AbuseIncidents)}
            { for groups }
            <optgroup label={tr!(lang, "Honest users and money", "诚实用户与资金")}>
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
            label(Lang::En, SweepMetric::Incidents(PatternId::Exclusion)),
            "Honest users refused (times)"
        );
        assert_ne!(ramp(SweepMetric::Money(PatternId::Scam)), ramp(SweepMetric::Engagement));
    }
}
