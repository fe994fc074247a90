//! Loading a catalog file (加载事项目录): for hall administrators, on a page of its own
//! (`admin.html`, its own WebAssembly module) so that the applicants' app carries no TOML
//! parser. The picked files are checked on the device with the same loader the build uses; a
//! catalog with errors is refused with every problem listed, a clean one is stored in compact
//! form for the app to start from, and the built-in one can be restored. Replacing the catalog
//! changes the device for every applicant after, so it is a deliberate act: the page shows what
//! the new catalog changes against the one in use and asks to confirm.
//!
//! This page's own words stay here rather than in `i18n`: the applicants' module never renders
//! this page, so they cost it nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{use_kept, Kept};
use yibiao_core::catalog::{encode_sources, has_errors, read_files, Checking, Diagnostic, Severity, Source};
use yibiao_core::catalog_change::Replacement;
use yibiao_core::{Catalog, Lang, Text};

use crate::catalog::CatalogOrigin;
use crate::hooks::use_page_heading;
use crate::i18n::Ui;
use crate::platform::catalog_store::{self, StoredCatalog};
use crate::platform::storage::{Storage, StorageError};
use crate::platform::{dom, files, timers};
use crate::store::use_store;

#[derive(Properties, PartialEq)]
pub struct CatalogPageProps {
    /// Where the drafts are, and the mark that a catalog is kept in IndexedDB.
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
    /// Checked: the files, what the loader made of them, its problems, a summary, and what it
    /// changes against the catalog in use.
    Done {
        sources: Rc<Vec<Source>>,
        catalog: Rc<Catalog>,
        diagnostics: Rc<Vec<Diagnostic>>,
        summary: String,
        change: Rc<Replacement>,
    },
}

#[component]
pub fn CatalogPage(props: &CatalogPageProps) -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let heading = use_page_heading(Ui::CatalogHeading.text(lang));
    let checked = use_kept(|| Checked::Nothing);
    // Whether "use this catalog" was chosen and waits for its confirmation.
    let confirming = use_kept(|| false);

    let on_pick = {
        let (checked, confirming, env) = (checked.clone(), confirming.clone(), Rc::clone(&store.env));
        Callback::from(move |event: Event| {
            let Some(input) = files::input_of(&event) else { return };
            confirming.set(false);
            let (checked, env) = (checked.clone(), Rc::clone(&env));
            checked.set(Checked::Checking { done: 0, total: files::listed(input.files()).len() });
            crate::platform::tasks::spawn(async move {
                match files::read_picked_bytes(&input).await {
                    Err(unreadable) => checked.set(Checked::Unreadable(unreadable.name)),
                    Ok(picked) => checked.set(
                        check_in_slices(picked, lang, &env.in_use.catalog, |done, total| {
                            checked.set(Checked::Checking { done, total })
                        })
                        .await,
                    ),
                }
            });
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    // Why storing or restoring failed, if it did: the catalog in use is then as it was.
    let failed = use_kept(|| None::<StorageError>);
    let use_it = {
        let (checked, storage, failed) = (checked.clone(), props.storage.clone(), failed.clone());
        Callback::from(move |_| {
            if let Checked::Done { sources, catalog, .. } = &*checked {
                let published = yibiao_core::catalog::pieces::publish(catalog).encode_text();
                let stored = StoredCatalog { published, sources: encode_sources(sources) };
                store_then_reload(storage.clone(), Some(stored), failed.clone());
            }
        })
    };
    let restore = {
        let (storage, failed) = (props.storage.clone(), failed.clone());
        Callback::from(move |_| store_then_reload(storage.clone(), None, failed.clone()))
    };

    let current = match store.env.in_use.origin {
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
                <p>{ store.env.in_use.catalog.summary(lang) }</p>
                if store.env.in_use.origin == CatalogOrigin::Loaded {
                    <button type="button" class="button button-secondary" onclick={restore}>{ Ui::CatalogRestore.text(lang) }</button>
                }
            </div>
            <div class="form-group">
                <label class="label" for="catalog-files">{ Ui::CatalogChooseFiles.text(lang) }</label>
                <p class="hint" id="catalog-files-hint">{ Ui::CatalogChooseHint.text(lang) }</p>
                <input class="file-input" id="catalog-files" type="file" accept=".toml" multiple=true
                    aria-describedby="catalog-files-hint" onchange={on_pick} />
            </div>
            if let Some(error) = (*failed).clone() {
                <p class="error-message" role="alert">{ storing_failed(lang, &error) }</p>
            }
            <div aria-live="polite">
                { result(&checked, lang, *confirming, Choices { ask, cancel, use_it }) }
            </div>
        </>
    }
}

/// Checks picked files one at a time, giving the browser a turn between files so that the page
/// keeps answering and shows how far it got. Files that are not text are refused alone, each
/// with one message, exactly as the checker command refuses them.
async fn check_in_slices(
    picked: Vec<(String, Vec<u8>)>,
    lang: Lang,
    in_use: &Catalog,
    progress: impl Fn(usize, usize),
) -> Checked {
    let (sources, refused) = read_files(picked);
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
        checking.finish_with(refused)
    };
    let summary = catalog.summary(lang);
    let change = Rc::new(Replacement::between(in_use, &catalog));
    Checked::Done {
        sources: Rc::new(sources),
        catalog: Rc::new(catalog),
        diagnostics: Rc::new(diagnostics),
        summary,
        change,
    }
}

/// The buttons of a clean check: ask to use it, then confirm or cancel.
struct Choices {
    ask: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
    use_it: Callback<MouseEvent>,
}

fn result(checked: &Checked, lang: Lang, confirming: bool, choices: Choices) -> Html {
    match checked {
        Checked::Nothing => html! {},
        Checked::Checking { done, total } => html! {
            <div class="catalog-progress">
                <p role="status">{ progress_text(lang, *done, *total) }</p>
                <progress max={total.to_string()} value={done.to_string()}
                    aria-label={ Ui::CatalogChecking.text(lang) }></progress>
            </div>
        },
        Checked::Unreadable(name) => html! {
            <p class="error-message">{ format!("{}: {name}", Ui::CatalogUnreadableFile.text(lang)) }</p>
        },
        Checked::Done { sources, diagnostics, summary, change, .. } => {
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let counts = yibiao_core::catalog::diagnostic::problem_counts(lang, errors, diagnostics.len() - errors);
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
                        { replacement(lang, change) }
                        if confirming {
                            <div class="panel" role="alertdialog" aria-labelledby="confirm-replace">
                                <p id="confirm-replace"><strong>{ lang.pick(
                                    "确定用这个目录替换正在使用的目录吗？此后这台设备上的每一位申请人都将使用它。已保存的草稿不会被删除。",
                                    "Replace the catalog in use with this one? Every applicant at this device will use it from now on. Saved drafts are not deleted.",
                                ) }</strong></p>
                                <button type="button" class="button" onclick={choices.use_it}>{ lang.pick("确定替换", "Replace it") }</button>
                                { " " }
                                <button type="button" class="button button-secondary" onclick={choices.cancel}>{ lang.pick("取消", "Cancel") }</button>
                            </div>
                        } else {
                            <button type="button" class="button" onclick={choices.ask}>{ Ui::CatalogUse.text(lang) }</button>
                        }
                    }
                </section>
            }
        }
    }
}

