//! A deck slide as an image: the slide's own markup, laid out again at 1920×1080 inside an SVG
//! `<foreignObject>` with the page's stylesheets inlined, and a footer with the slide title, scenario, seed and
//! link drawn as plain SVG text; PNG by drawing that SVG onto a canvas at twice its size.
//!
//! Why the slide's markup rather than a drawing rebuilt from its parts: the image is then the slide itself
//! (tables, cards, bars, charts with their legends and units) with no second renderer to keep in step with
//! every slide. The SVG travels as a `data:` URL, which Chromium draws onto a canvas without tainting it (a
//! `blob:` URL holding a `<foreignObject>` taints it, and the PNG could not be read back).

use super::{png_from_svg, xml};
use crate::share::download;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The slide's size in the image, in CSS pixels: a 16:9 projector.
pub const SLIDE_W: f64 = 1920.0;
/// See [`SLIDE_W`].
pub const SLIDE_H: f64 = 1080.0;
/// Height of the footer strip under the slide (title, scenario, seed, link).
const FOOTER_H: f64 = 52.0;
/// Least zoom a slide's image shrinks its slide to: an image cannot scroll, so it goes further than the deck.
const IMAGE_FIT_MIN: f64 = 0.4;
/// Characters of the link the footer shows; the whole link is the footer's `href` and the image's description.
const LINK_SHOWN: usize = 72;

/// What the footer of a slide image says, and where the slide sits in the deck.
#[derive(Clone, Debug, PartialEq)]
pub struct SlideInfo {
    /// The slide's title ("The money").
    pub title: String,
    /// The slide's id (`money`), for the file name and the link.
    pub id: &'static str,
    /// The slide's place in the deck, from 1.
    pub number: usize,
    /// The scenario's name.
    pub scenario: String,
    /// The footer's seed words ("seed 2016" / "种子 2016").
    pub seed: String,
    /// The link that opens the deck on this slide.
    pub link: String,
}

/// The two image formats a slide saves as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// A vector file (the slide's markup inside `<foreignObject>`).
    Svg,
    /// A 3840×2160 bitmap.
    Png,
}

impl ImageFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}

/// The scenario's name as a file-name part: letters and digits (Chinese included) kept, lowercased, every
/// other run of characters one `-`; "scenario" when nothing is left.
pub fn file_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        String::from("scenario")
    } else {
        out.chars().take(60).collect()
    }
}

/// `backfire-<scenario>-<nn>-<slide>.<ext>`: sorted by name, the files come in deck order.
pub fn file_name(info: &SlideInfo, format: ImageFormat) -> String {
    format!(
        "backfire-{}-{:02}-{}.{}",
        file_slug(&info.scenario),
        info.number,
        info.id,
        format.extension()
    )
}

/// The page's link with the deck opened on `slide_id`: any `&present=` part is replaced.
pub fn slide_link(href: &str, slide_id: &str) -> String {
    let (page, fragment) = href.split_once('#').unwrap_or((href, ""));
    let kept: Vec<&str> = fragment
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("present="))
        .collect();
    if kept.is_empty() {
        format!("{page}#present={slide_id}")
    } else {
        format!("{page}#{}&present={slide_id}", kept.join("&"))
    }
}

/// The link as the footer prints it: whole when short, else its start and an ellipsis.
pub fn shown_link(link: &str) -> String {
    if link.chars().count() > LINK_SHOWN {
        format!("{}…", link.chars().take(LINK_SHOWN).collect::<String>())
    } else {
        link.to_string()
    }
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `XMLSerializer`: the slide's markup as well-formed XHTML, as `<foreignObject>` needs.
    #[wasm_bindgen(js_name = XMLSerializer)]
    type XmlSerializer;
    #[wasm_bindgen(constructor, js_class = "XMLSerializer")]
    fn new() -> XmlSerializer;
    #[wasm_bindgen(method, js_class = "XMLSerializer", js_name = serializeToString)]
    fn serialize_to_string(this: &XmlSerializer, node: &web_sys::Node) -> String;
}

