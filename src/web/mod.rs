//! The web page (wasm32 only): a yew app over the core. Everything runs in the browser;
//! nothing is sent anywhere.

pub mod app;
pub mod browser;
pub mod components;
pub mod dedup;
pub mod edits;
pub mod entry;
pub mod exports;
pub mod files;
pub mod filters;
pub mod format;
pub mod genre;
pub mod i18n;
pub mod labels;
pub mod order;
pub mod paging;
pub mod sample;
pub mod storage;
pub mod tabs;
pub mod worker;

/// Log panics to the console and show the page's "something went wrong" banner (the texts
/// stay in localStorage, so a reload brings them back).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_crash_banner();
    }));
}

/// Mount the app on the page (`#app`, else `<body>`).
pub fn start() {
    install_panic_hook();
    let doc = web_sys::window().and_then(|w| w.document());
    let root = doc
        .as_ref()
        .and_then(|d| d.get_element_by_id("app"))
        .or_else(|| doc.as_ref().and_then(|d| d.body()).map(Into::into));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => web_sys::console::error_1(&"zhibiao: no element to mount on".into()),
    }
}
