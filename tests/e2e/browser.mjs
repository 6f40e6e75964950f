// Launches Debian's Chromium headless (flags from TOOLCHAIN.md) and opens pages that fail the
// test on any page error: a Rust panic in WebAssembly surfaces as one.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

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
  await page.goto(BASE + hash);
  await page.getByTestId('app-ready').waitFor({ state: 'attached', timeout: 20000 });
  return { context, page, errors };
}
