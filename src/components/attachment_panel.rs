//! Attaching files to a material (附上材料): pick, drop or photograph files, each checked on the
//! device before it is kept (its real type, size, pages, a readable image); the files attached,
//! each with a thumbnail or its page count, to replace or remove; and the files already attached
//! for other materials of this application that fit this one, to reuse.
//!
//! The materials page holds one [`Attachments`] (a hook) and renders a panel per material with
//! it; plain functions rather than a component per panel keep the app small.

use yibiao_core::sorted_map::SortedMap;

use yew::prelude::*;
use yibiao_core::attachment::{fits, Attachment, AttachmentError};
use yibiao_core::catalog::FileType;
use yibiao_core::session::{Action, Application};
use yibiao_core::{Lang, Material, MaterialId};

use crate::components::{unbroken, FilePicker};
use crate::hooks::{use_kept, Kept};
use crate::i18n::{self, Ui};
use crate::platform::file_store::FileStore;
use crate::platform::files;
use crate::platform::storage::StorageError;
use crate::store::StoreHandle;

/// What a panel says about the files being added.
#[derive(Debug, Clone, Default, PartialEq)]
struct Progress {
    /// "Checking …" or "… is attached", for the polite live region.
    status: Option<String>,
    /// Why files were refused, each naming its file.
    problems: Vec<String>,
}

/// The panels' own state: each material's progress, and the material a file is dragged over.
#[derive(Debug, Clone, Default, PartialEq)]
struct Panels {
    progress: SortedMap<MaterialId, Progress>,
    dragging: Option<MaterialId>,
}

impl Panels {
    fn progress(panels: &Kept<Panels>, material: MaterialId, progress: Progress) {
        panels.update(|panels| {
            panels.progress.insert(material, progress);
            true
        });
    }

    /// Only a change draws again (a drag fires its events many times a second).
    fn dragging(panels: &Kept<Panels>, material: Option<MaterialId>) {
        panels.update(|panels| {
            let changed = panels.dragging != material;
            panels.dragging = material;
            changed
        });
    }
}

/// What the materials page needs to render attachment panels.
#[derive(Clone)]
pub struct Attachments {
    store: StoreHandle,
    file_store: FileStore,
    panels: Kept<Panels>,
}

#[hook]
pub fn use_attachments(resources: &crate::store::Resources) -> Attachments {
    let (store, file_store) = (resources.store.clone(), resources.files.clone());
    Attachments { store, file_store, panels: use_kept(Panels::default) }
}

impl Attachments {
    /// Checks `picked` one by one for `material`, keeps each good file on the device and
    /// attaches it (the first in place of `replacing`); says what happened.
    fn add(&self, material: &Material, picked: Vec<files::PickedFile>, replacing: Option<String>) {
        if picked.is_empty() {
            return;
        }
        let (this, material) = (self.clone(), material.clone());
        let lang = self.store.state.lang;
        crate::platform::tasks::spawn(async move {
            // One packet worker digests the whole batch, then goes.
            let _batch = crate::platform::packets::Operation::begin();
            let say = |progress: Progress| Panels::progress(&this.panels, material.id.clone(), progress);
            let mut problems = Vec::new();
            let mut last_added = None;
            let mut replacing = replacing;
            for file in picked {
                let name = file.name();
                say(Progress { status: Some(i18n::file_progress(lang, &name, false)), problems: problems.clone() });
                match files::check_for(&material, &file).await {
                    Ok(mut attachment) => match this.file_store.put(&attachment.id, &file).await {
                        Ok(()) => {
                            attachment.checksums = crate::platform::packets::checksums(&file, &attachment).await;
                            let id = material.id.clone();
                            crate::store::send(
                                &this.store,
                                Action::Attach { material: id, attachment, replacing: replacing.take() },
                            );
                            last_added = Some(name);
                        }
                        Err(error) => problems.push(named(&name, unsaved(&error, lang), lang)),
                    },
                    Err(error) => problems.push(refusal(&name, &error, lang)),
                }
            }
            say(Progress { status: last_added.map(|name| i18n::file_progress(lang, &name, true)), problems });
        });
    }

