//! The worker's half of the packet work (`src/bin/packet.rs`, a WebAssembly module of its own
//! that `assets/packet-worker.js` starts in a dedicated worker): each message is answered by
//! `yibiao_core::packet::service`, and bytes go back without a copy (transferred).
//!
//! A message is `[id, kind, header, catalog or null, ...files]`: for an export, a print, a
//! digest or a file's checksums (as it is attached) the files are `Blob`s, read here a chunk at a time (an
//! export or a print shares them with a helper worker, started with the page's own client,
//! `platform::packets`, which it asks to digest); for an open, the packet's bytes. The answer
//! is `[id, true, header, ...values]` (an export's value is the packet as a `Blob`; an open's
//! are the files' buffers), or `[id, false, zh, en]` with what went wrong.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};
use yibiao_core::catalog::pieces::{self, Published};
use yibiao_core::catalog::Catalog;
use yibiao_core::packet::digest::FileDigest;
use yibiao_core::packet::export::PacketError;
use yibiao_core::packet::service::{self, ExportRequest, ServiceError};
use yibiao_core::packet::zip::{Layout, Span};
use yibiao_core::Lang;

use crate::platform::packets;

/// Answers the page's messages for as long as the worker lives.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let reply_to = reply_to.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (reply, transfer) = answer(&Array::from(&event.data())).await;
            let _ = reply_to.post_message_with_transfer(&reply, &transfer);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Frees a buffer's memory now (`ArrayBuffer.prototype.transfer(0)`, where the browser has it).
fn detach(buffer: &js_sys::ArrayBuffer) {
    if let Ok(transfer) = js_sys::Reflect::get(buffer, &JsValue::from_str("transfer")) {
        if let Some(transfer) = transfer.dyn_ref::<js_sys::Function>() {
            let _ = transfer.call1(buffer, &JsValue::from(0));
        }
    }
}

/// Starts the browser's own SHA-256 of `bytes` (many times faster than any in the module, and
/// off this thread); `None` where the browser has none.
fn browser_sha256(bytes: &js_sys::ArrayBuffer) -> Option<wasm_bindgen_futures::JsFuture> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let promise = scope.crypto().ok()?.subtle().digest_with_str_and_buffer_source("SHA-256", bytes).ok()?;
    Some(wasm_bindgen_futures::JsFuture::from(promise))
}

/// How much of a file is copied into the module at a time to be digested.
const CHUNK: u32 = 1 << 20;

/// The size and digests of each file (a stored `Blob`): the browser's SHA-256 runs off this
/// thread while the file passes through the module a chunk at a time for its CRC-32 and SM3,
/// so no file is ever copied in whole.
async fn digest(files: &[JsValue]) -> Result<Vec<FileDigest>, ServiceError> {
    let mut scratch = vec![0u8; CHUNK as usize];
    let mut digested = Vec::with_capacity(files.len());
    for file in files {
        let blob = file.dyn_ref::<Blob>().ok_or(ServiceError::FileUnreadable)?;
        let buffer: js_sys::ArrayBuffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| ServiceError::FileUnreadable)?
            .unchecked_into();
        let sha256 = sha256_of_later(buffer.clone());
        let view = Uint8Array::new(&buffer);
        let mut digester = yibiao_core::packet::digest::Digester::default();
        let mut at = 0;
        while at < view.length() {
            let end = at.saturating_add(CHUNK).min(view.length());
            let chunk = &mut scratch[..(end - at) as usize];
            view.subarray(at, end).copy_to(chunk);
            digester.update(chunk);
            at = end;
        }
        digested.push(digester.finish(sha256.await));
    }
    // What passed through the module is not left in it.
    scratch.fill(0);
    Ok(digested)
}

