/**
 * Scenarios that reach every branch of the forecast explanations (src/bargaining/forecast.ts's
 * `explain`): the SCO cases and the examples as coded, and variants of each — take it or leave it,
 * amendable, opt-out, a qualified-majority rule (so "outvoted" and "winning coalition" occur), no
 * proposer, no status quo, and the members' positions rotated (so other members block). Used by
 * test/bargaining/explain-i18n.test.ts against the English of test/fixtures/explanations-en.json.
 */
import { join } from 'node:path';
import { forecastAll, type IssueForecast } from '../../src/bargaining/forecast.js';
import { packageRoot } from '../../src/data/load.js';
import { loadFile, loadOrganizationCases, resolveWithLines } from '../../src/scenario/load.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { type ModelName, type ScenarioFile, ScenarioFileSchema } from '../../src/scenario/schema.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';

export interface ExplainCase {
  readonly key: string;
  readonly s: ResolvedScenario;
  readonly fs: IssueForecast[];
}

type Issue = ScenarioFile['issues'][number];
type Variant = (x: ScenarioFile) => ScenarioFile | null;

const mapIssues = (x: ScenarioFile, f: (i: Issue) => Issue): ScenarioFile => ({
  ...x,
  issues: x.issues.map(f),
});

/** Positions rotated among the actors that code one (entry k takes entry k+1's coding). */
function rotate(i: Issue): Issue {
  const ids = Object.keys(i.positions).filter((k) => i.positions[k] !== null);
  if (ids.length < 2) return i;
  const out: Record<string, unknown> = { ...i.positions };
  ids.forEach((id, k) => {
    out[id] = i.positions[ids[(k + 1) % ids.length]!];
  });
  return { ...i, positions: out as Issue['positions'] };
}

const VARIANTS: Record<string, Variant> = {
  coded: (x) => x,
  take: (x) => mapIssues(x, (i) => ({ ...i, amendable: false, optOut: false })),
  amend: (x) => mapIssues(x, (i) => ({ ...i, amendable: true, optOut: false })),
  optout: (x) => mapIssues(x, (i) => ({ ...i, optOut: true })),
  qmv: (x) => ({ ...x, packages: [], rule: { count: { atLeastShare: '2/3' } } as ScenarioFile['rule'] }),
  'qmv-take': (x) => ({
    ...mapIssues(x, (i) => ({ ...i, amendable: false, optOut: false, rule: undefined })),
    packages: [],
    rule: { count: { moreThanShare: 0.5 } } as ScenarioFile['rule'],
  }),
  noproposer: (x) => ({
    ...mapIssues(x, (i) => {
      const { proposer: _p, ...rest } = i;
      return rest as Issue;
    }),
    packages: [],
  }),
  nosq: (x) =>
    mapIssues(x, (i) => {
      const { statusQuo: _q, ...rest } = i;
      return rest as Issue;
    }),
  rotated: (x) => mapIssues(x, rotate),
  'rotated-amend': (x) => mapIssues(x, (i) => rotate({ ...i, amendable: true, optOut: false })),
};

type Coding = [number, number]; // position, salience
const issue = (id: string, pos: Record<string, Coding>, extra: Record<string, unknown> = {}) => ({
  id,
  statusQuo: 0,
  proposal: 100,
  amendable: false,
  positions: Object.fromEntries(Object.entries(pos).map(([k, [p, s]]) => [k, { position: p, salience: s }])),
  ...extra,
});
const actors = (ids: string[]) => Object.fromEntries(ids.map((k) => [k, { capability: 1 }]));

