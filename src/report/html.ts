/** Small helpers for writing HTML and SVG as strings (the report is one self-contained file). */
import type { Locale } from '../i18n/locale.js';
import { csvLine } from '../util/csv.js';
import { esc } from '../util/html.js';
import { reportT } from './i18n.js';

const URL_RE = /\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/g;

/**
 * Escapes text and turns every http(s) URL in it into a link (the report stays self-contained:
 * links only, nothing fetched). `rel="noreferrer"` keeps the reader's report private.
 */
export function escLinks(s: unknown): string {
  const text = String(s);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += esc(text.slice(last, m.index));
    out += `<a href="${esc(m[0])}" rel="noreferrer">${esc(m[0])}</a>`;
    last = m.index + m[0].length;
  }
  return out + esc(text.slice(last));
}

/** Text of an HTML fragment (tags dropped, the five entities undone), for CSV cells. */
function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** CSV of a header row and rows, through the one CSV writer (formula injection escaped). */
export function csvOf(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((r) => csvLine(r)).join('');
}

/**
 * An HTML table; cells are escaped unless given as `{ html }`. A link under it downloads the table
 * as CSV (a data: URL) named `csv` (default: from the caption; '' for no link).
 */
export function htmlTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | { html: string }>>,
  opts: { caption?: string; className?: string; csv?: string; lang?: Locale | undefined } = {},
): string {
  const t = reportT(opts.lang);
  const cell = (c: string | number | { html: string }, tag: 'td' | 'th') => {
    const content = typeof c === 'object' ? c.html : esc(c);
    const num = typeof c === 'number' || (typeof c === 'string' && /^[-+]?[\d.,]+\s*%?$/.test(c));
    return `<${tag}${num ? ' class="num"' : ''}>${content}</${tag}>`;
  };
  // The table scrolls sideways in its own box on a narrow screen (focusable, so a keyboard can scroll it).
  const label = opts.caption
    ? ` aria-label="${esc(opts.caption)}"`
    : ` aria-label="${esc(t('download.table-label'))}"`;
  const table = `<div class="table-scroll" role="region" tabindex="0"${label}><table${opts.className ? ` class="${opts.className}"` : ''}>${opts.caption ? `<caption>${esc(opts.caption)}</caption>` : ''}<thead><tr>${headers
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table></div>`;
  if (opts.csv === '') return table;
  // A file name from an English caption; in Russian and Chinese the caption has no Latin letters to name it by.
  const file =
    opts.csv ??
    (opts.lang && opts.lang !== 'en' ? 'table' : (opts.caption ?? 'table').toLowerCase().slice(0, 60));
  const csv = csvOf([
    headers,
    ...rows.map((r) => r.map((c) => (typeof c === 'object' ? textOf(c.html) : c))),
  ]);
  return `${table}<p class="downloads">${esc(t('download.label'))} ${dataLink(`${file}.csv`, 'text/csv;charset=utf-8', csv, t('download.table'))}</p>`;
}

/** Base64 of a UTF-8 string (Node and browsers alike). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function dataLink(file: string, type: string, content: string, text: string): string {
  const name = file.replace(/[^A-Za-z0-9_.-]+/g, '-');
  return `<a download="${esc(name)}" href="data:${type};base64,${base64(content)}">${esc(text)}</a>`;
}

/** Links that download a chart as SVG and its data as CSV (data: URLs: the report stays one file, without scripts). */
export function downloadLinks(name: string, svg: string, csv: string | null, lang?: Locale): string {
  const t = reportT(lang);
  const svgDoc = svg.includes('xmlns=')
    ? svg
    : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<p class="downloads">${esc(t('download.label'))} ${dataLink(`${name}.svg`, 'image/svg+xml', svgDoc, t('download.chart'))}${
    csv === null ? '' : dataLink(`${name}.csv`, 'text/csv;charset=utf-8', csv, t('download.data'))
  }</p>`;
}

/**
 * Every chart of a section's HTML (an `<svg id=…>`) followed by its SVG download, unless the section
 * gave it one already.
 */
export function withChartDownloads(html: string, prefix: string, lang?: Locale): string {
  let n = 0;
  return html.replace(/<svg\b([^>]*)>[\s\S]*?<\/svg>(?!\s*<p class="downloads">)/g, (svg, attrs: string) => {
    n++;
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1] ?? `chart-${n}`;
    return `${svg}${downloadLinks(`${prefix}-${id}`, svg, null, lang)}`;
  });
}
