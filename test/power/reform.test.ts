import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { openOrganization } from '../../src/org/load.js';
import { decisionStages } from '../../src/org/organization.js';
import { organizationPlayers } from '../../src/org/players.js';
import { computePower } from '../../src/power/power.js';
import {
  assertFeasible,
  minimalConflicts,
  parseConstraint,
  type ReformConstraint,
  reform,
  reformFamily,
} from '../../src/power/reform.js';
import { compileRule } from '../../src/rules/evaluate.js';
import { runCli } from '../helpers/cli.js';

const ds = loadDataset();
const fixtures = new URL('../fixtures/orgs/', import.meta.url).pathname;
const nordic = openOrganization('./nordic.yaml', fixtures).org;
const sco = openOrganization('sco', process.cwd()).org;
const cons = (...xs: string[]) => xs.map((x, i) => parseConstraint(x, `--constraint[${i}]`));

/** Every coalition of the members, as the list of its codes. */
function coalitions(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let m = 0; m < 2 ** ids.length; m++) out.push(ids.filter((_, i) => (m >> i) & 1));
  return out;
}

/** Brute force: the constraint's meaning, from the definitions, by enumerating every coalition. */
function bruteMeets(
  c: ReformConstraint,
  ids: readonly string[],
  wins: (s: readonly string[]) => boolean,
): boolean {
  const all = coalitions(ids);
  const winning = all.filter(wins);
  switch (c.kind) {
    case 'passage': {
      const p = winning.length / all.length;
      return c.op === '>=' ? p >= c.value : p <= c.value;
    }
    case 'veto':
      return c.members.every((m) => winning.length > 0 && winning.every((s) => s.includes(m)));
    case 'bloc-veto':
      return winning.every((s) => s.some((m) => c.members.includes(m)));
    case 'cannot-pass-alone':
      return !wins(c.members);
    case 'maxshare': {
      // Banzhaf: swings of i / all swings
      const swings = ids.map(
        (i) => winning.filter((s) => s.includes(i) && !wins(s.filter((x) => x !== i))).length,
      );
      const total = swings.reduce((a, b) => a + b, 0);
      return swings.every((s) => s / total <= c.value + 1e-12);
    }
  }
}