    /// The panel of `material` in `application`, its controls named from `base`.
    pub fn panel(&self, application: &Application, material: &Material, base: &str) -> Html {
        let lang = self.store.state.lang;
        let attached = application.files_of(&material.id);
        let reusable: Vec<&Attachment> = application
            .attachments
            .values()
            .filter(|file| !attached.iter().any(|kept| kept.id == file.id) && fits(material, file).is_ok())
            .collect();
        let progress = self.panels.progress.get(&material.id).cloned().unwrap_or_default();
        let dragging = self.panels.dragging.as_ref() == Some(&material.id);

        let on_pick = |replacing: Option<String>| {
            let (this, material) = (self.clone(), material.clone());
            Callback::from(move |event: Event| {
                if let Some(picked) = files::take_picked(&event) {
                    this.add(&material, picked, replacing.clone());
                }
            })
        };
        let drag = |over: bool| {
            let (panels, id) = (self.panels.clone(), material.id.clone());
            Callback::from(move |event: DragEvent| {
                event.prevent_default();
                Panels::dragging(&panels, over.then(|| id.clone()));
            })
        };
        let ondrop = {
            let (this, material) = (self.clone(), material.clone());
            Callback::from(move |event: DragEvent| {
                event.prevent_default();
                event.stop_propagation();
                Panels::dragging(&this.panels, None);
                this.add(&material, files::dropped(&event), None);
            })
        };
        let picker_id = format!("{base}-files");
        let remove = |file: &Attachment| {
            let (this, material, id) = (self.clone(), material.id.clone(), file.id.clone());
            let picker_id = picker_id.clone();
            Callback::from(move |_: MouseEvent| {
                crate::store::send(&this.store, Action::Detach { material: material.clone(), file: id.clone() });
                Panels::progress(&this.panels, material.clone(), Progress::default());
                // The removed row is gone: focus goes to the picker, not to the page's start.
                let _ = crate::platform::dom::focus_by_id(&crate::components::file_picker::button_id(&picker_id));
            })
        };
        let reuse = |file: &Attachment| {
            let (store, material, file) = (self.store.clone(), material.id.clone(), file.clone());
            Callback::from(move |_: MouseEvent| {
                crate::store::send(
                    &store,
                    Action::Attach { material: material.clone(), attachment: file.clone(), replacing: None },
                )
            })
        };

        let accept = accept_list(material);
        let takes_images = material.file_types.iter().any(|t| matches!(t, FileType::Jpeg | FileType::Png));
        let name = material.name.get(lang);
        let colon = Ui::Colon.text(lang);
        let hidden = |words: String| html! { <span class="visually-hidden">{ words }</span> };
        html! {
            <div class="attachment-panel" id={format!("{base}-panel")}>
                if !attached.is_empty() {
                    <ul class="file-list" aria-label={format!("{}{colon}{name}", Ui::AttachedFiles.text(lang))}>
                        for (index, file) in attached.iter().enumerate() {
                            <li class="file-row" key={file.id.clone()}>
                                { thumbnail(file) }
                                <div class="file-facts">
                                    <span class="file-name">{ file.name.clone() }</span>
                                    <span class="file-meta">{ unbroken(&i18n::file_facts(lang, file)) }</span>
                                </div>
                                <div class="file-actions">
                                    { FilePicker {
                                        id: format!("{base}-replace-{index}"),
                                        accept: accept.clone().into(),
                                        multiple: false,
                                        camera: false,
                                        button_class: "button button-secondary button-small",
                                        input_class: "",
                                        described_by: None,
                                    }.render(on_pick(Some(file.id.clone())), html! {
                                        <>{ Ui::ReplaceFile.text(lang) }{ hidden(i18n::quoted(&file.name)) }</>
                                    }) }
                                    <button type="button" class="button button-secondary button-small" onclick={remove(file)}>
                                        { Ui::RemoveFile.text(lang) }{ hidden(i18n::quoted(&file.name)) }
                                    </button>
                                </div>
                            </li>
                        }
                    </ul>
                }
                <div class={classes!("drop-zone", dragging.then_some("drop-zone-active"))}
                    ondragover={drag(true)} ondragleave={drag(false)} {ondrop}>
                    { FilePicker {
                        id: picker_id,
                        accept: accept.clone().into(),
                        multiple: true,
                        camera: false,
                        button_class: "button button-secondary",
                        input_class: "",
                        described_by: Some(format!("{base}-drop")),
                    }.render(on_pick(None), html! {
                        <>{ Ui::ChooseFiles.text(lang) }{ hidden(format!("{colon}{name}")) }</>
                    }) }
                    if takes_images {
                        { FilePicker {
                            id: format!("{base}-camera"),
                            accept: AttrValue::from("image/*"),
                            multiple: false,
                            camera: true,
                            button_class: "button button-secondary camera-button",
                            input_class: "camera-input",
                            described_by: None,
                        }.render(on_pick(None), html! {
                            <>{ Ui::TakePhoto.text(lang) }{ hidden(format!("{colon}{name}")) }</>
                        }) }
                    }
                    <p class="drop-hint">{ Ui::DropHere.text(lang) }</p>
                    <p class="files-kept" id={format!("{base}-drop")}>{ Ui::FilesStayHere.text(lang) }</p>
                </div>
                if !reusable.is_empty() {
                    <div class="reuse">
                        <p class="reuse-heading">{ Ui::ReuseHeading.text(lang) }</p>
                        <ul class="reuse-list">
                            for file in reusable.iter() {
                                <li key={file.id.clone()}>
                                    <button type="button" class="button button-secondary button-small" onclick={reuse(file)}>
                                        { format!("{} {}", Ui::UseFile.text(lang), i18n::quoted(&file.name)) }
                                    </button>
                                    <span class="file-meta">{ unbroken(&i18n::file_facts(lang, file)) }</span>
                                </li>
                            }
                        </ul>
                    </div>
                }
                <p class="file-status" role="status">{ progress.status.unwrap_or_default() }</p>
                <div role="alert">
                    for problem in progress.problems {
                        <p class="error-message">
                            <span class="error-icon" aria-hidden="true">{ "✕" }</span>
                            <strong class="error-word">{ Ui::ErrorPrefix.text(lang) }</strong>
                            { problem }
                        </p>
                    }
                </div>
            </div>
        }
    }
}

