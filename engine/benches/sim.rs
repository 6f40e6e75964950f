//! `cargo bench`: wall time, user-hours per second and peak memory for the sizes the issue names.

mod measure;

fn main() -> std::io::Result<()> {
    // `cargo bench -- --quick` skips the million-user case.
    let quick = std::env::args().any(|a| a == "--quick");
    measure::write_table(if quick { 100_000 } else { u32::MAX }, &mut std::io::stdout())
}
