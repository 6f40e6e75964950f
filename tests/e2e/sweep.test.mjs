// The sweep answers a designer's question: a 1-D sweep as a line with bands over seeds, metrics beyond severity,
// harm against honest cost, and a link that reopens the same sweep.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, typeInto, loadSmall, runId, waitForRun } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Screenshots go here when SWEEP_SHOTS names a folder (for the notes; nothing asserts on them).
const SHOTS = process.env.SWEEP_SHOTS;
async function shot(page, name) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Every cell's (or point's) data- values, keyed by test id. */
function cellValues(page, prefix) {
  return page.locator(`[data-testid^="${prefix}"]`).evaluateAll(els =>
    Object.fromEntries(els.map(e => [e.dataset.testid, { ...e.dataset }])));
}

test('a rule opens on a range a designer would try, and a 1-D sweep is a line with bands over seeds', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('view-sweep').click();
  await page.getByTestId('sweep-x-param').selectOption('tip_ceiling_yuan');
  assert.equal(await page.getByTestId('sweep-x-from').inputValue(), '1');
  assert.equal(await page.getByTestId('sweep-x-to').inputValue(), '1000');
  assert.equal(await page.getByTestId('sweep-x-scale').inputValue(), 'log', 'money in 1-2-5 steps');
  assert.equal(await page.getByTestId('sweep-seeds').inputValue(), '3');
  await typeInto(page.getByTestId('sweep-x-to'), 200);
  await page.getByTestId('sweep-x-scale').selectOption('lin');
  await page.getByTestId('sweep-x-scale').selectOption('log');
  assert.equal(await page.getByTestId('sweep-x-steps').inputValue(), '8', '¥1, 2, 5, 10, 20, 50, 100, 200');
  await page.getByTestId('sweep-metric').selectOption('money:solicitation');
  assert.match(await page.getByTestId('sweep-run').innerText(), /Run 8 cells × 3 seeds/);
  await page.getByTestId('sweep-run').click();
  const line = page.getByTestId('sweep-line');
  await line.waitFor({ timeout: 120000 });
  assert.equal(await page.locator('[data-testid^="sweep-cell-"]').count(), 0, 'no one-row heatmap');
  const points = await cellValues(page, 'sweep-point-');
  assert.equal(Object.keys(points).length, 8);
  for (const p of Object.values(points)) {
    assert.ok(Number(p.min) <= Number(p.value) && Number(p.value) <= Number(p.max), JSON.stringify(p));
  }
  assert.ok(Object.values(points).some(p => Number(p.max) > Number(p.min)), 'seeds differ somewhere: the band has width');
  const ticks = await line.locator('text').allTextContents();
  for (const t of ['¥1', '¥2', '¥5', '¥10', '¥20', '¥50', '¥100', '¥200']) assert.ok(ticks.includes(t), `${t} in ${ticks.join(' | ')}`);
  assert.ok(!ticks.some(t => /\d\.\d\d/.test(t) && /¥/.test(t)), 'round money ticks');
  assert.match(await page.getByTestId('sweep-caption').innerText(), /mean of 3 seeds; the band runs from the lowest to the highest seed/);
  await page.getByTestId('sweep-band').waitFor({ state: 'attached' });
  await page.getByTestId('sweep-current').waitFor({ state: 'attached' });
  await shot(page, 'sweep-line-1440');

  // The points are one tab stop; arrows move, Enter loads the point as an undoable edit.
  await page.getByTestId('sweep-point-0').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'sweep-point-1');
  assert.match(await page.getByTestId('sweep-readout').innerText(), /Tip ceiling = ¥2\b/);
  const r0 = await runId(page);
  await page.keyboard.press('Enter');
  await waitForRun(page, r0);
  assert.match(await page.getByTestId('rules-summary').textContent(), /tip page of ¥[\d.]+–2\b/, 'the ¥2 ceiling is loaded');

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'sweep-line-390');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sweep link reopens the same heatmap; metrics switch without a rerun; harm vs honest cost', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('view-sweep').click();
  await typeInto(page.getByTestId('sweep-x-steps'), 3);
  await page.getByTestId('sweep-y-enabled').check();
  await page.getByTestId('sweep-y-param').selectOption('tip_ceiling_yuan');
  await typeInto(page.getByTestId('sweep-y-from'), 5);
  await typeInto(page.getByTestId('sweep-y-to'), 200);
  await page.getByTestId('sweep-y-scale').selectOption('log');
  await typeInto(page.getByTestId('sweep-seeds'), 2);
  await page.getByTestId('sweep-run').click();
  const heatmap = page.getByTestId('sweep-heatmap');
  await heatmap.waitFor({ timeout: 120000 });
  assert.equal(await page.locator('[data-testid^="sweep-cell-"]').count(), 3 * 6, '¥5 to ¥200: 5, 10, 20, 50, 100, 200');
  assert.match(await page.getByTestId('sweep-caption').innerText(), /mean of 2 seeds/);

  // Another metric redraws the same runs.
  const severity = await cellValues(page, 'sweep-cell-');
  await page.getByTestId('sweep-metric').selectOption('incidents:exclusion');
  await page.waitForFunction(() => /Honest users refused/.test(document.querySelector('[data-testid="sweep-heatmap"] title')?.textContent ?? ''));
  const refused = await cellValues(page, 'sweep-cell-');
  assert.notDeepEqual(refused, severity, 'the cells show the new metric');
  const byThreshold = [0, 1, 2].map(x => Number(refused[`sweep-cell-${x}-0`].value));
  assert.ok(byThreshold[0] <= byThreshold[2], `a higher credit gate refuses no fewer honest users: ${byThreshold}`);
  await shot(page, 'sweep-heatmap-1440');
  // The heatmap exports slide-ready and whole: its title, every cell, and the link.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sweep-svg').click()]);
  const svg = fs.readFileSync(await download.path()).toString();
  assert.match(svg, /font-weight="700">[^<]*Honest users refused/);
  assert.ok((svg.match(/data-testid="sweep-cell-/g) ?? []).length === 18, 'every cell travels');
  assert.match(svg, /<desc>http[^<]*&amp;sweep=/);
  const box = svg.match(/<svg[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"/);
  assert.ok(box && Number(box[2]) > 220, `the export is as tall as the heatmap (${box?.[2]})`);

  // The link carries the sweep; a fresh page opens on it and shows the same cells.
  await page.waitForFunction(() => /&sweep=comment_credit_threshold~350~950~3~lin,tip_ceiling_yuan~5~200~6~log!incidents:exclusion!2/.test(location.hash));
  const url = page.url();
  const fresh = await openApp(browser, { hash: new URL(url).hash });
  const again = fresh.page.getByTestId('sweep-heatmap');
  await again.waitFor({ timeout: 120000 });
  assert.equal(await fresh.page.getByTestId('sweep-metric').inputValue(), 'incidents:exclusion');
  assert.equal(await fresh.page.getByTestId('sweep-y-scale').inputValue(), 'log');
  assert.deepEqual(await cellValues(fresh.page, 'sweep-cell-'), refused, 'the same heatmap, cell for cell');
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // Harm vs honest cost: one point per cell and the rules on screen ringed; a click loads the cell.
  await page.getByTestId('sweep-chart').selectOption('scatter');
  const scatter = page.getByTestId('sweep-scatter');
  await scatter.waitFor();
  assert.equal(await page.locator('[data-testid^="sweep-dot-"]:not([data-testid="sweep-dot-current"])').count(), 18);
  await page.getByTestId('sweep-dot-current').waitFor();
  await page.getByTestId('sweep-metric').selectOption('severity:solicitation');
  const dots = await cellValues(page, 'sweep-dot-');
  assert.ok(Object.values(dots).every(d => Number.isFinite(Number(d.cost)) && Number.isFinite(Number(d.harm))));
  await page.getByTestId('sweep-cost').selectOption('engagement');
  assert.equal(Number((await cellValues(page, 'sweep-dot-current'))['sweep-dot-current'].cost), 0, 'the rules on screen lose nothing against themselves');
  await page.getByTestId('sweep-dot-4').hover();
  assert.match(await page.getByTestId('sweep-readout').innerText(), /Comment credit threshold = 650 points; Tip ceiling = ¥10\b/);
  await shot(page, 'sweep-scatter-1440');
  const r0 = await runId(page);
  await page.getByTestId('sweep-dot-4').click();
  await waitForRun(page, r0);
  assert.match(await page.getByTestId('rules-summary').textContent(), /credit 650 or more may comment/);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'sweep-scatter-390');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged sweep link says which part is wrong and keeps the rules', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  const hash = new URL(page.url()).hash.split('&sweep=')[0];
  const bad = await openApp(browser, { hash: `${hash}&sweep=tip_ceiling_yuan~1~200~99~log` });
  const issue = bad.page.getByTestId('sweep-link-issue');
  await issue.waitFor();
  assert.equal(await issue.innerText(), 'sweep link: x axis: `99` steps is not a whole number from 1 to 20');
  assert.equal(await bad.page.locator('[data-testid^="sweep-cell-"], [data-testid^="sweep-point-"]').count(), 0);
  await bad.page.waitForFunction(() => !location.hash.includes('sweep='), null, { timeout: 10000 });
  assert.deepEqual(bad.errors, []);
  await bad.context.close();
  // The same link opened in Chinese says it in Chinese.
  const zh = await openApp(browser, { hash: `${hash}&sweep=tip_ceiling_yuan~1~200~99~log&lang=zh` });
  const zhIssue = zh.page.getByTestId('sweep-link-issue');
  await zhIssue.waitFor();
  assert.equal(await zhIssue.innerText(), '扫描链接：横向（x）：步数 `99` 不是 1 到 20 之间的整数');
  assert.deepEqual(zh.errors, []);
  await zh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});
