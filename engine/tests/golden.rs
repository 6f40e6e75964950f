//! Pinned outputs: a report digest the browser tests compare against a wasm run, and saved share links (full and
//! compact, of every scenario version) that must keep decoding to the same scenario.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test by panicking, which is what a test should do"
)]

use backfire_engine::{link, presets, report_digest, run, validate, Severity};

/// The digest of `open-community` at 500 users for 1 day. A browser test runs the same scenario in wasm and
/// compares; a change here means the model changed (update the constant; `tests/e2e/determinism.test.mjs` compares native and wasm runs).
pub const GOLDEN_DIGEST: &str = "9612ce92ccfb68a9";

#[test]
fn report_digest_is_pinned() {
    let mut s = presets::by_id("open-community").unwrap().scenario;
    s.population.n_users = 500;
    s.days = 1;
    assert_eq!(report_digest(&run(&s)), GOLDEN_DIGEST);
}

/// A link written by version 0.1.0 of the engine (the default scenario, 300 users, 1 day): scenario version 1,
/// made under model 1.
const SAVED_LINK: &str = "s=1.hVTbjhoxDP2VKs88wLK7rXjtZ1SryGQ8TEouIycDixD_XtthgLYr8QRjnyQ-x8c-mwNS8TmZzWphEkQ0G1PggN234NPecCxXLGbz62NhCmKnuA5ORf-MeZwCVD1_NslOhW8zm_VyuTA9RghoRySHqZrNG8d8x399PdnoP-VEqVOnyRdOHgdf0bocApDZvHIkS3EIfOMbf9QBOb5-uyyMI-x8lRsiAr_9LuhSO9vhgb-WDCkjps6nnY0MhWR7TFKL5dq59KVUCM7lKVULO5xRjdl3yXbZTZGLs25At8fuzmTNWUIIVvS6h6UGIEbX0yiSnc2QExbJCPcw0R6VmNSag3e-ZmrUd5iQ8lRs9eMooL_E6kEPruScgxjvH5mQs6QRuWcAglLmr3La-mCJRVABA0ypQ9LrF2bLbPEAXbvswoqN3Mk-U5TK7wKrbuCVvh2zb91S_dwwUeKGlSrJ6EPA9nCEzwYtj5LzE9xP33t3cwzz1gLYWqHn5jluPXvszv2LFJe4427c2sMFquPUc5Kjk3Uw7Yb62LGLMtauEFapG_rKtW3FPqYnRLOYM8pIr1Wioo3z5ILOwXmekp8a4lO_mancCyHkoyJcZusJRx2cywdfQFNonhhzqU_RLseohT_BjQS-4FMYu-opJmIpPAhPcO0yJYIJtkEWQqUJ51JsQOjYxtnqmz2EwrnoU9Nztby646auLBMfpGOjeqUNwA3dFgk--Et9RJD2amuT8CgjJpKlCk4ly31v72ZudJp1fJCeEzqO3d3xQ6rwHK32qkJprESWzAa9-VX2Gx8fM9UyE2djlsKuFh8_qHKl_u9b70JIUjwghaU9_M8NDx6Pt8nR39VyP-_Wl-UM4aEInB_ypPHXOc54JMr0sHp5F0ByjQWjIi9WlqNMuiSvS2_ddkIbi1LJ70WG9YW7_gc";

#[test]
fn saved_links_keep_decoding() {
    let s = link::decode(SAVED_LINK).unwrap();
    assert_eq!(s.name, "saved link");
    assert_eq!(s.population.n_users, 300);
    assert_eq!(s.days, 1);
    assert!(validate(&s).iter().all(|i| i.severity != Severity::Error));
    let read = link::decode_with_notice(SAVED_LINK).unwrap();
    assert_eq!(
        read.notice("link").as_deref(),
        Some("this link was made under model 1; its numbers now come from model 2")
    );
    assert!(read.scenario.assumptions.is_default());
}

