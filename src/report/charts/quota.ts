/**
 * Power against the quota of a weighted game, as an SVG string: each weight class's index (the
 * normalized Banzhaf index unless `index` says otherwise) and the passage probability (in %) at
 * every quota of the sweep, with the square-root rule's optimal quota and the game's own quota
 * marked, and (with `jumps`) a tick at each quota where the winning coalitions change. Pure (the
 * report and the lab draw it).
 */
import type { QuotaPlayer, QuotaSweep } from '../../power/quota.js';
import { RULE_COLOURS } from './capacity.js';
import { renderLines } from './lines.js';

export function renderQuotaChart(o: {
  readonly id: string;
  readonly title: string;
  readonly sweep: QuotaSweep;
  /** The game's own quota, if it has one. */
  readonly ownQuota: number | null;
  readonly labels: { passage: string; yLabel: string; squareRoot: string; own: string; jumps?: string };
  /** The index drawn (a field of the sweep's players; default banzhaf). */
  readonly index?: 'penrose' | 'banzhaf' | 'shapleyShubik' | 'colemanPrevent' | 'colemanInitiate';
  /** Mark the jumps (the label of the ticks is `labels.jumps`). */
  readonly jumps?: boolean;
}): string {
  const field = o.index ?? 'banzhaf';
  const value = (p: QuotaPlayer): number | null => {
    const v = p[field];
    return typeof v === 'number' ? 100 * v : null;
  };
  const s = o.sweep;
  // Players of equal weight have equal power: one line per distinct weight.
  const byWeight = new Map<number, string[]>();
  s.weights.forEach((w, i) => {
    const ids = byWeight.get(w) ?? [];
    ids.push(s.quotas[0]!.players[i]!.id);
    byWeight.set(w, ids);
  });
  const classes = [...byWeight.entries()].sort((a, b) => b[0] - a[0]);
  const series = [
    ...classes.map(([w, ids], k) => {
      const i = s.weights.indexOf(w);
      return {
        key: `w${w}`,
        label: `${ids.join(', ')} (${w})`,
        colour: RULE_COLOURS[(k + 1) % RULE_COLOURS.length]!,
        points: s.quotas.map((q) => ({
          year: q.quota,
          value: field === 'banzhaf' ? 100 * (q.players[i]!.banzhaf ?? 0) : value(q.players[i]!),
        })),
      };
    }),
    {
      key: 'passage',
      label: o.labels.passage,
      colour: RULE_COLOURS[0]!,
      points: s.quotas.map((q) => ({ year: q.quota, value: 100 * q.passageProbability })),
    },
  ];
  const qStar = s.squareRootQuota.relative * s.total;
  // Two marks closer than about a tenth of the axis share one label (the own quota's, left).
  const close = o.ownQuota !== null && Math.abs(o.ownQuota - qStar) < (s.total || 1) / 10;
  const marks = [
    { year: qStar, label: close ? '' : o.labels.squareRoot },
    ...(o.ownQuota !== null
      ? [{ year: o.ownQuota, label: close ? `${o.labels.own} · ${o.labels.squareRoot}` : o.labels.own }]
      : []),
  ];
  return renderLines({
    id: o.id,
    title: o.title,
    series,
    from: s.quotas[0]!.quota,
    to: s.quotas[s.quotas.length - 1]!.quota,
    yLabel: o.labels.yLabel,
    marks,
    ...(o.jumps ? { rug: { values: s.jumps, label: o.labels.jumps ?? 'jumps' } } : {}),
  });
}
