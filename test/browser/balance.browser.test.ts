// Opens the HTML report in headless Chromium and checks that the balance-of-power charts render.
// Run with `npm run test:browser` (needs Debian's chromium).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';

const report = resolve('artifacts/sco-report-balance.html');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('node', [
    'bin/concord.js',
    'report',
    '--out',
    report,
    '--at',
    '2026-11-29',
    '--sections',
    'balance',
  ]);
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the balance-of-power section in a browser', () => {
  it('draws the stacked shares, the enlargement marks and the ratio chart, without errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(report).href);

    const gdp = page.locator('svg#balance-gdp');
    const box = (await gdp.boundingBox())!;
    expect(box.width).toBeGreaterThan(600);
    // China's band covers well over half of the plot's height (its share never fell below 70%).
    const china = (await page.locator('svg#balance-gdp path.band[data-key="CHN"]').boundingBox())!;
    const half = (await page.locator('svg#balance-gdp g.half line').boundingBox())!;
    expect(china.y + china.height).toBeGreaterThan(half.y + 50);
    expect(china.y).toBeLessThan(half.y - 50);
    expect(await page.locator('svg#balance-gdp g.stage-mark').count()).toBe(3);
    expect((await page.locator('svg#balance-ratio').boundingBox())!.height).toBeGreaterThan(150);
    expect(await page.locator('svg#balance-ratio path.series').count()).toBe(4);

    await gdp.screenshot({ path: join(ARTIFACTS, 'report-balance-gdp.png') });
    await page.locator('svg#balance-ratio').screenshot({ path: join(ARTIFACTS, 'report-balance-ratio.png') });
    expect(errors).toEqual([]);
  });
});
