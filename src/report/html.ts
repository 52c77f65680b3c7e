/** Small helpers for writing HTML and SVG as strings (the report is one self-contained file). */

export function esc(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

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
  return `<table${opts.className ? ` class="${opts.className}"` : ''}>${opts.caption ? `<caption>${esc(opts.caption)}</caption>` : ''}<thead><tr>${headers
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table>`;
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
