//! Presentation of the engine's plain data that only a page needs: hour labels, prevalence as a percentage,
//! pattern colours and level classes.
//!
//! Words (money, pattern names) come from `backfire_engine::words`, shared with the CLI.

use backfire_engine::{Level, PatternId};

/// "day 2, 14:00" for a simulated hour (day 1 starts at hour 0).
pub fn hour_label(hour: u32) -> String {
    format!("day {}, {:02}:00", hour / 24 + 1, hour % 24)
}

/// A distinct colour per pattern for charts (readable on white and on a projector).
pub fn pattern_color(id: PatternId) -> &'static str {
    match id {
        PatternId::Solicitation => "#c2410c",
        PatternId::IdentityFraud => "#7c3aed",
        PatternId::Scam => "#b91c1c",
        PatternId::Harassment => "#0f766e",
        PatternId::ScoreFarming => "#a16207",
        PatternId::TipLaundering => "#1d4ed8",
        PatternId::RankingManipulation => "#be185d",
        PatternId::BanEvasion => "#4d7c0f",
        PatternId::Exclusion => "#475569",
    }
}

/// A prevalence (posts per 10,000 honest views) as a percentage a reviewer reads at a glance: "48.5 %",
/// "0.3 %", "0.04 %", "0 %". Below 0.1 % two decimals keep a rare pattern from reading as zero.
pub fn prevalence_percent(per_10k: u64) -> String {
    if per_10k == 0 {
        "0 %".into()
    } else if per_10k < 10 {
        format!("{}.{:02} %", per_10k / 100, per_10k % 100)
    } else {
        // Rounded to one decimal in integer arithmetic, so 45 per 10k reads "0.5 %" on every platform.
        let tenths = (per_10k + 5) / 10;
        format!("{}.{} %", tenths / 10, tenths % 10)
    }
}

/// The CSS class of a level.
pub fn level_class(level: Level) -> String {
    format!("level-{}", level.id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_as_days() {
        assert_eq!(hour_label(0), "day 1, 00:00");
        assert_eq!(hour_label(37), "day 2, 13:00");
    }

    #[test]
    fn prevalence_reads_as_a_percentage() {
        assert_eq!(prevalence_percent(0), "0 %");
        assert_eq!(prevalence_percent(4), "0.04 %");
        assert_eq!(prevalence_percent(30), "0.3 %");
        assert_eq!(prevalence_percent(45), "0.5 %");
        assert_eq!(prevalence_percent(4849), "48.5 %");
        assert_eq!(prevalence_percent(10_000), "100.0 %");
    }
}
