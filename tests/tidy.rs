//! Checks the repository's own conventions, as an ordinary test (after rust-analyzer's `tidy`).

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| format!("<unreadable {rel}: {e}>"))
}

/// The value of `KEY=value` in scripts/versions.env.
fn pinned(key: &str) -> Option<String> {
    read("scripts/versions.env").lines().find_map(|line| {
        let rest = line.strip_prefix(key)?.strip_prefix('=')?;
        Some(rest.trim_matches('"').to_string())
    })
}

#[test]
fn wasm_bindgen_versions_agree() {
    let pin = pinned("WASM_BINDGEN_VERSION");
    assert!(pin.is_some(), "scripts/versions.env lacks WASM_BINDGEN_VERSION");
    let pin = pin.unwrap_or_default();
    let lock = read("Cargo.lock");
    let locked = lock
        .split("[[package]]")
        .find(|block| block.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|block| block.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string());
    assert_eq!(
        locked.as_deref(),
        Some(pin.as_str()),
        "Cargo.lock's wasm-bindgen differs from versions.env"
    );
    assert!(
        read("Cargo.toml").contains(&format!("wasm-bindgen = \"={pin}\"")),
        "Cargo.toml must pin wasm-bindgen = \"={pin}\""
    );
    assert!(
        read("Trunk.toml").contains(&format!("wasm_bindgen = \"{pin}\"")),
        "Trunk.toml [tools] must name {pin}"
    );
}

#[test]
fn wasm_opt_versions_agree() {
    let tools = read("tools/package.json");
    let major = tools
        .split("\"binaryen\": \"")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .map(str::to_string);
    assert!(major.is_some(), "tools/package.json must pin binaryen");
    let major = major.unwrap_or_default();
    assert!(
        read("Trunk.toml").contains(&format!("wasm_opt = \"version_{major}\"")),
        "Trunk.toml [tools] wasm_opt must be version_{major}, as tools/package.json pins"
    );
}

#[test]
fn ci_runs_the_readme_test_command() {
    let ci = read(".ci/run");
    assert!(
        ci.contains("exec bash scripts/test"),
        ".ci/run must call scripts/test and nothing else"
    );
    assert!(
        read("README.md").contains("bash scripts/test"),
        "README must give `bash scripts/test` as the test command"
    );
    assert!(
        read("README.md").contains("bash scripts/serve"),
        "README must give `bash scripts/serve` as the run command"
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | "dist" | ".git") {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_says_what_it_owns_and_is_named_after_a_noun() {
    let mut files = Vec::new();
    for dir in ["src", "engine", "cli", "tests"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 3, "found too few .rs files: {files:?}");
    let mut offenders = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        if !text.trim_start().starts_with("//!") {
            offenders.push(format!("{} does not open with a `//!` line", file.display()));
        }
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if matches!(stem.as_str(), "utils" | "helpers" | "common" | "misc") {
            offenders.push(format!("{} is not named after a domain noun", file.display()));
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// Every file path ARCHITECTURE.md names in backticks exists (the map must match the code).
#[test]
fn every_file_architecture_names_exists() {
    let text = read("ARCHITECTURE.md");
    let mut files = Vec::new();
    for dir in [
        "src", "engine", "cli", "fuzz", "tests", "scripts", "tools", ".ci", "styles",
    ] {
        all_files(&root().join(dir), &mut files);
    }
    for top in ["Cargo.toml", "Trunk.toml", "index.html", "clippy.toml", "README.md"] {
        files.push(root().join(top));
    }
    let known: Vec<String> = files
        .iter()
        .filter_map(|p| p.strip_prefix(root()).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let mut missing = Vec::new();
    for name in text.split('`').skip(1).step_by(2) {
        let name = name.trim_end_matches('/');
        let looks_like_file = [".rs", ".mjs", ".toml", ".json", ".html", ".css", ".env"]
            .iter()
            .any(|ext| name.ends_with(ext))
            && !name.contains(' ')
            && !name.contains('*');
        if looks_like_file && !known.iter().any(|k| k == name || k.ends_with(&format!("/{name}"))) {
            missing.push(name.to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names files that do not exist: {missing:?}"
    );
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == "node_modules" || n == "target") {
            continue;
        }
        if path.is_dir() {
            all_files(&path, out);
        } else {
            out.push(path);
        }
    }
}
