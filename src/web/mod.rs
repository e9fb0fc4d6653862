//! The web page (wasm32 only): a yew app over the core.

/// Mount the app on the page.
pub fn start() {}
