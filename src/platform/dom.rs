//! Small document operations: language, title, focus, and reading an input's value.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets `<html lang>` so that screen readers and fonts follow the chosen language.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = document().and_then(|document| document.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Marks the document with the text step (`elder elder-2` on `<html>`, none for the standard
/// version), which the style sheet's elder tokens follow.
pub fn set_text_step(step: u8) {
    if let Some(root) = document().and_then(|document| document.document_element()) {
        let class = match step {
            0 => String::new(),
            step => format!("elder elder-{step}"),
        };
        let _ = root.set_attribute("class", &class);
    }
}

/// Sets the window title.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the element with this id, if there is one; whether it did. A link
/// to a group of radio buttons (a choice, a material's ways) names its first one: focus goes to
/// the one chosen, as Tab would take it.
pub fn focus_by_id(id: &str) -> bool {
    let document = document();
    let mut element = document.as_ref().and_then(|document| document.get_element_by_id(id));
    let radio = element
        .as_ref()
        .and_then(|element| element.dyn_ref::<HtmlInputElement>())
        .filter(|input| input.type_() == "radio");
    if let (Some(radio), Some(document)) = (radio, document.as_ref()) {
        let selector = format!("input[type=radio][name=\"{}\"]:checked", radio.name().replace('"', ""));
        if let Some(chosen) = document.query_selector(&selector).ok().flatten() {
            element = Some(chosen);
        }
    }
    match element.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Clicks the element with this id (a hidden file input, opened by a button).
pub fn click_by_id(id: &str) {
    let element = document().and_then(|document| document.get_element_by_id(id));
    if let Some(element) = element.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        element.click();
    }
}

/// Calls `then` instead of the browser's move when Tab (without Shift) is pressed while focus
/// is on the page's heading, where each page puts it when it opens: so that the first Tab stop
/// of every page is the skip link before the heading, not what follows it.
pub fn on_tab_from_heading(then: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    let target: web_sys::EventTarget = document()?.into();
    Some(gloo_events::EventListener::new_with_options(&target, "keydown", options, move |event| {
        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        let on_heading = document()
            .and_then(|document| document.active_element())
            .is_some_and(|element| element.matches("main h1").unwrap_or(false));
        if key.key() == "Tab" && !key.shift_key() && on_heading {
            event.prevent_default();
            then();
        }
    }))
}

/// Moves keyboard focus to the heading of the page on screen.
pub fn focus_page_heading() {
    let heading = document().and_then(|document| document.query_selector("main h1").ok().flatten());
    if let Some(heading) = heading.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        let _ = heading.focus();
    }
}

thread_local! {
    static FOCUS_ON_OPEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Asks the next page to open with focus on the element with this id (a field or material a
/// link points at) rather than on its heading.
pub fn focus_on_open(id: String) {
    FOCUS_ON_OPEN.with(|slot| *slot.borrow_mut() = Some(id));
}

/// The element the page opening now should focus, asked for by [`focus_on_open`].
pub fn take_focus_on_open() -> Option<String> {
    FOCUS_ON_OPEN.with(|slot| slot.borrow_mut().take())
}

/// The current value of the input that fired an event (the one place events are decoded).
pub fn input_value(event: &web_sys::Event) -> String {
    event
        .target()
        .map(|target| match target.dyn_into::<HtmlInputElement>() {
            Ok(input) => input.value(),
            Err(other) => other.dyn_into::<HtmlTextAreaElement>().map(|area| area.value()).unwrap_or_default(),
        })
        .unwrap_or_default()
}

/// Removes the static "loading" text that index.html shows until the app starts.
pub fn remove_boot_message() {
    if let Some(element) = document().and_then(|document| document.get_element_by_id("boot")) {
        element.remove();
    }
}

/// Moves keyboard focus to the first element `selector` finds, if any.
pub fn focus_first(selector: &str) {
    let element = document().and_then(|document| document.query_selector(selector).ok().flatten());
    if let Some(element) = element.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Puts `text` in the page's `#app` element in place of everything in it (the loading line).
pub fn say_in_app(text: &str) {
    if let Some(app) = document().and_then(|document| document.get_element_by_id("app")) {
        app.set_text_content(Some(text));
    }
}

/// Reloads the page (after the catalog changes, everything starts from it again).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Opens the browser's print dialogue for the page (the print style sheet hides the rest).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Prints `html` (a whole document) without the app round it: in a hidden frame of its own
/// (replacing any earlier one) once it has loaded its style sheet; the frame goes once the
/// print dialogue closes, so nothing of it stays in the page.
pub fn print_document(html: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::{JsCast, JsValue};
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    if let Some(earlier) = document.get_element_by_id("print-frame") {
        earlier.remove();
    }
    let frame: web_sys::HtmlIFrameElement = document.create_element("iframe")?.dyn_into()?;
    frame.set_id("print-frame");
    frame.set_class_name("print-frame");
    frame.set_attribute("aria-hidden", "true")?;
    frame.set_attribute("tabindex", "-1")?;
    frame.set_srcdoc(html);
    let loaded = frame.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(window) = loaded.content_window() else { return };
        let done = loaded.clone();
        let on_after = wasm_bindgen::closure::Closure::once_into_js(move || done.remove());
        let _ = window.add_event_listener_with_callback("afterprint", on_after.unchecked_ref());
        let _ = window.print();
    });
    frame.set_onload(Some(on_load.unchecked_ref()));
    document.body().ok_or_else(|| JsValue::from_str("no body"))?.append_child(&frame)?;
    Ok(())
}

/// Moves keyboard focus to the element `node` holds; `false` when it holds none.
pub fn focus_node(node: &yew::NodeRef) -> bool {
    node.cast::<web_sys::HtmlElement>().is_some_and(|element| element.focus().is_ok())
}

/// The element with `id`, to mount the app in.
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

thread_local! {
    /// The listeners of `on_first_intent`, until one hears something.
    static INTENT: std::cell::RefCell<Vec<gloo_events::EventListener>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Calls `then` once, at the first sign that someone is using the page (the pointer moved or
/// pressed, a touch, a key, the wheel): work done in the background for what they may do next
/// waits for them, rather than for the page's load, which a page measured as it loads (and a
/// device that only shows it) never needs.
pub fn on_first_intent(then: impl FnOnce() + 'static) {
    let then = std::cell::RefCell::new(Some(then));
    let listeners = on_document(&["pointermove", "pointerdown", "touchstart", "keydown", "wheel"], move || {
        let first = then.borrow_mut().take();
        if let Some(first) = first {
            // Dropped after this call returns: a listener must not drop itself.
            crate::platform::tasks::spawn(async { INTENT.with(|cell| cell.borrow_mut().clear()) });
            first();
        }
    });
    INTENT.with(|cell| *cell.borrow_mut() = listeners);
}

/// Calls `then` on every event of the `kinds` on the document, for as long as the listeners
/// are kept.
pub fn on_document(kinds: &[&'static str], then: impl Fn() + 'static) -> Vec<gloo_events::EventListener> {
    let Some(document) = document() else { return Vec::new() };
    let then = std::rc::Rc::new(then);
    kinds
        .iter()
        .map(|kind| {
            let then = std::rc::Rc::clone(&then);
            gloo_events::EventListener::new(&document, *kind, move |_| then())
        })
        .collect()
}
