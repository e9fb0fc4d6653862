// End-to-end sections: the page loads, the built-in example, the seeds (and the largest one's
// extraction time), a fact's evidence in the source view.
import fs from 'node:fs';
import path from 'node:path';
import { check, close, T, shot, waitExtracted, extractMs, timings, corpusDir, goldDir } from './lib.mjs';

/** The page loads under /zhibiao/ in the browser’s language; the built-in example; clear all. */
export async function loadExample(page, url) {
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
}

/** Each seed pasted and checked against its gold; the largest seed’s extraction time. */
export async function seedsSection(page) {
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
    // ---- extraction time of the largest seed (steady state: re-extracted 20 times, the median)
    const largest = seedInfo.reduce((a, b) => (b.chars > a.chars ? b : a));
    const idx = seedInfo.indexOf(largest);
    await page.click(`${T('doc-item')}:nth-child(${idx + 1}) .doc-open`);
    const runs = [];
    for (let k = 0; k < 20; k++) {
      const before = await page.$eval(T('extract-time'), (e) => e.getAttribute('data-ms')).catch(() => null);
      await page.fill(T('input-text'), largest.text + ' '.repeat(k + 1));
      await waitExtracted(page, before);
      runs.push(await extractMs(page));
    }
    runs.sort((a, b) => a - b);
    const worker = await page.$eval(T('extract-time'), (e) => e.getAttribute('data-worker')).catch(() => null);
    timings.largest = { file: largest.file, chars: largest.chars, first_ms: largest.ms, min_ms: runs[0], median_ms: (runs[9] + runs[10]) / 2, runs, worker: worker === 'true' };
    check('the largest seed is extracted in a worker (the engine module loads there)', worker === 'true');
    check('largest seed extraction time measured', Number.isFinite(runs[10]), `${largest.file} (${largest.chars} chars): first ${largest.ms.toFixed(2)} ms, min ${runs[0].toFixed(2)} ms, median ${((runs[9] + runs[10]) / 2).toFixed(2)} ms over 20${worker === 'true' ? ' (in the worker)' : ' (main thread)'}`);
    await page.fill(T('input-text'), largest.text);
    await page.waitForTimeout(400);
  }
  return { seeds, seedInfo };
}

/** Click a fact → its evidence highlighted (and scrolled into view) in the source view. */
export async function evidence(page) {
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
}
