//! One section of the combined form (一表填报): its fields, each asked once with the
//! departments that use it, and the error summary after a failed "continue".

use yew::prelude::*;
use yibiao_core::catalog::FieldKind;
use yibiao_core::journey;
use yibiao_core::plan::shown_answer;
use yibiao_core::session::{Action, Page};
use yibiao_core::FieldId;

use crate::components::{field_dom_id, BackLink, ChoiceRow, ErrorSummary, FieldRow, SummaryError};
use crate::hooks::{use_page_heading, use_plan};
use crate::i18n::{self, Ui};
use crate::store::use_store;

#[derive(Properties, PartialEq)]
pub struct SectionPageProps {
    pub section: String,
}

#[component]
pub fn SectionPage(props: &SectionPageProps) -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let plan = use_plan();
    let title = plan
        .as_ref()
        .and_then(|plan| {
            plan.as_ref().as_ref().ok().and_then(|plan| {
                plan.sections.iter().find(|s| s.id == props.section).map(|s| s.title.get(lang).to_owned())
            })
        })
        .unwrap_or_default();
    let heading = use_page_heading(&title);
    let (Some(application), Some(plan)) = (store.state.application(), plan) else {
        return html! {};
    };
    let plan = match plan.as_ref() {
        Ok(plan) => plan,
        Err(error) => return html! { <p class="notice">{ error.message(lang) }</p> },
    };
    let today = store.env.today;
    let bundle_name = store.env.catalog.bundle(&application.bundle).map(|bundle| bundle.name.get(lang).to_owned());

    let Some(section) = plan.sections.iter().find(|section| section.id == props.section) else {
        // The section is no longer asked (a changed answer removed its fields).
        return html! { <BackLink to={Page::Tasks} label={Ui::FormHeading.text(lang)} /> };
    };
    let errors = journey::section_errors(&store.env.catalog, plan, &application.answers, &props.section, today);
    let message_for = |id: &FieldId| {
        errors.iter().find(|(field, _)| field == id).and_then(|(_, error)| {
            let field = store.env.catalog.field(id)?;
            application.visible_error(error, id).then(|| AttrValue::from(error.message(field, lang)))
        })
    };
    let summary: Vec<SummaryError> = if application.show_all_errors {
        errors
            .iter()
            .filter_map(|(field, _)| {
                message_for(field).map(|message| SummaryError { target: AttrValue::from(field_dom_id(field)), message })
            })
            .collect()
    } else {
        Vec::new()
    };
    let on_answer = {
        let store = store.clone();
        Callback::from(move |(field, value): (FieldId, String)| store.dispatch(Action::Answer { field, value }))
    };
    let on_leave = {
        let store = store.clone();
        Callback::from(move |field: FieldId| store.dispatch(Action::LeaveField(field)))
    };
    let onsubmit = {
        let store = store.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Continue);
        })
    };
    // Why a field is asked when an answer brought it in: its own condition, or the conditions
    // of every item asking it.
    let why = |planned: &yibiao_core::plan::PlannedField| -> Option<AttrValue> {
        let catalog = &store.env.catalog;
        let mut words = i18n::reason_words(catalog, &planned.reason, lang);
        let items: Vec<_> = planned.asked_by.iter().filter_map(|id| plan.item(id)).collect();
        if !items.is_empty() && items.iter().all(|item| item.reason.condition.is_some()) {
            for item in items {
                for word in i18n::reason_words(catalog, &item.reason, lang) {
                    if !words.contains(&word) {
                        words.push(word);
                    }
                }
            }
        }
        (!words.is_empty())
            .then(|| AttrValue::from(format!("{}{}", Ui::WhyNeeded.text(lang), i18n::because(lang, &words))))
    };
    let departments = |planned: &yibiao_core::plan::PlannedField| -> Vec<AttrValue> {
        plan.departments_of(planned).iter().map(|name| AttrValue::from(name.get(lang).to_owned())).collect()
    };
    html! {
        <>
            <BackLink to={Page::Tasks} label={Ui::FormHeading.text(lang)} />
            if !summary.is_empty() {
                <ErrorSummary errors={summary} attempt={store.state.failed_continues} />
            }
            if let Some(name) = bundle_name {
                <p class="caption">{ name }{ " · " }{ Ui::FormHeading.text(lang) }</p>
            }
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <form class="combined-form" novalidate=true {onsubmit}>
                for planned in section.fields.iter() {
                    if matches!(planned.field.kind, FieldKind::YesNo | FieldKind::OneOf | FieldKind::ManyOf) {
                        <ChoiceRow
                            key={planned.field.id.as_str().to_owned()}
                            field={planned.field.clone()}
                            value={AttrValue::from(shown_answer(&store.env.catalog, &application.answers, &planned.field, today))}
                            departments={departments(planned)}
                            why={why(planned)}
                            error={message_for(&planned.field.id)}
                            on_answer={on_answer.clone()}
                        />
                    } else {
                        <FieldRow
                            key={planned.field.id.as_str().to_owned()}
                            field={planned.field.clone()}
                            value={AttrValue::from(shown_answer(&store.env.catalog, &application.answers, &planned.field, today))}
                            departments={departments(planned)}
                            why={why(planned)}
                            error={message_for(&planned.field.id)}
                            on_answer={on_answer.clone()}
                            on_leave={on_leave.clone()}
                        />
                    }
                }
                <button type="submit" class="button button-large">{ Ui::Continue.text(lang) }</button>
            </form>
        </>
    }
}
