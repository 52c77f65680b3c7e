/**
 * The scenario layer's sentences in a locale. The loader (./resolve.ts) writes its capability note
 * in English, the text `forecast --json` carries; `capabilityNoteIn(note, locale)` words it in
 * Russian or Chinese from the `scenario-notes` catalogue (null for a note it does not know: show
 * the English). The importers' reasons and notes of an import summary are worded by
 * `importReasonIn` and `importNoteIn` (./import/summary.ts's `formatSummary` uses them).
 */
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { scenarioNotes } from '../i18n/messages/scenario-notes/index.js';
import { type Namespace, translator } from '../i18n/translate.js';

type Key = typeof scenarioNotes extends Namespace<infer K> ? K : never;
type Values = Record<string, string | number>;
type Pattern = readonly [RegExp, Key, (m: RegExpExecArray, num: (x: string) => string) => Values];

function wordIn(patterns: readonly Pattern[], text: string, locale: Locale): string | null {
  if (locale === 'en') return text;
  const f = formatter(locale);
  const num = (x: string) => (Number.isFinite(Number(x)) ? f.number(Number(x), 6) : x);
  for (const [re, key, values] of patterns) {
    const m = re.exec(text);
    if (m) return translator(scenarioNotes, locale)(key, values(m, num));
  }
  return null;
}

const CAPABILITY: readonly Pattern[] = [
  [
    /^(\S+): (\d+) not available for every actor; (\d+) used$/,
    'cap.year',
    (m) => ({ source: m[1]!, wanted: m[2]!, year: m[3]! }),
  ],
  [
    /^capabilities as given \(they sum to (\S+)\); divided by their sum for the models, whose forecasts do not depend on the scale$/,
    'cap.given',
    (m, num) => ({ sum: num(m[1]!) }),
  ],
];

/** The loader's capability note (`ResolvedScenario.capabilityNote`) in the locale; null if unknown. */
export function capabilityNoteIn(note: string, locale: Locale): string | null {
  return wordIn(CAPABILITY, note, locale);
}

const REASONS: readonly Pattern[] = [
  [/^missing-data code (.+) read as missing$/, 'reason.missing-code', (m) => ({ code: m[1]! })],
  [
    /^salience without a position: the actor is absent from the issue$/,
    'reason.salience-no-position',
    () => ({}),
  ],
  [
    /^position without a salience: salience set to (\S+)$/,
    'reason.position-no-salience',
    (m, num) => ({ salience: num(m[1]!) }),
  ],
  [/^row with fewer than two positions: issue left out$/, 'reason.few-positions', () => ({})],
  [/^no observed outcome: forecast, not scored by backtest$/, 'reason.no-outcome', () => ({})],
  [
    /^no reference point: no status quo \(the consensus model needs one\)$/,
    'reason.no-reference',
    () => ({}),
  ],
  [/^the proposer takes no position: no proposal$/, 'reason.no-proposer-position', () => ({})],
  [
    /^no (.+) date: the date is taken from (.+)$/,
    'reason.date-from',
    (m) => ({ first: m[1]!, column: m[2]! }),
  ],
  [/^no voting rule given: qualified majority of the date$/, 'reason.rule-qmv', () => ({})],
  [/^no voting rule and no date: unanimity of the member states$/, 'reason.rule-unanimity', () => ({})],
  [/^codecision: the Parliament’s consent is needed$/, 'reason.codecision', () => ({})],
  [
    /^a member of the Council on the date has no column: it votes, with no position$/,
    'reason.council-no-column',
    () => ({}),
  ],
  [/^no #D line: the actor takes no position on the issue$/, 'reason.no-d-line', () => ({})],
  [/^empty position: the actor takes no position on the issue$/, 'reason.empty-position', () => ({})],
];

/** A reason of an import summary's count (`ImportCount.reason`) in the locale; null if unknown. */
export function importReasonIn(reason: string, locale: Locale): string | null {
  return wordIn(REASONS, reason, locale);
}

const NOTES: readonly Pattern[] = [
  [
    /^capabilities: equal \(a DEU table records none; give --capabilities votes or FILE\)$/,
    'note.deu-equal',
    () => ({}),
  ],
  [/^capabilities: each member's Council votes on the date/, 'note.deu-votes', () => ({})],
  [
    /^powers differ between issues: one scenario per issue \((\d+)\)$/,
    'note.powers-differ',
    (m, num) => ({ count: num(m[1]!) }),
  ],
  [/^saliences read on 0–100 \(one is above 1\) and divided by 100$/, 'note.salience-100', () => ({})],
  [/^no capability column: capabilities are equal$/, 'note.no-capability', () => ({})],
];

/** A note of an import summary (`ImportSummary.notes`) in the locale; null if unknown. */
export function importNoteIn(note: string, locale: Locale): string | null {
  return wordIn(NOTES, note, locale);
}

const PLACES: readonly Pattern[] = [
  [/^line (\d+)$/, 'where.line', (m) => ({ line: m[1]! })],
  [/^line (\d+), column (.+)$/, 'where.column', (m) => ({ line: m[1]!, column: m[2]! })],
];

/** A place of an import summary (`line 12`, `line 12, column sfr`) in the locale; as is if unknown. */
export function importPlaceIn(place: string, locale: Locale): string {
  return wordIn(PLACES, place, locale) ?? place;
}
