// The reviewer's desk (issue 13), end to end: 50 reports at 1280×720 (full-width comparison, names
// fixed on the left, units in the header, filters, the detail drawer, one redraw per batch),
// duplicates, deletion with undo, an edited agency in every export, the report list, the keyboard
// (skip link, arrow keys across tabs, Escape), English units and headers, a second viewport and a
// phone (results first, the source in a sheet). axe-core runs in every state: 0 serious or critical.
//
//   import { desk } from './desk.mjs'; await desk(browser, url, { check, shot, ... })
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const T = (sel) => `[data-testid="${sel}"]`;

/** axe-core's source (npm, injected into the page; it makes no request). */
function axeSource() {
  return fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

/** Run axe-core on the page; check 0 serious/critical violations in this state. */
async function axe(page, state, check, summary) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.evaluate(axeSource());
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, html: v.nodes.slice(0, 2).map((n) => n.html.slice(0, 120)) }));
  });
  const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  summary.push({ state, serious: bad.length, other: res.length - bad.length });
  check(`axe (${state}): 0 serious or critical violations`, bad.length === 0,
    bad.length ? bad.map((v) => `${v.id}×${v.n} ${JSON.stringify(v.html)}`).join(' | ') : `${res.length} minor/moderate: ${res.map((v) => v.id).join(', ') || 'none'}`);
}

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(T(testid))]);
  return fs.readFileSync(await dl.path(), 'utf8');
}

const count = (page, id) => page.$$eval(T(id), (els) => els.length);
const focused = (page) => page.evaluate(() => document.activeElement && (document.activeElement.getAttribute('data-testid') || document.activeElement.id || document.activeElement.tagName));
const openName = (page) => page.textContent('[data-testid="doc-item"] .doc-open[aria-current="true"] .doc-name').catch(() => '');
const idle = (page) => page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 60000 }).catch(() => {});

/** The laptop page: empty page, the skip link, the example, the tabs by arrow keys; axe in each tab. */
async function laptopStart(page, url, d) {
  const { check, shot, summary, seeds, files } = d;
  await page.goto(url);
  await page.waitForSelector(T('app'));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector(T('app'));
  await axe(page, 'empty page', check, summary);

  // keyboard: the first Tab reaches the skip link, Enter lands on the results
  await page.keyboard.press('Tab');
  check('keyboard: the first Tab stop is the skip link', (await focused(page)) === 'skip-link', await focused(page));
  await page.keyboard.press('Enter');
  check('keyboard: the skip link moves the focus to the results', (await focused(page)) === 'results', await focused(page));

  // the example, then the tabs by arrow keys (WAI-ARIA tabs: one tab stop, arrows move and select)
  await page.click(T('example'));
  await page.waitForSelector(T('report-card'));
  const exampleName = await openName(page);
  await page.focus(T('tab-metrics'));
  await page.keyboard.press('ArrowRight');
  const afterRight = await focused(page);
  const selRight = await page.getAttribute(T('tab-summary'), 'aria-selected');
  await page.keyboard.press('End');
  const afterEnd = await focused(page);
  await page.keyboard.press('ArrowRight');
  const afterWrap = await focused(page);
  check('keyboard: arrow keys, End and wrap-around move across the tabs and select them',
    afterRight === 'tab-summary' && selRight === 'true' && afterEnd === 'tab-charts' && afterWrap === 'tab-metrics',
    `${afterRight} ${selRight} ${afterEnd} ${afterWrap}`);
  const tabStops = await page.$$eval('[role=tablist] [role=tab][tabindex="0"]', (els) => els.length);
  check('keyboard: one tab stop per tab list', tabStops === 2, `${tabStops}`);
  await axe(page, 'example, metrics tab', check, summary);
  await page.click(T('tab-summary'));
  await axe(page, 'summary tab (outline)', check, summary);
  await page.click(T('tab-review'));
  await axe(page, 'review tab', check, summary);
  await page.click(T('tab-figures'));
  await axe(page, 'all figures tab', check, summary);
  return exampleName;
}

