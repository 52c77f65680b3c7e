// Sweeps against a real PostgreSQL store (`npm run test:postgres` starts one): the same summary as
// on SQLite, with one worker or two, and the rows exported in full. SYNTHETIC test adapter.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';

const url = process.env.CONCORD_TEST_PG_URL;
if (!url) throw new Error('CONCORD_TEST_PG_URL is not set: run `npm run test:postgres`');
const toy = join(import.meta.dirname, '../fixtures/sweep/toy.yaml');

async function cli(...argv: string[]) {
  const io = memoryIO({});
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('sweeps on PostgreSQL', () => {
  it('give the summary of a SQLite run, with one worker or two, and export every row', async () => {
    const args = [
      'sweep',
      toy,
      '--adapter',
      'synthetic',
      '--runs',
      '6000',
      '--seed',
      '21',
      '--batch-size',
      '500',
      '--json',
    ];
    const one = await cli(...args, '--workers', '1', '--store', url);
    expect(one.code, one.err).toBe(0);
    const two = await cli(...args, '--workers', '2', '--store', url);
    expect(two.code, two.err).toBe(0);
    const lite = await cli(
      ...args,
      '--workers',
      '1',
      '--store',
      join(mkdtempSync(join(tmpdir(), 'concord-pg-')), 's.sqlite'),
    );
    const a = JSON.parse(one.out);
    expect(JSON.stringify(JSON.parse(two.out).summary)).toBe(JSON.stringify(a.summary));
    expect(JSON.stringify(JSON.parse(lite.out).summary)).toBe(JSON.stringify(a.summary));
    const csv = (await cli('runs', 'export', a.run.id, '--store', url)).out.trim().split('\n');
    expect(csv).toHaveLength(1 + 6000 * 2);
    const store = await openStore(url);
    expect(await store.countResults(a.run.id)).toBe(12_000);
    expect((await store.getRun(a.run.id))!.status).toBe('complete');
    await store.close();
  });

  it('lets several processes open a fresh database at once (one of them migrates it)', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists concord_race');
    await admin.query('create database concord_race');
    await admin.end();
    const raceUrl = url.replace(/\/[^/?]+(\?.*)?$/, '/concord_race');
    const stores = await Promise.all([1, 2, 3, 4, 5].map(() => openStore(raceUrl)));
    for (const s of stores) expect(await s.schemaVersion()).toBe(SCHEMA_VERSION);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('reports an unreachable server clearly and creates nothing', async () => {
    const r = await cli(
      'sweep',
      toy,
      '--adapter',
      'synthetic',
      '--runs',
      '10',
      '--store',
      'postgres://nobody@127.0.0.1:1/none',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('[E_UNAVAILABLE]');
  });
});
