//! A notice about the device (storage, an unreadable draft) that stays until dismissed.

use yew::prelude::*;

use crate::components::ReadAloud;
use crate::i18n::Ui;
use crate::notice::Notice;
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct NoticeBannerProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeBanner(props: &NoticeBannerProps) -> Html {
    let lang = use_ambient().lang;
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" role="alert">
            <p class="notice-text">
                <span class="notice-icon" aria-hidden="true">{ "!" }</span>
                { props.notice.message(lang) }
            </p>
            <ReadAloud text={props.notice.message(lang)} />
            <button type="button" class="button button-secondary" onclick={on_dismiss}>
                { Ui::Dismiss.text(lang) }
            </button>
        </div>
    }
}
