import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

describe('concord forecast', () => {
  it('prints every model per issue and a one-line explanation', async () => {
    const r = await run('forecast', 'scenarios/sco/05-iran-membership-blocked-2019.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('not adopted: TJK prefers the status quo 0 to Russia’s proposal 100');
    for (const m of ['consensus', 'compromise', 'median', 'nash', 'eum', 'observed'])
      expect(r.out).toMatch(new RegExp(`^${m}\\b`, 'm'));
  });

  it('keeps the JSON contract', async () => {
    const r = await run('forecast', 'scenarios/sco/09-belt-and-road-2018.yaml', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const issue = j.issues[0];
    expect(issue.id).toBe('bri-paragraph');
    const m = issue.models;
    expect(m.consensus).toMatchObject({ adopted: true, outcome: 100, blockers: ['IND'] });
    expect(m.consensus.participants).toHaveLength(7);
    expect(m.consensus.participants).not.toContain('IND');
    for (const k of ['compromise', 'median', 'nash']) expect(typeof m[k].outcome).toBe('number');
    expect(typeof m.eum.outcome).toBe('number');
    expect(typeof m.eum.rounds).toBe('number');
    expect(typeof issue.explanation).toBe('string');
  });

  it('runs the models named by --model only', async () => {
    const j = JSON.parse(
      (
        await run(
          'forecast',
          'scenarios/sco/06-development-bank-2010.yaml',
          '--model',
          'compromise',
          'median',
          '--json',
        )
      ).out,
    );
    expect(Object.keys(j.issues[0].models).sort()).toEqual(['compromise', 'median']);
  });

  it('reads imported formats', async () => {
    const r = await run('forecast', 'test/fixtures/bargaining/decide-200-3.txt', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).issues[0].models.compromise.outcome).toBeCloseTo(200 / 3, 9);
  });

  it('exits 2 with a code and a hint on bad input', async () => {
    for (const [args, code] of [
      [['forecast', 'scenarios/sco/01-rats-2002.yaml', '--model', 'oracle'], 'E_USAGE'],
      [['forecast', 'test/fixtures/bargaining/ktab-ragged.csv'], 'E_FILE_FORMAT'],
      [['forecast', 'test/fixtures/bargaining/ktab-3.csv', '--model', 'consensus'], 'E_VALIDATION'],
      [['forecast', 'test/fixtures/bargaining/deu-small.tsv', '--default-salience', '150'], 'E_USAGE'],
      [['forecast', 'test/fixtures/import/four-columns.csv', '--format', 'xlsx'], 'E_USAGE'],
      [['forecast', '/nonexistent.yaml'], 'E_FILE_UNREADABLE'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`[${code}]`);
      expect(r.err).toContain('hint:');
    }
  });
});

describe('concord backtest', () => {
  it('scores every model on the SCO cases, with the JSON contract', async () => {
    const r = await run('backtest', 'scenarios/sco', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.cases.length).toBeGreaterThanOrEqual(17);
    for (const m of ['consensus', 'compromise', 'median', 'nash', 'eum']) {
      expect(typeof j.models[m].mae).toBe('number');
      expect(j.models[m].adoptionAccuracy).toBeGreaterThanOrEqual(0);
      expect(j.models[m].adoptionAccuracy).toBeLessThanOrEqual(1);
    }
    expect(typeof j.models.consensus.participantAccuracy).toBe('number');
    expect(j.models.compromise.participantAccuracy).toBeUndefined();
  });

  it('prints the table for a DEU-style file with equal capabilities', async () => {
    const r = await run(
      'backtest',
      'test/fixtures/bargaining/deu-small.tsv',
      '--format',
      'deu',
      '--capabilities',
      'equal',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 cases with an observed outcome/);
    expect(r.out).toMatch(/^compromise\s+\d/m);
    expect(r.out).toContain('which Concord does not ship');
  });

  it('a DEU backtest is checkable by hand: case 1 compromise = (0 + 100 + 100)/3, error |66.7 − 60|', async () => {
    const j = JSON.parse(
      (
        await run(
          'backtest',
          'test/fixtures/bargaining/deu-small.tsv',
          '--format',
          'deu',
          '--capabilities',
          'equal',
          '--json',
        )
      ).out,
    );
    const c1 = j.cases.find((c: { issue: string }) => c.issue === 'case1');
    expect(c1.models.compromise.outcome).toBeCloseTo(200 / 3, 9);
    expect(c1.models.compromise.error).toBeCloseTo(200 / 3 - 60, 9);
  });
});
