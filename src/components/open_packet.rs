//! Opening a packet (打开申请包) on the home page, by file picker or drag and drop: the worker
//! checks the bag, the document and the catalog and says exactly what is wrong if anything
//! is; a packet that passes is then continued as a draft (its files kept on this device) or
//! shown as the window's intake record.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{use_kept, Kept};

use crate::catalog::PieceFailure;
use yibiao_core::session::Action;

use crate::components::packet_export::failure_words;
use crate::components::FilePicker;
use crate::i18n::{self, PacketUi, Ui};
use crate::platform::file_store::FileStore;
use crate::platform::files::{self, PickedFile};
use crate::platform::packets::{self, Incoming};
use crate::store::{Ambient, Resources};

#[derive(Clone)]
enum Status {
    Idle,
    Checking(String),
    Failed(String),
    Opened(Rc<Incoming>),
}

/// The largest file the worker is given: no packet within the reader's limits is larger.
const LARGEST: f64 = yibiao_core::packet::unzip::MAX_PACKET_BYTES as f64;

/// The panel's own state, kept by the home page (a component of its own would cost the first
/// load a copy of Yew's machinery, issue 16): where opening stands, and whether a file is
/// dragged over it.
#[derive(Clone)]
pub struct OpenPacketState {
    status: Kept<Status>,
    dragging: Kept<bool>,
}

#[hook]
pub fn use_open_packet() -> OpenPacketState {
    OpenPacketState { status: use_kept(|| Status::Idle), dragging: use_kept(|| false) }
}

/// The panel; `on_intake` shows an opened packet as the intake record.
pub fn open_packet(
    ambient: &Ambient,
    resources: &Resources,
    state: &OpenPacketState,
    on_intake: &Callback<Rc<Incoming>>,
) -> Html {
    let store = resources.files.clone();
    let OpenPacketState { status, dragging } = state.clone();
    let lang = ambient.lang;
    let pieces = resources.pieces.clone();
    let take = {
        let (status, env, pieces) = (status.clone(), ambient.env.clone(), pieces.clone());
        Rc::new(move |picked: Vec<PickedFile>| {
            let [file] = &picked[..] else {
                if !picked.is_empty() {
                    status.set(Status::Failed(PacketUi::PacketOneFile.text(lang).to_owned()));
                }
                return;
            };
            if file.size() > LARGEST {
                status.set(Status::Failed(PacketUi::PacketTooLarge.text(lang).to_owned()));
                return;
            }
            status.set(Status::Checking(file.name()));
            let (status, env, file, pieces) = (status.clone(), env.clone(), file.clone(), pieces.clone());
            crate::platform::tasks::spawn(async move {
                let opened =
                    packets::open(&file, Some(&env.in_use.worker_text()), crate::platform::clock::now_ms()).await;
                match opened {
                    // Shown once its bundle's piece is in the catalog in use (the worker fetched
                    // one it lacked for itself).
                    Ok(incoming) => {
                        let incoming = Rc::new(incoming);
                        let bundle = incoming.draft.bundle.clone();
                        let name = env.in_use.index.bundle_name(&bundle, lang).to_owned();
                        let status = status.clone();
                        pieces.call(
                            bundle,
                            Callback::from(move |came: Result<(), PieceFailure>| {
                                status.set(match came {
                                    Ok(()) => Status::Opened(Rc::clone(&incoming)),
                                    Err(failure) => Status::Failed(i18n::piece_failure(lang, Some(&name), &failure)),
                                })
                            }),
                        );
                    }
                    Err(failure) => status.set(Status::Failed(failure_words(lang, &failure))),
                }
            });
        })
    };
    let onchange = {
        let take = Rc::clone(&take);
        Callback::from(move |event: Event| take(files::take_picked(&event).unwrap_or_default()))
    };
    let drag = |over: bool| {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            // Only a change draws again: a drag fires its events many times a second.
            dragging.update(|now| std::mem::replace(now, over) != over);
        })
    };
    let ondrop = {
        let (take, dragging) = (Rc::clone(&take), dragging.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            event.stop_propagation();
            dragging.set(false);
            take(files::dropped(&event));
        })
    };
    let said = match &*status {
        Status::Idle => html! {},
        Status::Checking(name) => html! { <p role="status">{ i18n::packet_checking(lang, name) }</p> },
        Status::Failed(message) => html! {
            <p class="error-message" role="alert"><span class="visually-hidden">{ Ui::ErrorPrefix.text(lang) }</span>{ message.clone() }</p>
        },
        Status::Opened(incoming) => opened(incoming, ambient, &store, &status, on_intake),
    };
    html! {
        <section class="panel open-packet" aria-labelledby="open-packet-heading">
            <h2 id="open-packet-heading">{ PacketUi::OpenPacketHeading.text(lang) }</h2>
            <div class={classes!("drop-zone", dragging.then_some("drop-zone-active"))}
                ondragover={drag(true)} ondragleave={drag(false)} {ondrop}>
                <p class="hint" id="open-packet-hint">{ PacketUi::OpenPacketHint.text(lang) }</p>
                { FilePicker {
                    id: "open-packet-file".to_owned(),
                    accept: AttrValue::from(".zip,application/zip"),
                    multiple: false,
                    camera: false,
                    button_class: "button button-secondary",
                    input_class: "",
                    described_by: Some("open-packet-hint".to_owned()),
                }.render(onchange, html! { { PacketUi::ChoosePacket.text(lang) } }) }
            </div>
            <div aria-live="polite">{ said }</div>
        </section>
    }
}

