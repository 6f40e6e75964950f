//! The presets: named scenarios with one sentence of what each shows, and the assumptions next to their values.

use crate::scenario::{
    ArchetypeMix, BanReturn, Circle, Condition, ContactPolicy, Gender, Identity, Intervention, Moderation, Ranking,
    Rule, SanctionKind, Scenario, Tips, VerificationLevel,
};

/// A named scenario.
#[derive(Clone, Debug)]
pub struct Preset {
    /// Stable id, e.g. `alipay-circles-2016`.
    pub id: &'static str,
    /// Title for menus.
    pub title: &'static str,
    /// One sentence of what it shows.
    pub sentence: &'static str,
    /// The scenario (its `notes` list the assumptions behind the values).
    pub scenario: Scenario,
}

/// Every preset, in menu order.
pub fn all() -> Vec<Preset> {
    vec![
        Preset {
            id: "alipay-circles-2016",
            title: "Alipay Circles, launch (Nov 2016)",
            sentence: "Women-only posting, a credit gate on comments and praise that opens a tip page of up to ¥200: solicitation takes over within hours.",
            scenario: alipay_2016(),
        },
        Preset {
            id: "alipay-circles-2016-fix",
            title: "Alipay Circles, fixed",
            sentence: "What Alipay changed (open posting, permanent real-name bans, a crackdown) plus the fixes a designer would add: small tips with no praise funnel, newest-first feeds, filtered contact and fast review.",
            scenario: alipay_2016_fix(),
        },
        Preset {
            id: "alipay-circles-2016-timeline",
            title: "Alipay Circles, as it happened",
            sentence: "The launch, then the response at the hours the article gives: a crackdown on day two, new open circles that evening, permanent bans after two days. Pin the safe launch to see what reacting late cost.",
            scenario: alipay_2016_timeline(),
        },
        Preset {
            id: "alipay-circles-2016-safe-launch",
            title: "Alipay Circles, launched safe",
            sentence: "The same launch with the same three responses in force from the first hour: the baseline for the cost of reacting late.",
            scenario: alipay_2016_safe_launch(),
        },
        Preset {
            id: "open-community",
            title: "Open community",
            sentence: "No gates at all and small tips: nobody is excluded, and abuse is held back only by reports and reviewers.",
            scenario: open_community(),
        },
        Preset {
            id: "strict-verified",
            title: "Strict, verified",
            sentence: "Every action needs a verified, month-old account and bans are real-name bound: abuse shrinks, and many honest users are shut out.",
            scenario: strict_verified(),
        },
    ]
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.id == id)
}

fn female() -> Condition {
    Condition::ActorGender(Gender::Female)
}

