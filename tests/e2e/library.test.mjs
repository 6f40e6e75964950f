// The scenario library in the browser: named scenarios that survive links and reloads, versions and
// their diff in words, and the library file (export, import, bad files).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, BASE, runId, waitForRun, typeInto, loadSmall } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backfire-library-'));

async function openLibrary(page) {
  if (!(await page.getByTestId('library-dialog').isVisible().catch(() => false))) await page.getByTestId('library-button').click();
  await page.getByTestId('library-dialog').waitFor();
}

async function closeLibrary(page) {
  await page.getByTestId('library-close').click();
  await page.getByTestId('library-dialog').waitFor({ state: 'detached' });
}

async function saveAs(page, name) {
  await openLibrary(page);
  await page.getByTestId('library-name').fill(name);
  await page.getByTestId('library-save-as').click();
}

const savedNames = page => page.getByTestId('library-item').evaluateAll(items => items.map(i => i.dataset.name));

test('a link opened over named work with edits opens as new unsaved work; the work and library survive', async () => {
  // The link: another preset, made in a browser of its own.
  const other = await openApp(browser);
  await other.page.getByTestId('preset-picker').selectOption('open-community');
  await other.page.waitForFunction(() => location.hash.startsWith('#s=1.'));
  const linkName = await other.page.getByTestId('scenario-name').innerText();
  const hash = await other.page.evaluate(() => location.hash);
  await other.context.close();

  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016');
  await saveAs(page, 'My plan');
  assert.match(await page.getByTestId('library-message').innerText(), /saved as `My plan`/i);
  await closeLibrary(page);
  assert.equal(await page.getByTestId('workspace-name').innerText(), 'My plan');
  // Edits after saving: tips off in the first circle, and a new name.
  await page.getByTestId('tab-circles').click();
  const r0 = await runId(page);
  await page.getByTestId('circles[0].tips.enabled').uncheck();
  await waitForRun(page, r0);
  await page.getByTestId('tab-platform').click();
  await typeInto(page.getByTestId('name'), 'my plan, tips off');
  await page.waitForFunction(() => (localStorage.getItem('backfire.recent.v1') ?? '').includes('my plan, tips off'));

  // The link, opened in the same browser (same storage).
  const linked = await context.newPage();
  const linkedErrors = [];
  linked.on('pageerror', e => linkedErrors.push(e.message));
  await linked.goto(BASE + hash);
  await linked.getByTestId('app-ready').waitFor({ state: 'attached' });
  assert.equal(await linked.getByTestId('scenario-name').innerText(), linkName, 'the link opens');
  assert.match(await linked.getByTestId('workspace-name').innerText(), /unsaved · opened from a link/i);
  await linked.waitForFunction(name => (localStorage.getItem('backfire.recent.v1') ?? '').includes(name), linkName);
  const recent = await linked.evaluate(() => localStorage.getItem('backfire.recent.v1'));
  assert.ok(recent.includes('my plan, tips off'), 'the edited work is still in the autosave');
  await openLibrary(linked);
  assert.deepEqual(await savedNames(linked), ['My plan']);
  assert.match(await linked.getByTestId('recent-list').innerText(), /my plan, tips off/);

  // After a reload of the original page the library is still there, and opening the named
  // scenario brings back the edits.
  await page.reload();
  await page.getByTestId('app-ready').waitFor({ state: 'attached' });
  await openLibrary(page);
  assert.deepEqual(await savedNames(page), ['My plan']);
  await page.getByTestId('library-item').filter({ hasText: 'My plan' }).getByTestId('library-item-open').click();
  assert.equal(await page.getByTestId('scenario-name').innerText(), 'my plan, tips off');
  assert.equal(await page.getByTestId('workspace-name').innerText(), 'My plan');
  await page.getByTestId('tab-circles').click();
  assert.equal(await page.getByTestId('circles[0].tips.enabled').isChecked(), false, 'the rule edit survived');
  assert.deepEqual([...errors, ...linkedErrors], []);
  await context.close();
});

