//! Where the money went: tips from payer archetype to receiver archetype, as stacked bars, with fees, and what
//! the demand side spent.

use super::glossary::TermLink;
use super::honest_cost::demand_sentence;
use super::population_editor::{archetype_color, archetype_name};
use crate::glossary::Term;
use backfire_engine::words::yuan;
use backfire_engine::{Archetype, MoneyFlow};
use yew::prelude::*;

/// Props of [`MoneyFlowView`].
#[derive(Properties, PartialEq, Clone)]
pub struct MoneyFlowProps {
    /// The report's money section.
    pub money: MoneyFlow,
    /// Customers on the demand side at the start (the report's `health.demand_users`).
    pub demand_users: u32,
    /// What the demand side paid, in fen (the report's `health.demand_spent_fen`).
    pub demand_spent_fen: u64,
    /// Only the bars and their legend (the deck's money slide says the totals itself).
    #[prop_or_default]
    pub bars_only: bool,
}

/// One stacked bar per paying archetype, split by receiving archetype.
#[function_component]
pub fn MoneyFlowView(props: &MoneyFlowProps) -> Html {
    let m = &props.money;
    let payers: Vec<Archetype> = Archetype::ALL
        .into_iter()
        .filter(|a| m.flows.iter().any(|f| f.from == *a && f.fen > 0))
        .collect();
    let max_total = payers
        .iter()
        .map(|a| m.flows.iter().filter(|f| f.from == *a).map(|f| f.fen).sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let receivers: Vec<Archetype> = Archetype::ALL
        .into_iter()
        .filter(|a| m.flows.iter().any(|f| f.to == *a && f.fen > 0))
        .collect();
    let bars: Html = payers
        .iter()
        .map(|payer| {
            let flows: Vec<_> = m.flows.iter().filter(|f| f.from == *payer && f.fen > 0).collect();
            let total: u64 = flows.iter().map(|f| f.fen).sum();
            let segments: Html = flows
                .iter()
                .map(|f| {
                    let width = 100.0 * f.fen as f64 / max_total as f64;
                    html! { <div class="seg" style={format!("width:{width:.2}%;background:{}", archetype_color(f.to))} title={format!("{} → {}: {} in {} tips (fee {})", archetype_name(f.from), archetype_name(f.to), yuan(f.fen), f.payments, yuan(f.fee_fen))}></div> }
                })
                .collect();
            html! {
                <div class="flow-row" data-testid={format!("flow-{}", payer.id())}>
                    <span class="flow-label">{archetype_name(*payer)}</span>
                    <div class="flow-bar">{segments}</div>
                    <span class="flow-total">{yuan(total)}</span>
                </div>
            }
        })
        .collect();
    let legend = html! {
        <p class="legend">{"Received by: "}{ for receivers.iter().map(|a| html! { <span class="legend-item"><i style={format!("background:{}", archetype_color(*a))}></i>{archetype_name(*a)}</span> }) }</p>
    };
    if props.bars_only {
        return html! { <div data-testid="money-flow-bars"><div class="flows">{bars}</div>{legend}</div> };
    }
    html! {
        <section class="panel" aria-labelledby="money-title" data-testid="money-flow">
            <h2 id="money-title">{"Where the money went"}</h2>
            <p>
                {format!("{} tipped: {} reached authors and {} went to the platform as fees", yuan(m.tipped_fen), yuan(m.received_fen), yuan(m.fee_fen))}
                if m.transfers_fen > 0 { {format!("; {} was prepaid in messages", yuan(m.transfers_fen))} }
                if m.score_purchase_fen > 0 { {format!("; score farmers burned {} buying credit", yuan(m.score_purchase_fen))} }
                {"."}
            </p>
            <p class="demand-line" data-testid="money-demand" data-users={props.demand_users.to_string()} data-fen={props.demand_spent_fen.to_string()}>
                {demand_sentence(props.demand_users, props.demand_spent_fen)}
                <span class="muted">{" The generous tippers below: reported apart from honest users."}</span>
            </p>
            if payers.is_empty() {
                <p class="muted">{"No tips were paid."}</p>
            } else {
                <div class="flows">{bars}</div>
                {legend}
                <table class="data" data-testid="flow-table">
                    <caption class="visually-hidden">{"tips by payer and receiver archetype"}</caption>
                    <thead><tr><th>{"From"}</th><th>{"To"}</th><th>{"Tips"}</th><th>{"Amount"}</th><th>{"Fee"}</th></tr></thead>
                    <tbody>
                        { for m.flows.iter().filter(|f| f.fen > 0).map(|f| html! {
                            <tr><td><TermLink term={Term::Archetype(f.from)}>{archetype_name(f.from)}</TermLink></td><td><TermLink term={Term::Archetype(f.to)}>{archetype_name(f.to)}</TermLink></td><td>{f.payments}</td><td>{yuan(f.fen)}</td><td>{yuan(f.fee_fen)}</td></tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
