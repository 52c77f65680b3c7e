/** Small helpers for writing HTML and SVG as strings (the report is one self-contained file). */

import { esc } from '../util/html.js';

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
