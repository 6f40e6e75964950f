//! The searches on the command line: `redteam`, `frontier` and `robustness` run the engine's batches on every
//! core and print a table or the result as JSON; `bench` times each.

use std::fmt::Write as _;
use std::time::Instant;

use backfire_engine::search::frontier::{run_frontier_with, FrontierOptions, FrontierResult};
use backfire_engine::search::redteam::{run_redteam_with, RedTeamOptions, RedTeamResult};
use backfire_engine::search::robustness::{run_robustness_with, RobustnessOptions, RobustnessResult, ScreenRange};
use backfire_engine::search::setup::{SearchKind, SearchSetup, SetupProblem, LINK_RUNS, LINK_TRAJECTORIES};
use backfire_engine::search::Evaluation;
use backfire_engine::{link, presets, words, Archetype, PatternId, Report, Scenario};

use crate::args::{FrontierArgs, RobustnessArgs, SearchArgs};
use crate::{source, CliError};

/// Runs a batch on `threads` threads, each taking the next scenario not yet taken (runs differ in cost: a
/// screen's point with twice the visits takes twice as long, and a fixed split left one core idle at the end);
/// the reports come back in the batch's order, so the result does not depend on how many threads ran it.
pub fn parallel(threads: usize) -> impl FnMut(&[Scenario]) -> Vec<Report> {
    move |scenarios: &[Scenario]| {
        let n = threads.clamp(1, scenarios.len().max(1));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut slots: Vec<Option<Report>> = vec![None; scenarios.len()];
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(s) = scenarios.get(i) else { break done };
                            done.push((i, backfire_engine::run(s)));
                        }
                    })
                })
                .collect();
            for h in handles {
                // A thread that panicked lost its runs; the slots left empty are run again below.
                for (i, r) in h.join().unwrap_or_default() {
                    if let Some(slot) = slots.get_mut(i) {
                        *slot = Some(r);
                    }
                }
            }
        });
        slots
            .into_iter()
            .zip(scenarios)
            .map(|(r, s)| r.unwrap_or_else(|| backfire_engine::run(s)))
            .collect()
    }
}

/// Every core the machine offers.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The search a link's `search=` part carries (the app writes it with every result), so that the link alone
/// reproduces the result: a flag overrides the link, and a setting the link leaves out takes the app's default.
/// A part not understood, or a link made for another search, is said on standard error.
struct Linked {
    setup: SearchSetup,
    /// Whether the source is a link with a `search=` part at all (without one the CLI's own defaults hold).
    present: bool,
}

impl Linked {
    fn of(source: &str, kind: SearchKind) -> Linked {
        let Some((setup, problems)) = SearchSetup::of_link(source) else {
            return Linked {
                setup: SearchSetup::default(),
                present: false,
            };
        };
        for p in &problems {
            let instead = match p {
                SetupProblem::Kind(_) => "it is read as this search's settings",
                SetupProblem::UnknownKey(_) => "it is ignored",
                SetupProblem::BadValue(..) => "the default is used",
            };
            eprintln!("note: {}: {instead}", p.message(backfire_engine::lang::Lang::En));
        }
        if let Some(other) = setup.kind.filter(|&k| k != kind) {
            eprintln!(
                "note: the link's search is `{}`; running `{}` with the settings of the link that apply to it",
                other.id(),
                kind.id()
            );
        }
        Linked { setup, present: true }
    }

    /// A setting: the flag, else the link's value, else the app's default when the link carries a search (it is
    /// what the app ran), else the CLI's own.
    fn or(&self, flag: Option<u32>, linked: Option<u32>, app: u32, cli: u32) -> u32 {
        flag.or(linked).unwrap_or(if self.present { app } else { cli })
    }

    /// Runs of a red team or frontier ([`Linked::or`]).
    fn runs(&self, flag: Option<u32>, cli: u32) -> u32 {
        self.or(flag, self.setup.runs, LINK_RUNS, cli)
    }
}

