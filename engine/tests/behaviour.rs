//! Behaviour tests: the model responds to the rules, not to names.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::{
    presets, run, Archetype, ArchetypeMix, BanReturn, Circle, Condition, Level, PatternId, Ranking, Rule, Scenario,
};

fn launch() -> Scenario {
    presets::by_id("alipay-circles-2016").unwrap().scenario
}

fn open() -> Scenario {
    presets::by_id("open-community").unwrap().scenario
}

/// A population of only these archetypes, with these weights.
fn mix(weights: &[(Archetype, u32)]) -> ArchetypeMix {
    let mut m = ArchetypeMix::honest_only();
    for a in Archetype::ALL {
        m.set(a, 0);
    }
    for (a, w) in weights {
        m.set(*a, *w);
    }
    m
}

fn rules_mut(s: &mut Scenario) -> impl Iterator<Item = &mut Rule> {
    s.circles.iter_mut().flat_map(|c| {
        let r = &mut c.rules;
        [
            &mut c.join,
            &mut r.post,
            &mut r.comment,
            &mut r.praise,
            &mut r.tip,
            &mut r.message,
        ]
    })
}

#[test]
fn tips_disabled_means_no_tip_driven_solicitation_or_laundering() {
    for mut s in [launch(), open()] {
        for c in &mut s.circles {
            c.tips.enabled = false;
        }
        let r = run(&s);
        assert_eq!(r.money.tipped_fen, 0);
        assert_eq!(r.pattern(PatternId::Solicitation).unwrap().fen_involved, 0);
        assert_eq!(r.pattern(PatternId::TipLaundering).unwrap().incidents, 0);
        assert_eq!(r.pattern(PatternId::RankingManipulation).unwrap().fen_involved, 0);
    }
}

#[test]
fn tips_disabled_shrinks_solicitation() {
    let mut s = launch();
    let with = run(&s).pattern(PatternId::Solicitation).unwrap().incidents;
    for c in &mut s.circles {
        c.tips.enabled = false;
    }
    let without = run(&s).pattern(PatternId::Solicitation).unwrap().incidents;
    // What remains is contact-driven: off-platform contact is still allowed.
    assert!(without < with, "{with} → {without}");
}

#[test]
fn comment_threshold_at_the_minimum_score_means_no_score_farming() {
    let mut s = launch();
    assert!(run(&s).pattern(PatternId::ScoreFarming).unwrap().incidents > 0);
    for rule in rules_mut(&mut s) {
        for clause in &mut rule.allow {
            for cond in &mut clause.conditions {
                if let Condition::ActorCreditAtLeast(x) = cond {
                    *x = backfire_engine::CREDIT_MIN;
                }
            }
        }
    }
    let r = run(&s);
    assert_eq!(r.pattern(PatternId::ScoreFarming).unwrap().incidents, 0);
    assert_eq!(r.money.score_purchase_fen, 0);
}

#[test]
fn real_name_bound_bans_leave_only_bought_accounts_to_evade() {
    let mut s = open();
    s.days = 14;
    for c in &mut s.circles {
        c.moderation.sanction = backfire_engine::SanctionKind::Ban;
        c.moderation.review_delay_hours = 2;
    }
    s.platform.bans.return_after_ban = BanReturn::Free;
    let free = run(&s);
    assert!(free.pattern(PatternId::BanEvasion).unwrap().incidents > 0);
    s.platform.bans.return_after_ban = BanReturn::RealNameBound;
    let bound = run(&s);
    // Only abusers for whom the platform was worth a bought real-name account come back, and the real-name
    // check catches half of those.
    let (f, b) = (
        free.pattern(PatternId::BanEvasion).unwrap(),
        bound.pattern(PatternId::BanEvasion).unwrap(),
    );
    assert!(
        3 * b.incidents < f.incidents,
        "free {} vs real-name {}",
        f.incidents,
        b.incidents
    );
    assert!(b.severity < f.severity);
}

fn tips_off(s: &mut Scenario) {
    for c in &mut s.circles {
        c.tips.enabled = false;
    }
}

#[test]
fn no_bad_actors_and_nothing_to_earn_means_only_exclusion_can_show() {
    // Ordinary users turn to abuse only when the rules make it pay: with no tips, nobody does.
    for mut s in [launch(), open()] {
        s.population.archetypes = ArchetypeMix::honest_only();
        tips_off(&mut s);
        let r = run(&s);
        assert_eq!(r.health.turned_to_soliciting, 0);
        for p in &r.patterns {
            if p.id != PatternId::Exclusion {
                assert_eq!(p.level, Level::None, "{:?} in {}", p.id, s.name);
                assert_eq!(p.incidents, 0);
            }
        }
    }
}

