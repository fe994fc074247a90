//! One situation question per page (GOV.UK "one thing per page"): the question is the page's
//! heading, with its plain explanation, how far along the applicant is, and a back link.

use yew::prelude::*;
use yibiao_core::journey;
use yibiao_core::session::{Action, Page};
use yibiao_core::FieldId;

use crate::components::{field_dom_id, BackLink, ChoiceRow, ErrorSummary, SummaryError};
use crate::hooks::{use_page_heading, use_plan};
use crate::i18n::{self, Ui};
use crate::store::use_store;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub question: FieldId,
}

#[component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let catalog = &store.env.catalog;
    let label = catalog.field(&props.question).map(|field| field.label.get(lang).to_owned()).unwrap_or_default();
    let heading = use_page_heading(&label);
    let plan = use_plan();
    let (Some(application), Some(plan)) = (store.state.application(), plan) else {
        return html! {};
    };
    let Ok(plan) = plan.as_ref() else {
        return html! {};
    };
    let Some(position) = plan.questions.iter().position(|question| question.field.id == props.question) else {
        // The question is no longer asked (another answer removed it): on to the next page.
        return html! { <BackLink to={journey::first_page(plan)} label={Ui::Continue.text(lang)} /> };
    };
    let question = &plan.questions[position];
    let error = application
        .errors(catalog, plan, store.env.today)
        .into_iter()
        .find(|(field, _)| field == &props.question)
        .filter(|(field, error)| application.visible_error(error, field))
        .map(|(_, error)| AttrValue::from(error.message(&question.field, lang)));
    let summary: Vec<SummaryError> = match (&error, application.show_all_errors) {
        (Some(message), true) => {
            vec![SummaryError { target: AttrValue::from(field_dom_id(&props.question)), message: message.clone() }]
        }
        _ => Vec::new(),
    };
    let on_answer = {
        let store = store.clone();
        Callback::from(move |(field, value): (FieldId, String)| store.dispatch(Action::Answer { field, value }))
    };
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Continue);
        })
    };
    let back = journey::back_from(plan, &Page::Question(props.question.clone()));
    let back_label = if back == Page::Home { Ui::BackHome } else { Ui::Back };
    let bundle_name = catalog.bundle(&application.bundle).map(|bundle| bundle.name.get(lang).to_owned());
    html! {
        <>
            <BackLink to={back} label={back_label.text(lang)} />
            if !summary.is_empty() {
                <ErrorSummary errors={summary} attempt={store.state.failed_continues} />
            }
            <p class="caption">
                { bundle_name.unwrap_or_default() }{ " · " }{ i18n::question_progress(lang, position + 1, plan.questions.len()) }
            </p>
            <form class="question-form" novalidate=true {onsubmit}>
                <ChoiceRow
                    field={question.field.clone()}
                    value={AttrValue::from(application.answer(&props.question).to_owned())}
                    departments={Vec::<AttrValue>::new()}
                    {error}
                    {on_answer}
                    heading={heading}
                />
                <p class="hint">{ Ui::QuestionsMayChange.text(lang) }</p>
                <button type="submit" class="button button-large">{ Ui::Continue.text(lang) }</button>
            </form>
        </>
    }
}
