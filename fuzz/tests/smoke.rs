//! A few seconds of the fuzz harness on every test run, so "no panic, no stall, no balloon" stays true.

use std::process::Command;

#[test]
fn a_short_fuzz_finds_nothing() {
    let out = Command::new(env!("CARGO_BIN_EXE_backfire-fuzz"))
        .args(["3000", "60", "7"])
        .output()
        .expect("the harness starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "fuzz found failing cases:\n{stderr}\n{stdout}");
    assert!(stdout.contains("decodes: 3000"), "{stdout}");
    assert!(stdout.contains("runs: 60"), "{stdout}");
}
