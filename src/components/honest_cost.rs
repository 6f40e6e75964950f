//! The cost to honest users: engagement on genuine posts, who was refused (by gender and score band), wrong
//! sanctions, departures; and the demand side, reported apart because its spending is not honest engagement.

use crate::components::glossary::TermLink;
use crate::glossary::Term;
use crate::locale::{action_word, count as group, money, tr, trf, use_lang, Lang};
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
pub fn demand_sentence(lang: Lang, users: u32, fen: u64) -> String {
    let (n, spent) = (group(u64::from(users)), money(lang, fen));
    match lang {
        Lang::En => format!(
            "Demand side: {n} customer{} spent {spent}.",
            if users == 1 { "" } else { "s" }
        ),
        Lang::Zh => format!("需求方：{n} 名顾客花费 {spent}。"),
    }
}

/// Honest-user health and the denied table.
#[function_component]
pub fn HonestCost(props: &HonestCostProps) -> Html {
    let r = &props.report;
    let h = &r.health;
    let lang = use_lang();
    let denied_users = |g: Gender, b: ScoreBand| -> u64 {
        r.denied
            .iter()
            .filter(|d| d.gender == g && d.band == b)
            .map(|d| u64::from(d.users))
            .sum()
    };
    html! {
        <section class="panel" aria-labelledby="honest-title" data-testid="honest-cost">
            <h2 id="honest-title">{tr!(lang, "Cost to honest users", "诚实用户的代价")}</h2>
            <dl class="stats wide">
                <dt>{tr!(lang, "Honest users", "诚实用户")}</dt><dd>{group(u64::from(h.honest_users))}</dd>
                <dt>{tr!(lang, "Genuine posts", "真实帖子")}</dt><dd data-testid="health-posts">{group(h.genuine_posts)}</dd>
                <dt>{tr!(lang, "Honest interactions on genuine posts", "真实帖子上的诚实互动")}</dt><dd data-testid="health-interactions">{group(h.interactions)}</dd>
                <dt><TermLink term={Term::Engagement}>{tr!(lang, "Honest engagement on genuine posts", "真实帖子上的诚实互动度")}</TermLink></dt><dd data-testid="health-engagement">{group(h.engagement)}</dd>
                <dt>{tr!(lang, "Posts honest users viewed", "诚实用户浏览的帖子")}</dt><dd>{group(h.views)}</dd>
                <dt>{tr!(lang, "Left after abuse", "遭滥用后离开")}</dt><dd data-testid="health-left">{group(u64::from(h.honest_left))}</dd>
                <dt>{tr!(lang, "Newcomers in their place", "顶替他们的新人")}</dt><dd data-testid="health-newcomers">{group(u64::from(h.honest_newcomers))}</dd>
                <dt>{tr!(lang, "Wrongly sanctioned", "被误罚")}</dt><dd data-testid="health-wrongly-sanctioned">{group(u64::from(h.honest_wrongly_sanctioned))}</dd>
                <dt>{tr!(lang, "Refused at least once", "至少被拒一次")}</dt><dd data-testid="health-denied">{group(u64::from(h.honest_denied))}</dd>
            </dl>
            <p class="demand-line" data-testid="health-demand" data-users={h.demand_users.to_string()} data-fen={h.demand_spent_fen.to_string()}>
                {demand_sentence(lang, h.demand_users, h.demand_spent_fen)}
                <span class="muted">{tr!(lang, " Counted apart from honest users: customers of enticing posts, not honest engagement.", "与诚实用户分开统计：他们是诱导性帖子的顾客，不算诚实互动。")}</span>
            </p>
            if !r.shut_out.is_empty() {
                <table class="data" data-testid="shut-out-table">
                    <caption>{tr!(lang, "Who the rules shut out before anyone acts (honest users who want the circle, from the population)", "任何人行动之前规则就挡在门外的人（人群中想进此圈子的诚实用户）")}</caption>
                    <thead><tr><th>{tr!(lang, "Circle · action", "圈子 · 行为")}</th><th>{tr!(lang, "Shut out", "被挡")}</th><th>{tr!(lang, "Share", "占比")}</th></tr></thead>
                    <tbody>
                        { for r.shut_out.iter().map(|row| html! {
                            <tr>
                                <td><span translate="no">{row.circle.clone()}</span>{format!(" · {}", action_word(lang, row.action))}</td>
                                <td>{ { let (refused, wanting) = (group(u64::from(row.refused)), group(u64::from(row.wanting))); trf!(lang, "{refused} of {wanting}", "{wanting} 人中 {refused} 人") } }</td>
                                <td data-testid="shut-out-share">{format!("{} %", u64::from(row.refused) * 100 / u64::from(row.wanting.max(1)))}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <table class="data" data-testid="denied-table">
                <caption>{tr!(lang, "Honest users refused, by gender and credit band", "被拒的诚实用户，按性别和信用分段")}</caption>
                <thead><tr><th>{tr!(lang, "Credit band", "信用分段")}</th><th>{tr!(lang, "Women", "女性")}</th><th>{tr!(lang, "Men", "男性")}</th></tr></thead>
                <tbody>
                    { for ScoreBand::ALL.iter().map(|b| html! {
                        <tr><td>{b.range()}</td><td>{group(denied_users(Gender::Female, *b))}</td><td>{group(denied_users(Gender::Male, *b))}</td></tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
