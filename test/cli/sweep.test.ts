// The sweep, runs and worker commands in-process, with the SYNTHETIC test adapter (toy models).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { run } from '../helpers/cli.js';

const toy = join(import.meta.dirname, '../fixtures/sweep/toy.yaml');
const dir = mkdtempSync(join(tmpdir(), 'concord-sweep-cli-'));

const base = ['sweep', toy, '--adapter', 'synthetic', '--seed', '11', '--batch-size', '250'];

describe('concord sweep', () => {
  it('gives the same summary with one worker (inline) and two worker threads', async () => {
    const store = join(dir, 'a.sqlite');
    const one = await run(...base, '--runs', '3000', '--workers', '1', '--store', store, '--json');
    expect(one.code, one.err).toBe(0);
    const two = await run(...base, '--runs', '3000', '--workers', '2', '--store', store, '--json');
    expect(two.code, two.err).toBe(0);
    const a = JSON.parse(one.out);
    const b = JSON.parse(two.out);
    expect(a.run.id).not.toBe(b.run.id);
    expect(a.run.status).toBe('complete');
    expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
    expect(a.summary.results.map((r: { model: string }) => r.model)).toEqual(['mean', 'vote']);
    for (const k of ['n', 'mean', 'sd', 'quantiles', 'histogram', 'adoption', 'blocking', 'anyBlocker'])
      expect(a.summary.results[1]).toHaveProperty(k);
    expect(a.summary.results[1].n).toBe(3000);

    // runs list / show / export
    const list = JSON.parse((await run('runs', 'list', '--store', store, '--json')).out);
    expect(list.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([a.run.id, b.run.id]));
    const show = JSON.parse(
      (await run('runs', 'show', a.run.id.slice(0, 8), '--store', store, '--json')).out,
    );
    expect(show.run.status).toBe('complete');
    expect(show.run.manifest).toMatchObject({
      concord: expect.any(String),
      node: process.version,
      seed: 11,
      mode: 'montecarlo',
    });
    expect(show.run.manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(show.summary)).toBe(JSON.stringify(a.summary));
    const text = (await run('runs', 'show', a.run.id, '--store', store)).out;
    expect(text).toContain('how often each member blocks');
    const csv = (await run('runs', 'export', a.run.id, '--store', store, '--format', 'csv')).out
      .trim()
      .split('\n');
    // The fixed columns, then one per uncertain input (docs/interop.md).
    expect(csv[0]).toMatch(
      /^replicate,point,issue,model,outcome,adopted,blockers,participants,rounds,position\./,
    );
    expect(csv).toHaveLength(1 + 3000 * 2);
    const exp = JSON.parse((await run('runs', 'export', a.run.id, '--store', store, '--format', 'json')).out);
    expect(exp.rows).toHaveLength(6000);
    expect(exp.rows[0]).toMatchObject({ replicate: 0, issue: 'x', model: 'mean', point: 0 });
  });

  it('keeps only aggregates with --keep summary, and says so on export', async () => {
    const store = join(dir, 'b.sqlite');
    const r = await run(
      ...base,
      '--runs',
      '1000',
      '--workers',
      '1',
      '--store',
      store,
      '--keep',
      'summary',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const id = JSON.parse(r.out).run.id;
    const s = await openStore(store);
    expect(await s.countResults(id)).toBe(0);
    await s.close();
    const full = await run(...base, '--runs', '1000', '--workers', '1', '--store', store, '--json');
    expect(JSON.parse(full.out).summary.results).toEqual(JSON.parse(r.out).summary.results);
    const e = await run('runs', 'export', id, '--store', store);
    expect(e.code).toBe(2);
    expect(e.err).toContain('[E_NO_DATA]');
  });

  it('prints a readable summary and Sobol indices with --sensitivity', async () => {
    const r = await run(
      ...base,
      '--runs',
      '300',
      '--workers',
      '1',
      '--store',
      join(dir, 'c.sqlite'),
      '--sensitivity',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Sobol indices of the outcome');
    expect(r.out).toContain('position.x.D');
    expect(r.out).toMatch(/mean\s+\d+\.\d\d\s+\d+\.\d\d/);
  });

  it('refuses bad input with a code, and leaves no run behind', async () => {
    const store = join(dir, 'd.sqlite');
    const cases: Array<[string[], string]> = [
      [[...base, '--runs', '0', '--store', store], 'E_VALIDATION'],
      [[...base, '--runs', '-3', '--store', store], 'E_VALIDATION'],
      [[...base, '--runs', 'many', '--store', store], 'E_VALIDATION'],
      [[...base, '--runs', '1e9', '--store', store], 'E_LIMIT'],
      [
        [...base, '--runs', '10', '--store', store, '--executor', 'bullmq', '--redis', 'redis://127.0.0.1:1'],
        'E_UNAVAILABLE',
      ],
      [[...base, '--runs', '10', '--store', 'postgres://nobody@127.0.0.1:1/none'], 'E_UNAVAILABLE'],
      [['sweep', '--resume', 'feedbeef', '--store', store], 'E_UNKNOWN_ID'],
      [['sweep', '--store', store], 'E_USAGE'],
    ];
    for (const [args, code] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(`[${code}]`);
      expect(r.err).toContain('hint:');
    }
    const list = JSON.parse((await run('runs', 'list', '--store', store, '--json')).out);
    expect(list).toEqual([]);
  });

  it('refuses a store written by a newer schema, and resuming a complete run', async () => {
    const store = join(dir, 'e.sqlite');
    const ok = await run(...base, '--runs', '200', '--workers', '1', '--store', store, '--json');
    const id = JSON.parse(ok.out).run.id;
    const again = await run('sweep', '--resume', id, '--store', store);
    expect(again.code).toBe(2);
    expect(again.err).toContain('[E_CONFLICT]');
    const s = await openStore(store);
    await s.db.updateTable('concord_meta').set({ value: '99' }).where('key', '=', 'schema_version').execute();
    await s.close();
    const r = await run(...base, '--runs', '10', '--store', store);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[E_SCHEMA_VERSION]');
  });
});

describe('concord runs cancel', () => {
  it('stops a sweep running on threads mid-way, keeps its batches, and the resumed run has the uninterrupted summary', async () => {
    const store = join(dir, 'cancel.sqlite');
    const args = [...base, '--runs', '200000', '--workers', '2', '--store', store, '--json'];
    const full = await run(...args);
    expect(full.code, full.err).toBe(0);
    const reference = JSON.parse(full.out).summary;
    // The same sweep again, cancelled from another connection to the store once batches land.
    const running = run(...args);
    const s = await openStore(store);
    let id = '';
    try {
      for (let i = 0; i < 300 && !id; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const runs = await s.listRuns({ status: 'running' });
        if (runs[0] && (await s.progress(runs[0].id)).done > 0) id = runs[0].id;
      }
      expect(id).not.toBe('');
      const t = performance.now();
      expect((await run('runs', 'cancel', id, '--store', store)).code).toBe(0);
      const r = await running;
      expect(performance.now() - t).toBeLessThan(1500);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/was cancelled: \d+ of \d+ batches done and kept/);
      expect((await s.getRun(id))!.status).toBe('cancelled');
      const kept = (await s.progress(id)).done;
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan((await s.progress(id)).batches);
    } finally {
      await s.close();
    }
    const resumed = await run('sweep', '--resume', id, '--store', store, '--json');
    expect(resumed.code, resumed.err).toBe(0);
    expect(JSON.stringify(JSON.parse(resumed.out).summary)).toBe(JSON.stringify(reference));
  }, 120_000);
});
