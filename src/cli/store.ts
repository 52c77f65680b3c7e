/**
 * The store a command works on (`--store <path|url>`, else DATABASE_URL, else the default SQLite
 * file: src/store/open.ts), opened for one piece of work and closed after it, whatever happens.
 */
import type { RunStore } from '../store/store.js';
import type { CliIO } from './io.js';

export async function withStore<T>(
  io: CliIO,
  target: string | undefined,
  f: (s: RunStore) => Promise<T>,
): Promise<T> {
  const { openStore } = await import('../store/open.js');
  const store = await openStore(target, { cwd: io.cwd, env: io.env });
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}
