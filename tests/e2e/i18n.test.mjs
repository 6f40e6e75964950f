// Chinese and English: the header's switch turns the main view Chinese, the link keeps the choice, and switching
// back restores English. Scope of the "no English left" walk: the header, the rules panel (its circle editor,
// as the page opens), the results column on its Results view (verdict, cards, charts, money flow, honest cost,
// examples, export menu) and the footer. Not walked: the other editor tabs, the Compare, Sweep and Why views
// and the dialogs (translated, but not opened here). Text the engine still writes in English only carries
// `lang="en"`, and names the designer
// typed (scenario, circles, changes) `translate="no"`: the walk skips both, as a screen reader or a translator
// would. The engine's rule words (rules summary, rule labels, glossary) are Chinese: their own test walks them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loadSmall, openApp, typeInto, waitForRun } from './browser.mjs';

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

// The rule words (engine/src/words.rs) in Chinese: the rules summary, rules table, timeline, verdict, the cards'
// "Let through by", the glossary and the deck's rules, timeline and opened slides carry no `lang="en"` mark and
// no English but the names the designer typed (marked `translate="no"` inside the sentences).
test('the rule words in Chinese: summary, table, timeline, verdict, let-through, glossary and the deck', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016-timeline', 2000);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.getByTestId('verdict').waitFor();
  const noEnglish = async (scopes, what) => {
    for (const scope of scopes) {
      assert.equal(await page.locator(`${scope} [lang="en"]`).count(), 0, `${what}: nothing in ${scope} is marked English`);
    }
    // The severity formula's log10 is notation, not English.
    const left = await englishLeft(page, [...ALLOWED, 'log'], scopes);
    assert.deepEqual(left, [], `${what}: English left:\n${left.join('\n')}`);
  };
  // The rules in plain language, the circle names kept as typed.
  await page.getByTestId('rules-summary-fold').locator('summary').click();
  const summary = await page.getByTestId('rules-summary').innerText();
  assert.match(summary, /在 Campus Diary 中，只有学生可以加入；只有女性可以发帖/);
  assert.match(summary, /信用分 750 及以上的男性可以在女性的帖子下评论/);
  await noEnglish(['[data-testid="rules-summary"]'], 'rules summary');
  // The verdict and the cards name the rule that let the acts through in Chinese.
  assert.match(await page.getByTestId('verdict').innerText(), /经由 .+ · (加入|发帖|评论|点赞|打赏|私信)(：|被拒)/);
  await noEnglish(['[data-testid="verdict"]'], 'verdict');
  const through = page.locator('[data-testid$="-let-through"]');
  assert.ok(await through.count() > 0, 'some card names a rule');
  for (const text of await through.allInnerTexts()) assert.match(text, /^放行规则：.+ · /);
  assert.equal(await page.locator('[data-testid$="-let-through"] [lang="en"]').count(), 0);
  // The glossary's definitions.
  await page.locator('[data-testid="term-severity"]').first().click();
  await page.getByTestId('glossary').waitFor();
  assert.match(await page.getByTestId('glossary-prevalence').evaluate(dt => dt.nextElementSibling.textContent), /诚实用户每看到 100 条帖子/);
  await noEnglish(['[data-testid="glossary"]'], 'glossary');
  await page.keyboard.press('Escape');
  await page.getByTestId('glossary').waitFor({ state: 'detached' });
  // The timeline's change lines.
  await page.getByTestId('tab-timeline').click();
  const said = await page.getByTestId('timeline-change-lines').allInnerTexts();
  assert.equal(said.length, 3);
  assert.match(said[1], /Hobbies 开放：任何人都可以加入/);
  assert.match(said[2], /被封禁的人永远不能回来/);
  await noEnglish(['[data-testid="timeline-editor"] .changes'], 'timeline');
  // The deck: the rules table and platform, the timeline, the rules that let the most through.
  await page.getByTestId('present').click();
  const deck = page.getByTestId('presentation');
  await deck.waitFor();
  const seen = [];
  const count = Number(await page.getByTestId('present-step').getAttribute('data-count'));
  for (let i = 0; i < count; i++) {
    const slide = await deck.getAttribute('data-slide');
    if (['rules', 'timeline', 'opened'].includes(slide)) {
      seen.push(slide);
      await noEnglish(['.presentation'], `the ${slide} slide`);
    }
    if (slide === 'rules') {
      const cells = await page.getByTestId('present-rules-table').locator('td').allInnerTexts();
      assert.ok(cells.includes('女性'), `the table says who may post: ${cells}`);
      assert.match(await page.getByTestId('present-rules').innerText(), /平台：性别认证方式为实名绑定/);
    }
    if (slide === 'opened') assert.match(await deck.innerText(), /· (加入|发帖|评论|点赞|打赏|私信)(：|被拒)/);
    if (i + 1 < count) await page.getByTestId('present-next').click();
  }
  assert.deepEqual(seen, ['rules', 'timeline', 'opened']);
  assert.deepEqual(errors, []);
  await context.close();
});

