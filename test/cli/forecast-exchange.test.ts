import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

const FIXTURE = 'test/fixtures/exchange/synthetic.csv';

describe('concord forecast --model exchange', () => {
  it('explains the rounds: the forecast before and after, who shifted where for whom', async () => {
    const r = await run('forecast', FIXTURE, '--format', 'decide', '--model', 'exchange');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^exchange\s+15\.8\b/m);
    expect(r.out).toContain('round 1: forecast 12 → 15.51; 6 exchanges of 15');
    // The first exchange of the decide package's run (test/bargaining/exchange.test.ts).
    expect(r.out).toContain('S 0 → 14.85 for N on fund 10 → 90 (gain 6.717 each)');
    expect(r.out).toContain('round 10:');
  });

  it('gives rounds, exchanges, positions and externalities in --json', async () => {
    const r = await run('forecast', FIXTURE, '--format', 'decide', '--model', 'exchange', '--json');
    const j = JSON.parse(r.out);
    const fund = j.issues.find((i: { id: string }) => i.id === 'fund').models.exchange;
    expect(fund.outcome).toBeCloseTo(77.729046, 5);
    expect(fund.rounds).toHaveLength(10);
    expect(fund.rounds[0].exchanges[0]).toMatchObject({ mover: 'N', from: 10, to: 90, partner: 'S' });
    expect(fund.positions.N).toBeCloseTo(74.365059, 5);
    expect(Object.keys(fund.externalities.C).sort()).toEqual(
      ['innerNegative', 'innerPositive', 'outerNegative', 'outerPositive', 'own'].sort(),
    );
  });

  it('exits 2 naming the field on a single-issue scenario', async () => {
    const r = await run('forecast', 'scenarios/sco/01-rats-2002.yaml', '--model', 'exchange');
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_VALIDATION');
    expect(r.err).toContain('issues: the exchange model trades shifts between issues');
    expect(r.err).toContain('"rats"');
  });

  it('is listed by the backtest beside the other models', async () => {
    const r = await run('backtest', 'scenarios/sco');
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n').find((l) => l.startsWith('case'))).toContain('exchange');
  });
});
