// A deck built on the work: the 2016 timeline against a safe launch, presented from the first slide to the last
// with no empty slide, Why computed from the deck, chart type large enough for a projector, and every slide fitting
// a 1024×768 screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, loadSmall } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The on-screen size of the smallest chart label on the slide, in CSS pixels (SVG units × the drawing's scale). */
function smallestChartText(page) {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll('.present-slide svg text')]
      .map(t => parseFloat(t.getAttribute('font-size')) * t.closest('svg').getScreenCTM().a);
    return sizes.length ? Math.min(...sizes) : null;
  });
}

/** Whether the slide shows whole: nothing past its box, down or across. */
function fits(page) {
  return page.evaluate(() => {
    const s = document.querySelector('.present-slide');
    return s.scrollHeight <= s.clientHeight + 1 && s.scrollWidth <= s.clientWidth + 1;
  });
}

for (const [width, height] of [[1920, 1080], [1024, 768]]) {
  test(`the comparison deck, start to end, at ${width}×${height}`, async () => {
    const { context, page, errors } = await openApp(browser, { contextOptions: { viewport: { width, height } } });
    await loadSmall(page, 'alipay-circles-2016-safe-launch', 2000);
    await page.getByTestId('pin').click();
    await loadSmall(page, 'alipay-circles-2016-timeline', 2000);
    await page.getByTestId('present').click();
    const deck = page.getByTestId('presentation');
    await deck.waitFor();
    const count = Number(await page.getByTestId('present-step').getAttribute('data-count'));
    assert.equal(count, 8, 'a timeline and a pinned baseline give the deck all eight slides');
    const seen = [];
    for (let i = 0; i < count; i++) {
      const slide = await deck.getAttribute('data-slide');
      seen.push(slide);
      if (slide === 'compare') {
        await page.getByTestId('present-compare-table').waitFor({ timeout: 120000 });
        assert.match(await page.getByTestId('present-compare-caption').innerText(), /Mean of 10 seeds/);
        const judged = await page.locator('[data-testid^="present-measure-"]').evaluateAll(rows => rows.map(r => r.dataset.judged));
        assert.equal(judged.length, 7, 'every measure has a row');
        assert.ok(judged.every(j => ['up', 'down', 'flat'].includes(j)));
        assert.match(await deck.getByTestId('compare-late').innerText(), /Before the last change \(hour 48\)/);
      }
      if (slide === 'why') {
        // Why from the deck: the kept explanation, or the button that runs it with a progress bar.
        if (await page.getByTestId('present-why-run').count()) {
          await page.getByTestId('present-why-run').click();
          await page.getByTestId('present-why-progress').waitFor();
        }
        await page.locator('.present-slide [data-testid^="present-why-"]:not([data-testid="present-why-run"]):not([data-testid="present-why-busy"]):not([data-testid="present-why-progress"]):not([data-testid="present-why-missing"])').first().waitFor({ timeout: 120000 });
      }
      if (slide === 'run' && width === 1920) {
        const smallest = await smallestChartText(page);
        assert.ok(smallest >= 24, `chart labels are at least 24 px at 1920×1080 (${smallest?.toFixed(1)})`);
        assert.equal(await page.locator('[data-testid="present-chart-abuse"] [data-testid="chart-event"]').count(), 3, 'the timeline is marked');
      }
      if (slide === 'fix') await page.locator('[data-testid^="present-fix-"]').first().waitFor();
      // No empty slide: a heading and something under it, never the "no run" placeholder.
      assert.equal(await page.getByTestId('present-no-run').count(), 0, `${slide}: a run to show`);
      const text = await page.locator('.present-slide').innerText();
      assert.ok(text.split('\n').filter(l => l.trim()).length >= 3, `${slide} has content: ${text.slice(0, 80)}`);
      await page.waitForTimeout(100);
      assert.ok(await fits(page), `${slide} fits ${width}×${height} without being cut off`);
      if (i + 1 < count) await page.getByTestId('present-next').click();
    }
    assert.deepEqual(seen, ['rules', 'timeline', 'run', 'money', 'opened', 'compare', 'why', 'fix']);
    // Why computed from the deck is kept: the Why tab shows it after the deck closes.
    await page.keyboard.press('Escape');
    await page.getByTestId('view-why').click();
    await page.getByTestId('why-results').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}
