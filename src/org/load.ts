/**
 * Node-side loading of organizations: the built-in files (data/organizations/*.yaml), the
 * directories of `CONCORD_ORG_PATH` (':'-separated, like PATH: every *.yaml, *.yml, *.json in them
 * adds an organization by its id), and an organization file given by path wherever an id is taken.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, packageRoot } from '../data/load.js';
import { ConcordError } from '../errors.js';
import { readUserFile } from '../util/files.js';
import { OrganizationRegistry, parseOrganization } from './registry.js';
import type { Organization } from './schema.js';

export const ORG_PATH_ENV = 'CONCORD_ORG_PATH';

const cache = new Map<string, OrganizationRegistry>();

const ORG_FILE = /\.(ya?ml|json)$/i;

/** The directories of CONCORD_ORG_PATH; E_VALIDATION naming an entry that is not a directory. */
export function orgPathDirs(value: string | undefined = process.env[ORG_PATH_ENV]): string[] {
  if (!value) return [];
  return value
    .split(':')
    .filter((d) => d.trim() !== '')
    .map((d, i) => {
      let ok = false;
      try {
        ok = statSync(d).isDirectory();
      } catch {
        ok = false;
      }
      if (!ok) {
        throw new ConcordError('E_VALIDATION', `${ORG_PATH_ENV} entry ${i + 1}, "${d}", is not a directory`, {
          path: ORG_PATH_ENV,
          hint: `${ORG_PATH_ENV} lists directories of organization files separated by ':' (e.g. ~/orgs:/data/orgs); give a path to a single file where the command takes an organization.`,
          key: 'org.pathEntryNotDirectory',
          values: { env: ORG_PATH_ENV, entry: String(i + 1), dir: d },
        });
      }
      return resolve(d);
    });
}

/** The built-in organizations and those of CONCORD_ORG_PATH, by id. */
export function loadOrganizations(): OrganizationRegistry {
  const env = process.env[ORG_PATH_ENV] ?? '';
  const hit = cache.get(env);
  if (hit) return hit;
  const ds = loadDataset();
  const files: Array<{ path: string; label: string }> = [];
  const builtin = join(packageRoot(), 'data', 'organizations');
  for (const f of readdirSync(builtin)
    .filter((x) => /\.ya?ml$/.test(x))
    .sort())
    files.push({ path: join(builtin, f), label: `data/organizations/${f}` });
  for (const dir of orgPathDirs(env)) {
    for (const f of readdirSync(dir)
      .filter((x) => ORG_FILE.test(x))
      .sort())
      files.push({ path: join(dir, f), label: join(dir, f) });
  }
  const seen = new Map<string, string>();
  const orgs = files.map(({ path, label }) => {
    const org = parseOrganization(readFileSync(path, 'utf8'), label, ds);
    const other = seen.get(org.id);
    if (other) {
      throw new ConcordError('E_CONFLICT', `${label}: id "${org.id}" is already taken by ${other}`, {
        path: `${label}: id`,
        hint: `Give the organization another id, or pass the file by path (concord org ${label}).`,
        key: 'org.idTaken',
        values: { file: label, id: org.id, other },
      });
    }
    seen.set(org.id, label);
    return org;
  });
  const reg = new OrganizationRegistry(orgs);
  cache.set(env, reg);
  return reg;
}

/** True when an organization argument names a file rather than an id. */
export function isOrganizationPath(spec: string): boolean {
  return /[/\\]/.test(spec) || ORG_FILE.test(spec.trim());
}

/** Reads and checks an organization file given by path (relative to `cwd`). */
export function readOrganizationFile(path: string, cwd: string): Organization {
  const text = readUserFile(path, cwd, 'organization file');
  return parseOrganization(text, path, loadDataset());
}

/**
 * An organization argument, an id or a path: the organization, and a registry that holds it (the
 * built-in and CONCORD_ORG_PATH organizations, plus a file given by path under its own id, which
 * takes the place of a known organization of the same id).
 */
export function openOrganization(
  spec: string,
  cwd: string,
): { org: Organization; registry: OrganizationRegistry } {
  const registry = loadOrganizations();
  if (!isOrganizationPath(spec)) return { org: registry.get(spec), registry };
  const org = readOrganizationFile(spec, cwd);
  return { org, registry: registry.with(org) };
}
