// The review workspace's last pieces: plain messages for bad links and files (raw detail folded away),
// the keyboard (skip link, heatmap roving focus, shortcut help), the glossary, and the condition
// builder's credit box committing like every other number field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openApp, typeInto, loadSmall, runId, waitForRun, BASE } from './browser.mjs';

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

test('a link pasted into the address bar of the open page opens as new work, or says in words why not', async () => {
  const { context, page, errors } = await openApp(browser);
  await page.getByTestId('tab-platform').click();
  await commit(page, 'name', 'Pasted design');
  await page.waitForFunction(() => location.hash.startsWith('#s=1.') && document.querySelector('[data-testid="scenario-name"]')?.textContent === 'Pasted design');
  const good = await page.evaluate(() => location.hash);
  await commit(page, 'name', 'Work before the paste');
  await page.waitForFunction(h => location.hash !== h, good);

  // A broken link pasted: plain words, the raw detail folded, the link kept, the work untouched.
  await page.evaluate(() => { location.hash = '#s=1.AAAA'; });
  await page.waitForFunction(() => /could not be opened/.test(document.querySelector('[data-testid="notice"]')?.innerText ?? ''));
  const { visible, detail } = await message(page.getByTestId('notice'));
  assert.match(visible, /^This link could not be opened: it is incomplete or damaged/);
  assert.match(visible, /The work on screen is unchanged\./);
  assert.ok(!/inflate|corrupt/.test(visible), visible);
  assert.equal(await detail.evaluate(d => d.open), false);
  assert.match(await detail.locator('code').textContent(), /corrupt or truncated link/);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => location.hash), '#s=1.AAAA');
  assert.equal(await page.getByTestId('scenario-name').innerText(), 'Work before the paste');

  // A good link pasted: it opens, as new work beside the work before it.
  await page.evaluate(h => { location.hash = h; }, good);
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-name"]')?.textContent === 'Pasted design');
  await page.getByTestId('library-button').click();
  assert.match(await page.getByTestId('recent-list').innerText(), /Work before the paste/);
  assert.deepEqual(errors, []);
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

/** axe-core's serious and critical violations on the page as it is. */
async function seriousViolations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}

/** The test id (or id) of the element that has focus. */
function focused(page) {
  return page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.id || document.activeElement?.tagName);
}

/** Presses Tab until the focused element's test id matches `pattern` (at most `most` presses); returns it. */
async function tabTo(page, pattern, most = 60) {
  for (let i = 0; i < most; i++) {
    const now = await focused(page);
    if (pattern.test(now ?? '')) return now;
    await page.keyboard.press('Tab');
  }
  return focused(page);
}

