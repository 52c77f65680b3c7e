/**
 * Report section: the capacity to decide across the membership stages — passage probability by
 * stage and rule (with the EU Council reference band), and each member's blocking power (Coleman's
 * power to prevent) on the report date under each rule.
 */

import { capacity } from '../../power/capacity.js';
import { DEFAULT_COMPARISONS } from '../../power/capacity-options.js';
import { comparisonRules, loadReferenceBand, passageCell } from '../../power/load.js';
import { esc } from '../../util/html.js';
import { MAJORITY_PARITY_NOTE, renderBlockingChart, renderPassageChart } from '../charts/capacity.js';
import { htmlTable } from '../html.js';
import { localeOf, numbers, reportT, rich, ruleLabelIn, summaryT } from '../i18n.js';
import { orgNames } from '../names.js';
import type { ReportSection } from '../report.js';

/** A passage probability as "1/64 = 1.56%" in the locale (English: power/load.ts's passageCell). */
function passageCellIn(p: number, fraction: string | null, l: ReturnType<typeof localeOf>): string {
  if (l === 'en') return passageCell(p, fraction);
  const pct = numbers(l).pct(p, p < 0.01 ? 3 : 2);
  return fraction && fraction.length <= 12 ? `${fraction} = ${pct}` : pct;
}

export const capacitySection: ReportSection = {
  id: 'capacity',
  title: 'Capacity to decide',
  titleIn: (l) => reportT(l)('section.capacity'),
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const n = numbers(l);
    const sum = summaryT(l);
    const org = ctx.registry.get(ctx.orgId);
    const short = orgNames(org, l).shortName;
    const rules = comparisonRules(org, [...DEFAULT_COMPARISONS], process.cwd());
    const full = capacity(org, ctx.ds, rules);
    const label = (k: number) => ruleLabelIn({ ...rules[k]!, label: full.rules[k]!.label }, l);
    const stages = full.stages.filter((s) => s.from <= ctx.date);
    if (!stages.length) return { html: `<p>${esc(t('capacity.no-stage'))}</p>`, summary: [] };
    const band = loadReferenceBand();
    const labels = stages.map((s) => `${s.from.slice(0, 4)} (${s.members.length})`);
    const passage = renderPassageChart({
      title: t('capacity.passage-title', { org: short }),
      stages: labels,
      series: full.rules.map((_r, k) => ({
        label: label(k),
        values: stages.map((s) => s.outcomes[k]!.passageProbability),
      })),
      references: band.map((b) => ({
        label:
          b.id === 'eec-1958'
            ? t('capacity.ref.eec-1958')
            : b.id === 'eu27-nice'
              ? t('capacity.ref.eu27-nice')
              : t('capacity.ref.eu27-lisbon'),
        value: b.passageProbability,
      })),
      locale: l,
    });
    const last = stages[stages.length - 1]!;
    const blocking = renderBlockingChart({
      title: t('capacity.blocking-title', { org: short, date: n.date(ctx.date) }),
      members: last.members,
      series: full.rules.map((_r, k) => ({
        label: label(k),
        values: last.outcomes[k]!.players.map((p) => p.blockingPower),
      })),
      locale: l,
    });
    const passageTable = htmlTable(
      [t('capacity.th.stage'), t('capacity.th.members'), ...full.rules.map((_r, k) => label(k))],
      stages.map((s) => [
        s.from,
        `${s.members.length}${s.joined.length ? ` (+${s.joined.join(', ')})` : ''}${s.left.length ? ` (−${s.left.join(', ')})` : ''}`,
        ...s.outcomes.map((o) => passageCellIn(o.passageProbability, o.passageProbabilityFraction, l)),
      ]),
      { caption: t('capacity.passage-caption'), lang: l },
    );
    const bandTable = htmlTable(
      [
        t('capacity.th.council'),
        t('capacity.th.members'),
        t('capacity.th.passage'),
        t('capacity.th.literature'),
      ],
      band.map((b) => [
        b.shortName,
        b.players,
        passageCellIn(b.passageProbability, b.passageProbabilityFraction, l),
        b.literature ?? '',
      ]),
      { caption: t('capacity.band-caption'), lang: l },
    );
    const blockingTable = htmlTable(
      [t('capacity.th.member'), ...full.rules.map((_r, k) => label(k))],
      last.members.map((m, i) => [
        m,
        ...last.outcomes.map((o) => {
          const p = o.players[i]!;
          return p.blockingPower === null
            ? '–'
            : `${n.fixed(p.blockingPower, 3)}${p.veto ? ` ${t('capacity.veto')}` : ''}`;
        }),
      ]),
      { caption: t('capacity.blocking-caption', { date: n.date(ctx.date), from: last.from }), lang: l },
    );
    const own = stages.map((s) => s.outcomes[0]!);
    const ownRule = l === 'en' ? full.rules[0]!.label.replace(' (own rule)', '') : label(0);
    const html = `<p>${rich(t, 'capacity.intro', { rule: ownRule, org: org.id })}</p>
${passage}
${passageTable}
${bandTable}
${blocking}
${blockingTable}
<p class="note">${esc(t('capacity.note'))} ${esc(l === 'en' ? MAJORITY_PARITY_NOTE : t('capacity.parity-note'))}</p>`;
    return {
      html,
      summary: [
        sum('capacity.passage', {
          rule: l === 'en' ? full.rules[0]!.label : label(0),
          values: own
            .map((o) => o.passageProbabilityFraction ?? n.fixed(o.passageProbability, 4))
            .join(' → '),
        }),
        sum('capacity.others', {
          items: full.rules
            .slice(1)
            .map(
              (r, k) =>
                `${l === 'en' ? r.label : label(k + 1)} ${n.pct(last.outcomes[k + 1]!.passageProbability, 1)}`,
            )
            .join(sum('list')),
          date: n.date(last.from),
        }),
        sum('capacity.eu', {
          items: band.map((b) => `${b.id} ${n.pct(b.passageProbability, 1)}`).join(sum('list')),
        }),
      ],
    };
  },
};
