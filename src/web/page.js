// The page's own JavaScript, one module for the whole shell: the browser APIs that web-sys
// does not reach comfortably. One file, not an `inline_js` block per Rust module: each block
// was a module the page (and the wasm-bindgen test runner) fetched on its own, and the test
// runner's server left one of five parallel module requests unanswered about one run in three.

// ---- pictures and the clipboard (browser.rs)

export function svg_to_png(svgText, width, height, name) {
  return new Promise((resolve) => {
    try {
      const img = new Image();
      const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
      img.onload = () => {
        const c = document.createElement('canvas');
        c.width = width * 2; c.height = height * 2;
        const g = c.getContext('2d');
        g.fillStyle = '#ffffff'; g.fillRect(0, 0, c.width, c.height);
        g.scale(2, 2); g.drawImage(img, 0, 0, width, height);
        URL.revokeObjectURL(url);
        c.toBlob((b) => {
          if (!b) { resolve(false); return; }
          const a = document.createElement('a');
          a.href = URL.createObjectURL(b); a.download = name;
          document.body.appendChild(a); a.click(); a.remove();
          setTimeout(() => URL.revokeObjectURL(a.href), 10000);
          resolve(true);
        }, 'image/png');
      };
      img.onerror = () => { URL.revokeObjectURL(url); resolve(false); };
      img.src = url;
    } catch (e) { resolve(false); }
  });
}
export function copy_fallback(text) {
  try {
    const t = document.createElement('textarea');
    t.value = text; t.setAttribute('readonly', ''); t.style.position = 'fixed'; t.style.opacity = '0';
    document.body.appendChild(t); t.select();
    const ok = document.execCommand('copy'); t.remove(); return ok;
  } catch (e) { return false; }
}

// ---- IndexedDB (storage.rs)

let db = null;
function open() {
  if (!db) {
    db = new Promise((res, rej) => {
      const r = indexedDB.open('zhibiao', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv');
      r.onsuccess = () => { r.result.onversionchange = () => { r.result.close(); db = null; }; res(r.result); };
      r.onerror = () => { db = null; rej(r.error); };
    });
  }
  return db;
}
async function run(mode, f) {
  const d = await open();
  return new Promise((res, rej) => {
    const tx = d.transaction('kv', mode);
    const req = f(tx.objectStore('kv'));
    tx.oncomplete = () => res(req && req.result);
    tx.onerror = () => rej(tx.error);
    tx.onabort = () => rej(tx.error);
  });
}
export async function idb_put(key, value) {
  try { await run('readwrite', (s) => s.put(value, key)); return true; } catch (e) { return false; }
}
export async function idb_put_many(keys, values) {
  try { await run('readwrite', (s) => { keys.forEach((k, i) => s.put(values[i], k)); }); return true; } catch (e) { return false; }
}
export async function idb_get(key) {
  try { const v = await run('readonly', (s) => s.get(key)); return typeof v === 'string' ? v : null; } catch (e) { return null; }
}
export async function idb_get_many(keys) {
  try {
    const out = [];
    await run('readonly', (s) => { keys.forEach((k, i) => { const r = s.get(k); r.onsuccess = () => { out[i] = typeof r.result === 'string' ? r.result : null; }; }); });
    return keys.map((_, i) => out[i] ?? null);
  } catch (e) { return keys.map(() => null); }
}
export async function idb_prune(keep) {
  try {
    const k = new Set(keep);
    await run('readwrite', (s) => { const r = s.getAllKeys(); r.onsuccess = () => { for (const x of r.result) if (String(x).startsWith('text:') && !k.has(x)) s.delete(x); }; });
  } catch (e) { /* kept for the next time */ }
}
export async function idb_clear() {
  try { await run('readwrite', (s) => s.clear()); } catch (e) { /* nothing to clear */ }
}

// ---- PDF, .doc and dropped folders (files.rs)

let pdfjs = null;
let pdftext = null;
let docread = null;
function base() {
  // pdf.js sits beside the page (copied into dist by trunk), never on another origin
  return new URL('./', document.baseURI).href;
}
export async function pdf_pages(bytes) {
  if (!pdfjs) {
    pdfjs = await import(base() + 'pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = base() + 'pdf.worker.min.mjs';
    // the line logic, shared with scripts/pdfjs-pages.mjs
    pdftext = await import(base() + 'pdf-text.mjs');
  }
  return pdftext.pdfPages(pdfjs, bytes);
}
export async function doc_text(bytes) {
  if (!docread) {
    const m = await import(base() + 'docread.mjs');
    await m.default({ module_or_path: base() + 'docread.wasm' });
    docread = m;
  }
  return docread.doc_text(bytes);
}
export function drop_entries(dt) {
  try {
    if (!dt || !dt.items) return [];
    return [...dt.items].map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null)).filter(Boolean);
  } catch (e) { return []; }
}
export async function entry_files(entries) {
  const out = [];
  async function walk(entry, prefix) {
    if (entry.isFile) {
      const f = await new Promise((res, rej) => entry.file(res, rej)).catch(() => null);
      if (f) out.push([f, prefix + entry.name]);
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((res, rej) => reader.readEntries(res, rej)).catch(() => []);
        if (!batch.length) break;
        for (const e of batch) await walk(e, prefix + entry.name + '/');
      }
    }
  }
  for (const e of entries) await walk(e, '');
  return out;
}
export function relative_path(file) {
  return (file && file.webkitRelativePath) || '';
}

