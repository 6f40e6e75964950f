//! Pinned outputs: a report digest the browser tests compare against a wasm run, and saved share links (full and compact) that must keep decoding to the same scenario.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::{link, presets, report_digest, run, validate, Severity};

/// The digest of `open-community` at 500 users for 1 day. A browser test runs the same scenario in wasm and
/// compares; a change here means the model changed (update the constant; `tests/e2e/determinism.test.mjs` compares native and wasm runs).
pub const GOLDEN_DIGEST: &str = "7cefe13707c93bf2";

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

/// A compact link as the app writes it today: `link::encode` of the 2016 launch at 500 users for 2 days, which
/// drops every field left at its default. Such a link means whatever the defaults are when it is read, so its
/// full meaning is pinned below: a changed default fails this test instead of silently changing old links.
const COMPACT_LINK: &str = "s=1.7VfdTuNGFH6VI0uIRDIkAUy3jrhYsTdcdPeyFxWyJvYYT7E91sw4WQvxOPsi-2T9zowNAQqoXalSpQWJxOMz5-c73_nhLsqVyWtpo_SPu-hPrdoovYtEXeudP8l1WyindBsERO60yVQhW6fcEKWRdT0_RPfX-I2jRhfSCJZnNUZuldzZrJMmK8TgP1fL26y30kBfggutaCTUXIqm6y19UsIMURwZ0d6q9gYvGm1d1hmhrCz4Re9dZb-ahu2-7-yNbOETVJWyEbVkT-P3RINgPJ3nRkI4Ey6rpbAw-kuy9G97V_29Bcai0_Zf-nd9j-tOdT7SQqh6yHLRefhwyh-lBMDLGHckHzeqxk0-aMTX8PJkiR88qzY8r_AQcOQgCps5zcqi1Jle3nM0_zz5u0o5meW6roX5UQb8zrro0uv6yYP_Fw_0FtkEIj_KgS-jnvfz_9-Cch3D0ACDJw-ufqxVJwa6DM0zplr0bV7R7LPe0slydT6Hk612vq9GVvcmlyldVqoVdNWWmk7OYjpd0iROM1sJsGthpSzmKY1NmTgXsqDNQBPca1It7bdLEm1BL6uHdFsPtNOoDsp1XxfEPFxDeqBGNhtppmMfN2lDiHhNLL9TrqJAduLcEng-So_1Bu1B96H1eoEAX9xIUCZYDmrX4RM5pBpxOE2CzVAnbiSVRjfUM-vp-7cVv_z-DZkBcsLavumYQCnUd33tyXQcKoNzmrMPF3SW0AxpYI-ORNeRpxQsiZZYcv66qgnOrFFfkYHFWbJIFkjIbBxoduGb21FobouJ4QvtKmnmVAIuGOnNBn9HDwgevG5whLNh387PljFZV2SF3NI5fwcuG907Oj0gXY5hgA98upUe_tmnL799vPp83BSpf1aWdrKuwQaLWAhuAcCO4E-xplLu4JW1pNwbGNgOLQepyRq4JnwpTEUKbFfJElaRmAQ54yM4ViiLOPgyM2y6_4YJI0WdccnsJe0D1I7lI3KwCmD7WFn2iGXXFHohkw014GnC8V19olyY4g1zwuSVdEMnbUonB4C1VrlCswI9kwPWKo1G3YQ-gUPIoOygzD-tDkgKFDECtbkAz_lwIgqV4tZnBdXGSZdbUUw6bK7hfylMuLI8TvY0DRtVHxmuAL7KfQL3ENwU-_NoEArY1RyDcapUeQhsBOSCHgEFX6Bv9gKd9aPLF2RlXYJlec3NhWboSBV7ApTyWxyMZOfi1yWMSZwI19v5a04FFqcoVGYHwhu5jy4A9zp0K-dxzKvecN-xeBRgPb5QEt7bkU4zdrqRmJwFkxmuUddvkLA1HXpmebwcRoAtobsBxIcsyNe4C6EDiWILn191FmmyYKCDK5koHZjNibuAQxl7hiBOmeICoOJOLn0RP7BwShA1PWQ3kgD4TfWinngSHY-DhKsGCg_RudlPGFvR0Iv2cI72GGYPRPzw4crCl_iR3cI4hZ4P0VaTn2vIZ-dBwAFmGQMZxswzF8YpCdX7UxKd0ReGCQ2abG9KBFlQqYx1oAmmusMoP0bmswkzRofHvkQTKZSROXcsa9GtLbd8bnsSxBx0K5858TjzH_1MfSdjeLVxrMDHBjJaC2rjzewQwwxD0sF9BimhcVnwdGKW8CemMyPWhyo9OaOKClmLIYZ0o7eiDgNL-Lr0iaZTENmoW_m8up5uGCj-EVyeFkd-bvFmGbg5JoSYDDYMNT72E4DcTs8j7AUTcLyMMN_CwvOUclgXRsrxShNe8lPYPU6ZDtiBQmn5nbZ6kHhcX1Z-oUGDFqrwXdoXE9ancZUBvUJ5TS08bFb7XYR1P2yZzxpJdO831amT-v0v8D9D8qcJEbagX9lgofOeCyYbe8nU4CdP9yd1lJ4lcbQ_clm_B5Ljj5_-IwFhXgkf9kO29mKOROkHHL8xweBH4nHljYo3vtW5R8P66Fb3fwE";

/// The report digest of [`COMPACT_LINK`] when run.
const COMPACT_DIGEST: &str = "396dc1ef9e38b01f";

fn compact_scenario() -> backfire_engine::Scenario {
    let mut s = presets::by_id("alipay-circles-2016").unwrap().scenario;
    s.population.n_users = 500;
    s.days = 2;
    s
}

#[test]
fn compact_links_keep_their_meaning() {
    let decoded = link::decode(COMPACT_LINK).unwrap();
    // The whole scenario the compact link stands for, every default spelled out.
    insta::assert_snapshot!(
        "compact_link_expanded",
        backfire_engine::wire::scenario_to_json(&decoded)
    );
    assert_eq!(report_digest(&run(&decoded)), COMPACT_DIGEST);
}

#[test]
fn the_app_still_writes_the_pinned_compact_link() {
    // If this fails but `compact_links_keep_their_meaning` passes, the encoder changed form (fine: update the
    // constant); the old link must still decode to the same scenario.
    assert_eq!(link::encode(&compact_scenario()).as_deref(), Ok(COMPACT_LINK));
}

#[test]
fn defaults_are_pinned() {
    // Links drop fields at their defaults: a default that changes changes every link that relied on it.
    insta::assert_snapshot!(
        "default_scenario",
        backfire_engine::wire::scenario_to_json(&backfire_engine::Scenario::default())
    );
}
