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
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request)),
  );
});
