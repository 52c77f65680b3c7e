/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the routes' zod schemas with
 * `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1 uses as its schema dialect): the same
 * schemas validate the requests, so the document says exactly what the server accepts.
 *
 * Every body and response schema is a named component, converted in one pass per direction (zod's
 * registry conversion), so a schema used in several places, and above all a recursive one (the
 * decision rule), is emitted once and referenced as `#/components/schemas/NAME`: no component
 * carries its own `$defs`, and every `$ref` resolves (redocly lint and openapi-typescript accept
 * the document; test/server/openapi.test.ts checks both).
 */
import { z } from 'zod';
import { RuleSchema } from '../rules/schema.js';
import type { AnyRoute } from './route.js';
import { ErrorSchema } from './schemas.js';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const s = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    reused: 'inline',
  }) as Json;
  delete s.$schema;
  return s;
}

/** Schemas shared by several bodies and responses, each emitted once under its name. */
const SHARED: ReadonlyArray<readonly [string, z.ZodType]> = [['Rule', RuleSchema]];

const ref = (id: string) => `#/components/schemas/${id}`;

/**
 * The components for one direction: each named schema and each shared one, with references between
 * them. Shared components get `suffix` in this direction (empty when both directions agree).
 */
function components(
  named: ReadonlyMap<z.ZodType, string>,
  io: 'input' | 'output',
  suffix: string,
): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  const shared = new Set(SHARED.map(([id]) => id));
  for (const [id, schema] of SHARED) registry.add(schema, { id });
  for (const [schema, id] of named) if (!registry.has(schema)) registry.add(schema, { id });
  const rename = (id: string) => (shared.has(id) ? `${id}${suffix}` : id);
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id) => ref(rename(id)),
  }) as { schemas: Record<string, Json> };
  const out: Record<string, Json> = {};
  for (const [id, { $schema: _s, $id: _i, ...body }] of Object.entries(schemas)) out[rename(id)] = body;
  return out;
}

/** What each tag of the document groups (a tag not listed here gets no description). */
const TAG_DESCRIPTIONS: Record<string, string> = {
  server: 'The server itself: health, capabilities, the session',
  organizations: 'Organizations on a date: members, stages, timeline, facts, balance, capacity and power',
  countries: "The states in the data and a state's figures on a date",
  alignment: 'Who votes with whom in the UN General Assembly',
  claims: "A paper's quantitative claims checked against the data",
  decision: 'Decision rules and voting power of games',
  forecasts: 'Scenarios, forecasts with every model, and backtests',
  sweeps: 'Monte Carlo uncertainty sweeps (stored runs, per workspace)',
  runs: 'Stored runs of a workspace: list, show, results, events',
};

