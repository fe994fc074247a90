//! The one-time notice (一次性告知): the items that will be handled and every material once,
//! with the savings, and the export of the answers.

use yew::prelude::*;
use yibiao_core::export;
use yibiao_core::session::Page;

use crate::components::BackLink;
use crate::hooks::{use_page_heading, use_plan};
use crate::i18n::{self, Ui};
use crate::platform::download;
use crate::store::use_store;

#[component]
pub fn ChecklistPage() -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let heading = use_page_heading(Ui::ChecklistHeading.text(lang));
    let plan = use_plan();
    let (Some(application), Some(plan)) = (store.state.application(), plan) else {
        return html! {};
    };
    let Ok(plan_ref) = plan.as_ref() else {
        return html! {};
    };
    let bundle_name = store.env.catalog.bundle(&application.bundle).map(|bundle| bundle.name.get(lang).to_owned());
    let on_export = {
        let store = store.clone();
        let plan = plan.clone();
        Callback::from(move |_| {
            let (Some(application), Ok(plan)) = (store.state.application(), plan.as_ref()) else {
                return;
            };
            let today = store.env.today;
            let document = export::answers_document(&store.env.catalog, plan, application, today);
            let _ = download::save_text(&export::file_name(plan, today), "application/json", &document);
        })
    };
    let item_name = |id: &yibiao_core::ItemId| plan_ref.item(id).map(|item| item.name.get(lang)).unwrap_or_default();
    html! {
        <>
            <BackLink to={Page::Form} label={Ui::BackToForm.text(lang)} />
            if let Some(name) = bundle_name {
                <p class="caption">{ name }</p>
            }
            <h1 ref={heading} tabindex="-1">{ Ui::ChecklistHeading.text(lang) }</h1>
            <p class="lead">{ Ui::ChecklistIntro.text(lang) }</p>

            if !plan_ref.pending.is_empty() {
                <div class="notice" role="status">
                    <p class="notice-text">
                        <span class="notice-icon" aria-hidden="true">{ "!" }</span>
                        { Ui::PendingWarning.text(lang) }
                        { waiting_for(plan_ref, &store.env.catalog, lang) }
                    </p>
                </div>
            }

            <h2>{ Ui::ItemsHeading.text(lang) }</h2>
            <ol class="item-list">
                for item in plan_ref.items.iter() {
                    <li>
                        <strong>{ item.name.get(lang) }</strong>
                        <span class="item-meta">{ item.department.get(lang) }{ " · " }{ i18n::time_limits(lang, item.promised_days, item.legal_days) }</span>
                    </li>
                }
            </ol>

            <h2>{ Ui::MaterialsHeading.text(lang) }</h2>
            <ol class="material-list">
                for entry in plan_ref.checklist.iter() {
                    <li class="material">
                        <p class="material-name"><strong>{ entry.material.name.get(lang) }</strong></p>
                        <p>{ entry.material.description.get(lang) }</p>
                        <p class="material-counts">{ i18n::counts(lang, entry.originals, entry.copies) }</p>
                        <p class="material-used-by">
                            { i18n::needed_by(lang, &entry.needed_by.iter().map(item_name).collect::<Vec<_>>()) }
                        </p>
                    </li>
                }
            </ol>

            <p class="inset">{ i18n::savings(lang, &plan_ref.savings) }</p>

            <div class="button-group">
                <button type="button" class="button" onclick={on_export}>{ Ui::Export.text(lang) }</button>
            </div>
            <p class="hint">{ Ui::ExportHint.text(lang) }</p>
        </>
    }
}

/// The unanswered questions the pending parts of the plan wait for, named as the form asks them.
fn waiting_for(plan: &yibiao_core::Plan, catalog: &yibiao_core::Catalog, lang: yibiao_core::Lang) -> String {
    let mut names: Vec<&str> = Vec::new();
    for field in plan.pending.iter().flat_map(|pending| pending.waiting_for.iter()) {
        let name = catalog.field(field).map_or(field.as_str(), |definition| definition.label.get(lang));
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(lang.pick("、", ", "))
}
