/**
 * Opening the run store: a `postgres://` URL (or DATABASE_URL) gives PostgreSQL; anything else is
 * the path of a SQLite file (default `.concord/concord.sqlite` under the working directory, or under
 * CONCORD_DATA_DIR). The schema is created or upgraded on open.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ConcordError } from '../errors.js';
import type { StoreDatabase } from './schema.js';
import { RunStore } from './store.js';

export interface OpenOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds to wait for a PostgreSQL connection before giving up. */
  readonly connectTimeoutMs?: number;
}

export function isPostgresUrl(s: string | undefined): s is string {
  return !!s && /^postgres(ql)?:\/\//.test(s);
}

/** Where the store is, as a user would name it: the target, DATABASE_URL, or the default file. */
export function storeLocation(target: string | undefined, o: OpenOptions = {}): string {
  const env = o.env ?? process.env;
  if (target) return isPostgresUrl(target) ? target : resolve(o.cwd ?? process.cwd(), target);
  if (isPostgresUrl(env.DATABASE_URL)) return env.DATABASE_URL;
  return resolve(env.CONCORD_DATA_DIR ?? resolve(o.cwd ?? process.cwd(), '.concord'), 'concord.sqlite');
}

/** Hides the password of a URL for messages and manifests. */
export function redact(location: string): string {
  return location.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function openStore(target?: string, o: OpenOptions = {}): Promise<RunStore> {
  const location = storeLocation(target, o);
  let store: RunStore;
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({
      connectionString: location,
      max: 10,
      connectionTimeoutMillis: o.connectTimeoutMs ?? 5000,
    });
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      await pool.end().catch(() => {});
      throw new ConcordError(
        'E_UNAVAILABLE',
        `cannot connect to PostgreSQL at ${redact(location)}: ${(e as Error).message}`,
        {
          hint: 'Check that the server runs and the URL (host, port, database, user) is right.',
          cause: e,
          key: 'store.postgresUnreachable',
          values: { location: redact(location), detail: (e as Error).message },
        },
      );
    }
    store = new RunStore(
      new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) }),
      'postgres',
      redact(location),
    );
  } else {
    let db: Database.Database;
    try {
      // Owner-only: the store holds every workspace's runs and the token hashes. SQLite gives its
      // -wal and -shm files the permissions of the database file.
      mkdirSync(dirname(location), { recursive: true, mode: 0o700 });
      closeSync(openSync(location, 'a', 0o600));
      db = new Database(location, { timeout: 10_000 });
      db.pragma('journal_mode = WAL');
      // With WAL, NORMAL is durable against a crash of the process (kill -9); only a power loss can
      // lose the last transactions.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (e) {
      throw new ConcordError(
        'E_FILE_UNREADABLE',
        `cannot open the SQLite store ${location}: ${(e as Error).message}`,
        {
          path: location,
          hint: 'Check the path and permissions, or give another with --store PATH.',
          cause: e,
          key: 'store.sqliteUnreadable',
          values: { location, detail: (e as Error).message },
        },
      );
    }
    store = new RunStore(
      new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: db }) }),
      'sqlite',
      location,
      db,
    );
  }
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    if (e instanceof ConcordError) throw e;
    throw new ConcordError(
      'E_UNAVAILABLE',
      `cannot prepare the store ${store.location}: ${(e as Error).message}`,
      {
        cause: e,
        key: 'store.prepareFailed',
        values: { location: store.location, detail: (e as Error).message },
      },
    );
  }
  return store;
}