/// What was opened, and the two ways on.
fn opened(
    incoming: &Rc<Incoming>,
    ambient: &crate::store::Ambient,
    store: &FileStore,
    status: &Kept<Status>,
    on_intake: &Callback<Rc<Incoming>>,
) -> Html {
    let lang = ambient.lang;
    let catalog = &ambient.env.in_use.catalog;
    let bundle = ambient.env.in_use.index.bundle_name(&incoming.draft.bundle, lang);
    let applicant = incoming.draft.display_name(catalog).unwrap_or_default();
    let carry_on = {
        let (incoming, store, status, dispatch) =
            (Rc::clone(incoming), store.clone(), status.clone(), ambient.dispatch.clone());
        Callback::from(move |_| {
            let (incoming, store, status, dispatch) =
                (Rc::clone(&incoming), store.clone(), status.clone(), dispatch.clone());
            crate::platform::tasks::spawn(async move {
                match packets::keep_files(&store, &incoming).await {
                    Ok(draft) => {
                        status.set(Status::Idle);
                        dispatch.send(Action::Import(Box::new(draft)));
                    }
                    Err(_) => status.set(Status::Failed(PacketUi::PacketFilesNotKept.text(lang).to_owned())),
                }
            });
        })
    };
    let intake = {
        let (incoming, on_intake) = (Rc::clone(incoming), on_intake.clone());
        Callback::from(move |_| on_intake.emit(Rc::clone(&incoming)))
    };
    let cancel = {
        let status = status.clone();
        Callback::from(move |_| status.set(Status::Idle))
    };
    html! {
        <div class="opened-packet">
            <p role="status">{ i18n::packet_opened(lang, &incoming.file_name, bundle, applicant, &incoming.fingerprint) }</p>
            if !incoming.same_catalog {
                <p class="hint">{ i18n::packet_other_catalog(lang, &incoming.catalog_version) }</p>
            }
            <div class="button-group">
                <button type="button" class="button" onclick={carry_on}>{ PacketUi::ContinueAsDraft.text(lang) }</button>
                <button type="button" class="button button-secondary" onclick={intake}>{ PacketUi::ShowIntake.text(lang) }</button>
                <button type="button" class="button button-secondary" onclick={cancel}>{ PacketUi::Cancel.text(lang) }</button>
            </div>
        </div>
    }
}
