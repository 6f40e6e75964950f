//! The page's title: the scenario's own name, marked when it was changed from the preset it came from.

use yew::prelude::*;

/// "Alipay 2016 launch (modified) · Backfire": what a browser tab, a bookmark and a window list show.
pub fn page_title(name: &str, modified: bool) -> String {
    let name = name.trim();
    let name = if name.is_empty() { "Untitled scenario" } else { name };
    format!("{name}{} · Backfire", if modified { " (modified)" } else { "" })
}

/// Keeps `document.title` in step with the scenario's name and modified marker.
#[hook]
pub fn use_page_title(name: String, modified: bool) {
    use_effect_with((name, modified), |(name, modified)| {
        gloo::utils::document().set_title(&page_title(name, *modified));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_scenario() {
        assert_eq!(page_title("Launch", false), "Launch · Backfire");
        assert_eq!(page_title("Launch", true), "Launch (modified) · Backfire");
        assert_eq!(page_title("  ", false), "Untitled scenario · Backfire");
    }
}
