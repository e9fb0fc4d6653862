// Shared state and helpers of the end-to-end test (run.mjs and its section modules): the paths,
// the results and timings, check, T, shot, download, waitExtracted, extractMs, facts, crc32, zip.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const dist = path.resolve(process.argv[2] || path.join(repo, 'dist'));
export const corpusDir = process.env.ZHIBIAO_CORPUS || path.resolve(repo, '..', 'shared', 'corpus');
export const goldDir = process.env.ZHIBIAO_GOLD || path.resolve(repo, '..', 'shared', 'gold');
export const shots = path.resolve(process.env.SCREENSHOTS || path.join(repo, 'target', 'screenshots'));
export const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
export const fixtures = path.join(repo, 'tests', 'fixtures');
fs.mkdirSync(shots, { recursive: true });

export const results = [];
export const timings = {};
export function check(name, ok, detail = '') {
  results.push({ name, ok: !!ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  — ${detail}` : ''}`);
}
export const close = (a, b) => Math.abs(a - b) <= Math.max(Math.abs(b) * 0.005, 1e-9);
export const T = (sel) => `[data-testid="${sel}"]`;

export async function shot(page, name) {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`      screenshot ${path.relative(repo, file)}`);
}

export async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(T(testid))]);
  const p = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(p, 'utf8') };
}

export async function waitExtracted(page, before) {
  // the footer's data-ms changes (or appears) after each extraction; also wait out the debounce
  await page.waitForTimeout(350);
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-testid="extract-time"]');
    return el && el.getAttribute('data-ms') !== b;
  }, before, { timeout: 10000 }).catch(() => {});
}

export async function extractMs(page) {
  return page.$eval(T('extract-time'), (e) => Number(e.getAttribute('data-ms'))).catch(() => NaN);
}

/** CRC-32 (for the small zip files the hostile-input checks build). */
export function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let i = 0; i < buf.length; i++) {
    c = (crc ^ buf[i]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive of deflated entries [[name, data], …]. */
export function zip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const comp = zlib.deflateRawSync(data, { level: 9 });
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(comp.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, comp);
    centrals.push(central, n);
    offset += 30 + n.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The facts shown (testid=value), sorted: the fixtures' and the offline check's comparison. */
export const facts = (page) => page.$$eval('[data-testid="report-card"] ~ * [data-testid^="fact-"], [data-testid^="fact-"]', (els) =>
  [...new Set(els.map((e) => `${e.getAttribute('data-testid')}=${e.getAttribute('data-value')}`))].sort().join(' '));
