/**
 * The piscina worker file. It is loaded from the compiled JavaScript in dist/ (npm run build), not
 * from the TypeScript sources.
 */
import { lowerThreadPriority } from '../../util/threads.js';
import { type BatchTask, type BatchTaskResult, runBatchTask } from './thread-task.js';

// In `concord serve`, the server's event loop comes first.
lowerThreadPriority();

export default function (task: BatchTask): BatchTaskResult {
  return runBatchTask(task);
}
