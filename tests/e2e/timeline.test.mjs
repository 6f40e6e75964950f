// The timeline: a designer adds a change at an hour, edits the rules it puts in force (the launch's stay),
// sees it marked on the charts and explained in words, and the link carries it; the 2016 timeline preset
// shows its three responses on the charts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, runId, waitForRun, typeInto, loadSmall, linkJson } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a change built in the timeline edits its own rules, is marked on the charts and travels in the link', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 2000);
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('timeline-empty').waitFor();

  // Add a change: it lands at hour 24 and opens its rules on the Circles tab, saying whose rules they are.
  let r = await runId(page);
  await page.getByTestId('timeline-add').click();
  await waitForRun(page, r);
  assert.equal(await page.getByTestId('tab-circles').getAttribute('aria-selected'), 'true');
  assert.match(await page.getByTestId('stage-picker').locator('option:checked').innerText(), /From hour 24/);
  await page.getByTestId('stage-note').waitFor();

  // Turn on the classifier in the change's rules for the first circle.
  const classifier = page.getByTestId('circles[0].moderation.classifier.enabled');
  assert.equal(await classifier.isChecked(), false);
  r = await runId(page);
  await classifier.check();
  await waitForRun(page, r);

  // The launch's rules are untouched: switch back and the box is still off.
  await page.getByTestId('stage-picker').selectOption('launch');
  assert.equal(await page.getByTestId('circles[0].moderation.classifier.enabled').isChecked(), false);

  // The timeline says what the change does, in words, and a rename of the change lands on the charts.
  await page.getByTestId('tab-timeline').click();
  assert.match(await page.getByTestId('timeline-change-lines').innerText(), /in Campus Diary, .*classifier/);
  r = await runId(page);
  const label = page.getByTestId('interventions[0].label');
  await typeInto(label, 'classifier on');
  await label.press('Enter');
  const hour = page.getByTestId('interventions[0].hour');
  await typeInto(hour, '30');
  await hour.press('Enter');
  await waitForRun(page, r);
  const mark = page.getByTestId('chart-patterns').getByTestId('chart-event');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.getAttribute('data-hour'), '30');
  assert.match(await page.getByTestId('chart-patterns').innerText(), /h30 classifier on/);

  // The link carries the change; opening it shows the same timeline.
  await page.waitForFunction(() => location.hash.length > 3);
  const hash = await page.evaluate(() => location.hash);
  const json = linkJson(hash);
  assert.equal(json.interventions.length, 1);
  assert.equal(json.interventions[0].hour, 30);
  assert.equal(json.interventions[0].label, 'classifier on');
  assert.equal(json.interventions[0].circles[0].moderation.classifier.enabled, true);
  assert.equal(json.circles[0].moderation?.classifier?.enabled ?? false, false, 'the launch keeps no classifier');
  const again = await openApp(browser, { hash });
  await again.page.getByTestId('tab-timeline').click();
  assert.equal(await again.page.getByTestId('interventions[0].hour').inputValue(), '30');
  assert.deepEqual(again.errors, []);
  await again.context.close();

  // Undo takes the last edit back, and removing the change empties the timeline.
  await page.getByTestId('timeline-remove').click();
  await page.getByTestId('timeline-empty').waitFor();
  assert.equal(await page.getByTestId('stage-picker').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a change past the end of the run warns next to its hour and never applies', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016-timeline', 2000);
  await page.getByTestId('tab-platform').click();
  let r = await runId(page);
  const days = page.getByTestId('days');
  await typeInto(days, '1');
  await days.press('Enter');
  await waitForRun(page, r);
  await page.getByTestId('tab-timeline').click();
  const issue = page.locator('[data-testid="field-issue"][data-path="interventions[1].hour"]');
  assert.match(await issue.innerText(), /past the end of the run .*never applies/);
  // Hour 24 is past a one-day run too; no mark is drawn past the chart's end.
  assert.equal(await page.getByTestId('chart-patterns').getByTestId('chart-event').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the 2016 timeline marks its three responses on every chart', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016-timeline', 2000);
  const marks = page.getByTestId('chart-patterns').getByTestId('chart-event');
  assert.deepEqual(await marks.evaluateAll(els => els.map(e => e.dataset.hour)), ['24', '36', '48']);
  assert.equal(await page.getByTestId('chart-health').getByTestId('chart-event').count(), 3);
  // The rules summary (the review's words) says what each response changed.
  await page.getByTestId('tab-timeline').click();
  const said = await page.getByTestId('timeline-change-lines').allInnerTexts();
  assert.equal(said.length, 3);
  assert.match(said[1], /Hobbies opens: anyone may join/);
  assert.match(said[2], /banned people can never come back/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('compare shows what reacting late cost: the timeline against the safe launch, stretch by stretch', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016-safe-launch', 2000);
  await page.getByTestId('pin').click();
  await page.getByTestId('compare-table').waitFor({ timeout: 60000 });
  // Load the timeline as the variant, at the same size.
  const r = await runId(page);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016-timeline');
  await waitForRun(page, r);
  await page.getByTestId('tab-population').click();
  await typeInto(page.getByTestId('population.n_users'), 2000);
  await page.getByTestId('view-compare').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-stretch"]').length === 4
    && !document.querySelector('[data-testid="compare-progress"]'), null, { timeout: 90000 });
  const from = await page.getByTestId('compare-stretch').evaluateAll(rows => rows.map(r => r.dataset.from));
  assert.deepEqual(from, ['0', '24', '36', '48']);
  const late = page.getByTestId('compare-late');
  assert.match(await late.innerText(), /Before the last change \(hour 48\)/);
  assert.ok(Number(await late.getAttribute('data-abuse-variant')) > Number(await late.getAttribute('data-abuse-baseline')),
    'the launch rules of the first day cost more abuse than launching with the response');
  assert.equal(await page.getByTestId('chart-compare').getByTestId('chart-event').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});
