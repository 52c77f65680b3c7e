/**
 * The run store's tables, as kysely types, and the migrations that create them. One schema for
 * SQLite and PostgreSQL. `schema_version` in `concord_meta` records the version; a store written
 * by a newer Concord is refused (E_SCHEMA_VERSION) rather than misread.
 *
 * Tidy long form: one row of `results` per (run, replicate, issue, model); a run's parameters are
 * stored once, in `runs.params`, never repeated on the rows, and since schema 3 the rows name
 * their run by a small integer key (`runs.run_key`), not by its 36-character id.
 */
import { type ColumnType, type Kysely, sql } from 'kysely';

/** `cancelled`: stopped on request (`concord runs cancel`, DELETE /api/runs/{id}); resumable like `interrupted`. */
export type RunStatus = 'pending' | 'running' | 'complete' | 'interrupted' | 'failed' | 'cancelled';

export interface MetaTable {
  key: string;
  value: string;
}

export interface WorkspaceTable {
  id: string;
  created_at: string;
}

export interface TokenTable {
  id: string;
  workspace: string;
  /** SHA-256 of the secret, hex; the secret itself is never stored. */
  hash: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
  /** ISO time after which the token no longer grants access; null: it does not expire (schema 3). */
  expires_at: string | null;
}

export interface RunTable {
  id: string;
  workspace: string;
  kind: string;
  title: string | null;
  status: RunStatus;
  visibility: 'private' | 'public';
  seed: string;
  scenario_hash: string | null;
  total: number;
  batch_size: number;
  /** JSON: the parameters of the run (scenario, models, options): stored once. */
  params: string;
  /** JSON: version, git commit, Node version, host, timings. */
  manifest: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string | null;
  error: string | null;
  /** JSON: the run's summary once complete (schema 2). */
  summary: string | null;
  /** The run's integer key, unique, by which its result rows name it (schema 3). */
  run_key: number;
}

export interface BatchTable {
  run_id: string;
  idx: number;
  first: number;
  count: number;
  status: 'pending' | 'done';
  worker: string | null;
  attempts: number;
  finished_at: string | null;
  /** JSON: the batch's aggregates (schema 2), written with its results in one transaction. */
  aggregate: string | null;
}

export interface ResultTable {
  /** `runs.run_key` of the run (schema 3; was the run's id). */
  run_key: number;
  replicate: number;
  issue: string;
  model: string;
  outcome: number | null;
  /** 1 adopted, 0 not, null when the model makes no adoption call. */
  adopted: number | null;
  /** Comma-separated ISO3 codes (or actor ids), null when not applicable. */
  blockers: string | null;
  participants: string | null;
  rounds: number | null;
}

/** A scenario uploaded into a workspace (schema 4): the scenario file it stands for, as YAML. */
export interface ScenarioTable {
  id: string;
  workspace: string;
  /** The uploaded file's name (four.csv). */
  name: string;
  /** The format it was read as: scenario, long, deu, decide, ktab. */
  format: string;
  title: string | null;
  /** The scenario file (YAML): what forecasts and sweeps read. */
  text: string;
  /** JSON: the import summary (tables), or null. */
  summary: string | null;
  /** SHA-256 of the uploaded bytes. */
  source_sha256: string;
  bytes: number;
  created_at: string;
}

/** A registered forecast (schema 5): what every model said, before the outcome was known. */
export interface ForecastTable {
  id: string;
  workspace: string;
  created_at: string;
  scenario_id: string;
  /** The file as given when registered. */
  file: string;
  /** SHA-256 of the scenario without its outcomes (canonical JSON): adding an outcome keeps it. */
  scenario_hash: string;
  /** Concord's version and git commit. */
  code_version: string;
  /** JSON: the forecast of every model per issue, and the options. */
  forecast: string;
  /** JSON: the score once the outcome is in, else null. */
  score: string | null;
  scored_at: string | null;
}

/** A negotiation room (src/rooms/): its join code and moderator token kept as SHA-256 hashes only. */
export interface RoomTable {
  id: string;
  workspace: string;
  scenario_id: string;
  code_hash: string;
  moderator_hash: string;
  status: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
}

/** A participant of a room: one delegation of one room; the token is stored hashed. */
export interface RoomParticipantTable {
  id: string;
  room_id: string;
  token_hash: string;
  delegation: string;
  name: string;
  created_at: string;
}

/** The append-only event log of a room: `seq` counts from 1 without gaps; `data` is JSON. */
export interface RoomEventTable {
  room_id: string;
  seq: number;
  type: string;
  data: string;
  created_at: string;
}

export interface StoreDatabase {
  concord_meta: MetaTable;
  scenarios: ScenarioTable;
  rooms: RoomTable;
  room_participants: RoomParticipantTable;
  room_events: RoomEventTable;
  workspaces: WorkspaceTable;
  tokens: TokenTable;
  runs: RunTable;
  batches: BatchTable;
  results: ResultTable;
  forecasts: ForecastTable;
}