// Validation, the assumptions catalogue, the settings table and a broken link's notice in Chinese: no
// `lang="en"` left to skip there. Sources name the project's domain notes (DOMAIN.md) and a cited model (SimSoM).
test('validation messages, the assumptions panel and a broken link in Chinese', async () => {
  const SOURCES = [...ALLOWED, 'DOMAIN', 'md', 'SimSoM'];
  const { context, page, errors } = await openApp(browser);
  await waitForRun(page, 0);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  // An editor with an invalid value: a tip floor above the ceiling blocks the run, in Chinese, at the field
  // and in the results' banner.
  const min = page.getByTestId('circles[0].tips.min_fen');
  const max = page.getByTestId('circles[0].tips.max_fen');
  await typeInto(max, 1);
  await typeInto(min, 50);
  await page.getByTestId('run-blocked').waitFor();
  const issue = page.locator('[data-testid="field-issue"][data-path="circles[0].tips.min_fen"]');
  assert.equal(await issue.innerText(), '最小打赏（¥50.00）高于最大打赏（¥1.00）');
  assert.equal(await issue.evaluate(el => el.closest('[lang]').getAttribute('lang')), 'zh-CN');
  // A typed value out of range is refused in Chinese, with the catalogue's label and unit.
  await typeInto(page.getByTestId('circles[0].moderation.review_delay_hours'), 99999);
  await page.locator('[data-testid="field-issue"][data-refused="true"]').first().waitFor();
  let left = await englishLeft(page, ALLOWED, ['#rules-panel', 'main#results']);
  assert.deepEqual(left, [], `English left in the circle editor with invalid values:\n${left.join('\n')}`);
  await page.keyboard.press('Escape');

  // The assumptions panel, unfolded: every label, unit, meaning and source in Chinese.
  await page.getByTestId('tab-platform').click();
  await page.getByTestId('assumptions-summary').click();
  const reservation = page.getByTestId('assumptions.reservation_median_fen');
  await reservation.waitFor();
  await typeInto(reservation, 1);
  await page.getByTestId('assumption-reservation_median_fen').getByTestId('assumption-changed').waitFor();
  assert.match(await page.getByTestId('assumptions-summary').innerText(), /已改 1 项/);
  left = await englishLeft(page, SOURCES, ['[data-testid="assumptions-panel"]']);
  assert.deepEqual(left, [], `English left in the assumptions panel:\n${left.join('\n')}`);
  assert.deepEqual(errors, []);
  await context.close();

  // A broken link opened in Chinese: the notice is Chinese; only the folded raw detail keeps the engine's words.
  const other = await openApp(browser, { hash: '#s=1.!!!not-base64!!!&lang=zh' });
  const notice = other.page.getByTestId('notice');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /^无法打开这个链接：链接中有 Backfire 链接从不包含的字符/);
  assert.match(text, /位置：`s=1\.` 之后的第 1 个字符。/);
  left = await englishLeft(other.page, ALLOWED, ['[data-testid="notice"]']);
  assert.deepEqual(left, [], `English left in the broken link's notice:\n${left.join('\n')}`);
  assert.match(await notice.getByTestId('problem-detail').locator('code').textContent(), /Invalid symbol 33, offset 0/);
  assert.deepEqual(other.errors, []);
  await other.context.close();

  // `#lang=zh` alone holds no rules: the page opens in Chinese on the usual start, with no broken-link notice.
  const bare = await openApp(browser, { hash: '#lang=zh' });
  await bare.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await bare.page.getByTestId('app-ready').waitFor({ state: 'attached' });
  assert.equal(await bare.page.getByTestId('notice').count(), 0, 'no notice for a link of view parts alone');
  assert.deepEqual(bare.errors, []);
  await bare.context.close();
});

