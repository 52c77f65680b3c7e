/**
 * The public API, imported the way a user imports it: `concord`, `concord/browser` and
 * `concord/schemas` resolve through package.json `exports` to the build in dist/ (npm test builds
 * first). The lists below pin every exported name: a change to them is a change of the public API
 * and must be made here on purpose (and noted in the changelog of the release).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as concord from 'concord';
import * as browser from 'concord/browser';
import * as schemas from 'concord/schemas';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

const LIBRARY = [
  'ClaimsFileSchema',
  'ConcordError',
  'DEFAULT_BUDGETS',
  'DEFAULT_CLAIMS',
  'DEFAULT_COMPARISONS',
  'EU_REFERENCE_GAMES',
  'FORMATS',
  'GameFileSchema',
  'IsoDateSchema',
  'MEASURE_IDS',
  'MODEL_COLOURS',
  'MODEL_NAMES',
  'MODEL_TITLES',
  'NAMED_RULES',
  'OrganizationRegistry',
  'OrganizationSchema',
  'RuleSchema',
  'SCHEMAS',
  'SECTIONS',
  'STATUS_COLOURS',
  'ScenarioFileSchema',
  'SweepDesignSchema',
  'UncertaintySchema',
  'WORLD',
  'YARDSTICKS',
  'YearSeries',
  'agreement',
  'alignOrganization',
  'alignPositions',
  'allPairs',
  'applicantsOn',
  'backtest',
  'balance',
  'builtinGames',
  'campGraph',
  'campsOf',
  'capacity',
  'chairOn',
  'checkClaims',
  'checkOrganization',
  'cohenKappa',
  'cohesionByYear',
  'comparisonRules',
  'compileRule',
  'compromiseModel',
  'computeFacts',
  'computePower',
  'concentration',
  'consensusModel',
  'country',
  'countryCodes',
  'countryName',
  'countryNameIn',
  'countryNames',
  'countryNamesIn',
  'createDataset',
  'describeRule',
  'detectFormat',
  'distribution',
  'eumModel',
  'expectedUtility',
  'findCamps',
  'forecastAll',
  'forecastIssue',
  'forecastJson',
  'fullTimeline',
  'gameFromPlayers',
  'hhi',
  'isActiveOn',
  'isConcordError',
  'isIsoDate',
  'jsonSchema',
  'lineage',
  'loadBuiltinGameFile',
  'loadCountryNames',
  'loadDataset',
  'loadDefaultClaims',
  'loadFile',
  'loadOrganizations',
  'loadPath',
  'loadReferenceBand',
  'loadScoCases',
  'loadVoteData',
  'loadWorldTopology',
  'medianModel',
  'membersOn',
  'nashBargaining',
  'nashModel',
  'nuclearWeaponStatesOn',
  'organName',
  'organizationName',
  'organizationPlayers',
  'organizationShortName',
  'packageVersion',
  'pairMatrix',
  'pairStats',
  'parseCapabilities',
  'parseClaims',
  'parseDate',
  'parseDecide',
  'parseDeu',
  'parseGameFile',
  'parseKtab',
  'parseOrganization',
  'parseScenarioText',
  'partnersOn',
  'planSweep',
  'playersOf',
  'powerOfRule',
  'principalStatuses',
  'readGameFile',
  'readRule',
  'referenceBand',
  'renderReport',
  'resolveGame',
  'resolveScenario',
  'riceIndex',
  'scenarioPositions',
  'signorinoRitterS',
  'snapshot',
  'stageComparisons',
  'stages',
  'sweepInMemory',
  'timeline',
  'todayIso',
  'vetoPlayers',
  'weightedMean',
  'weightedMedian',
  'yardstick',
];

const BROWSER = [
  'ConcordError',
  'MODEL_COLOURS',
  'MODEL_NAMES',
  'MODEL_TITLES',
  'OrganizationRegistry',
  'STATUS_COLOURS',
  'WORLD',
  'agreement',
  'big',
  'campGraph',
  'capacity',
  'cohenKappa',
  'compileRule',
  'compromiseModel',
  'computeFacts',
  'computePower',
  'consensusModel',
  'country',
  'countryCodes',
  'countryNameIn',
  'countryNamesIn',
  'createDataset',
  'decimalYear',
  'describeRule',
  'eumModel',
  'forecastAll',
  'forecastIssue',
  'forecastJson',
  'gameFromPlayers',
  'isConcordError',
  'isIsoDate',
  'medianModel',
  'membersOn',
  'nashModel',
  'organName',
  'organizationName',
  'organizationPlayers',
  'organizationShortName',
  'pairMatrix',
  'pairStats',
  'parseDate',
  'parseGameFile',
  'parseOrganization',
  'partnersOn',
  'pct',
  'renderBlockingChart',
  'renderHistograms',
  'renderPassageChart',
  'resolveScenario',
  'riceIndex',
  'snapshot',
  'stages',
  'timeline',
];

describe('the package entries', () => {
  it('concord exports exactly the pinned names', () => {
    expect(Object.keys(concord).sort()).toEqual(LIBRARY);
  });

  it('concord/browser exports exactly the pinned names; those also in concord are the same objects', () => {
    expect(Object.keys(browser).sort()).toEqual(BROWSER);
    const lib: Record<string, unknown> = { ...concord };
    const web: Record<string, unknown> = { ...browser };
    const shared = BROWSER.filter((name) => name in lib);
    expect(shared.length).toBeGreaterThan(30);
    for (const name of shared) expect(web[name], name).toBe(lib[name]);
  });

  it('concord/schemas gives the zod schemas and their JSON Schemas', () => {
    expect(schemas.OrganizationSchema).toBe(concord.OrganizationSchema);
    expect(Object.keys(schemas.SCHEMAS).sort()).toEqual([
      'claims',
      'game',
      'organization',
      'rule',
      'scenario',
      'sweep',
      'uncertainty',
    ]);
    expect(schemas.jsonSchema('rule').$id).toBe('https://concord.local/schemas/rule.json');
    expect(schemas.RuleSchema.safeParse({ count: { atLeast: 2 } }).success).toBe(true);
    expect(schemas.RuleSchema.safeParse({ count: { atLeest: 2 } }).success).toBe(false);
  });

  it('package.json declares the entries, their types, the files and no side effects', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.sideEffects).toBe(false);
    for (const [entry, file] of [
      ['.', 'index'],
      ['./browser', 'browser'],
      ['./schemas', 'schemas'],
    ]) {
      expect(pkg.exports[entry!]).toEqual({
        types: `./dist/src/${file}.d.ts`,
        default: `./dist/src/${file}.js`,
      });
      expect(readFileSync(join(root, 'dist', 'src', `${file}.d.ts`), 'utf8').length).toBeGreaterThan(0);
    }
    for (const f of ['bin', 'dist/src', 'dist/cli', 'data']) expect(pkg.files).toContain(f);
  });

  it('concord/browser bundles for the browser: no Node built-in anywhere in its imports', async () => {
    const out = await build({
      entryPoints: [join(root, 'src', 'browser.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0]!.text).not.toMatch(/from\s*["']node:/);
  });
});