#[test]
fn no_gates_no_bad_actors_and_nothing_to_earn_means_every_pattern_is_none() {
    let mut s = open();
    s.population.archetypes = ArchetypeMix::honest_only();
    tips_off(&mut s);
    let r = run(&s);
    assert!(r.patterns.iter().all(|p| p.level == Level::None));
    assert!(r.denied.is_empty());
}

#[test]
fn gender_gates_exclude_men_in_the_launch() {
    let r = run(&launch());
    let excl = r.pattern(PatternId::Exclusion).unwrap();
    assert!(excl.incidents > 0);
    let men_refused_post: u32 = r
        .denied
        .iter()
        .filter(|d| d.gender == backfire_engine::Gender::Male && d.action == backfire_engine::Action::Post)
        .map(|d| d.users)
        .sum();
    let women_refused_post: u32 = r
        .denied
        .iter()
        .filter(|d| d.gender == backfire_engine::Gender::Female && d.action == backfire_engine::Action::Post)
        .map(|d| d.users)
        .sum();
    assert!(
        men_refused_post > 100 && women_refused_post == 0,
        "{men_refused_post} / {women_refused_post}"
    );
}

#[test]
fn newest_first_feeds_give_sybil_rings_nothing_to_climb() {
    let mut s = launch();
    assert!(run(&s).pattern(PatternId::RankingManipulation).unwrap().incidents > 0);
    for c in &mut s.circles {
        c.ranking = Ranking::Newest;
    }
    assert_eq!(run(&s).pattern(PatternId::RankingManipulation).unwrap().incidents, 0);
}

#[test]
fn a_higher_tip_ceiling_draws_more_solicitation() {
    let mut low = open();
    for c in &mut low.circles {
        c.tips.max_fen = 500;
    }
    let mut high = low.clone();
    for c in &mut high.circles {
        c.tips.max_fen = 20_000;
        c.tips.praise_leads_to_tip = true;
    }
    let a = run(&low).pattern(PatternId::Solicitation).unwrap().incidents;
    let b = run(&high).pattern(PatternId::Solicitation).unwrap().incidents;
    assert!(b > a, "{a} → {b}");
}

#[test]
fn faster_and_stronger_moderation_deters_abuse() {
    let slow = open();
    let mut fast = slow.clone();
    for c in &mut fast.circles {
        c.moderation.review_delay_hours = 1;
        c.moderation.reviews_per_day_per_10k_users = 200;
        c.moderation.sanction = backfire_engine::SanctionKind::Suspend;
        c.moderation.suspend_days = 7;
    }
    let a = run(&slow);
    let b = run(&fast);
    for id in [PatternId::Solicitation, PatternId::Harassment] {
        assert!(
            b.pattern(id).unwrap().incidents < a.pattern(id).unwrap().incidents,
            "{id:?} did not fall"
        );
    }
}

#[test]
fn identity_fakers_need_weak_verification_and_a_gate_worth_it() {
    let mut s = launch();
    s.platform.verification.gender = backfire_engine::VerificationLevel::SelfDeclared;
    let weak = run(&s).pattern(PatternId::IdentityFraud).unwrap().incidents;
    assert!(weak > 0);
    s.platform.verification.gender = backfire_engine::VerificationLevel::RealNameBound;
    s.platform.verification.identity = backfire_engine::VerificationLevel::RealNameBound;
    assert_eq!(run(&s).pattern(PatternId::IdentityFraud).unwrap().incidents, 0);
    // With no gate to get past, nobody fakes.
    let mut o = open();
    o.platform.verification.gender = backfire_engine::VerificationLevel::SelfDeclared;
    assert_eq!(run(&o).pattern(PatternId::IdentityFraud).unwrap().incidents, 0);
}

#[test]
fn harassment_needs_a_way_to_reach_people() {
    let mut s = open();
    for c in &mut s.circles {
        c.rules.comment = Rule::nobody();
        c.contact.direct_messages = false;
    }
    assert_eq!(run(&s).pattern(PatternId::Harassment).unwrap().incidents, 0);
}

#[test]
fn outcomes_do_not_depend_on_circle_names() {
    let s = launch();
    let mut renamed = s.clone();
    for (i, c) in renamed.circles.iter_mut().enumerate() {
        c.name = format!("Circle {i}");
    }
    let (a, b) = (run(&s), run(&renamed));
    for (x, y) in a.patterns.iter().zip(b.patterns.iter()) {
        assert_eq!((x.incidents, x.severity), (y.incidents, y.severity));
    }
    let _ = Circle::default();
}

