// 一表通 service worker: keeps the app working with no network.
//
// `cargo xtask build` replaces the two placeholders below with the build's version (a hash of
// every output file) and the list of those files, read from the build output, so nothing here is
// listed by hand. Drafts live in the page's own storage, never in these caches, so replacing the
// cache on a new version loses nothing.
'use strict';

const VERSION = '__YIBIAO_VERSION__';
const PRECACHE = ['__YIBIAO_PRECACHE__'];
const CACHE = 'yibiao-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('yibiao-') && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

// Cache first for the app's own files. A page load is answered with that page if it is cached
// (index.html, admin.html), else with index.html (the app's own addresses are fragments).
// Requests to other origins are not touched (the app makes none).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.match(request, { cacheName: CACHE, ignoreSearch: true })
        .then((page) => page || caches.match('./index.html', { cacheName: CACHE }))
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request)),
  );
});
