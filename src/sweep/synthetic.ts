/**
 * SYNTHETIC TEST ADAPTER — not one of Concord's forecast models.
 *
 * A deliberately small scenario format and two toy models, used to test the sweep engine
 * (reproducibility, executors, crash and resume, the store) independently of the forecast models
 * of src/scenario and src/bargaining. Select it with `concord sweep FILE --adapter synthetic`.
 * Its numbers mean nothing about any organization.
 *
 *   id: toy
 *   rule: consensus            # any rule of the rule language (src/rules)
 *   chair: A                   # proposes when an issue has no proposal: its own position
 *   actors: { A: 2, B: 1, C: 1 }          # capabilities (rescaled to shares)
 *   issues:
 *     - id: x
 *       scale: [0, 100]
 *       statusQuo: 0
 *       proposal: 80           # optional
 *       positions: { A: { position: 90, salience: 0.8 }, B: { position: 30, salience: 0.5 } }
 *
 * Toy models, one-dimensional:
 * - `mean`: the capability × salience weighted mean of the positions;
 * - `vote`: the proposal passes if the actors who prefer it to the status quo (|x − p| < |x − q|)
 *   form a winning coalition under the rule; outcome: the proposal or the status quo; blockers:
 *   the veto players who prefer the status quo.
 */
import { z } from 'zod';
import { ConcordError, type ErrorValues } from '../errors.js';
import { compileRule, type Player, vetoPlayers, type WinningTest } from '../rules/evaluate.js';
import { type Rule, RuleSchema } from '../rules/schema.js';
import { validate } from '../util/validate.js';
import type {
  DesignPoint,
  ForecastRow,
  Perturbation,
  SweepAdapter,
  SweepFrame,
  SweepFrameIssue,
} from './adapter.js';