/// The 2016 launch as the article describes it.
fn alipay_2016() -> Scenario {
    let mut s = Scenario {
        name: String::from("Alipay Circles, launch (Nov 2016)"),
        seed: 2016,
        days: 7,
        ..Scenario::default()
    };
    s.notes = vec![
        String::from("source: China Info 24, 30 Nov 2016 (shared/seed): circles joined by identity; in Campus Diary and White Collar Diary only women could post; any member could praise or tip; men with credit over 750 could comment on women's posts, men below only praise; praising led to a tip page from under ¥1 to ¥200"),
        String::from("assumption: population.female_percent = 45 (payment-app users lean male)"),
        String::from("assumption: population.identity_mix 20/45/5/30 (students/white-collar/overseas/other) for an urban payment app"),
        String::from("assumption: population.credit mean 640, std_dev 60, so about 3% of users are above 750 (DOMAIN.md: 750 is well inside the top band; few pass it)"),
        String::from("assumption: population.spending_median_fen_per_day = 1500 (¥15 a day of discretionary spending)"),
        String::from("assumption: population.real_name_percent = 80 (Alipay accounts are real-name; gender comes from the ID card)"),
        String::from("assumption: population.archetypes: 2% solicitors, 5% generous tippers, 2% harassers, 1% each of scammers, identity fakers and ban evaders, 2% score farmers, 0.5% each of sybil-ring and launderer accounts"),
        String::from("assumption: platform.verification.gender = real_name_bound (from the ID card); identity = self_declared (nothing checked student or office status)"),
        String::from("assumption: platform.credit: ¥500 of payments per point, 1% churn cost, at most 5 points a day (the method is not public; 'spend and transfer more' is the common advice)"),
        String::from("assumption: platform.bans.return_after_ban = at_cost ¥300 (a replacement real-name account must be bought)"),
        String::from("assumption: tips.min_fen = 10 ('less than 1 yuan'), max_fen = 20000 (¥200, from the article), no daily cap and no fee at launch"),
        String::from("assumption: ranking = most_praised (popular posts surfaced first); contact.off_platform = allowed; direct messages on for everyone"),
        String::from("assumption: moderation at launch: user reports on, no classifier ('in testing'), 5 reviews per day per 10,000 users, 24 h delay, removal with a ban after 3 strikes"),
        String::from("assumption: Overseas Diary had no female-only rule (the article names only the other two)"),
    ];
    s.population.female_percent = 45;
    s.population.identity_mix.student = 20;
    s.population.identity_mix.white_collar = 45;
    s.population.identity_mix.overseas = 5;
    s.population.identity_mix.other = 30;
    s.population.credit.mean = 640;
    s.population.credit.std_dev = 60;
    s.population.spending_median_fen_per_day = 1_500;
    s.population.account_age_median_days = 900;
    s.population.document_checked_percent = 10;
    s.population.real_name_percent = 80;
    s.population.archetypes = ArchetypeMix::default();
    s.platform.verification.gender = VerificationLevel::RealNameBound;
    s.platform.verification.identity = VerificationLevel::SelfDeclared;
    s.platform.credit.fen_paid_per_point = 50_000;
    s.platform.credit.churn_cost_permille = 10;
    s.platform.credit.max_points_per_day = 5;
    s.platform.bans.return_after_ban = BanReturn::AtCost;
    s.platform.bans.return_cost_fen = 30_000;
    let launch_tips = Tips {
        enabled: true,
        praise_leads_to_tip: true,
        min_fen: 10,
        max_fen: 20_000,
        daily_cap_per_tipper_fen: 0,
        fee_permille: 0,
    };
    let launch_moderation = Moderation {
        user_reports: true,
        reviews_per_day_per_10k_users: 5,
        review_delay_hours: 24,
        sanction: SanctionKind::Remove,
        ban_after_strikes: 3,
        ..Moderation::default()
    };
    let comment_rule = Rule::when(vec![female()]).or(vec![
        Condition::ActorGender(Gender::Male),
        Condition::ActorCreditAtLeast(750),
        Condition::AuthorGender(Gender::Female),
    ]);
    let diary = |name: &str, who: Identity, women_only: bool| {
        let mut c = Circle {
            name: String::from(name),
            join: Rule::when(vec![Condition::ActorIdentity(who)]),
            tips: launch_tips.clone(),
            ranking: Ranking::MostPraised,
            moderation: launch_moderation.clone(),
            ..Circle::default()
        };
        if women_only {
            c.rules.post = Rule::when(vec![female()]);
            c.rules.comment = comment_rule.clone();
        }
        c.contact.off_platform = ContactPolicy::Allowed;
        c.contact.direct_messages = true;
        c
    };
    s.circles = vec![
        diary("Campus Diary", Identity::Student, true),
        diary("White Collar Diary", Identity::WhiteCollar, true),
        diary("Overseas Diary", Identity::Overseas, false),
    ];
    s
}

/// The article's crackdown on "harmful" content (Monday morning's statement): a classifier, and more reviewers
/// who answer sooner.
fn crackdown(c: &mut Circle) {
    c.moderation.classifier.enabled = true;
    c.moderation.classifier.recall_percent = 85;
    c.moderation.classifier.false_positive_permille = 10;
    c.moderation.reviews_per_day_per_10k_users = 40;
    c.moderation.review_delay_hours = 2;
}

/// The article's new circles without a female-only rule: anyone may join and post (two stand for the 18).
fn new_open_circles() -> Vec<Circle> {
    ["Hobbies", "Local Life"]
        .iter()
        .map(|name| Circle {
            name: String::from(*name),
            ..Circle::default()
        })
        .collect()
}