test('keyboard only: skip to results, the shortcut help (?) opens and closes with focus returned', async () => {
  const { context, page, errors } = await openApp(browser);
  await page.getByTestId('run-status').waitFor();
  // The skip link is the first stop, visible once focused, and moves focus to the results.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'skip-link');
  const box = await page.getByTestId('skip-link').boundingBox();
  assert.ok(box && box.y >= 0 && box.height > 10, `the focused skip link is on screen: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results');
  assert.equal(await page.evaluate(() => location.hash.startsWith('#s=')), true, 'the share link stays in the address bar');
  // The next Tab lands inside the results, not back in the editor.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement?.closest('main.results')), true);
  const from = await focused(page);

  // `?` opens the help; focus is inside it; Escape closes it and focus goes back.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await help.waitFor();
  assert.equal(await focused(page), 'shortcut-help-close');
  assert.equal(await help.getAttribute('role'), 'dialog');
  const rows = await help.locator('tbody tr').allInnerTexts();
  assert.ok(rows.some(r => /Ctrl\+Z/.test(r) && /Undo/.test(r)), rows.join('\n'));
  assert.ok(rows.some(r => /Arrow keys/.test(r) && /sweep cells/.test(r)), rows.join('\n'));
  assert.ok(rows.some(r => /^\?/.test(r)), 'the ? key lists itself');
  assert.deepEqual(await seriousViolations(page), [], 'the help dialog passes axe');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  assert.equal(await focused(page), from, 'focus is back where it was');

  // While typing in a field, `?` is a character, not a shortcut.
  await page.getByTestId('tab-platform').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('name').focus();
  await page.keyboard.press('End');
  await page.keyboard.type('?');
  assert.equal(await help.count(), 0, 'no help while typing');
  assert.match(await page.getByTestId('name').inputValue(), /\?$/);
  // The footer's button opens the same help, for those who do not know the key.
  await page.getByTestId('open-shortcuts').focus();
  await page.keyboard.press('Enter');
  await help.waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'open-shortcuts');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: the sweep heatmap is one tab stop, arrows move between cells, Enter loads one', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('view-sweep').click();
  await page.getByTestId('sweep-x-param').selectOption('comment_credit_threshold');
  await typeInto(page.getByTestId('sweep-x-from'), 400);
  await typeInto(page.getByTestId('sweep-x-to'), 900);
  await typeInto(page.getByTestId('sweep-x-steps'), 3);
  await page.getByTestId('sweep-y-enabled').check();
  await page.getByTestId('sweep-y-param').selectOption('tip_ceiling_yuan');
  await page.getByTestId('sweep-y-circle').selectOption('0');
  await typeInto(page.getByTestId('sweep-y-from'), 1);
  await typeInto(page.getByTestId('sweep-y-to'), 200);
  await typeInto(page.getByTestId('sweep-y-steps'), 2);
  await page.getByTestId('sweep-run').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('sweep-heatmap').waitFor({ timeout: 120000 });
  const cells = page.locator('[data-testid^="sweep-cell-"]');
  assert.equal(await cells.count(), 6);
  const stops = await cells.evaluateAll(els => els.filter(e => e.getAttribute('tabindex') === '0').length);
  assert.equal(stops, 1, 'one tab stop for the whole grid');
  assert.deepEqual(await seriousViolations(page), [], 'the heatmap of cell buttons passes axe');

  // Tab reaches the grid once; the next Tab leaves it.
  assert.equal(await tabTo(page, /^sweep-cell-/), 'sweep-cell-0-0');
  assert.match(await page.getByTestId('sweep-readout').innerText(), /Comment credit threshold = 400 points/, 'focus shows the numbers as hover does');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), 'sweep-cell-1-0');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'sweep-cell-1-1');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'sweep-cell-1-1', 'the top edge stops the move');
  await page.keyboard.press('End');
  assert.equal(await focused(page), 'sweep-cell-2-1');
  const readout = await page.getByTestId('sweep-readout').innerText();
  assert.match(readout, /Comment credit threshold = 900 points; Tip ceiling = ¥200/);
  assert.match(await page.getByTestId('sweep-cell-2-1').getAttribute('aria-label'), /900 points, Tip ceiling = ¥200: Solicitation severity \(0–100\) \d+/);

  // Enter loads the focused cell as a click would: an undoable edit the rules summary reads back.
  const r0 = await runId(page);
  const undoBefore = await page.getByTestId('undo').isEnabled();
  await page.keyboard.press('Enter');
  await waitForRun(page, r0);
  assert.match(await page.getByTestId('undo-label').innerText(), /./, 'the loaded cell is an undoable step');
  assert.ok(undoBefore || await page.getByTestId('undo').isEnabled());
  const summary = await page.getByTestId('rules-summary').textContent();
  assert.match(summary, /credit 900 or more may comment/);
  assert.doesNotMatch(summary, /credit 750 or more may comment/, 'the launch gate of 750 is replaced by the cell');
  // The grid keeps one tab stop, on the cell last focused.
  await page.keyboard.press('Tab');
  assert.doesNotMatch(await focused(page), /^sweep-cell-/, 'Tab leaves the grid');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'sweep-cell-2-1');
  await page.screenshot({ path: '/tmp/review/heatmap-focus-test.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: a term on a card opens the glossary at its definition, in the engine’s words', async () => {
  const { context, page, errors } = await openApp(browser);
  await page.getByTestId('pattern-cards').waitFor();
  // Skip to the results, then Tab to the first card's "Severity".
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results');
  assert.equal(await tabTo(page, /^term-severity$/, 80), 'term-severity');
  const term = await page.evaluate(() => document.activeElement.closest('[data-testid^="pattern-"]')?.dataset.testid);
  assert.ok(term, 'the term is on a pattern card');
  await page.keyboard.press('Enter');
  const glossary = page.getByTestId('glossary');
  await glossary.waitFor();
  assert.equal(await glossary.getAttribute('role'), 'dialog');
  assert.equal(await focused(page), 'glossary-severity', 'the glossary opens at the term');
  assert.match(await page.getByTestId('glossary-severity').getAttribute('class'), /current/);
  const definition = await page.getByTestId('glossary-severity').evaluate(dt => dt.nextElementSibling.textContent);
  assert.match(definition, /^The mean of reach, rate and money, each read on one logarithmic scale/);
  // Every term the issue names is there, with a definition.
  const names = await glossary.locator('dt').allInnerTexts();
  for (const want of ['Incident', 'People harmed', 'Prevalence', 'Honest engagement', 'Severity', 'Levels (severity bands)',
    'Reach (part of severity)', 'Rate (part of severity)', 'Money (part of severity)', 'Honest members', 'Lurkers',
    'Solicitors', 'Generous tippers', 'Score farmers', 'Ban evaders']) {
    assert.ok(names.includes(want), `${want} in ${names.join(', ')}`);
  }
  assert.match(await page.getByTestId('glossary-levels').evaluate(dt => dt.nextElementSibling.textContent), /critical 75–100/);
  assert.deepEqual(await seriousViolations(page), [], 'the glossary passes axe');
  await page.screenshot({ path: '/tmp/review/glossary-test.png' });
  // Escape closes it and gives focus back to the term.
  await page.keyboard.press('Escape');
  await glossary.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'term-severity');

  // The level pill and the money table's archetypes open their own entries; Space works as Enter does.
  await page.locator('[data-testid="term-levels"]').first().focus();
  await page.keyboard.press('Space');
  await glossary.waitFor();
  assert.equal(await focused(page), 'glossary-levels');
  await page.keyboard.press('Escape');
  await glossary.waitFor({ state: 'detached' });
  const tipper = page.locator('[data-testid="flow-table"] [data-testid="term-archetype-generous_tipper"]').first();
  await tipper.focus();
  await page.keyboard.press('Enter');
  await glossary.waitFor();
  assert.equal(await focused(page), 'glossary-archetype-generous_tipper');
  assert.match(await page.getByTestId('glossary-archetype-generous_tipper').evaluate(dt => dt.nextElementSibling.textContent), /Tips often and generously/);
  await page.getByTestId('glossary-close').press('Enter');
  await glossary.waitFor({ state: 'detached' });
  // The results' Glossary button opens it at the top.
  await page.getByTestId('open-glossary').focus();
  await page.keyboard.press('Enter');
  await glossary.waitFor();
  assert.equal(await focused(page), 'glossary-close');
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), 'open-glossary');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the condition builder’s credit box applies on Enter or blur, never per keystroke, and refuses out-of-range values', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('tab-circles').click();
  const summary = () => page.getByTestId('rules-summary').textContent();
  assert.match(await summary(), /men with credit 750 or more may comment/);
  const box = page.locator('input[data-testid^="circles[0].rules.comment.allow"][data-testid$=".value"]').first();
  const testid = await box.getAttribute('data-testid');
  assert.equal(await box.getAttribute('type'), 'text', 'a text box: no spinner to change it by accident');

  // Typing does not apply: no run starts and the summary keeps 750 until Enter.
  const r0 = await runId(page);
  await box.click();
  await box.fill('');
  await box.pressSequentially('800', { delay: 30 });
  assert.match(await summary(), /credit 750 or more may comment/, 'nothing applied while typing');
  assert.equal(await runId(page), r0, 'no run for a half-typed value');
  await box.press('Enter');
  await page.waitForFunction(() => /credit 800 or more may comment/.test(document.querySelector('[data-testid="rules-summary"]').textContent));
  await waitForRun(page, r0);
  assert.match(await page.getByTestId('undo-label').innerText(), /./, 'one undoable step for the whole number');

  // Out of range: refused with a message, the run blocked, the rule keeps 800.
  await box.fill('2000');
  await box.press('Tab');
  const field = page.locator('.field', { has: page.getByTestId(testid) });
  assert.match(await field.locator('[data-refused]').innerText(), /credit score: 2,000 is more than the largest allowed\. Enter 350 to 950\./);
  assert.ok(await page.getByTestId('run').isDisabled(), 'the refused value blocks the run');
  assert.match(await summary(), /credit 800 or more may comment/);
  assert.equal(await page.locator('.results-stale').getAttribute('data-stale'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused value is kept when another circle is opened: the block, the message and the typed text come back', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('tab-circles').click();
  // A refused fee in circle 1, and a refused credit in its condition builder.
  const fee = page.getByTestId('circles[0].tips.fee_permille');
  await fee.fill('150');
  await fee.press('Enter');
  const credit = page.locator('input[data-testid^="circles[0].rules.comment.allow"][data-testid$=".value"]').first();
  const creditId = await credit.getAttribute('data-testid');
  await credit.fill('5');
  await credit.press('Enter');
  assert.ok(await page.getByTestId('run').isDisabled());
  const list = page.getByTestId('refused-list');
  assert.equal(await list.locator('li').count(), 2);

  // Another circle: both fields are gone from the screen, but not the refusals.
  await page.getByTestId('circle-pick-1').click();
  await page.getByTestId('circles[1].tips.fee_permille').waitFor();
  assert.equal(await page.getByTestId('circles[0].tips.fee_permille').count(), 0);
  assert.ok(await page.getByTestId('run').isDisabled(), 'still blocked: the refused values were not dropped');
  const items = await list.locator('li').allInnerTexts();
  assert.equal(items.length, 2, items.join('\n'));
  assert.ok(items.some(t => /Tip fee: 150% is more than the largest allowed/.test(t) && /circle 1 → Tip fee/.test(t) && /you typed “150”/.test(t)), items.join('\n'));
  assert.ok(items.some(t => /credit score: 5 is less than the smallest allowed/.test(t) && /circle 1 → rules → comment/.test(t)), items.join('\n'));

  // Back to circle 1: the boxes show what was typed, with their messages.
  await page.getByTestId('circle-pick-0').click();
  assert.equal(await page.getByTestId('circles[0].tips.fee_permille').inputValue(), '150');
  assert.equal(await page.getByTestId(creditId).inputValue(), '5');
  assert.match(await page.locator('.field', { has: page.getByTestId('circles[0].tips.fee_permille') }).locator('[data-refused]').innerText(), /150%/);

  // Discard puts the value in force back and unblocks, once nothing else is refused.
  await list.locator('li', { hasText: 'Tip fee' }).getByTestId('refused-discard').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="circles[0].tips.fee_permille"]')?.value !== '150');
  assert.ok(await page.getByTestId('run').isDisabled(), 'the credit is still refused');
  const r0 = await runId(page);
  await page.getByTestId(creditId).fill('700');
  await page.getByTestId(creditId).press('Enter');
  await page.getByTestId('refused-list').waitFor({ state: 'detached' });
  assert.ok(await page.getByTestId('run').isEnabled());
  await waitForRun(page, r0);
  assert.match(await page.getByTestId('rules-summary').textContent(), /credit 700 or more may comment/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the circles tab counts circles, not warnings, and the gender warning is said once per circle', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016');
  const tab = page.getByTestId('tab-circles');
  // Three circles, two of them with warnings: the count is the circles', the warnings are marked apart.
  assert.match(await tab.innerText(), /^Circles \(3\)/);
  await tab.click();
  // Campus Diary gates both posting and commenting by gender: one warning names both actions, not one per condition.
  const warnings = page.getByText('sorts people by gender (a protected attribute)');
  assert.equal(await warnings.count(), 1, 'the gender warning is shown once for the circle on screen');
  assert.match(await warnings.first().innerText(), /post, comment/);
  assert.deepEqual(errors, []);
  await context.close();
});
