// Faults: a real `concord serve` process is killed with SIGKILL while a sweep it started executes.
// A new server on the same store marks the run interrupted and resumable; no stored result is lost;
// resuming over the API completes it, and its summary is the one an uninterrupted run gives
// (`concord sweep` with the same seed). Uses the compiled CLI (bin/concord.js → dist/; `npm test`
// builds first).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open.js';
import { startLab } from '../helpers/lab.js';

const bank = 'scenarios/sco/06-development-bank-2010.yaml';

async function until<T>(f: () => Promise<T>, ok: (x: T) => boolean, what: string, tries = 2400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const x = await f();
    if (ok(x)) return x;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('the server killed during a sweep', () => {
  it('restarts with the run interrupted and resumable, no stored result lost, and the same summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-serve-crash-'));
    const db = join(dir, 'lab.sqlite');
    const store = await openStore(db);
    const { token } = await store.createToken('crash');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const first = await startLab({ store: db, args: ['--no-session-token'] });
    const started = await fetch(`${first.base}/api/sweeps`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ scenario: 'sco-development-bank-2010', runs: 100_000, seed: 1 }),
    });
    expect(started.status).toBe(202);
    const runId: string = (await started.json()).run.id;
    expect((await store.getRun(runId))!.workspace).toBe('crash');

    // Some batches stored, not all: then SIGKILL, no chance to clean up.
    const mid = await until(
      () => store.progress(runId),
      (p) => p.done >= 5,
      'five batches',
    );
    expect(mid.done).toBeLessThan(mid.batches);
    expect(await first.stop('SIGKILL')).toBeNull();
    const killed = await store.progress(runId);
    expect(killed.done).toBeLessThan(killed.batches);
    expect((await store.getRun(runId))!.status).toBe('running');
    const rowsAtKill = await store.countResults(runId);
    // Every stored batch is whole: 3 models × its replicates, nothing half-written.
    expect(rowsAtKill).toBe(killed.replicatesDone * 3);

    // A new server on the same store: the run of the dead process is interrupted and resumable.
    const second = await startLab({ store: db, args: ['--no-session-token'] });
    try {
      const show = await until(
        async () => (await fetch(`${second.base}/api/runs/${runId}`, { headers: auth })).json(),
        (r) => r.status === 'interrupted',
        'the run marked interrupted',
      );
      expect(show.resumable).toBe(true);
      expect(show.progress.batchesDone).toBe(killed.done);
      expect(show.results).toBe(rowsAtKill); // nothing lost
      // Another workspace cannot resume it.
      const other = (await store.createToken('intruder')).token;
      const denied = await fetch(`${second.base}/api/runs/${runId}/resume`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other}` },
      });
      expect(denied.status).toBe(404);

      const resumed = await fetch(`${second.base}/api/runs/${runId}/resume`, {
        method: 'POST',
        headers: auth,
      });
      expect(resumed.status).toBe(202);
      // Follow it over Server-Sent Events to the end.
      const events = await (await fetch(`${second.base}/api/runs/${runId}/events`, { headers: auth })).text();
      expect(events).toContain('event: end');
      const final = await (await fetch(`${second.base}/api/runs/${runId}`, { headers: auth })).json();
      expect(final.status).toBe('complete');
      expect(final.results).toBe(300_000); // 100,000 replicates × 3 models, none twice
      expect(final.manifest.resumedFrom).toBe('interrupted');
      const summary = await (
        await fetch(`${second.base}/api/runs/${runId}/summary`, { headers: auth })
      ).json();
      expect(summary.complete).toBe(true);

      // The uninterrupted run with the same seed, from the command line.
      const io = memoryIO();
      const code = await main(
        [
          'sweep',
          bank,
          '--runs',
          '100000',
          '--seed',
          '1',
          '--workers',
          '1',
          '--store',
          join(dir, 'fresh.sqlite'),
          '--json',
          '--quiet',
        ],
        io,
      );
      expect(code, io.stderr.join('\n')).toBe(0);
      const fresh = JSON.parse(io.stdout.join('\n')).summary;
      expect(JSON.stringify(summary.summary.results)).toBe(JSON.stringify(fresh.results));
      expect(summary.summary.replicates).toBe(fresh.replicates);
    } finally {
      await second.stop();
      await store.close();
    }
  }, 300_000);
});
