// Layouts that hold: every lab page and the report fit the viewport at 390, 768, 1280 and 1920 px
// (document scrollWidth ≤ window width; tables scroll in their own boxes), and the printed report
// never leaves a heading at the bottom of a page with its chart or table on the next (read back from
// Chromium's PDF with poppler's pdftotext). Screenshots at 390 and 1280 px in artifacts/layout/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, LAB_PAGES, type Lab, startLab } from '../helpers/lab.js';
import { pdfLayout, strandedHeadings } from '../helpers/print.js';

const WIDTHS = [390, 768, 1280, 1920];
const OUT = join(ARTIFACTS, 'layout');
const report = resolve(ARTIFACTS, 'sco-report-layout.html');

// The Runs page with a run selected (the widest view): its histograms drawn.
const PAGES = LAB_PAGES.map((p) => (p.name === 'runs' ? { ...p, ready: '.run-view .histogram-box svg' } : p));

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  buildWeb();
  execFileSync('node', ['bin/concord.js', 'report', '--out', report, '--at', '2026-11-29']);
  lab = await startLab();
  browser = await launchBrowser();
  // A finished sweep, so that the Runs page shows a selected run with its summary (the widest view).
  const token = /#token=(.+)$/.exec(lab.labUrl)![1]!;
  const res = await fetch(`${lab.base}/api/sweeps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'sco-development-bank-2010', runs: 1000, sensitivity: true }),
  });
  expect(res.status).toBeLessThan(300);
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

/** How far the page reaches past the viewport, and the widest elements that are not in a scroll box. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const over = document.documentElement.scrollWidth - window.innerWidth;
    const culprits: string[] = [];
    if (over > 0) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        if (el.getBoundingClientRect().right <= window.innerWidth + 1) continue;
        let boxed = false;
        for (let e = el.parentElement; e && !boxed; e = e.parentElement)
          boxed = ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
        if (!boxed) culprits.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
      }
    }
    return { over, culprits: culprits.slice(0, 5) };
  });
}

describe('layouts that hold', () => {
  it('fits every lab page and the report at 390, 768, 1280 and 1920 px', async () => {
    const widths: Record<string, Record<number, number>> = {};
    const record = (name: string, width: number, scrollWidth: number) => {
      widths[name] = { ...widths[name], [width]: scrollWidth };
    };
    for (const width of WIDTHS) {
      const ctx = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await ctx.newPage();
      await page.goto(lab.labUrl);
      await page.waitForSelector('text=Workspace: local');
      for (const p of PAGES) {
        await page.goto(`${lab.base}${p.path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        if (p.name === 'runs') await page.locator('table.runs a').first().click();
        await page.locator(p.ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        const o = await overflow(page);
        record(p.name, width, o.over + width);
        expect(o, `${p.name} at ${width} px`).toEqual({ over: expect.any(Number), culprits: [] });
        expect(o.over, `${p.name} at ${width} px is wider than the screen`).toBeLessThanOrEqual(0);
        if (width === 390 || width === 1280)
          await page.screenshot({ path: join(OUT, `${p.name}-${width}.png`), fullPage: true });
      }
      await page.goto(pathToFileURL(report).href);
      const o = await overflow(page);
      record('report', width, o.over + width);
      expect(
        o.over,
        `the report at ${width} px is wider than the screen (${o.culprits})`,
      ).toBeLessThanOrEqual(0);
      if (width === 390 || width === 1280)
        await page.screenshot({ path: join(OUT, `report-${width}.png`), fullPage: false });
      await ctx.close();
    }
    writeFileSync(join(OUT, 'scroll-widths.json'), JSON.stringify(widths, null, 2));
  });

  it('prints the report with every heading kept with what follows it', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    const headings = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main h2, main h3, main figcaption > strong')).map(
        (h) => h.textContent ?? '',
      ),
    );
    const pdf = join(OUT, 'sco-report.pdf');
    await page.pdf({
      path: pdf,
      format: 'A4',
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
    const layout = pdfLayout(pdf);
    const r = strandedHeadings(layout, headings);
    console.log(`printed report: ${layout.pages} A4 pages, ${r.found} of ${headings.length} headings found`);
    expect(layout.pages).toBeGreaterThan(5);
    expect(r.found).toBeGreaterThan(headings.length * 0.8);
    expect(r.stranded).toEqual([]);
    await page.close();
  });

  it('the print check catches a heading stranded at the bottom of a page', async () => {
    // A control: without the report's print styles, a heading pushed to the foot of the page stays there.
    const page = await browser.newPage();
    await page.setContent(
      '<body style="margin:0"><div style="height:245mm"></div><h3 style="margin:0">A stranded heading</h3><svg width="600" height="300"><text x="10" y="20">chart label</text></svg></body>',
    );
    const pdf = join(OUT, 'control.pdf');
    await page.pdf({ path: pdf, format: 'A4', margin: { top: '15mm', bottom: '15mm' } });
    const r = strandedHeadings(pdfLayout(pdf), ['A stranded heading']);
    expect(r.found).toBe(1);
    expect(r.stranded).toEqual(['A stranded heading (page 1)']);
    await page.close();
  });
});
