// Accessibility: axe-core finds no serious violations, and the main flow works from the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openApp, runId, waitForRun } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('axe-core finds no serious or critical violations', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  for (const tab of ['circles', 'population', 'platform']) {
    await page.getByTestId(`tab-${tab}`).click();
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`), [], `on the ${tab} tab`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: pick a preset, edit a rule, run', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  // Tab from the top of the page to the preset picker.
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'preset-picker'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.dataset?.testid ?? '');
  }
  assert.equal(focused, 'preset-picker');
  const before = await runId(page);
  await page.keyboard.press('ArrowDown');
  await waitForRun(page, before);
  // On to the tips toggle of the first circle, toggled with the space bar.
  for (let i = 0; i < 200 && focused !== 'circles[0].tips.enabled'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.dataset?.testid ?? '');
  }
  assert.equal(focused, 'circles[0].tips.enabled');
  const wasChecked = await page.getByTestId('circles[0].tips.enabled').isChecked();
  const run1 = await runId(page);
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('circles[0].tips.enabled').isChecked(), !wasChecked);
  await waitForRun(page, run1);
  assert.deepEqual(errors, []);
  await context.close();
});
