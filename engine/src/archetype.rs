//! Archetype profiles: the fixed traits of each simulated user type (how often it visits, who it tends to be, what it spends).
//!
//! These are model assumptions, not scenario settings: they describe people, and the scenario's rules decide what the
//! people can do. The strategies that read the rules live in `agent.rs`.

use crate::scenario::Archetype;

/// Fixed traits of one archetype.
pub(crate) struct Profile {
    /// Visits per day on average.
    pub sessions_per_day: f64,
    /// Percent who are women; `None` means the population's own split.
    pub female_percent: Option<u8>,
    /// Daily budget as a multiple of the population's median spending.
    pub budget_multiple: f64,
    /// Credit score offset from the population's mean (tippers spend, so score higher).
    pub credit_offset: i32,
    /// Whether its accounts are young (bought or freshly made) rather than drawn from the population.
    pub young_accounts: bool,
    /// Whether it acts in bad faith; bad-faith accounts are less often verified.
    pub bad_faith: bool,
}

/// The profile of an archetype.
pub(crate) fn profile(a: Archetype) -> Profile {
    // Assumptions: honest members open the social tab about twice a day, lurkers once; visit rates and demographics are rough orders of magnitude for a payment app's social tab.
    // Generous tippers are mostly men with money to spend; solicitors mostly women (the 2016 article's account);
    // harassers, score farmers and identity fakers mostly men.
    let p = |sessions_per_day, female_percent, budget_multiple, credit_offset, young_accounts, bad_faith| Profile {
        sessions_per_day,
        female_percent,
        budget_multiple,
        credit_offset,
        young_accounts,
        bad_faith,
    };
    match a {
        Archetype::Honest => p(2.0, None, 1.0, 0, false, false),
        Archetype::Lurker => p(1.0, None, 0.5, 0, false, false),
        Archetype::GenerousTipper => p(4.0, Some(10), 8.0, 40, false, false),
        Archetype::Solicitor => p(5.0, Some(92), 0.5, -20, false, true),
        Archetype::IdentityFaker => p(4.0, Some(15), 1.0, -20, false, true),
        Archetype::Scammer => p(4.0, Some(60), 0.5, -40, true, true),
        Archetype::ScoreFarmer => p(2.0, Some(15), 3.0, -30, false, true),
        Archetype::Harasser => p(4.0, Some(15), 1.0, 0, false, true),
        Archetype::SybilRing => p(3.0, Some(50), 3.0, -40, true, true),
        Archetype::Launderer => p(3.0, Some(40), 60.0, 0, true, true),
        Archetype::BanEvader => p(4.0, Some(60), 1.0, -20, false, true),
    }
}

/// Index of an archetype in [`Archetype::ALL`].
pub(crate) fn index(a: Archetype) -> usize {
    a as usize
}
