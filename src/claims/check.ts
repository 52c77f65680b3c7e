/**
 * The claim check: each claim's figure recomputed from the data, and a verdict.
 *
 * Tolerance rule (relative, stated in the file, by default holds = 5%, approximately = 10%):
 * - a threshold claim ("more than 34 million") holds if the computed figure satisfies it; it holds
 *   approximately if the figure misses the threshold by no more than the `approximately` tolerance;
 *   otherwise it does not hold;
 * - an approximate claim ("about half", "60%") holds if the computed figure is within `holds` of the
 *   claimed value (relative deviation |computed − claimed| / claimed), approximately if within
 *   `approximately`, and does not hold beyond that;
 * - an exact count ("four nuclear-weapon states") holds only if equal, and, when the paper names the
 *   states, only if it names the right ones.
 */
import { countryCodes, type Dataset } from '../data/dataset.js';
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { claimsExplain } from '../i18n/messages/claims-explain/index.js';
import { translator } from '../i18n/translate.js';
import { computeFacts, type Facts } from '../org/facts.js';
import type { OrganizationRegistry } from '../org/registry.js';
import { snapshot } from '../org/snapshot.js';
import type { IsoDate } from '../util/dates.js';
import type { Claim, ClaimsFile, Measure } from './schema.js';

export type Verdict = 'holds' | 'approximately' | 'does not hold';

export interface ClaimResult {
  readonly id: string;
  readonly quote: string;
  readonly measure: Measure;
  readonly comparison: Claim['comparison'];
  readonly claimed: number;
  readonly computed: number | null;
  /** The data year behind the computed figure (null for area, which has no year). */
  readonly year: number | null;
  readonly verdict: Verdict;
  /** (computed − claimed) / claimed. */
  readonly deviation: number | null;
  readonly explanation: string;
  readonly date: IsoDate;
  readonly states: string[];
  readonly sources: string[];
}

export interface ClaimsReport {
  readonly id: string;
  readonly document: string;
  readonly tolerance: { holds: number; approximately: number };
  readonly claims: ClaimResult[];
}

interface Measured {
  value: number | null;
  year: number | null;
  source: string;
}

function measure(f: Facts, m: Measure): Measured {
  switch (m) {
    case 'memberCount':
      return { value: f.states.length, year: null, source: 'organization membership records' };
    case 'areaKm2':
      return { value: f.areaKm2, year: null, source: f.sources.area };
    case 'eurasiaAreaShare':
      return {
        value: f.eurasiaAreaShare,
        year: null,
        source: `${f.sources.area}; Eurasia as defined in docs/data.md`,
      };
    case 'population':
      return {
        value: f.population?.value ?? null,
        year: f.population?.year ?? null,
        source: f.sources.population,
      };
    case 'worldPopulationShare':
      return {
        value: f.worldPopulationShare,
        year: f.population?.year ?? null,
        source: f.sources.population,
      };
    case 'gdpUsd':
      return { value: f.gdpUsd?.value ?? null, year: f.gdpUsd?.year ?? null, source: f.sources.gdp };
    case 'worldGdpShare':
      return { value: f.worldGdpShare, year: f.gdpUsd?.year ?? null, source: f.sources.gdp };
    case 'cinc':
      return { value: f.cinc?.value ?? null, year: f.cinc?.year ?? null, source: f.sources.cinc };
    case 'nuclearStates':
      return { value: f.nuclearStates.length, year: Number(f.date.slice(0, 4)), source: f.sources.nuclear };
  }
}

export function verdictFor(
  claim: Pick<Claim, 'comparison' | 'value'>,
  computed: number,
  tol: { holds: number; approximately: number },
): Verdict {
  const v = claim.value;
  const rel = v === 0 ? Math.abs(computed) : Math.abs(computed - v) / Math.abs(v);
  switch (claim.comparison) {
    case 'moreThan':
      return computed > v ? 'holds' : rel <= tol.approximately ? 'approximately' : 'does not hold';
    case 'atLeast':
      return computed >= v ? 'holds' : rel <= tol.approximately ? 'approximately' : 'does not hold';
    case 'lessThan':
      return computed < v ? 'holds' : rel <= tol.approximately ? 'approximately' : 'does not hold';
    case 'atMost':
      return computed <= v ? 'holds' : rel <= tol.approximately ? 'approximately' : 'does not hold';
    case 'about':
      return rel <= tol.holds ? 'holds' : rel <= tol.approximately ? 'approximately' : 'does not hold';
    case 'equals':
      return computed === v ? 'holds' : 'does not hold';
  }
}

export function formatMeasure(m: Measure, x: number): string {
  if (m === 'eurasiaAreaShare' || m === 'worldPopulationShare' || m === 'worldGdpShare' || m === 'cinc') {
    return `${(x * 100).toFixed(1)}%`;
  }
  if (m === 'areaKm2') return `${(x / 1e6).toFixed(2)} million km²`;
  if (m === 'population') return `${(x / 1e9).toFixed(3)} billion`;
  if (m === 'gdpUsd') return `US$${(x / 1e12).toFixed(2)} trillion`;
  return String(x);
}