/// What the checked catalog changes against the one in use, in plain words.
fn replacement(lang: Lang, change: &Replacement) -> Html {
    // Eight names are enough to recognise a catalog; the count says the rest.
    const NAMED: usize = 8;
    let names = |texts: &[Text]| {
        let named: Vec<&str> = texts.iter().take(NAMED).map(|text| text.get(lang)).collect();
        let list = named.join(lang.pick("、", ", "));
        match (texts.len().saturating_sub(NAMED), lang) {
            (0, _) => list,
            (more, Lang::Zh) => format!("{list}，另有 {more} 个"),
            (more, Lang::En) => format!("{list}, and {more} more"),
        }
    };
    let line = |zh: &str, en: &str, texts: &[Text]| -> Html {
        if texts.is_empty() {
            return html! {};
        }
        let label = match lang {
            Lang::Zh => format!("{zh}（{} 个）：", texts.len()),
            Lang::En => format!("{en} ({}): ", texts.len()),
        };
        html! { <li>{ label }{ names(texts) }</li> }
    };
    let versions = match lang {
        Lang::Zh => format!(
            "与正在使用的目录（版本 {}）相比，这个目录（版本 {}）保留 {} 个一件事：",
            change.version_before, change.version_after, change.bundles_kept
        ),
        Lang::En => format!(
            "Against the catalog in use (version {}), this one (version {}) keeps {} bundles:",
            change.version_before, change.version_after, change.bundles_kept
        ),
    };
    let unchanged = change.bundles_added.is_empty()
        && change.bundles_removed.is_empty()
        && change.items_added.is_empty()
        && change.items_removed.is_empty();
    html! {
        <div class="catalog-replacement">
            <p>{ versions }</p>
            if unchanged {
                <p>{ lang.pick("一件事和事项都没有增减。", "no bundle or item comes or goes.") }</p>
            } else {
                <ul class="list">
                    { line("新增一件事", "Bundles added", &change.bundles_added) }
                    { line("不再提供的一件事", "Bundles no longer offered", &change.bundles_removed) }
                    { line("新增事项", "Items added", &change.items_added) }
                    { line("不再提供的事项", "Items no longer offered", &change.items_removed) }
                </ul>
            }
        </div>
    }
}

/// Keeps `catalog` on this device (or, for `None`, goes back to the built-in one), then starts
/// again with it; if it cannot be stored, nothing changed and `failed` says why.
fn store_then_reload(storage: Storage, catalog: Option<StoredCatalog>, failed: Kept<Option<StorageError>>) {
    crate::platform::tasks::spawn(async move {
        match catalog_store::write(&storage, catalog.as_ref()).await {
            Ok(()) => dom::reload(),
            Err(error) => failed.set(Some(error)),
        }
    });
}

/// Why the catalog could not be stored, and that nothing changed.
fn storing_failed(lang: Lang, error: &StorageError) -> String {
    let why = match (error, lang) {
        (StorageError::QuotaExceeded, Lang::Zh) => "本机存储空间不够，放不下这个目录".to_owned(),
        (StorageError::QuotaExceeded, Lang::En) => "this device's storage has no room for this catalog".to_owned(),
        (StorageError::Unavailable, Lang::Zh) => "这个浏览器不允许保存数据".to_owned(),
        (StorageError::Unavailable, Lang::En) => "this browser does not allow storing data".to_owned(),
        (StorageError::Failed(detail), Lang::Zh) => format!("保存失败（{detail}）"),
        (StorageError::Failed(detail), Lang::En) => format!("storing failed ({detail})"),
    };
    match lang {
        Lang::Zh => format!("{why}。正在使用的目录没有改变。"),
        Lang::En => format!("Not done: {why}. The catalog in use has not changed."),
    }
}

/// How far checking the picked files has got.
fn progress_text(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("正在检查：已读完 {done} 个文件，共 {total} 个……"),
        Lang::En => format!("Checking: {done} of {total} files read…"),
    }
}
