import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('the forecast registry (real SQLite file)', () => {
  it('forecast --register, registry list, score once the outcome is added, refuse a changed scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-registry-'));
    const store = join(dir, 'store.sqlite');
    const src = readFileSync('scenarios/sco/13-iran-admission-2023.yaml', 'utf8');
    const noOutcome = src
      .split('\n')
      .filter((l) => !l.trim().startsWith('outcome:'))
      .join('\n');
    const file = join(dir, 'case.yaml');
    writeFileSync(file, noOutcome);
    const reg = await runCli(['forecast', file, '--register', '--store', store, '--json']);
    expect(reg.code).toBe(0);
    const { registered } = JSON.parse(reg.out);
    expect(registered.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    const list = JSON.parse((await runCli(['registry', 'list', '--store', store, '--json'])).out);
    expect(list.forecasts).toHaveLength(1);
    expect(list.forecasts[0].score).toBeNull();
    // no outcome yet
    let sc = JSON.parse((await runCli(['registry', 'score', '--store', store, '--json'])).out);
    expect(sc.forecasts[0].status).toBe('no outcome yet');
    // the outcome arrives: the hash is unchanged, the forecast is scored from what was registered
    writeFileSync(
      file,
      noOutcome.replace('    positions:', '    outcome: { adopted: true, position: 100 }\n    positions:'),
    );
    sc = JSON.parse((await runCli(['registry', 'score', '--store', store, '--json'])).out);
    expect(sc.forecasts[0].status).toBe('scored');
    expect(sc.forecasts[0].score.models.consensus.adoptionAccuracy).toBe(1);
    const shown = JSON.parse(
      (await runCli(['registry', 'show', registered.id.slice(0, 8), '--store', store])).out,
    );
    expect(shown.scored_at).not.toBeNull();
    // any other change: refused
    writeFileSync(file, readFileSync(file, 'utf8').replace(/salience: 0\.(\d)/, 'salience: 0.$15'));
    const bad = await runCli(['registry', 'score', registered.id, '--store', store]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/E_CONFLICT/);
    expect(bad.err).toMatch(/changed since the forecast was registered/);
  });
});

describe('concord reliability', () => {
  it('alpha per file, with a bootstrap interval, for a file with two coders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-rel-'));
    const file = join(dir, 'two.yaml');
    writeFileSync(
      file,
      `id: two
issues:
  - id: x
    positions:
      A: [{ coder: a, position: 10, salience: 0.5 }, { coder: b, position: 20, salience: 0.5 }]
      B: [{ coder: a, position: 80, salience: 0.9 }, { coder: b, position: 70, salience: 0.7 }]
      C: [{ coder: a, position: 50, salience: 0.2 }, { coder: b, position: 50, salience: 0.3 }]
      D: { position: 40, salience: 0.4 }
`,
    );
    const r = await runCli(['reliability', file, '--json', '--resamples', '200']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.files[0].coders).toEqual(['a', 'b']);
    expect(j.files[0].positions.units).toBe(3);
    expect(j.files[0].positions.alpha).toBeGreaterThan(0.8);
    expect(j.files[0].positions.ci95).toHaveLength(2);
    const t = await runCli(['reliability', file]);
    expect(t.out).toMatch(/Krippendorff/);
    // the models use the mean coding: A at 15
    const f = JSON.parse((await runCli(['forecast', file, '--model', 'compromise', '--json'])).out);
    expect(f.issues[0].models.compromise.outcome).toBeGreaterThan(0);
  });
});

describe('forecast per coder', () => {
  it('a file with two coders: the forecast JSON adds each coder’s forecasts next to the mean coding’s', async () => {
    const r = await runCli([
      'forecast',
      'scenarios/sco/13-iran-admission-2023.yaml',
      '--model',
      'compromise',
      '--json',
    ]);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.coders)).toEqual(['a', 'b']);
    // coder b codes every member at 100: the weighted mean is 100; the mean coding lies between a and b
    expect(j.coders.b['admit-iran'].compromise).toBeCloseTo(100, 9);
    const mean = j.issues[0].models.compromise.outcome;
    expect(mean).toBeGreaterThan(j.coders.a['admit-iran'].compromise);
    expect(mean).toBeLessThan(100);
  });
});
