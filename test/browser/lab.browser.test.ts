// The web lab in headless Chromium against a real `concord serve`: every page loads without console
// errors or foreign requests, labelled controls, readable contrast, no horizontal scrolling on a
// laptop screen; the date slider changes the map (keyboard and mouse). Screenshots in artifacts/,
// and one per page in docs/screenshots/ for the README.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, type Lab, startLab, watchPage } from '../helpers/lab.js';

/** The hook the workbench page exposes (web/src/pages/WorkbenchPage.tsx). */
interface WorkbenchHook {
  scenario(): string | null;
  bench(moves: number): { n: number; median: number; p95: number; max: number };
}

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');
const LAPTOP = { width: 1366, height: 768 };

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  buildWeb();
  lab = await startLab();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

/** Text whose contrast with its background is below WCAG AA (4.5:1, or 3:1 for large text). */
async function lowContrast(page: Page) {
  return page.evaluate(() => {
    const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: number[]) => {
      const f = (v: number) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c[0]!) + 0.7152 * f(c[1]!) + 0.0722 * f(c[2]!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3]! > 0.5)) return c;
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (el.closest('svg') || (el as HTMLButtonElement).disabled) continue;
      const text = [...Array.from(el.childNodes)]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text) continue;
      const box = (el as HTMLElement).getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden' || st.clip === 'rect(0px, 0px, 0px, 0px)') continue;
      const fg = lum(rgb(st.color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const size = Number.parseFloat(st.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) bad.push(`${text.slice(0, 40)} (${ratio.toFixed(2)})`);
    }
    return bad;
  });
}

/** Controls without an accessible name. */
async function unlabelled(page: Page) {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('input, select, textarea, button, a[href]'))) {
      const e = el as HTMLInputElement;
      const named =
        (e.labels && e.labels.length > 0) ||
        e.getAttribute('aria-label') ||
        e.getAttribute('aria-labelledby') ||
        (e.tagName !== 'INPUT' && e.textContent?.trim());
      if (!named) bad.push(e.outerHTML.slice(0, 80));
    }
    for (const svg of Array.from(document.querySelectorAll('svg[role="img"]'))) {
      if (!svg.querySelector('title')?.textContent?.trim()) bad.push('svg without a title');
    }
    return bad;
  });
}

const PAGES = [
  { path: '/?org=sco&at=2021-04-29', name: 'organization', heading: 'Organization on a date' },
  { path: '/decision', name: 'decision', heading: 'Decision rules and the capacity to decide' },
  { path: '/workbench', name: 'workbench', heading: 'Issue workbench' },
  { path: '/sweeps', name: 'sweeps', heading: 'Sweeps' },
  { path: '/alignment', name: 'alignment', heading: 'Alignment in the UN General Assembly' },
  {
    path: '/briefing?stage=2017',
    name: 'briefing',
    heading: 'Enlargement briefing: India and Pakistan, 2017',
  },
  { path: '/runs', name: 'runs', heading: 'Runs' },
];

