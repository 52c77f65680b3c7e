/**
 * Charts of alignment as SVG strings, pure and reusable (the report, later the web lab): a heatmap
 * of a pairwise matrix, a network of camps with a deterministic circular layout, and a series of
 * values per year with dated marks (enlargements). No gradients or external references: the report
 * must stay one self-contained file.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { esc } from '../../util/html.js';
import { chartT, type Locale, numbers } from '../i18n.js';
import { CHART_FONT, textWidth } from './text.js';
import { decimalYear } from './timeline.js';

/** Okabe–Ito colours (colour-blind safe), for camps and series. */
export const CATEGORY_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
];

export interface HeatmapOptions {
  readonly id?: string;
  readonly title: string;
  /** Row and column labels (e.g. ISO3 codes), and optional longer names for tooltips. */
  readonly labels: readonly string[];
  readonly names?: readonly string[];
  /** Square matrix; null = no value (drawn hatched grey, "–"). The diagonal is not drawn. */
  readonly values: ReadonlyArray<ReadonlyArray<number | null>>;
  /** Colour scale domain: [low, high]; values outside are clamped. */
  readonly domain: readonly [number, number];
  readonly format: (x: number) => string;
  /** Labels drawn in italics (e.g. reference states that are not members). */
  readonly italic?: ReadonlySet<string>;
  readonly legend?: string;
  /** The language of the chart's own words (English by default). */
  readonly locale?: Locale;
}

/** A heatmap of a symmetric matrix. */
export function renderHeatmap(o: HeatmapOptions): string {
  const id = o.id ?? 'heatmap';
  const n = o.labels.length;
  const cell = n > 16 ? 26 : 44;
  const left = 56;
  const top = 64;
  const legendH = 62;
  const width = left + n * cell + 16;
  const height = top + n * cell + legendH;
  const colour = scaleLinear<string>().domain(o.domain).range(['#f4f7fb', '#12324f']).clamp(true);
  const textColour = (v: number) =>
    (v - o.domain[0]) / (o.domain[1] - o.domain[0] || 1) > 0.55 ? '#fff' : '#1d2733';
  const label = (i: number) => {
    const l = o.labels[i]!;
    return `<tspan${o.italic?.has(l) ? ' font-style="italic"' : ''}>${esc(l)}</tspan>`;
  };
  const cells: string[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = o.values[i]?.[j] ?? null;
      const x = left + j * cell;
      const y = top + i * cell;
      const tip = `${o.names?.[i] ?? o.labels[i]} – ${o.names?.[j] ?? o.labels[j]}: ${v === null ? chartT(o.locale)('alignment.no-common-votes') : o.format(v)}`;
      cells.push(
        v === null
          ? `<g class="cell" data-a="${esc(o.labels[i])}" data-b="${esc(o.labels[j])}"><rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="#e6e6e6"><title>${esc(tip)}</title></rect><text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" fill="#777">–</text></g>`
          : `<g class="cell" data-a="${esc(o.labels[i])}" data-b="${esc(o.labels[j])}" data-value="${v.toFixed(4)}"><rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${colour(v)}"><title>${esc(tip)}</title></rect>${cell >= 40 ? `<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" fill="${textColour(v)}">${esc(o.format(v))}</text>` : ''}</g>`,
      );
    }
  const rowLabels = o.labels
    .map(
      (_, i) =>
        `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end">${label(i)}</text>`,
    )
    .join('');
  const colLabels = o.labels
    .map(
      (_, j) =>
        `<text transform="translate(${left + j * cell + cell / 2},${top - 6}) rotate(-45)" text-anchor="start">${label(j)}</text>`,
    )
    .join('');
  const steps = 10;
  const lw = Math.min(300, width - left - 16);
  const legend = Array.from({ length: steps }, (_, k) => {
    const v = o.domain[0] + ((o.domain[1] - o.domain[0]) * (k + 0.5)) / steps;
    return `<rect x="${left + (k * lw) / steps}" y="${top + n * cell + 14}" width="${lw / steps}" height="10" fill="${colour(v)}"/>`;
  }).join('');
  return `<svg id="${esc(id)}" class="heatmap" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11" style="max-width:${width}px">
<title id="${esc(id)}-title">${esc(o.title)}</title>
<g class="labels">${rowLabels}${colLabels}</g>
${cells.join('\n')}
<g class="legend">${legend}<text x="${left}" y="${top + n * cell + 38}">${esc(o.format(o.domain[0]))}</text><text x="${left + lw}" y="${top + n * cell + 38}" text-anchor="end">${esc(o.format(o.domain[1]))}</text>${o.legend ? `<text x="${left}" y="${top + n * cell + 54}">${esc(o.legend)}</text>` : ''}</g>
</svg>`;
}

