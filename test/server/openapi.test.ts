/**
 * The served OpenAPI document is one real tools accept: every $ref resolves (no component carries
 * its own $defs), the Redocly linter (@redocly/openapi-core, the engine of `redocly lint`, with its
 * recommended rules) finds no error, openapi-typescript generates types from it, and a client typed
 * by those types (openapi-fetch) calls the API. docs/openapi/ holds the document and the types
 * (`npm run docs:openapi`); this test checks they are current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../docs/openapi/openapi.js';
import { openapiTypes } from '../helpers/openapi.js';
import { type TestServer, testServer } from '../helpers/server.js';

const root = join(import.meta.dirname, '..', '..');
let s: TestServer;
let doc: Record<string, unknown>;

beforeAll(async () => {
  s = await testServer();
  doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => s.close());

/** Every `$ref` in a JSON value, with where it is. */
function refs(value: unknown, at = '#'): Array<{ at: string; ref: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refs(v, `${at}/${k}`),
    );
  return [];
}

function resolve(document: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      document,
    );
}

/** A fetch that answers through Fastify's inject (no socket needed). */
const injectFetch = async (req: Request): Promise<Response> => {
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const res = await s.app.inject({
    method: req.method as 'GET',
    url: url.pathname + url.search,
    headers,
    ...(req.body ? { payload: await req.text() } : {}),
  });
  return new Response(res.statusCode === 204 ? null : res.body, {
    status: res.statusCode,
    headers: res.headers as Record<string, string>,
  });
};

describe('the OpenAPI document', () => {
  it('resolves every $ref, and no schema carries $defs', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((r) => resolve(doc, r.ref) === undefined)).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('"$defs"');
    // The recursive rule is one component, referenced by itself and by the bodies that take a rule.
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(JSON.stringify(schemas.Rule)).toContain('"#/components/schemas/Rule"');
    expect(JSON.stringify(schemas.PowerBody)).toContain('"#/components/schemas/Rule"');
  });

  it('passes the Redocly linter (recommended rules) with no error', async () => {
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: join(root, 'openapi.json'),
      config: await createConfig({ extends: ['recommended'] }),
    });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('is the one in docs/openapi/, with the types openapi-typescript generates from it', async () => {
    expect(JSON.parse(readFileSync(join(root, 'docs', 'openapi', 'openapi.json'), 'utf8'))).toEqual(doc);
    const types = await openapiTypes(doc);
    expect(types).toContain('"/api/orgs/{id}": {');
    expect(types).toContain('Rule: "consensus" | {');
    expect(readFileSync(join(root, 'docs', 'openapi', 'openapi.d.ts'), 'utf8')).toBe(types);
  });
});

describe('a client generated from the document (openapi-typescript + openapi-fetch)', () => {
  const client = () => createClient<paths>({ baseUrl: 'http://concord.test', fetch: injectFetch });

  it('reads the health and an organization on a date', async () => {
    const health = await client().GET('/api/health');
    expect(health.response.status).toBe(200);
    expect(health.data?.status).toBe('ok');
    const sco = await client().GET('/api/orgs/{id}', {
      params: { path: { id: 'sco' }, query: { at: '2017-06-09' } },
    });
    expect(sco.response.status).toBe(200);
    // The route also answers text/csv (?format=csv); this request asked for JSON.
    const snap = sco.data as Exclude<typeof sco.data, string>;
    expect(snap?.members.map((m) => m.iso3).sort()).toEqual([
      'CHN',
      'IND',
      'KAZ',
      'KGZ',
      'PAK',
      'RUS',
      'TJK',
      'UZB',
    ]);
  });

  it('posts a game with a recursive rule and gets its power indices', async () => {
    // The generated type of a player is `{ id: string; [field]: number }`, which TypeScript's index
    // signatures cannot hold (the id is a string); the JSON Schema is right, the cast is for tsc only.
    type GameBody = paths['/api/power']['post']['requestBody']['content']['application/json'];
    const game = {
      players: [
        { id: 'A', votes: 3 },
        { id: 'B', votes: 2 },
        { id: 'C', votes: 1 },
      ],
      rule: { all: [{ sum: 'votes', atLeast: 4 }, { any: [{ count: { atLeast: 2 } }] }] },
    };
    const r = await client().POST('/api/power', { body: game as unknown as GameBody });
    expect(r.response.status).toBe(200);
    // A with B or with C wins; B with C (3 votes) does not: A is in every winning coalition.
    const power = r.data as Exclude<typeof r.data, string>;
    const a = power?.players.find((p) => p.id === 'A');
    expect(a?.veto).toBe(true);
  });

  it('gets the documented error for an unknown organization', async () => {
    const r = await client().GET('/api/orgs/{id}', { params: { path: { id: 'nato' } } });
    expect(r.response.status).toBe(404);
    expect(r.error?.error.code).toBe('E_UNKNOWN_ORG');
  });
});
