// Accessibility: axe-core's WCAG 2.1 A/AA rules on every lab page (with its main controls open) and
// on the report, at a laptop's and a phone's width: no serious or critical violation. Charts have
// text alternatives (a title, and a caption or data table). Findings in artifacts/axe.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeFinding, axeViolations } from '../helpers/axe.js';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, LAB_PAGES, type Lab, startLab } from '../helpers/lab.js';

const report = resolve(ARTIFACTS, 'sco-report-a11y.html');
const PAGES = LAB_PAGES;

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildWeb();
  execFileSync('node', ['bin/concord.js', 'report', '--out', report, '--at', '2026-11-29']);
  lab = await startLab();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds no serious or critical violation on any lab page or the report', async () => {
    const findings: Record<string, AxeFinding[]> = {};
    const serious: Record<string, AxeFinding[]> = {};
    for (const width of [1280, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await ctx.newPage();
      await page.goto(lab.labUrl);
      await page.waitForSelector('text=Workspace: local');
      for (const p of PAGES) {
        await page.goto(`${lab.base}${p.path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.locator(p.ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        // Open what is folded, so that axe sees the editing tables and data tables too.
        await page.evaluate(() => {
          for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
        });
        const r = await axeViolations(page);
        findings[`${p.name}@${width}`] = r.all;
        if (r.serious.length) serious[`${p.name}@${width}`] = r.serious;
      }
      await page.goto(pathToFileURL(report).href);
      const r = await axeViolations(page);
      findings[`report@${width}`] = r.all;
      if (r.serious.length) serious[`report@${width}`] = r.serious;
      await ctx.close();
    }
    writeFileSync(join(ARTIFACTS, 'axe.json'), JSON.stringify(findings, null, 2));
    expect(serious).toEqual({});
  });

  it('the check catches a violation (a control)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="en"><title>x</title><main><img src="data:,"><button></button></main></html>',
    );
    const r = await axeViolations(page);
    expect(r.serious.map((v) => v.rule).sort()).toEqual(['button-name', 'image-alt']);
    await page.close();
  });

  it('gives every chart a text alternative', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    const bare = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg'))
        .filter((s) => !(s.querySelector('title')?.textContent?.trim() || s.getAttribute('aria-label')))
        .map((s) => s.id || s.outerHTML.slice(0, 60)),
    );
    expect(bare).toEqual([]);
    await page.goto(`${lab.base}/briefing?stage=2017`);
    await page.locator('svg#lab-briefing-passage').waitFor();
    const charts = await page.locator('.briefing-figure').count();
    expect(charts).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.briefing-figure details table').count()).toBe(charts);
    expect(await page.locator('.briefing-figure svg desc').count()).toBe(charts);
    await page.close();
  });
});
