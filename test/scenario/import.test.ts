import { describe, expect, it } from 'vitest';
import { forecastAll } from '../../src/bargaining/forecast.js';
import { ConcordError } from '../../src/errors.js';
import { loadFile } from '../../src/scenario/load.js';

const DIR = 'test/fixtures/bargaining';
const cwd = process.cwd();

function error(fn: () => unknown): ConcordError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcordError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('KTAB SMP CSV', () => {
  it('reads actors, power and a position and salience (0–100) per dimension', () => {
    const [l] = loadFile(`${DIR}/ktab-3.csv`, cwd);
    const s = l!.scenario;
    expect(s.actors.map((a) => a.id)).toEqual(['A', 'B', 'C']);
    expect(s.actors[2]!.name).toBe('Actor C, the third');
    expect(Array.from(s.capability)).toEqual([0.5, 0.25, 0.25]);
    const is = s.issues[0]!;
    expect(is.dims).toBe(2);
    expect(Array.from(is.position)).toEqual([0, 100, 100, 50, 100, 0]);
    expect(Array.from(is.salience)).toEqual([0.5, 0.8, 1, 0.4, 1, 0.2]);
    const [f] = forecastAll(s);
    expect(f!.compromise![0]).toBeCloseTo(
      (0.5 * 0.5 * 0 + 0.25 * 1 * 100 + 0.25 * 1 * 100) / (0.5 * 0.5 + 0.25 + 0.25),
      12,
    );
    expect(f!.consensus!.outcome).toBeNull(); // no status quo in KTAB files
  });

  it('rejects a ragged row, naming the file and the line', () => {
    const e = error(() => loadFile(`${DIR}/ktab-ragged.csv`, cwd));
    expect(e.code).toBe('E_FILE_FORMAT');
    expect(e.message).toBe(`${DIR}/ktab-ragged.csv:4: row has 4 cells; the header has 5 (ragged row)`);
  });
});

describe('DECIDE exchange-model format', () => {
  it('reads #A, #P, #M and #D lines; positions 0, 100, 100 with equal power give the documented 200/3', () => {
    const [l] = loadFile(`${DIR}/decide-200-3.txt`, cwd);
    const s = l!.scenario;
    expect(s.actors.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(s.issues.map((i) => i.id)).toEqual(['x', 'y']);
    expect(s.issues[1]!.has[2]).toBe(0); // c has no #D line on issue y
    const [fx] = forecastAll(s, { models: ['compromise', 'nash'] });
    expect(fx!.compromise![0]).toBeCloseTo(200 / 3, 12);
    expect(fx!.nash!.outcome).toBeCloseTo(200 / 3, 9);
  });

  it('rejects a short #D line and an undefined actor, naming the line', () => {
    expect(error(() => loadFile(`${DIR}/decide-ragged.txt`, cwd)).message).toBe(
      `${DIR}/decide-ragged.txt:5: #D line has 5 cells; it needs 6 (#D, actor, issue, position, salience, power)`,
    );
    expect(error(() => loadFile(`${DIR}/decide-unknown-actor.txt`, cwd)).message).toBe(
      `${DIR}/decide-unknown-actor.txt:5: column actor: "z" is not defined by an #A line`,
    );
  });
});

describe('DEU-style tables', () => {
  it('reads p/s columns (0–100), rp and out; an empty cell is no position', () => {
    const [l] = loadFile(`${DIR}/deu-small.tsv`, cwd, { capabilities: 'equal' });
    const s = l!.scenario;
    expect(s.actors.map((a) => a.id)).toEqual(['A', 'B', 'C']);
    const [c1, c2, c3] = s.issues;
    expect(c1!.statusQuo![0]).toBe(0);
    expect(c1!.observed!.position![0]).toBe(60);
    expect(c1!.observed!.adopted).toBe(true);
    expect(c2!.has[1]).toBe(0);
    expect(c2!.observed!.adopted).toBe(false); // out = rp
    expect(c3!.statusQuo).toBeNull();
    expect(c3!.observed).toBeNull();
    expect(c1!.salience[0]).toBe(1);
  });

  it('takes capabilities from a file, and says which actor a file misses', () => {
    const [l] = loadFile(`${DIR}/deu-small.tsv`, cwd, { capabilities: `${DIR}/capabilities.csv` });
    expect(Array.from(l!.scenario.capability)).toEqual([0.6, 0.2, 0.2]);
    const e = error(() =>
      loadFile(`${DIR}/deu-small.tsv`, cwd, { capabilities: `${DIR}/capabilities-missing.csv` }),
    );
    expect(e.message).toMatch(/the capabilities file gives nothing for C/);
  });

  it('takes equal capabilities when none are given, and says so in the summary', () => {
    const [l] = loadFile(`${DIR}/deu-small.tsv`, cwd);
    expect(Array.from(l!.scenario.capability)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(l!.summary!.notes.join(' ')).toMatch(/capabilities: equal/);
  });

  it('rejects ragged rows and out-of-scale values, naming the line and the column', () => {
    expect(error(() => loadFile(`${DIR}/deu-ragged.csv`, cwd, { capabilities: 'equal' })).message).toBe(
      `${DIR}/deu-ragged.csv:3: row has 4 cells; the header has 7 (ragged row)`,
    );
    expect(error(() => loadFile(`${DIR}/deu-outside.tsv`, cwd, { capabilities: 'equal' })).message).toBe(
      `${DIR}/deu-outside.tsv:2: column pB: position 120 is outside the scale [0, 100]`,
    );
  });
});
