/**
 * The adoption probabilities behind the backtest's Brier and log scores: for each case file, a
 * seeded Monte Carlo sweep of its uncertainty (the file's `uncertainty:` block, else the default in
 * ./engine.ts), and for each issue and model the share of replicates in which the model called
 * "adopted". The sweep is the one `concord sweep FILE --runs N --seed S` runs, in-process.
 */
import type { ModelName } from '../scenario/schema.js';
import { DEFAULT_UNCERTAINTY_TEXT } from './engine.js';
import { planSweep } from './run.js';

export interface ProbabilityFile {
  readonly file: string;
  readonly text: string;
}

export function adoptionProbabilities(
  files: readonly ProbabilityFile[],
  runs: number,
  seed: number,
  models: readonly ModelName[],
): {
  runs: number;
  seed: number;
  uncertainty: string;
  byCase: Map<string, Partial<Record<ModelName, number | null>>>;
} {
  const byCase = new Map<string, Partial<Record<ModelName, number | null>>>();
  let anyDefault = false;
  let anyFile = false;
  for (const f of files) {
    const { ctx } = planSweep({
      adapter: 'forecast',
      file: f.file,
      text: f.text,
      models,
      runs,
      seed,
      keep: 'rows',
    });
    if (ctx.blocks.uncertainty === undefined) anyDefault = true;
    else anyFile = true;
    const batch = ctx.computeBatch(0, 0, ctx.params.total);
    const yes = new Map<string, number>();
    const called = new Map<string, number>();
    for (const r of batch.rows ?? []) {
      if (r.adopted === null) continue;
      const k = `${r.issue}\u0000${r.model}`;
      called.set(k, (called.get(k) ?? 0) + 1);
      if (r.adopted === 1) yes.set(k, (yes.get(k) ?? 0) + 1);
    }
    for (const iss of ctx.frame.issues) {
      const out: Partial<Record<ModelName, number | null>> = {};
      for (const m of models) {
        const k = `${iss.id}\u0000${m}`;
        const c = called.get(k) ?? 0;
        out[m] = c ? (yes.get(k) ?? 0) / c : null;
      }
      byCase.set(`${ctx.frame.id}/${iss.id}`, out);
    }
  }
  const uncertainty = [
    anyFile ? 'the uncertainty block of each file that has one' : null,
    anyDefault
      ? `${anyFile ? 'for the others, ' : ''}the default uncertainty: ${DEFAULT_UNCERTAINTY_TEXT}`
      : null,
  ]
    .filter(Boolean)
    .join('; ');
  return { runs, seed, uncertainty, byCase };
}
