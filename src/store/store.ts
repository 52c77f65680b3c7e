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
  MIGRATIONS,
  type ResultTable,
  type RoomTable,
  type RunStatus,
  type RunTable,
  SCHEMA_VERSION,
  type StoreDatabase,
} from './schema.js';

export type ResultRow = Omit<ResultTable, 'run_id'>;
export type RunRecord = Omit<RunTable, 'params' | 'manifest' | 'summary'> & {
  params: unknown;
  manifest: Record<string, unknown>;
};
export type BatchRecord = Omit<BatchTable, 'aggregate'>;

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
        { hint: 'Upgrade Concord, or use another store (--store PATH).' },
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

  // ─── runs ─────────────────────────────────────────────────────────────────────────────────

  /** Creates a run and its batches (all pending) in one transaction. */
  async createRun(r: NewRun): Promise<RunRecord> {
    if (!Number.isInteger(r.total) || r.total < 1)
      throw new ConcordError('E_VALIDATION', `total must be a positive integer, got ${r.total}`, {
        path: 'runs',
      });
    if (!Number.isInteger(r.batchSize) || r.batchSize < 1)
      throw new ConcordError('E_VALIDATION', `batch size must be a positive integer`, { path: 'batchSize' });
    await this.ensureWorkspace(r.workspace);
    const id = r.id ?? randomUUID();
    const row: RunTable = {
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
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('runs').values(row).execute();
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
    return (await this.getRun(id))!;
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
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('results').where('run_id', '=', id).execute();
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
          'insert into results (run_id, replicate, issue, model, outcome, adopted, blockers, participants, rounds) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        const st = this.insertResult;
        for (const r of rows)
          st.run(
            runId,
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
        const values = rows.slice(i, i + chunk).map((r) => ({ run_id: runId, ...r }));
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
  ): AsyncGenerator<ResultTable> {
    const page = opts.pageSize ?? 20_000;
    let after: { issue: string; model: string; replicate: number } | null = null;
    for (;;) {
      let q = this.db.selectFrom('results').selectAll().where('run_id', '=', runId);
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

  async countResults(runId: string): Promise<number> {
    const r = await this.db
      .selectFrom('results')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
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

function decodeRun(row: Omit<RunTable, 'summary'>): RunRecord {
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
