/** Node-side loading of the built-in organizations (data/organizations/*.yaml). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, packageRoot } from '../data/load.js';
import { OrganizationRegistry, parseOrganization } from './registry.js';

let cached: OrganizationRegistry | undefined;

export function loadOrganizations(): OrganizationRegistry {
  if (cached) return cached;
  const dir = join(packageRoot(), 'data', 'organizations');
  const ds = loadDataset();
  const orgs = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => parseOrganization(readFileSync(join(dir, f), 'utf8'), `data/organizations/${f}`, ds));
  cached = new OrganizationRegistry(orgs);
  return cached;
}
