/**
 * Organization: the map of Eurasia on a date (slider), the membership timeline and dated events,
 * the facts of the member states, and the check of the seed paper's claims.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { big, pct } from '../../../src/util/format.js';
import { api } from '../api.js';
import { BalancePanel } from '../components/BalancePanel.js';
import { ChartDownloads, svgIn } from '../components/ChartDownloads.js';
import { EurasiaMap } from '../components/EurasiaMap.js';
import { MembershipTimeline } from '../components/MembershipTimeline.js';
import { ErrorNote } from '../components/Notice.js';
import { TableBox } from '../components/TableBox.js';
import { fromDay, toDay, today } from '../dates.js';
import { useApi } from '../hooks.js';
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
  const search = useSearch();
  const [orgId, setOrgId] = useState(search.get('org') ?? 'sco');
  const end = today();
  const [date, setDate] = useState(search.get('at') ?? '2021-04-29');
  /** Says so when a typed date was outside the organization's life and moved to its edge. */
  const [clamped, setClamped] = useState<string | null>(null);
  const timelineBox = useRef<HTMLDivElement>(null);
  const orgs = useApi<{ organizations: OrgSummary[] }>('/api/orgs');
  const orgHistory = useApi<History>(`/api/orgs/${encodeURIComponent(orgId)}/history`);
  const claims = useApi<ClaimsReport>('/api/claims');
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [snapError, setSnapError] = useState<Error | null>(null);
  const cache = useRef(new Map<string, Snapshot>());
  const org = orgs.data?.organizations.find((o) => o.id === orgId);
  useTitle(`${org?.shortName ?? orgId.toUpperCase()} on ${date}`);

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

  const status = useMemo(() => statusMap(snap), [snap]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const o of orgHistory.data?.lineage ?? []) for (const r of o.memberships) m.set(r.state, r.name);
    return m;
  }, [orgHistory.data]);
  const events = orgHistory.data?.events ?? [];
  const prevEvent = [...events].reverse().find((e) => e.date < date);
  const nextEvent = events.find((e) => e.date > date);
  const clamp = (d: string) => (d < start ? start : d > last ? last : d);

  return (
    <>
      <h1 tabIndex={-1}>Organization on a date</h1>
      <section aria-labelledby="controls-h" className="panel controls">
        <h2 id="controls-h" className="sr-only">
          Choose an organization and a date
        </h2>
        <label>
          Organization{' '}
          <select
            value={orgId}
            onChange={(e) => {
              setOrgId(e.target.value);
              cache.current.clear();
            }}
          >
            {(orgs.data?.organizations ?? [{ id: 'sco', name: 'Shanghai Cooperation Organisation' }]).map(
              (o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ),
            )}
          </select>
        </label>
        <div className="slider-row">
          <label htmlFor="date-slider">Date</label>
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
            aria-label="Date (exact)"
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
                  : `${v} is ${v < start ? `before ${org?.shortName ?? 'the organization'} existed (founded ${start})` : `after the last date with data (${last})`}: showing ${c} instead.`,
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
            ◀ Previous event{prevEvent ? ` (${prevEvent.date})` : ''}
          </button>
          <button type="button" disabled={!nextEvent} onClick={() => nextEvent && setDate(nextEvent.date)}>
            Next event{nextEvent ? ` (${nextEvent.date})` : ''} ▶
          </button>
          {orgHistory.data?.stages.map((s) => (
            <button key={s.from} type="button" className="chip" onClick={() => setDate(s.from)}>
              Stage {s.from.slice(0, 4)}: {s.members.length} members
            </button>
          ))}
        </div>
      </section>
      <ErrorNote error={snapError ?? orgHistory.error} />
      <div className="grid-2">
        <section aria-labelledby="map-h" className="panel">
          <h2 id="map-h">{snap ? `${snap.organization.shortName} on ${snap.date}` : 'Map'}</h2>
          <EurasiaMap
            status={status}
            title={
              snap
                ? `${snap.organization.shortName} on ${snap.date}: ${snap.members.length} members, ${snap.partners.length} partners`
                : 'Map of Eurasia'
            }
          />
          {snap?.era ? <p className="note">{snap.era.note}</p> : null}
        </section>
        <section aria-labelledby="members-h" className="panel" aria-live="polite">
          <h2 id="members-h">Members and partners</h2>
          {snap ? (
            <>
              <p data-testid="summary">
                <strong>{snap.members.length} members</strong>, {snap.partners.length} partners
                {snap.applicants.length
                  ? `, ${snap.applicants.length} applicant${snap.applicants.length > 1 ? 's' : ''}`
                  : ''}
                . Chair:{' '}
                {snap.chairDetail
                  ? `${snap.chairDetail.state}${snap.chairDetail.summit ? ` (${snap.chairDetail.summit})` : ''}${snap.chairDetail.verified ? '' : ' (unverified)'}`
                  : 'not recorded'}
                . Rule: {snap.rule.description}.
              </p>
              <TableBox className="scroll" label="Member states">
                <table>
                  <caption className="sr-only">Status of each state on {snap.date}</caption>
                  <thead>
                    <tr>
                      <th scope="col">State</th>
                      <th scope="col">Status</th>
                      <th scope="col">Since</th>
                      <th scope="col">History</th>
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
                          {r.name} <span className="muted">{r.iso3}</span>
                        </td>
                        <td>{r.status}</td>
                        <td>
                          {r.since}
                          {r.verified ? '' : ' *'}
                        </td>
                        <td className="small" data-testid={r.history ? `history-${r.iso3}` : undefined}>
                          {statusHistory(r.history)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
              {snap.unverified.length ? (
                <p className="muted small">
                  * unverified (needs a second source): {snap.unverified.join('; ')}
                </p>
              ) : null}
            </>
          ) : (
            <p>Loading…</p>
          )}
        </section>
      </div>
      <div className="grid-2">
        <section aria-labelledby="facts-h" className="panel">
          <h2 id="facts-h">Facts of the member states</h2>
          {snap ? <Facts snap={snap} /> : <p>Loading…</p>}
        </section>
        <section aria-labelledby="balance-h" className="panel">
          <h2 id="balance-h">Balance of power among the members</h2>
          <BalancePanel
            orgId={snap?.organization.id ?? orgId}
            year={Number(date.slice(0, 4))}
            names={names}
          />
        </section>
      </div>
      <section aria-labelledby="timeline-h" className="panel">
        <h2 id="timeline-h">Timeline</h2>
        {orgHistory.data ? (
          <div ref={timelineBox}>
            <MembershipTimeline history={orgHistory.data} date={date} end={last} />
            <ChartDownloads svg={() => svgIn(timelineBox.current)} name={`timeline-${orgId}-${date}`} />
          </div>
        ) : (
          <p>Loading…</p>
        )}
        <details>
          <summary>All {events.length} dated events (choose one to move the date there)</summary>
          <ol className="events">
            {events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events may share a date and title
              <li key={i} className={e.date <= date ? 'past' : 'future'}>
                <button type="button" className="link" onClick={() => setDate(clamp(e.date))}>
                  {e.date}
                </button>{' '}
                <span className="muted">{e.organization}</span> {e.title}
                {e.verified ? '' : ' (unverified)'}
              </li>
            ))}
          </ol>
        </details>
      </section>
      <section aria-labelledby="claims-h" className="panel">
        <h2 id="claims-h">Do the seed paper's figures hold?</h2>
        <ErrorNote error={claims.error} />
        {claims.data ? <Claims report={claims.data} /> : <p>Loading…</p>}
      </section>
    </>
  );
}

