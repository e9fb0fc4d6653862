// The page texts of a PDF as pdf.js reads them in the page (the same pdf.js build from
// node_modules/pdfjs-dist and the same line logic as `pdf_pages` in src/web/files.rs), printed as
// a JSON array of strings; used by `cargo run --example pdf-compare` to measure pdf.js natively.
//
//   node scripts/pdfjs-pages.mjs file.pdf
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pdfjs = await import(path.join(here, '..', 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.mjs'));

const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  // as in src/web/files.rs: items in content order; a new line where pdf.js marks one or the baseline moves
  let text = '', lastY = null;
  for (const it of content.items) {
    if (typeof it.str !== 'string') continue;
    const y = it.transform ? it.transform[5] : null;
    if (lastY !== null && y !== null && Math.abs(y - lastY) > 2 && !text.endsWith('\n')) text += '\n';
    text += it.str;
    if (it.hasEOL) text += '\n';
    if (y !== null) lastY = y;
  }
  pages.push(text);
}
await doc.destroy();
process.stdout.write(JSON.stringify(pages));
