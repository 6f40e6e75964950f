//! A seeded, dependency-light fuzz harness for every input a user controls: scenario JSON and share links.
//!
//! Each case mutates a valid scenario (a preset or a test file) at one or more random places — extreme
//! numbers, wrong types, lists where objects belong, deleted and unknown keys, duplicated circles — then
//! feeds it to `wire::scenario_from_json` or, packed as a link and sometimes corrupted, to `link::decode`.
//! Whatever decodes is validated; what validates must survive `encode` → `decode` unchanged, and a bounded
//! run of it (at most 2,000 users × 2 days) must finish. The harness counts panics (caught), slow cases
//! (over 1 s) and cases whose peak allocation grew past 64 MiB, prints the figures and exits 1 if any.
//!
//! Usage: `cargo run --profile fuzz -p backfire-fuzz -- [decodes] [runs] [seed]` (defaults 1,000,000 20,000 1;
//! the `fuzz` profile is release with unwinding, so a panic is caught and counted instead of aborting).

mod mutate;

use std::panic::{self, AssertUnwindSafe};
use std::time::Duration;

use cpu_time::ThreadTime;

use backfire_engine::{link, presets, run, validate, wire, Scenario, Severity};
use peak_alloc::PeakAlloc;
use rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// Counts live bytes and their peak (`peak_alloc`: no unsafe code of ours), so a ballooning case shows.
#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

/// A case taking more processor time than this is a stall (processor time, so a busy machine does not
/// make stalls appear).
const STALL: Duration = Duration::from_secs(1);
/// A case whose peak allocation grows more than this is a balloon.
const BALLOON_BYTES: usize = 64 * 1024 * 1024;

/// What the harness saw.
#[derive(Default, Debug)]
struct Tally {
    decodes: u64,
    decoded_ok: u64,
    valid: u64,
    runs: u64,
    panics: u64,
    stalls: u64,
    balloons: u64,
    round_trip_failures: u64,
    slowest: Duration,
    peak_bytes: usize,
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let decodes = args.first().copied().unwrap_or(1_000_000);
    let runs = args.get(1).copied().unwrap_or(20_000);
    let seed = args.get(2).copied().unwrap_or(1);
    // Panics are caught and counted; one line each says where (the input is kept by `keep`).
    panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));
    let tally = fuzz(decodes, runs, seed);
    println!("{tally:#?}");
    let bad = tally.panics + tally.stalls + tally.balloons + tally.round_trip_failures;
    if bad > 0 {
        eprintln!("error: {bad} failing cases");
        std::process::exit(1);
    }
}

/// Runs `decodes` decode attempts, of which up to `runs` valid scenarios are also run.
fn fuzz(decodes: u64, runs: u64, seed: u64) -> Tally {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let seeds: Vec<serde_json::Value> = seed_scenarios();
    let mut t = Tally::default();
    for i in 0..decodes {
        let base = mutate::pick(&mut rng, &seeds).clone();
        let text = mutate::mutated_text(&mut rng, base);
        let as_link = mutate::coin(&mut rng);
        // The input is made before the clock and the allocation peak start: only decoding is measured.
        let input = if as_link {
            mutate::corrupt(&mut rng, mutate::pack(&text))
        } else {
            text
        };
        ALLOC.reset_peak_usage();
        let before = ALLOC.current_usage();
        let started = ThreadTime::now();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            if as_link {
                link::decode(&input).ok()
            } else {
                wire::scenario_from_json(&input).ok()
            }
        }));
        let text = input;
        t.decodes += 1;
        let decoded = match outcome {
            Ok(d) => d,
            Err(_) => {
                t.panics += 1;
                eprintln!("panic decoding: {}", keep("panic", t.panics, &text));
                None
            }
        };
        if let Some(s) = decoded {
            t.decoded_ok += 1;
            // Run whenever the runs fall behind an even spread over the decodes.
            let and_run = t.runs < runs && u128::from(t.runs) * u128::from(decodes) <= u128::from(runs) * u128::from(i);
            check_valid(&mut t, s, and_run);
        }
        let elapsed = started.elapsed();
        t.slowest = t.slowest.max(elapsed);
        if elapsed > STALL {
            t.stalls += 1;
            eprintln!("stall ({elapsed:?}): {}", keep("stall", t.stalls, &text));
        }
        let grew = ALLOC.peak_usage().saturating_sub(before);
        t.peak_bytes = t.peak_bytes.max(grew);
        if grew > BALLOON_BYTES {
            t.balloons += 1;
            eprintln!("balloon ({grew} bytes): {}", keep("balloon", t.balloons, &text));
        }
    }
    t
}

/// Validates a decoded scenario; a valid one must round-trip through a link, and may be run (bounded).
fn check_valid(t: &mut Tally, s: Scenario, and_run: bool) {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let issues = validate(&s);
        if issues.iter().any(|i| i.severity == Severity::Error) {
            return (false, true);
        }
        // A link must open to the scenario it was made from; `encode` may refuse only a scenario whose
        // JSON is genuinely past the link cap (its size refusal), never one a link could carry.
        let round_trip = match link::encode(&s) {
            Ok(l) => link::decode(&l).as_ref() == Ok(&s),
            Err(e) => e.message.starts_with("the scenario is ") && e.message.contains("KiB as JSON"),
        };
        if and_run {
            let mut small = s.clone();
            small.population.n_users = small.population.n_users.min(2_000);
            small.days = small.days.min(2);
            let _report = run(&small);
        }
        (true, round_trip)
    }));
    match outcome {
        Ok((valid, round_trip)) => {
            t.valid += u64::from(valid);
            t.runs += u64::from(valid && and_run);
            if !round_trip {
                t.round_trip_failures += 1;
                eprintln!("round trip changed: {}", short(&wire::scenario_to_json(&s)));
            }
        }
        Err(_) => {
            t.panics += 1;
            eprintln!("panic validating or running: {}", short(&wire::scenario_to_json(&s)));
        }
    }
}

/// Every preset and scenario test file, as JSON values to mutate.
fn seed_scenarios() -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = presets::all()
        .into_iter()
        .filter_map(|p| serde_json::from_str(&wire::scenario_to_json(&p.scenario)).ok())
        .collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../engine/tests/scenarios");
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Some(v) = std::fs::read_to_string(&p)
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())
            {
                out.push(v);
            }
        }
    }
    out.push(serde_json::json!({}));
    out
}

/// Saves a failing input under `target/fuzz-found/` so it can be replayed; returns where, or a prefix.
fn keep(kind: &str, n: u64, text: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/fuzz-found");
    let path = format!("{dir}/{kind}-{n}.txt");
    match std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, text)) {
        Ok(()) => path,
        Err(_) => short(text),
    }
}

fn short(text: &str) -> String {
    text.chars().take(300).collect()
}
