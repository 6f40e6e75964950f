//! The timeline of a run: the rules in force from the start and from each intervention's hour on.
//!
//! A scenario's interventions are changes (new platform rules, new circle rules); a run needs whole rule sets.
//! [`stages`] turns the one into the other once, before the run, so the hour loop only swaps one read-only rule
//! set for the next when an intervention's hour opens.

use crate::lang::Lang;
use crate::report::{PatternId, Report, RuleAt, RuleRef};
use crate::scenario::{Action, Circle, Scenario, CIRCLES_MAX, INTERVENTIONS_MAX};

/// The rules in force over one stretch of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// The hour from which these rules hold (0 for the launch).
    pub hour: u32,
    /// What the platform did at that hour (empty for the launch).
    pub label: String,
    /// Which of the scenario's interventions this is (`None` for the launch).
    pub intervention: Option<usize>,
    /// The whole scenario as it stands from that hour on, with no interventions of its own.
    pub scenario: Scenario,
}

/// The rule sets a run goes through, in order: the launch's, then one per intervention that falls inside the
/// run, each the one before with the intervention's parts put in. Lenient, as a run is (validation names the
/// problems): interventions past [`INTERVENTIONS_MAX`] or past the run's end are dropped, they are taken in
/// order of hour, and a circle list shorter than the one in force keeps the missing circles as they were.
pub fn stages(s: &Scenario) -> Vec<Stage> {
    chain(s, s.days.saturating_mul(24))
}

/// The rules intervention `i` puts in force, as a whole scenario with no interventions (what an editor of that
/// intervention shows); an intervention past the run's end still has its rules. `None` if there is no such
/// intervention.
pub fn in_force(s: &Scenario, i: usize) -> Option<Scenario> {
    chain(s, u32::MAX)
        .into_iter()
        .find(|st| st.intervention == Some(i))
        .map(|st| st.scenario)
}

/// The stages of the interventions before hour `end`, in order of hour (ties in the order written).
fn chain(s: &Scenario, end: u32) -> Vec<Stage> {
    let mut launch = s.clone();
    launch.interventions = Vec::new();
    let mut dated: Vec<_> = s
        .interventions
        .iter()
        .enumerate()
        .take(INTERVENTIONS_MAX)
        .filter(|(_, i)| i.hour < end)
        .collect();
    dated.sort_by_key(|(_, i)| i.hour);
    let mut out = vec![Stage {
        hour: 0,
        label: String::new(),
        intervention: None,
        scenario: launch,
    }];
    for (k, i) in dated {
        let mut next = out.last().map(|st| st.scenario.clone()).unwrap_or_default();
        if let Some(platform) = &i.platform {
            next.platform = platform.clone();
        }
        if let Some(circles) = &i.circles {
            let kept = next.circles.len();
            let mut circles: Vec<_> = circles.iter().take(CIRCLES_MAX).cloned().collect();
            circles.extend(next.circles.into_iter().skip(circles.len()).take(kept));
            next.circles = circles;
        }
        out.push(Stage {
            hour: i.hour,
            label: i.label.clone(),
            intervention: Some(k),
            scenario: next,
        });
    }
    out
}

/// Rule keys of stage `k` are the launch's keys plus `k` times this span, so an incident names the rule in
/// force when it was let through (a circle's clause 0 may mean something else after an intervention).
pub(crate) const KEY_SPAN: u16 = 1 + (CIRCLES_MAX as u16) * 128;

/// What stage `k`'s rule keys add, by circle and action (in [`Action::ALL`] order): the span of the earliest stage
/// from which that circle's rule for that action has stood unchanged, so a rule an intervention left alone keeps
/// one key (and one row in `opened_by`) across the timeline, and a changed one gets its own.
pub(crate) fn key_bases(stages: &[Stage], k: usize) -> Vec<[u16; 6]> {
    let Some(now) = stages.get(k) else {
        return Vec::new();
    };
    let same = |a: &Circle, b: &Circle, action: Action| a.name == b.name && a.rule(action) == b.rule(action);
    now.scenario
        .circles
        .iter()
        .enumerate()
        .map(|(c, circle)| {
            Action::ALL.map(|action| {
                let mut from = k;
                while from > 0
                    && stages
                        .get(from - 1)
                        .and_then(|st| st.scenario.circles.get(c))
                        .is_some_and(|before| same(before, circle, action))
                {
                    from -= 1;
                }
                u16::try_from(from).unwrap_or(0).saturating_mul(KEY_SPAN)
            })
        })
        .collect()
}

/// The rule a key names, and from which intervention when it is not the launch's.
pub(crate) fn rule_ref(stages: &[Stage], key: u16) -> RuleRef {
    if key == 0 || key >= crate::rule::KEY_BAN_FREE {
        let s = stages.last().map(|st| &st.scenario);
        return RuleRef {
            rule: s.map_or(RuleAt::Unknown, |s| crate::rule::at(s, key)),
            from: None,
        };
    }
    let k = usize::from((key - 1) / KEY_SPAN);
    let within = key - (k as u16) * KEY_SPAN;
    match stages.get(k) {
        Some(st) => RuleRef {
            rule: crate::rule::at(&st.scenario, within),
            from: (k > 0).then(|| (st.hour, st.label.clone())),
        },
        None => RuleRef::default(),
    }
}

