// A tiny static server for the built site: serves DIST under BASE (default /zhibiao/) on
// 127.0.0.1. Usage: node tests/e2e/server.mjs [dist] [port] [base]. Also importable.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

/** Start serving `dist` under `base`; resolves to { server, url }. */
export function serve(dist, port = 0, base = '/zhibiao/') {
  const root = path.resolve(dist);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let p = decodeURIComponent(url.pathname);
    if (p === base.replace(/\/$/, '')) { res.writeHead(301, { Location: base }); res.end(); return; }
    if (!p.startsWith(base)) { res.writeHead(404); res.end('not found'); return; }
    p = p.slice(base.length) || 'index.html';
    if (p.endsWith('/')) p += 'index.html';
    const file = path.resolve(root, p);
    if (!file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const a = server.address();
    resolve({ server, url: `http://127.0.0.1:${a.port}${base}` });
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [dist = 'dist', port = '8080', base = '/zhibiao/'] = process.argv.slice(2);
  serve(dist, Number(port), base).then(({ url }) => console.log(`serving ${dist} at ${url}`));
}
