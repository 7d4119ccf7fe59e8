// The service worker: the app works offline after the first visit. The build writes
// dist/sw.js as this file with BUILD (the build's hash) and FILES (every file of dist/
// with its SHA-256) in front (scripts/write-sw.mjs, a Trunk post_build hook).
//
// One build, one cache, and a page never mixes files of two builds:
//  - installing fetches every file of FILES and checks its digest (a file of another build,
//    from the HTTP cache or a deployment half done, is fetched again past the HTTP cache,
//    and the install fails if it still does not match: the browser tries again later);
//  - the worker never takes over pages already open (no skipWaiting, no clients.claim):
//    a page is either not controlled at all (the first visit: everything from the network,
//    as without a service worker) or controlled from its first request to its last by
//    one worker, which answers every file of FILES from its own build's cache;
//  - a new build's worker waits until no page of the old one is open, then deletes the
//    old build's cache.
// Only same-origin GET requests for the files of FILES, and navigations to the app's page,
// are answered here; everything else goes to the network as usual. Everything is relative
// to this file, so the app works under any sub-path (its scope is its own directory).
/* global BUILD, FILES */

const BASE = new URL("./", self.location).href;
// Caches belong to the origin: the scope in the name keeps two deployments of the app
// under two sub-paths of one origin apart.
const PREFIX = `report-lens ${BASE} `;
const CACHE = PREFIX + BUILD;
const INDEX = new URL("index.html", BASE).href;
const URLS = new Set((FILES ?? []).map(([path]) => new URL(path, BASE).href));

async function hex(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `url` as this build has it: from the HTTP cache if it matches, else from the server. */
async function fetchExactly(url, digest) {
  for (const cache of ["default", "reload"]) {
    const response = await fetch(url, { cache });
    if (response.ok && (await hex(response.clone())) === digest) return response;
  }
  throw new Error(`${url} is not the file of build ${BUILD}`);
}

async function install() {
  const cache = await caches.open(CACHE);
  await Promise.all(FILES.map(async ([path, digest]) => cache.put(new URL(path, BASE).href, await fetchExactly(new URL(path, BASE).href, digest))));
}

async function removeOthers() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
}

async function answer(request, url) {
  const cache = await caches.open(CACHE);
  return (await cache.match(url)) ?? fetch(request);
}

if (FILES === null) {
  // A debug build: nothing kept, the earlier release's worker and caches taken away.
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) =>
    event.waitUntil(removeOthers().then(() => caches.delete(CACHE)).then(() => self.registration.unregister())),
  );
} else {
  self.addEventListener("install", (event) => event.waitUntil(install()));
  self.addEventListener("activate", (event) => event.waitUntil(removeOthers()));
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    url.search = "";
    url.hash = "";
    if (request.mode === "navigate") {
      // The app's page, by its directory or its name (its views are in the hash).
      if (url.href === BASE || url.href === INDEX) event.respondWith(answer(request, INDEX));
    } else if (URLS.has(url.href)) {
      event.respondWith(answer(request, url.href));
    }
  });
}
