//! One answer of the form (一栏): its label or legend, its hint (the plain explanation, which
//! departments use it, why it is asked), its error message (announced politely, linked with
//! `aria-describedby`), and the control its kind takes: a text input or text area, a date
//! input, radio buttons for yes/no and one of several, checkboxes for several of several (the
//! GOV.UK text input, radios and checkboxes patterns). One component and one props type for
//! every kind, so that every answer shows its hint alike.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::catalog::{Bound, FieldKind};
use yibiao_core::validate::{toggle_choice, NO, YES};
use yibiao_core::{Date, Field, FieldId, Lang};

use crate::components::{error_message, field_dom_id, read_aloud};
use crate::i18n::{HelperUi, Ui};
use crate::platform::dom;
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct AnswerRowProps {
    /// The catalog's definition, shared (compared by pointer first).
    pub field: Rc<Field>,
    pub value: AttrValue,
    /// Department names that use this answer (none for a situation question).
    #[prop_or_default]
    pub departments: Vec<AttrValue>,
    /// The message to show now, if any.
    pub error: Option<AttrValue>,
    /// Why it is asked, when an answer brought it in.
    #[prop_or_default]
    pub why: Option<AttrValue>,
    pub on_answer: Callback<(FieldId, String)>,
    /// Told when the applicant leaves a typed answer (its unfinished-value errors may show).
    #[prop_or_default]
    pub on_leave: Option<Callback<FieldId>>,
    /// On a page that asks only this question, the question is the page's heading (GOV.UK):
    /// the legend holds the `h1`, which takes this ref for focus on arrival.
    #[prop_or_default]
    pub heading: Option<NodeRef>,
}

/// Whether a field is answered by choosing rather than typing.
fn is_choice(kind: FieldKind) -> bool {
    matches!(kind, FieldKind::YesNo | FieldKind::OneOf | FieldKind::ManyOf)
}

/// The section whose fields are the applicant's own (the person at the device).
const APPLICANTS_OWN: &str = "applicant";

/// Input attributes that suit each kind of field: `(type, inputmode, autocomplete, width class)`.
fn input_traits(kind: FieldKind) -> (&'static str, &'static str, &'static str, &'static str) {
    match kind {
        FieldKind::IdNumber | FieldKind::CreditCode => ("text", "text", "off", "input-width-20"),
        FieldKind::Mobile => ("tel", "numeric", "tel", "input-width-12"),
        FieldKind::Landline => ("tel", "tel", "tel", "input-width-12"),
        FieldKind::Postcode => ("text", "numeric", "postal-code", "input-width-12"),
        FieldKind::Email => ("email", "email", "email", ""),
        FieldKind::BankCard => ("text", "numeric", "off", "input-width-20"),
        FieldKind::PersonName => ("text", "text", "name", "input-width-12"),
        FieldKind::Address => ("text", "text", "street-address", ""),
        FieldKind::Integer => ("text", "numeric", "off", "input-width-12"),
        FieldKind::Decimal | FieldKind::Money => ("text", "decimal", "off", "input-width-12"),
        // Typed or picked: the browser's date input, whose value is the ISO date the core reads.
        FieldKind::Date => ("date", "numeric", "off", "input-width-12"),
        _ => ("text", "text", "off", ""),
    }
}

/// A date limit as the date input's `min` or `max` attribute.
fn date_bound(bound: Option<Bound>, today: Date) -> Option<AttrValue> {
    match bound? {
        Bound::Date(date) => Some(AttrValue::from(date.to_string())),
        Bound::Today => Some(AttrValue::from(today.to_string())),
        Bound::Number(_) => None,
    }
}

/// The choices of a field: (stored value, label).
fn choices(field: &Field, lang: Lang) -> Vec<(String, String)> {
    match field.kind {
        FieldKind::YesNo => {
            vec![(YES.to_owned(), Ui::Yes.text(lang).to_owned()), (NO.to_owned(), Ui::No.text(lang).to_owned())]
        }
        _ => field.options.iter().map(|option| (option.value.clone(), option.label.get(lang).to_owned())).collect(),
    }
}

