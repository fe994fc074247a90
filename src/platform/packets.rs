//! The page's half of the packet work: the packet worker (`packet-worker.js`, a WebAssembly
//! module of its own) is started on first use and ended once nothing more is asked of it; each
//! request is a message with an id, answered by a promise. Bytes travel as transferred buffers and never enter this module's
//! memory: attachments go from IndexedDB to the worker, and the packet from the worker to a
//! download.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, Worker};

/// The script that starts the worker, beside the app.
const WORKER_SCRIPT: &str = "./packet-worker.js";

/// Why a request was not done: the worker's own words (zh, en); no worker (it could not be
/// started, or stopped answering); or a picked file the browser could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PacketFailure {
    Refused { zh: String, en: String },
    NoWorker,
    Unreadable,
}

/// What the worker answered: its header and its buffers.
pub struct Answer {
    pub header: String,
    pub buffers: Vec<Uint8Array>,
}

type Pending = Rc<RefCell<BTreeMap<u32, Function>>>;

struct Running {
    worker: Worker,
    pending: Pending,
    next: Cell<u32>,
}

thread_local! {
    static RUNNING: RefCell<Option<Rc<Running>>> = const { RefCell::new(None) };
}

fn running() -> Option<Rc<Running>> {
    if let Some(running) = RUNNING.with(|slot| slot.borrow().clone()) {
        return Some(running);
    }
    let worker = Worker::new(WORKER_SCRIPT).ok()?;
    let pending: Pending = Rc::default();
    let answered = Rc::clone(&pending);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = Array::from(&data).get(0).as_f64().unwrap_or(-1.0) as u32;
        let resolve = answered.borrow_mut().remove(&id);
        // With nothing else asked, the worker goes: its memory (the attachments, the packet,
        // the applicant's data) goes with it, and the next request starts a fresh one.
        if answered.borrow().is_empty() {
            RUNNING.with(|slot| slot.borrow_mut().take()).inspect(|running| running.worker.terminate());
        }
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker that fails (its script missing, its module crashed) answers nothing more: every
    // waiting request is answered "no worker", and the next request starts a new one.
    let failed = Rc::clone(&pending);
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        RUNNING.with(|slot| slot.borrow_mut().take()).inspect(|running| running.worker.terminate());
        for (_, resolve) in std::mem::take(&mut *failed.borrow_mut()) {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let running = Rc::new(Running { worker, pending, next: Cell::new(1) });
    RUNNING.with(|slot| *slot.borrow_mut() = Some(Rc::clone(&running)));
    Some(running)
}

/// Sends one request and waits for its answer. `catalog` is the compact text of a catalog
/// loaded on this device (none: the one built in).
pub async fn request(
    kind: &str,
    header: &str,
    catalog: Option<&str>,
    buffers: Vec<Uint8Array>,
) -> Result<Answer, PacketFailure> {
    let running = running().ok_or(PacketFailure::NoWorker)?;
    let id = running.next.get();
    running.next.set(id.wrapping_add(1));
    let message = Array::of4(
        &JsValue::from(id),
        &JsValue::from_str(kind),
        &JsValue::from_str(header),
        &catalog.map_or(JsValue::NULL, JsValue::from_str),
    );
    let transfer = Array::new();
    for buffer in &buffers {
        message.push(buffer);
        transfer.push(&buffer.buffer());
    }
    let pending = Rc::clone(&running.pending);
    let promise = Promise::new(&mut |resolve, _| {
        pending.borrow_mut().insert(id, resolve);
    });
    if running.worker.post_message_with_transfer(&message, &transfer).is_err() {
        running.pending.borrow_mut().remove(&id);
        return Err(PacketFailure::NoWorker);
    }
    let data = JsFuture::from(promise).await.map_err(|_| PacketFailure::NoWorker)?;
    if data.is_null() {
        return Err(PacketFailure::NoWorker);
    }
    let data = Array::from(&data);
    let text = |i: u32| data.get(i).as_string().unwrap_or_default();
    if data.get(1).as_bool() != Some(true) {
        return Err(PacketFailure::Refused { zh: text(2), en: text(3) });
    }
    let buffers = (3..data.length()).map(|i| data.get(i).unchecked_into::<Uint8Array>()).collect();
    Ok(Answer { header: text(2), buffers })
}

/// The bytes of a stored file or a picked one, as a buffer to send.
pub async fn buffer_of(blob: &Blob) -> Option<Uint8Array> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer))
}