/** A batch of 50 reports with the comparison open; the layout of the comparison. */
async function batch(page, d, exampleName) {
  const { check, shot, summary, seeds, files } = d;
  // ---- a batch of 50 reports with the comparison open: the example stays in view, the table redraws once
  await page.click(T('tab-compare'));
  await page.evaluate(() => {
    window.__redraws = 0;
    const box = document.querySelector('[data-testid="compare-table"]');
    window.__mo = new MutationObserver(() => { window.__redraws += 1; });
    if (box) window.__mo.observe(box, { childList: true, subtree: true, characterData: true });
  });
  await page.setInputFiles(T('file-input'), files);
  await idle(page);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="compare-row"]').length >= n, files.length + 1, { timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(500);
  const redraws = await page.evaluate(() => window.__redraws);
  const rows = await count(page, 'compare-row');
  check(`batch: ${files.length} reports loaded, one row each`, rows === files.length + 1, `${rows} rows`);
  // once per batch: its rows drawn 10 at a time, one task each (CHUNK_ROWS), so 51 rows are 6 draws (+1 slack)
  const chunks = Math.ceil((files.length + 1) / 10);
  check('batch: the comparison was redrawn once (not per report), its rows in chunks of 10', redraws >= 1 && redraws <= chunks + 1, `${redraws} redraw(s) for ${chunks} chunk(s)`);
  const activeRow = await page.textContent(`${T('compare-row')}.active th`).catch(() => '');
  check('batch: the open report stays open (list and highlighted row)', (await openName(page)) === exampleName && activeRow.includes('青禾市'), `${exampleName} / ${activeRow}`);
  const docs = await count(page, 'doc-item');

  // layout: the source pane folded away, the names fixed on the left on one line, units in the header
  const leftShown = await page.$eval('.left', (e) => getComputedStyle(e).display !== 'none');
  const boxW = await page.$eval('.table-box', (e) => e.getBoundingClientRect().width);
  check('comparison: the source pane folds away, the table takes the width', !leftShown && boxW > 900, `table box ${boxW.toFixed(0)} px of 1280`);
  const heights = await page.$$eval(T('compare-row'), (trs) => trs.map((tr) => tr.getBoundingClientRect().height));
  check('comparison: report names on one line (rows ≤ 40 px)', Math.max(...heights) <= 40, `tallest row ${Math.max(...heights).toFixed(0)} px`);
  const units = await page.$$eval('.compare-table thead .unit', (els) => els.map((e) => e.textContent));
  const cellUnits = await page.$$eval('.compare-table td button.cell', (els) => els.filter((e) => /[件次元人]/.test(e.textContent)).length);
  check('comparison: units in the header, plain numbers in the cells', units.length > 5 && units.includes('件') && cellUnits === 0, units.slice(0, 6).join(' '));
  await page.$eval('.table-box', (e) => { e.scrollLeft = 2000; });
  const nameVisible = await page.$eval('.table-box', (box) => {
    const b = box.getBoundingClientRect();
    const th = box.querySelector('tbody th.name').getBoundingClientRect();
    return th.left >= b.left - 1 && th.left < b.left + 20 && th.width > 40;
  });
  check('comparison: after scrolling sideways the names stay on the left', nameVisible);
  await page.$eval('.table-box', (e) => { e.scrollLeft = 0; });
  const chips = await count(page, 'compare-genre');
  const partial = await count(page, 'compare-partial');
  check('comparison: genre (and part-year coverage) per report', chips > 0, `${chips} genres, ${partial} part-year`);
  await shot(page, 'desk-compare-50-1280x720');
  await axe(page, '50 reports, comparison', check, summary);
  return { rows, docs };
}

