/**
 * The kinds of runs this server executes in the background (see ./jobs.ts). Each capability that
 * stores runs (the uncertainty sweeps) adds its kind here.
 */
import type { RunKind } from './jobs.js';

export const RUN_KINDS: readonly RunKind[] = [];
