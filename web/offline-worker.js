// offline-worker.js: a service worker that lets the served page open without a network
// after one visit. It keeps a copy of every page file and answers from the network first,
// so a new build is always picked up while online, and from that copy when offline.
'use strict';
const CACHE = 'attention-tour-v1';
// The page's files: written in at build time from the one list in src/app/CMakeLists.txt.
const PAGE_FILES = ['./' /* and the page's files, listed by cmake/assemble_site.cmake */];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PAGE_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

async function fromCopy(request) {
  const cache = await caches.open(CACHE);
  return await cache.match(request, { ignoreSearch: true }) ||
    (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      // The copy is stored alongside, so the page still streams the download (its progress bar).
      if (response.status === 200) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    } catch (offline) {
      const copy = await fromCopy(request);
      if (copy) return copy;
      throw offline;
    }
  })());
});