/// The article's permanent closure of offending accounts with no re-registration: bans bound to the real name,
/// and a ban after the second confirmed violation (a week's suspension after the first).
fn permanent_bans(s: &mut Scenario) {
    s.platform.bans.return_after_ban = BanReturn::RealNameBound;
    for c in &mut s.circles {
        c.moderation.sanction = SanctionKind::Suspend;
        c.moderation.suspend_days = 7;
        c.moderation.ban_after_strikes = 2;
    }
}

/// The notes of the article's three responses, as the fix and the timeline both apply them.
const RESPONSE_NOTES: [&str; 3] = [
    "change (article): crackdown on harmful content: a classifier (assumption: 85% recall, as image classifiers for nudity reach, 1% false positives), 40 reviews per day per 10,000 users, 2 h delay",
    "change (article): new circles without female-only rules (two stand for the 18 added)",
    "change (article): accounts posting erotic content closed permanently, no re-registration: bans are real_name_bound and the sanction is a ban after 2 strikes",
];

/// What the article says changed, plus what a designer would add.
fn alipay_2016_fix() -> Scenario {
    let mut s = alipay_2016();
    s.name = String::from("Alipay Circles, fixed");
    s.notes.extend(RESPONSE_NOTES.map(String::from));
    s.notes.push(String::from(
        "change (article, read further): female-only posting removed in the launch circles too",
    ));
    s.notes.push(String::from("model 2: a banned abuser comes back only on a bought real-name account (¥300, caught half the time); small tips without a tip page pay a post less than most sellers' price"));
    s.notes.push(String::from("designer fix: praise no longer opens the tip page; tips are tokens of thanks, ¥0.10–¥5, with a ¥20 daily cap and a 5% fee"));
    s.notes.push(String::from(
        "designer fix: newest-first feeds (no ranking to buy); off-platform contact filtered (90% recall)",
    ));
    s.notes.push(String::from("designer fix: credit gate on comments removed; comments need a week-old account; no direct messages from strangers inside circles"));
    let tips = Tips {
        enabled: true,
        praise_leads_to_tip: false,
        min_fen: 10,
        max_fen: 500,
        daily_cap_per_tipper_fen: 2_000,
        fee_permille: 50,
    };
    s.circles.extend(new_open_circles());
    permanent_bans(&mut s);
    for c in &mut s.circles {
        crackdown(c);
        c.rules.post = Rule::everyone();
        c.rules.comment = Rule::when(vec![Condition::ActorAccountAgeAtLeastDays(7)]);
        c.rules.message = Rule::when(vec![Condition::ActorVerifiedAtLeast(
            VerificationLevel::DocumentChecked,
        )]);
        c.tips = tips.clone();
        c.ranking = Ranking::Newest;
        c.contact.off_platform = ContactPolicy::Filtered;
        c.contact.filter_recall_percent = 90;
        c.contact.direct_messages = false;
        c.moderation.user_reports = true;
    }
    s
}

