// Starts the packet worker's WebAssembly module (yibiao-packet) in this dedicated worker.
// Messages that arrive while the module is still loading are kept and handed to it once it
// listens; if it cannot load at all (offline before it was ever cached), every message is
// answered with the reason, so the page never waits for nothing.
'use strict';
importScripts('./yibiao-packet.js');
const early = [];
let failed = null;
const fail = (id) => self.postMessage([id, false, '无法载入申请包处理程序：' + failed, 'the packet worker cannot load: ' + failed]);
self.onmessage = (event) => (failed === null ? early.push(event) : fail(event.data[0]));
wasm_bindgen({ module_or_path: './yibiao-packet_bg.wasm' }).then(
  () => early.forEach((event) => self.onmessage(event)),
  (error) => {
    failed = String(error);
    early.forEach((event) => fail(event.data[0]));
  },
);
