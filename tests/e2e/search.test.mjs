// The Search view: the red team's worst cases, the fix frontier and the robustness screen run on the worker pool
// with small budgets; a worst case and a frontier point load as one undoable edit; a search can be cancelled; a
// result and a running search outlive a switch to another view; the settings ride in the link (a bad one is named);
// the frontier's points are judged against the red team's worst case; the screen reads a pinned baseline; and the
// red team's best case in the browser, opened from its link, is the CLI's on the same link, bit for bit.
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
  assert.equal(await page.getByTestId('search-stale').count(), 0, 'the result is of the rules on screen');
  await page.getByTestId('worst-0-open').click();
  const opened = await hashChanged(page, before);
  // The link keeps the search on screen after the rules (`&search=…`).
  assert.equal(opened.split('&search=')[0], await page.getByTestId('worst-0-link').getAttribute('href'), 'the scenario on screen is the worst case');
  assert.match(opened, /&search=redteam,runs:32,/);
  // The rules on screen are now the worst case's, not those searched: the result says so until Undo.
  assert.match(await page.getByTestId('search-stale').innerText(), /changed since this search ran/);
  await page.getByTestId('undo').click();
  await page.waitForFunction(h => location.hash === h, before, { timeout: 10000 });
  await page.getByTestId('search-stale').waitFor({ state: 'detached', timeout: 10000 });
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

test('a result, and a running search, outlive a switch to another view', async () => {
  const { context, page, errors } = await openSearch('redteam');
  await typeInto(page.getByTestId('redteam-runs'), 32);
  await runSearch(page, 'redteam');
  const sentence = await page.getByTestId('worst-0-sentence').innerText();
  await page.getByTestId('view-results').click();
  await page.getByTestId('search-panel').waitFor({ state: 'detached' });
  await page.getByTestId('view-search').click();
  assert.equal(await page.getByTestId('worst-0-sentence').innerText(), sentence, 'the atlas is still there');
  // A screen started, then left running while the Results view is open, finishes there and shows on return.
  await page.getByTestId('search-tab-robustness').click();
  await typeInto(page.getByTestId('robustness-trajectories'), 1);
  await page.getByTestId('robustness-run').click();
  await page.getByTestId('robustness-progress').waitFor({ timeout: 200 });
  await page.getByTestId('view-results').click();
  await page.waitForTimeout(500);
  await page.getByTestId('view-search').click();
  await page.locator('[data-testid="robustness-status"][data-state="done"]').waitFor({ timeout: 60000 });
  assert.ok(await page.getByTestId('tornado-bar').count() >= 3);
  await page.getByTestId('search-tab-redteam').click();
  assert.equal(await page.getByTestId('worst-0-sentence').innerText(), sentence, 'each search keeps its own result');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a search whose workers another view takes reads as cancelled where it stopped, and runs again', async () => {
  const { context, page, errors } = await openSearch('robustness');
  await typeInto(page.getByTestId('robustness-trajectories'), 40);
  await page.getByTestId('robustness-run').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="robustness-status"]')?.dataset.done) > 0, null, { timeout: 30000 });
  // Why's explanation takes the pool while the search's view is closed.
  await page.getByTestId('view-why').click();
  await page.getByTestId('explain').click();
  await page.getByTestId('view-search').click();
  const status = page.locator('[data-testid="robustness-status"][data-state="cancelled"]');
  await status.waitFor({ timeout: 5000 });
  assert.equal(await page.getByTestId('robustness-run').isEnabled(), true, 'nothing is left waiting');
  await typeInto(page.getByTestId('robustness-trajectories'), 1);
  await runSearch(page, 'robustness');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link with bad search settings names each bad one, opens with the defaults, and still searches', async () => {
  const { context, page } = await openSearch('frontier');
  const rules = (await page.evaluate(() => location.hash)).split('&').filter(p => p.startsWith('s=')).join('&');
  await context.close();
  const opened = await openApp(browser, { hash: `#${rules}&search=frontier,runs:abc,seeds:99,harm:nope,colour:red` });
  const { page: p2, errors } = opened;
  await p2.getByTestId('search-panel').waitFor();
  const issues = await p2.getByTestId('search-link-issue').allInnerTexts();
  assert.equal(issues.length, 4, issues.join('\n'));
  assert.match(issues[0], /`runs` is `abc`, not a whole number from 2 to 10,000: 160 is used/);
  assert.match(issues[1], /`seeds` is `99`/);
  assert.match(issues[2], /`harm` is `nope`/);
  assert.match(issues[3], /`colour` is not known/);
  assert.equal(await p2.getByTestId('search-tab-frontier').getAttribute('aria-selected'), 'true');
  assert.equal(await p2.getByTestId('frontier-runs').inputValue(), '160');
  // The defaults run (the search the link asked for, with its good parts): cancel it, nothing broke.
  await p2.getByTestId('frontier-progress').waitFor({ timeout: 5000 });
  await p2.getByTestId('frontier-cancel').click();
  await p2.locator('[data-testid="frontier-status"][data-state="cancelled"]').waitFor({ timeout: 2000 });
  assert.deepEqual(errors, []);
  await opened.context.close();
});

