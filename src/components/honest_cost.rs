//! The cost to honest users: engagement on genuine posts, who was refused (by gender and score band), wrong
//! sanctions, departures; and the demand side, reported apart because its spending is not honest engagement.

use crate::components::glossary::TermLink;
use crate::glossary::Term;
use backfire_engine::words::{group, yuan};
use backfire_engine::{Gender, Report, ScoreBand};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`HonestCost`].
#[derive(Properties, PartialEq, Clone)]
pub struct HonestCostProps {
    /// The report.
    pub report: Rc<Report>,
}

/// "Demand side: 312 customers spent ¥41,200." (the money views say it the same way).
pub fn demand_sentence(users: u32, fen: u64) -> String {
    format!(
        "Demand side: {} customer{} spent {}.",
        group(u64::from(users)),
        if users == 1 { "" } else { "s" },
        yuan(fen)
    )
}

/// Honest-user health and the denied table.
#[function_component]
pub fn HonestCost(props: &HonestCostProps) -> Html {
    let r = &props.report;
    let h = &r.health;
    let denied_users = |g: Gender, b: ScoreBand| -> u64 {
        r.denied
            .iter()
            .filter(|d| d.gender == g && d.band == b)
            .map(|d| u64::from(d.users))
            .sum()
    };
    html! {
        <section class="panel" aria-labelledby="honest-title" data-testid="honest-cost">
            <h2 id="honest-title">{"Cost to honest users"}</h2>
            <dl class="stats wide">
                <dt>{"Honest users"}</dt><dd>{group(u64::from(h.honest_users))}</dd>
                <dt>{"Genuine posts"}</dt><dd data-testid="health-posts">{group(h.genuine_posts)}</dd>
                <dt>{"Honest interactions on genuine posts"}</dt><dd data-testid="health-interactions">{group(h.interactions)}</dd>
                <dt><TermLink term={Term::Engagement}>{"Honest engagement on genuine posts"}</TermLink></dt><dd data-testid="health-engagement">{group(h.engagement)}</dd>
                <dt>{"Posts honest users viewed"}</dt><dd>{group(h.views)}</dd>
                <dt>{"Left after abuse"}</dt><dd data-testid="health-left">{group(u64::from(h.honest_left))}</dd>
                <dt>{"Newcomers in their place"}</dt><dd data-testid="health-newcomers">{group(u64::from(h.honest_newcomers))}</dd>
                <dt>{"Wrongly sanctioned"}</dt><dd data-testid="health-wrongly-sanctioned">{group(u64::from(h.honest_wrongly_sanctioned))}</dd>
                <dt>{"Refused at least once"}</dt><dd data-testid="health-denied">{group(u64::from(h.honest_denied))}</dd>
            </dl>
            <p class="demand-line" data-testid="health-demand" data-users={h.demand_users.to_string()} data-fen={h.demand_spent_fen.to_string()}>
                {demand_sentence(h.demand_users, h.demand_spent_fen)}
                <span class="muted">{" Counted apart from honest users: customers of enticing posts, not honest engagement."}</span>
            </p>
            if !r.shut_out.is_empty() {
                <table class="data" data-testid="shut-out-table">
                    <caption>{"Who the rules shut out before anyone acts (honest users who want the circle, from the population)"}</caption>
                    <thead><tr><th>{"Circle · action"}</th><th>{"Shut out"}</th><th>{"Share"}</th></tr></thead>
                    <tbody>
                        { for r.shut_out.iter().map(|row| html! {
                            <tr>
                                <td>{format!("{} · {}", row.circle, row.action.id())}</td>
                                <td>{format!("{} of {}", group(u64::from(row.refused)), group(u64::from(row.wanting)))}</td>
                                <td data-testid="shut-out-share">{format!("{} %", u64::from(row.refused) * 100 / u64::from(row.wanting.max(1)))}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <table class="data" data-testid="denied-table">
                <caption>{"Honest users refused, by gender and credit band"}</caption>
                <thead><tr><th>{"Credit band"}</th><th>{"Women"}</th><th>{"Men"}</th></tr></thead>
                <tbody>
                    { for ScoreBand::ALL.iter().map(|b| html! {
                        <tr><td>{b.range()}</td><td>{group(denied_users(Gender::Female, *b))}</td><td>{group(denied_users(Gender::Male, *b))}</td></tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
