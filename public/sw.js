/* global self, caches, fetch, URL */
// Offline after the first visit: install keeps the page and the built files (precache.json, from
// the build) in a cache; files come from it, the page from the network while there is one.
// One cache per build (main.tsx registers `sw.js?build=<the entry chunk's name>`): a new deploy
// installs afresh, and activating it deletes the caches of older builds.
const CACHE = `cascade-lab-${new URL(self.location).searchParams.get('build') ?? ''}`;
const PAGE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const files = await (await fetch('precache.json', { cache: 'no-store' })).json();
      await (await caches.open(CACHE)).addAll([PAGE, ...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((k) => k.startsWith('cascade-lab') && k !== CACHE);
      await Promise.all(old.map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  ),
);

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch (error) {
    return (await cache.match(PAGE)) ?? Promise.reject(error);
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(PAGE)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});
