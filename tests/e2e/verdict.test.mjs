// The review workspace's first screen: the verdict above the fold, rule and effect on one screen (sticky
// header and editor), results first on a phone, results marked stale when they are not the rules on screen,
// the scenario's own name with a modified marker, and no serious accessibility violations at three widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openApp, runId, typeInto, waitForRun } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Whether the whole of `locator` lies inside the viewport as the page stands (no scrolling). */
async function inViewport(page, locator) {
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
}

/** The card with the highest severity: the pattern the verdict must lead with. */
async function topCard(page) {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll('[data-testid="pattern-cards"] > article')];
    cards.sort((a, b) => Number(b.dataset.severity) - Number(a.dataset.severity));
    const c = cards[0];
    return { id: c.dataset.testid.slice('pattern-'.length), level: c.dataset.level, name: c.querySelector('h3 span').textContent };
  });
}

test('the verdict names the launch preset’s top pattern and level, and links to its card', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  const top = await topCard(page);
  assert.equal(top.id, 'solicitation', 'the launch preset is led by solicitation');
  const first = page.locator('[data-testid="verdict"] li').first();
  assert.equal(await first.getAttribute('data-testid'), `verdict-${top.id}`);
  assert.equal(await first.getAttribute('data-level'), top.level);
  const text = await first.innerText();
  assert.match(text, new RegExp(`^${top.name}\\s+${top.level}\\s+\\d+/100`, 'i'));
  assert.match(text, /\d[\d,]* incidents from day 1, \d\d:00/);
  assert.match(text, /¥[\d,.]+ involved/);
  assert.match(text, /let through by .+ \(\d+ %\)/);
  assert.match(await page.getByTestId('verdict-honest').innerText(), /refused at least once, [\d,]+ left after abuse/);
  // The cards say "Let through by", never "Opened by".
  const card = page.getByTestId(`pattern-${top.id}`);
  assert.match(await card.innerText(), /Let through by: /);
  assert.doesNotMatch(await page.getByTestId('pattern-cards').innerText(), /Opened by/);
  // The verdict's link moves focus to the card and leaves the share link in the address bar alone.
  const hash = await page.evaluate(() => location.hash);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await first.locator('a').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), `card-${top.id}`);
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.ok(await inViewport(page, card), 'the card is on screen after the link');
  // The rules prose is folded, one click away.
  assert.equal(await page.getByTestId('rules-summary').isVisible(), false);
  await page.getByTestId('rules-summary-fold').locator('summary').click();
  assert.ok(await page.getByTestId('rules-summary').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 1440×900 the verdict and the first card are on the first screen; the header is one row', async () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
    const { context, page, errors } = await openApp(browser, { contextOptions: { viewport } });
    await waitForRun(page, 0);
    const header = await page.locator('.app-header').boundingBox();
    assert.ok(header.height <= 64, `the header is one row at ${viewport.width} px (${header.height} px tall)`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
    if (viewport.width === 1440) {
      assert.ok(await inViewport(page, page.getByTestId('verdict')), 'the verdict is above the fold');
      const card = page.locator('[data-testid="pattern-cards"] > article').first();
      assert.ok(await inViewport(page, card), 'the first card is above the fold');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('with the editor scrolled to moderation the results stay in view, and the page scrolls under a fixed editor', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  const moderation = page.getByTestId('circles[0].moderation.user_reports');
  await moderation.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => document.querySelector('.rules-panel').scrollTop > 0), 'the editor scrolled on its own');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not move');
  assert.ok(await inViewport(page, moderation), 'moderation is on screen');
  assert.ok(await inViewport(page, page.getByTestId('verdict')), 'and so is the verdict');
  // An edit there changes the results beside it.
  const r0 = await runId(page);
  await moderation.click();
  await waitForRun(page, r0);
  // Down among the charts, the editor and the header stay where they were.
  await page.evaluate(() => window.scrollTo(0, 2000));
  assert.ok(await page.evaluate(() => window.scrollY) > 1000, 'the page scrolled');
  assert.ok(await inViewport(page, moderation), 'moderation is still on screen');
  assert.ok(await inViewport(page, page.getByTestId('run')), 'the header is still on screen');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the results come first and the editor opens behind a button; a shared link shows results', async () => {
  const desk = await openApp(browser);
  await waitForRun(desk.page, 0);
  await desk.page.getByTestId('tab-population').click();
  const r0 = await runId(desk.page);
  await typeInto(desk.page.getByTestId('population.n_users'), 3000);
  await waitForRun(desk.page, r0);
  const hash = await desk.page.evaluate(() => location.hash);
  assert.match(hash, /^#s=1\./);
  await desk.context.close();

  for (const link of ['', hash]) {
    const { context, page, errors } = await openApp(browser, { hash: link, contextOptions: PHONE });
    await waitForRun(page, 0);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
    assert.equal(await page.locator('.rules-panel').isVisible(), false, 'the editor waits behind its button');
    const lead = page.locator('[data-testid="verdict"] li').first();
    assert.ok(await inViewport(page, lead), `the verdict's lead finding is on the first screen (${link ? 'shared link' : 'fresh open'})`);
    await page.getByTestId('edit-rules').click();
    assert.ok(await page.locator('.rules-panel').isVisible(), 'Edit rules shows the editor');
    assert.equal(await page.getByTestId('edit-rules').getAttribute('aria-expanded'), 'true');
    await page.getByTestId('edit-rules').click();
    assert.equal(await page.locator('.rules-panel').isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('an edit that blocks the run greys the results and says why; the name says modified', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  const body = page.getByTestId('results-body');
  assert.equal(await body.getAttribute('data-fresh'), 'current');
  assert.equal(await page.getByTestId('header-modified').count(), 0);
  assert.doesNotMatch(await page.title(), /modified/);
  assert.ok(await page.getByTestId('preset-sentence').isVisible());
  const name = await page.getByTestId('scenario-name').innerText();
  assert.match(await page.title(), new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  // Tip minimum above the maximum: a rule error, so nothing runs. (The run id is read first: a blocked page
  // shows no run status to read it from.)
  const r0 = await runId(page);
  await typeInto(page.getByTestId('circles[0].tips.max_fen'), 1);
  await typeInto(page.getByTestId('circles[0].tips.min_fen'), 50);
  await page.getByTestId('run-blocked').waitFor();
  assert.equal(await body.getAttribute('data-fresh'), 'blocked');
  const why = await page.getByTestId('run-blocked').innerText();
  assert.match(why, /^Run blocked: \S.+/);
  assert.match(why, /results are for the rules before your last edit/);
  await page.waitForFunction(() => Number(getComputedStyle(document.querySelector('[data-testid="results-body"]')).opacity) < 0.7);
  // The scenario no longer claims to be the preset.
  assert.ok(await page.getByTestId('header-modified').isVisible());
  assert.ok(await page.getByTestId('scenario-modified').isVisible());
  assert.match(await page.title(), /\(modified\) · Backfire$/);
  assert.equal(await page.getByTestId('preset-sentence').count(), 0);
  assert.equal(await page.getByTestId('preset-picker').inputValue(), '');
  assert.match(await page.locator('#preset-picker option:checked').innerText(), /^Modified: /);

  // Re-choosing the preset restores it, fresh and unmodified.
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, r0);
  assert.equal(await body.getAttribute('data-fresh'), 'current');
  assert.equal(await page.getByTestId('header-modified').count(), 0);
  assert.equal(await page.getByTestId('preset-picker').inputValue(), 'alipay-circles-2016');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a large run waiting for Run marks the results stale', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  await page.getByTestId('tab-population').click();
  await typeInto(page.getByTestId('population.n_users'), 1000000);
  await page.getByTestId('stale').waitFor();
  assert.match(await page.getByTestId('stale').innerText(), /results are for the rules before your last edit.*press Run/);
  assert.equal(await page.getByTestId('results-body').getAttribute('data-fresh'), 'stale');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no serious or critical violations at 1440, 1024 and 390 px', async () => {
  for (const contextOptions of [{ viewport: { width: 1440, height: 900 } }, { viewport: { width: 1024, height: 768 } }, PHONE]) {
    const { context, page, errors } = await openApp(browser, { contextOptions });
    await waitForRun(page, 0);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`), [], `at ${contextOptions.viewport.width} px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
