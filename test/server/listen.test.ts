// The API on a real listening socket: bodies too large (with and without a length), progress over
// Server-Sent Events while a run executes, resume after an interruption, graceful shutdown, and the
// lab's files with the single-page fallback.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testKind, testRows, testServer } from '../helpers/server.js';

let s: TestServer;
let base: string;
let token: string;

beforeAll(async () => {
  s = await testServer({ kinds: [testKind(20)], rateLimitPerMinute: 0, heartbeatMs: 50 });
  base = await s.app.listen({ port: 0, host: '127.0.0.1' });
  token = (await s.ctx.store.createToken('lab')).token;
});
afterAll(async () => s?.close());

const auth = () => ({ authorization: `Bearer ${token}` });

/** Reads an SSE stream to its end; returns the events. */
async function readEvents(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((b) => b.startsWith('event:'))
    .map((b) => {
      const [ev, data] = b.split('\n');
      return { event: ev!.slice(7), data: JSON.parse(data!.slice(6)) };
    });
}

async function newRun(total = 40, batchSize = 5) {
  return s.ctx.store.createRun({
    workspace: 'lab',
    kind: 'test-count',
    seed: '1',
    total,
    batchSize,
    params: {},
    manifest: {},
  });
}

describe('limits on a real socket', () => {
  it('answers malformed JSON and oversized bodies (with or without Content-Length) with 4xx JSON', async () => {
    const bad = await fetch(`${base}/api/claims/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"id":',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('E_FILE_FORMAT');

    const big = await fetch(`${base}/api/claims/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ document: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('E_LIMIT');

    // Chunked: the server counts the bytes as they come and stops at the limit.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${base}/api/claims/check`);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 40) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('E_LIMIT');
  });
});

describe('runs executing in the background', () => {
  it('streams progress as Server-Sent Events until the run completes', async () => {
    const run = await newRun(40, 5);
    s.ctx.jobs.start(run);
    const events = await readEvents(`${base}/api/runs/${run.id}/events`, auth());
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const done = progress.map((p) => p.replicatesDone);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    const end = events.at(-1)!;
    expect(end.event).toBe('end');
    expect(end.data).toMatchObject({
      status: 'complete',
      replicatesDone: 40,
      batchesDone: 8,
      fraction: 1,
      active: false,
    });
    expect(await s.ctx.store.countResults(run.id)).toBe(40);
  });

  it('refuses the stream of a private run without its token', async () => {
    const run = await newRun(5, 5);
    const res = await fetch(`${base}/api/runs/${run.id}/events`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('E_UNKNOWN_ID');
  });

  it('resumes an interrupted run: only the pending batches run, no row is lost or doubled', async () => {
    const run = await newRun(30, 5);
    await s.ctx.store.completeBatch(run.id, 0, testRows(0, 5), 'before');
    await s.ctx.store.completeBatch(run.id, 3, testRows(15, 5), 'before');
    await s.ctx.store.setStatus(run.id, 'interrupted');
    const show = await (await fetch(`${base}/api/runs/${run.id}`, { headers: auth() })).json();
    expect(show).toMatchObject({ status: 'interrupted', resumable: true, results: 10 });
    const r = await fetch(`${base}/api/runs/${run.id}/resume`, { method: 'POST', headers: auth() });
    expect(r.status).toBe(202);
    const again = await fetch(`${base}/api/runs/${run.id}/resume`, { method: 'POST', headers: auth() });
    expect(again.status).toBe(409);
    const events = await readEvents(`${base}/api/runs/${run.id}/events`, auth());
    expect(events.at(-1)!.data.status).toBe('complete');
    const rows = [];
    for await (const row of s.ctx.store.results(run.id)) rows.push(row.replicate);
    expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const batches = await s.ctx.store.db
      .selectFrom('batches')
      .selectAll()
      .where('run_id', '=', run.id)
      .execute();
    expect(batches.filter((b) => b.worker === 'before').map((b) => b.idx)).toEqual([0, 3]);
  });

  it('stops running jobs at a batch boundary on shutdown, leaving them interrupted and resumable', async () => {
    const other = await testServer({ kinds: [testKind(40)], store: s.ctx.store, rateLimitPerMinute: 0 });
    const run = await newRun(200, 5);
    other.ctx.jobs.start(run);
    await new Promise((r) => setTimeout(r, 150));
    await other.ctx.jobs.shutdown();
    const after = await s.ctx.store.getRun(run.id);
    expect(after!.status).toBe('interrupted');
    const p = await s.ctx.store.progress(run.id);
    expect(p.done).toBeGreaterThan(0);
    expect(p.done).toBeLessThan(p.batches);
    expect(await s.ctx.store.countResults(run.id)).toBe(p.replicatesDone);
  });

  it('marks runs of dead processes interrupted once their heartbeat is stale', async () => {
    const run = await newRun(10, 5);
    await s.ctx.store.setStatus(run.id, 'running');
    await s.ctx.store.db
      .updateTable('runs')
      .set({ heartbeat_at: new Date(Date.now() - 3600_000).toISOString() })
      .where('id', '=', run.id)
      .execute();
    const marked = await s.ctx.jobs.startWatchdog();
    expect(marked).toContain(run.id);
    expect((await s.ctx.store.getRun(run.id))!.status).toBe('interrupted');
  });
});

describe('the built lab', () => {
  it('serves the app, its assets with long caching, and the app for its own pages', async () => {
    const web = join(s.dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><title>lab</title><script type="module" src="/assets/app-1.js"></script>',
    );
    writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log(1)');
    const lab = await testServer({ webRoot: web });
    try {
      const root = await lab.app.inject({ url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<title>lab</title>');
      for (const page of ['/decision', '/runs', '/workbench']) {
        const r = await lab.app.inject({ url: `${page}?id=1` });
        expect(r.statusCode, page).toBe(200);
        expect(r.body).toContain('<title>lab</title>');
      }
      const js = await lab.app.inject({ url: '/assets/app-1.js' });
      expect(js.statusCode).toBe(200);
      expect(js.headers['cache-control']).toContain('immutable');
      expect(js.headers['content-security-policy']).toContain("script-src 'self'");
      const missing = await lab.app.inject({ url: '/assets/nope.js' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('E_NOT_FOUND');
      expect((await lab.app.inject({ url: '/api/nope' })).json().error.code).toBe('E_NOT_FOUND');
      expect((await lab.app.inject({ url: '/../../etc/passwd' })).statusCode).not.toBe(500);
    } finally {
      await lab.close();
    }
  });
});

afterAll(() => {
  expect(s.internalErrors).toEqual([]);
});
