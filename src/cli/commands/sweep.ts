/**
 * `concord sweep FILE --runs N --seed S …`: a seeded Monte Carlo sweep (or, with --sensitivity, a
 * Saltelli design for Sobol indices) of a scenario's uncertain positions, saliences and
 * capabilities, streamed into the run store batch by batch; then its summary. `--resume RUN_ID`
 * completes an interrupted run. See docs/sweeps.md.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { FORECAST_OPTION_HELP } from '../../bargaining/options.js';
import { ConcordError } from '../../errors.js';
import { cliEstimate } from '../../i18n/messages/cli-estimate/index.js';
import { cliSweep } from '../../i18n/messages/cli-sweep/index.js';
import { formatSummary as formatImport } from '../../scenario/import/summary.js';
import type { RunRecord, RunStore } from '../../store/store.js';
import { adapterIds, DEFAULT_ADAPTER } from '../../sweep/adapters.js';
import type { Keep } from '../../sweep/engine.js';
import { defaultThreads, type Executor } from '../../sweep/executors/executor.js';
import { formatSummary } from '../../sweep/format.js';
import { DEFAULT_KEEP, DEFAULT_SWEEP_SEED, KeepSchema, SWEEP_OPTION_HELP } from '../../sweep/options.js';
import type { planSweep } from '../../sweep/run.js';
import { json } from '../../util/format.js';
import { cliText } from '../i18n.js';
import { type CliIO, localeOf, processIO } from '../io.js';
import { parseFormat, parseSalience } from './forecast.js';

interface SweepOptions {
  runs?: string;
  seed?: string;
  workers?: string;
  models?: string;
  store?: string;
  executor?: string;
  redis?: string;
  resume?: string;
  sensitivity?: boolean;
  keep?: string;
  batchSize?: string;
  adapter?: string;
  quiet?: boolean;
  force?: boolean;
  json?: boolean;
  format?: string;
  capabilities?: string;
  defaultSalience?: string;
}

/** Below this many runs, and without --workers, a sweep runs in process. */
export const SMALL_SWEEP = 20_000;

