//! What a link shows besides the rules: the deck's slide (`&present=run`), the sweep (`&sweep=…`) and the
//! search (`&search=…`).
//!
//! These parts follow the scenario's own `s=` (and a comparison's `b=` and `runs=`) in the fragment. They
//! change what opens on screen, never what is simulated, so the engine's scenario link does not read them. The
//! CLI reads one: a search's settings (`backfire_engine::search::setup`), so that a search's link reproduces its
//! result there too. A part this build does not know is ignored, as the engine ignores unknown parts.

/// The parts of the fragment that say what is on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The deck's slide id (see `present::Slide::id`), when the link opens presenting.
    pub slide: Option<String>,
    /// The sweep's own encoding (see `sweep_panel`), when the link opens on a sweep.
    pub sweep: Option<String>,
    /// The Search view's settings (see `search_session::SearchSettings::link`), when the link opens on a search.
    pub search: Option<String>,
}

/// Longest value kept from a part: a longer one is not ours and is dropped rather than carried along.
const PART_MAX: usize = 400;

/// A value travels in a fragment as it is: only characters that need no escaping in one are kept.
fn fragment_safe(v: &str) -> bool {
    !v.is_empty() && v.len() <= PART_MAX && v.chars().all(|c| c.is_ascii_alphanumeric() || "._:,@~!-".contains(c))
}

impl Shown {
    /// Reads the parts from a fragment (with or without `#`); unknown or unsafe parts are ignored.
    pub fn read(fragment: &str) -> Shown {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let part = |key: &str| {
            fragment
                .split('&')
                .find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
                .filter(|v| fragment_safe(v))
                .map(str::to_string)
        };
        Shown {
            slide: part("present"),
            sweep: part("sweep"),
            search: part("search"),
        }
    }

    /// The parts to append after the scenario's payload, each starting with `&` (empty when nothing is shown).
    pub fn suffix(&self) -> String {
        let mut out = String::new();
        for (key, value) in [
            ("present", &self.slide),
            ("sweep", &self.sweep),
            ("search", &self.search),
        ] {
            if let Some(v) = value.as_deref().filter(|v| fragment_safe(v)) {
                out.push('&');
                out.push_str(key);
                out.push('=');
                out.push_str(v);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_round_trip_after_the_scenario() {
        let shown = Shown {
            slide: Some("money".into()),
            sweep: Some("tip_ceiling_yuan:1:200:8:log".into()),
            search: Some("redteam,runs:32,share:2.5".into()),
        };
        let fragment = format!("#s=1.abc&b=1.def&runs=10{}", shown.suffix());
        assert_eq!(Shown::read(&fragment), shown);
        assert_eq!(Shown::read("s=1.abc"), Shown::default());
        assert_eq!(Shown::default().suffix(), "");
    }

    #[test]
    fn unsafe_or_oversized_values_are_ignored() {
        assert_eq!(Shown::read("s=1.a&present=<script>").slide, None);
        assert_eq!(Shown::read("s=1.a&present=").slide, None);
        let long = "a".repeat(PART_MAX + 1);
        assert_eq!(Shown::read(&format!("s=1.a&sweep={long}")).sweep, None);
        let odd = Shown {
            slide: Some("a&b".into()),
            sweep: None,
            search: None,
        };
        assert_eq!(odd.suffix(), "", "a value that would break the fragment is not written");
    }
}
