//! How each material is provided (材料): for each line of the checklist, the ways its rules
//! allow (the frame puts them in the continue form). A commitment letter's text is shown before it is chosen, and a waiver's due date and
//! commitment before the applicant takes it on.

use yew::prelude::*;
use yibiao_core::plan::ChecklistEntry;
use yibiao_core::session::{Action, Application};
use yibiao_core::verdict::{allowed_provisions, Provision};
use yibiao_core::{Catalog, Date, Lang, MaterialId};

use crate::components::{material_dom_id, read_aloud, unbroken, Attachments};
use crate::i18n::{self, HelperUi, Ui};
use crate::pages::frame::Body;
use crate::store::Ambient;

/// The materials page's body, with the attachment panels' state (the frame's hook, since a
/// component of its own would cost the first load a copy of Yew's machinery).
pub fn materials_body(body: &Body<'_>, attachments: &Attachments) -> Html {
    let ambient = body.ambient;
    let lang = ambient.lang;
    let catalog = &ambient.env.in_use.catalog;
    let on_provide = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |(material, provision): (MaterialId, Provision)| {
            dispatch.send(Action::Provide { material, provision: Some(provision) })
        })
    };
    html! {
        for entry in body.view.plan().checklist.iter() {
            { provision_choice(ambient, body.draft, entry, attachments, &on_provide) }
            // For someone helping (帮办): why the material is needed, from the plan's reasons.
            if ambient.helper.is_some() {
                <p class="helper-note">{ HelperUi::WhyMaterial.text(lang) }{ crate::pages::notice::material_because(catalog, entry, lang) }</p>
            }
        }
    }
}

/// The ways `entry` may be provided, as (provision, label, details shown with it).
pub fn ways(
    catalog: &Catalog,
    entry: &ChecklistEntry,
    today: Date,
    lang: Lang,
) -> Vec<(Provision, String, Option<String>)> {
    let rules = &entry.rules;
    allowed_provisions(&entry.material, rules)
        .into_iter()
        .map(|provision| {
            let details = match &provision {
                Provision::Attached { .. } => Some(i18n::file_limits(lang, &entry.material)),
                Provision::ECertificate => rules.e_certificate.as_ref().map(|name| name.get(lang).to_owned()),
                Provision::CommitmentLetter => {
                    rules.commitment_letter.as_ref().map(|letter| letter.get(lang).to_owned())
                }
                Provision::Waived => rules.waiver.as_ref().map(|waiver| {
                    let due = catalog.calendar.add_working_days(today, waiver.days).ok();
                    let due = due.map(|date| i18n::due_by(lang, &date.to_string())).unwrap_or_default();
                    let meaning = i18n::waiver_meaning(lang, waiver.mode).trim_end_matches(['。', '.']);
                    let stop = Ui::FullStop.text(lang);
                    format!("{meaning}{stop}{due}{stop}{}", waiver.commitment.get(lang))
                }),
                Provision::Original => {
                    Some(i18n::counts(lang, entry.originals, entry.copies)).filter(|counts| !counts.is_empty())
                }
            };
            let label = i18n::provision_label(&provision, rules).text(lang).to_owned();
            (provision, label, details)
        })
        .collect()
}

fn provision_choice(
    ambient: &Ambient,
    application: &Application,
    entry: &ChecklistEntry,
    attachments: &Attachments,
    on_provide: &Callback<(MaterialId, Provision)>,
) -> Html {
    let (catalog, today, lang) = (&ambient.env.in_use.catalog, ambient.today(), ambient.lang);
    let base = material_dom_id(&entry.material.id);
    let chosen = application.provisions.get(&entry.material.id);
    let set_aside = application.set_aside.contains_key(&entry.material.id);
    html! {
        <div class="form-group material-choice" key={entry.material.id.as_str().to_owned()}>
            <fieldset class="choice" aria-describedby={format!("{base}-hint")}>
                <legend class="label">{ entry.material.name.get(lang) }</legend>
                <div class="hint" id={format!("{base}-hint")}>
                    <p>{ entry.material.description.get(lang) }</p>
                </div>
                { read_aloud(ambient, format!("{}{}{}", entry.material.name.get(lang), Ui::Colon.text(lang), entry.material.description.get(lang)).into(),
                    Some(AttrValue::from(entry.material.name.get(lang).to_owned()))) }
                <div class="radios">
                    for (index, (provision, label, details)) in ways(catalog, entry, today, lang).into_iter().enumerate() {
                        { way(&base, index, &entry.material.id, provision.clone(), label, details, chosen, on_provide) }
                        if matches!(provision, Provision::Attached { .. }) {
                            if matches!(chosen, Some(Provision::Attached { .. })) {
                                { attachments.panel(application, &entry.material, &base) }
                            } else if set_aside {
                                <p class="hint radio-details">{ Ui::FilesSetAside.text(lang) }</p>
                            }
                        }
                    }
                </div>
            </fieldset>
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn way(
    base: &str,
    index: usize,
    material: &MaterialId,
    provision: Provision,
    label: String,
    details: Option<String>,
    chosen: Option<&Provision>,
    on_provide: &Callback<(MaterialId, Provision)>,
) -> Html {
    let id = if index == 0 { base.to_owned() } else { format!("{base}-{index}") };
    let details_id = format!("{id}-details");
    // "Attach" is one choice however many files it holds.
    let checked = chosen.is_some_and(|chosen| std::mem::discriminant(chosen) == std::mem::discriminant(&provision));
    let onchange = {
        let (on_provide, material, provision) = (on_provide.clone(), material.clone(), provision.clone());
        Callback::from(move |_: Event| on_provide.emit((material.clone(), provision.clone())))
    };
    html! {
        <div class="radio radio-with-details">
            <input class="radio-input" type="radio" id={id.clone()} name={base.to_owned()} {checked} {onchange}
                aria-describedby={details.as_ref().map(|_| details_id.clone())} />
            <label class="radio-label" for={id}>{ label }</label>
            if let Some(details) = details {
                <p class="radio-details" id={details_id}>{ unbroken(&details) }</p>
            }
        </div>
    }
}
