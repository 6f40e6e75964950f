//! Interventions on a timeline: rules that change at an hour of the run.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::{
    link, presets, run, validate, BanReturn, Circle, Intervention, PatternId, Report, Scenario, Severity, Simulation,
};

fn launch() -> Scenario {
    let mut s = presets::by_id("alipay-circles-2016").expect("launch preset").scenario;
    s.population.n_users = 4_000;
    s.days = 4;
    s
}

/// The launch with every circle's moderation turned up (classifier on, review within the hour).
fn crackdown(s: &Scenario) -> Vec<Circle> {
    s.circles
        .iter()
        .cloned()
        .map(|mut c| {
            c.moderation.classifier.enabled = true;
            c.moderation.classifier.recall_percent = 85;
            c.moderation.reviews_per_day_per_10k_users = 40;
            c.moderation.review_delay_hours = 1;
            c
        })
        .collect()
}

fn incidents(r: &Report, p: PatternId, hours: std::ops::Range<usize>) -> u64 {
    let pr = r.patterns.iter().find(|x| x.id == p).expect("pattern");
    pr.hourly
        .get(hours)
        .unwrap_or_default()
        .iter()
        .map(|&n| u64::from(n))
        .sum()
}

#[test]
fn nothing_changes_before_the_intervention_hour() {
    let base = launch();
    let mut later = base.clone();
    later.interventions = vec![Intervention {
        hour: 40,
        label: String::from("crackdown"),
        circles: Some(crackdown(&base)),
        ..Intervention::default()
    }];
    // Stepped to hour 40, the two runs are the same run: the intervention has not applied yet.
    let mut a = Simulation::new(&base).expect("valid");
    let mut b = Simulation::new(&later).expect("valid");
    a.advance(40);
    b.advance(40);
    assert_eq!(a.report(), b.report());
    // From hour 40 on, the crackdown changes the run.
    let (ra, rb) = (run(&base), run(&later));
    assert_ne!(ra, rb);
    for p in PatternId::ALL {
        assert_eq!(
            incidents(&ra, p, 0..40),
            incidents(&rb, p, 0..40),
            "{p:?} before hour 40"
        );
    }
    let after = |r: &Report| incidents(r, PatternId::Solicitation, 48..96);
    assert!(
        after(&rb) < after(&ra),
        "solicitation after the crackdown {} vs without {}",
        after(&rb),
        after(&ra)
    );
}

#[test]
fn an_intervention_at_hour_zero_is_the_same_as_those_rules_from_the_start() {
    let base = launch();
    let mut from_start = base.clone();
    from_start.circles = crackdown(&base);
    from_start.platform.bans.return_after_ban = BanReturn::RealNameBound;
    let mut at_zero = base.clone();
    at_zero.interventions = vec![Intervention {
        hour: 0,
        label: String::from("safe launch"),
        circles: Some(from_start.circles.clone()),
        platform: Some(from_start.platform.clone()),
        ..Intervention::default()
    }];
    assert_eq!(run(&at_zero), run(&from_start));
}

#[test]
fn a_circle_opened_later_starts_empty_and_fills() {
    let base = launch();
    let mut circles = base.circles.clone();
    circles.push(Circle {
        name: String::from("Open topics"),
        ..Circle::default()
    });
    let mut s = base.clone();
    s.interventions = vec![Intervention {
        hour: 36,
        label: String::from("new circles without the women-only rule"),
        circles: Some(circles),
        ..Intervention::default()
    }];
    let r = run(&s);
    assert_eq!(r.circles.len(), base.circles.len() + 1);
    let opened = r.circles.last().expect("the new circle");
    assert_eq!(opened.name, "Open topics");
    assert!(opened.members > 100 && opened.posts > 10, "{opened:?}");
    // Users who had stopped visiting for want of a circle (all three launch circles are identity circles)
    // come back for the open one: more honest engagement than the launch alone.
    assert!(r.health.engagement > run(&base).health.engagement);
}

