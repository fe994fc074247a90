//! Loading a catalog file (加载事项目录): for hall administrators, on a page of its own
//! (`admin.html`, its own WebAssembly module) so that the applicants' app carries no TOML
//! parser. The picked files are checked on the device with the same loader the build uses; a
//! catalog with errors is refused with every problem listed, a clean one is stored in compact
//! form for the app to start from, and the built-in one can be restored.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::catalog::{compact, encode_sources, has_errors, load, Diagnostic, Severity, Source};
use yibiao_core::Catalog;

use crate::catalog::{CatalogOrigin, CATALOG_KEY, COMPACT_CATALOG_KEY};
use crate::hooks::use_page_heading;
use crate::i18n::{self, Ui};
use crate::platform::storage::Storage;
use crate::platform::{dom, files};
use crate::store::use_store;

#[derive(Properties, PartialEq)]
pub struct CatalogPageProps {
    pub storage: Storage,
}

/// What checking the picked files gave.
#[derive(Debug, Clone, PartialEq)]
enum Checked {
    Nothing,
    Checking,
    Unreadable(String),
    /// Checked: the files, what the loader made of them, its problems and a summary.
    Done {
        sources: Rc<Vec<Source>>,
        catalog: Rc<Catalog>,
        diagnostics: Rc<Vec<Diagnostic>>,
        summary: String,
    },
}

#[component]
pub fn CatalogPage(props: &CatalogPageProps) -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let heading = use_page_heading(Ui::CatalogHeading.text(lang));
    let checked = use_state(|| Checked::Nothing);

    let on_pick = {
        let checked = checked.clone();
        Callback::from(move |event: Event| {
            let Some(input) = files::input_of(&event) else { return };
            let checked = checked.clone();
            checked.set(Checked::Checking);
            wasm_bindgen_futures::spawn_local(async move {
                match files::read_picked_texts(&input).await {
                    Err(unreadable) => checked.set(Checked::Unreadable(unreadable.name)),
                    Ok(picked) => {
                        let sources: Vec<Source> =
                            picked.into_iter().map(|(path, text)| Source { path, text }).collect();
                        let (catalog, diagnostics) = load(&sources);
                        let summary = i18n::catalog_summary(lang, &catalog);
                        checked.set(Checked::Done {
                            sources: Rc::new(sources),
                            catalog: Rc::new(catalog),
                            diagnostics: Rc::new(diagnostics),
                            summary,
                        });
                    }
                }
            });
        })
    };
    let use_it = {
        let (checked, storage) = (checked.clone(), props.storage.clone());
        Callback::from(move |_| {
            if let Checked::Done { sources, catalog, .. } = &*checked {
                let stored = storage
                    .set(COMPACT_CATALOG_KEY, &compact::encode_text(catalog))
                    .and_then(|()| storage.set(CATALOG_KEY, &encode_sources(sources)));
                if stored.is_ok() {
                    dom::reload();
                }
            }
        })
    };
    let restore = {
        let storage = props.storage.clone();
        Callback::from(move |_| {
            if storage.remove(COMPACT_CATALOG_KEY).and_then(|()| storage.remove(CATALOG_KEY)).is_ok() {
                dom::reload();
            }
        })
    };

    let current = match store.env.origin {
        CatalogOrigin::BuiltIn => Ui::CatalogCurrentBuiltIn,
        CatalogOrigin::Loaded => Ui::CatalogCurrentLoaded,
    };
    html! {
        <>
            <a class="back-link" href="./">{ Ui::BackHome.text(lang) }</a>
            <h1 ref={heading} tabindex="-1">{ Ui::CatalogHeading.text(lang) }</h1>
            <p class="lead">{ Ui::CatalogIntro.text(lang) }</p>
            <div class="panel">
                <p><strong>{ current.text(lang) }</strong></p>
                <p>{ i18n::catalog_summary(lang, &store.env.catalog) }</p>
                if store.env.origin == CatalogOrigin::Loaded {
                    <button type="button" class="button button-secondary" onclick={restore}>{ Ui::CatalogRestore.text(lang) }</button>
                }
            </div>
            <div class="form-group">
                <label class="label" for="catalog-files">{ Ui::CatalogChooseFiles.text(lang) }</label>
                <p class="hint" id="catalog-files-hint">{ Ui::CatalogChooseHint.text(lang) }</p>
                <input class="file-input" id="catalog-files" type="file" accept=".toml" multiple=true
                    aria-describedby="catalog-files-hint" onchange={on_pick} />
            </div>
            <div aria-live="polite">
                { result(&checked, lang, use_it) }
            </div>
        </>
    }
}

fn result(checked: &Checked, lang: yibiao_core::Lang, use_it: Callback<MouseEvent>) -> Html {
    match checked {
        Checked::Nothing => html! {},
        Checked::Checking => html! { <p>{ Ui::CatalogChecking.text(lang) }</p> },
        Checked::Unreadable(name) => html! {
            <p class="error-message">{ format!("{}: {name}", Ui::CatalogUnreadableFile.text(lang)) }</p>
        },
        Checked::Done { sources, diagnostics, summary, .. } => {
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let counts = i18n::problem_counts(lang, errors, diagnostics.len() - errors);
            let rendered: Vec<String> = diagnostics
                .iter()
                .map(|diagnostic| {
                    let text =
                        sources.iter().find(|source| source.path == diagnostic.file).map_or("", |s| s.text.as_str());
                    diagnostic.render(text, lang)
                })
                .collect();
            let refused = has_errors(diagnostics);
            html! {
                <section class={classes!("catalog-result", refused.then_some("error-summary"))} aria-label={counts.clone()}>
                    <p><strong>{ if refused { Ui::CatalogRefused.text(lang) } else { Ui::CatalogReady.text(lang) } }</strong></p>
                    <p>{ summary.clone() }{ lang.pick("；", "; ") }{ counts }</p>
                    if !rendered.is_empty() {
                        <pre class="diagnostics">{ rendered.join("\n\n") }</pre>
                    }
                    if !refused {
                        <button type="button" class="button" onclick={use_it}>{ Ui::CatalogUse.text(lang) }</button>
                    }
                </section>
            }
        }
    }
}