/// A compact link as the app wrote it under model 1 (scenario version 1): `link::encode` of the 2016 launch at
/// 500 users for 2 days, which drops every field left at its default. Such a link means whatever the defaults
/// are when it is read, so its full meaning is pinned below: a changed default fails this test instead of
/// silently changing old links.
const COMPACT_LINK: &str = "s=1.7VfdTuNGFH6VI0uIRDIkAUy3jrhYsTdcdPeyFxWyJvYYT7E91sw4WQvxOPsi-2T9zowNAQqoXalSpQWJxOMz5-c73_nhLsqVyWtpo_SPu-hPrdoovYtEXeudP8l1WyindBsERO60yVQhW6fcEKWRdT0_RPfX-I2jRhfSCJZnNUZuldzZrJMmK8TgP1fL26y30kBfggutaCTUXIqm6y19UsIMURwZ0d6q9gYvGm1d1hmhrCz4Re9dZb-ahu2-7-yNbOETVJWyEbVkT-P3RINgPJ3nRkI4Ey6rpbAw-kuy9G97V_29Bcai0_Zf-nd9j-tOdT7SQqh6yHLRefhwyh-lBMDLGHckHzeqxk0-aMTX8PJkiR88qzY8r_AQcOQgCps5zcqi1Jle3nM0_zz5u0o5meW6roX5UQb8zrro0uv6yYP_Fw_0FtkEIj_KgS-jnvfz_9-Cch3D0ACDJw-ufqxVJwa6DM0zplr0bV7R7LPe0slydT6Hk612vq9GVvcmlyldVqoVdNWWmk7OYjpd0iROM1sJsGthpSzmKY1NmTgXsqDNQBPca1It7bdLEm1BL6uHdFsPtNOoDsp1XxfEPFxDeqBGNhtppmMfN2lDiHhNLL9TrqJAduLcEng-So_1Bu1B96H1eoEAX9xIUCZYDmrX4RM5pBpxOE2CzVAnbiSVRjfUM-vp-7cVv_z-DZkBcsLavumYQCnUd33tyXQcKoNzmrMPF3SW0AxpYI-ORNeRpxQsiZZYcv66qgnOrFFfkYHFWbJIFkjIbBxoduGb21FobouJ4QvtKmnmVAIuGOnNBn9HDwgevG5whLNh387PljFZV2SF3NI5fwcuG907Oj0gXY5hgA98upUe_tmnL799vPp83BSpf1aWdrKuwQaLWAhuAcCO4E-xplLu4JW1pNwbGNgOLQepyRq4JnwpTEUKbFfJElaRmAQ54yM4ViiLOPgyM2y6_4YJI0WdccnsJe0D1I7lI3KwCmD7WFn2iGXXFHohkw014GnC8V19olyY4g1zwuSVdEMnbUonB4C1VrlCswI9kwPWKo1G3YQ-gUPIoOygzD-tDkgKFDECtbkAz_lwIgqV4tZnBdXGSZdbUUw6bK7hfylMuLI8TvY0DRtVHxmuAL7KfQL3ENwU-_NoEArY1RyDcapUeQhsBOSCHgEFX6Bv9gKd9aPLF2RlXYJlec3NhWboSBV7ApTyWxyMZOfi1yWMSZwI19v5a04FFqcoVGYHwhu5jy4A9zp0K-dxzKvecN-xeBRgPb5QEt7bkU4zdrqRmJwFkxmuUddvkLA1HXpmebwcRoAtobsBxIcsyNe4C6EDiWILn191FmmyYKCDK5koHZjNibuAQxl7hiBOmeICoOJOLn0RP7BwShA1PWQ3kgD4TfWinngSHY-DhKsGCg_RudlPGFvR0Iv2cI72GGYPRPzw4crCl_iR3cI4hZ4P0VaTn2vIZ-dBwAFmGQMZxswzF8YpCdX7UxKd0ReGCQ2abG9KBFlQqYx1oAmmusMoP0bmswkzRofHvkQTKZSROXcsa9GtLbd8bnsSxBx0K5858TjzH_1MfSdjeLVxrMDHBjJaC2rjzewQwwxD0sF9BimhcVnwdGKW8CemMyPWhyo9OaOKClmLIYZ0o7eiDgNL-Lr0iaZTENmoW_m8up5uGCj-EVyeFkd-bvFmGbg5JoSYDDYMNT72E4DcTs8j7AUTcLyMMN_CwvOUclgXRsrxShNe8lPYPU6ZDtiBQmn5nbZ6kHhcX1Z-oUGDFqrwXdoXE9ancZUBvUJ5TS08bFb7XYR1P2yZzxpJdO831amT-v0v8D9D8qcJEbagX9lgofOeCyYbe8nU4CdP9yd1lJ4lcbQ_clm_B5Ljj5_-IwFhXgkf9kO29mKOROkHHL8xweBH4nHljYo3vtW5R8P66Fb3fwE";

