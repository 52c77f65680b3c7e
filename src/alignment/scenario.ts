/**
 * The positions of a resolved scenario (src/scenario/) as a positions matrix (actors × issues, one
 * column per dimension) for `concord alignment --scenario FILE`: the same agreement, κ, S and camp
 * measures as for UN votes, applied to coded positions across a scenario's issues. Pure.
 *
 * The scenario is read and checked by the shared loader (src/scenario/load.ts), so positions are
 * known to lie within each dimension's scale. An actor without a position on an issue (`null`) has
 * a missing value (NaN) in that column; an actor with no position at all is left out, with a note.
 */
import type { ResolvedScenario } from '../scenario/types.js';
import type { PositionsMatrix } from './positions.js';

export interface ScenarioPositions {
  readonly id: string | null;
  readonly title: string | null;
  readonly matrix: PositionsMatrix;
  readonly notes: readonly string[];
}

export function scenarioPositions(s: ResolvedScenario): ScenarioPositions {
  const columns: Array<{ id: string; title?: string; scale: [number, number]; issue: number; dim: number }> =
    [];
  s.issues.forEach((issue, k) => {
    for (let d = 0; d < issue.dims; d++) {
      const title =
        issue.dims > 1
          ? `${issue.title} — ${issue.dimensionTitles[d] ?? issue.dimensionIds[d]}`
          : issue.title;
      columns.push({
        id: issue.dims > 1 ? `${issue.id}.${issue.dimensionIds[d] ?? d + 1}` : issue.id,
        ...(title ? { title } : {}),
        scale: [issue.lo[d]!, issue.hi[d]!],
        issue: k,
        dim: d,
      });
    }
  });
  const value = (a: number, c: (typeof columns)[number]) => {
    const issue = s.issues[c.issue]!;
    return issue.has[a] ? issue.position[a * issue.dims + c.dim]! : Number.NaN;
  };
  const keep = s.actors.map((_, a) => columns.some((c) => !Number.isNaN(value(a, c))));
  const without = s.actors.filter((_, a) => !keep[a]).map((x) => x.id);
  const idx = s.actors.map((_, a) => a).filter((a) => keep[a]);
  return {
    id: s.id,
    title: s.title,
    matrix: {
      actors: idx.map((a) => s.actors[a]!.id),
      issues: columns.map((c) => ({ id: c.id, ...(c.title ? { title: c.title } : {}), scale: c.scale })),
      values: idx.map((a) => columns.map((c) => value(a, c))),
    },
    notes: without.length ? [`no positions for ${without.join(', ')}: left out`] : [],
  };
}