/// A property of a JavaScript object, or `undefined`.
fn field(of: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(of, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The text of every style rule the page has loaded, except `@media` blocks: the image is laid out at
/// 1920×1080, the deck's widest layout, whatever the size of the window it is saved from.
fn page_css(document: &web_sys::Document) -> String {
    let mut css = String::new();
    for sheet in js_sys::Array::from(&field(document, "styleSheets")).iter() {
        // A sheet from another origin hides its rules (reading them throws): it has none for the deck.
        let Ok(rules) = js_sys::Reflect::get(&sheet, &JsValue::from_str("cssRules")) else {
            continue;
        };
        for rule in js_sys::Array::from(&rules).iter() {
            if !field(&rule, "media").is_undefined() {
                continue;
            }
            if let Some(text) = field(&rule, "cssText").as_string() {
                css.push_str(&text);
                css.push('\n');
            }
        }
    }
    css
}

/// The page's font stack as the browser resolved it (it follows the chosen language).
fn page_font(window: &web_sys::Window, document: &web_sys::Document) -> String {
    let style = document.body().and_then(|body| {
        field(window, "getComputedStyle")
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call1(window, &body)
            .ok()
    });
    style
        .and_then(|s| field(&s, "fontFamily").as_string())
        .unwrap_or_else(|| String::from("system-ui, sans-serif"))
}

/// The slide's box in the image (above the footer), and what the image leaves out of the slide: the playback
/// controls (the hour shown stays).
fn image_css(slide_h: f64) -> String {
    format!(
        ".export-slide {{ position: relative; inset: auto; width: {SLIDE_W}px; height: {slide_h}px; z-index: auto; }}
.export-slide .present-slide {{ overflow: hidden; flex: 1; }}
.export-slide .present-playback button, .export-slide .present-playback input, .export-slide .present-speed {{ display: none; }}"
    )
}

/// The zoom that fits the slide into the image and the width to lay it out at, measured in a hidden frame
/// 1920 pixels wide with the image's styles (measured in the window, a narrow window's layout would count).
fn fitted(document: &web_sys::Document, frame: &web_sys::Element, slide_h: f64) -> Option<(f64, f64)> {
    let iframe = document.create_element("iframe").ok()?;
    iframe
        .set_attribute(
            "style",
            &format!("position: fixed; left: -{SLIDE_W}px; top: 0; width: {SLIDE_W}px; height: {slide_h}px; border: 0; visibility: hidden"),
        )
        .ok()?;
    iframe.set_attribute("aria-hidden", "true").ok()?;
    let body = document.body()?;
    body.append_child(&iframe).ok()?;
    let measured = (|| {
        // A new frame holds an empty document at once, so it can be filled and measured without waiting. That
        // document belongs to the frame's own window, so `dyn_into` (an `instanceof` of this window's
        // `Document`) would refuse it: it is checked to be there, then taken as a document.
        let inner_doc = field(&iframe, "contentDocument");
        if inner_doc.is_null() || inner_doc.is_undefined() {
            return None;
        }
        let inner_doc: web_sys::Document = inner_doc.unchecked_into();
        let inner_body = inner_doc.body()?;
        inner_body.set_attribute("style", "margin: 0").ok()?;
        inner_body.set_inner_html(&frame.outer_html());
        let outer = inner_doc.query_selector(".present-slide").ok()??;
        let inner = inner_doc.query_selector(".present-fit").ok()??;
        crate::components::present::fit(&outer, &inner, IMAGE_FIT_MIN)
    })();
    let _ = body.remove_child(&iframe);
    measured
}

/// The standalone SVG of the slide on screen (`.present-fit`), or `None` when no slide is shown.
pub fn slide_svg(info: &SlideInfo, lang: crate::locale::Lang) -> Option<String> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let body = document.query_selector(".presentation .present-fit").ok()??;
    let copy: web_sys::Element = body.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    // The deck's shrink-to-fit zoom is for the window it was shown in, not for the image.
    copy.remove_attribute("style").ok()?;
    let font = page_font(&window, &document);
    let frame = document.create_element("div").ok()?;
    frame.set_class_name("presentation export-slide");
    frame.set_attribute("lang", lang.tag()).ok()?;
    frame.set_attribute("style", &format!("font-family: {font}")).ok()?;
    let style = document.create_element("style").ok()?;
    let slide_h = SLIDE_H - FOOTER_H;
    style.set_text_content(Some(&format!("{}\n{}", page_css(&document), image_css(slide_h))));
    let main = document.create_element("main").ok()?;
    main.set_class_name("present-slide");
    main.append_child(&copy).ok()?;
    frame.append_child(&style).ok()?;
    frame.append_child(&main).ok()?;
    if let Some((zoom, width)) = fitted(&document, &frame, slide_h).filter(|f| f.0 < 1.0) {
        copy.set_attribute("style", &crate::components::present::fit_style(zoom, width))
            .ok()?;
    }
    let markup = XmlSerializer::new().serialize_to_string(&frame);
    let footer = format!("{} · {} · {}", info.title, info.scenario, info.seed);
    let (w, h) = (SLIDE_W, SLIDE_H);
    let text_y = h - FOOTER_H / 2.0 + 8.0;
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{title}\">\
<title>{title}</title><desc>{link}</desc>\
<style>text{{font-family:{font_x};fill:#1c1f24}}</style><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
<foreignObject x=\"0\" y=\"0\" width=\"{w}\" height=\"{slide_h}\">{markup}</foreignObject>\
<rect x=\"0\" y=\"{slide_h}\" width=\"{w}\" height=\"{FOOTER_H}\" fill=\"#f5f5f4\"/>\
<text x=\"64\" y=\"{text_y}\" font-size=\"22\" font-weight=\"700\" data-testid=\"slide-footer\">{footer_x}</text>\
<a href=\"{link}\" xlink:href=\"{link}\"><text x=\"{link_x}\" y=\"{text_y}\" font-size=\"20\" text-anchor=\"end\" fill=\"#57534e\" data-testid=\"slide-link\">{shown}</text></a></svg>",
        title = xml(&info.title),
        link = xml(&info.link),
        font_x = xml(&font),
        footer_x = xml(&footer),
        link_x = w - 64.0,
        shown = xml(&shown_link(&info.link)),
    ))
}

