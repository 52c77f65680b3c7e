// Crash safety: a real `concord sweep` child process — the acceptance command on an SCO case, with
// Concord's forecast models — is killed with SIGKILL mid-run; `--resume` completes the run, and its
// summary is identical to an uninterrupted run's with one worker and with two. Uses the compiled CLI
// (bin/concord.js → dist/; `npm test` builds first).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open.js';

const root = join(import.meta.dirname, '../..');
const bank = join(root, 'scenarios/sco/06-development-bank-2010.yaml');

async function cli(...argv: string[]) {
  const io = memoryIO({});
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('kill -9 during a sweep', () => {
  it('loses at most the batch in flight, and --resume gives the uninterrupted summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
    const db = join(dir, 'runs.sqlite');
    // The acceptance command of issue 5 (default batch size: 500 runs, 200 batches).
    const args = ['sweep', bank, '--runs', '100000', '--seed', '1'];
    const child = spawn(
      process.execPath,
      [join(root, 'bin/concord.js'), ...args, '--workers', '2', '--store', db],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((r) =>
      child.on('exit', (code, signal) => r(signal ? -1 : code)),
    );
    // Wait until the run exists and a few batches are stored, then kill the process outright.
    let runId: string | null = null;
    for (let i = 0; i < 600 && !runId; i++) {
      await new Promise((r) => setTimeout(r, 50));
      runId = /run ([0-9a-f-]{36}):/.exec(stderr)?.[1] ?? null;
    }
    expect(runId, stderr).toBeTruthy();
    const store = await openStore(db);
    for (let i = 0; i < 1200; i++) {
      if ((await store.progress(runId!)).done >= 5) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe(-1);
    const before = await store.progress(runId!);
    expect(before.done).toBeGreaterThanOrEqual(5);
    expect(before.done).toBeLessThan(before.batches); // killed mid-run
    expect((await store.getRun(runId!))!.status).toBe('running'); // never marked complete
    // Every stored batch is whole: rows = done batches × 500 replicates × 3 models, nothing partial.
    expect(await store.countResults(runId!)).toBe(before.replicatesDone * 3);
    expect(before.replicatesDone).toBe(before.done * 500);

    const resumed = await cli('sweep', '--resume', runId!, '--store', db, '--workers', '1', '--json');
    expect(resumed.code, resumed.err).toBe(0);
    const r = JSON.parse(resumed.out);
    expect(r.run.status).toBe('complete');
    expect(await store.countResults(runId!)).toBe(300_000);
    const run = (await store.getRun(runId!))!;
    expect(run.manifest.resumedFrom).toBe('running');
    await store.close();

    for (const workers of ['1', '2']) {
      const fresh = await cli(
        ...args,
        '--workers',
        workers,
        '--store',
        join(dir, `fresh${workers}.sqlite`),
        '--json',
      );
      expect(fresh.code, fresh.err).toBe(0);
      expect(JSON.stringify(r.summary)).toBe(JSON.stringify(JSON.parse(fresh.out).summary));
    }
  });
});
