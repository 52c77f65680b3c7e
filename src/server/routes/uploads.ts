/**
 * Scenarios of one's own in the token's workspace: upload a file in any format Concord reads (a
 * scenario file in YAML or JSON, a long table in CSV, TSV or XLSX, a DEU table, a DECIDE or KTAB
 * file). It is imported and validated exactly as the CLI does (src/scenario/load.ts) and stored as
 * the scenario file it stands for, with the import's summary; then it is forecast, swept
 * (POST /api/sweeps with `upload`) and listed like the shipped ones. Bad input is a 4xx naming the
 * file, the line and the column, and nothing is stored.
 */
import { createHash } from 'node:crypto';
import { stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { forecastAll, forecastJson } from '../../bargaining/forecast.js';
import { ConcordError } from '../../errors.js';
import { FORMATS } from '../../scenario/import/index.js';
import { importFiles, parseScenarioText } from '../../scenario/load.js';
import { resolveScenario } from '../../scenario/resolve.js';
import type { ScenarioRecord } from '../../store/store.js';
import { requireWorkspace } from '../auth.js';
import type { ServerContext } from '../context.js';
import { atPath } from '../errors.js';
import { type AnyRoute, route } from '../route.js';
import { ForecastSchema } from './scenarios.js';

/** Largest uploaded file, bytes (after base64 decoding). */
export const MAX_UPLOAD_BYTES = 512 * 1024;

export const UploadBody = z
  .object({
    name: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'a file name, without folders')
      .describe(
        'The file’s name (cases.csv, positions.xlsx, case.yaml): its extension helps tell the format',
      ),
    content: z
      .string()
      .min(1)
      .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4)
      .describe('The file: its text, or its bytes in base64 with `encoding: base64` (XLSX)'),
    encoding: z.enum(['text', 'base64']).default('text'),
    format: z.enum(FORMATS).optional().describe('The format (default: from the name and the content)'),
    capabilities: z
      .enum(['equal', 'votes'])
      .optional()
      .describe('equal, or votes (DEU tables: Council votes on the date)'),
    defaultSalience: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('DEU tables: the salience (0–100) of a position given without one (default 50)'),
    title: z.string().min(1).max(200).optional(),
  })
  .strict();

const UploadedSchema = z.object({
  id: z.string(),
  name: z.string(),
  format: z.string(),
  title: z.string().nullable(),
  bytes: z.number(),
  createdAt: z.string(),
  import: z.unknown().nullable(),
});

const IdParams = z.object({ id: z.string().uuid().describe('An uploaded scenario’s id') }).strict();

function view(r: Omit<ScenarioRecord, 'text'>) {
  return {
    id: r.id,
    name: r.name,
    format: r.format,
    title: r.title,
    bytes: r.bytes,
    createdAt: r.created_at,
    import: r.summary ? JSON.parse(r.summary) : null,
  };
}

/** The errors of an import name the file and line; over HTTP the field is the body's content. */
function inContent<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ConcordError && !e.path?.startsWith('body')) {
      const path = e.path?.startsWith('--') ? `body.${e.path.slice(2)}` : 'body.content';
      throw atPath(e, path);
    }
    throw e;
  }
}

export async function findUpload(ctx: ServerContext, workspace: string, id: string): Promise<ScenarioRecord> {
  const r = await ctx.store.getScenario(workspace, id);
  if (r) return r;
  throw new ConcordError('E_UNKNOWN_ID', `no uploaded scenario "${id}" in this workspace`, {
    path: 'params.id',
    hint: 'GET /api/workspace/scenarios lists them.',
    key: 'server.upload.unknown',
    values: { id },
  });
}

