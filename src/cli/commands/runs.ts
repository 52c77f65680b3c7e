/**
 * `concord runs list | show ID | export ID --format csv|json | cancel ID`: the runs in the store,
 * one run's manifest and summary, its result rows streamed out (never all in memory), and stopping
 * a running sweep (status `cancelled`, resumable).
 */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConcordError } from '../../errors.js';
import { cliRuns } from '../../i18n/messages/cli-runs/index.js';
import { labRuns } from '../../i18n/messages/lab-runs/index.js';
import { translator } from '../../i18n/translate.js';
import type { RunRecord } from '../../store/store.js';
import type { SweepParams, SweepSummary } from '../../sweep/engine.js';
import { formatSummary } from '../../sweep/format.js';
import { CANCEL_POLL_MS } from '../../sweep/run.js';
import { sweepExport } from '../../sweep/tidy.js';
import { json, table } from '../../util/format.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import { type CliIO, processIO } from '../io.js';
import { withStore } from '../store.js';
import { findRun, intOption } from './sweep.js';

interface StoreOpt {
  store?: string;
  json?: boolean;
}

export function register(program: Command, io: CliIO): void {
  const runs = program.command('runs').description('list, show and export stored runs (sweeps)');
  runs
    .command('list')
    .description('the runs in the store, newest first')
    .option('--store <path|url>', 'SQLite file or postgres:// URL')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .action(async (opts: StoreOpt & { limit: string }) => {
      await withStore(io, opts.store, async (store) => {
        const list = await store.listRuns({ limit: intOption(opts.limit, '--limit') });
        const withProgress = await Promise.all(list.map(async (r) => ({ r, p: await store.progress(r.id) })));
        if (opts.json) {
          io.out(
            json(
              withProgress.map(({ r, p }) => ({
                id: r.id,
                kind: r.kind,
                title: r.title,
                status: r.status,
                seed: r.seed,
                total: r.total,
                replicatesDone: p.replicatesDone,
                createdAt: r.created_at,
                finishedAt: r.finished_at,
              })),
            ),
          );
          return;
        }
        const c = cliText(io, cliRuns);
        if (!list.length) {
          io.out(c.t('runs.none', { location: store.location }));
          return;
        }
        const done = (x: number) => (c.locale === 'en' ? `${x}%` : c.fmt.percent(x / 100, 0));
        io.out(
          table(
            [
              c.t('runs.col.id'),
              c.t('runs.col.status'),
              c.t('runs.col.done'),
              c.t('runs.col.seed'),
              c.t('runs.col.created'),
              c.t('runs.col.title'),
            ],
            withProgress.map(({ r, p }) => [
              r.id,
              statusOf(r.status, c),
              done(Math.floor((p.replicatesDone / r.total) * 100)),
              r.seed,
              r.created_at.slice(0, 19).replace('T', ' '),
              r.title ?? '',
            ]),
          ),
        );
      });
    });
  runs
    .command('show')
    .description('a run: its manifest, progress and summary')
    .argument('<id>', 'run id (or a unique prefix)')
    .option('--store <path|url>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: StoreOpt) => {
      await withStore(io, opts.store, async (store) => {
        const run = await findRun(store, id);
        const progress = await store.progress(run.id);
        const summary = (await store.getSummary(run.id)) as SweepSummary | null;
        const params = run.params as SweepParams;
        const info = describeRun(run, progress);
        if (opts.json) {
          io.out(
            json({
              run: info,
              params: {
                ...params,
                scenario: params?.scenario
                  ? { file: params.scenario.file, sha256: params.scenario.sha256 }
                  : undefined,
              },
              summary,
            }),
          );
          return;
        }
        const c = cliText(io, cliRuns);
        io.out(formatRun(info, params, c));
        if (summary) io.out(`\n${formatSummary(summary, c.locale)}`);
        else if (run.status !== 'complete')
          io.out(`\n${c.t('runs.notComplete', { command: `\`concord sweep --resume ${run.id}\`` })}`);
      });
    });
  runs
    .command('export')
    .description('stream a run’s result rows as CSV or JSON')
    .argument('<id>', 'run id (or a unique prefix)')
    .option('--format <fmt>', 'csv | json', 'csv')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--store <path|url>', 'SQLite file or postgres:// URL')
    .action(async (id: string, opts: { format: string; out?: string; store?: string }) => {
      if (opts.format !== 'csv' && opts.format !== 'json')
        throw new ConcordError('E_USAGE', `--format must be csv or json, got "${opts.format}"`, {
          path: '--format',
          hint: 'Use --format csv or --format json.',
          key: 'cli.runs.format',
          values: { format: opts.format },
        });
      await withStore(io, opts.store, async (store) => {
        const run = await findRun(store, id);
        const params = run.params as SweepParams;
        if (params?.keep === 'summary')
          throw new ConcordError('E_NO_DATA', `run ${run.id} kept no result rows (--keep summary)`, {
            hint: `Its summary is in \`concord runs show ${run.id} --json\`; rerun with --keep rows to export rows.`,
            key: 'cli.runs.noRows',
            values: { id: run.id },
          });
        const sink = openSink(io, opts.out);
        // The same columns and bytes as the API's export (src/sweep/tidy.ts).
        const tidy = sweepExport(params);
        try {
          if (opts.format === 'csv') {
            await sink.write(tidy.header());
            for await (const r of store.results(run.id)) await sink.write(tidy.line(r));
          } else {
            await sink.write(
              `{"run":${JSON.stringify(describeRun(run, await store.progress(run.id)))},\n"rows":[`,
            );
            let first = true;
            for await (const r of store.results(run.id)) {
              await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(tidy.record(r))}`);
              first = false;
            }
            await sink.write('\n]}\n');
          }
        } finally {
          await sink.close();
        }
      });
    });
  runs
    .command('cancel')
    .description('stop a running sweep (in any process on this store), keeping its finished batches')
    .argument('<id>', 'run id (or a unique prefix)')
    .option('--store <path|url>', 'SQLite file or postgres:// URL')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: StoreOpt) => {
      await withStore(io, opts.store, async (store) => {
        const run = await findRun(store, id);
        if (!(await store.cancelRun(run.id))) {
          throw new ConcordError(
            'E_CONFLICT',
            `run ${run.id} is ${run.status}, not running: nothing to cancel`,
            {
              hint:
                run.status === 'complete'
                  ? `See it with \`concord runs show ${run.id}\`.`
                  : `Resume it with \`concord sweep --resume ${run.id}\`.`,
              key: 'cli.runs.notRunning',
              values: {
                id: run.id,
                status: {
                  en: run.status,
                  ru: statusOf(run.status, { locale: 'ru' }),
                  'zh-Hans': statusOf(run.status, { locale: 'zh-Hans' }),
                },
                complete: run.status === 'complete' ? 'yes' : 'no',
              },
            },
          );
        }
        // The executing process polls the status every CANCEL_POLL_MS and stops its threads then.
        await new Promise((r) => setTimeout(r, 2 * CANCEL_POLL_MS));
        const p = await store.progress(run.id);
        if (opts.json) {
          const cancelled = { id: run.id, status: 'cancelled', batchesDone: p.done, batches: p.batches };
          io.out(json(cancelled));
          return;
        }
        const { t } = cliText(io, cliRuns);
        io.out(t('runs.cancelled', { id: run.id, done: p.done, batches: p.batches }));
        io.err(t('runs.resume', { command: `\`concord sweep --resume ${run.id}\`` }));
      });
    });
}

