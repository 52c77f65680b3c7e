// One input for every command: forecast, backtest and sweep on a four-column CSV, a DEU table as
// published (with its import summary on stderr and in --json), and DECIDE's quoted files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { run } from '../helpers/cli.js';

const FOUR = 'test/fixtures/import/four-columns.csv';
const DEU = 'test/fixtures/import/deu3-shaped.csv';
const dir = mkdtempSync(join(tmpdir(), 'concord-import-cli-'));

describe('one input, every command', () => {
  it('a four-column CSV forecasts, backtests and sweeps', async () => {
    const f = await run('forecast', FOUR, '--model', 'compromise', '--json');
    expect(f.code, f.err).toBe(0);
    expect(JSON.parse(f.out).import.format).toBe('long');
    const b = await run('backtest', FOUR);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toMatch(/1 scenario, 0 cases with an observed outcome/);
    const store = join(dir, 'four.sqlite');
    const s = await run('sweep', FOUR, '--runs', '500', '--seed', '3', '--store', store, '--json');
    expect(s.code, s.err).toBe(0);
    const out = JSON.parse(s.out);
    expect(out.run.status).toBe('complete');
    expect(out.summary.results.find((r: { model: string }) => r.model === 'compromise').n).toBe(500);
    // The manifest keeps the scenario the table stands for: the run is reproducible from it.
    const st = await openStore(store);
    const rec = await st.getRun(out.run.id);
    await st.close();
    const params = rec!.params as { scenario: { file: string; text: string } };
    expect(params.scenario.file).toBe(FOUR);
    expect(params.scenario.text).toMatch(/CHN:\s+capability: 0\.5/);
  });

  it('a published-shape DEU table backtests with no hand editing and prints what it skipped', async () => {
    const r = await run('backtest', DEU);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/deu3-shaped\.csv: deu table: 6 issues, 30 actors/);
    expect(r.err).toMatch(
      /skipped 1: salience without a position: the actor is absent from the issue \(line 5, column suk\)/,
    );
    expect(r.err).toMatch(/defaulted 1: position without a salience: salience set to 50/);
    expect(r.out).toMatch(/4 cases with an observed outcome/);
    const j = await run('backtest', DEU, '--json', '--default-salience', '30');
    const body = JSON.parse(j.out);
    expect(
      body.import[0].counts.find((c: { reason: string }) => /position without/.test(c.reason)).reason,
    ).toMatch(/salience set to 30/);
    expect(body.cases).toHaveLength(4);
  });

  it("DECIDE's own input layout forecasts with --format decide", async () => {
    const r = await run(
      'forecast',
      'test/fixtures/import/decide-quoted.txt',
      '--format',
      'decide',
      '--model',
      'compromise',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Issue toll-level/);
  });

  it('bad tables exit 2 naming file, line and column, and store nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'actor,position,salience\nA,10,0.5\nA,20,0.5\n');
    const store = join(dir, 'bad.sqlite');
    const r = await run('sweep', bad, '--runs', '100', '--store', store);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.csv:3: column actor: A already has a row/);
    const st = await openStore(store);
    expect(await st.listRuns({})).toHaveLength(0);
    await st.close();
  });
});
