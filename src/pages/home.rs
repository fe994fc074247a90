//! Home (首页): the application in progress, if any, and the bundles by category.

use yew::prelude::*;
use yibiao_core::catalog::Category;
use yibiao_core::plan::bundle_facts;
use yibiao_core::session::Action;
use yibiao_core::Bundle;

use crate::components::DraftPanel;
use crate::hooks::use_page_heading;
use crate::i18n::{self, Ui};
use crate::store::use_store;

#[component]
pub fn HomePage() -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let heading = use_page_heading(Ui::HomeHeading.text(lang));
    let catalog = &store.env.catalog;

    let draft = store
        .state
        .application
        .as_ref()
        .and_then(|application| catalog.bundle(&application.bundle))
        .map(|bundle| html! { <DraftPanel bundle={bundle.clone()} /> });

    let categories = [(Category::Enterprise, Ui::CategoryEnterprise), (Category::Personal, Ui::CategoryPersonal)];
    html! {
        <>
            <h1 ref={heading} tabindex="-1">{ Ui::HomeHeading.text(lang) }</h1>
            <p class="lead">{ Ui::HomeIntro.text(lang) }</p>
            { draft.unwrap_or_default() }
            for (category, title) in categories {
                if catalog.bundles.iter().any(|bundle| bundle.category == category) {
                    <section class="bundle-group" aria-labelledby={format!("category-{category:?}")}>
                        <h2 id={format!("category-{category:?}")}>{ title.text(lang) }</h2>
                        <ul class="bundle-list">
                            for bundle in catalog.bundles.iter().filter(|bundle| bundle.category == category) {
                                { bundle_card(bundle, &store) }
                            }
                        </ul>
                    </section>
                }
            }
        </>
    }
}

fn bundle_card(bundle: &Bundle, store: &crate::store::StoreHandle) -> Html {
    let lang = store.state.lang;
    let facts = bundle_facts(&store.env.catalog, &bundle.id).map(|facts| {
        i18n::bundle_facts(lang, facts.departments_at_least, facts.departments_at_most, facts.promised_days_at_most)
    });
    let in_progress = store.state.application.as_ref().is_some_and(|application| application.bundle == bundle.id);
    // Another application with answers must be finished or deleted first (nothing is lost).
    let blocked = store
        .state
        .application
        .as_ref()
        .is_some_and(|application| application.bundle != bundle.id && !application.answers.is_empty());
    let label = if in_progress { Ui::ContinueDraft } else { Ui::Start };
    let onclick = {
        let (store, id) = (store.clone(), bundle.id.clone());
        Callback::from(move |_| store.dispatch(Action::OpenBundle(id.clone())))
    };
    let heading_id = format!("bundle-{}", bundle.id);
    html! {
        <li class="bundle-card">
            <h3 id={heading_id.clone()}>{ bundle.name.get(lang) }</h3>
            <p>{ bundle.summary.get(lang) }</p>
            if let Some(facts) = facts {
                <p class="bundle-facts">{ facts }</p>
            }
            if blocked {
                <p class="hint">{ Ui::OtherDraftFirst.text(lang) }</p>
            } else {
                <button type="button" class="button" {onclick} aria-describedby={heading_id}>
                    { label.text(lang) }
                </button>
            }
        </li>
    }
}
