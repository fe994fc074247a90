//! The page's half of the packet work: the packet worker (`packet-worker.js`, a WebAssembly
//! module of its own) is started on first use and ended once nothing more is asked of it;
//! each request is a message with an id, answered by a promise. An export hands the worker
//! the stored attachments as `Blob`s (references, not bytes) and gets the packet back as a
//! `Blob` to save, so no attachment passes through this page's memory; an open transfers the
//! picked packet's bytes. (The packet worker uses this same client to share its digesting
//! with a helper worker.)

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yibiao_core::sorted_map::SortedMap;

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, Worker};
use yibiao_core::attachment::Checksums;
use yibiao_core::packet::service::{ExportRequest, Exported};

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

/// What the worker answered: its header and what follows it (buffers, or the packet's blob).
pub struct Answer {
    pub header: String,
    pub values: Vec<JsValue>,
}

type Pending = Rc<RefCell<SortedMap<u32, Function>>>;

/// A started worker, with the handlers it calls (dropped with it).
struct Running {
    worker: Worker,
    pending: Pending,
    next: Cell<u32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
        // Whoever still waits hears "no worker" rather than nothing.
        for (_, resolve) in std::mem::take(&mut *self.pending.borrow_mut()) {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
    }
}

thread_local! {
    /// The started worker (the page's packet worker; in the packet worker, its helper).
    static RUNNING: RefCell<Option<Rc<Running>>> = const { RefCell::new(None) };
    /// How many operations (an export, a print, an open) are under way.
    static BUSY: Cell<u32> = const { Cell::new(0) };
}

/// One operation under way: while any is, the worker stays; when the last one ends, the
/// worker goes, and its memory (the applicant's data) with it.
pub struct Operation;

impl Operation {
    pub fn begin() -> Operation {
        BUSY.with(|busy| busy.set(busy.get().saturating_add(1)));
        Operation
    }
}

impl Drop for Operation {
    fn drop(&mut self) {
        let left = BUSY.with(|busy| {
            busy.set(busy.get().saturating_sub(1));
            busy.get()
        });
        if left == 0 {
            drop(RUNNING.with(|slot| slot.borrow_mut().take()));
        }
    }
}

/// The worker, started if it is not yet.
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
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker that fails (its script missing, its module crashed) answers nothing more: it is
    // ended, every waiting request hears "no worker", and the next request starts a new one.
    // It is ended after this handler returns, since ending it drops the handler itself.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        wasm_bindgen_futures::spawn_local(async { drop(RUNNING.with(|slot| slot.borrow_mut().take())) });
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let running =
        Rc::new(Running { worker, pending, next: Cell::new(1), _on_message: on_message, _on_error: on_error });
    RUNNING.with(|slot| *slot.borrow_mut() = Some(Rc::clone(&running)));
    Some(running)
}

/// Posts one request to the worker; the promise is answered with its reply, or with `null` if
/// the worker went. `given` follow the header (buffers, blobs); `transfer`: the buffers among
/// them are handed over, not copied (a `Blob` is never copied: it is passed by reference).
pub fn post(kind: &str, header: &str, catalog: Option<&str>, given: &[JsValue], transfer: bool) -> Option<Promise> {
    let running = running()?;
    let id = running.next.get();
    running.next.set(id.wrapping_add(1));
    let message = Array::of4(
        &JsValue::from(id),
        &JsValue::from_str(kind),
        &JsValue::from_str(header),
        &catalog.map_or(JsValue::NULL, JsValue::from_str),
    );
    let handed = Array::new();
    for value in given {
        message.push(value);
        if transfer {
            if let Some(array) = value.dyn_ref::<Uint8Array>() {
                handed.push(&array.buffer());
            }
        }
    }
    let pending = Rc::clone(&running.pending);
    let promise = Promise::new(&mut |resolve, _| {
        pending.borrow_mut().insert(id, resolve);
    });
    if running.worker.post_message_with_transfer(&message, &handed).is_err() {
        running.pending.borrow_mut().remove(&id);
        return None;
    }
    Some(promise)
}

/// Waits for the reply to a posted request.
pub async fn answer(posted: Option<Promise>) -> Result<Answer, PacketFailure> {
    let data = JsFuture::from(posted.ok_or(PacketFailure::NoWorker)?).await.map_err(|_| PacketFailure::NoWorker)?;
    if data.is_null() {
        return Err(PacketFailure::NoWorker);
    }
    let data = Array::from(&data);
    let text = |i: u32| data.get(i).as_string().unwrap_or_default();
    if data.get(1).as_bool() != Some(true) {
        return Err(PacketFailure::Refused { zh: text(2), en: text(3) });
    }
    Ok(Answer { header: text(2), values: (3..data.length()).map(|i| data.get(i)).collect() })
}

/// The bytes of a stored file or a picked one, as a buffer to send.
pub async fn buffer_of(blob: &Blob) -> Option<Uint8Array> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer))
}