test('robust fixes: the frontier’s points judged against the red team’s worst case, beside their own harm', async () => {
  const { context, page, errors } = await openSearch('frontier');
  await typeInto(page.getByTestId('frontier-runs'), 24);
  await runSearch(page, 'frontier');
  assert.equal(await page.getByTestId('under-attack-offer').getAttribute('data-state'), 'no-redteam');
  await page.getByTestId('search-tab-redteam').click();
  await typeInto(page.getByTestId('redteam-runs'), 24);
  await runSearch(page, 'redteam');
  await page.getByTestId('search-tab-frontier').click();
  await page.getByTestId('under-attack-run').click();
  await page.locator('[data-testid="under-attack-status"][data-state="done"]').waitFor({ timeout: 60000 });
  const points = await page.locator('[data-testid^="frontier-point-"]').count();
  const rows = await page.locator('[data-testid^="under-attack-"] td[data-value]').evaluateAll(els => els.map(e => Number(e.dataset.value)));
  assert.equal(rows.length, points + 1, 'the rules on screen and every point, judged under attack');
  assert.ok(rows.every(v => Number.isFinite(v) && v >= 0), JSON.stringify(rows));
  assert.equal(await page.locator('[data-testid^="frontier-attacked-"]').count(), points);
  assert.match(await page.getByTestId('frontier-point-0').getAttribute('aria-label'), /under attack/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('robustness with a pinned baseline also screens the comparison with it', async () => {
  const { context, page, errors } = await openSearch('robustness');
  // Pinning opens Compare; the Search view keeps its tab, and now each point runs both sides.
  await page.getByTestId('pin').click();
  await page.getByTestId('view-search').click();
  await typeInto(page.getByTestId('robustness-trajectories'), 1);
  await page.getByTestId('robustness-baseline-note').waitFor();
  await runSearch(page, 'robustness');
  const comparison = page.getByTestId('robustness-comparison');
  assert.match(await comparison.getAttribute('data-change'), /^[+-]\d+\.\d$/);
  assert.ok(await page.getByTestId('tornado-change-bar').count() >= 3);
  assert.match(await page.getByTestId('search-reproduce').getAttribute('href'), /^#s=1\..*&b=1\..*&search=robustness,/);
  assert.match(await page.getByTestId('search-provenance').innerText(), /Morris/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('determinism: the red team opened from its link in the browser finds the CLI’s worst case on that link', async () => {
  const first = await openSearch('redteam');
  await typeInto(first.page.getByTestId('redteam-runs'), 32);
  await typeInto(first.page.getByTestId('redteam-percent'), 2.5);
  await typeInto(first.page.getByTestId('redteam-seeds'), 1);
  await runSearch(first.page, 'redteam');
  // The search rides in the address bar, and its result links to itself.
  const reproduce = await first.page.getByTestId('search-reproduce').getAttribute('href');
  assert.match(await first.page.evaluate(() => location.hash), /&search=redteam,runs:32,share:2\.5,seeds:1,/);
  assert.match(reproduce, /^#s=1\..*&search=redteam,runs:32,share:2\.5,seeds:1,/);
  await first.context.close();
  // A fresh page opened on that link opens the Search view and runs it.
  const { context, page, errors } = await openApp(browser, { hash: reproduce });
  await page.locator('[data-testid="redteam-status"][data-state="done"]').waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('redteam-runs').inputValue(), '32');
  assert.match(await page.getByTestId('search-provenance').innerText(), / · seeds \d+ · engine /, 'one seed per candidate');
  const link = await page.evaluate(() => location.href);
  const browserBest = {
    prevalence: Number(await page.getByTestId('worst-0-prevalence').getAttribute('data-value')),
    fen: Number(await page.getByTestId('worst-0-money').getAttribute('data-value')),
    sentence: await page.getByTestId('worst-0-sentence').innerText(),
  };
  // The link alone: the CLI reads the search's settings from its `search=` part, as the page did.
  // As determinism.test.mjs calls it: cargo builds the CLI first if it is not current.
  const native = JSON.parse(execFileSync('cargo', ['run', '-q', '--release', '-p', 'backfire-cli', '--', 'redteam', link, '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
  const best = native.worst[0];
  assert.equal(native.budget_permille, 25);
  assert.equal(native.provenance.seeds.length, 1);
  assert.deepEqual(browserBest, { prevalence: best.prevalence_per_10k, fen: best.abuse_fen, sentence: best.sentence });
  assert.deepEqual(errors, []);
  await context.close();
});
