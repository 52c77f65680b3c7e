/**
 * Distributions of the uncertain inputs, resolved against the coded value and the scale, and their
 * samplers. Every sampler is an inverse distribution function u ↦ F⁻¹(u) on (0, 1): one uniform in,
 * one value out. Monte Carlo, Latin hypercube and Saltelli designs therefore share one sampler, and
 * each input consumes exactly one uniform per replicate.
 *
 * Truncation: a distribution F cut to [lo, hi] is sampled as F⁻¹(F(lo) + u·(F(hi) − F(lo))), which
 * is exact (no rejection). For the normal, the masses Φ(a), Φ(b) are computed once per input.
 */
import { ConcordError, type ErrorValues } from '../errors.js';
import type { CapabilityDist, PositionDist, SalienceDist } from '../scenario/uncertainty.js';
import { betaQuantile, logBeta, normalCdf, normalQuantile } from './special.js';

export type ResolvedDist =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number }
  | {
      readonly kind: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly lo: number;
      readonly hi: number;
    }
  | {
      readonly kind: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
      readonly lo: number;
      readonly hi: number;
    }
  | { readonly kind: 'beta'; readonly alpha: number; readonly beta: number }
  | { readonly kind: 'lognormal'; readonly sigma: number };

export type Sampler = (u: number) => number;

/** A refusal; `key` names its message (`{path}: …`) in the errors catalogue. */
function fail(path: string, message: string, hint: string, key: string, values: ErrorValues = {}): never {
  throw new ConcordError('E_VALIDATION', `${path}: ${message}`, {
    path,
    hint,
    key,
    values: { path, ...values },
  });
}

/** Resolves a position's or salience's distribution against its coded value and its scale [lo, hi]. */
export function resolveBounded(
  spec: PositionDist | SalienceDist | undefined,
  coded: number,
  lo: number,
  hi: number,
  path: string,
): ResolvedDist {
  if (spec === undefined || spec === 'fixed') return { kind: 'fixed', value: coded };
  switch (spec.dist) {
    case 'normal': {
      const tlo = Math.max(lo, spec.min ?? lo);
      const thi = Math.min(hi, spec.max ?? hi);
      if (!(thi > tlo))
        fail(
          path,
          `the truncation interval [${tlo}, ${thi}] is empty`,
          `Give min < max inside [${lo}, ${hi}].`,
          'sweep.dist.emptyTruncation',
          { tlo: String(tlo), thi: String(thi), lo: String(lo), hi: String(hi) },
        );
      return { kind: 'normal', mean: spec.mean ?? coded, sd: spec.sd, lo: tlo, hi: thi };
    }
    case 'uniform': {
      const a = spec.halfWidth !== undefined ? coded - spec.halfWidth : spec.min!;
      const b = spec.halfWidth !== undefined ? coded + spec.halfWidth : spec.max!;
      const ulo = Math.max(lo, a);
      const uhi = Math.min(hi, b);
      if (!(uhi > ulo))
        fail(
          path,
          `the interval [${a}, ${b}] does not overlap the scale [${lo}, ${hi}]`,
          'Move the interval inside the scale.',
          'sweep.dist.uniformOutside',
          { a: String(a), b: String(b), lo: String(lo), hi: String(hi) },
        );
      return { kind: 'uniform', lo: ulo, hi: uhi };
    }
    case 'triangular': {
      const mode = spec.mode ?? coded;
      const min = spec.halfWidth !== undefined ? mode - spec.halfWidth : spec.min!;
      const max = spec.halfWidth !== undefined ? mode + spec.halfWidth : spec.max!;
      if (!(min <= mode && mode <= max && max > min))
        fail(
          path,
          `a triangular distribution needs min ≤ mode ≤ max with min < max (got ${min}, ${mode}, ${max})`,
          'Fix min, mode and max.',
          'sweep.dist.triangularOrder',
          { min: String(min), mode: String(mode), max: String(max) },
        );
      const tlo = Math.max(lo, min);
      const thi = Math.min(hi, max);
      if (!(thi > tlo))
        fail(
          path,
          `the triangle [${min}, ${max}] does not overlap the scale [${lo}, ${hi}]`,
          'Move it inside the scale.',
          'sweep.dist.triangleOutside',
          { min: String(min), max: String(max), lo: String(lo), hi: String(hi) },
        );
      return { kind: 'triangular', min, mode, max, lo: tlo, hi: thi };
    }
    case 'beta': {
      if (lo !== 0 || hi !== 1)
        fail(
          path,
          'a beta distribution is for saliences (on [0, 1]) only',
          'Use normal, uniform or triangular for positions.',
          'sweep.dist.betaForSaliences',
        );
      if (spec.alpha !== undefined) return { kind: 'beta', alpha: spec.alpha, beta: spec.beta! };
      // Mean at the coded salience. A salience of exactly 0 or 1 makes the beta degenerate: kept fixed.
      if (coded <= 0 || coded >= 1) return { kind: 'fixed', value: coded };
      const k = spec.concentration!;
      return { kind: 'beta', alpha: k * coded, beta: k * (1 - coded) };
    }
  }
}

