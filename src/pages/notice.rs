//! The one-time notice (一次性告知): before any typing, the items that will be handled (with
//! departments and time limits) and every material once (originals and copies, paper or
//! electronic, and how each may be provided), each with why it is needed and what another
//! answer would change, computed by the core. Printable on its own.

use yew::prelude::*;
use yibiao_core::catalog::{Material, MaterialRules};
use yibiao_core::plan::{alternatives, ChecklistEntry, Reason};
use yibiao_core::verdict::{allowed_provisions, Provision};
use yibiao_core::{Catalog, Lang};

use crate::components::unbroken;
use crate::i18n::{self, Ui};
use crate::pages::frame::Body;

/// The notice's page body (the frame adds the buttons to start and to print).
pub fn notice_body(body: &Body<'_>) -> Html {
    let Body { draft: application, view, ambient } = body;
    let lang = ambient.lang;
    let catalog = &ambient.env.in_use.catalog;
    let plan = view.plan();
    // What another answer to each question would change, for the "what if" lines.
    let what_if: Vec<(String, String, yibiao_core::plan::PlanChange)> = plan
        .questions
        .iter()
        .flat_map(|question| {
            let changes =
                alternatives(catalog, &application.bundle, &application.answers, &question.field.id, ambient.today())
                    .unwrap_or_default();
            changes.into_iter().map(move |(value, change)| {
                let answer =
                    question.field.choice_label(&value).map_or(value.clone(), |text| text.get(lang).to_owned());
                (question.field.label.get(lang).to_owned(), answer, change)
            })
        })
        .collect();
    let item_name = |id: &yibiao_core::ItemId| plan.item(id).map(|item| item.name.get(lang)).unwrap_or_default();
    html! {
        <>
            <p class="lead">{ Ui::NoticeIntroDone.text(lang) }</p>

            if !plan.pending.is_empty() {
                <div class="notice" role="status">
                    <p class="notice-text">
                        <span class="notice-icon" aria-hidden="true">{ "!" }</span>
                        { Ui::PendingWarning.text(lang) }
                        { waiting_for(plan, catalog, lang) }
                    </p>
                </div>
            }

            <h2>{ Ui::ItemsHeading.text(lang) }</h2>
            <ol class="item-list">
                for item in plan.items.iter() {
                    <li>
                        <strong>{ item.name.get(lang) }</strong>
                        <span class="item-meta">{ item.department.get(lang) }{ " · " }{ i18n::time_limits(lang, item.promised_days, item.legal_days) }</span>
                        <span class="why">{ Ui::WhyNeeded.text(lang) }{ because(catalog, &item.reason, lang) }</span>
                    </li>
                }
            </ol>

            <h2>{ Ui::MaterialsHeading.text(lang) }</h2>
            <ol class="material-list">
                for entry in plan.checklist.iter() {
                    <li class="material">
                        <p class="material-name"><strong>{ entry.material.name.get(lang) }</strong></p>
                        <p>{ entry.material.description.get(lang) }</p>
                        if let Some(plain) = &entry.material.plain {
                            <p class="plain">{ plain.get(lang) }</p>
                        }
                        <p class="material-counts">{ i18n::counts(lang, entry.originals, entry.copies) }{ form_words(entry, lang) }</p>
                        <p class="material-used-by">
                            { i18n::needed_by(lang, &entry.needed_by.iter().map(item_name).collect::<Vec<_>>()) }
                        </p>
                        <p class="material-ways">{ Ui::HowToProvide.text(lang) }{ unbroken(&ways(&entry.material, &entry.rules, lang)) }</p>
                        <p class="why">{ Ui::WhyNeeded.text(lang) }{ material_because(catalog, entry, lang) }</p>
                        for (question, answer, _) in what_if.iter().filter(|(_, _, change)| change.materials_removed.contains(&entry.material.id)) {
                            <p class="what-if">{ i18n::if_answered(lang, question, answer, false) }</p>
                        }
                    </li>
                }
            </ol>

            <p class="inset">{ i18n::savings(lang, &plan.savings, false) }</p>
        </>
    }
}

/// Paper, electronic or both.
fn form_words(entry: &ChecklistEntry, lang: Lang) -> &'static str {
    let words = match (entry.material.paper, entry.material.electronic) {
        (true, true) => Ui::PaperOrElectronic,
        (true, false) => Ui::PaperOnly,
        (false, _) => Ui::ElectronicOnly,
    };
    words.text(lang)
}

/// The ways a material may be provided under its rules, in the words the materials page gives
/// them, with what the notice adds: which e-certificate, and a waiver's terms.
fn ways(material: &Material, rules: &MaterialRules, lang: Lang) -> String {
    let words: Vec<String> = allowed_provisions(material, rules)
        .into_iter()
        .map(|provision| {
            let label = i18n::provision_label(&provision, rules).text(lang);
            match (&provision, &rules.e_certificate, &rules.waiver) {
                (Provision::ECertificate, Some(name), _) => {
                    format!("{label}{}{}{}", Ui::OpenParen.text(lang), name.get(lang), Ui::CloseParen.text(lang))
                }
                (Provision::Waived, _, Some(waiver)) => i18n::waiver_terms(lang, waiver.mode, waiver.days),
                _ => label.to_owned(),
            }
        })
        .collect();
    words.join(Ui::Semicolon.text(lang))
}

fn because(catalog: &Catalog, reason: &Reason, lang: Lang) -> String {
    i18n::because(lang, &i18n::reason_words(catalog, reason, lang))
}

/// Why a material is needed: the answers that brought it into any item, or always.
pub(crate) fn material_because(catalog: &Catalog, entry: &ChecklistEntry, lang: Lang) -> String {
    let mut words: Vec<(String, String)> = Vec::new();
    for (_, reason) in &entry.reasons {
        if reason.condition.is_none() {
            return i18n::because(lang, &[]);
        }
        i18n::add_reason_words(&mut words, catalog, reason, lang);
    }
    i18n::because(lang, &words)
}

/// The unanswered questions the pending parts of the plan wait for, named as they are asked.
fn waiting_for(plan: &yibiao_core::Plan, catalog: &Catalog, lang: Lang) -> String {
    let mut names: Vec<&str> = Vec::new();
    for field in plan.pending.iter().flat_map(|pending| pending.waiting_for.iter()) {
        let name = catalog.field(field).map_or(field.as_str(), |definition| definition.label.get(lang));
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(Ui::ListSeparator.text(lang))
}
