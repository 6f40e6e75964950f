//! Pinned outputs: a report digest the browser tests compare against a wasm run, and a saved share link that must decode forever.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use backfire_engine::{link, presets, report_digest, run, validate, Severity};

/// The digest of `open-community` at 500 users for 1 day. A browser test runs the same scenario in wasm and
/// compares; a change here means the model changed (update the constant and `/tmp/briefs/engine-api.md` together).
pub const GOLDEN_DIGEST: &str = "f6752fc2afa9f72b";

#[test]
fn report_digest_is_pinned() {
    let mut s = presets::by_id("open-community").unwrap().scenario;
    s.population.n_users = 500;
    s.days = 1;
    assert_eq!(report_digest(&run(&s)), GOLDEN_DIGEST);
}

/// A link written by version 0.1.0 of the engine (the default scenario, 300 users, 1 day).
const SAVED_LINK: &str = "s=1.hVTbjhoxDP2VKs88wLK7rXjtZ1SryGQ8TEouIycDixD_XtthgLYr8QRjnyQ-x8c-mwNS8TmZzWphEkQ0G1PggN234NPecCxXLGbz62NhCmKnuA5ORf-MeZwCVD1_NslOhW8zm_VyuTA9RghoRySHqZrNG8d8x399PdnoP-VEqVOnyRdOHgdf0bocApDZvHIkS3EIfOMbf9QBOb5-uyyMI-x8lRsiAr_9LuhSO9vhgb-WDCkjps6nnY0MhWR7TFKL5dq59KVUCM7lKVULO5xRjdl3yXbZTZGLs25At8fuzmTNWUIIVvS6h6UGIEbX0yiSnc2QExbJCPcw0R6VmNSag3e-ZmrUd5iQ8lRs9eMooL_E6kEPruScgxjvH5mQs6QRuWcAglLmr3La-mCJRVABA0ypQ9LrF2bLbPEAXbvswoqN3Mk-U5TK7wKrbuCVvh2zb91S_dwwUeKGlSrJ6EPA9nCEzwYtj5LzE9xP33t3cwzz1gLYWqHn5jluPXvszv2LFJe4427c2sMFquPUc5Kjk3Uw7Yb62LGLMtauEFapG_rKtW3FPqYnRLOYM8pIr1Wioo3z5ILOwXmekp8a4lO_mancCyHkoyJcZusJRx2cywdfQFNonhhzqU_RLseohT_BjQS-4FMYu-opJmIpPAhPcO0yJYIJtkEWQqUJ51JsQOjYxtnqmz2EwrnoU9Nztby646auLBMfpGOjeqUNwA3dFgk--Et9RJD2amuT8CgjJpKlCk4ly31v72ZudJp1fJCeEzqO3d3xQ6rwHK32qkJprESWzAa9-VX2Gx8fM9UyE2djlsKuFh8_qHKl_u9b70JIUjwghaU9_M8NDx6Pt8nR39VyP-_Wl-UM4aEInB_ypPHXOc54JMr0sHp5F0ByjQWjIi9WlqNMuiSvS2_ddkIbi1LJ70WG9YW7_gc";

#[test]
fn saved_links_keep_decoding() {
    let s = link::decode(SAVED_LINK).unwrap();
    assert_eq!(s.name, "saved link");
    assert_eq!(s.population.n_users, 300);
    assert_eq!(s.days, 1);
    assert!(validate(&s).iter().all(|i| i.severity != Severity::Error));
}