/** The comparison's filters, the detail drawer, weak matches. */
async function filtersDrawer(page, d, rows) {
  const { check, shot, summary, seeds, files } = d;
  // filters
  const years = await page.$$eval(`${T('filter-year')} option`, (os) => os.map((o) => o.value).filter(Boolean));
  if (years.length) {
    await page.selectOption(T('filter-year'), years[0]);
    const ys = await page.$$eval(`${T('compare-row')} td.year`, (tds) => tds.map((t) => t.textContent.slice(0, 4)));
    check('comparison: filter by year', ys.length > 0 && ys.length < rows && ys.every((y) => y === years[0]), `${years[0]}: ${ys.length} rows`);
    await page.selectOption(T('filter-year'), '');
  }
  const depts = await page.$$eval(`${T('filter-dept')} option`, (os) => os.map((o) => o.value).filter(Boolean));
  if (depts.length) {
    await page.selectOption(T('filter-dept'), depts[0]);
    const n = await count(page, 'compare-row');
    check('comparison: filter by department', n > 0 && n < rows, `${depts[0]}: ${n} rows (${depts.length} departments)`);
    await page.selectOption(T('filter-dept'), '');
  }
  const levels = await page.$$eval(`${T('filter-level')} option`, (os) => os.map((o) => o.value).filter(Boolean));
  check('comparison: filter by level offered', levels.length > 0, levels.join(' '));

  // the detail drawer: a cell opens it in place, Escape closes it and the focus returns to the table
  const firstCell = await page.$('.compare-table td button.cell');
  const cellKey = await firstCell.evaluate((b) => `${b.closest('tr').dataset.entry}/${b.closest('td').dataset.id}`);
  await firstCell.click();
  await page.waitForSelector(T('drawer'));
  const drawerFocus = await focused(page);
  const drawerFacts = await count(page, 'drawer-fact');
  await axe(page, 'comparison with the drawer open', check, summary);
  await page.keyboard.press('Escape');
  const closed = (await count(page, 'drawer')) === 0;
  check('drawer: opens in place on a cell (focus on ×), Escape closes it', drawerFocus === 'drawer-close' && drawerFacts > 0 && closed, `focus ${drawerFocus}, ${drawerFacts} fact(s)`);
  const backTo = await page.evaluate(() => { const a = document.activeElement; const td = a.closest('td'); return td ? `${a.closest('tr').dataset.entry}/${td.dataset.id}` : a.className; });
  check('drawer: the focus goes back to the cell that opened it', backTo === cellKey, `${backTo} (opened from ${cellKey})`);

  // confidence: weak matches marked in the comparison, with the hint in the drawer
  const weakCells = await page.$$('.compare-table td.weak button.cell');
  if (weakCells.length) {
    await weakCells[0].click();
    const hint = await page.textContent(T('weak-hint')).catch(() => '');
    check('confidence: a weak match is marked and the drawer says check the source', hint.includes('核对原文'), `${weakCells.length} weak cells; ${hint}`);
    await page.click(T('drawer-close'));
  } else {
    check('confidence: a weak match is marked', false, 'no weak cell among 50 reports');
  }
}

/** Duplicates, the report list's years, deletion by keyboard with undo, 全部清除 undone. */
async function listAndDelete(page, d, docs) {
  const { check, shot, summary, seeds, files } = d;
  // duplicates: the seeds again → skipped, and said
  await page.setInputFiles(T('file-input'), seeds.slice(0, 3));
  await idle(page);
  const dup = await page.textContent(T('duplicates')).catch(() => '');
  check('duplicates: the same files again are skipped and named', (await count(page, 'doc-item')) === docs && dup.includes(path.basename(seeds[0] || '')), dup.slice(0, 90));
  await axe(page, 'duplicates notice', check, summary);
  await page.click(`${T('duplicates')} button`);

  // report list: the year is never cut off, the tooltip names agency and year
  const yearCut = await page.$$eval(T('doc-year'), (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > e.closest('button').getBoundingClientRect().right).length);
  const years2 = await count(page, 'doc-year');
  const tip = await page.getAttribute(`${T('doc-item')}:nth-child(2) .doc-open`, 'title');
  check('report list: every year shown whole, the tooltip names agency and year', years2 > 40 && yearCut === 0 && /\d{4}/.test(tip), `${years2} years, ${yearCut} cut; "${tip.split('\n')[0]}"`);

  // deletion by keyboard: Enter on × removes one, the focus goes to undo (never to the next ×), Enter undoes
  const secondName = await page.textContent(`${T('doc-item')}:nth-child(2) .doc-name`);
  await page.focus(`${T('doc-item')}:nth-child(2) ${T('doc-remove')}`);
  await page.keyboard.press('Enter');
  const afterDel = await count(page, 'doc-item');
  const focusAfterDel = await focused(page);
  check('delete (×): one report removed, the focus on undo, not on the next ×', afterDel === docs - 1 && focusAfterDel === 'undo', `${docs} → ${afterDel}, focus ${focusAfterDel}`);
  await axe(page, 'after × (undo notice)', check, summary);
  await page.keyboard.press('Enter');
  const restored = await page.textContent(`${T('doc-item')}:nth-child(2) .doc-name`);
  check('undo puts the report back in its place', (await count(page, 'doc-item')) === docs && restored === secondName, restored.slice(0, 40));
  await page.click(T('clear-all'));
  const cleared = await count(page, 'doc-item');
  await page.click(T('undo'));
  check('全部清除 can be undone: every report back', cleared === 0 && (await count(page, 'doc-item')) === docs, `${docs} → ${cleared} → ${await count(page, 'doc-item')}`);
}

