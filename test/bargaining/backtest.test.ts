import { describe, expect, it } from 'vitest';
import { calibrate, pairedBootstrap } from '../../src/bargaining/backtest.js';
import { run } from '../helpers/cli.js';

describe('backtest: baselines, comparisons, probabilistic scores', () => {
  it('scenarios/sco --json: models and the four baselines with the same keys, comparisons with intervals', async () => {
    const r = await run('backtest', 'scenarios/sco', '--json', '--resamples', '2000');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const m of ['consensus', 'compromise', 'median', 'nash', 'eum']) {
      expect(j.models[m]).toHaveProperty('mae');
      expect(j.models[m]).toHaveProperty('adoptionAccuracy');
      expect(j.models[m]).not.toHaveProperty('brier');
    }
    for (const b of ['statusQuo', 'proposal', 'alwaysAdopted', 'meanPosition'])
      expect(j.baselines[b]).toBeDefined();
    // "always adopted" calls every case adopted: its accuracy is the observed share adopted
    const cases = j.cases.filter(
      (c: { observed: { adopted: boolean | null } }) => c.observed.adopted !== null,
    );
    const adopted = cases.filter((c: { observed: { adopted: boolean } }) => c.observed.adopted).length;
    expect(j.baselines.alwaysAdopted.adoptionAccuracy).toBeCloseTo(adopted / cases.length, 12);
    expect(j.baselines.alwaysAdopted.mae).toBeUndefined();
    const c = j.comparisons.find(
      (x: { model: string; against: string }) => x.model === 'consensus' && x.against === 'proposal',
    );
    expect(c.ci95[0]).toBeLessThanOrEqual(c.maeDifference);
    expect(c.ci95[1]).toBeGreaterThanOrEqual(c.maeDifference);
    expect(j.comparisons.some((x: { against: string }) => x.against === 'compromise')).toBe(true);
    expect(j.subsets.codedAfterOutcome.cases + j.subsets.codedBeforeOutcome.cases).toBe(j.cases.length);
  });

  it('--sweep-runs gives Brier and log scores for models and baselines, reproducibly with --seed', async () => {
    const args = [
      'backtest',
      'scenarios/sco/13-iran-admission-2023.yaml',
      '--json',
      '--sweep-runs',
      '200',
      '--seed',
      '5',
      '--resamples',
      '100',
    ];
    const a = JSON.parse((await run(...args)).out);
    const b = JSON.parse((await run(...args)).out);
    expect(a.models.consensus.brier).toBe(b.models.consensus.brier);
    expect(a.models.consensus.brier).toBeGreaterThanOrEqual(0);
    expect(a.models.consensus.brier).toBeLessThanOrEqual(1);
    expect(a.models.consensus.logScore).toBeGreaterThanOrEqual(0);
    // a baseline that calls "adopted" on an adopted case has Brier 0
    const y = a.cases[0].observed.adopted;
    expect(a.baselines.alwaysAdopted.brier).toBe(y ? 0 : 1);
    expect(a.calibration.consensus).toHaveLength(10);
  });

  it('the paired bootstrap: seeded, exact for constant differences, null without pairs', () => {
    const x = pairedBootstrap([1, 2, 3, null], [0, 1, 2, 5], 1000, 1);
    expect(x.n).toBe(3);
    expect(x.maeDifference).toBe(1);
    expect(x.ci95).toEqual([1, 1]);
    expect(pairedBootstrap([null], [1], 100, 1).ci95).toBeNull();
    const y1 = pairedBootstrap([1, 5, 2, 8], [2, 2, 2, 2], 500, 9);
    const y2 = pairedBootstrap([1, 5, 2, 8], [2, 2, 2, 2], 500, 9);
    expect(y1).toEqual(y2);
  });

  it('calibration bins: ten, the last closed', () => {
    const bins = calibrate([
      [1, true],
      [0.95, false],
      [0.05, false],
      [null, true],
    ]);
    expect(bins).toHaveLength(10);
    expect(bins[9]!.n).toBe(2);
    expect(bins[9]!.observedFrequency).toBe(0.5);
    expect(bins[0]!.meanProbability).toBe(0.05);
  });
});

describe('the Nash model, sourced alternatives', () => {
  it('--nash-disagreement statusQuo takes the status quo for every actor (Nash 1950; Achen 2006)', async () => {
    const { nashBargaining } = await import('../../src/bargaining/nash.js');
    // two actors, no veto: with the worst point the non-veto disagreement is far; with the status quo it is q
    const x = [0, 100];
    const w = [1, 1];
    const has = [1, 1];
    const veto = [0, 0];
    const a = nashBargaining(2, x, [1, 1], has, w, veto, 50, 0, 100, 'veto')!;
    const b = nashBargaining(2, x, [1, 1], has, w, veto, 20, 0, 100, 'statusQuo')!;
    expect(a.outcome).toBeCloseTo(50, 9);
    // with the status quo 20 for both: gains g0 = 20 − z and g1 = 80 − (100 − z) = z − 20 are both
    // non-negative only at z = 20, which is then the solution
    expect(b.outcome).toBeCloseTo(20, 6);
    expect(b.mode).toBe('statusQuo');
  });
});
