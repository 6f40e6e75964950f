//! Data-driven scenario tests: every file in `tests/scenarios/` runs, and its summary table is snapshotted.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use std::fmt::Write as _;

use backfire_engine::{run, validate, wire, Report, Severity};

fn summary(r: &Report) -> String {
    let mut s = String::new();
    writeln!(s, "{} users × {} h", r.n_users, r.hours_done).unwrap();
    for p in &r.patterns {
        writeln!(
            s,
            "{:<22} {:<9} sev {:>3}  incidents {:>6}  fen {:>10}  harmed {:>5}  first {:?}",
            p.id.id(),
            p.level.id(),
            p.severity,
            p.incidents,
            p.fen_involved,
            p.people_harmed,
            p.first_hour
        )
        .unwrap();
        if let Some(o) = p.opened_by.first() {
            writeln!(s, "    opened by: {} ({})", o.rule, o.incidents).unwrap();
        }
    }
    let h = &r.health;
    writeln!(
        s,
        "honest: posts {} interactions {} views {} left {} wrongly sanctioned {} refused {}",
        h.genuine_posts, h.interactions, h.views, h.honest_left, h.honest_wrongly_sanctioned, h.honest_denied
    )
    .unwrap();
    writeln!(
        s,
        "money: tipped {} received {} fee {} transfers {}",
        r.money.tipped_fen, r.money.received_fen, r.money.fee_fen, r.money.transfers_fen
    )
    .unwrap();
    s
}

#[test]
fn scenario_files() {
    insta::glob!("scenarios/*.json", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let scenario = wire::scenario_from_json(&text).unwrap();
        let errors: Vec<_> = validate(&scenario)
            .into_iter()
            .filter(|i| i.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        insta::assert_snapshot!(summary(&run(&scenario)));
    });
}
