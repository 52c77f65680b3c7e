/** The report context the section tests render with: the SCO on a fixed date, built-in data. */
import { loadDefaultClaims } from '../../src/claims/load.js';
import { loadDataset } from '../../src/data/load.js';
import { loadWorldTopology } from '../../src/data/topology.js';
import { loadOrganizations } from '../../src/org/load.js';
import type { ReportContext } from '../../src/report/report.js';

export function reportContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    ds: loadDataset(),
    registry: loadOrganizations(),
    orgId: 'sco',
    date: '2026-11-29',
    topology: loadWorldTopology(),
    claims: loadDefaultClaims(),
    version: 'test',
    generatedAt: 'now',
    ...overrides,
  };
}
