/**
 * Uncertainty sweeps over the API (src/sweep/): start one (it becomes a run of the token's
 * workspace and executes in the background on worker threads; progress at /api/runs/{id}/events),
 * and read a run's summary — the stored one when the run is complete, else the summary of the
 * batches done so far (a contiguous prefix, so that it is exactly what a run of that size gives).
 */
import { z } from 'zod';
import { MODEL_NAMES } from '../../bargaining/forecast.js';
import { ConcordError } from '../../errors.js';
import { ModelNameSchema } from '../../scenario/schema.js';
import type { RunRecord } from '../../store/store.js';
import { DEFAULT_ADAPTER, getAdapter } from '../../sweep/adapters.js';
import type { BatchAggregateJSON } from '../../sweep/aggregate.js';
import { DEFAULT_UNCERTAINTY_TEXT, SweepContext, type SweepSummary } from '../../sweep/engine.js';
import {
  DEFAULT_KEEP,
  DEFAULT_SWEEP_MODELS,
  DEFAULT_SWEEP_SEED,
  KeepSchema,
  SWEEP_OPTION_HELP,
  SweepSeedSchema,
} from '../../sweep/options.js';
import { createSweepRun, planSweep, sweepParamsOf } from '../../sweep/run.js';
import { sentence } from '../../util/format.js';
import { requireWorkspace } from '../auth.js';
import type { ServerContext } from '../context.js';
import { atPath } from '../errors.js';
import { type AnyRoute, route } from '../route.js';
import { ProgressSchema, RunParams, RunSchema } from '../schemas.js';
import { runView, visibleRun } from './runs.js';
import { builtInScenarios } from './scenarios.js';
import { findUpload } from './uploads.js';

/** Largest sweep the API starts (replicates × design points), and largest number of stored rows. */
export const MAX_API_TOTAL = 2_000_000;
export const MAX_API_ROWS = 20_000_000;

export const SweepBody = z
  .object({
    scenario: z.string().min(1).max(200).optional().describe('A built-in scenario id (GET /api/scenarios)'),
    text: z
      .string()
      .min(1)
      .max(512 * 1024)
      .optional()
      .describe(
        'A scenario file of your own (YAML or JSON text), with optional uncertainty: and sweep: blocks',
      ),
    upload: z
      .string()
      .uuid()
      .optional()
      .describe('A scenario uploaded into the workspace (POST /api/workspace/scenarios)'),
    file: z.string().min(1).max(200).optional().describe('A name for `text`, for messages and the manifest'),
    runs: z.number().int().min(1).describe('Replicates per design point (with sensitivity: base samples N)'),
    seed: SweepSeedSchema.default(DEFAULT_SWEEP_SEED).describe(sentence(SWEEP_OPTION_HELP.seed)),
    models: z
      .array(ModelNameSchema)
      .min(1)
      .max(5)
      .optional()
      .describe(`Models (default: ${DEFAULT_SWEEP_MODELS.join(', ')})`),
    sensitivity: z
      .boolean()
      .default(false)
      .describe('Saltelli sampling for first-order and total Sobol indices'),
    keep: KeepSchema.default(DEFAULT_KEEP).describe(sentence(SWEEP_OPTION_HELP.keep)),
    batchSize: z.number().int().min(1).max(100_000).optional(),
    title: z.string().min(1).max(200).optional(),
    visibility: z.enum(['private', 'public']).default('private'),
  })
  .strict()
  .refine((b) => [b.scenario, b.text, b.upload].filter((x) => x !== undefined).length === 1, {
    message: 'give one of a built-in `scenario` id, the `text` of a scenario file, or an `upload` id',
    path: ['scenario'],
  });

const SummarySchema = z.object({
  runId: z.string(),
  complete: z.boolean(),
  replicates: z.number().int(),
  total: z.number().int(),
  summary: z
    .looseObject({
      sweep: z.looseObject({
        scenario: z.string(),
        models: z.array(z.string()),
        outputs: z.array(z.unknown()),
      }),
      replicates: z.number(),
      results: z.array(
        z.looseObject({
          point: z.number(),
          issue: z.string(),
          model: z.string(),
          n: z.number(),
          mean: z.number().nullable(),
          histogram: z.object({ lo: z.number(), hi: z.number(), counts: z.array(z.number()) }),
          adoption: z.number().nullable(),
          blocking: z.record(z.string(), z.number()).nullable(),
        }),
      ),
    })
    .nullable(),
});

