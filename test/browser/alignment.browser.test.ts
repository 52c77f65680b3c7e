import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, openFile, writeReport } from '../helpers/browser.js';

let browser: Browser;
let report: string;

beforeAll(async () => {
  report = writeReport('alignment', 'alignment');
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the alignment section in a browser', () => {
  it('renders the heatmap, the camps and the cohesion series', async () => {
    const { page, errors } = await openFile(browser, report);

    const heatmap = page.locator('svg#alignment-heatmap');
    await expect.poll(() => heatmap.isVisible()).toBe(true);
    expect((await heatmap.boundingBox())!.width).toBeGreaterThan(400);
    const cell = page.locator('svg#alignment-heatmap g.cell[data-a="CHN"][data-b="RUS"] rect');
    expect((await cell.boundingBox())!.width).toBeGreaterThan(20);

    const camps = page.locator('svg#alignment-camps');
    expect((await camps.boundingBox())!.height).toBeGreaterThan(300);
    expect(await page.locator('svg#alignment-camps g.node').count()).toBe(11);

    const series = page.locator('svg#alignment-cohesion');
    expect((await series.boundingBox())!.width).toBeGreaterThan(800);
    expect(await page.locator('svg#alignment-cohesion g.series').count()).toBe(3);
    expect(await page.locator('svg#alignment-cohesion g.enlargement-mark').count()).toBe(3);

    await heatmap.screenshot({ path: join(ARTIFACTS, 'alignment-heatmap.png') });
    await camps.screenshot({ path: join(ARTIFACTS, 'alignment-camps.png') });
    await series.screenshot({ path: join(ARTIFACTS, 'alignment-cohesion.png') });
    expect(errors).toEqual([]);
  });
});
