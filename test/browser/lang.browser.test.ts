// The lab's language switch in headless Chromium against a real `concord serve`: switching to
// Russian or Chinese relabels the frame on every page, sets <html lang>, survives a reload (the
// choice is remembered) and can be carried by `?lang=` in an address; the API is asked for its
// errors in the same language.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import { buildWeb, LAB_PAGES, type Lab, startLab, watchPage } from '../helpers/lab.js';

let browser: Browser;
let lab: Lab;

beforeAll(async () => {
  buildWeb();
  // LAB_PORT: a fixed port for the lab (default: any free one).
  lab = await startLab(process.env.LAB_PORT ? { port: Number(process.env.LAB_PORT) } : {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

/** Pages whose own text is not yet in the catalogues (see test/web/strings.test.ts's PENDING). */
const PENDING = new Set<string>([]);

/**
 * Characters drawn as the missing-glyph box: each distinct non-ASCII character of the page is drawn
 * on a canvas in the page's font and compared with a noncharacter (U+FFFF), which every font draws
 * as .notdef. Equal pixels mean no installed font has the glyph.
 */
async function tofu(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = document.body.textContent ?? '';
    const chars = [...new Set([...text].filter((c) => c.codePointAt(0)! > 0x7f && /\S/.test(c)))];
    const font = `16px ${getComputedStyle(document.body).fontFamily}`;
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 32;
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    const draw = (c: string) => {
      g.clearRect(0, 0, 32, 32);
      g.font = font;
      g.fillText(c, 4, 24);
      return Array.from(g.getImageData(0, 0, 32, 32).data).join(',');
    };
    const notdef = draw('\uffff');
    return chars.filter((c) => draw(c) === notdef);
  });
}

/** Elements whose text is wider than their own box (clipped or spilling), and the page's sideways scroll. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) bad.push('the page scrolls sideways');
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *, header *'))) {
      if (el.closest('svg, pre, .table-box, select, option, .sr-only, .skip') || !el.offsetParent) continue;
      const own = [...Array.from(el.childNodes)].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!own) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline') continue;
      if (el.scrollWidth > el.clientWidth + 2 && style.overflowX !== 'auto' && style.overflowX !== 'scroll')
        bad.push(`${el.tagName.toLowerCase()}.${el.className}: "${el.textContent?.trim().slice(0, 40)}"`);
    }
    return bad;
  });
}

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
      // fetch calls only: an EventSource or WebSocket cannot set headers (the browser sends its own)
      if (r.url().includes('/api/') && r.resourceType() === 'fetch')
        accept.push(`${r.headers()['accept-language'] ?? ''} ${new URL(r.url()).pathname}`);
    });

    for (const p of LAB_PAGES) {
      await page.goto(new URL(p.path, lab.base).href);
      await page.waitForSelector(p.ready);
      expect(await page.getAttribute('html', 'lang'), p.name).toBe('ru');
      expect(await page.textContent('.skip'), p.name).toBe('Перейти к содержанию');
    }
    expect(accept.length).toBeGreaterThan(0);
    expect(accept.filter((a) => !a.startsWith('ru '))).toEqual([]);

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

  for (const locale of ['ru', 'zh-Hans'] as const) {
    it(`lays out every page in ${locale} at 1280×800 without overflow or missing glyphs`, async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      const seen = watchPage(page, lab.base);
      const english: Record<string, string> = {};
      for (const p of LAB_PAGES) {
        await page.goto(new URL(`${p.path}${p.path.includes('?') ? '&' : '?'}lang=en`, lab.base).href);
        await page.waitForSelector(p.ready);
        english[p.name] = (await page.textContent('h1')) ?? '';
      }
      for (const p of LAB_PAGES) {
        await page.goto(new URL(`${p.path}${p.path.includes('?') ? '&' : '?'}lang=${locale}`, lab.base).href);
        await page.waitForSelector(p.ready);
        await page.waitForLoadState('networkidle');
        expect(await page.getAttribute('html', 'lang'), p.name).toBe(locale);
        if (!PENDING.has(p.name)) expect(await page.textContent('h1'), p.name).not.toBe(english[p.name]);
        expect(await overflow(page), `${p.name} (${locale})`).toEqual([]);
        expect(await tofu(page), `${p.name} (${locale})`).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, `lab-${p.name}-${locale}.png`), fullPage: true });
      }
      // The check can fail: a character no installed font draws (plane-16 private use) is found.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = '\u{10FFFD}';
        document.querySelector('main')!.append(p);
      });
      expect(await tofu(page)).toContain('\u{10FFFD}');
      expect(seen.errors).toEqual([]);
      await ctx.close();
    }, 240_000);
  }

  it("words the library's text in the lab's language: the rule, the claims' explanations, the alignment notes", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const seen = watchPage(page, lab.base);
    for (const [locale, script] of [
      ['ru', /[а-яё]{3}/],
      ['zh', /[\u4e00-\u9fff]/],
    ] as const) {
      await page.goto(new URL(`/?org=sco&at=2021-04-29&lang=${locale}`, lab.base).href);
      await page.waitForSelector('svg#lab-map path');
      await page.waitForLoadState('networkidle');
      // The decision rule in the summary, and the claims' explanations (from /api/claims?lang=).
      expect(await page.textContent('[data-testid="summary"]')).not.toMatch(/unanimity|consensus/);
      const body = (await page.textContent('main')) ?? '';
      expect(body).not.toMatch(/claimed (more than|about)|; computed /);
      expect(body).toMatch(script);
      await page.goto(new URL(`/decision?lang=${locale}`, lab.base).href);
      await page.waitForSelector('svg#lab-blocking');
      await page.waitForLoadState('networkidle');
      const decision = (await page.textContent('main')) ?? '';
      expect(decision).not.toMatch(/more than 50% of members|the rule in force at each stage|\(unanimity\)/);
      await page.goto(new URL(`/alignment?lang=${locale}`, lab.base).href);
      await page.waitForSelector('svg#lab-cohesion');
      await page.waitForLoadState('networkidle');
      // Notes the catalogue does not know stay English but are marked so; none is left unmarked.
      const unmarked = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main details li, main td .muted'))
          .filter(
            (el) =>
              !el.querySelector('[lang="en"]') &&
              /\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b/.test(el.textContent ?? ''),
          )
          .map((el) => el.textContent),
      );
      expect(unmarked).toEqual([]);
    }
    expect(seen.errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('starts in the browser language when nothing was chosen', async () => {
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    const page = await ctx.newPage();
    await page.goto(lab.labUrl);
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await ctx.close();
  }, 60_000);
});
