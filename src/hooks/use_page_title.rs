//! The page's title: the scenario's own name, marked when it was changed from the preset it came from.

use crate::locale::{tr, Lang};
use yew::prelude::*;

/// "Alipay 2016 launch (modified) · Backfire": what a browser tab, a bookmark and a window list show.
pub fn page_title(lang: Lang, name: &str, modified: bool) -> String {
    let name = name.trim();
    let name = if name.is_empty() {
        tr!(lang, "Untitled scenario", "未命名场景")
    } else {
        name
    };
    let mark = if modified {
        tr!(lang, " (modified)", "（已修改）")
    } else {
        ""
    };
    format!("{name}{mark} · Backfire")
}

/// Keeps `document.title` in step with the scenario's name and modified marker.
#[hook]
pub fn use_page_title(lang: Lang, name: String, modified: bool) {
    use_effect_with((lang, name, modified), |(lang, name, modified)| {
        gloo::utils::document().set_title(&page_title(*lang, name, *modified));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_scenario() {
        assert_eq!(page_title(Lang::En, "Launch", false), "Launch · Backfire");
        assert_eq!(page_title(Lang::En, "Launch", true), "Launch (modified) · Backfire");
        assert_eq!(page_title(Lang::En, "  ", false), "Untitled scenario · Backfire");
        assert_eq!(page_title(Lang::Zh, "Launch", true), "Launch（已修改） · Backfire");
    }
}
