/**
 * The piscina worker file. It is loaded from the compiled JavaScript in dist/ (npm run build), not
 * from the TypeScript sources.
 */
import { type BatchTask, type BatchTaskResult, runBatchTask } from './thread-task.js';

export default function (task: BatchTask): BatchTaskResult {
  return runBatchTask(task);
}