export function resolveCapability(spec: CapabilityDist | undefined): ResolvedDist {
  if (spec === undefined || spec === 'fixed') return { kind: 'fixed', value: 1 };
  return { kind: 'lognormal', sigma: spec.sigma };
}

/** The inverse distribution function of a resolved distribution. */
export function compileSampler(d: ResolvedDist): Sampler {
  switch (d.kind) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const { lo } = d;
      const w = d.hi - d.lo;
      return (u) => lo + u * w;
    }
    case 'normal':
      return truncatedNormal(d.mean, d.sd, d.lo, d.hi);
    case 'triangular':
      return truncatedTriangular(d.min, d.mode, d.max, d.lo, d.hi);
    case 'beta': {
      const { alpha, beta } = d;
      const lnB = logBeta(alpha, beta);
      return (u) => betaQuantile(u, alpha, beta, lnB);
    }
    case 'lognormal': {
      const s = d.sigma;
      return (u) => Math.exp(s * normalQuantile(u));
    }
  }
}

/** N(mean, sd²) truncated to [lo, hi], by inversion; works in the lower tail for accuracy. */
export function truncatedNormal(mean: number, sd: number, lo: number, hi: number): Sampler {
  let a = (lo - mean) / sd;
  let b = (hi - mean) / sd;
  // Reflect when the interval lies in the upper tail, so that Φ is evaluated where it is small.
  const flip = a > 0;
  if (flip) [a, b] = [-b, -a];
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  const mass = pb - pa;
  if (!(mass > 0)) {
    // All the mass of the interval is below double precision: the nearest end.
    const v = Math.min(hi, Math.max(lo, mean));
    return () => v;
  }
  return (u) => {
    const z = normalQuantile(pa + (flip ? 1 - u : u) * mass);
    const x = flip ? mean - sd * z : mean + sd * z;
    return x < lo ? lo : x > hi ? hi : x;
  };
}

export function triangularCdf(x: number, min: number, mode: number, max: number): number {
  if (x <= min) return 0;
  if (x >= max) return 1;
  if (x <= mode) return ((x - min) * (x - min)) / ((max - min) * (mode - min));
  return 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
}

export function triangularQuantile(p: number, min: number, mode: number, max: number): number {
  const fc = (mode - min) / (max - min);
  if (p <= fc) return min + Math.sqrt(p * (max - min) * (mode - min));
  return max - Math.sqrt((1 - p) * (max - min) * (max - mode));
}

function truncatedTriangular(min: number, mode: number, max: number, lo: number, hi: number): Sampler {
  const pa = triangularCdf(lo, min, mode, max);
  const pb = triangularCdf(hi, min, mode, max);
  const mass = pb - pa;
  return (u) => {
    const x = triangularQuantile(pa + u * mass, min, mode, max);
    return x < lo ? lo : x > hi ? hi : x;
  };
}

/** A short description, for manifests and summaries. */
export function describeDist(d: ResolvedDist): string {
  const f = (x: number) => String(Number(x.toPrecision(6)));
  switch (d.kind) {
    case 'fixed':
      return `fixed ${f(d.value)}`;
    case 'uniform':
      return `uniform [${f(d.lo)}, ${f(d.hi)}]`;
    case 'normal':
      return `normal(${f(d.mean)}, ${f(d.sd)}) on [${f(d.lo)}, ${f(d.hi)}]`;
    case 'triangular':
      return `triangular(${f(d.min)}, ${f(d.mode)}, ${f(d.max)}) on [${f(d.lo)}, ${f(d.hi)}]`;
    case 'beta':
      return `beta(${f(d.alpha)}, ${f(d.beta)})`;
    case 'lognormal':
      return `× lognormal(0, ${f(d.sigma)})`;
  }
}
