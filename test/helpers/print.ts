/**
 * Reading a printed PDF (Chromium's page.pdf) back with poppler's `pdftotext -bbox-layout`: where
 * each heading landed, and whether one sits at the bottom of a page with its chart or table on the
 * next. Needs poppler-utils (`.ci/run` installs it).
 */
import { execFileSync } from 'node:child_process';

export interface PdfLine {
  readonly page: number;
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

export interface PdfLayout {
  readonly pages: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
}

const unentity = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export function pdfLayout(file: string): PdfLayout {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 64 << 20 }).toString();
  const lines: PdfLine[] = [];
  let height = 0;
  let page = 0;
  for (const p of xml.split('<page ').slice(1)) {
    page++;
    height = Number(/height="([\d.]+)"/.exec(p)?.[1] ?? 0);
    for (const l of p.split('<line ').slice(1)) {
      const yMin = Number(/yMin="([\d.]+)"/.exec(l)?.[1]);
      const yMax = Number(/yMax="([\d.]+)"/.exec(l)?.[1]);
      const words = [...l.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => unentity(m[1]!));
      if (words.length) lines.push({ page, text: words.join(' '), yMin, yMax });
    }
  }
  return { pages: page, height, lines };
}

const norm = (s: string) =>
  s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').replace(/#$/, '').trim().toLowerCase();

/**
 * Headings (their text as on screen) that end a page: nothing, or less than `minBelow` points of
 * content, follows them on their page while the document goes on. A heading the PDF does not
 * contain is reported as missing.
 */
export function strandedHeadings(
  layout: PdfLayout,
  headings: readonly string[],
  minBelow = 40,
): { stranded: string[]; missing: string[]; found: number } {
  const stranded: string[] = [];
  const missing: string[] = [];
  let found = 0;
  let from = 0;
  for (const h of headings) {
    const want = norm(h);
    if (!want) continue;
    // A heading may wrap: its first line is a prefix of it.
    const match = (l: PdfLine) => {
      const t = norm(l.text);
      return t.startsWith(want.slice(0, 40)) || (t.length >= 12 && want.startsWith(t));
    };
    let k = layout.lines.findIndex((l, i) => i >= from && match(l));
    if (k < 0) k = layout.lines.findIndex(match);
    if (k < 0) {
      missing.push(h);
      continue;
    }
    found++;
    from = k + 1;
    const line = layout.lines[k]!;
    const below = layout.lines.filter((l) => l.page === line.page && l.yMin > line.yMax - 0.5);
    const lastPage = line.page === layout.pages;
    const extent = below.length ? Math.max(...below.map((l) => l.yMax)) - line.yMax : 0;
    if (!lastPage && extent < minBelow) stranded.push(`${h} (page ${line.page})`);
  }
  return { stranded, missing, found };
}