/// The launch as it happened: the rules of 27 November, then the article's three responses at the hours it
/// gives (each hour an assumption, stated in the intervention's note).
fn alipay_2016_timeline() -> Scenario {
    let mut s = alipay_2016();
    s.name = String::from("Alipay Circles, as it happened (Nov 2016)");
    s.notes.push(String::from("assumption: hour 0 is 08:00 on Sunday 27 November, when the update reached users (the article gives the day, not the hour)"));
    s.notes.extend(RESPONSE_NOTES.map(String::from));
    s.notes.push(String::from("assumption: the new circles have the launch circles' tips, feed and contact (the article says only that they lacked the female-only rule), and the crackdown's moderation"));
    let mut morning = s.circles.clone();
    morning.iter_mut().for_each(crackdown);
    let mut evening = morning.clone();
    let template = s.circles.first().cloned().unwrap_or_default();
    evening.extend(new_open_circles().into_iter().map(|c| {
        let mut c = Circle {
            name: c.name,
            tips: template.tips.clone(),
            ranking: template.ranking,
            contact: template.contact.clone(),
            moderation: template.moderation.clone(),
            ..Circle::default()
        };
        crackdown(&mut c);
        c
    }));
    let mut closed = Scenario {
        circles: evening.clone(),
        platform: s.platform.clone(),
        ..Scenario::default()
    };
    permanent_bans(&mut closed);
    s.interventions = vec![
        Intervention {
            hour: 24,
            label: String::from("statement and crackdown"),
            note: String::from("article: on Monday morning Alipay said Circles was in testing and vowed to crack down on harmful content (assumption: 08:00, hour 24)"),
            circles: Some(morning),
            ..Intervention::default()
        },
        Intervention {
            hour: 36,
            label: String::from("new circles without the women-only rule"),
            note: String::from("article: on the evening of the same day, 18 new circles without female-only rules (assumption: 20:00, hour 36)"),
            circles: Some(evening),
            ..Intervention::default()
        },
        Intervention {
            hour: 48,
            label: String::from("permanent bans"),
            note: String::from("article: the chairwoman apologised after 'the past two days' and said offending accounts would be closed for good, with no re-registration (assumption: Tuesday 08:00, hour 48)"),
            platform: Some(closed.platform),
            circles: Some(closed.circles),
        },
    ];
    s
}

/// The same launch with the same three responses in force from the start: what launching safe would have
/// given, against which the timeline shows the cost of reacting later.
fn alipay_2016_safe_launch() -> Scenario {
    let mut s = alipay_2016_timeline();
    s.name = String::from("Alipay Circles, launched with the response in place");
    s.notes.push(String::from(
        "choice: every response of the timeline at hour 0, so the only difference from the timeline is when they came",
    ));
    for i in &mut s.interventions {
        i.hour = 0;
    }
    s
}

/// No gates, small tips, moderation by reports only.
fn open_community() -> Scenario {
    let mut s = Scenario {
        name: String::from("Open community"),
        seed: 7,
        ..Scenario::default()
    };
    s.notes = vec![
        String::from("assumption: default population (50% women, credit mean 640) with the default mix of bad actors"),
        String::from("model 2: small tips, no tip page and newest-first feeds pay a post less than most professionals' reservation: the rules keep solicitation down"),
    ];
    s.circles = ["Town Square", "Food", "Travel"]
        .iter()
        .map(|name| Circle {
            name: String::from(*name),
            ..Circle::default()
        })
        .collect();
    s
}

/// Everything gated on verification and account age.
fn strict_verified() -> Scenario {
    let mut s = open_community();
    s.name = String::from("Strict, verified");
    s.seed = 11;
    s.notes.push(String::from(
        "choice: every action but praise needs a document-checked account at least 30 days old; gender and identity are real-name bound, and so are bans",
    ));
    s.platform.verification.gender = VerificationLevel::RealNameBound;
    s.platform.verification.identity = VerificationLevel::RealNameBound;
    s.platform.bans.return_after_ban = BanReturn::RealNameBound;
    let gate = || {
        Rule::when(vec![
            Condition::ActorVerifiedAtLeast(VerificationLevel::DocumentChecked),
            Condition::ActorAccountAgeAtLeastDays(30),
        ])
    };
    for c in &mut s.circles {
        c.join = Rule::everyone();
        c.rules.post = gate();
        c.rules.comment = gate();
        c.rules.tip = gate();
        c.rules.message = gate();
        c.moderation.classifier.enabled = true;
        c.moderation.sanction = SanctionKind::Ban;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        let presets = all();
        for p in &presets {
            assert_eq!(by_id(p.id).map(|q| q.id), Some(p.id));
            assert_eq!(presets.iter().filter(|q| q.id == p.id).count(), 1);
        }
        assert!(by_id("nope").is_none());
    }

    #[test]
    fn presets_default_to_ten_thousand_users_for_a_week() {
        for p in all() {
            assert_eq!(p.scenario.population.n_users, 10_000, "{}", p.id);
            assert_eq!(p.scenario.days, 7, "{}", p.id);
        }
    }
}
