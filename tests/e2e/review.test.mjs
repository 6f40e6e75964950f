// Design review in the room: sweep rules into a heatmap and load a cell, then present the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, runId, waitForRun, typeInto, loadSmall } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('sweep two rules, read a cell, and load it as an undoable edit', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('view-sweep').click();
  const panel = page.getByTestId('sweep-panel');
  await panel.waitFor();

  // Bad input is refused beside the field and disables Run; fixing it enables Run again.
  const run = page.getByTestId('sweep-run');
  await typeInto(page.getByTestId('sweep-x-steps'), 25);
  await page.getByTestId('sweep-x-steps-issue').waitFor();
  assert.ok(await run.isDisabled(), 'too many steps blocks the sweep');
  await typeInto(page.getByTestId('sweep-x-from'), 'abc');
  assert.match(await page.getByTestId('sweep-x-from-issue').innerText(), /not a number/);
  await typeInto(page.getByTestId('sweep-x-from'), 900);
  await typeInto(page.getByTestId('sweep-x-to'), 400);
  assert.match(await page.getByTestId('sweep-x-to-issue').innerText(), /at least the first value/);

  // x: the comment credit threshold in every circle, 400–900 in 3 steps.
  await page.getByTestId('sweep-x-param').selectOption('comment_credit_threshold');
  assert.equal(await page.getByTestId('sweep-x-from').inputValue(), '350', 'a new rule starts at its range');
  await typeInto(page.getByTestId('sweep-x-from'), 400);
  await typeInto(page.getByTestId('sweep-x-to'), 900);
  await typeInto(page.getByTestId('sweep-x-steps'), 3);
  assert.equal(await page.getByTestId('sweep-x-circle').inputValue(), '', 'all circles by default');
  // y: the tip ceiling of the first circle, ¥1–¥200 in 3 steps.
  await page.getByTestId('sweep-y-enabled').check();
  await page.getByTestId('sweep-y-param').selectOption('tip_ceiling_yuan');
  assert.equal(await page.getByTestId('sweep-y-scale').inputValue(), 'log', 'money opens in 1-2-5 steps');
  await page.getByTestId('sweep-y-scale').selectOption('lin');
  await page.getByTestId('sweep-y-circle').selectOption('0');
  await typeInto(page.getByTestId('sweep-y-from'), 1);
  await typeInto(page.getByTestId('sweep-y-to'), 200);
  await typeInto(page.getByTestId('sweep-y-steps'), 3);
  await page.getByTestId('sweep-metric').selectOption('severity:harassment');
  assert.ok(await run.isEnabled(), 'a valid grid can run');
  assert.match(await run.innerText(), /9 cells × 3 seeds/, 'three seeds per cell unless the designer says otherwise');

  await run.click();
  await page.getByTestId('sweep-progress').waitFor();
  assert.equal(await page.getByTestId('sweep-progress').getAttribute('role'), 'progressbar');
  const heatmap = page.getByTestId('sweep-heatmap');
  await heatmap.waitFor({ timeout: 120000 });
  assert.equal(await page.locator('[data-testid^="sweep-cell-"]').count(), 9);
  assert.equal(await heatmap.getAttribute('role'), 'group', 'a group of cell buttons (arrow keys move between them)');
  assert.match(await heatmap.locator('title').first().textContent(), /Harassment severity/);
  const axisText = await heatmap.locator('text').allTextContents();
  assert.ok(axisText.some(t => /Comment credit threshold \(points\), the 2 circles with a credit gate on comments/.test(t)), axisText.join(" | "));
  assert.ok(axisText.some(t => /Tip ceiling \(¥\)/.test(t)), 'the y axis names its rule and unit');
  assert.ok(['400 points', '650 points', '900 points'].every(v => axisText.includes(v)), 'x ticks in points, round');
  assert.match(await page.getByTestId('sweep-caption').innerText(), /mean of 3 seeds/);
  const ms = page.getByTestId('sweep-ms');
  assert.match(await ms.innerText(), /^9 cells × 3 seeds in \d+\.\d s on \d workers?$/);
  console.log(`small sweep: ${await ms.innerText()}`);
  assert.equal(await page.getByTestId('sweep-cancel').isDisabled(), true, 'nothing to cancel once done');

  // Every cell carries its value; a stricter comment gate cannot raise harassment (same seeds).
  const values = await page.locator('[data-testid^="sweep-cell-"]').evaluateAll(els => Object.fromEntries(els.map(e => [e.dataset.testid, Number(e.dataset.value)])));
  assert.ok(Object.values(values).every(v => Number.isFinite(v) && v >= 0 && v <= 100), JSON.stringify(values));

  // Hover shows the cell's numbers.
  await page.getByTestId('sweep-cell-2-1').hover();
  const readout = await page.getByTestId('sweep-readout').innerText();
  assert.match(readout, /Comment credit threshold = 900 points/);
  assert.match(readout, /Tip ceiling = ¥100\b/, 'the middle of ¥1–¥200 snaps to ¥100');
  assert.match(readout, /honest engagement [\d,]+/);

  // Click loads that configuration: the rules summary reads it back, and Undo takes it back.
  const summaryBefore = await page.getByTestId('rules-summary').textContent();
  assert.ok(await page.getByTestId('undo').isEnabled());
  const r0 = await runId(page);
  await page.getByTestId('sweep-cell-0-0').click();
  await waitForRun(page, r0);
  const summaryAfter = await page.getByTestId('rules-summary').textContent();
  assert.notEqual(summaryAfter, summaryBefore);
  assert.match(summaryAfter, /credit 400 or more may comment/);
  assert.match(summaryAfter, /tip page of ¥[\d.]+–1\b/);
  assert.ok(await heatmap.isVisible(), 'the heatmap stays to try another cell');
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('rules-summary').textContent(), summaryBefore, 'loading a cell is an undoable edit');

  // A 1-D sweep draws a line (its points still clickable), not a one-row heatmap.
  await page.getByTestId('sweep-y-enabled').uncheck();
  await page.getByTestId('sweep-metric').selectOption('engagement');
  await typeInto(page.getByTestId('sweep-seeds'), 1);
  await run.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="sweep-point-"]').length === 3, null, { timeout: 120000 });
  assert.equal(await page.locator('[data-testid^="sweep-cell-"]').count(), 0);
  assert.match(await page.getByTestId('sweep-ms').innerText(), /^3 cells × 1 seed in/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('present the run: step through, play back, scrub, and leave with Escape', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('present').click();
  const deck = page.getByTestId('presentation');
  await deck.waitFor();
  assert.equal(await deck.getAttribute('role'), 'dialog');
  assert.equal(await deck.getAttribute('aria-modal'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'presentation', 'the dialog has focus');
  const step = async () => Number(await page.getByTestId('present-step').getAttribute('data-step'));

  // 1: the rules as a circle × action table, titled by the scenario; the designer's notes are the speaker notes (N).
  assert.equal(await step(), 1);
  assert.match(await deck.locator('h2').innerText(), /Alipay|Circles|2016/i);
  const table = await page.getByTestId('present-rules-table').innerText();
  assert.match(table, /praise opens the tip page/);
  assert.match(table, /men with credit 750 or more, on women's posts/);
  assert.equal(await page.getByTestId('present-speaker-notes').count(), 0, 'notes are hidden until asked for');
  await page.keyboard.press('n');
  assert.ok((await page.getByTestId('present-notes').locator('li').count()) > 0, 'notes travel with the scenario');
  await page.getByTestId('present-notes-toggle').click();
  assert.equal(await page.getByTestId('present-speaker-notes').count(), 0);
  assert.ok(await page.getByTestId('present-prev').isDisabled());
  const fontSize = await deck.evaluate(el => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 28, `large type for a projector (${fontSize}px)`);

  // 2: the run, played back hour by hour.
  await page.getByTestId('present-next').click();
  assert.equal(await step(), 2);
  const hour = page.getByTestId('present-hour');
  const hourNow = async () => Number(await hour.getAttribute('data-hour'));
  assert.equal(await hourNow(), 0);
  assert.match(await hour.innerText(), /^day 1, 00:00$/);
  const card = page.getByTestId('present-card-solicitation');
  const incidentsAt0 = Number(await card.getAttribute('data-incidents'));
  await page.getByTestId('present-play').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="present-hour"]').dataset.hour) >= 24, null, { timeout: 15000 });
  await page.getByTestId('present-play').click(); // pause
  const paused = await hourNow();
  await page.waitForTimeout(600);
  assert.equal(await hourNow(), paused, 'pause holds the hour');
  assert.ok(Number(await card.getAttribute('data-incidents')) >= incidentsAt0, 'counts follow the hour');
  // The chart's marker follows the hour too, and the lines are drawn only up to it.
  assert.ok(await page.locator('[data-testid="present-chart-abuse"] line[stroke="#c2410c"][stroke-width="2"]').count() === 1);
  const drawnTo = await page.locator('[data-testid="present-chart-abuse"] polyline').first().evaluate(l => Math.max(...l.getAttribute('points').trim().split(' ').map(p => Number(p.split(',')[0]))));
  const markerAt = Number(await page.locator('[data-testid="present-chart-abuse"] line[stroke="#c2410c"][stroke-width="2"]').getAttribute('x1'));
  assert.ok(drawnTo <= markerAt + 3, `the lines stop at the hour shown (${drawnTo} vs ${markerAt})`);
  // Four speeds; the chosen one is pressed.
  await page.getByTestId('present-speed-3').click();
  assert.equal(await page.getByTestId('present-speed-3').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('present-speed-1').getAttribute('aria-pressed'), 'false');

  // Scrub to the second day, 14:00.
  const scrubber = page.getByTestId('present-scrubber');
  await scrubber.fill('38');
  assert.equal(await hour.innerText(), 'day 2, 14:00');
  const at38 = Number(await card.getAttribute('data-incidents'));
  await scrubber.fill(await scrubber.getAttribute('max'));
  const atEnd = Number(await card.getAttribute('data-incidents'));
  assert.ok(atEnd >= at38 && atEnd > 0, `incidents grow to the end (${at38} → ${atEnd})`);
  // Play from the end starts again from the beginning and plays to the end, then stops.
  await page.getByTestId('present-play').click();
  assert.ok((await hourNow()) < 10, 'playing from the end restarts');
  await page.waitForFunction(() => {
    const b = document.querySelector('[data-testid="present-play"]');
    return b.getAttribute('aria-pressed') === 'false';
  }, null, { timeout: 30000 });
  assert.equal(String(await hourNow()), await scrubber.getAttribute('max'), 'playback stops at the last hour');

  // 3–6 by keyboard: ArrowRight, ArrowRight, Space, ArrowRight; ArrowLeft goes back. Without a timeline or a
  // pinned baseline the deck has six slides.
  assert.equal(await page.getByTestId('present-step').getAttribute('data-count'), '6');
  await deck.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(), 3);
  assert.equal(await deck.getAttribute('data-slide'), 'money');
  assert.ok(Number((await page.getByTestId('present-money-abuse').getAttribute('data-fen'))) > 0, 'abuse moved money');
  assert.match(await page.getByTestId('present-money-rules').innerText(), /most through/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(), 4);
  assert.ok((await page.locator('[data-testid^="present-opened-"]').count()) >= 1, 'what opened the top patterns');
  assert.match(await page.getByTestId('present-opened-solicitation').innerText(), /incidents/);
  await page.keyboard.press('Space');
  assert.equal(await step(), 5);
  // The Why screen shows the kept explanation (the cards' fast one lands a moment after each run), or a button to run it.
  await page.locator('[data-testid="present-why-run"], [data-testid="present-why-solicitation"]').first().waitFor();
  assert.equal(await page.locator('#present-heading').innerText(), 'Why');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(), 6);
  assert.ok(await page.getByTestId('present-next').isDisabled(), 'the fix is the last screen');
  await page.keyboard.press('ArrowRight');
  assert.equal(await step(), 6);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await step(), 5);
  await page.getByTestId('present-prev').click();
  assert.equal(await step(), 4);
  // Each screen has a heading the dialog is labelled by.
  assert.equal(await deck.getAttribute('aria-labelledby'), 'present-heading');
  assert.equal(await page.locator('#present-heading').innerText(), 'What opened it');
  // The slide is in the link: the same link opens the deck on it.
  await page.waitForFunction(() => location.hash.includes('&present=opened'));
  const link = await page.evaluate(() => location.href);
  const again = await context.newPage();
  await again.goto(link);
  await again.getByTestId('presentation').waitFor();
  assert.equal(await again.getByTestId('presentation').getAttribute('data-slide'), 'opened');
  await again.close();

  await page.keyboard.press('Escape');
  await deck.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'present', 'focus returns to the Present button');
  await page.waitForFunction(() => !location.hash.includes('present='));

  // The Exit button leaves too.
  await page.getByTestId('present').click();
  await deck.waitFor();
  await page.getByTestId('present-exit').click();
  await deck.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
