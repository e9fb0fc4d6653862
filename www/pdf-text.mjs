// The page texts of a PDF as zhibiao reads them with pdf.js: items in content order, a new line
// where pdf.js marks one or the baseline moves. Shared by the page (src/web/files.rs loads it
// from its own origin with pdf.js, only when a PDF arrives) and by the measurement script
// scripts/pdfjs-pages.mjs, so that both read a PDF the same way.

/** The text of one page from `page.getTextContent()`. */
export function pageText(content) {
  let text = '', lastY = null;
  for (const it of content.items) {
    if (typeof it.str !== 'string') continue;
    const y = it.transform ? it.transform[5] : null;
    if (lastY !== null && y !== null && Math.abs(y - lastY) > 2 && !text.endsWith('\n')) text += '\n';
    text += it.str;
    if (it.hasEOL) text += '\n';
    if (y !== null) lastY = y;
  }
  return text;
}

/** Every page's text of the PDF in `data` (bytes), read with the pdf.js module `pdfjs`. */
export async function pdfPages(pdfjs, data, options = {}) {
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, ...options }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(pageText(await page.getTextContent()));
  }
  await doc.destroy();
  return pages;
}
