/**
 * Before and after, as paired horizontal bars (one pair per row), as an SVG string: the briefings'
 * chart. Value labels sit right of their bar, in the margin kept for them, so no bar or line ever
 * covers one. The row labels, the value labels and the legend are measured (./text.ts), so Russian
 * and Chinese labels get the room they need. Pure.
 */
import { scaleLinear } from 'd3-scale';
import { esc } from '../../util/html.js';
import { chartT, type Locale } from '../i18n.js';
import { CHART_FONT, fitText, flowLegend, textWidth } from './text.js';

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
  /** The language of the chart's own words ("not a member"); English by default. */
  readonly locale?: Locale;
}

export function renderBeforeAfter(o: BeforeAfterOptions): string {
  const width = o.width ?? 520;
  const t = chartT(o.locale);
  const notMember = t('before-after.not-a-member');
  // Row labels up to 0.42 of the width (a longer one is shortened, its full text in the bar's
  // title); value labels at 10 px, with room for the widest.
  const maxLabel = Math.round(width * 0.42);
  const labelW = Math.min(
    maxLabel,
    12 + Math.max(textWidth('MMM'), ...o.rows.map((r) => textWidth(r.label))),
  );
  const values = o.rows.flatMap((r) => [r.before, r.after]).filter((v): v is number => v !== null);
  const valueW = Math.max(44, ...values.map((v) => textWidth(o.format(v), 10) + 10));
  const legend = flowLegend(
    [
      { label: o.beforeLabel, k: 0 as const },
      { label: o.afterLabel, k: 1 as const },
    ],
    { x0: labelW, x1: width - 4, swatch: 12, gap: 24, minSlot: Math.min(170, (width - 4 - labelW) / 2) },
  );
  const top = 12 + legend.rows * 18;
  const bar = 10;
  const rowH = 2 * bar + 6;
  const height = top + o.rows.length * rowH + 8;
  const max = o.max ?? Math.max(1e-9, ...values);
  const x = scaleLinear()
    .domain([0, max])
    .range([labelW, width - valueW]);
  const parts: string[] = [];
  for (const it of legend.placed) {
    const c = it.k === 0 ? BEFORE_AFTER_COLOURS.before : BEFORE_AFTER_COLOURS.after;
    const y = 8 + it.row * 18;
    parts.push(
      `<rect x="${it.x}" y="${y}" width="12" height="12" fill="${c}"/><text x="${it.x + 17}" y="${y + 10}">${esc(it.label)}</text>`,
    );
  }
  o.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const shown = fitText(r.label, labelW - 12);
    parts.push(
      `<text x="${labelW - 6}" y="${y + bar + 4}" text-anchor="end" fill="#1d2733">${shown === r.label ? esc(r.label) : `${esc(shown)}<title>${esc(r.label)}</title>`}</text>`,
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
          `<text x="${labelW + 4}" y="${by + bar - 2}" fill="#5b6672" font-size="10" font-style="italic">${esc(notMember)}</text>`,
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
