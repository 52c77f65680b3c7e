import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignPositions } from '../../src/alignment/analysis.js';
import { scenarioPositions } from '../../src/alignment/scenario.js';
import { ConcordError } from '../../src/errors.js';
import { loadFile, parseScenarioText, resolveWithLines } from '../../src/scenario/load.js';

const fixture = join(import.meta.dirname, 'fixtures', 'scenario.yaml');

describe('reading positions from a scenario', () => {
  const sc = scenarioPositions(loadFile(fixture, process.cwd())[0]!.scenario);

  it('builds the actors × issues matrix, one column per dimension', () => {
    expect(sc.id).toBe('toy-sco-2010');
    expect([...sc.matrix.actors].sort()).toEqual(['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
    expect(sc.matrix.issues.map((i) => [i.id, i.scale])).toEqual([
      ['bank', [0, 100]],
      ['fund', [0, 10]],
      ['corridor.1', [0, 100]],
      ['corridor.2', [0, 1]],
    ]);
    expect(sc.matrix.values[sc.matrix.actors.indexOf('CHN')]).toEqual([100, 9, 90, 1]);
  });

  it('finds the two camps of the invented positions', () => {
    const r = alignPositions(sc.matrix, { seed: 1 });
    expect(r.camps.camps.map((c) => [...c].sort()).sort()).toEqual([
      ['CHN', 'KAZ', 'KGZ', 'TJK'],
      ['RUS', 'UZB'],
    ]);
    const ru = r.pairs.find((p) => [p.a, p.b].sort().join() === 'RUS,UZB')!;
    // RUS–UZB: |.15 − .2| + |.2 − .1| + |.1 − .1| + 0 = .15 over 4 issues → S = 1 − 2·.0375.
    expect(ru.s).toBeCloseTo(1 - 2 * (0.15 / 4), 12);
    expect(r.cohesion).toHaveLength(4);
  });

  it('leaves out an actor without any position, with a note, and keeps a null as missing', () => {
    // KGZ takes no position on either issue; KAZ none on issue a.
    const entries = ['CHN', 'RUS', 'KAZ', 'TJK', 'UZB']
      .map((c, i) => `      ${c}: { position: ${i * 10 + 5}, salience: 1 }\n`)
      .join('')
      .concat('      KGZ: null\n');
    const text = `id: t\ndate: 2010-11-25\norganization: sco\nissues:\n  - id: a\n    positions:\n${entries.replace('KAZ: { position: 25, salience: 1 }', 'KAZ: null')}  - id: b\n    positions:\n${entries}`;
    const s = scenarioPositions(resolveWithLines(parseScenarioText(text, 't.yaml'), 't.yaml', text));
    expect(s.notes.join()).toMatch(/no positions for .*KGZ/);
    expect(s.matrix.values[s.matrix.actors.indexOf('KAZ')]![0]).toBeNaN();
  });

  it('reports bad positions with their path, through the shared scenario loader', () => {
    const bad = `id: t\ndate: 2010-11-25\norganization: sco\nissues:\n  - id: a\n    scale: [0, 10]\n    positions:\n      CHN: { position: 12, salience: 1 }\n`;
    try {
      resolveWithLines(parseScenarioText(bad, 'bad.yaml'), 'bad.yaml', bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcordError);
      expect((e as ConcordError).code).toBe('E_VALIDATION');
      expect((e as ConcordError).path).toMatch(/issues\[0\]\.positions\.CHN/);
    }
  });
});
