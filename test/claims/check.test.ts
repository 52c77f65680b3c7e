import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaims, verdictFor } from '../../src/claims/check.js';
import { loadDefaultClaims, parseClaims } from '../../src/claims/load.js';
import { loadDataset } from '../../src/data/load.js';
import { isConcordError } from '../../src/errors.js';
import { loadOrganizations } from '../../src/org/load.js';

const ds = loadDataset();
const reg = loadOrganizations();

describe('the seed paper’s claims', () => {
  const r = checkClaims(loadDefaultClaims(), reg, ds);
  const by = Object.fromEntries(r.claims.map((c) => [c.id, c]));

  it('finds "about half of the world’s population" does not hold (≈ 41%) and the others hold', () => {
    expect(by['world-population-share']!.verdict).toBe('does not hold');
    expect(by['world-population-share']!.computed!).toBeCloseTo(0.414, 2);
    for (const id of ['area', 'eurasia-share', 'population', 'nuclear-states'])
      expect(by[id]!.verdict).toBe('holds');
  });

  it('names the data year of each figure', () => {
    expect(by.population!.year).toBe(2021);
    expect(by.area!.year).toBeNull();
  });
});

describe('verdict rule', () => {
  const tol = { holds: 0.05, approximately: 0.1 };
  it('applies the stated tolerances', () => {
    expect(verdictFor({ comparison: 'about', value: 0.5 }, 0.52, tol)).toBe('holds');
    expect(verdictFor({ comparison: 'about', value: 0.5 }, 0.46, tol)).toBe('approximately');
    expect(verdictFor({ comparison: 'about', value: 0.5 }, 0.41, tol)).toBe('does not hold');
    expect(verdictFor({ comparison: 'moreThan', value: 100 }, 101, tol)).toBe('holds');
    expect(verdictFor({ comparison: 'moreThan', value: 100 }, 95, tol)).toBe('approximately');
    expect(verdictFor({ comparison: 'moreThan', value: 100 }, 80, tol)).toBe('does not hold');
    expect(verdictFor({ comparison: 'equals', value: 4 }, 5, tol)).toBe('does not hold');
  });

  it('never says a claim holds when the figure is further off than one that does not (monotone)', () => {
    const rank = { holds: 0, approximately: 1, 'does not hold': 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (v, d1, d2) => {
          const [a, b] = d1 < d2 ? [d1, d2] : [d2, d1];
          return (
            rank[verdictFor({ comparison: 'about', value: v }, v * (1 + a), tol)] <=
            rank[verdictFor({ comparison: 'about', value: v }, v * (1 + b), tol)]
          );
        },
      ),
    );
  });
});

describe('claims files', () => {
  it('checks a user’s claims about any group of states', () => {
    const file = parseClaims(
      `id: mine\ndocument: test\nstates: [CHN, IND]\ndate: 2020-06-01\nclaims:\n  - { id: pop, quote: over a third of humanity, measure: worldPopulationShare, comparison: moreThan, value: 0.33 }\n`,
      'mine.yaml',
    );
    const r = checkClaims(file, reg, ds);
    expect(r.claims[0]!.verdict).toBe('holds');
    expect(r.claims[0]!.year).toBe(2020);
  });

  it('rejects a malformed file with the path of the problem', () => {
    try {
      parseClaims(
        'id: x\ndocument: d\norganization: sco\ndate: 2021-04-29\nclaims:\n  - { id: a, quote: q, measure: height, comparison: about, value: 1 }\n',
        'bad.yaml',
      );
      expect.unreachable();
    } catch (e) {
      expect(isConcordError(e) && e.code).toBe('E_VALIDATION');
      expect(isConcordError(e) && e.path).toBe('claims[0].measure');
    }
    try {
      parseClaims('id: [unclosed', 'broken.yaml');
      expect.unreachable();
    } catch (e) {
      expect(isConcordError(e) && e.code).toBe('E_FILE_FORMAT');
    }
  });
});
