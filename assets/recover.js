// The page's last resort, outside the WebAssembly module: after a panic the module cannot run
// again, so the reload button of the crash page (src/platform/crash.rs) is handled here.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-reload]')) location.reload();
});
