// The lab's views of the workspace and of the data's uncertainty, in headless Chromium against a real
// `concord serve`: partners' status histories on the Organization page; a scenario uploaded into the
// workspace opened in the Workbench; a forecast registered and scored with the CLI listed with its
// score on the Runs page; the camps' bootstrap interval and null figure on the Alignment page. Each
// view is also checked at 390 px (no horizontal overflow) and with axe (no serious violations).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.js';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab, watchPage } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;
let token: string;
let uploadId: string;
let forecastId: string;

const cli = (...args: string[]) => execFileSync('node', ['bin/concord.js', ...args], { encoding: 'utf8' });

beforeAll(async () => {
  buildWeb();
  lab = await startLab();
  token = /#token=(.+)$/.exec(lab.labUrl)![1]!;
  // A scenario uploaded into the workspace (as the Sweeps page does).
  const res = await fetch(`${lab.base}/api/workspace/scenarios`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'four-columns.csv',
      content: readFileSync('test/fixtures/import/four-columns.csv', 'utf8'),
      encoding: 'text',
    }),
  });
  expect(res.status).toBe(201);
  uploadId = ((await res.json()) as { scenarios: Array<{ id: string }> }).scenarios[0]!.id;
  // A forecast registered into the same store (the workspace "local", the session token's), then scored.
  const dir = mkdtempSync(join(tmpdir(), 'concord-registry-'));
  const file = join(dir, 'development-bank.yaml');
  copyFileSync('scenarios/sco/06-development-bank-2010.yaml', file);
  cli('forecast', file, '--register', '--store', lab.store, '--json');
  cli('registry', 'score', '--store', lab.store);
  const list = JSON.parse(cli('registry', 'list', '--store', lab.store, '--json')) as
    | Array<{ id: string }>
    | { forecasts: Array<{ id: string }> };
  forecastId = (Array.isArray(list) ? list : list.forecasts)[0]!.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

async function open(path: string, width = 1280): Promise<{ page: Page; w: ReturnType<typeof watchPage> }> {
  // bypassCSP: axe-core is injected as an inline script, which the lab's policy forbids.
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await ctx.newPage();
  const w = watchPage(page, lab.base);
  await page.goto(`${lab.base}${path}#token=${token}`);
  await page.waitForSelector('text=Workspace: local');
  return { page, w };
}

/** At 390 px the page stays within the viewport, and axe finds nothing serious. */
async function fitsAndAxe(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  expect((await axeViolations(page)).serious).toEqual([]);
}

describe('the lab on the workspace and on uncertainty', () => {
  it('shows each partner’s status history on the Organization page', async () => {
    const { page, w } = await open('/?org=sco&at=2026-01-01');
    const afg = page.locator('[data-testid="history-AFG"]');
    await afg.waitFor();
    expect(await afg.textContent()).toBe('observer since 2012-06-07, partner since 2025-09-01');
    expect(await page.locator('[data-testid="history-ARM"]').textContent()).not.toMatch(/applicant/);
    await fitsAndAxe(page);
    expect(w.errors).toEqual([]);
    await page.context().close();
  });

  it('opens an uploaded scenario in the Workbench', async () => {
    const { page, w } = await open('/workbench');
    const select = page.locator('[data-testid="workbench-scenario"]');
    await page.locator(`[data-testid="workbench-scenario"] option[value="upload:${uploadId}"]`).waitFor({
      state: 'attached',
    });
    await select.selectOption(`upload:${uploadId}`);
    await expect.poll(() => page.locator('svg.issue-line g.actor').count(), { timeout: 30_000 }).toBe(4);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe(`upload:${uploadId}`);
    await page.screenshot({ path: join(ARTIFACTS, 'lab-workbench-upload.png'), fullPage: true });
    await fitsAndAxe(page);
    expect(w.errors).toEqual([]);
    await page.context().close();
  });

  it('lists registered forecasts with their scores on the Runs page', async () => {
    const { page, w } = await open('/runs');
    const row = page.locator(`[data-testid="registry-${forecastId}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/development-bank\.yaml/);
    expect(text).toMatch(/\d+ of \d+ issues scored/);
    expect(text).toMatch(/(error \d+\.\d% of scale|adoption \d+% right)/);
    await fitsAndAxe(page);
    expect(w.errors).toEqual([]);
    await page.context().close();
  });

  it('shows the camps’ bootstrap interval, the null figure and the verdict on the Alignment page', async () => {
    const { page, w } = await open('/alignment');
    const u = page.locator('[data-testid="camps-uncertainty"]');
    await u.waitFor({ timeout: 60_000 });
    expect(await u.textContent()).toMatch(
      /^Camps (no )?stronger than chance: modularity -?\d\.\d{3}, 95% interval -?\d\.\d{3}–-?\d\.\d{3} \(200 resamples of the roll calls\); chance -?\d\.\d{3} at the 95th percentile of 200 permutations \(p \d\.\d{3}\)\.$/,
    );
    // Fewer resamples: the figures are requested again.
    await page.getByLabel("Camps' bootstrap").selectOption('0');
    await page.getByText(/^No bootstrap/).waitFor();
    await page.getByLabel("Camps' bootstrap").selectOption('500');
    await expect.poll(() => u.textContent(), { timeout: 60_000 }).toMatch(/500 resamples/);
    await page.screenshot({ path: join(ARTIFACTS, 'lab-alignment-bootstrap.png'), fullPage: true });
    await fitsAndAxe(page);
    expect(w.errors).toEqual([]);
    await page.context().close();
  });
});
