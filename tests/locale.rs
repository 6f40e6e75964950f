//! Checks the interface's catalogue: every `tr!` / `trf!` pair in `src/` has a Chinese half written in
//! Chinese, and a `trf!` pair's halves use the same placeholders (a missing half does not compile; a
//! forgotten `{n}` or an English string pasted twice would).

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literal at the start of `text` (after whitespace), unescaped only as far as quotes go, and the rest.
fn literal(text: &str) -> Option<(String, &str)> {
    let body = text.trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, next)) = chars.next() {
                    out.push(next);
                }
            }
            '"' => return Some((out, &body[i + 1..])),
            c => out.push(c),
        }
    }
    None
}

/// Every `(macro, english, chinese)` pair written in `text`.
fn pairs(text: &str) -> Vec<(&'static str, String, String)> {
    let mut found = Vec::new();
    for name in ["tr!(", "trf!("] {
        let mut rest = text;
        while let Some(at) = rest.find(name) {
            rest = &rest[at + name.len()..];
            // The language argument is an expression without commas or string literals (`lang`, `Lang::En`).
            let Some((_, after_lang)) = rest.split_once(',') else {
                break;
            };
            let Some((en, after_en)) = literal(after_lang) else {
                continue;
            };
            let Some(after_comma) = after_en.trim_start().strip_prefix(',') else {
                continue;
            };
            let Some((zh, _)) = literal(after_comma) else { continue };
            found.push((if name == "tr!(" { "tr!" } else { "trf!" }, en, zh));
        }
    }
    found
}

/// The placeholders of a format string, `{n}` and `{ms:.0}` as `n`, sorted (`{{` is not one).
fn placeholders(format: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = format.replace("{{", "").replace("}}", "");
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        let inner = &rest[open + 1..open + close];
        out.push(inner.split(':').next().unwrap_or_default().to_string());
        rest = rest[open + close + 1..].to_string();
    }
    out.sort();
    out
}

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

#[test]
fn every_string_of_the_interface_has_a_chinese_half_with_the_same_placeholders() {
    let mut files = Vec::new();
    rust_files(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut seen = 0;
    let mut offenders = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (name, en, zh) in pairs(&text) {
            seen += 1;
            let place = file.display();
            // A pair of punctuation only ("; " and "；") needs no Chinese character, but must differ from English.
            let letters = en.chars().any(|c| c.is_ascii_alphabetic());
            if letters && !zh.chars().any(is_chinese) || !letters && zh == en {
                offenders.push(format!("{place}: {name} “{en}” has no Chinese half (“{zh}”)"));
            }
            if name == "trf!" && placeholders(&en) != placeholders(&zh) {
                offenders.push(format!("{place}: {name} “{en}” and “{zh}” use different placeholders"));
            }
        }
    }
    assert!(
        seen > 300,
        "found only {seen} strings: the scan no longer finds the catalogue"
    );
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

#[test]
fn the_scan_reads_pairs_and_placeholders() {
    let text = r#"tr!(lang, "Run", "运行") trf!(lang, "{n} seeds, \"x\"", "{n} 个种子") tr!(x, "a", "a")"#;
    let found = pairs(text);
    assert_eq!(found.len(), 3);
    assert!(found
        .iter()
        .any(|(name, en, zh)| *name == "trf!" && en == "{n} seeds, \"x\"" && zh == "{n} 个种子"));
    assert_eq!(placeholders("hour {h} of {total:.0} {{literal}}"), vec!["h", "total"]);
}
