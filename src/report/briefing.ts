/**
 * A briefing per enlargement: one view that gathers what an analyst needs to judge a stage — the
 * balance of power among the members before and after (shares of GDP and military expenditure,
 * with concentration), the capacity to decide (passage probability by rule), each member's blocking
 * power, and the members' alignment in the UN General Assembly — each figure with one sentence on
 * what it shows and one on what it does not. Pure: the caller passes the data, the vote data and
 * the rules (the report section and the server route do). Browser-safe result (plain JSON).
 */
import type { AlignmentResult } from '../alignment/analysis.js';
import { balance, type Distribution } from '../balance/balance.js';
import { type MeasureId, YARDSTICKS } from '../balance/yardsticks.js';
import type { Dataset } from '../data/dataset.js';
import { ConcordError } from '../errors.js';
import { localizedShortName } from '../org/names.js';
import { stages } from '../org/organization.js';
import type { OrganizationRegistry } from '../org/registry.js';
import type { Organization } from '../org/schema.js';
import { type CapacityRule, capacity } from '../power/capacity.js';

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
}

const pct = (x: number | null | undefined, d = 1) => (x == null ? '–' : `${(x * 100).toFixed(d)}%`);
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

export function briefing(id: string, inp: BriefingInputs): Briefing {
  const { org, ds } = inp;
  const { spec, stage } = briefingStage(org, id);
  const name = (iso3: string) => ds.countries.get(iso3)?.name ?? iso3;
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
      notes.push(`${ys.noun}: no figures for both member sets up to ${stage.from.slice(0, 4)}.`);
      return null;
    }
    if (sb.dataYearNote) notes.push(`${ys.noun}: ${sb.dataYearNote}`);
    const lead = (d: Distribution) => Object.entries(d.shares).sort((x, y) => y[1] - x[1])[0]!;
    const [leadB, shareB] = lead(sb.before);
    const [leadA, shareA] = lead(sb.after);
    const second = Object.entries(sb.after.shares).sort((x, y) => y[1] - x[1])[1];
    const hhiB = sb.before.concentration?.hhi ?? null;
    const hhiA = sb.after.concentration?.hhi ?? null;
    const ids = [...new Set([...after, ...before])];
    return {
      id: `${measure}-shares`,
      title: `${ys.noun[0]!.toUpperCase()}${ys.noun.slice(1)} shares of the members, ${sb.dataYear}: the ${before.length} before and the ${after.length} after`,
      unit: 'share',
      beforeLabel: `${before.length} members`,
      afterLabel: `${after.length} members`,
      rows: ids
        .map((m) => ({ label: m, before: sb.before!.shares[m] ?? null, after: sb.after!.shares[m] ?? null }))
        .sort((x, y) => (y.after ?? y.before ?? 0) - (x.after ?? x.before ?? 0)),
      shows: `${name(leadB)} held ${pct(shareB)} of the ${before.length} members' ${ys.noun}; ${
        leadA === leadB
          ? `${pct(shareA)} of the ${after.length} members' after`
          : `${name(leadA)} leads the ${after.length} with ${pct(shareA)}`
      }${second ? `, ${name(second[0])} ${pct(second[1])}` : ''}; concentration (HHI) ${hhiB?.toFixed(3) ?? '–'} → ${hhiA?.toFixed(3) ?? '–'} (${sb.dataYear} figures for both sets).`,
      doesNotShow:
        measure === 'gdp'
          ? 'Economic weight is not a vote: under consensus a share of GDP buys no say in a decision, and the figures are at market exchange rates of one year.'
          : `Spending is not capability in use, and the ${ys.noun} figures end in ${b.measure.lastYear} (COW): a later stage is measured on the last year with figures for every member, so a newcomer's own spending may be missing.`,
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
  const pB = cb.outcomes[own]!.passageProbability;
  const pA = ca.outcomes[own]!.passageProbability;
  figures.push({
    id: 'passage',
    title: `Passage probability by rule: ${before.length} members before, ${after.length} after`,
    unit: 'share',
    beforeLabel: `${before.length} members`,
    afterLabel: `${after.length} members`,
    rows: cap.rules.map((r, i) => ({
      label: r.label,
      before: cb.outcomes[i]!.passageProbability,
      after: ca.outcomes[i]!.passageProbability,
    })),
    shows: `The share of all coalitions of members that would carry a decision: under the ${org.shortName}'s own rule ${cb.outcomes[own]!.passageProbabilityFraction ?? pct(pB, 3)} → ${ca.outcomes[own]!.passageProbabilityFraction ?? pct(pA, 3)}; under consensus it halves mechanically with each new member (${after.length - before.length} new: ÷${2 ** (after.length - before.length)}).`,
    doesNotShow:
      'How often the organization actually agrees: it counts coalitions as if every member said yes or no at random, and says nothing of the members’ preferences (see the alignment figure and the forecasts).',
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
      title: `Blocking power (Coleman's power to prevent) under ${cap.rules[r]!.label.toLowerCase()}: before and after`,
      unit: 'index',
      beforeLabel: `${before.length} members`,
      afterLabel: `${after.length} members`,
      rows: [...new Set([...after, ...before])].map((m) => ({
        label: m,
        before: bB.get(m) ?? null,
        after: bA.get(m) ?? null,
      })),
      shows: `Under consensus every member has a veto before and after (blocking power 1); under ${cap.rules[r]!.label.toLowerCase()} ${name(chn)}'s power to prevent a decision goes from ${bB.get(chn)?.toFixed(3) ?? '–'} to ${bA.get(chn)?.toFixed(3) ?? '–'}. With equal votes every member has the same figure; it moves with the number of members and, for a simple majority, jumps between odd and even counts (with an even number a tie fails, so a bare half can block).`,
      doesNotShow:
        'Whether a member would use its power: it is the share of winning coalitions a member can break by leaving, for random coalitions, not a forecast of vetoes.',
    });
  }

  // 5. Alignment in the UN General Assembly, the old set before and the new set after.
  const al = inp.alignment?.stages.find((s) => s.date === stage.from) ?? null;
  if (al) {
    const b = al.before;
    const a = al.after;
    figures.push({
      id: 'alignment',
      title: 'Cohesion in the UN General Assembly (Agreement Index): the old and the new member set',
      unit: 'index',
      beforeLabel: 'before the stage',
      afterLabel: 'after the stage',
      rows: [
        {
          label: `the ${before.length} before`,
          before: b?.oldSet.agreementIndex ?? null,
          after: a?.oldSet.agreementIndex ?? null,
        },
        {
          label: `the ${after.length} after`,
          before: b?.newSet.agreementIndex ?? null,
          after: a?.newSet.agreementIndex ?? null,
        },
      ],
      shows: al.comparable
        ? `The ${before.length} voted together at ${b!.oldSet.agreementIndex!.toFixed(3)} before (${b!.rollCalls} roll calls), the ${after.length} at ${a!.newSet.agreementIndex!.toFixed(3)} after (${a!.rollCalls}): a change of ${al.change! >= 0 ? '+' : ''}${al.change!.toFixed(3)} ± ${al.changeSe!.toFixed(3)}; the same ${after.length} states were at ${b!.newSet.agreementIndex?.toFixed(3) ?? '–'} before the stage, which separates the change of composition from a change in how they vote.`
        : `Not comparable: ${al.note ?? 'the vote data do not cover both periods'}.`,
      doesNotShow:
        'Agreement inside the SCO: UN votes are a public proxy for foreign-policy alignment, and the SCO’s own deliberations are not recorded.',
    });
  } else notes.push('No UN voting data for this stage.');

  // The answer, from the figures.
  if (gdp) {
    const top = gdp.rows[0]!;
    const chnB = gdp.rows.find((x) => x.label === 'CHN');
    answer.push(
      chnB && chnB.before !== null && chnB.after !== null
        ? `Dilution: China's share of the members' GDP went from ${pct(chnB.before)} to ${pct(chnB.after)}${top.label === 'CHN' ? '; it remains the largest member' : `; ${name(top.label)} is now the largest`}.`
        : `Balance: ${gdp.shows}`,
    );
  }
  answer.push(
    `Paralysis by the rules: the chance that a random coalition carries a decision under consensus fell from ${pct(pB, 3)} to ${pct(pA, 3)} — the arithmetic of any enlargement under unanimity, not evidence that the members agree less.`,
  );
  const fa = figures.find((f) => f.id === 'alignment');
  if (fa && al?.comparable)
    answer.push(
      `Alignment: cohesion in UN votes changed by ${al.change! >= 0 ? '+' : ''}${al.change!.toFixed(3)} ± ${al.changeSe!.toFixed(3)} (Agreement Index, 0–1).`,
    );
  else if (fa) answer.push(`Alignment: ${fa.shows}`);

  return {
    id: spec.id,
    title: spec.title,
    question: spec.question,
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
