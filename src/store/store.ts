/**
 * The run store: runs with their manifest, their batches, and their results in tidy long form, in
 * SQLite (better-sqlite3, WAL) by default or PostgreSQL when given a `postgres://` URL — one query
 * layer (kysely) for both.
 *
 * Crash safety rests on one rule: a batch's results and the mark that the batch is done are written
 * in one transaction, and the mark is only set if it was not set before. A batch is therefore
 * counted exactly once, however often it is retried, and a crash loses at most the batches in
 * flight. Workspaces own runs; tokens (stored as SHA-256 hashes) grant access to one workspace.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { ConcordError } from '../errors.js';
import {
  type BatchTable,
  type ForecastTable,
  MIGRATIONS,
  type ResultTable,
  type RoomTable,
  type RunStatus,
  type RunTable,
  SCHEMA_VERSION,
  type ScenarioTable,
  type StoreDatabase,
} from './schema.js';

export type ResultRow = Omit<ResultTable, 'run_key'>;
export type ScenarioRecord = ScenarioTable;
export type NewScenario = Omit<ScenarioTable, 'id' | 'created_at'>;
export type RunRecord = Omit<RunTable, 'params' | 'manifest' | 'summary' | 'run_key'> & {
  params: unknown;
  manifest: Record<string, unknown>;
};
export type BatchRecord = Omit<BatchTable, 'aggregate'>;
export type ForecastRecord = Omit<ForecastTable, 'forecast' | 'score'> & {
  forecast: unknown;
  score: unknown | null;
};

export interface NewRun {
  readonly id?: string;
  readonly workspace: string;
  readonly kind: string;
  readonly title?: string | null;
  readonly visibility?: 'private' | 'public';
  readonly seed: string;
  readonly scenarioHash?: string | null;
  readonly total: number;
  readonly batchSize: number;
  readonly params: unknown;
  readonly manifest: Record<string, unknown>;
}

export const DEFAULT_WORKSPACE = 'local';

export interface NewRoom {
  readonly id: string;
  readonly workspace: string;
  readonly scenarioId: string;
  readonly codeHash: string;
  readonly moderatorHash: string;
  /** The room's first event (seq 1). */
  readonly first: { readonly type: string; readonly data: unknown };
}

export interface RoomRecord {
  readonly id: string;
  readonly workspace: string;
  readonly scenarioId: string;
  readonly status: 'open' | 'closed';
  readonly createdAt: string;
  readonly closedAt: string | null;
}

export interface NewRoomParticipant {
  readonly id: string;
  readonly tokenHash: string;
  readonly delegation: string;
  readonly name: string;
}

export interface RoomParticipantRecord {
  readonly id: string;
  readonly roomId: string;
  readonly delegation: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface StoredRoomEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
  readonly at: string;
}

/** The parts of a better-sqlite3 Database that the store uses directly. */
export interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
export interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
}

/** The PostgreSQL advisory-lock key under which the schema is migrated (any fixed 64-bit integer). */
const MIGRATION_LOCK = 0x636f6e63;

const now = () => new Date().toISOString();

export class RunStore {
  readonly db: Kysely<StoreDatabase>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly location: string;

  /** The better-sqlite3 handle under kysely (SQLite only): bulk inserts through one prepared statement. */
  private readonly sqlite: SqliteHandle | null;
  private insertResult: SqliteStatement | null = null;
  private readonly runKeys = new Map<string, number>();

  constructor(
    db: Kysely<StoreDatabase>,
    dialect: 'sqlite' | 'postgres',
    location: string,
    sqlite: SqliteHandle | null = null,
  ) {
    this.db = db;
    this.dialect = dialect;
    this.location = location;
    this.sqlite = sqlite;
  }