export interface NetworkNode {
  readonly id: string;
  readonly label?: string;
  readonly camp: number;
  /** Drawn with a dashed outline (e.g. a state that is not a member). */
  readonly outsider?: boolean;
}

export interface NetworkOptions {
  readonly id?: string;
  readonly title: string;
  readonly nodes: readonly NetworkNode[];
  /** Undirected weighted edges; weight ≤ 0 is not drawn. */
  readonly edges: ReadonlyArray<{ readonly a: string; readonly b: string; readonly weight: number }>;
  readonly campLabels?: readonly string[];
  readonly size?: number;
  /** The language of the chart's own words (English by default). */
  readonly locale?: Locale;
}

/**
 * Deterministic circular layout grouped by camp: each camp takes an arc proportional to its size
 * (with a gap between camps), nodes in input order along it.
 */
export function campLayout(
  nodes: readonly NetworkNode[],
  cx: number,
  cy: number,
  r: number,
): Map<string, { x: number; y: number; angle: number }> {
  const camps = [...new Set(nodes.map((n) => n.camp))].sort((a, b) => a - b);
  const gap = camps.length > 1 ? 1 : 0;
  const slots = nodes.length + gap * camps.length;
  const out = new Map<string, { x: number; y: number; angle: number }>();
  let slot = 0;
  for (const c of camps) {
    for (const node of nodes.filter((n) => n.camp === c)) {
      const angle = -Math.PI / 2 + (2 * Math.PI * slot) / Math.max(1, slots);
      out.set(node.id, { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle), angle });
      slot++;
    }
    slot += gap;
  }
  return out;
}

/** The camps as a network: nodes coloured by camp, edges as thick and dark as their weight. */
export function renderCampsNetwork(o: NetworkOptions): string {
  const id = o.id ?? 'camps';
  const size = o.size ?? 420;
  const cx = size / 2;
  const cy = size / 2 + 10;
  const r = size / 2 - 70;
  const pos = campLayout(o.nodes, cx, cy, r);
  const drawn = o.edges.filter((e) => e.weight > 0).map((e) => e.weight);
  const maxW = Math.max(1e-9, ...drawn);
  const minW = Math.min(maxW, ...drawn);
  const edges = o.edges
    .filter((e) => e.weight > 0 && pos.has(e.a) && pos.has(e.b))
    .sort((p, q) => p.weight - q.weight)
    .map((e) => {
      const p = pos.get(e.a)!;
      const q = pos.get(e.b)!;
      // Relative to the weakest and strongest drawn edge, so that differences show in a dense graph.
      const t = maxW > minW ? (e.weight - minW) / (maxW - minW) : 1;
      return `<line class="edge" x1="${p.x.toFixed(1)}" y1="${p.y.toFixed(1)}" x2="${q.x.toFixed(1)}" y2="${q.y.toFixed(1)}" stroke="#12324f" stroke-opacity="${(0.04 + 0.76 * t * t).toFixed(2)}" stroke-width="${(0.5 + 5 * t).toFixed(2)}" data-a="${esc(e.a)}" data-b="${esc(e.b)}"><title>${esc(`${e.a} – ${e.b}: ${numbers(o.locale).fixed(e.weight, 3)}`)}</title></line>`;
    })
    .join('');
  const nodes = o.nodes
    .map((n) => {
      const p = pos.get(n.id)!;
      const colour = CATEGORY_COLOURS[n.camp % CATEGORY_COLOURS.length]!;
      const lx = cx + (r + 22) * Math.cos(p.angle);
      const ly = cy + (r + 22) * Math.sin(p.angle) + 4;
      const anchor = Math.abs(Math.cos(p.angle)) < 0.3 ? 'middle' : Math.cos(p.angle) > 0 ? 'start' : 'end';
      return `<g class="node" data-id="${esc(n.id)}" data-camp="${n.camp}"><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="11" fill="${colour}" stroke="#1d2733"${n.outsider ? ' stroke-dasharray="3 2" fill-opacity="0.55"' : ''}><title>${esc(`${n.label ?? n.id}: ${chartT(o.locale)('alignment.camp', { n: n.camp + 1 })}`)}</title></circle><text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${anchor}">${esc(n.id)}</text></g>`;
    })
    .join('');
  const camps = [...new Set(o.nodes.map((n) => n.camp))].sort((a, b) => a - b);
  const legend = camps
    .map(
      (c, i) =>
        `<g transform="translate(8,${14 + i * 16})"><circle cx="6" cy="-4" r="6" fill="${CATEGORY_COLOURS[c % CATEGORY_COLOURS.length]}"/><text x="16" y="0">${esc(o.campLabels?.[c] ?? chartT(o.locale)('alignment.camp', { n: c + 1 }))}</text></g>`,
    )
    .join('');
  return `<svg id="${esc(id)}" class="network" viewBox="0 0 ${size} ${size + 20}" role="img" aria-labelledby="${esc(id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11" style="max-width:${size}px">
<title id="${esc(id)}-title">${esc(o.title)}</title>
<g class="legend">${legend}</g>
<g class="edges">${edges}</g>
<g class="nodes">${nodes}</g>
</svg>`;
}