/// The digests of `files`, in their order: where the device has the cores, a helper worker
/// digests part of them at the same time as this one (shared out by size); if no helper can
/// start, this worker digests them all.
async fn digest_shared(files: &[JsValue]) -> Result<Vec<FileDigest>, ServiceError> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let workers = if scope.navigator().hardware_concurrency() >= 2.0 && files.len() > 1 { 2 } else { 1 };
    let sizes: Vec<f64> = files.iter().map(|file| file.dyn_ref::<Blob>().map_or(0.0, Blob::size)).collect();
    let shares = yibiao_core::packet::digest::share_out(&sizes, workers);
    let pick = |share: &[usize]| share.iter().filter_map(|&n| files.get(n).cloned()).collect::<Vec<_>>();
    // The helper ends with this operation, and the applicant's data with it.
    let _operation = packets::Operation::begin();
    // The helper's share is posted first, so that both digest at once.
    let helper = shares.get(1).map(|share| (share, packets::post("digest", "", None, &pick(share), false)));
    let mut digests: Vec<Option<FileDigest>> = vec![None; files.len()];
    let mut place = |share: &[usize], found: Vec<FileDigest>| {
        for (&n, digest) in share.iter().zip(found) {
            if let Some(slot) = digests.get_mut(n) {
                *slot = Some(digest);
            }
        }
    };
    if let Some(share) = shares.first() {
        place(share, digest(&pick(share)).await?);
    }
    if let Some((share, posted)) = helper {
        let answered = packets::answer(posted).await.ok();
        let theirs = answered.and_then(|answer| service::Digested::read(&answer.header).ok());
        match theirs.filter(|theirs| theirs.files.len() == share.len()) {
            Some(theirs) => place(share, theirs.files),
            None => place(share, digest(&pick(share)).await?),
        }
    }
    digests.into_iter().collect::<Option<Vec<_>>>().ok_or(ServiceError::FileUnreadable)
}

/// The packet as a `Blob`: the bytes laid out here, with each stored file (of `files`, named
/// by `ids`) in its place; the browser joins them without copying a stored file in here.
fn packet_blob(layout: &Layout<String>, ids: &[String], files: &[JsValue]) -> Result<Blob, ServiceError> {
    let own = Uint8Array::from(layout.own.as_slice());
    let parts = Array::new();
    for span in &layout.spans {
        match span {
            Span::Own(range) => {
                let (Ok(start), Ok(end)) = (u32::try_from(range.start), u32::try_from(range.end)) else {
                    return Err(ServiceError::FileUnreadable);
                };
                parts.push(&own.subarray(start, end));
            }
            Span::Outside { key, size } => {
                let file = ids.iter().position(|id| id == key).and_then(|n| files.get(n));
                let blob = file.and_then(|file| file.dyn_ref::<Blob>()).filter(|blob| blob.size() == *size as f64);
                parts.push(blob.ok_or(ServiceError::FileUnreadable)?);
            }
        }
    }
    packets::blob_of_parts(&parts, "application/zip").ok_or(ServiceError::FileUnreadable)
}

/// Does a checksums request: the file being attached (its id and size in the header),
/// digested here, its checksums as one word.
async fn checksums(header: &str, given: &[JsValue]) -> Result<String, ServiceError> {
    let (id, size) = header.split_once('\n').ok_or(ServiceError::Message { detail: "checksums".to_owned() })?;
    let size = size.parse().map_err(|_| ServiceError::Message { detail: format!("not a size: {size}") })?;
    let digest = digest(given.get(..1).unwrap_or_default()).await?;
    service::checksums_reply(id, size, digest.first().ok_or(ServiceError::FileUnreadable)?)
}

/// What a request is answered with: a header, and what follows it (buffers to transfer, or
/// the packet's blob).
struct Reply {
    header: String,
    values: Vec<JsValue>,
}

impl Reply {
    fn text(header: String) -> Reply {
        Reply { header, values: Vec::new() }
    }
}

