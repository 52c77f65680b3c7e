// The lab's upload in headless Chromium against a real `concord serve`: the four-column CSV that the
// CLI forecasts, backtests and sweeps is uploaded on the Sweeps page, its import summary shows, and
// a sweep of it runs to completion; a bad file shows the error naming its line and column.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab, watchPage } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  buildWeb();
  lab = await startLab();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('uploading a scenario in the lab', () => {
  it('the four-column CSV uploads and sweeps', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const w = watchPage(page, lab.base);
    await page.goto(lab.labUrl);
    await page.waitForSelector('text=Workspace: local');
    await page.getByRole('link', { name: 'Sweeps', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Uncertainty sweeps' }).waitFor();
    await page.locator('[data-testid="upload-file"]').setInputFiles('test/fixtures/import/four-columns.csv');
    await page.getByRole('button', { name: 'Upload' }).click();
    const summary = page.locator('[data-testid="import-summary"]');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/four-columns\.csv: long table, 1 issue, 4 actors/);
    await expect.poll(() => page.locator('[data-testid="sweep-scenario"]').inputValue()).toMatch(/^upload:/);
    await page.getByLabel('Runs').fill('2000');
    await page.getByRole('button', { name: 'Start sweep' }).click();
    const status = page.locator('[data-testid="sweep-status"]');
    await status.waitFor();
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toBe('complete');
    const histogram = page.locator('.histogram-box svg');
    await histogram.first().waitFor();
    expect(await histogram.first().locator('rect').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'lab-upload-sweep.png'), fullPage: true });

    // A bad file: the error names the line and the column; nothing new in the list.
    const bad = join(ARTIFACTS, 'bad-upload.csv');
    writeFileSync(bad, 'actor,position,salience\nA,10,0.5\nB,120,0.5\n');
    const options = await page.locator('[data-testid="sweep-scenario"] option').count();
    await page.locator('[data-testid="upload-file"]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Upload' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/bad-upload\.csv:3: column position: 120 is outside the scale/);
    expect(await page.locator('[data-testid="sweep-scenario"] option').count()).toBe(options);
    expect(w.errors.filter((e) => !/400 \(Bad Request\)/.test(e))).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.close();
  });
});
