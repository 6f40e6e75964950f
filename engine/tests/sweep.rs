//! Sweep tests: grid shape and order, which field each parameter moves, and a sanity check in the launch preset.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::presets;
use backfire_engine::settings::{Place, SettingId};
use backfire_engine::sweep::{
    apply, cell_summary, grid, run_grid, CellSummary, SweepAxis, SweepParam, SweepRule, SweepScale,
};
use backfire_engine::{run, Condition, Gender, PatternId, Rule, Scenario};

fn launch() -> Scenario {
    presets::by_id("alipay-circles-2016").expect("preset").scenario
}

#[test]
fn grid_is_row_by_row_with_ends_included() {
    let s = launch();
    let x = SweepAxis {
        param: SweepParam::setting(SettingId::TipCeiling, None),
        from: 1.0,
        to: 200.0,
        steps: 3,
        scale: SweepScale::Linear,
    };
    let y = SweepAxis {
        param: SweepParam::setting(SettingId::ReviewDelay, Some(1)),
        from: 0.0,
        to: 48.0,
        steps: 4,
        scale: SweepScale::Linear,
    };
    let cells = grid(&s, &x, Some(&y));
    assert_eq!(cells.len(), 12);
    for (k, cell) in cells.iter().enumerate() {
        assert_eq!(cell.x_idx as usize, k % 3);
        assert_eq!(cell.y_idx as usize, k / 3);
        assert_eq!(cell.scenario.seed, s.seed);
        assert_eq!(
            cell.scenario.circles[0].tips.max_fen as f64,
            (cell.x_value * 100.0).round()
        );
        assert_eq!(
            cell.scenario.circles[1].moderation.review_delay_hours as f64,
            cell.y_value.unwrap()
        );
    }
    let xs: Vec<f64> = cells.iter().take(3).map(|c| c.x_value).collect();
    assert_eq!(xs, vec![1.0, 100.0, 200.0], "inner values are round");
    let ys: Vec<f64> = cells.iter().step_by(3).map(|c| c.y_value.unwrap()).collect();
    assert_eq!(ys, vec![0.0, 16.0, 32.0, 48.0]);

    let row = grid(&s, &x, None);
    assert_eq!(row.len(), 3);
    assert!(row.iter().all(|c| c.y_idx == 0 && c.y_value.is_none()));
    let one = SweepAxis { steps: 1, ..x };
    assert_eq!(grid(&s, &one, None).len(), 1);
    assert_eq!(grid(&s, &SweepAxis { steps: 0, ..x }, Some(&y)).len(), 0);
}

#[test]
fn comment_threshold_replaces_existing_thresholds_or_adds_one_to_every_clause() {
    let s = launch();
    let t = apply(&s, &SweepParam::new(SweepRule::CommentCreditThreshold, Some(0)), 600.0);
    // Women's clause has no threshold and keeps none; men's clause moves from 750 to 600.
    let expected = Rule::when(vec![Condition::ActorGender(Gender::Female)]).or(vec![
        Condition::ActorGender(Gender::Male),
        Condition::ActorCreditAtLeast(600),
        Condition::AuthorGender(Gender::Female),
    ]);
    assert_eq!(t.circles[0].rules.comment, expected);
    assert_eq!(
        t.circles[1].rules.comment, s.circles[1].rules.comment,
        "other circles untouched"
    );

    // "Every circle" moves the gates that exist and leaves Overseas Diary, which has none, open.
    let every = SweepParam::new(SweepRule::CommentCreditThreshold, None);
    let t = apply(&s, &every, 650.0);
    assert_eq!(t.circles[2].rules.comment, s.circles[2].rules.comment);
    assert_ne!(t.circles[1].rules.comment, s.circles[1].rules.comment);
    assert_eq!(
        every.describe(&s),
        "Comment credit threshold (points), the 2 circles with a credit gate on comments"
    );

    let open = Scenario::default();
    assert!(every.describe(&open).contains("adds a credit gate on comments"));
    let t = apply(&open, &SweepParam::new(SweepRule::CommentCreditThreshold, None), 700.0);
    assert_eq!(
        t.circles[0].rules.comment,
        Rule::when(vec![Condition::ActorCreditAtLeast(700)])
    );
    let clamped = apply(
        &open,
        &SweepParam::new(SweepRule::CommentCreditThreshold, None),
        5_000.0,
    );
    assert_eq!(
        clamped.circles[0].rules.comment,
        Rule::when(vec![Condition::ActorCreditAtLeast(950)])
    );

    let mut closed = Scenario::default();
    closed.circles[0].rules.comment = Rule::nobody();
    let t = apply(
        &closed,
        &SweepParam::new(SweepRule::CommentCreditThreshold, None),
        700.0,
    );
    assert_eq!(t.circles[0].rules.comment, Rule::nobody());
}