/// Buffers and blobs as one blob to store or to save (the browser joins them without reading
/// a stored blob's bytes into this thread).
pub fn blob_of_parts(parts: &Array, media_type: &str) -> Option<Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    Blob::new_with_blob_sequence_and_options(parts, &options).ok()
}

/// The stored attachments of `draft` in the order they are first named, with their ids. One
/// missing from this device is left out: the core then names it.
async fn attachments(
    files: &crate::platform::file_store::FileStore,
    draft: &yibiao_core::session::Application,
) -> (Vec<String>, Vec<JsValue>) {
    let mut wanted: Vec<String> = Vec::new();
    for id in draft.provisions.values().flat_map(|provision| provision.files().iter()) {
        if !wanted.contains(id) {
            wanted.push(id.clone());
        }
    }
    let found = files.get_many(&wanted).await.unwrap_or_default();
    let (mut ids, mut blobs) = (Vec::new(), Vec::new());
    for (id, blob) in wanted.into_iter().zip(found) {
        if let Some(blob) = blob {
            ids.push(id);
            blobs.push(blob.into());
        }
    }
    (ids, blobs)
}

/// Makes the packet of `draft` in the worker, with its attachments from `files` (handed over
/// as the stored `Blob`s, never read here), and offers it for download; or, when `print`,
/// prints it (`order.only` empty: the whole packet, else that item's form). Gives back what
/// was saved, or `None` after a print.
pub async fn export(
    files: &crate::platform::file_store::FileStore,
    draft: &yibiao_core::session::Application,
    mut order: ExportRequest,
    print: bool,
    catalog: Option<&str>,
) -> Result<Option<Exported>, PacketFailure> {
    let _operation = Operation::begin();
    // The worker starts loading while the files are found.
    running();
    let (ids, blobs) = attachments(files, draft).await;
    order.files = ids;
    let answer = answer(post(if print { "print" } else { "export" }, &order.header(), catalog, &blobs, false)).await?;
    if print {
        crate::platform::dom::print_document(&answer.header).map_err(|_| PacketFailure::NoWorker)?;
        return Ok(None);
    }
    let exported = Exported::read(&answer.header).map_err(|_| PacketFailure::NoWorker)?;
    let blob: Blob = answer.values.first().and_then(|value| value.dyn_ref().cloned()).ok_or(PacketFailure::NoWorker)?;
    crate::platform::download::save_blob(&exported.file_name, &blob).map_err(|_| PacketFailure::NoWorker)?;
    Ok(Some(exported))
}

/// The checksums of `attachment` (its SM3 and CRC-32), computed from `file` in the packet
/// worker as it is attached, so that no later packet reads it through SM3 again; `None` if the
/// worker cannot (a packet then computes them). Hold an [`Operation`] across a batch of files
/// so that one worker serves it.
pub async fn checksums(file: &Blob, attachment: &yibiao_core::attachment::Attachment) -> Option<Checksums> {
    // The worker answers only if it read the very file measured here (its id and size).
    let header = format!("{}\n{}", attachment.id, attachment.size);
    let answer = answer(post("checksums", &header, None, &[file.into()], false)).await.ok()?;
    Checksums::read(&answer.header)
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
    let _operation = Operation::begin();
    let answer = answer(post("open", &order.header(), catalog, &[bytes.into()], true)).await?;
    let reopened = Reopened::read(&answer.header).map_err(|_| PacketFailure::NoWorker)?;
    let draft = draft_of(&reopened.document).map_err(|_| PacketFailure::NoWorker)?;
    Ok(Incoming {
        file_name: file.name(),
        fingerprint: reopened.fingerprint,
        draft,
        files: reopened.files.into_iter().zip(answer.values.into_iter().map(JsCast::unchecked_into)).collect(),
        same_catalog: reopened.same_catalog,
        catalog_version: reopened.catalog_version,
    })
}

/// Keeps the incoming packet's files on this device; gives back its draft with a preview of
/// each image drawn from its kept file and each file's checksums, as attaching one makes them
/// (a packet carries no preview, and its SM3 is not taken on trust).
pub async fn keep_files(
    store: &crate::platform::file_store::FileStore,
    incoming: &Incoming,
) -> Result<yibiao_core::session::Application, crate::platform::storage::StorageError> {
    let _batch = Operation::begin();
    let mut draft = incoming.draft.clone();
    for (id, bytes) in &incoming.files {
        let media_type =
            incoming.draft.attachments.get(id).map_or("application/octet-stream", |a| a.file_type.media_type());
        let Some(blob) = blob_of_parts(&Array::of1(bytes), media_type) else { continue };
        store.put(id, &blob).await?;
        if let Some(attachment) = draft.attachments.get_mut(id) {
            if attachment.file_type != yibiao_core::catalog::FileType::Pdf {
                attachment.thumbnail = crate::platform::files::measure_image(&blob).await.and_then(|(_, small)| small);
            }
            attachment.checksums = checksums(&blob, attachment).await;
        }
    }
    Ok(draft)
}
