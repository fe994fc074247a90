//! The last resort (出错页): should anything ever panic, the page is replaced by a plain message
//! in Chinese and English with a reload button, and the panic is logged to the console. Stored
//! drafts and files are not touched: every change was saved when it was made.
//!
//! With `panic = "abort"` the WebAssembly module cannot run again after a panic, so the page is
//! built here with plain DOM calls and the button is handled by `assets/recover.js`.

/// The page's message, in both languages at once: the module may die before a language is known.
pub const HEADING: &str = "出错了 · Something went wrong";
pub const MESSAGE_ZH: &str = "出错了：您填写的内容已保存在本机。请重新载入页面。";
pub const MESSAGE_EN: &str = "Something went wrong: what you entered is saved on this device. Please reload the page.";
pub const RELOAD: &str = "重新载入 · Reload";

/// Replaces the page on any panic. Through Yew: its renderer replaces any panic hook that was
/// not set with `yew::set_custom_panic_hook` by its own, which only logs.
pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| show(&info.to_string())));
}

/// Logs `detail` and puts the recovery page in place of the app (the `#app` element, which
/// holds the whole page; the body if there is none).
pub fn show(detail: &str) {
    web_sys::console::error_1(&format!("一表通 stopped: {detail}").into());
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let Some(body) = document.get_element_by_id("app").or_else(|| document.body().map(Into::into)) else { return };
    let element = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let (Some(main), Some(heading), Some(zh), Some(en), Some(button)) = (
        element("main", ""),
        element("h1", HEADING),
        element("p", MESSAGE_ZH),
        element("p", MESSAGE_EN),
        element("button", RELOAD),
    ) else {
        return;
    };
    let _ = main.set_attribute("class", "page crash-page");
    let _ = main.set_attribute("role", "alert");
    let _ = en.set_attribute("lang", "en");
    let _ = button.set_attribute("type", "button");
    let _ = button.set_attribute("class", "button");
    let _ = button.set_attribute("data-reload", "");
    for child in [&heading, &zh, &en, &button] {
        let _ = main.append_child(child);
    }
    body.set_text_content(None);
    let _ = body.append_child(&main);
    document.set_title(HEADING);
    if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
        let _ = button.focus();
    }
}
