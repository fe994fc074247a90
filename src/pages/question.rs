//! One situation question per page (GOV.UK "one thing per page"): the question is the page's
//! heading, with its plain explanation; the frame adds how far along the applicant is and the
//! back link.

use yew::prelude::*;
use yibiao_core::session::Action;
use yibiao_core::FieldId;

use crate::components::AnswerRow;
use crate::i18n::Ui;
use crate::pages::frame::{shown_error, Body};

/// The question's page body; `heading` goes on its legend's `h1`.
pub fn question_body(body: &Body<'_>, question: &FieldId, heading: NodeRef) -> Html {
    let Body { draft, view, ambient } = body;
    let lang = ambient.lang;
    let Some(planned) = view.plan().questions.iter().find(|q| &q.field.id == question) else {
        return html! {};
    };
    let error = shown_error(&ambient.env.in_use.catalog, draft, view, question, lang);
    let on_answer = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |(field, value): (FieldId, String)| dispatch.send(Action::Answer { field, value }))
    };
    html! {
        <>
            <AnswerRow
                field={planned.field.clone()}
                value={AttrValue::from(draft.answer(question).to_owned())}
                {error}
                {on_answer}
                heading={Some(heading)}
            />
            <p class="hint">{ Ui::QuestionsMayChange.text(lang) }</p>
        </>
    }
}