/** Small scenarios for the branches the coded cases do not reach (packages that fail, no setter, no consensus model). */
const SYNTHETIC: ReadonlyArray<readonly [string, unknown, readonly ModelName[] | null]> = [
  [
    'synthetic/package-fails',
    {
      id: 'pf',
      rule: 'consensus',
      actors: actors(['R', 'C', 'K']),
      issues: [
        issue('a', { R: [100, 0.7], C: [0, 0.9], K: [70, 0.3] }, { proposer: 'R' }),
        issue('b', { R: [60, 0.5], C: [20, 0.7], K: [70, 0.3] }, { proposer: 'C' }),
      ],
      packages: [['a', 'b']],
    },
    null,
  ],
  [
    'synthetic/package-wins',
    {
      id: 'pw',
      rule: 'consensus',
      actors: actors(['R', 'C', 'K']),
      issues: [
        issue('a', { R: [100, 0.7], C: [40, 0.6], K: [70, 0.3] }, { proposer: 'R' }),
        issue('b', { R: [60, 0.5], C: [100, 0.7], K: [70, 0.3] }, { proposer: 'C' }),
      ],
      packages: [['a', 'b']],
    },
    null,
  ],
  [
    'synthetic/no-setter',
    {
      id: 'ns',
      rule: 'consensus',
      actors: actors(['R', 'C', 'K']),
      issues: [
        issue('a', { R: [100, 0.7], C: [40, 0.6], K: [70, 0.3] }, { amendable: true, proposal: undefined }),
      ],
    },
    null,
  ],
  [
    'synthetic/core',
    {
      id: 'core',
      rule: 'consensus',
      actors: actors(['R', 'C', 'K']),
      issues: [
        issue(
          'a',
          { R: [100, 0.7], C: [10, 0.6], K: [70, 0.3] },
          { statusQuo: 50, amendable: true, proposer: 'K' },
        ),
      ],
    },
    null,
  ],
  [
    'synthetic/one-actor',
    {
      id: 'one',
      rule: 'consensus',
      actors: actors(['R', 'C', 'K']),
      issues: [issue('a', { R: [100, 0.7], C: [0, 0], K: [70, 0] }, { proposer: 'R', optOut: true })],
    },
    null,
  ],
  [
    'synthetic/median-only',
    {
      id: 'mo',
      rule: 'consensus',
      actors: actors(['R', 'C', 'K']),
      issues: [issue('a', { R: [100, 0.7], C: [40, 0.6], K: [70, 0.3] }, { proposer: 'R' })],
    },
    ['median'],
  ],
  [
    'synthetic/no-model',
    {
      id: 'nm',
      rule: 'consensus',
      actors: actors(['R', 'C', 'K']),
      issues: [issue('a', { R: [100, 0], C: [40, 0], K: [70, 0] }, { proposer: 'R' })],
    },
    ['median', 'nash', 'eum', 'compromise'],
  ],
];

let cached: ExplainCase[] | undefined;

/** Every case and variant (the same list each call; models: all, SMP only where its default runs it). */
export function explainCases(): ExplainCase[] {
  if (cached) return cached;
  const root = packageRoot();
  const loaded = [
    ...loadOrganizationCases('sco'),
    ...loadFile(join(root, 'scenarios/examples/car.yaml'), root),
    ...loadFile(join(root, 'scenarios/examples/plane.yaml'), root),
  ];
  const out: ExplainCase[] = [];
  for (const c of loaded) {
    for (const [name, v] of Object.entries(VARIANTS)) {
      const input = v(c.input);
      if (!input) continue;
      let s: ResolvedScenario;
      try {
        s = resolveWithLines(input, c.file, null);
      } catch {
        continue; // a variant the schema refuses (e.g. a package over an issue without a status quo)
      }
      out.push({
        key: `${c.input.id}/${name}`,
        s,
        fs: forecastAll(s, { models: ['consensus', 'compromise', 'median', 'nash', 'eum', 'exchange'] }),
      });
    }
  }
  for (const [key, input, models] of SYNTHETIC) {
    const s = resolveScenario(ScenarioFileSchema.parse(input));
    out.push({ key, s, fs: forecastAll(s, models ? { models } : { models: ['consensus', 'median'] }) });
  }
  cached = out;
  return out;
}
