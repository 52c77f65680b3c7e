/**
 * The migration to integer run keys: a store written with the schema before it (every result row
 * carrying its run's 36-character id) opens, its rows keyed by run, none lost, and new runs get
 * new keys.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { MIGRATIONS, SCHEMA_VERSION, type StoreDatabase } from '../../src/store/schema.js';

const RUN_KEY_MIGRATION = MIGRATIONS.findIndex((m) => m.toString().includes('results_v3'));

async function oldStore(path: string): Promise<string[]> {
  const raw = new Database(path);
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  await db.schema
    .createTable('concord_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  for (let v = 0; v < RUN_KEY_MIGRATION; v++) await MIGRATIONS[v]!(db);
  await sql`insert into concord_meta (key, value) values ('schema_version', ${String(RUN_KEY_MIGRATION)})`.execute(
    db,
  );
  await sql`insert into workspaces (id, created_at) values ('w', '2026-01-01')`.execute(db);
  const ids = ['bbbbbbbb-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001'];
  for (const [i, id] of ids.entries()) {
    await sql`insert into runs (id, workspace, kind, title, status, visibility, seed, total, batch_size, params, manifest, created_at)
      values (${id}, 'w', 'sweep', ${`run ${i}`}, 'complete', 'private', '1', 3, 3, '{}', '{}', ${`2026-01-0${i + 1}T00:00:00Z`})`.execute(
      db,
    );
    for (let r = 0; r < 3; r++)
      await sql`insert into results (run_id, replicate, issue, model, outcome, adopted, blockers, participants, rounds)
        values (${id}, ${r}, 'x', 'm', ${i * 10 + r}, 1, ${r ? 'KAZ' : null}, null, null)`.execute(db);
  }
  await db.destroy();
  return ids;
}

describe('integer run keys (migration)', () => {
  it('keeps every row of an older store under its run, and keys runs by creation', async () => {
    expect(RUN_KEY_MIGRATION).toBeGreaterThan(0);
    const path = join(mkdtempSync(join(tmpdir(), 'concord-runkey-')), 'old.sqlite');
    const [first, second] = await oldStore(path);
    const store = await openStore(path);
    try {
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      const rows = async (id: string) => {
        const out = [];
        for await (const r of store.results(id)) out.push(r);
        return out;
      };
      expect((await rows(first!)).map((r) => r.outcome)).toEqual([0, 1, 2]);
      expect((await rows(second!)).map((r) => [r.outcome, r.blockers])).toEqual([
        [10, null],
        [11, 'KAZ'],
        [12, 'KAZ'],
      ]);
      expect(await store.countResults(first!)).toBe(3);
      const keys = await store.db.selectFrom('runs').select(['id', 'run_key']).orderBy('run_key').execute();
      expect(keys).toEqual([
        { id: first, run_key: 1 },
        { id: second, run_key: 2 },
      ]);
      // The rows no longer carry the id.
      const cols = await sql<{ name: string }>`select name from pragma_table_info('results')`.execute(
        store.db,
      );
      expect(cols.rows.map((c) => c.name)).not.toContain('run_id');
      // A new run gets the next key, its rows stay apart, and deleting a run deletes only its rows.
      const run = await store.createRun({
        workspace: 'w',
        kind: 'sweep',
        seed: '1',
        total: 2,
        batchSize: 2,
        params: {},
        manifest: {},
      });
      await store.completeBatch(
        run.id,
        0,
        [
          {
            replicate: 0,
            issue: 'x',
            model: 'm',
            outcome: 5,
            adopted: null,
            blockers: null,
            participants: null,
            rounds: null,
          },
          {
            replicate: 1,
            issue: 'x',
            model: 'm',
            outcome: 6,
            adopted: null,
            blockers: null,
            participants: null,
            rounds: null,
          },
        ],
        'w1',
      );
      const k = await store.db
        .selectFrom('runs')
        .select('run_key')
        .where('id', '=', run.id)
        .executeTakeFirstOrThrow();
      expect(k.run_key).toBe(3);
      expect((await rows(run.id)).map((r) => r.outcome)).toEqual([5, 6]);
      await store.deleteRun(first!);
      expect(await store.countResults(first!)).toBe(0);
      expect(await store.countResults(second!)).toBe(3);
      expect(await store.countResults(run.id)).toBe(2);
    } finally {
      await store.close();
    }
  });
});
