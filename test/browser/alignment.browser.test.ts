// Opens the HTML report in headless Chromium and checks that the alignment charts render.
// Run with `npm run test:browser` (needs Debian's chromium).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';

const report = resolve('artifacts/sco-report-alignment.html');
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
    'alignment',
  ]);
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the alignment section in a browser', () => {
  it('renders the heatmap, the camps and the cohesion series', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(report).href);

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