fn evaluation(a: &SearchArgs, linked: &Linked, default: Evaluation) -> Evaluation {
    Evaluation {
        seeds: a.seeds.or(linked.setup.seeds).unwrap_or(default.seeds),
        users: a.users.or(default.users),
        days: a.days.or(default.days),
    }
}

/// The pretty JSON of a result, with a final newline.
fn json(text: serde_json::Result<String>) -> Result<String, CliError> {
    text.map(|t| format!("{t}\n"))
        .map_err(|e| CliError::input(format!("cannot write the result: {e}")))
}

/// `backfire redteam`.
pub fn redteam(a: &SearchArgs) -> Result<String, CliError> {
    let s = crate::checked(source::load(&a.source)?)?;
    let linked = Linked::of(&a.source, SearchKind::RedTeam);
    let defaults = RedTeamOptions::default();
    let options = RedTeamOptions {
        runs: linked.runs(a.budget, defaults.runs),
        abusive_permille: a.abusive.or(linked.setup.share_permille),
        strategies: a
            .strategies
            .iter()
            .map(|id| Archetype::from_id(id).ok_or_else(|| CliError::input(format!("unknown archetype `{id}`"))))
            .collect::<Result<Vec<_>, _>>()?,
        evaluation: evaluation(a, &linked, defaults.evaluation),
    };
    let result = run_redteam_with(&s, &options, &mut parallel(a.threads.unwrap_or_else(cores)));
    if a.json {
        return json(serde_json::to_string_pretty(&result));
    }
    let setup = SearchSetup {
        kind: Some(SearchKind::RedTeam),
        runs: Some(options.runs),
        share_permille: Some(result.budget_permille),
        seeds: Some(options.evaluation.seeds),
        ..SearchSetup::default()
    };
    let flags = [("--strategies", !a.strategies.is_empty())];
    Ok(redteam_table(&result) + &app_link(&result.provenance.input_link, None, &setup, a, &flags))
}

/// `backfire frontier`.
pub fn frontier(a: &FrontierArgs) -> Result<String, CliError> {
    let s = crate::checked(source::load(&a.search.source)?)?;
    let linked = Linked::of(&a.search.source, SearchKind::Frontier);
    let pattern = match &a.pattern {
        None => linked.setup.harm,
        Some(id) => Some(PatternId::from_id(id).ok_or_else(|| CliError::input(format!("unknown pattern `{id}`")))?),
    };
    let defaults = FrontierOptions::default();
    let threads = a.search.threads.unwrap_or_else(cores);
    let adversary = if a.robust {
        let red = RedTeamOptions {
            runs: linked.runs(a.search.budget, RedTeamOptions::default().runs),
            abusive_permille: a.search.abusive.or(linked.setup.share_permille),
            evaluation: evaluation(&a.search, &linked, RedTeamOptions::default().evaluation),
            ..RedTeamOptions::default()
        };
        let worst = run_redteam_with(&s, &red, &mut parallel(threads));
        worst.worst.into_iter().next().map(|w| w.adversary)
    } else {
        None
    };
    let options = FrontierOptions {
        runs: linked.runs(a.search.budget, defaults.runs),
        pattern,
        adversary,
        evaluation: evaluation(&a.search, &linked, defaults.evaluation),
    };
    let result = run_frontier_with(&s, &options, &mut parallel(threads));
    if a.search.json {
        return json(serde_json::to_string_pretty(&result));
    }
    let setup = SearchSetup {
        kind: Some(SearchKind::Frontier),
        runs: Some(options.runs),
        seeds: Some(options.evaluation.seeds),
        harm: options.pattern,
        ..SearchSetup::default()
    };
    let flags = [("--robust", a.robust)];
    Ok(frontier_table(&result) + &app_link(&result.provenance.input_link, None, &setup, &a.search, &flags))
}

