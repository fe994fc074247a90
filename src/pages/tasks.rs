//! The task list of the combined form (GOV.UK task list): each section of the form with how far
//! it is, then the materials and the check of everything.

use yew::prelude::*;
use yibiao_core::journey::{self, TaskStatus};
use yibiao_core::session::Page;

use crate::components::BackLink;
use crate::hooks::{use_page_heading, use_plan};
use crate::i18n::{self, Ui};
use crate::store::use_store;

#[component]
pub fn TasksPage() -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let heading = use_page_heading(Ui::FormHeading.text(lang));
    let plan = use_plan();
    let (Some(application), Some(plan)) = (store.state.application(), plan) else {
        return html! {};
    };
    let Ok(plan) = plan.as_ref() else {
        return html! {};
    };
    let catalog = &store.env.catalog;
    let today = store.env.today;
    let bundle_name = catalog.bundle(&application.bundle).map(|bundle| bundle.name.get(lang).to_owned());
    let savings = plan.savings;
    let statuses = journey::section_statuses(catalog, plan, &application.answers, today);
    let provided = plan
        .checklist
        .iter()
        .filter(|entry| application.provisions.get(&entry.material.id).is_some_and(|how| how.is_complete()))
        .count();
    let materials_status = match provided {
        0 if !plan.checklist.is_empty() => TaskStatus::NotStarted,
        n if n < plan.checklist.len() => TaskStatus::InProgress,
        _ => TaskStatus::Completed,
    };
    let task = |id: String, to: Page, label: String, status: Option<TaskStatus>| {
        let status_id = format!("task-status-{id}");
        html! {
            <li class="task">
                <BackLink {to} {label} class={classes!("task-link")} described_by={AttrValue::from(status_id.clone())} />
                if let Some(status) = status {
                    <strong id={status_id} class={classes!("tag", status_class(status))}>{ status_text(status).text(lang) }</strong>
                }
            </li>
        }
    };
    html! {
        <>
            <BackLink to={Page::Notice} label={Ui::ChecklistHeading.text(lang)} />
            if let Some(name) = bundle_name {
                <p class="caption">{ name }</p>
            }
            <h1 ref={heading} tabindex="-1">{ Ui::FormHeading.text(lang) }</h1>
            <p class="lead">{ i18n::form_intro(lang, plan.items.len(), savings.fields_separate, savings.fields_combined) }</p>
            <h2>{ Ui::TasksFormHeading.text(lang) }</h2>
            <ol class="task-list">
                for (section, (_, status)) in plan.sections.iter().zip(statuses) {
                    { task(
                        section.id.clone(),
                        Page::Section(section.id.clone()),
                        section.title.get(lang).to_owned(),
                        Some(status),
                    ) }
                }
            </ol>
            <h2>{ Ui::ProvidedHeading.text(lang) }</h2>
            <ol class="task-list">
                { task("materials".into(), Page::Materials, Ui::TaskMaterials.text(lang).into(), Some(materials_status)) }
            </ol>
            <h2>{ Ui::TaskReview.text(lang) }</h2>
            <ol class="task-list">
                { task("review".into(), Page::Review, Ui::TasksReviewButton.text(lang).into(), None) }
            </ol>
        </>
    }
}

fn status_text(status: TaskStatus) -> Ui {
    match status {
        TaskStatus::NotStarted => Ui::StatusNotStarted,
        TaskStatus::InProgress => Ui::StatusInProgress,
        TaskStatus::Completed => Ui::StatusCompleted,
    }
}

fn status_class(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::NotStarted => "tag-grey",
        TaskStatus::InProgress => "tag-blue",
        TaskStatus::Completed => "tag-green",
    }
}
