/**
 * Stored runs: list, show, progress over Server-Sent Events, export, rename/publish, resume, delete.
 *
 * Isolation: without a token only public runs are visible; with a token, the runs of its workspace
 * and public runs. A run that is not visible answers 404 exactly as a run that does not exist, so
 * that ids of other workspaces cannot even be probed. Changing, resuming or deleting a run needs the
 * token of the workspace that owns it (403 for a visible public run of another workspace).
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ConcordError } from '../../errors.js';
import type { RunRecord } from '../../store/store.js';
import type { SweepParams } from '../../sweep/engine.js';
import { sweepExport } from '../../sweep/tidy.js';
import { requireWorkspace } from '../auth.js';
import type { ServerContext } from '../context.js';
import { TERMINAL } from '../jobs.js';
import { type AnyRoute, route } from '../route.js';
import {
  ExportQuery,
  ProgressSchema,
  RunDetailSchema,
  RunListSchema,
  RunParams,
  RunPatchSchema,
  RunSchema,
  RunStatusSchema,
  RunsQuery,
} from '../schemas.js';
import { openEventStream } from '../sse.js';

/** '' is never a workspace name (the store refuses it), so it matches public runs only. */
const PUBLIC_ONLY = '';

export async function visibleRun(
  ctx: ServerContext,
  id: string,
  workspace: string | null,
): Promise<RunRecord> {
  const run = await ctx.store.getRun(id, workspace ?? PUBLIC_ONLY);
  if (!run) {
    throw new ConcordError(
      'E_UNKNOWN_ID',
      `no run ${id} is visible${workspace ? ` to workspace ${workspace}` : ''}`,
      {
        path: 'params.id',
        hint: workspace
          ? 'GET /api/runs lists the runs you can see.'
          : 'Private runs need the bearer token of their workspace.',
        key: workspace ? 'server.run.notVisibleTo' : 'server.run.notVisible',
        values: { id, workspace: String(workspace) },
      },
    );
  }
  return run;
}

export async function ownedRun(ctx: ServerContext, id: string, workspace: string | null): Promise<RunRecord> {
  const ws = requireWorkspace(workspace);
  const run = await visibleRun(ctx, id, ws);
  if (run.workspace !== ws) {
    throw new ConcordError('E_FORBIDDEN', `run ${id} belongs to another workspace; it is public, not yours`, {
      path: 'params.id',
      hint: 'Only the workspace that owns a run may change, resume or delete it.',
      key: 'server.run.notYours',
      values: { id },
    });
  }
  return run;
}

/**
 * What a reader who does not own a public run sees of its manifest: what reproduces and describes
 * the run (version, seed, size, models, design), never the host, process, paths or commit.
 */
const PUBLIC_MANIFEST_KEYS = [
  'concord',
  'scenarioHash',
  'seed',
  'runs',
  'mode',
  'models',
  'keep',
  'adapter',
  'adapterLabel',
  'designPoints',
  'factors',
  'created',
  'finished',
] as const;

export function publicManifest(m: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(PUBLIC_MANIFEST_KEYS.filter((k) => k in m).map((k) => [k, m[k]]));
}

/** A run's parameters for a reader who does not own it: the scenario's file name without its path. */
export function publicParams(p: unknown): unknown {
  const sp = p as { scenario?: { file?: unknown } } | null;
  if (!sp?.scenario || typeof sp.scenario.file !== 'string') return p;
  const file = sp.scenario.file.split(/[\\/]/).pop();
  return { ...sp, scenario: { ...sp.scenario, file } };
}