#[test]
fn incidents_name_the_rule_in_force_when_they_happened() {
    let base = launch();
    let mut circles = base.circles.clone();
    for c in &mut circles {
        c.name = format!("{} (after the statement)", c.name);
    }
    let mut s = base.clone();
    s.interventions = vec![Intervention {
        hour: 24,
        label: String::from("statement"),
        circles: Some(circles),
        ..Intervention::default()
    }];
    let r = run(&s);
    let sol = r
        .patterns
        .iter()
        .find(|p| p.id == PatternId::Solicitation)
        .expect("solicitation");
    let rules: Vec<&str> = sol.opened_by.iter().map(|o| o.rule.as_str()).collect();
    assert!(rules.iter().any(|r| !r.contains("after the statement")), "{rules:?}");
    assert!(
        rules
            .iter()
            .any(|r| r.contains("after the statement") && r.contains("from hour 24, statement")),
        "{rules:?}"
    );
}

#[test]
fn links_carry_the_timeline() {
    let base = launch();
    let mut s = base.clone();
    s.interventions = vec![
        Intervention {
            hour: 24,
            label: String::from("crackdown"),
            note: String::from("assumed: the Monday-morning statement"),
            circles: Some(crackdown(&base)),
            ..Intervention::default()
        },
        Intervention {
            hour: 48,
            label: String::from("permanent bans"),
            platform: Some(backfire_engine::Platform {
                bans: backfire_engine::BanRules {
                    return_after_ban: BanReturn::RealNameBound,
                    ..Default::default()
                },
                ..base.platform.clone()
            }),
            ..Intervention::default()
        },
    ];
    let encoded = link::encode(&s).expect("a link");
    assert_eq!(link::decode(&encoded).expect("opens"), s);
    // A scenario without a timeline writes no `interventions` field: its links are what they were.
    let plain = backfire_engine::wire::scenario_to_json(&base);
    assert!(!plain.contains("interventions"));
}

#[test]
fn a_bad_timeline_is_named_field_by_field() {
    let base = launch();
    let mut s = base.clone();
    let mut fewer = base.circles.clone();
    fewer.pop();
    s.interventions = vec![
        Intervention {
            hour: 50,
            ..Intervention::default()
        },
        Intervention {
            hour: 30,
            circles: Some(fewer),
            ..Intervention::default()
        },
        Intervention {
            hour: 4 * 24,
            ..Intervention::default()
        },
    ];
    s.interventions[0].platform = Some(backfire_engine::Platform::default());
    if let Some(p) = s.interventions[0].platform.as_mut() {
        p.verification.forgery_caught_percent = 200;
    }
    let errors: Vec<String> = validate(&s)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.path)
        .collect();
    for want in [
        "interventions[1].hour",
        "interventions[1].circles",
        "interventions[0].platform.verification.forgery_caught_percent",
    ] {
        assert!(errors.iter().any(|e| e == want), "{want} missing from {errors:?}");
    }
    // A change past the end of the run only warns: shortening a run must not break its timeline.
    assert!(validate(&s)
        .iter()
        .any(|i| i.path == "interventions[2].hour" && i.severity == Severity::Warning));
    assert!(Simulation::new(&s).is_err());
    // `run` is lenient and never panics on it.
    let _ = run(&s);
}

#[test]
fn a_hostile_timeline_in_a_file_is_refused_with_its_field_named() {
    let base = backfire_engine::wire::scenario_to_json(&launch());
    let with = |interventions: &str| base.replacen('{', &format!("{{\"interventions\":{interventions},"), 1);
    let nine = format!("[{}]", ["{\"hour\":1}"; 9].join(","));
    let err = backfire_engine::wire::scenario_from_json(&with(&nine)).expect_err("nine interventions");
    assert!(
        err.to_string().contains("interventions: at most 8 allowed, got 9"),
        "{err}"
    );
    let long = format!("[{{\"hour\":1,\"label\":\"{}\"}}]", "x".repeat(81));
    let err = backfire_engine::wire::scenario_from_json(&with(&long)).expect_err("long label");
    assert!(
        err.to_string()
            .contains("interventions[0].label: a label may be at most 80 characters"),
        "{err}"
    );
    let wrong = "[{\"hour\":\"soon\"}]";
    let err = backfire_engine::wire::scenario_from_json(&with(wrong)).expect_err("a text hour");
    assert!(err.to_string().contains("interventions[0].hour"), "{err}");
}
