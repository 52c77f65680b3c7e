/** What every route handler can reach: the library's data, the run store, the jobs, the access rules. */
import type { Dataset } from '../data/dataset.js';
import type { OrganizationRegistry } from '../org/registry.js';
import type { RunStore } from '../store/store.js';
import type { Auth } from './auth.js';
import type { ComputePool } from './compute.js';
import type { JobManager } from './jobs.js';
import type { RoomHub } from './rooms.js';

/** Per-workspace quotas of the runs the server executes and stores (docs/lab.md). */
export interface Quotas {
  /** Sweeps of one workspace pending or running at once. */
  readonly concurrentSweeps: number;
  /** Runs one workspace may keep in the store (delete some to start more). */
  readonly runsPerWorkspace: number;
}

export const DEFAULT_QUOTAS: Quotas = { concurrentSweeps: 2, runsPerWorkspace: 500 };

export interface ServerContext {
  readonly store: RunStore;
  /** The worker pool of the routes' computations. */
  readonly compute: ComputePool;
  readonly registry: OrganizationRegistry;
  readonly ds: Dataset;
  readonly jobs: JobManager;
  /** Negotiation rooms: their states, writes and live listeners. */
  readonly rooms: RoomHub;
  readonly auth: Auth;
  readonly quotas: Quotas;
  readonly version: string;
  readonly startedAt: string;
}
