//! The worker's half of the packet work (`src/bin/packet.rs`, a WebAssembly module of its own
//! that `assets/packet-worker.js` starts in a dedicated worker): each message is answered by
//! `yibiao_core::packet::service`, and the bytes go back without a copy (transferred).
//!
//! A message is `[id, kind, header, catalog or null, ...Uint8Array]`; the answer is
//! `[id, true, header, ...Uint8Array]`, or `[id, false, zh, en]` with what went wrong.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use yibiao_core::packet::service::{self, ServiceError};
use yibiao_core::Lang;

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
fn browser_sha256(bytes: &Uint8Array) -> Option<wasm_bindgen_futures::JsFuture> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let promise = scope.crypto().ok()?.subtle().digest_with_str_and_buffer_source("SHA-256", bytes).ok()?;
    Some(wasm_bindgen_futures::JsFuture::from(promise))
}

async fn answer(message: &Array) -> (Array, Array) {
    let id = message.get(0);
    let kind = message.get(1).as_string().unwrap_or_default();
    let header = message.get(2).as_string().unwrap_or_default();
    let catalog = message.get(3).as_string();
    let arrays: Vec<Uint8Array> =
        (4..message.length()).map(|i| message.get(i).unchecked_into::<Uint8Array>()).collect();
    // The attachments' SHA-256, all at once, off this thread, before their bytes are copied in.
    let mut sha256 = Vec::new();
    if kind != "open" {
        let started: Vec<_> = arrays.iter().map(browser_sha256).collect();
        for digest in started {
            let digest = match digest {
                Some(digest) => digest.await.ok(),
                None => None,
            };
            sha256.push(digest.map(|d| yibiao_core::packet::hex(&Uint8Array::new(&d).to_vec())).unwrap_or_default());
        }
    }
    // Each buffer is copied into the module's memory and then let go of at once (detached), so
    // the attachments are not held twice while the packet is made.
    let bytes: Vec<Vec<u8>> = arrays
        .iter()
        .map(|array| {
            let bytes = array.to_vec();
            detach(&array.buffer());
            bytes
        })
        .collect();
    let buffers = service::Buffers { bytes, sha256 };
    let done =
        service::catalog_of(catalog.as_deref(), crate::catalog::shipped).and_then(|catalog| match kind.as_str() {
            "export" => {
                service::do_export(&header, &catalog, buffers).map(|(exported, bytes)| (exported.header(), vec![bytes]))
            }
            "print" => service::do_print(&header, &catalog, buffers).map(|html| (html, Vec::new())),
            "open" => {
                let packet = buffers.bytes.first().map(Vec::as_slice).unwrap_or_default();
                service::do_open(&header, &catalog, packet).map(|(reopened, files)| (reopened.header(), files))
            }
            other => Err(ServiceError::Message { detail: other.to_owned() }),
        });
    let reply = Array::of2(&id, &JsValue::from_bool(done.is_ok()));
    let transfer = Array::new();
    match done {
        Ok((header, buffers)) => {
            reply.push(&JsValue::from_str(&header));
            for bytes in buffers {
                let array = Uint8Array::from(bytes.as_slice());
                drop(bytes);
                transfer.push(&array.buffer());
                reply.push(&array);
            }
        }
        Err(error) => {
            reply.push(&JsValue::from_str(&error.message(Lang::Zh)));
            reply.push(&JsValue::from_str(&error.message(Lang::En)));
        }
    }
    (reply, transfer)
}
