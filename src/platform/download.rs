//! Saving a generated file to the device, without any network.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `contents` for download as `file_name` with the given media type.
pub fn save_text(file_name: &str, media_type: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    save_blob(file_name, &web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?)
}

/// Offers `blob` for download as `file_name`.
pub fn save_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window.document().ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    // Free the file's memory once the browser has surely read it; revoking at once can cancel
    // the download in some browsers.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000)?;
    Ok(())
}
