//! Reading aloud (语音播报) with the browser's own speech synthesis (the Web Speech API), on
//! the device: a text is sent nowhere. Only ever on the applicant's request.

use std::cell::Cell;

use wasm_bindgen::JsValue;

/// Why a text could not be read aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechProblem {
    /// The browser has no speech synthesis at all.
    Unsupported,
    /// The device has no voice for the language.
    NoVoice,
}

thread_local! {
    /// Whether to read slowly; for the page's life (like the text step on a kiosk).
    static SLOW: Cell<bool> = const { Cell::new(false) };
}

/// Whether texts are read slowly.
pub fn slow() -> bool {
    SLOW.with(Cell::get)
}

pub fn set_slow(slow: bool) {
    SLOW.with(|cell| cell.set(slow));
}

/// Reads `text` aloud in the language `tag` (`zh-CN`, `en`), after stopping whatever was being
/// read, with a voice of that language. The device's voices may still be loading when the
/// page has just opened: they are waited for, a little.
pub async fn speak(text: &str, tag: &str) -> Result<(), SpeechProblem> {
    let synthesis = web_sys::window().and_then(|window| window.speech_synthesis().ok());
    let synthesis = synthesis.ok_or(SpeechProblem::Unsupported)?;
    let language = tag.split('-').next().unwrap_or(tag);
    let mut voice = None;
    for _ in 0..6 {
        let voices = synthesis.get_voices();
        voice = voices.iter().find(|voice| {
            let lang = js_sys::Reflect::get(voice, &JsValue::from_str("lang")).ok().and_then(|lang| lang.as_string());
            lang.is_some_and(|lang| lang.replace('_', "-").split('-').next() == Some(language))
        });
        if voice.is_some() || voices.length() > 0 {
            break;
        }
        super::timers::after(250).await;
    }
    let voice = voice.ok_or(SpeechProblem::NoVoice)?;
    let utterance = web_sys::SpeechSynthesisUtterance::new_with_text(text).map_err(|_| SpeechProblem::Unsupported)?;
    utterance.set_lang(tag);
    utterance.set_rate(if slow() { 0.7 } else { 1.0 });
    // The voice found; the language alone chooses one where it cannot be set.
    let _ = js_sys::Reflect::set(&utterance, &JsValue::from_str("voice"), &voice);
    synthesis.cancel();
    synthesis.speak(&utterance);
    Ok(())
}