test('a version diff lists the changed rule in words; the preset marker shows the scenario was changed', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016');
  assert.equal(await page.getByTestId('preset-marker').count(), 1, 'fewer users than the preset: modified');
  await saveAs(page, 'Diff test');
  await closeLibrary(page);
  await page.getByTestId('tab-circles').click();
  const r0 = await runId(page);
  await page.getByTestId('circles[0].tips.enabled').uncheck();
  await waitForRun(page, r0);
  await openLibrary(page);
  assert.match(await page.getByTestId('library-item').innerText(), /2 versions/);
  const lines = await page.getByTestId('diff-lines').innerText();
  assert.match(lines, /→ tips are off/, lines);
  assert.match(lines, /praise opens a tip page of ¥/, 'the rule as it was, in words');
  // Any two versions: from the newest to itself is no difference.
  const newest = await page.getByTestId('diff-a').locator('option').nth(1).getAttribute('value');
  await page.getByTestId('diff-a').selectOption(newest);
  await page.getByTestId('diff-none').waitFor();
  assert.match(await page.getByTestId('preset-marker-text').innerText(), /modified from preset/);
  // Opening the first version brings the tips back, and is kept as the newest version.
  const first = await page.getByTestId('diff-a').locator('option').nth(2).getAttribute('value');
  await page.getByTestId('diff-a').selectOption(first);
  await page.getByTestId('diff-open-a').click();
  await page.getByTestId('tab-circles').click();
  assert.equal(await page.getByTestId('circles[0].tips.enabled').isChecked(), true);
  await openLibrary(page);
  assert.match(await page.getByTestId('library-item').innerText(), /3 versions/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('names: at most 80 characters, no duplicates; rename, duplicate and delete', async () => {
  const { context, page, errors } = await openApp(browser);
  await saveAs(page, 'Plan A');
  await page.getByTestId('library-name').fill('x'.repeat(81));
  await page.getByTestId('library-save-as').click();
  assert.match(await page.getByTestId('library-message').innerText(), /at most 80 characters; this one has 81/);
  await page.getByTestId('library-name').fill('plan a');
  await page.getByTestId('library-save-as').click();
  assert.match(await page.getByTestId('library-message').innerText(), /already saved/);
  assert.deepEqual(await savedNames(page), ['Plan A']);
  await page.getByTestId('library-item-duplicate').click();
  assert.deepEqual(await savedNames(page), ['Plan A', 'Plan A (copy)']);
  const copy = page.getByTestId('library-item').filter({ hasText: 'Plan A (copy)' });
  await copy.getByTestId('library-item-rename').click();
  await page.getByTestId('library-rename-input').fill('Plan A');
  await page.getByTestId('library-rename-save').click();
  assert.match(await page.getByTestId('library-message').innerText(), /already saved/, 'a rename to a taken name is refused');
  await page.getByTestId('library-rename-input').fill('Plan B');
  await page.getByTestId('library-rename-save').click();
  assert.deepEqual(await savedNames(page), ['Plan A', 'Plan B']);
  const b = page.getByTestId('library-item').filter({ hasText: 'Plan B' });
  await b.getByTestId('library-item-delete').click();
  assert.deepEqual(await savedNames(page), ['Plan A', 'Plan B'], 'delete asks to confirm');
  await b.getByTestId('library-item-delete').click();
  assert.deepEqual(await savedNames(page), ['Plan A']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the library exported as one file imports back; a bad file says why and keeps the library', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016');
  await saveAs(page, 'Launch');
  await closeLibrary(page);
  await page.getByTestId('preset-picker').selectOption('open-community');
  await saveAs(page, 'Open');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-export').click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.kind, 'backfire-library');
  assert.equal(exported.version, 1);
  assert.deepEqual(exported.scenarios.map(s => s.name), ['Launch', 'Open']);

  // Bad files: each refused with its reason; the library is as it was.
  const bad = [
    ['garbage.json', 'this is not json', /not JSON/],
    ['scenario.json', '{"version":2,"circles":[{}]}', /single scenario/],
    ['future.json', '{"kind":"backfire-library","version":9,"scenarios":[]}', /library version 9/],
    ['broken.json', JSON.stringify({ ...exported, scenarios: [{ ...exported.scenarios[0], versions: [{ saved_at_ms: 1, scenario: 's=1.!!!' }] }] }), /scenario `Launch`, version 1/],
  ];
  for (const [name, text, reason] of bad) {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    await page.getByTestId('library-import').setInputFiles(f);
    await page.waitForFunction(n => document.querySelector('[data-testid="library-message"]')?.textContent.includes(n), name);
    const message = await page.getByTestId('library-message').innerText();
    assert.match(message, reason, message);
    assert.match(message, /your library is unchanged/i);
    assert.deepEqual(await savedNames(page), ['Launch', 'Open']);
  }

  // Round trip: delete one, import the file, and the library is whole again (nothing doubled).
  const launch = page.getByTestId('library-item').filter({ hasText: 'Launch' });
  await launch.getByTestId('library-item-delete').click();
  await launch.getByTestId('library-item-delete').click();
  assert.deepEqual(await savedNames(page), ['Open']);
  await page.getByTestId('library-import').setInputFiles(file);
  await page.waitForFunction(() => /Imported 1 scenario/.test(document.querySelector('[data-testid="library-message"]')?.textContent ?? ''));
  assert.match(await page.getByTestId('library-message').innerText(), /1 already in the library/);
  assert.deepEqual((await savedNames(page)).sort(), ['Launch', 'Open']);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-export').click()]);
  const file2 = path.join(dir, 'again.json');
  await again.saveAs(file2);
  const byName = f => Object.fromEntries(JSON.parse(fs.readFileSync(f, 'utf8')).scenarios.map(s => [s.name, s]));
  assert.deepEqual(byName(file2), byName(file), 'the re-imported scenarios are the exported ones, versions and all');
  // The imported library is stored: it survives a reload.
  await page.reload();
  await page.getByTestId('app-ready').waitFor({ state: 'attached' });
  await openLibrary(page);
  assert.deepEqual((await savedNames(page)).sort(), ['Launch', 'Open']);
  assert.deepEqual(errors, []);
  await context.close();
});
