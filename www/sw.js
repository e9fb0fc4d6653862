// The offline service worker: after the first visit the page opens and extracts with the
// network off. Same origin only (the page requests nothing else).
//
// - install: cache the app shell — the page (./) and every same-origin file it links
//   (trunk's hashed .js/.wasm/.css, the icon, the manifest) — and the PDF and .doc readers
//   (pdf.js, docread; only ever loaded when such a file is dropped), so they work offline too;
// - page loads: network first (so a new version is picked up on the next load), the cached
//   page when offline;
// - everything else: the cache first (hashed names never change), else the network, cached.
const CACHE = 'zhibiao-v1';
const LAZY = ['pdf.min.mjs', 'pdf.worker.min.mjs', 'pdf-text.mjs', 'docread.mjs', 'docread.wasm'];

async function shell() {
  const cache = await caches.open(CACHE);
  const res = await fetch('./', { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('./', res);
  const urls = new Set(LAZY);
  for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) {
    const u = new URL(m[1], self.registration.scope);
    if (u.origin === self.location.origin) urls.add(u.href);
  }
  const scopeUrl = new URL('./', self.registration.scope).href;
  const keep = new Set([...urls].map((u) => new URL(u, self.registration.scope).href).concat([scopeUrl]));
  await Promise.all([...keep].map(async (u) => {
    if (u !== scopeUrl && !(await cache.match(u))) await cache.add(new Request(u, { cache: 'no-store' })).catch(() => {});
  }));
  // drop the files of older versions (trunk's names carry a hash of the content)
  for (const req of await cache.keys()) if (!keep.has(req.url)) await cache.delete(req);
}

self.addEventListener('install', (e) => {
  e.waitUntil(shell().catch(() => {}).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put('./', copy));
            // refresh the cached shell for the (possibly new) version in the background
            shell().catch(() => {});
          }
          return res;
        })
        .catch(() => caches.match('./').then((r) => r || Response.error())),
    );
    return;
  }
  e.respondWith(
    caches.match(req).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(req, copy));
      }
      return res;
    })),
  );
});
