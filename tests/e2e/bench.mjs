// Browser benchmark (prints numbers; asserts nothing about speed): edit-to-results latency, the longest
// main-thread task during runs (Long Tasks API), a 1M-user × 30-day run, the cancel latency of a 1M-user
// run, and the gzip size of the build.
// Run: node tests/e2e/run.mjs tests/e2e/bench.mjs   (after scripts/build)
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, openApp, runId, waitForRun, typeInto } from './browser.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

test('bundle size', () => {
  let raw = 0, gz = 0;
  const rows = [];
  for (const f of fs.readdirSync(dist)) {
    if (!/\.(wasm|js|css|html)$/.test(f)) continue;
    const buf = fs.readFileSync(path.join(dist, f));
    const g = zlib.gzipSync(buf, { level: 9 }).length;
    raw += buf.length; gz += g;
    rows.push(`  ${f.padEnd(44)} ${String(buf.length).padStart(9)} B raw  ${String(g).padStart(8)} B gzip`);
  }
  console.log(['bundle:', ...rows, `  total ${raw} B raw, ${gz} B gzip (${(gz / 1024).toFixed(0)} KiB)`].join('\n'));
});

test('edit to results, and long tasks, for the default preset (10k users × 7 days)', async () => {
  const { context, page } = await openApp(browser);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, 0);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
    // The clock starts at the edit; it stops when a run that started after it is done (the run on screen at
    // the edit does not count, though it may still read "done" while a committed value waits to apply).
    document.addEventListener('input', () => {
      window.__t0 = performance.now(); window.__t1 = 0;
      window.__run0 = document.querySelector('[data-testid="run-status"]')?.dataset.run;
    }, true);
    // The status element is replaced as the run moves on, so watch the whole results area.
    window.__marks = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="run-status"]');
      const key = `${el?.dataset.state}:${el?.dataset.run}`;
      if (key !== window.__lastKey) { window.__lastKey = key; window.__marks.push([performance.now(), key]); }
      if (el?.dataset.state === 'done' && el.dataset.run !== window.__run0) window.__t1 = window.__t1 > window.__t0 ? window.__t1 : performance.now();
    }).observe(document.querySelector('main'), { attributes: true, childList: true, subtree: true });
  });
  await page.getByTestId('tab-platform').click();
  // Long tasks are counted from here: during the edit-and-run loop, not while the page first renders a tab.
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__long = []; });
  const seed = page.getByTestId('seed-input');
  const latencies = [];
  for (let i = 0; i < 41; i++) {
    const before = await runId(page);
    await seed.fill(String(1000 + i));
    // Number fields apply a value when it is committed (Enter, blur or a pause): commit at once, as a designer
    // who presses Enter does, so the figure is the app's latency, not the pause.
    await seed.press('Enter');
    await waitForRun(page, before);
    latencies.push(await page.evaluate(() => window.__t1 - window.__t0));
  }
  const longest = await page.evaluate(() => Math.max(0, ...window.__long.map(([, d]) => d)));
  const count = await page.evaluate(() => window.__long.length);
  console.log(`edit → results on screen: median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} edits`);
  console.log(`main-thread long tasks during those runs: ${count}, longest ${longest.toFixed(0)} ms`);
  if (process.env.BENCH_DETAIL) {
    console.log(JSON.stringify(await page.evaluate(() => ({ long: window.__long, marks: window.__marks.slice(-12), t0: window.__t0 }))));
  }
  await context.close();
});

test('sweep: 20 × 20 grid of 10k-user × 7-day runs on the worker pool', async () => {
  const { context, page } = await openApp(browser);
  const r0 = await runId(page);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, r0);
  await page.getByTestId('view-sweep').click();
  await typeInto(page.getByTestId('sweep-x-from'), 400);
  await typeInto(page.getByTestId('sweep-x-to'), 900);
  await typeInto(page.getByTestId('sweep-x-steps'), 20);
  await page.getByTestId('sweep-y-enabled').check();
  await typeInto(page.getByTestId('sweep-y-from'), 1);
  await typeInto(page.getByTestId('sweep-y-to'), 200);
  await typeInto(page.getByTestId('sweep-y-steps'), 20);
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-ms').waitFor({ timeout: 600000 });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`sweep 20 × 20 (comment threshold × tip ceiling, 2016 launch at 10k users × 7 days): ${await page.getByTestId('sweep-ms').innerText()} (hardwareConcurrency ${cores})`);
  await context.close();
});