/// `backfire robustness`.
pub fn robustness(a: &RobustnessArgs) -> Result<String, CliError> {
    let s = crate::checked(source::load(&a.search.source)?)?;
    let baseline = match &a.baseline {
        Some(b) => Some(crate::checked(source::load(b)?)?),
        None => link::decode_baseline(&a.search.source).ok().flatten().map(|(b, _)| b),
    };
    let linked = Linked::of(&a.search.source, SearchKind::Robustness);
    let defaults = RobustnessOptions::default();
    let options = RobustnessOptions {
        trajectories: linked.or(
            a.search.budget,
            linked.setup.trajectories,
            LINK_TRAJECTORIES,
            defaults.trajectories,
        ),
        fields: a.only.clone(),
        range: if a.bounds { ScreenRange::Bounds } else { defaults.range },
        evaluation: evaluation(&a.search, &linked, defaults.evaluation),
    };
    let result = run_robustness_with(
        &s,
        baseline.as_ref(),
        &options,
        &mut parallel(a.search.threads.unwrap_or_else(cores)),
    );
    if a.search.json {
        return json(serde_json::to_string_pretty(&result));
    }
    let setup = SearchSetup {
        kind: Some(SearchKind::Robustness),
        seeds: Some(options.evaluation.seeds),
        trajectories: Some(options.trajectories),
        ..SearchSetup::default()
    };
    let flags = [("--only", !a.only.is_empty()), ("--bounds", a.bounds)];
    let baseline = result.baseline_link.as_deref();
    Ok(robustness_table(&result) + &app_link(&result.provenance.input_link, baseline, &setup, &a.search, &flags))
}

/// The line that gives the link opening this search in the app (the input, a pinned baseline, the settings as
/// `search=`), so a result found here can be shown in a review; or why there is none: a flag the app has no
/// field for (the app runs each candidate at the search's default size, on every strategy and assumption).
fn app_link(
    input: &str,
    baseline: Option<&str>,
    setup: &SearchSetup,
    a: &SearchArgs,
    flags: &[(&str, bool)],
) -> String {
    let sized = [("--users", a.users.is_some()), ("--days", a.days.is_some())];
    let unmatched: Vec<&str> = sized
        .iter()
        .chain(flags)
        .filter(|(_, set)| *set)
        .map(|(f, _)| *f)
        .collect();
    if !unmatched.is_empty() {
        return format!("\napp link: none (the app has no field for {})\n", unmatched.join(", "));
    }
    if input.starts_with("no link") {
        return format!("\napp link: {input}\n");
    }
    let mut link = format!("#{input}");
    if let Some(b) = baseline.and_then(|b| b.strip_prefix("s=")) {
        link.push_str(&format!("&b={b}"));
    }
    format!(
        "\napp link (opens this search in the browser): {link}&search={}\n",
        setup.write()
    )
}

fn provenance_line(p: &backfire_engine::search::Provenance) -> String {
    format!(
        "{} — {} of {} runs, {} users × {} days, seeds {:?}, engine {} model {}\n",
        p.method, p.runs_done, p.budget_runs, p.n_users, p.days, p.seeds, p.engine_version, p.model_version
    )
}

fn redteam_table(r: &RedTeamResult) -> String {
    let mut s = provenance_line(&r.provenance);
    let _ = writeln!(s, "harm: {}", r.objective);
    let _ = writeln!(
        s,
        "budget: {} ‰ of accounts abusive (each case's link is in `--json`)\n",
        r.budget_permille
    );
    let _ = writeln!(
        s,
        "{:<36} {:>10} {:>14}  {:<22} rule that let it through",
        "cell", "prev/10k", "abuse money", "top pattern"
    );
    let mut line = |label: &str, w: &backfire_engine::search::redteam::WorstCase| {
        let _ = writeln!(
            s,
            "{:<36} {:>10.1} {:>14}  {:<22} {}\n    {}",
            label,
            w.prevalence_per_10k,
            words::yuan(w.abuse_fen),
            w.top_pattern.map_or("-", |p| p.id()),
            w.opened_by.as_deref().unwrap_or("-"),
            w.sentence
        );
    };
    if let Some(own) = &r.own {
        line("(the scenario's own adversary)", own);
    }
    for w in &r.worst {
        line(&w.cell, w);
    }
    s
}

