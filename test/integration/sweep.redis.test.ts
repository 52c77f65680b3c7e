// Scale-out on Redis with BullMQ, with real servers (`npm run test:redis` starts redis-server and
// PostgreSQL): two `concord worker` processes share a sweep's batches through Redis and write them
// to one PostgreSQL store; one worker is killed with SIGKILL in the middle of a batch. Its batch is
// retried by the other worker, nothing is counted twice, and the summary is the one a local run
// gives. SYNTHETIC test adapter (toy models).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open.js';
import { QUEUE_NAME } from '../../src/sweep/executors/bullmq.js';
import { planSweep, sweepInMemory } from '../../src/sweep/run.js';

const pg = process.env.CONCORD_TEST_PG_URL;
const redis = process.env.CONCORD_TEST_REDIS_URL;
if (!pg || !redis)
  throw new Error('CONCORD_TEST_PG_URL and CONCORD_TEST_REDIS_URL must be set: run `npm run test:redis`');
const root = join(import.meta.dirname, '../..');
const toy = join(root, 'test/fixtures/sweep/toy.yaml');

interface Proc {
  child: ChildProcess;
  log: string;
  exited: Promise<string>;
}

function startWorker(): Proc {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin/concord.js'),
      'worker',
      '--redis',
      redis!,
      '--store',
      pg!,
      '--threads',
      '1',
      '--lock-ms',
      '2000',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const p: Proc = {
    child,
    log: '',
    exited: new Promise((r) => child.on('exit', (code, signal) => r(signal ?? String(code)))),
  };
  child.stderr!.on('data', (d) => {
    p.log += d;
  });
  return p;
}

async function until(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const workers: Proc[] = [];
afterAll(async () => {
  for (const w of workers)
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
});

describe('BullMQ workers on Redis', () => {
  it('retry the batch of a killed worker, count nothing twice, and give the local summary', async () => {
    const queue = new Queue(QUEUE_NAME, { connection: { url: redis!, maxRetriesPerRequest: null } });
    await queue.obliterate({ force: true });
    const w1 = startWorker();
    const w2 = startWorker();
    workers.push(w1, w2);
    await until(() => w1.log.includes('ready') && w2.log.includes('ready'), 30_000, 'workers ready').catch(
      (e) => {
        throw new Error(`${(e as Error).message}\nworker 1: ${w1.log}\nworker 2: ${w2.log}`);
      },
    );

    const args = ['--adapter', 'synthetic', '--runs', '40000', '--seed', '3', '--batch-size', '4000'];
    const io = memoryIO({});
    const coordinator = main(
      ['sweep', toy, ...args, '--executor', 'bullmq', '--redis', redis!, '--store', pg!, '--json'],
      io,
    );

    // Kill worker 1 with SIGKILL as soon as it has started its second batch.
    let killedBatch = -1;
    await until(
      () => {
        const started = [...w1.log.matchAll(/batch (\d+) of run \w+ started/g)];
        if (started.length >= 2) {
          killedBatch = Number(started[1]![1]);
          w1.child.kill('SIGKILL');
          return true;
        }
        return false;
      },
      60_000,
      'worker 1 to start two batches',
    );
    expect(await w1.exited).toBe('SIGKILL');
    const storedByW1 = new RegExp(`batch ${killedBatch} of run \\w+ stored`).test(w1.log);

    const code = await coordinator;
    expect(code, io.stderr.join('\n')).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.run.status).toBe('complete');

    const store = await openStore(pg!);
    const runId: string = out.run.id;
    // Nothing counted twice: exactly one row per replicate and model.
    expect(await store.countResults(runId)).toBe(40_000 * 2);
    const batches = await store.batches(runId);
    expect(batches.every((b) => b.status === 'done')).toBe(true);
    const killed = batches.find((b) => b.idx === killedBatch)!;
    // The killed worker's batch was attempted again, by the other worker.
    expect(killed.attempts).toBeGreaterThanOrEqual(2);
    if (!storedByW1) expect(killed.worker).toContain(String(w2.child.pid));
    expect(w2.log).toMatch(new RegExp(`batch ${killedBatch} of run \\w+ (started \\(attempt \\d\\)|stored)`));

    console.info(
      `killed worker 1 (pid ${w1.child.pid}) during batch ${killedBatch}${storedByW1 ? ' (after it had stored it)' : ''}; ` +
        `that batch: ${killed.attempts} attempts, stored by ${killed.worker}; results ${await store.countResults(runId)}`,
    );
    // A duplicate of a stored batch, delivered again, is ignored.
    await queue.add('batch', { runId, idx: 0, first: 0, count: 4000 }, { jobId: `${runId}.dup0` });
    await until(
      () => w2.log.includes('was already stored: duplicate ignored'),
      30_000,
      'the duplicate to be ignored',
    );
    expect(await store.countResults(runId)).toBe(40_000 * 2);
    await store.close();
    await queue.close();

    // The same summary as a local run with the same seed.
    const local = sweepInMemory(
      planSweep({
        adapter: 'synthetic',
        file: toy,
        text: readFileSync(toy, 'utf8'),
        runs: 40000,
        seed: 3,
        batchSize: 4000,
      }),
    );
    expect(JSON.stringify(out.summary.results)).toBe(JSON.stringify(local.results));
  });

  it("give the local summary with Concord's forecast models on an SCO case", async () => {
    const w = workers.find((x) => x.child.exitCode === null && x.child.signalCode === null)!;
    expect(w).toBeTruthy();
    const sco = join(root, 'scenarios/sco/13-iran-admission-2023.yaml');
    const io = memoryIO({});
    const code = await main(
      [
        'sweep',
        sco,
        '--runs',
        '6000',
        '--seed',
        '9',
        '--batch-size',
        '500',
        '--executor',
        'bullmq',
        '--redis',
        redis!,
        '--store',
        pg!,
        '--json',
      ],
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    const local = sweepInMemory(
      planSweep({
        adapter: 'forecast',
        file: sco,
        text: readFileSync(sco, 'utf8'),
        runs: 6000,
        seed: 9,
        batchSize: 500,
      }),
    );
    expect(out.summary.sweep.models).toEqual(['consensus', 'compromise', 'median']);
    expect(JSON.stringify(out.summary.results)).toBe(JSON.stringify(local.results));
  });
});
