/** The behaviour every run store must have, run against SQLite (npm test) and PostgreSQL (test:postgres). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConcordError } from '../../src/errors.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import type { ResultRow, RunStore } from '../../src/store/store.js';

export function storeContract(name: string, open: () => Promise<RunStore>): void {
  describe(`run store (${name})`, () => {
    let store: RunStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => store?.close());

    /** A sweep of `total` replicates in batches of `batchSize`, with no parameters and an empty manifest. */
    const sweepRun = (seed: string, total: number, batchSize: number, workspace = 'w1') =>
      store.createRun({ workspace, kind: 'sweep', seed, total, batchSize, params: {}, manifest: {} });

    const rows = (first: number, count: number): ResultRow[] =>
      Array.from({ length: count }, (_, i) => [
        {
          replicate: first + i,
          issue: 'bank',
          model: 'compromise',
          outcome: (first + i) / 7,
          adopted: null,
          blockers: null,
          participants: null,
          rounds: null,
        },
        {
          replicate: first + i,
          issue: 'bank',
          model: 'consensus',
          outcome: 0,
          adopted: (first + i) % 2,
          blockers: 'KAZ,UZB',
          participants: null,
          rounds: null,
        },
      ]).flat();

    it('migrates to the current schema version, idempotently', async () => {
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      await store.migrate();
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
    });

    it('creates a run with its batches and records the manifest once', async () => {
      const run = await store.createRun({
        workspace: 'w1',
        kind: 'sweep',
        seed: '1',
        total: 25,
        batchSize: 10,
        params: { a: 1 },
        manifest: { version: 'x' },
      });
      expect(run.status).toBe('pending');
      expect(run.params).toEqual({ a: 1 });
      const batches = await store.pendingBatches(run.id);
      expect(batches.map((b) => [b.first, b.count])).toEqual([
        [0, 10],
        [10, 10],
        [20, 5],
      ]);
    });

    it('counts a batch once, however often it is completed', async () => {
      const run = await sweepRun('2', 20, 10);
      expect(await store.completeBatch(run.id, 1, rows(10, 10), 'a')).toBe(true);
      expect(await store.completeBatch(run.id, 1, rows(10, 10), 'b')).toBe(false);
      expect(await store.countResults(run.id)).toBe(20);
      expect((await store.pendingBatches(run.id)).map((b) => b.idx)).toEqual([0]);
      expect(await store.progress(run.id)).toEqual({ batches: 2, done: 1, replicatesDone: 10 });
      // Concurrent duplicates: exactly one wins.
      const results = await Promise.all(
        [0, 1, 2].map((k) => store.completeBatch(run.id, 0, rows(0, 10), `w${k}`)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.countResults(run.id)).toBe(40);
    });

    it('keeps a batch aggregate with its results, once, and streams aggregates in batch order', async () => {
      const run = await sweepRun('7', 50, 10);
      for (const idx of [3, 0, 4, 1]) {
        const agg = JSON.stringify({ idx, x: 0.1 + idx / 3 });
        expect(await store.completeBatch(run.id, idx, rows(idx * 10, 10), 'a', { aggregate: agg })).toBe(
          true,
        );
      }
      // A retry with different content changes nothing: the first completion stands.
      expect(
        await store.completeBatch(run.id, 3, rows(30, 10), 'b', { aggregate: JSON.stringify({ idx: 99 }) }),
      ).toBe(false);
      const got = [];
      for await (const b of store.batchAggregates(run.id, 2)) got.push(b);
      expect(got.map((b) => [b.idx, b.first, b.count])).toEqual([
        [0, 0, 10],
        [1, 10, 10],
        [3, 30, 10],
        [4, 40, 10],
      ]);
      expect(JSON.parse(got[2]!.aggregate!)).toEqual({ idx: 3, x: 0.1 + 3 / 3 });
      expect(await store.countResults(run.id)).toBe(80);
      await store.setSummary(run.id, { mean: 1 / 3 });
      expect(await store.getSummary(run.id)).toEqual({ mean: 1 / 3 });
      expect((await store.batches(run.id)).map((b) => b.status).join('')).toBe('donedonependingdonedone');
    });

    it('streams results in a stable order, page by page', async () => {
      const run = await sweepRun('3', 30, 10);
      for (const idx of [2, 0, 1]) await store.completeBatch(run.id, idx, rows(idx * 10, 10), 'a');
      const got = [];
      for await (const r of store.results(run.id, { pageSize: 7 })) got.push(r);
      expect(got).toHaveLength(60);
      expect(got.slice(0, 30).every((r) => r.model === 'compromise')).toBe(true);
      expect(got.slice(0, 30).map((r) => r.replicate)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(got[0]!.outcome).toBeCloseTo(0);
      expect(got[31]!.blockers).toBe('KAZ,UZB');
    });

    it('gives runs created at once distinct integer keys, and keeps their rows apart', async () => {
      const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => sweepRun(String(i), 10, 10)));
      const keys = await store.db
        .selectFrom('runs')
        .select('run_key')
        .where(
          'id',
          'in',
          runs.map((r) => r.id),
        )
        .execute();
      expect(new Set(keys.map((k) => Number(k.run_key))).size).toBe(8);
      await Promise.all(runs.map((r, i) => store.completeBatch(r.id, 0, rows(0, 10).slice(0, i + 1), 'a')));
      for (const [i, r] of runs.entries()) expect(await store.countResults(r.id)).toBe(i + 1);
    });

    it('keeps workspaces apart and shows public runs to all', async () => {
      const a = await sweepRun('4', 1, 1, 'alpha');
      const p = await store.createRun({
        workspace: 'alpha',
        kind: 'sweep',
        seed: '5',
        total: 1,
        batchSize: 1,
        params: {},
        manifest: {},
        visibility: 'public',
      });
      expect(await store.getRun(a.id, 'beta')).toBeNull();
      expect((await store.getRun(a.id, 'alpha'))!.id).toBe(a.id);
      expect((await store.getRun(p.id, 'beta'))!.id).toBe(p.id);
      const ids = (await store.listRuns({ workspace: 'beta' })).map((r) => r.id);
      expect(ids).toContain(p.id);
      expect(ids).not.toContain(a.id);
    });

    it('stores tokens hashed, maps them to one workspace, and revokes them', async () => {
      const { id, token } = await store.createToken('alpha', 'test');
      expect(await store.workspaceForToken(token)).toBe('alpha');
      expect(await store.workspaceForToken(`${token}x`)).toBeNull();
      const listed = JSON.stringify(await store.listTokens('alpha'));
      expect(listed).not.toContain(token);
      expect(await store.revokeToken(id)).toBe(true);
      expect(await store.workspaceForToken(token)).toBeNull();
    });

    it('keeps uploaded scenarios per workspace: stored together, listed, read and deleted', async () => {
      const item = (workspace: string, name: string) => ({
        workspace,
        name,
        format: 'long',
        title: name,
        text: `id: ${name}\nissues: []\n`,
        summary: JSON.stringify({ issues: 1 }),
        source_sha256: 'ab'.repeat(32),
        bytes: 12,
      });
      const [a, b] = await store.putScenarios([item('up1', 'one'), item('up1', 'two')]);
      await store.putScenarios([item('up2', 'three')]);
      expect((await store.listScenarios('up1')).map((x) => x.name).sort()).toEqual(['one', 'two']);
      expect((await store.getScenario('up1', a!.id))!.text).toBe('id: one\nissues: []\n');
      expect(await store.getScenario('up2', a!.id)).toBeNull();
      expect(await store.deleteScenario('up2', b!.id)).toBe(false);
      expect(await store.deleteScenario('up1', b!.id)).toBe(true);
      expect((await store.listScenarios('up1')).map((x) => x.name)).toEqual(['one']);
    });

    it('marks runs whose heartbeat stopped as interrupted', async () => {
      const run = await sweepRun('6', 1, 1);
      await store.setStatus(run.id, 'running');
      expect(await store.markInterrupted(60_000)).not.toContain(run.id);
      await new Promise((r) => setTimeout(r, 20));
      expect(await store.markInterrupted(1)).toContain(run.id);
      expect((await store.getRun(run.id))!.status).toBe('interrupted');
    });

    it('keeps a room log append-only: one writer per seq, participants with their event, closing', async () => {
      const id = `room-${Math.random().toString(36).slice(2)}`;
      await store.createRoom({
        id,
        workspace: 'w1',
        scenarioId: 's',
        codeHash: `code-${id}`,
        moderatorHash: `mod-${id}`,
        first: { type: 'room.created', data: { a: 1 } },
      });
      expect((await store.roomByCodeHash(`code-${id}`))!.id).toBe(id);
      expect((await store.roomByModeratorHash(`mod-${id}`))!.status).toBe('open');
      const p = { id: `p-${id}`, tokenHash: `tok-${id}`, delegation: 'KAZ', name: 'Aigerim' };
      expect(
        await store.appendRoomEvents(id, 2, [{ type: 'joined', data: { p: 1 } }], { participant: p }),
      ).toBe(true);
      // Two writers of seq 3 at once: exactly one wins; the loser stores nothing (not even its participant).
      const q = { ...p, id: `q-${id}`, tokenHash: `tok2-${id}` };
      const both = await Promise.all([
        store.appendRoomEvents(id, 3, [
          { type: 'x', data: 1 },
          { type: 'y', data: 2 },
        ]),
        store.appendRoomEvents(id, 3, [{ type: 'z', data: 3 }], { participant: q }),
      ]);
      expect(both.filter(Boolean)).toHaveLength(1);
      const events = await store.roomEvents(id);
      expect(events.map((e) => e.seq)).toEqual(both[0] ? [1, 2, 3, 4] : [1, 2, 3]);
      expect(await store.roomParticipant(`tok2-${id}`)).toEqual(
        both[1] ? expect.objectContaining({ delegation: 'KAZ' }) : null,
      );
      expect(await store.roomParticipant(`tok-${id}`)).toMatchObject({
        roomId: id,
        delegation: 'KAZ',
        name: 'Aigerim',
      });
      expect((await store.roomEvents(id, 2)).map((e) => e.seq)[0]).toBe(3);
      const last = events.at(-1)!.seq;
      expect(
        await store.appendRoomEvents(id, last + 1, [{ type: 'closed', data: {} }], { close: true }),
      ).toBe(true);
      expect((await store.getRoom(id))!.status).toBe('closed');
      expect(await store.getRoom('nope')).toBeNull();
    });

    it('refuses a store written by a newer schema', async () => {
      await store.db
        .updateTable('concord_meta')
        .set({ value: '99' })
        .where('key', '=', 'schema_version')
        .execute();
      try {
        await store.migrate();
        expect.unreachable();
      } catch (e) {
        expect(isConcordError(e) && e.code).toBe('E_SCHEMA_VERSION');
      } finally {
        await store.db
          .updateTable('concord_meta')
          .set({ value: String(SCHEMA_VERSION) })
          .where('key', '=', 'schema_version')
          .execute();
      }
    });

    it('rejects bad names and sizes', async () => {
      await expect(store.ensureWorkspace('Bad Name!')).rejects.toMatchObject({ code: 'E_VALIDATION' });
      await expect(sweepRun('1', 0, 1)).rejects.toMatchObject({ code: 'E_VALIDATION' });
    });
  });
}
