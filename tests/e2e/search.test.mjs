// The Search view: the red team's worst cases, the fix frontier and the robustness screen run on the worker pool
// with small budgets; a worst case and a frontier point load as one undoable edit; a search can be cancelled; and
// the red team's best case in the browser is the CLI's on the same link, bit for bit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch, openApp, typeInto, loadSmall } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens the Search view on one search with the launch preset at 2,000 users. */
async function openSearch(kind) {
  const opened = await openApp(browser);
  await loadSmall(opened.page, 'alipay-circles-2016');
  await opened.page.getByTestId('view-search').click();
  await opened.page.getByTestId(`search-tab-${kind}`).click();
  return opened;
}

/** Runs the search on screen and waits for it to finish. */
async function runSearch(page, kind) {
  await page.getByTestId(`${kind}-run`).click();
  // The progress bar shows at once, before any run is back.
  await page.getByTestId(`${kind}-progress`).waitFor({ timeout: 200 });
  await page.locator(`[data-testid="${kind}-status"][data-state="done"]`).waitFor({ timeout: 60000 });
}

/** Waits until the link in the address bar is no longer `than`, and returns it. */
async function hashChanged(page, than) {
  await page.waitForFunction(h => location.hash !== h, than, { timeout: 10000 });
  return page.evaluate(() => location.hash);
}

test('red team: read the worst case, open it, undo it', async () => {
  const { context, page, errors } = await openSearch('redteam');
  await typeInto(page.getByTestId('redteam-runs'), 32);
  await runSearch(page, 'redteam');
  const sentence = await page.getByTestId('worst-0-sentence').innerText();
  assert.ok(sentence.length > 20, sentence);
  assert.match(await page.getByTestId('worst-0-rule').innerText(), /^Let through by: /);
  assert.ok(Number(await page.getByTestId('worst-0-prevalence').getAttribute('data-value')) > 0);
  assert.match(await page.getByTestId('worst-0-money').innerText(), /moved per run/);
  assert.match(await page.getByTestId('worst-0-link').getAttribute('href'), /^#s=1\./);
  assert.match(await page.getByTestId('search-provenance').innerText(), /MAP-Elites .* of 32 runs .* engine /);
  const before = await page.evaluate(() => location.hash);
  await page.getByTestId('worst-0-open').click();
  const opened = await hashChanged(page, before);
  assert.equal(opened, await page.getByTestId('worst-0-link').getAttribute('href'), 'the scenario on screen is the worst case');
  await page.getByTestId('undo').click();
  await page.waitForFunction(h => location.hash === h, before, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('fix frontier: hover a point to read what changed, click it to load it as one undoable edit', async () => {
  const { context, page, errors } = await openSearch('frontier');
  await typeInto(page.getByTestId('frontier-runs'), 32);
  await runSearch(page, 'frontier');
  await page.getByTestId('frontier-current').waitFor();
  const point = page.getByTestId('frontier-point-0');
  const label = await point.getAttribute('aria-label');
  const change = label.split(': harm ')[0];
  await point.hover();
  await page.waitForFunction(c => document.querySelector('[data-testid="frontier-hover"]').innerText.startsWith(c), change);
  // Keyboard focus names a point as hovering does.
  if (await page.getByTestId('frontier-point-1').count()) {
    await page.getByTestId('frontier-point-1').focus();
    const other = (await page.getByTestId('frontier-point-1').getAttribute('aria-label')).split(': harm ')[0];
    await page.waitForFunction(c => document.querySelector('[data-testid="frontier-hover"]').innerText.startsWith(c), other);
  }
  const before = await page.evaluate(() => location.hash);
  await point.click();
  const loaded = await hashChanged(page, before);
  assert.notEqual(loaded, before);
  await page.getByTestId('undo').click();
  await page.waitForFunction(h => location.hash === h, before, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('robustness: a tornado of the assumptions and the verdict sentence', async () => {
  const { context, page, errors } = await openSearch('robustness');
  await typeInto(page.getByTestId('robustness-trajectories'), 2);
  await runSearch(page, 'robustness');
  const bars = await page.getByTestId('tornado-bar').evaluateAll(els => els.map(e => Number(e.dataset.muStar)));
  assert.ok(bars.length >= 3 && bars.length <= 10, JSON.stringify(bars));
  assert.ok(bars.every((v, i) => i === 0 || v <= bars[i - 1]), `ranked by μ*: ${bars}`);
  assert.match(await page.getByTestId('robustness-verdict').innerText(), /holds|flips/);
  assert.match(await page.getByTestId('search-provenance').innerText(), /Morris/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('cancel a search mid-way: progress stops, the panel says so, and the pool still runs the next search', async () => {
  const { context, page, errors } = await openSearch('robustness');
  await typeInto(page.getByTestId('robustness-trajectories'), 40);
  await page.getByTestId('robustness-run').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="robustness-status"]')?.dataset.done) > 0, null, { timeout: 30000 });
  await page.getByTestId('robustness-cancel').click();
  const status = page.locator('[data-testid="robustness-status"][data-state="cancelled"]');
  await status.waitFor({ timeout: 200 });
  const done = await status.getAttribute('data-done');
  assert.match(await status.innerText(), /Search cancelled after \d+ of \d+ runs/);
  await page.waitForTimeout(700);
  assert.equal(await status.getAttribute('data-done'), done, 'no progress after the cancel');
  await typeInto(page.getByTestId('robustness-trajectories'), 1);
  await runSearch(page, 'robustness');
  assert.ok(await page.getByTestId('tornado-bar').count() >= 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('determinism: the red team in the browser finds the CLI’s worst case on the same link and budget', async () => {
  const { context, page, errors } = await openSearch('redteam');
  await typeInto(page.getByTestId('redteam-runs'), 32);
  const link = await page.evaluate(() => location.href);
  await runSearch(page, 'redteam');
  const browserBest = {
    prevalence: Number(await page.getByTestId('worst-0-prevalence').getAttribute('data-value')),
    fen: Number(await page.getByTestId('worst-0-money').getAttribute('data-value')),
    sentence: await page.getByTestId('worst-0-sentence').innerText(),
  };
  // As determinism.test.mjs calls it: cargo builds the CLI first if it is not current.
  const native = JSON.parse(execFileSync('cargo', ['run', '-q', '--release', '-p', 'backfire-cli', '--', 'redteam', link, '--budget', '32', '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
  const best = native.worst[0];
  assert.deepEqual(browserBest, { prevalence: best.prevalence_per_10k, fen: best.abuse_fen, sentence: best.sentence });
  assert.deepEqual(errors, []);
  await context.close();
});
