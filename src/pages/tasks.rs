//! The task list of the combined form (GOV.UK task list): each section of the form with how far
//! it is, then the materials and the check of everything.

use yew::prelude::*;
use yibiao_core::journey::TaskStatus;
use yibiao_core::session::Page;

use crate::components::{back_link, BackLink};
use crate::i18n::{self, Ui};
use crate::pages::frame::Body;

/// The task list's page body.
pub fn tasks_body(body: &Body<'_>) -> Html {
    let (view, ambient, lang) = (body.view, body.ambient, body.ambient.lang);
    let plan = view.plan();
    let savings = plan.savings;
    let task = |id: String, to: Page, label: String, status: Option<TaskStatus>| {
        let status_id = format!("task-status-{id}");
        // The link is described by its status only where there is one to point at.
        let described_by = status.map(|_| AttrValue::from(status_id.clone()));
        html! {
            <li class="task">
                { back_link(ambient, BackLink { class: Some("task-link"), described_by, ..BackLink::new(to, label) }) }
                if let Some(status) = status {
                    <strong id={status_id} class={classes!("tag", status_class(status))}>{ status_text(status).text(lang) }</strong>
                }
            </li>
        }
    };
    html! {
        <>
            <p class="lead">{ i18n::form_intro(lang, plan.department_count(), plan.items.len(), savings.fields_separate, savings.fields_combined) }</p>
            <h2>{ Ui::TasksFormHeading.text(lang) }</h2>
            <ol class="task-list">
                for (section, (_, status)) in plan.sections.iter().zip(view.sections()) {
                    { task(
                        section.id.clone(),
                        Page::Section(section.id.clone()),
                        section.title.get(lang).to_owned(),
                        Some(*status),
                    ) }
                }
            </ol>
            <h2>{ Ui::ProvidedHeading.text(lang) }</h2>
            <ol class="task-list">
                { task("materials".into(), Page::Materials, Ui::TaskMaterials.text(lang).into(), Some(view.materials)) }
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