export function intOption(v: string | undefined, name: string, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  const t = v.replace(/_/g, '');
  const n = /^[-+]?\d+(e\d+)?$/i.test(t) ? Number(t) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new ConcordError('E_VALIDATION', `${name} must be an integer, got "${v}"`, {
      path: name,
      hint: `Give ${name} a whole number.`,
      key: 'cli.sweep.notInteger',
      values: { name, input: v },
    });
  return n;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('sweep')
    .description('Monte Carlo uncertainty sweep of a scenario: seeded, stored, resumable (docs/sweeps.md)')
    .argument(
      '[file]',
      'a scenario file (YAML or JSON, with optional uncertainty: and sweep: blocks), a long table (CSV/TSV/XLSX), or a DEU, DECIDE or KTAB file',
    )
    .option('--format <format>', 'input format (default: from the file): scenario, long, deu, decide, ktab')
    .option(
      '--capabilities <source>',
      'equal, votes (DEU: Council votes on the date), or a file of `actor,capability` lines',
    )
    .option('--default-salience <s>', FORECAST_OPTION_HELP.defaultSalience)
    .option('--runs <n>', 'replicates per design point (with --sensitivity: base samples N)')
    .option('--seed <s>', SWEEP_OPTION_HELP.seed, String(DEFAULT_SWEEP_SEED))
    .option(
      '--workers <k>',
      `worker threads (default: every core, ${defaultThreads()} here; in process under ${SMALL_SWEEP.toLocaleString('en-US')} runs)`,
    )
    .option('--models <list>', SWEEP_OPTION_HELP.models)
    .option(
      '--store <path|url>',
      'SQLite file or postgres:// URL (default: DATABASE_URL or .concord/concord.sqlite)',
    )
    .option(
      '--executor <kind>',
      'inline | threads | bullmq (default: threads with several workers, inline with one)',
    )
    .option('--redis <url>', 'Redis for --executor bullmq; start workers with `concord worker --redis URL`')
    .option(
      '--resume <runId>',
      'complete an interrupted run (FILE, --runs and --seed are taken from the run)',
    )
    .option('--sensitivity', 'Saltelli sampling: first-order and total Sobol indices of each uncertain input')
    .option('--keep <what>', SWEEP_OPTION_HELP.keep, DEFAULT_KEEP)
    .option('--batch-size <n>', 'replicates per stored batch (default: about 200 batches)')
    .option('--adapter <id>', `what evaluates a replicate: ${adapterIds().join(' | ')}`, DEFAULT_ADAPTER)
    .option('--quiet', 'no progress bar or messages on stderr')
    .option('--force', 'allow very large sweeps, and resuming a run whose heartbeat is recent')
    .option('--json', 'print the run and its summary as JSON')
    .action(async (file: string | undefined, opts: SweepOptions) => {
      const executorKind = opts.executor ?? (opts.redis ? 'bullmq' : undefined);
      if (executorKind && !['inline', 'threads', 'bullmq'].includes(executorKind))
        throw new ConcordError(
          'E_USAGE',
          `--executor must be inline, threads or bullmq, got "${executorKind}"`,
          {
            path: '--executor',
            hint: 'Use --executor inline, threads or bullmq.',
            key: 'cli.sweep.unknownExecutor',
            values: { input: executorKind },
          },
        );
      if (executorKind === 'bullmq' && !opts.redis)
        throw new ConcordError('E_USAGE', '--executor bullmq needs --redis URL', {
          path: '--redis',
          hint: 'Give the Redis that the workers use, e.g. --redis redis://127.0.0.1:6379.',
          key: 'cli.sweep.bullmqNeedsRedis',
        });
      const keep = opts.keep as Keep;
      if (!KeepSchema.safeParse(keep).success)
        throw new ConcordError('E_USAGE', `--keep must be rows or summary, got "${opts.keep}"`, {
          path: '--keep',
          hint: 'Use --keep rows (every result row, exportable) or --keep summary (batch aggregates only).',
          key: 'cli.sweep.badKeep',
          values: { input: String(opts.keep) },
        });
      const workers = intOption(opts.workers, '--workers', defaultThreads())!;
      if (workers < 1 || workers > 256)
        throw new ConcordError('E_VALIDATION', `--workers must be between 1 and 256, got ${workers}`, {
          path: '--workers',
          hint: 'Give a whole number from 1 to 256, e.g. --workers 4.',
          key: 'cli.sweep.workersRange',
          values: { input: String(workers) },
        });
      let kind = executorKind ?? (workers > 1 ? 'threads' : 'inline');
      const c = cliText(io, cliSweep);
      const { t } = c;
      const int = (x: number) => (c.locale === 'en' ? x.toLocaleString('en-US') : c.fmt.number(x, 0));
      const say = (line: string) => {
        if (!opts.quiet) io.err(line);
      };

      // The store (pg, kysely, better-sqlite3) and the engine are loaded only when a sweep runs.
      const { openStore } = await import('../../store/open.js');
      const { checkResumable, createSweepRun, executeSweep, planSweep, sweepParamsOf } = await import(
        '../../sweep/run.js'
      );
      const { inlineExecutor } = await import('../../sweep/executors/inline.js');
      // Plan (or load) before touching the store or Redis, so that bad input fails first.
      let planned: ReturnType<typeof planSweep> | null = null;
      if (!opts.resume) {
        if (!file)
          throw new ConcordError('E_USAGE', 'give a scenario file, or --resume RUN_ID', {
            hint: 'For example: concord sweep scenarios/sco/11-samarkand-2022.yaml --runs 10000 --seed 1',
            key: 'cli.sweep.noFile',
          });
        if (opts.runs === undefined)
          throw new ConcordError('E_USAGE', '--runs is required', {
            path: '--runs',
            hint: 'Give the number of replicates, e.g. --runs 10000.',
            key: 'cli.sweep.runsRequired',
          });
        // Every importable format: a table becomes the scenario file it stands for, and that text is
        // what the run's manifest keeps (a resumed or repeated run needs nothing else).
        const { scenarioTextOf } = await import('../../scenario/load.js');
        const input = scenarioTextOf(file, io.cwd, {
          format: parseFormat(opts.format),
          capabilities: opts.capabilities,
          defaultSalience: parseSalience(opts.defaultSalience),
        });
        if (input.summary && !opts.quiet) io.err(formatImport(input.summary, localeOf(io)));
        planned = planSweep({
          adapter: opts.adapter ?? DEFAULT_ADAPTER,
          file,
          text: input.text,
          models: opts.models
            ?.split(',')
            .map((m) => m.trim())
            .filter(Boolean),
          runs: intOption(opts.runs, '--runs')!,
          seed: intOption(opts.seed, '--seed')!,
          sensitivity: opts.sensitivity,
          keep,
          batchSize: intOption(opts.batchSize, '--batch-size'),
          force: opts.force,
        });
      }
      // Small sweeps run in process unless workers were asked for: starting threads costs more than
      // it saves (the result is the same either way).
      if (!executorKind && opts.workers === undefined && planned && planned.params.total < SMALL_SWEEP)
        kind = 'inline';
      // BullMQ and piscina are loaded only when used (they add a second to every start-up).
      let executor: Executor;
      if (kind === 'bullmq')
        executor = (await import('../../sweep/executors/bullmq.js')).bullmqExecutor({
          url: opts.redis!,
          log: say,
        });
      else if (kind === 'threads')
        executor = (await import('../../sweep/executors/threads.js')).threadsExecutor(workers);
      else executor = inlineExecutor();

      let store: RunStore;
      try {
        store = await openStore(opts.store, { cwd: io.cwd, env: io.env });
      } catch (e) {
        await executor.close();
        throw e;
      }
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let bar: cliProgress.SingleBar | null = null;
      try {
        let run: RunRecord;
        if (opts.resume) {
          const found = await findRun(store, opts.resume);
          sweepParamsOf(found);
          checkResumable(found, opts.force);
          run = found;
        } else {
          if (kind === 'bullmq') {
            // Fail before creating the run when Redis is down: no orphan run.
            await (await import('../../sweep/executors/bullmq.js')).checkRedis(opts.redis!);
          }
          run = await createSweepRun(store, planned!, { executor: kind });
        }
        const started = Date.now();
        let done = 0;
        let initial = 0;
        const showBar = io.isTTY && !opts.quiet && io === processIO;
        const result = await executeSweep(store, run.id, executor, {
          signal: controller.signal,
          onStart: (r, already) => {
            done = already;
            initial = already;
            const start = {
              id: r.id,
              total: int(r.total),
              batches: int(Math.ceil(r.total / r.batch_size)),
              size: int(r.batch_size),
              executor: `${kind}${kind === 'threads' ? ` × ${workers}` : ''}`,
              store: store.location,
            };
            say(already ? t('startResumed', { ...start, done: int(already) }) : t('start', start));
            if (showBar) {
              const eta = cliText(io, cliEstimate).t('eta');
              bar = new cliProgress.SingleBar(
                {
                  format: `${t('bar.label')} |{bar}| {percentage}% | {value}/{total} ${t('bar.runs')} | {rate} ${t('bar.rate')} | ${eta} {eta_formatted}`,
                  stream: process.stderr,
                  etaBuffer: 50,
                  hideCursor: true,
                  clearOnComplete: true,
                },
                cliProgress.Presets.shades_classic,
              );
              bar.start(r.total, already, { rate: '0' });
            }
          },
          onBatch: (n) => {
            done += n;
            const secs = (Date.now() - started) / 1000;
            bar?.update(done, {
              rate: secs > 0 ? int(Math.round((done - initial) / secs)) : '0',
            });
          },
        });
        (bar as cliProgress.SingleBar | null)?.stop();
        const secs = (Date.now() - started) / 1000;
        say(t('complete', { id: run.id, seconds: c.fixed(secs, 1) }));
        if (opts.json) {
          io.out(
            json({
              run: {
                id: result.run.id,
                status: result.run.status,
                store: store.location,
                seed: Number(result.run.seed),
                total: result.run.total,
                batchSize: result.run.batch_size,
                scenarioHash: result.run.scenario_hash,
              },
              summary: result.summary,
            }),
          );
        } else {
          io.out(t('result', { id: result.run.id, store: store.location }));
          io.out(formatSummary(result.summary, c.locale));
        }
      } catch (e) {
        (bar as cliProgress.SingleBar | null)?.stop();
        throw e;
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        await store.close();
      }
    });
}

/** A run by id or unique id prefix. */
export async function findRun(store: RunStore, id: string): Promise<RunRecord> {
  const exact = await store.getRun(id);
  if (exact) return exact;
  if (/^[0-9a-f-]{4,}$/i.test(id)) {
    const rows = await store.db
      .selectFrom('runs')
      .select('id')
      .where('id', 'like', `${id}%`)
      .limit(2)
      .execute();
    if (rows.length === 1) return (await store.getRun(rows[0]!.id))!;
    if (rows.length > 1)
      throw new ConcordError('E_UNKNOWN_ID', `"${id}" matches several runs`, {
        hint: 'Give more characters of the id.',
        key: 'cli.sweep.ambiguousRun',
        values: { id },
      });
  }
  throw new ConcordError('E_UNKNOWN_ID', `no run "${id}" in ${store.location}`, {
    hint: 'List the runs with `concord runs list` (and the same --store).',
    key: 'cli.sweep.unknownRun',
    values: { id, store: store.location },
  });
}
