import { describe, expect, it } from 'vitest';
import { forecastAll } from '../../src/bargaining/forecast.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';

function twoD(
  positions: Record<string, [number, number]>,
  extra: Record<string, unknown> = {},
  saliences: Record<string, [number, number]> = {},
) {
  return resolveScenario(
    ScenarioFileSchema.parse({
      id: 't',
      actors: Object.fromEntries(Object.keys(positions).map((k) => [k, { capability: 1 }])),
      issues: [
        {
          id: 'plane',
          dimensions: [
            { id: 'x', scale: [0, 100] },
            { id: 'y', scale: [0, 100] },
          ],
          positions: Object.fromEntries(
            Object.entries(positions).map(([k, p]) => [k, { position: p, salience: saliences[k] ?? [1, 1] }]),
          ),
          ...extra,
        },
      ],
    }),
  );
}

describe('several dimensions', () => {
  it('the setter gets the projection of its ideal onto the others’ preferred-to-q discs (closed form)', () => {
    // S at the origin, B at (20, 0), q = (10, 10): B accepts points within √200 of (20, 0); the
    // point of that disc closest to S is (20 − √200, 0).
    const s = twoD({ S: [0, 0], B: [20, 0] }, { statusQuo: [10, 10], proposer: 'S' });
    const [f] = forecastAll(s, { models: ['consensus'] });
    const out = f!.consensus!.outcome!;
    expect(out[0]).toBeCloseTo(20 - Math.sqrt(200), 5);
    expect(out[1]).toBeCloseTo(0, 5);
    expect(f!.consensus!.adopted).toBe(true);
  });

  it('take it or leave it: blockers by salience-weighted distance', () => {
    // B cares only about y: the proposal moves y away from it
    const s = twoD(
      { S: [80, 80], B: [50, 0] },
      { statusQuo: [50, 50], proposer: 'S', proposal: [80, 80], amendable: false },
      { B: [0, 1] },
    );
    const [f] = forecastAll(s);
    expect(f!.consensus!.blockers.map((i) => s.actors[i]!.id)).toEqual(['B']);
    expect(f!.consensus!.adopted).toBe(false);
    expect(Array.from(f!.consensus!.outcome!)).toEqual([50, 50]);
    // compromise and median work per dimension, Nash in the plane (and they say so); the
    // expected-utility model says it is one-dimensional
    expect(f!.compromise).not.toBeNull();
    expect(f!.notes.compromise).toMatch(/each dimension/);
    expect(f!.notes.median).toMatch(/each dimension separately/);
    expect(f!.nash!.point).toHaveLength(2);
    expect(f!.notes.nash).toMatch(/over the space/);
    // B cares only about y and accepts nothing above q's y = 50; S gets its own x = 80
    expect(f!.nash!.point![0]).toBeCloseTo(80, 5);
    expect(f!.nash!.point![1]).toBeLessThanOrEqual(50 + 1e-9);
    expect(f!.eum).toBeNull();
    expect(f!.notes.eum).toMatch(/one-dimensional/);
  });

  it('nothing changes when the status quo is Pareto-optimal', () => {
    const s = twoD({ S: [0, 0], B: [100, 100] }, { statusQuo: [50, 50], proposer: 'S' });
    const [f] = forecastAll(s, { models: ['consensus'] });
    expect(Array.from(f!.consensus!.outcome!)).toEqual([50, 50]);
    expect(f!.consensus!.adopted).toBe(false);
    expect(f!.consensus!.statusQuoInCore).toBe(true);
  });

  it('the status quo off the Pareto set is not in the core of unanimity', () => {
    const s = twoD({ S: [0, 0], B: [100, 0] }, { statusQuo: [50, 50], proposer: 'S' });
    const [f] = forecastAll(s, { models: ['consensus'] });
    expect(f!.consensus!.statusQuoInCore).toBe(false);
    expect(f!.consensus!.adopted).toBe(true);
  });
});
