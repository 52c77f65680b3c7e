/**
 * Small-multiple histograms of a sweep's outcome distributions as an SVG string: one strip per
 * model on a shared scale, with dashed marks (status quo, proposal, observed outcome). Pure.
 */
import { scaleLinear } from 'd3-scale';
import { esc } from '../../util/html.js';
import { CHART_FONT } from './text.js';

export interface HistogramSeries {
  readonly label: string;
  readonly counts: readonly number[];
  readonly colour: string;
  /** A note at the right end of the strip (e.g. adoption probability). */
  readonly note?: string;
}

export interface HistogramOptions {
  readonly title: string;
  readonly lo: number;
  readonly hi: number;
  readonly series: readonly HistogramSeries[];
  readonly marks?: ReadonlyArray<{ readonly x: number; readonly label: string; readonly colour?: string }>;
  readonly poles?: readonly [string, string] | null;
  readonly width?: number;
}

export function renderHistograms(o: HistogramOptions): string {
  const width = o.width ?? 520;
  const left = 92;
  const right = 96;
  const strip = 34;
  const top = 30;
  const height = top + o.series.length * strip + 30;
  const x = scaleLinear()
    .domain([o.lo, o.hi])
    .range([left, width - right]);
  const bars = o.series
    .map((s, i) => {
      const y0 = top + i * strip;
      const max = Math.max(1, ...s.counts);
      const bw = (x(o.hi) - x(o.lo)) / s.counts.length;
      const rects = s.counts
        .map((c, b) => {
          if (c === 0) return '';
          const h = Math.max(1, ((strip - 8) * c) / max);
          return `<rect x="${(x(o.lo) + b * bw + 0.5).toFixed(1)}" y="${(y0 + strip - 4 - h).toFixed(1)}" width="${Math.max(0.5, bw - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"/>`;
        })
        .join('');
      return `<g><text x="${left - 6}" y="${y0 + strip - 8}" text-anchor="end">${esc(s.label)}</text>${rects}<line x1="${left}" x2="${width - right}" y1="${y0 + strip - 4}" y2="${y0 + strip - 4}" stroke="#bbb"/>${s.note ? `<text x="${width - right + 6}" y="${y0 + strip - 8}" fill="#5b6672">${esc(s.note)}</text>` : ''}</g>`;
    })
    .join('');
  const axisY = top + o.series.length * strip;
  const ticks = x
    .ticks(5)
    .map((t) => `<text x="${x(t).toFixed(1)}" y="${axisY + 14}" text-anchor="middle">${t}</text>`)
    .join('');
  const poles = o.poles
    ? `<text x="${left}" y="${axisY + 27}" fill="#5b6672">${esc(o.poles[0])}</text><text x="${width - right}" y="${axisY + 27}" text-anchor="end" fill="#5b6672">${esc(o.poles[1])}</text>`
    : '';
  const marks = (o.marks ?? [])
    .map((m, i) => {
      const mx = x(Math.min(o.hi, Math.max(o.lo, m.x))).toFixed(1);
      return `<g><line x1="${mx}" x2="${mx}" y1="${top - 4}" y2="${axisY}" stroke="${m.colour ?? '#333'}" stroke-dasharray="3 3"/><text x="${mx}" y="${top - 8 - (i % 2) * 0}" text-anchor="${i === 0 ? 'start' : i === 1 ? 'end' : 'middle'}" font-size="10" fill="${m.colour ?? '#333'}">${esc(m.label)}</text></g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(o.title)}" font-size="11" font-family="${CHART_FONT}"><title>${esc(o.title)}</title>${marks}${bars}${ticks}${poles}</svg>`;
}
