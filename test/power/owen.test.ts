/**
 * Coalitional values (a priori unions): golden values computed by EPIC (Staudacher et al., github
 * jhstaudacher/EPIC, indices O, BO and SCB with -p precoalitions), a hand-worked example, and a
 * fast-check property test against the definitions evaluated coalition by coalition with the exact
 * rule evaluator (`winsExactly`) on random games of up to 7 players, single and multi-criteria.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addFrac, type Fraction, factorials, frac, fracString, toNumber } from '../../src/power/exact.js';
import { coalitionalValues, parseUnions } from '../../src/power/owen.js';
import { compile, numericRule, winsExactly } from '../../src/rules/compile.js';
import { loadBuiltinGameFile } from '../../src/rules/load.js';
import type { Rule } from '../../src/rules/schema.js';

const run = (players: Array<Record<string, unknown> & { id: string }>, rule: Rule, unions: string) => {
  const c = compile(rule, players as never);
  return { c, res: coalitionalValues(numericRule(c)!, parseUnions(unions, c.ids)) };
};

describe('golden values', () => {
  it('EEC-6 (12 of 17) with Benelux as one union: EPIC O, BO, SCB', () => {
    const g = loadBuiltinGameFile('eec-1958');
    const { res } = run(g.players as never, g.rule as Rule, 'BEL,NLD,LUX');
    // EPIC: epic -i O -p 1,2,3,4+5+6 -w eec.csv -q 12 → 0.25 ×3, 0.125 ×2, 0
    expect(res.players.map((p) => fracString(p.owen))).toEqual(['1/4', '1/4', '1/4', '1/8', '1/8', '0']);
    // BO and SCB: 0.375 ×3, 0.1875 ×2, 0
    expect(res.players.map((p) => fracString(p.banzhafOwen))).toEqual([
      '3/8',
      '3/8',
      '3/8',
      '3/16',
      '3/16',
      '0',
    ]);
    expect(res.players.map((p) => fracString(p.symmetricCoalitionalBanzhaf))).toEqual([
      '3/8',
      '3/8',
      '3/8',
      '3/16',
      '3/16',
      '0',
    ]);
    // the quotient game is 3 of 4 symmetric: every bloc 1/4
    expect(res.unions.map((u) => fracString(u.shapleyShubik))).toEqual(['1/4', '1/4', '1/4', '1/4']);
  });

  it('EU-27 Nice votes (255 of 345), Benelux, Visegrád and Nordic unions: EPIC O, BO, SCB', () => {
    const g = loadBuiltinGameFile('eu27-nice');
    const { c, res } = run(
      g.players as never,
      { sum: 'votes', atLeast: 255 },
      'BEL,NLD,LUX;POL,CZE,SVK,HUN;DNK,SWE,FIN',
    );
    // epic -i O|BO|SCB -p 1,2,3,4,5,6+10+12+20,7,8+9+25,11,13,14,15,16+17+21,18,19,22,23,24,26,27 -q 255
    // (players in the file's order), printed by EPIC to 6 significant digits
    const epic = {
      owen: [
        0.0839771, 0.0839771, 0.0839771, 0.0839771, 0.0767871, 0.0870085, 0.0370043, 0.0374565, 0.0347798,
        0.0392938, 0.0323679, 0.0392938, 0.0323679, 0.0270043, 0.0270043, 0.0277843, 0.0198101, 0.0197342,
        0.0197342, 0.0229119, 0.0198101, 0.0112874, 0.0112874, 0.0112874, 0.0117408, 0.0112874, 0.00704853,
      ],
      banzhafOwen: [
        0.0620346, 0.0620346, 0.0620346, 0.0620346, 0.0582275, 0.0390594, 0.0313911, 0.0276074, 0.0255809,
        0.0187352, 0.0272026, 0.0187352, 0.0272026, 0.0224686, 0.0224686, 0.0214453, 0.0150805, 0.0157089,
        0.0157089, 0.0110424, 0.0150805, 0.00885773, 0.00885773, 0.00885773, 0.00854921, 0.00885773,
        0.00680161,
      ],
      scb: [
        0.0620346, 0.0620346, 0.0620346, 0.0620346, 0.0582275, 0.0407249, 0.0313911, 0.0277065, 0.0256799,
        0.0201723, 0.0272026, 0.0201723, 0.0272026, 0.0224686, 0.0224686, 0.0215111, 0.0151463, 0.0157089,
        0.0157089, 0.012116, 0.0151463, 0.00885773, 0.00885773, 0.00885773, 0.00864824, 0.00885773,
        0.00680161,
      ],
    };
    expect(c.ids[5]).toBe('POL');
    const close = (got: number[], want: number[]) =>
      got.forEach((x, i) => {
        expect(Math.abs(x - want[i]!) / want[i]!).toBeLessThan(1e-5);
      });
    close(
      res.players.map((p) => toNumber(p.owen)),
      epic.owen,
    );
    close(
      res.players.map((p) => toNumber(p.banzhafOwen)),
      epic.banzhafOwen,
    );
    close(
      res.players.map((p) => toNumber(p.symmetricCoalitionalBanzhaf)),
      epic.scb,
    );
  });

  it('Owen (1977) style example: simple majority of three, players 1 and 2 in a union', () => {
    // the union {1,2} is a dictator of the quotient game and splits its unit equally: (1/2, 1/2, 0),
    // where the Shapley value is (1/3, 1/3, 1/3)
    const players = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];
    const { res } = run(players, { count: { atLeast: 2 } }, 'A,B');
    expect(res.players.map((p) => fracString(p.owen))).toEqual(['1/2', '1/2', '0']);
    expect(res.players.map((p) => fracString(p.banzhafOwen))).toEqual(['1/2', '1/2', '0']);
    expect(res.unions.map((u) => u.veto)).toEqual([true, false]);
  });

  it('the triple majority of Nice: Owen values are efficient and blocs sum to their quotient Shapley–Shubik', () => {
    const g = loadBuiltinGameFile('eu27-nice');
    const { res } = run(g.players as never, g.rule as Rule, 'BEL,NLD,LUX;POL,CZE,SVK,HUN;DNK,SWE,FIN');
    const total = res.players.reduce((a, p) => addFrac(a, p.owen), frac(0n, 1n));
    expect(fracString(total)).toBe('1');
    res.unions.forEach((u, k) => {
      const s = res.players.filter((p) => p.union === k).reduce((a, p) => addFrac(a, p.owen), frac(0n, 1n));
      expect(fracString(s)).toBe(fracString(u.shapleyShubik));
    });
  });
});

describe('bad unions', () => {
  const g = loadBuiltinGameFile('eec-1958');
  const ids = g.players!.map((p) => p.id);
  it('names an unknown member and its union', () => {
    expect(() => parseUnions('FRA,DEU;XXX', ids)).toThrow(/--unions\[1\]: "XXX" is not a player/);
  });
  it('refuses overlapping unions', () => {
    expect(() => parseUnions('FRA,DEU;DEU,ITA', ids)).toThrow(/already in union 1/);
  });
});

// ---- property test against the definitions ----

const atom = (n: number): fc.Arbitrary<Rule> =>
  fc.oneof(
    fc.integer({ min: 0, max: 30 }).map((q) => ({ sum: 'a', atLeast: q }) as Rule),
    fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((s) => ({ sum: 'b', atLeastShare: Math.round(s * 100) / 100 }) as Rule),
    fc.integer({ min: 0, max: n }).map((k) => ({ count: { atLeast: k } }) as Rule),
  );

const smallGame = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    players: fc.array(fc.record({ a: fc.integer({ min: 0, max: 9 }), b: fc.integer({ min: 0, max: 50 }) }), {
      minLength: n,
      maxLength: n,
    }),
    rule: fc.oneof(
      atom(n),
      fc.array(atom(n), { minLength: 2, maxLength: 3 }).map((all) => ({ all }) as Rule),
      fc.array(atom(n), { minLength: 2, maxLength: 2 }).map((any) => ({ any }) as Rule),
    ),
    labels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
  }),
);

function naive(c: ReturnType<typeof compile>, partition: number[][]) {
  const n = c.n;
  const m = partition.length;
  const fact = factorials(n + 1);
  const out: { owen: Fraction; bzo: Fraction; scb: Fraction }[] = [];
  const unionOf = new Map<number, number>();
  partition.forEach((u, k) => {
    for (const i of u) unionOf.set(i, k);
  });
  for (let i = 0; i < n; i++) {
    const k = unionOf.get(i)!;
    const others = partition.map((_, j) => j).filter((j) => j !== k);
    const mates = partition[k]!.filter((j) => j !== i);
    const u = partition[k]!.length;
    let owen = frac(0n, 1n);
    let bzo = frac(0n, 1n);
    let scb = frac(0n, 1n);
    for (let R = 0; R < 1 << others.length; R++) {
      for (let T = 0; T < 1 << mates.length; T++) {
        const members = new Array<boolean>(n).fill(false);
        let r = 0;
        let t = 0;
        others.forEach((j, b) => {
          if (R & (1 << b)) {
            r++;
            for (const x of partition[j]!) members[x] = true;
          }
        });
        mates.forEach((x, b) => {
          if (T & (1 << b)) {
            t++;
            members[x] = true;
          }
        });
        const without = winsExactly(c, members);
        members[i] = true;
        const withI = winsExactly(c, members);
        const delta = BigInt(Number(withI) - Number(without));
        if (!delta) continue;
        owen = addFrac(
          owen,
          frac(delta * fact[r]! * fact[m - 1 - r]! * fact[t]! * fact[u - 1 - t]!, fact[m]! * fact[u]!),
        );
        bzo = addFrac(bzo, frac(delta, 1n << BigInt(m - 1 + u - 1)));
        scb = addFrac(scb, frac(delta * fact[t]! * fact[u - 1 - t]!, (1n << BigInt(m - 1)) * fact[u]!));
      }
    }
    out.push({ owen, bzo, scb });
  }
  return out;
}

describe('property: the coalitional values equal their definitions (random games, n ≤ 7)', () => {
  it('Owen, Banzhaf–Owen, symmetric coalitional Banzhaf; blocs = quotient Shapley–Shubik', () => {
    let checked = 0;
    fc.assert(
      fc.property(smallGame, (g) => {
        const players = g.players.map((p, i) => ({ id: `P${i}`, ...p }));
        let c: ReturnType<typeof compile>;
        try {
          c = compile(g.rule, players);
        } catch {
          return; // a quota above the total
        }
        const groups = [0, 1, 2, 3]
          .map((l) => c.ids.filter((_, i) => g.labels[i] === l && l > 0))
          .filter((x) => x.length);
        const partition = groups.length ? parseUnions(groups, c.ids) : parseUnions([[c.ids[0]!]], c.ids);
        const res = coalitionalValues(numericRule(c)!, partition);
        const want = naive(c, partition);
        res.players.forEach((p, i) => {
          expect(fracString(p.owen)).toBe(fracString(want[i]!.owen));
          expect(fracString(p.banzhafOwen)).toBe(fracString(want[i]!.bzo));
          expect(fracString(p.symmetricCoalitionalBanzhaf)).toBe(fracString(want[i]!.scb));
        });
        res.unions.forEach((u, k) => {
          const s = res.players
            .filter((p) => p.union === k)
            .reduce((a, p) => addFrac(a, p.owen), frac(0n, 1n));
          expect(fracString(s)).toBe(fracString(u.shapleyShubik));
        });
        checked++;
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(checked).toBeGreaterThan(150);
  });
});
