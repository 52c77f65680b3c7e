/**
 * The alignment analysis's notes in a locale. `alignOrganization` and `stageComparisons`
 * (./analysis.ts) write their notes in English, the text of `concord alignment --json`;
 * `alignmentNoteIn(note, locale)` words a note in Russian or Chinese from the `alignment-notes`
 * catalogue, with dates and numbers in the locale's formats. A note it does not know (one on a
 * topic's labels, whose names the data give in English) is null: show the English, marked so.
 */
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { alignmentNotes } from '../i18n/messages/alignment-notes/index.js';
import { type Namespace, translator } from '../i18n/translate.js';

type Key = typeof alignmentNotes extends Namespace<infer K> ? K : never;
type Values = Record<string, string | number>;

const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const CODES = '([A-Z]{3}(?:, [A-Z]{3})*)';
const WINDOW = '(\\d{4}(?:–\\d{4})?|\\d{4}-\\d{2}-\\d{2} – \\d{4}-\\d{2}-\\d{2})';

/** Each note's English form (a pattern from the start of the text) and its message. */
const PATTERNS: ReadonlyArray<
  readonly [RegExp, Key, (m: RegExpExecArray, d: (iso: string) => string) => Values]
> = [
  [
    new RegExp(`^the vote data end on ${DATE}: the window ends there, not on ${DATE}`),
    'data-end',
    (m, d) => ({ last: d(m[1]!), to: d(m[2]!) }),
  ],
  [
    /^no recorded roll call( on a resolution as a whole)? in ([\d, ]+): (?:that year has|those years have) no cohesion figure/,
    'no-votes',
    (m) => ({ scope: m[1] ? 'resolutions' : 'all', years: m[2]!, count: m[2]!.split(', ').length }),
  ],
  [
    new RegExp(
      `^the window crosses ${DATE}, where Voeten's data give way to the UN's records: .*? comparisons across the seam( \\(the stages\\))? use --scope resolutions`,
    ),
    'seam',
    (m, d) => ({ seam: d(m[1]!), scope: m[2] ? 'all' : 'resolutions' }),
  ],
  [
    new RegExp(
      `^([A-Z]{3}) took part in no roll call of ${WINDOW} \\(not a UN member then, or absent\\): its pairs have no figures`,
    ),
    'no-roll-call',
    (m) => ({ state: m[1]!, window: m[2]! }),
  ],
  [
    /^([A-Z]{3}) took part in no roll call of (\d+) of the window's (\d+) sessions \((\d+)–(\d+); not a UN member, or away\)/,
    'sessions-missed',
    (m) => ({ state: m[1]!, count: Number(m[2]), sessions: Number(m[3]), first: m[4]!, last: m[5]! }),
  ],
  [
    new RegExp(
      `^session (\\d+) \\(${DATE} – ${DATE}\\): ${CODES} cast no yes or no vote; left out of that session, not counted as abstaining`,
    ),
    'session-absent',
    (m, d) => ({ session: m[1]!, first: d(m[2]!), last: d(m[3]!), states: m[4]! }),
  ],
  [
    /^([A-Z]{3})–([A-Z]{3}): only (\d+) common roll calls; read with care/,
    'thin-pair',
    (m) => ({ a: m[1]!, b: m[2]!, count: Number(m[3]) }),
  ],
  [
    new RegExp(
      `^(\\d+) roll calls? of the window had fewer than two (.+?) members taking part \\(before ${DATE}, or members absent\\): no cohesion for (?:it|them)`,
    ),
    'few-members',
    (m, d) => ({ count: Number(m[1]), org: m[2]!, founded: d(m[3]!) }),
  ],
  [
    new RegExp(`^not comparable: the UN vote data end on ${DATE}, before ${CODES} (joined|left) on ${DATE}`),
    'stage.data-end',
    (m, d) => ({ last: d(m[1]!), states: m[2]!, change: m[3]!, date: d(m[4]!) }),
  ],
  [
    /^the new set's cohesion before the stage \(from its states' earlier votes\) shows the change by composition alone/,
    'stage.composition',
    () => ({}),
  ],
  [
    new RegExp(`^not comparable: no roll call in the window after ${DATE}`),
    'stage.none-after',
    (m, d) => ({ date: d(m[1]!) }),
  ],
  [
    new RegExp(`^not comparable: no roll call in the window before ${DATE}`),
    'stage.none-before',
    (m, d) => ({ date: d(m[1]!) }),
  ],
  [
    new RegExp(
      `^the periods cross ${DATE}, where Voeten's data give way to the UN's records: both are compared on resolutions voted on as a whole only \\(the one scope both sources share\\)`,
    ),
    'stage.seam',
    (m, d) => ({ seam: d(m[1]!) }),
  ],
  [/^no positions for (\S+(?:, \S+)*): left out$/, 'scenario.no-positions', (m) => ({ actors: m[1]! })],
];

/**
 * An alignment note (`AlignmentResult.notes`, a stage's `note`: several joined by "; " are worded
 * one by one) in the locale; English as it is; null when a part of it is not in the catalogue.
 * `org` names the organization in the locale (the note gives its English short name).
 */
export function alignmentNoteIn(note: string, locale: Locale, org?: string): string | null {
  if (locale === 'en') return note;
  const t = translator(alignmentNotes, locale);
  const f = formatter(locale);
  const d = (iso: string) => f.date(iso);
  const list = (codes: string) => (locale === 'zh-Hans' ? codes.split(', ').join('、') : codes);
  const parts: string[] = [];
  let rest = note;
  while (rest.length) {
    const hit = PATTERNS.map(([re, key, values]) => [re.exec(rest), key, values] as const).find(([m]) => m);
    if (!hit) return null;
    const [m, key, values] = hit;
    const v = values(m!, d);
    for (const k of ['states', 'a', 'b', 'actors'] as const)
      if (typeof v[k] === 'string') v[k] = list(v[k] as string);
    if (org && typeof v.org === 'string') v.org = org;
    if (typeof v.years === 'string' && locale === 'zh-Hans')
      v.years = (v.years as string).split(', ').join('、');
    parts.push(t(key, v));
    rest = rest.slice(m![0].length);
    if (rest.startsWith('; ')) rest = rest.slice(2);
    else if (rest.length) return null;
  }
  return parts.reduce((left, right) => t('join', { left, right }));
}

/**
 * How the vote data code 0 (`AlignmentResult.data.zero`, ./analysis.ts's ZERO_NOTE) in the locale:
 * English as it is; another language from the catalogue, with the date in the locale's format;
 * null when the text is not the one the catalogue words.
 */
export function zeroNoteIn(zero: string, locale: Locale): string | null {
  if (locale === 'en') return zero;
  const m =
    /^abstention is a vote \(code 0, a third option\); no vote recorded \(the UN's records, from (\d{4}-\d{2}-\d{2})\) means not taking part; in Voeten's (\d{4}–\d{4}) data 0 merges abstention, absence and non-membership and counts as a vote, except that a state with no yes or no vote in a whole session counts as not taking part in it$/.exec(
      zero,
    );
  if (!m) return null;
  return translator(alignmentNotes, locale)('zero', { from: formatter(locale).date(m[1]!), span: m[2]! });
}
