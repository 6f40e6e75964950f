//! The rules in plain language ("In Campus Diary only women may post; men with credit 750 or more may comment …").

use crate::view_model::yuan;
use backfire_engine::{
    BanReturn, Circle, Clause, Condition, ContactPolicy, Gender, Identity, Ranking, Rule, SanctionKind, Scenario,
    VerificationLevel,
};
use yew::prelude::*;

fn people(g: Option<Gender>, identity: Option<Identity>) -> String {
    let who = match identity {
        Some(Identity::Student) => "students",
        Some(Identity::WhiteCollar) => "white-collar workers",
        Some(Identity::Overseas) => "overseas members",
        Some(Identity::Other) => "other members",
        None => "",
    };
    match (g, who.is_empty()) {
        (Some(Gender::Female), true) => "women".into(),
        (Some(Gender::Male), true) => "men".into(),
        (Some(Gender::Female), false) => format!("women {who}"),
        (Some(Gender::Male), false) => format!("men {who}"),
        (None, false) => who.into(),
        (None, true) => "members".into(),
    }
}

fn level_words(l: VerificationLevel) -> &'static str {
    match l {
        VerificationLevel::SelfDeclared => "any verification",
        VerificationLevel::DocumentChecked => "checked documents",
        VerificationLevel::RealNameBound => "a real-name binding",
    }
}

/// "men with credit 750 or more … on women's posts" for one clause.
pub fn clause_words(clause: &Clause, verb: &str) -> String {
    let mut gender = None;
    let mut identity = None;
    let mut with = Vec::new();
    let mut author_gender = None;
    let mut author_identity = None;
    let mut author_with = Vec::new();
    for c in &clause.conditions {
        match c {
            Condition::ActorGender(g) => gender = Some(*g),
            Condition::ActorIdentity(i) => identity = Some(*i),
            Condition::ActorVerifiedAtLeast(l) => with.push(level_words(*l).to_string()),
            Condition::ActorCreditAtLeast(n) => with.push(format!("credit {n} or more")),
            Condition::ActorAccountAgeAtLeastDays(d) => with.push(format!("accounts at least {d} days old")),
            Condition::AuthorGender(g) => author_gender = Some(*g),
            Condition::AuthorIdentity(i) => author_identity = Some(*i),
            Condition::AuthorCreditAtLeast(n) => author_with.push(format!("credit {n} or more")),
        }
    }
    let mut out = people(gender, identity);
    if !with.is_empty() {
        out = format!("{out} with {}", with.join(" and "));
    }
    out = format!("{out} may {verb}");
    if author_gender.is_some() || author_identity.is_some() || !author_with.is_empty() {
        let author = people(author_gender, author_identity);
        let possessive = if author.ends_with('s') {
            format!("{author}'")
        } else {
            format!("{author}'s")
        };
        out = format!("{out} on {possessive} posts");
        if !author_with.is_empty() {
            out = format!("{out} (authors with {})", author_with.join(" and "));
        }
    }
    out
}

/// One rule in words: "anyone may comment", "nobody may post", or its clauses joined by "; ".
pub fn rule_words(rule: &Rule, verb: &str) -> String {
    if rule.allow.is_empty() {
        return format!("nobody may {verb}");
    }
    if rule.allow.iter().any(|c| c.conditions.is_empty()) {
        return format!("anyone may {verb}");
    }
    let parts: Vec<String> = rule.allow.iter().map(|c| clause_words(c, verb)).collect();
    let joined = parts.join(", and ");
    if rule.allow.len() == 1 && !joined.contains(" on ") {
        format!("only {joined}")
    } else {
        joined
    }
}

