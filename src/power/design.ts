/**
 * Weights for a target distribution of power: Leech's iterative method (Leech 2002, "Designing the
 * voting system for the Council of the European Union", Public Choice 113: 437–464; Leech &
 * Machover 2003): with a fixed relative quota q, start from the target t and repeat
 *
 *   w ← max(0, w + (t − β(w)))        β: normalised Banzhaf of the weighted game [q·Σw; w]
 *
 * on integer weights (w scaled to a total of `resolution` and rounded), keeping the best weights
 * seen by the largest absolute deviation max_i |β_i − t_i|. The indices of every step are exact
 * (./quota.ts tables by weight); the result reports the largest and the summed deviation and the
 * steps taken.
 *
 * Penrose's square-root rule: t_i = √p_i / Σ_j √p_j for populations p (Penrose 1946), with the
 * quota of Słomczyński & Życzkowski (2006) by default.
 */
import { ConcordError } from '../errors.js';
import { DEFAULT_DESIGN_ITERATIONS, DEFAULT_DESIGN_RESOLUTION, MAX_DESIGN_RESOLUTION } from './options.js';
import { QuotaTables, squareRootOptimalQuota } from './quota.js';

export interface DesignOptions {
  /** Relative quota in (0, 1]; default the square-root rule's optimal quota for the target. */
  readonly quota?: number;
  /** Total of the integer weights (default 10,000). */
  readonly resolution?: number;
  readonly maxIterations?: number;
  /** Stop when the largest deviation is below this (default 1e-6). */
  readonly tolerance?: number;
}

export interface DesignStep {
  readonly iteration: number;
  readonly maxDeviation: number;
  readonly sumDeviation: number;
}

export interface DesignResult {
  readonly weights: number[];
  readonly total: number;
  readonly quota: number;
  readonly relativeQuota: number;
  readonly banzhaf: number[];
  readonly target: number[];
  readonly maxDeviation: number;
  readonly sumDeviation: number;
  /** Steps run, and the one whose weights are returned (0: the target itself, rounded). */
  readonly iterations: number;
  readonly bestIteration: number;
  /** The same distances for the target used directly as weights (step 0). */
  readonly start: DesignStep;
  readonly history: DesignStep[];
}

/** The square-root rule's target from populations. */
export function squareRootTarget(populations: readonly number[]): number[] {
  const r = populations.map((p) => Math.sqrt(Math.max(0, p)));
  const s = r.reduce((a, b) => a + b, 0);
  return r.map((x) => x / s);
}

/** Checks a target: non-negative, finite, summing to one. */
export function checkTarget(target: readonly number[], path = '--target'): void {
  target.forEach((t, i) => {
    if (!Number.isFinite(t) || t < 0)
      throw new ConcordError('E_USAGE', `${path}[${i}]: ${t} is not a non-negative number`, {
        path: `${path}[${i}]`,
        hint: 'Every target share is a number from 0 to 1.',
        key: 'power.design.badTarget',
        values: { path: `${path}[${i}]`, value: String(t) },
      });
  });
  const s = target.reduce((a, b) => a + b, 0);
  if (Math.abs(s - 1) > 1e-6)
    throw new ConcordError('E_USAGE', `${path}: the target shares sum to ${s}, not 1`, {
      path,
      hint: 'Give shares of power that sum to one (normalised Banzhaf indices).',
      key: 'power.design.targetSum',
      values: { path, sum: String(s) },
    });
}

export function designWeights(target: readonly number[], opts: DesignOptions = {}): DesignResult {
  checkTarget(target);
  const n = target.length;
  const resolution = opts.resolution ?? DEFAULT_DESIGN_RESOLUTION;
  const q = opts.quota ?? squareRootOptimalQuota(target);
  if (!(q > 0 && q <= 1))
    throw new ConcordError('E_USAGE', `--quota: ${q} is not a share in (0, 1]`, {
      path: '--quota',
      hint: 'Give the relative quota, e.g. 0.62.',
      key: 'power.design.badQuota',
      values: { value: String(q) },
    });
  if (!Number.isInteger(resolution) || resolution < n || resolution > MAX_DESIGN_RESOLUTION)
    throw new ConcordError(
      'E_USAGE',
      `--resolution: ${resolution} is outside ${n}..${MAX_DESIGN_RESOLUTION}`,
      {
        path: '--resolution',
        hint: `The total of the integer weights, e.g. ${DEFAULT_DESIGN_RESOLUTION}.`,
        key: 'power.design.badResolution',
        values: { value: String(resolution), min: String(n) },
      },
    );
  const maxIter = opts.maxIterations ?? DEFAULT_DESIGN_ITERATIONS;
  const tol = opts.tolerance ?? 1e-6;
  const evaluate = (w: readonly number[]) => {
    const ints = toIntegers(w, resolution);
    const total = ints.reduce((a, b) => a + b, 0);
    const quota = Math.max(1, Math.ceil(q * total - 1e-9));
    const t = new QuotaTables(ints, { shapleyShubik: false });
    const sw = ints.map((_, i) => t.swings(i, quota));
    const s = sw.reduce((a, b) => a + b, 0);
    const beta = sw.map((x) => (s ? x / s : 0));
    const dev = beta.map((b, i) => b - target[i]!);
    return {
      ints,
      total,
      quota,
      beta,
      max: Math.max(...dev.map(Math.abs)),
      sum: dev.reduce((a, d) => a + Math.abs(d), 0),
    };
  };
  let w = [...target];
  let cur = evaluate(w);
  const start = { iteration: 0, maxDeviation: cur.max, sumDeviation: cur.sum };
  const history: DesignStep[] = [start];
  let best = { ...cur, iteration: 0 };
  let it = 0;
  let stale = 0;
  while (it < maxIter && best.max > tol && stale < 25) {
    it++;
    w = w.map((x, i) => Math.max(0, x + (target[i]! - cur.beta[i]!)));
    const s = w.reduce((a, b) => a + b, 0);
    w = w.map((x) => x / s);
    cur = evaluate(w);
    history.push({ iteration: it, maxDeviation: cur.max, sumDeviation: cur.sum });
    if (cur.max < best.max - 1e-15) {
      best = { ...cur, iteration: it };
      stale = 0;
    } else stale++;
  }
  return {
    weights: best.ints,
    total: best.total,
    quota: best.quota,
    relativeQuota: q,
    banzhaf: best.beta,
    target: [...target],
    maxDeviation: best.max,
    sumDeviation: best.sum,
    iterations: it,
    bestIteration: best.iteration,
    start,
    history,
  };
}

/** Largest-remainder rounding of shares to integers summing to `total`. */
function toIntegers(w: readonly number[], total: number): number[] {
  const s = w.reduce((a, b) => a + b, 0) || 1;
  const raw = w.map((x) => (x / s) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = out[i]! + 1;
    left--;
  }
  return out;
}
