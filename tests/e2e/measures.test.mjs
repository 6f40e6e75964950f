// Model 2's measures as a reviewer reads them: prevalence per pattern and overall, the demand side apart from
// honest users, and honest engagement labelled as genuine posts only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, runId, waitForRun } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** "48.5 %" → 48.5; NaN when the text is not a percentage. */
function percent(text) {
  const m = /^(\d+(?:\.\d+)?) %/.exec(text.trim());
  return m ? Number(m[1]) : NaN;
}

test('the 2016 launch shows prevalence per pattern and overall, and the demand side apart', async () => {
  const { context, page, errors } = await openApp(browser);
  const r0 = await runId(page);
  await page.getByTestId('preset-picker').selectOption('alipay-circles-2016');
  await waitForRun(page, r0);

  // Solicitation: a share of what honest users saw, above zero and at most everything.
  const sol = page.getByTestId('pattern-solicitation-prevalence');
  const solPer10k = Number(await sol.getAttribute('data-per10k'));
  const solShown = percent(await sol.innerText());
  assert.ok(solPer10k > 0 && solPer10k <= 10000, `solicitation per 10k ${solPer10k}`);
  assert.ok(solShown > 0 && solShown <= 100, `solicitation shown ${await sol.innerText()}`);
  assert.ok(Math.abs(solShown - solPer10k / 100) <= 0.05 + 1e-9, `${solShown} % vs ${solPer10k} per 10k`);
  assert.match(await sol.innerText(), /of views/);

  // Overall: the sum over every pattern, shown above the cards.
  const total = page.getByTestId('prevalence-total');
  const totalPer10k = Number(await total.getAttribute('data-per10k'));
  const cards = await page.locator('[data-testid$="-prevalence"][data-per10k]').evaluateAll(els => els.map(e => Number(e.getAttribute('data-per10k'))));
  assert.ok(cards.length >= 1);
  assert.ok(totalPer10k >= cards.reduce((a, b) => a + b, 0) && totalPer10k <= 10000, `total ${totalPer10k}, cards ${cards}`);
  assert.ok(percent(await total.innerText()) >= solShown);
  assert.match(await page.getByTestId('prevalence-summary').innerText(), /Prevalence: [\d.]+ % of the posts honest users saw were abuse \(Solicitation [\d.]+ %/);

  // The demand side: its own line in the honest-cost and money views, with plausible figures.
  for (const id of ['health-demand', 'money-demand']) {
    const line = page.getByTestId(id);
    const users = Number(await line.getAttribute('data-users'));
    const fen = Number(await line.getAttribute('data-fen'));
    assert.ok(users > 0 && users < 10000, `${id} users ${users}`);
    assert.ok(fen > 0, `${id} fen ${fen}`);
    assert.match(await line.innerText(), /^Demand side: [\d,]+ customers? spent ¥[\d,]+(\.\d\d)?\./);
  }
  const honest = await page.getByTestId('honest-cost').innerText();
  assert.match(honest, /Honest engagement on genuine posts/);

  // Who the rules shut out before anyone acts: women-only posting and the 750 comment gate each shut out
  // about half of those who want a diary (the men), and the table names the circle and the action.
  const shut = page.getByTestId('shut-out-table');
  assert.match(await shut.innerText(), /White Collar Diary · post/);
  assert.match(await shut.innerText(), /White Collar Diary · comment/);
  const shares = (await page.getByTestId('shut-out-share').allInnerTexts()).map(percent);
  assert.ok(shares.length >= 2 && shares.every(x => x >= 40 && x <= 70), `shares ${shares}`);
  assert.deepEqual(errors, []);
  await context.close();
});
