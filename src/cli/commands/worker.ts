/**
 * `concord worker --redis URL [--store …] [--threads K]`: a BullMQ worker that computes the batches
 * of sweeps started with `concord sweep --executor bullmq --redis URL`, on this machine's cores, and
 * writes them to the shared store. Runs until interrupted (Ctrl-C or SIGTERM).
 */
import type { Command } from 'commander';
import { ConcordError } from '../../errors.js';
import { cliRuns } from '../../i18n/messages/cli-runs/index.js';
import { defaultThreads } from '../../sweep/executors/executor.js';
import { cliText } from '../i18n.js';
import type { CliIO } from '../io.js';
import { intOption } from './sweep.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('worker')
    .description('compute sweep batches from Redis (BullMQ) into the shared store, until interrupted')
    .requiredOption('--redis <url>', 'the Redis of the sweeps, e.g. redis://10.0.0.5:6379')
    .option(
      '--store <path|url>',
      'the shared store: a postgres:// URL (or DATABASE_URL), or a SQLite file on this machine',
    )
    .option('--threads <k>', `worker threads (default: every core, ${defaultThreads()} here)`)
    .option(
      '--lock-ms <ms>',
      'how long a batch stays locked to a silent worker before it is retried',
      '30000',
    )
    .action(async (opts: { redis: string; store?: string; threads?: string; lockMs: string }) => {
      const threads = intOption(opts.threads, '--threads', defaultThreads())!;
      const lockMs = intOption(opts.lockMs, '--lock-ms')!;
      if (threads < 1 || threads > 256)
        throw new ConcordError('E_VALIDATION', '--threads must be between 1 and 256', {
          path: '--threads',
          hint: 'Give --threads a whole number from 1 to 256.',
          key: 'cli.worker.threads',
        });
      if (lockMs < 1000)
        throw new ConcordError('E_VALIDATION', '--lock-ms must be at least 1000', {
          path: '--lock-ms',
          hint: 'Give --lock-ms 1000 or more (milliseconds).',
          key: 'cli.worker.lockMs',
        });
      const { openStore } = await import('../../store/open.js');
      const store = await openStore(opts.store, { cwd: io.cwd, env: io.env });
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const { runWorker } = await import('../../sweep/executors/bullmq.js');
        const r = await runWorker({
          url: opts.redis,
          store,
          threads,
          lockMs,
          signal: controller.signal,
          // TODO: the worker's log lines (src/sweep/executors/bullmq.ts) in the locale.
          log: (line) => io.err(`${new Date().toISOString().slice(11, 19)} ${line}`),
        });
        io.err(cliText(io, cliRuns).t('worker.stopped', { stored: r.stored, duplicates: r.duplicates }));
      } finally {
        process.removeListener('SIGINT', stop);
        process.removeListener('SIGTERM', stop);
        await store.close();
      }
    });
}
