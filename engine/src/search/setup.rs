//! A search as a link carries it: which search, and the settings it ran with (`search=redteam,runs:160,share:2.5,
//! seeds:2`). The app writes this part after the scenario's own `s=` and opens on it; the CLI reads it from the same
//! link, so `backfire redteam <link>` runs the search the link's result came from without any flag.
//!
//! A part that is not understood keeps its default and is reported as a [`SetupProblem`]: a link never fails to
//! open because one setting in it is bad.

use crate::lang::Lang;
use crate::report::PatternId;
use crate::words::{pick, whole_number_between};

/// Runs a red team or frontier makes when a link names no `runs`: ten batches, about 5 s of a launch-sized search
/// on two cores in a browser.
pub const LINK_RUNS: u32 = 160;
/// Morris trajectories when a link names no `trajectories`: enough to rank the assumptions, few enough to finish in
/// seconds.
pub const LINK_TRAJECTORIES: u32 = 4;
/// Fewest runs a search may be given: a search needs a second candidate to compare with the first.
pub const RUNS_MIN: u32 = 2;
/// Most runs a search may be given: beyond it a search takes minutes in a browser.
pub const RUNS_MAX: u32 = 10_000;
/// Most Morris trajectories (each costs a run per assumption and seed).
pub const TRAJECTORIES_MAX: u32 = 100;
/// Most seeds per candidate: more cost runs in proportion and tell little more.
pub const SEEDS_MAX: u32 = 10;
/// Smallest share of the population a red team may give its adversaries, in %: one decimal counts (‰).
pub const SHARE_PERCENT_MIN: f64 = 0.1;
/// Largest share, in %.
pub const SHARE_PERCENT_MAX: f64 = 100.0;

/// The three searches.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SearchKind {
    /// The worst adversaries within a budget (MAP-Elites).
    RedTeam,
    /// The Pareto frontier of harm against honest cost (NSGA-II).
    Frontier,
    /// The assumptions a verdict rests on (Morris screening).
    Robustness,
}

impl SearchKind {
    /// Every search, in the order of the app's tabs.
    pub const ALL: [SearchKind; 3] = [SearchKind::RedTeam, SearchKind::Frontier, SearchKind::Robustness];

    /// The id links, tests and the CLI's subcommands use.
    pub fn id(self) -> &'static str {
        match self {
            SearchKind::RedTeam => "redteam",
            SearchKind::Frontier => "frontier",
            SearchKind::Robustness => "robustness",
        }
    }

    /// The search with this id.
    pub fn from_id(id: &str) -> Option<SearchKind> {
        SearchKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// One setting a link may carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SetupKey {
    /// Runs the red team or frontier may make.
    Runs,
    /// Red team: most abusive accounts, in % of all accounts.
    Share,
    /// Seeds each candidate runs on.
    Seeds,
    /// Robustness: Morris trajectories.
    Trajectories,
    /// Frontier: the pattern whose harm is lowered (none: overall prevalence).
    Harm,
}

impl SetupKey {
    /// Every setting, in the order a link writes them.
    pub const ALL: [SetupKey; 5] = [
        SetupKey::Runs,
        SetupKey::Share,
        SetupKey::Seeds,
        SetupKey::Trajectories,
        SetupKey::Harm,
    ];

    /// The key in the link.
    pub fn id(self) -> &'static str {
        match self {
            SetupKey::Runs => "runs",
            SetupKey::Share => "share",
            SetupKey::Seeds => "seeds",
            SetupKey::Trajectories => "trajectories",
            SetupKey::Harm => "harm",
        }
    }

    /// What a value of this setting must be, for the sentence about a bad one (the bounds are the ones
    /// [`SearchSetup::set`] checks).
    pub fn wanted(self, lang: Lang) -> String {
        match self {
            SetupKey::Runs => whole_number_between(lang, RUNS_MIN, RUNS_MAX),
            SetupKey::Share => pick(lang, "a percentage from {lo} to {hi}", "{lo} 到 {hi} 之间的百分比")
                .replace("{lo}", &SHARE_PERCENT_MIN.to_string())
                .replace("{hi}", &SHARE_PERCENT_MAX.to_string()),
            SetupKey::Seeds => whole_number_between(lang, 1, SEEDS_MAX),
            SetupKey::Trajectories => whole_number_between(lang, 1, TRAJECTORIES_MAX),
            SetupKey::Harm => pick(
                lang,
                "a pattern id such as `solicitation`",
                "模式编号，例如 `solicitation`",
            )
            .to_string(),
        }
    }

    /// Whether `text` (trimmed) is a value of this setting. An empty seeds or harm stands for the search's own
    /// choice and is a value; an empty runs, share or trajectories is not.
    pub fn valid(self, text: &str) -> bool {
        SearchSetup::default().set(self, text)
    }
}