fn frontier_table(r: &FrontierResult) -> String {
    let mut s = provenance_line(&r.provenance);
    let _ = writeln!(
        s,
        "harm: {} per 10,000; honest cost: refused per 10,000 honest users + honest engagement lost per 10,000\n",
        r.harm.map_or("overall prevalence", |p| p.id())
    );
    if let Some(a) = &r.adversary {
        let _ = writeln!(s, "judged against the red team's worst case: {}\n", a.sentence());
    }
    let _ = writeln!(
        s,
        "{:>9} {:>9} {:>9} {:>9}  change",
        "harm", "cost", "refused", "engage %"
    );
    let mut line = |p: &backfire_engine::search::frontier::FrontierPoint, mark: &str| {
        let _ = writeln!(
            s,
            "{:>9.1} {:>9.1} {:>9.1} {:>+9.1}  {mark}{}",
            p.harm, p.honest_cost, p.refused_per_10k, p.engagement_change_percent, p.change
        );
    };
    if let Some(input) = &r.input {
        line(input, "(input) ");
    }
    for p in &r.frontier {
        line(p, "");
    }
    let _ = writeln!(s, "\n{} fixes judged", r.fixes_judged);
    s
}

fn robustness_table(r: &RobustnessResult) -> String {
    let mut s = provenance_line(&r.provenance);
    let _ = writeln!(
        s,
        "top pattern: {} at severity {:.1}{}",
        r.top_pattern.map_or("-", |p| p.id()),
        r.level,
        r.change
            .map_or_else(String::new, |c| format!(", {c:+.1} against the baseline"))
    );
    let _ = writeln!(s, "verdict: {}\n", r.verdict);
    let _ = writeln!(
        s,
        "{:<36} {:>8} {:>8} {:>10} {:>10}",
        "assumption", "μ*", "σ", "μ* change", "σ change"
    );
    for e in &r.effects {
        let opt = |x: Option<f64>| x.map_or_else(|| String::from("-"), |v| format!("{v:.2}"));
        let _ = writeln!(
            s,
            "{:<36} {:>8.2} {:>8.2} {:>10} {:>10}",
            e.field,
            e.mu_star,
            e.sigma,
            opt(e.change_mu_star),
            opt(e.change_sigma)
        );
    }
    s
}

/// The bench rows of the searches: each on the 2016 launch at its default budget, timed on every core.
pub fn bench_rows(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let launch = presets::by_id("alipay-circles-2016")
        .map(|p| p.scenario)
        .unwrap_or_default();
    let threads = cores();
    writeln!(
        out,
        "\nsearch       runs   threads  wall      (10,000 users × 7 days each)"
    )?;
    let runs = std::cell::Cell::new(0_u32);
    let mut counting = |scenarios: &[Scenario]| {
        runs.set(runs.get() + scenarios.len() as u32);
        parallel(threads)(scenarios)
    };
    let start = Instant::now();
    let r = run_redteam_with(&launch, &RedTeamOptions::default(), &mut counting);
    std::hint::black_box(&r);
    writeln!(out, "{}", search_row("redteam", runs.replace(0), threads, start))?;
    let start = Instant::now();
    let f = run_frontier_with(&launch, &FrontierOptions::default(), &mut counting);
    std::hint::black_box(&f);
    writeln!(out, "{}", search_row("frontier", runs.replace(0), threads, start))?;
    let start = Instant::now();
    let m = run_robustness_with(&launch, None, &RobustnessOptions::default(), &mut counting);
    std::hint::black_box(&m);
    writeln!(
        out,
        "{}  ({} assumptions × {} trajectories)",
        search_row("robustness", runs.replace(0), threads, start),
        m.effects.len(),
        m.trajectories
    )
}

fn search_row(name: &str, runs: u32, threads: usize, start: Instant) -> String {
    format!(
        "{name:<12} {runs:<6} {threads:<8} {:.2} s",
        start.elapsed().as_secs_f64()
    )
}
