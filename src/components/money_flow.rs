//! Where the money went: tips from payer archetype to receiver archetype, as stacked bars, with fees, and what
//! the demand side spent.

use super::glossary::TermLink;
use super::honest_cost::demand_sentence;
use super::population_editor::archetype_color;
use crate::glossary::Term;
use crate::locale::{archetype_name, money as yuan, tr, trf, use_lang};
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
    let lang = use_lang();
    let archetype_name = |a| archetype_name(lang, a);
    let yuan = |fen| yuan(lang, fen);
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
                    html! { <div class="seg" style={format!("width:{width:.2}%;background:{}", archetype_color(f.to))} title={ {
                        let (from, to, amount, n, fee) = (archetype_name(f.from), archetype_name(f.to), yuan(f.fen), f.payments, yuan(f.fee_fen));
                        trf!(lang, "{from} → {to}: {amount} in {n} tips (fee {fee})", "{from} → {to}：{n} 笔打赏共 {amount}（手续费 {fee}）")
                    } }></div> }
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
        <p class="legend">{tr!(lang, "Received by: ", "收款方：")}{ for receivers.iter().map(|a| html! { <span class="legend-item"><i style={format!("background:{}", archetype_color(*a))}></i>{archetype_name(*a)}</span> }) }</p>
    };
    if props.bars_only {
        return html! { <div data-testid="money-flow-bars"><div class="flows">{bars}</div>{legend}</div> };
    }
    html! {
        <section class="panel" aria-labelledby="money-title" data-testid="money-flow">
            <h2 id="money-title">{tr!(lang, "Where the money went", "钱去了哪里")}</h2>
            <p>
                { { let (tipped, received, fees) = (yuan(m.tipped_fen), yuan(m.received_fen), yuan(m.fee_fen));
                    trf!(lang, "{tipped} tipped: {received} reached authors and {fees} went to the platform as fees", "共打赏 {tipped}：{received} 到了作者手中，{fees} 作为手续费归平台") } }
                if m.transfers_fen > 0 { { { let amount = yuan(m.transfers_fen); trf!(lang, "; {amount} was prepaid in messages", "；{amount} 通过私信预付") } } }
                if m.score_purchase_fen > 0 { { { let amount = yuan(m.score_purchase_fen); trf!(lang, "; score farmers burned {amount} buying credit", "；刷分者花掉 {amount} 购买信用分") } } }
                {tr!(lang, ".", "。")}
            </p>
            <p class="demand-line" data-testid="money-demand" data-users={props.demand_users.to_string()} data-fen={props.demand_spent_fen.to_string()}>
                {demand_sentence(lang, props.demand_users, props.demand_spent_fen)}
                <span class="muted">{tr!(lang, " The generous tippers below: reported apart from honest users.", "即下方的慷慨打赏者：与诚实用户分开统计。")}</span>
            </p>
            if payers.is_empty() {
                <p class="muted">{tr!(lang, "No tips were paid.", "没有人打赏。")}</p>
            } else {
                <div class="flows">{bars}</div>
                {legend}
                <table class="data" data-testid="flow-table">
                    <caption class="visually-hidden">{tr!(lang, "tips by payer and receiver archetype", "按付款方与收款方类型统计的打赏")}</caption>
                    <thead><tr><th>{tr!(lang, "From", "付款方")}</th><th>{tr!(lang, "To", "收款方")}</th><th>{tr!(lang, "Tips", "笔数")}</th><th>{tr!(lang, "Amount", "金额")}</th><th>{tr!(lang, "Fee", "手续费")}</th></tr></thead>
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
