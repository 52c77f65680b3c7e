/**
 * A minimal reader of the positions in a scenario file (the format of issue 4: `actors` and
 * `issues[].positions`), turning them into a positions matrix (actors × issues) for
 * `concord alignment --scenario FILE`. Pure: the caller reads the file.
 *
 * Only what alignment needs is read; every other key of the scenario is allowed and ignored:
 * - `issues`: a list; each issue has an `id`, optionally a `title`, a `scale: [lo, hi]` (default
 *   [0, 100], with a note) and `positions: { ISO3: { position, salience? } }` (a bare number is
 *   accepted as the position). A position that is a list (an issue with several dimensions) gives
 *   one column per dimension, `<id>.1`, `<id>.2`, … on the same scale (or on `scale[d]` when
 *   `scale` is a list of pairs).
 * - `actors`: an optional map of ISO3 → anything; its keys are listed even without positions.
 * Positions outside the scale are errors naming the path.
 *
 * This is a stopgap until the shared scenario loader exists; then alignment should read its
 * output instead (docs/alignment.md).
 */
import { z } from 'zod';
import { ConcordError } from '../errors.js';
import { parseYamlText, validate } from '../util/validate.js';
import type { PositionsMatrix } from './positions.js';

const Num = z.number().finite();
const Position = z.union([
  Num,
  z.array(Num).min(1),
  z.looseObject({ position: z.union([Num, z.array(Num).min(1)]), salience: z.unknown().optional() }),
]);
const Scale = z.union([z.tuple([Num, Num]), z.array(z.tuple([Num, Num])).min(1)]);

export const ScenarioPositionsSchema = z.looseObject({
  id: z.string().optional(),
  title: z.string().optional(),
  actors: z.record(z.string(), z.unknown()).optional(),
  issues: z
    .array(
      z.looseObject({
        id: z.union([z.string().min(1), z.number()]).transform(String),
        title: z.string().optional(),
        scale: Scale.optional(),
        positions: z.record(z.string(), Position),
      }),
    )
    .min(1),
});

export interface ScenarioPositions {
  readonly id: string | null;
  readonly title: string | null;
  readonly matrix: PositionsMatrix;
  readonly notes: readonly string[];
}

/** Reads the positions of a scenario (YAML or JSON text). */
export function parseScenarioPositions(text: string, file: string): ScenarioPositions {
  const s = validate(ScenarioPositionsSchema, parseYamlText(text, file), file);
  const notes: string[] = [];
  const actors = new Set<string>(Object.keys(s.actors ?? {}));
  const columns: Array<{ id: string; title?: string; scale: [number, number]; values: Map<string, number> }> =
    [];
  s.issues.forEach((issue, k) => {
    if (!issue.scale) notes.push(`issue ${issue.id}: no scale given; [0, 100] assumed`);
    const entries = Object.entries(issue.positions).map(([actor, p]) => {
      const pos = typeof p === 'number' || Array.isArray(p) ? p : p.position;
      return [actor, Array.isArray(pos) ? pos : [pos]] as const;
    });
    const dims = Math.max(...entries.map(([, v]) => v.length), 1);
    for (const [actor, v] of entries) {
      if (v.length !== dims)
        throw new ConcordError(
          'E_VALIDATION',
          `${file}: issues[${k}].positions.${actor}: ${v.length} dimension(s), the issue has ${dims}`,
          {
            path: `issues[${k}].positions.${actor}`,
            hint: 'Give every actor a position on every dimension of the issue.',
          },
        );
      actors.add(actor);
    }
    for (let d = 0; d < dims; d++) {
      const sc = issue.scale;
      const scale: [number, number] = !sc
        ? [0, 100]
        : Array.isArray(sc[0])
          ? (((sc as [number, number][])[d] ?? (sc as [number, number][])[0]) as [number, number])
          : (sc as [number, number]);
      if (!(scale[1] > scale[0]))
        throw new ConcordError(
          'E_VALIDATION',
          `${file}: issues[${k}].scale: [${scale}] is not an interval lo < hi`,
          {
            path: `issues[${k}].scale`,
            hint: 'Write the scale as [lo, hi] with lo < hi, e.g. [0, 100].',
          },
        );
      const values = new Map<string, number>();
      for (const [actor, v] of entries) {
        const x = v[d]!;
        if (x < scale[0] || x > scale[1])
          throw new ConcordError(
            'E_VALIDATION',
            `${file}: issues[${k}].positions.${actor}: position ${x} is outside the scale [${scale[0]}, ${scale[1]}]`,
            {
              path: `issues[${k}].positions.${actor}${dims > 1 ? `[${d}]` : ''}`,
              hint: 'Put the position within the issue scale, or widen the scale.',
            },
          );
        values.set(actor, x);
      }
      columns.push({
        id: dims > 1 ? `${issue.id}.${d + 1}` : issue.id,
        ...(issue.title ? { title: issue.title } : {}),
        scale,
        values,
      });
    }
  });
  const list = [...actors];
  const without = list.filter((a) => columns.every((c) => !c.values.has(a)));
  if (without.length) notes.push(`no positions for ${without.join(', ')}: left out`);
  const withPositions = list.filter((a) => !without.includes(a));
  return {
    id: s.id ?? null,
    title: s.title ?? null,
    matrix: {
      actors: withPositions,
      issues: columns.map((c) => ({ id: c.id, ...(c.title ? { title: c.title } : {}), scale: c.scale })),
      values: withPositions.map((a) => columns.map((c) => c.values.get(a) ?? Number.NaN)),
    },
    notes,
  };
}
