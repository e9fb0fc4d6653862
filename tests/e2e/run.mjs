// End-to-end test of the built web page in headless Chromium (playwright-core, system browser).
//
//   node tests/e2e/run.mjs [dist]
//
// Env: ZHIBIAO_CORPUS / ZHIBIAO_GOLD (default ../shared/corpus, ../shared/gold next to the
// repo), CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default target/screenshots).
// Prints one PASS/FAIL line per check and a JSON line `E2E_RESULT {...}` with timings;
// exits 1 when a check failed.
//
// The sections live in modules: lib.mjs (paths, results, check, helpers), basics.mjs, tabs.mjs,
// inputs.mjs, hostile.mjs, offline.mjs, desk.mjs, pool.mjs, same.mjs; this file launches the browser and
// the server and runs them in order.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { desk } from './desk.mjs';
import { pool, writePerf } from './pool.mjs';
import { repo, dist, corpusDir, browserPath, results, timings, check, shot } from './lib.mjs';
import { loadExample, seedsSection, evidence } from './basics.mjs';
import { summary, figuresReview, compareChart, exportsSection } from './tabs.mjs';
import { inputs, series, typingKeyboard } from './inputs.mjs';
import { hostile, fixturesPdf, fixturesDoc, fixturesZipFolder } from './hostile.mjs';
import { offline } from './offline.mjs';
import { sameAsCli } from './same.mjs';

/** The page's sections, in order, on one page (the desk and the pool have their own contexts). */
async function sections(page, context, url, origin, consoleErrors, external, devDir) {
  await loadExample(page, url);
  await sameAsCli(page, devDir);
  const { seeds, seedInfo } = await seedsSection(page);
  await evidence(page);
  await summary(page);
  await figuresReview(page);
  await compareChart(page, seeds);
  await exportsSection(page, seeds);
  await inputs(page, seeds);
  await series(page);
  await typingKeyboard(page, seeds, seedInfo);
  await hostile(page);
  const reference = await fixturesPdf(page, origin);
  await fixturesDoc(page, origin, reference);
  await fixturesZipFolder(page, reference);
  await offline(page, context, reference);

  check('no console errors', consoleErrors.length === 0, consoleErrors.slice(0, 3).join(' | '));
  check('zero requests left the origin', external.length === 0, external.slice(0, 5).join(', '));
}

async function main() {
  const { server, url } = await serve(dist, 0, '/zhibiao/');
  const origin = new URL(url).origin;
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }).catch(() => {});
  const external = [];
  context.on('request', (req) => {
    const u = req.url();
    if (!(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:'))) external.push(u);
  });
  await context.addInitScript(() => {
    window.__longtasks = [];
    try {
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    } catch (e) { /* not supported */ }
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  try {
    // ---- the reviewer's desk (issue 13): its own browser contexts (1280×720, 1400×900, a phone), axe-core in each state
    const devDir = process.env.ZHIBIAO_DEV || path.resolve(repo, '..', 'shared', 'dev');
    const only = process.env.E2E_ONLY || '';
    if (!only || only === 'desk') await desk(browser, url, { check, shot, corpusDir, devDir });
    // ---- a thousand reports (issue 10): its own browser contexts; the numbers go to target/perf.json
    if (!only || only === 'pool') await pool(browser, url, { check, shot, timings });
    if (!only) await sections(page, context, url, origin, consoleErrors, external, devDir);
    // ---- the engine and the CLI, byte for byte, alone (`E2E_ONLY=same`)
    if (only === 'same') { await page.goto(url); await sameAsCli(page, devDir); }
  } catch (e) {
    check('e2e ran to the end', false, String(e && e.stack || e));
    await shot(page, '99-failure').catch(() => {});
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((r) => !r.ok);
  writePerf(repo, timings);
  console.log(`E2E_RESULT ${JSON.stringify({ passed: results.length - failed.length, failed: failed.length, timings })}`);
  if (failed.length) {
    console.log(`\n${failed.length} check(s) FAILED:`);
    for (const f of failed) console.log(`  - ${f.name}${f.detail ? `: ${f.detail}` : ''}`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(e); process.exit(2); });
