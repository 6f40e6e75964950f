//! Words for designers: money, pattern names, conditions and the rules in plain language, shared by the app and the CLI.
//!
//! One vocabulary: verification levels are "self-declared", "document-checked" and "real-name bound" everywhere
//! (rule labels in reports, the rules summary, the editors). Report text depends on some of these words, so
//! changing one changes saved snapshots: the engine's tests will say so.

use crate::report::PatternId;
use crate::scenario::{
    Archetype, BanReturn, Circle, Clause, Condition, ContactPolicy, Gender, Identity, Ranking, Rule, SanctionKind,
    Scenario, VerificationLevel,
};

/// An amount in yuan as a designer reads it: "¥5", "¥0.10", "¥5,000".
pub fn yuan(fen: u64) -> String {
    let whole = fen / 100;
    let cents = fen % 100;
    let grouped = group(whole);
    if cents == 0 {
        format!("¥{grouped}")
    } else {
        format!("¥{grouped}.{cents:02}")
    }
}

/// A whole number with thousands separators: 1234567 → "1,234,567".
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A pattern's name as a heading: "Solicitation", "Exclusion of honest users".
pub fn pattern_name(id: PatternId) -> &'static str {
    match id {
        PatternId::Solicitation => "Solicitation",
        PatternId::IdentityFraud => "Identity fraud",
        PatternId::Scam => "Scams",
        PatternId::Harassment => "Harassment",
        PatternId::ScoreFarming => "Score farming",
        PatternId::TipLaundering => "Tip laundering",
        PatternId::RankingManipulation => "Ranking manipulation",
        PatternId::BanEvasion => "Ban evasion",
        PatternId::Exclusion => "Exclusion of honest users",
    }
}

/// The pattern as a noun phrase inside a sentence: "cuts scams by 40 %".
pub fn pattern_words(id: PatternId) -> &'static str {
    match id {
        PatternId::Solicitation => "solicitation",
        PatternId::IdentityFraud => "identity fraud",
        PatternId::Scam => "scams",
        PatternId::Harassment => "harassment",
        PatternId::ScoreFarming => "score farming",
        PatternId::TipLaundering => "tip laundering",
        PatternId::RankingManipulation => "ranking manipulation",
        PatternId::BanEvasion => "ban evasion",
        PatternId::Exclusion => "exclusion of honest users",
    }
}

/// One sentence on what a pattern is.
pub fn pattern_blurb(id: PatternId) -> &'static str {
    match id {
        PatternId::Solicitation => "Racy posts asking for tips, chats or meetings.",
        PatternId::IdentityFraud => "Accounts acting through a gate with a faked gender or identity.",
        PatternId::Scam => "Tips or prepayment taken for meetings that never happen.",
        PatternId::Harassment => "Abusive comments and messages.",
        PatternId::ScoreFarming => "Credit points bought by churning payments to cross a gate.",
        PatternId::TipLaundering => "Money moved between controlled accounts through tips.",
        PatternId::RankingManipulation => "Coordinated tips or praise to climb a ranked feed.",
        PatternId::BanEvasion => "Banned people returning with new accounts.",
        PatternId::Exclusion => "Honest users who wanted to act and were refused by a rule.",
    }
}

/// Prevalence, as the report measures it (see `PatternReport::prevalence_per_10k`).
pub const PREVALENCE_WORDS: &str = "of every 100 posts honest users saw, how many were this pattern: the share of views that showed violating content. Only posts have a prevalence; harassment, score farming, ban evasion and exclusion are acts, not posts";

/// People harmed, as the report counts them (see `PatternReport::people_harmed`).
pub const PEOPLE_HARMED_WORDS: &str = "distinct honest users harmed: for solicitation, those who took up off-platform contact or saw five or more solicitation posts; identity fraud, those who paid a faked persona; scams, victims who paid; harassment, targets; score farming, women approached by farmers who bought their way past a gate; ban evasion, victims of returned accounts; exclusion, honest users refused. Tip laundering and ranking manipulation harm nobody directly";

/// Honest engagement, as the report counts it (see `Health::engagement`).
pub const ENGAGEMENT_WORDS: &str = "genuine posts by honest members and lurkers, plus their comments, praise, tips and messages on genuine posts: the figure a fix must keep. Generous tippers act in good faith but are counted apart, as the market's customers";

