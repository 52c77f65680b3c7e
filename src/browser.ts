/**
 * The browser-safe part of the library, `import { … } from 'concord/browser'`: no Node built-ins,
 * no file or network access. The data comes in as objects (a `DatasetFiles` and the organization
 * objects, e.g. from GET /api/library) instead of being read from disk. These are the functions
 * the web lab computes with (its modules import them from src/ directly). test/api/exports.test.ts
 * pins the names and bundles this entry for the browser (esbuild, platform browser) to prove it
 * imports nothing of Node.
 *
 * @module concord/browser
 */

export { type PairStats, pairStats } from './alignment/analysis.js';
export { campGraph, type PairMeasure, pairMatrix } from './alignment/matrix.js';
export { agreement, cohenKappa, riceIndex } from './alignment/measures.js';
export { compromiseModel } from './bargaining/compromise.js';
export { eumModel } from './bargaining/eum.js';
export {
  type ForecastOptions,
  forecastAll,
  forecastIssue,
  forecastJson,
  type IssueForecast,
  MODEL_NAMES,
  MODEL_TITLES,
} from './bargaining/forecast.js';
export { medianModel } from './bargaining/median.js';
export { nashModel } from './bargaining/nash.js';
export {
  country,
  countryCodes,
  createDataset,
  type Dataset,
  type DatasetFiles,
  WORLD,
} from './data/dataset.js';
export { countryNameIn, countryNamesIn } from './data/names.js';
export { ConcordError, type ErrorCode, isConcordError } from './errors.js';
export { computeFacts, type Facts } from './org/facts.js';
export { organizationName, organizationShortName, organName } from './org/names.js';
export { membersOn, partnersOn, type Stage, stages, timeline } from './org/organization.js';
export { organizationPlayers } from './org/players.js';
export { OrganizationRegistry, parseOrganization } from './org/registry.js';
export type { Organization } from './org/schema.js';
export { type Snapshot, snapshot } from './org/snapshot.js';
export { type CapacityResult, capacity } from './power/capacity.js';
export { computePower, type PowerResult } from './power/power.js';
export { renderBlockingChart, renderPassageChart } from './report/charts/capacity.js';
export { renderHistograms } from './report/charts/histogram.js';
export { decimalYear } from './report/charts/timeline.js';
export { compileRule, describeRule, type Player } from './rules/evaluate.js';
export { gameFromPlayers, parseGameFile } from './rules/game.js';
export type { Rule } from './rules/schema.js';
export { resolveScenario } from './scenario/resolve.js';
export type { ModelName, ScenarioFile } from './scenario/schema.js';
export type { ResolvedIssue, ResolvedScenario } from './scenario/types.js';
export { consensusModel } from './spatial/consensus.js';
export { type IsoDate, isIsoDate, parseDate } from './util/dates.js';
export { big, pct } from './util/format.js';
export { MODEL_COLOURS, STATUS_COLOURS } from './util/palette.js';
