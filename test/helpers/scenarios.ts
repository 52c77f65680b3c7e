/** Building resolved scenarios in tests, without an organization or data. */
import { resolveScenario } from '../../src/scenario/resolve.js';
import { type ScenarioFileInput, ScenarioFileSchema } from '../../src/scenario/schema.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';

export interface SimpleActor {
  id: string;
  x: number;
  s?: number;
  c?: number;
}

/** A one-issue scenario on [lo, hi] from a list of actors. */
export function simple(
  actors: SimpleActor[],
  issue: Partial<ScenarioFileInput['issues'][number]> & { rule?: unknown } = {},
  scenario: Partial<ScenarioFileInput> = {},
): ResolvedScenario {
  const file = ScenarioFileSchema.parse({
    id: 'test',
    actors: Object.fromEntries(actors.map((a) => [a.id, { capability: a.c ?? 1 }])),
    ...scenario,
    issues: [
      {
        id: 'issue',
        scale: [0, 100],
        ...issue,
        positions: Object.fromEntries(actors.map((a) => [a.id, { position: a.x, salience: a.s ?? 1 }])),
      },
    ],
  });
  return resolveScenario(file);
}
