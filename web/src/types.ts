/** Shapes of the API's answers used by the lab (the OpenAPI document has the full schemas). */
import type { StatusPeriodView } from './org/history.js';

export interface Named {
  iso3: string;
  name: string;
  since: string;
  source: string;
  verified: boolean;
}
export interface YearFigure {
  value: number;
  year: number;
}
export interface Snapshot {
  organization: { id: string; name: string; shortName: string; founded: string; dissolved: string | null };
  requested: string;
  date: string;
  era: { organization: string; note: string } | null;
  rule: { rule: unknown; description: string; source: string | null };
  members: Named[];
  partners: Array<Named & { status: string; history?: StatusPeriodView[] }>;
  applicants: Named[];
  chair: string | null;
  chairDetail: { state: string; summit: string | null; verified: boolean } | null;
  facts: {
    areaKm2: number;
    eurasiaAreaShare: number;
    population: YearFigure | null;
    worldPopulationShare: number | null;
    gdpUsd: YearFigure | null;
    worldGdpShare: number | null;
    cinc: YearFigure | null;
    nuclearStates: string[];
    undeclaredNuclearStates: string[];
    notes: string[];
  };
  unverified: string[];
}
export interface OrgSummary {
  id: string;
  name: string;
  shortName: string;
  founded: string;
  dissolved: string | null;
  predecessor: string | null;
}
export interface TimelineEvent {
  date: string;
  organization: string;
  kind: string;
  title: string;
  states: string[];
  source: string;
  verified: boolean;
}
export interface Stage {
  from: string;
  to: string | null;
  members: string[];
  joined: string[];
  left: string[];
}
export interface History {
  organization: string;
  lineage: Array<{
    id: string;
    shortName: string;
    founded: string;
    dissolved: string | null;
    memberships: Array<{
      state: string;
      name: string;
      status: string;
      from: string;
      to: string | null;
      verified: boolean;
    }>;
  }>;
  stages: Stage[];
  events: TimelineEvent[];
}
export interface ClaimsReport {
  id: string;
  document: string;
  tolerance: { holds: number; approximately: number };
  claims: Array<{
    id: string;
    quote: string;
    measure: string;
    verdict: 'holds' | 'approximately' | 'does not hold';
    deviation: number | null;
    year: number | null;
    explanation: string;
  }>;
}
export interface Run {
  id: string;
  /** null for a public run of another workspace (its name is not shown). */
  workspace: string | null;
  kind: string;
  title: string | null;
  status: 'pending' | 'running' | 'complete' | 'interrupted' | 'failed';
  visibility: 'private' | 'public';
  seed: string;
  total: number;
  batchSize: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  owned: boolean;
}
export interface Progress {
  runId: string;
  status: Run['status'];
  total: number;
  batches: number;
  batchesDone: number;
  replicatesDone: number;
  fraction: number;
  active: boolean;
  error: string | null;
}
export interface RunDetail extends Run {
  params: unknown;
  manifest: Record<string, unknown>;
  progress: Progress;
  results: number;
  resumable: boolean;
}