test("the engine's sentences in Chinese: examples, Why after running it, and the deck's Why and fix slides", async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016');
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  // Examples are written in Chinese from their facts; circle names stay as typed (translate="no").
  const examples = page.getByTestId('exemplars');
  await examples.locator('li').first().waitFor();
  assert.equal(await examples.locator('[lang="en"]').count(), 0, 'no example is marked English');
  assert.match(await examples.locator('li').first().innerText(), /第 \d+ 小时：用户 #\d+/);
  assert.ok(await examples.locator('li [translate="no"]').count() > 0, 'circle names are marked as typed');
  assert.deepEqual(await englishLeft(page, ALLOWED, ['[data-testid="exemplars"]']), []);
  // Why: the suggestions' sentences in Chinese, from the rules explained.
  await page.getByTestId('view-why').click();
  await page.getByTestId('explain').click();
  await page.getByTestId('why-results').waitFor({ timeout: 180000 });
  assert.match(await page.getByTestId('suggestion-solicitation-0').locator('.sentence').innerText(), /招揽事件减少 \d+ %（严重度 \d+ → \d+）/);
  assert.equal(await page.getByTestId('why-panel').locator('[lang="en"]').count(), 0, 'no suggestion is marked English');
  assert.deepEqual(await englishLeft(page, ALLOWED, ['[data-testid="why-panel"]']), []);
  // The deck's Why and fix slides show the kept explanation in Chinese.
  await page.getByTestId('present').click();
  const deck = page.getByTestId('presentation');
  await deck.waitFor();
  const seen = [];
  for (let i = 0; i < 10 && seen.length < 2; i++) {
    const slide = await deck.getAttribute('data-slide');
    if (slide === 'why' || slide === 'fix') {
      await page.locator(`[data-testid^="present-${slide}-solicitation"]`).waitFor();
      assert.equal(await deck.locator('[lang="en"]').count(), 0, `nothing on the ${slide} slide is marked English`);
      assert.deepEqual(await englishLeft(page, ALLOWED, ['.presentation']), [], `no English left on the ${slide} slide`);
      seen.push(slide);
    }
    if (seen.length < 2) await page.getByTestId('present-next').click();
  }
  assert.deepEqual(seen, ['why', 'fix']);
  assert.match(await page.locator('.present-sentence').first().innerText(), /：/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the sweep in Chinese: its controls, messages, heatmap, scatter and read-out', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 1000);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.getByTestId('view-sweep').click();
  const panel = ['[data-testid="sweep-panel"]'];
  // Keys named in the heatmap's caption.
  const allowed = [...ALLOWED, 'Tab', 'Enter'];
  await page.getByTestId('sweep-y-enabled').check();
  // A message beside a field, in Chinese.
  const from = await page.getByTestId('sweep-x-from').inputValue();
  await typeInto(page.getByTestId('sweep-x-from'), -5);
  assert.match(await page.getByTestId('sweep-x-from-issue').innerText(), /超出范围/);
  assert.deepEqual(await englishLeft(page, allowed, panel), [], 'no English left in the sweep form');
  await page.getByTestId('sweep-x-scale').selectOption('lin');
  await typeInto(page.getByTestId('sweep-x-from'), from);
  await typeInto(page.getByTestId('sweep-x-steps'), 2);
  await page.getByTestId('sweep-y-scale').selectOption('lin');
  await typeInto(page.getByTestId('sweep-y-steps'), 2);
  await typeInto(page.getByTestId('sweep-seeds'), 1);
  assert.match(await page.getByTestId('sweep-run').innerText(), /^运行 4 个单元格 × 1 个种子$/);
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-heatmap').waitFor({ timeout: 120000 });
  await page.getByTestId('sweep-cell-1-1').hover();
  assert.match(await page.getByTestId('sweep-readout').innerText(), /诚实用户被拒 [\d,]+ 次/);
  assert.match(await page.getByTestId('sweep-caption').innerText(), /单个种子；颜色越深数值越大/);
  assert.deepEqual(await englishLeft(page, allowed, panel), [], 'no English left around the heatmap');
  await page.getByTestId('sweep-chart').selectOption('scatter');
  await page.getByTestId('sweep-scatter').waitFor();
  assert.deepEqual(await englishLeft(page, allowed, panel), [], 'no English left around the scatter');
  assert.deepEqual(errors, []);
  await context.close();
});

// The Search view in Chinese: every tab's form, the red team's atlas, the frontier and the robustness screen,
// with the engine's sentences (a worst case's, a fix's change, the verdict, the assumptions' names) in Chinese.
// The methods' names (MAP-Elites, Morris) stay as the literature writes them; the verdict names MODEL.md; the
// frontier's hints name the keys Tab and Enter.
const SEARCH_ALLOWED = [...ALLOWED, 'MAP', 'Elites', 'Morris', 'MODEL', 'md', 'Tab', 'Enter'];
test('the Search view in Chinese: forms, the red team, the frontier and the robustness screen', async () => {
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
  assert.match(await page.getByTestId('worst-0-sentence').innerText(), /[\u4e00-\u9fff]/);
  await run('frontier', 'frontier-runs', 16);
  await page.getByTestId('frontier-point-0').hover();
  assert.deepEqual(await englishLeft(page, SEARCH_ALLOWED, ['main#results']), [], 'no English left in a hovered fix');
  await run('robustness', 'robustness-trajectories', 1);
  assert.match(await page.getByTestId('robustness-verdict').innerText(), /结论/);
  assert.match(await page.getByTestId('search-reproduce').innerText(), /此搜索的链接/);
  assert.deepEqual(errors, []);
  await context.close();
});
