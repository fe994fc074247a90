//! The application in progress on the home page: continue it, or delete it after a plain
//! confirmation in place (no pop-up), since deleting cannot be undone.

use yew::prelude::*;
use yibiao_core::session::Action;
use yibiao_core::Bundle;

use crate::i18n::Ui;
use crate::store::use_store;

#[derive(Properties, PartialEq)]
pub struct DraftPanelProps {
    pub bundle: Bundle,
}

#[component]
pub fn DraftPanel(props: &DraftPanelProps) -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let confirming = use_state(|| false);
    let question = use_node_ref();
    {
        // When the question appears, it takes focus so that it is read out.
        let question = question.clone();
        use_effect_with(*confirming, move |confirming| {
            if let (true, Some(element)) = (*confirming, question.cast::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }
    let open = {
        let (store, id) = (store.clone(), props.bundle.id.clone());
        Callback::from(move |_| store.dispatch(Action::OpenBundle(id.clone())))
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let discard = Callback::from(move |_| store.dispatch(Action::Discard));
    html! {
        <section class="panel draft-panel" aria-labelledby="draft-heading">
            <h2 id="draft-heading">{ Ui::DraftHeading.text(lang) }</h2>
            <p class="draft-name">{ props.bundle.name.get(lang) }</p>
            if *confirming {
                <p class="draft-question" ref={question} tabindex="-1">{ Ui::DiscardQuestion.text(lang) }</p>
                <div class="button-group">
                    <button type="button" class="button button-warning" onclick={discard}>{ Ui::DiscardConfirm.text(lang) }</button>
                    <button type="button" class="button button-secondary" onclick={keep}>{ Ui::DiscardKeep.text(lang) }</button>
                </div>
            } else {
                <p>{ Ui::DraftIntro.text(lang) }</p>
                <div class="button-group">
                    <button type="button" class="button" onclick={open}>{ Ui::ContinueDraft.text(lang) }</button>
                    <button type="button" class="button button-secondary" onclick={ask}>{ Ui::Discard.text(lang) }</button>
                </div>
            }
        </section>
    }
}
