//! Validation: every problem in a scenario at once, each with the field's path and a sentence a designer understands.

use crate::assumptions::ASSUMPTIONS;
pub use crate::issue::{IssueKind, RuleIssue, Severity};
use crate::scenario::{
    Action, Condition, Rule, SanctionKind, Scenario, CIRCLES_MAX, CREDIT_MAX, CREDIT_MIN, INTERVENTIONS_MAX,
    SCENARIO_VERSION,
};
use crate::settings::{Place, SETTINGS};

/// Collects issues as the checks walk the scenario.
struct Issues(Vec<RuleIssue>);

impl Issues {
    fn error(&mut self, path: impl Into<String>, kind: IssueKind) {
        self.0.push(RuleIssue::new(path, Severity::Error, kind));
    }

    fn warning(&mut self, path: impl Into<String>, kind: IssueKind) {
        self.0.push(RuleIssue::new(path, Severity::Warning, kind));
    }

    /// Every catalogued setting of `place` that lies outside its bounds (in circle `circle_idx` for per-circle ones).
    fn ranges(&mut self, s: &Scenario, place: Place, circle_idx: usize) {
        for row in SETTINGS.iter().filter(|r| r.place == place) {
            if let Some(v) = row.get(s, circle_idx) {
                if !(row.min..=row.max).contains(&v) {
                    self.error(
                        row.path(circle_idx),
                        IssueKind::SettingOutOfRange {
                            setting: row.id,
                            value: v,
                        },
                    );
                }
            }
        }
    }
}

/// Every problem in the scenario, errors and warnings, in field order.
pub fn validate(s: &Scenario) -> Vec<RuleIssue> {
    let mut out = Issues(Vec::new());
    if s.version != SCENARIO_VERSION {
        out.error("version", IssueKind::Version { found: s.version });
    }
    out.ranges(s, Place::Scenario, 0);
    population(s, &mut out);
    platform(s, &mut out);
    if s.circles.is_empty() {
        out.error("circles", IssueKind::NoCircles);
    }
    if s.circles.len() > CIRCLES_MAX {
        out.error("circles", IssueKind::TooManyCircles { count: s.circles.len() });
    }
    for (i, c) in s.circles.iter().enumerate() {
        circle(s, i, &mut out);
        if c.name.trim().is_empty() {
            out.warning(format!("circles[{i}].name"), IssueKind::UnnamedCircle);
        } else if s.circles.iter().take(i).any(|o| o.name == c.name) {
            out.warning(
                format!("circles[{i}].name"),
                IssueKind::DuplicateCircleName { name: c.name.clone() },
            );
        }
    }
    for row in ASSUMPTIONS {
        let v = row.get(&s.assumptions);
        if !(row.min..=row.max).contains(&v) {
            out.error(
                row.path(),
                IssueKind::AssumptionOutOfRange {
                    field: row.field.to_string(),
                    value: v,
                },
            );
        }
    }
    interventions(s, &mut out);
    out.0
}

