//! A question answered by choosing: radio buttons for yes/no and one of several, checkboxes
//! for several of several, in a fieldset whose legend is the question, with its hint and error
//! message, as the GOV.UK radios and checkboxes patterns.

use yew::prelude::*;
use yibiao_core::catalog::FieldKind;
use yibiao_core::validate::{toggle_choice, NO, YES};
use yibiao_core::{Field, FieldId, Lang};

use crate::components::{field_dom_id, ErrorMessage};
use crate::i18n::Ui;
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct ChoiceRowProps {
    pub field: Field,
    pub value: AttrValue,
    /// Department names that use this answer (empty for a situation question).
    pub departments: Vec<AttrValue>,
    pub error: Option<AttrValue>,
    /// Why it is asked, when an answer brought it in.
    #[prop_or_default]
    pub why: Option<AttrValue>,
    pub on_answer: Callback<(FieldId, String)>,
    /// On a page that asks only this question, the question is the page's heading (GOV.UK):
    /// the legend holds the `h1`, which takes this ref for focus on arrival.
    #[prop_or_default]
    pub heading: Option<NodeRef>,
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
pub fn ChoiceRow(props: &ChoiceRowProps) -> Html {
    let lang = use_ambient().lang;
    let field = &props.field;
    let base_id = field_dom_id(&field.id);
    let hint_id = format!("{base_id}-hint");
    let error_id = format!("{base_id}-error");
    let described_by = if props.error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    let departments: Vec<&str> = props.departments.iter().map(AttrValue::as_str).collect();
    html! {
        <div class={classes!("form-group", props.error.is_some().then_some("form-group-error"))}>
            <fieldset class="choice" aria-describedby={described_by}>
                if let Some(heading) = props.heading.clone() {
                    <legend class="legend-heading">
                        <h1 ref={heading} tabindex="-1">{ field.label.get(lang) }</h1>
                    </legend>
                } else {
                    <legend class="label">{ field.label.get(lang) }</legend>
                }
                <div class="hint" id={hint_id}>
                    if let Some(help) = field.help.as_ref().or(field.plain.as_ref()) {
                        <p>{ help.get(lang) }</p>
                    }
                    if field.kind == FieldKind::ManyOf {
                        <p>{ Ui::ChooseAllThatApply.text(lang) }</p>
                    }
                    if !departments.is_empty() {
                        <p class="used-by">{ Ui::UsedBy.text(lang) }{ departments.join(lang.pick("、", ", ")) }</p>
                    }
                    if let Some(why) = props.why.clone() {
                        <p class="why">{ why }</p>
                    }
                </div>
                <ErrorMessage id={error_id} message={props.error.clone()} />
                <div class="radios">
                    for (index, (value, label)) in choices(field, lang).into_iter().enumerate() {
                        { choice(props, &base_id, index, value, label) }
                    }
                </div>
            </fieldset>
        </div>
    }
}

fn choice(props: &ChoiceRowProps, base_id: &str, index: usize, value: String, label: String) -> Html {
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
