/**
 * One issue on its line, as an SVG string: the actors' positions (dot area ∝ capability), the
 * status quo and the tabled proposal, the core and the win-set of the status quo, each model's
 * forecast on its own row, and the observed outcome (a dashed line across all rows). Pure.
 */
import { scaleLinear } from 'd3-scale';
import { esc } from '../../util/html.js';
import { MODEL_COLOURS } from '../../util/palette.js';
import { chartT, type Locale, numbers } from '../i18n.js';
import { CHART_FONT, textWidth } from './text.js';

export interface IssueLineOptions {
  readonly id: string;
  readonly title: string;
  readonly lo: number;
  readonly hi: number;
  readonly poles?: readonly [string, string] | null;
  readonly actors: ReadonlyArray<{ id: string; position: number; capability: number; blocks?: boolean }>;
  readonly statusQuo: number | null;
  readonly proposal: number | null;
  readonly core: ReadonlyArray<{ lo: number; hi: number }> | null;
  readonly winSet: ReadonlyArray<{ lo: number; hi: number }> | null;
  /** Each model's forecast; `label` names its row (default: the model's name). */
  readonly models: ReadonlyArray<{ name: string; label?: string; outcome: number | null }>;
  readonly observed: number | null;
  readonly width?: number;
  /** The language of the row labels and tooltips (English by default). */
  readonly locale?: Locale;
}

