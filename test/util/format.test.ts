import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodes, grouped } from '../../src/util/format.js';

describe('Intl-free formatting for the start-up path', () => {
  it('grouped writes what toLocaleString("en-US") writes', () => {
    for (const x of [
      0,
      -0,
      1,
      999,
      1000,
      -1000,
      1234567,
      Number.MAX_SAFE_INTEGER,
      2 ** 60,
      1.5,
      -0.25,
      Number.NaN,
    ])
      expect(grouped(x), String(x)).toBe(x.toLocaleString('en-US'));
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (x) => {
        expect(grouped(x)).toBe(x.toLocaleString('en-US'));
      }),
    );
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(grouped(x)).toBe(x.toLocaleString('en-US'));
      }),
    );
  });

  it('compareCodes orders ISO dates and codes as localeCompare does', () => {
    const date = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const code = fc.stringMatching(/^[A-Z]{3}$/);
    for (const arb of [date, code])
      fc.assert(
        fc.property(arb, arb, (a, b) => {
          expect(Math.sign(compareCodes(a, b))).toBe(Math.sign(a.localeCompare(b)));
        }),
      );
  });
});
