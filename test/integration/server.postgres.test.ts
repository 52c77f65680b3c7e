// The lab's server on a real PostgreSQL store (`npm run test:postgres` starts one): started as
// users start it, `DATABASE_URL=postgres://… concord serve`; workspaces kept apart; a sweep started
// over the API runs to completion with its progress streamed, and gives the summary of the same
// sweep on SQLite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open.js';
import { startLab } from '../helpers/lab.js';

const url = process.env.CONCORD_TEST_PG_URL;
if (!url) throw new Error('CONCORD_TEST_PG_URL is not set: run `npm run test:postgres`');

describe('concord serve on PostgreSQL', () => {
  it('keeps workspaces apart and runs a sweep to the summary SQLite gives', async () => {
    const store = await openStore(url);
    const a = (await store.createToken('pg-alpha')).token;
    const b = (await store.createToken('pg-beta')).token;
    const lab = await startLab({ store: null, args: ['--no-session-token'], env: { DATABASE_URL: url } });
    try {
      const health = await (await fetch(`${lab.base}/api/health`)).json();
      expect(health.store.dialect).toBe('postgres');
      const headers = (t: string) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });
      const started = await fetch(`${lab.base}/api/sweeps`, {
        method: 'POST',
        headers: headers(a),
        body: JSON.stringify({ scenario: 'sco-development-bank-2010', runs: 4000, seed: 5 }),
      });
      expect(started.status).toBe(202);
      const id: string = (await started.json()).run.id;
      expect((await fetch(`${lab.base}/api/runs/${id}`, { headers: headers(b) })).status).toBe(404);
      expect((await fetch(`${lab.base}/api/runs/${id}`)).status).toBe(404);
      const events = await (await fetch(`${lab.base}/api/runs/${id}/events`, { headers: headers(a) })).text();
      expect(events).toContain('event: end');
      const run = await (await fetch(`${lab.base}/api/runs/${id}`, { headers: headers(a) })).json();
      expect(run).toMatchObject({ status: 'complete', results: 12_000, workspace: 'pg-alpha' });
      const summary = await (
        await fetch(`${lab.base}/api/runs/${id}/summary`, { headers: headers(a) })
      ).json();
      const io = memoryIO();
      const dir = mkdtempSync(join(tmpdir(), 'concord-pg-serve-'));
      const code = await main(
        [
          'sweep',
          'scenarios/sco/06-development-bank-2010.yaml',
          '--runs',
          '4000',
          '--seed',
          '5',
          '--workers',
          '1',
          '--store',
          join(dir, 's.sqlite'),
          '--json',
          '--quiet',
        ],
        io,
      );
      expect(code, io.stderr.join('\n')).toBe(0);
      expect(JSON.stringify(summary.summary.results)).toBe(
        JSON.stringify(JSON.parse(io.stdout.join('\n')).summary.results),
      );
      const csv = await (
        await fetch(`${lab.base}/api/runs/${id}/export?format=csv`, { headers: headers(a) })
      ).text();
      expect(csv.trim().split('\n')).toHaveLength(12_001);
      const listB = await (await fetch(`${lab.base}/api/runs`, { headers: headers(b) })).json();
      expect(listB.runs.map((r: { id: string }) => r.id)).not.toContain(id);
    } finally {
      await lab.stop();
      await store.close();
    }
  });
});
