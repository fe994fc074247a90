// The page's last resort, outside the WebAssembly module.
//
// After a panic the module cannot run again, so the reload button of the crash page
// (src/platform/crash.rs) is handled here.
//
// A start that fails recovers by itself. While the page still shows its loading line, a script
// or module that cannot be loaded or run (a cached file gone wrong, a deployment half copied)
// makes the page drop this app's cached files and its service worker and load again from the
// server: once per tab, and only online, since offline the cache is all there is. Drafts live in
// the page's own storage and are never touched. If the second start fails too, or the page is
// offline, the loading line says what to do instead of waiting for ever.
'use strict';

document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-reload]')) location.reload();
});

(() => {
  const TRIED = 'yibiao.recovering';
  // Longer than the slowest device takes to start; a start still waiting then has failed.
  const PATIENCE_MS = 30000;
  // Until the body is read, the page is starting too.
  const starting = () => !document.body || document.getElementById('boot') !== null;
  let acted = false;

  function tried() {
    try { return sessionStorage.getItem(TRIED) !== null; } catch { return true; }
  }

  function giveUp() {
    const boot = document.getElementById('boot');
    if (!boot) return;
    boot.setAttribute('role', 'alert');
    boot.textContent = navigator.onLine
      ? '一表通未能打开。请稍后重新载入本页；您保存的草稿仍在本机。Yibiao could not start. Please reload this page later; your saved drafts are still on this device. '
      : '一表通未能打开。请连接网络后重新载入本页；您保存的草稿仍在本机。Yibiao could not start. Connect to the network, then reload this page; your saved drafts are still on this device. ';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.dataset.reload = '';
    button.textContent = '重新载入 Reload';
    boot.append(button);
  }

  async function recover() {
    if (acted || !starting()) return;
    acted = true;
    if (tried() || !navigator.onLine) {
      giveUp();
      return;
    }
    try { sessionStorage.setItem(TRIED, String(Date.now())); } catch { /* tried() is then true */ }
    try {
      const registrations = navigator.serviceWorker ? await navigator.serviceWorker.getRegistrations() : [];
      await Promise.all(registrations.map((registration) => registration.unregister()));
      const keys = self.caches ? await caches.keys() : [];
      await Promise.all(keys.filter((key) => key.startsWith('yibiao-')).map((key) => caches.delete(key)));
    } catch {
      // Whatever could not be dropped, the reload still asks the server first for the rest.
    }
    location.reload();
  }

  // A script or style of the page that did not load, or an error while it starts.
  window.addEventListener('error', (event) => {
    const target = event.target;
    const file = target instanceof HTMLScriptElement || target instanceof HTMLLinkElement;
    if (file || event instanceof ErrorEvent) recover();
  }, true);
  window.addEventListener('unhandledrejection', () => recover());
  setTimeout(recover, PATIENCE_MS);

  // Started: a later failure is a new one, worth one more try.
  document.addEventListener('DOMContentLoaded', () => {
    const app = document.getElementById('app');
    if (!app) return;
    const watch = new MutationObserver(() => {
      if (starting()) return;
      watch.disconnect();
      try { sessionStorage.removeItem(TRIED); } catch { /* nothing kept */ }
    });
    // The loading line is a child of #app: its own children are all there is to watch.
    watch.observe(app, { childList: true });
  });
})();
