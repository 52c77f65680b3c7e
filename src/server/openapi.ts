/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the routes' zod schemas with
 * `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1 uses as its schema dialect): the same
 * schemas validate the requests, so the document says exactly what the server accepts.
 */
import { z } from 'zod';
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
  const schemas: Record<string, Json> = { Error: jsonSchema(ErrorSchema, 'output') };
  for (const r of routes) {
    const path = openapiPath(r.url);
    const responses: Json = {};
    const status = String(r.response?.status ?? 200);
    const ct = r.response?.contentType ?? 'application/json';
    if (r.response?.schema) {
      const name = `${r.operationId[0]!.toUpperCase()}${r.operationId.slice(1)}Response`;
      schemas[name] = jsonSchema(r.response.schema, 'output');
      responses[status] = {
        description: r.response.description,
        content: { [ct]: { schema: { $ref: `#/components/schemas/${name}` } } },
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
    if (r.body) {
      const name = `${r.operationId[0]!.toUpperCase()}${r.operationId.slice(1)}Body`;
      schemas[name] = jsonSchema(r.body, 'input');
      const ref = { schema: { $ref: `#/components/schemas/${name}` } };
      op.requestBody = {
        required: true,
        content: { 'application/json': ref, ...(r.yamlBody ? { 'application/yaml': ref } : {}) },
      };
    }
    paths[path] ??= {};
    paths[path]![r.method.toLowerCase()] = op;
  }
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
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
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