/// What an archetype does, in one sentence (its strategy reads the rules; the enum's doc comments say the same for code).
pub fn archetype_words(a: Archetype) -> &'static str {
    match a {
        Archetype::Honest => "Posts, praises, comments and tips in good faith.",
        Archetype::Lurker => "Reads and rarely interacts.",
        Archetype::Solicitor => "Posts racy content asking for tips and off-platform contact.",
        Archetype::GenerousTipper => "Tips often and generously, drawn most to racy posts; in good faith, but counted apart from honest users as the market's customers.",
        Archetype::IdentityFaker => "Claims the gender or identity a gate wants, when verification lets it and the gain beats the cost.",
        Archetype::Scammer => "Takes tips or prepayment for meetings that never happen.",
        Archetype::ScoreFarmer => "Buys credit points by churning payments to cross a threshold, when the price is worth it.",
        Archetype::Harasser => "Posts abusive comments and messages wherever it may.",
        Archetype::SybilRing => "Accounts of one operator that tip or praise each other to climb a ranked feed.",
        Archetype::Launderer => "Moves money between controlled accounts through tips.",
        Archetype::BanEvader => "Abuses, and returns with a new account after a ban when the platform allows it.",
    }
}

/// "female" or "male".
pub fn gender_word(g: Gender) -> &'static str {
    match g {
        Gender::Female => "female",
        Gender::Male => "male",
    }
}

/// "a student", "white-collar", "overseas" or "other" (reads after "is").
pub fn identity_word(i: Identity) -> &'static str {
    match i {
        Identity::Student => "a student",
        Identity::WhiteCollar => "white-collar",
        Identity::Overseas => "overseas",
        Identity::Other => "other",
    }
}

/// "self-declared", "document-checked" or "real-name bound".
pub fn verification_word(v: VerificationLevel) -> &'static str {
    match v {
        VerificationLevel::SelfDeclared => "self-declared",
        VerificationLevel::DocumentChecked => "document-checked",
        VerificationLevel::RealNameBound => "real-name bound",
    }
}

/// A short phrase for one condition, as rule labels in reports use it: "actor credit ≥ 750".
pub fn condition(c: &Condition) -> String {
    match c {
        Condition::ActorGender(g) => format!("actor is {}", gender_word(*g)),
        Condition::ActorIdentity(i) => format!("actor is {}", identity_word(*i)),
        Condition::ActorVerifiedAtLeast(v) => format!("actor verified ≥ {}", verification_word(*v)),
        Condition::ActorCreditAtLeast(c) => format!("actor credit ≥ {c}"),
        Condition::ActorAccountAgeAtLeastDays(d) => format!("account ≥ {d} days old"),
        Condition::AuthorGender(g) => format!("author is {}", gender_word(*g)),
        Condition::AuthorIdentity(i) => format!("author is {}", identity_word(*i)),
        Condition::AuthorCreditAtLeast(c) => format!("author credit ≥ {c}"),
    }
}

/// A clause as short phrases joined by "and" ("anyone" when it has no conditions), as rule labels use it.
pub fn clause_phrase(clause: &Clause) -> String {
    if clause.conditions.is_empty() {
        String::from("anyone")
    } else {
        clause
            .conditions
            .iter()
            .map(condition)
            .collect::<Vec<_>>()
            .join(" and ")
    }
}

/// A group of people: "women", "men students", "white-collar workers", or "members".
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

/// What a verification floor lets through, after "with": "document-checked or real-name bound accounts".
fn verified_at_least(l: VerificationLevel) -> String {
    match l {
        // Every account is at least self-declared: the condition lets everyone through.
        VerificationLevel::SelfDeclared => String::from("any account"),
        VerificationLevel::DocumentChecked => format!(
            "{} or {} accounts",
            verification_word(VerificationLevel::DocumentChecked),
            verification_word(VerificationLevel::RealNameBound)
        ),
        VerificationLevel::RealNameBound => format!("{} accounts", verification_word(l)),
    }
}

