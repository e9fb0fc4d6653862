// End-to-end sections: hostile and broken inputs (issue 4), the input fixtures (issue 12: PDF via
// pdf.js, a scanned PDF, a PDF without ToUnicode, .doc/.wps dropped, a .zip, a folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, T, zip, facts, fixtures } from './lib.mjs';

/** Each hostile input gets a message naming it or a result; the page stays usable. */
export async function hostile(page) {
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
}

// ---- the input fixtures (issue 12): PDF via pdf.js, scanned PDF, PDF without ToUnicode, .doc/.wps, .zip, a folder → the sample's metrics

/** Loading, waiting and opening helpers for the fixture checks. */
function helpers(page) {
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
  return { loadFiles, fresh, waitIdle, skippedAs, waitDocs, openDoc, dropFile };
}

/** sample.txt (the reference), sample.pdf via pdf.js, the scanned PDF, the PDF without ToUnicode. */
export async function fixturesPdf(page, origin) {
  const { loadFiles, fresh, waitDocs } = helpers(page);
  await fresh();
  let n0 = await loadFiles(path.join(fixtures, 'sample.txt'));
  await waitDocs(n0 + 1);
  await page.waitForTimeout(500);
  const reference = await facts(page);
  check('fixture sample.txt: metrics shown', reference.split(' ').length >= 10, `${reference.split(' ').length} facts`);
  await fresh();
  n0 = await loadFiles(path.join(fixtures, 'sample.pdf'));
  const pdfLoaded = await waitDocs(n0 + 1);
  await page.waitForTimeout(500);
  const pdfFacts = pdfLoaded ? await facts(page) : '';
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
  return reference;
}

/** The legacy Word .doc (and as .wps), dropped, read by the on-demand reader. */
export async function fixturesDoc(page, origin, reference) {
  const { fresh, waitDocs, dropFile } = helpers(page);
  let n0;
  // legacy Word .doc, dropped (a drop event with a DataTransfer), read by the on-demand docread module
  const docreadBefore = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('docread')));
  check('the .doc reader is not part of the initial load', docreadBefore.length === 0, docreadBefore.join(', '));
  for (const name of ['sample.doc', 'sample.wps']) {
    await fresh();
    n0 = await dropFile(path.join(fixtures, 'sample.doc'), name);
    const docLoaded = await waitDocs(n0 + 1);
    await page.waitForTimeout(500);
    const docFacts = docLoaded ? await facts(page) : '';
    const err = docLoaded ? '' : await page.$eval(T('errors'), (e) => e.textContent).catch(() => '');
    check(`fixture ${name} dropped (legacy Word, the on-demand .doc reader): the same metrics as the text`, docFacts === reference,
      docFacts === reference ? '' : `got ${docFacts.slice(0, 160)} ${err.trim().slice(0, 160)}`);
  }
  const docreadFrom = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('docread')));
  check('the .doc reader came from the page\'s own origin', docreadFrom.length > 0 && docreadFrom.every((u) => u.startsWith(origin)), docreadFrom.join(', '));
}

/** reports.zip (nested, GBK names) and a picked folder. */
export async function fixturesZipFolder(page, reference) {
  const { loadFiles, fresh, waitIdle, skippedAs, openDoc } = helpers(page);
  let n0;
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
    const same = zipSkipped[name] ? zipSkipped[name].startsWith('reports.zip/') : (await openDoc(name)) && (await facts(page)) === reference;
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
}