#[component]
pub fn AnswerRow(props: &AnswerRowProps) -> Html {
    let ambient = use_ambient();
    let (lang, today) = (ambient.lang, ambient.today());
    let field = &props.field;
    let base_id = field_dom_id(&field.id);
    let hint_id = format!("{base_id}-hint");
    let error_id = format!("{base_id}-error");
    let described_by = if props.error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    let departments: Vec<&str> = props.departments.iter().map(AttrValue::as_str).collect();
    let choice_kind = is_choice(field.kind);
    // What the read-aloud button reads (长辈版): the question and its plain explanation.
    let mut spoken = field.label.get(lang).to_owned();
    for words in [field.help.as_ref(), field.plain.as_ref()].into_iter().flatten() {
        spoken = format!("{spoken}{}{}", Ui::Colon.text(lang), words.get(lang));
    }
    let hint = html! {
        <>
        <div class="hint" id={hint_id}>
            if let Some(help) = field.help.as_ref().or(field.plain.as_ref()) {
                <p>{ help.get(lang) }</p>
            }
            if field.kind == FieldKind::ManyOf {
                <p>{ Ui::ChooseAllThatApply.text(lang) }</p>
            }
            if !departments.is_empty() {
                <p class="used-by">{ Ui::UsedBy.text(lang) }{ departments.join(Ui::ListSeparator.text(lang)) }</p>
            }
            if let Some(why) = props.why.clone() {
                <p class="why">{ why }</p>
            }
            // For someone helping (帮办): the question in the plainest words, to read out; in
            // the elder version, those words in full beside the explanation (长辈版).
            if let Some(plain) = field.plain.as_ref().filter(|_| ambient.helper.is_some()) {
                <p class="helper-note">{ HelperUi::ReadOut.text(lang) }{ plain.get(lang) }</p>
            } else if let Some(plain) = field.plain.as_ref().filter(|_| ambient.elder > 0 && field.help.is_some()) {
                <p class="plain">{ plain.get(lang) }</p>
            }
        </div>
        { read_aloud(&ambient, spoken.into(), Some(AttrValue::from(field.label.get(lang).to_owned()))) }
        </>
    };
    let error = error_message(&ambient, AttrValue::from(error_id), props.error.clone());
    let group = classes!("form-group", props.error.is_some().then_some("form-group-error"));
    if choice_kind {
        return html! {
            <div class={group}>
                <fieldset class="choice" aria-describedby={described_by}>
                    if let Some(heading) = props.heading.clone() {
                        <legend class="legend-heading">
                            <h1 ref={heading} tabindex="-1">{ field.label.get(lang) }</h1>
                        </legend>
                    } else {
                        <legend class="label">{ field.label.get(lang) }</legend>
                    }
                    { hint }
                    { error }
                    <div class="radios">
                        for (index, (value, label)) in choices(field, lang).into_iter().enumerate() {
                            { choice(props, &base_id, index, value, label) }
                        }
                    </div>
                </fieldset>
            </div>
        };
    }
    let (input_type, input_mode, autocomplete, width) = input_traits(field.kind);
    // The browser fills in the device owner's name, telephone, email and address: only the
    // applicant's own fields may ask for them, never a mother's, an agent's or a company's.
    let autocomplete = if field.section() == APPLICANTS_OWN { autocomplete } else { "off" };
    let oninput = {
        let (id, on_answer) = (field.id.clone(), props.on_answer.clone());
        Callback::from(move |event: InputEvent| on_answer.emit((id.clone(), dom::input_value(&event))))
    };
    let onblur = {
        let (id, on_leave) = (field.id.clone(), props.on_leave.clone());
        Callback::from(move |_: FocusEvent| {
            if let Some(on_leave) = &on_leave {
                on_leave.emit(id.clone());
            }
        })
    };
    let invalid = if props.error.is_some() { "true" } else { "false" };
    html! {
        <div class={group}>
            <label class="label" for={base_id.clone()}>{ field.label.get(lang) }</label>
            { hint }
            { error }
            if field.kind == FieldKind::LongText {
                <textarea
                    class="textarea"
                    id={base_id}
                    data-kind={field.kind.word()}
                    name={field.id.as_str().to_owned()}
                    rows="4"
                    value={props.value.clone()}
                    aria-invalid={invalid}
                    aria-describedby={described_by}
                    {oninput}
                    {onblur}
                />
            } else {
                <input
                    class={classes!("input", width)}
                    id={base_id}
                    data-kind={field.kind.word()}
                    name={field.id.as_str().to_owned()}
                    type={input_type}
                    inputmode={input_mode}
                    autocomplete={autocomplete}
                    spellcheck="false"
                    readonly={field.derived.as_ref().is_some_and(|derived| !derived.editable)}
                    min={date_bound(field.constraints.min, today)}
                    max={date_bound(field.constraints.max, today)}
                    value={props.value.clone()}
                    aria-invalid={invalid}
                    aria-describedby={described_by}
                    {oninput}
                    {onblur}
                />
            }
        </div>
    }
}

fn choice(props: &AnswerRowProps, base_id: &str, index: usize, value: String, label: String) -> Html {
    // The first input carries the field's id, so the error summary can move focus to it.
    let id = if index == 0 { base_id.to_owned() } else { format!("{base_id}-{index}") };
    let many = props.field.kind == FieldKind::ManyOf;
    let checked = if many {
        props.value.split(',').map(str::trim).any(|chosen| chosen == value)
    } else {
        props.value.as_str() == value
    };
    let onchange = {
        let (field, on_answer, value, current) =
            (props.field.clone(), props.on_answer.clone(), value.clone(), props.value.clone());
        Callback::from(move |_: Event| {
            let answer = if many { toggle_choice(&field, &current, &value) } else { value.clone() };
            on_answer.emit((field.id.clone(), answer));
        })
    };
    html! {
        <div class="radio">
            <input class="radio-input" type={if many { "checkbox" } else { "radio" }} id={id.clone()}
                name={props.field.id.as_str().to_owned()} value={value} {checked} {onchange} />
            <label class="radio-label" for={id}>{ label }</label>
        </div>
    }
}
