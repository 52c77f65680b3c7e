import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../src/errors.js';
import { Cell, momentUnit, SobolCell, summarizeCell, summarizeSobol } from '../../src/sweep/aggregate.js';

const row = (outcome: number | null) => ({
  issue: 'i',
  model: 'm',
  outcome,
  adopted: null,
  blockers: null,
  participants: null,
  rounds: null,
});

/** Outcomes on [0, 1]. */
const outcomes = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 });

function cellOf(xs: readonly number[], lo: number, hi: number, split = xs.length): Cell {
  const a = new Cell(lo, hi, 0);
  const b = new Cell(lo, hi, 0);
  xs.forEach((x, i) => {
    (i < split ? a : b).add(row(x));
  });
  a.merge(b);
  return a;
}

const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));

describe('sweep aggregates with huge and tiny scales', () => {
  it('keeps ordinary scales in unit 1 (sums exactly as before)', () => {
    expect(momentUnit(0, 100)).toBe(1);
    expect(momentUnit(-1e90, 1e90)).toBe(1);
    expect(momentUnit(0, 1.7e308)).toBe(2 ** 1023);
    expect(momentUnit(0, 1e-300)).toBe(2 ** -997);
  });

  it('the standard deviation scales with the scale, finite near the largest double (property)', () => {
    fc.assert(
      fc.property(outcomes, fc.constantFrom(1e300, 1.5e308, 1e-300), fc.nat(40), (xs, k, split) => {
        const plain = summarizeCell(cellOf(xs, 0, 1, split), []);
        const big = summarizeCell(
          cellOf(
            xs.map((x) => x * k),
            0,
            k,
            split,
          ),
          [],
        );
        expect(Number.isFinite(big.sd!)).toBe(true);
        expect(close(big.sd! / k, plain.sd!)).toBe(true);
        expect(close(big.mean! / k, plain.mean!)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('Sobol indices do not depend on the scale; a variance beyond a double is an error naming it', () => {
    const groups = (k: number) => {
      // f = (a + 2b)·k on two factors: the rows f(A), f(B), f(A_B1), f(A_B2) of each group
      const cell = new SobolCell(2, (3 * k) / 2, momentUnit(0, 3 * k));
      let seed = 7;
      const r = () => {
        seed = (seed * 48271) % 2147483647;
        return seed / 2147483647;
      };
      const f = (a: number, b: number) => (a + 2 * b) * k;
      for (let g = 0; g < 500; g++) {
        const [a1, b1, a2, b2] = [r(), r(), r(), r()];
        cell.addGroup(Float64Array.from([f(a1, b1), f(a2, b2), f(a2, b1), f(a1, b2)]), 0, 1);
      }
      return summarizeSobol(cell);
    };
    const plain = groups(1);
    // squares of outcomes near 1e153 summed over 500 groups overflow unless scaled first
    const big = groups(1e153);
    expect(close(big.variance! / 1e306, plain.variance!)).toBe(true);
    expect(big.first.every((s, i) => close(s!, plain.first[i]!))).toBe(true);
    expect(big.total.every((s, i) => close(s!, plain.total[i]!))).toBe(true);
    expect(plain.total[1]!).toBeGreaterThan(plain.total[0]!);
    try {
      groups(1e300);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcordError);
      expect((e as ConcordError).path).toBe('sobol.variance');
    }
  });
});
