//! The rules as a table: one column per circle, one row per action (who may join, post, comment, praise, tip
//! and message), then tips and safety, each cell a few words. The deck and the Review PDF show it.

use crate::locale::{money, tr, trf, Lang};
use backfire_engine::scenario::{ContactPolicy, Ranking, SanctionKind};
use backfire_engine::words::rule_cell;
use backfire_engine::{Circle, Rule, Scenario};
use yew::prelude::*;

/// Circles the table shows side by side; more would not fit a 1024-pixel projector or a page.
const TABLE_CIRCLES: usize = 5;

/// The tip settings of a circle in a few words.
fn tips_cell(lang: Lang, c: &Circle) -> String {
    let t = &c.tips;
    if !t.enabled {
        return tr!(lang, "off", "关闭").to_string();
    }
    let range = format!(
        "{}–{}",
        money(lang, u64::from(t.min_fen)),
        money(lang, u64::from(t.max_fen)).trim_start_matches('¥')
    );
    if t.praise_leads_to_tip {
        trf!(lang, "{range}, praise opens the tip page", "{range}，点赞即打开打赏页")
    } else {
        range
    }
}

/// The feed, contact and moderation of a circle in a few words.
fn safety_cell(lang: Lang, c: &Circle) -> String {
    let feed = match c.ranking {
        Ranking::Newest => tr!(lang, "newest first", "最新优先"),
        Ranking::MostPraised => tr!(lang, "most praised first", "最多点赞优先"),
        Ranking::MostTipped => tr!(lang, "most tipped first", "最多打赏优先"),
    };
    let contact = match c.contact.off_platform {
        ContactPolicy::Allowed => tr!(lang, "contact details allowed", "允许联系方式").to_string(),
        ContactPolicy::Filtered => {
            let pct = c.contact.filter_recall_percent;
            trf!(lang, "{pct} % of contact details filtered", "过滤 {pct} % 的联系方式")
        }
    };
    let m = &c.moderation;
    let mut finders = Vec::new();
    if m.user_reports {
        finders.push(tr!(lang, "reports", "举报").to_string());
    }
    if m.classifier.enabled {
        let pct = m.classifier.recall_percent;
        finders.push(trf!(lang, "classifier {pct} %", "分类器 {pct} %"));
    }
    let sanction = match m.sanction {
        SanctionKind::Remove => tr!(lang, "remove", "删除"),
        SanctionKind::Suspend => tr!(lang, "suspend", "暂停"),
        SanctionKind::Ban => tr!(lang, "ban", "封禁"),
    };
    let moderation = if finders.is_empty() {
        tr!(lang, "no moderation", "无审核").to_string()
    } else {
        let (found, hours) = (finders.join(" + "), m.review_delay_hours);
        trf!(
            lang,
            "{found} → {sanction} after {hours} h",
            "{found} → {hours} 小时后{sanction}"
        )
    };
    format!("{feed}; {contact}; {moderation}")
}

/// The circle × action table of `s`, with the table's CSS class and test id.
pub fn rules_table(lang: Lang, s: &Scenario, class: &'static str, testid: &'static str) -> Html {
    let shown: Vec<&Circle> = s.circles.iter().take(TABLE_CIRCLES).collect();
    let off = tr!(lang, "off", "关闭");
    // Who a rule lets act is the engine's words (`words::rule_cell`); the rest is the table's own.
    let (nobody, anyone) = (rule_cell(lang, &Rule::nobody()), rule_cell(lang, &Rule::everyone()));
    let row = |label: &str, cell: &dyn Fn(&Circle) -> String| {
        html! {
            <tr>
                <th scope="row">{label.to_string()}</th>
                { for shown.iter().map(|c| {
                    let text = cell(c);
                    let class = if text == nobody || text == off { Some("closed") } else if text == anyone { Some("open") } else { None };
                    html! { <td class={classes!(class)}>{text}</td> }
                }) }
            </tr>
        }
    };
    html! {
        <>
            <table class={classes!("rules-table", class)} data-testid={testid}>
                <thead><tr><th scope="col">{tr!(lang, "Who may…", "谁可以…")}</th>{ for shown.iter().map(|c| html! { <th scope="col" translate="no">{c.name.clone()}</th> }) }</tr></thead>
                <tbody>
                    {row(tr!(lang, "join", "加入"), &|c| rule_cell(lang, &c.join))}
                    {row(tr!(lang, "post", "发帖"), &|c| rule_cell(lang, &c.rules.post))}
                    {row(tr!(lang, "comment", "评论"), &|c| rule_cell(lang, &c.rules.comment))}
                    {row(tr!(lang, "praise", "点赞"), &|c| rule_cell(lang, &c.rules.praise))}
                    {row(tr!(lang, "tip", "打赏"), &|c| rule_cell(lang, &c.rules.tip))}
                    {row(tr!(lang, "message", "私信"), &|c| if c.contact.direct_messages { rule_cell(lang, &c.rules.message) } else { off.to_string() })}
                    {row(tr!(lang, "tips", "打赏设置"), &|c| tips_cell(lang, c))}
                    {row(tr!(lang, "feed and safety", "信息流与安全"), &|c| safety_cell(lang, c))}
                </tbody>
            </table>
            if s.circles.len() > TABLE_CIRCLES {
                <p class="muted">{ { let more = s.circles.len() - TABLE_CIRCLES; trf!(lang, "and {more} more circles (see the rules panel)", "另有 {more} 个圈子（见规则面板）") } }</p>
            }
        </>
    }
}