/// Free comebacks after a ban, tips open with no fee: every group and every evader has what it needs.
fn free_bans(days: u32) -> Scenario {
    let mut s =
        backfire_engine::wire::scenario_from_json(include_str!("scenarios/credit-gate-free-bans.json")).unwrap();
    s.days = days;
    s
}

#[test]
fn laundering_keeps_moving_money_while_the_rules_allow_it() {
    // A launderer's cover post ages out of its circle's window; it must post a new one, not stop for good.
    let r = run(&free_bans(14));
    let hourly = &r.pattern(PatternId::TipLaundering).unwrap().hourly;
    let first_week: u32 = hourly[..168].iter().sum();
    let second_week: u32 = hourly[168..].iter().sum();
    assert!(first_week > 0);
    assert!(3 * second_week >= first_week, "{first_week} → {second_week}");
    assert!(hourly[hourly.len() - 24..].iter().sum::<u32>() > 0);
}

#[test]
fn a_returning_ban_evader_is_one_account_at_a_time() {
    // A comeback waits its day and resumes the same chain of visits: no evader visits more often than an
    // active account at its archetype's rate (4 sessions a day), however many times it is banned.
    let s = free_bans(14);
    let r = run(&s);
    let evaders = r
        .archetypes
        .iter()
        .find(|a| a.archetype == backfire_engine::Archetype::BanEvader)
        .unwrap();
    assert!(
        evaders.sanctioned > 0,
        "no evader was ever sanctioned: the test shows nothing"
    );
    assert!(
        evaders.actions <= u64::from(evaders.users) * 4 * u64::from(s.days),
        "{} visits by {} evaders in {} days",
        evaders.actions,
        evaders.users,
        s.days
    );
}

#[test]
fn honest_engagement_is_honest_users_on_genuine_content_and_demand_is_reported_apart() {
    // Only customers and solicitors: plenty of praise and tips, none of it honest engagement.
    let mut s = launch();
    s.population.archetypes = mix(&[(Archetype::Solicitor, 100), (Archetype::GenerousTipper, 900)]);
    s.population.n_users = 3_000;
    let r = run(&s);
    assert_eq!(r.health.honest_users, 0);
    assert_eq!(r.health.engagement, 0);
    assert!(r.health.demand_users > 2_000);
    assert!(r.health.demand_spent_fen > 0);
    assert!(r.health.demand_spent_fen <= r.money.tipped_fen + r.money.transfers_fen);
}

#[test]
fn prevalence_is_the_share_of_honest_views_that_showed_the_pattern() {
    let r = run(&launch());
    let sol = r.pattern(PatternId::Solicitation).unwrap();
    assert!(sol.violating_views > 0 && sol.violating_views <= r.health.views);
    assert_eq!(
        u64::from(sol.prevalence_per_10k),
        sol.violating_views * 10_000 / r.health.views
    );
    let total: u32 = r.patterns.iter().map(|p| p.prevalence_per_10k).sum();
    assert!(total <= 10_000);
    // Tips off removes the reason to post for tips: less of what honest users see is solicitation.
    let mut off = launch();
    for c in &mut off.circles {
        c.tips.enabled = false;
    }
    let off = run(&off);
    assert!(off.pattern(PatternId::Solicitation).unwrap().prevalence_per_10k < sol.prevalence_per_10k);
    // Nobody abusive: nothing violating is ever seen.
    let mut clean = launch();
    clean.population.archetypes = mix(&[(Archetype::Honest, 600), (Archetype::Lurker, 400)]);
    tips_off(&mut clean);
    let clean = run(&clean);
    assert!(clean.patterns.iter().all(|p| p.violating_views == 0));
}

#[test]
fn opening_comments_to_every_man_raises_harassment_across_seeds() {
    // One run of a market that grows from its own tips is path-dependent; the direction holds over seeds.
    let gated = launch();
    let mut open = launch();
    for rule in rules_mut(&mut open) {
        for clause in &mut rule.allow {
            for c in &mut clause.conditions {
                if let Condition::ActorCreditAtLeast(x) = c {
                    *x = 350;
                }
            }
        }
    }
    let harassment = |s: &Scenario| -> u64 {
        (1..=4)
            .map(|seed| {
                let mut s = s.clone();
                s.seed = seed;
                run(&s).pattern(PatternId::Harassment).unwrap().incidents
            })
            .sum()
    };
    let (before, after) = (harassment(&gated), harassment(&open));
    assert!(after > before, "{before} → {after}");
}

