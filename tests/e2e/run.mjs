// End-to-end test of the built web page in headless Chromium (playwright-core, system browser).
//
//   node tests/e2e/run.mjs [dist]
//
// Env: ZHIBIAO_CORPUS / ZHIBIAO_GOLD (default ../shared/corpus, ../shared/gold next to the
// repo), CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default target/screenshots).
// Prints one PASS/FAIL line per check and a JSON line `E2E_RESULT {...}` with timings;
// exits 1 when a check failed.
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { desk } from './desk.mjs';
import { pool, writePerf } from './pool.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const dist = path.resolve(process.argv[2] || path.join(repo, 'dist'));
const corpusDir = process.env.ZHIBIAO_CORPUS || path.resolve(repo, '..', 'shared', 'corpus');
const goldDir = process.env.ZHIBIAO_GOLD || path.resolve(repo, '..', 'shared', 'gold');
const shots = path.resolve(process.env.SCREENSHOTS || path.join(repo, 'target', 'screenshots'));
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
fs.mkdirSync(shots, { recursive: true });

const results = [];
const timings = {};
function check(name, ok, detail = '') {
  results.push({ name, ok: !!ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  — ${detail}` : ''}`);
}
const close = (a, b) => Math.abs(a - b) <= Math.max(Math.abs(b) * 0.005, 1e-9);
const T = (sel) => `[data-testid="${sel}"]`;

async function shot(page, name) {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`      screenshot ${path.relative(repo, file)}`);
}

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(T(testid))]);
  const p = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(p, 'utf8') };
}

async function waitExtracted(page, before) {
  // the footer's data-ms changes (or appears) after each extraction; also wait out the debounce
  await page.waitForTimeout(350);
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-testid="extract-time"]');
    return el && el.getAttribute('data-ms') !== b;
  }, before, { timeout: 10000 }).catch(() => {});
}

async function extractMs(page) {
  return page.$eval(T('extract-time'), (e) => Number(e.getAttribute('data-ms'))).catch(() => NaN);
}

