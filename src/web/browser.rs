//! Small wrappers over browser APIs: timing, downloads, the clipboard, reading files,
//! scrolling to an element, PNG export of an SVG.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    fn svg_to_png(svg: &str, width: f64, height: f64, name: &str) -> js_sys::Promise;
    fn copy_fallback(text: &str) -> bool;
}

/// Milliseconds from `performance.now()` (0 when unavailable).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The browser's preferred language tag (`zh-CN`, `en-US` …).
pub fn browser_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Offer `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    if let Some(body) = doc.body() {
        body.append_child(&a)?;
        a.click();
        a.remove();
    } else {
        a.click();
    }
    // revoke later: the download may start asynchronously
    let cb = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 30_000);
    }
    Ok(())
}

/// Put `text` on the clipboard; resolves to whether it worked.
pub async fn copy_text(text: String) -> bool {
    if let Some(w) = web_sys::window() {
        let clip = w.navigator().clipboard();
        if wasm_bindgen_futures::JsFuture::from(clip.write_text(&text))
            .await
            .is_ok()
        {
            return true;
        }
    }
    copy_fallback(&text)
}

/// Render an SVG text to PNG and download it.
pub async fn download_png(svg: String, width: f64, height: f64, name: String) -> bool {
    matches!(wasm_bindgen_futures::JsFuture::from(svg_to_png(&svg, width, height, &name)).await, Ok(v) if v.as_bool() == Some(true))
}

/// The bytes of a picked or dropped file.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The files of a `FileList` as a vector.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let mut v = Vec::new();
    if let Some(list) = list {
        for i in 0..list.length() {
            if let Some(f) = list.get(i) {
                v.push(f);
            }
        }
    }
    v
}

/// Scroll the first element matching `selector` to the middle of its scroll container.
pub fn scroll_to(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(el) = el {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// The outer markup of the first element matching `selector`.
pub fn outer_html(selector: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()
        .map(|e| e.outer_html())
}

/// Show the "something went wrong" banner of index.html (used by the panic hook).
pub fn show_crash_banner() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("crash"))
    {
        let _ = el.remove_attribute("hidden");
    }
}

/// Focus the first element matching a CSS selector; `a || b` tries `a` first, then `b` (nothing
/// when none matches).
pub fn focus(selectors: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for sel in selectors.split("||") {
        let el = doc
            .query_selector(sel.trim())
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
            return;
        }
    }
}

/// The size of this wasm instance's memory in bytes (the end-to-end test's memory figure: the
/// texts and reports live there, not in the JS heap).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
