//! The benchmark's measuring loop, shared by `cargo bench` and `backfire bench` (included by path, so the engine
//! library itself never measures time or memory).

use std::time::Instant;

/// The sizes the issue asks about: (users, days).
pub const CASES: [(u32, u32); 3] = [(10_000, 7), (100_000, 30), (1_000_000, 30)];

/// One measured run.
pub struct Case {
    /// Users simulated.
    pub users: u32,
    /// Days simulated.
    pub days: u32,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Peak resident memory in KiB during the run (Linux `VmHWM`), if known.
    pub peak_kib: Option<u64>,
}

impl Case {
    /// Simulated user-hours per second of wall time.
    pub fn user_hours_per_second(&self) -> f64 {
        f64::from(self.users) * f64::from(self.days) * 24.0 / self.seconds.max(1e-9)
    }
}

/// Runs the 2016 launch preset at this size and measures it.
pub fn measure(users: u32, days: u32) -> Case {
    let mut s = backfire_engine::presets::by_id("alipay-circles-2016")
        .map(|p| p.scenario)
        .unwrap_or_default();
    s.population.n_users = users;
    s.days = days;
    // Writing 5 to clear_refs resets the peak (Linux ≥ 4.0) so each case reports its own.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let start = Instant::now();
    let report = backfire_engine::run(&s);
    let seconds = start.elapsed().as_secs_f64();
    std::hint::black_box(&report);
    Case {
        users,
        days,
        seconds,
        peak_kib: peak_kib(),
    }
}

/// The process's peak resident memory in KiB, from `/proc/self/status`.
pub fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The table header.
pub const HEADER: &str = "users      days  wall        user-hours/s   peak memory";

/// One table row.
pub fn row(c: &Case) -> String {
    let wall = if c.seconds < 1.0 {
        format!("{:.1} ms", c.seconds * 1000.0)
    } else {
        format!("{:.2} s", c.seconds)
    };
    let mem = c
        .peak_kib
        .map_or_else(|| String::from("n/a"), |k| format!("{:.1} MiB", k as f64 / 1024.0));
    format!(
        "{:<10} {:<5} {:<11} {:<14} {}",
        c.users,
        c.days,
        wall,
        format!("{:.2e}", c.user_hours_per_second()),
        mem
    )
}

/// Runs every case (a few warm-up runs first for the small one) and writes the table, a row as each is
/// measured; a failed write (a closed or full output) stops it with the error.
pub fn write_table(max_users: u32, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // Warm up caches and the allocator on the small case, then keep its best of five.
    let mut best: Option<Case> = None;
    for _ in 0..5 {
        let c = measure(CASES[0].0, CASES[0].1);
        if best.as_ref().is_none_or(|b| c.seconds < b.seconds) {
            best = Some(c);
        }
    }
    writeln!(out, "{HEADER}")?;
    if let Some(b) = best {
        writeln!(out, "{}", row(&b))?;
    }
    for (users, days) in CASES.iter().skip(1) {
        if *users > max_users {
            continue;
        }
        writeln!(out, "{}", row(&measure(*users, *days)))?;
    }
    Ok(())
}
