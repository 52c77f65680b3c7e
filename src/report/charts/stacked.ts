/**
 * A stacked-area chart of shares over years, as an SVG string: one band per member, the bands of a
 * year summing to one. A year is a period, drawn from its start to the next year's start (a step
 * curve), so that a member admitted in 2017 appears at 2017 without a misleading ramp from 2016.
 * Years without figures are gaps. Dashed lines mark the membership stages. Pure.
 */
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter } from 'd3-shape';
import { esc } from '../../util/html.js';
import { chartT, type Locale, numbers } from '../i18n.js';
import { CHART_FONT, flowLegend, textWidth } from './text.js';

export interface StackedBand {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

export interface StackedYear {
  readonly year: number;
  /** Share per band key; absent = not counted that year. Null for the whole year = no figures (a gap). */
  readonly shares: Readonly<Record<string, number>> | null;
}

export interface StackedOptions {
  readonly id: string;
  readonly title: string;
  readonly bands: readonly StackedBand[];
  readonly years: readonly StackedYear[];
  readonly marks?: ReadonlyArray<{ year: number; label: string }>;
  readonly width?: number;
  readonly height?: number;
  /** The language of the chart's own words and numbers (English by default). */
  readonly locale?: Locale;
}

/** A colour-blind-aware categorical palette (ten hues), assigned in band order. */
export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#aec7e8',
  '#ffbb78',
];