/// The timeline: interventions in order of hour, inside the run, never closing a circle by leaving it out; and
/// the rules each one puts in force checked as the launch's are, under the intervention's own path.
fn interventions(s: &Scenario, out: &mut Issues) {
    // The stages checked below have no interventions of their own: this is where the recursion ends.
    if s.interventions.is_empty() {
        return;
    }
    // Everything found so far is the launch's rules' (the checks above do not read the timeline).
    let mut drawn_before = out.0.clone();
    if s.interventions.len() > INTERVENTIONS_MAX {
        out.error(
            "interventions",
            IssueKind::TooManyInterventions {
                count: s.interventions.len(),
            },
        );
    }
    let total_hours = s.days.saturating_mul(24);
    let mut open = s.circles.len();
    for (i, iv) in s.interventions.iter().enumerate() {
        let at = format!("interventions[{i}]");
        if iv.hour >= total_hours {
            // A warning: shortening a run must not make its timeline an error.
            out.warning(
                format!("{at}.hour"),
                IssueKind::HourPastEnd {
                    hour: iv.hour,
                    last: total_hours.saturating_sub(1),
                },
            );
        }
        if let Some(before) = i.checked_sub(1).and_then(|j| s.interventions.get(j)) {
            if iv.hour < before.hour {
                out.error(
                    format!("{at}.hour"),
                    IssueKind::HoursOutOfOrder {
                        hour: iv.hour,
                        before: before.hour,
                    },
                );
            }
        }
        if let Some(circles) = &iv.circles {
            if circles.len() < open {
                out.error(
                    format!("{at}.circles"),
                    IssueKind::CircleRemoved {
                        listed: circles.len(),
                        open,
                    },
                );
            }
            if circles.len() > CIRCLES_MAX {
                out.error(
                    format!("{at}.circles"),
                    IssueKind::TooManyCircles { count: circles.len() },
                );
            }
            open = open.max(circles.len());
        }
    }
    // Each intervention's rules as they stand once it applies, checked as a scenario; only the parts it set.
    for stage in crate::timeline::stages(s).iter().skip(1) {
        let Some((i, iv)) = stage
            .intervention
            .and_then(|i| s.interventions.get(i).map(|iv| (i, iv)))
        else {
            continue;
        };
        let now = validate(&stage.scenario);
        for issue in &now {
            let ours = (iv.circles.is_some() && issue.path.starts_with("circles"))
                || (iv.platform.is_some() && issue.path.starts_with("platform"));
            // A warning the rules before already drew (a gender gate the change kept) is said once, at launch.
            let kept = issue.severity == Severity::Warning && drawn_before.contains(issue);
            if ours && !kept {
                let issue = issue.clone();
                out.0.push(RuleIssue {
                    path: format!("interventions[{i}].{}", issue.path),
                    ..issue
                });
            }
        }
        drawn_before = now;
    }
}

fn population(s: &Scenario, out: &mut Issues) {
    let p = &s.population;
    if u32::from(p.document_checked_percent) + u32::from(p.real_name_percent) > 100 {
        out.error("population.real_name_percent", IssueKind::VerifiedSharesOver100);
    }
    let m = &p.identity_mix;
    // Summed wide: each weight is user-controlled, and four u32s can wrap a u32 (4294967295 + 1 = 0).
    let weights = [m.student, m.white_collar, m.overseas, m.other];
    if weights.iter().map(|&w| u64::from(w)).sum::<u64>() == 0 {
        out.error("population.identity_mix", IssueKind::NoIdentityWeight);
    }
    if p.credit.std_dev > 300 {
        out.warning("population.credit.std_dev", IssueKind::WideCreditSpread);
    }
    let total: u64 = crate::scenario::Archetype::ALL
        .iter()
        .map(|a| u64::from(p.archetypes.get(*a)))
        .sum();
    if total == 0 {
        out.error("population.archetypes", IssueKind::NoArchetypeShare);
    } else if total != 1000 {
        out.warning("population.archetypes", IssueKind::ArchetypeShares { total });
    }
}

fn platform(s: &Scenario, out: &mut Issues) {
    let pl = &s.platform;
    if pl.credit.fen_paid_per_point == 0 {
        out.warning("platform.credit.fen_paid_per_point", IssueKind::FreeCreditPoints);
    }
}