/** Migration n brings the schema from version n − 1 to n. */
export const MIGRATIONS: ReadonlyArray<(db: Kysely<StoreDatabase>) => Promise<void>> = [
  async (db) => {
    await db.schema
      .createTable('workspaces')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('tokens')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('runs')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('private'))
      .addColumn('seed', 'text', (c) => c.notNull())
      .addColumn('scenario_hash', 'text')
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('batch_size', 'integer', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('manifest', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('heartbeat_at', 'text')
      .addColumn('error', 'text')
      .execute();
    await db.schema
      .createIndex('runs_workspace')
      .ifNotExists()
      .on('runs')
      .columns(['workspace', 'created_at'])
      .execute();
    await db.schema
      .createTable('batches')
      .ifNotExists()
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('idx', 'integer', (c) => c.notNull())
      .addColumn('first', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('worker', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('finished_at', 'text')
      .addPrimaryKeyConstraint('batches_pk', ['run_id', 'idx'])
      .execute();
    await db.schema
      .createTable('results')
      .ifNotExists()
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('replicate', 'integer', (c) => c.notNull())
      .addColumn('issue', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('outcome', 'double precision')
      .addColumn('adopted', 'integer')
      .addColumn('blockers', 'text')
      .addColumn('participants', 'text')
      .addColumn('rounds', 'integer')
      .addPrimaryKeyConstraint('results_pk', ['run_id', 'issue', 'model', 'replicate'])
      .execute();
    await sql`select 1`.execute(db);
  },
  // 2: sweeps keep per-batch aggregates (merged in batch order into a reproducible summary) and the
  // run's summary.
  async (db) => {
    await db.schema.alterTable('batches').addColumn('aggregate', 'text').execute();
    await db.schema.alterTable('runs').addColumn('summary', 'text').execute();
  },
  // 3: a leaner store: result rows name their run by an integer key instead of repeating its
  // 36-character id on every row (about 40 bytes a row less, and a smaller primary-key index).
  async (db) => {
    await sql`alter table runs add column run_key integer`.execute(db);
    await sql`update runs set run_key = (select count(*) from runs r2 where r2.created_at < runs.created_at or (r2.created_at = runs.created_at and r2.id <= runs.id))`.execute(
      db,
    );
    await sql`create unique index runs_run_key on runs (run_key)`.execute(db);
    await sql`create table results_v3 (
      run_key integer not null,
      replicate integer not null,
      issue text not null,
      model text not null,
      outcome double precision,
      adopted integer,
      blockers text,
      participants text,
      rounds integer,
      constraint results_v3_pk primary key (run_key, issue, model, replicate)
    )`.execute(db);
    await sql`insert into results_v3 (run_key, replicate, issue, model, outcome, adopted, blockers, participants, rounds)
      select r.run_key, s.replicate, s.issue, s.model, s.outcome, s.adopted, s.blockers, s.participants, s.rounds
      from results s join runs r on r.id = s.run_id`.execute(db);
    await sql`drop table results`.execute(db);
    await sql`alter table results_v3 rename to results`.execute(db);
  },
  // 4: scenarios uploaded into a workspace (the API's and the lab's upload).
  async (db) => {
    await db.schema
      .createTable('scenarios')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('source_sha256', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('scenarios_workspace')
      .ifNotExists()
      .on('scenarios')
      .columns(['workspace', 'created_at'])
      .execute();
  },
  // 5: the forecast registry (`concord forecast FILE --register`, `concord registry`).
  async (db) => {
    await db.schema
      .createTable('forecasts')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('scenario_hash', 'text', (c) => c.notNull())
      .addColumn('code_version', 'text', (c) => c.notNull())
      .addColumn('forecast', 'text', (c) => c.notNull())
      .addColumn('score', 'text')
      .addColumn('scored_at', 'text')
      .execute();
    await db.schema
      .createIndex('forecasts_workspace')
      .ifNotExists()
      .on('forecasts')
      .columns(['workspace', 'created_at'])
      .execute();
  },
  // 6: tokens may expire (`concord token create --expires 30d`).
  async (db) => {
    await db.schema.alterTable('tokens').addColumn('expires_at', 'text').execute();
  },
  // 7: negotiation rooms (docs/rooms.md): rooms, their participants, their append-only event logs.
  async (db) => {
    await db.schema
      .createTable('rooms')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace', 'text', (c) => c.notNull())
      .addColumn('scenario_id', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('moderator_hash', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema
      .createTable('room_participants')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('delegation', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('room_events')
      .ifNotExists()
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('room_events_pk', ['room_id', 'seq'])
      .execute();
  },
];

export type Timestamp = ColumnType<string, string, string>;

/** The schema version this Concord writes: the number of migrations. */
export const SCHEMA_VERSION = MIGRATIONS.length;
