import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, redact, storeLocation } from '../../src/store/open.js';
import { storeContract } from '../helpers/store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-store-'));
storeContract('SQLite file', () => openStore(join(dir, 'runs.sqlite')));

describe('opening a store', () => {
  it('chooses PostgreSQL for postgres:// URLs and DATABASE_URL, SQLite otherwise', () => {
    expect(storeLocation('postgres://u:p@h/db')).toBe('postgres://u:p@h/db');
    expect(storeLocation(undefined, { env: { DATABASE_URL: 'postgresql://h/db' } })).toBe(
      'postgresql://h/db',
    );
    expect(storeLocation(undefined, { env: {}, cwd: '/x' })).toBe('/x/.concord/concord.sqlite');
    expect(storeLocation(undefined, { env: { CONCORD_DATA_DIR: '/data' } })).toBe('/data/concord.sqlite');
    expect(redact('postgres://me:secret@host:5432/db')).toBe('postgres://me:***@host:5432/db');
  });

  it('reports an unreachable PostgreSQL clearly and quickly', async () => {
    await expect(
      openStore('postgres://nobody@127.0.0.1:1/none', { connectTimeoutMs: 2000 }),
    ).rejects.toMatchObject({ code: 'E_UNAVAILABLE' });
  });

  it('reports a file that is not a SQLite database', async () => {
    const f = join(dir, 'not-a-db.sqlite');
    writeFileSync(f, 'hello, this is not sqlite'.repeat(100));
    await expect(openStore(f)).rejects.toMatchObject({
      code: expect.stringMatching(/E_FILE_UNREADABLE|E_UNAVAILABLE/),
    });
  });
});