describe('the web lab in a browser', () => {
  it('loads every page without console errors, with labelled controls and readable contrast', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const w = watchPage(page, lab.base);
    await page.goto(lab.labUrl);
    await page.waitForSelector('text=Workspace: local');
    expect(page.url()).not.toContain('token=');
    for (const p of PAGES) {
      await page.goto(`${lab.base}${p.path}`);
      await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
      await page.waitForLoadState('networkidle');
      if (p.name === 'organization') {
        await page.waitForSelector('svg#lab-map path[data-status="member"]');
        await page.waitForSelector('ul.bars li');
      }
      if (p.name === 'decision') {
        await page.waitForSelector('svg#lab-passage');
        await page.waitForSelector('svg#lab-blocking');
      }
      if (p.name === 'workbench') await page.locator('svg.issue-line g.actor').first().waitFor();
      if (p.name === 'briefing') await page.waitForSelector('svg#lab-briefing-passage');
      if (p.name === 'alignment') {
        await page.waitForSelector('svg#lab-heatmap');
        await page.waitForSelector('svg#lab-camps');
        await page.waitForSelector('svg#lab-cohesion');
      }
      expect(await unlabelled(page), p.name).toEqual([]);
      expect(await lowContrast(page), p.name).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${p.name} scrolls sideways`).toBeLessThanOrEqual(0);
      const file = join(ARTIFACTS, `lab-${p.name}.png`);
      await page.screenshot({ path: file });
      copyFileSync(file, join(SCREENSHOTS, `${p.name}.png`));
    }
    await page.goto(`${lab.base}/api/docs`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'lab-api-docs.png') });
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.close();
  });

  it('moves through the pages by keyboard alone', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    await page.goto(`${lab.base}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const runs = page.getByRole('link', { name: 'Runs', exact: true });
    await runs.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
    expect(page.url()).toBe(`${lab.base}/runs`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.close();
  });

  it('compares rules at a hypothetical stage and under a rule of your own (Decision)', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/decision`);
    await page.locator('svg#lab-passage').waitFor();
    const consensus = page.locator('table.capacity tbody tr td[data-rule="own"]');
    await expect
      .poll(() => consensus.allTextContents())
      .toEqual(['1/64 = 1.56%', '1/256 = 0.391%', '1/512 = 0.195%', '1/1024 = 0.098%']);
    await page.getByLabel('Hypothetical new members').fill('AFG, TKM');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(() => consensus.count()).toBe(5);
    expect(await consensus.last().textContent()).toBe('1/4096 = 0.024%');
    await page.locator('summary', { hasText: 'A rule of your own' }).click();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.locator('table.capacity th', { hasText: 'four-fifths' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'lab-decision-hypothetical.png'), fullPage: true });
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('recomputes the forecasts while a position is dragged, by mouse and by keyboard', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/workbench?scenario=sco-development-bank-2010`);
    const consensus = page.locator('[data-testid="outcome-bank-consensus"]');
    const compromise = page.locator('[data-testid="outcome-bank-compromise"]');
    await page.locator('g.actor[data-actor="RUS"]').waitFor();
    const before = { consensus: await consensus.textContent(), compromise: await compromise.textContent() };
    const explanation = await page.locator('[data-testid="explanation-bank"]').textContent();
    expect(explanation).toContain('RUS');

    // The mouse: drag Russia from 15 towards China's 100.
    const handle = page.locator('g.actor[data-actor="RUS"] circle').last();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++)
      await page.mouse.move(box.x + box.width / 2 + i * 25, box.y + box.height / 2);
    await page.mouse.up();
    await expect.poll(() => compromise.textContent()).not.toBe(before.compromise);
    await expect.poll(() => consensus.textContent()).not.toBe(before.consensus);
    const rus = Number(await page.locator('g.actor[data-actor="RUS"]').getAttribute('aria-valuenow'));
    expect(rus).toBeGreaterThan(15);
    expect(await page.locator('[data-testid="explanation-bank"]').textContent()).not.toBe(explanation);
    await page.screenshot({ path: join(ARTIFACTS, 'lab-workbench-dragged.png'), fullPage: true });

    // The keyboard: Uzbekistan to the end of the scale, and the forecast follows.
    const mid = await consensus.textContent();
    await page.locator('g.actor[data-actor="UZB"]').focus();
    await page.keyboard.press('End');
    await page.locator('g.actor[data-actor="KAZ"]').focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => page.locator('g.actor[data-actor="UZB"]').getAttribute('aria-valuenow'))
      .toBe('100');
    await expect.poll(() => consensus.textContent()).not.toBe(mid);
    await page.getByRole('button', { name: 'Reset all edits' }).click();
    await expect.poll(() => consensus.textContent()).toBe(before.consensus);
    expect(await page.locator('[data-testid="timing"]').textContent()).toMatch(
      /Recompute .* median [\d.]+ ms/,
    );
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('measures the recompute time of every SCO scenario in the browser (performance.now)', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    await page.goto(`${lab.base}/workbench`);
    await page.locator('svg.issue-line').first().waitFor();
    const ids = await page
      .locator('select.wide-select option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(ids).toHaveLength(26);
    const rows: Array<{ scenario: string; n: number; median: number; p95: number; max: number }> = [];
    for (const id of ids) {
      await page.locator('select.wide-select').selectOption(id);
      await expect
        .poll(() =>
          page.evaluate(() =>
            (window as unknown as { __concordWorkbench?: WorkbenchHook }).__concordWorkbench?.scenario(),
          ),
        )
        .toBe(id);
      await page.evaluate(() =>
        (window as unknown as { __concordWorkbench: WorkbenchHook }).__concordWorkbench.bench(5),
      ); // warm-up
      const r = await page.evaluate(() =>
        (window as unknown as { __concordWorkbench: WorkbenchHook }).__concordWorkbench.bench(40),
      );
      rows.push({ scenario: id, n: r.n, median: r.median, p95: r.p95, max: r.max });
    }
    const all = rows.reduce((a, r) => a + r.n, 0);
    const worst = rows.reduce((a, r) => (r.max > a.max ? r : a));
    const summary = {
      what: 'all models recomputed on one issue after moving one actor, in headless Chromium, ms (performance.now, 0.1 ms resolution)',
      recomputes: all,
      medianOfMedians: rows.map((r) => r.median).sort((a, b) => a - b)[rows.length >> 1],
      worstP95: Math.max(...rows.map((r) => r.p95)),
      max: worst.max,
      maxScenario: worst.scenario,
      scenarios: rows,
    };
    writeFileSync(join(ARTIFACTS, 'workbench-recompute.json'), JSON.stringify(summary, null, 2));
    console.log(
      `workbench recompute over ${all} moves in ${ids.length} SCO scenarios: median of medians ${summary.medianOfMedians} ms, worst p95 ${summary.worstP95} ms, max ${summary.max} ms (${summary.maxScenario})`,
    );
    expect(rows.every((r) => r.n > 0)).toBe(true);
    await page.close();
  });

  it('runs a sweep to completion, following its progress, and shows its histograms', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const w = watchPage(page, lab.base);
    await page.goto(lab.labUrl);
    await page.waitForSelector('text=Workspace: local');
    await page.getByRole('link', { name: 'Sweeps', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Uncertainty sweeps' }).waitFor();
    await page.getByLabel('Runs').fill('20000');
    await page.getByRole('button', { name: 'Start sweep' }).click();
    const status = page.locator('[data-testid="sweep-status"]');
    await status.waitFor();
    // Progress arrives over Server-Sent Events until the end.
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toBe('complete');
    await expect.poll(() => page.locator('progress').first().getAttribute('value')).toBe('20000');
    const histogram = page.locator('.histogram-box svg');
    await histogram.first().waitFor();
    expect(await histogram.first().locator('rect').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="adoption-bank-consensus"]').textContent()).toMatch(/%$/);
    await page.screenshot({ path: join(ARTIFACTS, 'lab-sweep-complete.png'), fullPage: true });
    copyFileSync(join(ARTIFACTS, 'lab-sweep-complete.png'), join(SCREENSHOTS, 'sweeps.png'));
    // The run is in the history, with its summary.
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await page.locator('table.runs a').first().click();
    await page.locator('.run-view .histogram-box svg').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'lab-runs-sweep.png'), fullPage: false });
    copyFileSync(join(ARTIFACTS, 'lab-runs-sweep.png'), join(SCREENSHOTS, 'runs.png'));
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('changes the map when the date slider moves, by keyboard and by mouse', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const w = watchPage(page, lab.base);
    await page.goto(`${lab.base}/?org=sco&at=2021-04-29`);
    const status = (iso3: string) =>
      page.locator(`svg#lab-map path[data-iso3="${iso3}"]`).first().getAttribute('data-status');
    await expect.poll(() => status('IND')).toBe('member');
    const before = await page.locator('svg#lab-map').getAttribute('data-statuses');

    const slider = page.locator('#date-slider');
    await slider.focus();
    await page.keyboard.press('Home'); // the first day: the Shanghai Five, 1996
    await expect.poll(() => status('IND')).toBe('none');
    await expect.poll(() => status('UZB')).toBe('none');
    await expect.poll(() => status('CHN')).toBe('member');
    await page.locator('.note', { hasText: 'Shanghai Five' }).waitFor();
    expect(await page.locator('svg#lab-map').getAttribute('data-statuses')).not.toBe(before);
    await page.screenshot({ path: join(ARTIFACTS, 'lab-slider-1996.png') });

    await page.keyboard.press('End'); // today: India, Pakistan, Iran and Belarus are members
    await expect.poll(() => status('BLR')).toBe('member');
    await expect.poll(() => status('IRN')).toBe('member');

    // The mouse: a click at 25% of the slider's width lands around 2003.
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
    await expect.poll(() => status('UZB')).toBe('member');
    await expect.poll(() => status('IND')).toBe('none');
    const value = await page.locator('input[type="date"]').inputValue();
    expect(value >= '2001-06-15' && value < '2005-07-05').toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'lab-slider-mouse.png') });
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('says so when a typed date lies before the organization existed', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    await page.goto(`${lab.base}/?org=asean&at=2000-01-01`);
    const input = page.locator('input[type="date"]');
    await input.waitFor();
    await input.fill('1960-01-01');
    const note = page.getByTestId('clamped-date');
    await expect
      .poll(() => note.textContent())
      .toContain('1960-01-01 is before ASEAN existed (founded 1967-08-08)');
    expect(await input.inputValue()).toBe('1967-08-08');
    await page.close();
  });
});
