// A thousand reports in the page (issue 10): generated reports of the project's own synthetic
// wording (invented places and agencies, seeded random figures, 5–12k chars like the seeds),
// picked at once through the file input. Measures the total time until the comparison table
// holds them all, the longest main-thread task, the page's memory; checks the progress bar,
// the cancel button, and that the 1,000-row comparison stays usable (pages, sort, filters).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const T = (sel) => `[data-testid="${sel}"]`;

/** A small seeded PRNG (mulberry32), so every run drops the same reports. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['青禾市', '云溪市', '石梁县', '白芷县', '禾丰区', '临岚市', '松桥县', '蓝湾区', '东岚省', '雁回市', '柳塘县', '南枫区'];
const DEPTS = ['生态环境局', '市场监督管理局', '交通运输局', '自然资源局', '司法局', '人民政府', '水务局', '应急管理局', '文化和旅游局', '住房和城乡建设局'];
const TOWNS = ['东街', '西岭', '南湖', '北坡', '新桥', '古渡', '清河', '杏林', '金川', '石门', '凤鸣', '玉泉'];

/** One synthetic report of about `target` chars: (agency, year, text). */
export function synthReport(i, target) {
  const r = rng(i * 7919 + 17);
  const n = (lo, hi) => Math.floor(lo + r() * (hi - lo));
  const pick = (xs) => xs[n(0, xs.length)];
  const agency = `${PLACES[i % PLACES.length]}${DEPTS[Math.floor(i / PLACES.length) % DEPTS.length]}`;
  const year = 2019 + (i % 6);
  const head = `${agency}${year}年法治政府建设年度报告\n发布时间:${year + 1}-0${n(1, 4)}-${10 + n(0, 18)}\n\n`
    + `${year}年,${agency}坚持依法行政,统筹推进法治政府建设各项任务,现将全年工作情况报告如下。\n\n一、主要工作情况\n`;
  const parts = [
    () => `全年累计检查各类单位${n(200, 5000)}家次,出动执法人员${n(500, 9000)}人次,其中采用"双随机"方式抽查${n(50, 900)}家次。`,
    () => `共办理行政处罚案件${n(10, 900)}件,罚款金额${(n(100, 90000) / 100).toFixed(2)}万元,同比${pick(['上升', '下降'])}${(n(1, 300) / 10).toFixed(1)}%。`,
    () => `审查重大行政决策${n(1, 20)}件,对${n(5, 200)}份行政合同开展合法性审查,出具法律审查意见${n(5, 120)}份。`,
    () => `办理行政复议案件${n(1, 60)}件,行政诉讼一审案件${n(1, 40)}件,主要负责人出庭应诉${n(1, 9)}次,出庭应诉率100%。`,
    () => `组织集体学法${n(2, 14)}次,举办法律培训${n(2, 30)}次,开展普法宣传活动${n(10, 200)}场次,发放宣传资料${n(500, 9000)}余份。`,
    () => `受理群众来信来访${n(100, 3000)}件,按期办结率${n(90, 100)}%,办理政府信息公开申请${n(5, 300)}件。`,
    () => `新出台规范性文件${n(1, 9)}件,清理规范性文件${n(1, 30)}件,全部按规定报送备案。`,
  ];
  const prose = [
    (t) => `在${t}片区,工作人员走访企业和群众,听取对执法工作的意见建议,逐条梳理并限期整改。`,
    (t) => `${t}所结合辖区实际,完善执法台账,落实执法全过程记录,做到程序规范、文书齐全。`,
    (t) => `围绕${t}一带的重点领域,开展专项检查,对发现的问题建立清单,实行销号管理。`,
    (t) => `依托${t}服务站开展法律咨询,引导群众依法表达诉求,推动矛盾纠纷就地化解。`,
    (t) => `${t}工作组坚持问题导向,把制度建设摆在突出位置,健全内部审核和集体讨论机制,防止随意决策。`,
    (t) => `针对${t}反映集中的事项,主动对接相关部门,明确责任分工和办理时限,确保件件有回音、事事有着落。`,
    (t) => `在${t}推行说理式执法,把释法析理贯穿执法全过程,让当事人明白违法之处和整改方向。`,
    (t) => `${t}窗口进一步精简办事材料,推广网上办理和帮办代办,让企业和群众少跑腿、好办事。`,
    (t) => `组织${t}一线人员交流执法经验,对典型做法进行总结提炼,形成可复制的工作方法。`,
    (t) => `以${t}为试点,探索包容审慎监管方式,对初次轻微违法行为以教育引导为主,督促当事人及时改正。`,
  ];
  let text = head;
  let k = 0;
  while ([...text].length < target - 160) {
    // prose around each figure, about as dense in figures as the seeds
    text += `(${'一二三四五六七八九十'[k % 10]})${pick(prose)(pick(TOWNS))}${pick(prose)(pick(TOWNS))}${parts[k % parts.length]()}`
      + `${pick(prose)(pick(TOWNS))}${pick(prose)(pick(TOWNS))}${pick(prose)(pick(TOWNS))}\n`;
    k++;
  }
  text += '\n二、存在的问题\n一是基层执法力量仍显不足。二是部分单位依法办事意识有待加强。\n\n三、下一步工作打算\n一是加强执法队伍建设。二是持续深化普法宣传。\n';
  return { agency, year, text };
}

