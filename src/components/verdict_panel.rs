//! The pre-check's verdict (预审结果) as a panel: ready; ready with commitments, each with its
//! due date; or not ready, each reason drawn by the caller (a link on the check page, plain
//! words on the window's intake record).

use yew::prelude::*;
use yibiao_core::verdict::{Blocker, Verdict};
use yibiao_core::{Catalog, MaterialId};

use crate::components::{read_aloud, unbroken};
use crate::i18n::{self, Ui};
use crate::store::Ambient;

/// The verdict panel; `reason` draws one reason it is not ready.
pub fn verdict_panel(
    result: &Verdict,
    catalog: &Catalog,
    ambient: &Ambient,
    reason: &dyn Fn(&Blocker) -> Html,
) -> Html {
    let lang = ambient.lang;
    let material_name = |id: &MaterialId| {
        catalog.materials.get(id).map_or(id.as_str().to_owned(), |material| material.name.get(lang).to_owned())
    };
    match result {
        Verdict::Ready => html! {
            <div class="verdict verdict-ready" role="status">
                <h2>{ Ui::VerdictReady.text(lang) }</h2>
                <p>{ Ui::VerdictReadyText.text(lang) }</p>
            </div>
        },
        Verdict::ReadyWithCommitments { waived, letters } => html! {
            <div class="verdict verdict-commitments" role="status">
                <h2>{ Ui::VerdictReadyWithCommitments.text(lang) }</h2>
                <p>{ Ui::VerdictCommitmentsText.text(lang) }</p>
                <ul>
                    for item in waived.iter() {
                        <li>{ material_name(&item.material) }{ Ui::Colon.text(lang) }{ unbroken(&i18n::due_by(lang, &item.due.to_string())) }</li>
                    }
                    for material in letters.iter() {
                        <li>{ material_name(material) }{ Ui::Colon.text(lang) }{ Ui::ProvideCommitmentLetter.text(lang) }</li>
                    }
                </ul>
            </div>
        },
        Verdict::NotReady { blockers } => html! {
            <div class="verdict verdict-not-ready" role="status">
                <h2>{ Ui::VerdictNotReady.text(lang) }</h2>
                <p>{ Ui::VerdictNotReadyText.text(lang) }</p>
                <ul class="verdict-reasons">
                    for blocker in blockers.iter() {
                        <li>{ reason(blocker) }{ read_aloud(ambient, blocker.message(catalog, lang).into(), None) }</li>
                    }
                </ul>
            </div>
        },
    }
}
