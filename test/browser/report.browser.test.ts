// Opens the HTML report in headless Chromium and checks that the map and the timeline render.
// Run with `npm run test:browser` (needs Debian's chromium: `apt-get install chromium`).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';

const report = resolve('artifacts/sco-report.html');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('node', ['bin/concord.js', 'report', '--out', report, '--at', '2026-11-29']);
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the report in a browser', () => {
  it('renders the map and the timeline, with no console errors and no network', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(pathToFileURL(report).href);

    const map = page.locator('svg#map');
    await expect.poll(() => map.isVisible()).toBe(true);
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(300);
    // Members drawn in the member colour, with a real extent on screen.
    const china = page.locator('svg#map path[data-iso3="CHN"]');
    expect(await china.getAttribute('data-status')).toBe('member');
    expect((await china.boundingBox())!.width).toBeGreaterThan(50);
    expect(await page.locator('svg#map path[data-status="partner"]').count()).toBeGreaterThanOrEqual(14);

    const timeline = page.locator('svg#timeline');
    expect((await timeline.boundingBox())!.height).toBeGreaterThan(300);
    expect(await page.locator('svg#timeline rect.bar').count()).toBeGreaterThan(40);

    await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
    await map.screenshot({ path: join(ARTIFACTS, 'report-map.png') });
    await timeline.screenshot({ path: join(ARTIFACTS, 'report-timeline.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
