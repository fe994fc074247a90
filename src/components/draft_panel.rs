//! One saved draft on the home page: its bundle, whose it is and when it was last changed;
//! continue it, or delete it after a plain confirmation in place (no pop-up), since deleting
//! cannot be undone.

use yew::prelude::*;
use yibiao_core::session::{Action, DraftId};

use crate::components::confirm_delete::{confirm_delete, focus_after_delete, use_question_focus};
use crate::components::PacketExport;
use crate::i18n::{self, PacketUi, Ui};
use crate::platform::clock;
use crate::store::{use_store, Shared};

#[derive(Properties, PartialEq)]
pub struct DraftPanelProps {
    pub draft: DraftId,
}

#[component]
pub fn DraftPanel(props: &DraftPanelProps) -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let confirming = use_state(|| false);
    let question = use_question_focus(*confirming);
    let Some(shared) = store.state.drafts.iter().find(|draft| draft.id == props.draft) else {
        return html! {};
    };
    let draft = shared.as_ref();
    let catalog = &store.env.catalog;
    let known = catalog.bundle(&draft.bundle);
    let bundle_name = known.map_or(draft.bundle.as_str(), |bundle| bundle.name.get(lang));
    let heading_id = format!("draft-{}", draft.id);
    let open = {
        let (store, id) = (store.clone(), draft.id.clone());
        Callback::from(move |_| crate::store::send(&store, Action::OpenDraft(id.clone())))
    };
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
            if known.is_some() {
                // Finished or not, as the check page would say (on the home page, where drafts
                // change rarely).
                if draft.view(catalog, store.env.today).is_ok_and(|view| view.verdict.rank() > 0) {
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
                if known.is_none() {
                    <p class="hint">{ Ui::DraftBundleMissing.text(lang) }</p>
                }
                <div class="button-group">
                    if known.is_some() {
                        <button type="button" class="button" onclick={open} aria-describedby={heading_id.clone()}>
                            { Ui::ContinueDraft.text(lang) }
                        </button>
                    }
                    <button type="button" class="button button-secondary" onclick={ask(true)} aria-describedby={heading_id}>
                        { Ui::Discard.text(lang) }
                    </button>
                </div>
                if known.is_some() {
                    <PacketExport draft={Shared(std::rc::Rc::clone(shared))} label={PacketUi::SaveAsFile.text(lang)} secondary=true />
                }
            }
        </li>
    }
}
