//! Loading a catalog file (加载事项目录): for hall administrators, on a page of its own
//! (`admin.html`, its own WebAssembly module) so that the applicants' app carries no TOML
//! parser. The picked files are checked on the device with the same loader the build uses; a
//! catalog with errors is refused with every problem listed, a clean one is stored in compact
//! form for the app to start from, and the built-in one can be restored.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::catalog::{
    compact, decode_source, encode_sources, has_errors, Checking, Diagnostic, Severity, Source,
};
use yibiao_core::Catalog;

use crate::catalog::{CatalogOrigin, CATALOG_KEY, COMPACT_CATALOG_KEY};
use crate::hooks::use_page_heading;
use crate::i18n::{self, Ui};
use crate::platform::storage::Storage;
use crate::platform::{dom, files, timers};
use crate::store::use_store;

#[derive(Properties, PartialEq)]
pub struct CatalogPageProps {
    pub storage: Storage,
}

/// What checking the picked files gave.
#[derive(Debug, Clone, PartialEq)]
enum Checked {
    Nothing,
    /// Files read and checked so far, of how many.
    Checking {
        done: usize,
        total: usize,
    },
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
            checked.set(Checked::Checking { done: 0, total: files::listed(input.files()).len() });
            wasm_bindgen_futures::spawn_local(async move {
                match files::read_picked_bytes(&input).await {
                    Err(unreadable) => checked.set(Checked::Unreadable(unreadable.name)),
                    Ok(picked) => checked.set(
                        check_in_slices(picked, lang, |done, total| checked.set(Checked::Checking { done, total }))
                            .await,
                    ),
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

/// Checks picked files one at a time, giving the browser a turn between files so that the page
/// keeps answering and shows how far it got. Files that are not text are refused alone, each
/// with one message, exactly as the checker command refuses them.
async fn check_in_slices(
    picked: Vec<(String, Vec<u8>)>,
    lang: yibiao_core::Lang,
    progress: impl Fn(usize, usize),
) -> Checked {
    let (mut sources, mut refused) = (Vec::new(), Vec::new());
    for (path, bytes) in picked {
        match decode_source(path, &bytes) {
            Ok(source) => sources.push(source),
            Err(diagnostic) => refused.push(*diagnostic),
        }
    }
    let (catalog, diagnostics) = {
        let mut checking = Checking::new(&sources);
        loop {
            let (done, total) = checking.progress();
            progress(done, total);
            timers::yield_to_browser().await;
            if !checking.step() {
                break;
            }
        }
        checking.finish()
    };
    let summary = i18n::catalog_summary(lang, &catalog);
    let diagnostics: Vec<Diagnostic> = refused.into_iter().chain(diagnostics).collect();
    Checked::Done { sources: Rc::new(sources), catalog: Rc::new(catalog), diagnostics: Rc::new(diagnostics), summary }
}

fn result(checked: &Checked, lang: yibiao_core::Lang, use_it: Callback<MouseEvent>) -> Html {
    match checked {
        Checked::Nothing => html! {},
        Checked::Checking { done, total } => html! {
            <div class="catalog-progress">
                <p role="status">{ i18n::catalog_progress(lang, *done, *total) }</p>
                <progress max={total.to_string()} value={done.to_string()}
                    aria-label={ Ui::CatalogChecking.text(lang) }></progress>
            </div>
        },
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