#[test]
fn each_parameter_moves_its_own_field() {
    let s = launch();
    let c = Some(2);
    let t = apply(&s, &SweepParam::setting(SettingId::TipCeiling, c), 5.0);
    assert_eq!(t.circles[2].tips.max_fen, 500);
    assert_eq!(t.circles[1].tips.max_fen, s.circles[1].tips.max_fen);
    assert_eq!(
        apply(&s, &SweepParam::setting(SettingId::TipFloor, c), 0.5).circles[2]
            .tips
            .min_fen,
        50
    );
    assert_eq!(
        apply(&s, &SweepParam::setting(SettingId::DailyTipCap, c), 50.0).circles[2]
            .tips
            .daily_cap_per_tipper_fen,
        5_000
    );
    assert_eq!(
        apply(&s, &SweepParam::setting(SettingId::ReviewDelay, c), 2.4).circles[2]
            .moderation
            .review_delay_hours,
        2
    );
    assert_eq!(
        apply(&s, &SweepParam::setting(SettingId::ReviewCapacity, c), 40.0).circles[2]
            .moderation
            .reviews_per_day_per_10k_users,
        40
    );
    let k = apply(&s, &SweepParam::setting(SettingId::ClassifierRecall, c), 85.0).circles[2]
        .moderation
        .classifier
        .clone();
    assert!(k.enabled);
    assert_eq!(k.recall_percent, 85);
    assert!(
        !apply(&s, &SweepParam::setting(SettingId::ClassifierRecall, c), 0.0).circles[2]
            .moderation
            .classifier
            .enabled
    );
    assert_eq!(
        apply(&s, &SweepParam::setting(SettingId::TipFee, c), 5.0).circles[2]
            .tips
            .fee_permille,
        50
    );
    assert_eq!(
        apply(&s, &SweepParam::setting(SettingId::ForgedDocumentPrice, None), 300.0)
            .platform
            .verification
            .forged_document_fen,
        30_000
    );
    assert_eq!(
        apply(&s, &SweepParam::setting(SettingId::CreditPointPrice, None), 1_000.0)
            .platform
            .credit
            .fen_paid_per_point,
        100_000
    );
    // Only the named field changes.
    let mut back = apply(&s, &SweepParam::setting(SettingId::TipFee, c), 5.0);
    back.circles[2].tips.fee_permille = s.circles[2].tips.fee_permille;
    assert_eq!(back, s);
    // A circle that does not exist changes nothing.
    assert_eq!(apply(&s, &SweepParam::setting(SettingId::TipCeiling, Some(99)), 5.0), s);
}

