// The lab's language switch in headless Chromium against a real `concord serve`: switching to
// Russian or Chinese relabels the frame on every page, sets <html lang>, survives a reload (the
// choice is remembered) and can be carried by `?lang=` in an address; the API is asked for its
// errors in the same language.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { buildWeb, LAB_PAGES, type Lab, startLab, watchPage } from '../helpers/lab.js';

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

describe('language switch', () => {
  it('switches every page, remembers the choice and takes ?lang=', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await ctx.newPage();
    const seen = watchPage(page, lab.base);
    await page.goto(lab.labUrl);
    await page.waitForSelector('nav a[aria-current="page"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('nav a[href="/decision"]')).toBe('Decision');

    await page.selectOption('.lang-switch select', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    expect(await page.textContent('nav a[href="/decision"]')).toBe('Решения');
    const accept: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) accept.push(r.headers()['accept-language'] ?? '');
    });

    for (const p of LAB_PAGES) {
      await page.goto(new URL(p.path, lab.base).href);
      await page.waitForSelector(p.ready);
      expect(await page.getAttribute('html', 'lang'), p.name).toBe('ru');
      expect(await page.textContent('.skip'), p.name).toBe('Перейти к содержанию');
    }
    expect(accept.length).toBeGreaterThan(0);
    expect(accept.every((a) => a === 'ru')).toBe(true);

    await page.goto(new URL('/decision?lang=zh', lab.base).href);
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    expect(await page.textContent('nav a[href="/decision"]')).toBe('决策');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    await page.goto(new URL('/runs', lab.base).href);
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    expect(await page.textContent('nav a[href="/runs"]')).toBe('运行记录');
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('starts in the browser language when nothing was chosen', async () => {
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    const page = await ctx.newPage();
    await page.goto(lab.labUrl);
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await ctx.close();
  }, 60_000);
});