export function runView(r: RunRecord, workspace: string | null): z.infer<typeof RunSchema> {
  const owned = workspace !== null && r.workspace === workspace;
  return {
    id: r.id,
    workspace: owned ? r.workspace : null,
    kind: r.kind,
    title: r.title,
    status: r.status,
    visibility: r.visibility,
    seed: r.seed,
    scenarioHash: r.scenario_hash,
    total: r.total,
    batchSize: r.batch_size,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    heartbeatAt: r.heartbeat_at,
    error: r.error,
    owned,
  };
}

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/runs',
    operationId: 'listRuns',
    summary: "The runs you can see: your workspace's and the public ones, newest first",
    tag: 'runs',
    access: 'public',
    query: RunsQuery,
    response: { description: 'Runs', schema: RunListSchema },
    handler: async ({ ctx, query, workspace }) => {
      const runs = await ctx.store.listRuns({
        workspace: workspace ?? PUBLIC_ONLY,
        limit: query.limit,
        ...(query.status ? { status: query.status } : {}),
      });
      return {
        runs: runs.filter((r) => !query.kind || r.kind === query.kind).map((r) => runView(r, workspace)),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/runs/:id',
    operationId: 'showRun',
    summary: 'A run: manifest, parameters, progress',
    tag: 'runs',
    access: 'public',
    params: RunParams,
    response: { description: 'The run', schema: RunDetailSchema },
    handler: async ({ ctx, params, workspace }) => {
      const run = await visibleRun(ctx, params.id, workspace);
      const progress = await ctx.jobs.progress(run);
      const owned = workspace !== null && run.workspace === workspace;
      return {
        ...runView(run, workspace),
        status: progress.status,
        params: owned ? run.params : publicParams(run.params),
        manifest: owned ? run.manifest : publicManifest(run.manifest),
        progress,
        results: await ctx.store.countResults(run.id),
        resumable:
          (progress.status === 'interrupted' ||
            progress.status === 'failed' ||
            progress.status === 'cancelled') &&
          progress.batchesDone < progress.batches &&
          ctx.jobs.kinds.has(run.kind),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/runs/:id/events',
    operationId: 'runEvents',
    summary: "A run's progress as Server-Sent Events",
    description:
      'A `text/event-stream`: a `progress` event (JSON, the Progress schema) whenever a batch lands, then an `end` event when the run is complete, failed or interrupted. With a bearer token for private runs (use fetch, not EventSource, to send the header).',
    tag: 'runs',
    access: 'public',
    params: RunParams,
    response: { description: 'Progress events', schema: ProgressSchema, contentType: 'text/event-stream' },
    handler: async ({ ctx, params, workspace, request, reply }) => {
      const run = await visibleRun(ctx, params.id, workspace);
      const stream = openEventStream(request, reply);
      let last = '';
      let busy = false;
      let again = false;
      const send = async (): Promise<void> => {
        if (stream.closed) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          const p = await ctx.jobs.progress(run);
          const text = JSON.stringify(p);
          if (text !== last) {
            last = text;
            stream.send('progress', text);
          }
          if (TERMINAL.has(p.status) && !p.active) {
            stream.send('end', text);
            stream.close();
          }
        } catch {
          stream.close();
        } finally {
          busy = false;
        }
        if (again) {
          again = false;
          await send();
        }
      };
      const unsubscribe = ctx.jobs.subscribe(run.id, () => {
        void send();
      });
      const poll = setInterval(() => void send(), 500);
      stream.onClose(() => {
        unsubscribe();
        clearInterval(poll);
      });
      await send();
    },
  }),
  route({
    method: 'GET',
    url: '/api/runs/:id/export',
    operationId: 'exportRun',
    summary: "A run's results in tidy long form, as CSV or JSON",
    description:
      'One row per replicate × issue × model: replicate, point, issue, model, outcome, adopted, blockers, participants, rounds, then one column per uncertain input (its sampled value in that replicate). The same bytes as `concord runs export ID --format csv` (docs/interop.md). Streamed.',
    tag: 'runs',
    access: 'public',
    params: RunParams,
    query: ExportQuery,
    // A large export streams for longer than the server's answer timeout.
    timeoutMs: 3_600_000,
    response: { description: 'The results', contentType: 'text/csv' },
    handler: async ({ ctx, params, query, workspace, reply }) => {
      const run = await visibleRun(ctx, params.id, workspace);
      const filter = {
        ...(query.issue ? { issue: query.issue } : {}),
        ...(query.model ? { model: query.model } : {}),
      };
      const rows = ctx.store.results(run.id, filter);
      // The same columns and bytes as `concord runs export` (src/sweep/tidy.ts).
      const tidy = sweepExport(run.params as SweepParams);
      async function* csv() {
        yield tidy.header();
        let buf = '';
        for await (const r of rows) {
          buf += tidy.line(r);
          if (buf.length > 64_000) {
            yield buf;
            buf = '';
          }
        }
        if (buf) yield buf;
      }
      async function* json() {
        const owned = workspace !== null && run.workspace === workspace;
        yield `{"run":${JSON.stringify(runView(run, workspace))},"params":${JSON.stringify(owned ? run.params : publicParams(run.params))},"results":[`;
        let first = true;
        let buf = '';
        for await (const r of rows) {
          // The same fields as the CSV (and `concord runs export --format json`), inputs included.
          buf += `${first ? '' : ','}\n${JSON.stringify(tidy.record(r))}`;
          first = false;
          if (buf.length > 64_000) {
            yield buf;
            buf = '';
          }
        }
        yield `${buf}\n]}\n`;
      }
      reply
        .type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="concord-run-${run.id}.${query.format}"`);
      return Readable.from(query.format === 'csv' ? csv() : json());
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/runs/:id',
    operationId: 'updateRun',
    summary: "Rename a run, or make it public or private (the owner's token)",
    tag: 'runs',
    access: 'token',
    params: RunParams,
    body: RunPatchSchema,
    response: { description: 'The run', schema: RunSchema },
    handler: async ({ ctx, params, body, workspace }) => {
      const run = await ownedRun(ctx, params.id, workspace);
      await ctx.store.db
        .updateTable('runs')
        .set({
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.visibility ? { visibility: body.visibility } : {}),
        })
        .where('id', '=', run.id)
        .where('workspace', '=', run.workspace)
        .execute();
      return runView((await ctx.store.getRun(run.id))!, workspace);
    },
  }),
  route({
    method: 'POST',
    url: '/api/runs/:id/resume',
    operationId: 'resumeRun',
    summary: 'Resume an interrupted run: only its pending batches are executed',
    tag: 'runs',
    access: 'token',
    params: RunParams,
    rateLimitPerMinute: 30,
    response: { status: 202, description: 'Resuming; follow /api/runs/{id}/events', schema: ProgressSchema },
    handler: async ({ ctx, params, workspace }) => {
      const run = await ownedRun(ctx, params.id, workspace);
      if (ctx.jobs.isActive(run.id) || run.status === 'running') {
        throw new ConcordError(
          'E_CONFLICT',
          `run ${run.id} is ${run.status}; only an interrupted run can be resumed`,
          {
            path: 'params.id',
            hint: 'A run left `running` by a dead process is marked interrupted within seconds; retry then.',
            key: 'server.run.notResumable',
            values: { id: run.id, status: run.status },
          },
        );
      }
      if (run.status === 'complete') {
        throw new ConcordError('E_CONFLICT', `run ${run.id} is already complete`, {
          path: 'params.id',
          key: 'server.run.complete',
          values: { id: run.id },
        });
      }
      const active = (await ctx.store.workspaceUsage(run.workspace)).active;
      if (active >= ctx.quotas.concurrentSweeps) {
        throw new ConcordError(
          'E_LIMIT',
          `workspace ${run.workspace} has ${active} runs executing; at most ${ctx.quotas.concurrentSweeps} at once (quota: concurrent sweeps)`,
          {
            path: 'params.id',
            hint: 'Wait for one to end, or cancel one (DELETE /api/runs/{id}).',
            key: 'server.run.tooManyActive',
            values: {
              workspace: run.workspace,
              active: String(active),
              max: String(ctx.quotas.concurrentSweeps),
            },
          },
        );
      }
      ctx.jobs.start(run);
      return ctx.jobs.progress(run);
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/runs/:id',
    operationId: 'deleteRun',
    summary: "Cancel a running run, or delete a run that is not running (the owner's token)",
    description:
      'A pending or running run is cancelled: it stops within a second, keeps its finished batches and becomes `cancelled` (resumable with POST /api/runs/{id}/resume); the answer is `{ cancelled }`. Any other run is deleted with its results: `{ deleted }`.',
    tag: 'runs',
    access: 'token',
    params: RunParams,
    rateLimitPerMinute: 60,
    response: {
      status: 200,
      description: 'Cancelled, or deleted',
      schema: z.object({
        deleted: z.string().optional(),
        cancelled: z.string().optional(),
        status: RunStatusSchema.optional(),
        batchesDone: z.number().int().optional(),
      }),
    },
    handler: async ({ ctx, params, workspace }) => {
      const run = await ownedRun(ctx, params.id, workspace);
      if (ctx.jobs.isActive(run.id) || run.status === 'running' || run.status === 'pending') {
        await ctx.store.cancelRun(run.id);
        // Executing here: stop it now; elsewhere, its process notices the status within 200 ms.
        await ctx.jobs.cancel(run.id);
        const p = await ctx.jobs.progress(run);
        return { cancelled: run.id, status: p.status, batchesDone: p.batchesDone };
      }
      await ctx.store.deleteRun(run.id);
      return { deleted: run.id };
    },
  }),
];
