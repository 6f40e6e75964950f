// Embed: a link with `&embed=1` shows the verdict, the cards and the charts of its rules with no editor and
// no header, for an iframe in a wiki or a slide; "Copy embed code" gives the iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitForRun } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an embed link renders the results of its rules with no editor, and Copy embed code gives it', async () => {
  const { context, page, errors } = await openApp(browser, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016-timeline');
  await waitForRun(page, 0);
  await page.getByTestId('more-menu').locator('summary').click();
  await page.getByTestId('copy-embed').click();
  await page.getByTestId('notice').waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /^<iframe src="http[^"]+#s=1\.[^"]+&embed=1" title="Backfire: Alipay Circles, as it happened \(Nov 2016\)"/);
  const src = /src="([^"]+)"/.exec(code)[1];
  const hash = src.slice(src.indexOf('#'));

  const embed = await openApp(browser, { hash, contextOptions: { viewport: { width: 900, height: 700 } } });
  await embed.page.getByTestId('embed').waitFor();
  await waitForRun(embed.page, 0);
  for (const gone of ['rules-panel', 'preset-picker', 'edit-rules', 'view-compare', 'tab-circles']) {
    assert.equal(await embed.page.getByTestId(gone).count(), 0, `${gone} is not in an embed`);
  }
  assert.equal(await embed.page.locator('#rules-panel').count(), 0);
  await embed.page.getByTestId('verdict').waitFor();
  assert.equal(await embed.page.getByTestId('chart-patterns').getByTestId('chart-event').count(), 3);
  // The fragment keeps `&embed=1`, and the way out opens the same rules in the full app.
  assert.match(await embed.page.evaluate(() => location.hash), /&embed=1$/);
  const out = await embed.page.getByTestId('embed-open').getAttribute('href');
  assert.doesNotMatch(out, /embed=1/);
  assert.match(out, /#s=1\./);
  assert.deepEqual(embed.errors, []);
  await embed.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});
