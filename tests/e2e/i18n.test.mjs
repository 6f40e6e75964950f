// Chinese and English: the header's switch turns the main view Chinese, the link keeps the choice, and switching
// back restores English. Scope of the "no English left" walk: the header, the rules panel (its circle editor,
// as the page opens), the results column on its Results view (verdict, cards, charts, money flow, honest cost,
// examples, export menu) and the footer. Not walked: the other editor tabs, the Compare, Sweep and Why views
// and the dialogs (translated, but not opened here). Text the engine writes in English (rule labels, the rules
// summary, validation's and the explanation's sentences, examples, the preset's sentence) carries
// `lang="en"`, and names the designer typed (scenario, circles, changes) `translate="no"`: the walk skips
// both, as a screen reader or a translator would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitForRun } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Latin words allowed in Chinese text: the brand, the case, file formats and keys named on buttons.
const ALLOWED = ['Backfire', 'Alipay', 'JSON', 'CSV', 'SVG', 'PNG', 'PDF', 'Ctrl', 'Shift', 'Esc', 'iframe', 'wiki'];

/** Every visible Latin word (two letters or more) in Chinese text and labels of the main view, with where it is. */
async function englishLeft(page, allowed, within = ['header.app-header', '#rules-panel', 'main#results', 'footer.app-footer']) {
  return page.evaluate(([allowed, scopes]) => {
    const found = [];
    // A label may name what the designer typed ("上移Campus Diary"): those names, marked where they are shown,
    // are taken out of labels before the check.
    const names = [...document.querySelectorAll('[translate="no"]')].map(el => el.textContent.trim())
      .filter(t => t.length > 0).sort((a, b) => b.length - a.length);
    const withoutNames = text => names.reduce((t, name) => t.split(name).join(' '), text);
    const chinese = el => el.closest('[lang]')?.getAttribute('lang') === 'zh-CN' && !el.closest('[translate="no"]');
    const check = (text, where) => {
      for (const word of text.match(/[A-Za-z]{2,}/g) ?? []) {
        if (!allowed.includes(word)) found.push(`${where}: “${text.trim().slice(0, 80)}”`);
      }
    };
    for (const selector of scopes) {
      const root = document.querySelector(selector);
      if (!root) { found.push(`missing ${selector}`); continue; }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !chinese(el) || !el.checkVisibility() || el.closest('style, script')) continue;
        check(node.textContent, selector);
      }
      for (const el of root.querySelectorAll('[aria-label], [title]')) {
        if (!chinese(el) || !el.checkVisibility()) continue;
        for (const attr of ['aria-label', 'title']) if (el.hasAttribute(attr)) check(withoutNames(el.getAttribute(attr)), `${selector} @${attr}`);
      }
    }
    return found;
  }, [allowed, within]);
}

test('the switch turns the main view Chinese, the link keeps it, and switching back restores English', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const switcher = page.getByTestId('lang-switch');
  assert.equal((await switcher.textContent()).trim(), '中文');
  await switcher.click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.getByTestId('verdict').waitFor();
  assert.equal((await page.getByTestId('run').textContent()).trim(), '运行');
  assert.equal((await page.getByTestId('view-results').textContent()).trim(), '结果');
  // Money reads in 万 from ¥10,000 in Chinese; the card's number is the engine's, only its display changes.
  const money = await page.locator('[data-testid$="-yuan"]').allTextContents();
  assert.ok(money.some(m => /^¥[\d,.]+万$/.test(m)), `some card shows 万: ${money}`);
  const left = await englishLeft(page, ALLOWED);
  assert.deepEqual(left, [], `English left on the Chinese main view:\n${left.join('\n')}`);
  // The link carries the language: a fresh browser (no saved choice) opening it reads Chinese.
  await page.waitForFunction(() => location.hash.includes('&lang=zh'));
  const hash = await page.evaluate(() => location.hash);
  const other = await openApp(browser, { hash });
  await waitForRun(other.page, 0);
  assert.equal(await other.page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal((await other.page.getByTestId('run').textContent()).trim(), '运行');
  assert.deepEqual(other.errors, []);
  await other.context.close();
  // Switching back restores English, drops the language from the link, and survives a reload.
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en' && !location.hash.includes('lang='));
  assert.equal((await page.getByTestId('run').textContent()).trim(), 'Run');
  assert.equal((await page.getByTestId('view-results').textContent()).trim(), 'Results');
  await page.reload();
  await page.getByTestId('app-ready').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser whose first language is Chinese opens in Chinese', async () => {
  const { context, page, errors } = await openApp(browser, { contextOptions: { locale: 'zh-CN' } });
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal((await page.getByTestId('lang-switch').textContent()).trim(), 'English');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the deck in Chinese: every slide, its charts and its controls', async () => {
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('present').click();
  const deck = page.getByTestId('presentation');
  await deck.waitFor();
  const count = Number(await page.getByTestId('present-step').getAttribute('data-count'));
  for (let i = 0; i < count; i++) {
    const slide = await deck.getAttribute('data-slide');
    if (slide === 'run') await page.getByTestId('present-scrubber').fill('60');
    assert.deepEqual(await englishLeft(page, ALLOWED, ['.presentation']), [], `no English left on the ${slide} slide`);
    if (i + 1 < count) await page.getByTestId('present-next').click();
  }
  assert.match(await page.getByTestId('present-step').innerText(), /第 \d+ \/ \d+ 页/);
  assert.deepEqual(errors, []);
  await context.close();
});

// The Search view in Chinese: every tab's form, the red team's atlas and the robustness screen. The engine's
// sentences (a worst case's, the verdict, the method's name, the assumptions' labels) carry `lang="en"`: another
// change translates them.
// The methods' names (MAP-Elites, Morris) stay as the literature writes them.
const SEARCH_ALLOWED = [...ALLOWED, 'MAP', 'Elites', 'Morris'];
test('the Search view in Chinese: forms, the red team and the robustness screen', async () => {
  const { loadSmall, typeInto } = await import('./browser.mjs');
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016');
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.getByTestId('view-search').click();
  for (const kind of ['redteam', 'frontier', 'robustness']) {
    await page.getByTestId(`search-tab-${kind}`).click();
    assert.deepEqual(await englishLeft(page, SEARCH_ALLOWED, ['main#results']), [], `no English left on the ${kind} form`);
  }
  const run = async (kind, field, value) => {
    await page.getByTestId(`search-tab-${kind}`).click();
    await typeInto(page.getByTestId(field), value);
    await page.getByTestId(`${kind}-run`).click();
    await page.locator(`[data-testid="${kind}-status"][data-state="done"]`).waitFor({ timeout: 60000 });
    assert.deepEqual(await englishLeft(page, SEARCH_ALLOWED, ['main#results']), [], `no English left beside the ${kind} result`);
  };
  await run('redteam', 'redteam-runs', 16);
  assert.match(await page.getByTestId('worst-0-rule').innerText(), /^放行的规则：/);
  await run('robustness', 'robustness-trajectories', 1);
  assert.match(await page.getByTestId('search-reproduce').innerText(), /此搜索的链接/);
  assert.deepEqual(errors, []);
  await context.close();
});