/// The sentences describing one circle.
pub fn circle_sentences(c: &Circle) -> Vec<String> {
    let name = if c.name.trim().is_empty() {
        "this circle".to_string()
    } else {
        c.name.clone()
    };
    let mut out = vec![format!("In {name} {}", rule_words(&c.join, "join"))];
    for (verb, rule) in [
        ("post", &c.rules.post),
        ("comment", &c.rules.comment),
        ("praise", &c.rules.praise),
        ("tip", &c.rules.tip),
        ("message authors", &c.rules.message),
    ] {
        out.push(rule_words(rule, verb));
    }
    let t = &c.tips;
    if !t.enabled {
        out.push("tips are off".into());
    } else {
        let range = format!(
            "{}–{}",
            yuan(u64::from(t.min_fen)),
            yuan(u64::from(t.max_fen)).trim_start_matches('¥')
        );
        let mut tip = if t.praise_leads_to_tip {
            format!("praise opens a tip page of {range}")
        } else {
            format!("tips run {range}")
        };
        if t.daily_cap_per_tipper_fen > 0 {
            tip = format!(
                "{tip}, capped at {} per tipper per day",
                yuan(u64::from(t.daily_cap_per_tipper_fen))
            );
        }
        if t.fee_permille > 0 {
            tip = format!("{tip}, with a {:.1}% fee", f64::from(t.fee_permille) / 10.0);
        }
        out.push(tip);
    }
    out.push(match c.ranking {
        Ranking::Newest => "the feed shows the newest posts first".into(),
        Ranking::MostPraised => "the feed ranks the most praised posts first".into(),
        Ranking::MostTipped => "the feed ranks the most tipped posts first".into(),
    });
    out.push(match c.contact.off_platform {
        ContactPolicy::Allowed => "contact details in posts are allowed".into(),
        ContactPolicy::Filtered => format!(
            "a filter removes {}% of contact details in posts",
            c.contact.filter_recall_percent
        ),
    });
    if !c.contact.direct_messages {
        out.push("direct messages are off".into());
    }
    let m = &c.moderation;
    let mut finders = Vec::new();
    if m.user_reports {
        finders.push("member reports".to_string());
    }
    if m.classifier.enabled {
        finders.push(format!("a classifier catching {}%", m.classifier.recall_percent));
    }
    let sanction = match m.sanction {
        SanctionKind::Remove => "removes the content".to_string(),
        SanctionKind::Suspend => format!("suspends the account for {} days", m.suspend_days),
        SanctionKind::Ban => "bans the account".to_string(),
    };
    if finders.is_empty() {
        out.push("nothing finds abuse: no reports, no classifier".into());
    } else {
        out.push(format!(
            "{} feed reviewers who handle {} items per day per 10,000 users after {} hours and {sanction}",
            finders.join(" and "),
            m.reviews_per_day_per_10k_users,
            m.review_delay_hours
        ));
    }
    out
}

/// Platform-wide sentences.
pub fn platform_sentences(s: &Scenario) -> Vec<String> {
    let v = &s.platform.verification;
    let words = |l: VerificationLevel| match l {
        VerificationLevel::SelfDeclared => "self-declared",
        VerificationLevel::DocumentChecked => "document-checked",
        VerificationLevel::RealNameBound => "bound to real names",
    };
    vec![
        format!("Gender is {}; identity is {}.", words(v.gender), words(v.identity)),
        format!(
            "Banned people {}.",
            match s.platform.bans.return_after_ban {
                BanReturn::Free => "can come back freely".to_string(),
                BanReturn::AtCost => format!("can come back for {}", yuan(u64::from(s.platform.bans.return_cost_fen))),
                BanReturn::RealNameBound => "can never come back (real-name bound)".to_string(),
            }
        ),
        format!(
            "One credit point costs {} of payments; at most {} points a day.",
            yuan(u64::from(s.platform.credit.fen_paid_per_point)),
            s.platform.credit.max_points_per_day
        ),
    ]
}

/// Props of [`RulesSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct RulesSummaryProps {
    /// The scenario described.
    pub scenario: Scenario,
}

/// The plain-language summary.
#[function_component]
pub fn RulesSummary(props: &RulesSummaryProps) -> Html {
    html! {
        <section class="summary" data-testid="rules-summary" aria-label="the rules in plain language">
            { for props.scenario.circles.iter().map(|c| html! { <p>{circle_sentences(c).join("; ")}{"."}</p> }) }
            <p class="muted">{platform_sentences(&props.scenario).join(" ")}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2016_comment_rule_reads_like_the_article() {
        let rule = Rule::when(vec![
            Condition::ActorGender(Gender::Male),
            Condition::ActorCreditAtLeast(750),
            Condition::AuthorGender(Gender::Female),
        ])
        .or(vec![Condition::ActorGender(Gender::Female)]);
        assert_eq!(
            rule_words(&rule, "comment"),
            "men with credit 750 or more may comment on women's posts, and women may comment"
        );
        assert_eq!(
            rule_words(&Rule::when(vec![Condition::ActorGender(Gender::Female)]), "post"),
            "only women may post"
        );
        assert_eq!(rule_words(&Rule::everyone(), "praise"), "anyone may praise");
        assert_eq!(rule_words(&Rule::nobody(), "tip"), "nobody may tip");
    }

    #[test]
    fn a_circle_summary_names_its_tips() {
        let mut c = Circle {
            name: "Campus Diary".into(),
            ..Circle::default()
        };
        c.tips.praise_leads_to_tip = true;
        c.tips.min_fen = 100;
        c.tips.max_fen = 20_000;
        c.tips.daily_cap_per_tipper_fen = 0;
        c.tips.fee_permille = 0;
        let text = circle_sentences(&c).join("; ");
        assert!(text.starts_with("In Campus Diary anyone may join"), "{text}");
        assert!(text.contains("praise opens a tip page of ¥1–200"), "{text}");
    }
}
