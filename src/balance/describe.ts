/**
 * One sentence per membership stage, and one for a whole series, saying in words what the balance
 * figures show. Pure: the sentences are built from the figures alone, so they cannot disagree
 * with the tables they accompany. Shares are written to one decimal (63.9%), CON to two (0.55),
 * ratios to two; a figure that rounds to the same value before and after "stayed at" it.
 *
 * Because a change is measured on one year's figures (./balance.ts), the order of the members that
 * stay cannot change: only a newcomer or a departure can make a new largest or second-largest
 * member, and the sentences say so in those terms.
 */
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { balanceMessages } from '../i18n/messages/balance/index.js';
import { translator } from '../i18n/translate.js';
import { organizationName, organizationShortName } from '../org/names.js';
import type { Organization } from '../org/schema.js';
import type { IsoDate } from '../util/dates.js';
import type { BalanceYear, Distribution, Hypothetical, StageKind } from './balance.js';
import type { MeasureId, Yardstick } from './yardsticks.js';

/** An organization as the sentences name it: its names, and its own names in other languages. */
type OrgNames = Pick<Organization, 'shortName' | 'name'> & Partial<Pick<Organization, 'localized'>>;

export interface DescribeContext {
  readonly org: OrgNames;
  readonly ys: Pick<Yardstick, 'id' | 'noun'>;
  /** A state's name in the sentence's language, e.g. CHN → China (Китай, 中国 for ru, zh-Hans). */
  readonly name: (iso3: string) => string;
  /** The predecessor the founding stage is compared with. */
  readonly predecessor?: OrgNames | null;
  /** Conditional mood: a what-if change rather than a recorded one. */
  readonly hypothetical?: boolean;
}