/// The label of a rule key in `lang`: "Campus Diary · post: actor is female (from hour 36, crackdown)".
pub fn label(lang: Lang, stages: &[Stage], key: u16) -> String {
    crate::words::rule_label(lang, &rule_ref(stages, key))
}

/// What happened over one stretch of a run: from one stage's hour to the next one's.
#[derive(Clone, Debug, PartialEq)]
pub struct Stretch {
    /// First hour of the stretch.
    pub from_hour: u32,
    /// The hour after its last (the next stage's hour, or the hours done).
    pub to_hour: u32,
    /// What the platform did as it began (empty for the launch).
    pub label: String,
    /// Incidents of each pattern in the stretch, in [`PatternId::ALL`] order.
    pub incidents: Vec<(PatternId, u64)>,
    /// Money tipped in the stretch, in fen.
    pub tipped_fen: u64,
}

/// The report cut at the timeline's hours: how much harm came before each change and after it (the cost of
/// reacting late is the harm of the stretches before the response). Stretches past the hours done are left out.
pub fn stretches(s: &Scenario, r: &Report) -> Vec<Stretch> {
    let st = stages(s);
    let done = r.hours_done;
    let sum = |v: &[u32], a: u32, b: u32| -> u64 {
        v.get(a as usize..b as usize)
            .unwrap_or_default()
            .iter()
            .map(|&x| u64::from(x))
            .sum()
    };
    // Changes at the same hour make one stretch, named after all of them.
    let label_at = |hour: u32| {
        st.iter()
            .filter(|x| x.hour == hour && !x.label.is_empty())
            .map(|x| x.label.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    st.iter()
        .enumerate()
        .filter(|(i, x)| x.hour < done.max(1) && st.get(i + 1).is_none_or(|n| n.hour > x.hour))
        .map(|(i, x)| {
            let to = st.get(i + 1).map_or(done, |n| n.hour.min(done));
            Stretch {
                from_hour: x.hour,
                to_hour: to,
                label: label_at(x.hour),
                incidents: r.patterns.iter().map(|p| (p.id, sum(&p.hourly, x.hour, to))).collect(),
                tipped_fen: r
                    .money
                    .hourly_tipped_fen
                    .get(x.hour as usize..to as usize)
                    .unwrap_or_default()
                    .iter()
                    .sum(),
            }
        })
        .collect()
}

/// One stretch of a timeline, two sides compared over the same hours: the means over each side's runs.
#[derive(Clone, Debug, PartialEq)]
pub struct StretchComparison {
    /// First hour of the stretch.
    pub from_hour: u32,
    /// The hour after its last.
    pub to_hour: u32,
    /// What began the stretch (empty for the launch).
    pub label: String,
    /// Mean abuse incidents in the stretch (every pattern but exclusion), baseline then variant.
    pub abuse: (f64, f64),
    /// Mean exclusion incidents in the stretch, baseline then variant.
    pub exclusion: (f64, f64),
    /// Mean money tipped in the stretch, in fen, baseline then variant.
    pub tipped_fen: (f64, f64),
}

/// Two sides' runs cut at the hours of `timeline` (the side with the interventions): what each stretch cost on
/// each side. The cost of reacting late is the variant's harm over the baseline's before the response.
pub fn compare_stretches(timeline: &Scenario, baseline: &[Report], variant: &[Report]) -> Vec<StretchComparison> {
    // Each run is cut once; the means below read the cuts.
    let cut = |reports: &[Report]| -> Vec<Vec<Stretch>> { reports.iter().map(|r| stretches(timeline, r)).collect() };
    let (base, var) = (cut(baseline), cut(variant));
    let mean = |runs: &[Vec<Stretch>], k: usize, pick: &dyn Fn(&Stretch) -> u64| -> f64 {
        let values: Vec<f64> = runs.iter().filter_map(|x| x.get(k).map(|x| pick(x) as f64)).collect();
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let of = |x: &Stretch, exclusion: bool| -> u64 {
        x.incidents
            .iter()
            .filter(|(id, _)| (*id == PatternId::Exclusion) == exclusion)
            .map(|(_, n)| n)
            .sum()
    };
    let Some(shape) = var.first().or(base.first()) else {
        return Vec::new();
    };
    shape
        .iter()
        .enumerate()
        .map(|(k, x)| {
            let both = |pick: &dyn Fn(&Stretch) -> u64| (mean(&base, k, pick), mean(&var, k, pick));
            StretchComparison {
                from_hour: x.from_hour,
                to_hour: x.to_hour,
                label: x.label.clone(),
                abuse: both(&|x| of(x, false)),
                exclusion: both(&|x| of(x, true)),
                tipped_fen: both(&|x| x.tipped_fen),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Circle, Intervention};

    fn two_circles() -> Scenario {
        Scenario {
            circles: vec![
                Circle {
                    name: String::from("A"),
                    ..Circle::default()
                },
                Circle {
                    name: String::from("B"),
                    ..Circle::default()
                },
            ],
            ..Scenario::default()
        }
    }

    #[test]
    fn each_stage_starts_from_the_one_before() {
        let mut s = two_circles();
        let mut later = s.circles.clone();
        later.truncate(1);
        later[0].name = String::from("A, reformed");
        later.push(Circle::default());
        s.interventions = vec![
            Intervention {
                hour: 30,
                label: String::from("second"),
                circles: Some(vec![Circle {
                    name: String::from("A again"),
                    ..Circle::default()
                }]),
                ..Intervention::default()
            },
            Intervention {
                hour: 10,
                label: String::from("first"),
                platform: Some(crate::scenario::Platform {
                    bans: crate::scenario::BanRules {
                        return_after_ban: crate::scenario::BanReturn::RealNameBound,
                        ..Default::default()
                    },
                    ..Default::default()
                }),
                ..Intervention::default()
            },
            Intervention {
                hour: 7 * 24,
                label: String::from("after the end"),
                ..Intervention::default()
            },
        ];
        let st = stages(&s);
        assert_eq!(st.iter().map(|x| x.hour).collect::<Vec<_>>(), vec![0, 10, 30]);
        assert!(st.iter().all(|x| x.scenario.interventions.is_empty()));
        // The first (by hour) changed the bans only; the second keeps them and renames circle A, keeping B.
        assert_eq!(
            st[2].scenario.platform.bans.return_after_ban,
            crate::scenario::BanReturn::RealNameBound
        );
        let names: Vec<_> = st[2].scenario.circles.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["A again", "B"]);
        assert_eq!(st[1].scenario.circles, s.circles);
    }

    #[test]
    fn stretches_cut_the_report_at_each_change() {
        let mut s = crate::presets::by_id("alipay-circles-2016-timeline")
            .map(|p| p.scenario)
            .unwrap_or_default();
        s.population.n_users = 2_000;
        let r = crate::run(&s);
        let x = stretches(&s, &r);
        let hours: Vec<_> = x.iter().map(|x| (x.from_hour, x.to_hour)).collect();
        assert_eq!(hours, vec![(0, 24), (24, 36), (36, 48), (48, 168)]);
        // Every incident and every fen falls in exactly one stretch.
        for p in &r.patterns {
            let cut: u64 = x
                .iter()
                .flat_map(|x| x.incidents.iter())
                .filter(|(id, _)| *id == p.id)
                .map(|(_, n)| n)
                .sum();
            assert_eq!(cut, p.incidents, "{:?}", p.id);
        }
        assert_eq!(x.iter().map(|x| x.tipped_fen).sum::<u64>(), r.money.tipped_fen);
        // All at hour 0: one stretch, named after every change.
        for i in &mut s.interventions {
            i.hour = 0;
        }
        let x = stretches(&s, &crate::run(&s));
        assert_eq!(x.len(), 1);
        assert_eq!(x[0].label.matches(" + ").count(), 2, "{}", x[0].label);
    }

    #[test]
    fn reacting_late_costs_more_harm_before_the_response_than_launching_safe() {
        let small = |id: &str| {
            let mut s = crate::presets::by_id(id).map(|p| p.scenario).unwrap_or_default();
            s.population.n_users = 3_000;
            s.days = 3;
            s
        };
        let (late, safe) = (
            small("alipay-circles-2016-timeline"),
            small("alipay-circles-2016-safe-launch"),
        );
        let runs = |s: &Scenario| -> Vec<Report> {
            (1..=4)
                .map(|seed| crate::run(&Scenario { seed, ..s.clone() }))
                .collect()
        };
        let rows = compare_stretches(&late, &runs(&safe), &runs(&late));
        assert_eq!(rows.len(), 4);
        // Before the crackdown the late side runs the launch's rules; the safe side already has the response.
        let first = &rows[0];
        assert!(
            first.abuse.1 > first.abuse.0 * 1.3,
            "first day: safe {} vs late {}",
            first.abuse.0,
            first.abuse.1
        );
        // Tips are not harm by themselves: the safe launch's open circles draw honest tips from the first hour.
    }

    #[test]
    fn keys_name_the_stage_their_rule_came_from() {
        let mut s = two_circles();
        s.interventions = vec![Intervention {
            hour: 5,
            label: String::from("renamed"),
            circles: Some(vec![Circle {
                name: String::from("A2"),
                ..Circle::default()
            }]),
            ..Intervention::default()
        }];
        let st = stages(&s);
        let key = crate::rule::key(0, crate::scenario::Action::Post, 0);
        assert!(
            label(Lang::En, &st, key).starts_with("A ·"),
            "{}",
            label(Lang::En, &st, key)
        );
        let later = label(Lang::En, &st, key + KEY_SPAN);
        assert!(
            later.starts_with("A2 ·") && later.contains("from hour 5, renamed"),
            "{later}"
        );
    }
}
