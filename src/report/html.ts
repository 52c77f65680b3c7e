/** Small helpers for writing HTML and SVG as strings (the report is one self-contained file). */

export function esc(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An HTML table; cells are escaped unless given as `{ html }`. */
export function htmlTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | { html: string }>>,
  opts: { caption?: string; className?: string } = {},
): string {
  const cell = (c: string | number | { html: string }, tag: 'td' | 'th') => {
    const content = typeof c === 'object' ? c.html : esc(c);
    const num = typeof c === 'number' || (typeof c === 'string' && /^[-+]?[\d.,]+\s*%?$/.test(c));
    return `<${tag}${num ? ' class="num"' : ''}>${content}</${tag}>`;
  };
  // The table scrolls sideways in its own box on a narrow screen (focusable, so a keyboard can scroll it).
  const label = opts.caption ? ` aria-label="${esc(opts.caption)}"` : ' aria-label="table"';
  return `<div class="table-scroll" role="region" tabindex="0"${label}><table${opts.className ? ` class="${opts.className}"` : ''}>${opts.caption ? `<caption>${esc(opts.caption)}</caption>` : ''}<thead><tr>${headers
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/** Colours by membership status, shared by the map, the timeline and the web lab (colour-blind safe). */
export const STATUS_COLOURS: Record<string, string> = {
  member: '#1f4e9c',
  observer: '#2a9d8f',
  'dialogue partner': '#8ecae6',
  partner: '#e9a03b',
  applicant: '#c77dba',
  none: '#e6e6e6',
};

/** Base64 of a UTF-8 string (Node and browsers alike). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Links that download a chart as SVG and its data as CSV (data: URLs: the report stays one file, without scripts). */
export function downloadLinks(name: string, svg: string, csv: string | null): string {
  const file = name.replace(/[^A-Za-z0-9_.-]+/g, '-');
  const svgDoc = svg.includes('xmlns=')
    ? svg
    : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<p class="downloads">Download: <a download="${esc(file)}.svg" href="data:image/svg+xml;base64,${base64(svgDoc)}">chart (SVG)</a>${
    csv === null
      ? ''
      : `<a download="${esc(file)}.csv" href="data:text/csv;charset=utf-8;base64,${base64(csv)}">data (CSV)</a>`
  }</p>`;
}
