/**
 * Golden test of the exchange model against the reference implementation, the `decide` package
 * (foarsitter/decide-exchange-model, commit 51dee66, GPL-3.0; not copied). Its model core
 * (decide/model/base.py, calculations.py, equalgain.py, utils.py ModelLoop) was run with python3 on
 * the synthetic fixture test/fixtures/exchange/synthetic.csv (our own numbers, in DECIDE's #A/#P/#M/#D
 * layout), Equal Gain, p = 0, 10 iterations, exact ties broken by list order (its ALLOW_RANDOM off).
 * The numbers below are its output: the voting-position NBS per round (IssueDevelopment's "voting"
 * MDS), the number of realised exchanges per round, the first exchanges of round 1 (normalised 0–100
 * positions), the round-1 externalities (Externalities observer: own, inner/outer
 * positive/negative) and the start positions after round 10, printed to 6 decimals.
 * On the package's own sample_data.txt (10 actors × 6 issues, not in this repo) rounds 1–4 agree
 * to 3e-14; from round 5 the two part at a tie that its 28-digit decimals break differently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeModel, scenarioExchange } from '../../src/bargaining/exchange.js';
import { forecastAll } from '../../src/bargaining/forecast.js';
import { loadFile } from '../../src/scenario/load.js';

const file = 'test/fixtures/exchange/synthetic.csv';
const scenario = loadFile(file, process.cwd(), { format: 'decide' })[0]!.scenario;
const ISSUES = ['tariff', 'fund', 'quota', 'seat'];

const REF_NBS = [
  [15.511554, 82.345834, 33.4595, 25.693593],
  [17.120674, 82.213224, 31.138545, 18.963806],
  [16.858877, 83.144989, 27.650572, 18.453837],
  [15.432899, 78.511009, 34.122324, 21.097416],
  [15.542115, 80.730013, 28.812008, 16.111131],
  [16.696365, 78.62466, 31.362443, 16.369198],
  [16.188412, 80.9583, 27.371957, 13.853313],
  [15.555781, 78.402598, 28.276657, 14.638402],
  [17.210019, 81.784699, 24.150973, 17.262166],
  [15.779429, 77.729046, 26.573443, 16.649131],
];
const REF_COUNTS = [15, 9, 6, 10, 7, 10, 6, 8, 8, 10];
const REF_EXT: Record<string, Partial<Record<'own' | 'ip' | 'in' | 'op' | 'on', number>>> = {
  N: { own: 12.302083, in: -21.468261, ip: 2.154555 },
  S: { own: 11.882201, in: -6.799602, ip: 2.249671 },
  E: { in: -25.230012, own: 9.32431, ip: 3.153408 },
  W: { in: -19.089202, own: 10.625991, ip: 0.243378 },
  C: { on: -27.948708, in: -25.110989, op: 2.582527, own: 1.607973, ip: 1.350263 },
  I: { in: -17.70558, own: 3.329537, ip: 1.911717 },
};
const REF_FINAL: Record<string, Record<string, number>> = {
  tariff: { N: 19.935402, S: 15.184639, E: 14.789105, W: 17.37394, C: 10.363981, I: 4.291478 },
  fund: { N: 74.365059, S: 89.871194, E: 80.200463, W: 67.577717, C: 66.711978, I: 80.229802 },
  quota: { N: 42.694295, S: 29.278101, E: 0.147778, W: 32.34334, C: 41.35957, I: 19.140484 },
  seat: { N: 20.782678, S: 17.701935, E: 19.080817, W: 11.024737, C: 21.596849, I: 41.271933 },
};
const close = (a: number, b: number): void => {
  expect(Math.abs(a - b)).toBeLessThan(5e-7);
};

describe('exchange model (Equal Gain) against the decide package', () => {
  const x = scenarioExchange(scenario);
  const r = x.result!;
  const ids = scenario.actors.map((a) => a.id);

  it('reproduces the voting-position forecast and the number of exchanges of every round', () => {
    expect(r.rounds).toHaveLength(10);
    r.rounds.forEach((rd, t) => {
      expect(rd.exchanges.length).toBe(REF_COUNTS[t]);
      ISSUES.forEach((_, q) => {
        close(rd.after[q]!, REF_NBS[t]![q]!);
      });
    });
  });

  it('reproduces the first exchanges of round 1 (who, which issues, how far, the equal gain)', () => {
    const [e1, e2, e3] = r.rounds[0]!.exchanges;
    // N moves on fund 10 → 90, S on tariff 0 → 74.257426 (normalised; 14.851485 on 0–20), gain 6.717441.
    expect([ids[e1!.i.actor], ISSUES[e1!.i.supply], ids[e1!.j.actor], ISSUES[e1!.j.supply]]).toEqual([
      'N',
      'fund',
      'S',
      'tariff',
    ]);
    close(e1!.i.to, 90);
    close(e1!.j.to, (74.25742574257426 * 20) / 100);
    close(e1!.gain, 6.717440974866718);
    expect([ids[e2!.i.actor], ISSUES[e2!.i.supply], ids[e2!.j.actor], ISSUES[e2!.j.supply]]).toEqual([
      'E',
      'seat',
      'W',
      'quota',
    ]);
    close(e2!.j.to, 5.303206997084548);
    close(e2!.gain, 5.407417582417582);
    close(e3!.i.to, 43.85216346153846);
    close(e3!.gain, 3.2451923076923075);
  });

  it('reproduces the externalities per actor of round 1', () => {
    const ext = r.rounds[0]!.externalities;
    ids.forEach((a, i) => {
      const ref = REF_EXT[a]!;
      close(ext[i]!.own, ref.own ?? 0);
      close(ext[i]!.innerPositive, ref.ip ?? 0);
      close(ext[i]!.innerNegative, ref.in ?? 0);
      close(ext[i]!.outerPositive, ref.op ?? 0);
      close(ext[i]!.outerNegative, ref.on ?? 0);
    });
  });

  it('reproduces the start positions after the last round', () => {
    for (const [q, is] of ISSUES.entries()) {
      for (const [i, a] of ids.entries()) close(r.positions[q]![i]!, REF_FINAL[is]![a]!);
    }
  });

  it('is the forecast of `--model exchange`, and says why not on a single issue', () => {
    const fs = forecastAll(scenario, { models: ['exchange'] });
    for (const [q, f] of fs.entries()) close(f.exchange!.outcome, REF_NBS[9]![q]!);
    const one = { ...scenario, issues: scenario.issues.slice(0, 1) };
    const f1 = forecastAll(one, { models: ['exchange'] })[0]!;
    expect(f1.exchange).toBeNull();
    expect(f1.notes.exchange).toMatch(/one issue/);
  });

  it('keeps every shift within the issue scale and every gain positive', () => {
    for (const rd of r.rounds) {
      for (const e of rd.exchanges) {
        expect(e.gain).toBeGreaterThan(0);
        for (const s of [e.i, e.j]) {
          const is = scenario.issues[s.supply]!;
          expect(s.to).toBeGreaterThanOrEqual(is.lo[0]! - 1e-9);
          expect(s.to).toBeLessThanOrEqual(is.hi[0]! + 1e-9);
        }
      }
    }
  });
});

describe('exchange model properties', () => {
  const arb = fc
    .record({
      n: fc.integer({ min: 3, max: 7 }),
      k: fc.integer({ min: 2, max: 4 }),
      seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: 7 * 4 * 3,
        maxLength: 7 * 4 * 3,
      }),
    })
    .map(({ n, k, seed }) => {
      let t = 0;
      const next = () => seed[t++ % seed.length]!;
      const capability = Float64Array.from({ length: n }, () => 0.1 + next());
      const issues = Array.from({ length: k }, (_, q) => ({
        id: `q${q}`,
        lo: 0,
        hi: 100,
        position: Float64Array.from({ length: n }, () => Math.round(next() * 100)),
        salience: Float64Array.from({ length: n }, () => 0.05 + 0.95 * next()),
        has: new Uint8Array(n).fill(1),
      }));
      return { actors: Array.from({ length: n }, (_, i) => `A${i}`), capability, issues };
    });

  it('shifts each mover in round 1 towards its partner, at most to the partner’s position, for a positive gain', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const r = exchangeModel(input, { rounds: 1 });
        for (const e of r.rounds[0]!.exchanges) {
          expect(e.gain).toBeGreaterThan(0);
          for (const [me, other] of [
            [e.i, e.j],
            [e.j, e.i],
          ] as const) {
            const target = input.issues[me.supply]!.position[other.actor]!;
            const lo = Math.min(me.from, target) - 1e-9;
            const hi = Math.max(me.from, target) + 1e-9;
            expect(me.to).toBeGreaterThanOrEqual(lo);
            expect(me.to).toBeLessThanOrEqual(hi);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('depends on capabilities only through their ratios (×4 changes no bit)', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const a = exchangeModel(input, { rounds: 3 });
        const b = exchangeModel({ ...input, capability: input.capability.map((c) => c * 4) }, { rounds: 3 });
        expect(Array.from(b.forecast)).toEqual(Array.from(a.forecast));
        expect(b.rounds.map((r) => r.exchanges.length)).toEqual(a.rounds.map((r) => r.exchanges.length));
      }),
      { numRuns: 40 },
    );
  });
});