/** Write `count` generated reports into a fresh folder; their paths. */
function writeReports(count, tag) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zhibiao-pool-${tag}-`));
  const files = [];
  for (let i = 0; i < count; i++) {
    const { text } = synthReport(i, 5000 + ((i * 2654435761) % 7000));
    const f = path.join(dir, `report-${String(i).padStart(4, '0')}.txt`);
    fs.writeFileSync(f, text);
    files.push(f);
  }
  return { dir, files };
}

/** Wait until the comparison table's page is fully drawn (its rows come CHUNK_ROWS at a time,
 * one task each, `aria-busy` until the last); false after `timeout` ms. */
function drawn(page, timeout = 10000) {
  return page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="compare-table"]');
    return t && !t.hasAttribute('aria-busy');
  }, null, { timeout, polling: 10 }).then(() => true).catch(() => false);
}

/** The long tasks and long animation frames (script plus style, layout and paint of one frame)
 * the page saw, as [ms from `t0`, duration]; the frames' `blockingDuration` is what of them was
 * over 50 ms per task. */
async function longOnes(page, t0) {
  const [tasks, frames] = await page.evaluate(() => [window.__longtasks, window.__frames]);
  return {
    tasks: tasks.map(([st, d]) => [Math.round(st - t0), Math.round(d)]),
    frames: frames.map(([st, d, b]) => [Math.round(st - t0), Math.round(d), Math.round(b)]),
  };
}

async function freshPage(browser, url) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => {
    window.__longtasks = [];
    window.__frames = [];
    try {
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__frames.push([e.startTime, e.duration, e.blockingDuration]); })
        .observe({ type: 'long-animation-frame', buffered: true });
    } catch (e) { /* not supported */ }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector(T('app'), { timeout: 20000 });
  // the pool warms up (each worker compiles the catalog) before the drop, as after a first visit
  await page.waitForTimeout(1500);
  return { context, page, errors };
}

/** Run the 1,000-report measurement and checks; the numbers go into `timings.pool`. */
export async function pool(browser, url, { check, shot, timings, count = 1000 }) {
  const { dir, files } = writeReports(count, 'all');
  const sizes = files.map((f) => [...fs.readFileSync(f, 'utf8')].length);
  const { context, page, errors } = await freshPage(browser, url);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const workers = await page.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency || 1)));
    await page.click(T('tab-compare'));
    await page.evaluate(() => { window.__longtasks = []; window.__frames = []; });
    const pt0 = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await page.setInputFiles(T('file-input'), files);
    // progress: count and time left while it runs
    await page.waitForSelector(T('progress'), { timeout: 20000 }).catch(() => {});
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="progress"]');
      return !p || Number(p.dataset.done) >= 20;
    }, null, { timeout: 60000, polling: 50 }).catch(() => {});
    const mid = await page.evaluate(() => {
      const p = document.querySelector('[data-testid="progress"]');
      return p ? { done: Number(p.dataset.done), total: Number(p.dataset.total), eta: p.querySelector('[data-testid="progress-eta"]').textContent,
        cancel: !!p.querySelector('[data-testid="cancel-batch"]') } : null;
    });
    check('1,000 reports: the progress bar shows the count, the time left and a cancel button',
      mid && mid.total === count && mid.done > 0 && /约剩 \d+ 秒/.test(mid.eta) && mid.cancel, JSON.stringify(mid));
    await shot(page, '11-pool-progress');
    await page.waitForFunction((n) => !document.querySelector('[data-testid="progress"]')
      && (document.querySelector('[data-testid="compare-page"]')?.textContent || '').endsWith(`/ ${n}`), count,
    { timeout: 240000, polling: 100 }).catch(() => {});
    await drawn(page);
    const totalMs = Date.now() - t0;
    // when each long task began, from the drop (the first is the browser taking the 1,000 files
    // in from the test's setInputFiles: CDP's intake, not the page's script)
    const { tasks: longAt, frames } = await longOnes(page, pt0);
    const long = longAt.map(([, d]) => d);
    const maxLong = long.length ? Math.max(...long) : 0;
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    const rows = await page.$$eval(T('compare-row'), (trs) => trs.length);
    const wasmMb = await page.evaluate(async () => {
      const js = [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.href).find((h) => h.endsWith('.js') && !h.includes('/snippets/'));
      const m = await import(js);
      return m.wasm_memory_bytes ? m.wasm_memory_bytes() / 1048576 : null;
    }).catch(() => null);
    const listed = await page.$$eval(T('doc-item'), (li) => li.length);
    const saved = await page.evaluate(() => localStorage.getItem('zhibiao.docs.v1'));
    const pageText = await page.textContent(T('compare-page')).catch(() => '');
    check(`1,000 reports dropped at once: all in the comparison table (${workers} worker(s))`, pageText.endsWith(`/ ${count}`) && rows === 100,
      `${(totalMs / 1000).toFixed(1)} s; ${rows} rows shown, ${pageText}`);
    timings.pool = {
      reports: count, workers, chars_min: Math.min(...sizes), chars_max: Math.max(...sizes),
      chars_total: sizes.reduce((a, b) => a + b, 0), total_ms: totalMs, longest_task_ms: Math.round(maxLong),
      long_tasks: long.length, long_tasks_ms: Math.round(long.reduce((a, b) => a + b, 0)), long_tasks_at: longAt,
      longest_frame_ms: Math.max(0, ...frames.map(([, d]) => d)), long_frames_at: frames,
      js_heap_mb: +(m.JSHeapUsedSize / 1048576).toFixed(1), wasm_memory_mb: wasmMb && +wasmMb.toFixed(1), dom_nodes: m.Nodes,
      sidebar_items: listed, saved_in: saved === 'indexeddb' ? 'IndexedDB' : saved ? 'localStorage' : 'nothing',
    };
    await shot(page, '12-pool-compare');
    check('1,000 reports: the page stays responsive (no main-thread task ≥ 1 s on a shared machine; goal 50 ms) and done in < 120 s', maxLong < 1000 && totalMs < 120000,
      `longest ${Math.round(maxLong)} ms; ${long.length} task(s) ≥ 50 ms at ${JSON.stringify(longAt)} ms from the drop`);
    check('1,000 reports: the list shows 200 (+ a note), the texts are saved in IndexedDB, not localStorage', listed <= 201 && saved === 'indexeddb',
      `${listed} items; localStorage: ${String(saved).slice(0, 20)}; ${m.Nodes} DOM nodes`);
    // the table stays usable: sort over every row, filter, the next page (each drawn in chunks)
    await page.evaluate(() => { window.__longtasks = []; window.__frames = []; });
    const pt1 = await page.evaluate(() => performance.now());
    let t1 = Date.now();
    await page.click(T('sort-1'));
    await page.waitForTimeout(50);
    const sortDrawn = await drawn(page, 5000);
    const sortMs = Date.now() - t1;
    const years = await page.$$eval(`${T('compare-row')} td.year`, (tds) => tds.map((td) => Number(td.textContent.slice(0, 4))));
    check('1,000 rows: sorting by year orders all of them (the first page has the earliest, its 100 rows drawn in chunks)',
      sortDrawn && years.length === 100 && years.every((y) => y === 2019), `${sortMs} ms; ${years.length} rows; ${[...new Set(years)].join(',')}`);
    await page.click(T('compare-next'));
    await drawn(page, 5000);
    const page2 = await page.textContent(T('compare-page')).catch(() => '');
    check('1,000 rows: the next page', page2.startsWith('101–200'), page2);
    t1 = Date.now();
    await page.selectOption(T('filter-year'), '2021');
    await page.waitForTimeout(50);
    await drawn(page, 5000);
    const filterMs = Date.now() - t1;
    const after = await longOnes(page, pt1);
    const fYears = await page.$$eval(`${T('compare-row')} td.year`, (tds) => tds.map((td) => Number(td.textContent.slice(0, 4))));
    const fPage = await page.textContent(T('compare-page')).catch(() => '');
    const want2021 = Array.from({ length: count }, (_, i) => i).filter((i) => 2019 + (i % 6) === 2021).length;
    check('1,000 rows: a year filter over all of them, back to page 1', fYears.length > 0 && fYears.every((y) => y === 2021) && fPage === `1–100 / ${want2021}`,
      `${filterMs} ms; ${fPage}`);
    timings.pool.sort_ms = sortMs;
    timings.pool.filter_ms = filterMs;
    // the long tasks and frames of the sort, the next page and the filter
    timings.pool.table_long_tasks_at = after.tasks;
    timings.pool.table_long_frames_at = after.frames;
    // a reload reads the 1,000 texts back from IndexedDB (and extracts them again, with the progress bar)
    await page.reload();
    await page.waitForSelector(T('app'), { timeout: 20000 });
    const back = await page.waitForFunction((n) => (document.querySelector('.sidebar h2')?.textContent || '').includes(`(${n})`), count, { timeout: 20000 })
      .then(() => true).catch(() => false);
    const heading = await page.textContent('.sidebar h2').catch(() => '');
    check('1,000 reports: a reload reads them back from IndexedDB', back, heading);
    check('1,000 reports: no page errors', errors.length === 0, errors.slice(0, 3).join(' | '));
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await dropped(browser, url, { check, timings, count });
  await cancel(browser, url, { check, count: 600 });
}

/** The same 1,000 reports through the page's drop handler: a `drop` event whose DataTransfer
 * was built in the page beforehand (as a drop from the desktop delivers them, without CDP's
 * setInputFiles intake of 1,000 files from the disk); its long tasks and frames go into
 * `timings.pool.drop`. */
async function dropped(browser, url, { check, timings, count }) {
  const { context, page, errors } = await freshPage(browser, url);
  try {
    const texts = Array.from({ length: count }, (_, i) => synthReport(i, 5000 + ((i * 2654435761) % 7000)).text);
    await page.evaluate((ts) => {
      window.__dt = new DataTransfer();
      ts.forEach((t, i) => window.__dt.items.add(new File([t], `report-${String(i).padStart(4, '0')}.txt`, { type: 'text/plain' })));
    }, texts);
    await page.click(T('tab-compare'));
    await page.waitForTimeout(500);
    await page.evaluate(() => { window.__longtasks = []; window.__frames = []; });
    const pt0 = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await page.evaluate(() => document.querySelector('[data-testid="drop-zone"]')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: window.__dt, bubbles: true, cancelable: true })));
    await page.waitForFunction((n) => !document.querySelector('[data-testid="progress"]')
      && (document.querySelector('[data-testid="compare-page"]')?.textContent || '').endsWith(`/ ${n}`), count,
    { timeout: 240000, polling: 100 }).catch(() => {});
    const complete = await drawn(page);
    const totalMs = Date.now() - t0;
    const { tasks, frames } = await longOnes(page, pt0);
    const longest = Math.max(0, ...tasks.map(([, d]) => d));
    const pageText = await page.textContent(T('compare-page')).catch(() => '');
    timings.pool = timings.pool || {};
    timings.pool.drop = { total_ms: totalMs, longest_task_ms: longest, long_tasks_at: tasks,
      longest_frame_ms: Math.max(0, ...frames.map(([, d]) => d)), long_frames_at: frames };
    check('1,000 reports dropped (a drop event): all in the table, no main-thread task ≥ 1 s (goal 50 ms), no page errors',
      complete && pageText.endsWith(`/ ${count}`) && longest < 1000 && errors.length === 0,
      `${(totalMs / 1000).toFixed(1)} s; longest task ${longest} ms; ${tasks.length} task(s) ≥ 50 ms at ${JSON.stringify(tasks)}; ${errors.slice(0, 2).join(' | ')}`);
  } finally {
    await context.close();
  }
}

/** Cancel a running batch: it stops, what was done stays, the rest is gone. */
async function cancel(browser, url, { check, count }) {
  const { dir, files } = writeReports(count, 'cancel');
  const { context, page } = await freshPage(browser, url);
  try {
    await page.setInputFiles(T('file-input'), files);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]')?.dataset.done) >= 10, null, { timeout: 60000, polling: 20 }).catch(() => {});
    await page.click(T('cancel-batch'));
    const gone = await page.waitForSelector(T('progress'), { state: 'detached', timeout: 3000 }).then(() => true).catch(() => false);
    await page.waitForTimeout(1500);
    const left = (await page.$$(T('doc-item'))).length;
    const notice = await page.textContent(T('notice')).catch(() => '');
    const again = await page.isVisible(T('progress'));
    check('cancel: the batch stops, the done reports stay, the rest are dropped', gone && !again && left > 0 && left < count && notice.includes('已取消'),
      `${left} of ${count} kept; ${notice}`);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** target/perf.json: the largest seed's worker time and the 1,000-report run (the README quotes them). */
export function writePerf(repo, timings) {
  if (!timings.pool && !timings.largest) return;
  const perf = { date: new Date().toISOString(), cores: os.cpus().length, largest_seed_in_worker: timings.largest || null, thousand_reports: timings.pool || null };
  fs.mkdirSync(path.join(repo, 'target'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'target', 'perf.json'), JSON.stringify(perf, null, 2) + '\n');
  console.log(`      perf ${path.join('target', 'perf.json')}`);
}
