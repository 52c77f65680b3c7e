/**
 * Concord as a library: `import { … } from 'concord'`. Everything the CLI and the API compute is
 * here as plain functions of typed inputs, with the built-in data loaders next to them. Nothing
 * runs at import time (package.json says `sideEffects: false`); the built-in data is read on the
 * first call of a loader and kept for the process.
 *
 * The browser-safe subset (no Node built-ins, no file access) is `concord/browser`; the zod schemas
 * and their JSON Schemas are also `concord/schemas`. The names exported here are pinned by
 * test/api/exports.test.ts: adding one is a decision, removing one a breaking change.
 *
 * @module concord
 */

// ── Alignment in the UN General Assembly ─────────────────────────────────────────────────────
export {
  type AlignmentOptions,
  type AlignmentResult,
  alignOrganization,
  alignPositions,
  allPairs,
  campsOf,
  cohesionByYear,
  type PairStats,
  pairStats,
  stageComparisons,
} from './alignment/analysis.js';
export { findCamps } from './alignment/camps.js';
export { loadVoteData } from './alignment/load.js';
export { campGraph, type PairMeasure, pairMatrix } from './alignment/matrix.js';
export { agreement, cohenKappa, riceIndex, signorinoRitterS } from './alignment/measures.js';
export { scenarioPositions } from './alignment/scenario.js';
// ── Balance of power inside an organization ──────────────────────────────────────────────────
export { type Balance, type BalanceOptions, balance, distribution } from './balance/balance.js';
export { type Concentration, concentration, hhi } from './balance/measures.js';
export { MEASURE_IDS, type MeasureId, YARDSTICKS, type Yardstick, yardstick } from './balance/yardsticks.js';
// ── Forecasts: every model, and the backtest ─────────────────────────────────────────────────
export { type BacktestCase, type BacktestResult, backtest } from './bargaining/backtest.js';
export { compromiseModel, weightedMean } from './bargaining/compromise.js';
export { eumModel, expectedUtility } from './bargaining/eum.js';
export {
  type ForecastJson,
  type ForecastOptions,
  forecastAll,
  forecastIssue,
  forecastJson,
  type IssueForecast,
  MODEL_NAMES,
  MODEL_TITLES,
} from './bargaining/forecast.js';
export { medianModel, weightedMedian } from './bargaining/median.js';
export { nashBargaining, nashModel } from './bargaining/nash.js';
// ── Claims of a paper checked against the data ───────────────────────────────────────────────
export { type ClaimResult, type ClaimsReport, checkClaims, type Verdict } from './claims/check.js';
export { DEFAULT_CLAIMS, loadDefaultClaims, parseClaims } from './claims/load.js';
export type { Claim, ClaimsFile } from './claims/schema.js';
// ── Country data ─────────────────────────────────────────────────────────────────────────────
export {
  country,
  countryCodes,
  createDataset,
  type Dataset,
  type DatasetFiles,
  WORLD,
} from './data/dataset.js';
export { countryName, countryNames, loadCountryNames, loadDataset, packageVersion } from './data/load.js';
export { countryNameIn, countryNamesIn } from './data/names.js';
export { nuclearWeaponStatesOn } from './data/nuclear.js';
export { YearSeries } from './data/series.js';
export { loadWorldTopology } from './data/topology.js';
export type { CountryNamesFile, CountryRecord } from './data/types.js';
// ── Errors ───────────────────────────────────────────────────────────────────────────────────
export { ConcordError, type ErrorCode, type ErrorDetails, isConcordError } from './errors.js';
// ── Organizations, snapshots and facts ───────────────────────────────────────────────────────
export { computeFacts, type Facts } from './org/facts.js';
export { fullTimeline, lineage } from './org/history.js';
export { loadOrganizations } from './org/load.js';
export { organizationName, organizationShortName, organName } from './org/names.js';
export {
  applicantsOn,
  chairOn,
  isActiveOn,
  type MemberOnDate,
  membersOn,
  type PartnerOnDate,
  partnersOn,
  principalStatuses,
  type Stage,
  stages,
  type TimelineEvent,
  timeline,
} from './org/organization.js';
export { type OrganizationPlayers, organizationPlayers, playersOf, resolveGame } from './org/players.js';
export { checkOrganization, OrganizationRegistry, parseOrganization } from './org/registry.js';
export type { Membership, MembershipStatus, Organization, OrganizationInput } from './org/schema.js';
export { type Snapshot, snapshot } from './org/snapshot.js';
// ── Power and capacity to decide ─────────────────────────────────────────────────────────────
export {
  type CapacityOptions,
  type CapacityResult,
  type CapacityRule,
  type CapacityStage,
  capacity,
  EU_REFERENCE_GAMES,
  type ReferencePoint,
  type RuleOutcome,
  referenceBand,
} from './power/capacity.js';
export { DEFAULT_COMPARISONS } from './power/capacity-options.js';
export { comparisonRules, loadReferenceBand } from './power/load.js';
export {
  computePower,
  DEFAULT_BUDGETS,
  type Method,
  type PlayerPower,
  type PowerOptions,
  type PowerResult,
  powerOfRule,
} from './power/power.js';
// ── The report ───────────────────────────────────────────────────────────────────────────────
export {
  type RenderedReport,
  type ReportContext,
  type ReportSection,
  renderReport,
} from './report/report.js';
export { SECTIONS } from './report/sections/index.js';
// ── Rules and games ──────────────────────────────────────────────────────────────────────────
export { type Coalition, compileRule, describeRule, type Player, vetoPlayers } from './rules/evaluate.js';
export { type Game, type GameFile, gameFromPlayers, parseGameFile } from './rules/game.js';
export { builtinGames, loadBuiltinGameFile, NAMED_RULES, readGameFile, readRule } from './rules/load.js';
export type { Rule } from './rules/schema.js';
// ── Scenarios and importers ──────────────────────────────────────────────────────────────────
export { parseDecide } from './scenario/import/decide.js';
export { parseCapabilities, parseDeu } from './scenario/import/deu.js';
export { parseKtab } from './scenario/import/ktab.js';
export {
  detectFormat,
  FORMATS,
  type Format,
  type LoadedScenario,
  loadFile,
  loadPath,
  loadScoCases,
  parseScenarioText,
} from './scenario/load.js';
export { type ResolveOptions, resolveScenario } from './scenario/resolve.js';
export type { Issue, ModelName, ScenarioFile } from './scenario/schema.js';
export type { ResolvedActor, ResolvedIssue, ResolvedScenario } from './scenario/types.js';
export type { SweepDesign, Uncertainty } from './scenario/uncertainty.js';
// ── The zod schemas of every input file, and their JSON Schemas ──────────────────────────────
export {
  ClaimsFileSchema,
  GameFileSchema,
  IsoDateSchema,
  jsonSchema,
  OrganizationSchema,
  RuleSchema,
  SCHEMAS,
  ScenarioFileSchema,
  SweepDesignSchema,
  UncertaintySchema,
} from './schemas.js';
// ── The spatial models ───────────────────────────────────────────────────────────────────────
export { consensusModel } from './spatial/consensus.js';
// ── Sweeps, in memory ────────────────────────────────────────────────────────────────────────
export type { SweepParams, SweepSummary } from './sweep/engine.js';
export { planSweep, type SweepRequest, sweepInMemory } from './sweep/run.js';
// ── Dates and colours ────────────────────────────────────────────────────────────────────────
export { type IsoDate, isIsoDate, parseDate, todayIso } from './util/dates.js';
export { MODEL_COLOURS, STATUS_COLOURS } from './util/palette.js';