fn circle(s: &Scenario, i: usize, out: &mut Issues) {
    let Some(c) = s.circles.get(i) else {
        return;
    };
    let base = format!("circles[{i}]");
    // The gender warning is given once per circle, naming its actions, not once per gendered condition.
    let mut gendered: Vec<Action> = Vec::new();
    if rule(&c.join, Action::Join, &format!("{base}.join"), out) {
        gendered.push(Action::Join);
    }
    if c.join.allow.is_empty() {
        out.warning(format!("{base}.join"), IssueKind::NobodyJoins);
    }
    for action in [
        Action::Post,
        Action::Comment,
        Action::Praise,
        Action::Tip,
        Action::Message,
    ] {
        if let Some(r) = c.rules.get(action) {
            let path = format!("{base}.rules.{}", action.id());
            if rule(r, action, &path, out) {
                gendered.push(action);
            }
            if r.allow.is_empty() && action == Action::Post {
                out.warning(path, IssueKind::NobodyPosts);
            }
        }
    }
    if !gendered.is_empty() {
        out.warning(base.clone(), IssueKind::GenderGate { actions: gendered });
    }
    let t = &c.tips;
    if t.min_fen > t.max_fen {
        out.error(
            format!("{base}.tips.min_fen"),
            IssueKind::TipFloorAboveCeiling {
                min_fen: t.min_fen,
                max_fen: t.max_fen,
            },
        );
    }
    // A tip ceiling of ¥0 is below the catalogue's minimum, so `ranges` reports it.
    out.ranges(s, Place::Circle, i);
    let m = &c.moderation;
    if m.sanction == SanctionKind::Suspend && m.suspend_days == 0 {
        out.error(format!("{base}.moderation.suspend_days"), IssueKind::ZeroDaySuspension);
    }
    if m.reviews_per_day_per_10k_users == 0 && (m.user_reports || m.classifier.enabled) {
        out.warning(
            format!("{base}.moderation.reviews_per_day_per_10k_users"),
            IssueKind::NobodyReviews,
        );
    }
}

/// Checks one rule; returns whether any of its conditions sorts people by gender (warned once per circle).
fn rule(r: &Rule, action: Action, path: &str, out: &mut Issues) -> bool {
    let mut gendered = false;
    for (k, clause) in r.allow.iter().enumerate() {
        for (j, cond) in clause.conditions.iter().enumerate() {
            let p = format!("{path}.allow[{k}].conditions[{j}]");
            if cond.is_about_author() && matches!(action, Action::Join | Action::Post) {
                out.error(
                    p.clone(),
                    IssueKind::NoAuthor {
                        condition: cond.clone(),
                        action,
                    },
                );
            }
            match cond {
                Condition::ActorCreditAtLeast(x) | Condition::AuthorCreditAtLeast(x)
                    if !(CREDIT_MIN..=CREDIT_MAX).contains(x) =>
                {
                    out.error(p.clone(), IssueKind::CreditOutOfRange { value: *x });
                }
                Condition::ActorAccountAgeAtLeastDays(d) if *d > 36_500 => {
                    out.error(p.clone(), IssueKind::AccountTooOld { days: *d });
                }
                Condition::ActorGender(_) | Condition::AuthorGender(_) => gendered = true,
                _ => {}
            }
        }
    }
    gendered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Gender;

    #[test]
    fn default_scenario_is_clean() {
        assert!(validate(&Scenario::default()).is_empty());
    }

    #[test]
    fn reports_every_problem_with_paths() {
        let mut s = Scenario {
            days: 0,
            ..Scenario::default()
        };
        s.population.n_users = 5;
        if let Some(c) = s.circles.first_mut() {
            c.tips.min_fen = 500;
            c.tips.max_fen = 100;
            c.rules.comment = Rule::when(vec![
                Condition::ActorGender(Gender::Male),
                Condition::ActorCreditAtLeast(1200),
            ]);
            c.rules.tip = Rule::when(vec![Condition::AuthorGender(Gender::Female)]);
        }
        let issues = validate(&s);
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert!(paths.contains(&"days"));
        assert!(paths.contains(&"population.n_users"));
        assert!(paths.contains(&"circles[0].tips.min_fen"));
        assert!(paths.contains(&"circles[0].rules.comment.allow[0].conditions[1]"));
        let gender: Vec<&RuleIssue> = issues.iter().filter(|i| i.message.contains("gender")).collect();
        assert_eq!(gender.len(), 1, "{gender:?}");
        assert_eq!(gender[0].path, "circles[0]");
        assert_eq!(gender[0].severity, Severity::Warning);
    }
}
