//! Formatting the engine's plain data for people: money, levels, pattern names and colours.

use backfire_engine::{Level, PatternId};

/// Yuan from fen, as the engine writes money in its sentences: "¥12,345.60", "¥5" or "¥0.10".
pub fn yuan(fen: u64) -> String {
    backfire_engine::lever::yuan(fen)
}

/// A whole number with thousands separators: 1234567 → "1,234,567" (the engine's, so sentences and cards agree).
pub fn group(n: u64) -> String {
    backfire_engine::lever::group(n)
}

/// "day 2, 14:00" for a simulated hour (day 1 starts at hour 0).
pub fn hour_label(hour: u32) -> String {
    format!("day {}, {:02}:00", hour / 24 + 1, hour % 24)
}

/// A pattern's name as a designer says it.
pub fn pattern_name(id: PatternId) -> &'static str {
    match id {
        PatternId::Solicitation => "Solicitation",
        PatternId::IdentityFraud => "Identity fraud",
        PatternId::Scam => "Scams",
        PatternId::Harassment => "Harassment",
        PatternId::ScoreFarming => "Score farming",
        PatternId::TipLaundering => "Tip laundering",
        PatternId::RankingManipulation => "Ranking manipulation",
        PatternId::BanEvasion => "Ban evasion",
        PatternId::Exclusion => "Exclusion of honest users",
    }
}

/// One line on what a pattern is.
pub fn pattern_blurb(id: PatternId) -> &'static str {
    match id {
        PatternId::Solicitation => "Racy posts asking for tips, chats or meetings.",
        PatternId::IdentityFraud => "Accounts acting through a gate with a faked gender or identity.",
        PatternId::Scam => "Tips or prepayment taken for meetings that never happen.",
        PatternId::Harassment => "Abusive comments and messages.",
        PatternId::ScoreFarming => "Credit points bought by churning payments to cross a gate.",
        PatternId::TipLaundering => "Money moved between controlled accounts through tips.",
        PatternId::RankingManipulation => "Coordinated tips or praise to climb a ranked feed.",
        PatternId::BanEvasion => "Banned people returning with new accounts.",
        PatternId::Exclusion => "Honest users who wanted to act and were refused by a rule.",
    }
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
    fn money_reads_as_yuan() {
        assert_eq!(yuan(0), "¥0");
        assert_eq!(yuan(350), "¥3.50");
        assert_eq!(yuan(20_000), "¥200");
        assert_eq!(yuan(123_456_789), "¥1,234,567.89");
    }

    #[test]
    fn hours_read_as_days() {
        assert_eq!(hour_label(0), "day 1, 00:00");
        assert_eq!(hour_label(37), "day 2, 13:00");
    }
}
