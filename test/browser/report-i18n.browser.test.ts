// The report in Russian and Chinese (issue 16) in headless Chromium at 1280×800: no text overflows
// its box (the page, HTML elements outside a scroll box, every SVG label inside its chart, legend
// items apart from each other), and no glyph is missing — every character of the rendered text is
// covered by a font of the report's declared stack that fontconfig has installed (fc-list), and
// Chromium renders the Chinese and Cyrillic text with such a font (DevTools' platform fonts per
// node). Screenshots in artifacts/i18n/ (gitignored).
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';

const OUT = join(ARTIFACTS, 'i18n');
const LANGS = [
  { lang: 'ru', script: /[\u0400-\u04ff]/u, fonts: /Noto Sans|DejaVu Sans|Liberation Sans|Noto Sans CJK/ },
  { lang: 'zh', script: /[\u3400-\u9fff]/u, fonts: /Noto Sans CJK|Source Han Sans|PingFang|Microsoft YaHei/ },
] as const;
/** The families of the report's font stacks (src/report/report.ts and charts/text.ts) that Linux can have. */
const STACK = ['Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'DejaVu Sans', 'Liberation Sans'];

let browser: Browser;
const files: Record<string, string> = {};

/** Code points covered by the installed fonts of the stack, from fontconfig's charsets. */
function covered(): Set<number> {
  const set = new Set<number>();
  for (const family of STACK) {
    let out = '';
    try {
      out = execFileSync('fc-list', ['--format', '%{charset}\\n', `:family=${family}`], { encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const range of out.split(/\s+/).filter(Boolean)) {
      const [a, b] = range.split('-').map((h) => Number.parseInt(h, 16));
      for (let c = a!; c <= (b ?? a!); c++) set.add(c);
    }
  }
  return set;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const run = promisify(execFile);
  await Promise.all(
    LANGS.map(async ({ lang }) => {
      files[lang] = resolve(OUT, `sco-report-${lang}.html`);
      await run('node', [
        'bin/concord.js',
        'report',
        '--lang',
        lang,
        '--out',
        files[lang]!,
        '--at',
        '2026-11-29',
      ]);
    }),
  );
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Everything that overflows: the page, HTML boxes outside a scroll box, SVG labels outside their chart, overlapping legend items. */
async function overflows(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 50)}"`;
    if (document.documentElement.scrollWidth > window.innerWidth)
      out.push('the page is wider than the window');
    const scrolls = (el: Element) => {
      for (let e = el.parentElement; e; e = e.parentElement)
        if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    for (const el of Array.from(
      document.querySelectorAll('h1, h2, h3, p, li, caption, figcaption, th, td, summary, nav a, footer'),
    )) {
      if (el.closest('details:not([open])') || scrolls(el)) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} overflows its box`);
      const r = el.getBoundingClientRect();
      if (r.width && r.right > window.innerWidth + 1) out.push(`${name(el)} leaves the window`);
    }
    for (const svg of Array.from(document.querySelectorAll('svg'))) {
      if (svg.closest('details:not([open])')) continue;
      const vb = svg.viewBox.baseVal;
      if (!vb?.width) continue;
      const texts = Array.from(svg.querySelectorAll('text')) as SVGTextElement[];
      for (const t of texts) {
        if (!t.textContent?.trim()) continue;
        const b = t.getBBox();
        // The box in the chart's user space (a text's own transform is a translation of its group).
        const m = t.getCTM();
        const root = svg.getCTM();
        if (!m || !root) continue;
        const rel = root.inverse().multiply(m);
        const x0 = rel.a * b.x + rel.e;
        const x1 = rel.a * (b.x + b.width) + rel.e;
        const y0 = rel.d * b.y + rel.f;
        const y1 = rel.d * (b.y + b.height) + rel.f;
        if (x0 < vb.x - 1 || x1 > vb.x + vb.width + 1 || y0 < vb.y - 1 || y1 > vb.y + vb.height + 1)
          out.push(
            `${svg.id || 'svg'}: "${t.textContent.trim().slice(0, 40)}" outside the chart (${x0.toFixed(0)}–${x1.toFixed(0)} of ${vb.width})`,
          );
      }
      // Legend items: the rows a legend lays out must not run into each other.
      const legends = Array.from(svg.querySelectorAll('g.legend, g[font-size="12"]'));
      for (const g of legends) {
        const items = Array.from(g.querySelectorAll(':scope > g')).map((i) => ({
          label: (i.textContent ?? '').trim(),
          r: i.getBoundingClientRect(),
        }));
        for (let a = 0; a < items.length; a++)
          for (let b = a + 1; b < items.length; b++) {
            const p = items[a]!.r;
            const q = items[b]!.r;
            if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
              out.push(`${svg.id || 'svg'}: legend "${items[a]!.label}" overlaps "${items[b]!.label}"`);
          }
      }
    }
    return out;
  });
}

describe.each(LANGS)('the report in $lang at 1280×800', ({ lang, script, fonts }) => {
  it('has no text overflowing its box', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(files[lang]!).href);
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
    });
    expect(await overflows(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, `report-${lang}-1280.png`) });
    await page.locator('svg#map').screenshot({ path: join(OUT, `report-${lang}-map.png`) });
    await page.locator('svg#passage-chart').screenshot({ path: join(OUT, `report-${lang}-passage.png`) });
    await page
      .locator('svg.issue-line')
      .first()
      .screenshot({ path: join(OUT, `report-${lang}-issue.png`) });
    await page.locator('section#claims').screenshot({ path: join(OUT, `report-${lang}-claims.png`) });
    await page.screenshot({ path: join(OUT, `report-${lang}-full.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('misses no glyph: every character is in an installed font of the stack, and Chromium renders with one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(pathToFileURL(files[lang]!).href);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(text).toMatch(script);
    const have = covered();
    const chars = [...new Set([...text])].filter((c) => c.trim() && (c.codePointAt(0) ?? 0) > 0x7e);
    const missing = chars.filter((c) => !have.has(c.codePointAt(0)!));
    expect(missing.map((c) => `U+${c.codePointAt(0)!.toString(16)} ${c}`)).toEqual([]);
    // The fonts Chromium actually used for headings, the map legend and chart labels.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const used = new Set<string>();
    for (const selector of [
      'h1',
      'h2',
      'svg#map text',
      'svg#passage-chart text',
      'svg.issue-line text',
      'th',
    ]) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
      for (const nodeId of nodeIds.slice(0, 12)) {
        const { fonts: f } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const x of f) if (x.glyphCount > 0) used.add(x.familyName);
      }
    }
    expect(
      [...used].some((f) => fonts.test(f)),
      [...used].join(', '),
    ).toBe(true);
    // No last-resort font: every family used is one fontconfig knows.
    const installed = execFileSync('fc-list', ['--format', '%{family}\\n'], { encoding: 'utf8' });
    for (const f of used) expect(installed, f).toContain(f);
    await page.close();
  });
});
