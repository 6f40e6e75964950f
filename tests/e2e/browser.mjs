// Launches Debian's Chromium headless (flags from TOOLCHAIN.md) and opens pages that fail the
// test on any page error: a Rust panic in WebAssembly surfaces as one.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import zlib from 'node:zlib';

export const BASE = process.env.BACKFIRE_URL ?? 'http://127.0.0.1:8080/';
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Starts the browser; throws (failing the test) when it cannot, never skips. */
export async function launch() {
  if (!fs.existsSync(EXECUTABLE)) throw new Error(`chromium not found at ${EXECUTABLE}: run scripts/setup --test`);
  // Playwright gives every launch a fresh, empty profile directory (TOOLCHAIN.md's --user-data-dir).
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  }).catch(err => { throw new Error(`chromium failed to start: ${err.message}`); });
}

/** Opens the app in a fresh context; `errors` collects page errors and console errors. */
export async function openApp(browser, { hash = '', contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(`pageerror: ${e.message}`));
  page.on('console', m => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('response', r => { if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`); });
  await page.goto(BASE + hash);
  await page.getByTestId('app-ready').waitFor({ state: 'attached', timeout: 20000 });
  return { context, page, errors };
}

/** The id of the latest run the page started (0 before any). */
export async function runId(page) {
  const v = await page.getByTestId('run-status').getAttribute('data-run').catch(() => null);
  return Number(v ?? 0);
}

/** Waits until the latest run, newer than `after`, has finished, and returns its id. */
export async function waitForRun(page, after = 0, timeout = 60000) {
  // Let the app's edit debounce (25 ms) start the run for the last keystroke first; otherwise a run for
  // a half-typed value could finish and be mistaken for the final one.
  await page.waitForTimeout(150);
  await page.waitForFunction(prev => {
    const el = document.querySelector('[data-testid="run-status"]');
    return el && el.dataset.state === 'done' && Number(el.dataset.run) > prev;
  }, after, { timeout });
  return runId(page);
}

/** Every pattern's numbers as shown on its card (or its folded line), keyed by pattern id. */
export async function patternNumbers(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-testid^="pattern-"][data-level]')) {
      const id = el.dataset.testid.slice('pattern-'.length);
      const text = s => el.querySelector(`[data-testid="pattern-${id}-${s}"]`)?.textContent ?? null;
      out[id] = { level: el.dataset.level, severity: Number(el.dataset.severity), incidents: text('incidents'), yuan: text('yuan'), harmed: text('harmed'), first: text('first') };
    }
    return out;
  });
}

/** Sets a text or number input the way a person does: select all, type, and let input events fire. */
export async function typeInto(locator, value) {
  await locator.click();
  await locator.fill('');
  await locator.pressSequentially(String(value));
}

/** Loads a preset and shrinks its population, so every run in a test is quick. */
export async function loadSmall(page, preset, users = 2000) {
  const r0 = await runId(page);
  await page.getByTestId('preset-picker').selectOption(preset);
  await waitForRun(page, r0);
  await page.getByTestId('tab-population').click();
  const r1 = await runId(page);
  await typeInto(page.getByTestId('population.n_users'), users);
  await waitForRun(page, r1);
}

/** The scenario JSON a `#s=1.…` fragment carries. */
export function linkJson(hash) {
  const payload = hash.replace(/^#/, '').split('&').find(p => p.startsWith('s=')).slice(2).split('.')[1];
  const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(zlib.inflateRawSync(Buffer.from(b64, 'base64')).toString('utf8'));
}