/**
 * A claimed or computed figure in the locale: English is `formatMeasure`; Russian writes
 * «4,13 млрд», «12,5 %»; Chinese counts in 万 and 亿 (the whole quantity, compacted: 41.3亿).
 */
export function formatMeasureIn(m: Measure, x: number, locale: Locale): string {
  if (locale === 'en') return formatMeasure(m, x);
  const f = formatter(locale);
  const t = translator(claimsExplain, locale);
  if (m === 'eurasiaAreaShare' || m === 'worldPopulationShare' || m === 'worldGdpShare' || m === 'cinc')
    return f.percent(x, 1);
  const zh = locale === 'zh-Hans';
  if (m === 'areaKm2') return t('unit.million-km2', { value: zh ? f.big(x) : f.fixed(x / 1e6, 2) });
  if (m === 'population') return t('unit.billion', { value: zh ? f.big(x) : f.fixed(x / 1e9, 3) });
  if (m === 'gdpUsd') return t('unit.trillion-usd', { value: zh ? f.big(x) : f.fixed(x / 1e12, 2) });
  return f.number(x, 0);
}

/** What an explanation says about the nuclear-weapon states the paper names. */
interface NuclearCheck {
  /** Named by the paper but not nuclear. */
  readonly extra: readonly string[];
  /** Nuclear but not named. */
  readonly wrong: readonly string[];
  /** The nuclear-weapon states (when the paper's list is right). */
  readonly named: readonly string[];
  readonly undeclared: readonly string[];
}

function explanationIn(
  c: Claim,
  date: IsoDate,
  computed: number | null,
  year: number | null,
  nuclear: NuclearCheck | null,
  locale: Locale,
): string {
  const t = translator(claimsExplain, locale);
  const en = locale === 'en';
  if (computed === null)
    return t('no-data', {
      measure: en ? c.measure : t(`measure.${c.measure}` as 'measure.population'),
      date: en ? date : formatter(locale).date(date),
    });
  const list = (xs: readonly string[]) => xs.join(locale === 'zh-Hans' ? '、' : ', ');
  let out = t('claimed', {
    comparison: c.comparison,
    claimed: formatMeasureIn(c.measure, c.value, locale),
    computed: formatMeasureIn(c.measure, computed, locale),
    year: year ? String(year) : 'none',
  });
  if (!nuclear) return out;
  if (nuclear.extra.length || nuclear.wrong.length)
    out = t('differs', {
      base: out,
      extra: nuclear.extra.length ? list(nuclear.extra) : 'none',
      wrong: nuclear.wrong.length ? list(nuclear.wrong) : 'none',
    });
  else out = t('as-named', { base: out, list: list(nuclear.named) });
  if (nuclear.undeclared.length) out = t('undeclared', { base: out, list: list(nuclear.undeclared) });
  return out;
}

/**
 * Every claim of the file checked. `locale` words the explanations (default English: the text of
 * `concord claims --json` and the API); the figures and verdicts do not depend on it.
 */
export function checkClaims(
  file: ClaimsFile,
  registry: OrganizationRegistry,
  ds: Dataset,
  locale: Locale = 'en',
): ClaimsReport {
  const groupFacts = new Map<string, Facts>();
  const factsFor = (orgId: string | undefined, date: IsoDate): Facts => {
    const key = `${orgId ?? ''}|${date}`;
    let f = groupFacts.get(key);
    if (!f) {
      f = orgId
        ? snapshot(registry, ds, orgId, date).facts
        : computeFacts(ds, countryCodes(ds, file.states ?? [], 'states'), date);
      groupFacts.set(key, f);
    }
    return f;
  };
  const claims = file.claims.map((c): ClaimResult => {
    const date = c.date ?? file.date;
    const f = factsFor(c.organization ?? file.organization, date);
    const m = measure(f, c.measure);
    let verdict: Verdict = 'does not hold';
    let nuclear: NuclearCheck | null = null;
    if (m.value !== null) {
      verdict = verdictFor(c, m.value, file.tolerance);
      if (c.measure === 'nuclearStates' && c.states) {
        const named = new Set(c.states);
        const wrong = f.nuclearStates.filter((s) => !named.has(s));
        const extra = c.states.filter((s) => !f.nuclearStates.includes(s));
        if (wrong.length || extra.length) verdict = 'does not hold';
        nuclear = { extra, wrong, named: f.nuclearStates, undeclared: f.undeclaredNuclearStates };
      }
    }
    const explanation = explanationIn(c, date, m.value, m.year, nuclear, locale);
    return {
      id: c.id,
      quote: c.quote,
      measure: c.measure,
      comparison: c.comparison,
      claimed: c.value,
      computed: m.value,
      year: m.year,
      verdict,
      deviation: m.value === null || c.value === 0 ? null : (m.value - c.value) / c.value,
      explanation,
      date,
      states: f.states,
      sources: [m.source],
    };
  });
  return { id: file.id, document: file.document, tolerance: file.tolerance, claims };
}
