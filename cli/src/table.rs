//! The readable report printed by `backfire run`.

use std::fmt::Write as _;

use backfire_engine::{timeline, PatternId, Report, Scenario};

fn yuan(fen: u64) -> String {
    format!("¥{}.{:02}", fen / 100, fen % 100)
}

/// Renders a report as plain text tables (with the scenario's timeline, when it has one, cut into stretches).
pub fn render(r: &Report, scenario: &Scenario) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} — {} users, {} of {} hours, seed {}",
        r.scenario_name, r.n_users, r.hours_done, r.total_hours, r.seed
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<22} {:<9} {:>8} {:>9} {:>14} {:>7} {:>6}",
        "pattern", "level", "severity", "incidents", "money", "harmed", "first"
    );
    for p in &r.patterns {
        let first = p.first_hour.map_or_else(|| String::from("-"), |h| format!("h{h}"));
        let _ = writeln!(
            s,
            "{:<22} {:<9} {:>8} {:>9} {:>14} {:>7} {:>6}",
            p.id.id(),
            p.level.id(),
            p.severity,
            p.incidents,
            yuan(p.fen_involved),
            p.people_harmed,
            first
        );
    }
    if !scenario.interventions.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "timeline (incidents and tips in each stretch):");
        for x in timeline::stretches(scenario, r) {
            let label = if x.label.is_empty() { "launch" } else { x.label.as_str() };
            let count = |p: PatternId| x.incidents.iter().find(|(id, _)| *id == p).map_or(0, |(_, n)| *n);
            let abuse: u64 = x
                .incidents
                .iter()
                .filter(|(id, _)| *id != PatternId::Exclusion)
                .map(|(_, n)| n)
                .sum();
            let _ = writeln!(
                s,
                "  h{:<3} to h{:<4} {:<42} abuse {:>6} (solicitation {:>5}, harassment {:>5})  exclusion {:>5}  tipped {}",
                x.from_hour,
                x.to_hour,
                label,
                abuse,
                count(PatternId::Solicitation),
                count(PatternId::Harassment),
                count(PatternId::Exclusion),
                yuan(x.tipped_fen)
            );
        }
    }
    let _ = writeln!(s);
    let mut ranked: Vec<_> = r.patterns.iter().filter(|p| p.severity > 0).collect();
    ranked.sort_by_key(|p| std::cmp::Reverse(p.severity));
    for p in ranked.iter().take(3) {
        let _ = writeln!(s, "{} opened by:", p.id.id());
        for o in &p.opened_by {
            let _ = writeln!(s, "  {:>6}  {}", o.incidents, o.rule);
        }
        if let Some(e) = p.exemplars.first() {
            let _ = writeln!(s, "  e.g. {e}");
        }
    }
    let h = &r.health;
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "honest users {}: genuine posts {}, interactions {}, views {}, left {} (newcomers in their place {}), wrongly sanctioned {}, refused {}",
        h.honest_users,
        h.genuine_posts,
        h.interactions,
        h.views,
        h.honest_left,
        h.honest_newcomers,
        h.honest_wrongly_sanctioned,
        h.honest_denied
    );
    for row in &r.shut_out {
        let _ = writeln!(
            s,
            "  shut out before anyone acts: {} · {}: {} of {} honest users who want the circle ({} %)",
            row.circle,
            row.action.id(),
            row.refused,
            row.wanting,
            u64::from(row.refused) * 100 / u64::from(row.wanting.max(1))
        );
    }
    let m = &r.money;
    let _ = writeln!(
        s,
        "money: tipped {}, received {}, platform fees {}, transfers {}, score purchases {}",
        yuan(m.tipped_fen),
        yuan(m.received_fen),
        yuan(m.fee_fen),
        yuan(m.transfers_fen),
        yuan(m.score_purchase_fen)
    );
    let md = &r.moderation;
    let _ = writeln!(
        s,
        "moderation: {} reports, {} classifier flags, {} reviewed ({} dropped after waiting too long), {} sanctions ({} bans), {} mistaken, backlog at end {}",
        md.reports_filed,
        md.classifier_flags,
        md.reviewed,
        md.expired,
        md.sanctions,
        md.bans,
        md.wrong_sanctions,
        md.backlog_hourly.last().copied().unwrap_or(0)
    );
    s
}
