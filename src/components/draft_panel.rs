//! One saved draft on the home page: its bundle, whose it is and when it was last changed;
//! continue it, or delete it after a plain confirmation in place (no pop-up), since deleting
//! cannot be undone.

use yew::prelude::*;

use crate::hooks::use_kept;
use yibiao_core::session::{Action, DraftId};

use crate::components::confirm_delete::{confirm_delete, focus_after_delete, use_question_focus};
use crate::components::packet_export;
use crate::hooks::PieceStatus;
use crate::i18n::{self, PacketUi, Ui};
use crate::platform::clock;
use crate::store::Shared;

#[derive(Properties, PartialEq)]
pub struct DraftPanelProps {
    pub draft: DraftId,
}

#[component]
pub fn DraftPanel(props: &DraftPanelProps) -> Html {
    let crate::store::Resources { store, pieces, .. } = crate::store::use_resources();
    let lang = store.state.lang;
    let confirming = use_kept(|| false);
    let question = use_question_focus(*confirming);
    let found = store.state.drafts.iter().find(|draft| draft.id == props.draft);
    // Finished or not, as the check page would say: derived again only when the draft or the
    // catalog changed (never on a redraw of the home page for another reason).
    let ready = use_memo(
        (found.map(|draft| Shared(std::rc::Rc::clone(draft))), Shared(std::rc::Rc::clone(&store.env))),
        |(draft, env)| {
            let known = draft.as_ref().filter(|draft| env.in_use.has(&draft.bundle));
            known.map(|draft| draft.view(&env.in_use.catalog, env.today).is_ok_and(|view| view.verdict.rank() > 0))
        },
    );
    let Some(shared) = found else {
        return html! {};
    };
    let draft = shared.as_ref();
    let catalog = &store.env.in_use.catalog;
    // Its bundle's piece is loaded (`known`), or its card says the catalog has it (`listed`).
    let known = catalog.bundle(&draft.bundle);
    let listed = known.is_some() || store.env.in_use.index.card(&draft.bundle).is_some();
    let bundle_name = store.env.in_use.index.bundle_name(&draft.bundle, lang);
    let heading_id = format!("draft-{}", draft.id);
    let open = {
        let (pieces, bundle, id) = (pieces.clone(), draft.bundle.clone(), draft.id.clone());
        Callback::from(move |_| pieces.then(bundle.clone(), Action::OpenDraft(id.clone())))
    };
    let status = pieces.status(&draft.bundle);
    let ask = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(value))
    };
    let delete = {
        let (store, id) = (store.clone(), draft.id.clone());
        Callback::from(move |_| {
            crate::store::send(&store, Action::DeleteDraft(id.clone()));
            focus_after_delete("drafts-heading");
        })
    };
    html! {
        <li class="panel draft-panel" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id.clone()} class="draft-name">{ bundle_name }</h3>
            if status.is_some() {
                <p role="status" class={classes!(matches!(status, Some(PieceStatus::Failed(_))).then_some("error-message"))}>
                    { status.as_ref().map(|status| status.message(lang, bundle_name)) }
                </p>
            }
            if let Some(ready) = *ready {
                if ready {
                    <p class="tag tag-green">{ Ui::DraftReady.text(lang) }</p>
                } else {
                    <p class="tag tag-grey">{ Ui::DraftInProgress.text(lang) }</p>
                }
            }
            <p class="draft-facts">
                { i18n::draft_facts(lang, draft.display_name(catalog), clock::local_date_time(draft.updated_ms).as_deref()) }
            </p>
            if *confirming {
                { confirm_delete(lang, &question, delete, ask(false)) }
            } else {
                if !listed {
                    <p class="hint">{ Ui::DraftBundleMissing.text(lang) }</p>
                }
                <div class="button-group">
                    if listed {
                        <button type="button" class="button" onclick={open} aria-describedby={heading_id.clone()}>
                            { Ui::ContinueDraft.text(lang) }
                        </button>
                    }
                    <button type="button" class="button button-secondary" onclick={ask(true)} aria-describedby={heading_id}>
                        { Ui::Discard.text(lang) }
                    </button>
                </div>
                if known.is_some() {
                    { packet_export(shared, PacketUi::SaveAsFile.text(lang).into(), None, true) }
                }
            }
        </li>
    }
}
