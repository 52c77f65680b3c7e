/** An organization with its predecessors: the chain of organizations and their joint timeline. */
import { type TimelineEvent, timeline } from './organization.js';
import type { OrganizationRegistry } from './registry.js';
import type { Organization } from './schema.js';

/** The organization and its predecessors, oldest first. */
export function lineage(registry: OrganizationRegistry, id: string): Organization[] {
  const chain = [registry.get(id)];
  while (chain[0]!.predecessor && registry.has(chain[0]!.predecessor) && chain.length < 20) {
    chain.unshift(registry.get(chain[0]!.predecessor));
  }
  return chain;
}

/** The events of an organization, preceded by those of its predecessors. */
export function fullTimeline(registry: OrganizationRegistry, id: string): TimelineEvent[] {
  return lineage(registry, id).flatMap((o) => timeline(o));
}
