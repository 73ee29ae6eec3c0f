/*
 * The kiosk's service worker (scope /kiosk): lets a wall screen that restarts
 * while the server is down still show its bundled "no data" screen, then
 * recover by itself when the server is back.
 * - the kiosk page: network first; the last good copy when the network fails;
 * - /_next/static/ (content-hashed, immutable): cache first;
 * - everything else (socket.io, the API): untouched.
 */
const PAGES = "kiosk-pages-v1";
const STATIC = "kiosk-static-v1";
const MAX_STATIC = 300;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function pageFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const hit = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw err;
  }
}

async function staticFirst(request) {
  const cache = await caches.open(STATIC);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_STATIC))) await cache.delete(old);
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname.startsWith("/kiosk")) event.respondWith(pageFirst(request));
  else if (url.pathname.startsWith("/_next/static/")) event.respondWith(staticFirst(request));
});
