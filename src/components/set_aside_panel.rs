//! The drafts set aside (另存的草稿) on the home page: each copy this version could not read,
//! why and when, to save as a file (for a newer version of the app, or for help at the service
//! window) or to delete for good. Without copies it shows nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{use_kept, Kept};
use yibiao_core::draft::DraftError;
use yibiao_core::Lang;

use crate::components::confirm_delete::{confirm_delete, focus_after_delete, use_question_focus};
use crate::i18n::{self, Ui};
use crate::platform::{clock, download};
use crate::set_aside::{self, SetAside, Shelf};

/// The list's state across renders: the shelf, its copies with why each cannot be read (read
/// from the storage once each time the shelf changes, not on every draw of the home page),
/// the copy whose deletion is being confirmed (one at a time), and the copy that could not be
/// saved as a file, if the last try failed. A hook and a render function rather than a
/// component: each Yew component costs bytes.
pub struct SetAsideList {
    shelf: Shelf,
    copies: Rc<Vec<(SetAside, Option<DraftError>)>>,
    unsaved: Kept<Option<String>>,
    confirming: Kept<Option<String>>,
    question: NodeRef,
}

#[hook]
pub fn use_set_aside_list(shelf: &Shelf) -> SetAsideList {
    let shelf = shelf.clone();
    let unsaved = use_kept(|| None::<String>);
    let confirming = use_kept(|| None::<String>);
    let question = use_question_focus(confirming.is_some());
    let copies = {
        let storage = shelf.storage.clone();
        use_memo(shelf.generation, move |_| {
            let copies = set_aside::all(&storage).unwrap_or_default();
            let with_cause = |copy: SetAside| {
                let cause = copy.cause();
                (copy, cause)
            };
            copies.into_iter().map(with_cause).collect::<Vec<_>>()
        })
    };
    SetAsideList { shelf, copies, unsaved, confirming, question }
}

/// The copies set aside, or nothing when there are none.
pub fn set_aside_list(lang: Lang, list: &SetAsideList) -> Html {
    let SetAsideList { shelf, copies, unsaved, confirming, question } = list;
    if copies.is_empty() {
        return html! {};
    }
    html! {
        <section class="draft-list" aria-labelledby="set-aside-heading">
            <h2 id="set-aside-heading" tabindex="-1">{ Ui::SetAsideHeading.text(lang) }</h2>
            <p>{ Ui::SetAsideIntro.text(lang) }</p>
            <ul class="draft-panels">
                for (n, (copy, cause)) in copies.iter().enumerate() {
                    {{
                        let heading_id = format!("set-aside-{}", n + 1);
                        let cause = cause.as_ref().map_or_else(|| Ui::SetAsideReadable.text(lang).to_owned(), |error| error.cause(lang));
                        let when = copy.found_ms.and_then(clock::local_date_time);
                        let save = {
                            let (unsaved, key, text) = (unsaved.clone(), copy.key.clone(), copy.text.clone());
                            Callback::from(move |_| {
                                let saved = download::save_text(&format!("{key}.json"), "application/json", &text);
                                unsaved.set(saved.is_err().then(|| key.clone()));
                            })
                        };
                        let discard = {
                            let (shelf, key, confirming) = (shelf.clone(), copy.key.clone(), confirming.clone());
                            Callback::from(move |_| {
                                let _ = set_aside::discard(&shelf.storage, &key);
                                confirming.set(None);
                                shelf.changed.emit(());
                                focus_after_delete("set-aside-heading");
                            })
                        };
                        let ask = |key: Option<String>| {
                            let confirming = confirming.clone();
                            Callback::from(move |_| confirming.set(key.clone()))
                        };
                        html! {
                            <li key={copy.key.clone()} class="panel draft-panel" aria-labelledby={heading_id.clone()}>
                                <h3 id={heading_id.clone()} class="draft-name">{ i18n::set_aside_title(lang, n + 1) }</h3>
                                <p class="draft-facts">{ cause }{ i18n::set_aside_when(lang, when.as_deref()) }</p>
                                if unsaved.as_deref() == Some(copy.key.as_str()) {
                                    <p class="error-message" role="alert">{ Ui::SetAsideNotSaved.text(lang) }</p>
                                }
                                if confirming.as_deref() == Some(copy.key.as_str()) {
                                    { confirm_delete(lang, question, discard, ask(None)) }
                                } else {
                                    <div class="button-group">
                                        <button type="button" class="button" onclick={save} aria-describedby={heading_id.clone()}>
                                            { Ui::SetAsideSave.text(lang) }
                                        </button>
                                        <button type="button" class="button button-secondary" onclick={ask(Some(copy.key.clone()))}
                                            aria-describedby={heading_id}>
                                            { Ui::SetAsideDiscard.text(lang) }
                                        </button>
                                    </div>
                                }
                            </li>
                        }
                    }}
                }
            </ul>
        </section>
    }
}
