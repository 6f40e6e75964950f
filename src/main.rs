//! Entry point of the browser app: mounts the root component on the page's body.

fn main() {
    yew::Renderer::<backfire_app::app::App>::new().render();
}
