//! The cost to honest users: engagement, who was refused (by gender and score band), wrong sanctions, departures.

use backfire_engine::words::group;
use backfire_engine::{Gender, Report, ScoreBand};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`HonestCost`].
#[derive(Properties, PartialEq, Clone)]
pub struct HonestCostProps {
    /// The report.
    pub report: Rc<Report>,
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
                <dt>{"Honest interactions"}</dt><dd data-testid="health-interactions">{group(h.interactions)}</dd>
                <dt>{"Engagement (posts + interactions)"}</dt><dd data-testid="health-engagement">{group(h.engagement)}</dd>
                <dt>{"Views"}</dt><dd>{group(h.views)}</dd>
                <dt>{"Left after abuse"}</dt><dd data-testid="health-left">{group(u64::from(h.honest_left))}</dd>
                <dt>{"Wrongly sanctioned"}</dt><dd data-testid="health-wrongly-sanctioned">{group(u64::from(h.honest_wrongly_sanctioned))}</dd>
                <dt>{"Refused at least once"}</dt><dd data-testid="health-denied">{group(u64::from(h.honest_denied))}</dd>
            </dl>
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
