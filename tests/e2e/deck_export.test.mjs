// Every slide of the deck as an image: this slide or every slide, as SVG or as a 3840×2160 PNG, each with the
// slide's real content and a footer naming the slide, the scenario, the seed and the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, loadSmall } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Where PNGs are kept for a person to look at (DECK_EXPORT_DIR), else a temporary folder. */
const keep = process.env.DECK_EXPORT_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'deck-export-'));
fs.mkdirSync(keep, { recursive: true });

/** Clicks a control of the deck's "Save image" menu and returns the download's name and bytes. */
async function save(page, testid) {
  await page.getByTestId('present-export').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const file = path.join(keep, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'the file is a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The share of pixels in the slide area (above the footer) that are not near-white: 0 for a blank image. */
function inkShare(page, bytes) {
  return page.evaluate(async b64 => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [480, 270];
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0, 480, 270);
    const d = ctx.getImageData(0, 0, 480, 255).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
    return ink / (d.length / 4);
  }, bytes.toString('base64'));
}

/** Whether the text parses as SVG (a well-formed document whose root is `<svg>`). */
function parsesAsSvg(page, text) {
  return page.evaluate(t => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return !doc.querySelector('parsererror') && doc.documentElement.localName === 'svg';
  }, text);
}

test('the deck saves this slide and every slide as SVG and PNG', async () => {
  const { context, page, errors } = await openApp(browser, { contextOptions: { viewport: { width: 1440, height: 900 }, acceptDownloads: true } });
  await loadSmall(page, 'alipay-circles-2016-timeline', 2000);
  const scenario = await page.getByTestId('scenario-name').innerText();
  const seed = (await page.getByTestId('seed').innerText()).trim();
  await page.getByTestId('present').click();
  const deck = page.getByTestId('presentation');
  await deck.waitFor();
  const linkStart = page.url().slice(0, 48);

  for (const [slide, content] of [['rules', 'present-rules-table'], ['money', 'present-money-tipped']]) {
    while (await deck.getAttribute('data-slide') !== slide) await page.getByTestId('present-next').click();
    const step = Number(await page.getByTestId('present-step').getAttribute('data-step'));
    const title = await page.locator('.present-path li.current').innerText();
    const svg = await save(page, 'present-export-svg');
    assert.match(svg.name, new RegExp(`^backfire-[^/]+-0${step}-${slide}\\.svg$`), svg.name);
    const text = svg.bytes.toString('utf8');
    assert.ok(await parsesAsSvg(page, text), `${slide}: the SVG parses`);
    assert.match(text, /width="1920" height="1080"/, `${slide}: 16:9 at 1920×1080`);
    for (const [what, needle] of [['slide title', title], ['scenario name', scenario], ['seed', seed], ['link', linkStart], ['slide content', `data-testid="${content}"`]]) {
      assert.ok(text.includes(needle), `${slide}: the SVG carries the ${what} (${needle})`);
    }
    const png = await save(page, 'present-export-png');
    assert.match(png.name, new RegExp(`-0${step}-${slide}\\.png$`));
    assert.deepEqual(pngSize(png.bytes), [3840, 2160], `${slide}: the PNG is 1920×1080 at 2×`);
    const ink = await inkShare(page, png.bytes);
    assert.ok(ink > 0.02, `${slide}: the PNG shows the slide, not a blank page (${(ink * 100).toFixed(1)} % ink)`);
  }

  // Every slide: one file per slide, in deck order, and the deck comes back to the slide it was on.
  const count = Number(await page.getByTestId('present-step').getAttribute('data-count'));
  const before = await deck.getAttribute('data-slide');
  const names = [];
  const all = new Promise(resolve => page.on('download', async d => {
    names.push(d.suggestedFilename());
    await d.saveAs(path.join(keep, d.suggestedFilename()));
    if (names.length === count) resolve();
  }));
  await page.getByTestId('present-export').click();
  await page.getByTestId('present-export-all-png').click();
  await all;
  await page.waitForFunction(() => document.querySelector('[data-testid="presentation"]').dataset.saving === 'false');
  assert.equal(new Set(names).size, count, `one file per slide: ${names.join(', ')}`);
  const ids = names.map(n => n.match(/-(\d\d)-([a-z]+)\.png$/)).map(m => `${m[1]}-${m[2]}`).sort();
  assert.deepEqual(ids, ['01-rules', '02-timeline', '03-run', '04-money', '05-opened', '06-why', '07-fix']);
  for (const n of names) assert.deepEqual(pngSize(fs.readFileSync(path.join(keep, n))), [3840, 2160], n);
  assert.equal(await deck.getAttribute('data-slide'), before, 'the deck is back on its slide');
  // Escape closes the menu first, and only then the deck.
  await page.getByTestId('present-export').click();
  await page.getByTestId('present-export-png').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('present-export-png').waitFor({ state: 'detached' });
  assert.equal(await deck.count(), 1, 'the deck stays open');
  await page.keyboard.press('Escape');
  await deck.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