/** The summary of the done batches 0…k−1 (the longest run of batches done from the start). */
async function prefixSummary(
  ctx: ServerContext,
  run: RunRecord,
): Promise<{ summary: SweepSummary | null; replicates: number }> {
  const params = sweepParamsOf(run);
  const sc = new SweepContext(getAdapter(params.adapter), params);
  const s = sc.summarizer();
  let next = 0;
  for await (const b of ctx.store.batchAggregates(run.id)) {
    if (b.first !== next || !b.aggregate) break;
    s.add(b.first, b.count, JSON.parse(b.aggregate) as BatchAggregateJSON);
    next = b.first + b.count;
  }
  return { summary: next > 0 ? s.summary() : null, replicates: next };
}

/** Library errors name CLI options (`--runs`) or paths in the scenario file; over HTTP both are in the body. */
function inBody<T>(field: 'scenario' | 'text' | 'upload', f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ConcordError && !e.path?.startsWith('body')) {
      // `--batch-size` → `body.batchSize`
      const option = e.path?.startsWith('--')
        ? e.path.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
        : null;
      const path = option ? `body.${option}` : `body.${field}`;
      throw atPath(e, path);
    }
    throw e;
  }
}

/** The workspace's quotas: sweeps running at once, and runs kept (E_LIMIT naming the quota). */
export async function checkQuotas(ctx: ServerContext, workspace: string): Promise<void> {
  const u = await ctx.store.workspaceUsage(workspace);
  const q = ctx.quotas;
  if (u.active >= q.concurrentSweeps)
    throw new ConcordError(
      'E_LIMIT',
      `workspace ${workspace} has ${u.active} sweeps running; the server runs at most ${q.concurrentSweeps} at once per workspace (quota: concurrent sweeps)`,
      {
        path: 'body.runs',
        hint: 'Wait for one to end, or cancel one (DELETE /api/runs/{id}).',
        key: 'server.sweep.tooManyRunning',
        values: { workspace, active: String(u.active), max: String(q.concurrentSweeps) },
      },
    );
  if (u.runs >= q.runsPerWorkspace)
    throw new ConcordError(
      'E_LIMIT',
      `workspace ${workspace} keeps ${u.runs} runs; the server keeps at most ${q.runsPerWorkspace} per workspace (quota: runs)`,
      {
        path: 'body.runs',
        hint: 'Delete runs you no longer need (DELETE /api/runs/{id}).',
        key: 'server.sweep.tooManyKept',
        values: { workspace, runs: String(u.runs), max: String(q.runsPerWorkspace) },
      },
    );
}

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/sweeps/options',
    operationId: 'sweepOptions',
    summary: 'What a sweep can be asked for: models, defaults, limits',
    tag: 'sweeps',
    access: 'public',
    cacheSeconds: 3600,
    response: {
      description: 'Options',
      schema: z.object({
        models: z.array(z.string()),
        defaultModels: z.array(z.string()),
        defaultUncertainty: z.string(),
        limits: z.object({ total: z.number(), rows: z.number() }),
      }),
    },
    handler: () => ({
      models: [...MODEL_NAMES],
      defaultModels: [...getAdapter(DEFAULT_ADAPTER).defaultModels],
      defaultUncertainty: DEFAULT_UNCERTAINTY_TEXT,
      limits: { total: MAX_API_TOTAL, rows: MAX_API_ROWS },
    }),
  }),
  route({
    method: 'POST',
    url: '/api/sweeps',
    operationId: 'startSweep',
    summary: 'Start an uncertainty sweep of a scenario; it runs in the background',
    description:
      'As `concord sweep FILE --runs N --seed S`: the run is stored in the token’s workspace at once and executes on worker threads; follow it at /api/runs/{id}/events, read it at /api/runs/{id}/summary. Same seed, same summary, whatever the executor, and after a crash and a resume.',
    tag: 'sweeps',
    access: 'token',
    body: SweepBody,
    rateLimitPerMinute: 20,
    response: {
      status: 202,
      description: 'Started',
      schema: z.object({ run: RunSchema, progress: ProgressSchema }),
    },
    handler: async ({ ctx, body, workspace }) => {
      const ws = requireWorkspace(workspace);
      if (!ctx.jobs.kinds.has('sweep')) {
        throw new ConcordError('E_UNSUPPORTED', 'this server does not execute sweeps', {
          hint: 'Run the sweep with `concord sweep` on the command line.',
          key: 'server.sweep.notExecuted',
        });
      }
      const uploaded = body.upload ? await findUpload(ctx, ws, body.upload) : null;
      const source = uploaded
        ? { file: uploaded.name, text: uploaded.text }
        : body.scenario
          ? (() => {
              const b = builtInScenarios().find((x) => x.id === body.scenario);
              if (!b)
                throw new ConcordError('E_UNKNOWN_ID', `no built-in scenario "${body.scenario}"`, {
                  path: 'body.scenario',
                  hint: 'GET /api/scenarios lists them; or send the file as `text`.',
                  key: 'server.sweep.unknownScenario',
                  values: { scenario: String(body.scenario) },
                });
              return { file: b.file, text: b.text };
            })()
          : { file: body.file ?? 'scenario (sent to the API)', text: body.text! };
      const planned = inBody(body.scenario ? 'scenario' : body.upload ? 'upload' : 'text', () =>
        planSweep({
          adapter: DEFAULT_ADAPTER,
          file: source.file,
          text: source.text,
          ...(body.models ? { models: body.models } : {}),
          runs: body.runs,
          seed: body.seed,
          sensitivity: body.sensitivity,
          keep: body.keep,
          ...(body.batchSize ? { batchSize: body.batchSize } : {}),
        }),
      );
      const { total } = planned.params;
      const rows =
        body.keep === 'rows' ? total * planned.ctx.outputs.length * planned.params.models.length : 0;
      if (total > MAX_API_TOTAL || rows > MAX_API_ROWS) {
        throw new ConcordError(
          'E_LIMIT',
          `the sweep has ${total.toLocaleString('en-US')} runs${rows ? ` and ${rows.toLocaleString('en-US')} result rows` : ''}; the API starts at most ${MAX_API_TOTAL.toLocaleString('en-US')} runs and ${MAX_API_ROWS.toLocaleString('en-US')} rows`,
          {
            path: 'body.runs',
            hint: 'Use fewer runs, keep: "summary", or `concord sweep` on the command line (it can write to the same store).',
            key: rows ? 'server.sweep.tooLargeRows' : 'server.sweep.tooLarge',
            values: { total, rows, maxTotal: MAX_API_TOTAL, maxRows: MAX_API_ROWS },
          },
        );
      }
      await checkQuotas(ctx, ws);
      const run = await createSweepRun(ctx.store, planned, {
        workspace: ws,
        ...(body.title ? { title: body.title } : {}),
        executor: 'threads (concord serve)',
      });
      if (body.visibility === 'public') {
        await ctx.store.db
          .updateTable('runs')
          .set({ visibility: 'public' })
          .where('id', '=', run.id)
          .execute();
      }
      ctx.jobs.start(run);
      const fresh = (await ctx.store.getRun(run.id))!;
      return { run: runView(fresh, ws), progress: await ctx.jobs.progress(fresh) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/runs/:id/summary',
    operationId: 'runSummary',
    summary:
      "A sweep's summary: outcome distributions (histograms, quantiles), adoption, blocking, Sobol indices",
    description:
      'The stored summary of a complete run (as `concord runs show ID --json`); while a run executes, the summary of the batches done so far from the start.',
    tag: 'sweeps',
    access: 'public',
    params: RunParams,
    response: { description: 'The summary', schema: SummarySchema },
    handler: async ({ ctx, params, workspace }) => {
      const run = await visibleRun(ctx, params.id, workspace);
      if (run.kind !== 'sweep') {
        throw new ConcordError('E_UNSUPPORTED', `run ${run.id} is a ${run.kind} run, not a sweep`, {
          path: 'params.id',
          key: 'server.sweep.notASweep',
          values: { id: run.id, kind: run.kind },
        });
      }
      const stored =
        run.status === 'complete' ? ((await ctx.store.getSummary(run.id)) as SweepSummary | null) : null;
      if (stored)
        return {
          runId: run.id,
          complete: true,
          replicates: stored.replicates,
          total: run.total,
          summary: stored,
        };
      const p = await prefixSummary(ctx, run);
      return {
        runId: run.id,
        complete: false,
        replicates: p.replicates,
        total: run.total,
        summary: p.summary,
      };
    },
  }),
];