/** CRC-32 (for the small zip files the hostile-input checks build). */
function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let i = 0; i < buf.length; i++) {
    c = (crc ^ buf[i]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive of deflated entries [[name, data], …]. */
function zip(entries) {
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
    if (only !== 'pool') await desk(browser, url, { check, shot, corpusDir, devDir });
    // ---- a thousand reports (issue 10): its own browser contexts; the numbers go to target/perf.json
    if (!only || only === 'pool') await pool(browser, url, { check, shot, timings });
    if (!only) {
    // ---- load
    await page.goto(url);
    await page.waitForSelector(T('app'), { timeout: 20000 });
    check('page loads under /zhibiao/', true, url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector(T('app'));
    check('UI defaults to the browser language (zh)', (await page.textContent(T('tab-metrics'))).includes('指标'));
    await shot(page, '01-empty');

    // ---- built-in example
    await page.click(T('example'));
    await page.waitForSelector(T('report-card'), { timeout: 10000 });
    check('example loads a report card', true);
    const exampleMetrics = await page.$$eval('[data-testid="metric"]', (els) => els.length);
    check('example shows metrics', exampleMetrics > 0, `${exampleMetrics} metrics`);
    await shot(page, '02-example');
    // the README screenshot: the synthetic example with a fact's evidence highlighted
    const exampleFact = (await page.$(T('fact-fines'))) || (await page.$('[data-testid^="fact-"]'));
    if (exampleFact) {
      await exampleFact.click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'readme');
    }
    await page.click(T('clear-all'));
    check('clear all empties the list', (await page.$$(T('doc-item'))).length === 0);

    // ---- seeds
    const haveCorpus = fs.existsSync(corpusDir) && fs.existsSync(goldDir);
    const seeds = haveCorpus ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];
    if (!haveCorpus) console.log(`SKIP  seed checks: no corpus at ${corpusDir}`);
    const seedInfo = [];
    for (const [i, f] of seeds.entries()) {
      const text = fs.readFileSync(path.join(corpusDir, f), 'utf8');
      const gold = JSON.parse(fs.readFileSync(path.join(goldDir, f.replace(/\.txt$/, '.json')), 'utf8'));
      const before = await page.$eval(T('extract-time'), (e) => e.getAttribute('data-ms')).catch(() => null);
      await page.click(T('new-doc'));
      await page.fill(T('input-text'), text);
      await waitExtracted(page, before);
      const ms = await extractMs(page);
      seedInfo.push({ file: f, chars: [...text].length, ms, text });
      check(`seed ${f}: extracted`, (await page.$$(T('report-card'))).length === 1, `${[...text].length} chars in ${ms.toFixed(2)} ms`);
      for (const id of ['penalty_cases', 'fines']) {
        const g = gold.metrics.find((m) => m.id === id && m.primary);
        if (!g) continue;
        const shown = await page.$(T(`fact-${id}`));
        if (!shown) { check(`seed ${f}: ${id} = ${g.value}`, false, 'metric not shown'); continue; }
        const v = Number(await shown.getAttribute('data-value'));
        const title = await shown.$eval(T('fact-value'), (e) => e.getAttribute('title') + ' | ' + e.textContent);
        check(`seed ${f}: ${id} = ${g.value}`, close(v, g.value), `page shows ${v} (${title})`);
      }
    }
    check('every seed is listed', (await page.$$(T('doc-item'))).length === seeds.length, `${seeds.length} reports`);

    if (seeds.length) {
      // ---- extraction time of the largest seed (steady state: re-extract a few times)
      const largest = seedInfo.reduce((a, b) => (b.chars > a.chars ? b : a));
      const idx = seedInfo.indexOf(largest);
      await page.click(`${T('doc-item')}:nth-child(${idx + 1}) .doc-open`);
      const runs = [];
      for (let k = 0; k < 9; k++) {
        const before = await page.$eval(T('extract-time'), (e) => e.getAttribute('data-ms')).catch(() => null);
        await page.fill(T('input-text'), largest.text + ' '.repeat(k + 1));
        await waitExtracted(page, before);
        runs.push(await extractMs(page));
      }
      runs.sort((a, b) => a - b);
      const worker = await page.$eval(T('extract-time'), (e) => e.getAttribute('data-worker')).catch(() => null);
      timings.largest = { file: largest.file, chars: largest.chars, first_ms: largest.ms, min_ms: runs[0], median_ms: runs[4], runs, worker: worker === 'true' };
      check('largest seed extraction time measured', Number.isFinite(runs[4]), `${largest.file} (${largest.chars} chars): first ${largest.ms.toFixed(2)} ms, min ${runs[0].toFixed(2)} ms, median ${runs[4].toFixed(2)} ms${worker === 'true' ? ' (in the worker)' : ' (main thread)'}`);
      await page.fill(T('input-text'), largest.text);
      await page.waitForTimeout(400);
    }

    // ---- click a fact → evidence highlighted in the source view
    const firstFact = await page.$('[data-testid^="fact-"]');
    if (firstFact) {
      const evRaw = await firstFact.getAttribute('title');
      const value = await firstFact.getAttribute('data-value');
      await firstFact.click();
      await page.waitForSelector(T('source-view'));
      const marks = await page.$$eval(T('evidence-mark'), (els) => els.map((e) => e.textContent));
      const inView = await page.$eval(T('evidence-mark'), (e) => {
        const r = e.getBoundingClientRect(); const p = e.closest('[data-testid="source-view"]').getBoundingClientRect();
        return r.top >= p.top - 1 && r.bottom <= p.bottom + 1;
      }).catch(() => false);
      check('click a fact highlights its evidence', marks.length > 0 && marks.some((m) => evRaw && (evRaw.includes(m) || m.includes(evRaw))),
        `${marks.length} span(s): ${JSON.stringify(marks.slice(0, 3))}; raw ${JSON.stringify(evRaw)}; value ${value}`);
      check('the highlight is scrolled into view', inView);
      // a fact stated several times: every mention is marked
      const many = await page.$$eval('[data-testid^="fact-"]', (els) => els.map((e) => {
        const t = e.querySelector('.times'); return t ? [e.getAttribute('data-testid'), parseInt(t.textContent, 10)] : null;
      }).filter(Boolean));
      if (many.length) {
        const [tid, times] = many[0];
        await page.click(T(tid));
        const n = (await page.$$(T('evidence-mark'))).length;
        check('all mentions of a fact are highlighted', n >= 1 && n <= times && times > 1, `${tid}: ${n} marks for ${times} mentions`);
      }
      await shot(page, '03-fact-evidence');
    } else {
      check('click a fact highlights its evidence', false, 'no fact shown');
    }

    // ---- summary tab: narrative, number → evidence, outline
    await page.click(T('tab-summary'));
    await page.waitForSelector(T('summary'));
    const narrative = await page.textContent(T('narrative')).catch(() => '');
    check('summary tab shows a narrative', narrative.trim().length > 0, narrative.slice(0, 60));
    const link = await page.$(T('summary-link'));
    if (link) {
      const txt = await link.textContent();
      await link.click();
      const marks = await page.$$eval(T('evidence-mark'), (els) => els.map((e) => e.textContent));
      check('a summary number jumps to its evidence', marks.length > 0, `${txt} → ${JSON.stringify(marks.slice(0, 2))}`);
    } else {
      check('a summary number jumps to its evidence', false, 'no linked number in the narrative');
    }
    const outline = await page.$$(T('outline-item'));
    check('summary tab shows the outline', outline.length > 0, `${outline.length} headings`);
    if (outline.length) {
      await outline[0].click();
      check('an outline heading jumps to the text', (await page.$$(T('evidence-mark'))).length > 0);
    }
    const docRows = (await page.$$(T('document-row'))).length;
    const kinds = await page.$$eval(`${T('doc-kind')} option`, (os) => os.map((o) => o.value).filter(Boolean)).catch(() => []);
    if (kinds.length) {
      await page.selectOption(T('doc-kind'), kinds[0]);
      const filtered = await page.$$eval(`${T('document-row')} td:nth-child(2)`, (tds) => tds.map((td) => td.textContent));
      check('documents table filters by kind', filtered.length > 0 && filtered.length <= docRows && filtered.every((k) => k === kinds[0]), `${docRows} → ${filtered.length} (${kinds[0]})`);
      await page.selectOption(T('doc-kind'), '');
    } else {
      check('documents table filters by kind', false, `no document kinds (${docRows} documents)`);
    }
    await shot(page, '04-summary');

    // ---- all figures
    await page.click(T('tab-figures'));
    const figs = await page.$$(T('figure-row'));
    check('all-figures tab lists figures', figs.length > 0, `${figs.length} figures`);

    // ---- review tab (REVIEW.md): parts checklist, deadline, flags with evidence, density chart
    await page.click(T('tab-review'));
    await page.waitForSelector(T('review'));
    const rvParts = await page.$$eval(T('review-part'), (els) => els.map((e) => `${e.getAttribute('data-id')}:${e.getAttribute('data-status')}`));
    check('review tab lists the five required parts', rvParts.length === 5, rvParts.join(' '));
    const rvLink = await page.$(T('review-part-link'));
    if (rvLink) {
      const heading = (await rvLink.textContent()).trim();
      await rvLink.click();
      const marks = await page.$$eval(T('evidence-mark'), (els) => els.map((e) => e.textContent));
      check('a required part jumps to its heading in the source', marks.length > 0 && heading.startsWith(marks[0].trim().slice(0, 4)), `${heading} → ${JSON.stringify(marks.slice(0, 1))}`);
    } else {
      check('a required part jumps to its heading in the source', false, 'no part with a heading');
    }
    const rvDeadline = await page.textContent(T('review-deadline')).catch(() => '');
    check('review tab shows the deadline line', /\d{4}-04-01/.test(rvDeadline), rvDeadline.trim());
    const rvBars = await page.$$(`${T('review-density')} ${T('review-density-bar')}`);
    check('review tab draws the section density as SVG bars', rvBars.length > 0, `${rvBars.length} bars`);
    const rvFlag = await page.$(`${T('review-flag')} button`);
    if (rvFlag) {
      await rvFlag.click();
      const marks = await page.$$eval(T('evidence-mark'), (els) => els.map((e) => e.textContent));
      check('a flag highlights its evidence in the source', marks.length > 0, `${(await rvFlag.textContent()).slice(0, 40)} → ${JSON.stringify(marks.slice(0, 3))}`);
    } else {
      check('the review tab says when there is no flag', (await page.$$(T('review-no-flags'))).length === 1);
    }
    await page.click(T('lang-switch')).catch(() => {});
    const rvOther = await page.textContent(T('review')).catch(() => '');
    await page.click(T('lang-switch')).catch(() => {});
    const rvBack = await page.textContent(T('review')).catch(() => '');
    check('review tab switches language', rvOther !== rvBack && rvOther.length > 0, rvOther.slice(0, 40));
    await shot(page, '04b-review');

    // ---- comparison + sorting
    await page.click(T('tab-compare'));
    const rows = await page.$$(T('compare-row'));
    check('comparison table has one row per report', rows.length === seeds.length && rows.length > 0, `${rows.length} rows`);
    await page.click(T('sort-1'));
    await page.click(T('sort-0'));
    const firstCells = await page.$$eval(`${T('compare-row')} th`, (els) => els.map((e) => e.textContent));
    const sorted = [...firstCells].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    check('comparison table sorts by a column', JSON.stringify(firstCells) === JSON.stringify(sorted), firstCells.join(' | '));
    const rvCells = await page.$$(T('compare-review'));
    check('comparison table has the review columns (parts, on time, flags)', rvCells.length === rows.length * 3, `${rvCells.length} cells`);
    const sortIds = await page.$$eval('[data-testid^="sort-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    await page.click(T(sortIds[sortIds.length - 1]));
    const flagCol = await page.$$eval(T('compare-row'), (trs) => trs.map((tr) => Number(tr.querySelector('td.review-col:last-child').textContent)));
    check('comparison table sorts by the flags column', flagCol.every((v, i) => i === 0 || flagCol[i - 1] <= v), flagCol.join(','));
    await shot(page, '05-compare');

    // ---- chart across reports
    await page.click(T('tab-charts'));
    const bars = await page.$$(`${T('chart-bar')} ${T('bar')}`);
    check('bar chart across reports (≥ 2 bars)', bars.length >= 2, `${bars.length} bars`);
    if (bars.length) {
      const svg = await download(page, 'chart-svg');
      check('chart exports as SVG', svg.text.startsWith('<svg') && svg.text.includes('</svg>'), svg.name);
      const [png] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }).catch(() => null), page.click(T('chart-png'))]);
      check('chart exports as PNG', png && png.suggestedFilename().endsWith('.png'), png ? png.suggestedFilename() : 'no download');
    }
    await shot(page, '06-chart');

    // ---- exports
    await page.click(T('tab-metrics'));
    const one = await download(page, 'export-json');
    let j1 = null;
    try { j1 = JSON.parse(one.text); } catch (e) { /* below */ }
    check('JSON export (this report) follows OUTPUT.md', j1 && j1.schema === 1 && Array.isArray(j1.metrics) && j1.meta && Array.isArray(j1.figures), one.name);
    const all = await download(page, 'export-json-all');
    let ja = null;
    try { ja = JSON.parse(all.text); } catch (e) { /* below */ }
    const n = seeds.length || 1;
    check('JSON export (all) has every report', n === 1 ? ja && (Array.isArray(ja) || ja.schema === 1) : Array.isArray(ja) && ja.length === n, all.name);
    if (Array.isArray(ja) && seeds.length) {
      for (const [i, f] of seeds.entries()) {
        const gold = JSON.parse(fs.readFileSync(path.join(goldDir, f.replace(/\.txt$/, '.json')), 'utf8'));
        const g = gold.metrics.find((m) => m.id === 'penalty_cases' && m.primary);
        const p = (ja[i].metrics || []).find((m) => m.id === 'penalty_cases' && m.primary);
        if (g) check(`JSON export ${f}: penalty_cases`, p && close(p.value, g.value), `json has ${p ? p.value : 'none'}, gold ${g.value}`);
      }
    }
    const csv = await download(page, 'export-csv');
    const csvLines = csv.text.split(/\r?\n/).filter(Boolean);
    check('CSV export (facts) is UTF-8 with BOM and a header in the UI\'s language (zh)', csv.text.charCodeAt(0) === 0xfeff && csvLines[0].includes('来源') && csvLines[0].includes('数值'), `${csvLines.length - 1} rows; ${csvLines[0].slice(1, 40)}`);
    if (seeds.length) check('CSV export has penalty_cases rows', csvLines.some((l) => l.includes(',penalty_cases,')));
    const cmp = await download(page, 'export-csv-compare');
    const cmpLines = cmp.text.split(/\r?\n/).filter(Boolean);
    check('CSV export (comparison) has one row per report', cmp.text.charCodeAt(0) === 0xfeff && cmpLines.length === n + 1, `${cmpLines.length - 1} rows`);
    check('CSV export (comparison) has the review columns', cmpLines[0].includes('必备内容') && cmpLines[0].includes('核对提示'), cmpLines[0].slice(-60));
    if (Array.isArray(ja)) check('JSON export carries each report\'s review', ja.every((r) => r.review && Array.isArray(r.review.parts) && r.review.parts.length === 5));
    await page.click(T('copy-tsv'));
    await page.waitForSelector(T('notice'), { timeout: 5000 }).catch(() => {});
    const clip = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
    check('copy puts a tab-separated table on the clipboard', clip.includes('\t'), clip.split('\n')[0]);

    // ---- reload keeps the texts
    const current = await page.inputValue(T('input-text'));
    await page.reload();
    await page.waitForSelector(T('app'));
    const after = await page.inputValue(T('input-text'));
    const items = (await page.$$(T('doc-item'))).length;
    check('reload keeps the texts', after === current && after.length > 0 && items === n, `${items} reports, ${after.length} chars`);

    // ---- errors name the file; HTML shows as text
    await page.setInputFiles(T('file-input'), [{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') }]);
    const err = await page.textContent(T('errors')).catch(() => '');
    check('an unsupported file shows an error naming it', err.includes('scan.pdf'), err.trim().slice(0, 80));
    await page.click(`${T('errors')} button`).catch(() => {});
    await page.setInputFiles(T('file-input'), [{ name: 'sample.txt', mimeType: 'text/plain', buffer: Buffer.from('示例局2023年法治政府建设情况报告\n<img src=x onerror="window.__xss=1">办理行政处罚案件12件,罚款3.5万元。') }]);
    await page.waitForTimeout(300);
    await page.click(T('pane-source'));
    const xss = await page.evaluate(() => window.__xss === 1 || !!document.querySelector('[data-testid="source-view"] img'));
    check('HTML in the input is shown as text, never rendered', !xss);

    // ---- pasted HTML: its text is extracted and shown, the markup is never rendered
    await page.click(T('new-doc'));
    await page.fill(T('input-text'), '<!DOCTYPE html><html><head><title>示例</title></head><body><p>示例局2023年法治政府建设情况报告</p><p>办理行政处罚案件12件。<img src=x onerror="window.__xss2=1"></p></body></html>');
    await page.waitForTimeout(700);
    await page.click(T('pane-source'));
    const shownText = await page.textContent(T('source-view'));
    const rendered = await page.evaluate(() => window.__xss2 === 1 || !!document.querySelector('[data-testid="source-view"] img, [data-testid="source-view"] p'));
    check('pasted HTML is shown as its text', !rendered && shownText.includes('行政处罚案件12件') && !shownText.includes('<p>'), shownText.slice(0, 40));

    // ---- GBK text file (decoded by the core through the browser's TextDecoder)
    const gbk = Buffer.from('cabec0fdcfd8c9faccacbbb7beb3bed632303232c4eab7a8d6ced5feb8aebda8c9e8c7e9bff6b1a8b8e60ac8abc4eab0ecc0edd0d0d5feb4a6b7a3b0b8bcfe3132bcfe2cb7a3bfee33352e36cdf2d4aaa1a30a', 'hex');
    await page.setInputFiles(T('file-input'), [{ name: 'gbk-report.txt', mimeType: 'text/plain', buffer: gbk }]);
    await page.waitForTimeout(300);
    await page.click(T('pane-edit'));
    const gbkText = await page.inputValue(T('input-text'));
    check('a GBK text file is decoded', gbkText.includes('行政处罚案件12件'), gbkText.slice(0, 30));

    // ---- a batch of files at once, with progress
    if (seeds.length) {
      const before = (await page.$$(T('doc-item'))).length;
      await page.setInputFiles(T('file-input'), seeds.map((f) => path.join(corpusDir, f)));
      // the seeds are loaded already (pasted above): the same texts again are skipped, and the page says so
      await page.waitForSelector(T('duplicates'), { timeout: 20000 }).catch(() => {});
      const afterN = (await page.$$(T('doc-item'))).length;
      const dupText = await page.textContent(T('duplicates')).catch(() => '');
      check('a batch of files already loaded: every duplicate skipped, and said', afterN === before && seeds.every((f) => dupText.includes(f)), `${before} → ${afterN}; ${dupText.slice(0, 80)}`);
      await page.click(`${T('duplicates')} button`);
    }

    // ---- one agency over two years → a line chart
    await page.click(T('example'));
    await page.click(T('pane-edit'));
    const exampleText = await page.inputValue(T('input-text'));
    await page.click(T('new-doc'));
    await page.fill(T('input-text'), exampleText.replaceAll('2023', '2022').replace('2024-01-15', '2023-01-12'));
    await page.waitForTimeout(800);
    await page.click(T('tab-charts'));
    await page.selectOption(T('chart-metric'), 'penalty_cases').catch(() => {});
    const lines = await page.$$(`${T('chart-line')} ${T('line')}`);
    check('a line over years for one agency', lines.length >= 1, `${lines.length} line(s)`);
    await shot(page, '09-line-chart');

    // ---- issue 11: two reports of one agency (synthetic) → the review tab's series line chart, and the
    // comparison flags column counts the cross-year flag (the 2023 report states 130 cases for 2022; the 2022 report says 120)
    const agency = '某市生态环境局';
    for (const text of [
      `${agency}2022年法治政府建设年度报告\n全年办理行政处罚案件120件,罚款金额60万元。`,
      `${agency}2023年法治政府建设年度报告\n全年办理行政处罚案件150件,较去年的130件增长15.4%。`,
    ]) {
      const before = await page.$eval(T('extract-time'), (e) => e.getAttribute('data-ms')).catch(() => null);
      await page.click(T('new-doc'));
      await page.fill(T('input-text'), text);
      await waitExtracted(page, before);
    }
    await page.waitForTimeout(400);
    await page.click(T('tab-review'));
    await page.waitForSelector(T('review-series-chart'), { timeout: 10000 }).catch(() => {});
    await page.selectOption(T('review-series-metric'), 'penalty_cases').catch(() => {});
    const rvLine = await page.$eval(`${T('review-series-chart')} svg`, (svg) => {
      const pl = svg.querySelector('polyline, path');
      return pl ? (pl.getAttribute('points') || pl.getAttribute('d') || '').trim().split(/\s+/).filter(Boolean).length : -1;
    }).catch(() => -1);
    const rvMetric = await page.getAttribute(T('review-series-chart'), 'data-metric').catch(() => null);
    check('review tab: a line chart of the series over two years (2 points)', rvLine === 2, `${rvMetric}: ${rvLine} point(s)`);
    const rvKinds = await page.$$eval(T('review-flag'), (els) => els.map((e) => e.getAttribute('data-kind')));
    check('review tab: the cross-year flag', rvKinds.includes('cross_year_mismatch'), rvKinds.join(' '));
    await page.click(T('lang-switch'));
    const rvSelEn = await page.textContent(`${T('review')} label.filter`).catch(() => '');
    await page.click(T('lang-switch'));
    const rvSelZh = await page.textContent(`${T('review')} label.filter`).catch(() => '');
    check('review tab: the line chart\'s labels switch language', rvSelEn !== rvSelZh && rvSelEn.length > 0, `${rvSelZh.slice(0, 30)} / ${rvSelEn.slice(0, 30)}`);
    await shot(page, '09b-review-series');
    await page.click(T('tab-compare'));
    const cmpFlags = await page.$$eval(T('compare-row'), (trs, a) => trs
      .filter((tr) => tr.querySelector('th').textContent.trim().includes(a) && tr.querySelector('td').textContent.trim().startsWith('2023'))
      .map((tr) => Number(tr.querySelector('td.review-col:last-child').textContent)), agency);
    check('comparison flags column counts the cross-year flag', cmpFlags.length === 1 && cmpFlags[0] === rvKinds.length && rvKinds.length >= 1,
      `${agency} 2023: ${cmpFlags.join(',')} flag(s); review tab lists ${rvKinds.length}`);

    // ---- 50,000 characters: typing stays responsive
    await page.click(T('new-doc'));
    const unit = seeds.length ? seedInfo.map((s) => s.text).join('\n') : '办理行政处罚案件12件,罚款3.5万元。';
    const big = [...unit.repeat(Math.ceil(50000 / [...unit].length) + 1)].slice(0, 50000).join('');
    await page.fill(T('input-text'), big);
    await page.waitForTimeout(600);
    await page.evaluate(() => { window.__longtasks = []; });
    const t0 = Date.now();
    await page.focus(T('input-text'));
    await page.keyboard.press('End');
    await page.keyboard.type('办理行政处罚案件3件', { delay: 30 });
    await page.waitForTimeout(700);
    const long = await page.evaluate(() => window.__longtasks);
    const maxLong = long.length ? Math.max(...long) : 0;
    check('typing in a 50,000-char report never blocks ≥ 100 ms', maxLong < 100, `longest task ${maxLong.toFixed(0)} ms over ${Date.now() - t0} ms; extraction ${(await extractMs(page)).toFixed(2)} ms`);
    timings.big50k_ms = await extractMs(page);

    // ---- keyboard: a fact is a button (Enter), the source view follows
    await page.click(T('pane-edit'));
    await page.click(`${T('doc-item')}:nth-child(1) .doc-open`);
    await page.click(T('tab-metrics'));
    const kbFact = await page.$('[data-testid^="fact-"]');
    if (kbFact) {
      await kbFact.focus();
      await page.keyboard.press('Enter');
      check('keyboard: Enter on a fact highlights its evidence', (await page.$$(T('evidence-mark'))).length > 0);
    }

    // ---- English UI and a phone
    await page.click(T('lang-switch'));
    check('language switches to English', (await page.textContent(T('tab-metrics'))).includes('Metrics'));
    await page.click(`${T('doc-item')}:nth-child(1) .doc-open`);
    await shot(page, '07-english');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '08-phone');
    await page.click(T('lang-switch'));

    // ---- hostile and broken inputs (issue 4): each gets a message naming it or a result, and the page stays usable
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.click(T('pane-edit')).catch(() => {});
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibiao-hostile-'));
    const big50 = path.join(tmp, 'huge-50mb.txt');
    { const fd = fs.openSync(big50, 'w'); const chunk = Buffer.alloc(1 << 20, 'a'); for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk); fs.closeSync(fd); }
    const longLine = path.join(tmp, 'one-line-5mb.txt');
    fs.writeFileSync(longLine, '办理行政处罚案件'.repeat(5 * 1024 * 1024 / 24));
    const hostile = [
      { name: 'empty.txt', buffer: Buffer.alloc(0) },
      { name: 'blank.txt', buffer: Buffer.from('   \n\t  \n') },
      { name: 'picture.png', buffer: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)]) },
      { name: 'paper.pdf.txt', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n', 'latin1') },
      { name: 'bad-utf8.txt', buffer: Buffer.concat([Buffer.from('办理行政处罚案件12件。'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0]), Buffer.from('罚款3万元。')]) },
      { name: 'not-a-zip.docx', buffer: Buffer.from('this is not a zip file at all') },
      { name: 'no-document.docx', buffer: zip([['word/other.xml', Buffer.from('<x/>')]]) },
      { name: 'bomb.docx', buffer: zip([['word/document.xml', Buffer.alloc(64 << 20, 0x61)]]) },
      { name: 'deep.html', buffer: Buffer.from('<html><body>' + '<div>'.repeat(100000) + '办理行政处罚案件12件。' + '</div>'.repeat(100000) + '</body></html>') },
      { name: 'scripts.txt', buffer: Buffer.from('<script>window.__xss3=1</script><img src=x onerror="window.__xss3=1">\n'.repeat(2000)) },
      { name: 'huge-50mb.txt', path: big50 },
      { name: 'one-line-5mb.txt', path: longLine },
    ];
    for (const h of hostile) {
      const before = (await page.$$(T('doc-item'))).length;
      await page.setInputFiles(T('file-input'), h.path ? h.path : [{ name: h.name, mimeType: 'application/octet-stream', buffer: h.buffer }]);
      const outcome = await page.waitForFunction(([name, n]) => {
        const err = document.querySelector('[data-testid="errors"]');
        if (err && err.textContent.includes(name)) return 'message: ' + err.textContent.trim().slice(0, 90);
        const docs = [...document.querySelectorAll('[data-testid="doc-item"] .doc-name')];
        if (docs.length > n && docs.some((d) => d.textContent.startsWith(name))) return 'loaded';
        return false;
      }, [h.name, before], { timeout: 30000 }).then((r) => r.jsonValue()).catch(() => 'no outcome');
      const alive = await page.evaluate(() => !!document.querySelector('[data-testid="app"]') && window.__xss3 !== 1).catch(() => false);
      const kept = (await page.$$(T('doc-item'))).length >= before;
      check(`hostile input ${h.name}: message or result, page usable, nothing lost`, outcome !== 'no outcome' && alive && kept, outcome);
      await page.click(`${T('errors')} button`).catch(() => {});
    }
    fs.rmSync(tmp, { recursive: true, force: true });

    // ---- the input fixtures (issue 12): PDF via pdf.js, scanned PDF, PDF without ToUnicode, .doc/.wps, .zip, a folder → the sample's metrics
    const fixtures = path.join(repo, 'tests', 'fixtures');
    const facts = () => page.$$eval('[data-testid="report-card"] ~ * [data-testid^="fact-"], [data-testid^="fact-"]', (els) =>
      [...new Set(els.map((e) => `${e.getAttribute('data-testid')}=${e.getAttribute('data-value')}`))].sort().join(' '));
    const loadFiles = async (files, input = 'file-input') => {
      const before = (await page.$$(T('doc-item'))).length;
      await page.setInputFiles(T(input), files);
      return before;
    };
    // the fixtures are one text in several formats: a text already loaded is skipped as a duplicate,
    // so each format is loaded into an empty list (全部清除, its undo notice closed)
    const fresh = async () => {
      if ((await page.$$(T('doc-item'))).length === 0) return;
      await page.click(T('clear-all'));
      await page.click(`${T('undo-notice')} button[aria-label]`).catch(() => {});
    };
    const waitIdle = () => page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 30000 }).then(() => page.waitForTimeout(600)).catch(() => {});
    const skippedAs = async () => Object.fromEntries(((await page.getAttribute(T('duplicates'), 'data-skipped').catch(() => null)) || '')
      .split('\n').filter(Boolean).map((l) => l.split(' = ')));
    const waitDocs = (n) => page.waitForFunction((k) => document.querySelectorAll('[data-testid="doc-item"]').length >= k, n, { timeout: 30000 }).then(() => true).catch(() => false);
    const openDoc = async (name) => {
      const items = await page.$$(T('doc-item'));
      for (const it of items) {
        const t = await it.$eval('.doc-name', (e) => e.textContent);
        if (t.startsWith(name)) { await (await it.$('.doc-open')).click(); await page.waitForTimeout(400); return true; }
      }
      return false;
    };
    await fresh();
    let n0 = await loadFiles(path.join(fixtures, 'sample.txt'));
    await waitDocs(n0 + 1);
    await page.waitForTimeout(500);
    const reference = await facts();
    check('fixture sample.txt: metrics shown', reference.split(' ').length >= 10, `${reference.split(' ').length} facts`);
    await fresh();
    n0 = await loadFiles(path.join(fixtures, 'sample.pdf'));
    const pdfLoaded = await waitDocs(n0 + 1);
    await page.waitForTimeout(500);
    const pdfFacts = pdfLoaded ? await facts() : '';
    check('fixture sample.pdf (pdf.js, loaded on demand from the origin): the same metrics as the text', pdfFacts === reference,
      pdfFacts === reference ? '' : `got ${pdfFacts.slice(0, 200)}`);
    const pdfjsFromOrigin = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('pdf.')));
    check('pdf.js came from the page\'s own origin', pdfjsFromOrigin.length > 0 && pdfjsFromOrigin.every((u) => u.startsWith(origin)), pdfjsFromOrigin.join(', '));
    await loadFiles(path.join(fixtures, 'sample-scanned.pdf'));
    const scanned = await page.waitForFunction(() => {
      const e = document.querySelector('[data-testid="errors"]');
      return e && e.textContent.includes('sample-scanned.pdf') ? e.textContent : false;
    }, null, { timeout: 30000 }).then((r) => r.jsonValue()).catch(() => '');
    check('fixture sample-scanned.pdf: the clear message, in the UI\'s language', scanned.includes('扫描件') && !scanned.includes('scanned document'), scanned.trim().slice(0, 120));
    await page.click(`${T('errors')} button`).catch(() => {});
    // a PDF whose fonts have no ToUnicode map: read, but its report carries the garbage warning
    n0 = await loadFiles(path.join(fixtures, 'sample-no-tounicode.pdf'));
    const noTuLoaded = await waitDocs(n0 + 1);
    await page.waitForTimeout(500);
    const noTuWarn = noTuLoaded ? await page.$eval(T('warnings'), (e) => e.textContent).catch(() => '') : '';
    check('fixture sample-no-tounicode.pdf: read, with the garbled-text-layer warning on the report',
      noTuWarn.includes('garbled') && noTuWarn.includes('ToUnicode'), noTuWarn.trim().slice(0, 140));
    // legacy Word .doc, dropped (a drop event with a DataTransfer), read by the on-demand docread module
    const docreadBefore = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('docread')));
    check('the .doc reader is not part of the initial load', docreadBefore.length === 0, docreadBefore.join(', '));
    const dropFile = async (file, name) => {
      const before = (await page.$$(T('doc-item'))).length;
      await page.evaluate(([b64, n]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], n));
        document.querySelector('[data-testid="drop-zone"]')
          .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, [fs.readFileSync(file).toString('base64'), name]);
      return before;
    };
    for (const name of ['sample.doc', 'sample.wps']) {
      await fresh();
      n0 = await dropFile(path.join(fixtures, 'sample.doc'), name);
      const docLoaded = await waitDocs(n0 + 1);
      await page.waitForTimeout(500);
      const docFacts = docLoaded ? await facts() : '';
      const err = docLoaded ? '' : await page.$eval(T('errors'), (e) => e.textContent).catch(() => '');
      check(`fixture ${name} dropped (legacy Word, the on-demand .doc reader): the same metrics as the text`, docFacts === reference,
        docFacts === reference ? '' : `got ${docFacts.slice(0, 160)} ${err.trim().slice(0, 160)}`);
    }
    const docreadFrom = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('docread')));
    check('the .doc reader came from the page\'s own origin', docreadFrom.length > 0 && docreadFrom.every((u) => u.startsWith(origin)), docreadFrom.join(', '));
    await fresh();
    n0 = await loadFiles(path.join(fixtures, 'reports.zip'));
    await waitIdle();
    // a member whose text equals one loaded before it is skipped as a duplicate of it (its decoding gave the very same text)
    const zipSkipped = await skippedAs();
    const zipNames = (await page.$$eval('[data-testid="doc-item"] .doc-name', (els) => els.map((e) => e.textContent).filter((t) => t.startsWith('reports.zip/'))))
      .concat(Object.keys(zipSkipped));
    check('fixture reports.zip: each report inside is its own report, GBK names decoded', zipNames.some((t) => t.startsWith('reports.zip/县/生态环境局/示例-GBK.txt')) && zipNames.some((t) => t.startsWith('reports.zip/更多.zip/乡镇/示例.txt')) && zipNames.length >= 5, zipNames.map((t) => t.split(' ')[0]).join(', '));
    let zipSame = true;
    for (const name of ['reports.zip/市本级/示例报告.txt', 'reports.zip/县/生态环境局/示例-GBK.txt', 'reports.zip/县/生态环境局/示例.html', 'reports.zip/县/示例.doc']) {
      const same = zipSkipped[name] ? zipSkipped[name].startsWith('reports.zip/') : (await openDoc(name)) && (await facts()) === reference;
      zipSame = zipSame && same;
    }
    check('fixture reports.zip: the members (text, GBK text, HTML, .doc) give the same metrics as the text', zipSame, `duplicates: ${JSON.stringify(zipSkipped)}`);
    await page.click(`${T('errors')} button`).catch(() => {});
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibiao-folder-'));
    fs.mkdirSync(path.join(folder, '报告', '县'), { recursive: true });
    fs.copyFileSync(path.join(fixtures, 'sample.txt'), path.join(folder, '报告', '县', 'a.txt'));
    fs.copyFileSync(path.join(fixtures, 'sample.html'), path.join(folder, '报告', 'b.html'));
    fs.writeFileSync(path.join(folder, '报告', 'notes.png'), 'not a report');
    await fresh();
    n0 = await loadFiles(path.join(folder, '报告'), 'folder-input').catch((e) => { console.log(`      folder upload: ${e}`); return -1; });
    await waitIdle();
    const folderOk = n0 >= 0;
    const folderNames = (await page.$$eval('[data-testid="doc-item"] .doc-name', (els) => els.map((e) => e.textContent.split(' ')[0])))
      .concat(Object.keys(await skippedAs()));
    check('a picked folder: every report in it, named by its path', folderOk && folderNames.includes('报告/县/a.txt') && folderNames.includes('报告/b.html') && !folderNames.some((t) => t.includes('notes.png')), folderNames.slice(-3).join(', '));
    fs.rmSync(folder, { recursive: true, force: true });

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
      const got = await facts();
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

    check('no console errors', consoleErrors.length === 0, consoleErrors.slice(0, 3).join(' | '));
    check('zero requests left the origin', external.length === 0, external.slice(0, 5).join(', '));
    }
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
