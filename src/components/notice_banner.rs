//! A notice about the device (storage, an unreadable draft) that stays until dismissed.
//!
//! A function, not a component (a component of its own costs the first load a copy of Yew's
//! machinery, issue 16).

use yew::prelude::*;

use crate::components::read_aloud;
use crate::i18n::Ui;
use crate::notice::Notice;
use crate::store::Ambient;

/// The notice with its dismiss button.
pub fn notice_banner(ambient: &Ambient, notice: &Notice, on_dismiss: Callback<()>) -> Html {
    let lang = ambient.lang;
    let on_dismiss = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice notice-banner" role="alert">
            <p class="notice-text">
                <span class="notice-icon" aria-hidden="true">{ "!" }</span>
                { notice.message(lang) }
            </p>
            { read_aloud(ambient, notice.message(lang).into(), None) }
            <button type="button" class="button button-secondary" onclick={on_dismiss}>
                { Ui::Dismiss.text(lang) }
            </button>
        </div>
    }
}
