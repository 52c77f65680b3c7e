import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const run = runCli;

describe('concord power', () => {
  it('prints the EEC values and the JSON contract', async () => {
    const text = await run(['power', 'eec-1958']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('7/32');
    expect(text.out).toMatch(/FRA\s+5\/21\s+7\/30/);
    const r = await run(['power', 'data/games/eec-1958.yaml', '--json']);
    const j = JSON.parse(r.out);
    expect(j.method).toBe('exact');
    expect(j.passageProbability).toBeCloseTo(7 / 32, 15);
    expect(j.winningCoalitions).toBe('14');
    expect(typeof j.winningCoalitions).toBe('string');
    for (const k of [
      'id',
      'penrose',
      'banzhaf',
      'shapleyShubik',
      'colemanPrevent',
      'colemanInitiate',
      'holler',
      'deeganPackel',
      'johnston',
      'veto',
    ])
      expect(j.players[0]).toHaveProperty(k);
    expect(j.players.map((p: { banzhaf: number }) => p.banzhaf)).toEqual(
      [5 / 21, 5 / 21, 5 / 21, 1 / 7, 1 / 7, 0].map((x) => expect.closeTo(x, 15)),
    );
  });

  it('--index computes and prints only the indices asked for', async () => {
    const r = await run(['power', 'eec-1958', '--index', 'banzhaf']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/player\s+Banzhaf\s+veto/);
    expect(r.out).not.toContain('Sh-Shubik');
    expect(r.out).toMatch(/FRA\s+5\/21/);
    const j = JSON.parse(
      (await run(['power', 'eec-1958', '--index', 'shapley-shubik,johnston', '--json'])).out,
    );
    expect(j.indices).toEqual(['shapley-shubik', 'johnston']);
    expect(j.players[0].shapleyShubik).toBeCloseTo(7 / 30, 15);
    expect(j.players[0].holler).toBeNull();
    expect(j.players[0].johnston).not.toBeNull();
    const bad = await run(['power', 'eec-1958', '--index', 'shapley']);
    expect(bad.code).toBe(0);
    const unknown = await run(['power', 'eec-1958', '--index', 'banzaf']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--index: "banzaf" is not a power index');
  });

  it('forces a method, and Monte Carlo is reproducible with --seed', async () => {
    const e = JSON.parse((await run(['power', 'unsc', '--method', 'enumerate', '--json'])).out);
    expect(e.method).toBe('enumerate');
    const a = JSON.parse(
      (await run(['power', 'unsc', '--method', 'montecarlo', '--samples', '2000', '--seed', '5', '--json']))
        .out,
    );
    const b = JSON.parse(
      (await run(['power', 'unsc', '--method', 'montecarlo', '--samples', '2000', '--seed', '5', '--json']))
        .out,
    );
    expect(a).toEqual(b);
    expect(a.method).toBe('montecarlo');
    expect(a.winningCoalitions).toBeNull();
    expect(a.passageProbabilityCI).toHaveLength(2);
  });

  it('takes players from an organization on a date with a rule', async () => {
    const j = JSON.parse(
      (await run(['power', '--org', 'sco', '--at', '2024-07-04', '--rule', 'double-majority', '--json'])).out,
    );
    expect(j.players).toHaveLength(10);
    expect(j.game.notes.join(' ')).toContain('members of SCO on 2024-07-04');
    const c = JSON.parse((await run(['power', '--org', 'sco', '--at', '2024-07-04', '--json'])).out);
    expect(c.passageProbabilityFraction).toBe('1/1024');
    expect(c.players.every((p: { veto: boolean }) => p.veto)).toBe(true);
  });

  it('exits 2 with a code and the path on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-power-'));
    writeFileSync(join(dir, 'dup.yaml'), 'players: [{ id: A, w: 1 }, { id: A, w: 2 }]\nrule: consensus\n');
    writeFileSync(
      join(dir, 'quota.yaml'),
      'players: [{ id: A, w: 1 }, { id: B, w: 2 }]\nrule: { sum: w, atLeast: 4 }\n',
    );
    for (const [args, code, text] of [
      [['power', 'dup.yaml'], 'E_VALIDATION', 'players[1].id'],
      [['power', 'quota.yaml'], 'E_VALIDATION', 'rule.atLeast'],
      [['power', 'nope'], 'E_FILE_UNREADABLE', 'nope'],
      [['power', 'eec-1958', '--method', 'magic'], 'E_USAGE', '--method'],
      [['power'], 'E_USAGE', 'game file'],
      [['capacity', 'sco', '--rule', '{ count: { atleast: 3 } }'], 'E_VALIDATION', '--rule'],
    ] as const) {
      const r = await run([...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`[${code}]`);
      expect(r.err).toContain(text);
    }
  });
});

describe('concord capacity', () => {
  it('shows consensus falling 1/64 → 1/256 → 1/512 → 1/1024 next to the comparison rules and the EU band', async () => {
    const r = await run(['capacity', 'sco']);
    expect(r.code).toBe(0);
    for (const f of [
      '1/64',
      '1/256',
      '1/512',
      '1/1024',
      'simple majority',
      'two-thirds',
      'double majority',
      'Nice',
      'Lisbon',
    ])
      expect(r.out).toContain(f);
    const j = JSON.parse((await run(['capacity', 'sco', '--add', 'TKM', '--json'])).out);
    expect(
      j.stages.map(
        (s: { outcomes: Array<{ passageProbabilityFraction: string }> }) =>
          s.outcomes[0]!.passageProbabilityFraction,
      ),
    ).toEqual(['1/64', '1/256', '1/512', '1/1024', '1/2048']);
    expect(j.stages[4].hypothetical).toBe(true);
    expect(j.rules.map((x: { id: string }) => x.id)).toEqual([
      'own',
      'majority',
      'two-thirds',
      'double-majority',
    ]);
    expect(j.euReference.map((b: { id: string }) => b.id)).toEqual(['eec-1958', 'eu27-nice', 'eu27-lisbon']);
  });

  it('reports a rule no coalition can meet at a stage as a passage probability of 0', async () => {
    const j = JSON.parse(
      (await run(['capacity', 'sco', '--rule', '{ count: { atLeast: 7 } }', '--no-eu', '--json'])).out,
    );
    const seven = j.stages.map(
      (s: { outcomes: Array<{ passageProbabilityFraction: string }> }) =>
        s.outcomes[1]!.passageProbabilityFraction,
    );
    // 6 members cannot muster 7; with 8, 9 and 10 members: Σ_{k≥7} C(n,k) / 2^n
    expect(seven).toEqual(['0', '9/256', '23/256', '11/64']);
  });
});
