/**
 * Keep the kiosk working through a restart while the server is down: a
 * service worker (public/kiosk-sw.js) answers from its cache when the
 * network fails. The page it was loaded with, and the code already loaded,
 * are put in that cache from here (they were fetched before the worker
 * existed). Cache names are the worker's.
 */
const PAGES = "kiosk-pages-v1";
const STATIC = "kiosk-static-v1";

export async function keepKioskOffline(): Promise<void> {
  if (!("serviceWorker" in navigator) || typeof caches === "undefined") return;
  await navigator.serviceWorker.register("/kiosk-sw.js", { scope: "/kiosk" });
  await (await caches.open(PAGES)).add(window.location.href);
  const cache = await caches.open(STATIC);
  const loaded = performance
    .getEntriesByType("resource")
    .map((e) => e.name)
    .filter(
      (u) => new URL(u).origin === window.location.origin && new URL(u).pathname.startsWith("/_next/static/"),
    );
  await Promise.all(loaded.map(async (u) => (await cache.match(u)) ?? cache.add(u)));
}