  /** Creates or upgrades the schema; refuses a store written by a newer schema. */
  async migrate(): Promise<void> {
    if (this.dialect === 'postgres') {
      // Several processes (workers on many machines) may open a fresh database at once: migrate
      // under a transaction-scoped advisory lock, in one transaction (PostgreSQL's DDL is
      // transactional), so that exactly one of them creates the schema.
      await this.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
        await this.migrateWith(trx, (step) => step(trx));
      });
    } else {
      await this.migrateWith(this.db, (step) => this.db.transaction().execute(step));
    }
    await this.ensureWorkspace(DEFAULT_WORKSPACE);
  }

  private async migrateWith(
    db: Kysely<StoreDatabase>,
    inTransaction: (step: (trx: Kysely<StoreDatabase>) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    await db.schema
      .createTable('concord_meta')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    const row = await db
      .selectFrom('concord_meta')
      .select('value')
      .where('key', '=', 'schema_version')
      .executeTakeFirst();
    const version = row ? Number(row.value) : 0;
    if (version > SCHEMA_VERSION) {
      throw new ConcordError(
        'E_SCHEMA_VERSION',
        `the store ${this.location} has schema version ${version}, newer than this Concord's ${SCHEMA_VERSION}`,
        {
          hint: 'Upgrade Concord, or use another store (--store PATH).',
          key: 'store.newerSchema',
          values: { location: this.location, version: String(version), own: String(SCHEMA_VERSION) },
        },
      );
    }
    for (let v = version; v < SCHEMA_VERSION; v++) {
      await inTransaction(async (trx) => {
        await MIGRATIONS[v]!(trx);
        await trx
          .insertInto('concord_meta')
          .values({ key: 'schema_version', value: String(v + 1) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(v + 1) }))
          .execute();
      });
    }
  }

  async schemaVersion(): Promise<number> {
    const row = await this.db
      .selectFrom('concord_meta')
      .select('value')
      .where('key', '=', 'schema_version')
      .executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ─── workspaces and tokens ────────────────────────────────────────────────────────────────

  async ensureWorkspace(id: string): Promise<void> {
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) {
      throw new ConcordError('E_VALIDATION', `workspace "${id}" is not a valid name`, {
        path: 'workspace',
        hint: 'Use 1–64 lower-case letters, digits, - and _.',
        key: 'store.badWorkspace',
        values: { id },
      });
    }
    await this.db
      .insertInto('workspaces')
      .values({ id, created_at: now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /**
   * Creates a token for a workspace; returns the secret, which is shown once and stored hashed.
   * With `expiresAt` (an ISO time) the token stops granting access then.
   */
  async createToken(
    workspace: string,
    label: string | null = null,
    expiresAt: string | null = null,
  ): Promise<{ id: string; token: string; expiresAt: string | null }> {
    await this.ensureWorkspace(workspace);
    const id = randomUUID();
    const token = `cc_${randomBytes(24).toString('base64url')}`;
    await this.db
      .insertInto('tokens')
      .values({
        id,
        workspace,
        hash: hashToken(token),
        label,
        created_at: now(),
        revoked_at: null,
        expires_at: expiresAt,
      })
      .execute();
    return { id, token, expiresAt };
  }

  /** The workspace a token grants, or null for an unknown, revoked or expired token. */
  async workspaceForToken(token: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('tokens')
      .select(['workspace', 'revoked_at', 'expires_at'])
      .where('hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at) return null;
    if (row.expires_at && row.expires_at <= now()) return null;
    return row.workspace;
  }

  async revokeToken(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('tokens')
      .set({ revoked_at: now() })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async listTokens(workspace?: string) {
    let q = this.db
      .selectFrom('tokens')
      .select(['id', 'workspace', 'label', 'created_at', 'revoked_at', 'expires_at']);
    if (workspace) q = q.where('workspace', '=', workspace);
    return q.orderBy('created_at').execute();
  }

  // ─── uploaded scenarios ───────────────────────────────────────────────────────────────────

  /** Stores scenarios uploaded together, in one transaction (all or none). */
  async putScenarios(items: readonly NewScenario[]): Promise<ScenarioRecord[]> {
    if (items.length === 0) return [];
    for (const it of items) await this.ensureWorkspace(it.workspace);
    const created_at = now();
    const rows = items.map((it) => ({ ...it, id: randomUUID(), created_at }));
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('scenarios').values(rows).execute();
    });
    return rows;
  }

  async listScenarios(workspace: string): Promise<Omit<ScenarioRecord, 'text'>[]> {
    return this.db
      .selectFrom('scenarios')
      .select([
        'id',
        'workspace',
        'name',
        'format',
        'title',
        'summary',
        'source_sha256',
        'bytes',
        'created_at',
      ])
      .where('workspace', '=', workspace)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  async getScenario(workspace: string, id: string): Promise<ScenarioRecord | null> {
    const r = await this.db
      .selectFrom('scenarios')
      .selectAll()
      .where('workspace', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ?? null;
  }

  async deleteScenario(workspace: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('scenarios')
      .where('workspace', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // ─── runs ─────────────────────────────────────────────────────────────────────────────────

  /** Creates a run and its batches (all pending) in one transaction. */
  async createRun(r: NewRun): Promise<RunRecord> {
    if (!Number.isInteger(r.total) || r.total < 1)
      throw new ConcordError('E_VALIDATION', `total must be a positive integer, got ${r.total}`, {
        path: 'runs',
        key: 'store.badTotal',
        values: { total: String(r.total) },
      });
    if (!Number.isInteger(r.batchSize) || r.batchSize < 1)
      throw new ConcordError('E_VALIDATION', `batch size must be a positive integer`, {
        path: 'batchSize',
        key: 'store.badBatchSize',
      });
    await this.ensureWorkspace(r.workspace);
    const id = r.id ?? randomUUID();
    const row: Omit<RunTable, 'run_key'> = {
      id,
      workspace: r.workspace,
      kind: r.kind,
      title: r.title ?? null,
      status: 'pending',
      visibility: r.visibility ?? 'private',
      seed: r.seed,
      scenario_hash: r.scenarioHash ?? null,
      total: r.total,
      batch_size: r.batchSize,
      params: JSON.stringify(r.params),
      manifest: JSON.stringify(r.manifest),
      created_at: now(),
      started_at: null,
      finished_at: null,
      heartbeat_at: null,
      error: null,
      summary: null,
    };
    const nBatches = Math.ceil(r.total / r.batchSize);
    // The next integer key. Two PostgreSQL clients creating runs at once may pick the same one:
    // the unique index refuses the second, which tries again.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.insertRun(row, r, nBatches);
        break;
      } catch (e) {
        if (attempt < 8 && /runs_run_key|run_key/i.test(String((e as Error).message))) continue;
        throw e;
      }
    }
    return (await this.getRun(id))!;
  }

  private async insertRun(row: Omit<RunTable, 'run_key'>, r: NewRun, nBatches: number): Promise<void> {
    const id = row.id;
    await this.db.transaction().execute(async (trx) => {
      const next = await trx
        .selectFrom('runs')
        .select((eb) => eb.fn.max<number | string | null>('run_key').as('k'))
        .executeTakeFirst();
      const runKey = Number(next?.k ?? 0) + 1;
      await trx
        .insertInto('runs')
        .values({ ...row, run_key: runKey })
        .execute();
      const chunk = 500;
      for (let b = 0; b < nBatches; b += chunk) {
        const values: BatchTable[] = [];
        for (let i = b; i < Math.min(nBatches, b + chunk); i++) {
          const first = i * r.batchSize;
          values.push({
            run_id: id,
            idx: i,
            first,
            count: Math.min(r.batchSize, r.total - first),
            status: 'pending',
            worker: null,
            attempts: 0,
            finished_at: null,
            aggregate: null,
          });
        }
        await trx.insertInto('batches').values(values).execute();
      }
    });
  }

  /** The integer key of a run (keys never change: cached). */
  private async keyOf(runId: string): Promise<number | null> {
    const hit = this.runKeys.get(runId);
    if (hit !== undefined) return hit;
    const r = await this.db.selectFrom('runs').select('run_key').where('id', '=', runId).executeTakeFirst();
    if (!r) return null;
    const key = Number(r.run_key);
    if (this.runKeys.size > 10_000) this.runKeys.clear();
    this.runKeys.set(runId, key);
    return key;
  }

  /** A run by id; with `workspace`, only if it belongs to that workspace (or is public). */
  async getRun(id: string, workspace?: string): Promise<RunRecord | null> {
    let q = this.db.selectFrom('runs').select(RUN_COLUMNS).where('id', '=', id);
    if (workspace !== undefined) {
      q = q.where((eb) => eb.or([eb('workspace', '=', workspace), eb('visibility', '=', 'public')]));
    }
    const row = await q.executeTakeFirst();
    return row ? decodeRun(row) : null;
  }

  async listRuns(
    opts: { workspace?: string; limit?: number; status?: RunStatus } = {},
  ): Promise<RunRecord[]> {
    let q = this.db.selectFrom('runs').select(RUN_COLUMNS);
    if (opts.workspace !== undefined) {
      const ws = opts.workspace;
      q = q.where((eb) => eb.or([eb('workspace', '=', ws), eb('visibility', '=', 'public')]));
    }
    if (opts.status) q = q.where('status', '=', opts.status);
    const rows = await q
      .orderBy('created_at', 'desc')
      .limit(opts.limit ?? 100)
      .execute();
    return rows.map(decodeRun);
  }

  async setStatus(
    id: string,
    status: RunStatus,
    extra: { error?: string | null; manifest?: Record<string, unknown> } = {},
  ): Promise<void> {
    const t = now();
    await this.db
      .updateTable('runs')
      .set({
        status,
        heartbeat_at: t,
        ...(status === 'running' ? { started_at: t } : {}),
        ...(status === 'complete' || status === 'failed' ? { finished_at: t } : {}),
        ...(extra.error !== undefined ? { error: extra.error } : {}),
        ...(extra.manifest ? { manifest: JSON.stringify(extra.manifest) } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** A run's status alone (cheap: polled by executing sweeps to notice a cancellation). */
  async getStatus(id: string): Promise<RunStatus | null> {
    const row = await this.db.selectFrom('runs').select('status').where('id', '=', id).executeTakeFirst();
    return row ? row.status : null;
  }

  /**
   * Marks a pending or running run `cancelled`; the process executing it notices within a
   * fraction of a second and stops, keeping the batches done. True if the run was cancelled.
   */
  async cancelRun(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('runs')
      .set({ status: 'cancelled', heartbeat_at: now(), error: null })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Runs of a workspace now pending or running, and the replicates of all its stored runs. */
  async workspaceUsage(workspace: string): Promise<{ active: number; runs: number; replicates: number }> {
    const r = await this.db
      .selectFrom('runs')
      .select((eb) => [
        eb.fn.countAll<string | number>().as('runs'),
        eb.fn
          .sum<string | number | null>(sql`case when status in ('pending', 'running') then 1 else 0 end`)
          .as('active'),
        eb.fn.sum<string | number | null>('total').as('replicates'),
      ])
      .where('workspace', '=', workspace)
      .executeTakeFirstOrThrow();
    return { active: Number(r.active ?? 0), runs: Number(r.runs), replicates: Number(r.replicates ?? 0) };
  }

  async heartbeat(id: string): Promise<void> {
    await this.db.updateTable('runs').set({ heartbeat_at: now() }).where('id', '=', id).execute();
  }

  /**
   * Marks as interrupted the runs still `running` or `pending` whose heartbeat is older than
   * `staleMs` (the process that ran them died). Returns their ids. They can be resumed.
   */
  async markInterrupted(staleMs: number): Promise<string[]> {
    const cutoff = new Date(Date.now() - staleMs).toISOString();
    const stale = await this.db
      .selectFrom('runs')
      .select('id')
      .where('status', 'in', ['running', 'pending'])
      .where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', cutoff)]))
      .execute();
    for (const r of stale) await this.setStatus(r.id, 'interrupted');
    return stale.map((r) => r.id);
  }

  async deleteRun(id: string): Promise<void> {
    const key = await this.keyOf(id);
    this.runKeys.delete(id);
    await this.db.transaction().execute(async (trx) => {
      if (key !== null) await trx.deleteFrom('results').where('run_key', '=', key).execute();
      await trx.deleteFrom('batches').where('run_id', '=', id).execute();
      await trx.deleteFrom('runs').where('id', '=', id).execute();
    });
  }

  // ─── negotiation rooms ────────────────────────────────────────────────────────────────────

  /**
   * Creates a room and its first event (seq 1) in one transaction. The join code and the moderator
   * token are given as hashes (hashToken): the secrets are never stored.
   */
  async createRoom(r: NewRoom): Promise<RoomRecord> {
    const row = {
      id: r.id,
      workspace: r.workspace,
      scenario_id: r.scenarioId,
      code_hash: r.codeHash,
      moderator_hash: r.moderatorHash,
      status: 'open' as const,
      created_at: now(),
      closed_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('rooms').values(row).execute();
      await trx
        .insertInto('room_events')
        .values({
          room_id: r.id,
          seq: 1,
          type: r.first.type,
          data: JSON.stringify(r.first.data),
          created_at: row.created_at,
        })
        .execute();
    });
    return decodeRoom(row);
  }

  async getRoom(id: string): Promise<RoomRecord | null> {
    const row = await this.db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? decodeRoom(row) : null;
  }

  async roomByCodeHash(codeHash: string): Promise<RoomRecord | null> {
    const row = await this.db
      .selectFrom('rooms')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    return row ? decodeRoom(row) : null;
  }

  /** The room whose moderator token has this hash. */
  async roomByModeratorHash(hash: string): Promise<RoomRecord | null> {
    const row = await this.db
      .selectFrom('rooms')
      .selectAll()
      .where('moderator_hash', '=', hash)
      .executeTakeFirst();
    return row ? decodeRoom(row) : null;
  }

  async roomParticipant(tokenHash: string): Promise<RoomParticipantRecord | null> {
    const row = await this.db
      .selectFrom('room_participants')
      .select(['id', 'room_id', 'delegation', 'name', 'created_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          roomId: row.room_id,
          delegation: row.delegation,
          name: row.name,
          createdAt: row.created_at,
        }
      : null;
  }

  /**
   * Appends events at `seq`, `seq` + 1, … (`seq` = the last seq seen + 1), with the participant it
   * admits and the room's closing when given, all in one transaction. Returns false, storing nothing,
   * when another writer took that seq first (optimistic concurrency: re-read the log, decide again).
   */
  async appendRoomEvents(
    roomId: string,
    seq: number,
    events: ReadonlyArray<{ readonly type: string; readonly data: unknown }>,
    o: { participant?: NewRoomParticipant; close?: boolean } = {},
  ): Promise<boolean> {
    const at = now();
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('room_events')
          .values(
            events.map((e, k) => ({
              room_id: roomId,
              seq: seq + k,
              type: e.type,
              data: JSON.stringify(e.data),
              created_at: at,
            })),
          )
          .execute();
        if (o.participant) {
          await trx
            .insertInto('room_participants')
            .values({
              id: o.participant.id,
              room_id: roomId,
              token_hash: o.participant.tokenHash,
              delegation: o.participant.delegation,
              name: o.participant.name,
              created_at: at,
            })
            .execute();
        }
        if (o.close) {
          await trx
            .updateTable('rooms')
            .set({ status: 'closed', closed_at: at })
            .where('id', '=', roomId)
            .execute();
        }
      });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) {
        const taken = await this.db
          .selectFrom('room_events')
          .select('seq')
          .where('room_id', '=', roomId)
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (taken) return false;
      }
      throw e;
    }
  }

  /** A room's events after `afterSeq`, in order. */
  async roomEvents(roomId: string, afterSeq = 0): Promise<StoredRoomEvent[]> {
    const rows = await this.db
      .selectFrom('room_events')
      .select(['seq', 'type', 'data', 'created_at'])
      .where('room_id', '=', roomId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      data: JSON.parse(r.data),
      at: r.created_at,
    }));
  }

  // ─── batches and results ──────────────────────────────────────────────────────────────────

  async pendingBatches(runId: string): Promise<BatchRecord[]> {
    return this.db
      .selectFrom('batches')
      .select(BATCH_COLUMNS)
      .where('run_id', '=', runId)
      .where('status', '=', 'pending')
      .orderBy('idx')
      .execute();
  }

  async progress(runId: string): Promise<{ batches: number; done: number; replicatesDone: number }> {
    const r = await this.db
      .selectFrom('batches')
      .select((eb) => [
        eb.fn.countAll<string | number>().as('batches'),
        eb.fn.sum<string | number | null>(sql`case when status = 'done' then 1 else 0 end`).as('done'),
        eb.fn
          .sum<string | number | null>(sql`case when status = 'done' then count else 0 end`)
          .as('replicates'),
      ])
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return {
      batches: Number(r.batches),
      done: Number(r.done ?? 0),
      replicatesDone: Number(r.replicates ?? 0),
    };
  }

  async noteAttempt(runId: string, idx: number, worker: string): Promise<void> {
    await this.db
      .updateTable('batches')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), worker }))
      .where('run_id', '=', runId)
      .where('idx', '=', idx)
      .execute();
  }

  /**
   * Writes a batch's results and marks it done, atomically and once: returns false (and writes
   * nothing) if the batch was already done — a retried or duplicated batch is never counted twice.
   */
  async completeBatch(
    runId: string,
    idx: number,
    rows: readonly ResultRow[],
    worker: string,
    opts: { aggregate?: string } = {},
  ): Promise<boolean> {
    const runKey = await this.keyOf(runId);
    if (runKey === null)
      throw new ConcordError('E_UNKNOWN_ID', `no run ${runId}`, {
        path: 'run',
        hint: 'The run was deleted.',
        key: 'store.runDeleted',
        values: { runId },
      });
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('batches')
        .set({ status: 'done', worker, finished_at: now(), aggregate: opts.aggregate ?? null })
        .where('run_id', '=', runId)
        .where('idx', '=', idx)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      if (this.sqlite) {
        // Same connection and transaction as kysely's (SQLite has one): a prepared single-row insert
        // run in a loop is several times faster than large multi-row statements.
        this.insertResult ??= this.sqlite.prepare(
          'insert into results (run_key, replicate, issue, model, outcome, adopted, blockers, participants, rounds) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        const st = this.insertResult;
        for (const r of rows)
          st.run(
            runKey,
            r.replicate,
            r.issue,
            r.model,
            r.outcome,
            r.adopted,
            r.blockers,
            r.participants,
            r.rounds,
          );
      }
      const chunk = this.sqlite ? Number.POSITIVE_INFINITY : 2000; // below PostgreSQL's bound-parameter limit
      for (let i = 0; !this.sqlite && i < rows.length; i += chunk) {
        const values = rows.slice(i, i + chunk).map((r) => ({ run_key: runKey, ...r }));
        await trx.insertInto('results').values(values).execute();
      }
      await trx.updateTable('runs').set({ heartbeat_at: now() }).where('id', '=', runId).execute();
      return true;
    });
  }

  /** The results of a run in a stable order (issue, model, replicate), streamed page by page. */
  async *results(
    runId: string,
    opts: { issue?: string; model?: string; pageSize?: number } = {},
  ): AsyncGenerator<ResultRow> {
    const page = opts.pageSize ?? 20_000;
    const key = await this.keyOf(runId);
    if (key === null) return;
    let after: { issue: string; model: string; replicate: number } | null = null;
    for (;;) {
      let q = this.db.selectFrom('results').select(RESULT_COLUMNS).where('run_key', '=', key);
      if (opts.issue) q = q.where('issue', '=', opts.issue);
      if (opts.model) q = q.where('model', '=', opts.model);
      if (after) {
        const a = after;
        q = q.where((eb) =>
          eb.or([
            eb('issue', '>', a.issue),
            eb.and([eb('issue', '=', a.issue), eb('model', '>', a.model)]),
            eb.and([eb('issue', '=', a.issue), eb('model', '=', a.model), eb('replicate', '>', a.replicate)]),
          ]),
        );
      }
      const rows = await q.orderBy('issue').orderBy('model').orderBy('replicate').limit(page).execute();
      for (const r of rows) yield r;
      if (rows.length < page) return;
      const last = rows[rows.length - 1]!;
      after = { issue: last.issue, model: last.model, replicate: last.replicate };
    }
  }

  /**
   * The aggregates of a run's done batches in batch order, streamed page by page (a run may have
   * thousands of batches).
   */
  async *batchAggregates(
    runId: string,
    pageSize = 200,
  ): AsyncGenerator<{ idx: number; first: number; count: number; aggregate: string | null }> {
    let after = -1;
    for (;;) {
      const rows = await this.db
        .selectFrom('batches')
        .select(['idx', 'first', 'count', 'aggregate'])
        .where('run_id', '=', runId)
        .where('status', '=', 'done')
        .where('idx', '>', after)
        .orderBy('idx')
        .limit(pageSize)
        .execute();
      for (const r of rows) yield r;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.idx;
    }
  }

  async batches(runId: string): Promise<BatchRecord[]> {
    return this.db
      .selectFrom('batches')
      .select(BATCH_COLUMNS)
      .where('run_id', '=', runId)
      .orderBy('idx')
      .execute();
  }

  async setSummary(runId: string, summary: unknown): Promise<void> {
    await this.db
      .updateTable('runs')
      .set({ summary: JSON.stringify(summary) })
      .where('id', '=', runId)
      .execute();
  }

  async getSummary(runId: string): Promise<unknown | null> {
    const r = await this.db.selectFrom('runs').select('summary').where('id', '=', runId).executeTakeFirst();
    return r?.summary ? JSON.parse(r.summary) : null;
  }

  /** Registers a forecast (the registry): returns its record. */
  async registerForecast(f: {
    workspace?: string;
    scenarioId: string;
    file: string;
    scenarioHash: string;
    codeVersion: string;
    forecast: unknown;
  }): Promise<ForecastRecord> {
    const workspace = f.workspace ?? DEFAULT_WORKSPACE;
    await this.ensureWorkspace(workspace);
    const row: ForecastTable = {
      id: randomUUID(),
      workspace,
      created_at: now(),
      scenario_id: f.scenarioId,
      file: f.file,
      scenario_hash: f.scenarioHash,
      code_version: f.codeVersion,
      forecast: JSON.stringify(f.forecast),
      score: null,
      scored_at: null,
    };
    await this.db.insertInto('forecasts').values(row).execute();
    return (await this.getForecast(row.id))!;
  }

  /** A registered forecast by id (or a unique prefix of at least 6 characters). */
  async getForecast(id: string, workspace?: string): Promise<ForecastRecord | null> {
    let q = this.db.selectFrom('forecasts').selectAll();
    q =
      id.length >= 6 && id.length < 36
        ? q.where('id', 'like', `${id.replace(/[%_]/g, '')}%`)
        : q.where('id', '=', id);
    if (workspace !== undefined) q = q.where('workspace', '=', workspace);
    const rows = await q.limit(2).execute();
    if (rows.length !== 1) return null;
    return forecastRecord(rows[0]!);
  }

  /** Registered forecasts, newest first. */
  async listForecasts(workspace?: string, limit = 1000): Promise<ForecastRecord[]> {
    let q = this.db.selectFrom('forecasts').selectAll();
    if (workspace !== undefined) q = q.where('workspace', '=', workspace);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(forecastRecord);
  }

  async setForecastScore(id: string, score: unknown): Promise<void> {
    await this.db
      .updateTable('forecasts')
      .set({ score: JSON.stringify(score), scored_at: now() })
      .where('id', '=', id)
      .execute();
  }

  async countResults(runId: string): Promise<number> {
    const key = await this.keyOf(runId);
    if (key === null) return 0;
    const r = await this.db
      .selectFrom('results')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('run_key', '=', key)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function forecastRecord(r: ForecastTable): ForecastRecord {
  return { ...r, forecast: JSON.parse(r.forecast), score: r.score === null ? null : JSON.parse(r.score) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const RUN_COLUMNS = [
  'id',
  'workspace',
  'kind',
  'title',
  'status',
  'visibility',
  'seed',
  'scenario_hash',
  'total',
  'batch_size',
  'params',
  'manifest',
  'created_at',
  'started_at',
  'finished_at',
  'heartbeat_at',
  'error',
] as const;

const RESULT_COLUMNS = [
  'replicate',
  'issue',
  'model',
  'outcome',
  'adopted',
  'blockers',
  'participants',
  'rounds',
] as const;

const BATCH_COLUMNS = [
  'run_id',
  'idx',
  'first',
  'count',
  'status',
  'worker',
  'attempts',
  'finished_at',
] as const;

function decodeRun(row: Omit<RunTable, 'summary' | 'run_key'>): RunRecord {
  return { ...row, params: JSON.parse(row.params), manifest: JSON.parse(row.manifest) };
}

function decodeRoom(row: RoomTable): RoomRecord {
  return {
    id: row.id,
    workspace: row.workspace,
    scenarioId: row.scenario_id,
    status: row.status,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

/** A primary-key or unique violation, in SQLite or PostgreSQL. */
function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: string; message?: string };
  return (
    x?.code === '23505' ||
    /^SQLITE_CONSTRAINT/.test(String(x?.code ?? '')) ||
    /UNIQUE constraint/.test(String(x?.message))
  );
}