/// A whole number from a field, within `lo..=hi`, or `None` when it is not one.
pub fn whole(text: &str, lo: u32, hi: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| (lo..=hi).contains(n))
}

/// A percentage with at most one decimal that counts, as ‰ (`"3"` → 30, `"2.5"` → 25), or `None` outside
/// [`SHARE_PERCENT_MIN`]–[`SHARE_PERCENT_MAX`] %.
pub fn percent_as_permille(text: &str) -> Option<u32> {
    let v: f64 = text.trim().parse().ok()?;
    (SHARE_PERCENT_MIN..=SHARE_PERCENT_MAX)
        .contains(&v)
        .then(|| (v * 10.0).round() as u32)
}

/// A share in ‰ as a link and a form write it, in % (`25` → `"2.5"`).
pub fn permille_as_percent(permille: u32) -> String {
    format!("{}", f64::from(permille) / 10.0)
}

/// The search a link carries: which one, and each setting it names (`None`: not named, the reader's default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchSetup {
    /// The search (`None` when the link names none this build knows).
    pub kind: Option<SearchKind>,
    /// Runs of a red team or frontier.
    pub runs: Option<u32>,
    /// Red team: most abusive accounts, ‰ of all accounts.
    pub share_permille: Option<u32>,
    /// Seeds each candidate runs on.
    pub seeds: Option<u32>,
    /// Robustness: Morris trajectories.
    pub trajectories: Option<u32>,
    /// Frontier: the pattern whose harm is lowered.
    pub harm: Option<PatternId>,
}

/// A part of a link's `search=` value that was not understood; the part keeps its default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupProblem {
    /// The search named is not one of the three.
    Kind(String),
    /// A setting this build does not know.
    UnknownKey(String),
    /// A known setting with a value that is not one of it.
    BadValue(SetupKey, String),
}

impl SetupProblem {
    /// What is wrong, without what is done instead (the reader says that: the app and the CLI differ).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SetupProblem::Kind(kind) => pick(
                lang,
                "the link's search `{kind}` is not one of redteam, frontier, robustness",
                "链接中的搜索 `{kind}` 不是 redteam、frontier、robustness 之一",
            )
            .replace("{kind}", kind),
            SetupProblem::UnknownKey(key) => pick(
                lang,
                "the link's search setting `{key}` is not known",
                "链接中的搜索设置 `{key}` 无法识别",
            )
            .replace("{key}", key),
            SetupProblem::BadValue(key, value) => pick(
                lang,
                "the link's search setting `{key}` is `{value}`, not {wanted}",
                "链接中的搜索设置 `{key}` 为 `{value}`，不是{wanted}",
            )
            .replace("{key}", key.id())
            .replace("{value}", value)
            .replace("{wanted}", &key.wanted(lang)),
        }
    }
}

impl SearchSetup {
    /// Reads a `search=` value (without the key), with one problem per part not understood.
    pub fn read(text: &str) -> (SearchSetup, Vec<SetupProblem>) {
        let mut setup = SearchSetup::default();
        let mut problems = Vec::new();
        let mut parts = text.split(',');
        let kind = parts.next().unwrap_or_default();
        setup.kind = SearchKind::from_id(kind);
        if setup.kind.is_none() {
            problems.push(SetupProblem::Kind(kind.to_string()));
        }
        for item in parts {
            let (id, value) = item.split_once(':').unwrap_or((item, ""));
            let Some(key) = SetupKey::ALL.into_iter().find(|k| k.id() == id) else {
                problems.push(SetupProblem::UnknownKey(id.to_string()));
                continue;
            };
            if !setup.set(key, value) {
                problems.push(SetupProblem::BadValue(key, value.to_string()));
            }
        }
        (setup, problems)
    }

    /// Sets `key` from `text` (trimmed) when it is a value of it, and says whether it was: each setting's bounds
    /// are read here alone. An empty seeds or harm is a value, the search's own choice (`None`).
    pub fn set(&mut self, key: SetupKey, text: &str) -> bool {
        let text = text.trim();
        match key {
            SetupKey::Runs => whole(text, RUNS_MIN, RUNS_MAX).map(|n| self.runs = Some(n)).is_some(),
            SetupKey::Share => percent_as_permille(text)
                .map(|n| self.share_permille = Some(n))
                .is_some(),
            SetupKey::Trajectories => whole(text, 1, TRAJECTORIES_MAX)
                .map(|n| self.trajectories = Some(n))
                .is_some(),
            SetupKey::Seeds if text.is_empty() => {
                self.seeds = None;
                true
            }
            SetupKey::Seeds => whole(text, 1, SEEDS_MAX).map(|n| self.seeds = Some(n)).is_some(),
            SetupKey::Harm if text.is_empty() => {
                self.harm = None;
                true
            }
            SetupKey::Harm => PatternId::from_id(text).map(|p| self.harm = Some(p)).is_some(),
        }
    }