/// Checks that each stored file is still the file its `known` digests describe (kept when it
/// was attached): its size, and its SHA-256 (the browser's, every file's at once, its read
/// started at once too). Then its kept SM3 and CRC-32 are its own, and it need not pass
/// through the module. (Reading tens of megabytes back from storage is most of an export's
/// time; laying the packet out meanwhile was measured slower, as both need this thread.)
async fn check_known(files: &[JsValue], known: &[FileDigest]) -> Result<(), ServiceError> {
    let mut reads = Vec::with_capacity(files.len());
    for (file, digest) in files.iter().zip(known) {
        let blob = file.dyn_ref::<Blob>().filter(|blob| blob.size() == digest.size as f64);
        reads.push(wasm_bindgen_futures::JsFuture::from(blob.ok_or(ServiceError::FileUnreadable)?.array_buffer()));
    }
    let mut hashing = Vec::with_capacity(files.len());
    for (read, digest) in reads.into_iter().zip(known) {
        let buffer: js_sys::ArrayBuffer = read.await.map_err(|_| ServiceError::FileUnreadable)?.unchecked_into();
        hashing.push((sha256_of_later(buffer), digest));
    }
    for (found, digest) in hashing {
        if found.await != digest.sha256 {
            return Err(ServiceError::FileUnreadable);
        }
    }
    Ok(())
}

/// The SHA-256 of a stored file's bytes in hexadecimal, started now and awaited later: the
/// browser's own where it has one (off this thread), else the module's (an insecure page, such
/// as a kiosk reached over plain HTTP, has no Web Crypto). The buffer is let go of once done.
fn sha256_of_later(buffer: js_sys::ArrayBuffer) -> impl std::future::Future<Output = String> {
    let started = browser_sha256(&buffer);
    async move {
        let browser = match started {
            Some(digest) => digest.await.ok().map(|d| yibiao_core::packet::hex(&Uint8Array::new(&d).to_vec())),
            None => None,
        };
        let sha256 = browser.unwrap_or_else(|| yibiao_core::packet::sha256_hex(&Uint8Array::new(&buffer).to_vec()));
        detach(&buffer);
        sha256
    }
}

/// The digests of `files` (the attachments `ids`, in order): those `known` from when each was
/// attached are checked ([`check_known`]); the others are computed ([`digest_shared`]). A
/// stored file that is not the file attached (its SHA-256 is not its id) is refused, never
/// packed.
async fn digests_of(
    files: &[JsValue],
    ids: &[String],
    known: Vec<Option<FileDigest>>,
) -> Result<Vec<FileDigest>, ServiceError> {
    let (mut kept, mut kept_files, mut unknown, mut unknown_files) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (n, (file, digest)) in files.iter().zip(known).enumerate() {
        match digest {
            Some(digest) => {
                kept.push((n, digest));
                kept_files.push(file.clone());
            }
            None => {
                unknown.push(n);
                unknown_files.push(file.clone());
            }
        }
    }
    let kept_digests: Vec<FileDigest> = kept.iter().map(|(_, digest)| digest.clone()).collect();
    check_known(&kept_files, &kept_digests).await?;
    let computed = digest_shared(&unknown_files).await?;
    let mut digests: Vec<Option<FileDigest>> = vec![None; files.len()];
    for (n, digest) in kept.into_iter().chain(unknown.into_iter().zip(computed)) {
        if ids.get(n) != Some(&digest.sha256) {
            return Err(ServiceError::FileUnreadable);
        }
        if let Some(slot) = digests.get_mut(n) {
            *slot = Some(digest);
        }
    }
    digests.into_iter().collect::<Option<Vec<_>>>().ok_or(ServiceError::FileUnreadable)
}

/// Does an export or print request: the files' digests (kept and checked, or computed), then
/// the packet laid out and made a `Blob`, or the document to print.
async fn export(print: bool, header: &str, catalog: &Catalog, files: &[JsValue]) -> Result<Reply, ServiceError> {
    let request = ExportRequest::read(header)?;
    if request.files.len() != files.len() {
        return Err(ServiceError::Message { detail: format!("{} files, {} sent", request.files.len(), files.len()) });
    }
    let application = request.application()?;
    let digests = digests_of(files, &request.files, request.known_digests(&application)).await?;
    if print {
        return service::do_print(&request, &application, catalog, digests).map(Reply::text);
    }
    let (exported, layout) = service::do_export(&request, &application, catalog, digests)?;
    let packet = packet_blob(&layout, &request.files, files)?;
    Ok(Reply { header: exported.header(), values: vec![packet.into()] })
}

