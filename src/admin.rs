//! The catalog page for administrators (`admin.html`), a module of its own: it holds the TOML
//! parser and the checker, which the applicants' app does without.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::session::State;

use crate::components::{masthead, skip_link, use_skip_link};
use crate::i18n::Ui;
use crate::pages::CatalogPage;
use crate::platform::catalog_store::StoredCatalog;
use crate::platform::storage::Storage;
use crate::store::{Ambient, AppEnv, Store};

#[derive(Properties, PartialEq)]
pub struct AdminProps {
    pub storage: Storage,
    pub today: yibiao_core::Date,
    /// The catalog loaded on this device, if any (read before start).
    #[prop_or_default]
    pub catalog: Option<Rc<StoredCatalog>>,
}

#[component]
pub fn AdminApp(props: &AdminProps) -> Html {
    let env = {
        let (loaded, today) = (props.catalog.clone(), props.today);
        use_memo((), move |_| {
            let stored = loaded.as_deref().and_then(crate::catalog::InUse::stored);
            let in_use = stored.unwrap_or_else(|| {
                crate::catalog::InUse::whole(&crate::catalog::shipped(), crate::catalog::CatalogOrigin::BuiltIn)
            });
            AppEnv { in_use, durable: None, today, kiosk: None }
        })
    };
    let store = {
        let env = env.clone();
        // The language of the applicants' app, if it was switched there.
        let lang = crate::app::saved_lang(&props.storage);
        use_reducer(move || Store::new(State { lang, ..State::default() }, Rc::clone(&env)))
    };
    crate::hooks::use_effect_on(store.state.lang, |lang| {
        crate::platform::dom::set_document_lang(lang.tag());
        None
    });
    use_skip_link();
    let speech = crate::hooks::use_kept(crate::store::Speech::new);
    let ambient = Ambient::of(&store, speech);
    let lang = store.state.lang;
    html! {
        <ContextProvider<crate::store::StoreHandle> context={store.clone()}>
        <ContextProvider<Ambient> context={ambient.clone()}>
            { skip_link(lang) }
            { masthead(&ambient, true) }
            <main id="main" class="page" tabindex="-1">
                <CatalogPage storage={props.storage.clone()} />
            </main>
            <footer class="footer">
                <p>{ Ui::PrivacyNote.text(lang) }</p>
            </footer>
        </ContextProvider<Ambient>>
        </ContextProvider<crate::store::StoreHandle>>
    }
}
