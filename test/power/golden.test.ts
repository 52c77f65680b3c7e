/**
 * Golden values from the literature, each with its source, under every algorithm that applies:
 * enumeration, generating functions, and the decision diagram (forced through the budgets).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { loadOrganizations } from '../../src/org/load.js';
import { capacity, EU_REFERENCE_GAMES, referenceBand } from '../../src/power/capacity.js';
import { computePower, type PowerOptions, type PowerResult } from '../../src/power/power.js';
import { type Game, gameFromPlayers } from '../../src/rules/game.js';
import { loadBuiltinGameFile } from '../../src/rules/load.js';

const builtin = (id: string): Game => gameFromPlayers(loadBuiltinGameFile(id), id);

const ALGORITHMS: Array<[string, PowerOptions]> = [
  ['enumeration', { method: 'enumerate' }],
  ['swings by size and weight', { method: 'exact', budgets: { enumerateBelow: 0 } }],
  [
    'generating functions',
    { method: 'exact', budgets: { enumerateBelow: 0, weightedOps: -1, sizeMinimalOps: -1 } },
  ],
  [
    'decision diagram',
    { method: 'exact', budgets: { enumerateBelow: 0, gfOps: -1, weightedOps: -1, sizeMinimalOps: -1 } },
  ],
];

const fr = (r: PowerResult, key: string) => r.players.map((p) => p.fractions![key]);

describe('EEC Council of Ministers 1958 (weights 4,4,4,2,2,1; quota 12)', () => {
  // Felsenthal & Machover (1998), The Measurement of Voting Power, §3.2; 14 winning coalitions of 64.
  it.each(ALGORITHMS)(
    '%s: Banzhaf 5/21,5/21,5/21,1/7,1/7,0; Shapley–Shubik 7/30,…,3/20,0; passage 7/32',
    (algorithm, opts) => {
      const r = computePower(builtin('eec-1958'), opts);
      expect(r.algorithm).toBe(algorithm);
      expect(fr(r, 'banzhaf')).toEqual(['5/21', '5/21', '5/21', '1/7', '1/7', '0']);
      expect(fr(r, 'shapleyShubik')).toEqual(['7/30', '7/30', '7/30', '3/20', '3/20', '0']);
      expect(r.passageProbabilityFraction).toBe('7/32');
      expect(r.winningCoalitions).toBe('14');
      expect(r.players.map((p) => p.veto)).toEqual([false, false, false, false, false, false]);
      // Luxembourg is a null player under every index
      expect(Object.values(r.players[5]!.fractions!).every((v) => v === '0')).toBe(true);
    },
  );
});

describe('UN Security Council (5 permanent members with veto, 10 elected, 9 votes)', () => {
  // Shapley & Shubik (1954) method; Felsenthal & Machover (1998) §2.3: 421/2145 and 4/2145.
  it.each(ALGORITHMS)('%s: Shapley–Shubik 421/2145 and 4/2145; passage 848/32768', (_algorithm, opts) => {
    const r = computePower(builtin('unsc'), opts);
    const ss = fr(r, 'shapleyShubik');
    expect(ss.slice(0, 5)).toEqual(Array(5).fill('421/2145'));
    expect(ss.slice(5)).toEqual(Array(10).fill('4/2145'));
    expect(r.winningCoalitions).toBe('848');
    expect(r.passageProbability).toBeCloseTo(848 / 32768, 15);
    expect(r.players.map((p) => p.veto)).toEqual([...Array(5).fill(true), ...Array(10).fill(false)]);
    // Banzhaf swings: a permanent member swings in all 848 winning coalitions; an elected member
    // in those with exactly 4 elected members including it: C(9,3) = 84.
    expect(r.players.map((p) => p.swings)).toEqual([...Array(5).fill('848'), ...Array(10).fill('84')]);
  });
});

describe('CoopGame documented case (weights 35,20,15,15,15; quota 51)', () => {
  // R package CoopGame (Staudacher & Anwander), examples of deeganPackelIndex and publicGoodIndex.
  const game: Game = {
    name: 'CoopGame',
    players: [35, 20, 15, 15, 15].map((w, i) => ({ id: `P${i + 1}`, w })),
    rule: { sum: 'w', atLeast: 51 },
    source: [],
    notes: [],
    literature: [],
  };
  it.each(ALGORITHMS)(
    '%s: Deegan–Packel 0.3, 0.15, 0.18333 ×3; public good 0.2667, 0.1333, 0.2 ×3',
    (_a, opts) => {
      const r = computePower(game, opts);
      expect(r.players.map((p) => p.deeganPackel)).toEqual(
        [0.3, 0.15, 0.18333, 0.18333, 0.18333].map((x, i) => expect.closeTo(x, i < 2 ? 10 : 5)),
      );
      expect(r.players.map((p) => p.holler)).toEqual(
        [0.26667, 0.13333, 0.2, 0.2, 0.2].map((x) => expect.closeTo(x, 4)),
      );
      expect(fr(r, 'deeganPackel')).toEqual(['3/10', '3/20', '11/60', '11/60', '11/60']);
      expect(fr(r, 'holler')).toEqual(['4/15', '2/15', '1/5', '1/5', '1/5']);
    },
  );
});

describe('EU Council reference band', () => {
  // Baldwin, Berglöf, Giavazzi & Widgrén (2001), Nice Try; Felsenthal & Machover (2001, 2004):
  // about 22% for the EEC-6, about 2% for EU-27 under Nice, about 13% for EU-27 under Lisbon.
  const band = referenceBand(EU_REFERENCE_GAMES.map((id) => ({ id, file: loadBuiltinGameFile(id) })));
  it('reproduces about 22%, 2% and 13%', () => {
    const [eec, nice, lisbon] = band.map((b) => b.passageProbability);
    expect(band[0]!.passageProbabilityFraction).toBe('7/32');
    expect(eec).toBeCloseTo(0.21875, 10);
    expect(nice).toBeGreaterThan(0.018);
    expect(nice).toBeLessThan(0.022);
    expect(lisbon).toBeGreaterThan(0.125);
    expect(lisbon).toBeLessThan(0.135);
  });

  it('EU-27 Nice: all indices exact by the decision diagram, efficient and with no veto player', () => {
    const r = computePower(builtin('eu27-nice'));
    expect(r.method).toBe('exact');
    expect(r.algorithm).toBe('decision diagram');
    for (const key of ['banzhaf', 'shapleyShubik', 'holler', 'deeganPackel', 'johnston'] as const) {
      const sum = r.players.reduce((s, p) => s + p[key]!, 0);
      expect(sum, key).toBeCloseTo(1, 12);
    }
    expect(r.players.some((p) => p.veto)).toBe(false);
    // Germany, France, Italy and the UK have 29 votes each but different populations: Germany's
    // population gives it more power under the 62% criterion.
    const by = Object.fromEntries(r.players.map((p) => [p.id, p]));
    expect(by.DEU!.banzhaf).toBeGreaterThan(by.FRA!.banzhaf!);
    expect(by.MLT!.banzhaf).toBeLessThan(by.LUX!.banzhaf! + 1e-3);
  });

  it('the population figures are the World Bank 2007 values of the shipped data set', () => {
    const ds = loadDataset();
    for (const id of ['eu27-nice', 'eu27-lisbon']) {
      for (const p of loadBuiltinGameFile(id).players!)
        expect(p.population, `${id} ${p.id}`).toBe(ds.population.get(p.id, 2007));
    }
  });
});

describe('SCO capacity to decide', () => {
  it('consensus passage probability falls 1/64 → 1/256 → 1/512 → 1/1024 across the stages', () => {
    const sco = loadOrganizations().get('sco');
    const res = capacity(sco, loadDataset(), [
      { id: 'own', label: 'consensus', rule: sco.rule, own: true },
      { id: 'majority', label: 'majority', rule: { count: { moreThanShare: 0.5 } }, own: false },
    ]);
    expect(res.stages.map((s) => s.from)).toEqual(['2001-06-15', '2017-06-09', '2023-07-04', '2024-07-04']);
    expect(res.stages.map((s) => s.outcomes[0]!.passageProbabilityFraction)).toEqual([
      '1/64',
      '1/256',
      '1/512',
      '1/1024',
    ]);
    expect(
      res.stages.every((s) => s.outcomes[0]!.players.every((p) => p.veto && p.blockingPower === 1)),
    ).toBe(true);
    // majority of 9 is self-dual: exactly half the coalitions win
    expect(res.stages[2]!.outcomes[1]!.passageProbabilityFraction).toBe('1/2');
  });

  it('adds a hypothetical stage', () => {
    const sco = loadOrganizations().get('sco');
    const res = capacity(
      sco,
      loadDataset(),
      [{ id: 'own', label: 'consensus', rule: 'consensus', own: true }],
      {
        add: ['TKM', 'MNG'],
        at: '2026-01-01',
      },
    );
    const h = res.stages[res.stages.length - 1]!;
    expect(h.hypothetical).toBe(true);
    expect(h.members).toHaveLength(12);
    expect(h.outcomes[0]!.passageProbabilityFraction).toBe('1/4096');
  });
});
