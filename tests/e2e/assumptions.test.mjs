// The Assumptions panel: a designer opens it, changes one assumption by typing, sees the results move and
// the link carry that one assumption, and a reload of the link shows the value again; a model-1 link says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, runId, waitForRun, patternNumbers, typeInto, loadSmall, linkJson } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens the Run & platform tab and unfolds the Assumptions panel. */
async function openPanel(page) {
  await page.getByTestId('tab-platform').click();
  await page.getByTestId('assumptions-summary').click();
  await page.getByTestId('assumptions.reservation_median_fen').waitFor();
}

test('an assumption changed by typing moves the results and travels in the link', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'alipay-circles-2016', 2000);
  await openPanel(page);
  assert.equal(await page.getByTestId('assumptions-panel').locator('[data-testid="assumption-changed"]').count(), 0);
  const before = await patternNumbers(page);
  const field = page.getByTestId('assumptions.reservation_median_fen');
  assert.equal(await field.inputValue(), '40');
  const r0 = await runId(page);
  await typeInto(field, 1);
  await waitForRun(page, r0);
  const afterNums = await patternNumbers(page);
  assert.notDeepEqual(afterNums, before, 'a ¥1 reservation value must change what the run reports');
  await page.getByTestId('assumption-reservation_median_fen').getByTestId('assumption-changed').waitFor();
  assert.match(await page.getByTestId('assumptions-summary').innerText(), /1 changed/);

  // The link carries the one changed assumption, in stored units (fen), and nothing else of the block.
  await page.waitForFunction(() => location.hash.length > 3);
  const hash = await page.evaluate(() => location.hash);
  const json = linkJson(hash);
  assert.equal(json.version, 2);
  assert.deepEqual(json.assumptions, { reservation_median_fen: 100 });

  // Reloading the link shows the value and the mark again, with no model notice.
  const again = await openApp(browser, { hash });
  await openPanel(again.page);
  assert.equal(await again.page.getByTestId('assumptions.reservation_median_fen').inputValue(), '1');
  await again.page.getByTestId('assumption-reservation_median_fen').getByTestId('assumption-changed').waitFor();
  assert.equal(await again.page.getByTestId('notice').count(), 0);

  // Reset puts the default back (and the link drops the block).
  const r1 = await runId(again.page);
  await again.page.getByTestId('reset-reservation_median_fen').click();
  await waitForRun(again.page, r1);
  assert.equal(await again.page.getByTestId('assumptions.reservation_median_fen').inputValue(), '40');
  await again.page.waitForFunction(() => location.hash.length > 3);
  assert.equal(linkJson(await again.page.evaluate(() => location.hash)).assumptions, undefined);
  assert.deepEqual(again.errors, []);
  await again.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an out-of-range assumption is refused next to the field', async () => {
  const { context, page, errors } = await openApp(browser);
  await loadSmall(page, 'open-community', 1000);
  await openPanel(page);
  const field = page.getByTestId('assumptions.convert_per_visit_permille');
  await typeInto(field, 150);
  await page.getByTestId('assumption-convert_per_visit_permille').getByText('more than the largest allowed').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

// A link written under model 1 (engine/tests/golden.rs SAVED_LINK): it opens, and the page says its numbers
// now come from model 2.
const MODEL_1_LINK = 's=1.hVTbjhoxDP2VKs88wLK7rXjtZ1SryGQ8TEouIycDixD_XtthgLYr8QRjnyQ-x8c-mwNS8TmZzWphEkQ0G1PggN234NPecCxXLGbz62NhCmKnuA5ORf-MeZwCVD1_NslOhW8zm_VyuTA9RghoRySHqZrNG8d8x399PdnoP-VEqVOnyRdOHgdf0bocApDZvHIkS3EIfOMbf9QBOb5-uyyMI-x8lRsiAr_9LuhSO9vhgb-WDCkjps6nnY0MhWR7TFKL5dq59KVUCM7lKVULO5xRjdl3yXbZTZGLs25At8fuzmTNWUIIVvS6h6UGIEbX0yiSnc2QExbJCPcw0R6VmNSag3e-ZmrUd5iQ8lRs9eMooL_E6kEPruScgxjvH5mQs6QRuWcAglLmr3La-mCJRVABA0ypQ9LrF2bLbPEAXbvswoqN3Mk-U5TK7wKrbuCVvh2zb91S_dwwUeKGlSrJ6EPA9nCEzwYtj5LzE9xP33t3cwzz1gLYWqHn5jluPXvszv2LFJe4427c2sMFquPUc5Kjk3Uw7Yb62LGLMtauEFapG_rKtW3FPqYnRLOYM8pIr1Wioo3z5ILOwXmekp8a4lO_mancCyHkoyJcZusJRx2cywdfQFNonhhzqU_RLseohT_BjQS-4FMYu-opJmIpPAhPcO0yJYIJtkEWQqUJ51JsQOjYxtnqmz2EwrnoU9Nztby646auLBMfpGOjeqUNwA3dFgk--Et9RJD2amuT8CgjJpKlCk4ly31v72ZudJp1fJCeEzqO3d3xQ6rwHK32qkJprESWzAa9-VX2Gx8fM9UyE2djlsKuFh8_qHKl_u9b70JIUjwghaU9_M8NDx6Pt8nR39VyP-_Wl-UM4aEInB_ypPHXOc54JMr0sHp5F0ByjQWjIi9WlqNMuiSvS2_ddkIbi1LJ70WG9YW7_gc';

test('a model-1 link opens with a notice that its numbers now come from model 2', async () => {
  const { context, page, errors } = await openApp(browser, { hash: `#${MODEL_1_LINK}` });
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /this link was made under model 1; its numbers now come from model 2/i);
  await page.getByTestId('tab-platform').click();
  assert.equal(await page.getByTestId('name').inputValue(), 'saved link');
  assert.deepEqual(errors, []);
  await context.close();
});
