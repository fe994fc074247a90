//! Home (首页): the saved drafts, most recent first, and the bundles by category.

use yew::prelude::*;

use crate::hooks::use_kept;
use yibiao_core::catalog::pieces::BundleCard;
use yibiao_core::catalog::Category;
use yibiao_core::search;
use yibiao_core::session::Action;

use std::rc::Rc;

use crate::components::{
    helper_panel, open_packet, set_aside_list, use_helper_form, use_open_packet, use_set_aside_list, DraftPanel,
};
use crate::hooks::{use_offline_catalog, use_page_heading, PieceStatus, Pieces};
use crate::i18n::{self, PacketUi, Ui};
use crate::platform::packets::Incoming;

#[component]
pub fn HomePage() -> Html {
    let resources = crate::store::use_resources();
    let store = resources.store.clone();
    let ambient = crate::store::use_ambient();
    let lang = store.state.lang;
    // A packet shown as the window's intake record, in place of the home page (never stored).
    let intake = use_kept(|| None::<Rc<Incoming>>);
    let heading = use_page_heading(if intake.is_some() {
        super::intake::intake_heading(lang)
    } else {
        Ui::HomeHeading.text(lang)
    });
    {
        let heading = heading.clone();
        crate::hooks::use_effect_on(intake.is_some(), move |_| {
            crate::platform::dom::focus_node(&heading);
            None
        });
    }
    let on_intake = {
        let intake = intake.clone();
        Callback::from(move |incoming: Rc<Incoming>| intake.set(Some(incoming)))
    };
    let cards = &store.env.in_use.index.cards;
    let pieces = resources.pieces.clone();
    let offline = use_offline_catalog(&store.env.in_use.index);
    let set_aside = use_set_aside_list(&resources.shelf);
    let helper_form = use_helper_form();
    let open_state = use_open_packet();
    let durable = store.env.durable;

    let drafts: Vec<_> = store.state.recent_drafts().into_iter().map(|draft| draft.id.clone()).collect();
    let elder_on = {
        let store = store.clone();
        Callback::from(move |_| crate::store::send(&store, Action::SetElder(1)))
    };
    // What the search box holds: on screen only, never saved.
    let query = use_kept(String::new);
    let found = |bundle: &&BundleCard| search::matches(bundle, &query);
    let count = cards.iter().filter(found).count();
    let on_search = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| query.set(crate::platform::dom::input_value(&event)))
    };

    if let Some(incoming) = &*intake {
        let close = {
            let intake = intake.clone();
            Callback::from(move |_: MouseEvent| intake.set(None))
        };
        return super::intake::intake_body(incoming, &ambient, &heading, close);
    }
    let categories = [
        (Category::Enterprise, Ui::CategoryEnterprise, "category-enterprise"),
        (Category::Personal, Ui::CategoryPersonal, "category-personal"),
    ];
    html! {
        <>
            <h1 ref={heading} tabindex="-1">{ Ui::HomeHeading.text(lang) }</h1>
            <p class="lead">{ Ui::HomeIntro.text(lang) }</p>
            // The elder version, offered where everyone starts (issue 15).
            if store.state.elder == 0 {
                <div class="elder-invite">
                    <p>{ Ui::ElderInvite.text(lang) }</p>
                    <button type="button" class="button button-large" onclick={elder_on}>{ Ui::ElderTurnOn.text(lang) }</button>
                </div>
            }
            { helper_panel(&ambient, &helper_form) }
            if !drafts.is_empty() {
                <section class="draft-list" aria-labelledby="drafts-heading">
                    <h2 id="drafts-heading" tabindex="-1">{ Ui::DraftHeading.text(lang) }</h2>
                    <p>{ Ui::DraftIntro.text(lang) }</p>
                    <p class="hint durability">
                        { if durable == Some(true) { PacketUi::DraftsKept.text(lang) } else { PacketUi::DraftsMayBeCleared.text(lang) } }
                    </p>
                    <ul class="draft-panels">
                        for draft in drafts {
                            <DraftPanel key={draft.as_str().to_owned()} draft={draft.clone()} />
                        }
                    </ul>
                </section>
            }
            { set_aside_list(lang, &set_aside) }
            { open_packet(&ambient, &resources, &open_state, &on_intake) }
            <div class="form-group search">
                <label class="label" for="bundle-search">{ Ui::SearchLabel.text(lang) }</label>
                <p class="hint" id="bundle-search-hint">{ Ui::SearchHint.text(lang) }</p>
                <input class="input input-width-20" id="bundle-search" type="search" autocomplete="off"
                    spellcheck="false" value={(*query).clone()} aria-describedby="bundle-search-hint bundle-search-count"
                    oninput={on_search} />
                <p class="hint" id="bundle-search-count" aria-live="polite">
                    if !query.trim().is_empty() {
                        { i18n::search_count(lang, count, query.trim()) }
                    }
                </p>
            </div>
            for (category, title, heading_id) in categories {
                if cards.iter().filter(found).any(|bundle| bundle.category == category) {
                    <section class="bundle-group" aria-labelledby={heading_id}>
                        <h2 id={heading_id}>{ title.text(lang) }</h2>
                        <ul class="bundle-list">
                            for bundle in cards.iter().filter(found).filter(|bundle| bundle.category == category) {
                                { bundle_card(bundle, lang, &pieces) }
                            }
                        </ul>
                    </section>
                }
            }
            // Last, so that it moves nothing when it comes (the cache is asked once the page is up).
            if let Some(offline) = offline {
                <p class="hint offline-status" role="status">
                    { i18n::offline_catalog(lang, offline.kept, offline.total, offline.missing_bytes) }
                </p>
            }
        </>
    }
}

/// A bundle's card, from the index alone; starting it loads its piece first.
fn bundle_card(bundle: &BundleCard, lang: yibiao_core::Lang, pieces: &Pieces) -> Html {
    let facts = i18n::bundle_facts(
        lang,
        bundle.departments_at_least.into(),
        bundle.departments_at_most.into(),
        bundle.promised_days_at_most,
    );
    let onclick = {
        let (pieces, id) = (pieces.clone(), bundle.id.clone());
        Callback::from(move |_| pieces.then(id.clone(), Action::StartDraft(id.clone())))
    };
    let heading_id = format!("bundle-{}", bundle.id);
    let status = pieces.status(&bundle.id);
    html! {
        <li class="bundle-card">
            <h3 id={heading_id.clone()}>{ bundle.name.get(lang) }</h3>
            <p>{ bundle.summary.get(lang) }</p>
            <p class="bundle-facts">{ facts }</p>
            <p role="status" class={classes!(matches!(status, Some(PieceStatus::Failed(_))).then_some("error-message"))}>
                { status.as_ref().map(|status| status.message(lang, bundle.name.get(lang))) }
            </p>
            <button type="button" class="button" {onclick} aria-describedby={heading_id}>
                { Ui::Start.text(lang) }
            </button>
        </li>
    }
}