/** `/api/runs/:id` → `/api/runs/{id}`. */
export function openapiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, p]) => {
    const { description, ...rest } = p;
    return {
      name,
      in: where,
      required: where === 'path' || (required.has(name) && rest.default === undefined),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function openApiDocument(routes: readonly AnyRoute[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const inputs = new Map<z.ZodType, string>();
  const outputs = new Map<z.ZodType, string>([[ErrorSchema, 'Error']]);
  const nameOf = (names: Map<z.ZodType, string>, schema: z.ZodType, name: string) => {
    const shared = SHARED.find(([, s]) => s === schema)?.[0];
    if (!names.has(schema)) names.set(schema, shared ?? name);
    return names.get(schema)!;
  };
  const title = (r: AnyRoute) => `${r.operationId[0]!.toUpperCase()}${r.operationId.slice(1)}`;
  for (const r of routes) {
    const path = openapiPath(r.url);
    const responses: Json = {};
    const status = String(r.response?.status ?? 200);
    const ct = r.response?.contentType ?? 'application/json';
    if (r.response?.schema) {
      const name = nameOf(outputs, r.response.schema, `${title(r)}Response`);
      responses[status] = {
        description: r.response.description,
        content: { [ct]: { schema: { $ref: `@output/${name}` } } },
      };
    } else {
      responses[status] = {
        description: r.response?.description ?? 'OK',
        content: { [ct]: { schema: { type: 'string' } } },
      };
    }
    if (r.csv) {
      const ok = responses[status] as { content: Record<string, Json> };
      ok.content['text/csv'] = {
        schema: {
          type: 'string',
          description: 'Tidy CSV, as `--format csv` on the command line (docs/interop.md)',
        },
      };
    }
    const errors = ['400', '404', '413', '429', '503'];
    if (r.access === 'token') errors.push('401', '403');
    for (const e of errors.sort()) responses[e] = { $ref: '#/components/responses/Error' };
    const op: Json = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      parameters: [
        ...parameters(r.params, 'path'),
        ...parameters(r.query, 'query'),
        ...(r.csv && !parameters(r.query, 'query').some((p) => (p as { name?: string }).name === 'format')
          ? [
              {
                name: 'format',
                in: 'query',
                required: false,
                description: 'csv: the tidy CSV of the answer (or send Accept: text/csv)',
                schema: { type: 'string', enum: ['json', 'csv'] },
              },
            ]
          : []),
      ],
      responses,
      security: r.access === 'token' ? [{ bearer: [] }] : [{}, { bearer: [] }],
      'x-access': r.access,
    };
    if (r.websocket) {
      // The same URL upgraded to a WebSocket (OpenAPI has no words for a socket's messages: they are
      // described here and in `x-websocket`).
      responses['101'] = {
        description: `Switching Protocols (with \`Upgrade: websocket\`): ${r.websocket.description}`,
      };
      op['x-websocket'] = { description: r.websocket.description };
    }
    if (r.body) {
      const name = nameOf(inputs, r.body, `${title(r)}Body`);
      const body = { schema: { $ref: `@input/${name}` } };
      op.requestBody = {
        // A route that also answers without a body (POST /api/power/quota?game=…) says so.
        required: !r.body.safeParse(undefined).success,
        content: { 'application/json': body, ...(r.yamlBody ? { 'application/yaml': body } : {}) },
      };
    }
    paths[path] ??= {};
    paths[path]![r.method.toLowerCase()] = op;
  }
  // Inputs and outputs of the same schema differ when it has defaults (present on output), so the
  // two directions are converted apart; a shared schema gets an `Output` twin only if they differ.
  const inSchemas = components(inputs, 'input', '');
  let outSchemas = components(outputs, 'output', '');
  const twins = SHARED.map(([id]) => id).filter(
    (id) =>
      id in outSchemas && id in inSchemas && JSON.stringify(outSchemas[id]) !== JSON.stringify(inSchemas[id]),
  );
  if (twins.length) outSchemas = components(outputs, 'output', 'Output');
  for (const name of Object.keys(outSchemas))
    if (name in inSchemas && JSON.stringify(outSchemas[name]) !== JSON.stringify(inSchemas[name]))
      throw new Error(`openapi: component ${name} differs between requests and responses`);
  const schemas = { ...inSchemas, ...outSchemas };
  const outName = (name: string) => (twins.includes(name) ? `${name}Output` : name);
  // The placeholders @input/NAME and @output/NAME become references to the right component.
  const resolved = JSON.parse(
    JSON.stringify(paths)
      .replace(/"@input\/([^"]+)"/g, (_m, n: string) => JSON.stringify(ref(n)))
      .replace(/"@output\/([^"]+)"/g, (_m, n: string) => JSON.stringify(ref(outName(n)))),
  ) as typeof paths;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Concord API',
      version,
      description:
        'A JSON API over the Concord library: organizations on a date, timelines, the claim check, decision rules and voting power, forecasts, uncertainty sweeps and their stored runs. The built-in data is public and read-only; stored runs belong to a workspace and need its bearer token (`concord token create --workspace W`). Errors are `{ error: { code, message, path, hint } }` with a 4xx status.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) =>
      TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name },
    ),
    paths: resolved,
    components: {
      schemas,
      responses: {
        Error: {
          description: 'An error with a stable code',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A workspace token: `concord token create --workspace W` prints one, once.',
        },
      },
    },
  };
}
