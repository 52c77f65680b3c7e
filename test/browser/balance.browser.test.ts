import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, openFile, writeReport } from '../helpers/browser.js';

let browser: Browser;
let report: string;

beforeAll(async () => {
  report = writeReport('balance', 'balance');
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the balance-of-power section in a browser', () => {
  it('draws the stacked shares, the enlargement marks and the ratio chart, without errors', async () => {
    const { page, errors } = await openFile(browser, report);

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