export function renderIssueLine(o: IssueLineOptions): string {
  const width = o.width ?? 900;
  const t = chartT(o.locale);
  const n = numbers(o.locale);
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : n.fixed(v, 1));
  const rows = [
    t('issue.row-sq-proposal'),
    t('issue.row-core-winset'),
    ...o.models.map((m) => m.label ?? m.name),
    t('issue.row-observed'),
  ];
  // Room for the longest row label (Russian ones run longer than the English 150 px).
  const left = Math.min(300, Math.max(150, ...rows.map((r) => textWidth(r, 11) + 16)));
  const right = 36;
  const x = scaleLinear()
    .domain([o.lo, o.hi])
    .range([left, width - right]);
  // Stack the actors that share a position.
  const stacks = new Map<number, number>();
  const placed = [...o.actors]
    .sort((a, b) => a.position - b.position || b.capability - a.capability || a.id.localeCompare(b.id))
    .map((a) => {
      const key = Math.round(a.position * 10) / 10;
      const k = stacks.get(key) ?? 0;
      stacks.set(key, k + 1);
      return { ...a, level: k };
    });
  const maxStack = Math.max(1, ...stacks.values());
  const top = 26;
  const actorH = maxStack * 16 + 8;
  const axisY = top + actorH;
  const rowH = 18;
  const height = axisY + 12 + rows.length * rowH + 24;
  const rowY = (k: number) => axisY + 12 + k * rowH + rowH / 2;
  const ticks = x.ticks(10);
  const parts: string[] = [];
  parts.push(
    `<g class="axis" fill="#555">${ticks
      .map(
        (t) =>
          `<g transform="translate(${x(t).toFixed(1)},0)"><line y1="${top - 4}" y2="${height - 22}" stroke="#eee"/><text y="${height - 8}" text-anchor="middle">${fmt(t)}</text></g>`,
      )
      .join('')}<line x1="${left}" x2="${width - right}" y1="${axisY}" y2="${axisY}" stroke="#888"/></g>`,
  );
  // The title and the poles come from the case file, in English: marked so in another language.
  const dataLang = o.locale && o.locale !== 'en' ? ' lang="en"' : '';
  if (o.poles) {
    parts.push(
      `<text x="${left}" y="12" fill="#555"${dataLang}>← ${esc(o.poles[0])}</text><text x="${width - right}" y="12" text-anchor="end" fill="#555"${dataLang}>${esc(o.poles[1])} →</text>`,
    );
  }
  // The observed outcome first: its dashed line runs under every label drawn after it.
  if (o.observed !== null) {
    const cx = x(o.observed);
    const cy = rowY(rows.length - 1);
    parts.push(
      `<line class="observed-line" x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${top}" y2="${cy}" stroke="#000" stroke-dasharray="4 3"/><path class="observed" d="${star(cx, cy, 7)}" fill="#000"><title>${esc(t('issue.observed-outcome', { value: fmt(o.observed) }))}</title></path>`,
    );
  }
  rows.forEach((r, k) => {
    parts.push(`<text x="${left - 8}" y="${rowY(k) + 4}" text-anchor="end" fill="#333">${esc(r)}</text>`);
  });
  parts.push(
    `<text x="${left - 8}" y="${top + actorH / 2}" text-anchor="end" fill="#333">${esc(t('issue.members'))}</text>`,
  );
  // actors
  const rMax = 7;
  for (const a of placed) {
    const cy = axisY - 10 - a.level * 16;
    const r = Math.max(2.5, rMax * Math.sqrt(Math.min(1, a.capability * 2)));
    parts.push(
      `<g class="actor" data-actor="${esc(a.id)}"><circle cx="${x(a.position).toFixed(1)}" cy="${cy}" r="${r.toFixed(1)}" fill="${a.blocks ? '#a3161b' : '#1f4e9c'}" fill-opacity="0.75"><title>${esc(t(a.blocks ? 'issue.actor-blocks' : 'issue.actor', { id: a.id, position: fmt(a.position), capability: n.pct(a.capability, 1) }))}</title></circle>${label(x(a.position), cy + 4, r + 2, esc(a.id), width - right, '')}</g>`,
    );
  }
  // status quo and proposal
  if (o.statusQuo !== null) {
    const cx = x(o.statusQuo);
    const cy = rowY(0);
    parts.push(
      `<path class="status-quo" d="M${cx.toFixed(1)},${cy - 6}L${(cx + 6).toFixed(1)},${cy}L${cx.toFixed(1)},${cy + 6}L${(cx - 6).toFixed(1)},${cy}Z" fill="#222"><title>${esc(t('issue.status-quo', { value: fmt(o.statusQuo) }))}</title></path>`,
    );
  }
  if (o.proposal !== null) {
    const cx = x(o.proposal);
    const cy = rowY(0);
    parts.push(
      `<path class="proposal" d="M${(cx - 6).toFixed(1)},${cy - 6}L${(cx + 6).toFixed(1)},${cy - 6}L${cx.toFixed(1)},${cy + 6}Z" fill="none" stroke="#222" stroke-width="1.5"><title>${esc(t('issue.proposal', { value: fmt(o.proposal) }))}</title></path>`,
    );
  }
  // core and win-set
  for (const iv of o.core ?? []) {
    parts.push(
      `<rect class="core" x="${x(iv.lo).toFixed(1)}" y="${rowY(1) - 7}" width="${Math.max(2, x(iv.hi) - x(iv.lo)).toFixed(1)}" height="6" fill="#2a9d8f" fill-opacity="0.6"><title>${esc(t('issue.core', { lo: fmt(iv.lo), hi: fmt(iv.hi) }))}</title></rect>`,
    );
  }
  for (const iv of o.winSet ?? []) {
    parts.push(
      `<rect class="win-set" x="${x(iv.lo).toFixed(1)}" y="${rowY(1) + 1}" width="${Math.max(2, x(iv.hi) - x(iv.lo)).toFixed(1)}" height="6" fill="#8ecae6"><title>${esc(t('issue.win-set', { lo: fmt(iv.lo), hi: fmt(iv.hi) }))}</title></rect>`,
    );
  }
  // models
  o.models.forEach((m, k) => {
    if (m.outcome === null) {
      parts.push(
        `<text x="${left + 4}" y="${rowY(k + 2) + 4}" fill="#888" font-style="italic">${esc(t('issue.no-forecast'))}</text>`,
      );
      return;
    }
    const c = MODEL_COLOURS[m.name] ?? '#444';
    parts.push(
      `<g class="forecast" data-model="${esc(m.name)}"><circle cx="${x(m.outcome).toFixed(1)}" cy="${rowY(k + 2)}" r="5" fill="${c}"><title>${esc(`${m.label ?? m.name}: ${fmt(m.outcome)}`)}</title></circle>${label(x(m.outcome), rowY(k + 2) + 4, 8, fmt(m.outcome), width - right, ` fill="${c}"`)}</g>`,
    );
  });
  return `<svg id="${esc(o.id)}" class="issue-line" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(o.id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="${CHART_FONT}" font-size="11">
<title id="${esc(o.id)}-title"${o.locale && o.locale !== 'en' ? ' lang="en"' : ''}>${esc(o.title)}</title>
${parts.join('\n')}
</svg>`;
}

/** A small label right of a mark, or left of it near the right edge. */
function label(cx: number, y: number, gap: number, text: string, edge: number, attrs: string): string {
  const leftSide = cx + gap + 6 * text.length > edge + 30;
  // A white halo: lines under the label never cut through it.
  return `<text x="${(leftSide ? cx - gap : cx + gap).toFixed(1)}" y="${y}" font-size="10" stroke="#fff" stroke-width="3" paint-order="stroke"${leftSide ? ' text-anchor="end"' : ''}${attrs}>${text}</text>`;
}

function star(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let k = 0; k < 10; k++) {
    const a = (Math.PI / 5) * k - Math.PI / 2;
    const rr = k % 2 === 0 ? r : r * 0.45;
    pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return `M${pts.join('L')}Z`;
}
