import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPositions } from '../../src/alignment/analysis.js';
import {
  meanCrossDistance,
  pairOfPositions,
  positionPairs,
  spatialCohesion,
} from '../../src/alignment/positions.js';

describe('positions matrix measures', () => {
  it('mean cross distance equals the brute-force double sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (x, y) => {
          let s = 0;
          for (const a of x) for (const b of y) s += Math.abs(a - b);
          expect(meanCrossDistance(x, y)).toBeCloseTo(s / (x.length * y.length), 10);
        },
      ),
    );
  });

  it('a hand-computed pair', () => {
    // u = (0, 1, 0.5), v = (0, 0.5, 0.5): D_o = (0 + .5 + 0)/3 = 1/6; S = 1 − 2/6 = 2/3;
    // D_e = mean over the 9 pairs |u_k − v_l| = (0+.5+.5 + 1+.5+.5 + .5+0+0)/9 = 3.5/9.
    const p = pairOfPositions([0, 1, 0.5], [0, 0.5, 0.5]);
    expect(p.issues).toBe(3);
    expect(p.agreement).toBeCloseTo(2 / 3, 12);
    expect(p.s).toBeCloseTo(2 / 3, 12);
    expect(p.kappa).toBeCloseTo(1 - 1 / 6 / (3.5 / 9), 12);
  });

  it('identical positions give S = κ = 1; opposite extremes S = −1; missing positions are skipped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (u) => {
          fc.pre(Math.max(...u) - Math.min(...u) > 1e-6);
          const p = pairOfPositions(u, u);
          expect(p.s).toBeCloseTo(1, 12);
          expect(p.kappa).toBeCloseTo(1, 12);
        },
      ),
    );
    expect(pairOfPositions([0, 1], [1, 0]).s).toBe(-1);
    const m = pairOfPositions([0, Number.NaN, 1], [0, 0.3, 1]);
    expect(m.issues).toBe(2);
    expect(pairOfPositions([Number.NaN], [0]).s).toBeNull();
  });

  it('S is symmetric', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (ps) => {
          const u = ps.map((p) => p[0]);
          const v = ps.map((p) => p[1]);
          expect(pairOfPositions(u, v).s).toBeCloseTo(pairOfPositions(v, u).s!, 12);
        },
      ),
    );
  });

  it('spatial cohesion: 1 when all agree, 0 for an even split at the two ends, in [0, 1]', () => {
    expect(spatialCohesion([0.3, 0.3, 0.3])).toBe(1);
    expect(spatialCohesion([0, 0, 1, 1])).toBeCloseTo(0, 12);
    expect(spatialCohesion([0, 1, 1])).toBeCloseTo(0, 12);
    expect(spatialCohesion([0.5])).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 15 }),
        (v) => {
          const c = spatialCohesion(v)!;
          expect(c).toBeGreaterThanOrEqual(-1e-12);
          expect(c).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  it('rescales by each issue scale and finds the camps', () => {
    const m = {
      actors: ['A', 'B', 'C', 'D'],
      issues: [
        { id: 'x', scale: [0, 100] as const },
        { id: 'y', scale: [-1, 1] as const },
        { id: 'z', scale: [0, 10] as const },
      ],
      values: [
        [0, -1, 1],
        [10, -1, 0],
        [100, 1, 10],
        [90, 1, 9],
      ],
    };
    const pairs = positionPairs(m);
    expect(pairs.find((p) => p.a === 'A' && p.b === 'B')!.s).toBeCloseTo(1 - (2 * (0.1 + 0 + 0.1)) / 3, 12);
    const r = alignPositions(m, { seed: 1 });
    expect(r.camps.camps.map((c) => [...c].sort())).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
    expect(r.cohesion.map((c) => c.issue)).toEqual(['x', 'y', 'z']);
    expect(r.cohesion[1]!.cohesion).toBeCloseTo(0, 12);
  });
});

describe('positions at the ends of the doubles (overflow audit)', () => {
  const matrix = (scale: [number, number], values: number[][]) => ({
    actors: values.map((_, i) => `A${i}`),
    issues: values[0]!.map((_, k) => ({ id: `i${k}`, scale })),
    values,
  });

  it('a scale of ±1e308 gives the shares of the same positions on ±1', () => {
    fc.assert(
      fc.property(
        // on a grid of eighths: no pair at the edge of the agreement's tolerance
        fc.array(
          fc.array(
            fc.integer({ min: -8, max: 8 }).map((k) => k / 8),
            { minLength: 2, maxLength: 2 },
          ),
          {
            minLength: 2,
            maxLength: 6,
          },
        ),
        (unit) => {
          const big = 1e308;
          const huge = positionPairs(
            matrix(
              [-big, big],
              unit.map((r) => r.map((x) => x * big)),
            ),
          );
          const plain = positionPairs(matrix([-1, 1], unit));
          huge.forEach((p, i) => {
            const q = plain[i]!;
            expect(p.agreement).toBe(q.agreement);
            expect(p.s).toBeCloseTo(q.s!, 9);
            if (q.kappa === null || p.kappa === null)
              expect(p.kappa === null || Math.abs(p.kappa) < 1e6).toBe(true);
            else expect(Number.isFinite(p.kappa)).toBe(true);
          });
          for (const p of huge) expect(p.s === null || (p.s >= -1 - 1e-9 && p.s <= 1 + 1e-9)).toBe(true);
        },
      ),
    );
  });

  it('cohesion over [−1.7e308, 1.7e308] is that over [−1, 1]', () => {
    const m = 1.7e308;
    const r = alignPositions(matrix([-m, m], [[-m], [m], [0]]));
    const s = alignPositions(matrix([-1, 1], [[-1], [1], [0]]));
    expect(r.overallCohesion).toBeCloseTo(s.overallCohesion!, 12);
    expect(r.pairs.map((p) => p.s)).toEqual(s.pairs.map((p) => p.s));
  });

  it('refuses an empty or non-finite scale and a non-finite position, naming them', () => {
    expect(() => positionPairs(matrix([1, 1], [[1], [1]]))).toThrow(
      expect.objectContaining({ code: 'E_VALIDATION', path: 'issues.i0.scale' }),
    );
    expect(() => positionPairs(matrix([0, Number.POSITIVE_INFINITY], [[1], [1]]))).toThrow(
      expect.objectContaining({ code: 'E_VALIDATION' }),
    );
    expect(() => positionPairs(matrix([0, 1], [[Number.POSITIVE_INFINITY], [1]]))).toThrow(
      expect.objectContaining({ code: 'E_VALIDATION', path: 'positions.A0.i0' }),
    );
  });
});