test('1M users × 30 days in the browser', async () => {
  const { context, page } = await openApp(browser);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, 0);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  await page.getByTestId('tab-platform').click();
  await typeInto(page.getByTestId('days'), 30);
  await page.getByTestId('days').press('Enter');
  await page.getByTestId('tab-population').click();
  await typeInto(page.getByTestId('population.n_users'), 1000000);
  await page.getByTestId('population.n_users').press('Enter');
  const before = await runId(page);
  const t0 = Date.now();
  await page.getByTestId('run').click();
  let progressUpdates = 0, last = '';
  const timer = setInterval(async () => {
    const t = await page.getByTestId('run-status').innerText().catch(() => '');
    if (t !== last) { progressUpdates++; last = t; }
  }, 250);
  await waitForRun(page, before, 600000);
  clearInterval(timer);
  const seconds = (Date.now() - t0) / 1000;
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  const heap = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
  console.log(`1M × 30 days: ${seconds.toFixed(1)} s wall, ${progressUpdates} progress updates seen, longest main-thread task ${longest.toFixed(0)} ms, page JS heap ${(heap / 1e6).toFixed(0)} MB`);
  await context.close();
});

test('cancel latency of a 1M-user run', async () => {
  const { context, page } = await openApp(browser);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, 0);
  await page.getByTestId('tab-population').click();
  await typeInto(page.getByTestId('population.n_users'), 1000000);
  await page.getByTestId('population.n_users').press('Enter');
  const pageMs = [], workerMs = [];
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('run').click();
    // Cancel at a different point of the run each time: during the first hour, then later.
    await page.waitForFunction(h => {
      // The status line shows a percentage; the hour is the progress bar's spoken value.
      const bar = document.querySelector('[data-testid="run-status"] [role="progressbar"]');
      const m = /hour (\d+)/.exec(bar?.getAttribute('aria-valuetext') ?? '');
      return m && Number(m[1]) >= h;
    }, i * 3, { timeout: 120000 });
    await page.waitForTimeout(100 + 37 * i);
    const t0 = Date.now();
    await page.getByTestId('cancel').click();
    await page.locator('[data-testid="run-status"][data-state="cancelled"]').waitFor({ timeout: 10000 });
    pageMs.push(Date.now() - t0);
    workerMs.push(Number(await page.getByTestId('run-status').getAttribute('data-cancel-ms')));
  }
  console.log(`cancel of a 1M-user run (5 tries): Cancel click to "Run cancelled." shown (worker confirmed) median ${median(pageMs)} ms, max ${Math.max(...pageMs)} ms; in-page Cancel-to-worker-reply median ${median(workerMs)} ms, max ${Math.max(...workerMs)} ms`);
  await context.close();
});

// Searches on the worker pool (the launch preset; each run 10k users × 7 days, the engine's default size): wall time
// of each search at the engine's default budget, the time from Run to the progress bar, the Cancel-to-"cancelled"
// latency, and the longest main-thread task while searching.
async function searchBench(page, kind, setBudget) {
  await page.getByTestId(`search-tab-${kind}`).click();
  await setBudget();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await page.getByTestId(`${kind}-run`).click();
  await page.getByTestId(`${kind}-progress`).waitFor({ timeout: 5000 });
  const progressMs = Date.now() - t0;
  await page.locator(`[data-testid="${kind}-status"][data-state="done"]`).waitFor({ timeout: 300000 });
  const seconds = (Date.now() - t0) / 1000;
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  const longCount = await page.evaluate(() => window.__long.length);
  const caption = await page.getByTestId('search-provenance').innerText();
  const runs = /(\d+) of \d+ runs/.exec(caption)?.[1];
  // Cancel: start again, wait for a few runs, then cancel.
  await page.getByTestId(`${kind}-run`).click();
  await page.waitForFunction(k => Number(document.querySelector(`[data-testid="${k}-status"]`)?.dataset.done) >= 4, kind, { timeout: 60000 });
  // Measured in the page: from the click's event to the first frame that shows "cancelled".
  await page.evaluate(k => {
    document.querySelector(`[data-testid="${k}-cancel"]`).addEventListener('click', e => {
      window.__c0 = e.timeStamp;
      const watch = () => document.querySelector(`[data-testid="${k}-status"][data-state="cancelled"]`)
        ? (window.__c1 = performance.now()) : requestAnimationFrame(watch);
      watch();
    }, { capture: true, once: true });
  }, kind);
  await page.getByTestId(`${kind}-cancel`).click();
  await page.locator(`[data-testid="${kind}-status"][data-state="cancelled"]`).waitFor({ timeout: 5000 });
  const cancelMs = await page.evaluate(() => window.__c1 - window.__c0);
  console.log(`search ${kind}: ${runs} runs in ${seconds.toFixed(1)} s wall, progress bar after ${progressMs} ms, cancel shown ${cancelMs.toFixed(0)} ms after the click, main-thread tasks over 50 ms: ${longCount}, longest ${longest.toFixed(0)} ms`);
}

test('searches: red team, fix frontier and Morris screen of the 2016 launch on the worker pool', async () => {
  const { context, page } = await openApp(browser);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, 0);
  await page.getByTestId('view-search').click();
  await searchBench(page, 'redteam', () => typeInto(page.getByTestId('redteam-runs'), 320));
  await searchBench(page, 'frontier', () => typeInto(page.getByTestId('frontier-runs'), 320));
  await searchBench(page, 'robustness', () => typeInto(page.getByTestId('robustness-trajectories'), 10));
  await context.close();
});