// ---- the extraction engine in Web Workers or here (worker.rs)

function engine() {
  if (typeof document === 'undefined') return null;
  const js = document.querySelector('link[data-engine="js"]');
  const wasm = document.querySelector('link[data-engine="wasm"]');
  return js && wasm ? [js.href, wasm.href] : null;
}
// How long (ms of runs in all) a new worker warms its engine up: its own warm-up report, one run
// per task while no real text waits; the real texts' runs count too.
const WARM_MS = 1500;
export function make_worker(onmessage) {
  try {
    const urls = engine();
    if (typeof Worker === 'undefined' || !urls) return null;
    const src = `import init, { answer, warm_up } from ${JSON.stringify(urls[0])};
const ready = init({ module_or_path: ${JSON.stringify(urls[1])} }).catch(() => self.postMessage([-1, -1, '', 0]));
// After the first text (id 0, the sample: the catalog compiles) the worker extracts the engine's
// warm-up report (a long one of the project's own wording), one run per task, between the real
// texts if any come, until the runs, real ones included, add up to ${WARM_MS} ms: V8 compiles
// wasm to a baseline tier first and optimises only code that has run enough, and these runs get
// the paths of long reports there early (Chromium, the largest seed's 20 runs after the sample
// alone for 600 ms: median 3.8-5.2 ms; after this: see the README).
let warmLeft = 0;
const tick = new MessageChannel();
function warm() {
  warmLeft = ${WARM_MS};
  tick.port1.onmessage = () => {
    if (warmLeft <= 0) return;
    const t0 = performance.now();
    try { warm_up(); } catch (err) { warmLeft = 0; return; }
    warmLeft -= performance.now() - t0;
    tick.port2.postMessage(0);
  };
  tick.port2.postMessage(0);
}
self.onmessage = async (e) => {
  await ready;
  const [id, seq, text, name] = e.data;
  try {
    const t0 = performance.now();
    const json = answer(text, name);
    const ms = performance.now() - t0;
    self.postMessage([id, seq, json, ms]);
    if (id === 0) warm(); else warmLeft -= ms;
  } catch (err) {
    self.postMessage([id, seq, '', -1]);
  }
};`;
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const w = new Worker(url, { type: 'module' });
    w.onmessage = (e) => onmessage(e.data[0], e.data[1], e.data[2], e.data[3]);
    w.onerror = () => onmessage(-1, -1, '', 0);
    return w;
  } catch (e) { return null; }
}
export function terminate(w) {
  try { w.terminate(); } catch (e) { /* gone already */ }
}
export function post(w, id, seq, text, name) {
  try { w.postMessage([id, seq, text, name]); return true; } catch (e) { return false; }
}
let local = null;
let loading = false;
let localEngine = null;
// The engine on this thread, imported once (a promise; forgotten when it fails, to try again).
function local_engine() {
  if (!localEngine) {
    const urls = engine();
    if (!urls) return Promise.reject(new Error('the page has no engine link'));
    localEngine = import(urls[0]).then(async (m) => { await m.default({ module_or_path: urls[1] }); local = m; return m; });
    localEngine.catch(() => { localEngine = null; });
  }
  return localEngine;
}
export function load_local(onready) {
  if (local) { onready(true); return; }
  if (loading) return;
  loading = true;
  local_engine().then(() => onready(true), () => { loading = false; onready(false); });
}
// A zip archive or a .docx unpacked by the engine (imported here on first use): an array of
// [kind, name, payload, warnings] (src/bin/engine.rs).
export async function unpack(bytes, name) {
  const m = await local_engine();
  return m.unpack(bytes, name);
}
export function local_answer(text, name) {
  try { return local ? local.answer(text, name) : undefined; } catch (e) { return ''; }
}
