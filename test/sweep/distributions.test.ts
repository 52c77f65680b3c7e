import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileSampler,
  resolveBounded,
  triangularCdf,
  triangularQuantile,
} from '../../src/sweep/distributions.js';
import { Rng } from '../../src/sweep/random.js';
import { normalCdf } from '../../src/sweep/special.js';

function moments(f: (u: number) => number, n = 100_000, seed = 3) {
  const r = Rng.forReplicate(seed, 0);
  let s = 0;
  let s2 = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = f(r.uniform());
    s += x;
    s2 += x * x;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const mean = s / n;
  return { mean, sd: Math.sqrt(s2 / n - mean * mean), lo, hi };
}

const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

describe('samplers', () => {
  it('truncated normal: mean and support match the closed form', () => {
    // Position 90 on [0, 100], sd 10: truncated above at b = 1.
    const d = resolveBounded({ dist: 'normal', sd: 10 }, 90, 0, 100, 'p');
    const m = moments(compileSampler(d));
    const a = -9;
    const b = 1;
    const z = normalCdf(b) - normalCdf(a);
    const mean = 90 + (10 * (phi(a) - phi(b))) / z;
    expect(Math.abs(m.mean - mean)).toBeLessThan(0.05);
    expect(m.hi).toBeLessThanOrEqual(100);
    expect(m.lo).toBeGreaterThanOrEqual(0);
  });

  it('truncated normal in a far tail stays inside its interval', () => {
    const d = resolveBounded({ dist: 'normal', sd: 1, mean: 0, min: 8, max: 9 }, 0, 0, 100, 'p');
    const m = moments(compileSampler(d), 10_000);
    expect(m.lo).toBeGreaterThanOrEqual(8);
    expect(m.hi).toBeLessThanOrEqual(9);
    expect(m.mean).toBeLessThan(8.2); // mass piles up at the lower end
  });

  it('uniform and triangular: closed-form means; cut to the scale', () => {
    const u = moments(compileSampler(resolveBounded({ dist: 'uniform', halfWidth: 20 }, 90, 0, 100, 'p')));
    expect(Math.abs(u.mean - 85)).toBeLessThan(0.1); // uniform on [70, 100]
    expect(u.hi).toBeLessThanOrEqual(100);
    const t = moments(
      compileSampler(resolveBounded({ dist: 'triangular', min: 10, mode: 30, max: 60 }, 30, 0, 100, 'p')),
    );
    expect(Math.abs(t.mean - 100 / 3)).toBeLessThan(0.1);
  });

  it('beta salience: mean at the coded value; degenerate at 0 and 1', () => {
    const d = resolveBounded({ dist: 'beta', concentration: 20 }, 0.7, 0, 1, 's');
    expect(d).toMatchObject({ kind: 'beta', alpha: 14, beta: expect.closeTo(6, 12) });
    const m = moments(compileSampler(d), 50_000);
    expect(Math.abs(m.mean - 0.7)).toBeLessThan(0.005);
    expect(Math.abs(m.sd - Math.sqrt((14 * 6) / (20 * 20 * 21)))).toBeLessThan(0.003);
    expect(resolveBounded({ dist: 'beta', concentration: 20 }, 1, 0, 1, 's')).toEqual({
      kind: 'fixed',
      value: 1,
    });
  });

  it('log-normal capability factor has median 1', () => {
    const f = compileSampler({ kind: 'lognormal', sigma: 0.5 });
    expect(f(0.5)).toBeCloseTo(1, 14);
    const m = moments((u) => Math.log(f(u)));
    expect(Math.abs(m.sd - 0.5)).toBeLessThan(0.01);
  });

  it('the triangular quantile inverts its distribution function (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0001, max: 0.9999, noNaN: true }), (p) => {
        expect(triangularCdf(triangularQuantile(p, 10, 30, 60), 10, 30, 60)).toBeCloseTo(p, 12);
      }),
    );
  });

  it('every sampler is monotone in u (so Latin hypercube and Saltelli designs keep their strata)', () => {
    const dists = [
      resolveBounded({ dist: 'normal', sd: 15 }, 20, 0, 100, 'p'),
      resolveBounded({ dist: 'triangular', halfWidth: 30 }, 80, 0, 100, 'p'),
      resolveBounded({ dist: 'beta', concentration: 5 }, 0.3, 0, 1, 's'),
    ];
    for (const d of dists) {
      const f = compileSampler(d);
      let prev = Number.NEGATIVE_INFINITY;
      for (let i = 1; i < 1000; i++) {
        const x = f(i / 1000);
        expect(x).toBeGreaterThanOrEqual(prev);
        prev = x;
      }
    }
  });

  it('rejects distributions that cannot be met', () => {
    expect(() => resolveBounded({ dist: 'uniform', min: 120, max: 130 }, 50, 0, 100, 'p')).toThrow(/overlap/);
    expect(() => resolveBounded({ dist: 'triangular', min: 10, mode: 5, max: 20 }, 50, 0, 100, 'p')).toThrow(
      /mode/,
    );
    expect(() => resolveBounded({ dist: 'beta', concentration: 3 }, 50, 0, 100, 'p')).toThrow(/saliences/);
  });
});
