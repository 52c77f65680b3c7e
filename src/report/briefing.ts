/**
 * A briefing per enlargement: one view that gathers what an analyst needs to judge a stage — the
 * balance of power among the members before and after (shares of GDP and military expenditure,
 * with concentration), the capacity to decide (passage probability by rule), each member's blocking
 * power, and the members' alignment in the UN General Assembly — each figure with one sentence on
 * what it shows and one on what it does not. Pure: the caller passes the data, the vote data and
 * the rules (the report section and the server route do). Browser-safe result (plain JSON).
 *
 * The text is written in a locale (the last parameter, English by default: the API's JSON and the
 * CLI keep English) through the report's catalogue (`briefing.` keys of the `report` namespace),
 * with the states' and the organization's names, the rules' labels and the numbers of the locale.
 */
import type { AlignmentResult } from '../alignment/analysis.js';
import { balance, type Distribution } from '../balance/balance.js';
import { dataYearNoteIn } from '../balance/describe.js';
import { type MeasureId, YARDSTICKS } from '../balance/yardsticks.js';
import type { Dataset } from '../data/dataset.js';
import { ConcordError } from '../errors.js';
import { localizedShortName, organizationShortName } from '../org/names.js';
import { stages } from '../org/organization.js';
import type { OrganizationRegistry } from '../org/registry.js';
import type { Organization } from '../org/schema.js';
import { type CapacityRule, capacity } from '../power/capacity.js';
import { type Locale, numbers, reportT, ruleLabelIn } from './i18n.js';

/** The enlargements with a briefing: found by who joined, so a recoded date still matches. */
export const BRIEFINGS = [
  {
    id: '2017',
    title: 'India and Pakistan, 2017',
    joined: ['IND', 'PAK'],
    question: "Did India's and Pakistan's entry dilute China's dominance, or paralyse the SCO?",
  },
  {
    id: '2023',
    title: 'Iran, 2023',
    joined: ['IRN'],
    question: "Did Iran's entry shift the balance among the members, or their capacity to decide?",
  },
  {
    id: '2024',
    title: 'Belarus, 2024',
    joined: ['BLR'],
    question: "Did Belarus's entry change the balance among the members, or their capacity to decide?",
  },
] as const;
export type BriefingId = (typeof BRIEFINGS)[number]['id'];

/** One figure of a briefing: its rows (the chart's data, also its CSV) and two sentences. */
export interface BriefingFigure {
  readonly id: string;
  readonly title: string;
  /** How the values read: a share (0–1) or an index. */
  readonly unit: 'share' | 'index';
  readonly rows: ReadonlyArray<{ label: string; before: number | null; after: number | null }>;
  readonly beforeLabel: string;
  readonly afterLabel: string;
  readonly shows: string;
  readonly doesNotShow: string;
}

export interface Briefing {
  readonly id: BriefingId;
  readonly title: string;
  readonly question: string;
  readonly organization: { id: string; shortName: string };
  readonly date: string;
  readonly joined: readonly string[];
  readonly membersBefore: readonly string[];
  readonly membersAfter: readonly string[];
  /** A few sentences answering the question from the figures. */
  readonly answer: readonly string[];
  readonly figures: readonly BriefingFigure[];
  readonly notes: readonly string[];
}