describe('reform explorer', () => {
  it('keeps exactly the rules that brute force finds, with brute-force figures (Nordic, + EST, LVA)', () => {
    const constraints = cons(
      'passage>=0.1',
      'maxshare:banzhaf<=0.30',
      'cannot-pass-alone:SWE,DNK,FIN',
      'bloc-veto:ISL,NOR',
    );
    const add = ['EST', 'LVA'];
    const r = reform(nordic, ds, { constraints, add, blocs: [['ISL', 'NOR']] });
    expect(r.stages.map((s) => s.members.length)).toEqual([5, 7]);
    const kept = new Set(r.rules.flatMap((x) => [x.id, ...x.equivalent]));
    // brute force over the whole family, at the checked stages (both: the hypothetical is checked)
    const stages = [
      organizationPlayers(nordic, ds, decisionStages(nordic)[0]!.from),
      organizationPlayers(nordic, ds, r.stages[1]!.from, add),
    ];
    let satisfied = 0;
    for (const fr of reformFamily([['ISL', 'NOR']])) {
      const ok = stages.every((op) => {
        const ids = op.players.map((p) => p.id);
        const test = compileRule(fr.ruleFor(ids), op.players);
        const wins = (s: readonly string[]) => test(ids.map((id) => s.includes(id)));
        return constraints.every((c) => bruteMeets(c, ids, wins));
      });
      expect(kept.has(fr.id), fr.id).toBe(ok);
      if (ok) satisfied++;
    }
    expect(satisfied).toBeGreaterThan(0);
    expect(satisfied).toBeLessThan(reformFamily([['ISL', 'NOR']]).length);
    // figures: passage and vetoes of every kept rule at every stage, by enumeration
    for (const x of r.rules)
      x.stages.forEach((f, k) => {
        const op = stages[k]!;
        const ids = op.players.map((p) => p.id);
        const fr = reformFamily([['ISL', 'NOR']]).find((y) => y.id === x.id)!;
        const test = compileRule(fr.ruleFor(ids), op.players);
        const winning = coalitions(ids).filter((s) => test(ids.map((id) => s.includes(id))));
        expect(f.passageProbability).toBeCloseTo(winning.length / 2 ** ids.length, 14);
        expect(f.vetoes).toEqual(ids.filter((m) => winning.every((s) => s.includes(m))));
        // the indices from the winning table equal the power code's
        const p = computePower({
          name: x.id,
          players: op.players,
          rule: fr.ruleFor(ids),
          source: [],
          notes: [],
          literature: [],
        });
        p.players.forEach((q, j) => {
          expect(f.players[j]!.banzhaf).toBeCloseTo(q.banzhaf!, 12);
          expect(f.players[j]!.shapleyShubik!).toBeCloseTo(q.shapleyShubik!, 12);
          expect(f.players[j]!.blockingPower!).toBeCloseTo(q.colemanPrevent!, 12);
          expect(f.players[j]!.veto).toBe(q.veto);
        });
      });
  });

  it('ranks by the stated criterion', () => {
    const byPassage = reform(nordic, ds, { constraints: [], rank: 'passage' }).rules;
    const p = byPassage.map((x) => x.stages[0]!.passageProbability!);
    expect(p).toEqual([...p].sort((a, b) => b - a));
    const byShare = reform(nordic, ds, { constraints: [], rank: 'maxshare' }).rules;
    const s = byShare.map((x) => x.stages[0]!.maxShare!.banzhaf);
    expect(s).toEqual([...s].sort((a, b) => a - b));
    const byGini = reform(nordic, ds, { constraints: [], rank: 'equality' }).rules.map((x) => x.criterion);
    expect(byGini).toEqual([...byGini].sort((a, b) => a - b));
    // consensus gives every member the same power: Gini 0
    expect(byGini[0]).toBeCloseTo(0, 12);
  });

  it('adding a constraint never adds a rule (property)', () => {
    const pool = cons(
      'passage>=0.1',
      'passage>=0.3',
      'passage<=0.4',
      'veto:ISL',
      'bloc-veto:ISL,NOR',
      'maxshare:banzhaf<=0.25',
      'maxshare:shapley-shubik<=0.3',
      'cannot-pass-alone:SWE,DNK,FIN',
    );
    const ids = (cs: ReformConstraint[]) =>
      new Set(
        reform(nordic, ds, { constraints: cs, blocs: [['ISL', 'NOR']] }).rules.flatMap((x) => [
          x.id,
          ...x.equivalent,
        ]),
      );
    fc.assert(
      fc.property(fc.subarray(pool), fc.constantFrom(...pool), (base, extra) => {
        const before = ids(base);
        const after = ids([...base, extra]);
        for (const id of after) expect(before.has(id)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('the done-when: SCO, passage ≥ 5% with each Central Asian member keeping a veto', () => {
    const r = reform(sco, ds, { constraints: cons('passage>=0.05', 'veto:KAZ,KGZ,TJK,UZB') });
    expect(r.stages.map((s) => s.from.slice(0, 4))).toEqual(['2001', '2017', '2023', '2024']);
    expect(r.rules.length).toBeGreaterThan(0);
    for (const x of r.rules) {
      const at = x.stages[3]!;
      expect(at.passageProbability!).toBeGreaterThanOrEqual(0.05);
      for (const m of ['KAZ', 'KGZ', 'TJK', 'UZB']) expect(at.vetoes).toContain(m);
    }
    // more than half of the 10 members with all four: 1/16 · P(Bin(6, 1/2) ≥ 2) = 57/1024
    const top = r.rules[0]!;
    expect(top.id).toBe('members>1/2+vetoes:KAZ,KGZ,TJK,UZB');
    expect(top.stages[3]!.passageProbabilityFraction).toBe('57/1024');
  });

  it('an infeasible set names the smallest conflicting constraints, each minimal', () => {
    const c = cons('passage>=0.05', 'veto:CHN,RUS,IND,PAK,IRN', 'maxshare:banzhaf<=0.5');
    const r = reform(sco, ds, { constraints: c });
    expect(r.rules).toEqual([]);
    expect(r.conflicts.map((x) => x.constraints)).toEqual([[0, 1]]);
    expect(() => assertFeasible(r)).toThrow(/--constraint\[0\], --constraint\[1\]: no rule of the family/);
    // minimality by brute force on random satisfaction matrices
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (sat) => {
          const four = cons('passage>=0.1', 'passage>=0.2', 'passage>=0.3', 'passage>=0.4');
          const feasible = (set: number[]) => sat.some((row) => set.every((j) => row[j]));
          const found = minimalConflicts(sat, four);
          if (feasible([0, 1, 2, 3])) expect(found).toEqual([]);
          for (const f of found) {
            expect(feasible(f.constraints)).toBe(false);
            for (const j of f.constraints) expect(feasible(f.constraints.filter((x) => x !== j))).toBe(true);
          }
          if (!feasible([0, 1, 2, 3])) expect(found.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('bad input exits 2 naming the field', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--constraint', 'passage>=2'], /--constraint\[0\]/],
      [['--constraint', 'passage>=0.05', '--constraint', 'veto:XYZ'], /--constraint\[1\].*XYZ/],
      [['--constraint', 'veto:'], /--constraint\[0\]/],
      [['--constraint', 'maxshare:holler<=0.3'], /--constraint\[0\].*holler/],
      [['--constraint', 'quorum>=3'], /--constraint\[0\].*not a constraint/],
      [['--constraint', 'veto:IRN', '--at', '2017-06-09'], /--constraint\[0\].*IRN is not a member/],
      [['--rank', 'beauty'], /--rank/],
      [['--unions', 'KAZ,FRA'], /--unions\[0\].*FRA/],
      [['--top', '0'], /--top/],
      [['--constraint', 'veto:KAZ,KAZ'], /--constraint\[0\].*twice/],
    ];
    for (const [args, re] of cases) {
      const r = await runCli(['reform', 'sco', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(re);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('prints the table, JSON and tidy CSV', async () => {
    const args = ['reform', 'sco', '--constraint', 'passage>=0.05', '--constraint', 'veto:KAZ,KGZ,TJK,UZB'];
    const t = await runCli(args);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/2001 \(6\)\s+2017 \(8\)\s+2023 \(9\)\s+2024 \(10\)\*/);
    expect(t.out).toMatch(/>1\/2 of members, each of KAZ, KGZ, TJK, UZB keeping a veto\s+6\.25%/);
    const j = JSON.parse((await runCli([...args, '--json'])).out);
    expect(j.rules[0].stages).toHaveLength(4);
    expect(j.constraints[1]).toMatchObject({ kind: 'veto', members: ['KAZ', 'KGZ', 'TJK', 'UZB'] });
    const csv = (await runCli([...args, '--format', 'csv'])).out.split('\n');
    expect(csv[0]).toBe(
      'organization,rank,rule,rule_label,stage_from,hypothetical,checked,members,member,measure,value',
    );
    expect(csv.some((l) => l.includes(',2024-07-04,0,1,10,,passage_probability,0.0556640625'))).toBe(true);
  });
});
