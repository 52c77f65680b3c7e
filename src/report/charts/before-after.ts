/**
 * Before and after, as paired horizontal bars (one pair per row), as an SVG string: the briefings'
 * chart. Value labels sit right of their bar, in the margin kept for them, so no bar or line ever
 * covers one. Pure.
 */
import { scaleLinear } from 'd3-scale';
import { esc } from '../../util/html.js';
import { CHART_FONT } from './text.js';

export const BEFORE_AFTER_COLOURS = { before: '#8a96a3', after: '#1f4e9c' } as const;

export interface BeforeAfterOptions {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly rows: ReadonlyArray<{ label: string; before: number | null; after: number | null }>;
  readonly beforeLabel: string;
  readonly afterLabel: string;
  readonly format: (v: number) => string;
  /** The top of the scale (default: the largest value). */
  readonly max?: number;
  readonly width?: number;
}

export function renderBeforeAfter(o: BeforeAfterOptions): string {
  const width = o.width ?? 520;
  const labelW = Math.min(190, 12 + 6.4 * Math.max(3, ...o.rows.map((r) => r.label.length)));
  const valueW = 74;
  const top = 30;
  const bar = 10;
  const rowH = 2 * bar + 6;
  const height = top + o.rows.length * rowH + 8;
  const values = o.rows.flatMap((r) => [r.before, r.after]).filter((v): v is number => v !== null);
  const max = o.max ?? Math.max(1e-9, ...values);
  const x = scaleLinear()
    .domain([0, max])
    .range([labelW, width - valueW]);
  const parts: string[] = [];
  const legend = (k: 0 | 1, text: string) => {
    const lx = labelW + k * 170;
    const c = k === 0 ? BEFORE_AFTER_COLOURS.before : BEFORE_AFTER_COLOURS.after;
    return `<rect x="${lx}" y="8" width="12" height="12" fill="${c}"/><text x="${lx + 17}" y="18">${esc(text)}</text>`;
  };
  parts.push(legend(0, o.beforeLabel), legend(1, o.afterLabel));
  o.rows.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(
      `<text x="${labelW - 6}" y="${y + bar + 4}" text-anchor="end" fill="#1d2733">${esc(r.label)}</text>`,
    );
    (
      [
        ['before', r.before, 0],
        ['after', r.after, 1],
      ] as const
    ).forEach(([k, v, j]) => {
      const by = y + j * bar;
      if (v === null) {
        parts.push(
          `<text x="${labelW + 4}" y="${by + bar - 2}" fill="#5b6672" font-size="10" font-style="italic">not a member</text>`,
        );
        return;
      }
      const w = Math.max(1, x(v) - labelW);
      parts.push(
        `<rect class="bar-${k}" x="${labelW}" y="${by}" width="${w.toFixed(1)}" height="${bar - 1}" fill="${BEFORE_AFTER_COLOURS[k]}"><title>${esc(`${r.label}, ${k === 'before' ? o.beforeLabel : o.afterLabel}: ${o.format(v)}`)}</title></rect><text x="${(labelW + w + 4).toFixed(1)}" y="${by + bar - 2}" font-size="10" fill="#1d2733">${esc(o.format(v))}</text>`,
      );
    });
  });
  parts.push(`<line x1="${labelW}" x2="${labelW}" y1="${top - 2}" y2="${height - 6}" stroke="#5b6672"/>`);
  return `<svg id="${esc(o.id)}" class="before-after" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(o.id)}-title${o.description ? ` ${esc(o.id)}-desc` : ''}" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(o.id)}-title">${esc(o.title)}</title>${o.description ? `<desc id="${esc(o.id)}-desc">${esc(o.description)}</desc>` : ''}
${parts.join('\n')}
</svg>`;
}