/// The report digest of [`COMPACT_LINK`] when run.
const COMPACT_DIGEST: &str = "8cd3ace0b91038cf";

/// The launch preset at 500 users for 2 days, as it was when the links were pinned: the notes model 2 added
/// to the preset are dropped, so a preset's prose can grow without re-pinning every link.
fn compact_scenario() -> backfire_engine::Scenario {
    let mut s = presets::by_id("alipay-circles-2016").unwrap().scenario;
    s.population.n_users = 500;
    s.days = 2;
    s.notes.retain(|n| !n.starts_with("model 2:"));
    s
}

#[test]
fn compact_links_keep_their_meaning() {
    let read = link::decode_with_notice(COMPACT_LINK).unwrap();
    assert!(read.notice("link").is_some(), "a model-1 link says so");
    let decoded = read.scenario;
    // The whole scenario the compact link stands for, every default spelled out.
    insta::assert_snapshot!(
        "compact_link_expanded",
        backfire_engine::wire::scenario_to_json(&decoded)
    );
    assert_eq!(report_digest(&run(&decoded)), COMPACT_DIGEST);
    // The same scenario as the app writes it under model 2 opens to the same thing, without a notice.
    let read = link::decode_with_notice(COMPACT_LINK_V2).unwrap();
    assert_eq!(read.notice("link"), None);
    assert_eq!(read.scenario, decoded);
}

/// [`COMPACT_LINK`]'s scenario as the app writes it under model 2 (scenario version 2).
const COMPACT_LINK_V2: &str = "s=1.7VfbTuRGEP2VkiXEjGSYC5hsPOJhxb7sQ3Yf8xCtrB67jTvYbqu7PbMW4nP2R_bLcqrbhgECKFkpUqQFiRm3q-ty6tSF2yhXJq-ljdI_bqM_tWqj9DYSda33_iTXbaGc0m0QELnTJlOFbJ1yQ5RG1vX8EN19wW8cNbqQRrA8qzFyp-TeZp00WSEG_7la3mS9lQb6ElxoRSOh5ko0XW_pgxJmiOLIiPZGtdd40Wjrss4IZWXBL3rvKvvVNGz3bWevZQufoKqUjaglexq_JRoE4-k8NxLCmXBZLYWF0V-SpX_bu-rvLTAWnbb_0r8vd7juVOcjLYSqhywXnYcPp_xRSgC8jHFH8nGjatzkg0Z8DS_XS_zgWbXheYWHgCMHUdjMaVYWpc708o6j-efJ31fKySzXdS3MjzLgd9ZFV17XTx78v3igd8gmEPlRDnwe9byd__8WlC8xDA0wuL539X2tOjHQVWieMdWib_OKZp_0jtbL1cUcTrba-b4aWd2bXKZ0ValW0Me21LQ-j-lsSZM4zWwlwK6FlbKYpzQ2ZeJcyIK2A01wb0i1dNguSbQFPa8e0m090F6jOijXfV0Q83AD6YEa2WylmY593KQNIeINsfxeuYoC2YlzS-D5KD3WG7QH3cfW6wUCfHErQZlgOajdhE_kkGrE4TQJNkOduJZUGt1Qz6yn799W_PL7N2QGyAlr-6ZjAqVQ3_W1J9NpqAzOac4-XNJ5QjOkgT06EV1HnlKwJFpiyfnLqiY4s0Z9RQYW58kiWSAhs3Gg2YVvbiehuS0mhi-0q6SZUwm4YKQ3W_wdPSB48LLBEc6Gfbs4X8ZkXZEVckcX_B24bHXv6OyIdDmGAT7w6U56-GcfPv_2_uOn06ZI_bOytJd1DTZYxEJwCwB2BH-KDZVyD6-sJeVewcB2aDlITdbANeFLYSpSYLtKlrCKxCTIGR_BsUJZxMGXmWHT_VdMGCnqjEvmIGnvoHYsH5GDVQDbx8qyJyy7odALmWyoAU8Tju_jB8qFKV4xJ0xeSTd00qa0PgKstcoVmhXomRyxVmk06ib0CRxCBmUHZf5pdURSoIgRqM0FeM6HE1GoFDc-K6g2TrrciWLSYXMN_0thwpXlaXKgadiq-sRwBfBV7hO4h-Cm2J9Gg1DAruYUjFOlykNgIyCX9AAo-AJ9s2fobB5cviQr6xIsy2tuLjRDR6rYE6CU3-BgJDsXvy5hTOJEuN7OX3IqsDhFoTI7EN7IfXQBuNehWzmPY171hvuOxaMA6_GFkvDejnSasdONxOQsmMxwjbp-i4Rt6Ngzy-PlMAJsCd0NID5mQb7GXQgdSBQ7-Pyis0iTBQMdXMlE6cBsTtwlHMrYMwRxxhQXABV3cumL-J6FU4Ko6SG7lQTAr6tn9cST6HQcJFw1UHiMzs1-wtiKhl60x3O0xzB7IOKHD1cWvsQP7BbGKfR8iLaa_FxDPjsPAg4wyxjIMGaeuDBOSag-nJLojL4wTGjQZHtTIsiCSmWsA00w1R1G-Skyn02YMTo89iWaSKGMzLljWYtubbnlc9uTIOagW_nEiYeZ_-Bn6jsZw6uNYwU-NpDRWlAbb2bHGGYYkg7uM0gJjcuCpxOzhD8xnRmxPlTp-pwqKmQthhjSjd6JOgws4evSJ5rOQGSjbuTT6nq8YaD4R3B5Wpz4ucWbZeDmmBBiMtgw1PjYTwByez2PsBdMwPEywnwLC89jymFdGCnHK014yU9h9zhjOmAHCqXld9rqXuJhfVn5hQYNWqjCd2lfTFifxlUG9ArlNbXwsFkddhHWfb9lPmkk0Z3fVKdO6ve_wP8MyZ8mRNiCfmWDhc57Lphs7CVTg588PZzUUXqexNHhyGX9HkiOP378jwSEeSW83w_Z2rM5EqXvcPzKBIMficeVNyre-FYXHg3ro1vf_QU";