/** The edges of a weighted graph over `codes` (upper triangle, positive weights only). */
export function graphEdges(
  codes: readonly string[],
  weights: ReadonlyArray<ReadonlyArray<number | null>>,
): Array<{ a: string; b: string; weight: number }> {
  const edges: Array<{ a: string; b: string; weight: number }> = [];
  for (let i = 0; i < codes.length; i++)
    for (let j = i + 1; j < codes.length; j++) {
      const w = weights[i]![j];
      if (w) edges.push({ a: codes[i]!, b: codes[j]!, weight: w });
    }
  return edges;
}

/** The three cohesion measures per year, as the lines of `renderSeries`. */
export function cohesionSeries(
  byYear: ReadonlyArray<{
    year: number;
    agreementIndex: number | null;
    pairAgreement: number | null;
    rice: number | null;
  }>,
  locale?: Locale,
): SeriesOptions['series'] {
  const line = (key: 'agreementIndex' | 'pairAgreement' | 'rice', label: string) => ({
    key,
    label,
    points: byYear.map((y) => ({ year: y.year, value: y[key] })),
  });
  const t = chartT(locale);
  return [
    line('agreementIndex', t('alignment.series.agreement-index')),
    line('pairAgreement', t('alignment.series.pair-agreement')),
    line('rice', t('alignment.series.rice')),
  ];
}

export interface SeriesOptions {
  readonly id?: string;
  readonly title: string;
  readonly from: number;
  readonly to: number;
  readonly series: ReadonlyArray<{
    readonly key: string;
    readonly label: string;
    readonly points: ReadonlyArray<{ readonly year: number; readonly value: number | null }>;
  }>;
  /** Vertical marks at dates (YYYY-MM-DD), e.g. enlargements. */
  readonly marks?: ReadonlyArray<{ readonly date: string; readonly label: string }>;
  /** Years after this have no data: shaded and labelled. */
  readonly dataEnd?: number;
  readonly yDomain?: readonly [number, number];
  readonly yLabel?: string;
  readonly width?: number;
  /** The language of the chart's own words and numbers (English by default). */
  readonly locale?: Locale;
}

