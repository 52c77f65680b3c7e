/** Plain-text rendering of a sweep summary for the terminal. */
import { pct, table } from '../util/format.js';
import { pointLabel } from './design.js';
import type { SweepSummary } from './engine.js';

const SPARK = '▁▂▃▄▅▆▇█';

/** A one-line histogram: one block character per bin, height by count (empty bins blank). */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  if (max === 0) return ' '.repeat(counts.length);
  return counts.map((c) => (c === 0 ? ' ' : SPARK[Math.min(7, Math.floor((c / max) * 7.999))]!)).join('');
}

export function num(x: number | null | undefined, digits = 2): string {
  if (x == null || !Number.isFinite(x)) return '–';
  // No "-0.000": values that round to zero print as zero.
  return (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);
}

export function formatSummary(s: SweepSummary): string {
  const d = s.sweep;
  const lines: string[] = [];
  const mode =
    d.mode === 'saltelli'
      ? `Sobol sensitivity (Saltelli sampling), N = ${d.runs.toLocaleString('en-US')} base samples`
      : 'Monte Carlo';
  lines.push(
    `Sweep of ${d.scenario}: ${mode}; ${s.replicates.toLocaleString('en-US')} runs in ${s.batches} batches; seed ${d.seed}; models ${d.models.join(', ')}`,
  );
  lines.push(`evaluated by: ${d.adapterLabel}`);
  if (d.uncertainty !== 'from the file') lines.push(`uncertainty: ${d.uncertainty}`);
  if (d.factors.length)
    lines.push(
      `uncertain inputs (${d.factors.length}): ${d.factors
        .slice(0, 6)
        .map((f) => `${f.name} ~ ${f.distribution}`)
        .join('; ')}${d.factors.length > 6 ? `; … (${d.factors.length - 6} more)` : ''}`,
    );
  else lines.push('uncertain inputs: none (every replicate is the coded scenario)');
  const multi = d.points.length > 1;
  for (let p = 0; p < d.points.length; p++) {
    if (multi) lines.push('', `design point ${p + 1}/${d.points.length}: ${pointLabel(d.points[p]!)}`);
    for (const out of d.outputs) {
      const rows = s.results.filter((r) => r.point === p && r.issue === out.issue);
      lines.push(
        '',
        `issue ${out.issue} (scale ${out.scale[0]}–${out.scale[1]}; histogram: ${rows[0]?.histogram.counts.length ?? 0} bins)`,
        "adopted: share of runs in which the model's outcome adopts something; vetoed: in which some member blocks the tabled proposal",
      );
      lines.push(
        table(
          ['model', 'mean', 'sd', 'p05', 'p25', 'p50', 'p75', 'p95', 'adopted', 'vetoed', 'histogram'],
          rows.map((r) => [
            r.model,
            num(r.mean),
            num(r.sd),
            num(r.quantiles.p05),
            num(r.quantiles.p25),
            num(r.quantiles.p50),
            num(r.quantiles.p75),
            num(r.quantiles.p95),
            r.adoption === null ? '–' : pct(r.adoption),
            r.anyBlocker === null ? '–' : pct(r.anyBlocker),
            `|${sparkline(r.histogram.counts)}|`,
          ]),
        ),
      );
      const withBlockers = rows.filter((r) => r.blocking);
      if (withBlockers.length) {
        lines.push('how often each member blocks the tabled proposal (share of runs):');
        lines.push(
          table(
            ['model', ...d.actors],
            withBlockers.map((r) => [r.model, ...d.actors.map((a) => pct(r.blocking![a]))]),
          ),
        );
      }
      const withPart = rows.filter((r) => r.participation);
      if (withPart.length) {
        lines.push('how often each member takes part (share of runs):');
        lines.push(
          table(
            ['model', ...d.actors],
            withPart.map((r) => [r.model, ...d.actors.map((a) => pct(r.participation![a]))]),
          ),
        );
      }
    }
  }
  if (s.sensitivity) {
    lines.push(
      '',
      `Sobol indices of the outcome (first order: Saltelli et al. 2010; total: Jansen 1999; ${d.runs.toLocaleString('en-US')} base samples, ${s.replicates.toLocaleString('en-US')} runs)`,
    );
    for (const sens of s.sensitivity) {
      lines.push(
        '',
        `issue ${sens.issue}, model ${sens.model}: variance ${num(sens.variance, 3)}${sens.skipped ? `; ${sens.skipped} groups without an outcome left out` : ''}`,
      );
      if (sens.variance === null || sens.factors.every((f) => f.first === null)) {
        lines.push('  the outcome does not vary: no indices');
        continue;
      }
      const sorted = [...sens.factors].sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
      // Inputs whose indices both round to 0.000 are listed in one line.
      const shown = sorted.filter(
        (f) => Math.abs(f.total ?? 0) >= 0.0005 || Math.abs(f.first ?? 0) >= 0.0005,
      );
      const rest = sorted.length - shown.length;
      const ci = (x: [number, number] | null | undefined) => (x ? `[${num(x[0], 3)}, ${num(x[1], 3)}]` : '–');
      lines.push(
        table(
          ['factor', 'first order', '95% interval', 'total', '95% interval'],
          shown.map((f) => [f.factor, num(f.first, 3), ci(f.firstCi), num(f.total, 3), ci(f.totalCi)]),
        ),
      );
      if (rest) lines.push(`(${rest} other input${rest > 1 ? 's' : ''}: both indices below 0.0005)`);
      for (const w of sens.warnings ?? []) lines.push(`warning: ${w}`);
    }
  }
  return lines.join('\n');
}