function replaceUrl(url: string) {
  if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, '', url);
}

function Facts({ snap }: { snap: Snapshot }) {
  const f = snap.facts;
  const rows: Array<[string, string, string, string]> = [
    ['Area', `${big(f.areaKm2)} km²`, `${pct(f.eurasiaAreaShare)} of Eurasia`, '–'],
    [
      'Population',
      big(f.population?.value),
      `${pct(f.worldPopulationShare)} of world`,
      String(f.population?.year ?? '–'),
    ],
    [
      'GDP (current US$)',
      big(f.gdpUsd?.value),
      `${pct(f.worldGdpShare)} of world`,
      String(f.gdpUsd?.year ?? '–'),
    ],
    [
      'CINC (sum)',
      f.cinc ? f.cinc.value.toFixed(4) : '–',
      `${pct(f.cinc?.value)} of world capabilities`,
      String(f.cinc?.year ?? '–'),
    ],
    [
      'Nuclear-weapon states',
      String(f.nuclearStates.length),
      f.nuclearStates.join(', ') || 'none',
      `tests ≤ ${snap.date}`,
    ],
  ];
  return (
    <>
      <TableBox label="Aggregate facts">
        <table>
          <caption className="sr-only">Aggregate facts on {snap.date}</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Value</th>
              <th scope="col">Share</th>
              <th scope="col">Data year</th>
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
          note: {n}
        </p>
      ))}
    </>
  );
}

function Claims({ report }: { report: ClaimsReport }) {
  return (
    <>
      <p className="muted">{report.document}</p>
      <TableBox label="Claims and verdicts">
        <table>
          <caption className="sr-only">Claims and verdicts</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Verdict</th>
              <th scope="col">Deviation</th>
              <th scope="col">Explanation</th>
            </tr>
          </thead>
          <tbody>
            {report.claims.map((c) => (
              <tr key={c.id}>
                <td>
                  <q>{c.quote}</q>
                </td>
                <td>
                  <span className={`verdict v-${c.verdict.replace(/ /g, '-')}`}>{c.verdict}</span>
                </td>
                <td className="num">
                  {c.deviation === null ? '–' : `${c.deviation >= 0 ? '+' : ''}${pct(c.deviation)}`}
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