/// Who a clause lets act, and on whose posts: ("men with credit 750 or more", Some("women's posts")).
fn clause_parts(clause: &Clause) -> (String, Option<String>) {
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
            Condition::ActorVerifiedAtLeast(l) => with.push(verified_at_least(*l)),
            Condition::ActorCreditAtLeast(n) => with.push(format!("credit {n} or more")),
            Condition::ActorAccountAgeAtLeastDays(d) => with.push(format!("accounts at least {d} days old")),
            Condition::AuthorGender(g) => author_gender = Some(*g),
            Condition::AuthorIdentity(i) => author_identity = Some(*i),
            Condition::AuthorCreditAtLeast(n) => author_with.push(format!("credit {n} or more")),
        }
    }
    let mut who = people(gender, identity);
    if !with.is_empty() {
        who = format!("{who} with {}", with.join(" and "));
    }
    let posts = (author_gender.is_some() || author_identity.is_some() || !author_with.is_empty()).then(|| {
        let author = people(author_gender, author_identity);
        let mut posts = if author.ends_with('s') {
            format!("{author}' posts")
        } else {
            format!("{author}'s posts")
        };
        if !author_with.is_empty() {
            posts = format!("{posts} (authors with {})", author_with.join(" and "));
        }
        posts
    });
    (who, posts)
}

/// One clause as a sentence part: "men with credit 750 or more may comment on women's posts".
pub fn clause_words(clause: &Clause, verb: &str) -> String {
    match clause_parts(clause) {
        (who, None) => format!("{who} may {verb}"),
        (who, Some(posts)) => format!("{who} may {verb} on {posts}"),
    }
}

/// Who a rule lets act, without the verb, for a table cell: "nobody", "anyone", "women", or
/// "men with credit 750 or more, on women's posts"; several clauses are joined by "; or ".
pub fn rule_cell(rule: &Rule) -> String {
    if rule.allow.is_empty() {
        return String::from("nobody");
    }
    if rule.allow.iter().any(|c| c.conditions.is_empty()) {
        return String::from("anyone");
    }
    rule.allow
        .iter()
        .map(|c| match clause_parts(c) {
            (who, None) => who,
            (who, Some(posts)) => format!("{who}, on {posts}"),
        })
        .collect::<Vec<_>>()
        .join("; or ")
}

/// One rule as a sentence part: "anyone may comment", "nobody may post", or its clauses joined by ", and ".
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

/// One part of the rules summary: a circle, or the platform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummarySection {
    /// A heading: the circle's name ("this circle" when it has none), or "Platform".
    pub title: String,
    /// One clause per rule, lowercase and without a final period, e.g. "only women may post".
    pub lines: Vec<String>,
    /// The whole section as one sentence for reading aloud, e.g. "In Campus Diary anyone may join; only women may post; …."
    pub paragraph: String,
    /// Whether the section is about the whole platform rather than one circle (shown quieter).
    pub platform_wide: bool,
}

/// The rules of a scenario in plain language: one section per circle, then one for the platform, then one per
/// intervention of its timeline saying what changed.
pub fn rules_summary(s: &Scenario) -> Vec<SummarySection> {
    let mut out: Vec<SummarySection> = s.circles.iter().map(circle_section).collect();
    let lines = platform_lines(s);
    out.push(SummarySection {
        title: String::from("Platform"),
        paragraph: sentence(&lines),
        lines,
        platform_wide: true,
    });
    out.extend(timeline_sections(s));
    out
}

/// One section per intervention, in order of hour: what its rules say that the rules before did not, circle by
/// circle (a new circle is described whole), then the platform. The lines are the summary's own, so a change
/// reads as the rules do.
fn timeline_sections(s: &Scenario) -> Vec<SummarySection> {
    let stages = crate::timeline::stages(s);
    stages
        .windows(2)
        .filter_map(|pair| {
            let [before, after] = pair else { return None };
            let mut lines = Vec::new();
            for (i, c) in after.scenario.circles.iter().enumerate() {
                let now = circle_lines(c);
                match before.scenario.circles.get(i) {
                    Some(old) => {
                        let was = circle_lines(old);
                        let name = if old.name == c.name {
                            c.name.clone()
                        } else {
                            format!("{} (now {})", old.name, c.name)
                        };
                        lines.extend(
                            now.into_iter()
                                .filter(|l| !was.contains(l))
                                .map(|l| format!("in {name}, {l}")),
                        );
                    }
                    None => lines.push(format!("{} opens: {}", c.name, now.join("; "))),
                }
            }
            let was = platform_lines(&before.scenario);
            lines.extend(platform_lines(&after.scenario).into_iter().filter(|l| !was.contains(l)));
            if lines.is_empty() {
                lines.push(String::from("no rule changes"));
            }
            let title = if after.label.is_empty() {
                format!("From hour {}", after.hour)
            } else {
                format!("From hour {}: {}", after.hour, after.label)
            };
            Some(SummarySection {
                title,
                paragraph: sentence(&lines),
                lines,
                platform_wide: false,
            })
        })
        .collect()
}

