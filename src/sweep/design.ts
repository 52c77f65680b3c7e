/**
 * Design points of a parameter sweep: a full grid (every combination, the first parameter varying
 * slowest) or a Latin hypercube (McKay, Beckman & Conover, Technometrics 21(2), 1979): for m
 * samples each parameter's range is cut into m equal strata, each stratum is used exactly once, and
 * the strata are paired across parameters by independent random permutations. A list of values
 * (chair, rule, or numbers) is stratified by index. The permutations and the positions inside the
 * strata come from the sweep seed on stream 1 (parameter j uses replicate index j), so a design is
 * reproduced exactly from the seed.
 */
import { ConcordError } from '../errors.js';
import type { SweepDesign } from '../scenario/uncertainty.js';
import type { DesignPoint, DesignValue } from './adapter.js';
import { Rng } from './random.js';

export const MAX_DESIGN_POINTS = 10_000;
export const DESIGN_STREAM = 1;

export function designPoints(design: SweepDesign | undefined, seed: number): DesignPoint[] {
  if (!design) return [{}];
  const names = Object.keys(design.parameters);
  if (design.design === 'grid') {
    const axes = names.map((name) => {
      const v = design.parameters[name]!;
      if (Array.isArray(v)) return v as DesignValue[];
      if (v.steps === undefined)
        throw new ConcordError(
          'E_VALIDATION',
          `sweep.parameters.${name}: a grid needs \`steps\` for a range`,
          {
            path: `sweep.parameters.${name}`,
            hint: 'Add steps: N (N evenly spaced values, ends included), or give a list of values.',
            key: 'sweep.gridNeedsSteps',
            values: { name },
          },
        );
      const { from, to, steps } = v;
      return Array.from({ length: steps }, (_, i) =>
        i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1),
      );
    });
    const count = axes.reduce((n, a) => n * a.length, 1);
    if (count > MAX_DESIGN_POINTS)
      throw new ConcordError(
        'E_LIMIT',
        `sweep: the grid has ${count} points, above the limit of ${MAX_DESIGN_POINTS}`,
        {
          path: 'sweep.parameters',
          hint: 'Use fewer values per parameter, or design: lhs with a number of samples.',
          key: 'sweep.gridTooLarge',
          values: { count: String(count), max: String(MAX_DESIGN_POINTS) },
        },
      );
    const points: DesignPoint[] = [];
    const idx = new Array<number>(axes.length).fill(0);
    for (let p = 0; p < count; p++) {
      const point: Record<string, DesignValue> = {};
      names.forEach((n, j) => {
        point[n] = axes[j]![idx[j]!]!;
      });
      points.push(point);
      for (let j = axes.length - 1; j >= 0; j--) {
        idx[j]!++;
        if (idx[j]! < axes[j]!.length) break;
        idx[j] = 0;
      }
    }
    return points;
  }
  const m = design.samples!;
  if (m > MAX_DESIGN_POINTS)
    throw new ConcordError('E_LIMIT', `sweep.samples: ${m} is above the limit of ${MAX_DESIGN_POINTS}`, {
      path: 'sweep.samples',
      hint: `Use at most ${MAX_DESIGN_POINTS} samples.`,
      key: 'sweep.tooManySamples',
      values: { m: String(m), max: String(MAX_DESIGN_POINTS) },
    });
  const points: Array<Record<string, DesignValue>> = Array.from({ length: m }, () => ({}));
  names.forEach((name, j) => {
    const v = design.parameters[name]!;
    if (!Array.isArray(v) && v.steps !== undefined)
      throw new ConcordError('E_VALIDATION', `sweep.parameters.${name}: \`steps\` is for grids`, {
        path: `sweep.parameters.${name}.steps`,
        hint: 'A Latin hypercube samples the range continuously: remove steps.',
        key: 'sweep.stepsForGrids',
        values: { name },
      });
    const rng = Rng.forReplicate(seed, j, DESIGN_STREAM);
    const perm = Array.from({ length: m }, (_, i) => i);
    for (let i = m - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      [perm[i], perm[k]] = [perm[k]!, perm[i]!];
    }
    for (let i = 0; i < m; i++) {
      const u = (perm[i]! + rng.uniform()) / m;
      points[i]![name] = Array.isArray(v)
        ? (v[Math.min(v.length - 1, Math.floor(u * v.length))] as DesignValue)
        : v.from + u * (v.to - v.from);
    }
  });
  return points;
}

/** A design point as a short label: `chair=KAZ rule=consensus position.bank.RUS=25`. */
export function pointLabel(p: DesignPoint): string {
  const keys = Object.keys(p);
  if (keys.length === 0) return '(as coded)';
  return keys
    .map((k) => {
      const v = p[k];
      return `${k}=${typeof v === 'number' ? String(Number(v.toPrecision(6))) : typeof v === 'string' ? v : JSON.stringify(v)}`;
    })
    .join(' ');
}
