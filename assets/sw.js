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
// The catalog's bundle pieces (catalog-<sha256>.bin), named by their content: kept in a cache of
// their own across versions, so that a new catalog fetches only the pieces that changed. They
// are not fetched on install: the page asks for them once it is up ('pieces'), and a piece
// opened before that is kept as it passes.
const PIECES = ['__YIBIAO_PIECES__'];
const PIECE_CACHE = 'yibiao-pieces';
const isPiece = (url) => /\/catalog-[0-9a-f]{64}\.bin$/.test(url.pathname);
// A hall's terminal configuration (kiosk.json, beside the app; see the README): asked of the
// server first, so that the hall's change applies at once, and its last copy kept in a cache of
// its own, so that a terminal started offline is still a kiosk. A server that no longer has it
// (404) ends the kiosk mode, and the copy goes. Every device that is not a kiosk asks too: the
// answer there is an empty 204, not the 404, which browsers would log as an error on every start.
const CONFIG_CACHE = 'yibiao-config';
const isConfig = (url) => url.pathname.endsWith('/kiosk.json');

// Installing fetches every file of this version. A deployment copied in the wrong order (the
// new sw.js and files before the new index.html) or half copied would put another version's
// page in this cache: then this version does not install, the one in use stays, and the next
// update check tries again. A cache is never kept unless its pages name only its own files.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
      for (const page of PRECACHE.filter((path) => path.endsWith('.html'))) {
        const html = await (await cache.match(page)).text();
        const named = [...html.matchAll(/(?:src|href)="(?:\.\/)?([^":?#]+)"/g)].map((match) => './' + match[1]);
        const foreign = named.filter((path) => !PRECACHE.includes(path));
        if (foreign.length > 0) throw new Error(`${page} names ${foreign.join(', ')}, which version ${VERSION} lacks`);
      }
    } catch (error) {
      await caches.delete(CACHE);
      throw error;
    }
    await self.skipWaiting();
  })());
});

// Old versions go, and the pieces no index of this version names.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    const kept = [CACHE, PIECE_CACHE, CONFIG_CACHE];
    await Promise.all(keys.filter((key) => key.startsWith('yibiao-') && !kept.includes(key))
      .map((key) => caches.delete(key)));
    const pieces = await caches.open(PIECE_CACHE);
    const wanted = new Set(PIECES.map((path) => new URL(path, self.registration.scope).href));
    for (const request of await pieces.keys()) {
      if (!wanted.has(request.url)) await pieces.delete(request);
    }
    await self.clients.claim();
  })());
});

// Every piece not kept yet, one at a time, in the background.
self.addEventListener('message', (event) => {
  if (event.data !== 'pieces') return;
  event.waitUntil((async () => {
    const pieces = await caches.open(PIECE_CACHE);
    for (const path of PIECES) {
      if (await pieces.match(path)) continue;
      try {
        const response = await fetch(path);
        if (response.ok) await pieces.put(path, response);
      } catch (error) {
        return;
      }
    }
  })());
});

// Cache first for the app's own files. A page load is answered with that page if it is cached
// (index.html, admin.html; the start address is index.html). Any other address under the app is
// not one of its pages (its own addresses are fragments): it is sent to the start page, where
// relative links work, rather than given index.html with broken ones. Requests to other origins
// are not touched (the app makes none).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      const start = new URL(self.registration.scope);
      const path = url.pathname === start.pathname ? './index.html' : request;
      const page = await caches.match(path, { cacheName: CACHE, ignoreSearch: true });
      if (page) return page;
      const own = PRECACHE.some((file) => new URL(file, start).pathname === url.pathname);
      if (!own && url.pathname !== start.pathname) return Response.redirect(start.href, 302);
      return fetch(request);
    })());
    return;
  }
  if (isConfig(url)) {
    event.respondWith((async () => {
      const none = () => new Response(null, { status: 204 });
      try {
        const response = await fetch(request, { cache: 'no-store' });
        if (response.ok) await (await caches.open(CONFIG_CACHE)).put(request, response.clone());
        if (response.status !== 404) return response;
        await caches.delete(CONFIG_CACHE);
        return none();
      } catch (error) {
        return (await caches.match(request, { cacheName: CONFIG_CACHE, ignoreSearch: true })) || none();
      }
    })());
    return;
  }
  if (isPiece(url)) {
    event.respondWith((async () => {
      const pieces = await caches.open(PIECE_CACHE);
      const cached = await pieces.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) await pieces.put(request, response.clone());
      return response;
    })());
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request)),
  );
});
