/**
 * The sweep adapter of Concord's forecast models (src/bargaining/forecast.ts: consensus, compromise,
 * median, Nash, expected utility): a replicate is `forecastAll` on the resolved scenario with the
 * replicate's positions, saliences and capabilities in place of the coded ones.
 */
import {
  type ForecastOptions,
  ForecastWorkspace,
  forecastAll,
  MODEL_NAMES,
  modelAdoption,
  modelOutcome,
} from '../bargaining/forecast.js';
import { ConcordError, type ErrorValues } from '../errors.js';
import type { Rule } from '../rules/schema.js';
import { resolveWithLines } from '../scenario/load.js';
import { type ModelName, type ScenarioFile, ScenarioFileSchema } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { validate } from '../util/validate.js';
import type { DesignPoint, ForecastRow, Perturbation, SweepAdapter } from './adapter.js';
import { DEFAULT_SWEEP_MODELS } from './options.js';

const workspace = new ForecastWorkspace();

/** A design parameter that names no issue or actor; `key` names the message in the errors catalogue. */
function bad(file: string, param: string, message: string, key: string, values: ErrorValues): never {
  throw new ConcordError('E_VALIDATION', `${file}: sweep.parameters.${param}: ${message}`, {
    path: `sweep.parameters.${param}`,
    hint: 'Name an issue and an actor of the scenario (position.ISSUE.ACTOR).',
    key,
    values: { file, param, ...values },
  });
}

export const forecastAdapter: SweepAdapter<ScenarioFile, ResolvedScenario> = {
  id: 'forecast',
  label: "Concord's forecast models (src/bargaining/forecast.ts)",
  models: MODEL_NAMES,
  defaultModels: DEFAULT_SWEEP_MODELS,
  parse(data, file) {
    return validate(ScenarioFileSchema, data, file);
  },
  withPoint(s, point: DesignPoint, file) {
    const out: ScenarioFile = structuredClone(s);
    for (const [key, value] of Object.entries(point)) {
      const [kind, a, b] = key.split('.');
      if (key === 'chair') out.chair = String(value);
      else if (key === 'rule') out.rule = value as Rule;
      else if (kind === 'capability') {
        out.actors = {
          ...(out.actors ?? {}),
          [a!]: { ...(out.actors?.[a!] ?? {}), capability: Number(value) },
        };
      } else {
        const issue = out.issues.find((i) => i.id === a);
        if (!issue) bad(file, key, `no issue "${a}"`, 'sweep.forecast.noIssue', { issue: String(a) });
        if (kind === 'statusQuo') issue!.statusQuo = Number(value);
        else if (kind === 'proposal') issue!.proposal = Number(value);
        else {
          const entry = issue!.positions[b!];
          if (!entry)
            bad(file, key, `${b} takes no position on ${a}`, 'sweep.forecast.noPosition', {
              actor: String(b),
              issue: String(a),
            });
          for (const c of Array.isArray(entry) ? entry : [entry!]) {
            if (kind === 'position') c.position = Number(value);
            else c.salience = Number(value);
          }
        }
      }
    }
    return out;
  },
  resolve(s, file) {
    return resolveWithLines(s, file, null);
  },
  evaluate(r, p: Perturbation, models) {
    const s: ResolvedScenario = {
      ...r,
      capability: p.capability,
      issues: r.issues.map((iss, k) => ({ ...iss, position: p.position[k]!, salience: p.salience[k]! })),
    };
    const opts: ForecastOptions = { models: models as ModelName[], workspace };
    const rows: ForecastRow[] = [];
    for (const f of forecastAll(s, opts)) {
      const iss = f.issue;
      for (const m of models as ModelName[]) {
        const out = modelOutcome(f, m);
        const adopted = modelAdoption(f, m);
        const blockers = m === 'consensus' && f.consensus ? [...f.consensus.blockers] : null;
        const participants =
          m === 'consensus' && f.consensus?.participants ? [...f.consensus.participants] : null;
        const rounds =
          m === 'eum' && f.eum ? f.eum.rounds : m === 'smp' && f.smp ? f.smp.run.turns.length : null;
        for (let d = 0; d < iss.dims; d++) {
          rows.push({
            issue: iss.dims === 1 ? iss.id : `${iss.id}/${iss.dimensionIds[d] ?? d + 1}`,
            model: m,
            outcome: out ? out[d]! : null,
            adopted,
            blockers,
            participants,
            rounds,
          });
        }
      }
    }
    return rows;
  },
};
