/**
 * The piscina worker of the API's computations (./compute.ts). It is loaded from the compiled
 * JavaScript in dist/ (npm run build). It finds the route by its operation id and runs the route's
 * `work` with the validated input and this thread's copy of the library data.
 */
import { type ComputeResult, type ComputeTask, runWork, workContext } from './compute.js';
import type { AnyRoute } from './route.js';
import { apiRoutes } from './routes/index.js';

let routes: Map<string, AnyRoute> | undefined;

export default async function (task: ComputeTask): Promise<ComputeResult> {
  routes ??= new Map(apiRoutes().map((r) => [r.operationId, r]));
  const r = routes.get(task.operationId);
  if (!r?.work) return { ok: false, error: { internal: `no computation for ${task.operationId}` } };
  const work = r.work;
  return runWork((ctx) => work.run({ ...task.input, ctx }), workContext());
}
