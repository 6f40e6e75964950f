//! The `backfire` binary, run as a user would: presets, show, run from every kind of source, and garbage.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

fn backfire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backfire"))
        .args(args)
        .output()
        .unwrap()
}

fn backfire_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backfire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A bad-input run: non-zero exit, an `error:` line, and no panic.
fn assert_refused(out: &Output, needle: &str) {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "expected failure, got success: {err}");
    assert!(err.contains("error:"), "{err}");
    assert!(err.contains(needle), "wanted `{needle}` in: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn presets_lists_ids_and_sentences() {
    let out = backfire(&["presets"]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    for id in [
        "alipay-circles-2016",
        "alipay-circles-2016-fix",
        "open-community",
        "strict-verified",
    ] {
        assert!(s.contains(id), "{s}");
    }
}

#[test]
fn show_prints_scenario_json_that_runs_back() {
    let out = backfire(&["show", "open-community"]);
    assert!(out.status.success());
    let json = text(&out.stdout);
    assert!(json.contains("\"version\": 2"));
    let run = backfire_stdin(&["run", "-", "--users", "500", "--days", "1"], json.as_bytes());
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("solicitation"));
}

#[test]
fn run_preset_prints_a_table() {
    let out = backfire(&[
        "run",
        "alipay-circles-2016",
        "--users",
        "2000",
        "--days",
        "2",
        "--seed",
        "3",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("pattern") && s.contains("severity") && s.contains("exclusion"));
    assert!(text(&out.stderr).contains("warning:"), "gender gates should be flagged");
}

#[test]
fn run_cuts_a_timeline_into_stretches() {
    let out = backfire(&["run", "alipay-circles-2016-timeline", "--users", "2000"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.contains("timeline (incidents and tips in each stretch):"), "{t}");
    for row in [
        "h0   to h24   launch",
        "h24  to h36   statement and crackdown",
        "h36  to h48   new circles without the women-only rule",
        "h48  to h168  permanent bans",
    ] {
        assert!(t.contains(row), "missing `{row}` in:\n{t}");
    }
    // A rule a change introduced is named with the change; the launch's own rules are not.
    assert!(
        t.contains("(from hour 36, new circles without the women-only rule)"),
        "{t}"
    );
    // A scenario without interventions prints no timeline.
    let plain = text(&backfire(&["run", "alipay-circles-2016", "--users", "2000"]).stdout);
    assert!(!plain.contains("timeline"), "{plain}");
}

#[test]
fn run_json_has_pattern_ids() {
    let out = backfire(&["run", "open-community", "--json", "--users", "500", "--days", "1"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["patterns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "solicitation",
            "identity_fraud",
            "scam",
            "harassment",
            "score_farming",
            "tip_laundering",
            "ranking_manipulation",
            "ban_evasion",
            "exclusion"
        ]
    );
}

#[test]
fn run_accepts_files_and_share_links() {
    let scenario = backfire_engine::presets::by_id("open-community").unwrap().scenario;
    let dir = std::env::temp_dir().join(format!("backfire-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("s.json");
    std::fs::write(&file, backfire_engine::wire::scenario_to_json(&scenario)).unwrap();
    let from_file = backfire(&["run", file.to_str().unwrap(), "--json", "--users", "400", "--days", "1"]);
    assert!(from_file.status.success(), "{}", text(&from_file.stderr));

    let payload = backfire_engine::link::encode(&scenario).unwrap();
    let url = format!("https://example.org/backfire/#{payload}");
    let from_link = backfire(&["run", &url, "--json", "--users", "400", "--days", "1"]);
    assert!(from_link.status.success(), "{}", text(&from_link.stderr));
    assert_eq!(from_file.stdout, from_link.stdout, "same scenario, same report");
    let from_fragment = backfire(&["run", &format!("#{payload}"), "--json", "--users", "400", "--days", "1"]);
    assert_eq!(from_fragment.stdout, from_link.stdout);
    let _ = std::fs::remove_dir_all(dir);
}

/// A usage mistake: exit code 2 and clap's message on standard error, nothing on standard output.
fn assert_usage_error(out: &Output, needle: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(needle), "wanted `{needle}` in: {err}");
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn garbage_is_refused_clearly() {
    assert_usage_error(&backfire(&[]), "Usage: backfire <COMMAND>");
    assert_usage_error(&backfire(&["frobnicate"]), "unrecognized subcommand 'frobnicate'");
    assert_usage_error(&backfire(&["run"]), "<SOURCE>");
    assert_usage_error(
        &backfire(&["run", "open-community", "--days"]),
        "a value is required for '--days <N>'",
    );
    assert_usage_error(
        &backfire(&["run", "open-community", "--days", "ten"]),
        "invalid value 'ten'",
    );
    assert_usage_error(
        &backfire(&["run", "open-community", "--bogus"]),
        "unexpected argument '--bogus'",
    );
    assert_usage_error(&backfire(&["presets", "extra"]), "unexpected argument 'extra'");
    assert_usage_error(&backfire(&["bench", "--slow"]), "unexpected argument '--slow'");
    assert_refused(&backfire(&["show", "nope"]), "`nope` is not a preset");
    assert_refused(&backfire(&["run", "no-such-thing"]), "`no-such-thing` is not a preset");
    assert_refused(&backfire(&["run", "open-community", "--days", "500"]), "days");
    assert_refused(&backfire(&["run", "s=1.!!!!"]), "bad base64");
    assert_refused(
        &backfire(&["run", "https://example.org/#s=9.abc"]),
        "unsupported link version `9`",
    );
    assert_refused(
        &backfire_stdin(&["run", "-"], b"{\"version\": 1, \"dayz\": 2}"),
        "unknown field `dayz`",
    );
    assert_refused(&backfire_stdin(&["run", "-"], b"\xff\xfe garbage"), "error");
    assert_refused(
        &backfire_stdin(&["run", "-"], b"{\"version\": 3}"),
        "unsupported version `3`",
    );
    assert_refused(&backfire_stdin(&["run", "-"], b"[1,2,3"), "error");
}

#[test]
fn help_lists_the_commands_and_each_command_has_its_own() {
    let out = backfire(&["--help"]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    for cmd in ["presets", "show", "run", "bench"] {
        assert!(s.contains(cmd), "{s}");
    }
    let run = backfire(&["run", "--help"]);
    assert!(run.status.success());
    let s = text(&run.stdout);
    for flag in ["--json", "--days", "--users", "--seed"] {
        assert!(s.contains(flag), "{s}");
    }
    assert!(text(&backfire(&["show", "--help"]).stdout).contains("--summary"));
    let version = backfire(&["--version"]);
    assert!(text(&version.stdout).starts_with("backfire "));
}

#[test]
fn show_summary_reads_the_2016_rules_in_plain_language() {
    let out = backfire(&["show", "alipay-circles-2016", "--summary"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.starts_with("Campus Diary\n"), "{s}");
    assert!(
        s.contains("men with credit 750 or more may comment on women's posts"),
        "{s}"
    );
    assert!(s.contains("Platform\n"), "{s}");
    // The same words from a share link: `show` reads every kind of source `run` does.
    let scenario = backfire_engine::presets::by_id("alipay-circles-2016").unwrap().scenario;
    let link = format!("#{}", backfire_engine::link::encode(&scenario).unwrap());
    assert_eq!(backfire(&["show", &link, "--summary"]).stdout, out.stdout);
}

#[test]
fn a_full_or_closed_output_is_an_error_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux: nothing to test against
    };
    for args in [
        &["show", "alipay-circles-2016"][..],
        &["presets"],
        &["run", "minimal-missing"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_backfire"))
            .args(args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains("error: "), "{args:?}: {stderr}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_backfire"))
        .args(["show", "alipay-circles-2016", "--summary"])
        .stdout(full)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write to standard output"));
}

#[test]
fn a_model_1_scenario_runs_with_a_note_on_standard_error() {
    let out = backfire_stdin(&["show", "-"], b"{\"version\": 1, \"days\": 2}");
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("note: this scenario was made under model 1; its numbers now come from model 2"),
        "{err}"
    );
    assert!(text(&out.stdout).contains("\"version\": 2"));
    let fresh = backfire_stdin(&["show", "-"], b"{\"version\": 2, \"days\": 2}");
    assert!(text(&fresh.stderr).is_empty(), "{}", text(&fresh.stderr));
}

#[test]
fn assumptions_lists_the_catalogue() {
    let out = backfire(&["assumptions"]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    for field in [
        "reservation_median_fen",
        "convert_per_visit_permille",
        "tip_yardstick_fen",
    ] {
        assert!(s.contains(field), "{s}");
    }
    assert!(s.contains("source: "), "{s}");
}

#[test]
fn a_search_reproduces_from_its_link_on_any_number_of_threads() {
    let link = text(&backfire(&["show", "alipay-circles-2016"]).stdout);
    let link = backfire_engine::link::encode(&backfire_engine::wire::scenario_from_json(&link).unwrap()).unwrap();
    let args = |threads: &'static str| {
        backfire(&[
            "redteam",
            &link,
            "--budget",
            "8",
            "--seeds",
            "1",
            "--users",
            "500",
            "--json",
            "--threads",
            threads,
        ])
    };
    let (one, two) = (args("1"), args("2"));
    assert!(one.status.success(), "{}", text(&one.stderr));
    assert_eq!(text(&one.stdout), text(&two.stdout));
    let result: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(
        result["provenance"]["input_link"],
        serde_json::Value::String(link.clone())
    );
    let worst = &result["worst"][0];
    let reopened = backfire_engine::link::decode(worst["link"].as_str().unwrap()).unwrap();
    assert_eq!(serde_json::to_value(&reopened).unwrap(), worst["scenario"]);
    for search in ["frontier", "robustness"] {
        let out = backfire(&[
            search,
            "open-community",
            "--budget",
            "1",
            "--users",
            "500",
            "--seeds",
            "1",
        ]);
        assert!(out.status.success(), "{search}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains("engine"), "{search} prints its provenance");
    }
}

#[test]
fn a_search_link_carries_its_settings_and_a_flag_overrides_them() {
    let link = text(&backfire(&["show", "open-community"]).stdout);
    let link = backfire_engine::link::encode(&backfire_engine::wire::scenario_from_json(&link).unwrap()).unwrap();
    let small = ["--users", "500", "--json"];
    let with_flags = backfire(
        &[
            &["redteam", &link, "--budget", "6", "--seeds", "1", "--abusive", "25"],
            &small[..],
        ]
        .concat(),
    );
    let linked = format!("https://example.org/#{link}&search=redteam,runs:6,share:2.5,seeds:1");
    let from_link = backfire(&[&["redteam", linked.as_str()], &small[..]].concat());
    assert!(from_link.status.success(), "{}", text(&from_link.stderr));
    assert_eq!(
        text(&from_link.stdout),
        text(&with_flags.stdout),
        "the link alone gives the flags' result"
    );
    let result: serde_json::Value = serde_json::from_slice(&from_link.stdout).unwrap();
    assert_eq!(result["provenance"]["budget_runs"], 6);
    assert_eq!(result["budget_permille"], 25);
    // A flag wins over the link; a bad part keeps its default and says so.
    let bad = format!("{link}&search=redteam,runs:lots,share:2.5,seeds:1");
    let overridden = backfire(&[&["redteam", bad.as_str(), "--budget", "4"], &small[..]].concat());
    let result: serde_json::Value = serde_json::from_slice(&overridden.stdout).unwrap();
    assert_eq!(result["provenance"]["budget_runs"], 4);
    assert!(
        text(&overridden.stderr).contains("the link's search setting `runs` is `lots`"),
        "{}",
        text(&overridden.stderr)
    );
    // Robustness reads its trajectories from the link.
    let screen = format!("{link}&search=robustness,trajectories:1,seeds:1");
    let out = backfire(&[
        "robustness",
        screen.as_str(),
        "--users",
        "500",
        "--only",
        "honest_sessions_per_day",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let flags = backfire(&[
        "robustness",
        link.as_str(),
        "--budget",
        "1",
        "--seeds",
        "1",
        "--users",
        "500",
        "--only",
        "honest_sessions_per_day",
        "--json",
    ]);
    assert_eq!(text(&out.stdout), text(&flags.stdout));
}

#[test]
fn a_search_prints_the_app_link_that_runs_it_again() {
    let table = text(&backfire(&["redteam", "open-community", "--budget", "2", "--seeds", "1"]).stdout);
    let link = table
        .lines()
        .find_map(|l| l.strip_prefix("app link (opens this search in the browser): "))
        .unwrap_or_else(|| panic!("no app link in:\n{table}"));
    assert!(link.contains("&search=redteam,runs:2,share:"), "{link}");
    let again = backfire(&["redteam", link, "--json"]);
    let direct = backfire(&["redteam", "open-community", "--budget", "2", "--seeds", "1", "--json"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(
        text(&again.stdout),
        text(&direct.stdout),
        "the printed link reruns the same search"
    );
    let sized = text(&backfire(&["redteam", "open-community", "--budget", "2", "--users", "500"]).stdout);
    assert!(
        sized.contains("app link: none (the app has no field for --users)"),
        "{sized}"
    );
}
