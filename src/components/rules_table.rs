//! The rules as a table: one column per circle, one row per action (who may join, post, comment, praise, tip
//! and message), then tips and safety, each cell a few words. The deck and the Review PDF show it.

use backfire_engine::scenario::{ContactPolicy, Ranking, SanctionKind};
use backfire_engine::words::{rule_cell, yuan};
use backfire_engine::{Circle, Scenario};
use yew::prelude::*;

/// Circles the table shows side by side; more would not fit a 1024-pixel projector or a page.
const TABLE_CIRCLES: usize = 5;

/// The tip settings of a circle in a few words.
fn tips_cell(c: &Circle) -> String {
    let t = &c.tips;
    if !t.enabled {
        return String::from("off");
    }
    let range = format!(
        "{}–{}",
        yuan(u64::from(t.min_fen)),
        yuan(u64::from(t.max_fen)).trim_start_matches('¥')
    );
    if t.praise_leads_to_tip {
        format!("{range}, praise opens the tip page")
    } else {
        range
    }
}

/// The feed, contact and moderation of a circle in a few words.
fn safety_cell(c: &Circle) -> String {
    let feed = match c.ranking {
        Ranking::Newest => "newest first",
        Ranking::MostPraised => "most praised first",
        Ranking::MostTipped => "most tipped first",
    };
    let contact = match c.contact.off_platform {
        ContactPolicy::Allowed => String::from("contact details allowed"),
        ContactPolicy::Filtered => format!("{} % of contact details filtered", c.contact.filter_recall_percent),
    };
    let m = &c.moderation;
    let mut finders = Vec::new();
    if m.user_reports {
        finders.push(String::from("reports"));
    }
    if m.classifier.enabled {
        finders.push(format!("classifier {} %", m.classifier.recall_percent));
    }
    let sanction = match m.sanction {
        SanctionKind::Remove => "remove",
        SanctionKind::Suspend => "suspend",
        SanctionKind::Ban => "ban",
    };
    let moderation = if finders.is_empty() {
        String::from("no moderation")
    } else {
        format!("{} → {sanction} after {} h", finders.join(" + "), m.review_delay_hours)
    };
    format!("{feed}; {contact}; {moderation}")
}

/// The circle × action table of `s`, with the table's CSS class and test id.
pub fn rules_table(s: &Scenario, class: &'static str, testid: &'static str) -> Html {
    let shown: Vec<&Circle> = s.circles.iter().take(TABLE_CIRCLES).collect();
    let row = |label: &str, cell: &dyn Fn(&Circle) -> String| {
        html! {
            <tr>
                <th scope="row">{label.to_string()}</th>
                { for shown.iter().map(|c| {
                    let text = cell(c);
                    let class = match text.as_str() { "nobody" | "off" => Some("closed"), "anyone" => Some("open"), _ => None };
                    html! { <td class={classes!(class)}>{text}</td> }
                }) }
            </tr>
        }
    };
    html! {
        <>
            <table class={classes!("rules-table", class)} data-testid={testid}>
                <thead><tr><th scope="col">{"Who may…"}</th>{ for shown.iter().map(|c| html! { <th scope="col">{c.name.clone()}</th> }) }</tr></thead>
                <tbody>
                    {row("join", &|c| rule_cell(&c.join))}
                    {row("post", &|c| rule_cell(&c.rules.post))}
                    {row("comment", &|c| rule_cell(&c.rules.comment))}
                    {row("praise", &|c| rule_cell(&c.rules.praise))}
                    {row("tip", &|c| rule_cell(&c.rules.tip))}
                    {row("message", &|c| if c.contact.direct_messages { rule_cell(&c.rules.message) } else { String::from("off") })}
                    {row("tips", &tips_cell)}
                    {row("feed and safety", &safety_cell)}
                </tbody>
            </table>
            if s.circles.len() > TABLE_CIRCLES {
                <p class="muted">{format!("and {} more circles (see the rules panel)", s.circles.len() - TABLE_CIRCLES)}</p>
            }
        </>
    }
}
