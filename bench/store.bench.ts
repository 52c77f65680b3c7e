/**
 * Bytes per stored result row, before and after the integer run key (schema migration "results
 * keyed by runs.run_key"): the same rows written to two SQLite stores, one migrated only up to the
 * schema before it (every row carrying its run's 36-character id), one at the current schema;
 * each file vacuumed, and the growth over the empty store divided by the rows.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { openStore } from '../src/store/open.js';
import { MIGRATIONS, type StoreDatabase } from '../src/store/schema.js';
import type { ResultRow } from '../src/store/store.js';
import type { Benchmark } from './run.js';

const RUN_KEY_MIGRATION = MIGRATIONS.findIndex((m) => m.toString().includes('results_v3'));
const ROWS = 200_000;
const ISSUES = ['rats', 'free-trade-area', 'admission-regulations'];
const MODELS = ['consensus', 'compromise', 'median', 'nash', 'eum'];

/** Rows shaped like a forecast sweep's: issue × model × replicate, a real-valued outcome. */
function rows(): ResultRow[] {
  const out: ResultRow[] = [];
  let x = 12345;
  const rand = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  const perCell = Math.ceil(ROWS / (ISSUES.length * MODELS.length));
  for (const issue of ISSUES)
    for (const model of MODELS)
      for (let r = 0; r < perCell && out.length < ROWS; r++) {
        const consensus = model === 'consensus';
        out.push({
          replicate: r,
          issue,
          model,
          outcome: Math.round(rand() * 1e6) / 1e4,
          adopted: consensus ? (rand() < 0.8 ? 1 : 0) : null,
          blockers: consensus && rand() < 0.2 ? 'IND,PAK' : null,
          participants: null,
          rounds: model === 'eum' ? 1 + Math.floor(rand() * 20) : null,
        });
      }
  return out;
}

function size(path: string): number {
  const db = new Database(path);
  db.exec('vacuum');
  db.close();
  return statSync(path).size;
}

async function before(path: string, data: readonly ResultRow[]): Promise<{ empty: number; full: number }> {
  const raw = new Database(path);
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  await db.schema
    .createTable('concord_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  for (let v = 0; v < RUN_KEY_MIGRATION; v++) await MIGRATIONS[v]!(db);
  const id = '4f9aaabc-6352-41a6-ba95-b59ccb1b1f4a';
  await sql`insert into runs (id, workspace, kind, status, visibility, seed, total, batch_size, params, manifest, created_at)
    values (${id}, 'w', 'sweep', 'complete', 'private', '1', ${data.length}, ${data.length}, '{}', '{}', '2026-01-01')`.execute(
    db,
  );
  await db.destroy();
  const empty = size(path);
  const w = new Database(path);
  const st = w.prepare(
    'insert into results (run_id, replicate, issue, model, outcome, adopted, blockers, participants, rounds) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  w.transaction(() => {
    for (const r of data)
      st.run(id, r.replicate, r.issue, r.model, r.outcome, r.adopted, r.blockers, r.participants, r.rounds);
  })();
  w.close();
  return { empty, full: size(path) };
}

async function after(path: string, data: readonly ResultRow[]): Promise<{ empty: number; full: number }> {
  const store = await openStore(path);
  const run = await store.createRun({
    workspace: 'w',
    kind: 'sweep',
    seed: '1',
    total: 1,
    batchSize: 1,
    params: {},
    manifest: {},
  });
  await store.close();
  const empty = size(path);
  const s2 = await openStore(path);
  await s2.completeBatch(run.id, 0, data, 'bench');
  await s2.close();
  return { empty, full: size(path) };
}

export const benchmark: Benchmark = {
  name: 'store',
  description: 'bytes per stored result row before and after the integer run key (SQLite, vacuumed)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'concord-bench-store-'));
    try {
      const data = rows();
      const b = await before(join(dir, 'before.sqlite'), data);
      const a = await after(join(dir, 'after.sqlite'), data);
      const per = (x: { empty: number; full: number }) => (x.full - x.empty) / data.length;
      console.log(`${data.length.toLocaleString('en-US')} rows of a forecast sweep (3 issues × 5 models)`);
      console.log(`before (rows carry the run's 36-character id): ${per(b).toFixed(1)} bytes per row`);
      console.log(`after  (rows carry the integer run key):       ${per(a).toFixed(1)} bytes per row`);
      console.log(`ratio after/before: ${(per(a) / per(b)).toFixed(2)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
