/** Report section: the membership timeline of the organization and its predecessors. */

import { fullTimeline, lineage } from '../../org/history.js';
import { stages } from '../../org/organization.js';
import { esc } from '../../util/html.js';
import { renderTimeline, type TimelineLane } from '../charts/timeline.js';
import { escLinks, htmlTable } from '../html.js';
import { localeOf, numbers, reportT, statusName, summaryT } from '../i18n.js';
import { orgNames, stateName } from '../names.js';
import type { ReportSection } from '../report.js';

export const timelineSection: ReportSection = {
  id: 'timeline',
  title: 'Timeline',
  titleIn: (l) => reportT(l)('section.timeline'),
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const chain = lineage(ctx.registry, ctx.orgId);
    const lanes = new Map<string, TimelineLane & { first: string; bars: TimelineLane['bars'][number][] }>();
    for (const org of chain) {
      for (const m of org.memberships) {
        const lane = lanes.get(m.state) ?? {
          key: m.state,
          label: stateName(ctx.ds.countries, m.state, l),
          first: m.from,
          bars: [],
        };
        if (m.from < lane.first) lane.first = m.from;
        lane.bars.push({
          from: m.from,
          to: m.to ?? null,
          status: m.status,
          label: t(m.verified ? 'timeline.bar' : 'timeline.bar-unverified', {
            state: m.state,
            status: statusName(m.status, l),
            org: orgNames(org, l).shortName,
            from: m.from,
            to: m.to ?? t('timeline.now'),
          }),
          verified: m.verified,
        });
        lanes.set(m.state, lane);
      }
    }
    const sorted = [...lanes.values()].sort((a, b) => {
      const am = a.bars.find((x) => x.status === 'member')?.from ?? '9999';
      const bm = b.bars.find((x) => x.status === 'member')?.from ?? '9999';
      return am.localeCompare(bm) || a.first.localeCompare(b.first) || a.key.localeCompare(b.key);
    });
    const org = chain[chain.length - 1]!;
    const st = stages(org);
    const svg = renderTimeline({
      title: t('timeline.title', {
        org: orgNames(org, l).shortName,
        from: chain[0]!.founded.slice(0, 4),
        to: ctx.date.slice(0, 4),
      }),
      locale: l,
      from: chain[0]!.founded,
      to: ctx.date,
      lanes: sorted,
      marks: st.filter((s) => s.from <= ctx.date).map((s) => ({ date: s.from, label: s.from.slice(0, 4) })),
    });
    const events = fullTimeline(ctx.registry, ctx.orgId).filter((e) => e.date <= ctx.date);
    const table = htmlTable(
      [t('timeline.th.date'), t('timeline.th.organization'), t('timeline.th.event'), t('common.th.sources')],
      events.map((e) => [
        e.date,
        e.organization,
        {
          html: `${esc(e.title)}${e.verified ? '' : ` <span class="unverified">${esc(t('common.unverified'))}</span>`}`,
        },
        {
          html: `<span class="note">${[e.source, e.source2].filter(Boolean).map(escLinks).join('<br>')}</span>`,
        },
      ]),
      { caption: t('timeline.caption'), lang: l },
    );
    return {
      html: `${svg}\n<details><summary>${esc(t('timeline.all-events', { count: events.length }))}</summary>${table}</details>`,
      summary: st
        .filter((s) => s.from <= ctx.date)
        .map((s) =>
          summaryT(l)('timeline.stage', {
            date: numbers(l).date(s.from),
            count: s.members.length,
            change: `${s.joined.length && s.from !== org.founded ? ` (+${s.joined.join(', ')})` : ''}${s.left.length ? ` (−${s.left.join(', ')})` : ''}`,
          }),
        ),
    };
  },
};
