// The 2017 briefing as an analyst reads it: the question answered at the top of one laptop screen,
// every figure with what it shows and does not, and each chart downloaded as SVG, PNG and CSV.
import { readFileSync } from 'node:fs';
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

describe('the enlargement briefing', () => {
  it('answers the 2017 question on one screen, with downloadable charts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/briefing?stage=2017`);
    await page.locator('svg#lab-briefing-passage').waitFor();
    const answer = page.locator('ul.answer');
    const box = (await answer.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(800);
    const text = (await answer.textContent()) ?? '';
    expect(text).toMatch(/China's share of the members' GDP went from 87\.1% to 71\.9%/);
    expect(text).toMatch(/1\.563% to 0\.391%/);
    const figures = page.locator('.briefing-figure');
    expect(await figures.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      expect(await figures.nth(i).textContent()).toMatch(/Shows:[\s\S]*Does not show:/);
    }
    // The first row of figures starts on the first screen.
    expect((await figures.first().boundingBox())!.y).toBeLessThan(800);
    await page.screenshot({ path: join(ARTIFACTS, 'briefing-2017-1280.png') });

    const passage = page.locator('.briefing-figure', { has: page.locator('svg#lab-briefing-passage') });
    const get = async (name: RegExp) => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        passage.getByRole('button', { name }).click(),
      ]);
      const file = join(ARTIFACTS, d.suggestedFilename());
      await d.saveAs(file);
      return { name: d.suggestedFilename(), bytes: readFileSync(file) };
    };
    const svg = await get(/as SVG/);
    expect(svg.name).toBe('sco-briefing-2017-passage.svg');
    expect(svg.bytes.toString()).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await get(/as PNG/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5000);
    const csv = await get(/as CSV/);
    expect(csv.bytes.toString().split('\r\n')[0]).toBe('label,6 members,8 members');
    expect(csv.bytes.toString()).toContain('consensus (own rule),0.015625,0.00390625');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('switches to Iran 2023 and Belarus 2024 with links that keep the stage in the address', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${lab.base}/briefing?stage=2017`);
    await page.getByRole('link', { name: 'Iran, 2023' }).click();
    await page.getByRole('heading', { level: 1, name: /Iran, 2023/ }).waitFor();
    expect(page.url()).toContain('stage=2023');
    await page.locator('.briefing-figure').first().waitFor();
    await page.getByRole('link', { name: 'Belarus, 2024' }).click();
    await page.getByRole('heading', { level: 1, name: /Belarus, 2024/ }).waitFor();
    await page.locator('.briefing-figure').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'briefing-2024-390.png'), fullPage: true });
    await page.close();
  });
});
