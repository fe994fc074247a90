//! The report shown on a draft made under an older catalog: what the new catalog changes for
//! this applicant, in plain words, until they have read it; and on the window's intake record
//! of a packet filled against another catalog.

use yew::prelude::*;
use yibiao_core::catalog_change::CatalogChange;
use yibiao_core::session::Action;
use yibiao_core::Text;

use crate::i18n::{self, Ui};
use crate::store::Ambient;

/// The report of `change`; with `accept`, the button by which the applicant marks it read (the
/// open draft), without it only the report (the window's intake record). A function, not a
/// component (a component of its own costs the first load a copy of Yew's machinery, issue 16).
pub fn catalog_change_panel(ambient: &Ambient, change: &CatalogChange, accept: bool) -> Html {
    let lang = ambient.lang;
    let dispatch = ambient.dispatch.clone();
    let on_accept = Callback::from(move |_| dispatch.send(Action::AcceptCatalog));
    let list = |title: Ui, texts: &[Text]| -> Html {
        if texts.is_empty() {
            return html! {};
        }
        html! {
            <>
                <h3>{ title.text(lang) }</h3>
                <ul>
                    for text in texts.iter() {
                        <li>{ text.get(lang) }</li>
                    }
                </ul>
            </>
        }
    };
    html! {
        <section class="panel catalog-change" role="status" aria-labelledby="catalog-change-heading">
            <h2 id="catalog-change-heading">{ i18n::catalog_changed(lang, &change.from_version, &change.to_version) }</h2>
            if change.is_empty() {
                <p>{ Ui::CatalogChangeNone.text(lang) }</p>
            } else {
                <p>{ Ui::CatalogChangeIntro.text(lang) }</p>
                { list(Ui::CatalogChangeItemsAdded, &change.items_added) }
                { list(Ui::CatalogChangeItemsRemoved, &change.items_removed) }
                { list(Ui::CatalogChangeMaterialsAdded, &change.materials_added) }
                { list(Ui::CatalogChangeMaterialsRemoved, &change.materials_removed) }
                { list(Ui::CatalogChangeFieldsAdded, &change.fields_added) }
                if !change.fields_renamed.is_empty() {
                    <h3>{ Ui::CatalogChangeRenamed.text(lang) }</h3>
                    <ul>
                        for (before, now) in change.fields_renamed.iter() {
                            <li>{ i18n::renamed(lang, before, now) }</li>
                        }
                    </ul>
                }
                if !change.unused_answers.is_empty() {
                    <h3>{ Ui::UnusedAnswers.text(lang) }</h3>
                    <p class="hint">{ Ui::UnusedAnswersHint.text(lang) }</p>
                    <ul>
                        for (label, value) in change.unused_answers.iter() {
                            <li>{ label.get(lang) }{ Ui::Colon.text(lang) }{ value }</li>
                        }
                    </ul>
                }
            }
            if accept {
                <button type="button" class="button" onclick={on_accept}>{ Ui::CatalogChangeAccept.text(lang) }</button>
            }
        </section>
    }
}