    /// The `search=` value of a fragment (a whole URL, `#…` or the fragment alone), when it has one.
    pub fn of_link(text: &str) -> Option<(SearchSetup, Vec<SetupProblem>)> {
        let text = text.trim();
        let fragment = text.split_once('#').map_or(text, |(_, f)| f);
        let value = fragment.split('&').find_map(|p| p.strip_prefix("search="))?;
        Some(SearchSetup::read(value))
    }

    /// The value a link carries: the kind (the red team when none), then each setting named, in [`SetupKey::ALL`]'s
    /// order. Only characters a fragment carries as they are.
    pub fn write(&self) -> String {
        let mut out = String::from(self.kind.unwrap_or(SearchKind::RedTeam).id());
        for key in SetupKey::ALL {
            let value = match key {
                SetupKey::Runs => self.runs.map(|n| n.to_string()),
                SetupKey::Share => self.share_permille.map(permille_as_percent),
                SetupKey::Seeds => self.seeds.map(|n| n.to_string()),
                SetupKey::Trajectories => self.trajectories.map(|n| n.to_string()),
                SetupKey::Harm => self.harm.map(|p| p.id().to_string()),
            };
            if let Some(v) = value {
                out.push_str(&format!(",{}:{v}", key.id()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_setting_is_told_the_bounds_it_is_checked_against() {
        let said = SetupProblem::BadValue(SetupKey::Runs, "1".into()).message(Lang::En);
        assert!(said.ends_with("not a whole number from 2 to 10,000"), "{said}");
        assert!(!SearchSetup::default().set(SetupKey::Runs, &(RUNS_MAX + 1).to_string()));
        assert!(SearchSetup::default().set(SetupKey::Runs, &RUNS_MAX.to_string()));
        let said = SetupProblem::BadValue(SetupKey::Trajectories, "0".into()).message(Lang::Zh);
        assert!(said.contains(&format!("1 到 {TRAJECTORIES_MAX} 之间的整数")), "{said}");
        let said = SetupProblem::BadValue(SetupKey::Share, "0".into()).message(Lang::En);
        assert!(said.ends_with("not a percentage from 0.1 to 100"), "{said}");
    }

    #[test]
    fn fields_are_read_within_their_bounds() {
        assert_eq!(percent_as_permille("3"), Some(30));
        assert_eq!(percent_as_permille(" 2.5 "), Some(25));
        assert_eq!(percent_as_permille("0"), None);
        assert_eq!(percent_as_permille("abc"), None);
        assert_eq!(whole("64", 2, 10_000), Some(64));
        assert_eq!(whole("1", 2, 10_000), None);
    }

    #[test]
    fn a_written_setup_reads_back_the_same() {
        let setup = SearchSetup {
            kind: Some(SearchKind::Frontier),
            runs: Some(32),
            share_permille: Some(25),
            seeds: Some(1),
            trajectories: Some(4),
            harm: Some(PatternId::Solicitation),
        };
        let text = setup.write();
        assert_eq!(
            text,
            "frontier,runs:32,share:2.5,seeds:1,trajectories:4,harm:solicitation"
        );
        assert_eq!(SearchSetup::read(&text), (setup, vec![]));
    }

    #[test]
    fn a_bad_part_keeps_its_default_and_says_why() {
        let (setup, problems) = SearchSetup::read("sideways,runs:1,share:2.5,colour:red,seeds:x");
        assert_eq!(setup.kind, None);
        assert_eq!(setup.runs, None);
        assert_eq!(setup.share_permille, Some(25));
        assert_eq!(setup.seeds, None);
        assert_eq!(problems.len(), 4);
        assert_eq!(
            problems[1].message(Lang::En),
            "the link's search setting `runs` is `1`, not a whole number from 2 to 10,000"
        );
        assert_eq!(problems[2].message(Lang::Zh), "链接中的搜索设置 `colour` 无法识别");
    }

    #[test]
    fn the_setup_is_found_in_a_whole_url_and_only_there() {
        let url = "https://example.org/backfire/#s=1.abc&b=1.def&search=robustness,trajectories:7";
        let (setup, problems) = SearchSetup::of_link(url).unwrap_or_default();
        assert_eq!(setup.kind, Some(SearchKind::Robustness));
        assert_eq!(setup.trajectories, Some(7));
        assert!(problems.is_empty());
        assert_eq!(SearchSetup::of_link("#s=1.abc&sweep=x"), None);
    }
}