#[test]
fn the_daily_tip_cap_is_each_circles_own() {
    // A cap that binds (¥2 a day per tipper, with ¥1 the smallest tip) in one circle, then in two alike circles:
    // a cap kept per circle lets a tipper give up to the cap in each, so a second circle adds money; a cap kept
    // platform-wide would hold the total where one circle left it.
    let mut one = open();
    one.circles.truncate(1);
    // Everyone wants every circle, so a second circle is a second place to tip, not a split of the same visits.
    one.assumptions.honest_interest_percent = 100;
    // Half the people are the demand side, who tip several times a day: the cap binds them.
    one.population.archetypes = mix(&[(Archetype::Honest, 50), (Archetype::GenerousTipper, 50)]);
    for c in &mut one.circles {
        c.tips.min_fen = 100;
        c.tips.daily_cap_per_tipper_fen = 200;
        c.tips.praise_leads_to_tip = true;
    }
    let mut two = one.clone();
    let mut twin = two.circles.first().unwrap().clone();
    twin.name = format!("{} (twin)", twin.name);
    two.circles.push(twin);
    let tipped = |s: &Scenario| {
        (1..=3)
            .map(|seed| run(&Scenario { seed, ..s.clone() }).money.tipped_fen)
            .sum::<u64>()
    };
    let (a, b) = (tipped(&one), tipped(&two));
    assert!(a > 0, "the capped circle saw no tips");
    assert!(
        b as f64 >= 1.2 * a as f64,
        "one circle ¥{a} vs two circles ¥{b} (fen): the cap is not per circle"
    );
}

/// Two alike circles everyone wants, from `open-community`.
fn twin_circles() -> Scenario {
    let mut s = open();
    s.circles.truncate(1);
    s.assumptions.honest_interest_percent = 100;
    let mut twin = s.circles.first().unwrap().clone();
    twin.name = format!("{} (twin)", twin.name);
    s.circles.push(twin);
    s
}

/// Abusive posts in each circle, summed over seeds 1–3.
fn abusive_posts(s: &Scenario) -> [u64; 2] {
    let mut posts = [0, 0];
    for seed in 1..=3 {
        let r = run(&Scenario { seed, ..s.clone() });
        for (total, c) in posts.iter_mut().zip(&r.circles) {
            *total += c.abusive_posts;
        }
    }
    posts
}

#[test]
fn a_crackdown_in_one_circle_displaces_abuse_into_the_other() {
    let lax = twin_circles();
    let mut strict = lax.clone();
    let m = &mut strict.circles.first_mut().unwrap().moderation;
    m.review_delay_hours = 1;
    m.reviews_per_day_per_10k_users = 2_000;
    let [a0, b0] = abusive_posts(&lax);
    let [a1, b1] = abusive_posts(&strict);
    let share = |a: u64, b: u64| b as f64 / (a + b).max(1) as f64;
    // Alike circles split abuse about evenly; fast removals in the first push abusers into the second,
    // which gets more abuse than it did when both were lax.
    assert!((share(a0, b0) - 0.5).abs() < 0.05, "lax twins: {a0} vs {b0}");
    assert!(share(a1, b1) > 0.7, "a crackdown in the first circle: {a1} vs {b1}");
    assert!(
        b1 > b0,
        "the lax circle gets more abuse next to a strict one: {b0} → {b1}"
    );
}

#[test]
fn the_static_exclusion_names_who_each_gate_shuts_out() {
    use backfire_engine::scenario::Action;
    let share = |r: &backfire_engine::Report, circle: &str, action: Action| {
        r.shut_out
            .iter()
            .find(|row| row.circle == circle && row.action == action)
            .map_or(0.0, |row| f64::from(row.refused) / f64::from(row.wanting.max(1)))
    };
    let launch = launch();
    let r = run(&launch);
    // Women-only posting shuts out the men (55 % of this population); the 750 gate shuts out nearly all of them
    // from commenting too (about 3 % of users score above 750).
    let post = share(&r, "White Collar Diary", Action::Post);
    let comment = share(&r, "White Collar Diary", Action::Comment);
    assert!((0.45..0.65).contains(&post), "post: {post}");
    assert!(
        (0.45..0.65).contains(&comment) && comment < post,
        "comment: {comment} vs post {post}"
    );
    // Opening the comment rule to everyone removes its row; nothing else moves.
    let mut open_comments = launch.clone();
    for c in &mut open_comments.circles {
        c.rules.comment = Rule::everyone();
    }
    let r2 = run(&open_comments);
    assert_eq!(share(&r2, "White Collar Diary", Action::Comment), 0.0);
    assert_eq!(share(&r2, "White Collar Diary", Action::Post), post);
    assert!(run(&open()).shut_out.is_empty(), "open-community refuses nobody");
}