/// A model-2 link with two assumptions changed: the 2016 launch at 500 users for 2 days, with a median
/// reservation value of ¥15 and a 10 % chance per visit of starting to solicit once it pays.
const ASSUMING_LINK: &str = "s=1.7VfbbuM2EP2VgYAgNuDEl8TpVkYeFtmXfejuYx-KhUCLVMRGEgWSslcI8jn7I_tlPUNKiZM0CdoFChRYBIgtihyeOXPm4ttEONfVrdemcUl6m-Sm2Snrs1bZbKedDt9qXVUqSZeLxSyxyim7E3wgq5XUoskK1eDlerG4myW5tnmlYOqP2-RPoxu2KarK7MMKrEs93IVHkXtjMy1V47XvkzRxvuOH5O4L_mZJbaSy4So2Y9VOq70L0KTow-dycZN1AAR7axxoRA2cyZWo287RBy1snwCyaG50c40XtXFwyArtlOQXXYDKuOqa730b7LVqgAmmClULkMI439oaN87G9dyCNp8Jn1VKOFz6y3oR3na-_PsbmIvWuH-J78sdjnvdBk-l0FWf5aIN9GGVP0IAEdtCqYNwY6EWX-PL1WLBwa_1GG08RB7ZCekyb9hYknrbqTv25p8Hf19qr7LcVJWwP6qA39kWXQVbP3Xw_9KBQQFyYORHNfB5sPN2_P9bUr7McFGPC1f3UN9XuhU9XcXiOaNKdE1e0uST2dFqsbyYAmRjfKiriTOdzVVKV6VuBH1sCkOr8xmdLWjcThNXCqhr7pSS05SGokwcCyVp29NI94Z0Q4flkkQj6Xn2kGmqnvYG2UG56SpJrMMNdvdUq3qr7Lgc_CZjCR5viPfvtS8pip04tgSdD7uHfIP1aPvYBbtggA9uFSQTb45mN_ETMaQKfnhDgq-hVlwrKqypqWPV0_dvS375_RsiA-YeWlwK821XBTGdxszgmOaM4ZLO1zRBGBjRiWhbCpLCTaIh3jl92dRIZ1brr4jA_Hw9X88RkMnQ0Nw8FLeTWNzmo8LnxpfKTqkAXbiks1v8HxAQELx84UBnzdguzhczcl5mUu3ogr-Dl63pPJ0dkSkGN6AHXt2pQP_kw-ff3n_8dFrLNDxrR3tVVVCDgy8EWCCwJeCRGyrUHqicI-1f4cC1KDkIzcFUMCYpuOXxgCYIzBox4yUAk9rBDz7MChvPv3KFVaLKOGUOgvYOZof0ETlUBbKDr7z3hPduKNZCFhtyIMiE_fv4gXJh5SvXCZuXyvetcimtjkBrpXONYgV5ro_YqrIGeRPrBBaxB2kHY-FpeURKIInhqMsFdM6Lo1CoEDchKsg2DrraCTnacLkB_kLYeGRxuj6w1G91dWI5A_go1wmcg3Oj70-9gStQV30KxelC59GxgZBLeiAUeoG9yTN2Ng-QL8mpqoDK8oqLC01QkUpGApbyGywMYufkNwUuU1gRvnPTl0BFFadIVFYH3Bu0jyoAeC2qlQ885mVnue44PAqoHl9oHd-7QU4TBl0rdE7JYgY0arstArah46CswJdHC3AFbNeg-Jg38jGuQqhAQu6A-UWwCJODAj2gZKLwUDYH7hKAMkYGJ85Y4gKk4kyuQhLfq3AMENUd9m4VgfDr8lk-cSc6HRoJZw0MHqNyM05ctqS-E83xFOUx9h5sCc2HMwtfZg_qFtZr1HxsbQyFvoZ4toEELKCXMZGxzTyBMHRJmD7skqiMITFsLNDkOlvASUmFts5DJujqHq38FJHPRs6YHW77CkVEaqtyrljOoVo7Lvlc9hSE2ZtGPQHx0PMfcKahkjG9xno2EHyDGJ2DtPFmcoxmhibpAZ9JWtMwLAQ5sUr4E92ZGetilq7OqSSpKtHPsLs2O1HFhiVCXoZA0xmEbPWNeppdjycMJP9ALneLk9C3eLKM2hwCQiwGF5saL4cOQH5vpgnmgpE4HkZYb3HgeSw5jAuD5HikiS_5Kc4eZywH_h0WUivMtOX9jsOfcjzQoEALLUOVDsmE8WkYZSCvmF5jCY-T1WEVYdv3U-aTQpLchUl1rKRh_ov6zxD8sUPEKehXvlCavOOEyYZaMhb4Eelhp07S8_UsOWy5bD8Qyf7PHv-QwGYeCe_nw_gb9kkfSdJ3WH6lg93_vuWJiie-5UVgwwXvVnd_AQ";

