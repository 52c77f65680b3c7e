/** `concord forecast --model smp`: KTAB's SMP explained turn by turn, its JSON, and its bad input. */
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { run, runCli } from '../helpers/cli.js';

describe('concord forecast --model smp', () => {
  it("explains KTAB's turns on KTAB's own example (13 actors × 2 dimensions)", async () => {
    const r = await run('forecast', 'test/fixtures/import/ktab-SOE-Pol-Comp.csv', '--model', 'smp');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^smp\s+\(39\.7, 32\.8\)/m);
    expect(r.out).toContain("KTAB's spatial model of politics, turn by turn");
    expect(r.out).toContain('27 turns, stopped when a turn moved less than 2% of the first turn');
    // turn 1 as KTAB logged it: XS takes MOF's bargain (KTAB's bargain 1043, "6 out of 8")
    expect(r.out).toContain(
      'XS (15, 10) → (42.9, 38.8): challenged by MOF; took that bargain, the likeliest of its 8 options',
    );
    expect(r.out).toMatch(/turn 27: /);
    expect(r.out).not.toMatch(/turn 28: /);
  });

  it('with every model: an smp row in the table, the turns only when smp is named', async () => {
    const all = await run('forecast', 'scenarios/sco/17-tianjin-2025.yaml');
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^smp\s+\S+\s+(yes|no)\s+\d+ turns?, /m);
    expect(all.out).not.toContain("KTAB's spatial model of politics, turn by turn");
    const named = await run('forecast', 'scenarios/sco/17-tianjin-2025.yaml', '--model', 'consensus', 'smp');
    expect(named.out).toContain("KTAB's spatial model of politics, turn by turn");
  });

  it('gives every turn in --json: states, bargains struck and refused, and each actor’s move', async () => {
    const r = await run('forecast', 'test/fixtures/import/ktab-SOE-Pol-Comp.csv', '--model', 'smp', '--json');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out).issues[0].models.smp;
    expect(m.turns).toHaveLength(27);
    expect(m.stop).toBe('quiet');
    expect(m.options).toMatchObject({
      victoryProbModel: 'Linear',
      pceModel: 'Conditional',
      bargainModel: 'InitOnlyInterp',
    });
    const t1 = m.turns[0];
    expect(t1.state.XS.position).toEqual([15, 10]);
    expect(t1.state.XS.winProbability).toBeLessThan(5e-5); // KTAB: "XS, prob : 0.0000 …"
    expect(t1.state.MK.winProbability).toBeCloseTo(0.434, 3); // KTAB: "MK, prob : 0.4340 …"
    expect(t1.struck + t1.oneSided + t1.refused).toBe(t1.bargains.length);
    const xs = t1.moves.find((x: { actor: string }) => x.actor === 'XS');
    expect(xs).toMatchObject({
      moved: true,
      kind: 'challenged',
      partner: 'MOF',
      partnerTook: true,
      options: 8,
    });
    // KTAB's last state: XJ at 43.2, 43.3 (%5.1f)
    expect(Math.abs(m.final.XJ.position[0] - 43.2)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(m.final.XJ.position[1] - 43.3)).toBeLessThanOrEqual(0.05);
  });

  it('prints its turns in Russian and Chinese with CONCORD_LANG', async () => {
    for (const [lang, word] of [
      ['ru', 'ход 1:'],
      ['zh-Hans', '第 1 轮'],
    ] as const) {
      const io = memoryIO({ CONCORD_LANG: lang });
      const code = await main(
        ['forecast', 'test/fixtures/import/ktab-SOE-Pol-Comp.csv', '--model', 'smp'],
        io,
      );
      expect(code).toBe(0);
      expect(io.stdout.join('\n')).toContain(word);
    }
  });

  it('SMP on an issue whose actors have no capability: exit 2 naming the issue and the field', async () => {
    const r = await runCli(['forecast', 'test/fixtures/bargaining/smp-no-capability.yaml', '--model', 'smp']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('actors.B.capability');
    expect(r.err).toContain('issue "levy"');
    expect(r.err).toContain('hint:');
    // among all the models it is a note, and the other models still forecast
    const all = await run('forecast', 'test/fixtures/bargaining/smp-no-capability.yaml', '--json');
    expect(all.code).toBe(0);
    const models = JSON.parse(all.out).issues[0].models;
    expect(models.smp).toEqual({ outcome: null, note: expect.stringContaining('no capability') });
  });
});
