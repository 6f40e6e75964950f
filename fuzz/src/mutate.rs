//! Mutations of scenario JSON: the hostile and mistaken inputs a user could paste, upload or link.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand_core::RngCore;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde_json::{json, Value};

type Rng = Xoshiro256PlusPlus;

/// A number below `n` (n > 0).
fn below(rng: &mut Rng, n: usize) -> usize {
    (rng.next_u64() % n.max(1) as u64) as usize
}

/// A fair coin.
pub fn coin(rng: &mut Rng) -> bool {
    rng.next_u32() & 1 == 1
}

/// One of `items` (which must not be empty).
pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    let i = below(rng, items.len());
    #[expect(
        clippy::indexing_slicing,
        reason = "i < items.len() by construction; callers pass non-empty lists"
    )]
    &items[i]
}

/// Values that break naive code: extremes of every integer width, fractions, signs, wrong types.
fn nasty(rng: &mut Rng) -> Value {
    let choices = [
        json!(0),
        json!(1),
        json!(-1),
        json!(255),
        json!(256),
        json!(65_535),
        json!(65_536),
        json!(4_294_967_295_u64),
        json!(4_294_967_296_u64),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(0.5),
        json!(1e300),
        json!(""),
        json!("abc"),
        json!("x".repeat(5_000)),
        json!(true),
        json!(null),
        json!([]),
        json!({}),
        json!([1, "positional", [], 5, 3]),
        json!({"actor_gender": "female", "actor_identity": "student"}),
    ];
    pick(rng, &choices).clone()
}

/// Every path to a node in `v`, as key/index steps.
fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(Step::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Index(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

/// One step into a JSON value.
#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut cur = v;
    for step in path {
        cur = match step {
            Step::Key(k) => cur.get_mut(k.as_str())?,
            Step::Index(i) => cur.get_mut(*i)?,
        };
    }
    Some(cur)
}

/// Applies one to three mutations and returns the text (sometimes cut short or with a stray byte).
pub fn mutated_text(rng: &mut Rng, mut v: Value) -> String {
    for _ in 0..=below(rng, 3) {
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = pick(rng, &all).clone();
        let donor = at(&mut v, &pick(rng, &all).clone()).map(|d| d.clone());
        let Some(node) = at(&mut v, &path) else {
            continue;
        };
        match below(rng, 8) {
            0..=2 => *node = nasty(rng),
            3 => {
                if let Some(d) = donor {
                    *node = d;
                }
            }
            4 => {
                if let Value::Object(m) = node {
                    let keys: Vec<String> = m.keys().cloned().collect();
                    if !keys.is_empty() {
                        let k = pick(rng, &keys).clone();
                        m.remove(&k);
                    }
                    if coin(rng) {
                        m.insert(String::from("unexpected"), nasty(rng));
                    }
                }
            }
            5 => {
                // Many copies of a list's item: circles, clauses and conditions past their limits.
                if let Value::Array(items) = node {
                    if let Some(first) = items.first().cloned() {
                        let n = *pick(rng, &[2, 9, 21, 41, 3_000]);
                        items.resize(n, first);
                    }
                }
            }
            6 => *node = json!([node.clone()]),
            _ => {
                if let Value::Number(_) = node {
                    *node = nasty(rng);
                } else {
                    *node = json!({ "wrapped": node.clone() });
                }
            }
        }
    }
    let mut text = v.to_string();
    // Past a few MiB every decoder refuses on length alone; longer inputs only slow the harness down.
    cut(&mut text, 4 * 1024 * 1024);
    match below(rng, 20) {
        0 => {
            let at = below(rng, text.len() + 1);
            cut(&mut text, at);
        }
        1 => {
            let mut at = below(rng, text.len() + 1).min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert(at, '\u{7f}');
        }
        _ => {}
    }
    text
}

/// Packs any JSON text as a share link (`s=1.…`) without checking it, as a hostile link would.
pub fn pack(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
    format!("s=1.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Sometimes corrupts a link: a flipped character, a cut, a wrong version or a missing prefix.
pub fn corrupt(rng: &mut Rng, mut link: String) -> String {
    match below(rng, 10) {
        0 => {
            let at = below(rng, link.len() + 1);
            cut(&mut link, at);
        }
        1 => {
            let i = below(rng, link.len());
            if link.is_char_boundary(i) && link.is_char_boundary(i + 1) && i > 4 {
                link.replace_range(i..=i, "A");
            }
        }
        2 => link = link.replacen("s=1.", "s=9.", 1),
        3 => link = link.replacen("s=1.", "", 1),
        _ => {}
    }
    link
}

/// Cuts `text` to at most `at` bytes, backing up to a character boundary (text stays valid UTF-8).
fn cut(text: &mut String, at: usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text.truncate(at);
}