/// The report digest of [`ASSUMING_LINK`] when run.
const ASSUMING_DIGEST: &str = "1f8842e38d5840b2";

#[test]
fn links_with_assumptions_keep_their_meaning() {
    let read = link::decode_with_notice(ASSUMING_LINK).unwrap();
    assert_eq!(read.notice("link"), None);
    let mut expected = compact_scenario();
    expected.assumptions.reservation_median_fen = 1_500;
    expected.assumptions.convert_per_visit_permille = 100;
    assert_eq!(read.scenario, expected);
    assert_eq!(report_digest(&run(&read.scenario)), ASSUMING_DIGEST);
    assert_eq!(link::encode(&expected).as_deref(), Ok(ASSUMING_LINK));
}

#[test]
fn the_app_still_writes_the_pinned_compact_link() {
    // If this fails but `compact_links_keep_their_meaning` passes, the encoder changed form (fine: update the
    // constant); the old link must still decode to the same scenario.
    assert_eq!(link::encode(&compact_scenario()).as_deref(), Ok(COMPACT_LINK_V2));
}

#[test]
fn defaults_are_pinned() {
    // Links drop fields at their defaults: a default that changes changes every link that relied on it.
    insta::assert_snapshot!(
        "default_scenario",
        backfire_engine::wire::scenario_to_json(&backfire_engine::Scenario::default())
    );
}