/// A small picture of an image, made when it was checked; a badge for a PDF.
fn thumbnail(file: &Attachment) -> Html {
    match &file.thumbnail {
        Some(url) => html! { <img class="file-thumb" src={AttrValue::from(url.clone())} alt="" /> },
        None => {
            html! { <span class="file-thumb file-thumb-pdf" aria-hidden="true">{ file.file_type.name() }</span> }
        }
    }
}

/// The picker's filter: the material's types by MIME type and by the usual extensions.
fn accept_list(material: &Material) -> String {
    let mut accepted = Vec::new();
    for file_type in &material.file_types {
        accepted.extend_from_slice(match file_type {
            FileType::Pdf => &["application/pdf", ".pdf"][..],
            FileType::Jpeg => &["image/jpeg", ".jpg", ".jpeg"][..],
            FileType::Png => &["image/png", ".png"][..],
        });
    }
    accepted.join(",")
}

fn named(name: &str, message: String, lang: Lang) -> String {
    format!("{}{}{message}", i18n::quoted(name), Ui::Colon.text(lang))
}

/// Why a file was refused; the type and empty-file errors already name the file.
fn refusal(name: &str, error: &AttachmentError, lang: Lang) -> String {
    match error {
        AttachmentError::UnknownType { .. } | AttachmentError::Empty { .. } => error.message(lang),
        other => named(name, other.message(lang), lang),
    }
}

fn unsaved(error: &StorageError, lang: Lang) -> String {
    match error {
        StorageError::QuotaExceeded => Ui::FilesFull.text(lang).to_owned(),
        _ => Ui::FilesUnsaved.text(lang).to_owned(),
    }
}

/// Keeps the browser from opening a file dropped beside a drop zone (which would leave the
/// page): for the element holding the panels.
pub fn swallow_stray_drop() -> Callback<DragEvent> {
    Callback::from(|event: DragEvent| event.prevent_default())
}
