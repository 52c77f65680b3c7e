/**
 * The membership timeline: one lane per state, one bar per status record (as in the report's
 * timeline), dashed lines at the membership stages, and a line at the date being viewed.
 */
import { scaleLinear } from 'd3-scale';
import { memo, useMemo } from 'react';
import { lab } from '../../../src/i18n/messages/lab/index.js';
import { labCharts } from '../../../src/i18n/messages/lab-charts/index.js';
import { decimalYear } from '../../../src/report/charts/timeline.js';
import { STATUS_COLOURS } from '../../../src/util/palette.js';
import { useT } from '../i18n.js';
import { useCountryName, useOrgName } from '../names.js';
import type { History } from '../types.js';
import { STATUS_ORDER } from './EurasiaMap.js';

interface Lane {
  key: string;
  label: string;
  first: string;
  member: string;
  bars: Array<{ from: string; to: string | null; status: string; label: string; verified: boolean }>;
}

/** A label's approximate width in px at font-size 10: CJK characters are square, others about half. */
function textWidth(s: string): number {
  let w = 0;
  for (const c of s) w += c.codePointAt(0)! >= 0x2e80 ? 10 : 6.2;
  return w;
}

function TimelineImpl({ history, date, end }: { history: History; date: string; end: string }) {
  const t = useT(labCharts);
  const tl = useT(lab);
  const label = (s: string) => tl.or(`status.${s}`, s);
  const countryName = useCountryName();
  const orgName = useOrgName();
  const lanes = useMemo(() => {
    const m = new Map<string, Lane>();
    for (const org of history.lineage) {
      for (const r of org.memberships) {
        const lane = m.get(r.state) ?? {
          key: r.state,
          label: countryName(r.state, r.name),
          first: r.from,
          member: '9999',
          bars: [],
        };
        if (r.from < lane.first) lane.first = r.from;
        if (r.status === 'member' && r.from < lane.member) lane.member = r.from;
        lane.bars.push({
          from: r.from,
          to: r.to,
          status: r.status,
          label: t('timeline.bar', {
            name: countryName(r.state, r.name),
            status: tl.or(`status.${r.status}`, r.status),
            org: orgName(org).shortName,
            from: r.from,
            to: r.to ?? t('timeline.now'),
            verified: r.verified ? 'yes' : 'no',
          }),
          verified: r.verified,
        });
        m.set(r.state, lane);
      }
    }
    return [...m.values()].sort(
      (a, b) =>
        a.member.localeCompare(b.member) || a.first.localeCompare(b.first) || a.key.localeCompare(b.key),
    );
  }, [history, t, tl, countryName, orgName]);
  const start = history.lineage[0]?.founded ?? '2000-01-01';
  const width = 960;
  const laneH = 15;
  const top = 30;
  // Room for the longest lane name at 10 px (Russian names run longer: Объединённые Арабские Эмираты).
  const left = Math.max(
    130,
    Math.min(230, Math.ceil(Math.max(0, ...lanes.map((l) => textWidth(l.label)))) + 12),
  );
  const height = top + lanes.length * laneH + 12;
  const x = scaleLinear()
    .domain([decimalYear(start), decimalYear(end)])
    .range([left, width - 10]);
  const ticks = x.ticks(12);
  const now = x(decimalYear(date < start ? start : date > end ? end : date));
  const statuses = STATUS_ORDER.filter((s) => lanes.some((l) => l.bars.some((b) => b.status === s)));
  return (
    <svg
      className="timeline"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="timeline-title"
      fontSize={10}
      fontFamily="system-ui, sans-serif"
    >
      <title id="timeline-title">{t('timeline.title', { year: start.slice(0, 4), date })}</title>
      <g fill="#4f5b66">
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t).toFixed(1)},0)`}>
            <line y1={top - 4} y2={height - 8} stroke="#e3e7eb" />
            <text y={top - 8} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
      </g>
      <g>
        {statuses.map((s, i) => (
          <g key={s} transform={`translate(${left + i * 120},2)`}>
            <rect width={10} height={9} fill={STATUS_COLOURS[s]} />
            <text x={14} y={8}>
              {label(s)}
            </text>
          </g>
        ))}
      </g>
      {history.stages.map((s) => (
        <line
          key={s.from}
          x1={x(decimalYear(s.from))}
          x2={x(decimalYear(s.from))}
          y1={top - 2}
          y2={height - 8}
          stroke="#8a9099"
          strokeDasharray="3 3"
        />
      ))}
      {lanes.map((lane, i) => {
        const y = top + i * laneH;
        return (
          <g key={lane.key} className="lane" data-key={lane.key}>
            <text x={left - 6} y={y + laneH - 4} textAnchor="end">
              {lane.label}
            </text>
            {lane.bars.map((b) => {
              const x0 = x(decimalYear(b.from < start ? start : b.from));
              const x1 = x(decimalYear(b.to && b.to < end ? b.to : end));
              if (x1 <= x0) return null;
              const [by, bh] = b.status === 'applicant' ? [y + laneH - 4, 3] : [y + 2, laneH - 6];
              return (
                <rect
                  key={`${b.status}${b.from}`}
                  className="bar"
                  x={x0}
                  y={by}
                  width={x1 - x0}
                  height={bh}
                  fill={STATUS_COLOURS[b.status] ?? '#999'}
                  fillOpacity={b.verified ? 1 : 0.6}
                >
                  <title>{b.label}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
      <line className="now" x1={now} x2={now} y1={top - 4} y2={height - 4} stroke="#b00020" strokeWidth={2} />
    </svg>
  );
}

export const MembershipTimeline = memo(TimelineImpl);