export interface BriefingInputs {
  readonly org: Organization;
  readonly ds: Dataset;
  readonly registry: OrganizationRegistry;
  /** The organization's rule first (id 'own'), then comparison rules (as `comparisonRules`). */
  readonly rules: readonly CapacityRule[];
  /** The alignment over the whole data (`alignOrganization`), or null without vote data. */
  readonly alignment: AlignmentResult | null;
  /**
   * A state's name in a locale (the report passes ./names.ts's `stateName`); without it, the data
   * set's English name. Given by the caller so that this module stays browser-safe.
   */
  readonly stateName?: (iso3: string, locale: Locale) => string;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The stage of `org` a briefing is about, or an error naming the briefings there are. */
export function briefingStage(org: Organization, id: string) {
  const spec = BRIEFINGS.find((b) => b.id === id);
  if (!spec)
    throw new ConcordError('E_VALIDATION', `no briefing "${id}"`, {
      path: 'stage',
      hint: `Briefings: ${BRIEFINGS.map((b) => `${b.id} (${b.title})`).join(', ')}.`,
      key: 'report.unknownBriefing',
      values: { id, briefings: BRIEFINGS.map((b) => `${b.id} (${b.title})`).join(', ') },
    });
  const stage = stages(org).find((s) => sameSet(s.joined, spec.joined));
  if (!stage)
    throw new ConcordError(
      'E_NOT_FOUND',
      `${org.shortName} has no stage at which ${spec.joined.join(' and ')} joined`,
      {
        path: 'stage',
        hint: 'The briefings are about the SCO’s enlargements.',
        key: 'report.noBriefingStage',
        values: {
          org: localizedShortName(org),
          states: {
            en: spec.joined.join(' and '),
            ru: spec.joined.join(' и '),
            'zh-Hans': spec.joined.join('和'),
          },
        },
      },
    );
  return { spec, stage };
}

/** A briefing's title and question in a locale (English: BRIEFINGS's own). */
export function briefingSpecIn(id: BriefingId, locale: Locale): { title: string; question: string } {
  const t = reportT(locale);
  return {
    '2017': { title: t('briefing.2017.title'), question: t('briefing.2017.question') },
    '2023': { title: t('briefing.2023.title'), question: t('briefing.2023.question') },
    '2024': { title: t('briefing.2024.title'), question: t('briefing.2024.question') },
  }[id];
}

export function briefing(id: string, inp: BriefingInputs, locale: Locale = 'en'): Briefing {
  const { org, ds } = inp;
  const { spec, stage } = briefingStage(org, id);
  const t = reportT(locale);
  const nf = numbers(locale);
  const pct = (x: number | null | undefined, d = 1) => nf.pct(x, d);
  const fix = (x: number | null | undefined, d: number) => nf.fixed(x, d);
  const signed = (x: number, d: number) => `${x >= 0 ? '+' : ''}${nf.fixed(x, d)}`;
  const name = (iso3: string) =>
    inp.stateName ? inp.stateName(iso3, locale) : (ds.countries.get(iso3)?.name ?? iso3);
  const short = organizationShortName(org, locale);
  const members = (count: number) => t('briefing.members', { count });
  /** A rule's label in running text: lower case in English, as the label is in the other languages. */
  const ruleText = (k: number) => {
    const label = ruleName(k);
    return locale === 'en' ? label.toLowerCase() : label;
  };
  const all = stages(org);
  const k = all.findIndex((s) => s.from === stage.from);
  const prev = all[k - 1]!;
  const before = prev.members;
  const after = stage.members;
  const notes: string[] = [];
  const figures: BriefingFigure[] = [];
  const answer: string[] = [];

  // 1–2. The balance: shares of GDP and of military expenditure, the stage's year.
  const shareFigure = (measure: MeasureId): BriefingFigure | null => {
    const ys = YARDSTICKS[measure];
    const b = balance(org, ds, {
      measure,
      ...(org.predecessor && inp.registry.has(org.predecessor)
        ? { predecessor: inp.registry.get(org.predecessor) }
        : {}),
    });
    const sb = b.stages.find((s) => s.from === stage.from);
    if (!sb?.before || !sb.after) {
      notes.push(t('briefing.note.no-figures', { measure, year: stage.from.slice(0, 4) }));
      return null;
    }
    if (sb.dataYearNote)
      notes.push(
        t('briefing.note.data-year', {
          measure,
          note: dataYearNoteIn(sb.dataYearNote, measure, ys.noun, locale),
        }),
      );
    const lead = (d: Distribution) => Object.entries(d.shares).sort((x, y) => y[1] - x[1])[0]!;
    const [leadB, shareB] = lead(sb.before);
    const [leadA, shareA] = lead(sb.after);
    const second = Object.entries(sb.after.shares).sort((x, y) => y[1] - x[1])[1];
    const hhiB = sb.before.concentration?.hhi ?? null;
    const hhiA = sb.after.concentration?.hhi ?? null;
    const ids = [...new Set([...after, ...before])];
    return {
      id: `${measure}-shares`,
      title: t('briefing.shares.title', {
        measure,
        year: String(sb.dataYear),
        before: before.length,
        after: after.length,
      }),
      unit: 'share',
      beforeLabel: members(before.length),
      afterLabel: members(after.length),
      rows: ids
        .map((m) => ({ label: m, before: sb.before!.shares[m] ?? null, after: sb.after!.shares[m] ?? null }))
        .sort((x, y) => (y.after ?? y.before ?? 0) - (x.after ?? x.before ?? 0)),
      shows: t('briefing.shares.shows', {
        lead: name(leadB),
        share: pct(shareB),
        before: before.length,
        measure,
        after:
          leadA === leadB
            ? t('briefing.shares.same-lead', { share: pct(shareA), count: after.length })
            : t('briefing.shares.new-lead', { lead: name(leadA), count: after.length, share: pct(shareA) }),
        second: second ? t('briefing.shares.second', { name: name(second[0]), share: pct(second[1]) }) : '',
        hhiB: fix(hhiB, 3),
        hhiA: fix(hhiA, 3),
        year: String(sb.dataYear),
      }),
      doesNotShow:
        measure === 'gdp'
          ? t('briefing.gdp.does-not-show')
          : t('briefing.milex.does-not-show', { year: String(b.measure.lastYear) }),
    };
  };
  const gdp = shareFigure('gdp');
  if (gdp) figures.push(gdp);
  const milex = shareFigure('milex');
  if (milex) figures.push(milex);

  // 3. The capacity to decide: passage probability by rule, before and after.
  const cap = capacity(org, ds, inp.rules);
  const cb = cap.stages.find((s) => s.from === prev.from)!;
  const ca = cap.stages.find((s) => s.from === stage.from)!;
  const own = cap.rules.findIndex((r) => r.own);
  const ruleName = (k: number) => ruleLabelIn({ ...inp.rules[k]!, label: cap.rules[k]!.label }, locale);
  const pB = cb.outcomes[own]!.passageProbability;
  const pA = ca.outcomes[own]!.passageProbability;
  figures.push({
    id: 'passage',
    title: t('briefing.passage.title', { before: before.length, after: after.length }),
    unit: 'share',
    beforeLabel: members(before.length),
    afterLabel: members(after.length),
    rows: cap.rules.map((_, i) => ({
      label: ruleName(i),
      before: cb.outcomes[i]!.passageProbability,
      after: ca.outcomes[i]!.passageProbability,
    })),
    shows: t('briefing.passage.shows', {
      org: short,
      before: cb.outcomes[own]!.passageProbabilityFraction ?? pct(pB, 3),
      after: ca.outcomes[own]!.passageProbabilityFraction ?? pct(pA, 3),
      count: after.length - before.length,
      divisor: String(2 ** (after.length - before.length)),
    }),
    doesNotShow: t('briefing.passage.does-not-show'),
  });

  // 4. Blocking power: Coleman's power to prevent under the majority rules (consensus: 1 for all).
  const rule = cap.rules.findIndex((r) => r.id === 'majority');
  const r = rule >= 0 ? rule : cap.rules.findIndex((x) => !x.own);
  if (r >= 0) {
    const bp = (st: typeof cb) => new Map(st.outcomes[r]!.players.map((p) => [p.id, p.blockingPower]));
    const bB = bp(cb);
    const bA = bp(ca);
    const chn = after.includes('CHN') ? 'CHN' : after[0]!;
    figures.push({
      id: 'blocking',
      title: t('briefing.blocking.title', { rule: ruleText(r) }),
      unit: 'index',
      beforeLabel: members(before.length),
      afterLabel: members(after.length),
      rows: [...new Set([...after, ...before])].map((m) => ({
        label: m,
        before: bB.get(m) ?? null,
        after: bA.get(m) ?? null,
      })),
      shows: t('briefing.blocking.shows', {
        rule: ruleText(r),
        name: name(chn),
        before: fix(bB.get(chn), 3),
        after: fix(bA.get(chn), 3),
      }),
      doesNotShow: t('briefing.blocking.does-not-show'),
    });
  }

  // 5. Alignment in the UN General Assembly, the old set before and the new set after.
  const al = inp.alignment?.stages.find((s) => s.date === stage.from) ?? null;
  if (al) {
    const b = al.before;
    const a = al.after;
    figures.push({
      id: 'alignment',
      title: t('briefing.alignment.title'),
      unit: 'index',
      beforeLabel: t('briefing.before-stage'),
      afterLabel: t('briefing.after-stage'),
      rows: [
        {
          label: t('briefing.the-before', { count: before.length }),
          before: b?.oldSet.agreementIndex ?? null,
          after: a?.oldSet.agreementIndex ?? null,
        },
        {
          label: t('briefing.the-after', { count: after.length }),
          before: b?.newSet.agreementIndex ?? null,
          after: a?.newSet.agreementIndex ?? null,
        },
      ],
      shows: al.comparable
        ? t('briefing.alignment.shows', {
            before: before.length,
            oldBefore: fix(b!.oldSet.agreementIndex!, 3),
            rollCalls: b!.rollCalls,
            after: after.length,
            newAfter: fix(a!.newSet.agreementIndex!, 3),
            rollCallsAfter: nf.int(a!.rollCalls),
            change: signed(al.change!, 3),
            se: fix(al.changeSe!, 3),
            newBefore: fix(b!.newSet.agreementIndex, 3),
          })
        : t('briefing.alignment.not-comparable', { note: al.note ?? t('briefing.alignment.no-periods') }),
      doesNotShow: t('briefing.alignment.does-not-show'),
    });
  } else notes.push(t('briefing.note.no-votes'));

  // The answer, from the figures.
  if (gdp) {
    const top = gdp.rows[0]!;
    const chnB = gdp.rows.find((x) => x.label === 'CHN');
    answer.push(
      chnB && chnB.before !== null && chnB.after !== null
        ? t('briefing.answer.dilution', {
            before: pct(chnB.before),
            after: pct(chnB.after),
            rest:
              top.label === 'CHN'
                ? t('briefing.answer.still-largest')
                : t('briefing.answer.now-largest', { name: name(top.label) }),
          })
        : t('briefing.answer.balance', { shows: gdp.shows }),
    );
  }
  answer.push(t('briefing.answer.paralysis', { before: pct(pB, 3), after: pct(pA, 3) }));
  const fa = figures.find((f) => f.id === 'alignment');
  if (fa && al?.comparable)
    answer.push(t('briefing.answer.alignment', { change: signed(al.change!, 3), se: fix(al.changeSe!, 3) }));
  else if (fa) answer.push(t('briefing.answer.alignment-shows', { shows: fa.shows }));

  const text = locale === 'en' ? spec : briefingSpecIn(spec.id, locale);
  return {
    id: spec.id,
    title: text.title,
    question: text.question,
    organization: { id: org.id, shortName: org.shortName },
    date: stage.from,
    joined: stage.joined,
    membersBefore: before,
    membersAfter: after,
    answer,
    figures,
    notes,
  };
}

/** A figure's data as CSV (RFC 4180; a cell starting with = + - @ is prefixed with '). */
export function figureCsv(f: BriefingFigure): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[
    ['label', f.beforeLabel, f.afterLabel].map(cell).join(','),
    ...f.rows.map((r) => [r.label, r.before, r.after].map(cell).join(',')),
  ].join('\r\n')}\r\n`;
}