/// Clauses joined by semicolons, capitalised and ended with a period.
fn sentence(lines: &[String]) -> String {
    let joined = lines.join("; ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => joined,
    }
}

fn circle_section(c: &Circle) -> SummarySection {
    let name = if c.name.trim().is_empty() {
        String::from("this circle")
    } else {
        c.name.clone()
    };
    let lines = circle_lines(c);
    SummarySection {
        paragraph: format!("In {name} {}.", lines.join("; ")),
        title: name,
        lines,
        platform_wide: false,
    }
}

/// The clauses describing one circle: who may join and act, tips, feed, contact and moderation.
pub fn circle_lines(c: &Circle) -> Vec<String> {
    let mut out = vec![rule_words(&c.join, "join")];
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

/// The platform-wide clauses: verification, bans and the price of credit.
pub fn platform_lines(s: &Scenario) -> Vec<String> {
    let v = &s.platform.verification;
    vec![
        format!(
            "gender is {} and identity is {}",
            verification_word(v.gender),
            verification_word(v.identity)
        ),
        format!(
            "banned people {}",
            match s.platform.bans.return_after_ban {
                BanReturn::Free => "can come back freely".to_string(),
                BanReturn::AtCost => format!("can come back for {}", yuan(u64::from(s.platform.bans.return_cost_fen))),
                BanReturn::RealNameBound => format!(
                    "can never come back ({})",
                    verification_word(VerificationLevel::RealNameBound)
                ),
            }
        ),
        format!(
            "one credit point costs {} of payments, at most {} points a day",
            yuan(u64::from(s.platform.credit.fen_paid_per_point)),
            s.platform.credit.max_points_per_day
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_reads_like_money() {
        assert_eq!(yuan(500), "¥5");
        assert_eq!(yuan(10), "¥0.10");
        assert_eq!(yuan(350), "¥3.50");
        assert_eq!(yuan(20_000), "¥200");
        assert_eq!(yuan(500_000), "¥5,000");
        assert_eq!(yuan(123_456_789), "¥1,234,567.89");
        assert_eq!(yuan(0), "¥0");
        assert_eq!(group(1_234_567), "1,234,567");
        assert_eq!(group(999), "999");
    }

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
        assert_eq!(
            rule_cell(&rule),
            "men with credit 750 or more, on women's posts; or women"
        );
        assert_eq!(rule_cell(&Rule::everyone()), "anyone");
        assert_eq!(rule_cell(&Rule::nobody()), "nobody");
    }

    #[test]
    fn verification_reads_the_same_in_labels_and_sentences() {
        let c = Condition::ActorVerifiedAtLeast(VerificationLevel::DocumentChecked);
        assert_eq!(condition(&c), "actor verified ≥ document-checked");
        assert_eq!(
            rule_words(&Rule::when(vec![c]), "post"),
            "only members with document-checked or real-name bound accounts may post"
        );
        let mut s = Scenario::default();
        s.platform.verification.gender = VerificationLevel::RealNameBound;
        assert_eq!(
            platform_lines(&s)[0],
            "gender is real-name bound and identity is self-declared"
        );
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
        let text = circle_section(&c).paragraph;
        assert!(text.starts_with("In Campus Diary anyone may join"), "{text}");
        assert!(text.contains("praise opens a tip page of ¥1–200"), "{text}");
        assert!(text.ends_with('.'), "{text}");
    }

    #[test]
    fn the_summary_has_a_section_per_circle_and_the_platform_last() {
        let s = crate::presets::by_id("alipay-circles-2016")
            .map(|p| p.scenario)
            .unwrap_or_default();
        let sections = rules_summary(&s);
        assert_eq!(sections.len(), s.circles.len() + 1);
        assert!(sections
            .last()
            .is_some_and(|p| p.platform_wide && p.paragraph.starts_with("Gender is ")));
        let all: String = sections.iter().map(|x| x.paragraph.clone()).collect();
        assert!(
            all.contains("men with credit 750 or more may comment on women's posts"),
            "{all}"
        );
    }
}
