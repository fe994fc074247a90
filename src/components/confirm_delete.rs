//! Deleting for good, after a plain confirmation in place (no pop-up): when the delete button
//! of a panel is pressed, this question takes the place of its buttons, and focus, with "yes,
//! delete" and "no, keep". A render function and a hook rather than a component: each Yew
//! component costs bytes of the first load.

use yew::prelude::*;
use yibiao_core::Lang;

use crate::i18n::Ui;

/// The question, for the panel whose delete button was pressed.
pub fn confirm_delete(
    lang: Lang,
    question: &NodeRef,
    delete: Callback<MouseEvent>,
    keep: Callback<MouseEvent>,
) -> Html {
    html! {
        <>
            <p class="draft-question" ref={question.clone()} tabindex="-1">{ Ui::DiscardQuestion.text(lang) }</p>
            <div class="button-group">
                <button type="button" class="button button-warning" onclick={delete}>{ Ui::DiscardConfirm.text(lang) }</button>
                <button type="button" class="button button-secondary" onclick={keep}>{ Ui::DiscardKeep.text(lang) }</button>
            </div>
        </>
    }
}

/// After a deletion, once the page has been drawn again, focus goes to the heading of the list
/// the deleted thing was in (`list_heading`), or to the page's heading when the list went with
/// it: never lost to the page's body.
pub fn focus_after_delete(list_heading: &'static str) {
    crate::platform::tasks::spawn(async move {
        crate::platform::timers::after(0).await;
        if !crate::platform::dom::focus_by_id(list_heading) {
            crate::platform::dom::focus_page_heading();
        }
    });
}

/// The question's node: it takes focus when `asked` becomes true, so that it is read out.
#[hook]
pub fn use_question_focus(asked: bool) -> NodeRef {
    let question = use_node_ref();
    {
        let question = question.clone();
        crate::hooks::use_effect_on(asked, move |asked| {
            if *asked {
                crate::platform::dom::focus_node(&question);
            }
            None
        });
    }
    question
}