/** An edited agency in the card, the list, the comparison and every export; English units and headers. */
async function editedEnglish(page, d) {
  const { check, shot, summary, seeds, files } = d;
  // an edited agency: the card, the list, the comparison and every export use it, marked as edited
  await page.click(`${T('doc-item')}:nth-child(1) .doc-open`);
  await page.click(T('tab-metrics'));
  await page.click(T('card-edit'));
  await page.fill(T('edit-agency'), '测试编辑局');
  await page.fill(T('edit-year'), '2021');
  await axe(page, 'card edit form', check, summary);
  await page.click(T('card-save'));
  const cardAgency = await page.textContent(T('meta-agency'));
  const marks = await count(page, 'edited-mark');
  const listLabel = await page.textContent(`${T('doc-item')}:nth-child(1) .doc-label`);
  check('edited card: agency and year shown, marked as edited, in the list', cardAgency.includes('测试编辑局') && marks === 2 && listLabel.includes('测试编辑局') && listLabel.includes('2021'), `${cardAgency} / ${listLabel}`);
  const j1 = JSON.parse(await download(page, 'export-json'));
  check('edited card: the JSON export carries the agency and says it was edited', j1.meta.agency === '测试编辑局' && j1.meta.year === 2021 && j1.warnings.some((w) => w.includes('edited')), JSON.stringify(j1.meta).slice(0, 80));
  const csvFacts = await download(page, 'export-csv');
  const csvCmp = await download(page, 'export-csv-compare');
  check('edited card: both CSV exports carry the agency (headers in Chinese)', csvFacts.includes('测试编辑局,2021') && csvCmp.includes('测试编辑局') && csvCmp.split('\r\n')[0].includes('机关'), csvCmp.split('\r\n')[0].slice(1, 40));
  await page.click(T('tab-compare'));
  const cmpNames = await page.$$eval(`${T('compare-row')} th`, (ths) => ths.map((t) => t.textContent));
  check('edited card: the comparison uses the agency', cmpNames.includes('测试编辑局'));
  await page.reload();
  await page.waitForSelector(T('doc-item'));
  await page.waitForTimeout(1500);
  await page.click(`${T('doc-item')}:nth-child(1) .doc-open`);
  await page.waitForSelector(T('meta-agency'));
  check('edited card: kept with the text over a reload', (await page.textContent(T('meta-agency'))).includes('测试编辑局'));

  // English: units, headers, notices
  await page.click(T('lang-switch'));
  await page.click(T('tab-metrics'));
  const values = await page.$$eval(T('fact-value'), (els) => els.map((e) => e.textContent));
  check('English: units in English (no 件/次/人 on the values)', values.length > 0 && values.every((v) => !/[件次人项份个]/.test(v)), values.slice(0, 4).join(' | '));
  const enCsv = await download(page, 'export-csv-compare');
  check('English: the CSV headers in English', enCsv.split('\r\n')[0].includes('agency') && !enCsv.split('\r\n')[0].includes('机关'), enCsv.split('\r\n')[0].slice(1, 60));
  await page.click(T('tab-compare'));
  await axe(page, 'English comparison', check, summary);
  await page.click(T('lang-switch'));
}

/** A second viewport (1400×900): the example beside its source, the fold button. */
async function secondViewport(browser, url, watch, d) {
  const { check, shot, summary, seeds, files } = d;
  // ---- a second viewport (1400×900): the example side by side with its source, the fold button
  const ctx2 = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  watch(ctx2);
  const p2 = await ctx2.newPage();
  await p2.goto(url);
  await p2.waitForSelector(T('app'));
  await p2.evaluate(() => localStorage.clear());
  await p2.reload();
  await p2.click(T('example'));
  await p2.waitForSelector(T('report-card'));
  await p2.click('[data-testid^="fact-"]');
  const shown2 = await p2.$eval('.left', (e) => getComputedStyle(e).display !== 'none');
  await p2.click(T('fold-source'));
  const folded2 = await p2.$eval('.left', (e) => getComputedStyle(e).display === 'none');
  const wide2 = await p2.$eval('.results', (e) => e.getBoundingClientRect().width);
  check('1400×900: the source beside the results; folded, the results take the width', shown2 && folded2 && wide2 > 1000, `${wide2.toFixed(0)} px`);
  await p2.click(T('fold-source'));
  await p2.keyboard.press('Escape');
  await axe(p2, '1400×900 example with its source', check, summary);
  await ctx2.close();
}

