// Hostile input in the browser: links and files that used to stall the page, balloon its memory or
// be offered though they could not open. Each test feeds one and sees a clear message, nothing lost
// and a page that still answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, openApp, BASE, runId, waitForRun, typeInto } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A share link fragment (`#s=1.…`) holding this JSON text, packed as the app packs links. */
function linkOf(json) {
  return `#s=1.${zlib.deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url')}`;
}

/** Milliseconds until a click on a tab shows it selected: the page's thread is free when this is small. */
async function clickLatency(page, tab) {
  const t0 = Date.now();
  await page.getByTestId(`tab-${tab}`).click({ timeout: 5000 });
  await page.waitForFunction(t => document.querySelector(`[data-testid="tab-${t}"]`)?.getAttribute('aria-selected') === 'true', tab, { timeout: 5000 });
  return Date.now() - t0;
}

test('a link of 80,000 empty circles is refused at once, naming `circles`, and the earlier work stays', async () => {
  const { context, page, errors } = await openApp(browser);
  const r0 = await runId(page);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, r0);
  await page.getByTestId('tab-platform').click();
  await typeInto(page.getByTestId('name'), 'my edited work');
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-name"]')?.textContent === 'my edited work');

  const json = `{"circles":[${Array(80000).fill('{}').join(',')}]}`;
  const hash = linkOf(json);
  assert.ok(json.length < 256 * 1024, 'the bomb stays under the link cap, so only the list bound stops it');
  assert.ok(hash.length < 2000, `a short link (${hash.length} characters)`);

  // The same browser context: the autosave of the work above is what the page must fall back to.
  const bomb = await context.newPage();
  const bombErrors = [];
  bomb.on('pageerror', e => bombErrors.push(`pageerror: ${e.message}`));
  const t0 = Date.now();
  await bomb.goto(BASE + hash);
  await bomb.getByTestId('notice').waitFor({ timeout: 10000 });
  const noticeMs = Date.now() - t0;
  const notice = await bomb.getByTestId('notice').innerText();
  assert.match(notice, /could not be opened/);
  assert.match(notice, /circles/, notice);
  assert.ok(noticeMs < 3000, `the notice came within moments of opening (${noticeMs} ms)`);
  assert.equal(await bomb.getByTestId('scenario-name').innerText(), 'my edited work', 'the autosaved work is shown');
  assert.ok(await clickLatency(bomb, 'population') < 1000, 'the page answers clicks');
  // The link that could not open stays in the address bar (to copy or report) until the first edit.
  assert.ok((await bomb.evaluate(() => location.hash)).includes(hash.slice(1, 60)));
  console.log(`80,000 circles: notice ${noticeMs} ms after opening: ${notice.split('.')[0]}`);
  assert.deepEqual([...errors, ...bombErrors], []);
  await context.close();
});

test('a slow-credit link (1 fen a point, most points a day, 35,000 users × 7 days) does not stall the page', async () => {
  const json = JSON.stringify({
    version: 1,
    days: 7,
    population: { n_users: 35000 },
    platform: { credit: { fen_paid_per_point: 1, max_points_per_day: 600 } },
  });
  const { context, page, errors } = await openApp(browser, { hash: linkOf(json) });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  // While it runs (or waits for Run), the page answers a click.
  const latency = await clickLatency(page, 'population');
  assert.ok(latency < 1000, `a click answered in ${latency} ms`);
  // Results, or the large-run banner saying how long it would take.
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="run-status"]')?.dataset.state;
    return status === 'done' || document.querySelector('[data-testid="stale"]');
  }, null, { timeout: 30000 });
  const stale = await page.getByTestId('stale').count();
  if (stale) assert.match(await page.getByTestId('stale').innerText(), /about \d+ (s|min) on this machine/);
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  console.log(`slow credit: ${stale ? 'waits for Run' : 'ran by itself'}; click answered in ${latency} ms; longest main-thread task ${longest.toFixed(0)} ms`);
  assert.ok(await clickLatency(page, 'platform') < 1000, 'the page still answers');
  assert.deepEqual(errors, []);
  await context.close();
});

/** A scenario within every list bound whose link would pass the 256 KiB cap: every rule of 20 circles
 *  full of clauses full of conditions. */
function tooLargeForALink() {
  const full = seed => ({
    allow: Array.from({ length: 8 }, (_, c) => ({
      conditions: Array.from({ length: 8 }, (_, k) => ({ actor_account_age_at_least_days: seed * 100 + c * 10 + k })),
    })),
  });
  const circles = Array.from({ length: 20 }, (_, i) => ({
    name: `circle ${i}`,
    join: full(i),
    rules: { post: full(i + 1), comment: full(i + 2), praise: full(i + 3), tip: full(i + 4), message: full(i + 5) },
  }));
  return { version: 1, name: 'too large for a link', circles };
}

test('Copy link on a scenario too large for a link says so, and the work survives a reload', async () => {
  const { context, page, errors } = await openApp(browser, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const r0 = await runId(page);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, r0);
  const text = JSON.stringify(tooLargeForALink());
  assert.ok(text.length > 256 * 1024 && text.length < 1024 * 1024, `${text.length} bytes: past a link, within an import`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backfire-')), 'big.json');
  fs.writeFileSync(file, text);
  await page.getByTestId('import-json').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-name"]')?.textContent === 'too large for a link');
  await page.getByTestId('dismiss-notice').click();
  await page.getByTestId('copy-link').click();
  await page.getByTestId('notice').waitFor();
  const notice = await page.getByTestId('notice').innerText();
  assert.match(notice, /this scenario is too large for a link: export it as a file/i);
  assert.match(notice, /KiB/);
  assert.equal(await page.getByTestId('copy-link').innerText(), 'Copy link', 'nothing was copied');
  assert.equal(await page.evaluate(() => location.hash), '', 'no unopenable link in the address bar');
  await page.reload();
  await page.getByTestId('app-ready').waitFor({ state: 'attached' });
  assert.equal(await page.getByTestId('scenario-name').innerText(), 'too large for a link', 'autosave kept the work');
  assert.deepEqual(errors, []);
  await context.close();
});
