//! Sweep tests: grid shape and order, which field each parameter moves, and a sanity check in the launch preset.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use backfire_engine::presets;
use backfire_engine::sweep::{apply, cell_summary, grid, run_grid, CellSummary, SweepAxis, SweepParam};
use backfire_engine::{run, Condition, Gender, PatternId, Rule, Scenario};

fn launch() -> Scenario {
    presets::by_id("alipay-circles-2016").expect("preset").scenario
}

#[test]
fn grid_is_row_by_row_with_ends_included() {
    let s = launch();
    let x = SweepAxis {
        param: SweepParam::TipCeilingYuan { circle_idx: None },
        from: 1.0,
        to: 200.0,
        steps: 3,
    };
    let y = SweepAxis {
        param: SweepParam::ReviewDelayHours { circle_idx: Some(1) },
        from: 0.0,
        to: 48.0,
        steps: 4,
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
    assert_eq!(xs, vec![1.0, 100.5, 200.0]);
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
    let t = apply(&s, &SweepParam::CommentCreditThreshold { circle_idx: Some(0) }, 600.0);
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

    let open = Scenario::default();
    let t = apply(&open, &SweepParam::CommentCreditThreshold { circle_idx: None }, 700.0);
    assert_eq!(
        t.circles[0].rules.comment,
        Rule::when(vec![Condition::ActorCreditAtLeast(700)])
    );
    let clamped = apply(&open, &SweepParam::CommentCreditThreshold { circle_idx: None }, 5_000.0);
    assert_eq!(
        clamped.circles[0].rules.comment,
        Rule::when(vec![Condition::ActorCreditAtLeast(950)])
    );

    let mut closed = Scenario::default();
    closed.circles[0].rules.comment = Rule::nobody();
    let t = apply(&closed, &SweepParam::CommentCreditThreshold { circle_idx: None }, 700.0);
    assert_eq!(t.circles[0].rules.comment, Rule::nobody());
}

#[test]
fn each_parameter_moves_its_own_field() {
    let s = launch();
    let c = Some(2);
    let t = apply(&s, &SweepParam::TipCeilingYuan { circle_idx: c }, 5.0);
    assert_eq!(t.circles[2].tips.max_fen, 500);
    assert_eq!(t.circles[1].tips.max_fen, s.circles[1].tips.max_fen);
    assert_eq!(
        apply(&s, &SweepParam::TipFloorYuan { circle_idx: c }, 0.5).circles[2]
            .tips
            .min_fen,
        50
    );
    assert_eq!(
        apply(&s, &SweepParam::DailyTipCapYuan { circle_idx: c }, 50.0).circles[2]
            .tips
            .daily_cap_per_tipper_fen,
        5_000
    );
    assert_eq!(
        apply(&s, &SweepParam::ReviewDelayHours { circle_idx: c }, 2.4).circles[2]
            .moderation
            .review_delay_hours,
        2
    );
    assert_eq!(
        apply(&s, &SweepParam::ReviewsPerDayPer10k { circle_idx: c }, 40.0).circles[2]
            .moderation
            .reviews_per_day_per_10k_users,
        40
    );
    let k = apply(&s, &SweepParam::ClassifierRecallPercent { circle_idx: c }, 85.0).circles[2]
        .moderation
        .classifier
        .clone();
    assert!(k.enabled);
    assert_eq!(k.recall_percent, 85);
    assert!(
        !apply(&s, &SweepParam::ClassifierRecallPercent { circle_idx: c }, 0.0).circles[2]
            .moderation
            .classifier
            .enabled
    );
    assert_eq!(
        apply(&s, &SweepParam::FeePermille { circle_idx: c }, 50.0).circles[2]
            .tips
            .fee_permille,
        50
    );
    assert_eq!(
        apply(&s, &SweepParam::ForgedDocumentYuan, 300.0)
            .platform
            .verification
            .forged_document_fen,
        30_000
    );
    assert_eq!(
        apply(&s, &SweepParam::CreditPointPriceYuan, 1_000.0)
            .platform
            .credit
            .fen_paid_per_point,
        100_000
    );
    // Only the named field changes.
    let mut back = apply(&s, &SweepParam::FeePermille { circle_idx: c }, 50.0);
    back.circles[2].tips.fee_permille = s.circles[2].tips.fee_permille;
    assert_eq!(back, s);
    // A circle that does not exist changes nothing.
    assert_eq!(apply(&s, &SweepParam::TipCeilingYuan { circle_idx: Some(99) }, 5.0), s);
}

#[test]
fn params_have_labels_units_and_round_trip() {
    let s = launch();
    let p = SweepParam::TipCeilingYuan { circle_idx: Some(0) };
    assert_eq!(p.describe(&s), "Tip ceiling (¥), Campus Diary");
    assert_eq!(
        SweepParam::ReviewDelayHours { circle_idx: None }.describe(&s),
        "Review delay (h), every circle"
    );
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(json, r#"{"param":"tip_ceiling_yuan","circle_idx":0}"#);
    assert_eq!(serde_json::from_str::<SweepParam>(&json).unwrap(), p);
}

#[test]
fn a_one_yuan_ceiling_solicits_no_more_than_two_hundred() {
    let s = launch();
    let x = SweepAxis {
        param: SweepParam::TipCeilingYuan { circle_idx: None },
        from: 1.0,
        to: 200.0,
        steps: 2,
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
fn kinds_are_the_json_tags_and_round_trip() {
    for kind in SweepParam::KINDS {
        let p = SweepParam::of_kind(kind, Some(1)).unwrap();
        assert_eq!(p.kind(), kind);
        let json = serde_json::to_value(p).unwrap();
        assert_eq!(json.get("param").and_then(|v| v.as_str()), Some(kind));
    }
    assert_eq!(SweepParam::of_kind("nonsense", None), None);
}
