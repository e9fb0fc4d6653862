// End-to-end section: the page's engine (the wasm its workers import, src/bin/engine.rs) gives
// the CLI's JSON byte for byte, on the seeds and the dev set (issue 10: native and browser
// outputs stay identical). The CLI is target/release/zhibiao (scripts/test-web.sh builds it).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repo, corpusDir, check } from './lib.mjs';

/** Each text file of `dir` as { name, text }. */
function texts(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ dir, name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** The CLI's JSON Lines for the files of `dir` (one line each, in order), or null. */
function cli(dir, names) {
  const bin = path.join(repo, 'target', 'release', 'zhibiao');
  if (!fs.existsSync(bin) || !names.length) return null;
  const out = spawnSync(bin, ['extract', '--jsonl', ...names], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.status === 0 ? out.stdout.split('\n').filter(Boolean) : null;
}

/** The engine's report JSON for each text, called in the page the way its workers call it. */
async function engine(page, docs) {
  return page.evaluate(async (docs) => {
    const js = document.querySelector('link[data-engine="js"]').href;
    const wasm = document.querySelector('link[data-engine="wasm"]').href;
    const m = await import(js);
    await m.default({ module_or_path: wasm });
    return docs.map(([text, name]) => {
      const a = m.answer(text, name);
      // the Answer is {"report":<the report's JSON>,"weak":[…]}: the report's bytes as written
      return a.slice('{"report":'.length, a.lastIndexOf(',"weak":['));
    });
  }, docs.map((d) => [d.text, d.name]));
}

/** The engine and the CLI agree byte for byte on the seeds and the dev set. */
export async function sameAsCli(page, devDir) {
  for (const [label, dir] of [['seeds', corpusDir], ['dev set', path.join(devDir, 'texts')]]) {
    const docs = texts(dir);
    const lines = cli(dir, docs.map((d) => d.name));
    if (!lines) {
      check(`engine = CLI, byte for byte (${label})`, false, `no CLI output (build target/release/zhibiao) or no texts in ${dir}`);
      continue;
    }
    const got = await engine(page, docs);
    const differ = docs.filter((d, i) => got[i] !== lines[i]).map((d) => d.name);
    check(`engine = CLI, byte for byte (${label})`, docs.length > 0 && differ.length === 0,
      `${docs.length - differ.length}/${docs.length} identical${differ.length ? `; differ: ${differ.slice(0, 5).join(', ')}` : ''}`);
  }
}