export function renderStacked(o: StackedOptions): string {
  const t = chartT(o.locale);
  const n = numbers(o.locale);
  const width = o.width ?? 960;
  const height = o.height ?? 340;
  const top = 46;
  const left = 46;
  const right = 120;
  const bottom = 40;
  const first = o.years[0]!.year;
  const last = o.years[o.years.length - 1]!.year;
  const x = scaleLinear()
    .domain([first, last + 1])
    .range([left, width - right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - bottom, top]);

  // Contiguous runs of years with figures; each run is drawn as its own set of bands.
  const runs: StackedYear[][] = [];
  for (const yr of o.years) {
    if (!yr.shares) {
      runs.push([]);
      continue;
    }
    if (!runs.length || !runs[runs.length - 1]!.length) runs.push([]);
    runs[runs.length - 1]!.push(yr);
  }
  type Pt = { x: number; y0: number; y1: number };
  const bandPaths: string[] = [];
  const labelAt = new Map<string, { y: number; share: number }>();
  for (const run of runs.filter((r) => r.length)) {
    // Cumulative bottoms per year, in band order.
    const pts = new Map<string, Pt[]>(o.bands.map((b) => [b.key, []]));
    const push = (xv: number, shares: Readonly<Record<string, number>>) => {
      let acc = 0;
      for (const b of o.bands) {
        const s = shares[b.key] ?? 0;
        pts.get(b.key)!.push({ x: xv, y0: acc, y1: acc + s });
        acc += s;
      }
    };
    for (const yr of run) push(yr.year, yr.shares!);
    const end = run[run.length - 1]!;
    push(end.year + 1, end.shares!);
    const gen = area<Pt>()
      .x((p) => x(p.x))
      .y0((p) => y(p.y0))
      .y1((p) => y(p.y1))
      .curve(curveStepAfter);
    for (const b of o.bands) {
      const p = pts.get(b.key)!;
      if (p.every((q) => q.y1 - q.y0 <= 0)) continue;
      const counted = run.filter((yr) => yr.shares![b.key] !== undefined);
      const f = counted[0]!;
      const l = counted[counted.length - 1]!;
      const at = (yr: StackedYear) =>
        t('stacked.share-in', { share: n.pct(yr.shares![b.key] ?? 0, 1), year: yr.year });
      bandPaths.push(
        `<path class="band" data-key="${esc(b.key)}" d="${gen(p)}" fill="${b.colour}" stroke="#fff" stroke-width="0.4"><title>${esc(b.label)}: ${f === l ? at(f) : `${at(f)}, ${at(l)}`}</title></path>`,
      );
      if (end === o.years[o.years.length - 1]) {
        const q = p[p.length - 1]!;
        labelAt.set(b.key, { y: (q.y0 + q.y1) / 2, share: q.y1 - q.y0 });
      }
    }
  }

  // Labels at the right edge for bands of at least 3%; smaller ones are named in the legend.
  let lastY = Number.POSITIVE_INFINITY;
  const labels = o.bands
    .filter((b) => (labelAt.get(b.key)?.share ?? 0) >= 0.03)
    .map((b) => ({ b, py: y(labelAt.get(b.key)!.y) }))
    .sort((a, c) => c.py - a.py)
    .map(({ b, py }) => {
      const ly = Math.min(py, lastY - 12);
      lastY = ly;
      return `<text x="${width - right + 6}" y="${(ly + 4).toFixed(1)}">${esc(b.label)} ${n.pct(labelAt.get(b.key)!.share ?? 0, 0)}</text>`;
    })
    .join('');

  const yTicks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<g transform="translate(0,${y(t).toFixed(1)})"><line x1="${left}" x2="${width - right}" stroke="#000" stroke-opacity="${t === 0.5 ? 0.35 : 0.08}"${t === 0.5 ? ' stroke-dasharray="2 3"' : ''}/><text x="${left - 6}" y="4" text-anchor="end">${n.pct(t, 0)}</text></g>`,
    )
    .join('');
  const span = last + 1 - first;
  const step = span > 40 ? 10 : span > 16 ? 5 : span > 8 ? 2 : 1;
  const xTicks: string[] = [];
  for (let t = Math.ceil(first / step) * step; t <= last + 1; t += step) {
    xTicks.push(
      `<g transform="translate(${x(t).toFixed(1)},${height - bottom})"><line y2="5" stroke="#555"/><text y="17" text-anchor="middle">${t}</text></g>`,
    );
  }
  // Stage labels: right of the line, or left of it near the right edge; a label that would run
  // into the previous one moves up a row.
  let prevEnd = Number.NEGATIVE_INFINITY;
  let row = 0;
  const marks = (o.marks ?? [])
    .filter((m) => m.year >= first && m.year <= last + 1)
    .map((m) => {
      const mx = x(m.year);
      const w = textWidth(m.label, 11);
      const anchor = mx + w > width - 4 ? 'end' : 'start';
      const x0 = anchor === 'end' ? mx - 3 - w : mx + 3;
      row = x0 < prevEnd + 6 ? row + 1 : 0;
      prevEnd = Math.max(prevEnd, x0 + w);
      if (row === 0) prevEnd = x0 + w;
      return `<g class="stage-mark" transform="translate(${mx.toFixed(1)},0)"><line y1="${top - 8 - row * 13}" y2="${height - bottom}" stroke="#111" stroke-width="1.2" stroke-dasharray="4 3"/><text x="${anchor === 'end' ? -3 : 3}" y="${top - 11 - row * 13}" text-anchor="${anchor}" font-weight="600">${esc(m.label)}</text></g>`;
    })
    .join('');
  const gaps = o.years
    .filter((yr) => !yr.shares)
    .map(
      (yr) =>
        `<rect class="gap" x="${x(yr.year).toFixed(1)}" y="${top}" width="${(x(yr.year + 1) - x(yr.year)).toFixed(1)}" height="${height - bottom - top}" fill="url(#${esc(o.id)}-hatch)"><title>${esc(t('stacked.no-figures', { year: yr.year }))}</title></rect>`,
    )
    .join('');
  // Slots of 90 px while the names fit them (English), wider for longer names (Russian).
  const flow = flowLegend(o.bands, { x0: left, x1: width - 8, swatch: 10, gap: 10, minSlot: 90 });
  const rows = flow.rows;
  const legend = flow.placed
    .map(
      (b) =>
        `<g transform="translate(${b.x},${height + b.row * 15})"><rect width="10" height="10" y="-9" fill="${b.colour}"/><text x="14">${esc(b.label)}</text></g>`,
    )
    .join('');
  return `<svg id="${esc(o.id)}" class="stacked" viewBox="0 0 ${width} ${height + rows * 15}" role="img" aria-labelledby="${esc(o.id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(o.id)}-title">${esc(o.title)}</title>
<defs><pattern id="${esc(o.id)}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line y2="6" stroke="#bbb" stroke-width="2"/></pattern></defs>
<g fill="#555">${yTicks}</g>
${bandPaths.join('\n')}
${gaps}
<g class="half"><line x1="${left}" x2="${width - right}" y1="${y(0.5).toFixed(1)}" y2="${y(0.5).toFixed(1)}" stroke="#000" stroke-opacity="0.55" stroke-dasharray="5 4"/><text x="${left + 4}" y="${(y(0.5) - 4).toFixed(1)}" fill="#000" fill-opacity="0.7">${esc(t('stacked.one-half'))}</text></g>
<g fill="#333">${xTicks.join('')}</g>
${marks}
<g fill="#222">${labels}</g>
<g fill="#333">${legend}</g>
</svg>`;
}
