import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../src/errors.js';
import { compile, toDecimal, winsExactly } from '../../src/rules/compile.js';
import { compileRule } from '../../src/rules/evaluate.js';
import { parseGameFile } from '../../src/rules/game.js';
import { readRule } from '../../src/rules/load.js';

const players = (ws: number[], field = 'w') => ws.map((w, i) => ({ id: `p${i}`, [field]: w }));

function error(f: () => unknown): ConcordError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConcordError) return e;
    throw e;
  }
  throw new Error('expected a ConcordError');
}

describe('exact compilation', () => {
  it('reads numbers as the decimals written', () => {
    expect(toDecimal(83.2)).toEqual({ mantissa: 832n, exp: -1 });
    expect(toDecimal(0.1 + 0.2)).toEqual({ mantissa: 30000000000000004n, exp: -17 });
    expect(toDecimal(1.5e21)).toEqual({ mantissa: 15n, exp: 20 });
    expect(toDecimal(1e-7)).toEqual({ mantissa: 1n, exp: -7 });
  });

  it('turns share quotas into exact integer quotas', () => {
    // 55% of 27 states = 14.85: 15 needed; more than half of 10: 6; two-thirds of 9: 6
    expect(compile({ count: { atLeastShare: 0.55 } }, players(Array(27).fill(1))).atoms[0]!.quota).toBe(15n);
    expect(compile({ count: { moreThanShare: 0.5 } }, players(Array(10).fill(1))).atoms[0]!.quota).toBe(6n);
    expect(compile({ count: { atLeastShare: '2/3' } }, players(Array(9).fill(1))).atoms[0]!.quota).toBe(6n);
    // 62% of a total of 0.1 + 0.2 + 0.3 (decimals): 0.372 exactly, no rounding tolerance needed
    const c = compile({ sum: 'w', atLeastShare: 0.62 }, players([0.1, 0.2, 0.3]));
    expect(c.dims[0]!.weights).toEqual([1n, 2n, 3n]);
    expect(c.atoms[0]!.quota).toBe(4n); // 0.62 × 6 = 3.72 → 4
  });

  it('decides exactly at the boundary', () => {
    // 0.3 of a total of 1 with weights 0.1 and 0.2: their sum is exactly 0.3 (not 0.30000000000000004)
    const win = compileRule({ sum: 'w', atLeast: 0.3 }, players([0.1, 0.2, 0.7]));
    expect(win([true, true, false])).toBe(true);
    expect(win([false, true, false])).toBe(false);
    const more = compileRule({ sum: 'w', moreThanShare: 0.5 }, players([1, 1, 2]));
    expect(more([true, true, false])).toBe(false); // exactly half is not more than half
    expect(more([true, true, true])).toBe(true);
  });

  it('compiles consensusMinus as unanimity of the others', () => {
    const c = compile({ consensusMinus: ['p1'] }, players([1, 1, 1]));
    expect(winsExactly(c, [true, false, true])).toBe(true);
    expect(winsExactly(c, [true, true, false])).toBe(false);
  });
});

describe('bad input is a ConcordError with the path', () => {
  it('unknown fields in rules', () => {
    const e = error(() =>
      parseGameFile('players: [{ id: A, w: 1 }]\nrule: { sum: w, atleast: 1 }', 'g.yaml'),
    );
    expect(e.code).toBe('E_VALIDATION');
    expect(e.message).toContain('rule');
    const f = error(() => compile({ sum: 'votes', atLeast: 1 }, players([1, 2])));
    expect(f.path).toBe('rule.sum');
    expect(f.message).toContain('unknown field "votes"');
  });

  it('negative or non-finite weights', () => {
    const neg = error(() =>
      parseGameFile('players: [{ id: A, w: 1 }, { id: B, w: -2 }]\nrule: consensus', 'g.yaml'),
    );
    expect(neg.path).toBe('players[1].w');
    const inf = error(() => parseGameFile('players: [{ id: A, w: .inf }]\nrule: consensus', 'g.yaml'));
    expect(inf.path).toBe('players[0].w');
    const nan = error(() =>
      compile({ sum: 'w', atLeast: 1 }, [
        { id: 'A', w: Number.NaN },
        { id: 'B', w: 1 },
      ]),
    );
    expect(nan.path).toBe('players[0].w');
  });

  it('empty player lists', () => {
    expect(error(() => parseGameFile('players: []\nrule: consensus', 'g.yaml')).path).toBe('players');
    expect(error(() => compile('consensus', [])).path).toBe('players');
  });

  it('quotas above the total', () => {
    const e = error(() =>
      compile({ all: [{ count: { atLeast: 1 } }, { sum: 'w', atLeast: 10 }] }, players([1, 2])),
    );
    expect(e.path).toBe('rule.all[1].atLeast');
    expect(error(() => compile({ count: { atLeast: 4 } }, players([1, 2]))).path).toBe('rule.count.atLeast');
    expect(error(() => compile({ sum: 'w', moreThanShare: 1 }, players([1, 2]))).path).toBe(
      'rule.moreThanShare',
    );
  });

  it('duplicate ids', () => {
    expect(
      error(() =>
        parseGameFile(
          'players: [{ id: A, w: 1 }, { id: B, w: 1 }, { id: A, w: 2 }]\nrule: consensus',
          'g.yaml',
        ),
      ).path,
    ).toBe('players[2].id');
    expect(error(() => compile('consensus', [{ id: 'A' }, { id: 'A' }])).path).toBe('players[1].id');
  });

  it('named parties that are not players, and bad fractions', () => {
    expect(error(() => compile({ consensusMinus: ['ZZZ'] }, players([1]))).path).toBe(
      'rule.consensusMinus[0]',
    );
    expect(
      error(() =>
        parseGameFile('players: [{ id: A, w: 1 }]\nrule: { count: { atLeastShare: "3/2" } }', 'g.yaml'),
      ).code,
    ).toBe('E_VALIDATION');
  });
});

describe('rules from the command line', () => {
  it('reads names, inline YAML and files', () => {
    expect(readRule('majority', '.').rule).toEqual({ count: { moreThanShare: 0.5 } });
    expect(readRule('{ count: { atLeast: 5 } }', '.').rule).toEqual({ count: { atLeast: 5 } });
    const dir = mkdtempSync(join(tmpdir(), 'concord-rule-'));
    writeFileSync(join(dir, 'r.yaml'), 'name: my rule\nrule: { count: { atLeastShare: "3/4" } }\n');
    expect(readRule('r.yaml', dir)).toEqual({ label: 'my rule', rule: { count: { atLeastShare: '3/4' } } });
    expect(error(() => readRule('nonsense', dir)).code).toBe('E_USAGE');
    expect(error(() => readRule('{ count: { atleast: 5 } }', dir)).code).toBe('E_VALIDATION');
  });
});
