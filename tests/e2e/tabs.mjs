// End-to-end sections: the summary, all-figures, review, comparison and chart tabs, and the exports.
import fs from 'node:fs';
import path from 'node:path';
import { check, close, T, shot, download, goldDir } from './lib.mjs';

/** Summary tab: narrative, number → evidence, outline, the documents table. */
export async function summary(page) {
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
}

/** All figures; the review tab (REVIEW.md): parts, deadline, density chart, flags, language. */
export async function figuresReview(page) {
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
}

/** The comparison table (sorting, review columns) and the chart across reports (SVG, PNG). */
export async function compareChart(page, seeds) {
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
}

/** JSON, CSV and clipboard exports. */
export async function exportsSection(page, seeds) {
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
}