/** Values per year as lines (gaps where null), points at mid-year, dated marks as dashed lines. */
export function renderSeries(o: SeriesOptions): string {
  const id = o.id ?? 'series';
  const width = o.width ?? 960;
  const height = 300;
  const m = { left: 52, right: 16, top: 44, bottom: 44 };
  const lastX = Math.max(o.to + 1, ...(o.marks ?? []).map((k) => Math.ceil(decimalYear(k.date))));
  const x = scaleLinear()
    .domain([o.from, lastX])
    .range([m.left, width - m.right]);
  const all = o.series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  const yDomain = o.yDomain ?? [Math.max(0, Math.floor((Math.min(...all) - 0.05) * 10) / 10), 1];
  const y = scaleLinear()
    .domain(yDomain)
    .range([height - m.bottom, m.top]);
  const xTicks = x.ticks(Math.min(15, Math.floor((width - m.left) / 60)));
  const yTicks = y.ticks(5);
  const grid = [
    ...xTicks.map(
      (t) =>
        `<g transform="translate(${x(t).toFixed(1)},0)"><line y1="${m.top}" y2="${height - m.bottom}" stroke="#eee"/><text y="${height - m.bottom + 16}" text-anchor="middle">${t}</text></g>`,
    ),
    ...yTicks.map(
      (t) =>
        `<g transform="translate(0,${y(t).toFixed(1)})"><line x1="${m.left}" x2="${width - m.right}" stroke="#eee"/><text x="${m.left - 6}" y="4" text-anchor="end">${numbers(o.locale).fixed(t, 2)}</text></g>`,
    ),
  ].join('');
  const shade =
    o.dataEnd !== undefined && o.dataEnd + 1 < lastX
      ? `<g class="no-data"><rect x="${x(o.dataEnd + 1).toFixed(1)}" y="${m.top}" width="${(x(lastX) - x(o.dataEnd + 1)).toFixed(1)}" height="${height - m.top - m.bottom}" fill="#f1f1f1"/><text x="${((x(o.dataEnd + 1) + x(lastX)) / 2).toFixed(1)}" y="${m.top + 14}" text-anchor="middle" fill="#777">${esc(chartT(o.locale)('alignment.no-data-after', { year: o.dataEnd }))}</text></g>`
      : '';
  const lines = o.series
    .map((s, i) => {
      const colour = CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!;
      const pts = s.points.map((p) => [p.year + 0.5, p.value] as const);
      const d = line<readonly [number, number | null]>()
        .defined((p) => p[1] !== null)
        .x((p) => x(p[0]))
        .y((p) => y(p[1]!))
        .digits(1)(pts);
      const dots = s.points
        .filter((p) => p.value !== null)
        .map(
          (p) =>
            `<circle cx="${x(p.year + 0.5).toFixed(1)}" cy="${y(p.value!).toFixed(1)}" r="2.5" fill="${colour}"><title>${esc(`${s.label}, ${p.year}: ${numbers(o.locale).fixed(p.value!, 3)}`)}</title></circle>`,
        )
        .join('');
      return `<g class="series" data-key="${esc(s.key)}"><path d="${d ?? ''}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}</g>`;
    })
    .join('\n');
  let lastMark = -Infinity;
  let row = 0;
  const marks = (o.marks ?? [])
    .map((k) => {
      const mx = x(decimalYear(k.date));
      row = mx - lastMark < 60 ? row + 1 : 0;
      lastMark = mx;
      return `<g class="enlargement-mark" transform="translate(${mx.toFixed(1)},0)"><line y1="${m.top}" y2="${height - m.bottom}" stroke="#b00" stroke-dasharray="4 3"/><text y="${m.top - 8 - row * 11}" text-anchor="middle" fill="#b00">${esc(k.label)}</text></g>`;
    })
    .join('');
  // Legend entries left to right, wrapping to a new row (below the chart) when one would not fit;
  // widths are generous (7.2 px a character at 11 px, or the measured width of a Chinese label) so
  // that labels never run into each other.
  let lx = m.left + 8;
  let lrow = 0;
  const legend = o.series
    .map((s, i) => {
      const w = 34 + Math.max(s.label.length * 7.2, textWidth(s.label, 11));
      if (lx + w > width - m.right && lx > m.left + 8) {
        lx = m.left + 8;
        lrow++;
      }
      const g = `<g transform="translate(${lx.toFixed(1)},${height - 8 + lrow * 15})"><rect width="14" height="3" y="-4" fill="${CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]}"/><text x="20">${esc(s.label)}</text></g>`;
      lx += w;
      return g;
    })
    .join('');
  const fullHeight = height + lrow * 15;
  return `<svg id="${esc(id)}" class="series-chart" viewBox="0 0 ${width} ${fullHeight}" role="img" aria-labelledby="${esc(id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(id)}-title">${esc(o.title)}</title>
${shade}<g fill="#555">${grid}</g>${o.yLabel ? `<text transform="translate(12,${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#555">${esc(o.yLabel)}</text>` : ''}
${lines}
${marks}
<g class="legend">${legend}</g>
</svg>`;
}
