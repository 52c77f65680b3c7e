/**
 * Organization: the map of Eurasia on a date (slider), the membership timeline and dated events,
 * the facts of the member states, and the check of the seed paper's claims.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { lab } from '../../../src/i18n/messages/lab/index.js';
import { labOrg } from '../../../src/i18n/messages/lab-org/index.js';
import { factNoteIn } from '../../../src/report/notes.js';
import { describeRule } from '../../../src/rules/evaluate.js';
import type { Rule } from '../../../src/rules/schema.js';
import { api } from '../api.js';
import { BalancePanel } from '../components/BalancePanel.js';
import { ChartDownloads, svgIn } from '../components/ChartDownloads.js';
import { EurasiaMap } from '../components/EurasiaMap.js';
import { MembershipTimeline } from '../components/MembershipTimeline.js';
import { ErrorNote } from '../components/Notice.js';
import { OrgSelect } from '../components/OrgSelect.js';
import { TableBox } from '../components/TableBox.js';
import { fromDay, toDay, today } from '../dates.js';
import { useApi } from '../hooks.js';
import { useFormat, useLocale, useT } from '../i18n.js';
import { useCountryName, useOrgName } from '../names.js';
import { statusHistory } from '../org/history.js';
import { useSearch, useTitle } from '../router.js';
import type { ClaimsReport, History, OrgSummary, Snapshot } from '../types.js';

function statusMap(s: Snapshot | null): Map<string, string> {
  const m = new Map<string, string>();
  if (!s) return m;
  for (const p of s.partners) m.set(p.iso3, p.status);
  for (const a of s.applicants) if (!m.has(a.iso3)) m.set(a.iso3, 'applicant');
  for (const x of s.members) m.set(x.iso3, 'member');
  return m;
}

export function OrganizationPage() {
  const t = useT(labOrg);
  const tl = useT(lab);
  const search = useSearch();
  const [orgId, setOrgId] = useState(search.get('org') ?? 'sco');
  const end = today();
  const [date, setDate] = useState(search.get('at') ?? '2021-04-29');
  /** Says so when a typed date was outside the organization's life and moved to its edge. */
  const [clamped, setClamped] = useState<string | null>(null);
  const timelineBox = useRef<HTMLDivElement>(null);
  const orgs = useApi<{ organizations: OrgSummary[] }>('/api/orgs');
  const orgHistory = useApi<History>(`/api/orgs/${encodeURIComponent(orgId)}/history`);
  const { locale } = useLocale();
  // The explanations in the lab's language (the figures and verdicts are the same).
  const claims = useApi<ClaimsReport>(
    `/api/claims${locale === 'en' ? '' : `?lang=${locale === 'zh-Hans' ? 'zh' : locale}`}`,
  );
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [snapError, setSnapError] = useState<Error | null>(null);
  const cache = useRef(new Map<string, Snapshot>());
  const orgName = useOrgName();
  const found = orgs.data?.organizations.find((o) => o.id === orgId);
  const org = found ? { ...found, ...orgName(found) } : undefined;
  useTitle(t('title', { org: org?.shortName ?? orgName({ id: orgId }).shortName, date }));

  const start = orgHistory.data?.lineage[0]?.founded ?? org?.founded ?? '1996-04-26';
  const last = org?.dissolved ? fromDay(toDay(org.dissolved) - 1) : end;

  // Keep the date and organization in the address, so a view can be shared.
  useEffect(() => {
    const q = new URLSearchParams({ org: orgId, at: date });
    replaceUrl(`${window.location.pathname}?${q}`);
  }, [orgId, date]);

  useEffect(() => {
    const key = `${orgId}|${date}`;
    const hit = cache.current.get(key);
    if (hit) {
      setSnap(hit);
      setSnapError(null);
      return;
    }
    const ac = new AbortController();
    api<Snapshot>(`/api/orgs/${encodeURIComponent(orgId)}?at=${date}`, { signal: ac.signal })
      .then((s) => {
        cache.current.set(key, s);
        setSnap(s);
        setSnapError(null);
      })
      .catch((e: Error) => {
        if (!ac.signal.aborted) setSnapError(e);
      });
    return () => ac.abort();
  }, [orgId, date]);

  const countryName = useCountryName();
  const status = useMemo(() => statusMap(snap), [snap]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const o of orgHistory.data?.lineage ?? [])
      for (const r of o.memberships) m.set(r.state, countryName(r.state, r.name));
    return m;
  }, [orgHistory.data, countryName]);
  const events = orgHistory.data?.events ?? [];
  const prevEvent = [...events].reverse().find((e) => e.date < date);
  const nextEvent = events.find((e) => e.date > date);
  const clamp = (d: string) => (d < start ? start : d > last ? last : d);

  return (
    <>
      <h1 tabIndex={-1}>{t('h1')}</h1>
      <section aria-labelledby="controls-h" className="panel controls">
        <h2 id="controls-h" className="sr-only">
          {t('controls.heading')}
        </h2>
        <OrgSelect
          label={t('controls.org')}
          value={orgId}
          onChange={(id) => {
            setOrgId(id);
            cache.current.clear();
          }}
          organizations={orgs.data?.organizations}
        />
        <div className="slider-row">
          <label htmlFor="date-slider">{t('controls.date')}</label>
          <input
            id="date-slider"
            type="range"
            min={toDay(start)}
            max={toDay(last)}
            step={1}
            value={toDay(clamp(date))}
            aria-valuetext={date}
            onChange={(e) => {
              setClamped(null);
              setDate(fromDay(Number(e.target.value)));
            }}
          />
          <input
            type="date"
            aria-label={t('controls.exact')}
            value={date}
            min={start}
            max={last}
            onChange={(e) => {
              const v = e.target.value;
              if (!v) return;
              const c = clamp(v);
              setClamped(
                c === v
                  ? null
                  : v < start
                    ? t('clamped.before', {
                        date: v,
                        org: org?.shortName ?? t('clamped.org'),
                        start,
                        shown: c,
                      })
                    : t('clamped.after', { date: v, last, shown: c }),
              );
              setDate(c);
            }}
          />
        </div>
        {clamped ? (
          <p className="note" role="status" data-testid="clamped-date">
            {clamped}
          </p>
        ) : null}
        <div className="button-row">
          <button type="button" disabled={!prevEvent} onClick={() => prevEvent && setDate(prevEvent.date)}>
            {prevEvent ? t('event.previousAt', { date: prevEvent.date }) : t('event.previous')}
          </button>
          <button type="button" disabled={!nextEvent} onClick={() => nextEvent && setDate(nextEvent.date)}>
            {nextEvent ? t('event.nextAt', { date: nextEvent.date }) : t('event.next')}
          </button>
          {orgHistory.data?.stages.map((s) => (
            <button key={s.from} type="button" className="chip" onClick={() => setDate(s.from)}>
              {t('stage', { year: s.from.slice(0, 4), count: s.members.length })}
            </button>
          ))}
        </div>
      </section>
      <ErrorNote error={snapError ?? orgHistory.error} />
      <div className="grid-2">
        <section aria-labelledby="map-h" className="panel">
          <h2 id="map-h">
            {snap
              ? t('map.heading', { org: orgName(snap.organization).shortName, date: snap.date })
              : t('map.title')}
          </h2>
          <EurasiaMap
            status={status}
            title={
              snap
                ? t('map.svg', {
                    org: orgName(snap.organization).shortName,
                    date: snap.date,
                    members: snap.members.length,
                    partners: snap.partners.length,
                  })
                : t('map.fallback')
            }
          />
          {snap?.era ? <p className="note">{snap.era.note}</p> : null}
        </section>
        <section aria-labelledby="members-h" className="panel" aria-live="polite">
          <h2 id="members-h">{t('members.heading')}</h2>
          {snap ? (
            <>
              <p data-testid="summary">
                <strong>{t('summary.members', { count: snap.members.length })}</strong>
                {t('summary.rest', {
                  partners: snap.partners.length,
                  applicants: snap.applicants.length,
                  chair: snap.chairDetail
                    ? `${snap.chairDetail.state}${snap.chairDetail.summit ? ` (${snap.chairDetail.summit})` : ''}${snap.chairDetail.verified ? '' : ` ${t('unverified')}`}`
                    : t('summary.noChair'),
                  // The rule in words in the lab's language (English: the API's own description).
                  rule:
                    locale === 'en' ? snap.rule.description : describeRule(snap.rule.rule as Rule, locale),
                })}
              </p>
              <TableBox className="scroll" label={t('members.table')}>
                <table>
                  <caption className="sr-only">{t('members.caption', { date: snap.date })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('members.state')}</th>
                      <th scope="col">{t('members.status')}</th>
                      <th scope="col">{t('members.since')}</th>
                      <th scope="col">{t('members.history')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[
                      ...snap.members.map((m) => ({ ...m, status: 'member', history: undefined })),
                      ...snap.partners,
                      ...snap.applicants.map((a) => ({ ...a, status: 'applicant', history: undefined })),
                    ].map((r) => (
                      <tr key={`${r.iso3}${r.status}`}>
                        <td>
                          {countryName(r.iso3, r.name)} <span className="muted">{r.iso3}</span>
                        </td>
                        <td className={locale === 'zh-Hans' ? 'nowrap' : undefined}>
                          {tl.or(`status.${r.status}`, r.status)}
                        </td>
                        <td>
                          {r.since}
                          {r.verified ? '' : ' *'}
                        </td>
                        <td className="small" data-testid={r.history ? `history-${r.iso3}` : undefined}>
                          {statusHistory(
                            r.history,
                            (status, since) =>
                              t('members.period', { status: tl.or(`status.${status}`, status), since }),
                            t('members.periodSeparator'),
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
              {snap.unverified.length ? (
                <p className="muted small">{t('members.unverified', { list: snap.unverified.join('; ') })}</p>
              ) : null}
            </>
          ) : (
            <p>{tl('loading')}</p>
          )}
        </section>
      </div>
      <div className="grid-2">
        <section aria-labelledby="facts-h" className="panel">
          <h2 id="facts-h">{t('facts.heading')}</h2>
          {snap ? <Facts snap={snap} /> : <p>{tl('loading')}</p>}
        </section>
        <section aria-labelledby="balance-h" className="panel">
          <h2 id="balance-h">{t('balance.heading')}</h2>
          <BalancePanel
            orgId={snap?.organization.id ?? orgId}
            year={Number(date.slice(0, 4))}
            names={names}
          />
        </section>
      </div>
      <section aria-labelledby="timeline-h" className="panel">
        <h2 id="timeline-h">{t('timeline.heading')}</h2>
        {orgHistory.data ? (
          <div ref={timelineBox}>
            <MembershipTimeline history={orgHistory.data} date={date} end={last} />
            <ChartDownloads svg={() => svgIn(timelineBox.current)} name={`timeline-${orgId}-${date}`} />
          </div>
        ) : (
          <p>{tl('loading')}</p>
        )}
        <details>
          <summary>{t('timeline.events', { count: events.length })}</summary>
          <ol className="events">
            {events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events may share a date and title
              <li key={i} className={e.date <= date ? 'past' : 'future'}>
                <button type="button" className="link" onClick={() => setDate(clamp(e.date))}>
                  {e.date}
                </button>{' '}
                <span className="muted">{e.organization}</span> {e.title}
                {e.verified ? '' : ` ${t('unverified')}`}
              </li>
            ))}
          </ol>
        </details>
      </section>
      <section aria-labelledby="claims-h" className="panel">
        <h2 id="claims-h">{t('claims.heading')}</h2>
        <ErrorNote error={claims.error} />
        {claims.data ? <Claims report={claims.data} /> : <p>{tl('loading')}</p>}
      </section>
    </>
  );
}

function replaceUrl(url: string) {
  if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, '', url);
}

function Facts({ snap }: { snap: Snapshot }) {
  const t = useT(labOrg);
  const n = useFormat();
  const locale = n.locale;
  const f = snap.facts;
  const pct = (x: number | null | undefined) => (x == null ? '–' : n.percent(x, 1));
  const rows: Array<[string, string, string, string]> = [
    [
      t('facts.area'),
      t('facts.km2', { value: n.big(f.areaKm2) }),
      t('facts.ofEurasia', { share: pct(f.eurasiaAreaShare) }),
      '–',
    ],
    [
      t('facts.population'),
      n.big(f.population?.value),
      t('facts.ofWorld', { share: pct(f.worldPopulationShare) }),
      String(f.population?.year ?? '–'),
    ],
    [
      t('facts.gdp'),
      n.big(f.gdpUsd?.value),
      t('facts.ofWorld', { share: pct(f.worldGdpShare) }),
      String(f.gdpUsd?.year ?? '–'),
    ],
    [
      t('facts.cinc'),
      f.cinc ? n.fixed(f.cinc.value, 4) : '–',
      t('facts.ofCapabilities', { share: pct(f.cinc?.value) }),
      String(f.cinc?.year ?? '–'),
    ],
    [
      t('facts.nuclear'),
      String(f.nuclearStates.length),
      f.nuclearStates.join(', ') || t('facts.none'),
      t('facts.tests', { date: snap.date }),
    ],
  ];
  return (
    <>
      <TableBox label={t('facts.table')}>
        <table>
          <caption className="sr-only">{t('facts.caption', { date: snap.date })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facts.measure')}</th>
              <th scope="col">{t('facts.value')}</th>
              <th scope="col">{t('facts.share')}</th>
              <th scope="col">{t('facts.year')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r[0]}>
                <th scope="row">{r[0]}</th>
                <td className="num">{r[1]}</td>
                <td>{r[2]}</td>
                <td>{r[3]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      {f.notes.map((n) => (
        <p key={n} className="muted small">
          {t('facts.note', { note: factNoteIn(n, locale) })}
        </p>
      ))}
    </>
  );
}

function Claims({ report }: { report: ClaimsReport }) {
  const t = useT(labOrg);
  const n = useFormat();
  return (
    <>
      <p className="muted">{report.document}</p>
      <TableBox label={t('claims.table')}>
        <table>
          <caption className="sr-only">{t('claims.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claims.claim')}</th>
              <th scope="col">{t('claims.verdict')}</th>
              <th scope="col">{t('claims.deviation')}</th>
              <th scope="col">{t('claims.explanation')}</th>
            </tr>
          </thead>
          <tbody>
            {report.claims.map((c) => (
              <tr key={c.id}>
                <td>
                  <q>{c.quote}</q>
                </td>
                <td>
                  <span className={`verdict v-${c.verdict.replace(/ /g, '-')}`}>
                    {t.or(`verdict.${c.verdict}`, c.verdict)}
                  </span>
                </td>
                <td className="num">
                  {c.deviation === null ? '–' : `${c.deviation >= 0 ? '+' : ''}${n.percent(c.deviation, 1)}`}
                </td>
                <td>{c.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </>
  );
}
