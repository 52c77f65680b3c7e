/**
 * The piscina worker of the API's computations (./compute.ts). It is loaded from the compiled
 * JavaScript in dist/ (npm run build). It finds the route by its operation id and runs the route's
 * `work` with the validated input and this thread's copy of the library data.
 */

import { lowerThreadPriority } from '../util/threads.js';
import { answerSerializer, type ComputeResult, type ComputeTask, runWork, workContext } from './compute.js';
import type { AnyRoute } from './route.js';
import { apiRoutes } from './routes/index.js';

// The server's event loop comes first: /api/health answers at once while this thread computes.
lowerThreadPriority();

let routes: Map<string, AnyRoute> | undefined;

export default async function (task: ComputeTask): Promise<ComputeResult> {
  routes ??= new Map(apiRoutes().map((r) => [r.operationId, r]));
  const r = routes.get(task.operationId);
  if (!r?.work) return { ok: false, error: { internal: `no computation for ${task.operationId}` } };
  const work = r.work;
  return runWork((ctx) => work.run({ ...task.input, ctx }), workContext(), answerSerializer(task, r.csv));
}