/** A phone (390×844): results first, the source in a sheet. */
async function phone(browser, url, watch, d) {
  const { check, shot, summary, seeds, files } = d;
  // ---- a phone (390×844): results first, the source in a sheet opened on a tap, Escape closes it
  const ctx3 = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  watch(ctx3);
  const p3 = await ctx3.newPage();
  await p3.goto(url);
  await p3.waitForSelector(T('app'));
  await p3.evaluate(() => localStorage.clear());
  await p3.reload();
  await p3.click(T('example'));
  await p3.waitForSelector(T('report-card'));
  await p3.evaluate(() => window.scrollTo(0, 0));
  const cardTop = await p3.$eval(T('report-card'), (e) => e.getBoundingClientRect().top);
  const firstFactTop = await p3.$eval('[data-testid^="fact-"]', (e) => e.getBoundingClientRect().top);
  const left3 = await p3.$eval('.left', (e) => getComputedStyle(e).display);
  check('phone: the results come first (the card and first facts on the first screen), no text box', cardTop < 300 && firstFactTop < 844 && left3 === 'none', `card at ${cardTop.toFixed(0)} px, first fact at ${firstFactTop.toFixed(0)} px`);
  await shot(p3, 'desk-phone-390x844');
  await axe(p3, 'phone, results', check, summary);
  await p3.tap('[data-testid^="fact-"]');
  await p3.waitForTimeout(300);
  const sheet = await p3.$eval('.left', (e) => ({ display: getComputedStyle(e).display, pos: getComputedStyle(e).position, top: e.getBoundingClientRect().top }));
  const marks3 = await count(p3, 'evidence-mark');
  check('phone: a tap on a fact opens the source in a sheet with the evidence marked', sheet.display !== 'none' && sheet.pos === 'fixed' && marks3 > 0, `${JSON.stringify(sheet)}, ${marks3} marks`);
  await shot(p3, 'desk-phone-sheet-390x844');
  await axe(p3, 'phone, source sheet open', check, summary);
  await p3.keyboard.press('Escape');
  const sheetClosed = await p3.$eval('.left', (e) => getComputedStyle(e).display === 'none');
  check('phone: Escape closes the sheet', sheetClosed);
  await ctx3.close();
}

export async function desk(browser, url, { check, shot, corpusDir, devDir }) {
  const summary = [];
  const origin = new URL(url).origin;
  const external = [];
  const watch = (c) => c.on('request', (r) => { const u = r.url(); if (!(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:'))) external.push(u); });
  const seeds = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpusDir, f)) : [];
  const devTexts = path.join(devDir, 'texts');
  const dev = fs.existsSync(devTexts) ? fs.readdirSync(devTexts).filter((f) => f.endsWith('.txt')).sort().slice(0, 50 - seeds.length).map((f) => path.join(devTexts, f)) : [];
  const files = seeds.concat(dev);

  // ---- laptop 1280×720, Chinese UI
  const ctx = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
  watch(ctx);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const d = { check, shot, summary, seeds, files };
  const exampleName = await laptopStart(page, url, d);
  const { rows, docs } = await batch(page, d, exampleName);
  await filtersDrawer(page, d, rows);
  await listAndDelete(page, d, docs);
  await editedEnglish(page, d);
  await ctx.close();

  await secondViewport(browser, url, watch, d);
  await phone(browser, url, watch, d);

  check('desk: no page errors', errors.length === 0, errors.slice(0, 3).join(' | '));
  check('desk: zero requests left the origin', external.length === 0, external.slice(0, 3).join(', '));
  const total = summary.reduce((a, s) => a + s.serious, 0);
  console.log(`      axe: ${summary.length} states, ${total} serious/critical violations`);
  return summary;
}
