import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignPositions } from '../../src/alignment/analysis.js';
import { parseScenarioPositions } from '../../src/alignment/scenario.js';
import { ConcordError } from '../../src/errors.js';

const file = join(import.meta.dirname, 'fixtures', 'scenario.yaml');
const text = readFileSync(file, 'utf8');

describe('reading positions from a scenario', () => {
  const sc = parseScenarioPositions(text, 'scenario.yaml');

  it('builds the actors × issues matrix, one column per dimension', () => {
    expect(sc.id).toBe('toy-sco-2010');
    expect(sc.matrix.actors).toEqual(['RUS', 'CHN', 'KAZ', 'KGZ', 'TJK', 'UZB']);
    expect(sc.matrix.issues.map((i) => [i.id, i.scale])).toEqual([
      ['bank', [0, 100]],
      ['fund', [0, 10]],
      ['corridor.1', [0, 100]],
      ['corridor.2', [0, 1]],
    ]);
    expect(sc.matrix.values[1]).toEqual([100, 9, 90, 1]);
  });

  it('finds the two camps of the invented positions', () => {
    const r = alignPositions(sc.matrix, { seed: 1 });
    expect(r.camps.camps.map((c) => [...c].sort())).toEqual([
      ['CHN', 'KAZ', 'KGZ', 'TJK'],
      ['RUS', 'UZB'],
    ]);
    const ru = r.pairs.find((p) => p.a === 'RUS' && p.b === 'UZB')!;
    // RUS–UZB: |.15 − .2| + |.2 − .1| + |.1 − .1| + 0 = .15 over 4 issues → S = 1 − 2·.0375.
    expect(ru.s).toBeCloseTo(1 - 2 * (0.15 / 4), 12);
    expect(r.cohesion).toHaveLength(4);
  });

  it('reports bad positions with their path', () => {
    const bad = text.replace('CHN: 9', 'CHN: 12');
    try {
      parseScenarioPositions(bad, 'bad.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcordError);
      expect((e as ConcordError).code).toBe('E_VALIDATION');
      expect((e as ConcordError).path).toBe('issues[1].positions.CHN');
      expect((e as ConcordError).message).toMatch(/outside the scale \[0, 10\]/);
    }
    expect(() => parseScenarioPositions('issues: []', 'x.yaml')).toThrow(ConcordError);
    expect(() =>
      parseScenarioPositions('issues: [{ id: a, positions: { A: [1, 2], B: 3 } }]', 'x.yaml'),
    ).toThrow(/dimension/);
  });

  it('assumes [0, 100] without a scale, and says so', () => {
    const s = parseScenarioPositions('issues: [{ id: a, positions: { A: 10, B: 90 } }]', 'x.yaml');
    expect(s.matrix.issues[0]!.scale).toEqual([0, 100]);
    expect(s.notes.join()).toMatch(/\[0, 100\] assumed/);
  });
});