/// Does an open request: the packet's bytes are copied into the module's memory and let go
/// of at once (detached), so they are not held twice while it is checked; the files go back
/// as buffers.
/// Opens a packet. A packet of a bundle whose piece the page has not loaded yet is opened with
/// that piece fetched here (from the service worker's cache when offline), checked against the
/// index the page sent.
async fn open(header: &str, sent: Option<&str>, given: &[JsValue]) -> Result<Reply, ServiceError> {
    let packet = given.first().and_then(|array| array.dyn_ref::<Uint8Array>()).map(|array| {
        let bytes = array.to_vec();
        detach(&array.buffer());
        bytes
    });
    let packet = packet.as_deref().unwrap_or_default();
    let mut catalog = service::catalog_of(sent)?;
    let mut opened = service::do_open(header, &catalog, packet);
    if let Err(ServiceError::Packet(PacketError::UnknownBundle { bundle })) = &opened {
        if let Some(more) = with_piece(sent, catalog.clone(), bundle).await {
            catalog = more;
            opened = service::do_open(header, &catalog, packet);
        }
    }
    let (reopened, files) = opened?;
    let values = files
        .into_iter()
        .map(|bytes| {
            let array = Uint8Array::from(bytes.as_slice());
            drop(bytes);
            JsValue::from(array)
        })
        .collect();
    Ok(Reply { header: reopened.header(), values })
}

/// `catalog` with the piece of `bundle` added, fetched beside the app; `None` when the index
/// has no such bundle or its piece cannot be had or is refused.
async fn with_piece(sent: Option<&str>, mut catalog: Catalog, bundle: &str) -> Option<Catalog> {
    let index = pieces::read_index(&Published::decode_text(sent?)?.index).ok()?;
    let card = index.card(&yibiao_core::BundleId::new(bundle))?;
    let bytes = crate::catalog::fetch_piece(card).await.ok()?;
    pieces::absorb(&mut catalog, card, &bytes).ok()?;
    Some(catalog)
}

async fn answer(message: &Array) -> (Array, Array) {
    let id = message.get(0);
    let kind = message.get(1).as_string().unwrap_or_default();
    let header = message.get(2).as_string().unwrap_or_default();
    let catalog = message.get(3).as_string();
    let given: Vec<JsValue> = (4..message.length()).map(|i| message.get(i)).collect();
    let done = match kind.as_str() {
        "digest" => digest(&given).await.map(|files| Reply::text(service::Digested { files }.header())),
        "checksums" => checksums(&header, &given).await.map(Reply::text),
        "open" => open(&header, catalog.as_deref(), &given).await,
        _ => match service::catalog_of(catalog.as_deref()) {
            Err(error) => Err(error),
            Ok(catalog) => match kind.as_str() {
                "export" | "print" => export(kind == "print", &header, &catalog, &given).await,
                other => Err(ServiceError::Message { detail: other.to_owned() }),
            },
        },
    };
    let reply = Array::of2(&id, &JsValue::from_bool(done.is_ok()));
    let transfer = Array::new();
    match done {
        Ok(Reply { header, values }) => {
            reply.push(&JsValue::from_str(&header));
            for value in values {
                // Buffers are handed over; a blob is passed by reference.
                if let Some(array) = value.dyn_ref::<Uint8Array>() {
                    transfer.push(&array.buffer());
                }
                reply.push(&value);
            }
        }
        Err(error) => {
            reply.push(&JsValue::from_str(&error.message(Lang::Zh)));
            reply.push(&JsValue::from_str(&error.message(Lang::En)));
        }
    }
    (reply, transfer)
}