export interface ChangeFigures {
  readonly from: IsoDate;
  readonly kind: StageKind;
  readonly joined: readonly string[];
  readonly left: readonly string[];
  readonly comparedWith: { id: string; shortName: string } | null;
  readonly dataYear: number | null;
  readonly dataYearNote: string | null;
  readonly before: Distribution | null;
  readonly after: Distribution | null;
  readonly joinedShare: number | null;
  readonly leftShare: number | null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
/** Names written with "the" in running text. */
const WITH_ARTICLE = new Set([
  'United Arab Emirates',
  'Bahamas',
  'Central African Republic',
  'Republic of the Congo',
  'Comoros',
  'Dominican Republic',
  'United Kingdom',
  'Gambia',
  'Maldives',
  'Marshall Islands',
  'Netherlands',
  'Philippines',
  'Solomon Islands',
  'Seychelles',
  'United States',
]);

/** 2017-06-09 → 9 June 2017. */
export function longDate(d: IsoDate): string {
  return `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

export function countWord(n: number): string {
  return WORDS[n] ?? String(n);
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const two = (x: number) => x.toFixed(2);

/**
 * Organizations whose short name is an acronym read as a word, written without "the" (ASEAN
 * decided; the SCO decided).
 */
const ORG_WITHOUT_ARTICLE = new Set([
  'ASEAN',
  'NATO',
  'OPEC',
  'APEC',
  'ECOWAS',
  'CARICOM',
  'MERCOSUR',
  'Mercosur',
]);

/** "the SCO", "ASEAN". */
export function orgInText(org: Pick<Organization, 'shortName'>): string {
  return ORG_WITHOUT_ARTICLE.has(org.shortName) ? org.shortName : `the ${org.shortName}`;
}

function inText(name: string): string {
  return WITH_ARTICLE.has(name) ? `the ${name}` : name;
}

function possessive(name: string): string {
  const n = inText(name);
  return WITH_ARTICLE.has(name) && name.endsWith('s') ? `${n}'` : `${n}'s`;
}

interface Verbs {
  rise: string;
  fall: string;
  stay: string;
  still: string;
  noLonger: string;
  now: string;
  replace: string;
  become: string;
}

const PAST: Verbs = {
  rise: 'rose',
  fall: 'fell',
  stay: 'stayed',
  still: 'still outweighed',
  noLonger: 'no longer outweighed',
  now: 'now outweighed',
  replace: 'replaced',
  become: 'became',
};
const WOULD: Verbs = {
  rise: 'would rise',
  fall: 'would fall',
  stay: 'would stay',
  still: 'would still outweigh',
  noLonger: 'would no longer outweigh',
  now: 'would outweigh',
  replace: 'would replace',
  become: 'would become',
};

/** "China's share fell from 81.7% to 65.8%", or "… stayed at 63.9%". */
function moves(subject: string, a: number, b: number, fmt: (x: number) => string, v: Verbs) {
  const same = fmt(a) === fmt(b);
  return {
    dir: same ? 0 : b > a ? 1 : -1,
    text: (withVerb: boolean) =>
      same
        ? `${subject} ${v.stay} at ${fmt(b)}`
        : `${subject}${withVerb ? ` ${b > a ? v.rise : v.fall}` : ''} from ${fmt(a)} to ${fmt(b)}`,
  };
}

/** "X, and Y" / "X, Y, and Z" after a semicolon. */
function clauses(parts: readonly string[]): string {
  if (!parts.length) return '';
  if (parts.length === 1) return `; ${parts[0]}`;
  return `; ${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}

/** "China holding 77.9% of the members' GDP (2001 figures), Russia 17.8% and the other four members 4.3% together". */
function holdings(d: Distribution, ctx: DescribeContext, withNoun: string): string {
  const c = d.concentration!;
  const n = ctx.name;
  const r = Object.entries(d.shares).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const first = `${inText(n(c.largest.iso3))} holding ${pct(c.largest.share)}${withNoun}`;
  const second = `${inText(n(c.second.iso3))} ${pct(c.second.share)}`;
  if (c.n === 2) return `${first} and ${second}`;
  if (c.n === 3) {
    const [iso3, s] = r[2]!;
    return `${first}, ${second} and ${inText(n(iso3))} ${pct(s)}`;
  }
  return `${first}, ${second} and the other ${countWord(c.n - 2)} members ${pct(c.outsideTopTwo)} together`;
}

function hegemonyAtStart(d: Distribution, ctx: DescribeContext): string {
  const c = d.concentration!;
  if (c.n === 2) return '';
  return c.hegemon
    ? `, and ${inText(ctx.name(c.largest.iso3))} alone outweighed all the other members combined`
    : ', and no member held more than half';
}

/** The sentence for a founding without a comparison, or a stage after which there are two members. */
function foundingSentence(ch: ChangeFigures, ctx: DescribeContext): string {
  const { org, ys } = ctx;
  const d = ch.after!;
  const n = d.members.length;
  const noun = ` of the members' ${ys.noun} (${ch.dataYear} figures)`;
  const tail = `; concentration (CON) was ${two(d.concentration!.con)}${hegemonyAtStart(d, ctx)}.`;
  if (ch.kind === 'founding') {
    return `Founded on ${longDate(ch.from)} by ${countWord(n)} states, ${orgInText(org)} began with ${holdings(d, ctx, noun)}${tail}`;
  }
  const who = listOf(ch.joined.map((c) => inText(ctx.name(c))));
  return `With the admission of ${who} on ${longDate(ch.from)}, ${orgInText(org)} reached ${countWord(n)} members, ${holdings(d, ctx, noun)}${tail}`;
}

/** "The admission of India on 9 June 2017 cannot be measured on GDP: …". */
function unmeasurable(ch: ChangeFigures, ctx: DescribeContext): string {
  const n = (c: string) => inText(ctx.name(c));
  const what = ctx.hypothetical
    ? 'The hypothetical change'
    : ch.kind === 'founding'
      ? `The founding on ${longDate(ch.from)}`
      : ch.joined.length && !ch.left.length
        ? `The admission of ${listOf(ch.joined.map(n))} on ${longDate(ch.from)}`
        : ch.left.length && !ch.joined.length
          ? `The departure of ${listOf(ch.left.map(n))} on ${longDate(ch.from)}`
          : `The change of ${longDate(ch.from)}`;
  return `${what} cannot be measured on ${ctx.ys.noun}: ${ch.dataYearNote ?? 'fewer than two members have figures'}.`;
}

/** The opening of a change sentence: who joined or left, and the weight they brought or took. */
function changeOpening(ch: ChangeFigures, ctx: DescribeContext): string {
  const n = (c: string) => inText(ctx.name(c));
  const noun = ctx.ys.noun;
  const year = `${ch.dataYear} figures`;
  const breakdown = (d: Distribution, states: readonly string[]) =>
    states.length > 1 ? `${states.map((s) => `${n(s)} ${pct(d.shares[s] ?? 0)}`).join(', ')}; ` : '';
  const J = listOf(ch.joined.map(n));
  const L = listOf(ch.left.map(n));
  if (ctx.hypothetical) {
    const base = `the ${countWord(ch.before!.members.length)} members of 31 December ${ch.from.slice(0, 4)}`;
    if (ch.joined.length && !ch.left.length)
      return `Adding ${J} to ${base} would bring ${pct(ch.joinedShare!)} of the enlarged membership's ${noun} (${breakdown(ch.after!, ch.joined)}${year})`;
    if (ch.left.length && !ch.joined.length)
      return `Taking ${L} out of ${base} would remove ${pct(ch.leftShare!)} of the members' ${noun} (${breakdown(ch.before!, ch.left)}${year})`;
    return `Adding ${J} to ${base} and taking ${L} out would bring ${pct(ch.joinedShare!)} of the new membership's ${noun} and remove ${pct(ch.leftShare!)} of the old (${year})`;
  }
  const when = longDate(ch.from);
  if (ch.kind === 'founding' && ctx.predecessor) {
    const pred = orgInText({ shortName: ctx.predecessor.shortName }).replace(
      ctx.predecessor.shortName,
      ctx.predecessor.name,
    );
    if (ch.joined.length && !ch.left.length)
      return `Founded on ${when} as ${pred} enlarged by ${J} (${pct(ch.joinedShare!)} of the members' ${noun} in ${ch.dataYear})`;
    if (ch.left.length && !ch.joined.length)
      return `Founded on ${when} as ${pred} without ${L} (which had held ${pct(ch.leftShare!)} of its ${noun} in ${ch.dataYear})`;
    if (!ch.left.length && !ch.joined.length) return `Founded on ${when} by the members of ${pred} (${year})`;
    return `Founded on ${when} as ${pred} joined by ${J} and without ${L} (${year})`;
  }
  if (ch.joined.length && !ch.left.length)
    return `The admission of ${J} on ${when} brought ${pct(ch.joinedShare!)} of the enlarged membership's ${noun} (${breakdown(ch.after!, ch.joined)}${year})`;
  if (ch.left.length && !ch.joined.length)
    return `The departure of ${L} on ${when} took out ${pct(ch.leftShare!)} of the members' ${noun} (${breakdown(ch.before!, ch.left)}${year})`;
  return `On ${when} ${J} joined and ${L} left (${year})`;
}

/** What happened to the largest and second-largest members, and to a majority holder. */
function effects(before: Distribution, after: Distribution, ch: ChangeFigures, ctx: DescribeContext): string {
  const v = ctx.hypothetical ? WOULD : PAST;
  const n = (c: string) => inText(ctx.name(c));
  const b = before.concentration!;
  const a = after.concentration!;
  const L0 = b.largest.iso3;
  const L1 = a.largest.iso3;
  const conMove = moves('concentration (CON)', b.con, a.con, two, v);
  let main: string;
  if (L0 in after.shares) {
    const share = moves(`${possessive(ctx.name(L0))} share`, b.largest.share, after.shares[L0]!, pct, v);
    const elide = share.dir !== 0 && share.dir === conMove.dir;
    const opposed = share.dir !== 0 && conMove.dir === -share.dir;
    main = `${share.text(true)} ${opposed ? 'but' : 'and'} ${conMove.text(!elide)}`;
    // CON is normalised for the number of members: a small newcomer lowers the largest share yet
    // makes the shares more unequal; the departure of a small member does the reverse.
    // "Small" is below an equal share (1/N) of the set it belongs to.
    const small = (d: Distribution, states: readonly string[]) =>
      states.length > 0 && states.every((c) => (d.shares[c] ?? 0) < 1 / d.members.length);
    const onlyJoined = ch.joined.length > 0 && ch.left.length === 0;
    const onlyLeft = ch.left.length > 0 && ch.joined.length === 0;
    if (opposed && share.dir < 0 && onlyJoined && small(after, ch.joined))
      main += `, as the small newcomer${ch.joined.length > 1 ? 's' : ''} made the shares more unequal`;
    else if (opposed && share.dir > 0 && onlyLeft && small(before, ch.left))
      main +=
        ch.left.length > 1
          ? ", as the departing members' small shares had made the shares more unequal"
          : ", as the departing member's small share had made the shares more unequal";
  } else {
    main = `${n(L1)} ${v.become} the largest member with ${pct(a.largest.share)} and ${conMove.text(true)}`;
  }
  const tail: string[] = [];
  if (L1 !== L0 && L0 in after.shares) tail.push(`${n(L1)} ${v.replace} ${n(L0)} as the largest member`);
  if (b.hegemon && a.hegemon && L1 === L0) tail.push(`${n(L0)} ${v.still} all the other members combined`);
  else if (b.hegemon && !a.hegemon && L0 in after.shares)
    tail.push(`${n(L0)} ${v.noLonger} the other members combined`);
  else if (a.hegemon && (!b.hegemon || L1 !== L0))
    tail.push(`${n(L1)} ${v.now} all the other members combined`);
  const S0 = b.second.iso3;
  const S1 = a.second.iso3;
  if (S1 !== S0 && S1 !== L0 && ch.joined.includes(S1)) {
    tail.push(
      S0 in after.shares && S0 !== L1
        ? `${n(S1)} ${v.become} the second-largest member, ahead of ${n(S0)}`
        : `${n(S1)} ${v.become} the second-largest member`,
    );
  } else if (S1 !== S0 && S1 !== L0 && ch.left.includes(S0)) {
    tail.push(`${n(S1)} ${v.become} the second-largest member`);
  }
  return `${main}${clauses(tail)}`;
}

/**
 * One sentence on a stage (or a hypothetical change): what the change did to the balance. English
 * (the default) is the text the JSON carries; `ru` and `zh-Hans` say the same figures through the
 * `balance` catalogue (`ctx.name` then gives the states' names in that language).
 */
export function describeStage(ch: ChangeFigures, ctx: DescribeContext, locale: Locale = 'en'): string {
  if (locale !== 'en') return stageIn(ch, ctx, locale);
  const { before, after } = ch;
  if (ch.dataYear === null || !after?.concentration) return unmeasurable(ch, ctx);
  if (!before?.concentration) {
    return ctx.hypothetical ? unmeasurable(ch, ctx) : foundingSentence(ch, ctx);
  }
  if (ch.kind === 'founding' && ctx.predecessor) {
    return `${changeOpening(ch, ctx)}, ${orgInText(ctx.org)} began with ${holdings(after, ctx, '')}; concentration (CON) was ${two(after.concentration.con)}, against ${two(before.concentration.con)} among ${orgInText(ctx.predecessor)}${hegemonyAtStart(after, ctx)}.`;
  }
  return `${changeOpening(ch, ctx)}: ${effects(before, after, ch, ctx)}.`;
}

/**
 * The sentence on a what-if (balance.ts's `Hypothetical`: members on 31 December of `baseYear`,
 * with `add` and without `remove`), in the conditional mood, in a locale.
 */
export function describeWhatIf(
  h: Omit<Hypothetical, 'sentence'>,
  ctx: Omit<DescribeContext, 'predecessor' | 'hypothetical'>,
  locale: Locale = 'en',
): string {
  return describeStage(
    { ...h, from: `${h.baseYear}-12-31`, kind: 'change', joined: h.add, left: h.remove, comparedWith: null },
    { ...ctx, predecessor: null, hypothetical: true },
    locale,
  );
}

/** The runs of years in which one member was the largest, in order. */
function largestRuns(rows: readonly BalanceYear[]): Array<{ iso3: string; from: number; to: number }> {
  const runs: Array<{ iso3: string; from: number; to: number }> = [];
  for (const r of rows) {
    const l = r.concentration!.largest.iso3;
    const cur = runs[runs.length - 1];
    if (cur && cur.iso3 === l) cur.to = r.year;
    else runs.push({ iso3: l, from: r.year, to: r.year });
  }
  return runs;
}

/** The year in which the largest member's share was highest (the first such year). */
function peakYear(rows: readonly BalanceYear[]): BalanceYear {
  return rows.reduce((p, r) => (r.concentration!.largest.share > p.concentration!.largest.share ? r : p));
}

/** The first and the last year with the pair's ratio (undefined when none has it). */
function ratioEnds(rows: readonly BalanceYear[]): [BalanceYear | undefined, BalanceYear | undefined] {
  const withRatio = rows.filter((r) => r.pairRatio !== null);
  return [withRatio[0], withRatio[withRatio.length - 1]];
}

/** One sentence on a whole series: who was largest, how its share and CON moved, the pair's ratio. */
export function describeSeries(
  years: readonly BalanceYear[],
  ctx: Omit<DescribeContext, 'predecessor' | 'hypothetical'> & { pair: readonly [string, string] | null },
  locale: Locale = 'en',
): string {
  if (locale !== 'en') return seriesIn(years, ctx, locale);
  const rows = years.filter((y) => y.concentration);
  const { ys } = ctx;
  const n = (c: string) => inText(ctx.name(c));
  if (!rows.length) return `No year has ${ys.noun} figures for two members.`;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const span = first.year === last.year ? `In ${first.year}` : `In ${first.year}–${last.year}`;
  const runs = largestRuns(rows);
  const f = first.concentration!;
  const l = last.concentration!;
  let lead: string;
  if (runs.length === 1) {
    const peak = peakYear(rows);
    const peakText =
      peak.year !== first.year && peak.year !== last.year
        ? ` (highest: ${pct(peak.concentration!.largest.share)} in ${peak.year})`
        : '';
    lead =
      first.year === last.year
        ? `${span} the largest member was ${n(f.largest.iso3)}, with ${pct(f.largest.share)} of the members' ${ys.noun}`
        : `${span} the largest member was always ${n(f.largest.iso3)}, with ${pct(f.largest.share)} of the members' ${ys.noun} in ${first.year} and ${pct(l.largest.share)} in ${last.year}${peakText}`;
  } else {
    const shown = runs
      .slice(0, 4)
      .map((r) => `${n(r.iso3)} (${r.from === r.to ? r.from : `${r.from}–${r.to}`})`);
    lead = `${span} the largest member was ${listOf(shown)}${runs.length > 4 ? ' among others' : ''}`;
  }
  const conText =
    first.year === last.year
      ? `CON was ${two(f.con)}`
      : two(f.con) === two(l.con)
        ? `CON was ${two(f.con)} at both ends`
        : `CON went from ${two(f.con)} to ${two(l.con)}`;
  let pairText = '';
  const [a, b] = ctx.pair ?? [];
  if (a && b) {
    const [p0, p1] = ratioEnds(rows);
    const what = ys.id === 'cinc' ? 'CINC score' : ys.noun;
    // "A's GDP was r times B's", turned round when r < 1 so that the multiple reads as ≥ 1.
    const times = (r: number, y: number, form: 'full' | 'again' | 'turned') => {
      const [x, z, k] = r >= 1 ? [a, b, r] : [b, a, 1 / r];
      if (form === 'again') return `${two(k)} times in ${y}`;
      if (form === 'turned')
        return `${possessive(ctx.name(x))} ${two(k)} times ${possessive(ctx.name(z))} in ${y}`;
      return `${possessive(ctx.name(x))} ${what} was ${two(k)} times ${possessive(ctx.name(z))} in ${y}`;
    };
    if (p0 && p1) {
      const sameWay = p0.pairRatio! >= 1 === p1.pairRatio! >= 1;
      pairText =
        p0.year === p1.year
          ? `, and ${times(p0.pairRatio!, p0.year, 'full')}`
          : `, and ${times(p0.pairRatio!, p0.year, 'full')} and ${times(p1.pairRatio!, p1.year, sameWay ? 'again' : 'turned')}`;
    }
  }
  const partial = rows.filter((r) => r.status === 'partial').length;
  const partialText = partial
    ? ` (${partial} of these years lack figures for some members and are shares of the rest)`
    : '';
  return `${lead}; ${conText}${pairText}${partialText}.`;
}

// ---------------------------------------------------------------------------------------------
// Russian and Chinese: the same sentences from the same figures, through the `balance` catalogue.
// Russian names stay in the nominative (a dash, a colon or parentheses carry the relation), so no
// state's name has to be declined.

const balanceT = (locale: Locale) => translator(balanceMessages, locale);
type BT = ReturnType<typeof balanceT>;

interface Words {
  readonly t: BT;
  readonly pct: (x: number) => string;
  readonly two: (x: number) => string;
  readonly date: (d: IsoDate) => string;
  readonly list: (xs: readonly string[]) => string;
  /** "; " or "；": between clauses. */
  readonly semi: string;
  /** ", " or "，": between items. */
  readonly comma: string;
}

function words(locale: Locale): Words {
  const f = formatter(locale);
  const zh = locale === 'zh-Hans';
  return {
    t: balanceT(locale),
    pct: (x) => f.percent(x, 1),
    two: (x) => f.fixed(x, 2),
    date: (d) => f.date(d),
    list: (xs) => f.list(xs),
    semi: zh ? '；' : '; ',
    comma: zh ? '，' : ', ',
  };
}

/** The yardstick's noun in a locale: genitive in Russian ("ВВП членов", "военных расходов членов"). */
export function yardstickNoun(id: MeasureId, locale: Locale): string {
  if (locale === 'en')
    return { gdp: 'GDP', cinc: 'CINC', population: 'population', milex: 'military expenditure' }[id];
  return translator(balanceMessages, locale)(`noun.${id}`);
}

/** The yardstick's name in a locale, as a label ("ВВП", «военные расходы», 军费). */
function yardstickName(id: MeasureId, w: Words): string {
  return w.t(`name.${id}`);
}

const orgShort = (o: OrgNames, l: Locale) => organizationShortName({ localized: undefined, ...o }, l);
const orgFull = (o: OrgNames, l: Locale) => organizationName({ localized: undefined, ...o }, l);

/**
 * A stage's data-year note (balance.ts: "the GDP data end in 2024; 2024 has no figure for AFG:
 * measured on 2023 figures") in a locale; a note of another form is returned as it is.
 */
export function dataYearNoteIn(note: string, id: MeasureId, noun: string, locale: Locale): string {
  if (locale === 'en') return note;
  const m =
    /^(.*?)(: measured on (\d{4}) figures|; no earlier year has figures for every state involved)$/.exec(
      note,
    );
  if (!m) return note;
  const w = words(locale);
  const reasons: string[] = [];
  for (const part of m[1]!.split('; ')) {
    const end = /^the (.+) data end in (\d{4})$/.exec(part);
    const lack = /^(\d{4}) has no figure for (.+)$/.exec(part);
    if (end && end[1] === noun) reasons.push(w.t('note.end', { noun: yardstickName(id, w), year: end[2]! }));
    else if (lack) reasons.push(w.t('note.lacking', { year: lack[1]!, list: w.list(lack[2]!.split(', ')) }));
    else return note;
  }
  const r = reasons.join(w.semi);
  return m[3] ? w.t('note.measured', { reasons: r, year: m[3] }) : w.t('note.none', { reasons: r });
}

/**
 * A year's note (balance.ts's `BalanceYear.note`: "the GDP data end in 2024", "no figure for AFG:
 * shares of the other 9 members", …) in a locale, states named by `name`; a note of another form is
 * returned as it is.
 */
export function yearNoteIn(
  note: string,
  id: MeasureId,
  noun: string,
  locale: Locale,
  name: (iso3: string) => string = (c) => c,
): string {
  if (locale === 'en') return note;
  const w = words(locale);
  const states = (list: string) => w.list(list.split(', ').map(name));
  const y = yardstickName(id, w);
  const forms: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
    [/^only one member \((\w+)\)$/, (m) => w.t('year.one', { state: name(m[1]!) })],
    [/^no members$/, () => w.t('year.empty')],
    [
      /^the (.+) data end in (\d{4})$/,
      (m) => (m[1] === noun ? w.t('note.end', { noun: y, year: m[2]! }) : null),
    ],
    [
      /^the (.+) data begin in (\d{4})$/,
      (m) => (m[1] === noun ? w.t('year.begin', { noun: y, year: m[2]! }) : null),
    ],
    [/^the members' figures sum to zero$/, () => w.t('year.zero')],
    [
      /^fewer than two members have figures \(none for (.+)\)$/,
      (m) => w.t('year.fewer', { list: states(m[1]!) }),
    ],
    [
      /^no figure for (.+): shares of the other (\d+) members$/,
      (m) => w.t('year.partial', { list: states(m[1]!), n: Number(m[2]) }),
    ],
  ];
  return rewrite(note, forms);
}

/** The first form that matches `note`, rewritten; `note` as it is when none does. */
function rewrite(note: string, forms: Array<[RegExp, (m: RegExpExecArray) => string | null]>): string {
  for (const [re, to] of forms) {
    const m = re.exec(note);
    if (m) return to(m) ?? note;
  }
  return note;
}

/**
 * One of the series' notes (balance.ts's `Balance.notes`: founding or dissolution cutting the span,
 * data ending, members lacking figures) in a locale; a note of another form is returned as it is.
 */
export function seriesNoteIn(
  note: string,
  org: OrgNames,
  id: MeasureId,
  noun: string,
  locale: Locale,
): string {
  if (locale === 'en') return note;
  const w = words(locale);
  const short = orgShort(org, locale);
  const y = yardstickName(id, w);
  const head = `${noun}: `;
  const rest = note.startsWith(head) ? note.slice(head.length) : null;
  const founded = /^.+ was founded on (\d{4}-\d{2}-\d{2}): the series starts in (\d{4}), not (\d{4})$/;
  const dissolved = /^.+ was dissolved on (\d{4}-\d{2}-\d{2}): the series ends in (\d{4}), not (\d{4})$/;
  const out = rewrite(note, [
    [
      founded,
      (m) => w.t('notes.founded', { org: short, date: w.date(m[1] as IsoDate), first: m[2]!, from: m[3]! }),
    ],
    [
      dissolved,
      (m) => w.t('notes.dissolved', { org: short, date: w.date(m[1] as IsoDate), last: m[2]!, to: m[3]! }),
    ],
  ]);
  if (out !== note || rest === null) return out;
  const translated = rewrite(rest, [
    [
      /^the data end in (\d{4}); (\S+) reported as missing, not extrapolated$/,
      (m) => w.t('notes.end', { noun: y, last: m[1]!, years: m[2]! }),
    ],
    [
      /^(.+) lacks? figures in (\d+) years? \((.+)\); those years' shares are among the members with figures, marked partial$/,
      (m) =>
        w.t('notes.partial', { noun: y, list: w.list(m[1]!.split(', ')), n: Number(m[2]), years: m[3]! }),
    ],
  ]);
  return translated === rest ? note : translated;
}

/** The note on the pair whose ratio is followed (balance.ts's `pairNote`) in a locale. */
export function pairNoteIn(note: string, org: OrgNames, id: MeasureId, noun: string, locale: Locale): string {
  if (locale === 'en') return note;
  const w = words(locale);
  if (note === 'chosen with --pair') return w.t('pair.chosen');
  if (note === `no year has ${noun} figures for two members`)
    return w.t('pair.none', { noun: yardstickName(id, w) });
  const m = /^the two largest members in (\d{4}), the .+'s first year with .+ figures$/.exec(note);
  if (m) return w.t('pair.largest', { year: m[1]!, org: orgShort(org, locale), noun: yardstickName(id, w) });
  return note;
}

/** A yardstick's caveat (balance/yardsticks.ts) in a locale. */
export function caveatIn(ys: Pick<Yardstick, 'id' | 'caveat'>, locale: Locale): string {
  return locale === 'en' ? ys.caveat : translator(balanceMessages, locale)(`caveat.${ys.id}`);
}

function holdingsIn(d: Distribution, ctx: DescribeContext, w: Words, year: number | null, withNoun: boolean) {
  const c = d.concentration!;
  const n = ctx.name;
  const r = Object.entries(d.shares).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const base = {
    a: n(c.largest.iso3),
    aShare: w.pct(c.largest.share),
    of: withNoun ? w.t('of', { noun: yardstickNoun(ctx.ys.id, w.t.locale) }) : '',
    figures: withNoun && year !== null ? w.t('figures', { year }) : '',
    b: n(c.second.iso3),
    bShare: w.pct(c.second.share),
  };
  if (c.n === 2) return w.t('holdings.2', base);
  if (c.n === 3) {
    const [iso3, s] = r[2]!;
    return w.t('holdings.3', { ...base, c: n(iso3), cShare: w.pct(s) });
  }
  return w.t('holdings.n', { ...base, count: c.n - 2, rest: w.pct(c.outsideTopTwo) });
}

function hegemonyIn(d: Distribution, ctx: DescribeContext, w: Words): string {
  const c = d.concentration!;
  if (c.n === 2) return '';
  return c.hegemon ? w.t('start.hegemon', { state: ctx.name(c.largest.iso3) }) : w.t('start.no-hegemon');
}

function unmeasurableIn(ch: ChangeFigures, ctx: DescribeContext, w: Words): string {
  const n = (cs: readonly string[]) => w.list(cs.map(ctx.name));
  const date = w.date(ch.from);
  const what = ctx.hypothetical
    ? w.t('what.hypothetical')
    : ch.kind === 'founding'
      ? w.t('what.founding', { date })
      : ch.joined.length && !ch.left.length
        ? w.t('what.admission', { states: n(ch.joined), date })
        : ch.left.length && !ch.joined.length
          ? w.t('what.departure', { states: n(ch.left), date })
          : w.t('what.change', { date });
  return w.t('unmeasurable', {
    what,
    noun: yardstickName(ctx.ys.id, w),
    reason: ch.dataYearNote
      ? dataYearNoteIn(ch.dataYearNote, ctx.ys.id, ctx.ys.noun, w.t.locale)
      : w.t('reason.fewer'),
  });
}

function foundingIn(ch: ChangeFigures, ctx: DescribeContext, w: Words): string {
  const d = ch.after!;
  const l = w.t.locale;
  const common = {
    org: orgShort(ctx.org, l),
    date: w.date(ch.from),
    count: d.members.length,
    holdings: holdingsIn(d, ctx, w, ch.dataYear, true),
    con: w.two(d.concentration!.con),
    hegemony: hegemonyIn(d, ctx, w),
  };
  if (ch.kind === 'founding') return w.t('founding', common);
  return w.t('reached', { ...common, who: w.list(ch.joined.map(ctx.name)) });
}

function openingIn(ch: ChangeFigures, ctx: DescribeContext, w: Words): string {
  const l = w.t.locale;
  const names = (cs: readonly string[]) => w.list(cs.map(ctx.name));
  const noun = yardstickNoun(ctx.ys.id, l);
  const year = ch.dataYear!;
  const breakdown = (d: Distribution, states: readonly string[]) =>
    states.length > 1
      ? `${states.map((s) => w.t('breakdown.item', { state: ctx.name(s), share: w.pct(d.shares[s] ?? 0) })).join(w.comma)}${w.semi}`
      : '';
  const J = names(ch.joined);
  const L = names(ch.left);
  const joinedOnly = ch.joined.length > 0 && ch.left.length === 0;
  const leftOnly = ch.left.length > 0 && ch.joined.length === 0;
  /** A change on one side only: who came, with the enlarged total, or who went, with the old one. */
  const oneSide = () =>
    joinedOnly
      ? { who: J, share: w.pct(ch.joinedShare!), noun, breakdown: breakdown(ch.after!, ch.joined), year }
      : { who: L, share: w.pct(ch.leftShare!), noun, breakdown: breakdown(ch.before!, ch.left), year };
  if (ctx.hypothetical) {
    const base = w.t('base', { count: ch.before!.members.length, year: ch.from.slice(0, 4) });
    if (joinedOnly || leftOnly) return w.t(joinedOnly ? 'hyp.add' : 'hyp.remove', { ...oneSide(), base });
    return w.t('hyp.both', {
      joined: J,
      left: L,
      base,
      joinedShare: w.pct(ch.joinedShare!),
      leftShare: w.pct(ch.leftShare!),
      noun,
      year,
    });
  }
  const date = w.date(ch.from);
  if (ch.kind === 'founding' && ctx.predecessor) {
    const pred = orgFull(ctx.predecessor, l);
    if (joinedOnly)
      return w.t('open.pred.enlarged', { date, pred, who: J, share: w.pct(ch.joinedShare!), noun, year });
    if (leftOnly)
      return w.t('open.pred.without', { date, pred, who: L, share: w.pct(ch.leftShare!), noun, year });
    if (!ch.left.length && !ch.joined.length) return w.t('open.pred.same', { date, pred, year });
    return w.t('open.pred.both', { date, pred, joined: J, left: L, year });
  }
  if (joinedOnly || leftOnly)
    return w.t(joinedOnly ? 'open.admission' : 'open.departure', { ...oneSide(), date });
  return w.t('open.both', { date, joined: J, left: L, year });
}

function effectsIn(
  before: Distribution,
  after: Distribution,
  ch: ChangeFigures,
  ctx: DescribeContext,
  w: Words,
) {
  const mood = ctx.hypothetical ? 'would' : 'past';
  const n = ctx.name;
  const b = before.concentration!;
  const a = after.concentration!;
  const L0 = b.largest.iso3;
  const L1 = a.largest.iso3;
  const dir = (x: number, y: number, f: (v: number) => string) => (f(x) === f(y) ? 0 : y > x ? 1 : -1);
  const verb = (d: number) => (d === 0 ? 'stay' : d > 0 ? 'rise' : 'fall');
  const conDir = dir(b.con, a.con, w.two);
  const con = w.t(`con.${verb(conDir)}`, { mood, a: w.two(b.con), b: w.two(a.con) });
  let main: string;
  if (L0 in after.shares) {
    const s1 = after.shares[L0]!;
    const shareDir = dir(b.largest.share, s1, w.pct);
    const share = w.t(`share.${verb(shareDir)}`, {
      state: n(L0),
      mood,
      a: w.pct(b.largest.share),
      b: w.pct(s1),
    });
    const opposed = shareDir !== 0 && conDir === -shareDir;
    main = w.t(opposed ? 'main.but' : 'main.and', { share, con });
    const small = (d: Distribution, states: readonly string[]) =>
      states.length > 0 && states.every((c) => (d.shares[c] ?? 0) < 1 / d.members.length);
    const onlyJoined = ch.joined.length > 0 && ch.left.length === 0;
    const onlyLeft = ch.left.length > 0 && ch.joined.length === 0;
    if (opposed && shareDir < 0 && onlyJoined && small(after, ch.joined))
      main = w.t('main.small-newcomers', { main, count: ch.joined.length });
    else if (opposed && shareDir > 0 && onlyLeft && small(before, ch.left))
      main = w.t('main.small-departing', { main, count: ch.left.length });
  } else {
    main = w.t('main.new-largest', { state: n(L1), mood, share: w.pct(a.largest.share), con });
  }
  const tail: string[] = [];
  if (L1 !== L0 && L0 in after.shares) tail.push(w.t('tail.replace', { new: n(L1), old: n(L0), mood }));
  if (b.hegemon && a.hegemon && L1 === L0) tail.push(w.t('tail.still', { state: n(L0), mood }));
  else if (b.hegemon && !a.hegemon && L0 in after.shares)
    tail.push(w.t('tail.no-longer', { state: n(L0), mood }));
  else if (a.hegemon && (!b.hegemon || L1 !== L0)) tail.push(w.t('tail.now', { state: n(L1), mood }));
  const S0 = b.second.iso3;
  const S1 = a.second.iso3;
  if (S1 !== S0 && S1 !== L0 && ch.joined.includes(S1)) {
    tail.push(
      S0 in after.shares && S0 !== L1
        ? w.t('tail.second-ahead', { state: n(S1), other: n(S0), mood })
        : w.t('tail.second', { state: n(S1), mood }),
    );
  } else if (S1 !== S0 && S1 !== L0 && ch.left.includes(S0)) {
    tail.push(w.t('tail.second', { state: n(S1), mood }));
  }
  return [main, ...tail].join(w.semi);
}

/** A sentence ending in an abbreviation ("2023 г.") takes no second full stop. */
const oneStop = (s: string) => s.replace(/\.\.$/, '.');

function stageIn(ch: ChangeFigures, ctx: DescribeContext, locale: Locale): string {
  return oneStop(stageText(ch, ctx, locale));
}

function stageText(ch: ChangeFigures, ctx: DescribeContext, locale: Locale): string {
  const w = words(locale);
  const { before, after } = ch;
  if (ch.dataYear === null || !after?.concentration) return unmeasurableIn(ch, ctx, w);
  if (!before?.concentration) return ctx.hypothetical ? unmeasurableIn(ch, ctx, w) : foundingIn(ch, ctx, w);
  if (ch.kind === 'founding' && ctx.predecessor) {
    return w.t('pred.sentence', {
      opening: openingIn(ch, ctx, w),
      org: orgShort(ctx.org, locale),
      holdings: holdingsIn(after, ctx, w, null, false),
      con: w.two(after.concentration.con),
      predCon: w.two(before.concentration.con),
      pred: orgShort(ctx.predecessor, locale),
      hegemony: hegemonyIn(after, ctx, w),
    });
  }
  return w.t('change', { opening: openingIn(ch, ctx, w), effects: effectsIn(before, after, ch, ctx, w) });
}

function seriesIn(
  years: readonly BalanceYear[],
  ctx: Omit<DescribeContext, 'predecessor' | 'hypothetical'> & { pair: readonly [string, string] | null },
  locale: Locale,
): string {
  const w = words(locale);
  const rows = years.filter((y) => y.concentration);
  const n = ctx.name;
  const noun = yardstickNoun(ctx.ys.id, locale);
  if (!rows.length) return w.t('series.none', { noun: yardstickName(ctx.ys.id, w) });
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const span =
    first.year === last.year
      ? w.t('series.span.one', { year: first.year })
      : w.t('series.span.range', { from: first.year, to: last.year });
  const runs = largestRuns(rows);
  const f = first.concentration!;
  const l = last.concentration!;
  let lead: string;
  if (runs.length === 1) {
    const peak = peakYear(rows);
    const peakText =
      peak.year !== first.year && peak.year !== last.year
        ? w.t('series.peak', { share: w.pct(peak.concentration!.largest.share), year: peak.year })
        : '';
    lead =
      first.year === last.year
        ? w.t('series.lead.one-year', { span, state: n(f.largest.iso3), share: w.pct(f.largest.share), noun })
        : w.t('series.lead.always', {
            span,
            state: n(f.largest.iso3),
            first: w.pct(f.largest.share),
            noun,
            from: first.year,
            last: w.pct(l.largest.share),
            to: last.year,
            peak: peakText,
          });
  } else {
    const shown = runs
      .slice(0, 4)
      .map((r) =>
        w.t('series.run', { state: n(r.iso3), years: r.from === r.to ? `${r.from}` : `${r.from}–${r.to}` }),
      );
    lead = w.t('series.lead.runs', { span, list: w.list(shown), more: runs.length > 4 ? 'yes' : 'no' });
  }
  const conText =
    first.year === last.year
      ? w.t('series.con.one', { a: w.two(f.con) })
      : w.two(f.con) === w.two(l.con)
        ? w.t('series.con.same', { a: w.two(f.con) })
        : w.t('series.con.moved', { a: w.two(f.con), b: w.two(l.con) });
  let pairText = '';
  const [a, b] = ctx.pair ?? [];
  if (a && b) {
    const [p0, p1] = ratioEnds(rows);
    const turn = (r: number) => (r >= 1 ? ([a, b, r] as const) : ([b, a, 1 / r] as const));
    if (p0 && p1) {
      const [x, z, k] = turn(p0.pairRatio!);
      const [x1, z1, k1] = turn(p1.pairRatio!);
      const what = yardstickName(ctx.ys.id, w);
      const head = { x: n(x), z: n(z), k: w.two(k), noun: what, year: p0.year };
      pairText =
        p0.year === p1.year
          ? w.t('series.pair.one', head)
          : x === x1
            ? w.t('series.pair.again', { ...head, k1: w.two(k1), year1: p1.year })
            : w.t('series.pair.turned', { ...head, x1: n(x1), z1: n(z1), k1: w.two(k1), year1: p1.year });
    }
  }
  const partial = rows.filter((r) => r.status === 'partial').length;
  return oneStop(
    w.t('series', {
      lead,
      con: conText,
      pair: pairText,
      partial: partial ? w.t('series.partial', { count: partial }) : '',
    }),
  );
}
