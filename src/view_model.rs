//! Presentation of the engine's plain data that only a page needs: hour labels, pattern colours and level classes.
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
}