/// A buffer as a blob to store or to save.
pub fn blob_of(bytes: &Uint8Array, media_type: &str) -> Option<Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &options).ok()
}

/// The attachments of `draft` that `files` holds, named in `order`, as buffers to send. One
/// missing from this device is left out: the core then names it.
async fn attachments(
    files: &crate::platform::file_store::FileStore,
    draft: &yibiao_core::session::Application,
    order: &mut yibiao_core::packet::service::ExportRequest,
) -> Vec<Uint8Array> {
    let mut wanted: Vec<&String> = Vec::new();
    for id in draft.provisions.values().flat_map(|provision| provision.files().iter()) {
        if !wanted.contains(&id) {
            wanted.push(id);
        }
    }
    let mut buffers = Vec::new();
    for id in wanted {
        let Ok(Some(blob)) = files.get(id).await else { continue };
        let Some(buffer) = buffer_of(&blob).await else { continue };
        order.files.push(id.clone());
        buffers.push(buffer);
    }
    buffers
}

/// Makes the packet of `draft` in the worker, with its attachments from `files`, and offers it
/// for download; or, when `order.only` says what to print, prints that (`only` empty: the whole
/// packet). Gives back what was saved, or `None` after a print.
pub async fn export(
    files: &crate::platform::file_store::FileStore,
    draft: &yibiao_core::session::Application,
    mut order: yibiao_core::packet::service::ExportRequest,
    print: bool,
    catalog: Option<&str>,
) -> Result<Option<yibiao_core::packet::service::Exported>, PacketFailure> {
    use yibiao_core::packet::service::Exported;
    let buffers = attachments(files, draft, &mut order).await;
    let answer = request(if print { "print" } else { "export" }, &order.header(), catalog, buffers).await?;
    if print {
        crate::platform::dom::print_document(&answer.header).map_err(|_| PacketFailure::NoWorker)?;
        return Ok(None);
    }
    let exported = Exported::read(&answer.header).map_err(|_| PacketFailure::NoWorker)?;
    let blob =
        answer.buffers.first().and_then(|bytes| blob_of(bytes, "application/zip")).ok_or(PacketFailure::NoWorker)?;
    crate::platform::download::save_blob(&exported.file_name, &blob).map_err(|_| PacketFailure::NoWorker)?;
    Ok(Some(exported))
}

/// A packet opened and checked in the worker: its draft and its files, not yet stored.
pub struct Incoming {
    pub file_name: String,
    pub fingerprint: String,
    pub draft: yibiao_core::session::Application,
    pub files: Vec<(String, Uint8Array)>,
    /// Whether it was filled against exactly the catalog in use.
    pub same_catalog: bool,
    pub catalog_version: String,
}

/// Opens the packet file `file` in the worker: every check of the container, the bag, the
/// document and the catalog is made there.
pub async fn open(file: &web_sys::File, catalog: Option<&str>, now_ms: u64) -> Result<Incoming, PacketFailure> {
    use yibiao_core::packet::service::{draft_of, OpenRequest, Reopened};
    let bytes = buffer_of(file).await.ok_or(PacketFailure::Unreadable)?;
    let order = OpenRequest { id: yibiao_core::session::DraftId::new("incoming"), now_ms };
    let answer = request("open", &order.header(), catalog, vec![bytes]).await?;
    let reopened = Reopened::read(&answer.header).map_err(|_| PacketFailure::NoWorker)?;
    let draft = draft_of(&reopened.document).map_err(|_| PacketFailure::NoWorker)?;
    Ok(Incoming {
        file_name: file.name(),
        fingerprint: reopened.fingerprint,
        draft,
        files: reopened.files.into_iter().zip(answer.buffers).collect(),
        same_catalog: reopened.same_catalog,
        catalog_version: reopened.catalog_version,
    })
}

/// Keeps an opened packet's files in `store`, each under its id, with its media type.
pub async fn keep_files(
    store: &crate::platform::file_store::FileStore,
    incoming: &Incoming,
) -> Result<(), crate::platform::storage::StorageError> {
    for (id, bytes) in &incoming.files {
        let media_type =
            incoming.draft.attachments.get(id).map_or("application/octet-stream", |a| a.file_type.media_type());
        let Some(blob) = blob_of(bytes, media_type) else { continue };
        store.put(id, &blob).await?;
    }
    Ok(())
}
