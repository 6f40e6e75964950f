// The review workspace's last pieces: plain messages for bad links and files (raw detail folded away),
// the keyboard (skip link, heatmap roving focus, shortcut help), the glossary, and the condition
// builder's credit box committing like every other number field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, typeInto, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backfire-workspace-'));

/** Types `text` into a field and commits it with Enter. */
async function commit(page, testid, text) {
  const box = page.getByTestId(testid);
  await typeInto(box, text);
  await box.press('Enter');
  return box;
}

/** The visible words of a message and its folded detail: [innerText of the message, detail element or null]. */
async function message(locator) {
  const visible = await locator.innerText();
  const detail = locator.getByTestId('problem-detail');
  return { visible, detail };
}

test('a broken link says what is wrong in words, folds the raw detail, keeps the link and the work', async () => {
  const { context, page, errors } = await openApp(browser);
  await page.getByTestId('tab-platform').click();
  await commit(page, 'name', 'My unsaved work');
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-name"]')?.textContent === 'My unsaved work');

  const broken = '#s=1.!!!not-base64!!!';
  const p = await context.newPage();
  const pageErrors = [];
  p.on('pageerror', e => pageErrors.push(e.message));
  await p.goto(BASE + broken);
  const notice = p.getByTestId('notice');
  await notice.waitFor();
  const { visible, detail } = await message(notice);
  assert.match(visible, /^This link could not be opened: it holds characters a Backfire link never has/);
  assert.match(visible, /Where: character 1 after `s=1\.`\./, 'where, in words');
  assert.match(visible, /Copy the whole link again/, 'what to do');
  assert.match(visible, /Your last autosaved work is shown instead/);
  for (const jargon of ['Invalid symbol', 'offset', 'base64']) assert.ok(!visible.includes(jargon), `"${jargon}" shown: ${visible}`);
  // The raw detail is there, inside a closed <details>.
  assert.equal(await detail.count(), 1);
  assert.equal(await detail.evaluate(d => d.tagName + ':' + d.open), 'DETAILS:false');
  assert.match(await detail.locator('code').textContent(), /Invalid symbol 33, offset 0/);
  await detail.locator('summary').press('Enter');
  assert.equal(await detail.evaluate(d => d.open), true, 'the detail opens from the keyboard');
  // The broken link stays in the address bar; the work is untouched.
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => location.hash), broken);
  assert.equal(await p.getByTestId('scenario-name').innerText(), 'My unsaved work');
  await p.screenshot({ path: '/tmp/review/bad-link-test.png' });
  assert.deepEqual([...errors, ...pageErrors], []);
  await context.close();
});

test('a bad scenario file and a bad library file say where in words, with the detail folded', async () => {
  const { context, page, errors } = await openApp(browser);
  const name0 = await page.getByTestId('scenario-name').innerText();
  const bad = path.join(dir, 'bad-users.json');
  fs.writeFileSync(bad, JSON.stringify({ version: 2, circles: [{}, { tips: { max_fen: 'lots' } }] }));
  await page.getByTestId('import-json').setInputFiles(bad);
  await page.waitForFunction(() => /could not be imported/.test(document.querySelector('[data-testid="notice"]')?.innerText ?? ''));
  const { visible, detail } = await message(page.getByTestId('notice'));
  assert.match(visible, /`bad-users\.json` could not be imported: a value should be a whole number/);
  assert.match(visible, /Where: circle 2 → Tip ceiling\./, visible);
  assert.match(visible, /Nothing was changed\./);
  assert.equal(await detail.evaluate(d => d.open), false);
  assert.match(await detail.locator('code').textContent(), /circles\[1\]\.tips\.max_fen/);
  assert.equal(await page.getByTestId('scenario-name').innerText(), name0, 'the work on screen is kept');

  // The library's import goes through the same words.
  await page.getByTestId('library-button').click();
  const lib = path.join(dir, 'bad-library.json');
  fs.writeFileSync(lib, JSON.stringify({ kind: 'backfire-library', version: 1, scenarios: [{ name: 'Launch', versions: [{ saved_at_ms: 1, scenario: 's=1.!!!' }] }] }));
  await page.getByTestId('library-import').setInputFiles(lib);
  const libMessage = page.getByTestId('library-message');
  await page.waitForFunction(() => /was not imported/.test(document.querySelector('[data-testid="library-message"]')?.innerText ?? ''));
  const m = await message(libMessage);
  assert.match(m.visible, /`bad-library\.json` was not imported: it holds characters a Backfire link never has/);
  assert.match(m.visible, /Where: scenario `Launch`, version 1, character 1 after `s=1\.`\./);
  assert.match(m.visible, /Your library is unchanged\./);
  assert.ok(!m.visible.includes('Invalid symbol'), m.visible);
  assert.equal(await m.detail.evaluate(d => d.open), false);
  assert.match(await m.detail.locator('code').textContent(), /Invalid symbol/);
  assert.deepEqual(errors, []);
  await context.close();
});
