// End-to-end section: offline (service worker) — after the first visit the page opens and extracts
// with the network off; a new version is noticed once.
import fs from 'node:fs';
import path from 'node:path';
import { check, T, shot, waitExtracted, facts, fixtures } from './lib.mjs';

/** The service worker; offline reload, paste, the same result; "updated" once. */
export async function offline(page, context, reference) {
  // ---- offline (service worker): after the first visit the page opens and extracts with the network off
  const swReady = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((r) => setTimeout(() => r(false), 15000)),
  ])).catch(() => false);
  check('the service worker is active', swReady);
  await page.reload();
  await page.waitForSelector(T('app'), { timeout: 20000 });
  await page.waitForTimeout(1500);
  await context.setOffline(true);
  let offlineOk = false, offlineDetail = '';
  try {
    await page.reload({ timeout: 20000 });
    await page.waitForSelector(T('app'), { timeout: 20000 });
    await page.click(T('new-doc'));
    const before = await page.$eval(T('extract-time'), (e) => e.getAttribute('data-ms')).catch(() => null);
    await page.fill(T('input-text'), fs.readFileSync(path.join(fixtures, 'sample.txt'), 'utf8'));
    await waitExtracted(page, before);
    // the reload re-reads the saved reports first (the 5 MB one among them): wait for this one's result
    await page.waitForFunction((want) => document.querySelectorAll('[data-testid^="fact-"]').length >= want, 10, { timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(500);
    const got = await facts(page);
    offlineOk = got === reference;
    offlineDetail = offlineOk ? '' : `got ${got.slice(0, 120)}`;
    await shot(page, '10-offline');
  } catch (e) { offlineDetail = String(e).slice(0, 160); }
  await context.setOffline(false);
  check('offline: reload, paste, the same result', offlineOk, offlineDetail);
  // a new version (another wasm name) is noticed once
  await page.evaluate(() => localStorage.setItem('zhibiao.build', 'zhibiao-old_bg.wasm'));
  await page.reload();
  await page.waitForSelector(T('app'));
  const updatedOnce = await page.isVisible(T('updated'));
  await page.reload();
  await page.waitForSelector(T('app'));
  const updatedTwice = await page.isVisible(T('updated'));
  check('a new version shows "updated" once', updatedOnce && !updatedTwice, `first ${updatedOnce}, then ${updatedTwice}`);
}