/// Saves the slide on screen as an SVG or a PNG file named by [`file_name`].
pub fn save_slide(info: &SlideInfo, lang: crate::locale::Lang, format: ImageFormat) {
    let Some(svg) = slide_svg(info, lang) else { return };
    let name = file_name(info, format);
    match format {
        ImageFormat::Svg => download(&name, "image/svg+xml", &svg),
        ImageFormat::Png => png_from_svg(&svg, SLIDE_W, SLIDE_H, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(scenario: &str) -> SlideInfo {
        SlideInfo {
            title: "The money".into(),
            id: "money",
            number: 4,
            scenario: scenario.into(),
            seed: "seed 7".into(),
            link: String::new(),
        }
    }

    #[test]
    fn files_are_named_by_scenario_place_and_slide() {
        assert_eq!(
            file_name(&info("Alipay circles, 2016 (timeline)"), ImageFormat::Png),
            "backfire-alipay-circles-2016-timeline-04-money.png"
        );
        assert_eq!(
            file_name(&info("圈子 2016"), ImageFormat::Svg),
            "backfire-圈子-2016-04-money.svg"
        );
        assert_eq!(
            file_name(&info("—"), ImageFormat::Png),
            "backfire-scenario-04-money.png"
        );
    }

    #[test]
    fn a_slide_link_opens_that_slide() {
        assert_eq!(
            slide_link("https://x.org/b/#s=1.abc&present=rules", "money"),
            "https://x.org/b/#s=1.abc&present=money"
        );
        assert_eq!(
            slide_link("https://x.org/b/#s=1.abc", "run"),
            "https://x.org/b/#s=1.abc&present=run"
        );
        let long = format!("https://x.org/#s=1.{}", "a".repeat(200));
        assert_eq!(shown_link(&long).chars().count(), LINK_SHOWN + 1);
        assert!(shown_link(&long).ends_with('…'));
    }
}
