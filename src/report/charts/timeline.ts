/**
 * The membership timeline as an SVG string: one lane per state, one bar per status record, dashed
 * lines at the membership stages. Pure.
 */
import { scaleLinear } from 'd3-scale';
import type { IsoDate } from '../../util/dates.js';
import { esc } from '../../util/html.js';
import { STATUS_COLOURS } from '../../util/palette.js';
import { chartT, type Locale, statusName } from '../i18n.js';
import { CHART_FONT, flowLegend, textWidth } from './text.js';

export interface TimelineBar {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly status: string;
  readonly label: string;
  readonly verified: boolean;
}

export interface TimelineLane {
  readonly key: string;
  readonly label: string;
  readonly bars: readonly TimelineBar[];
}

export interface TimelineOptions {
  readonly id?: string;
  readonly title: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly lanes: readonly TimelineLane[];
  readonly marks?: ReadonlyArray<{ date: IsoDate; label: string }>;
  readonly width?: number;
  /** The language of the legend (English by default). */
  readonly locale?: Locale;
}

/** Decimal year of a date (2017-06-09 → 2017.44). */
export function decimalYear(d: IsoDate): number {
  const y = Number(d.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const t = Date.UTC(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return y + (t - start) / (Date.UTC(y + 1, 0, 1) - start);
}

export function renderTimeline(o: TimelineOptions): string {
  const id = o.id ?? 'timeline';
  const width = o.width ?? 960;
  const laneH = 18;
  const top = 44;
  const t = chartT(o.locale);
  // Room for the longest state's name (Russian names run longer than English ones).
  const left = Math.min(280, Math.max(150, ...o.lanes.map((l) => textWidth(l.label, 11) + 12)));
  const height = top + o.lanes.length * laneH + 34;
  const x = scaleLinear()
    .domain([decimalYear(o.from), decimalYear(o.to)])
    .range([left, width - 12]);
  const ticks = x.ticks(Math.min(15, Math.floor((width - left) / 55)));
  const axis = ticks
    .map(
      (t) =>
        `<g transform="translate(${x(t).toFixed(1)},0)"><line y1="${top - 6}" y2="${height - 26}" stroke="#ddd"/><text y="${top - 10}" text-anchor="middle">${t}</text></g>`,
    )
    .join('');
  let lastX = -Infinity;
  let row = 0;
  const marks = (o.marks ?? [])
    .map((m) => {
      const mx = x(decimalYear(m.date));
      row = mx - lastX < 34 ? 1 - row : 0; // stagger labels that would overlap
      lastX = mx;
      return `<g class="stage" transform="translate(${mx.toFixed(1)},0)"><line y1="${top - 4}" y2="${height - 26}" stroke="#b00" stroke-dasharray="3 3"/><text y="${height - 14 + row * 11}" text-anchor="middle" fill="#b00">${esc(m.label)}</text></g>`;
    })
    .join('');
  const statuses = ['member', 'observer', 'dialogue partner', 'partner', 'applicant'].filter((st) =>
    o.lanes.some((l) => l.bars.some((b) => b.status === st)),
  );
  const note = t('timeline.unverified-outline');
  const legend = flowLegend(
    statuses.map((st) => ({ st, label: statusName(st, o.locale) })),
    { x0: left, x1: width - 24 - textWidth(note), swatch: 12, minSlot: 130 },
  )
    .placed.map(
      (l) =>
        `<g transform="translate(${l.x},${4 + l.row * 14})"><rect width="12" height="10" fill="${STATUS_COLOURS[l.st]}"/><text x="16" y="9">${esc(l.label)}</text></g>`,
    )
    .join('');
  const lanes = o.lanes
    .map((lane, i) => {
      const y = top + i * laneH;
      const bars = lane.bars
        .map((b) => {
          const x0 = x(decimalYear(b.from < o.from ? o.from : b.from));
          const x1 = x(decimalYear(b.to && b.to < o.to ? b.to : o.to));
          if (x1 <= x0) return '';
          // A pending application overlaps another status: drawn as a thin strip under it.
          const [by, bh] = b.status === 'applicant' ? [y + laneH - 5, 4] : [y + 3, laneH - 8];
          return `<rect class="bar" x="${x0.toFixed(1)}" y="${by}" width="${(x1 - x0).toFixed(1)}" height="${bh}" fill="${STATUS_COLOURS[b.status] ?? '#999'}"${b.verified ? '' : ' fill-opacity="0.6" stroke="#555" stroke-dasharray="2 2"'} data-status="${esc(b.status)}"><title>${esc(b.label)}</title></rect>`;
        })
        .join('');
      return `<g class="lane" data-key="${esc(lane.key)}"><text x="${left - 6}" y="${y + laneH - 5}" text-anchor="end">${esc(lane.label)}</text>${bars}</g>`;
    })
    .join('\n');
  return `<svg id="${esc(id)}" class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(id)}-title">${esc(o.title)}</title>
<g class="legend">${legend}<text x="${width - 12}" y="13" text-anchor="end" fill="#555">${esc(note)}</text></g>
<g fill="#555">${axis}</g>${marks}
${lanes}
</svg>`;
}
