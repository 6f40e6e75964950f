// Compare that can be trusted: ten seeds by default, a change coloured only beyond the seeds' noise (paired
// seed by seed), the measures in their own units, and an export of the numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, typeInto, loadSmall } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the comparison on screen is finished, and returns its pattern rows' noise marks and texts. */
async function settled(page) {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-measures"]')
    && !document.querySelector('[data-testid="compare-progress"]'), null, { timeout: 120000 });
  return page.locator('[data-testid="compare-table"] tbody tr').evaluateAll(rows =>
    Object.fromEntries(rows.map(r => [r.dataset.testid.replace('compare-', ''), { noise: r.dataset.noise, text: r.innerText }])));
}

test('a small change reads "within noise", identical sides "no change", and the numbers export', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 2000);
  await page.getByTestId('pin').click();
  let rows = await settled(page);
  assert.match(await page.locator('[data-testid="compare-table"] caption').innerText(), /mean over 10 seeds/);
  assert.ok(Object.values(rows).every(r => r.noise === 'within' && /no change/.test(r.text)), JSON.stringify(rows));

  // One point more women in the population: new dice for everyone, and no real change in solicitation.
  await page.getByTestId('tab-population').click();
  const women = page.getByTestId('population.female_percent');
  await typeInto(women, '46');
  await women.press('Enter');
  rows = await settled(page);
  assert.equal(rows.solicitation.noise, 'within');
  assert.match(rows.solicitation.text, /within noise/);
  assert.doesNotMatch(rows.solicitation.text, /[▲▼]/, 'a change within noise has no arrow');
  const measures = page.getByTestId('compare-measures');
  assert.match(await measures.innerText(), /Money moved by abuse/);
  assert.match(await page.getByTestId('compare-measure-solicitation_prevalence').innerText(), /pts · within noise/);

  // The numbers travel as CSV, with both sides' names, the seeds and the noise judgement per figure.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^# baseline,/);
  assert.match(csv, /# seeds per side,10/);
  assert.match(csv, /\nsolicitation severity,0-100,[\d.]+,[\d.]+,-?[\d.]+,[\d.]+,false\n/);
  assert.match(csv, /\nabuse_money,fen,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a real change is coloured beyond noise', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 2000);
  await page.getByTestId('pin').click();
  await settled(page);
  // Tips off everywhere: the tip page that paid for solicitation is gone.
  await page.getByTestId('tab-circles').click();
  for (let i = 0; i < 3; i++) {
    await page.getByTestId(`circle-pick-${i}`).click();
    await page.getByTestId(`circles[${i}].tips.enabled`).uncheck();
  }
  const rows = await settled(page);
  assert.equal(rows.solicitation.noise, 'beyond');
  assert.match(rows.solicitation.text, /▼/);
  assert.equal(await page.getByTestId('compare-measure-abuse_money_fen').getAttribute('data-noise'), 'beyond');
  assert.deepEqual(errors, []);
  await context.close();
});
