//! The two languages Backfire speaks, as plain data: the engine writes its sentences (rule summaries, exemplars,
//! Why, search findings) in either, and the interface chooses one from the link, a saved preference or the
//! browser. Reports never depend on it: the same run reads the same numbers in both.

/// A language of the interface and of the engine's sentences.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Lang {
    /// English (the engine's own language).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Both languages, in the switch's order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The id kept in the link (`&lang=zh`) and in localStorage.
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language with id `id`, if any.
    pub fn from_id(id: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The BCP 47 tag for `<html lang>`: screen readers and fonts choose by it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, as its switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// The language for a browser's preferred languages (`navigator.languages`): Chinese when the first is `zh*`.
    pub fn from_browser(preferred: &[String]) -> Lang {
        match preferred.first() {
            Some(first) if first.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }
}
