/**
 * Package deals in the consensus model (src/spatial/package.ts): hand-computed gains, the SCO's
 * India–Pakistan package, the setter's choice, bad input, and invariants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/bargaining/backtest.js';
import { forecastAll, forecastJson } from '../../src/bargaining/forecast.js';
import { loadFile } from '../../src/scenario/load.js';
import { withCoder } from '../../src/scenario/reliability.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';

type Coding = [number, number]; // position, salience
function scenario(
  a: Record<string, Coding>,
  b: Record<string, Coding>,
  extra: Record<string, unknown> = {},
  packages: unknown = [['a', 'b']],
) {
  const issue = (id: string, pos: Record<string, Coding>, proposer: string) => ({
    id,
    statusQuo: 0,
    proposal: 100,
    proposer,
    amendable: false,
    positions: Object.fromEntries(
      Object.entries(pos).map(([k, [p, s]]) => [k, { position: p, salience: s }]),
    ),
  });
  return resolveScenario(
    ScenarioFileSchema.parse({
      id: 't',
      rule: 'consensus',
      actors: Object.fromEntries(Object.keys(a).map((k) => [k, { capability: 1 }])),
      issues: [issue('a', a, 'R'), issue('b', b, 'C')],
      packages,
      ...extra,
    }),
  );
}

describe('package deals', () => {
  // C blocks issue a alone (it is at 40: the status quo 0 is closer than the proposal 100) but wants b.
  const s = scenario(
    { R: [100, 0.7], C: [40, 0.6], K: [70, 0.3] },
    { R: [60, 0.5], C: [100, 0.7], K: [70, 0.3] },
  );
  const fs = forecastAll(s, { models: ['consensus'] });

  it('the salience-weighted sum of utilities over the parts, by hand', () => {
    const r = fs[0]!.package!.result;
    // C: on a, 0.6·(|0 − 40| − |100 − 40|)/100 = −0.12; on b, 0.7·(100 − 0)/100 = 0.7 → 0.58
    expect(r.gain[1]).toBeCloseTo(0.58, 12);
    // R: 0.7·1 + 0.5·(60 − 40)/100 = 0.8
    expect(r.gain[0]).toBeCloseTo(0.8, 12);
    expect(r.passes).toBe(true);
    expect(r.blockers).toEqual([]);
    expect(r.partBlockers[0]).toEqual([1]); // C blocks a alone
    expect(r.separate[0]![0]).toBe(0);
  });

  it('the package passes and its parts take their proposals; the JSON says why', () => {
    expect(fs[0]!.consensus!.outcome![0]).toBe(100);
    expect(fs[0]!.consensus!.adopted).toBe(true);
    const j = forecastJson(s, fs);
    const pk = j.issues[0]!.models.consensus!.package as Record<string, unknown>;
    expect(pk).toMatchObject({ id: 'a+b', passes: true, proposed: true, blockers: [], separateOutcome: 0 });
    expect(pk.partBlockers).toEqual({ a: ['C'], b: [] });
    expect(j.issues[0]!.explanation).toContain('C would block a part alone but prefers the package');
  });

  it('fails when a member loses more on one part than it gains on the others', () => {
    const t = scenario(
      { R: [100, 0.7], C: [0, 0.9], K: [70, 0.3] },
      { R: [60, 0.5], C: [100, 0.2], K: [70, 0.3] },
    );
    const [f] = forecastAll(t, { models: ['consensus'] });
    const r = f!.package!.result;
    expect(r.gain[1]).toBeCloseTo(-0.9 + 0.2, 12);
    expect(r.passes).toBe(false);
    expect(r.blockers).toEqual([1]);
    expect(f!.consensus!.outcome![0]).toBe(0); // decided alone: C blocks
    expect(f!.package!.result.outcome[1]![0]).toBe(100); // b passes alone
  });

  it('the setter keeps the parts apart when it prefers what they give alone', () => {
    // K, the setter, dislikes a (it is at 0) and b passes alone: it does not table the package
    const t = scenario(
      { R: [100, 0.7], C: [40, 0.2], K: [0, 0.5] },
      { R: [60, 0.5], C: [100, 0.7], K: [100, 0.4] },
      {},
      [{ issues: ['a', 'b'], setter: 'K' }],
    );
    const [f] = forecastAll(t, { models: ['consensus'] });
    const r = f!.package!.result;
    expect(r.passes).toBe(false); // K itself loses 0.5 on a and gains nothing more on b than alone
    const u = scenario(
      { R: [100, 0.7], C: [40, 0.2], K: [45, 0.5] },
      { R: [60, 0.5], C: [100, 0.7], K: [100, 0.4] },
      {},
      [{ issues: ['a', 'b'], setter: 'K' }],
    );
    const [g] = forecastAll(u, { models: ['consensus'] });
    // K: package gain 0.5·(45 − 55)/100 + 0.4 = 0.35 ≥ 0, so it passes; alone, a fails (C blocks) and b
    // passes: K's loss alone 0.5·0.45 + 0 = 0.225 < with the package 0.5·0.55 + 0 = 0.275
    expect(g!.package!.result.passes).toBe(true);
    expect(g!.package!.result.proposed).toBe(false);
    expect(g!.consensus!.outcome![0]).toBe(0);
    expect(forecastJson(u, [g!]).issues[0]!.explanation).toContain('prefers the issues decided alone');
  });

  it('bad input: an unknown issue, an issue twice, an unknown setter — each names the field', () => {
    const t = (packages: unknown) => () =>
      scenario({ R: [1, 1], C: [1, 1] }, { R: [1, 1], C: [1, 1] }, {}, packages);
    expect(t([['a', 'zz']])).toThrow(/packages\[0\]\[1\]: package 1 names an unknown issue "zz"/);
    expect(t([['a', 'zz']])).toThrow(expect.objectContaining({ hint: expect.stringContaining('a, b') }));
    expect(t([{ issues: ['a', 'nope'] }])).toThrow(/packages\[0\]\.issues\[1\]/);
    expect(t([['a', 'a']])).toThrow(/issue "a" is named twice in package 1/);
    expect(
      t([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    ).toThrow(/packages\[1\]\[0\]: issue "b" is already in package 1/);
    expect(t([{ issues: ['a', 'b'], setter: 'XYZ' }])).toThrow(/packages\[0\]\.setter/);
    expect(t([['a']])).toThrow(); // a package links at least two issues (schema)
  });

  it('invariants: parts that pass alone pass together; a proposed package leaves no veto player worse off in sum', () => {
    const coding = fc.tuple(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 1, max: 10 }).map((v) => v / 10),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(coding, coding), { minLength: 2, maxLength: 6 }), (rows) => {
        const ids = ['R', 'C', 'K', 'L', 'M', 'N'].slice(0, rows.length);
        const a = Object.fromEntries(ids.map((id, i) => [id, rows[i]![0] as Coding]));
        const b = Object.fromEntries(ids.map((id, i) => [id, rows[i]![1] as Coding]));
        const t = scenario(a, b, {}, [{ issues: ['a', 'b'], setter: 'R' }]);
        const fsx = forecastAll(t, { models: ['consensus'] });
        const r = fsx[0]!.package!.result;
        const alone = [0, 1].map((k) => r.separate[k]![0] === 100);
        if (alone[0] && alone[1]) expect(r.passes).toBe(true);
        if (r.proposed) for (let i = 0; i < ids.length; i++) expect(r.gain[i]).toBeGreaterThanOrEqual(-1e-12);
        // relabelling the issues changes nothing
        const u = scenario(b, a, {}, [{ issues: ['b', 'a'], setter: 'R' }]);
        expect(forecastAll(u, { models: ['consensus'] })[0]!.package!.result.passes).toBe(r.passes);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the SCO case that names linkage: India and Pakistan, 2017', () => {
  const s = loadFile('scenarios/sco/08-india-pakistan-2017.yaml', process.cwd())[0]!.scenario;

  it('declares the package with its sources', () => {
    expect(s.packages).toHaveLength(1);
    expect(s.packages![0]!.issues.map((q) => s.issues[q]!.id)).toEqual(['admit-india', 'admit-pakistan']);
    expect(s.packages![0]!.source).toContain('Tashkent');
    expect(s.packages![0]!.inferred).toBe(true);
  });

  it('coder a: China blocks India alone, accepts the package, and both are admitted', () => {
    const a = withCoder(s, 'a');
    const fs = forecastAll(a, { models: ['consensus'] });
    const r = fs[0]!.package!.result;
    const chn = a.actors.findIndex((x) => x.id === 'CHN');
    expect(r.partBlockers[0]).toContain(chn);
    expect(r.separate[0]![0]).toBe(0);
    expect(r.blockers).not.toContain(chn);
    expect(r.passes).toBe(true);
    expect(r.proposed).toBe(true);
    expect(fs[0]!.consensus!.outcome![0]).toBe(100);
  });

  it('the backtest marks both cases as decided in the package (linkage inferred)', () => {
    const r = backtest([withCoder(s, 'a')], { models: ['consensus'] });
    expect(r.cases.map((c) => c.package)).toEqual([
      { id: 'india-pakistan', proposed: true, inferred: true },
      { id: 'india-pakistan', proposed: true, inferred: true },
    ]);
    expect(r.cases[0]!.models.consensus!.error).toBe(0);
    expect(r.cases[0]!.dimensions).toBe(1);
  });
});
