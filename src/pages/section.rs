//! One section of the combined form (一表填报): its fields, each asked once with the
//! departments that use it; the frame adds the error summary after a failed "continue".

use yew::prelude::*;
use yibiao_core::plan::{shown_answer, PlannedField};
use yibiao_core::session::Action;
use yibiao_core::FieldId;

use crate::components::AnswerRow;
use crate::i18n::{self, Ui};
use crate::pages::frame::{shown_error, Body};

/// The section's page body: its fields; in the elder version one of them, `one`: its index,
/// and whether the applicant tried to go on from it (then its error shows, "required" too).
pub fn section_body(body: &Body<'_>, section: &str, one: Option<(usize, bool)>) -> Html {
    let Body { draft, view, ambient } = body;
    let (lang, today) = (ambient.lang, ambient.today());
    let catalog = &ambient.env.in_use.catalog;
    let plan = view.plan();
    let Some(section) = plan.sections.iter().find(|planned| planned.id == section) else {
        return html! {};
    };
    let on_answer = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |(field, value): (FieldId, String)| dispatch.send(Action::Answer { field, value }))
    };
    let on_leave = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |field: FieldId| dispatch.send(Action::LeaveField(field)))
    };
    // Why a field is asked when an answer brought it in: its own condition, or the conditions
    // of every item asking it.
    let why = |planned: &PlannedField| -> Option<AttrValue> {
        let mut words = i18n::reason_words(catalog, &planned.reason, lang);
        let items: Vec<_> = planned.asked_by.iter().filter_map(|id| plan.item(id)).collect();
        if !items.is_empty() && items.iter().all(|item| item.reason.condition.is_some()) {
            for item in items {
                i18n::add_reason_words(&mut words, catalog, &item.reason, lang);
            }
        }
        (!words.is_empty())
            .then(|| AttrValue::from(format!("{}{}", Ui::WhyNeeded.text(lang), i18n::because(lang, &words))))
    };
    let departments = |planned: &PlannedField| -> Vec<AttrValue> {
        plan.departments_of(planned).iter().map(|name| AttrValue::from(name.get(lang).to_owned())).collect()
    };
    let error = |planned: &PlannedField| match one {
        Some((_, true)) => view.error(&planned.field.id).and_then(|error| {
            catalog.field(&planned.field.id).map(|definition| AttrValue::from(error.message(definition, lang)))
        }),
        _ => shown_error(catalog, draft, view, &planned.field.id, lang),
    };
    let shown = |index: usize| one.is_none_or(|(only, _)| only == index);
    html! {
        for planned in section.fields.iter().enumerate().filter(|(index, _)| shown(*index)).map(|(_, planned)| planned) {
            <AnswerRow
                key={planned.field.id.as_str().to_owned()}
                field={planned.field.clone()}
                value={AttrValue::from(shown_answer(catalog, &draft.answers, &planned.field, today))}
                departments={departments(planned)}
                why={why(planned)}
                error={error(planned)}
                on_answer={on_answer.clone()}
                on_leave={Some(on_leave.clone())}
            />
        }
    }
}