#[test]
fn params_have_labels_units_and_round_trip() {
    let s = launch();
    let p = SweepParam::setting(SettingId::TipCeiling, Some(0));
    assert_eq!(p.describe(&s), "Tip ceiling (¥), Campus Diary");
    assert_eq!(
        SweepParam::setting(SettingId::ReviewDelay, None).describe(&s),
        "Review delay (hours), every circle"
    );
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(json, r#"{"param":"tip_ceiling_yuan","circle_idx":0}"#);
    assert_eq!(serde_json::from_str::<SweepParam>(&json).unwrap(), p);
}

#[test]
fn a_one_yuan_ceiling_solicits_no_more_than_two_hundred() {
    let s = launch();
    let x = SweepAxis {
        param: SweepParam::setting(SettingId::TipCeiling, None),
        from: 1.0,
        to: 200.0,
        steps: 2,
        scale: SweepScale::Linear,
    };
    let cells = run_grid(&s, &x, None);
    assert_eq!(cells.len(), 2);
    let sev = |c: &CellSummary| {
        c.patterns
            .iter()
            .find(|p| p.id == PatternId::Solicitation)
            .unwrap()
            .severity
    };
    assert!(sev(&cells[0].1) <= sev(&cells[1].1));
    assert!(cells[0].1.tipped_fen < cells[1].1.tipped_fen);
    // ¥200 is the launch ceiling, so that cell is the launch run itself.
    assert_eq!(cells[1].0.scenario, s);
    assert_eq!(cells[1].1, cell_summary(&run(&s)));
    assert_eq!(cells[1].1.patterns.len(), PatternId::ALL.len());
}

#[test]
fn kinds_round_trip_and_ranges_come_from_the_settings() {
    for p in SweepParam::every(Some(1)) {
        assert_eq!(SweepParam::of_kind(p.kind(), Some(1)), Some(p));
        let json = serde_json::to_value(p).unwrap();
        assert_eq!(json.get("param").and_then(|v| v.as_str()), Some(p.kind()));
        assert_eq!(serde_json::from_value::<SweepParam>(json).unwrap(), p);
        if let SweepRule::Setting(id) = p.rule() {
            let row = id.setting();
            let (lo, hi) = p.range();
            assert!(row.shown_min() <= lo && hi <= row.shown_max(), "{}", row.field);
            assert_eq!(p.per_circle(), row.place == Place::Circle);
            assert_eq!((p.label(), p.unit()), (row.label, row.unit));
        }
    }
    assert_eq!(SweepParam::of_kind("nonsense", None), None);
    assert!(serde_json::from_str::<SweepParam>(r#"{"param":"nonsense"}"#).is_err());
    // A platform rule takes no circle.
    let forged = SweepParam::of_kind("forged_document_yuan", Some(1)).unwrap();
    assert_eq!(forged.circle_idx(), None);
    assert_eq!(forged.describe(&launch()), "Forged document price (¥), platform");
}

/// Sweeping a setting to either end of its range gives a value validation finds in range.
#[test]
fn sweeping_to_the_ends_stays_valid() {
    let s = Scenario::default();
    for p in SweepParam::every(None) {
        let SweepRule::Setting(id) = p.rule() else { continue };
        let row = id.setting();
        let (lo, hi) = p.range();
        for v in [lo, hi] {
            let t = apply(&s, &p, v);
            assert_eq!(row.get(&t, 0), Some(row.scale.stored(v)), "{}", row.field);
            let refusal = row.out_of_range(row.scale.stored(v));
            assert!(
                backfire_engine::validate(&t).iter().all(|i| i.message != refusal),
                "{refusal}"
            );
        }
    }
}

/// "Every circle" moves a per-circle rule only in the circles that have its gate, and says what it adds when none has.
#[test]
fn every_circle_changes_only_circles_with_the_gate() {
    let mut s = launch();
    s.circles[1].tips.enabled = false;
    s.circles[0].tips.daily_cap_per_tipper_fen = 10_000;
    s.circles[2].tips.daily_cap_per_tipper_fen = 0;
    s.circles[0].moderation.classifier.enabled = true;
    s.circles[1].moderation.classifier.enabled = false;
    s.circles[2].moderation.classifier.enabled = false;
    let every = |id| SweepParam::setting(id, None);

    let t = apply(&s, &every(SettingId::TipCeiling), 7.0);
    assert_eq!(t.circles[0].tips.max_fen, 700);
    assert_eq!(
        t.circles[1].tips, s.circles[1].tips,
        "a circle without tipping keeps its tips"
    );
    assert_eq!(
        every(SettingId::TipCeiling).describe(&s),
        "Tip ceiling (¥), the 2 circles with tipping"
    );

    let t = apply(&s, &every(SettingId::DailyTipCap), 50.0);
    assert_eq!(t.circles[0].tips.daily_cap_per_tipper_fen, 5_000);
    assert_eq!(t.circles[2].tips.daily_cap_per_tipper_fen, 0, "no cap stays no cap");
    assert!(every(SettingId::DailyTipCap)
        .describe(&s)
        .ends_with("the circle with a daily tip cap"));

    let t = apply(&s, &every(SettingId::ClassifierRecall), 80.0);
    assert!(t.circles[0].moderation.classifier.enabled);
    assert_eq!(t.circles[1].moderation.classifier, s.circles[1].moderation.classifier);
    assert_eq!(t.circles[2].moderation.classifier, s.circles[2].moderation.classifier);

    // Rules every circle has move everywhere.
    let t = apply(&s, &every(SettingId::ReviewDelay), 3.0);
    assert!(t.circles.iter().all(|c| c.moderation.review_delay_hours == 3));
    assert!(every(SettingId::ReviewDelay).describe(&s).ends_with("every circle"));

    // When no circle has the gate, the sweep says what it adds, and adds it everywhere.
    let mut none = launch();
    for c in &mut none.circles {
        c.moderation.classifier.enabled = false;
        c.tips.daily_cap_per_tipper_fen = 0;
    }
    assert!(every(SettingId::ClassifierRecall)
        .describe(&none)
        .ends_with("every circle (turns the classifier on, which none has)"));
    let t = apply(&none, &every(SettingId::ClassifierRecall), 80.0);
    assert!(t.circles.iter().all(|c| c.moderation.classifier.enabled));
    assert!(every(SettingId::DailyTipCap)
        .describe(&none)
        .contains("adds a daily tip cap"));
    // One circle chosen by name says what it adds there.
    assert!(SweepParam::setting(SettingId::ClassifierRecall, Some(1))
        .describe(&none)
        .ends_with("(turns the classifier on, which none has)"));
}

/// A scenario file or link written before axes had a scale reads as linear.
#[test]
fn an_axis_without_a_scale_reads_as_linear() {
    let old = r#"{"param":{"param":"tip_ceiling_yuan"},"from":1.0,"to":200.0,"steps":3}"#;
    let a: SweepAxis = serde_json::from_str(old).expect("old axis");
    assert_eq!(a.scale, SweepScale::Linear);
    assert_eq!(a.values(), vec![1.0, 100.0, 200.0]);
    let json = serde_json::to_string(&SweepAxis {
        scale: SweepScale::OneTwoFive,
        ..a
    })
    .expect("json");
    assert!(json.ends_with(r#""scale":"log"}"#), "{json}");
}

/// The cell summary carries each pattern's money and prevalence as the report has them.
#[test]
fn cells_carry_money_and_prevalence() {
    let r = run(&launch());
    let c = cell_summary(&r);
    for (p, cell) in r.patterns.iter().zip(&c.patterns) {
        assert_eq!(
            (cell.fen_involved, cell.prevalence_per_10k),
            (p.fen_involved, p.prevalence_per_10k)
        );
    }
    assert!(
        c.patterns.iter().any(|p| p.fen_involved > 0),
        "the launch moves money through some pattern"
    );
}
