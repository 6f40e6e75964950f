//! Who each rule shuts out before anyone acts: the population read against the rules at hour 0.
//!
//! Realised refusals (the exclusion pattern) depend on who happens to try; this is the static side of the same
//! question a designer asks first: "of the honest people who want this circle, how many may never post, comment
//! or tip here?". It needs no simulation, so it names the gate, not the luck of a run.

use crate::people::People;
use crate::report::ShutOutRow;
use crate::rule::Attrs;
use crate::rules::Rules;
use crate::scenario::{Action, Gender, Identity, VerificationLevel, CREDIT_MAX};

/// Every action a rule governs, in the order editors list them.
const ACTIONS: [Action; 6] = [
    Action::Join,
    Action::Post,
    Action::Comment,
    Action::Praise,
    Action::Tip,
    Action::Message,
];

/// The authors an honest user might act on, at their most welcome (top score, verified, long-standing): someone
/// refused on all of them may not take this action on anyone here.
fn authors() -> impl Iterator<Item = Attrs> {
    [Gender::Female, Gender::Male].into_iter().flat_map(|gender| {
        [
            Identity::Student,
            Identity::WhiteCollar,
            Identity::Overseas,
            Identity::Other,
        ]
        .into_iter()
        .map(move |identity| Attrs {
            gender,
            identity,
            verification: VerificationLevel::RealNameBound,
            credit: CREDIT_MAX,
            age_days: u32::MAX,
        })
    })
}

/// Users read: an even sample of this many (all of them in smaller populations), so that a million-user run
/// pays well under a millisecond for this and the shares are within a percent or two.
const SAMPLE: u32 = 4_096;

/// For every circle and action whose rule refuses someone, how many of the honest users who want the circle it
/// refuses on every author, at hour 0 (counted on an even sample and scaled to the population). Someone whose
/// identity an identity circle is not for does not want it (they lose interest; see `agent`). Rows that refuse
/// nobody are left out.
pub(crate) fn shut_out(rules: &Rules, people: &People) -> Vec<ShutOutRow> {
    let authors: Vec<Attrs> = authors().collect();
    let step = people.len().div_ceil(SAMPLE).max(1);
    let mut rows = Vec::new();
    for c in 0..rules.n_circles().min(32) {
        for action in ACTIONS {
            if rules.open_to_all(c, action) {
                continue;
            }
            let (mut wanting, mut refused) = (0_u32, 0_u32);
            for idx in (0..people.len()).step_by(step as usize) {
                let u = people.user(idx);
                if !u.is_honest()
                    || u.interests & (1 << c) == 0
                    || crate::agent::identity_circle_for_others(rules, u, c)
                {
                    continue;
                }
                wanting += 1;
                let me = people.attrs(idx, 0);
                let allowed = if rules.reads_author(c, action) {
                    authors.iter().any(|a| rules.may(c, action, &me, a).is_some())
                } else {
                    rules.may(c, action, &me, &me).is_some()
                };
                if !allowed {
                    refused += 1;
                }
            }
            if refused > 0 {
                rows.push(ShutOutRow {
                    circle: rules.circle_name(c).to_string(),
                    action,
                    wanting: wanting.saturating_mul(step),
                    refused: refused.saturating_mul(step),
                });
            }
        }
    }
    rows
}
