// End-to-end sections: reload, file errors, pasted HTML, GBK, a batch, the line charts over years
// (issue 11), typing in a 50,000-char report, the keyboard, English and a phone.
import path from 'node:path';
import { check, T, shot, waitExtracted, extractMs, timings, corpusDir } from './lib.mjs';

/** Reload keeps the texts; errors name the file; HTML as text; GBK; a batch; a line over years. */
export async function inputs(page, seeds) {
  const n = seeds.length || 1;
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
}

/** Issue 11: two reports of one agency → the review tab’s series chart and the cross-year flag. */
export async function series(page) {
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
}

/** Typing in 50,000 chars stays responsive; the keyboard; English UI and a phone. */
export async function typingKeyboard(page, seeds, seedInfo) {
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
}
