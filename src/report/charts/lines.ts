/**
 * A line chart of yearly values, as an SVG string: one line per series, gaps where a series has no
 * value, an optional reference line (a ratio of 1: parity), dashed lines at the membership stages.
 * Pure.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { esc } from '../../util/html.js';
import { type Locale, numbers } from '../i18n.js';
import { CHART_FONT, textWidth } from './text.js';

export interface LineSeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  readonly points: ReadonlyArray<{ year: number; value: number | null }>;
}

export interface LineOptions {
  readonly id: string;
  readonly title: string;
  readonly series: readonly LineSeries[];
  readonly from: number;
  readonly to: number;
  readonly yLabel: string;
  /** A horizontal reference line (e.g. 1 for parity). */
  readonly reference?: { value: number; label: string };
  readonly marks?: ReadonlyArray<{ year: number; label: string }>;
  /** Short ticks under the x axis at these values (e.g. the quotas where a game's coalitions change). */
  readonly rug?: { readonly values: readonly number[]; readonly label: string; readonly colour?: string };
  readonly width?: number;
  readonly height?: number;
  /** The language of the numbers (English by default). */
  readonly locale?: Locale;
}

export function renderLines(o: LineOptions): string {
  const n = numbers(o.locale);
  const width = o.width ?? 960;
  const height = o.height ?? 300;
  const top = 30;
  const left = 46;
  // Room at the right for the end labels ("military expenditure 2.1 (2024)"; longer in Russian).
  const endLabel = (sr: LineSeries) => {
    const last = [...sr.points].reverse().find((p) => p.value !== null);
    return last ? `${sr.label} ${n.fixed(last.value!, 1)} (${last.year})` : '';
  };
  const right = Math.min(
    320,
    Math.max(150, ...o.series.map((sr) => Math.ceil(textWidth(endLabel(sr), 11) * 1.08) + 14)),
  );
  const bottom = 30;
  const values = o.series.flatMap((s) => s.points.map((p) => p.value).filter((v): v is number => v !== null));
  const max = Math.max(o.reference?.value ?? 0, ...values);
  const x = scaleLinear()
    .domain([o.from, o.to])
    .range([left, width - right]);
  const y = scaleLinear()
    .domain([0, max * 1.05 || 1])
    .range([height - bottom, top])
    .nice();
  const yTicks = y
    .ticks(6)
    .map(
      (t) =>
        `<g transform="translate(0,${y(t).toFixed(1)})"><line x1="${left}" x2="${width - right}" stroke="#000" stroke-opacity="0.08"/><text x="${left - 6}" y="4" text-anchor="end">${n.locale === 'en' ? t : n.fixed(t, t % 1 ? 1 : 0)}</text></g>`,
    )
    .join('');
  const span = o.to - o.from;
  const step = span > 40 ? 10 : span > 16 ? 5 : span > 8 ? 2 : 1;
  const xTicks: string[] = [];
  for (let t = Math.ceil(o.from / step) * step; t <= o.to; t += step) {
    xTicks.push(
      `<g transform="translate(${x(t).toFixed(1)},${height - bottom})"><line y2="5" stroke="#555"/><text y="17" text-anchor="middle">${t}</text></g>`,
    );
  }
  const gen = line<{ year: number; value: number | null }>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.year))
    .y((p) => y(p.value ?? 0));
  let lastY = Number.NEGATIVE_INFINITY;
  const ends = o.series
    .map((s) => {
      const lastPoint = [...s.points].reverse().find((p) => p.value !== null);
      return lastPoint ? { s, p: lastPoint, py: y(lastPoint.value!) } : null;
    })
    .filter((e) => e !== null)
    .sort((a, b) => a.py - b.py)
    .map(({ s, p, py }) => {
      const ly = Math.max(py, lastY + 12);
      lastY = ly;
      return `<text x="${(x(p.year) + 6).toFixed(1)}" y="${(ly + 4).toFixed(1)}" fill="${s.colour}">${esc(s.label)} ${n.fixed(p.value!, 1)} (${p.year})</text>`;
    })
    .join('');
  const paths = o.series
    .map(
      (s) =>
        `<path class="series" data-key="${esc(s.key)}" d="${gen([...s.points]) ?? ''}" fill="none" stroke="${s.colour}" stroke-width="2"><title>${esc(s.label)}</title></path>${s.points
          .filter((p) => p.value !== null)
          .map(
            (p) =>
              `<circle cx="${x(p.year).toFixed(1)}" cy="${y(p.value!).toFixed(1)}" r="2" fill="${s.colour}"><title>${esc(s.label)} ${p.year}: ${n.fixed(p.value!, 2)}</title></circle>`,
          )
          .join('')}`,
    )
    .join('\n');
  const ref = o.reference
    ? `<g class="reference"><line x1="${left}" x2="${width - right}" y1="${y(o.reference.value).toFixed(1)}" y2="${y(o.reference.value).toFixed(1)}" stroke="#000" stroke-opacity="0.5" stroke-dasharray="5 4"/><text x="${left + 4}" y="${(y(o.reference.value) - 4).toFixed(1)}" fill="#333">${esc(o.reference.label)}</text></g>`
    : '';
  const marks = (o.marks ?? [])
    .filter((m) => m.year >= o.from && m.year <= o.to)
    .map(
      (m) =>
        `<g class="stage-mark" transform="translate(${x(m.year).toFixed(1)},0)"><line y1="${top - 8}" y2="${height - bottom}" stroke="#111" stroke-dasharray="4 3"/><text x="3" y="${top - 11}" font-weight="600">${esc(m.label)}</text></g>`,
    )
    .join('');
  const rug = o.rug
    ? `<g class="rug" stroke="${o.rug.colour ?? '#b2182b'}"><title>${esc(o.rug.label)}</title>${o.rug.values
        .filter((v) => v >= o.from && v <= o.to)
        .map(
          (v) =>
            `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${height - bottom - 6}" y2="${height - bottom}"/>`,
        )
        .join('')}</g>`
    : '';
  return `<svg id="${esc(o.id)}" class="lines" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(o.id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(o.id)}-title">${esc(o.title)}</title>
<g fill="#555">${yTicks}</g>
<text x="${left - 36}" y="${top - 14}" fill="#555">${esc(o.yLabel)}</text>
${ref}
<g fill="#333">${xTicks.join('')}</g>
${marks}
${rug}
${paths}
<g font-weight="600">${ends}</g>
</svg>`;
}