const Entry = z.object({ position: z.number().finite(), salience: z.number().min(0).max(1) }).strict();
export const SyntheticScenarioSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().optional(),
    rule: RuleSchema.default('consensus'),
    chair: z.string().optional(),
    actors: z.record(z.string().min(1), z.number().finite().min(0)),
    issues: z
      .array(
        z
          .object({
            id: z.string().min(1),
            scale: z.tuple([z.number().finite(), z.number().finite()]).default([0, 100]),
            statusQuo: z.number().finite(),
            proposal: z.number().finite().optional(),
            positions: z.record(z.string().min(1), Entry),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type SyntheticScenario = z.infer<typeof SyntheticScenarioSchema>;

export interface SyntheticResolved extends SweepFrame {
  readonly chair: number;
  readonly test: WinningTest;
  readonly veto: boolean[];
  readonly issues: ReadonlyArray<SweepFrameIssue & { readonly q: number; readonly tabled: number | null }>;
}

/** A refusal; `key` names its message (`{file}: {path}: …`) in the errors catalogue. */
function fail(file: string, path: string, message: string, key: string, values: ErrorValues = {}): never {
  throw new ConcordError('E_VALIDATION', `${file}: ${path}: ${message}`, {
    path,
    hint: 'Fix the synthetic scenario.',
    key,
    values: { file, path, ...values },
  });
}

export const syntheticAdapter: SweepAdapter<SyntheticScenario, SyntheticResolved> = {
  id: 'synthetic',
  label: 'SYNTHETIC test models (mean, vote) — not Concord forecasts',
  models: ['mean', 'vote'],
  defaultModels: ['mean', 'vote'],
  parse(data, file) {
    return validate(SyntheticScenarioSchema, data, file);
  },
  withPoint(s, point: DesignPoint, file) {
    const out: SyntheticScenario = structuredClone(s);
    for (const [key, value] of Object.entries(point)) {
      const parts = key.split('.');
      if (key === 'chair') out.chair = String(value);
      else if (key === 'rule') out.rule = value as Rule;
      else if (parts[0] === 'capability') {
        if (!(parts[1]! in out.actors))
          fail(file, `sweep.parameters.${key}`, `no actor ${parts[1]}`, 'sweep.synthetic.noActor', {
            actor: String(parts[1]),
          });
        out.actors[parts[1]!] = Number(value);
      } else {
        const iss = out.issues.find((i) => i.id === parts[1]);
        if (!iss)
          fail(file, `sweep.parameters.${key}`, `no issue ${parts[1]}`, 'sweep.synthetic.noIssue', {
            issue: String(parts[1]),
          });
        if (parts[0] === 'statusQuo') iss!.statusQuo = Number(value);
        else if (parts[0] === 'proposal') iss!.proposal = Number(value);
        else {
          const e = iss!.positions[parts[2]!];
          if (!e)
            fail(
              file,
              `sweep.parameters.${key}`,
              `${parts[2]} takes no position on ${parts[1]}`,
              'sweep.synthetic.noPosition',
              { actor: String(parts[2]), issue: String(parts[1]) },
            );
          if (parts[0] === 'position') e!.position = Number(value);
          else e!.salience = Number(value);
        }
      }
    }
    return out;
  },
  resolve(s, file) {
    const ids = Object.keys(s.actors);
    const total = ids.reduce((t, id) => t + s.actors[id]!, 0);
    if (!(total > 0))
      fail(file, 'actors', 'capabilities must not all be 0', 'sweep.synthetic.zeroCapabilities');
    const capability = Float64Array.from(ids, (id) => s.actors[id]! / total);
    const players: Player[] = ids.map((id) => ({ id }));
    const test = compileRule(s.rule, players);
    const chair = s.chair === undefined ? -1 : ids.indexOf(s.chair);
    if (s.chair !== undefined && chair < 0)
      fail(file, 'chair', `no actor ${s.chair}`, 'sweep.synthetic.noActor', { actor: String(s.chair) });
    const issues = s.issues.map((iss, k) => {
      const [lo, hi] = iss.scale;
      if (!(hi > lo)) fail(file, `issues[${k}].scale`, 'expected [low, high]', 'sweep.synthetic.badScale');
      const position = new Float64Array(ids.length);
      const salience = new Float64Array(ids.length);
      const has = new Uint8Array(ids.length);
      for (const [id, e] of Object.entries(iss.positions)) {
        const a = ids.indexOf(id);
        if (a < 0)
          fail(file, `issues[${k}].positions.${id}`, `no actor ${id}`, 'sweep.synthetic.noActor', {
            actor: id,
          });
        if (e.position < lo || e.position > hi)
          fail(
            file,
            `issues[${k}].positions.${id}.position`,
            'outside the scale',
            'sweep.synthetic.outsideScale',
          );
        position[a] = e.position;
        salience[a] = e.salience;
        has[a] = 1;
      }
      return {
        id: iss.id,
        dims: 1,
        lo: Float64Array.of(lo),
        hi: Float64Array.of(hi),
        position,
        salience,
        has,
        q: iss.statusQuo,
        tabled: iss.proposal ?? null,
        statusQuo: Float64Array.of(iss.statusQuo),
        proposal: iss.proposal === undefined ? null : Float64Array.of(iss.proposal),
      };
    });
    return {
      id: s.id,
      actors: ids.map((id) => ({ id })),
      capability,
      chair,
      test,
      veto: vetoPlayers(test, ids.length),
      issues,
    };
  },
  evaluate(r, p: Perturbation, models) {
    const rows: ForecastRow[] = [];
    const n = r.actors.length;
    r.issues.forEach((iss, k) => {
      const pos = p.position[k]!;
      const sal = p.salience[k]!;
      for (const model of models) {
        if (model === 'mean') {
          let w = 0;
          let s = 0;
          for (let a = 0; a < n; a++) {
            if (!iss.has[a]) continue;
            const wa = p.capability[a]! * sal[a]!;
            w += wa;
            s += wa * pos[a]!;
          }
          rows.push({
            issue: iss.id,
            model,
            outcome: w > 0 ? s / w : null,
            adopted: null,
            blockers: null,
            participants: null,
            rounds: null,
          });
        } else {
          const q = iss.q;
          const prop = iss.tabled ?? (r.chair >= 0 ? pos[r.chair]! : null);
          if (prop === null) {
            rows.push({
              issue: iss.id,
              model,
              outcome: null,
              adopted: null,
              blockers: null,
              participants: null,
              rounds: null,
            });
            continue;
          }
          const yes: boolean[] = [];
          const blockers: number[] = [];
          for (let a = 0; a < n; a++) {
            const x = pos[a]!;
            const prefers = iss.has[a] ? Math.abs(x - prop) < Math.abs(x - q) : true;
            yes.push(prefers);
            if (r.veto[a] && iss.has[a] && Math.abs(x - q) < Math.abs(x - prop)) blockers.push(a);
          }
          const adopted = r.test(yes);
          rows.push({
            issue: iss.id,
            model,
            outcome: adopted ? prop : q,
            adopted,
            blockers,
            participants: null,
            rounds: null,
          });
        }
      }
    });
    return rows;
  },
};
