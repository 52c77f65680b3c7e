// The workbench's two-dimensional view: an issue of two dimensions opened from a link, its actors
// dragged in the plane with the mouse and moved with the keyboard, and the forecasts follow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';
import { encodeCase } from '../../web/src/workbench/edit.js';
import { axeViolations } from '../helpers/axe.js';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab, watchPage } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  buildWeb();
  lab = await startLab({ args: ['--port', process.env.CONCORD_TEST_PORT ?? '0'] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

const marker = async (page: Page, m: string) => {
  const g = page.locator(`svg.issue-plane g.marker-${m}`);
  return [Number(await g.getAttribute('data-x')), Number(await g.getAttribute('data-y'))];
};

describe('the workbench in two dimensions', () => {
  it('draws the plane, and dragging a point changes the forecasts', async () => {
    const file = ScenarioFileSchema.parse(parse(readFileSync('scenarios/examples/plane.yaml', 'utf8')));
    // bypassCSP: axe-core is injected as an inline script, which the lab's policy forbids.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 }, bypassCSP: true });
    const page = await ctx.newPage();
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/workbench?scenario=${file.id}&case=${encodeCase(file)}`);
    const b = page.locator('g.plane-actor[data-actor="B"]');
    await b.waitFor();
    // every model that works in the plane has a marker; the expected-utility model has none
    for (const m of ['consensus', 'compromise', 'median', 'nash', 'exchange'])
      expect(await page.locator(`svg.issue-plane g.marker-${m}`).count(), m).toBe(1);
    expect(await page.locator('svg.issue-plane g.marker-eum').count()).toBe(0);
    // the win-set of the status quo and the Pareto set are drawn, and the indifference ellipses
    expect(await page.locator('svg.issue-plane g.winset rect').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.issue-plane g.pareto rect').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.issue-plane g.indifference ellipse').count()).toBe(5);
    const before = { compromise: await marker(page, 'compromise'), nash: await marker(page, 'nash') };
    const text0 = await page.getByTestId('explanation-fund').textContent();
    expect(await b.getAttribute('aria-valuetext')).toContain('Size of the fund 40, Share pooled 20');

    // drag B from (40, 20) up and to the right
    const box = (await b.locator('circle.hit').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let t = 1; t <= 8; t++) await page.mouse.move(cx + t * 12, cy - t * 10);
    await page.mouse.up();
    await expect.poll(() => marker(page, 'compromise')).not.toEqual(before.compromise);
    const after = await marker(page, 'compromise');
    // B pulled the weighted mean up and to the right
    expect(after[0]!).toBeGreaterThan(before.compromise[0]!);
    expect(after[1]!).toBeGreaterThan(before.compromise[1]!);
    expect(await marker(page, 'nash')).not.toEqual(before.nash);
    expect(await page.getByTestId('explanation-fund').textContent()).not.toBe(text0);
    expect(await b.getAttribute('aria-valuetext')).not.toContain('Size of the fund 40, Share pooled 20');
    // one drag is one step of the history
    await expect.poll(() => page.getByTestId('edit-state').textContent()).toContain('1 change');

    // the keyboard: C moves right three steps and up one
    const c = page.locator('g.plane-actor[data-actor="C"]');
    await c.focus();
    for (const k of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowUp']) await c.press(k);
    await expect
      .poll(() => c.getAttribute('aria-valuetext'))
      .toContain('Size of the fund 63, Share pooled 51');
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-plane.png'), fullPage: true });

    const { serious } = await axeViolations(page);
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
    // the only failed request is the scenario's own, not shipped here (the case comes from the link)
    expect(w.errors.filter((e) => !/404/.test(e))).toEqual([]);
    expect(w.foreign).toEqual([]);
    await ctx.close();
  });
});
