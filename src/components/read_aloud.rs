//! The read-aloud button (语音播报) of the elder version: beside a question, a material, a
//! message or a reason, it reads that text in the page's language, at the pace chosen in the
//! header. Where the device cannot, it says so in words beside the button. Never automatic.

use yew::prelude::*;

use crate::hooks::use_kept;

use crate::i18n::{read_aloud_label, SpeechUi};
use crate::platform::speech::{self, SpeechProblem};
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// What is read.
    pub text: AttrValue,
    /// What the button reads, in a few words, for its accessible name (the text itself when
    /// short).
    #[prop_or_default]
    pub what: Option<AttrValue>,
}

#[component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    let ambient = use_ambient();
    let lang = ambient.lang;
    let problem = use_kept(|| None::<SpeechProblem>);
    if ambient.elder == 0 {
        return Html::default();
    }
    let onclick = {
        let (text, problem) = (props.text.clone(), problem.clone());
        Callback::from(move |_| {
            let (text, problem) = (text.clone(), problem.clone());
            crate::platform::tasks::spawn(async move {
                problem.set(speech::speak(&text, lang.tag()).await.err());
            });
        })
    };
    let what = props.what.as_deref().unwrap_or(&props.text);
    html! {
        <span class="read-aloud">
            <button type="button" class="button button-secondary button-small read-aloud-button" {onclick}
                aria-label={read_aloud_label(lang, what)}>
                { SpeechUi::ReadAloud.text(lang) }
            </button>
            if let Some(problem) = *problem {
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
