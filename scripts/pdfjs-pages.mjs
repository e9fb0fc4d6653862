// The page texts of a PDF as pdf.js reads them in the page (the same pdf.js build from
// node_modules/pdfjs-dist and the page's own line logic, www/pdf-text.mjs), printed as
// a JSON array of strings; used by `cargo run --example pdf-compare` to measure pdf.js natively.
//
//   node scripts/pdfjs-pages.mjs file.pdf
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pdfjs = await import(path.join(here, '..', 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.mjs'));

const { pdfPages } = await import(path.join(here, '..', 'www', 'pdf-text.mjs'));

const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const pages = await pdfPages(pdfjs, data, { verbosity: 0 });
process.stdout.write(JSON.stringify(pages));
