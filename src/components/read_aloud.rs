//! The read-aloud button (语音播报) of the elder version: beside a question, a material, a
//! message or a reason, it reads that text in the page's language, at the pace chosen in the
//! header. Where the device cannot, it says so in words beside the button. Never automatic.
//!
//! A function, not a component (a component of its own costs the first load a copy of Yew's
//! machinery, issue 16): what the device last could not read, and why, is kept in the ambient
//! context, and said beside the button of that text.

use yew::prelude::*;

use crate::i18n::{read_aloud_label, SpeechUi};
use crate::platform::speech::{self, SpeechProblem};
use crate::store::Ambient;

/// The button that reads `text`; `what` names it in a few words for its accessible name (the
/// text itself when `None`). Nothing outside the elder version.
pub fn read_aloud(ambient: &Ambient, text: AttrValue, what: Option<AttrValue>) -> Html {
    let lang = ambient.lang;
    if ambient.elder == 0 {
        return Html::default();
    }
    let problem = ambient.speech.problem.as_ref().filter(|(failed, _)| *failed == text).map(|(_, problem)| *problem);
    let label = read_aloud_label(lang, what.as_deref().unwrap_or(&text));
    let onclick = {
        let speech = ambient.speech.clone();
        Callback::from(move |_| {
            let (text, speech) = (text.clone(), speech.clone());
            crate::platform::tasks::spawn(async move {
                let failed = speech::speak(&text, lang.tag()).await.err();
                if failed.is_some() || speech.problem.is_some() {
                    speech.update(|speech| {
                        speech.problem = failed.map(|problem| (text, problem));
                        true
                    });
                }
            });
        })
    };
    html! {
        <span class="read-aloud">
            <button type="button" class="button button-secondary button-small read-aloud-button" {onclick}
                aria-label={label}>
                { SpeechUi::ReadAloud.text(lang) }
            </button>
            if let Some(problem) = problem {
                <span class="read-aloud-problem" role="alert">
                    { match problem {
                        SpeechProblem::NoVoice => SpeechUi::NoVoice.text(lang),
                        SpeechProblem::Unsupported => SpeechUi::Unsupported.text(lang),
                    } }
                </span>
            }
        </span>
    }
}
