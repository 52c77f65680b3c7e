/** A Concord server over a fresh SQLite store in a temporary directory, for API tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, type Server, type ServerOptions } from '../../src/server/app.js';
import type { RunKind } from '../../src/server/jobs.js';
import { openStore } from '../../src/store/open.js';
import type { ResultRow } from '../../src/store/store.js';

export interface TestServer extends Server {
  readonly internalErrors: unknown[];
  readonly dir: string;
}

export async function testServer(o: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-server-'));
  const store = o.store ?? (await openStore(join(dir, 'store.sqlite')));
  const internalErrors: unknown[] = [];
  const server = await buildServer({
    webRoot: null,
    logger: false,
    ...o,
    store,
    onInternalError: (e) => internalErrors.push(e),
  });
  return {
    ...server,
    internalErrors,
    dir,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** Rows of a test run: replicate r gets outcome r / 10 for issue "x", model "m". */
export function testRows(first: number, count: number): ResultRow[] {
  return Array.from({ length: count }, (_, i) => ({
    replicate: first + i,
    issue: 'x',
    model: 'm',
    outcome: (first + i) / 10,
    adopted: (first + i) % 2,
    blockers: (first + i) % 2 ? null : 'KAZ,UZB',
    participants: null,
    rounds: null,
  }));
}

/**
 * A run kind for tests of the job machinery only (not a model): each batch waits `delayMs`, then
 * stores `testRows` for its replicates.
 */
export function testKind(delayMs = 5): RunKind {
  return {
    kind: 'test-count',
    async execute({ store, run, signal, onBatch }) {
      for (const b of await store.pendingBatches(run.id)) {
        if (signal.aborted) return;
        await new Promise((r) => setTimeout(r, delayMs));
        await store.completeBatch(run.id, b.idx, testRows(b.first, b.count), 'test');
        onBatch();
      }
    },
  };
}
