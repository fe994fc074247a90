//! One question of the combined form: label, hint, which departments use it, the input, and its
//! error message (announced politely, linked with `aria-describedby`).

use yew::prelude::*;
use yibiao_core::catalog::{Bound, FieldKind};
use yibiao_core::{Date, Field, FieldId};

use crate::components::{field_dom_id, ErrorMessage};
use crate::i18n::Ui;
use crate::platform::dom;
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct FieldRowProps {
    pub field: Field,
    pub value: AttrValue,
    /// Department names that use this answer.
    pub departments: Vec<AttrValue>,
    /// The message to show now, if any.
    pub error: Option<AttrValue>,
    /// Why it is asked, when an answer brought it in.
    #[prop_or_default]
    pub why: Option<AttrValue>,
    pub on_answer: Callback<(FieldId, String)>,
    pub on_leave: Callback<FieldId>,
}

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

#[component]
pub fn FieldRow(props: &FieldRowProps) -> Html {
    let ambient = use_ambient();
    let (lang, today) = (ambient.lang, ambient.today());
    let field = &props.field;
    let input_id = field_dom_id(&field.id);
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let (input_type, input_mode, autocomplete, width) = input_traits(field.kind);

    let mut described_by = vec![hint_id.clone()];
    if props.error.is_some() {
        described_by.push(error_id.clone());
    }
    let oninput = {
        let (id, on_answer) = (field.id.clone(), props.on_answer.clone());
        Callback::from(move |event: InputEvent| on_answer.emit((id.clone(), dom::input_value(&event))))
    };
    let onblur = {
        let (id, on_leave) = (field.id.clone(), props.on_leave.clone());
        Callback::from(move |_: FocusEvent| on_leave.emit(id.clone()))
    };
    let departments: Vec<&str> = props.departments.iter().map(AttrValue::as_str).collect();
    let separator = lang.pick("、", ", ");
    html! {
        <div class={classes!("form-group", props.error.is_some().then_some("form-group-error"))}>
            <label class="label" for={input_id.clone()}>{ field.label.get(lang) }</label>
            <div class="hint" id={hint_id}>
                if let Some(help) = &field.help {
                    <p>{ help.get(lang) }</p>
                }
                <p class="used-by">{ Ui::UsedBy.text(lang) }{ departments.join(separator) }</p>
                if let Some(why) = props.why.clone() {
                    <p class="why">{ why }</p>
                }
            </div>
            <ErrorMessage id={error_id} message={props.error.clone()} />
            if field.kind == FieldKind::LongText {
                <textarea
                    class="textarea"
                    id={input_id}
                    data-kind={field.kind.word()}
                    name={field.id.as_str().to_owned()}
                    rows="4"
                    value={props.value.clone()}
                    aria-invalid={if props.error.is_some() { "true" } else { "false" }}
                    aria-describedby={described_by.join(" ")}
                    {oninput}
                    {onblur}
                />
            } else {
                <input
                    class={classes!("input", width)}
                    id={input_id}
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
                    aria-invalid={if props.error.is_some() { "true" } else { "false" }}
                    aria-describedby={described_by.join(" ")}
                    {oninput}
                    {onblur}
                />
            }
        </div>
    }
}