type RunsText = CliText<NamespaceKeys<typeof cliRuns>>;

/** The fields of a run and of its parameters that the catalogue names (`runs.field.<name>`). */
const FIELDS = new Set([
  'id',
  'kind',
  'title',
  'status',
  'seed',
  'scenarioHash',
  'total',
  'batchSize',
  'batchesDone',
  'replicatesDone',
  'createdAt',
  'startedAt',
  'finishedAt',
  'error',
  'adapter',
  'scenario',
  'sha256',
  'models',
  'mode',
  'runs',
  'keep',
]);

/** A run's status in the locale (the lab's words); English keeps the stored value. */
export function statusOf(status: string, c: { readonly locale: RunsText['locale'] }): string {
  const t = translator(labRuns, c.locale);
  const key = `status.${status}`;
  return c.locale === 'en' || !t.has(key) ? status : t(key as 'status.running');
}

/** A run's kind in the locale (the lab's words); English keeps the stored value. */
function kindOf(kind: string, c: { readonly locale: RunsText['locale'] }): string {
  const t = translator(labRuns, c.locale);
  const key = `kind.${kind}`;
  return c.locale === 'en' || !t.has(key) ? kind : t(key as 'kind.sweep');
}

/** `runs show` for people: the run, its parameters and its manifest, one field a line. */
export function formatRun(
  info: ReturnType<typeof describeRun>,
  params: SweepParams | null,
  c: RunsText,
): string {
  const { t } = c;
  const { manifest, ...run } = info;
  const cell = (v: unknown): string =>
    v === null || v === undefined
      ? '–'
      : Array.isArray(v)
        ? v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join(', ') ||
          '–'
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  // The run's and the parameters' fields are named in the catalogue; the manifest's keep their names.
  const label = (k: string) => (FIELDS.has(k) ? t(`runs.field.${k}` as 'runs.field.id') : k);
  const block = (title: string, o: Record<string, unknown>, named: boolean) =>
    `${title}\n${table(
      [t('runs.col.field'), t('runs.col.value')],
      Object.entries(o).map(([k, v]) => [named ? label(k) : k, cell(v)]),
    )}`;
  const parts = [
    block(
      t('runs.run', { id: run.id }),
      { ...run, kind: kindOf(run.kind, c), status: statusOf(run.status, c) },
      true,
    ),
  ];
  if (params?.scenario)
    parts.push(
      block(
        t('runs.parameters'),
        {
          adapter: params.adapter,
          scenario: params.scenario.file,
          sha256: params.scenario.sha256,
          models: params.models,
          mode: params.mode,
          runs: params.runs,
          seed: params.seed,
          batchSize: params.batchSize,
          keep: params.keep,
          total: params.total,
        },
        true,
      ),
    );
  if (manifest && typeof manifest === 'object') {
    // The uncertain inputs are in the summary below (and are the input columns of `runs export`).
    const { factors: _, ...rest } = manifest as Record<string, unknown>;
    parts.push(block(t('runs.manifest'), rest, false));
  }
  return parts.join('\n\n');
}