export const routes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/api/workspace/scenarios',
    operationId: 'uploadScenario',
    summary:
      'Upload a scenario of your own (YAML, JSON, CSV, TSV, XLSX; DEU, DECIDE, KTAB) into the workspace',
    description:
      'The file is read as `concord forecast FILE` reads it (docs/scenarios.md) and stored as the scenario file it stands for, with the import summary (what was skipped or defaulted). A DEU table spanning several Council eras gives one scenario per era. Nothing is stored when any part fails.',
    tag: 'scenarios',
    access: 'token',
    body: UploadBody,
    rateLimitPerMinute: 30,
    response: {
      status: 201,
      description: 'The stored scenarios',
      schema: z.object({ scenarios: z.array(UploadedSchema), import: z.unknown().nullable() }),
    },
    handler: async ({ ctx, body, workspace, reply }) => {
      const ws = requireWorkspace(workspace);
      if (body.encoding === 'base64' && !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(body.content))
        throw new ConcordError('E_VALIDATION', 'body.content: not base64', {
          path: 'body.content',
          hint: 'Send the file’s bytes in base64, or its text with encoding: text.',
          key: 'server.upload.notBase64',
        });
      const bytes = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8');
      if (bytes.length > MAX_UPLOAD_BYTES)
        throw new ConcordError(
          'E_LIMIT',
          `the file is ${bytes.length} bytes, above the upload limit of ${MAX_UPLOAD_BYTES}`,
          {
            path: 'body.content',
            hint: 'Split the file, or run it with the command line (`concord forecast FILE`).',
            key: 'server.upload.tooLarge',
            values: { bytes: String(bytes.length), max: String(MAX_UPLOAD_BYTES) },
          },
        );
      const imported = inContent(() =>
        importFiles(bytes, body.name, {
          format: body.format,
          capabilities: body.capabilities,
          defaultSalience: body.defaultSalience,
        }),
      );
      const sha = createHash('sha256').update(bytes).digest('hex');
      const items = imported.inputs.map(({ scenario, text }) => {
        // Resolve now, with the server's library: what is stored is a scenario that forecasts.
        inContent(() =>
          resolveScenario(scenario, { registry: ctx.registry, dataset: ctx.ds, file: body.name }),
        );
        return {
          workspace: ws,
          name: body.name,
          format: imported.format,
          title: body.title ?? scenario.title ?? scenario.id,
          text: text !== null && body.capabilities === undefined ? text : stringifyYaml(scenario),
          summary: imported.summary ? JSON.stringify(imported.summary) : null,
          source_sha256: sha,
          bytes: bytes.length,
        };
      });
      const stored = await ctx.store.putScenarios(items);
      reply.code(201);
      return { scenarios: stored.map(view), import: imported.summary };
    },
  }),
  route({
    method: 'GET',
    url: '/api/workspace/scenarios',
    operationId: 'listUploadedScenarios',
    summary: 'The scenarios uploaded into the workspace, newest first',
    tag: 'scenarios',
    access: 'token',
    response: { description: 'The scenarios', schema: z.object({ scenarios: z.array(UploadedSchema) }) },
    handler: async ({ ctx, workspace }) => ({
      scenarios: (await ctx.store.listScenarios(requireWorkspace(workspace))).map(view),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/workspace/scenarios/:id',
    operationId: 'showUploadedScenario',
    summary:
      'An uploaded scenario: the scenario file it stands for (YAML `text`, parsed `scenario`) and its import summary',
    tag: 'scenarios',
    access: 'token',
    params: IdParams,
    response: {
      description: 'The scenario',
      schema: UploadedSchema.extend({ text: z.string(), scenario: z.unknown() }),
    },
    handler: async ({ ctx, params, workspace }) => {
      const r = await findUpload(ctx, requireWorkspace(workspace), params.id);
      return { ...view(r), text: r.text, scenario: parseScenarioText(r.text, r.name) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/workspace/scenarios/:id/forecast',
    operationId: 'forecastUploadedScenario',
    summary: "Every model's forecast for an uploaded scenario",
    description: 'As `concord forecast FILE --json` on the uploaded file.',
    tag: 'scenarios',
    access: 'token',
    params: IdParams,
    response: { description: 'The forecasts', schema: ForecastSchema },
    handler: async ({ ctx, params, workspace }) => {
      const r = await findUpload(ctx, requireWorkspace(workspace), params.id);
      const s = resolveScenario(parseScenarioText(r.text, r.name), {
        registry: ctx.registry,
        dataset: ctx.ds,
        file: r.name,
      });
      return forecastJson(s, forecastAll(s));
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/workspace/scenarios/:id',
    operationId: 'deleteUploadedScenario',
    summary: 'Delete an uploaded scenario (runs made from it keep their own copy)',
    tag: 'scenarios',
    access: 'token',
    params: IdParams,
    response: { description: 'Deleted', schema: z.object({ deleted: z.string() }) },
    handler: async ({ ctx, params, workspace }) => {
      const ws = requireWorkspace(workspace);
      await findUpload(ctx, ws, params.id);
      await ctx.store.deleteScenario(ws, params.id);
      return { deleted: params.id };
    },
  }),
];
