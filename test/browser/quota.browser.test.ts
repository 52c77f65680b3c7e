// The quota panel on the lab's Decision page: power against the quota of a shipped weighted game
// (POST /api/power/quota), charted with the square-root quota and the jumps; changing the game or
// the index redraws the chart and the table; axe finds no serious violation in the panel.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab, watchPage } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  buildWeb();
  // A generous compute budget: a cold worker loads the data first, slow on a shared machine.
  lab = await startLab({ args: ['--budget', '60'], port: Number(process.env.CONCORD_TEST_PORT ?? 4221) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('the quota panel', () => {
  it('charts power against the quota, and redraws when the index and the game change', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await ctx.newPage();
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/decision`);
    const panel = page.getByTestId('quota-panel');
    const summary = page.getByTestId('quota-summary');
    const chart = page.getByTestId('quota-chart');
    const rows = page.getByTestId('quota-table').locator('tbody tr');
    // EEC 1958: votes 4, 4, 4, 2, 2, 1, the Treaty's 12 of 17; q* = 72.21% of 17, i.e. 13.
    await expect.poll(async () => summary.textContent(), { timeout: 60_000 }).toMatch(/total weight 17/);
    expect(await summary.textContent()).toMatch(/own quota 12.*72\.21%.*= 13.*at 17 of the 17 quotas/);
    expect(await rows.count()).toBe(17);
    // The row at 12 (own quota, a jump): passage 7/32, Banzhaf 5/21 for 4 votes, 3/21 for 2, 0 for LUX.
    expect(await rows.nth(11).textContent()).toBe('12 = ^21.88%23.8114.290.00');
    expect(await chart.locator('svg .rug line').count()).toBe(17);
    expect(await chart.locator('svg .stage-mark').count()).toBe(2);
    const seriesOf = async () =>
      chart.locator('svg path.series').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    const banzhaf = await seriesOf();
    expect(banzhaf).toHaveLength(4); // three weight classes and the passage probability
    const title = async () => chart.locator('svg title').first().textContent();
    expect(await title()).toMatch(/Banzhaf index/);

    // Another index: the classes' lines change, the passage probability does not.
    await panel.getByTestId('quota-index').selectOption('shapley-shubik');
    await expect.poll(title, { timeout: 60_000 }).toMatch(/Shapley–Shubik/);
    const ss = await seriesOf();
    expect(ss).toHaveLength(4);
    expect(ss[3]).toBe(banzhaf[3]);
    expect(ss.slice(0, 3)).not.toEqual(banzhaf.slice(0, 3));
    // At 12 the large members' Shapley–Shubik index is 7/30 = 23.33%.
    expect(await rows.nth(11).textContent()).toMatch(/23\.33/);

    // Another game: the EU-27 under Nice by its votes, 345 votes, the Treaty's 255.
    await panel.getByTestId('quota-game').selectOption('eu27-nice');
    await expect.poll(async () => summary.textContent(), { timeout: 60_000 }).toMatch(/total weight 345/);
    expect(await summary.textContent()).toMatch(/27 players.*own quota 255/);
    expect(await rows.count()).toBe(345);
    expect(await seriesOf()).not.toEqual(ss);
    // Downloads: SVG, PNG and the data as CSV (from the API's ?format=csv).
    await expect
      .poll(async () => panel.getByRole('button', { name: /as CSV/ }).count(), { timeout: 30_000 })
      .toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /as CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('quota-eu27-nice-shapley-shubik.csv');

    // In Russian: the panel's strings and numbers follow the language.
    await page.goto(`${lab.base}/decision?lang=ru`);
    await expect
      .poll(async () => page.getByTestId('quota-summary').textContent(), { timeout: 60_000 })
      .toMatch(/сумма весов 17.*72,21\s?%/);

    const axe = await axeViolations(page);
    // The whole Decision page, the quota panel drawn, in Russian.
    expect(axe.serious).toEqual([]);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await ctx.close();
  });
});
