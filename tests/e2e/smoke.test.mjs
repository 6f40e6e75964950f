// Foundation: the page loads under a sub-path, the wasm starts, the engine's output renders, and clicks work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the app starts and renders the engine presets and a report', async () => {
  const { context, page, errors } = await openApp(browser);
  // Preset titles come from the engine crate, compiled into the page's wasm.
  const options = await page.getByTestId('preset-picker').locator('option').allTextContents();
  assert.ok(options.length >= 5, `expected the four presets, got ${JSON.stringify(options)}`);
  await page.getByTestId('pattern-cards').waitFor({ timeout: 30000 });
  await page.locator('[data-testid="run-status"][data-state="done"]').waitFor({ timeout: 30000 });
  assert.match(await page.getByTestId('rules-summary').textContent(), /may post/);
  // Clicking a tab swaps the editor shown.
  await page.getByTestId('tab-population').click();
  await page.getByTestId('mix-bar').waitFor();
  assert.equal(await page.getByTestId('tab-population').getAttribute('aria-selected'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});
