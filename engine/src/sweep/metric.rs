//! What a sweep cell is measured by: a pattern's severity, incidents, money or prevalence, all abuse, or what honest
//! users and the money side keep, each read from a [`CellSummary`].

use crate::report::PatternId;

use super::CellSummary;

/// A figure a sweep colours its cells by (or draws as its line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepMetric {
    /// A pattern's severity (0–100).
    Severity(PatternId),
    /// A pattern's incidents (for exclusion: times an honest user was refused).
    Incidents(PatternId),
    /// Money moved through a pattern, in yuan (patterns that move money only).
    Money(PatternId),
    /// A pattern's share of honest views, in percent (patterns that are posts only).
    Prevalence(PatternId),
    /// Incidents of every abuse pattern (exclusion aside): harm overall.
    AbuseIncidents,
    /// Honest engagement on genuine posts (posts plus honest interactions).
    Engagement,
    /// All money tipped, in yuan.
    TipVolume,
}

impl SweepMetric {
    /// Every metric, in the app's order: harm overall, then each pattern's figures, then what honest users and the
    /// money side keep.
    pub fn all() -> Vec<SweepMetric> {
        let mut out = vec![SweepMetric::AbuseIncidents];
        for &p in &PatternId::ALL {
            out.push(SweepMetric::Severity(p));
            out.push(SweepMetric::Incidents(p));
            if p.involves_money() {
                out.push(SweepMetric::Money(p));
            }
            if p.is_feed_content() {
                out.push(SweepMetric::Prevalence(p));
            }
        }
        out.extend([SweepMetric::Engagement, SweepMetric::TipVolume]);
        out
    }

    /// The id in links and the app's select, e.g. `severity:solicitation`, `money:scam`, `engagement`.
    pub fn id(self) -> String {
        match self {
            SweepMetric::Severity(p) => format!("severity:{}", p.id()),
            SweepMetric::Incidents(p) => format!("incidents:{}", p.id()),
            SweepMetric::Money(p) => format!("money:{}", p.id()),
            SweepMetric::Prevalence(p) => format!("prevalence:{}", p.id()),
            SweepMetric::AbuseIncidents => "abuse".into(),
            SweepMetric::Engagement => "engagement".into(),
            SweepMetric::TipVolume => "tips".into(),
        }
    }

    /// The metric with this id.
    pub fn from_id(id: &str) -> Option<SweepMetric> {
        SweepMetric::all().into_iter().find(|m| m.id() == id)
    }

    /// The pattern it measures, if it measures one.
    pub fn pattern(self) -> Option<PatternId> {
        match self {
            SweepMetric::Severity(p)
            | SweepMetric::Incidents(p)
            | SweepMetric::Money(p)
            | SweepMetric::Prevalence(p) => Some(p),
            SweepMetric::AbuseIncidents | SweepMetric::Engagement | SweepMetric::TipVolume => None,
        }
    }

    /// Whether more of it is harm (abuse of any kind, exclusion included), as opposed to what honest users or the
    /// money side keep.
    pub fn is_harm(self) -> bool {
        self.pattern().is_some() || self == SweepMetric::AbuseIncidents
    }

    /// Its value in one cell, in the unit the app shows (yuan for money, percent for prevalence).
    pub fn of(self, c: &CellSummary) -> f64 {
        let cell = |p: PatternId| c.patterns.iter().find(|x| x.id == p);
        match self {
            SweepMetric::Severity(p) => cell(p).map_or(0.0, |x| f64::from(x.severity)),
            SweepMetric::Incidents(p) => cell(p).map_or(0.0, |x| x.incidents as f64),
            SweepMetric::Money(p) => cell(p).map_or(0.0, |x| x.fen_involved as f64 / 100.0),
            SweepMetric::Prevalence(p) => cell(p).map_or(0.0, |x| f64::from(x.prevalence_per_10k) / 100.0),
            SweepMetric::AbuseIncidents => c
                .patterns
                .iter()
                .filter(|x| x.id != PatternId::Exclusion)
                .map(|x| x.incidents as f64)
                .sum(),
            SweepMetric::Engagement => c.honest_engagement as f64,
            SweepMetric::TipVolume => c.tipped_fen as f64 / 100.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_offer_only_figures_a_pattern_has() {
        for m in SweepMetric::all() {
            assert_eq!(SweepMetric::from_id(&m.id()), Some(m));
        }
        assert_eq!(
            SweepMetric::from_id("money:harassment"),
            None,
            "harassment moves no money"
        );
        assert_eq!(
            SweepMetric::from_id("prevalence:exclusion"),
            None,
            "exclusion is not a post"
        );
        assert!(SweepMetric::from_id("incidents:exclusion").is_some_and(SweepMetric::is_harm));
        assert!(!SweepMetric::Engagement.is_harm());
    }
}
