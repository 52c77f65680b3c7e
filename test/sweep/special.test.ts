import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betaInc,
  betaPdf,
  betaQuantile,
  erfc,
  logGamma,
  normalCdf,
  normalQuantile,
} from '../../src/sweep/special.js';

describe('normal distribution', () => {
  it('matches tabulated values', () => {
    // Abramowitz & Stegun, Table 26.1 / standard tables.
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 10);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 15);
    expect(erfc(3.5) / 7.430983723414128e-7).toBeCloseTo(1, 12);
  });

  it('inverts: AS 241 quantiles match tabulated values and Φ(Φ⁻¹(p)) = p', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        const back = normalCdf(x);
        expect(Math.abs(back - p)).toBeLessThan(1e-14 + 1e-12 * Math.min(p, 1 - p));
      }),
    );
  });
});

describe('gamma and beta', () => {
  it('log Γ matches exact values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  });

  it('the incomplete beta matches closed forms', () => {
    // I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b; I_x(2, 2) = 3x² − 2x³.
    for (const x of [0.01, 0.3, 0.5, 0.77, 0.99]) {
      expect(betaInc(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(betaInc(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 13);
      expect(betaInc(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 13);
    }
  });

  it('the beta quantile inverts the incomplete beta (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 60, noNaN: true }),
        fc.double({ min: 0.2, max: 60, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (a, b, p) => {
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          // Within 1e-9, or within what one unit in the last place of x moves I_x where the density is steep.
          expect(Math.abs(betaInc(x, a, b) - p)).toBeLessThan(1e-9 + betaPdf(x, a, b) * 1e-15);
        },
      ),
    );
  });
});
