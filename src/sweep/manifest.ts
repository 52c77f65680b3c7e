/** What a run records about the software and machine that produced it. */
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { packageRoot, packageVersion } from '../data/load.js';

let commit: string | null | undefined;

/** The git commit of the Concord checkout, when it is one (null otherwise). */
export function gitCommit(): string | null {
  if (commit !== undefined) return commit;
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: packageRoot(),
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 3000,
    })
      .toString()
      .trim();
    commit = /^[0-9a-f]{40}$/.test(out) ? out : null;
  } catch {
    commit = null;
  }
  return commit;
}

export interface SoftwareManifest {
  readonly concord: string;
  readonly commit: string | null;
  readonly node: string;
  readonly platform: string;
  readonly host: string;
  readonly pid: number;
}

export function softwareManifest(): SoftwareManifest {
  return {
    concord: packageVersion(),
    commit: gitCommit(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    host: hostname(),
    pid: process.pid,
  };
}
