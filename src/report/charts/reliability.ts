/**
 * A reliability (calibration) diagram as an SVG string: for each model, the cases binned by the
 * forecast probability of adoption (ten bins of width 0.1), each bin a point at (mean forecast
 * probability, observed share adopted) whose area grows with the number of cases in it, the points of
 * one model joined in bin order; the diagonal is perfect calibration. Bins without cases are left
 * out. Pure: every string it prints comes in through the options (the caller translates them).
 */
import { scaleLinear } from 'd3-scale';
import { esc } from '../../util/html.js';
import { CHART_FONT, textWidth } from './text.js';

export interface ReliabilityBin {
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
  readonly meanProbability: number | null;
  readonly observedFrequency: number | null;
}

export interface ReliabilitySeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  readonly bins: readonly ReliabilityBin[];
}

export interface ReliabilityOptions {
  readonly id: string;
  readonly title: string;
  readonly series: readonly ReliabilitySeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** The label of the diagonal (perfect calibration). */
  readonly diagonalLabel: string;
  /** The tooltip of one point, from its model, bin and counts. */
  readonly pointTitle: (s: ReliabilitySeries, b: ReliabilityBin) => string;
  /** Numbers on the axes, in the caller's locale (default: one decimal). */
  readonly tick?: (t: number) => string;
  readonly width?: number;
}

/** The radius of a point for a bin of n cases out of `total` (area proportional to n). */
export function pointRadius(n: number, total: number): number {
  return total > 0 && n > 0 ? 2.5 + 9 * Math.sqrt(n / total) : 0;
}

export function renderReliability(o: ReliabilityOptions): string {
  const left = 52;
  // the legend's column fits its longest label (Russian and Chinese labels are measured too)
  const right = Math.max(
    120,
    14 + 16 + Math.ceil(Math.max(0, ...o.series.map((s) => textWidth(s.label)))) + 6,
  );
  const width = (o.width ?? 460) + (right - 120);
  const top = 24;
  const bottom = 44;
  const side = width - left - right;
  const height = top + side + bottom;
  const x = scaleLinear()
    .domain([0, 1])
    .range([left, left + side]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([top + side, top]);
  const tick = o.tick ?? ((t: number) => t.toFixed(1));
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${top + side}" stroke="#000" stroke-opacity="0.08"/><line x1="${left}" x2="${left + side}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#000" stroke-opacity="0.08"/><text x="${x(t).toFixed(1)}" y="${top + side + 15}" text-anchor="middle">${esc(tick(t))}</text><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${esc(tick(t))}</text>`,
    )
    .join('');
  const diagonal = `<g class="diagonal"><line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#333" stroke-dasharray="5 4"/><text x="${(x(0.62) + 4).toFixed(1)}" y="${(y(0.62) + 14).toFixed(1)}" fill="#333" transform="rotate(-45 ${(x(0.62) + 4).toFixed(1)} ${(y(0.62) + 14).toFixed(1)})">${esc(o.diagonalLabel)}</text></g>`;
  const series = o.series
    .map((s) => {
      const bins = s.bins.filter(
        (b) => b.n > 0 && b.meanProbability !== null && b.observedFrequency !== null,
      );
      const total = s.bins.reduce((t, b) => t + b.n, 0);
      const pts = bins.map((b) => [x(b.meanProbability!), y(b.observedFrequency!)] as const);
      const path =
        pts.length > 1
          ? `<polyline points="${pts.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}" fill="none" stroke="${s.colour}" stroke-width="1" stroke-opacity="0.45"/>`
          : '';
      const dots = bins
        .map(
          (b, k) =>
            `<circle cx="${pts[k]![0].toFixed(1)}" cy="${pts[k]![1].toFixed(1)}" r="${pointRadius(b.n, total).toFixed(1)}" fill="${s.colour}" fill-opacity="0.25" stroke="${s.colour}" stroke-width="1.5"><title>${esc(o.pointTitle(s, b))}</title></circle>`,
        )
        .join('');
      return `<g class="series" data-key="${esc(s.key)}">${path}${dots}</g>`;
    })
    .join('\n');
  const legend = o.series
    .map(
      (s, i) =>
        `<g transform="translate(${left + side + 14},${top + 8 + i * 18})"><circle r="5" cx="5" cy="-4" fill="${s.colour}" fill-opacity="0.25" stroke="${s.colour}" stroke-width="1.5"/><text x="16" y="0">${esc(s.label)}</text></g>`,
    )
    .join('');
  return `<svg id="${esc(o.id)}" class="reliability" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(o.id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(o.id)}-title">${esc(o.title)}</title>
<g fill="#555">${grid}</g>
<rect x="${left}" y="${top}" width="${side}" height="${side}" fill="none" stroke="#bbb"/>
${diagonal}
${series}
<g fill="#333">${legend}</g>
<text x="${left + side / 2}" y="${height - 10}" text-anchor="middle" fill="#333">${esc(o.xLabel)}</text>
<text transform="translate(14,${top + side / 2}) rotate(-90)" text-anchor="middle" fill="#333">${esc(o.yLabel)}</text>
</svg>`;
}