function describeRun(run: RunRecord, progress: { batches: number; done: number; replicatesDone: number }) {
  return {
    id: run.id,
    kind: run.kind,
    title: run.title,
    status: run.status,
    seed: run.seed,
    scenarioHash: run.scenario_hash,
    total: run.total,
    batchSize: run.batch_size,
    batchesDone: `${progress.done}/${progress.batches}`,
    replicatesDone: progress.replicatesDone,
    createdAt: run.created_at,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    error: run.error,
    manifest: run.manifest,
  };
}

interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
}

/** A writer that respects back-pressure (a slow pipe never makes the export buffer everything). */
function openSink(io: CliIO, out: string | undefined): Sink {
  if (!out && io !== processIO) {
    // In-process callers (tests): collect lines through the IO.
    let buf = '';
    return {
      async write(s) {
        buf += s;
        if (buf.length > 1 << 16) {
          const cut = buf.lastIndexOf('\n');
          if (cut >= 0) {
            io.out(buf.slice(0, cut));
            buf = buf.slice(cut + 1);
          }
        }
      },
      async close() {
        if (buf) io.out(buf.replace(/\n$/, ''));
      },
    };
  }
  const stream = out ? createWriteStream(resolve(io.cwd, out)) : process.stdout;
  return {
    write(s) {
      return new Promise<void>((res, rej) => {
        if (stream.write(s)) res();
        else {
          const onErr = (e: Error) => rej(e);
          stream.once('error', onErr);
          stream.once('drain', () => {
            stream.removeListener('error', onErr);
            res();
          });
        }
      });
    },
    close() {
      if (stream === process.stdout) return Promise.resolve();
      return new Promise<void>((res) => (stream as ReturnType<typeof createWriteStream>).end(() => res()));
    },
  };
}
