// The same scenario and seed give the same report, bit for bit, in the browser (wasm) and natively (CLI).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch, openApp, runId, waitForRun, typeInto } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const preset of ['alipay-circles-2016', 'open-community']) {
  test(`${preset}: the browser's report equals the native CLI's for the same link`, async () => {
    const { context, page, errors } = await openApp(browser);
    const r0 = await runId(page);
    await page.getByTestId('preset-picker').selectOption(preset);
    await waitForRun(page, r0);
    await page.getByTestId('tab-platform').click();
    const r1 = await runId(page);
    await typeInto(page.getByTestId('seed-input'), 777);
    await waitForRun(page, r1);
    const link = await page.evaluate(() => location.href);
    await page.getByTestId('export-menu').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-json').click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backfire-det-')), 'browser.json');
    await download.saveAs(file);
    const browserReport = JSON.parse(fs.readFileSync(file, 'utf8'));
    const native = execFileSync('cargo', ['run', '-q', '--release', '-p', 'backfire-cli', '--', 'run', link, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    const nativeReport = JSON.parse(native);
    assert.equal(browserReport.seed, 777);
    assert.deepEqual(browserReport, nativeReport);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
