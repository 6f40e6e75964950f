//! The engine's sentences in both languages: exemplars, lever changes and Why sentences read the same in English
//! as the report has always written them, and the Chinese carries no English beyond the names a designer typed.

use backfire_engine::exemplar::sentence;
use backfire_engine::explain::{explain_with, sentence_in, ExplainOptions};
use backfire_engine::lang::Lang;
use backfire_engine::lever::{change_words, levers};
use backfire_engine::{presets, run, Scenario};

/// Every preset, small and short so the runs stay quick in a debug build (three days: a ban and a return fit).
fn small_presets() -> Vec<Scenario> {
    presets::all()
        .into_iter()
        .map(|p| {
            let mut s = p.scenario;
            s.population.n_users = 3_000;
            s.days = 3;
            s
        })
        .collect()
}

/// The first run of ASCII letters left in a Chinese sentence once the circle names (typed by the designer, and
/// kept as typed) of the scenario and of `more` are taken out; `None` when there is none.
fn english_in(text: &str, s: &Scenario, more: Option<&str>) -> Option<String> {
    let mut rest = text.to_string();
    for name in s.circles.iter().map(|c| c.name.as_str()).chain(more) {
        rest = rest.replace(name, "");
    }
    let run: String = rest
        .chars()
        .skip_while(|ch| !ch.is_ascii_alphabetic())
        .take_while(char::is_ascii_alphabetic)
        .collect();
    (!run.is_empty()).then_some(run)
}

#[test]
fn the_checker_finds_english_and_spares_circle_names() {
    let s = presets::by_id("alipay-circles-2016").expect("preset").scenario;
    let name = s.circles.first().map(|c| c.name.clone()).unwrap_or_default();
    assert_eq!(english_in(&format!("在「{name}」发帖"), &s, None), None);
    assert_eq!(
        english_in("第 3 小时：用户 #12 posted", &s, None).as_deref(),
        Some("posted")
    );
}

#[test]
fn exemplars_read_the_same_in_english_and_have_no_english_in_chinese() {
    let mut kinds = std::collections::BTreeSet::new();
    for s in small_presets() {
        for seed in [1, 2] {
            let mut t = s.clone();
            t.seed = seed;
            let r = run(&t);
            for p in &r.patterns {
                let english: Vec<String> = p.exemplar_facts.iter().map(|e| sentence(Lang::En, e)).collect();
                assert_eq!(english, p.exemplars, "{:?}", p.id);
                for e in &p.exemplar_facts {
                    let zh = sentence(Lang::Zh, e);
                    // A timeline may add circles during the run: the exemplar names its own.
                    let own = e.circle.as_ref().map(|c| c.name.as_str());
                    assert_eq!(english_in(&zh, &t, own), None, "{zh}");
                    kinds.insert(format!("{:?}", e.deed).split([' ', '{']).next().map(String::from));
                }
            }
        }
    }
    // Every kind of deed is written at least once, so the check above saw each Chinese sentence.
    assert_eq!(kinds.len(), 10, "{kinds:?}");
}

#[test]
fn lever_changes_read_the_same_in_english_and_have_no_english_in_chinese() {
    for s in small_presets() {
        for lever in levers(&s) {
            assert_eq!(
                change_words(Lang::En, &s, &lever.id).as_deref(),
                Some(lever.change.as_str())
            );
            let zh = change_words(Lang::Zh, &s, &lever.id).expect("every lever has words");
            assert_eq!(english_in(&zh, &s, None), None, "{zh}");
        }
    }
    let s = Scenario::default();
    assert_eq!(change_words(Lang::Zh, &s, "circle.99.tips.off"), None);
    assert_eq!(change_words(Lang::Zh, &s, "no.such.lever"), None);
}

#[test]
fn why_sentences_read_the_same_in_english_and_have_no_english_in_chinese() {
    let mut s = presets::by_id("alipay-circles-2016").expect("preset").scenario;
    s.days = 2;
    let e = explain_with(
        &s,
        &ExplainOptions {
            users: Some(1_000),
            runs: 1,
        },
    );
    let suggestions: Vec<_> = e.patterns.iter().flat_map(|p| &p.suggestions).collect();
    assert!(!suggestions.is_empty());
    for sg in suggestions {
        assert_eq!(sentence_in(Lang::En, &s, sg), sg.sentence);
        let zh = sentence_in(Lang::Zh, &s, sg);
        assert_eq!(english_in(&zh, &s, None), None, "{zh}");
    }
}

#[test]
fn red_team_sentences_read_the_same_in_english_and_have_no_english_in_chinese() {
    use backfire_engine::search::redteam::{Adversary, ABUSERS, EVASIONS};
    let s = Scenario::default();
    let mut adversaries: Vec<Adversary> = small_presets().iter().map(Adversary::of).collect();
    // Each strategy dominant, alone and with each evasion beside it.
    for lead in 0..ABUSERS.len() {
        for evasion in std::iter::once(None).chain(EVASIONS.iter().map(Some)) {
            let mut a = Adversary::of(&s);
            a.permille = vec![0; ABUSERS.len()];
            a.permille[lead] = 30;
            if let Some((archetype, _)) = evasion {
                let k = ABUSERS
                    .iter()
                    .position(|(b, _)| b == archetype)
                    .expect("an evasion is an abuser");
                a.permille[k] += 20;
            }
            adversaries.push(a);
        }
    }
    let mut evading = 0;
    for a in &adversaries {
        assert_eq!(a.sentence_in(Lang::En), a.sentence());
        let zh = a.sentence_in(Lang::Zh);
        assert_eq!(english_in(&zh, &s, None), None, "{zh}");
        evading += usize::from(zh.contains("规避"));
    }
    assert!(evading > 0, "some adversary evades, so its words were checked");
}
