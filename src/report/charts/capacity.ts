/**
 * Charts of the capacity to decide, as SVG strings: the passage probability by membership stage
 * and rule (log scale, with reference lines), and the blocking power of each member by rule
 * (grouped horizontal bars). Pure.
 */
import { scaleBand, scaleLinear, scaleLog, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { esc } from '../../util/html.js';
import { chartT, type Locale, numbers } from '../i18n.js';
import { CHART_FONT, flowLegend } from './text.js';

/** Why simple majority zigzags between odd and even member counts (said wherever it is charted). */
export const MAJORITY_PARITY_NOTE =
  'Simple majority (more than half) passes exactly half of all coalitions when the number of members is odd, and fewer when it is even, since a tie of n/2 against n/2 fails (6 members: 22/64 = 34.4%; 9: 50%; 10: 386/1024 = 37.7%): its line zigzags with the parity of the member count, not with anything the members do.';

export const RULE_COLOURS = ['#a3161b', '#1f4e9c', '#2a9d8f', '#e9a03b', '#6a4c93', '#4d4d4d'];

export interface Series {
  readonly label: string;
  readonly values: ReadonlyArray<number | null>;
}

const pctLabel = (p: number) => {
  const x = p * 100;
  return x >= 1 ? `${+x.toFixed(1)}%` : `${Number(x.toPrecision(2))}%`;
};

/** The axis and point labels in the locale (English: exactly as before). */
function pctLabelIn(locale: Locale | undefined): (p: number) => string {
  if (!locale || locale === 'en') return pctLabel;
  const tag = locale === 'ru' ? 'ru-RU' : 'zh-Hans-CN';
  const big = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const small = new Intl.NumberFormat(tag, { style: 'percent', maximumSignificantDigits: 2 });
  return (p) => (p * 100 >= 1 ? big : small).format(p);
}

export function renderPassageChart(o: {
  id?: string;
  title: string;
  stages: readonly string[];
  series: readonly Series[];
  references?: ReadonlyArray<{ label: string; value: number }>;
  width?: number;
  locale?: Locale;
  /** The legend entry of the reference lines and the y-axis title, in the reader's language. */
  text?: { reference?: string; axis?: string };
}): string {
  const id = o.id ?? 'passage-chart';
  const width = o.width ?? 900;
  const t = chartT(o.locale);
  const pctLabel = pctLabelIn(o.locale);
  const legendItems = [
    ...o.series.map((s, i) => ({
      label: s.label,
      colour: RULE_COLOURS[i % RULE_COLOURS.length]!,
      dash: false,
    })),
    ...(o.references?.length
      ? [{ label: o.text?.reference ?? t('capacity.eu-reference'), colour: '#777', dash: true }]
      : []),
  ];
  // Slots of 260 px (three a row) as long as the labels fit them; longer labels take more room.
  const flow = flowLegend(legendItems, { x0: 70, x1: width - 10, swatch: 18, minSlot: 260 });
  const legendH = 18 * flow.rows;
  const top = 16 + legendH;
  const height = top + 300;
  const left = 70;
  const right = 200;
  const values = [...o.series.flatMap((s) => s.values), ...(o.references ?? []).map((r) => r.value)].filter(
    (v): v is number => v !== null && v > 0,
  );
  const min = Math.min(...values, 0.5);
  const lowest = 10 ** Math.floor(Math.log10(min));
  const y = scaleLog()
    .domain([lowest, 1])
    .range([height - 40, top + 10]);
  const x = scalePoint<string>()
    .domain(o.stages as string[])
    .range([left + 30, width - right - 20])
    .padding(0.2);
  const ticks = [];
  for (let t = lowest; t <= 1.0001; t *= 10) ticks.push(t);
  const axis = ticks
    .map(
      (t) =>
        `<g transform="translate(0,${y(t).toFixed(1)})"><line x1="${left}" x2="${width - right}" stroke="#e3e3e3"/><text x="${left - 6}" dy="0.32em" text-anchor="end">${pctLabel(t)}</text></g>`,
    )
    .join('');
  const xAxis = o.stages
    .map((s) => `<text x="${x(s)!.toFixed(1)}" y="${height - 20}" text-anchor="middle">${esc(s)}</text>`)
    .join('');
  const refs = (o.references ?? [])
    .map(
      (r) =>
        `<g class="reference"><line x1="${left}" x2="${width - right}" y1="${y(r.value).toFixed(1)}" y2="${y(r.value).toFixed(1)}" stroke="#777" stroke-dasharray="5 4"/><text x="${width - right + 6}" y="${y(r.value).toFixed(1)}" dy="0.32em" fill="#555">${esc(r.label)} ${pctLabel(r.value)}</text></g>`,
    )
    .join('');
  const lines = o.series
    .map((s, i) => {
      const colour = RULE_COLOURS[i % RULE_COLOURS.length]!;
      const pts = s.values
        .map((v, j) => (v !== null && v > 0 ? ([x(o.stages[j]!)!, y(v)] as [number, number]) : null))
        .filter((p): p is [number, number] => p !== null);
      const path = line()(pts) ?? '';
      const dots = pts
        .map(
          ([px, py], j) =>
            `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3.5" fill="${colour}"><title>${esc(s.label)}, ${esc(o.stages[j]!)}: ${pctLabel(s.values[j]!)}</title></circle>`,
        )
        .join('');
      return `<g class="series" data-rule="${esc(s.label)}"><path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}</g>`;
    })
    .join('\n');
  const legend = flow.placed
    .map(
      (l) =>
        `<g transform="translate(${l.x},${8 + l.row * 18})"><line x2="18" y1="5" y2="5" stroke="${l.colour}" stroke-width="2"${l.dash ? ' stroke-dasharray="5 4"' : ''}/><text x="24" y="9">${esc(l.label)}</text></g>`,
    )
    .join('');
  return `<svg id="${esc(id)}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(id)}-title">${esc(o.title)}</title>
<g class="legend">${legend}</g>
<g fill="#555">${axis}${xAxis}</g>
<text transform="translate(14,${(top + height - 40) / 2}) rotate(-90)" text-anchor="middle" fill="#333">${esc(o.text?.axis ?? t('capacity.axis-passage'))}</text>
${refs}
${lines}
</svg>`;
}

export function renderBlockingChart(o: {
  id?: string;
  title: string;
  members: readonly string[];
  series: readonly Series[];
  width?: number;
  locale?: Locale;
}): string {
  const id = o.id ?? 'blocking-chart';
  const width = o.width ?? 900;
  const left = 60;
  const n = numbers(o.locale);
  const flow = flowLegend(o.series, { x0: left, x1: width - 10, swatch: 12, minSlot: 260 });
  const top = 16 + 18 * flow.rows;
  const group = 8 + 9 * o.series.length;
  const height = top + o.members.length * group + 34;
  const x = scaleLinear()
    .domain([0, 1])
    .range([left, width - 30]);
  const yb = scaleBand<string>()
    .domain(o.members as string[])
    .range([top, height - 30])
    .paddingInner(0.15);
  const ticks = x
    .ticks(10)
    .map(
      (t) =>
        `<g transform="translate(${x(t).toFixed(1)},0)"><line y1="${top}" y2="${height - 30}" stroke="#e3e3e3"/><text y="${height - 16}" text-anchor="middle">${n.fixed(t, 1)}</text></g>`,
    )
    .join('');
  const bars = o.members
    .map((m, i) => {
      const y0 = yb(m)!;
      const h = yb.bandwidth() / o.series.length;
      const rects = o.series
        .map((s, k) => {
          const v = s.values[i];
          if (v === null || v === undefined) return '';
          return `<rect x="${left}" y="${(y0 + k * h).toFixed(1)}" width="${(x(v) - left).toFixed(1)}" height="${Math.max(1, h - 1).toFixed(1)}" fill="${RULE_COLOURS[k % RULE_COLOURS.length]}"><title>${esc(m)}, ${esc(s.label)}: ${n.fixed(v, 3)}</title></rect>`;
        })
        .join('');
      return `<g class="member" data-member="${esc(m)}"><text x="${left - 6}" y="${(y0 + yb.bandwidth() / 2).toFixed(1)}" dy="0.32em" text-anchor="end">${esc(m)}</text>${rects}</g>`;
    })
    .join('\n');
  const legend = flow.placed
    .map(
      (s, i) =>
        `<g transform="translate(${s.x},${4 + s.row * 18})"><rect width="12" height="10" fill="${RULE_COLOURS[i % RULE_COLOURS.length]}"/><text x="16" y="9">${esc(s.label)}</text></g>`,
    )
    .join('');
  return `<svg id="${esc(id)}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(id)}-title">${esc(o.title)}</title>
<g class="legend">${legend}</g>
<g fill="#555">${ticks}</g>
${bars}
</svg>`;
}
